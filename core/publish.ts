// What stops Candor from publishing: the review's errors. A document, a store declaration or the record
// of processing written from a workspace the review calls wrong would state something known to be false,
// so `candor build`, `candor export` and the app's exports refuse until the errors are fixed or the
// person says to write anyway. Warnings are judgement calls and never block.
import { EXPORTS, type ExportKind } from './catalogue';
import { lintWorkspace, type Finding } from './lint';
import type { Workspace } from './schema';
import type { Problem } from './validate';

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
