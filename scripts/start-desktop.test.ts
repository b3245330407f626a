import { describe, expect, it } from 'vitest';
import { downloadFailureReason, downloadFailureSentence } from './start-desktop';

// What Electron's installer prints offline: a stack whose first line says what failed.
const OFFLINE = `TypeError: fetch failed
    at node:internal/deps/undici/undici:14976:13
    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)`;

describe('npm start without an Electron binary', () => {
  it('keeps only what failed, without the stack', () => {
    expect(downloadFailureReason(OFFLINE)).toBe('fetch failed');
    expect(downloadFailureReason('RequestError: getaddrinfo ENOTFOUND example.invalid.\n    at x')).toBe(
      'getaddrinfo ENOTFOUND example.invalid',
    );
    expect(downloadFailureReason('')).toBe('');
  });

  it('says it in one sentence that points to the web mode', () => {
    const sentence = downloadFailureSentence('fetch failed', '22.12.0');
    expect(sentence).toBe(
      'Candor could not start the desktop app: the Electron binary could not be downloaded (fetch failed); "npm run web" opens the same app in your browser.',
    );
    expect(sentence).not.toContain('\n');
  });

  it('names an old Node.js as a cause', () => {
    expect(downloadFailureSentence('fetch failed', '20.20.2')).toContain(
      "(fetch failed; Electron's downloader also needs Node.js 22.12 or later, and this is 20.20.2)",
    );
    expect(downloadFailureSentence('', '22.11.0')).toContain(
      "(Electron's downloader also needs Node.js 22.12 or later, and this is 22.11.0)",
    );
    expect(downloadFailureSentence('', '24.0.0')).not.toContain('(');
  });
});
