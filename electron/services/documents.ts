// Documents for the app: the workspace's own templates, and exporting one document to a file (refused
// while the review finds errors, unless the person chose to export anyway).
import { basename } from 'node:path';
import { DOCUMENT_FORMATS, type DocumentFormat } from '../../core/catalogue';
import { DOCUMENT_WRITERS } from '../../core/documents/formats';
import { availableDocuments, renderDocument } from '../../core/documents/render';
import { resolveTemplates } from '../../core/documents/templates';
import { fail, ok, type Result } from '../../core/api';
import { reviewRefusal } from '../../core/publish';
import type { TemplateError, TemplateSource } from '../../core/documents/types';
import { writeFileAtomic } from './atomic-write';
import { describeIoError } from './io-error';
import type { WorkspaceSession } from './session';
import { loadBuiltInTemplates, loadWorkspaceTemplates } from './templates';

export async function workspaceTemplates(
  session: WorkspaceSession,
): Promise<Result<{ sources: TemplateSource[]; errors: TemplateError[] }>> {
  const state = session.state();
  if (state.status !== 'open') return ok({ sources: [], errors: [] });
  return ok(await loadWorkspaceTemplates(state.workspace, state.path));
}

export async function exportDocument(
  session: WorkspaceSession,
  { id, format, path, allowErrors }: { id: string; format: DocumentFormat; path: string; allowErrors?: boolean },
): Promise<Result<{ path: string }>> {
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
  const rendered = renderDocument(state.workspace, template);
  if (!rendered.ok) {
    const e = rendered.error;
    return fail({
      code: 'invalid-argument',
      file: e.file,
      message: `The template ${e.file}${e.line ? ` (line ${e.line})` : ''} could not be rendered: ${e.message}`,
    });
  }
  const { extension } = DOCUMENT_FORMATS[format];
  const target = path.toLowerCase().endsWith(extension) ? path : `${path}${extension}`;
  const content = await DOCUMENT_WRITERS[format](rendered.document);
  try {
    await writeFileAtomic(target, content);
  } catch (error) {
    return fail({ code: 'io', file: target, message: `Nothing was exported: ${describeIoError(error, target)}.` });
  }
  return ok({ path: target });
}
