// The entry point bin/candor.js runs: the real process's output, signals and folders.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledExamplePath, defaultDataDir } from '../services/paths';
import { openInBrowser } from './open-browser';
import { processOutput, unexpectedErrorLine } from './output';
import { runCli, type CliDependencies } from './program';
import { EXIT_ERROR } from './workspace-file';

const ROOT = new URL('../../', import.meta.url);

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

/** Resolves on the first SIGINT or SIGTERM; a second one then ends the process the default way. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * `candor --help | head` closes the pipe early; that is the reader's choice, not an error, so the
 * process ends quietly instead of dying with a stack trace.
 */
function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      process.exit(error.code === 'EPIPE' ? Number(process.exitCode) || 0 : EXIT_ERROR);
    });
  }
}

/** Runs the project's own build (electron-vite) with its output on stderr, so stdout keeps its one line. */
function buildPages(): Promise<boolean> {
  const cli = fileURLToPath(new URL('node_modules/electron-vite/bin/electron-vite.js', ROOT));
  return new Promise((resolveBuild) => {
    const child = spawn(process.execPath, [cli, 'build'], {
      cwd: fileURLToPath(ROOT),
      stdio: ['ignore', process.stderr, process.stderr],
    });
    child.on('error', () => resolveBuild(false));
    child.on('exit', (code) => resolveBuild(code === 0));
  });
}

export async function main(argv: readonly string[]): Promise<number> {
  exitQuietlyOnClosedPipe();
  try {
    const deps: CliDependencies = {
      version: packageVersion(),
      examplePath: () => bundledExamplePath(),
      serve: () => ({
        dataDir: defaultDataDir(),
        staticDir: fileURLToPath(new URL('out/renderer/', ROOT)),
        version: packageVersion(),
        untilStopped: untilSignal(),
        buildPages: () => buildPages(),
        openBrowser: (url) => openInBrowser(url),
        forceExit: (code) => process.exit(code),
      }),
    };
    return await runCli(argv, processOutput, deps);
  } catch (error) {
    processOutput.err(unexpectedErrorLine(error, 'starting'));
    return EXIT_ERROR;
  }
}
