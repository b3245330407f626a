// What stops Candor from publishing: the review's errors. A document, a store declaration or the record
// of processing written from a workspace the review calls wrong would state something known to be false,
// so `candor build`, `candor export` and the app's exports refuse until the errors are fixed or the
// person says to write anyway. Warnings are judgement calls and never block.
import type { CandorError } from './api';
import { EXPORTS, type ExportKind } from './catalogue';
import { lintWorkspace, type Finding } from './lint';
import type { Workspace } from './schema';
import type { Problem } from './validate';
import { count } from './words';

/**
 * Whether a file of this kind states something to customers, store reviewers or regulators. The
 * interchange files (the inventory CSV, the fideslang system) carry the workspace to other tools and
 * back, often to fix it, so the review does not hold them back.
 */
export function isPublishedExport(kind: ExportKind): boolean {
  return EXPORTS[kind].section !== 'inventory';
}

/** The review's errors for a valid workspace, in the review's order. */
export function reviewErrors(workspace: Workspace): Finding[] {
  return lintWorkspace(workspace).filter((finding) => finding.severity === 'error');
}

/** The findings as problems (path and message), the shape a refusal carries them in. */
export function findingProblems(findings: readonly Finding[]): Problem[] {
  return findings.map(({ path, message }) => ({ path, message }));
}

/**
 * Why the app's export handlers refuse a workspace the review finds errors in (with the errors as
 * `problems`), or undefined when it has none. The UI shows the errors before it asks for a path; this is
 * the guard for any caller that did not.
 */
export function reviewRefusal(workspace: Workspace): CandorError | undefined {
  const errors = reviewErrors(workspace);
  if (errors.length === 0) return undefined;
  const them = errors.length === 1 ? 'it' : 'them';
  return {
    code: 'review-errors',
    message: `Nothing was exported: the review finds ${count(errors.length, 'error')} in this workspace, so the file would state something wrong. Fix ${them} (the Review screen lists ${them}), or choose to export anyway.`,
    problems: findingProblems(errors),
  };
}
