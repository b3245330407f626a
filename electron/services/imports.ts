// Reading a file to import (an inventory CSV or a fideslang file) against the saved workspace, for the
// app's preview. Nothing is changed here: the UI applies the preview as one undoable edit, which the
// autosave then writes like any other.
import { readBoundedFile, ReadRefusal } from './bounded-read';
import { fail, ok, type ImportPreview, type Result } from '../../core/api';
import { describeIoError } from './io-error';
import type { WorkspaceSession } from './session';

/** Larger than any inventory a team keeps by hand; a bigger file is almost surely the wrong one. */
export const IMPORT_SIZE_LIMIT = 20 * 1024 * 1024;

type Format = ImportPreview['format'];

function formatOf(path: string): Format | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) return 'inventory-csv';
  if (lower.endsWith('.yml') || lower.endsWith('.yaml')) return 'fideslang';
  return undefined;
}

export async function importPreview(session: WorkspaceSession, { path }: { path: string }): Promise<Result<ImportPreview>> {
  const state = session.state();
  if (state.status !== 'open') {
    return fail({ code: 'no-workspace', message: 'Nothing can be imported: no workspace is open. Open a workspace first.' });
  }
  const format = formatOf(path);
  if (!format) {
    return fail({
      code: 'invalid-argument',
      file: path,
      message: `${path} cannot be imported: Candor imports an inventory CSV (.csv) or a fideslang system or dataset (.yml or .yaml). Choose one of those, or save the file with the right extension.`,
    });
  }
  let bytes: Buffer;
  try {
    bytes = await readBoundedFile(path, { maxBytes: IMPORT_SIZE_LIMIT });
  } catch (error) {
    if (error instanceof ReadRefusal)
      return fail({ code: 'invalid-argument', file: path, message: `Nothing was imported: ${error.message}.` });
    return fail({ code: 'io', file: path, message: `Nothing was imported: ${describeIoError(error, path)}.` });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail({
      code: 'unreadable',
      file: path,
      message: `${path} is not UTF-8 text. Save it again as UTF-8 (in Excel: "CSV UTF-8"; in LibreOffice: character set "Unicode (UTF-8)") and import it again.`,
    });
  }
  if (format === 'inventory-csv') {
    const { parseInventoryCsv } = await import('../../core/interchange/inventory-csv');
    return ok({ format, path, preview: parseInventoryCsv(text, state.workspace) });
  }
  const { parseFideslang } = await import('../../core/interchange/fideslang');
  return ok({ format, path, preview: parseFideslang(text, state.workspace) });
}
