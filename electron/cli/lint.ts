// `candor lint <workspace> [--json]`: the review rules, as a person reads them or as a tool parses them.
// Exit 1 when an error is found (so CI fails on a real defect, not on a judgement call), 0 otherwise.
import { countFindings, groupFindings, lintWorkspace, type Finding, type PreviousVersion, type Severity } from '../../core/lint';
import { workspaceFacts } from '../../core/lint/facts';
import { applyAcceptances } from '../../core/review-acceptance';
import type { Workspace } from '../../core/schema';
import { count } from '../../core/words';
import type { Output } from './output';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, loadWorkspaceFile, problemLine } from './workspace-file';

export interface LintOptions {
  /** print a JSON array of { rule, severity, path, message } (the open findings) instead of text */
  json?: boolean;
}

const HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

/** `1 error, 2 warnings, 0 info` */
export function summary(findings: readonly Finding[]): string {
  const counts = countFindings(findings);
  return `${count(counts.error, 'error')}, ${count(counts.warning, 'warning')}, ${counts.info} info`;
}

/**
 * The findings of the incident review (core/incidents/lint.ts) for the register beside the workspace, when
 * there is one; their paths start with `incidents[`. A register that cannot be read is said on stderr, with
 * the exit code it calls for (1 for its problems, 2 when it cannot be read at all).
 */
async function incidentFindings(
  file: string,
  workspace: Workspace,
  now: Date,
  output: Output,
): Promise<{ findings: Finding[]; exitCode: number; register?: string }> {
  // Loaded here, not with the command line, so commands that never look at a register start as quickly as before.
  const { readRegisterFile, registerPathFor } = await import('../services/incidents');
  const register = registerPathFor(file);
  const content = await readRegisterFile(register);
  if (content.kind === 'missing') return { findings: [], exitCode: EXIT_OK };
  if (content.kind === 'refused') {
    for (const problem of content.error.problems ?? []) output.err(problemLine(problem));
    output.err(`${content.error.message} Its incidents were not reviewed.`);
    return { findings: [], exitCode: content.error.code === 'invalid-workspace' ? EXIT_PROBLEMS : EXIT_ERROR };
  }
  const { lintIncidents } = await import('../../core/incidents/lint');
  return { findings: lintIncidents(content.register, workspace, now), exitCode: EXIT_OK, register };
}

/**
 * The latest published version in the archive beside the workspace, when there is one, for the review
 * rules on material changes since it. An archive that cannot be read is said on stderr and skipped.
 */
async function previousVersion(file: string, workspace: Workspace, output: Output): Promise<PreviousVersion | undefined> {
  const { loadVersionIndex } = await import('../services/versions');
  const { changesSinceLatest } = await import('../services/version-history');
  const loaded = await loadVersionIndex(file);
  if (!loaded.ok) {
    output.err(`Warning: ${loaded.line} Changes since the last published version were not reviewed.`);
    return undefined;
  }
  const since = await changesSinceLatest(file, loaded.index, workspace);
  if (since.warning) output.err(`${since.warning} Changes since the last published version were not reviewed.`);
  return since.previous;
}

export async function lintCommand(file: string, options: LintOptions, output: Output, now: () => Date = () => new Date()): Promise<number> {
  const loaded = await loadWorkspaceFile(file);
  if (!loaded.ok) {
    // The rules read only valid workspaces: say what makes it invalid, as `candor validate` does.
    for (const line of loaded.lines) output.err(line);
    return loaded.exitCode;
  }
  // Warnings and infos the team accepted (workspace `review.accepted`) are listed apart and not counted.
  const previous = await previousVersion(file, loaded.workspace, output);
  const reviewed = applyAcceptances(lintWorkspace(loaded.workspace, workspaceFacts(loaded.workspace, { previous })), loaded.workspace);
  const accepted = reviewed.accepted;
  // Incidents are not accepted away: their findings (a deadline passed without a decision) always count.
  const incidents = await incidentFindings(file, loaded.workspace, now(), output);
  const findings = [...reviewed.open, ...incidents.findings];
  if (options.json) {
    // Exactly these four keys, in this order, whatever a finding carries in future.
    const records = findings.map(({ rule, severity, path, message }) => ({ rule, severity, path, message }));
    output.out(JSON.stringify(records, null, 2));
  } else {
    for (const group of groupFindings(findings)) {
      output.out(`${HEADINGS[group.severity]} (${group.findings.length})`);
      for (const f of group.findings) output.out(`  ${f.path}: ${oneLine(f.message)} [${f.rule}]`);
      output.out('');
    }
    if (accepted.length > 0) {
      output.out(`Accepted, not counted (${accepted.length})`);
      for (const { finding: f, acceptance: a } of accepted) {
        output.out(`  ${f.path}: ${oneLine(f.message)} [${f.rule}]`);
        output.out(`    accepted ${a.on}${a.by ? ` by ${oneLine(a.by)}` : ''}: ${oneLine(a.reason)}`);
      }
      output.out('');
    }
    const also = accepted.length > 0 ? `; ${accepted.length} accepted` : '';
    const register = incidents.register ? ` (with the incident register ${incidents.register}: paths incidents[…] are in it)` : '';
    output.out(
      findings.length === 0
        ? `${file}: no findings (${summary(findings)}${also})${register}.`
        : `${file}: ${summary(findings)}${also}${register}.`,
    );
  }
  const code = findings.some((f) => f.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
  return Math.max(code, incidents.exitCode);
}

/** Messages quote user text (names), which may hold line breaks; one finding stays on one line. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
}
