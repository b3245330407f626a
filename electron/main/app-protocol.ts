// Serves the built renderer from candor://app/ (see app-url.ts for why not file://).
import { protocol, type Session } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, contentTypeFor, rendererFileFor } from './app-url';
import { securityHeaders } from './content-security-policy';

/** Must run before the app is ready. `standard` gives the page a real origin and relative URLs. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(ses: Session, rendererDir: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: securityHeaders() });
    }
    const file = rendererFileFor(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404, headers: securityHeaders() });
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return new Response('Not found', { status: 404, headers: securityHeaders() });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { 'Content-Type': contentTypeFor(file), ...securityHeaders() },
    });
  });
}
