// The built pages (out/renderer), served read-only. Only files inside the folder can be reached:
// the decoded path is resolved and then checked against the folder's real location, so neither
// `..` (plain or percent-encoded) nor a symbolic link leads outside it.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { contentTypeFor } from '../services/content-types';

export { contentTypeFor };

function inside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

export type StaticLookup =
  { kind: 'file'; path: string; size: number; contentType: string } | { kind: 'not-found' } | { kind: 'forbidden' };

/**
 * Maps a URL path (still percent-encoded, as in the request) to a file of `root`.
 * `/` and paths ending in `/` mean the folder's index.html.
 */
export async function lookupStatic(root: string, urlPath: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'not-found' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'forbidden' };
  const wanted = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const rootReal = await realpath(root);
  const candidate = resolve(rootReal, `.${wanted.startsWith('/') ? wanted : `/${wanted}`}`);
  if (!inside(rootReal, candidate)) return { kind: 'forbidden' };
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return { kind: 'not-found' };
  }
  if (!inside(rootReal, real)) return { kind: 'forbidden' };
  const info = await stat(real);
  if (!info.isFile()) return { kind: 'not-found' };
  return { kind: 'file', path: real, size: info.size, contentType: contentTypeFor(real) };
}

export function openStatic(path: string) {
  return createReadStream(path);
}
