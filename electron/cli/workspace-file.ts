// Reading a workspace file for the commands that check or rewrite one. Every way it can fail becomes
// an exit code and the lines to print: 1 for a workspace with problems, 2 for a file that cannot be
// checked at all.
import { readFile } from 'node:fs/promises';
import { readWorkspaceText } from '../../core/read';
import { FORMAT_VERSION, type Workspace } from '../../core/schema';
import type { Problem } from '../../core/validate';

export type LoadedFile =
  | { ok: true; workspace: Workspace; text: string }
  | { ok: false; exitCode: 1 | 2; lines: string[] };

// Decoding must fail on bytes that are not UTF-8 rather than replace them: the app refuses such a
// file, so the command line must not call it valid. The byte-order mark is left for readWorkspaceText.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export const EXIT_OK = 0;
/** the workspace has problems, or the command refused for a reason the user can fix in the file */
export const EXIT_PROBLEMS = 1;
/** the file could not be read or understood, or the command line was wrong */
export const EXIT_ERROR = 2;

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** One line saying why a file could not be read, and what to do. */
export function readErrorLine(file: string, error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
      return `Cannot read ${file}: there is no such file. Check the path, or create a workspace with "candor new ${file}".`;
    case 'EISDIR':
      return `Cannot read ${file}: it is a folder. Give the path of a workspace file (*.candor.json).`;
    case 'EACCES':
    case 'EPERM':
      return `Cannot read ${file}: permission denied. Check the file's permissions.`;
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `Cannot read ${file}: ${message.replace(/\s+/g, ' ').trim()}.`;
    }
  }
}

export function problemLine(problem: Problem): string {
  return `${problem.path || '(top level)'}: ${problem.message}`;
}

export function newerVersionLine(file: string, version: number): string {
  return `${file} was written by a newer version of Candor (workspace format version ${version}); this version of Candor reads format version ${FORMAT_VERSION}, so it cannot check or rewrite it. Update Candor.`;
}

export async function loadWorkspaceFile(file: string): Promise<LoadedFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, exitCode: EXIT_ERROR, lines: [readErrorLine(file, error)] };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return {
      ok: false,
      exitCode: EXIT_ERROR,
      lines: [`${file} is not UTF-8 text (it may be saved in another encoding, or damaged); save it as UTF-8 in a text editor, or restore a backup.`],
    };
  }
  const result = readWorkspaceText(text);
  switch (result.kind) {
    case 'ok':
      return { ok: true, workspace: result.workspace, text };
    case 'unreadable':
      return { ok: false, exitCode: EXIT_ERROR, lines: [`${file} ${result.reason}.`] };
    case 'newer-version':
      return { ok: false, exitCode: EXIT_ERROR, lines: [newerVersionLine(file, result.version)] };
    case 'invalid':
      return { ok: false, exitCode: EXIT_PROBLEMS, lines: result.problems.map(problemLine) };
  }
}
