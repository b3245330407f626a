// One-click exports for the app (and `candor export`): the store disclosures, the record of processing
// and the interchange files, rendered from the saved workspace and written atomically, or handed back
// for the web mode's browser download. What the review
// calls an error stops the published ones unless the person chose to export anyway (core/publish.ts).
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fail, ok, type ExportDownload, type Result } from '../../core/api';
import { EXPORTS, type ExportKind } from '../../core/catalogue';
import { isPublishedExport, reviewRefusal } from '../../core/publish';
import type { Workspace } from '../../core/schema';
import type { Problem } from '../../core/validate';
import { writeFileAtomic } from './atomic-write';
import { describeIoError } from './io-error';
import { toDownload } from './download';
import { existingFileRefusal } from './path-guard';
import type { WorkspaceSession } from './session';

export interface ExportRenderer {
  render(workspace: Workspace): Promise<string | Uint8Array>;
  /** what the generator left out of the file, and why (`candor export` prints them as warnings) */
  warnings?(workspace: Workspace): Promise<Problem[]>;
}

const appleWarnings = async (workspace: Workspace) => (await import('../../core/stores/apple')).appleAccessedApiTypes(workspace).problems;

// Every kind of the catalogue (core/catalogue.ts) needs its generator here: the type makes a missing
// one a compile error. The generators load on first use, so opening a workspace stays quick.
export const EXPORT_RENDERERS: Readonly<Record<ExportKind, ExportRenderer>> = {
  'apple-privacy-manifest': {
    render: async (w) => (await import('../../core/stores/apple')).applePrivacyManifestXml(w),
    warnings: appleWarnings,
  },
  'app-store-answers': {
    render: async (w) => (await import('../../core/stores/apple')).appStoreAnswersMarkdown(w),
    warnings: appleWarnings,
  },
  'play-data-safety': { render: async (w) => (await import('../../core/stores/play')).playDataSafetyCsv(w) },
  'ropa-csv': { render: async (w) => (await import('../../core/ropa')).ropaCsv(w) },
  'ropa-xlsx': { render: async (w) => (await import('./ropa-xlsx')).ropaXlsx(w) },
  'ropa-docx': { render: async (w) => (await import('../../core/ropa')).ropaDocx(w) },
  'inventory-csv': { render: async (w) => (await import('../../core/interchange/inventory-csv')).inventoryCsv(w) },
  fideslang: {
    render: async (w) => (await import('../../core/interchange/fideslang')).fideslangSystemYaml(w),
    warnings: async (w) =>
      (await import('../../core/interchange/fideslang')).fideslangSystem(w).skipped.map((skip) => ({
        path: `purposes[${w.purposes.findIndex((p) => p.id === skip.purposeId)}]`,
        message: `${skip.reason} Until then it has no privacy declaration in the file.`,
      })),
  },
};

/** The path with the kind's extension added when it does not already end in one that says what the file holds. */
export function exportPath(kind: ExportKind, path: string): string {
  const { extensions } = EXPORTS[kind];
  const lower = path.toLowerCase();
  return extensions.some((extension) => lower.endsWith(extension)) ? path : `${path}${extensions[0]}`;
}

/** The bytes (or text) of one export of a valid workspace. */
export function renderExport(workspace: Workspace, kind: ExportKind): Promise<string | Uint8Array> {
  return EXPORT_RENDERERS[kind].render(workspace);
}

/** What the export of `kind` leaves out of the file, and why. */
export async function exportWarnings(workspace: Workspace, kind: ExportKind): Promise<Problem[]> {
  return (await EXPORT_RENDERERS[kind].warnings?.(workspace)) ?? [];
}

async function sameFile(a: string, b: string): Promise<boolean> {
  // Through links too: a link to the workspace is the workspace.
  const real = (path: string) => realpath(path).catch(() => resolve(path));
  return (await real(a)) === (await real(b));
}

/**
 * The file of one export, rendered from the saved workspace, or why there is none: no workspace is open,
 * or the review finds errors in a published export and the person did not choose to export anyway.
 * Writing it to a path and handing it to the browser share this, so both refuse alike.
 */
async function renderSavedExport(
  session: WorkspaceSession,
  kind: ExportKind,
  allowErrors: boolean | undefined,
): Promise<Result<{ workspacePath: string; content: string | Uint8Array }>> {
  const state = session.state();
  if (state.status !== 'open') {
    return fail({ code: 'no-workspace', message: 'Nothing was exported: no workspace is open. Open a workspace first.' });
  }
  if (!allowErrors && isPublishedExport(kind)) {
    const refusal = reviewRefusal(state.workspace);
    if (refusal) return fail(refusal);
  }
  return ok({ workspacePath: state.path, content: await renderExport(state.workspace, kind) });
}

export async function exportFile(
  session: WorkspaceSession,
  { kind, path, allowErrors, overwrite }: { kind: ExportKind; path: string; allowErrors?: boolean; overwrite?: boolean },
): Promise<Result<{ path: string }>> {
  const rendered = await renderSavedExport(session, kind, allowErrors);
  if (!rendered.ok) return rendered;
  const target = exportPath(kind, path);
  if (await sameFile(target, rendered.value.workspacePath)) {
    return fail({
      code: 'forbidden',
      file: target,
      message: `Nothing was exported: ${target} is the open workspace, and exporting there would replace it. Choose another file name.`,
    });
  }
  const refusal = await existingFileRefusal(target, overwrite);
  if (refusal) return refusal;
  try {
    await writeFileAtomic(target, rendered.value.content);
  } catch (error) {
    return fail({ code: 'io', file: target, message: `Nothing was exported: ${describeIoError(error, target)}.` });
  }
  return ok({ path: target });
}

/** The same file as `exportFile`, under the catalogue's file name, for the web mode's browser download. */
export async function exportDownload(
  session: WorkspaceSession,
  { kind, allowErrors }: { kind: ExportKind; allowErrors?: boolean },
): Promise<Result<ExportDownload>> {
  const rendered = await renderSavedExport(session, kind, allowErrors);
  if (!rendered.ok) return rendered;
  return ok(toDownload(EXPORTS[kind].fileName, EXPORTS[kind].mediaType, rendered.value.content));
}
