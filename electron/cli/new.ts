// `candor new <file> [--example] [--name <name>]`: starts a workspace file, empty or a copy of the
// bundled sample. It never replaces an existing file.
import { describeIoError } from '../services/io-error';
import { writeNewWorkspace } from '../services/new-workspace';
import type { Output } from './output';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, problemLine } from './workspace-file';

export interface NewOptions {
  example?: boolean;
  /** the organization's name, written into the new workspace */
  name?: string;
}

export interface NewDependencies {
  /** path of the bundled sample workspace */
  examplePath(): string;
}

/** Creates the file through the app's own creation path, and words its answer for the terminal. */
export async function newCommand(file: string, options: NewOptions, output: Output, deps: NewDependencies): Promise<number> {
  const created = await writeNewWorkspace(file, {
    example: options.example,
    name: options.name,
    examplePath: options.example ? deps.examplePath() : '',
  });
  if (!created.ok) {
    const refusal = created.refusal;
    switch (refusal.reason) {
      case 'blank-name':
        output.err('--name must not be empty: give the organization name used in the documents, such as --name "Ridgeline".');
        return EXIT_ERROR;
      case 'exists':
        output.err(`${file} already exists; Candor does not overwrite it. Choose another file name, or delete the file first.`);
        return EXIT_PROBLEMS;
      case 'no-folder':
        output.err(`Cannot create ${file}: the folder ${refusal.folder} does not exist. Create it first, or choose another path.`);
        return EXIT_ERROR;
      case 'example-unusable':
        output.err(
          `Cannot create ${file}: the bundled sample workspace ${refusal.file} could not be used (${refusal.detail}); reinstall Candor.`,
        );
        return EXIT_ERROR;
      case 'invalid':
        // What `new` writes must pass `validate`; a name the schema refuses is reported, not written.
        for (const problem of refusal.error.problems ?? []) output.err(problemLine(problem));
        return EXIT_ERROR;
      case 'io':
        output.err(`Cannot create ${file}: ${describeIoError(refusal.error, 'it')}.`);
        return EXIT_ERROR;
    }
  }
  const workspace = created.workspace;
  const what = options.example
    ? `a copy of the sample workspace (${workspace.dataTypes.length} data types)`
    : `an empty workspace for "${workspace.organization.name}"`;
  output.out(`Created ${file}: ${what}. Open it with: candor serve ${file}`);
  return EXIT_OK;
}
