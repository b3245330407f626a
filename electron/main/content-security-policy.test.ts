import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  withContentSecurityPolicyMeta,
  withSecurityHeaders,
} from './content-security-policy';

function directives(policy: string): string[] {
  return policy
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .sort();
}

function directive(policy: string, name: string): string | undefined {
  return directives(policy).find((d) => d.split(' ')[0] === name);
}

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the meta tag policy plus frame-ancestors, which only a header can deliver', () => {
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual(directives(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`));
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
  });

  it('is what the build writes into index.html', () => {
    const html = withContentSecurityPolicyMeta('<!doctype html>\n<html>\n  <head>\n    <title>Candor</title>\n  </head>\n</html>\n');
    const content = /<head>\n\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)" \/>/.exec(html)?.[1];
    expect(content).toBe(META_CONTENT_SECURITY_POLICY);
    expect(html).toContain('<title>Candor</title>');
  });

  it.each([
    ['header', CONTENT_SECURITY_POLICY],
    ['meta tag', META_CONTENT_SECURITY_POLICY],
  ])('as a %s, allows no remote origin, no inline or eval script, no plugin, base or form target', (_, policy) => {
    expect(policy).not.toMatch(/https?:|\*/);
    expect(policy).not.toContain("'unsafe-eval'");
    expect(directive(policy, 'default-src')).toBe("default-src 'self'");
    expect(directive(policy, 'script-src')).toBe("script-src 'self'");
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
    expect(directive(policy, 'base-uri')).toBe("base-uri 'none'");
    expect(directive(policy, 'form-action')).toBe("form-action 'none'");
    // Inline styles only, for Mantine's style attributes.
    expect(directives(policy).filter((d) => d.includes("'unsafe-inline'"))).toEqual(["style-src 'self' 'unsafe-inline'"]);
  });

  it('forbids framing by any page', () => {
    expect(directive(CONTENT_SECURITY_POLICY, 'frame-ancestors')).toBe("frame-ancestors 'none'");
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
