// Records what the web mode hands to the browser's download, for component tests: jsdom has no object
// URLs and does not download, so createObjectURL keeps each Blob and a click on a link is written down.
import { vi } from 'vitest';

export interface CapturedDownload {
  /** the `download` name of the clicked link */
  fileName: string;
  href: string;
  blob: Blob;
}

export interface DownloadCapture {
  readonly downloads: CapturedDownload[];
  readonly revoked: string[];
  /** puts back what was replaced; for an afterEach */
  restore(): void;
}

export function captureDownloads(): DownloadCapture {
  const blobs = new Map<string, Blob>();
  const downloads: CapturedDownload[] = [];
  const revoked: string[] = [];
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  URL.createObjectURL = (blob: Blob) => {
    const href = `blob:candor-test/${blobs.size + 1}`;
    blobs.set(href, blob);
    return href;
  };
  URL.revokeObjectURL = (href: string) => void revoked.push(href);
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    // Only a link in the page with a download name and one of our Blobs counts as a download.
    if (blob && this.download && this.isConnected) downloads.push({ fileName: this.download, href: this.href, blob });
  });
  return {
    downloads,
    revoked,
    restore() {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
      click.mockRestore();
    },
  };
}

/** The bytes of a Blob as text (jsdom's Blob reads through FileReader). */
export function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
