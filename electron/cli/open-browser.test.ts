import { describe, expect, it } from 'vitest';
import { browserOpener, openInBrowser } from './open-browser';

const URL = 'http://127.0.0.1:5000/?token=abc&x=1';

describe('opening the link in a browser', () => {
  it("uses each system's own opener", () => {
    expect(browserOpener(URL, 'darwin', {})).toEqual({ command: 'open', args: [URL] });
    expect(browserOpener(URL, 'linux', { DISPLAY: ':0' })).toEqual({ command: 'xdg-open', args: [URL] });
    expect(browserOpener(URL, 'linux', { WAYLAND_DISPLAY: 'wayland-0' })?.command).toBe('xdg-open');
    // cmd would read a bare & as a command separator.
    expect(browserOpener(URL, 'win32', {})).toEqual({
      command: 'cmd',
      args: ['/d', '/s', '/c', 'start', '""', 'http://127.0.0.1:5000/?token=abc^&x=1'],
    });
  });

  it('does not try on Linux without a graphical session (xdg-open would start a text browser in the terminal)', async () => {
    expect(browserOpener(URL, 'linux', {})).toBeUndefined();
    await expect(openInBrowser(URL, 'linux', {})).resolves.toBe(false);
  });

  it('says false when the opener does not exist', async () => {
    await expect(openInBrowser(URL, 'linux', { DISPLAY: ':0', PATH: '/nonexistent' })).resolves.toBe(false);
  });
});
