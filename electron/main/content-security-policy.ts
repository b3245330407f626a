// The one Content-Security-Policy of the app's page, delivered two ways: as a response header (the
// Electron protocol handler and `candor serve`) and as a meta tag that electron.vite.config.ts writes
// into the built index.html. Both are enforced, so they are built from the same directives.
// `frame-ancestors` is ignored in a meta tag (browsers warn about it), so only the header carries it.
// This module has no Electron import: the vite config and the web server load it too.
const DIRECTIVES: readonly (readonly [name: string, value: string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // Mantine sets inline style attributes on components.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
];

/** Directives a meta tag cannot deliver. */
const HEADER_ONLY = new Set(['frame-ancestors']);

function policy(delivery: 'header' | 'meta'): string {
  return DIRECTIVES.filter(([name]) => delivery === 'header' || !HEADER_ONLY.has(name))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** The policy sent as a response header with every page of ours. */
export const CONTENT_SECURITY_POLICY = policy('header');

/** The same policy for a `<meta http-equiv>` tag: without what only a header can say. */
export const META_CONTENT_SECURITY_POLICY = policy('meta');

/** index.html with the policy's meta tag as the first element of its head. */
export function withContentSecurityPolicyMeta(html: string): string {
  return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`);
}

/** Headers for a response of ours: the CSP, and no MIME sniffing. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}

/**
 * `responseHeaders` with our CSP added, for `session.webRequest.onHeadersReceived`. Header names are
 * matched without regard to case because Chromium passes them as the server sent them.
 */
export function withSecurityHeaders(responseHeaders: Record<string, string[]> | undefined): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  const ours = securityHeaders();
  const ourNames = new Set(Object.keys(ours).map((name) => name.toLowerCase()));
  for (const [name, values] of Object.entries(responseHeaders ?? {})) {
    if (!ourNames.has(name.toLowerCase())) merged[name] = values;
  }
  for (const [name, value] of Object.entries(ours)) merged[name] = [value];
  return merged;
}
