// Crash safety: a writer killed with SIGKILL at any moment leaves a workspace that parses and is
// exactly one of the versions it was saving: the last one it confirmed, or the one it was writing.
import { spawn } from 'node:child_process';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../core/schema';
import { WorkspaceSession } from './session';
import { canonical, sampleWorkspace, tempDirs, variant } from './test-support';
import { readWorkspaceFile } from './workspace-file';
import { lockPathFor, STALE_MS } from './workspace-lock';

const KILLS = 200;
const LANES = 2;
const REPO = resolve(import.meta.dirname, '..', '..');
const WRITER = join(import.meta.dirname, 'fixtures', 'crash-writer.ts');

const dirs = tempDirs();
afterAll(() => dirs.cleanup());

// Starting a TypeScript child through tsx costs about 0.65 s, two hundred times; bundled once into
// plain JavaScript it starts in about a third of that, which keeps this test well under two minutes.
let writerBundle: string;
beforeAll(async () => {
  const outDir = await dirs.make('candor-crash-writer-');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: REPO,
    build: {
      ssr: WRITER,
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'crash-writer.mjs' } },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  writerBundle = join(outDir, 'crash-writer.mjs');
});

interface Run {
  /** the state index the child found on disk */
  start: number;
  /** the last state index whose save the child saw confirmed */
  lastConfirmed: number;
  output: string;
}

/**
 * Starts a writer and kills it `delayMs` after it has confirmed `afterSaves` saves (0: once it is
 * ready), so the kill lands somewhere in the save that follows; returns what the writer reported.
 */
function runAndKill(dataDir: string, file: string, statesFile: string, afterSaves: number, delayMs: number): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [writerBundle, dataDir, file, statesFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let killTimer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const confirmed = output.match(/^saved \d+$/gm)?.length ?? 0;
      if (!killTimer && output.includes('ready ') && confirmed >= afterSaves) {
        killTimer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') {
        reject(new Error(`writer stopped by itself (${signal ?? _code}): ${output.slice(-500)} ${errors.slice(-2000)}`));
        return;
      }
      const lines = output.split('\n');
      const start = Number(/^ready (\d+)$/m.exec(output)?.[1]);
      const saved = lines.filter((l) => l.startsWith('saved ')).map((l) => Number(l.slice(6)));
      resolvePromise({ start, lastConfirmed: saved.length ? saved[saved.length - 1] : start, output });
    });
  });
}

async function lane(root: string, states: Workspace[], kills: number): Promise<{ saves: number; runsWithSaves: number }> {
  const texts = states.map(canonical);
  const dataDir = join(root, 'data');
  const folder = join(root, 'repo');
  await mkdir(folder, { recursive: true });
  const file = join(folder, 'w.candor.json');
  const statesFile = join(root, 'states.json');
  await writeFile(file, texts[0]);
  await writeFile(statesFile, JSON.stringify(states));
  let saves = 0;
  let runsWithSaves = 0;
  for (let i = 0; i < kills; i++) {
    // Counting confirmed saves, not milliseconds, puts most kills after some saves on any machine; the
    // short random delay then spreads them over the steps of the next save.
    const run = await runAndKill(dataDir, file, statesFile, Math.floor(Math.random() * 4), Math.floor(Math.random() * 10));
    const confirmed = run.output.split('\n').filter((l) => l.startsWith('saved ')).length;
    saves += confirmed;
    if (confirmed > 0) runsWithSaves++;

    const content = await readWorkspaceFile(file);
    expect(content.kind, `after kill ${i}: ${content.kind === 'refused' ? content.error.message : ''}`).toBe('ok');
    if (content.kind !== 'ok') break;
    const onDisk = texts.indexOf(content.bytes.toString('utf8'));
    const allowed = [run.lastConfirmed, (run.lastConfirmed + 1) % texts.length];
    expect(allowed, `after kill ${i} the file is state ${onDisk}; last confirmed ${run.lastConfirmed}`).toContain(onDisk);

    // A killed process cannot remove its lock; make it as old as one left by a crash long ago, so
    // the next writer takes it over through the stale check, as Candor does after STALE_MS.
    const old = new Date(Date.now() - 2 * STALE_MS);
    await utimes(lockPathFor(file), old, old).catch(() => undefined);
  }
  // Opening after the last crash takes over the stale lock and clears temporary files left behind.
  const session = new WorkspaceSession({ dataDir });
  const state = await session.open(file);
  expect(state.status === 'open' && state.readOnly).toBe(undefined);
  expect((await readdir(folder)).sort()).toEqual(['.w.candor.json.lock', 'w.candor.json']);
  await session.close();
  return { saves, runsWithSaves };
}

describe('crash safety', () => {
  it(`a workspace always parses and is a saved version after ${KILLS} SIGKILLs during saves`, async () => {
    const sample = await sampleWorkspace();
    const states = [variant(sample, 1), { ...variant(sample, 2), dataTypes: sample.dataTypes.slice(0, 3) }, variant(sample, 3)];
    const roots = await Promise.all(Array.from({ length: LANES }, () => dirs.make('candor-crash-')));
    const results = await Promise.all(roots.map((root) => lane(root, states, KILLS / LANES)));
    // The kills must land at many points of a run of saves, not all before the first save finished.
    expect(results.reduce((n, r) => n + r.runsWithSaves, 0)).toBeGreaterThan(KILLS / 4);
    expect(results.reduce((n, r) => n + r.saves, 0)).toBeGreaterThan(KILLS / 2);
  }, 170_000);
});
