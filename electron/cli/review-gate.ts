// The review stands between a workspace and what `build`, `export` and `publish` write (core/publish.ts): its
// errors stop the command, each printed as `path: message`, unless --allow-errors is given, when they
// are printed as warnings and the files are written anyway.
import type { Finding } from '../../core/lint';
import { reviewErrors } from '../../core/publish';
import type { Workspace } from '../../core/schema';
import { count } from '../../core/words';
import type { Output } from './output';
import { problemLine } from './workspace-file';

export type ReviewGate = { proceed: true; warnings: string[] } | { proceed: false };

/** Messages quote names, which may hold line breaks; one finding stays on one line. */
function findingLine({ path, message }: Finding): string {
  return problemLine({ path, message: message.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ') });
}

/**
 * Whether the command may write. When it may not, the errors and the way on are already printed; when it
 * may despite errors, `warnings` holds the lines to print once the files are written.
 */
export function reviewGate(
  workspace: Workspace,
  file: string,
  options: { allowErrors?: boolean; command: 'build' | 'export' | 'publish' },
  output: Output,
): ReviewGate {
  const errors = reviewErrors(workspace);
  if (errors.length === 0) return { proceed: true, warnings: [] };
  if (options.allowErrors) return { proceed: true, warnings: errors.map((error) => `Warning: ${findingLine(error)}`) };
  for (const error of errors) output.err(findingLine(error));
  const what = { build: 'build anyway', export: 'write the file anyway', publish: 'publish anyway' }[options.command];
  const them = errors.length === 1 ? 'it' : 'them';
  output.err(
    `Nothing was written: the review finds ${count(errors.length, 'error')} (above). Fix ${them} ("candor lint ${file}" lists ${them} with more detail), or pass --allow-errors to ${what}.`,
  );
  return { proceed: false };
}
