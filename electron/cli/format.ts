// `candor format <file> [--check]`: rewrites a workspace in canonical form (the form the app saves),
// so hand edits and tool output diff cleanly in git.
import { serializeWorkspace } from '../../core/canonical';
import { writeFileAtomic } from '../services/atomic-write';
import { describeIoError } from '../services/io-error';
import type { Output } from './output';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, loadWorkspaceFile } from './workspace-file';

export interface FormatOptions {
  /** report whether the file is canonical; never write */
  check?: boolean;
}

export async function formatCommand(
  file: string,
  options: FormatOptions,
  output: Output,
): Promise<number> {
  const loaded = await loadWorkspaceFile(file);
  if (!loaded.ok) {
    for (const line of loaded.lines) output.err(line);
    return loaded.exitCode;
  }
  const canonical = serializeWorkspace(loaded.workspace);
  if (canonical === loaded.text) {
    output.out(`${file} is already in canonical form.`);
    return EXIT_OK;
  }
  if (options.check) {
    output.err(`${file} is not in canonical form; "candor format ${file}" would rewrite it.`);
    return EXIT_PROBLEMS;
  }
  try {
    await writeFileAtomic(file, canonical);
  } catch (error) {
    output.err(`Cannot rewrite ${file}: ${describeIoError(error, 'it')}. The file was left as it was.`);
    return EXIT_ERROR;
  }
  output.out(`Rewrote ${file} in canonical form.`);
  return EXIT_OK;
}
