// A real `candor serve` child process for one test: the same command a person runs, so the specs
// exercise the CLI, the HTTP guard, the session and the built pages together.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const CANDOR_BIN = join(REPO_ROOT, 'bin', 'candor.js');
const READY_LINE = /^Candor is running at (http:\/\/127\.0\.0\.1:(\d+))(\/[A-Za-z0-9]+)\/\?token=([A-Za-z0-9_-]+)$/;

export interface CandorServer {
  /** the address `candor serve` printed, token included */
  url: string;
  /** `http://127.0.0.1:PORT`, without a trailing slash */
  origin: string;
  /** the origin and the per-run path everything is served under, without a final slash: `${base}/api/…` */
  base: string;
  port: number;
  token: string;
  /** everything the process wrote to stdout so far */
  stdout(): string;
  stderr(): string;
  /** SIGTERM, then waits for the process to exit; resolves with its exit code */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  workspace: string;
  /** CANDOR_DATA_DIR: backups and recent files stay out of the real data folder */
  dataDir: string;
  timeoutMs?: number;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<number | null | 'timeout'> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => {
    const timer = setTimeout(() => done('timeout'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done(code);
    });
  });
}

export async function startCandorServer({ workspace, dataDir, timeoutMs = 30_000 }: StartOptions): Promise<CandorServer> {
  if (!existsSync(join(REPO_ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('The pages are not built (no out/renderer/index.html): run `npx electron-vite build` before the web e2e specs.');
  }
  const child = spawn(process.execPath, [CANDOR_BIN, 'serve', workspace, '--port', '0'], {
    cwd: REPO_ROOT,
    env: { ...process.env, CANDOR_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  const ready = await new Promise<RegExpExecArray>((resolveReady, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`candor serve printed no address within ${timeoutMs} ms.\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    const onData = () => {
      const firstLine = stdout.split('\n')[0];
      if (!stdout.includes('\n')) return;
      const match = READY_LINE.exec(firstLine);
      cleanup();
      if (match) resolveReady(match);
      else {
        child.kill('SIGKILL');
        reject(new Error(`candor serve printed an unexpected first line: ${JSON.stringify(firstLine)}\nstderr: ${stderr}`));
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`candor serve exited (code ${code}) before it was ready.\nstdout: ${stdout}\nstderr: ${stderr}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });

  let stopping: Promise<number | null> | undefined;
  return {
    url: ready[0].slice('Candor is running at '.length),
    origin: ready[1],
    base: `${ready[1]}${ready[3]}`,
    port: Number(ready[2]),
    token: ready[4],
    stdout: () => stdout,
    stderr: () => stderr,
    stop() {
      stopping ??= (async () => {
        child.kill('SIGTERM');
        const code = await waitForExit(child, 10_000);
        if (code === 'timeout') {
          child.kill('SIGKILL');
          await waitForExit(child, 5_000);
          throw new Error(`candor serve did not exit within 10 s of SIGTERM (killed it).\nstderr: ${stderr}`);
        }
        return code;
      })();
      return stopping;
    },
  };
}
