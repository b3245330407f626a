// Tidying what people type into address fields, so "stillwater.app" is stored as https://stillwater.app.
// Applied by the editor when a field is committed; files keep what they hold, and the review judges an
// address by its tidied form (core/lint/completeness.ts), so the two always agree.
import { EMAIL_PATTERN, HTTPS_URL_PATTERN } from './schema';

// A scheme such as "https:", "mailto:" or "ftp:" (letters, then a colon); "localhost:8080" has none of
// the slashes, so only "scheme://" or a known opaque scheme counts.
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const OPAQUE_SCHEME = /^(mailto|tel|data|javascript):/i;

/**
 * A web address as it should be stored: trimmed, and `https://` put in front when no scheme was typed
 * ("stillwater.app/privacy" → "https://stillwater.app/privacy", "//cdn.example" → "https://cdn.example").
 * Anything else (an http:// address, text that is not an address) is returned trimmed, for the review
 * to point out.
 */
export function normaliseUrl(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '' || SCHEME.test(trimmed) || OPAQUE_SCHEME.test(trimmed)) return trimmed;
  if (/\s/.test(trimmed)) return trimmed;
  const rest = trimmed.replace(/^\/\//, '');
  // Only something that starts like a host name ("example.com", "www.example.com/x"), not "/privacy".
  if (!/^[^/?#.]+\.[^/?#]+/.test(rest)) return trimmed;
  return `https://${rest}`;
}

/** An e-mail address as it should be stored: trimmed, with its domain in lower case (the part before @ is kept as typed). */
export function normaliseEmail(value: string): string {
  const trimmed = value.trim().replace(/^mailto:/i, '');
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return trimmed;
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

/** Whether a web address is well-formed once tidied: absolute, https, with a host name. */
export function isWellFormedUrl(value: string): boolean {
  return HTTPS_URL_PATTERN.test(normaliseUrl(value));
}

/** Whether an e-mail address is well-formed once tidied. */
export function isWellFormedEmail(value: string): boolean {
  return EMAIL_PATTERN.test(normaliseEmail(value));
}
