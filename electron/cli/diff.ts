// `candor diff <old> <new> [--json]`: what changed between two workspace files, by entry and field
// (core/semantic-diff.ts). It is also git's external diff (diff.candor.command, GIT_EXTERNAL_DIFF), which
// is called with seven arguments (path old-file old-hex old-mode new-file new-hex new-mode; nine for a
// rename), and `candor textconv <file>` prints one workspace as the line-per-field text git's own diff
// compares.
import { readFile } from 'node:fs/promises';
import { groupChanges, semanticDiff, workspaceText, type SemanticDiff } from '../../core/semantic-diff';
import { FORMAT, FORMAT_VERSION, type Workspace } from '../../core/schema';
import { count } from '../../core/words';
import type { Output } from './output';
import { EXIT_ERROR, EXIT_OK, loadWorkspaceFile, problemLine } from './workspace-file';
import { readWorkspaceFile } from '../services/workspace-file';
import { writeRedline } from './redline';

export interface DiffOptions {
  /** print the structured diff as JSON instead of lines */
  json?: boolean;
  /** git runs it as an external diff (it sets GIT_DIFF_PATH_TOTAL), so one argument is an unmerged path */
  calledByGit?: boolean;
  /** also write a redline of the notice (tracked changes in .docx, or an .html comparison) to this file */
  redline?: string;
  /** which document the redline compares; the privacy notice by default */
  document?: string;
}

/** What git passes for the side of a file that does not exist (added or deleted in the commit). */
const NO_FILE = '/dev/null';

/** The other side of a file that was added or deleted: nothing in it, so everything reads as added or removed. */
function emptyWorkspace(): Workspace {
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    organization: { name: '', jurisdictions: [] },
    purposes: [],
    recipients: [],
    collectionPoints: [],
    dataTypes: [],
    settings: {},
  } as Workspace;
}

interface Sides {
  /** what the output calls the comparison */
  title: string;
  old: string;
  new: string;
}

/**
 * The files to compare: `<old> <new>`, or git's external-diff arguments (`path old-file old-hex old-mode
 * new-file new-hex new-mode`, with `new-path rename-info` after them for a rename).
 */
export function diffSides(args: readonly string[]): Sides | undefined {
  if (args.length === 2) return { title: `${args[0]} → ${args[1]}`, old: args[0], new: args[1] };
  if (args.length === 7) return { title: args[0], old: args[1], new: args[4] };
  if (args.length === 9) return { title: `${args[0]} → ${args[7]}`, old: args[1], new: args[4] };
  return undefined;
}

type Loaded = { ok: true; workspace: Workspace } | { ok: false; exitCode: 1 | 2 };

async function load(file: string, output: Output): Promise<Loaded> {
  if (file === NO_FILE) return { ok: true, workspace: emptyWorkspace() };
  const loaded = await loadWorkspaceFile(file);
  if (loaded.ok) return { ok: true, workspace: loaded.workspace };
  // Two files are read: each problem says which one it is in.
  if (loaded.exitCode === 1) {
    output.err(`${file} is not a valid workspace, so it cannot be compared:`);
    for (const line of loaded.lines) output.err(`  ${line}`);
  } else for (const line of loaded.lines) output.err(line);
  return { ok: false, exitCode: loaded.exitCode };
}

/** The diff as lines, by section and entry: a heading per section, then each change on its own line. */
export function diffLines(title: string, diff: SemanticDiff): string[] {
  if (diff.same) return [`${title}: no changes.`];
  const lines = [`${title}: ${count(diff.changes.length, 'change')}`];
  for (const section of groupChanges(diff)) {
    lines.push('', section.title);
    for (const entity of section.entities) for (const change of entity.changes) lines.push(`  ${change.line}`);
  }
  return lines;
}

export async function diffCommand(args: readonly string[], options: DiffOptions, output: Output): Promise<number> {
  // During a conflicted merge git passes only the path: there is no pair of versions to compare yet.
  if (options.calledByGit && args.length === 1) {
    output.out(`${args[0]}: not merged yet; resolve the merge (see "candor merge"), then compare.`);
    return EXIT_OK;
  }
  const sides = diffSides(args);
  if (!sides) {
    output.err(
      `candor diff takes two workspace files (old, then new), or the seven arguments git passes to an external diff; it got ${count(args.length, 'argument')}. Run "candor diff --help" for usage.`,
    );
    return EXIT_ERROR;
  }
  const before = await load(sides.old, output);
  const after = await load(sides.new, output);
  if (!before.ok || !after.ok) return Math.max(before.ok ? 0 : before.exitCode, after.ok ? 0 : after.exitCode);
  const diff = semanticDiff(before.workspace, after.workspace);
  if (options.redline !== undefined) {
    const code = await writeRedline(
      sides,
      { old: before.workspace, new: after.workspace },
      options.redline,
      options.document ?? 'privacy-notice',
      output,
    );
    if (code !== EXIT_OK) return code;
  }
  if (options.json) {
    output.out(JSON.stringify({ old: sides.old, new: sides.new, same: diff.same, changes: diff.changes }, null, 2));
  } else {
    for (const line of diffLines(sides.title, diff)) output.out(line);
  }
  return EXIT_OK;
}

/**
 * `candor textconv <file>`: the workspace as stable text, one line per field, for git's textconv. A file
 * Candor cannot read as a workspace (a half-resolved merge, a newer format) is printed as it is after a
 * line saying why, so that `git diff` still shows it rather than stopping.
 */
export async function textconvCommand(file: string, output: Output): Promise<number> {
  if (file === NO_FILE) return EXIT_OK;
  const content = await readWorkspaceFile(file);
  if (content.kind === 'ok') {
    output.out(workspaceText(content.workspace).replace(/\n$/, ''));
    return EXIT_OK;
  }
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    output.err(content.kind === 'refused' ? content.error.message : content.message);
    return EXIT_ERROR;
  }
  const why =
    content.kind === 'refused' && content.error.code === 'invalid-workspace' && content.error.problems?.length
      ? `it is not a valid workspace (${content.error.problems.map(problemLine).join('; ')})`
      : (content.kind === 'refused' ? content.error.message : content.message).replace(/\s+/g, ' ');
  output.out(`(Candor cannot read ${file} as a workspace: ${why}. Its text follows as it is.)`);
  output.out(raw.replace(/\n$/, ''));
  return EXIT_OK;
}
