// `candor merge <base> <ours> <theirs> -o <out>`: a three-way merge of workspace files by entry and field
// (core/merge.ts), and git's merge driver for *.candor.json (merge.candor.driver, with %O %A %B -o %A).
// A clean merge exits 0; conflicts exit 1, so that git marks the file as conflicted, and the file then
// holds ours at each conflict and lists the conflicts (`mergeConflicts`) for the app to show, with every
// conflict also printed with its base, ours and theirs.
import { serializeWorkspace } from '../../core/canonical';
import { mergeWorkspaces, type MergeConflict } from '../../core/merge';
import type { Workspace } from '../../core/schema';
import { wordsAt } from '../../core/semantic-diff';
import { count } from '../../core/words';
import { writeFileAtomic } from '../services/atomic-write';
import { describeIoError } from '../services/io-error';
import type { Output } from './output';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, loadWorkspaceFile } from './workspace-file';

export interface MergeOptions {
  /** the file to write the result to (git: %A, the same as ours) */
  out: string;
  /** the name the messages use for the workspace (git: %P); the output file by default */
  name?: string;
}

function side(workspace: Workspace, conflict: MergeConflict, value: unknown): string {
  if (value === undefined) return 'not set or removed';
  return (wordsAt(workspace, conflict.path) ?? JSON.stringify(value)).replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
}

export async function mergeCommand(files: [string, string, string], options: MergeOptions, output: Output): Promise<number> {
  const loaded: Workspace[] = [];
  let failed: 1 | 2 | undefined;
  for (const file of files) {
    const result = await loadWorkspaceFile(file);
    if (result.ok) {
      loaded.push(result.workspace);
      continue;
    }
    if (result.exitCode === 1) {
      output.err(`${file} is not a valid workspace, so it cannot be merged:`);
      for (const line of result.lines) output.err(`  ${line}`);
    } else for (const line of result.lines) output.err(line);
    failed = Math.max(failed ?? 0, result.exitCode) as 1 | 2;
  }
  // Nothing is written unless all three are read: git then keeps ours and marks the file conflicted.
  if (failed) return EXIT_ERROR;
  const [base, ours, theirs] = loaded;
  const { workspace, conflicts } = mergeWorkspaces(base, ours, theirs);
  try {
    await writeFileAtomic(options.out, serializeWorkspace(workspace));
  } catch (error) {
    output.err(`Cannot write ${options.out}: ${describeIoError(error, 'it')}. Nothing was merged.`);
    return EXIT_ERROR;
  }
  const name = options.name ?? options.out;
  const earlier = (workspace.mergeConflicts?.length ?? 0) - conflicts.length;
  const still =
    earlier > 0
      ? ` ${count(earlier, 'conflict')} from an earlier merge ${earlier === 1 ? 'is' : 'are'} still in the file, unresolved; choose ${earlier === 1 ? 'it' : 'them'} in Candor's Review screen.`
      : '';
  if (conflicts.length === 0) {
    output.out(`${name}: merged with no conflicts.${still}`);
    return EXIT_OK;
  }
  output.out(
    `${name}: ${count(conflicts.length, 'conflict')}. Both sides changed the same field; the file holds ours at each, lists the conflicts, and is a valid workspace. Open it in Candor: Review › Merge conflicts shows each with both values; choose one for each (the review reports them as errors until then), then mark the file resolved (git add).${still}`,
  );
  for (const conflict of conflicts) {
    output.out(`  ${conflict.where} (${conflict.path || '/'})`);
    output.out(`    base:   ${side(base, conflict, conflict.base)}`);
    output.out(`    ours:   ${side(ours, conflict, conflict.ours)}`);
    output.out(`    theirs: ${side(theirs, conflict, conflict.theirs)}`);
  }
  return EXIT_PROBLEMS;
}
