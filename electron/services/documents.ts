// Documents for the app: the workspace's own templates, and exporting one document to a file or as a
// browser download (refused while the review finds errors, unless the person chose to export anyway).
import { basename } from 'node:path';
import { DOCUMENT_FORMATS, type DocumentFormat } from '../../core/catalogue';
import { DOCUMENT_WRITERS } from '../../core/documents/formats';
import { availableDocuments, renderDocument } from '../../core/documents/render';
import { resolveTemplates } from '../../core/documents/templates';
import { fail, ok, type ExportDownload, type Result } from '../../core/api';
import { reviewRefusal } from '../../core/publish';
import type { TemplateError, TemplateSource } from '../../core/documents/types';
import { writeFileAtomic } from './atomic-write';
import { describeIoError } from './io-error';
import { toDownload } from './download';
import { existingFileRefusal } from './path-guard';
import type { WorkspaceSession } from './session';
import { loadBuiltInTemplates, loadWorkspaceTemplates } from './templates';
import { workingCopyRelease } from './versions';

export async function workspaceTemplates(
  session: WorkspaceSession,
): Promise<Result<{ sources: TemplateSource[]; errors: TemplateError[] }>> {
  const state = session.state();
  if (state.status !== 'open') return ok({ sources: [], errors: [] });
  return ok(await loadWorkspaceTemplates(state.workspace, state.path));
}

/**
 * One document rendered from the saved workspace in one format, or why there is none: no workspace, the
 * review's errors (unless the person chose to export anyway), no such document, a broken template.
 * Writing it to a path and handing it to the browser share this, so both refuse alike.
 */
async function renderSavedDocument(
  session: WorkspaceSession,
  { id, format, allowErrors }: { id: string; format: DocumentFormat; allowErrors?: boolean },
): Promise<Result<string | Uint8Array>> {
  const state = session.state();
  if (state.status !== 'open') {
    return fail({ code: 'no-workspace', message: 'Nothing was exported: no workspace is open. Open a workspace first.' });
  }
  // A notice the review finds errors in would state something wrong (core/publish.ts).
  if (!allowErrors) {
    const refusal = reviewRefusal(state.workspace);
    if (refusal) return fail(refusal);
  }
  const overrides = await loadWorkspaceTemplates(state.workspace, state.path);
  const builtIn = await loadBuiltInTemplates();
  const { templates, errors } = resolveTemplates(builtIn, overrides.sources);
  const template = templates.find((t) => t.info.id === id);
  if (!template || !availableDocuments(state.workspace, templates).some((d) => d.id === id)) {
    const problems = [...overrides.errors, ...errors];
    // A broken override takes its built-in out of use; its file need not be named after the id.
    const lostToOverride = !template && resolveTemplates(builtIn, []).templates.some((t) => t.info.id === id);
    const broken = problems.find((e) => basename(e.file, '.md') === id) ?? (lostToOverride ? problems[0] : undefined);
    return fail({
      code: 'not-found',
      message: broken
        ? `"${id}" could not be exported because its template has a problem: ${broken.file}${broken.line ? `:${broken.line}` : ''}: ${broken.message}`
        : `There is no document "${id}" for this workspace (the notice at collection exists only when the workspace includes CCPA).`,
    });
  }
  // The version it belongs to (the latest published one while nothing customers read changed, else a
  // draft) and its "Changes to this notice", as `candor build` prints them.
  const { release, history } = await workingCopyRelease(state.path, state.workspace);
  const rendered = renderDocument(state.workspace, template, release, history);
  if (!rendered.ok) {
    const e = rendered.error;
    return fail({
      code: 'invalid-argument',
      file: e.file,
      message: `The template ${e.file}${e.line ? ` (line ${e.line})` : ''} could not be rendered: ${e.message}`,
    });
  }
  return ok(await DOCUMENT_WRITERS[format](rendered.document));
}

export async function exportDocument(
  session: WorkspaceSession,
  {
    id,
    format,
    path,
    allowErrors,
    overwrite,
  }: { id: string; format: DocumentFormat; path: string; allowErrors?: boolean; overwrite?: boolean },
): Promise<Result<{ path: string }>> {
  const content = await renderSavedDocument(session, { id, format, allowErrors });
  if (!content.ok) return content;
  const { extension } = DOCUMENT_FORMATS[format];
  const target = path.toLowerCase().endsWith(extension) ? path : `${path}${extension}`;
  const refusal = await existingFileRefusal(target, overwrite);
  if (refusal) return refusal;
  try {
    await writeFileAtomic(target, content.value);
  } catch (error) {
    return fail({ code: 'io', file: target, message: `Nothing was exported: ${describeIoError(error, target)}.` });
  }
  return ok({ path: target });
}

/** The same document as `exportDocument`, named `<id><extension>`, for the web mode's browser download. */
export async function downloadDocument(
  session: WorkspaceSession,
  { id, format, allowErrors }: { id: string; format: DocumentFormat; allowErrors?: boolean },
): Promise<Result<ExportDownload>> {
  const content = await renderSavedDocument(session, { id, format, allowErrors });
  if (!content.ok) return content;
  const { extension, mediaType } = DOCUMENT_FORMATS[format];
  return ok(toDownload(`${id}${extension}`, mediaType, content.value));
}
