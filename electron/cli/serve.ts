// `candor serve [workspace] [--port N] [--example]`: the local web mode. Opens the workspace in a
// session (taking its lock), serves the pages and the handlers on 127.0.0.1 behind a fresh token,
// and runs until asked to stop.
import { randomBytes } from 'node:crypto';
import { access, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createHandlers } from '../services/handlers';
import { pathsInside } from '../services/path-guard';
import { ensureSampleCopy } from '../services/paths';
import { WorkspaceSession } from '../services/session';
import { startServer, type RunningServer } from '../server/server';
import type { SessionState } from '../../core/api';
import type { Output } from './output';
import { EXIT_ERROR, EXIT_OK, refusal } from './workspace-file';

export interface ServeOptions {
  /** 0 (the default) picks a free port */
  port?: number;
  example?: boolean;
  /** open the link in the default browser as well as printing it */
  open?: boolean;
  /** the folder the page may read and write files in; the workspace's folder by default */
  root?: string;
}

/** How long Ctrl+C may take at most. */
export const STOP_DEADLINE_MS = 2000;

export interface ServeDependencies {
  /** ends the process when stopping overran its deadline (something still holds the event loop) */
  forceExit?: (code: number) => void;
  /** STOP_DEADLINE_MS unless a test says otherwise */
  stopDeadlineMs?: number;
  /** backups, recent files and the copy of the sample */
  dataDir: string;
  /** the built pages (out/renderer) */
  staticDir: string;
  version: string;
  /** resolves when the server should stop: SIGINT or SIGTERM for the real command line */
  untilStopped: Promise<unknown>;
  /**
   * Builds the pages when they are missing (a fresh `npm install` does not build them, so that
   * `npx candor validate` stays instant); resolves true when they were built.
   */
  buildPages?: (output: Output) => Promise<boolean>;
  /** opens a link in the default browser; resolves false where there is none */
  openBrowser?: (url: string) => Promise<boolean>;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

async function pagesBuilt(staticDir: string): Promise<boolean> {
  try {
    await access(join(staticDir, 'index.html'));
    return true;
  } catch {
    return false;
  }
}

function listenErrorLine(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return `Port ${port} on 127.0.0.1 is already in use; choose another with --port, or leave --port out to use a free one.`;
  }
  if (code === 'EACCES') {
    return `Candor may not listen on port ${port} (ports below 1024 need administrator rights); choose a port above 1024 with --port.`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Cannot start the server on 127.0.0.1:${port}: ${message}.`;
}

/** An invalid workspace gets a first line saying what the problem lines below it are about. */
function openRefusal(file: string, state: Exclude<SessionState, { status: 'open' }>): { exitCode: number; lines: string[] } {
  if (state.status === 'none') return { exitCode: EXIT_ERROR, lines: [`Cannot open ${file}.`] };
  const { exitCode, lines } = refusal(file, state.error);
  if (exitCode === EXIT_ERROR) return { exitCode, lines };
  const count = lines.length === 1 ? 'this problem' : `these ${lines.length} problems`;
  return {
    exitCode,
    lines: [`Cannot open ${file}: it is not a valid Candor workspace. Fix ${count} in a text editor, or restore a backup:`, ...lines],
  };
}

export async function serveCommand(
  workspace: string | undefined,
  options: ServeOptions,
  output: Output,
  deps: ServeDependencies,
): Promise<number> {
  if (workspace !== undefined && options.example) {
    output.err('Give either a workspace file or --example, not both: "candor serve ridgeline.candor.json" or "candor serve --example".');
    return EXIT_ERROR;
  }
  if (
    options.root !== undefined &&
    !(await stat(resolve(options.root)).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    output.err(`--root ${options.root} is not a folder on this computer; give the folder the app may use, such as --root ~/privacy.`);
    return EXIT_ERROR;
  }
  if (!(await pagesBuilt(deps.staticDir)) && deps.buildPages) {
    output.err(`Building Candor's web pages once (no index.html in ${deps.staticDir} yet)…`);
    await deps.buildPages(output);
  }
  if (!(await pagesBuilt(deps.staticDir))) {
    output.err(`Candor's web pages are not built (there is no index.html in ${deps.staticDir}); run "npm run build" first.`);
    return EXIT_ERROR;
  }

  let path: string;
  try {
    path = workspace !== undefined ? resolve(workspace) : await ensureSampleCopy(deps.dataDir);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    output.err(`Cannot copy the sample workspace into ${deps.dataDir}: ${message}.`);
    return EXIT_ERROR;
  }
  const session = new WorkspaceSession({ dataDir: deps.dataDir });
  const state = await session.open(path);
  if (state.status !== 'open') {
    const { exitCode, lines } = openRefusal(workspace ?? path, state);
    for (const line of lines) output.err(line);
    await session.close();
    return exitCode;
  }

  const port = options.port ?? 0;
  const token = newToken();
  let server: RunningServer;
  try {
    server = await startServer({
      handlers: createHandlers(
        session,
        {
          shell: 'web',
          version: deps.version,
          platform: process.platform,
          dataDir: deps.dataDir,
        },
        // Whoever holds the token may use only files in this folder: never ~/.bashrc or /etc/passwd.
        pathsInside(resolve(options.root ?? dirname(state.path))),
      ),
      session,
      staticDir: deps.staticDir,
      host: '127.0.0.1',
      port,
      token,
    });
  } catch (error) {
    output.err(listenErrorLine(error, port));
    await session.close();
    return EXIT_ERROR;
  }

  const link = `${server.url}?token=${token}`;
  output.out(`Candor is running at ${link}`);
  if (options.open) {
    const opened = (await deps.openBrowser?.(link)) ?? false;
    output.err(
      opened
        ? 'Opened it in your default browser. Stop Candor with Ctrl+C.'
        : 'No web browser could be opened here: open the link above in a browser on this machine. Stop Candor with Ctrl+C.',
    );
  }
  try {
    await deps.untilStopped;
  } finally {
    // Ctrl+C always ends within STOP_DEADLINE_MS: a file operation that never answers (a network drive
    // gone away) must not keep Candor running. A lock left that way is taken over at the next start.
    const stopped = (async () => {
      await server.close();
      await session.close();
    })();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const inTime = await Promise.race([
      stopped.then(() => true),
      new Promise<boolean>((resolveLate) => {
        timer = setTimeout(() => resolveLate(false), deps.stopDeadlineMs ?? STOP_DEADLINE_MS);
      }),
    ]);
    clearTimeout(timer);
    if (!inTime) {
      output.err(
        `Candor stopped without waiting any longer for a file operation that did not finish; the workspace on disk is whole, and its lock is taken over at the next start.`,
      );
      deps.forceExit?.(EXIT_OK);
    }
  }
  return EXIT_OK;
}
