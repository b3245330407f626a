import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, appEntryUrl, contentTypeFor, isAppUrl, rendererFileFor } from './app-url';

describe('isAppUrl', () => {
  it('accepts pages of our scheme and host', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('candor://app/index.html#/data-types/email')).toBe(true);
  });

  it('refuses other hosts, schemes and garbage', () => {
    expect(isAppUrl('candor://evil/index.html')).toBe(false);
    expect(isAppUrl('file:///home/me/index.html')).toBe(false);
    expect(isAppUrl('https://app/index.html')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });

  it('accepts the dev server origin only when one is given', () => {
    expect(isAppUrl('http://localhost:5173/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://localhost.evil.com:5173/', 'http://localhost:5173')).toBe(false);
  });

  it('never treats a non-http dev server value as trusted', () => {
    expect(isAppUrl('file:///etc/passwd', 'file:///etc/passwd')).toBe(false);
  });
});

describe('appEntryUrl', () => {
  it('loads the built page through our scheme, or the dev server when given', () => {
    expect(appEntryUrl()).toBe('candor://app/index.html');
    expect(appEntryUrl('http://localhost:5173/')).toBe('http://localhost:5173/');
  });
});

describe('rendererFileFor', () => {
  const root = join(sep, 'opt', 'candor', 'out', 'renderer');

  it('maps URLs to files inside the renderer folder', () => {
    expect(rendererFileFor(root, 'candor://app/index.html')).toBe(join(root, 'index.html'));
    expect(rendererFileFor(root, 'candor://app/')).toBe(join(root, 'index.html'));
    expect(rendererFileFor(root, 'candor://app/assets/index-abc.js?x=1#h')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(rendererFileFor(root, 'candor://app/assets/My%20Font.woff2')).toBe(join(root, 'assets', 'My Font.woff2'));
  });

  it('keeps dot segments inside the folder (the URL parser resolves them first)', () => {
    expect(rendererFileFor(root, 'candor://app/../../../etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(rendererFileFor(root, 'candor://app/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'etc', 'passwd'));
  });

  it('refuses anything that decodes to a path outside the folder', () => {
    expect(rendererFileFor(root, 'candor://app/assets/..%2f..%2f..%2fsecret')).toBeUndefined();
    expect(rendererFileFor(root, 'candor://app/a%00b')).toBeUndefined();
    expect(rendererFileFor(root, 'candor://app/%E0%A4%A')).toBeUndefined();
  });

  it('refuses other hosts and schemes', () => {
    expect(rendererFileFor(root, 'candor://other/index.html')).toBeUndefined();
    expect(rendererFileFor(root, 'file:///opt/candor/out/renderer/index.html')).toBeUndefined();
  });
});

describe('contentTypeFor', () => {
  it('names a JavaScript type for scripts (Chromium refuses module scripts otherwise)', () => {
    expect(contentTypeFor('/x/index-abc.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/x/INDEX.HTML')).toMatch(/^text\/html/);
    expect(contentTypeFor('/x/a.css')).toMatch(/^text\/css/);
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/a.unknown')).toBe('application/octet-stream');
  });
});
