// The web mode saves an export the way any web page does: the bytes the backend rendered become a Blob,
// and a temporary link with a `download` name hands it to the browser, which saves it where it keeps
// downloads (or asks where, if the person set it to).
import type { ExportDownload } from '../../../../core/api';

// The browser reads the Blob after the click returns, and some (Firefox, Safari) only once the download
// has started; revoking the address straight away can cancel it. A minute is ample and frees the memory.
const REVOKE_AFTER_MS = 60_000;

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Starts the browser's download of one export under its file name. */
export function downloadInBrowser({ fileName, mediaType, base64 }: ExportDownload): void {
  const url = URL.createObjectURL(new Blob([bytesOf(base64)], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
