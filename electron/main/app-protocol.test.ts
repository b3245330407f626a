import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { protocol } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'candor-protocol-'));
  const renderer = join(root, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Candor</title>');
  await writeFile(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'not for the page');
  const ses = {
    protocol: {
      handle: (scheme: string, fn: typeof handler) => {
        expect(scheme).toBe('candor');
        handler = fn;
      },
    },
  };
  serveRenderer(ses as never, renderer);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('registerAppScheme', () => {
  it('registers candor: as a standard, secure scheme', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'candor', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('serveRenderer', () => {
  it('serves the page with its type and the CSP header', async () => {
    const response = await handler(new Request('candor://app/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Candor</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await handler(new Request('candor://app/assets/index-abc.js'));
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 for missing files and for anything outside the renderer folder', async () => {
    expect((await handler(new Request('candor://app/nope.js'))).status).toBe(404);
    expect((await handler(new Request('candor://app/..%2fsecret.txt'))).status).toBe(404);
    expect((await handler(new Request('candor://app/assets/..%2f..%2fsecret.txt'))).status).toBe(404);
    expect((await handler(new Request('candor://other/index.html'))).status).toBe(404);
  });

  it('refuses anything but reading', async () => {
    const response = await handler(new Request('candor://app/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});
