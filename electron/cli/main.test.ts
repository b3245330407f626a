// End to end through bin/candor.js, as a person runs it: a real process, real exit codes and signals.
import { spawn } from 'node:child_process';
import { chmod, copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../services/session';
import { lockPathFor } from '../services/workspace-lock';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin', 'candor.js');
const SAMPLE = resolve(ROOT, 'resources/examples/little-moments.candor.json');
const RUNNING = /^Candor is running at http:\/\/127\.0\.0\.1:(\d+)(\/[A-Za-z0-9]+)\/\?token=([A-Za-z0-9_-]{43})$/;

let dir: string;
let workspace: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'candor-bin-'));
  workspace = join(dir, 'little.candor.json');
  await copyFile(SAMPLE, workspace);
  await chmod(workspace, 0o644);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function candor(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: { ...process.env, CANDOR_DATA_DIR: join(dir, 'data'), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolveExit) =>
    child.on('close', (code, signal) => resolveExit({ code, signal, stdout, stderr })),
  );
  // The first line printed, or everything printed if the process ends before a whole line.
  const firstLine = new Promise<string>((resolveLine) => {
    child.stdout.on('data', () => {
      if (stdout.includes('\n')) resolveLine(stdout.slice(0, stdout.indexOf('\n')));
    });
    child.on('close', () => resolveLine(stdout));
  });
  return { child, exited, firstLine, output: () => ({ stdout, stderr }) };
}

const run = (...args: string[]) => candor(args).exited;

function post(port: number, prefix: string, token: string, name: string, body: unknown) {
  return new Promise<unknown>((resolveAnswer, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `${prefix}/api/invoke/${name}`,
        headers: { 'X-Candor-Token': token, 'Content-Type': 'application/json' },
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolveAnswer(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

describe('bin/candor.js', () => {
  it('shows the help with every command', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    for (const command of ['validate', 'format', 'new', 'serve']) expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(result.stderr).toBe('');
  });

  it('validates a workspace: exit 0 and one line', async () => {
    expect(await run('validate', 'little.candor.json')).toEqual({
      code: 0,
      signal: null,
      stdout: 'little.candor.json is valid: 13 data types, 9 purposes, 6 recipients, 11 collection points.\n',
      stderr: '',
    });
  });

  it('reports problems (exit 1) and unreadable files (exit 2) without a stack trace', async () => {
    const ws = JSON.parse(await readFile(SAMPLE, 'utf8'));
    ws.purposes[0].lawfulBasis = 'because';
    await writeFile(join(dir, 'bad.candor.json'), JSON.stringify(ws));
    const bad = await run('validate', 'bad.candor.json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^purposes\[0\]\.lawfulBasis: must be one of "consent", .*\n$/);
    expect(bad.stderr.split('\n')).toHaveLength(2);

    await writeFile(join(dir, 'cut.candor.json'), '{"format": "candor/workspace", "organization": {');
    const cut = await run('validate', 'cut.candor.json');
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/^The workspace file cut\.candor\.json is not complete JSON: [^\n]*\n$/);
    expect(cut.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown command with one line and exit 2', async () => {
    const result = await run('deploy', 'x');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`error: unknown command 'deploy' Run "candor --help" for usage.\n`);
  });

  it('creates, formats and checks a workspace', async () => {
    expect((await run('new', 'fresh.candor.json', '--name', 'Ridgeline')).code).toBe(0);
    expect(await run('format', '--check', 'fresh.candor.json')).toMatchObject({ code: 0 });
    expect((await run('new', 'fresh.candor.json')).code).toBe(1);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('serve stops cleanly on %s: exit 0, lock released', async (signal) => {
    const server = candor(['serve', 'little.candor.json']);
    const line = await server.firstLine;
    const match = RUNNING.exec(line);
    expect(match, `serve said: ${JSON.stringify(server.output())}`).not.toBeNull();
    const [, port, prefix, token] = match ?? [];

    expect(await post(Number(port), prefix, token, 'workspace-get', {})).toMatchObject({
      ok: true,
      value: { status: 'open', path: workspace },
    });
    expect(await exists(lockPathFor(workspace))).toBe(true);
    // While serve runs, another Candor can only open the workspace read-only.
    const other = new WorkspaceSession({ dataDir: join(dir, 'other-data') });
    try {
      expect(await other.open(workspace)).toMatchObject({ status: 'open', readOnly: { kind: 'locked' } });
    } finally {
      await other.close();
    }

    server.child.kill(signal);
    const result = await server.exited;
    // bin/candor.js says it is starting (on stderr, so stdout keeps its one line); nothing else is said.
    expect(result).toMatchObject({ code: 0, signal: null, stderr: 'Starting Candor…\n' });
    expect(result.stdout).toBe(`${line}\n`);
    expect(await exists(lockPathFor(workspace))).toBe(false);

    const after = new WorkspaceSession({ dataDir: join(dir, 'other-data') });
    try {
      const state = await after.open(workspace);
      expect(state).toMatchObject({ status: 'open', path: workspace });
      expect(state.status === 'open' ? state.readOnly : 'not open').toBeUndefined();
    } finally {
      await after.close();
    }
  });
});
