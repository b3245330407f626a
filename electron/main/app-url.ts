// Where the app's own page lives, and how a URL is recognised as ours. The built renderer is served
// from a privileged custom scheme rather than file:// so that every response can carry a CSP header,
// the page gets a real origin, and no other local file is reachable from it.
import { isAbsolute, relative, resolve } from 'node:path';

export const APP_SCHEME = 'candor';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The page the window loads: the electron-vite dev server when one is given (development only; the
 * caller passes it only for an unpackaged app), else the built renderer through our scheme.
 */
export function appEntryUrl(devServerUrl?: string): string {
  return devServerUrl ? devServerUrl : APP_ENTRY_URL;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Whether `url` is a page of ours (our scheme and host, or the same origin as the dev server). */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (!devServerUrl) return false;
  const dev = parse(devServerUrl);
  return dev !== undefined && (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.origin === dev.origin;
}

/**
 * The file inside `rendererDir` that a request for `url` asks for, or undefined when the URL is not
 * ours or would reach outside the folder (`..`, encoded separators, NUL bytes).
 */
export function rendererFileFor(rendererDir: string, url: string): string | undefined {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const root = resolve(rendererDir);
  const file = resolve(root, `.${pathname}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  return file;
}

export { contentTypeFor } from '../services/content-types';
