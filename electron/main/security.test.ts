import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { dialog, fakeEvent, resetFakeElectron, shell } from './fake-electron';
import { denyNewWindows, hardenSession, isExternalLink, lockNavigation, secureWebPreferences } from './security';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => {
  resetFakeElectron();
  dialog.showMessageBox.mockResolvedValue({ response: 0 });
});

/** Lets the opener's question and answer (a few promise turns) run. */
async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('secureWebPreferences', () => {
  it('turns on every isolation setting of the checklist', () => {
    expect(secureWebPreferences('/p/index.cjs', 'linux')).toMatchObject({
      preload: '/p/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('checks spelling only where the OS does it without downloading dictionaries', () => {
    expect(secureWebPreferences('/p', 'darwin').spellcheck).toBe(true);
    expect(secureWebPreferences('/p', 'linux').spellcheck).toBe(false);
    expect(secureWebPreferences('/p', 'win32').spellcheck).toBe(false);
  });
});

describe('isExternalLink', () => {
  it('lets only https out', () => {
    expect(isExternalLink('https://gdpr.eu/')).toBe(true);
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'candor://app/',
      'nonsense',
    ]) {
      expect(isExternalLink(url)).toBe(false);
    }
  });
});

function fakeSession() {
  const recorded: Record<string, (...args: never[]) => unknown> = {};
  const ses = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: (h: never) => (recorded.permissionRequest = h),
    setPermissionCheckHandler: (h: never) => (recorded.permissionCheck = h),
    setDevicePermissionHandler: (h: never) => (recorded.devicePermission = h),
    setDisplayMediaRequestHandler: (h: never) => (recorded.displayMedia = h),
    setSpellCheckerEnabled: vi.fn(),
    webRequest: {
      onBeforeRequest: (h: never) => (recorded.beforeRequest = h),
      onHeadersReceived: (h: never) => (recorded.headersReceived = h),
    },
  });
  return { ses, recorded };
}

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const { ses, recorded } = fakeSession();
    hardenSession(ses as never, { platform: 'linux' });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      (recorded.permissionRequest as (...a: unknown[]) => void)({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect((recorded.permissionCheck as (...a: unknown[]) => boolean)({}, permission, 'candor://app', {})).toBe(false);
    }
    expect((recorded.devicePermission as (...a: unknown[]) => boolean)({})).toBe(false);
    const media = vi.fn();
    (recorded.displayMedia as (...a: unknown[]) => void)({}, media);
    expect(media).toHaveBeenCalledWith(null);
    expect(ses.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });

  it('cancels every request that would leave the machine', () => {
    const { ses, recorded } = fakeSession();
    hardenSession(ses as never, { platform: 'linux' });
    const cancelled = (url: string) => {
      let answer: { cancel?: boolean } = {};
      (recorded.beforeRequest as (...a: unknown[]) => void)({ url }, (r: { cancel?: boolean }) => (answer = r));
      return answer.cancel;
    };
    expect(cancelled('candor://app/index.html')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(cancelled('https://telemetry.example/collect')).toBe(true);
    expect(cancelled('http://localhost:5173/')).toBe(true);
    expect(cancelled('wss://example.com/socket')).toBe(true);
  });

  it('lets the dev server through in development only', () => {
    const { ses, recorded } = fakeSession();
    hardenSession(ses as never, { platform: 'linux', devServerUrl: 'http://localhost:5173' });
    const cancelled = (url: string) => {
      let answer: { cancel?: boolean } = {};
      (recorded.beforeRequest as (...a: unknown[]) => void)({ url }, (r: { cancel?: boolean }) => (answer = r));
      return answer.cancel;
    };
    expect(cancelled('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(cancelled('ws://localhost:5173/?token=abc')).toBe(false);
    expect(cancelled('ws://localhost:9999/')).toBe(true);
    expect(cancelled('https://cdn.example/lib.js')).toBe(true);
  });

  it('adds the CSP header to our responses only', () => {
    const { ses, recorded } = fakeSession();
    hardenSession(ses as never, { platform: 'darwin' });
    const headersFor = (url: string) => {
      let answer: { responseHeaders?: Record<string, string[]> } = {};
      (recorded.headersReceived as (...a: unknown[]) => void)(
        { url, responseHeaders: { 'Content-Type': ['text/html'] } },
        (r: typeof answer) => (answer = r),
      );
      return answer.responseHeaders;
    };
    expect(headersFor('candor://app/index.html')?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headersFor('devtools://devtools/x.html')).toBeUndefined();
    expect(ses.setSpellCheckerEnabled).not.toHaveBeenCalled();
  });

  it('cancels downloads', () => {
    const { ses } = fakeSession();
    hardenSession(ses as never, { platform: 'linux' });
    const event = fakeEvent();
    ses.emit('will-download', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('denyNewWindows', () => {
  it('never opens a window, and sends https links to the browser after asking', async () => {
    const contents = Object.assign(new EventEmitter(), {
      handler: undefined as undefined | ((d: { url: string }) => { action: string }),
      setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
        this.handler = h;
      },
    });
    denyNewWindows(contents as never);
    expect(contents.handler!({ url: 'https://gdpr.eu/' })).toEqual({ action: 'deny' });
    await settle();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ message: 'Open gdpr.eu in your browser?' }));
    expect(shell.openExternal).toHaveBeenCalledWith('https://gdpr.eu/');
    expect(contents.handler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.handler!({ url: 'candor://app/index.html' })).toEqual({ action: 'deny' });
    await settle();
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
  });
});

describe('lockNavigation', () => {
  it('keeps the window on our page', async () => {
    const contents = new EventEmitter();
    lockNavigation(contents as never, undefined);
    const navigate = (url: string) => {
      const event = fakeEvent({ url });
      contents.emit('will-navigate', event);
      return event.defaultPrevented;
    };
    expect(navigate('candor://app/index.html#/purposes')).toBe(false);
    expect(navigate('file:///home/me/secret.html')).toBe(true);
    expect(navigate('http://example.com/')).toBe(true);
    await settle();
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(navigate('https://gdpr.eu/art-13')).toBe(true);
    await settle();
    expect(shell.openExternal).toHaveBeenCalledWith('https://gdpr.eu/art-13');
  });

  it('keeps iframes and redirects in too', () => {
    const contents = new EventEmitter();
    lockNavigation(contents as never, undefined);
    const frame = fakeEvent({ url: 'https://ads.example/', isMainFrame: false });
    contents.emit('will-frame-navigate', frame);
    expect(frame.defaultPrevented).toBe(true);
    const redirect = fakeEvent({ url: 'file:///etc/passwd' });
    contents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
  });

  it('opens nothing the user cancels, and asks nothing for a trusted host', async () => {
    const contents = new EventEmitter();
    const openLink = vi.fn(async (_url: string) => true);
    lockNavigation(contents as never, undefined, openLink);
    contents.emit('will-navigate', fakeEvent({ url: 'https://ico.org.uk/' }));
    contents.emit('will-navigate', fakeEvent({ url: 'http://ico.org.uk/' }));
    expect(openLink.mock.calls).toEqual([['https://ico.org.uk/']]);

    const cancelled = new EventEmitter();
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    lockNavigation(cancelled as never, undefined);
    const event = fakeEvent({ url: 'https://tracker.example/' });
    cancelled.emit('will-navigate', event);
    await settle();
    expect(event.defaultPrevented).toBe(true);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ message: 'Open tracker.example in your browser?' }));
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
