// What the command-line tests share: the sample, the real entry point, and a way to run a command
// in-process and collect what it printed.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Workspace } from '../../core/schema';
import { memoryOutput } from './output';
import { runCli, type CliDependencies } from './program';

export const REPO = resolve(__dirname, '../..');
export const SAMPLE = join(REPO, 'resources', 'examples', 'ridgeline.candor.json');
export const CANDOR_BIN = join(REPO, 'bin', 'candor.js');

export const testDeps: CliDependencies = {
  version: '9.8.7',
  examplePath: () => SAMPLE,
  serve: () => {
    throw new Error('serve is not run by these tests');
  },
};

/** Runs `candor <argv…>` in-process; the exit code and what went to stdout and stderr. */
export async function run(...argv: string[]) {
  const output = memoryOutput();
  const code = await runCli(argv, output, testDeps);
  return { code, stdout: output.stdout, stderr: output.stderr };
}

export async function sample(): Promise<Workspace> {
  return JSON.parse(await readFile(SAMPLE, 'utf8')) as Workspace;
}
