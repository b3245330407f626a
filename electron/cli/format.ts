// `candor format <file> [--check]`: rewrites a workspace in canonical form (the form the app saves),
// so hand edits and tool output diff cleanly in git.
import { access, constants, stat } from 'node:fs/promises';
import { serializeWorkspace } from '../../core/canonical';
import { writeFileAtomic } from '../services/atomic-write';
import { describeIoError } from '../services/io-error';
import type { Output } from './output';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, loadWorkspaceFile } from './workspace-file';

/** False for a file marked read-only (no write permission bit, which even root is told to respect here) or not writable by this user. */
async function writable(file: string): Promise<boolean> {
  try {
    if (((await stat(file)).mode & 0o222) === 0) return false;
    await access(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export interface FormatOptions {
  /** report whether the file is canonical; never write */
  check?: boolean;
}

export async function formatCommand(file: string, options: FormatOptions, output: Output): Promise<number> {
  const loaded = await loadWorkspaceFile(file);
  if (!loaded.ok) {
    for (const line of loaded.lines) output.err(line);
    return loaded.exitCode;
  }
  const canonical = serializeWorkspace(loaded.workspace);
  if (Buffer.from(canonical, 'utf8').equals(loaded.bytes)) {
    output.out(`${file} is already in canonical form.`);
    return EXIT_OK;
  }
  if (options.check) {
    output.err(`${file} is not in canonical form; "candor format ${file}" would rewrite it.`);
    return EXIT_PROBLEMS;
  }
  // The atomic write replaces the file by renaming, which a read-only file would not stop; its
  // read-only mark is the owner's wish and is respected.
  if (!(await writable(file))) {
    output.err(`Cannot rewrite ${file}: the file is read-only. Make it writable first, or check it with "candor format --check ${file}".`);
    return EXIT_ERROR;
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
