// The local web mode: the same handlers the desktop app uses, reached over HTTP on 127.0.0.1 by a
// browser that holds the token `candor serve` printed. No framework: a handful of routes, each
// guarded the same way (see guard.ts).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import type { CandorEvent, Handlers } from '../../core/api';
import { CONTENT_SECURITY_POLICY } from '../main/content-security-policy';
import { invokeHandler } from '../services/handlers';
import { findToken, hostAllowed, originAllowed, TOKEN_QUERY, tokenCookieName, tokenMatcher } from './guard';
import { lookupStatic, openStatic } from './static-files';

export interface EventSourceLike {
  onEvent(listener: (event: CandorEvent) => void): () => void;
}

export interface ServerOptions {
  handlers: Handlers;
  /** the session whose events are streamed to the page */
  session: EventSourceLike;
  /** the built pages (out/renderer) */
  staticDir: string;
  /** only 127.0.0.1 is supported: the guard accepts no other Host */
  host?: '127.0.0.1';
  /** 0 picks a free port */
  port?: number;
  token: string;
  /** largest request body accepted; 50 MB by default */
  maxBodyBytes?: number;
  /** interval of the keep-alive comment on event streams; 15 s by default */
  heartbeatMs?: number;
  /** the path every page and API lives under, "/" plus letters and digits; random by default */
  prefix?: string;
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT/PREFIX/`, without the token */
  url: string;
  /** `/PREFIX`: the path everything is served under, the token cookie's Path */
  prefix: string;
  port: number;
  /** stops listening, ends the event streams and closes every connection */
  close(): Promise<void>;
}

const SECURITY_HEADERS: OutgoingHttpHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const DEFAULT_MAX_BODY = 50 * 1024 * 1024;
const DEFAULT_HEARTBEAT_MS = 15_000;
const INVOKE_PREFIX = '/api/invoke/';

function send(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body?: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
  res.end(body);
}

function sendText(res: ServerResponse, status: number, text: string, headers: OutgoingHttpHeaders = {}): void {
  send(res, status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers }, `${text}\n`);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }, JSON.stringify(value));
}

function isJsonContentType(header: string | undefined): boolean {
  return header?.split(';')[0].trim().toLowerCase() === 'application/json';
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const matches = tokenMatcher(options.token);
  const streams = new Set<ServerResponse>();
  // Cookies ignore ports: a cookie for 127.0.0.1 with Path=/ would go to every other local server the
  // browser visits. Everything lives under a random path instead and the cookie is scoped to it, so no
  // other server on the machine ever receives the token (it cannot guess the path).
  const prefix =
    options.prefix ??
    `/${randomBytes(9)
      .toString('base64url')
      .replace(/[^A-Za-z0-9]/g, 'x')}`;
  if (!/^\/[A-Za-z0-9]+$/.test(prefix))
    throw new Error(`The server prefix must be "/" followed by letters and digits, not ${JSON.stringify(prefix)}.`);
  let port = 0;

  function refuseWithoutToken(res: ServerResponse): void {
    sendText(
      res,
      401,
      `Candor refused this request: it did not carry the access token. Open the address that "candor serve" printed in its terminal (http://127.0.0.1:${port}/…/?token=…); if you closed that terminal, run "candor serve" again.`,
    );
  }

  async function invoke(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'POST') {
      sendText(res, 405, `${pathname} accepts only POST requests with a JSON body.`, { Allow: 'POST' });
      return;
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      sendText(res, 415, `${pathname} needs "Content-Type: application/json" and the handler's argument as JSON.`);
      return;
    }
    let name: string;
    try {
      name = decodeURIComponent(pathname.slice(INVOKE_PREFIX.length));
    } catch {
      sendText(res, 400, `The handler name in ${pathname} is not a valid URL path segment.`);
      return;
    }
    let text: string;
    try {
      text = await readBody(req, maxBody);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendText(res, 413, `The request body is larger than ${Math.round(maxBody / 1024 / 1024)} MB, the most Candor accepts.`, {
          Connection: 'close',
        });
        return;
      }
      throw error;
    }
    let arg: unknown;
    try {
      arg = JSON.parse(text);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      sendText(res, 400, `The body of ${pathname} is not valid JSON (${detail}); send the handler's argument as JSON, such as {}.`);
      return;
    }
    sendJson(res, 200, await invokeHandler(options.handlers, name, arg));
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') {
      sendText(res, 405, '/api/events accepts only GET (an EventSource).', { Allow: 'GET' });
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    // Tells the browser how soon to reconnect after the stream drops.
    res.write('retry: 2000\n: connected\n\n');
    streams.add(res);
    const unsubscribe = options.session.onEvent((event) => {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    res.on('close', stop);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, `${pathname} can only be read (GET).`, { Allow: 'GET, HEAD' });
      return;
    }
    const found = await lookupStatic(options.staticDir, pathname);
    if (found.kind === 'forbidden') {
      sendText(res, 403, `${pathname} is outside Candor's pages.`);
      return;
    }
    if (found.kind === 'not-found') {
      sendText(res, 404, `${pathname} is not one of Candor's pages.`);
      return;
    }
    const isHtml = found.contentType.startsWith('text/html');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': found.contentType,
      'Content-Length': found.size,
      'Cache-Control': isHtml ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(openStatic(found.path), res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) {
      sendText(
        res,
        421,
        `Candor answers only to http://127.0.0.1:${port} and http://localhost:${port}; this request was addressed to ${JSON.stringify(req.headers.host ?? '')}.`,
      );
      return;
    }
    if (!originAllowed(req.headers.origin, port)) {
      sendText(res, 403, `Candor refused a request sent from another site (${req.headers.origin}).`);
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === prefix && (req.method === 'GET' || req.method === 'HEAD')) {
      // The address without its final slash: relative links need the folder form.
      send(res, 308, { Location: `${prefix}/${url.search}`, 'Cache-Control': 'no-store' });
      return;
    }
    if (!url.pathname.startsWith(`${prefix}/`)) {
      sendText(res, 404, `Nothing is here. Candor's pages are at the address "candor serve" printed in its terminal.`);
      return;
    }
    const source = findToken(req, url, port, matches);
    if (!source) {
      refuseWithoutToken(res);
      return;
    }
    if (url.searchParams.has(TOKEN_QUERY) && (req.method === 'GET' || req.method === 'HEAD')) {
      // Trade the token in the address for a cookie, and drop it from the address so it does not
      // stay in the browser's history. The new address is built from the path inside the prefix with
      // its slashes collapsed, so it always starts with the prefix: never "//elsewhere.example/".
      url.searchParams.delete(TOKEN_QUERY);
      const inside = url.pathname.slice(prefix.length).replace(/^\/+/, '/');
      const headers: OutgoingHttpHeaders = { Location: `${prefix}${inside}${url.search}`, 'Cache-Control': 'no-store' };
      if (source === 'query') {
        headers['Set-Cookie'] = `${tokenCookieName(port)}=${options.token}; HttpOnly; SameSite=Strict; Path=${prefix}/`;
      }
      send(res, 303, headers);
      return;
    }
    const pathname = url.pathname.slice(prefix.length);
    if (pathname.startsWith(INVOKE_PREFIX)) return invoke(req, res, pathname);
    if (pathname === '/api/events') return events(req, res);
    if (pathname === '/api/flushed') {
      if (req.method !== 'POST') {
        sendText(res, 405, '/api/flushed accepts only POST.', { Allow: 'POST' });
        return;
      }
      // The web mode has no window to close, so nothing waits for the flush; drain and acknowledge.
      req.resume();
      send(res, 204, { 'Cache-Control': 'no-store' });
      return;
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      sendText(res, 404, `${pathname} is not part of Candor's API.`);
      return;
    }
    return serveStatic(req, res, pathname);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) {
        sendText(res, 500, `Candor could not answer ${req.method} ${req.url}: ${message}.`);
      } else {
        res.destroy();
      }
    });
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolvePromise({
        url: `http://${host}:${port}${prefix}/`,
        prefix,
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const res of streams) res.end();
            streams.clear();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
