import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './ipc-sender';

const ours = { id: 1 };
const top = (url: string) => ({ url, parent: null });

describe('isTrustedSender', () => {
  it('trusts the top frame of our window showing our page', () => {
    expect(isTrustedSender({ sender: ours, senderFrame: top('candor://app/index.html#/data-types') }, ours, undefined)).toBe(true);
  });

  it('refuses another webContents, an iframe, a gone frame or a foreign page', () => {
    expect(isTrustedSender({ sender: { id: 2 }, senderFrame: top('candor://app/index.html') }, ours, undefined)).toBe(false);
    expect(isTrustedSender({ sender: ours, senderFrame: { url: 'candor://app/index.html', parent: {} } }, ours, undefined)).toBe(false);
    expect(isTrustedSender({ sender: ours, senderFrame: null }, ours, undefined)).toBe(false);
    expect(isTrustedSender({ sender: ours, senderFrame: top('https://example.com/') }, ours, undefined)).toBe(false);
    expect(isTrustedSender({ sender: ours, senderFrame: top('file:///tmp/x.html') }, ours, undefined)).toBe(false);
  });

  it('refuses everything when there is no window', () => {
    expect(isTrustedSender({ sender: undefined, senderFrame: top('candor://app/index.html') }, undefined, undefined)).toBe(false);
  });

  it('trusts the dev server page only when it is the configured one', () => {
    const dev = 'http://localhost:5173';
    expect(isTrustedSender({ sender: ours, senderFrame: top('http://localhost:5173/') }, ours, dev)).toBe(true);
    expect(isTrustedSender({ sender: ours, senderFrame: top('http://localhost:5173/') }, ours, undefined)).toBe(false);
  });
});
