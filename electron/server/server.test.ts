import { request } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppInfo, CandorEvent, Handlers } from '../../core/api';
import { CONTENT_SECURITY_POLICY } from '../main/content-security-policy';
import { startServer, type RunningServer } from './server';

const TOKEN = 'k3Yx9Qm2Vb7Lp0Zr5Tw8Nc1Hd6Fs4Jg_AbCdEfGhIjK';
const WRONG = 'k3Yx9Qm2Vb7Lp0Zr5Tw8Nc1Hd6Fs4Jg_AbCdEfGhIjX';
const SECRET = 'top secret: outside the pages';
const INDEX = '<!doctype html><title>Candor</title><script type="module" src="./assets/app.js"></script>';

const info: AppInfo = { version: '1.2.3', shell: 'web', platform: 'linux', dataDir: '/data' };

function fakeHandlers(): Handlers {
  const none = async () => ({ ok: true as const, value: { status: 'none' as const } });
  return {
    'app-info': vi.fn(async () => ({ ok: true as const, value: info })),
    'workspace-get': vi.fn(none),
    'workspace-open': vi.fn(async ({ path }: { path: string }) => ({
      ok: false as const,
      error: { code: 'not-found' as const, message: `${path} does not exist`, file: path },
    })),
    'workspace-new': vi.fn(none),
    'workspace-save': vi.fn(async () => ({ ok: true as const, value: { revision: 'r1' } })),
    'workspace-save-as': vi.fn(none),
    'workspace-reload': vi.fn(none),
    'workspace-recent': vi.fn(async () => ({ ok: true as const, value: [] })),
    'backup-list': vi.fn(async () => ({ ok: true as const, value: [] })),
    'backup-read': vi.fn(async () => ({ ok: false as const, error: { code: 'not-found' as const, message: 'no such backup' } })),
    'backup-restore': vi.fn(none),
    'document-templates': vi.fn(async () => ({ ok: true as const, value: { sources: [], errors: [] } })),
    'document-export': vi.fn(async ({ path }: { path: string }) => ({ ok: true as const, value: { path } })),
    'export-file': vi.fn(async ({ path }: { path: string }) => ({ ok: true as const, value: { path } })),
    'document-download': vi.fn(async () => ({ ok: true as const, value: { fileName: 'n.md', mediaType: 'text/markdown', base64: '' } })),
    'export-download': vi.fn(async () => ({ ok: true as const, value: { fileName: 'ropa.csv', mediaType: 'text/csv', base64: '' } })),
    'import-preview': vi.fn(async ({ path }: { path: string }) => ({
      ok: false as const,
      error: { code: 'not-found' as const, message: `${path} does not exist`, file: path },
    })),
    'incidents-get': vi.fn(async () => ({
      ok: true as const,
      value: {
        path: '/w.incidents.candor.json',
        exists: false,
        register: { format: 'candor/incidents' as const, version: 1 as const, incidents: [] },
        revision: null,
      },
    })),
    'incidents-save': vi.fn(async () => ({ ok: true as const, value: { revision: 'r2' } })),
    'incident-draft-download': vi.fn(async () => ({
      ok: true as const,
      value: { fileName: 'people-notice.md', mediaType: 'text/markdown', base64: '' },
    })),
    'incident-draft-export': vi.fn(async ({ path }: { path: string }) => ({ ok: true as const, value: { path } })),
    'incident-register-download': vi.fn(async () => ({
      ok: true as const,
      value: { fileName: 'breach-register.csv', mediaType: 'text/csv', base64: '' },
    })),
    'incident-register-export': vi.fn(async ({ path }: { path: string }) => ({ ok: true as const, value: { path } })),
    'versions-list': vi.fn(async () => ({ ok: true as const, value: { archive: '/w.versions', versions: [] } })),
    'version-publish': vi.fn(async () => ({ ok: false as const, error: { code: 'no-workspace' as const, message: 'no workspace' } })),
    'version-read': vi.fn(async () => ({ ok: false as const, error: { code: 'not-found' as const, message: 'no such version' } })),
    'version-redline-download': vi.fn(async () => ({
      ok: false as const,
      error: { code: 'not-found' as const, message: 'no such version' },
    })),
    'version-redline-export': vi.fn(async () => ({
      ok: false as const,
      error: { code: 'not-found' as const, message: 'no such version' },
    })),
  };
}

