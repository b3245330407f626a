// Who may talk to the local web mode. The server listens on 127.0.0.1, but any web page the user
// opens can still send requests there, so every request must carry the secret token, come with
// the server's own Host (a DNS-rebinding page would present its own name) and, when the browser
// sends an Origin, come from the server's own origin.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-candor-token';
export const TOKEN_QUERY = 'token';

/**
 * The cookie is named after the port: cookies are shared by every port of a host, so two
 * `candor serve` running at once would otherwise overwrite each other's token.
 */
export function tokenCookieName(port: number): string {
  return `candor_token_${port}`;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((host) => `http://${host}`);
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === undefined || allowedOrigins(port).includes(origin.toLowerCase());
}

/** Compares tokens in constant time; hashing first makes the inputs the same length. */
export function tokenMatcher(token: string): (given: string | undefined) => boolean {
  const expected = createHash('sha256').update(token).digest();
  return (given) => {
    if (typeof given !== 'string' || given.length === 0) return false;
    return timingSafeEqual(createHash('sha256').update(given).digest(), expected);
  };
}

/** Values of one cookie in a Cookie header; a name can repeat when cookies of several paths apply. */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

export type TokenSource = 'query' | 'cookie' | 'header';

/** Where a valid token came from, or undefined when none did. */
export function findToken(
  req: IncomingMessage,
  url: URL,
  port: number,
  matches: (given: string | undefined) => boolean,
): TokenSource | undefined {
  const header = req.headers[TOKEN_HEADER];
  if (matches(Array.isArray(header) ? header[0] : header)) return 'header';
  if (cookieValues(req.headers.cookie, tokenCookieName(port)).some(matches)) return 'cookie';
  if (matches(url.searchParams.get(TOKEN_QUERY) ?? undefined)) return 'query';
  return undefined;
}
