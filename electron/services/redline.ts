// The redline for lawyers (core/documents/redline.ts) between two sides of the open workspace's history:
// two published versions, or one and the working copy as saved. Shared by `candor diff --redline` (which
// renders one side the same way) and the app's handlers, which write it where the person chose or hand it
// back for the web mode's browser download. Each side is rendered as customers read it: a published
// version from its snapshot with its own number and dates, the working copy as `candor build` would.
import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fail, ok, type ExportDownload, type Result } from '../../core/api';
import { renderRedlineDocx, renderRedlineHtml } from '../../core/documents/redline';
import { renderDocument } from '../../core/documents/render';
import { resolveTemplates } from '../../core/documents/templates';
import type { RenderedDocument } from '../../core/documents/types';
import type { Workspace } from '../../core/schema';
import { releaseFrom, type DocumentRelease } from '../../core/versions';
import { writeFileAtomic } from './atomic-write';
import { toDownload } from './download';
import { describeIoError } from './io-error';
import { existingFileRefusal } from './path-guard';
import type { WorkspaceSession } from './session';
import { loadBuiltInTemplates, loadWorkspaceTemplates } from './templates';
import { archiveFolder, readVersion, workingCopyRelease } from './versions';

/** The side of a comparison that is the working copy rather than a published version. */
export const WORKING_COPY = 'working';

export type RedlineFormat = 'docx' | 'html';

export const REDLINE_FORMATS: Readonly<Record<RedlineFormat, { extension: string; mediaType: string; label: string }>> = {
  docx: {
    extension: '.docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word with tracked changes',
  },
  html: { extension: '.html', mediaType: 'text/html; charset=utf-8', label: 'HTML comparison' },
};

export type RenderedSide = { ok: true; document: RenderedDocument } | { ok: false; line: string };

/**
 * One document of `workspace` rendered as the notice of `release` (a published version's number and dates;
 * none for a draft), with the built-in templates and the workspace's own; why not, as one sentence.
 */
export async function renderRedlineSide(
  workspaceFile: string,
  workspace: Workspace,
  release: DocumentRelease | undefined,
  documentId: string,
): Promise<RenderedSide> {
  const [builtIn, own] = await Promise.all([loadBuiltInTemplates(), loadWorkspaceTemplates(workspace, workspaceFile)]);
  const { templates, errors } = resolveTemplates(builtIn, own.sources);
  const template = templates.find((t) => t.info.id === documentId);
  if (!template) {
    const problem = [...own.errors, ...errors].find((e) => e.file.includes(documentId));
    return {
      ok: false,
      line: `${workspaceFile}: no "${documentId}" document to compare${problem ? ` (${problem.file}: ${problem.message})` : ''}.`,
    };
  }
  const result = renderDocument(workspace, template, release);
  if (!result.ok) return { ok: false, line: `${result.error.file}:${result.error.line ?? ''}: ${result.error.message}` };
  return { ok: true, document: result.document };
}

/** `privacy-notice-redline-2.0-to-2.1.docx`, `privacy-notice-redline-2.1-to-working-copy.html`. */
export function redlineFileName(documentId: string, from: string, to: string, format: RedlineFormat): string {
  const name = (side: string) => (side === WORKING_COPY ? 'working-copy' : side);
  return `${documentId}-redline-${name(from)}-to-${name(to)}${REDLINE_FORMATS[format].extension}`;
}

export interface RedlineRequest {
  /** the older side: a published version's number, or "working" */
  from: string;
  /** the newer side */
  to: string;
  format: RedlineFormat;
  /** which document; the privacy notice by default */
  document?: string;
}

interface Side {
  /** the version's number as the index spells it, or "working" */
  name: string;
  workspace: Workspace;
  release?: DocumentRelease;
  /** how a sentence names it: "version 2.1", "the working copy" */
  words: string;
}

