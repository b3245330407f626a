import { request } from 'node:http';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SAMPLE_FILE_NAME } from '../services/paths';
import { WorkspaceSession } from '../services/session';
import { lockPathFor } from '../services/workspace-lock';
import { memoryOutput } from './output';
import { serveCommand, type ServeDependencies } from './serve';

const SAMPLE = resolve(__dirname, '../../resources/examples/little-moments.candor.json');
const RUNNING = /^Candor is running at http:\/\/127\.0\.0\.1:(\d+)(\/[A-Za-z0-9]+)\/\?token=([A-Za-z0-9_-]{43})$/;

let dir: string;
let pages: string;
let workspace: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'candor-serve-'));
  pages = join(dir, 'pages');
  await mkdir(pages);
  await writeFile(join(pages, 'index.html'), '<!doctype html><title>Candor</title>');
  workspace = join(dir, 'little.candor.json');
  await copyFile(SAMPLE, workspace);
  await chmod(workspace, 0o644);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function deps(overrides: Partial<ServeDependencies> = {}) {
  let stop!: () => void;
  const untilStopped = new Promise<void>((resolveStop) => {
    stop = resolveStop;
  });
  return {
    stop,
    deps: { dataDir: join(dir, 'data'), staticDir: pages, version: '1.0.0', untilStopped, ...overrides },
  };
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolveAnswer, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolveAnswer({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Collects what serve prints, like memoryOutput, and tells when the first line arrives. */
function printed() {
  const output = memoryOutput();
  let announce!: (line: string) => void;
  const firstLine = new Promise<string>((resolveLine) => (announce = resolveLine));
  const out = output.out;
  output.out = (line) => {
    out(line);
    announce(output.stdout[0]);
  };
  return Object.assign(output, { firstLine });
}

/** The first line serve prints; fails at once, with what it said, if it stops instead. */
function waitForLine(output: ReturnType<typeof printed>, running: Promise<number>): Promise<string> {
  return Promise.race([
    output.firstLine,
    running.then((code) => {
      if (output.stdout.length > 0) return output.stdout[0];
      throw new Error(`serve printed nothing (exit ${code}): ${output.stderr.join(' | ')}`);
    }),
  ]);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

describe('candor serve', () => {
  it('prints one line with the address and token, serves the workspace, and releases it when stopped', async () => {
    const output = printed();
    const { stop, deps: d } = deps();
    const running = serveCommand(workspace, {}, output, d);
    const line = await waitForLine(output, running);
    const [, port, prefix, token] = RUNNING.exec(line) ?? [];
    expect(line).toMatch(RUNNING);
    expect(await exists(lockPathFor(workspace))).toBe(true);

    const entry = await get(Number(port), `${prefix}/?token=${token}`);
    expect(entry.status).toBe(303);
    expect(entry.headers['set-cookie']).toEqual([`candor_token_${port}=${token}; HttpOnly; SameSite=Strict; Path=${prefix}/`]);

    const state = await get(
      Number(port),
      `${prefix}/api/invoke/workspace-get`,
      { 'X-Candor-Token': token, 'Content-Type': 'application/json' },
      'POST',
      '{}',
    );
    const result = JSON.parse(state.body);
    expect(result).toMatchObject({ ok: true, value: { status: 'open', path: workspace } });
    expect(result.value.readOnly).toBeUndefined();
    const info = await get(
      Number(port),
      `${prefix}/api/invoke/app-info`,
      { 'X-Candor-Token': token, 'Content-Type': 'application/json' },
      'POST',
      '{}',
    );
    expect(JSON.parse(info.body)).toEqual({
      ok: true,
      value: { version: '1.0.0', shell: 'web', platform: process.platform, dataDir: join(dir, 'data') },
    });

    stop();
    expect(await running).toBe(0);
    expect(output.stdout).toEqual([line]);
    expect(output.stderr).toEqual([]);
    expect(await exists(lockPathFor(workspace))).toBe(false);
    await expect(get(Number(port), '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('stops within its deadline even when closing the workspace never finishes, and says so', async () => {
    const stuck = vi.spyOn(WorkspaceSession.prototype, 'close').mockImplementation(() => new Promise<void>(() => undefined));
    try {
      const output = printed();
      const forceExit = vi.fn();
      const { stop, deps: d } = deps({ stopDeadlineMs: 50, forceExit });
      const running = serveCommand(workspace, {}, output, d);
      await waitForLine(output, running);
      stop();
      expect(await running).toBe(0);
      expect(forceExit).toHaveBeenCalledWith(0);
      expect(output.stderr.join('\n')).toMatch(/stopped without waiting any longer/);
    } finally {
      stuck.mockRestore();
    }
  });

  it('gives each run its own token', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++) {
      const output = printed();
      const { stop, deps: d } = deps();
      const running = serveCommand(workspace, {}, output, d);
      tokens.push(RUNNING.exec(await waitForLine(output, running))?.[3] ?? '');
      stop();
      expect(await running).toBe(0);
    }
    expect(tokens[0]).not.toBe(tokens[1]);
  });

  it('listens on the port asked for, and says so when it is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const output = memoryOutput();
      const { deps: d } = deps();
      expect(await serveCommand(workspace, { port: taken }, output, d)).toBe(2);
      expect(output.stdout).toEqual([]);
      expect(output.stderr).toEqual([
        `Port ${taken} on 127.0.0.1 is already in use; choose another with --port, or leave --port out to use a free one.`,
      ]);
      // The failed start must not keep the workspace locked.
      expect(await exists(lockPathFor(workspace))).toBe(false);
    } finally {
      await new Promise((r) => blocker.close(r));
    }

    const output = printed();
    const { stop, deps: d } = deps();
    const running = serveCommand(workspace, { port: taken }, output, d);
    expect(await waitForLine(output, running)).toMatch(
      new RegExp(`^Candor is running at http://127\\.0\\.0\\.1:${taken}/[A-Za-z0-9]+/\\?token=`),
    );
    stop();
    expect(await running).toBe(0);
  });

  it('says the pages are not built when the folder has no index.html (exit 2), before touching the workspace', async () => {
    const output = memoryOutput();
    const empty = join(dir, 'empty');
    await mkdir(empty);
    const { deps: d } = deps({ staticDir: empty });
    expect(await serveCommand(workspace, {}, output, d)).toBe(2);
    expect(output.stderr).toEqual([`Candor's web pages are not built (there is no index.html in ${empty}); run "npm run build" first.`]);
    expect(await exists(lockPathFor(workspace))).toBe(false);
  });

  it('refuses a workspace that cannot be opened, with the reason', async () => {
    const missing = join(dir, 'missing.candor.json');
    const output = memoryOutput();
    const { deps: d } = deps();
    expect(await serveCommand(missing, {}, output, d)).toBe(2);
    expect(output.stdout).toEqual([]);
    expect(output.stderr).toHaveLength(1);
    expect(output.stderr[0]).toContain(missing);

    const ws = JSON.parse(await readFile(SAMPLE, 'utf8'));
    ws.dataTypes[0].purposes = ['no-such-purpose'];
    const invalid = join(dir, 'invalid.candor.json');
    await writeFile(invalid, JSON.stringify(ws));
    const invalidOutput = memoryOutput();
    const second = deps();
    expect(await serveCommand(invalid, {}, invalidOutput, second.deps)).toBe(1);
    expect(invalidOutput.stderr[0]).toContain(invalid);
    expect(invalidOutput.stderr).toContain(
      'dataTypes[0].purposes[0]: no purpose has the id "no-such-purpose"; add it under Purposes or remove the reference',
    );
    expect(await exists(lockPathFor(invalid))).toBe(false);
  });

  it('refuses a workspace together with --example', async () => {
    const output = memoryOutput();
    const { deps: d } = deps();
    expect(await serveCommand(workspace, { example: true }, output, d)).toBe(2);
    expect(output.stderr).toEqual([
      'Give either a workspace file or --example, not both: "candor serve ridgeline.candor.json" or "candor serve --example".',
    ]);
  });

  it('opens a copy of the sample in the data folder when no workspace is given', async () => {
    const output = printed();
    const { stop, deps: d } = deps();
    const running = serveCommand(undefined, { example: true }, output, d);
    const [, port, prefix, token] = RUNNING.exec(await waitForLine(output, running)) ?? [];
    const copy = join(dir, 'data', 'examples', SAMPLE_FILE_NAME);
    const state = await get(
      Number(port),
      `${prefix}/api/invoke/workspace-get`,
      { 'X-Candor-Token': token, 'Content-Type': 'application/json' },
      'POST',
      '{}',
    );
    expect(JSON.parse(state.body)).toMatchObject({ ok: true, value: { status: 'open', path: copy } });
    stop();
    expect(await running).toBe(0);

    const session = new WorkspaceSession({ dataDir: join(dir, 'data') });
    try {
      const reopened = await session.open(copy);
      expect(reopened).toMatchObject({ status: 'open', path: copy });
      expect(reopened.status === 'open' && reopened.readOnly).toBeFalsy();
    } finally {
      await session.close();
    }
  });
});

describe('candor serve --open (npm run web)', () => {
  it.each([
    [true, 'Opened it in your default browser.'],
    [false, 'No web browser could be opened here: open the link above in a browser on this machine.'],
  ])('prints the link, then opens it (opener says %s)', async (opens, said) => {
    const output = memoryOutput();
    const asked: string[] = [];
    const { stop, deps: d } = deps({
      openBrowser: async (url) => {
        asked.push(url);
        return opens;
      },
    });
    const running = serveCommand(workspace, { open: true }, output, d);
    await vi.waitFor(() => expect(output.stderr.join('\n')).toContain(said), { timeout: 15_000 });
    expect(output.stdout).toHaveLength(1);
    expect(output.stdout[0]).toMatch(RUNNING);
    expect(asked).toEqual([output.stdout[0].slice('Candor is running at '.length)]);
    stop();
    expect(await running).toBe(0);
  });

  it('opens nothing without --open', async () => {
    const output = memoryOutput();
    const asked: string[] = [];
    const { stop, deps: d } = deps({
      openBrowser: async (url) => {
        asked.push(url);
        return true;
      },
    });
    const running = serveCommand(workspace, {}, output, d);
    await vi.waitFor(() => expect(output.stdout).toHaveLength(1), { timeout: 15_000 });
    stop();
    expect(await running).toBe(0);
    expect(asked).toEqual([]);
    expect(output.stderr.join('\n')).not.toContain('browser');
  });
});
