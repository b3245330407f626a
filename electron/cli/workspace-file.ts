// Reading a workspace file for the commands that check or rewrite one. The reading and the verdict
// are the app's own (services/workspace-file), so the command line and the app agree on every file;
// here each verdict becomes an exit code and the lines to print: 1 for a workspace with problems,
// 2 for a file that cannot be checked at all.
import type { CandorError } from '../../core/api';
import { FORMAT_VERSION, type Workspace } from '../../core/schema';
import type { Problem } from '../../core/validate';
import { readWorkspaceFile } from '../services/workspace-file';

export type LoadedFile = { ok: true; workspace: Workspace; bytes: Buffer } | { ok: false; exitCode: 1 | 2; lines: string[] };

export const EXIT_OK = 0;
/** the workspace has problems, or the command refused for a reason the user can fix in the file */
export const EXIT_PROBLEMS = 1;
/** the file could not be read or understood, or the command line was wrong */
export const EXIT_ERROR = 2;

export function problemLine(problem: Problem): string {
  return `${problem.path || '(top level)'}: ${problem.message}`;
}

export function newerVersionLine(file: string, version: number): string {
  return `${file} was written by a newer version of Candor (workspace format version ${version}); this version of Candor reads format version ${FORMAT_VERSION}, so it cannot check or rewrite it. Update Candor.`;
}

export async function loadWorkspaceFile(file: string): Promise<LoadedFile> {
  const content = await readWorkspaceFile(file);
  switch (content.kind) {
    case 'ok':
      return { ok: true, workspace: content.workspace, bytes: content.bytes };
    case 'newer-version':
      return { ok: false, exitCode: EXIT_ERROR, lines: [newerVersionLine(file, content.version)] };
    case 'refused':
      return { ok: false, ...refusal(file, content.error) };
  }
}

/**
 * Why a workspace file was refused, as the command line says it: one line per problem of an
 * invalid workspace (exit 1), otherwise the one-line reason (exit 2).
 */
export function refusal(file: string, error: CandorError): { exitCode: 1 | 2; lines: string[] } {
  if (error.code === 'invalid-workspace' && error.problems?.length) {
    return { exitCode: EXIT_PROBLEMS, lines: error.problems.map(problemLine) };
  }
  const hint = error.code === 'not-found' ? ` Check the path, or create a workspace with "candor new ${file}".` : '';
  return { exitCode: EXIT_ERROR, lines: [`${error.message}${hint}`] };
}
