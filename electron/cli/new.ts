// `candor new <file> [--example] [--name <name>]`: starts a workspace file, empty or a copy of the
// bundled sample. It never replaces an existing file.
import { lstat, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { serializeWorkspace } from '../../core/canonical';
import { readWorkspaceText } from '../../core/read';
import { createEmptyWorkspace } from '../../core/new-workspace';
import type { Workspace } from '../../core/schema';
import { validateWorkspace } from '../../core/validate';
import { isCode, writeNewFileAtomic } from '../services/atomic-write';
import { describeIoError } from '../services/io-error';
import type { Output } from './output';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, problemLine } from './workspace-file';

export const DEFAULT_ORGANIZATION_NAME = 'My organization';

export interface NewOptions {
  example?: boolean;
  /** the organization's name, written into the new workspace */
  name?: string;
}

export interface NewDependencies {
  /** path of the bundled sample workspace */
  examplePath(): string;
}

function refuseOverwrite(file: string, output: Output): number {
  output.err(`${file} already exists; Candor does not overwrite it. Choose another file name, or delete the file first.`);
  return EXIT_PROBLEMS;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function loadExample(path: string): Promise<Workspace> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`${describeIoError(error, `the bundled sample workspace ${path}`)}; reinstall Candor`);
  }
  const result = readWorkspaceText(text);
  if (result.kind !== 'ok') {
    throw new Error(`the bundled sample ${path} is not a valid workspace; reinstall Candor`);
  }
  return result.workspace;
}

export async function newCommand(file: string, options: NewOptions, output: Output, deps: NewDependencies): Promise<number> {
  const name = options.name?.trim();
  if (options.name !== undefined && !name) {
    output.err('--name must not be empty: give the organization name used in the documents, such as --name "Ridgeline".');
    return EXIT_ERROR;
  }
  if (await exists(file)) return refuseOverwrite(file, output);
  if (!(await exists(dirname(file)))) {
    output.err(`Cannot create ${file}: the folder ${dirname(file)} does not exist. Create it first, or choose another path.`);
    return EXIT_ERROR;
  }

  let workspace: Workspace;
  try {
    workspace = options.example ? await loadExample(deps.examplePath()) : createEmptyWorkspace(name ?? DEFAULT_ORGANIZATION_NAME);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    output.err(`Cannot create ${file}: ${message}.`);
    return EXIT_ERROR;
  }
  if (options.example && name) {
    workspace = { ...workspace, organization: { ...workspace.organization, name } };
  }
  // What `new` writes must pass `validate`; a name the schema refuses is reported, not written.
  const checked = validateWorkspace(workspace);
  if (!checked.ok) {
    for (const problem of checked.problems) output.err(problemLine(problem));
    return EXIT_ERROR;
  }

  try {
    // Exclusive creation: a file that appeared since the check above is still not replaced.
    await writeNewFileAtomic(file, serializeWorkspace(workspace));
  } catch (error) {
    if (isCode(error, 'EEXIST')) return refuseOverwrite(file, output);
    output.err(`Cannot create ${file}: ${describeIoError(error, 'it')}.`);
    return EXIT_ERROR;
  }
  const what = options.example
    ? `a copy of the sample workspace (${workspace.dataTypes.length} data types)`
    : `an empty workspace for "${workspace.organization.name}"`;
  output.out(`Created ${file}: ${what}. Open it with: candor serve ${file}`);
  return EXIT_OK;
}
