// The policy sent as a response header with every page of ours. It must match the meta tag that
// electron.vite.config.ts writes into the built index.html (a test compares them): two policies are
// both enforced, so a looser header would change nothing and a stricter one would break the page.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine sets inline style attributes on components.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

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
