// `candor build <workspace> --out <dir> [--only id,…]`: every document and text from one workspace.
// An invalid workspace, review errors (unless --allow-errors) or a broken template write nothing; the
// outputs appear all at once.
import { join } from 'node:path';
import type { BuildGroup } from '../../core/catalogue';
import { buildOutputs } from '../../core/documents/build';
import { renderExport } from '../services/exports';
import { loadBuiltInTemplates, loadWorkspaceTemplates } from '../services/templates';
import { writeOutputs } from '../services/build-output';
import { describeIoError } from '../services/io-error';
import type { Output } from './output';
import { workingCopyRelease } from './publish';
import { reviewGate } from './review-gate';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, loadWorkspaceFile } from './workspace-file';

export async function buildCommand(
  file: string,
  options: { out: string; only?: BuildGroup[]; allowErrors?: boolean },
  output: Output,
): Promise<number> {
  const loaded = await loadWorkspaceFile(file);
  if (!loaded.ok) {
    for (const line of loaded.lines) output.err(line);
    return loaded.exitCode;
  }
  const gate = reviewGate(loaded.workspace, file, { allowErrors: options.allowErrors, command: 'build' }, output);
  if (!gate.proceed) return EXIT_PROBLEMS;
  const [builtIn, workspaceTemplates, { release, history, warning }] = await Promise.all([
    loadBuiltInTemplates(),
    loadWorkspaceTemplates(loaded.workspace, file),
    // Documents of the working copy carry the published version when nothing changed since; otherwise they are a draft.
    workingCopyRelease(file, loaded.workspace),
  ]);
  const result = await buildOutputs(
    loaded.workspace,
    { builtIn, overrides: workspaceTemplates.sources },
    renderExport,
    options.only,
    release,
    history,
  );
  const errors = [...workspaceTemplates.errors, ...result.errors];
  if (errors.length > 0) {
    for (const error of errors) {
      const where = [error.file, error.line, error.column].filter((part) => part !== undefined).join(':');
      output.err(`${where}: ${error.message}`);
    }
    output.err('Nothing was written: fix the template problems above and build again.');
    return EXIT_PROBLEMS;
  }
  try {
    await writeOutputs(options.out, result.files);
  } catch (error) {
    // writeOutputs names the file in the output folder that failed, when it knows it.
    const path = (error as { outputPath?: unknown } | undefined)?.outputPath;
    output.err(`Nothing was written: ${describeIoError(error, typeof path === 'string' ? path : options.out)}.`);
    return EXIT_ERROR;
  }
  for (const line of [...gate.warnings, ...(warning ? [warning] : [])]) output.err(line);
  output.out(`Built ${result.files.length} files from ${file} into ${options.out}:`);
  for (const built of result.files) output.out(`  ${join(options.out, ...built.path.split('/'))}`);
  for (const { reason } of result.skipped) output.out(reason);
  return EXIT_OK;
}