function fakeSession() {
  const listeners = new Set<(event: CandorEvent) => void>();
  return {
    listeners,
    onEvent(listener: (event: CandorEvent) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit(event: CandorEvent) {
      for (const listener of listeners) listener(event);
    },
  };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let root: string;
let pages: string;
let server: RunningServer;
let handlers: Handlers;
let session: ReturnType<typeof fakeSession>;

/** The per-run path the test servers use; `send` puts it before every path unless told `outside`. */
const PREFIX = '/run1';

function send(
  method: string,
  pathInside: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; auth?: 'cookie' | 'header' | 'none'; outside?: boolean } = {},
): Promise<Answer> {
  const path = options.outside ? pathInside : `${PREFIX}${pathInside}`;
  const headers: Record<string, string> = { Host: `127.0.0.1:${server.port}`, ...options.headers };
  if (options.auth === 'cookie') headers.Cookie = `other=1; candor_token_${server.port}=${TOKEN}`;
  if (options.auth === 'header') headers['X-Candor-Token'] = TOKEN;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const invoke = (name: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  send('POST', `/api/invoke/${name}`, { auth: 'cookie', headers, body });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'candor-server-'));
  pages = join(root, 'pages');
  await mkdir(join(pages, 'assets'), { recursive: true });
  await writeFile(join(pages, 'index.html'), INDEX);
  await writeFile(join(pages, 'assets', 'app.js'), 'console.log("candor");');
  await writeFile(join(pages, 'assets', 'app.css'), 'body { margin: 0 }');
  await writeFile(join(pages, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(root, 'secret.txt'), SECRET);
  await symlink(join(root, 'secret.txt'), join(pages, 'assets', 'link.txt'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function start(extra: { maxBodyBytes?: number; heartbeatMs?: number } = {}) {
  handlers = fakeHandlers();
  session = fakeSession();
  server = await startServer({ handlers, session, staticDir: pages, host: '127.0.0.1', port: 0, token: TOKEN, prefix: PREFIX, ...extra });
}

afterEach(async () => {
  await server?.close();
});

describe('the token', () => {
  it('is required for pages, the API and the event stream', async () => {
    await start();
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/assets/app.js'],
      ['POST', '/api/invoke/app-info'],
      ['GET', '/api/events'],
      ['POST', '/api/flushed'],
    ]) {
      const answer = await send(method, path, {
        headers: { 'Content-Type': 'application/json' },
        body: method === 'POST' ? '{}' : undefined,
      });
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(answer.body).toContain('Open the address that "candor serve" printed');
    }
    expect(handlers['app-info']).not.toHaveBeenCalled();
  });

  it('in the address is traded for an HttpOnly, SameSite=Strict cookie and dropped from the address', async () => {
    await start();
    const answer = await send('GET', `/?token=${TOKEN}`);
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe(`${PREFIX}/`);
    // Scoped to the per-run path: cookies ignore ports, so Path=/ would reach every local server.
    expect(answer.headers['set-cookie']).toEqual([`candor_token_${server.port}=${TOKEN}; HttpOnly; SameSite=Strict; Path=${PREFIX}/`]);
    expect(answer.headers['referrer-policy']).toBe('no-referrer');

    const deeper = await send('GET', `/assets/app.js?v=2&token=${TOKEN}`);
    expect(deeper.status).toBe(303);
    expect(deeper.headers.location).toBe(`${PREFIX}/assets/app.js?v=2`);
  });

  it('redirects only within the per-run path, whatever slashes the address has', async () => {
    await start();
    for (const sneaky of ['/.//evil.example/', '//evil.example/', '/\\evil.example/', '///evil.example']) {
      const answer = await send('GET', `${sneaky}?token=${TOKEN}`);
      expect(answer.status, sneaky).toBe(303);
      expect(answer.headers.location, sneaky).toMatch(/^\/run1\/[^/\\]/);
    }
    const outside = await send('GET', `/.//evil.example/?token=${TOKEN}`, { outside: true });
    expect(outside.status).toBe(404);
    expect(outside.headers.location).toBeUndefined();
    expect(outside.headers['set-cookie']).toBeUndefined();
    // The folder itself without its slash goes to the folder form, keeping the query.
    const bare = await send('GET', `?token=${TOKEN}`);
    expect(bare.status).toBe(308);
    expect(bare.headers.location).toBe(`${PREFIX}/?token=${TOKEN}`);
  });

  it('is accepted as the cookie or the X-Candor-Token header, and a wrong one is refused', async () => {
    await start();
    expect((await send('GET', '/', { auth: 'cookie' })).status).toBe(200);
    expect((await send('GET', '/', { auth: 'header' })).status).toBe(200);
    expect((await send('GET', '/', { headers: { Cookie: `candor_token_${server.port}=${WRONG}` } })).status).toBe(401);
    expect((await send('GET', '/', { headers: { 'X-Candor-Token': WRONG } })).status).toBe(401);
    expect((await send('GET', `/?token=${WRONG}`)).status).toBe(401);
    // A cookie for another port's server is not this server's token.
    expect((await send('GET', '/', { headers: { Cookie: `candor_token_1=${TOKEN}` } })).status).toBe(401);
  });
});

describe('requests from elsewhere', () => {
  it('are refused when the Host is not this server (DNS rebinding)', async () => {
    await start();
    for (const host of [`evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1', `127.0.0.1.nip.io:${server.port}`]) {
      const answer = await send('GET', '/', { auth: 'cookie', headers: { Host: host } });
      expect(answer.status, host).toBe(421);
      expect(answer.body).not.toContain('<title>Candor');
    }
    expect((await send('GET', '/', { auth: 'cookie', headers: { Host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('are refused when the Origin is another site, even with the token', async () => {
    await start();
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`]) {
      const answer = await invoke('app-info', '{}', { 'Content-Type': 'application/json', Origin: origin });
      expect(answer.status, origin).toBe(403);
    }
    expect(handlers['app-info']).not.toHaveBeenCalled();
    for (const origin of [`http://127.0.0.1:${server.port}`, `http://localhost:${server.port}`]) {
      expect((await invoke('app-info', '{}', { 'Content-Type': 'application/json', Origin: origin })).status).toBe(200);
    }
  });
});

describe('pages', () => {
  it('serves index.html for / with the security headers and no caching', async () => {
    await start();
    const answer = await send('GET', '/', { auth: 'cookie' });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(INDEX);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    // The page may not be framed by another site (clickjacking); only a header can say so.
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with their content types, and answers HEAD without a body', async () => {
    await start();
    const cases: [string, string][] = [
      ['/assets/app.js', 'text/javascript; charset=utf-8'],
      ['/assets/app.css', 'text/css; charset=utf-8'],
      ['/assets/logo.svg', 'image/svg+xml'],
      ['/index.html', 'text/html; charset=utf-8'],
    ];
    for (const [path, type] of cases) {
      const answer = await send('GET', path, { auth: 'cookie' });
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-type'], path).toBe(type);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    const head = await send('HEAD', '/assets/app.js', { auth: 'cookie' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String('console.log("candor");'.length));
    expect(head.body).toBe('');
    expect((await send('GET', '/assets/missing.js', { auth: 'cookie' })).status).toBe(404);
    expect((await send('GET', '/assets', { auth: 'cookie' })).status).toBe(404);
    expect((await send('DELETE', '/index.html', { auth: 'cookie' })).status).toBe(405);
  });

  it('cannot be used to read files outside the folder', async () => {
    await start();
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2F..%2Fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00/secret.txt',
      '/assets/link.txt',
      `/${'..%2f'.repeat(12)}etc/passwd`,
    ]) {
      const answer = await send('GET', path, { auth: 'cookie' });
      expect([403, 404], path).toContain(answer.status);
      expect(answer.body, path).not.toContain(SECRET);
      expect(answer.body, path).not.toContain('root:');
    }
  });
});

describe('the API', () => {
  it('runs a handler and answers its Result as JSON', async () => {
    await start();
    const answer = await invoke('app-info', '{}');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: info });

    const open = await send('POST', '/api/invoke/workspace-open', {
      auth: 'header',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ path: '/nowhere.candor.json' }),
    });
    expect(JSON.parse(open.body)).toEqual({
      ok: false,
      error: { code: 'not-found', message: '/nowhere.candor.json does not exist', file: '/nowhere.candor.json' },
    });
    expect(handlers['workspace-open']).toHaveBeenCalledWith({ path: '/nowhere.candor.json' });
  });

  it('reaches the incident register handlers, with their arguments checked as for every handler', async () => {
    await start();
    expect(JSON.parse((await invoke('incidents-get', '{}')).body)).toMatchObject({ ok: true, value: { exists: false } });
    const draft = { incidentId: 'laptop', draft: 'people-notice', format: 'markdown' };
    expect(JSON.parse((await invoke('incident-draft-download', JSON.stringify(draft))).body)).toMatchObject({ ok: true });
    expect(handlers['incident-draft-download']).toHaveBeenCalledWith(draft);
    const wrong = await invoke('incident-draft-download', JSON.stringify({ ...draft, draft: '../../etc/passwd' }));
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(handlers['incident-draft-download']).toHaveBeenCalledTimes(1);
  });

  it('answers errors of the contract as Results with status 200', async () => {
    await start();
    const unknown = await invoke('workspace-delete', '{}');
    expect(unknown.status).toBe(200);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-handler' } });
    const badArg = await invoke('workspace-open', '{"path": 42}');
    expect(badArg.status).toBe(200);
    expect(JSON.parse(badArg.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(handlers['workspace-open']).not.toHaveBeenCalled();
  });

  it('refuses malformed JSON (400), other content types (415), other methods (405) and unknown API paths (404)', async () => {
    await start();
    const malformed = await invoke('app-info', '{"oops":');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(malformed.body).toMatch(/is not valid JSON/);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect((await invoke('app-info', '{}', { 'Content-Type': type })).status, type).toBe(415);
    }
    expect((await send('GET', '/api/invoke/app-info', { auth: 'cookie' })).status).toBe(405);
    expect((await send('GET', '/api/nothing', { auth: 'cookie' })).status).toBe(404);
    expect(handlers['app-info']).not.toHaveBeenCalled();
  });

  it('refuses a body over the limit with 413', async () => {
    await start({ maxBodyBytes: 1024 });
    const big = JSON.stringify({ path: 'x'.repeat(2000) });
    const answer = await invoke('workspace-open', big);
    expect(answer.status).toBe(413);
    expect(handlers['workspace-open']).not.toHaveBeenCalled();
    // Without a declared length (chunked), the limit still holds.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: `${PREFIX}/api/invoke/workspace-open`,
          headers: { Host: `127.0.0.1:${server.port}`, 'X-Candor-Token': TOKEN, 'Content-Type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(big.slice(0, 1000));
      req.end(big.slice(1000));
    });
    expect(chunked).toBe(413);
  });

  it('answers with a large download whole: the limit is on what is sent, not on what comes back', async () => {
    // A Word notice of a large workspace runs to a few MB, a third more in base64.
    await start({ maxBodyBytes: 1024 });
    const base64 = Buffer.alloc(8 * 1024 * 1024, 7).toString('base64');
    const download = { fileName: 'privacy-notice.docx', mediaType: 'application/zip', base64 };
    vi.mocked(handlers['document-download']).mockResolvedValueOnce({ ok: true, value: download });
    const answer = await invoke('document-download', JSON.stringify({ id: 'privacy-notice', format: 'docx' }));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: download });
  });

  it('accepts /api/flushed', async () => {
    await start();
    const answer = await send('POST', '/api/flushed', { auth: 'cookie', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(answer.status).toBe(204);
  });
});

