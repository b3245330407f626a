// `candor export <kind> <workspace> -o <file>`: one store disclosure, record of processing or
// interchange file from a workspace, written atomically. The kinds, their names and help come from the
// catalogue (core/catalogue.ts), so the help needs no generator; the files themselves come from the same
// renderer as the app's exports (services/exports.ts), which loads only the generator asked for. What
// the review calls an error stops the published kinds (core/publish.ts) unless --allow-errors is given.
import { realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { EXPORT_KINDS, EXPORTS, type ExportKind } from '../../core/catalogue';
import { storeUnavailableReason } from '../../core/platforms';
import { isPublishedExport } from '../../core/publish';
import { isCode, writeFileAtomic } from '../services/atomic-write';
import { exportWarnings, renderExport } from '../services/exports';
import { describeIoError } from '../services/io-error';
import type { Output } from './output';
import { reviewGate, type ReviewGate } from './review-gate';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, loadWorkspaceFile, problemLine } from './workspace-file';

/** The help's list of kinds and one example for each. */
export function exportHelp(): string {
  const width = Math.max(...EXPORT_KINDS.map((id) => id.length));
  return [
    '',
    'Kinds:',
    ...EXPORT_KINDS.map((id) => `  ${id.padEnd(width)}  ${EXPORTS[id].help}`),
    '',
    'Examples:',
    ...EXPORT_KINDS.map((id) => `  $ candor export ${id} ridgeline.candor.json -o ${EXPORTS[id].fileName}`),
    '  $ candor export ropa-docx ridgeline.candor.json -o ropa-draft.docx --allow-errors   # a draft; review errors become warnings',
    '',
  ].join('\n');
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const real = async (path: string) => realpath(path).catch(() => resolve(path));
  return (await real(a)) === (await real(b));
}

export async function exportCommand(
  kind: ExportKind,
  file: string,
  options: { out: string; allowErrors?: boolean },
  output: Output,
): Promise<number> {
  const spec = EXPORTS[kind];
  const loaded = await loadWorkspaceFile(file);
  if (!loaded.ok) {
    for (const line of loaded.lines) output.err(line);
    return loaded.exitCode;
  }
  // A slip such as `-o ridgeline.candor.json` would replace the workspace with a CSV.
  if (await sameFile(file, options.out)) {
    output.err(
      `Nothing was written: ${options.out} is the workspace itself. Give -o the path of the file to create, such as -o ${spec.fileName}.`,
    );
    return EXIT_ERROR;
  }
  const gate: ReviewGate = isPublishedExport(kind)
    ? reviewGate(loaded.workspace, file, { allowErrors: options.allowErrors, command: 'export' }, output)
    : { proceed: true, warnings: [] };
  if (!gate.proceed) return EXIT_PROBLEMS;
  // A store's files describe its app; a workspace without an app on that platform has nothing to declare.
  const store = spec.section === 'apple' ? 'apple' : spec.section === 'google-play' ? 'play' : undefined;
  const unavailable = store && storeUnavailableReason(loaded.workspace, store);
  if (unavailable) {
    output.err(`Nothing was written. ${unavailable}`);
    return EXIT_PROBLEMS;
  }
  const content = await renderExport(loaded.workspace, kind);
  try {
    await writeFileAtomic(options.out, content);
  } catch (error) {
    const reason = isCode(error, 'ENOENT')
      ? `the folder ${dirname(options.out)} does not exist; create it first, or choose another path`
      : describeIoError(error, options.out);
    output.err(`Nothing was written: ${reason}.`);
    return EXIT_ERROR;
  }
  // A review error can be the very thing the generator left out (an accessed-API entry Apple would
  // refuse): said once.
  const warnings = new Set([...gate.warnings, ...(await exportWarnings(loaded.workspace, kind)).map((p) => `Warning: ${problemLine(p)}`)]);
  for (const warning of warnings) output.err(warning);
  output.out(`Wrote ${spec.what} of ${file} to ${options.out}.`);
  return EXIT_OK;
}
