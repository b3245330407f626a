import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, withSecurityHeaders } from './content-security-policy';

function directives(policy: string): string[] {
  return policy
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .sort();
}

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the same policy as the meta tag the build writes into index.html', () => {
    const config = readFileSync(new URL('../../electron.vite.config.ts', import.meta.url), 'utf8');
    const block = /const CSP = \[([\s\S]*?)\]\.join/.exec(config);
    expect(block, 'electron.vite.config.ts no longer defines const CSP = [...].join').not.toBeNull();
    const fromConfig = [...block![1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    expect(fromConfig.length).toBeGreaterThan(3);
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual(directives(fromConfig.join('; ')));
  });

  it('allows no remote origin and no inline or eval script', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
    const script = directives(CONTENT_SECURITY_POLICY).find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});

describe('withSecurityHeaders', () => {
  it('replaces any policy already present, whatever its case, and keeps other headers', () => {
    const merged = withSecurityHeaders({
      'content-security-policy': ['default-src *'],
      'Content-Type': ['text/html'],
    });
    expect(merged['content-security-policy']).toBeUndefined();
    expect(merged['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(merged['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(merged['Content-Type']).toEqual(['text/html']);
  });

  it('works when the response had no headers', () => {
    expect(withSecurityHeaders(undefined)['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });
});
