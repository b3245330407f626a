// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blobText, captureDownloads, type DownloadCapture } from '../../testing/browser-downloads';
import { downloadInBrowser } from './browser-download';

let capture: DownloadCapture;
beforeEach(() => {
  capture = captureDownloads();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  capture.restore();
});

describe('downloadInBrowser', () => {
  it('clicks a temporary link named after the file to a Blob of the bytes with the media type, then revokes the address', async () => {
    const text = 'Name,Purpose\r\nÉmilie,Accounts\r\n';
    downloadInBrowser({ fileName: 'ropa.csv', mediaType: 'text/csv; charset=utf-8', base64: Buffer.from(text, 'utf8').toString('base64') });
    expect(capture.downloads).toHaveLength(1);
    const [download] = capture.downloads;
    expect(download.fileName).toBe('ropa.csv');
    expect(download.blob.type).toBe('text/csv; charset=utf-8');
    // The link is gone from the page at once; the address lives until the browser has read it.
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    vi.advanceTimersByTime(59_000);
    expect(capture.revoked).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(capture.revoked).toEqual([download.href]);
    // jsdom's Blob is read on real timers.
    vi.useRealTimers();
    expect(await blobText(download.blob)).toBe(text);
  });

  it('keeps binary bytes as they are', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80, 0x7f]);
    downloadInBrowser({
      fileName: 'privacy-notice.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      base64: Buffer.from(bytes).toString('base64'),
    });
    const [download] = capture.downloads;
    expect(download.blob.size).toBe(bytes.length);
    vi.useRealTimers();
    return new Promise<void>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => {
        try {
          expect(new Uint8Array(reader.result as ArrayBuffer)).toEqual(bytes);
          resolve();
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      reader.readAsArrayBuffer(download.blob);
    });
  });
});