/** The open workspace, its archive, and each side of the comparison, or why one cannot be compared. */
async function sides(session: WorkspaceSession, request: RedlineRequest): Promise<Result<{ path: string; old: Side; new: Side }>> {
  const state = session.state();
  if (state.status !== 'open') {
    return fail({ code: 'no-workspace', message: 'Nothing was exported: no workspace is open. Open a workspace first.' });
  }
  const side = async (name: string): Promise<Result<Side>> => {
    if (name === WORKING_COPY) {
      const { release } = await workingCopyRelease(state.path, state.workspace);
      return ok({ name, workspace: state.workspace, ...(release ? { release } : {}), words: 'the working copy' });
    }
    const read = await readVersion(state.path, name);
    if (!read.ok) return fail({ ...read.error, message: `Nothing was exported: ${read.error.message}` });
    const { entry, workspace } = read.value;
    return ok({ name: entry.version, workspace, release: releaseFrom(entry), words: `version ${entry.version}` });
  };
  const old = await side(request.from);
  if (!old.ok) return old;
  const neu = await side(request.to);
  if (!neu.ok) return neu;
  if (old.value.name === neu.value.name) {
    return fail({
      code: 'invalid-argument',
      message: `Nothing was exported: both sides are ${old.value.words}, so there is nothing to compare. Choose two different versions, or a version and the working copy.`,
    });
  }
  return ok({ path: state.path, old: old.value, new: neu.value });
}

/** The redline's bytes and the name a download suggests. */
async function makeRedline(
  session: WorkspaceSession,
  request: RedlineRequest,
): Promise<Result<{ path: string; fileName: string; content: string | Uint8Array }>> {
  const found = await sides(session, request);
  if (!found.ok) return found;
  const { path, old, new: neu } = found.value;
  const documentId = request.document ?? 'privacy-notice';
  const [before, after] = await Promise.all([
    renderRedlineSide(path, old.workspace, old.release, documentId),
    renderRedlineSide(path, neu.workspace, neu.release, documentId),
  ]);
  if (!before.ok || !after.ok) {
    const lines = [before, after].flatMap((s) => (s.ok ? [] : [s.line]));
    return fail({ code: 'not-found', message: `Nothing was exported: ${lines.join(' ')}` });
  }
  const content =
    request.format === 'docx'
      ? await renderRedlineDocx(before.document, after.document)
      : renderRedlineHtml(before.document, after.document);
  return ok({ path, fileName: redlineFileName(documentId, old.name, neu.name, request.format), content });
}

export async function redlineDownload(session: WorkspaceSession, request: RedlineRequest): Promise<Result<ExportDownload>> {
  const made = await makeRedline(session, request);
  if (!made.ok) return made;
  return ok(toDownload(made.value.fileName, REDLINE_FORMATS[request.format].mediaType, made.value.content));
}

async function real(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}

/** Whether `target` is `folder` or inside it, after following links (the target itself need not exist yet). */
async function inside(target: string, folder: string): Promise<boolean> {
  const where = join(await real(dirname(resolve(target))), basename(target));
  const between = relative(await real(folder), where);
  return between === '' || (!between.startsWith('..') && !isAbsolute(between));
}

/** The redline written to `path` (its extension added when missing); never over the workspace or into its archive. */
export async function redlineExport(
  session: WorkspaceSession,
  request: RedlineRequest & { path: string; overwrite?: boolean },
): Promise<Result<{ path: string }>> {
  const { extension } = REDLINE_FORMATS[request.format];
  const target = request.path.toLowerCase().endsWith(extension) ? request.path : `${request.path}${extension}`;
  const state = session.state();
  if (state.status === 'open') {
    // The archive is never written by anything but publishing, and the workspace never by an export.
    if ((await real(target)) === (await real(state.path))) {
      return fail({
        code: 'forbidden',
        file: target,
        message: `Nothing was exported: ${target} is the open workspace, and exporting there would replace it. Choose another file name.`,
      });
    }
    const archive = archiveFolder(state.path);
    if (await inside(target, archive)) {
      return fail({
        code: 'forbidden',
        file: target,
        message: `Nothing was exported: ${target} is inside the archive of published versions (${archive}), which only publishing writes. Choose a file outside it.`,
      });
    }
  }
  const refusal = await existingFileRefusal(target, request.overwrite);
  if (refusal) return refusal;
  const made = await makeRedline(session, request);
  if (!made.ok) return made;
  try {
    await writeFileAtomic(target, made.value.content);
  } catch (error) {
    return fail({ code: 'io', file: target, message: `Nothing was exported: ${describeIoError(error, target)}.` });
  }
  return ok({ path: target });
}
