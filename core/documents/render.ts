// Turns a workspace and a parsed template into a document: the context is built (user text escaped,
// internal fields left out), Liquid renders once, and the Markdown is tidied so that it passes
// markdownlint whatever the template's conditionals left behind.
import type { Workspace } from '../schema';
import type { DocumentHistory, DocumentRelease } from '../versions';
import { buildContext } from './context';
import { liquidError, renderTemplatePieces, type ParsedTemplate } from './templates';
import { plainText } from './text';
import { isConsumerHealthData } from '../consumer-health';
import type { DocumentCondition, DocumentMeta, RenderedDocument, TemplateError, TemplateInfo } from './types';

const CONDITIONS: Record<DocumentCondition, (workspace: Workspace) => boolean> = {
  'financial-incentives': (workspace) => (workspace.financialIncentives?.length ?? 0) > 0,
  'consumer-health-data': (workspace) => workspace.dataTypes.some(isConsumerHealthData),
};

/**
 * The documents this workspace calls for: those whose template names one of its jurisdictions and whose
 * condition (`when`), if any, holds.
 */
export function availableDocuments(workspace: Workspace, templates: ParsedTemplate[]): TemplateInfo[] {
  const jurisdictions = new Set(workspace.organization.jurisdictions);
  return templates
    .filter((t) => t.info.jurisdictions.some((j) => jurisdictions.has(j)) && (!t.info.when || CONDITIONS[t.info.when](workspace)))
    .map((t) => t.info);
}

/**
 * Tidies rendered Markdown: no trailing spaces, at most one blank line in a row, none at the start,
 * one line break at the end, and headings made unique (a repeated heading gets " (2)", " (3)", …,
 * which happens when two entries share a name).
 */
export function tidyMarkdown(markdown: string): string {
  return tidyMarkdownLines(markdown).join('\n');
}

/**
 * `tidyMarkdown`'s text as its lines (the last one empty, for the final line break): joined with "\n"
 * they are that text. The live preview cuts its sections from the lines, so at 2,000 data types it never
 * builds the 1.3 MB text at all.
 */
export function tidyMarkdownLines(markdown: string | readonly string[]): string[] {
  // Called on every edit by the live preview, on up to a megabyte or more: the patterns run only on the
  // lines that can match them (a fence starts with ` or ~, a heading with #). Given the pieces a template
  // printed, the lines are cut from the pieces directly, so the only whole copy made is the result.
  let pieces = typeof markdown === 'string' ? [markdown] : markdown;
  // Carriage returns (rare: text pasted from Windows) are turned into line breaks on the whole text, as a
  // "\r\n" may straddle two pieces.
  if (pieces.some((piece) => piece.includes('\r'))) pieces = [pieces.join('').replace(/\r\n?/g, '\n')];
  const out: string[] = [];
  const seen = new Map<string, number>();
  let fence: string | undefined;
  const take = (raw: string) => {
    const last = raw.charCodeAt(raw.length - 1);
    const line = last === 0x20 || last === 0x09 ? raw.replace(/[ \t]+$/, '') : raw;
    const first = line.charCodeAt(0);
    const fenceMatch = first === 0x60 || first === 0x7e ? /^(`{3,}|~{3,})/.exec(line) : null;
    if (fence) {
      if (fenceMatch && line.startsWith(fence)) fence = undefined;
      out.push(line);
      return;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      out.push(line);
      return;
    }
    if (line === '') {
      if (out.length > 0 && out[out.length - 1] !== '') out.push(line);
      return;
    }
    const heading = first === 0x23 ? /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?$/.exec(line) : null;
    if (heading) {
      const key = heading[2].trim().toLowerCase();
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      out.push(count === 1 ? line : `${heading[1]} ${heading[2].trim()} (${count})`);
      return;
    }
    out.push(line);
  };
  // The start of a line whose end is in a later piece.
  let carry = '';
  for (const piece of pieces) {
    let start = 0;
    for (let end = piece.indexOf('\n'); end !== -1; end = piece.indexOf('\n', start)) {
      take(carry + piece.slice(start, end));
      carry = '';
      start = end + 1;
    }
    carry += start === 0 ? piece : piece.slice(start);
  }
  take(carry);
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  if (out.length === 0) return ['', ''];
  // The final line break comes from the join: appended afterwards, it made a second string of the whole
  // document that the first reader had to copy again (about 9 ms for a notice of 1.3 MB).
  out.push('');
  return out;
}

export type RenderResult = { ok: true; document: RenderedDocument } | { ok: false; error: TemplateError };

/**
 * Renders one document, synchronously, as the published version `release` or, without one, as a draft. A
 * template that fails at render time is reported with its file and line.
 */
export function renderDocument(
  workspace: Workspace,
  template: ParsedTemplate,
  release?: DocumentRelease,
  /** what "Changes to this notice" lists; none without an archive */
  history?: DocumentHistory,
): RenderResult {
  const result = renderDocumentLines(workspace, template, release, history);
  return result.ok ? { ok: true, document: { meta: result.meta, markdown: result.lines.join('\n') } } : result;
}

export type RenderLinesResult = { ok: true; meta: DocumentMeta; lines: string[] } | { ok: false; error: TemplateError };

/** `renderDocument` with the Markdown as its lines (see `tidyMarkdownLines`): what the live preview renders from. */
export function renderDocumentLines(
  workspace: Workspace,
  template: ParsedTemplate,
  release?: DocumentRelease,
  history?: DocumentHistory,
): RenderLinesResult {
  const { info } = template;
  const context = buildContext(workspace, info, release, history);
  let body: string[];
  try {
    body = renderTemplatePieces(template.compiled, context);
  } catch (error) {
    return { ok: false, error: liquidError(template.source, template.bodyLineOffset, error) };
  }
  return {
    ok: true,
    meta: {
      id: info.id,
      title: info.title,
      organization: plainText(workspace.organization.name),
      ...(context.document.effectiveDateIso ? { effectiveDate: context.document.effectiveDateIso } : {}),
      version: context.document.version,
      ...(context.document.lastUpdatedIso ? { lastUpdated: context.document.lastUpdatedIso } : {}),
      versionLine: context.document.versionLine,
      buildId: context.document.buildId,
      locale: info.locale,
    },
    lines: tidyMarkdownLines(body),
  };
}