describe('the event stream', () => {
  function openStream(): Promise<{
    status: number;
    type: string | undefined;
    next(): Promise<string>;
    ended: Promise<void>;
    close(): void;
  }> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `${PREFIX}/api/events`,
          headers: { Host: `127.0.0.1:${server.port}`, Cookie: `candor_token_${server.port}=${TOKEN}` },
        },
        (res) => {
          let buffer = '';
          const waiting: ((block: string) => void)[] = [];
          const blocks: string[] = [];
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) !== -1) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const waiter = waiting.shift();
              if (waiter) waiter(block);
              else blocks.push(block);
            }
          });
          const ended = new Promise<void>((done) => res.on('close', () => done()));
          resolve({
            ended,
            status: res.statusCode ?? 0,
            type: res.headers['content-type'],
            next: () => {
              const block = blocks.shift();
              return block !== undefined ? Promise.resolve(block) : new Promise((r) => waiting.push(r));
            },
            close: () => req.destroy(),
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  it('delivers session events as Server-Sent Events, with heartbeats, and unsubscribes when the page leaves', async () => {
    await start({ heartbeatMs: 50 });
    const stream = await openStream();
    expect(stream.status).toBe(200);
    expect(stream.type).toBe('text/event-stream; charset=utf-8');
    expect(await stream.next()).toBe('retry: 2000\n: connected');
    expect(session.listeners.size).toBe(1);

    const event: CandorEvent = { type: 'workspace-changed-on-disk', path: '/w/ridgeline.candor.json' };
    session.emit(event);
    let block = await stream.next();
    while (block === ': heartbeat') block = await stream.next();
    expect(block).toBe(`data: ${JSON.stringify(event)}`);
    expect(await stream.next()).toBe(': heartbeat');

    stream.close();
    await vi.waitFor(() => expect(session.listeners.size).toBe(0));
  });

  it('is ended by close()', async () => {
    await start();
    const stream = await openStream();
    await stream.next();
    await server.close();
    await stream.ended;
    expect(session.listeners.size).toBe(0);
    await expect(send('GET', '/', { auth: 'cookie' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

describe('listening', () => {
  it('is on 127.0.0.1 only, on a free port unless one is chosen', async () => {
    await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}${PREFIX}/`);
    expect(server.port).toBeGreaterThan(0);
    const first = server;
    await expect(startServer({ handlers, session, staticDir: pages, port: first.port, token: TOKEN })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });
});
