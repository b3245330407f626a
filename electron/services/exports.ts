// One-click exports for the app (and `candor export`): the store disclosures, the record of processing
// and the interchange files, rendered from the saved workspace and written atomically.
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fail, ok, type ExportKind, type Result } from '../../core/api';
import type { Workspace } from '../../core/schema';
import { writeFileAtomic } from './atomic-write';
import { describeIoError } from './io-error';
import type { WorkspaceSession } from './session';

interface ExportFormat {
  /** what the file is, for messages */
  what: string;
  /** the extension added when the path has none of `accepts` */
  extension: string;
  /** extensions that already say what the file holds (the first is `extension`) */
  accepts: readonly string[];
  render(workspace: Workspace): Promise<string | Uint8Array>;
}

// The generators load on first use, so opening a workspace stays quick.
export const EXPORT_FORMATS: Record<ExportKind, ExportFormat> = {
  'apple-privacy-manifest': {
    what: 'the Apple privacy manifest',
    extension: '.xcprivacy',
    accepts: ['.xcprivacy', '.plist'],
    render: async (w) => (await import('../../core/stores/apple')).applePrivacyManifestXml(w),
  },
  'app-store-answers': {
    what: 'the App Store privacy answers',
    extension: '.md',
    accepts: ['.md', '.markdown'],
    render: async (w) => (await import('../../core/stores/apple')).appStoreAnswersMarkdown(w),
  },
  'play-data-safety': {
    what: 'the Google Play Data safety CSV',
    extension: '.csv',
    accepts: ['.csv'],
    render: async (w) => (await import('../../core/stores/play')).playDataSafetyCsv(w),
  },
  'ropa-csv': {
    what: 'the record of processing (CSV)',
    extension: '.csv',
    accepts: ['.csv'],
    render: async (w) => (await import('../../core/ropa')).ropaCsv(w),
  },
  'ropa-xlsx': {
    what: 'the record of processing (Excel)',
    extension: '.xlsx',
    accepts: ['.xlsx'],
    render: async (w) => (await import('./ropa-xlsx')).ropaXlsx(w),
  },
  'ropa-docx': {
    what: 'the record of processing (Word)',
    extension: '.docx',
    accepts: ['.docx'],
    render: async (w) => (await import('../../core/ropa')).ropaDocx(w),
  },
  'inventory-csv': {
    what: 'the inventory CSV',
    extension: '.csv',
    accepts: ['.csv'],
    render: async (w) => (await import('../../core/interchange/inventory-csv')).inventoryCsv(w),
  },
  fideslang: {
    what: 'the fideslang system',
    extension: '.yml',
    accepts: ['.yml', '.yaml'],
    render: async (w) => (await import('../../core/interchange/fideslang')).fideslangSystemYaml(w),
  },
};

/** The path with the kind's extension added when it does not already end in one that says what the file holds. */
export function exportPath(kind: ExportKind, path: string): string {
  const format = EXPORT_FORMATS[kind];
  const lower = path.toLowerCase();
  return format.accepts.some((extension) => lower.endsWith(extension)) ? path : `${path}${format.extension}`;
}

/** The bytes (or text) of one export of a valid workspace. */
export function renderExport(workspace: Workspace, kind: ExportKind): Promise<string | Uint8Array> {
  return EXPORT_FORMATS[kind].render(workspace);
}

async function sameFile(a: string, b: string): Promise<boolean> {
  // Through links too: a link to the workspace is the workspace.
  const real = (path: string) => realpath(path).catch(() => resolve(path));
  return (await real(a)) === (await real(b));
}

export async function exportFile(
  session: WorkspaceSession,
  { kind, path }: { kind: ExportKind; path: string },
): Promise<Result<{ path: string }>> {
  const state = session.state();
  if (state.status !== 'open') {
    return fail({ code: 'no-workspace', message: 'Nothing was exported: no workspace is open. Open a workspace first.' });
  }
  const target = exportPath(kind, path);
  if (await sameFile(target, state.path)) {
    return fail({
      code: 'forbidden',
      file: target,
      message: `Nothing was exported: ${target} is the open workspace, and exporting there would replace it. Choose another file name.`,
    });
  }
  const content = await renderExport(state.workspace, kind);
  try {
    await writeFileAtomic(target, content);
  } catch (error) {
    return fail({ code: 'io', file: target, message: `Nothing was exported: ${describeIoError(error, target)}.` });
  }
  return ok({ path: target });
}
