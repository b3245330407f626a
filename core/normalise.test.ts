import { describe, expect, it } from 'vitest';
import { isWellFormedEmail, isWellFormedUrl, normaliseEmail, normaliseUrl } from './normalise';

describe('normaliseUrl', () => {
  it('puts https:// in front of an address typed without a scheme', () => {
    expect(normaliseUrl('stillwater.app')).toBe('https://stillwater.app');
    expect(normaliseUrl('  www.stillwater.app/privacy?x=1#y ')).toBe('https://www.stillwater.app/privacy?x=1#y');
    expect(normaliseUrl('//cdn.example.com/a')).toBe('https://cdn.example.com/a');
  });

  it('keeps an address that has a scheme, and what is not an address, only trimmed', () => {
    expect(normaliseUrl(' https://example.com ')).toBe('https://example.com');
    expect(normaliseUrl('http://example.com')).toBe('http://example.com');
    expect(normaliseUrl('mailto:a@example.com')).toBe('mailto:a@example.com');
    expect(normaliseUrl('/privacy')).toBe('/privacy');
    expect(normaliseUrl('our website')).toBe('our website');
    expect(normaliseUrl('localhost')).toBe('localhost');
    expect(normaliseUrl('')).toBe('');
  });

  it('is idempotent', () => {
    for (const value of ['stillwater.app', 'https://x.example', ' a b ', '//x.example', 'http://x.example']) {
      expect(normaliseUrl(normaliseUrl(value))).toBe(normaliseUrl(value));
    }
  });

  it('judges an address by its tidied form: https and a host name', () => {
    expect(isWellFormedUrl('stillwater.app')).toBe(true);
    expect(isWellFormedUrl('https://stillwater.app/privacy')).toBe(true);
    expect(isWellFormedUrl('http://stillwater.app')).toBe(false);
    expect(isWellFormedUrl('/privacy')).toBe(false);
    expect(isWellFormedUrl('stillwater')).toBe(false);
    expect(isWellFormedUrl('')).toBe(false);
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases the domain, keeping the part before @ as typed', () => {
    expect(normaliseEmail('  Ana.Lopez@Stillwater.APP ')).toBe('Ana.Lopez@stillwater.app');
    expect(normaliseEmail('mailto:privacy@Example.com')).toBe('privacy@example.com');
    expect(normaliseEmail('no-at-sign')).toBe('no-at-sign');
    expect(normaliseEmail(normaliseEmail(' A@B.C '))).toBe('A@b.c');
  });

  it('judges an address by its tidied form', () => {
    expect(isWellFormedEmail(' privacy@Example.com ')).toBe(true);
    expect(isWellFormedEmail('privacy@')).toBe(false);
    expect(isWellFormedEmail('privacy@example')).toBe(false);
    expect(isWellFormedEmail('two words@example.com')).toBe(false);
  });
});
