// What the web mode's browser download receives: the rendered file in base64, since the handler map
// carries JSON and a Word file or a workbook is binary.
import type { ExportDownload } from '../../core/api';

export function toDownload(fileName: string, mediaType: string, content: string | Uint8Array): ExportDownload {
  const bytes =
    typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  return { fileName, mediaType, base64: bytes.toString('base64') };
}
