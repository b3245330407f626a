import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { access, chmod, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CandorEvent, SessionState } from '../../core/api';
import type { Workspace } from '../../core/schema';
import { diffWorkspace } from '../../core/changes';
import { backupFolderFor } from './backups';
import { DEFAULT_ORGANIZATION_NAME } from './new-workspace';
import { WorkspaceSession } from './session';
import { canonical, corruptInputs, nextValue, SAMPLE_PATH, sampleWorkspace, tempDirs, variant } from './test-support';
import { revisionOf, type WorkspaceFileAdapter } from './workspace-file';
import { lockPathFor, STALE_MS } from './workspace-lock';

const dirs = tempDirs();
const sessions: WorkspaceSession[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await dirs.cleanup();
});

let sample: Workspace;
beforeAll(async () => {
  sample = await sampleWorkspace();
});

async function setup(content: string | Buffer = canonical(sample)) {
  const root = await dirs.make();
  const dataDir = join(root, 'data');
  const folder = join(root, 'repo');
  await mkdir(folder);
  const file = join(folder, 'w.candor.json');
  await writeFile(file, content);
  return { root, dataDir, folder, file, session: newSession(dataDir) };
}

function newSession(dataDir: string, options: { compressBackupsAfterMs?: number } = {}): WorkspaceSession {
  // Backups stay whole unless a test asks for compression, so the tests that read them find them as saved.
  const session = new WorkspaceSession({ dataDir, examplePath: SAMPLE_PATH, compressBackupsAfterMs: false, ...options });
  sessions.push(session);
  return session;
}

function opened(state: SessionState) {
  if (state.status !== 'open') throw new Error(`expected an open workspace, got ${JSON.stringify(state).slice(0, 300)}`);
  return state;
}

function changedOnDisk(session: WorkspaceSession, ms = 3000): Promise<CandorEvent> {
  return nextValue<CandorEvent>(
    (deliver) =>
      session.onEvent((event) => {
        if (event.type === 'workspace-changed-on-disk') deliver(event);
      }),
    ms,
    'workspace-changed-on-disk event',
  );
}

describe('opening', () => {
  it('opens a workspace with the revision of its bytes, writable, and remembers it', async () => {
    const { file, session, dataDir } = await setup();
    const state = opened(await session.open(file));
    expect(state.path).toBe(file);
    expect(state.revision).toBe(revisionOf(await readFile(file)));
    expect(state.readOnly).toBeUndefined();
    expect(state.workspace.organization.name).toBe(sample.organization.name);
    expect(session.state()).toBe(state);
    expect(await session.recent()).toEqual([file]);
    expect(JSON.parse(await readFile(join(dataDir, 'state.json'), 'utf8')).recent).toEqual([file]);
  });

  it('keeps at most 10 recent workspaces, most recent first, without repeats', async () => {
    const { folder, session } = await setup();
    const files: string[] = [];
    for (let i = 0; i < 12; i++) {
      const f = join(folder, `w${i}.candor.json`);
      await writeFile(f, canonical(sample));
      files.push(f);
      await session.open(f);
    }
    await session.open(files[5]);
    const recent = await session.recent();
    expect(recent).toHaveLength(10);
    expect(recent[0]).toBe(files[5]);
    expect(recent.slice(1)).toEqual([11, 10, 9, 8, 7, 6, 4, 3, 2].map((i) => files[i]));
  });

  it('clears the recent list on request, and a later open starts it again', async () => {
    const { file, session } = await setup();
    opened(await session.open(file));
    expect(await session.recent()).toHaveLength(1);
    await session.clearRecent();
    expect(await session.recent()).toEqual([]);
    const other = join(dirname(file), 'other.candor.json');
    await writeFile(other, await readFile(file));
    opened(await session.open(other));
    expect(await session.recent()).toEqual([other]);
  });

  it('accepts a byte-order mark and saves canonical text without it', async () => {
    const { file, session } = await setup(`\uFEFF${JSON.stringify(sample)}`);
    const state = opened(await session.open(file));
    const saved = await session.save(variant(sample, 1), state.revision);
    expect(saved.ok).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(canonical(variant(sample, 1)));
  });

  it('refuses every damaged file with the reason and the path, and never writes over it', async () => {
    const inputs = corruptInputs(canonical(sample));
    for (const input of inputs) {
      const { file, session, folder, dataDir } = await setup(input.bytes);
      const state = await session.open(file);
      expect(state.status, input.name).toBe('error');
      if (state.status !== 'error') continue;
      expect(state.path).toBe(file);
      expect(state.error.code, input.name).toBe(input.code);
      expect(state.error.message, input.name).toContain(file);
      expect(state.error.message, input.name).toMatch(input.reason);
      if (input.code === 'invalid-workspace') expect(state.error.problems?.length).toBeGreaterThan(0);

      const save = await session.save(sample, revisionOf(input.bytes));
      expect(save, input.name).toMatchObject({ ok: false, error: { code: 'no-workspace', file } });
      const saveAs = await session.saveAs(file, sample);
      expect(saveAs, input.name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // Opened by a second session too (it cannot get the lock): still nothing written.
      const other = newSession(dataDir);
      expect((await other.open(file)).status).toBe('error');
      expect(await other.save(sample, revisionOf(input.bytes))).toMatchObject({ ok: false });

      expect((await readFile(file)).equals(input.bytes), input.name).toBe(true);
      expect(
        (await readdir(folder)).filter((n) => !n.endsWith('.lock')),
        input.name,
      ).toEqual(['w.candor.json']);
      expect(await session.recent(), input.name).toEqual([]);
      await session.close();
      await other.close();
    }
  });

  it('says so when the file does not exist', async () => {
    const { folder, session } = await setup();
    const missing = join(folder, 'gone.candor.json');
    const state = await session.open(missing);
    expect(state).toMatchObject({ status: 'error', path: missing, error: { code: 'not-found', file: missing } });
    await expect(access(lockPathFor(missing))).rejects.toThrow();
  });

  it('opens a newer version read-only, keeps its content as-is, and refuses to save it', async () => {
    const future = { ...JSON.parse(canonical(sample)), version: 2, futureTopLevel: [1, 2, 3] };
    future.dataTypes[0].futureField = 'kept';
    const text = JSON.stringify(future, null, 2);
    const { file, session } = await setup(text);
    const state = opened(await session.open(file));
    expect(state.readOnly?.kind).toBe('newer-version');
    expect(state.readOnly?.message).toContain(file);
    expect(state.readOnly?.message).toMatch(/version 2/);
    expect(state.readOnly?.message).toMatch(/version 1/);
    const shown = state.workspace as unknown as Record<string, unknown>;
    expect(shown.futureTopLevel).toEqual([1, 2, 3]);
    expect((shown.dataTypes as Record<string, unknown>[])[0].futureField).toBe('kept');

    const save = await session.save(sample, state.revision);
    expect(save).toMatchObject({ ok: false, error: { code: 'read-only', file } });
    if (!save.ok) expect(save.error.message).toMatch(/newer version of Candor/);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it.skipIf(process.getuid?.() === 0)('opens a file in a folder it cannot write read-only, and says why', async () => {
    const { file, folder, session } = await setup();
    await chmod(folder, 0o555);
    try {
      const state = opened(await session.open(file));
      expect(state.readOnly?.kind).toBe('not-writable');
      expect(state.readOnly?.message).toContain(file);
    } finally {
      await chmod(folder, 0o755);
    }
  });
});

describe('saving', () => {
  it('writes canonical text, returns the new revision, keeps the permission bits and backs up the previous version', async () => {
    const { file, session, folder } = await setup(JSON.stringify(sample));
    await chmod(file, 0o640);
    const before = await readFile(file);
    const state = opened(await session.open(file));
    const result = await session.save(variant(sample, 1), state.revision);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const after = await readFile(file, 'utf8');
    expect(after).toBe(canonical(variant(sample, 1)));
    expect(result.value.revision).toBe(revisionOf(after));
    expect(opened(session.state()).revision).toBe(result.value.revision);
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect((await readdir(folder)).sort()).toEqual(['.w.candor.json.lock', 'w.candor.json']);

    const backups = await session.backups();
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({
      bytes: before.length,
      organizationName: sample.organization.name,
      dataTypes: sample.dataTypes.length,
    });
    const read = await session.readBackup(backups[0].id);
    expect(read.ok && read.value.organization.name).toBe(sample.organization.name);
  });

  it('saves an incomplete workspace as typed: only structure is refused', async () => {
    const { file, session } = await setup();
    const state = opened(await session.open(file));
    const incomplete = {
      ...sample,
      organization: { ...sample.organization, name: '', website: 'stillwater.app', jurisdictions: [] },
      dataTypes: [
        { ...sample.dataTypes[0], name: '', category: '', purposes: [], recipientPurposes: undefined },
        ...sample.dataTypes.slice(1),
      ],
    };
    const result = await session.save(incomplete, state.revision);
    expect(result).toMatchObject({ ok: true });
    const written = JSON.parse(await readFile(file, 'utf8'));
    expect(written.organization).toMatchObject({ name: '', website: 'stillwater.app', jurisdictions: [] });
    expect(written.dataTypes[0]).toMatchObject({ name: '', category: '', purposes: [] });
  });

  it('refuses an invalid workspace with its problems and writes nothing', async () => {
    const { file, session } = await setup();
    const state = opened(await session.open(file));
    const bad = { ...sample, dataTypes: [{ ...sample.dataTypes[0], purposes: ['nope'], category: 7 }] };
    const result = await session.save(bad, state.revision);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-workspace', file } });
    if (!result.ok) {
      expect(result.error.problems?.map((p) => p.path)).toEqual(
        expect.arrayContaining(['dataTypes[0].category', 'dataTypes[0].purposes[0]']),
      );
    }
    expect(await readFile(file, 'utf8')).toBe(canonical(sample));
    expect(await session.backups()).toEqual([]);
    for (const input of [null, [], 42, 'text', {}]) {
      expect(await session.save(input, state.revision)).toMatchObject({ ok: false, error: { code: 'invalid-workspace' } });
    }
    expect(await readFile(file, 'utf8')).toBe(canonical(sample));
  });

  it('treats saving identical content as a no-op with the same revision and no backup', async () => {
    const { file, session } = await setup();
    const state = opened(await session.open(file));
    const { mtimeMs } = await stat(file);
    const result = await session.save(structuredClone(sample), state.revision);
    expect(result).toEqual({ ok: true, value: { revision: state.revision } });
    expect((await stat(file)).mtimeMs).toBe(mtimeMs);
    expect(await session.backups()).toEqual([]);
  });

  it('runs concurrent saves one after another: the second, based on the old revision, is refused', async () => {
    const { file, session } = await setup();
    const state = opened(await session.open(file));
    const [first, second] = await Promise.all([
      session.save(variant(sample, 1), state.revision),
      session.save(variant(sample, 2), state.revision),
    ]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'changed-on-disk' } });
    expect(await readFile(file, 'utf8')).toBe(canonical(variant(sample, 1)));
  });

  it('refuses to save when nothing is open', async () => {
    const { dataDir } = await setup();
    const session = newSession(dataDir);
    expect(await session.save(sample, 'a'.repeat(64))).toMatchObject({ ok: false, error: { code: 'no-workspace' } });
  });
});

describe('saving changes', () => {
  it('saves only the changes since the base revision, with the same bytes as a whole save', async () => {
    const { file, session } = await setup();
    const state = opened(await session.open(file));
    const edited = {
      ...state.workspace,
      dataTypes: state.workspace.dataTypes.map((d, i) => (i === 0 ? { ...d, benefit: 'Changed benefit.' } : d)),
    };
    const changes = diffWorkspace(state.workspace, edited);
    expect(changes.lists.dataTypes?.upserts).toHaveLength(1);
    const saved = await session.saveChanges(changes, state.revision);
    expect(saved.ok).toBe(true);
    const bytes = await readFile(file, 'utf8');
    expect(bytes).toBe(canonical(edited as Workspace));
    if (saved.ok) expect(saved.value.revision).toBe(revisionOf(bytes));
  });

  it('refuses changes made against another revision, and invalid changes, writing nothing', async () => {
    const { file, session } = await setup();
    const state = opened(await session.open(file));
    const before = await readFile(file, 'utf8');
    const edited = {
      ...state.workspace,
      dataTypes: [{ ...state.workspace.dataTypes[0], purposes: ['no-such-purpose'] }, ...state.workspace.dataTypes.slice(1)],
    };
    const stale = await session.saveChanges(diffWorkspace(state.workspace, edited), 'f'.repeat(64));
    expect(stale).toMatchObject({ ok: false, error: { code: 'stale-base' } });
    const invalid = await session.saveChanges(diffWorkspace(state.workspace, edited), state.revision);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-workspace', problems: [{ path: 'dataTypes[0].purposes[0]' }] } });
    const ghost = await session.saveChanges({ set: {}, unset: [], lists: { purposes: { order: ['ghost'], upserts: [] } } }, state.revision);
    expect(ghost).toMatchObject({ ok: false, error: { code: 'stale-base' } });
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});

describe('two Candor processes on one file', () => {
  it('opens the second read-only (locked), refuses its save, and lets a new session write once the first closes', async () => {
    const { file, session: first, dataDir } = await setup();
    const a = opened(await first.open(file));
    expect(a.readOnly).toBeUndefined();

    const second = newSession(dataDir);
    const b = opened(await second.open(file));
    expect(b.readOnly?.kind).toBe('locked');
    expect(b.readOnly?.message).toContain(file);
    expect(b.readOnly?.message).toContain(lockPathFor(file));
    expect(b.readOnly?.message).toMatch(/Close it there/);
    const refused = await second.save(variant(sample, 2), b.revision);
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked', file } });
    expect(await readFile(file, 'utf8')).toBe(canonical(sample));

    expect((await first.save(variant(sample, 1), a.revision)).ok).toBe(true);
    await first.close();
    await first.close();
    expect(first.state()).toEqual({ status: 'none' });
    await expect(access(lockPathFor(file))).rejects.toThrow();

    const third = newSession(dataDir);
    const c = opened(await third.open(file));
    expect(c.readOnly).toBeUndefined();
    expect((await third.save(variant(sample, 3), c.revision)).ok).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(canonical(variant(sample, 3)));

    // The read-only one can take over after the writer is gone, by reloading.
    await third.close();
    const again = opened(await second.reload());
    expect(again.readOnly).toBeUndefined();
    expect(again.workspace.organization.name).toBe(variant(sample, 3).organization.name);
  });

  it('takes over a lock left by a crashed process once it is stale, and respects a fresh one', async () => {
    const { file, dataDir } = await setup();
    await mkdir(lockPathFor(file));
    expect(opened(await newSession(dataDir).open(file)).readOnly?.kind).toBe('locked');
    const longAgo = new Date(Date.now() - 2 * STALE_MS);
    await utimes(lockPathFor(file), longAgo, longAgo);
    const session = newSession(dataDir);
    const state = opened(await session.open(file));
    expect(state.readOnly).toBeUndefined();
    expect((await session.save(variant(sample, 1), state.revision)).ok).toBe(true);
  });

  it('opens writable at once after a crash (the lock names a process that is gone) and says the last session ended unexpectedly', async () => {
    const { file, dataDir } = await setup();
    const gone = await deadPid();
    await mkdir(lockPathFor(file));
    await writeFile(
      join(lockPathFor(file), 'owner.json'),
      JSON.stringify({ pid: gone, host: hostname(), since: '2026-12-05T09:00:00.000Z' }),
    );
    const session = newSession(dataDir);
    const state = opened(await session.open(file));
    expect(state.readOnly).toBeUndefined();
    expect(state.leftoverLock).toEqual({ since: '2026-12-05T09:00:00.000Z' });
    expect((await session.save(variant(sample, 1), state.revision)).ok).toBe(true);
    // The lock now names this process, and closing leaves nothing behind.
    expect(JSON.parse(await readFile(join(lockPathFor(file), 'owner.json'), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    await session.close();
    expect(existsSync(lockPathFor(file))).toBe(false);
  });

  it('respects a lock whose process still runs, or that another machine holds, until it is stale', async () => {
    const { file, dataDir } = await setup();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      await mkdir(lockPathFor(file));
      const owner = (pid: number, host: string) => JSON.stringify({ pid, host, since: new Date().toISOString() });
      await writeFile(join(lockPathFor(file), 'owner.json'), owner(child.pid as number, hostname()));
      const here = opened(await newSession(dataDir).open(file)).readOnly;
      expect(here?.kind).toBe('locked');
      expect(here?.message).toMatch(/open in another Candor window or process on this computer since /);
      await writeFile(join(lockPathFor(file), 'owner.json'), owner(await deadPid(), 'alice-mbp.example'));
      const elsewhere = opened(await newSession(dataDir).open(file)).readOnly;
      expect(elsewhere?.kind).toBe('locked');
      expect(elsewhere?.message).toMatch(/is open in Candor on alice-mbp\.example since /);
    } finally {
      child.kill();
    }
  });

  it('keeps its lock across refreshes: naming the owner inside the lock does not look like a takeover', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { file, session } = await setup();
    opened(await session.open(file));
    const events: CandorEvent[] = [];
    session.onEvent((e) => events.push(e));
    for (let i = 0; i < 3; i++) await vi.advanceTimersByTimeAsync(STALE_MS / 4);
    vi.useRealTimers();
    expect(events).toEqual([]);
    expect(opened(session.state()).readOnly).toBeUndefined();
  });

  it('takes over a stale lock that names a process on another machine', async () => {
    const { file, dataDir } = await setup();
    await mkdir(lockPathFor(file));
    await writeFile(
      join(lockPathFor(file), 'owner.json'),
      JSON.stringify({ pid: 1, host: 'alice-mbp.example', since: '2026-12-01T10:42:00.000Z' }),
    );
    const longAgo = new Date(Date.now() - 2 * STALE_MS);
    await utimes(lockPathFor(file), longAgo, longAgo);
    const session = newSession(dataDir);
    const state = opened(await session.open(file));
    expect(state.readOnly).toBeUndefined();
    expect(state.leftoverLock).toEqual({ since: '2026-12-01T10:42:00.000Z' });
    await session.close();
  });

  it('turns read-only and says so when its lock is taken away', async () => {
    // The lock's refresh timer runs on the fake clock; the files are real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { file, session } = await setup();
    opened(await session.open(file));
    const events: CandorEvent[] = [];
    session.onEvent((e) => events.push(e));
    await rm(lockPathFor(file), { recursive: true });
    // proper-lockfile notices at its next refresh, a quarter of the stale period after the last one.
    await vi.advanceTimersByTimeAsync(STALE_MS / 4);
    await vi.waitFor(() =>
      expect(events[0]).toMatchObject({ type: 'session-replaced', state: { status: 'open', readOnly: { kind: 'locked' } } }),
    );
    vi.useRealTimers();
    const state = opened(session.state());
    expect(state.readOnly?.message).toMatch(/lost its lock/);
    expect(await session.save(variant(sample, 1), state.revision)).toMatchObject({ ok: false, error: { code: 'locked' } });
    const reloaded = opened(await session.reload());
    expect(reloaded.readOnly).toBeUndefined();
  });
});

describe('changes made on disk by another program', () => {
  it('reports the change, refuses a save based on the old revision, and saves after a reload', async () => {
    const { file, session } = await setup();
    const state = opened(await session.open(file));
    const event = changedOnDisk(session);
    const outside = canonical(variant(sample, 99));
    await writeFile(file, outside);
    expect(await event).toEqual({ type: 'workspace-changed-on-disk', path: file });

    const refused = await session.save(variant(sample, 1), state.revision);
    expect(refused).toMatchObject({ ok: false, error: { code: 'changed-on-disk', file } });
    if (!refused.ok) expect(refused.error.message).toMatch(/Reload/);
    expect(await readFile(file, 'utf8')).toBe(outside);

    const reloaded = opened(await session.reload());
    expect(reloaded.workspace.organization.name).toBe(variant(sample, 99).organization.name);
    expect((await session.save(variant(sample, 1), reloaded.revision)).ok).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(canonical(variant(sample, 1)));
  });

  it('does not report its own saves', async () => {
    const { file, session } = await setup();
    let revision = opened(await session.open(file)).revision;
    const events: CandorEvent[] = [];
    session.onEvent((e) => events.push(e));
    // The watcher's checks of the disk, each with the version it finds there and whether it has finished.
    const checks: { found: string; finished: boolean }[] = [];
    const watched = session as unknown as { checkDisk(file: unknown): Promise<void> };
    const checkDisk = watched.checkDisk.bind(session);
    vi.spyOn(watched, 'checkDisk').mockImplementation((open) => {
      const check = { found: revisionOf(readFileSync(file)), finished: false };
      checks.push(check);
      return checkDisk(open).finally(() => (check.finished = true));
    });
    for (let i = 1; i <= 5; i++) {
      const result = await session.save(variant(sample, i), revision);
      if (!result.ok) throw new Error(result.error.message);
      revision = result.value.revision;
    }
    // The last save's rename reaches the watcher, which looks at the disk and finds our own version.
    await vi.waitFor(() => expect(checks.some((c) => c.found === revision && c.finished)).toBe(true));
    expect(events).toEqual([]);
    // The watcher is alive: an outside change after our saves is still reported.
    const event = changedOnDisk(session);
    await writeFile(file, canonical(variant(sample, 50)));
    await expect(event).resolves.toMatchObject({ path: file });
  });

  it('checks again once the new content is staged, so a change landing during the save is not overwritten', async () => {
    const { file, folder, session } = await setup();
    const state = opened(await session.open(file));
    const outside = canonical(variant(sample, 77));
    // Lands in the moment between writing the new content beside the file and renaming it over.
    const adapter = (session as unknown as { file: { adapter: WorkspaceFileAdapter } }).file.adapter;
    let guard: (() => Promise<void>) | undefined;
    Object.defineProperty(adapter, 'beforeCommit', {
      get: () =>
        guard &&
        (async () => {
          await writeFile(file, outside);
          await guard?.();
        }),
      set: (value: (() => Promise<void>) | undefined) => {
        guard = value;
      },
    });
    const result = await session.save(variant(sample, 1), state.revision);
    expect(result).toMatchObject({ ok: false, error: { code: 'changed-on-disk', file } });
    expect(await readFile(file, 'utf8')).toBe(outside);
    expect(await session.backups()).toEqual([]);
    expect((await readdir(folder)).sort()).toEqual(['.w.candor.json.lock', 'w.candor.json']);
  });

  it('refuses to save when the file was deleted', async () => {
    const { file, session } = await setup();
    const state = opened(await session.open(file));
    await rm(file);
    expect(await session.save(variant(sample, 1), state.revision)).toMatchObject({ ok: false, error: { code: 'changed-on-disk' } });
    await expect(access(file)).rejects.toThrow();
  });

  it('refuses to save, as changed on disk, when the whole folder was deleted', async () => {
    const { file, folder, session } = await setup();
    const state = opened(await session.open(file));
    await rm(folder, { recursive: true });
    const result = await session.save(variant(sample, 1), state.revision);
    expect(result).toMatchObject({ ok: false, error: { code: 'changed-on-disk', file } });
    if (!result.ok) expect(result.error.message).toMatch(/moved, renamed or deleted/);
    await expect(access(folder)).rejects.toThrow();
  });

  it('reports a damaged file being fixed in an editor, and opens it on reload', async () => {
    const { file, session } = await setup('{"format": "candor/workspace", ');
    expect((await session.open(file)).status).toBe('error');
    const event = changedOnDisk(session);
    await writeFile(file, canonical(sample));
    await event;
    expect(opened(await session.reload()).workspace.organization.name).toBe(sample.organization.name);
  });
});

/** The pid of a process that has just ended, so no process has it (pids are not reused that fast). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid as number;
}

describe('backups', () => {
  it('keeps every version of the last hour, newest first, each saying what its replacement changed, and restores one (backing up the current file first)', async () => {
    const { file, session, dataDir } = await setup();
    let revision = opened(await session.open(file)).revision;
    for (let i = 1; i <= 25; i++) {
      const result = await session.save(variant(sample, i), revision);
      if (!result.ok) throw new Error(result.error.message);
      revision = result.value.revision;
    }
    const list = await session.backups();
    expect(list).toHaveLength(25);
    // A workspace file and its summary for each.
    expect(await readdir(backupFolderFor(dataDir, file))).toHaveLength(50);
    // Newest first: the newest backup is the version saved just before the last one.
    expect(list.map((b) => b.organizationName)).toEqual([
      ...Array.from({ length: 24 }, (_, k) => variant(sample, 24 - k).organization.name),
      sample.organization.name,
    ]);
    expect(list.every((b) => b.changes === 'Organization details changed.')).toBe(true);
    expect([...list].sort((x, y) => y.savedAt.localeCompare(x.savedAt)).map((b) => b.id)).toEqual(list.map((b) => b.id));

    const oldest = list[list.length - 6];
    const preview = await session.readBackup(oldest.id);
    expect(preview.ok && preview.value.organization.name).toBe(variant(sample, 5).organization.name);

    const restored = await session.restoreBackup(oldest.id);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    const state = opened(restored.value);
    expect(state.workspace.organization.name).toBe(variant(sample, 5).organization.name);
    expect(await readFile(file, 'utf8')).toBe(canonical(variant(sample, 5)));
    expect(state.revision).toBe(revisionOf(await readFile(file)));

    const after = await session.backups();
    expect(after).toHaveLength(26);
    expect(after[0].organizationName).toBe(variant(sample, 25).organization.name);
    expect(after[0].changes).toBe('Organization details changed.');

    // The restored file is the session's file: it saves normally afterwards.
    expect((await session.save(variant(sample, 26), state.revision)).ok).toBe(true);
  });

  it('compresses the backups once saves pause, and lists, previews and restores them as before', async () => {
    const root = await dirs.make();
    const dataDir = join(root, 'data');
    const file = join(root, 'w.candor.json');
    await writeFile(file, canonical(sample));
    const session = newSession(dataDir, { compressBackupsAfterMs: 50 });
    let revision = opened(await session.open(file)).revision;
    const whole: Buffer[] = [];
    for (let i = 1; i <= 3; i++) {
      whole.push(await readFile(file));
      const result = await session.save(variant(sample, i), revision);
      if (!result.ok) throw new Error(result.error.message);
      revision = result.value.revision;
    }
    const before = await session.backups();
    const folder = backupFolderFor(dataDir, file);
    // Three versions and their summaries, the versions compressed and nothing else left.
    await vi.waitFor(async () => expect((await readdir(folder)).filter((n) => n.endsWith('.candor.json.gz'))).toHaveLength(3), {
      timeout: 10_000,
    });
    await vi.waitFor(async () => expect((await readdir(folder)).sort()).toHaveLength(6));
    const names = await readdir(folder);
    expect(names.filter((n) => n.endsWith('.candor.json'))).toEqual([]);
    for (const [k, entry] of before.entries()) {
      // Newest first: the newest backup is the version the last save replaced.
      const packed = await readFile(join(folder, `${entry.id}.candor.json.gz`));
      expect(gunzipSync(packed).equals(whole[whole.length - 1 - k])).toBe(true);
      expect(packed.length).toBeLessThan(whole[whole.length - 1 - k].length / 2);
    }
    // The list is the same (sizes are of the versions, not of the compressed files).
    expect(await session.backups()).toEqual(before);
    const preview = await session.readBackup(before[2].id);
    expect(preview.ok && preview.value.organization.name).toBe(sample.organization.name);
    const restored = await session.restoreBackup(before[1].id);
    expect(restored.ok && opened(restored.value).workspace.organization.name).toBe(variant(sample, 1).organization.name);
    expect(await readFile(file)).toEqual(whole[1]);

    // A compressed backup damaged since: the message names its file and what to do.
    const damaged = join(folder, `${before[0].id}.candor.json.gz`);
    await writeFile(damaged, 'not gzip');
    expect(await session.readBackup(before[0].id)).toEqual({
      ok: false,
      error: {
        code: 'io',
        file: damaged,
        message: `The backup ${damaged} is damaged (incorrect header check); choose another version.`,
      },
    });
  });

  it('restores over a damaged file after keeping its bytes as a backup', async () => {
    const { file, session, dataDir } = await setup();
    const state = opened(await session.open(file));
    expect((await session.save(variant(sample, 1), state.revision)).ok).toBe(true);
    await session.close();
    await writeFile(file, 'null');

    const again = newSession(dataDir);
    expect((await again.open(file)).status).toBe('error');
    const [backup] = await again.backups();
    const restored = await again.restoreBackup(backup.id);
    expect(restored.ok && opened(restored.value).workspace.organization.name).toBe(sample.organization.name);
    const list = await again.backups();
    expect(list[0].organizationName).toBe('(not readable as a workspace)');
    expect(await readFile(join(backupFolderFor(dataDir, file), `${list[0].id}.candor.json`), 'utf8')).toBe('null');
  });

  it('refuses ids that are not backup ids, and ids that are gone', async () => {
    const { file, session } = await setup();
    opened(await session.open(file));
    expect(await session.readBackup('../../etc/passwd')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await session.restoreBackup('20260101T000000000Z-0123456789ab')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await readFile(file, 'utf8')).toBe(canonical(sample));
  });
});

describe('creating and saving as', () => {
  it('creates an empty workspace with the placeholder organization name, or the name asked for, and opens it', async () => {
    const { folder, session } = await setup();
    const plain = opened(await session.create(join(folder, 'acme.candor.json')));
    expect(plain.workspace.organization.name).toBe(DEFAULT_ORGANIZATION_NAME);
    expect(DEFAULT_ORGANIZATION_NAME).toBe('My organization');
    expect(plain.workspace.dataTypes).toEqual([]);
    const named = opened(await session.create(join(folder, 'b.candor.json'), { name: 'Beta Ltd' }));
    expect(named.workspace.organization.name).toBe('Beta Ltd');
    expect(await readFile(join(folder, 'b.candor.json'), 'utf8')).toBe(canonical(named.workspace));
  });

  it('creates a copy of the sample when asked', async () => {
    const { folder, session } = await setup();
    const state = opened(await session.create(join(folder, 'ex.candor.json'), { example: true }));
    expect(state.workspace.dataTypes).toHaveLength(sample.dataTypes.length);
  });

  it('refuses to create over an existing file and leaves the open workspace as it was', async () => {
    const { file, session } = await setup();
    const state = opened(await session.open(file));
    const refused = await session.create(file);
    expect(refused).toMatchObject({ status: 'error', path: file, error: { code: 'forbidden', file } });
    expect(session.state()).toBe(state);
    expect(await readFile(file, 'utf8')).toBe(canonical(sample));
    const inMissingFolder = await session.createWorkspace(join(file, '..', 'nope', 'x.candor.json'));
    expect(inMissingFolder).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const blank = await session.createWorkspace(join(file, '..', 'blank.candor.json'), { name: '  ' });
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await expect(stat(join(file, '..', 'blank.candor.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(session.state()).toBe(state);
  });

  it('saves as a new file, switches to it and releases the old lock', async () => {
    const { file, folder, session, dataDir } = await setup();
    opened(await session.open(file));
    const copy = join(folder, 'copy.candor.json');
    const result = await session.saveAs(copy, variant(sample, 7));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(opened(result.value).path).toBe(copy);
    expect(await readFile(copy, 'utf8')).toBe(canonical(variant(sample, 7)));
    expect(await readFile(file, 'utf8')).toBe(canonical(sample));
    const other = newSession(dataDir);
    expect(opened(await other.open(file)).readOnly).toBeUndefined();
    expect(opened(await newSession(dataDir).open(copy)).readOnly?.kind).toBe('locked');
    // The old file now belongs to the other session: saving as it is refused, and nothing is written.
    expect(await session.saveAs(file, variant(sample, 8))).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await readFile(file, 'utf8')).toBe(canonical(sample));
  });

  it('saves as over another valid workspace after backing it up', async () => {
    const { file, folder, session, dataDir } = await setup();
    const other = join(folder, 'other.candor.json');
    await writeFile(other, canonical(variant(sample, 3)));
    opened(await session.open(file));
    expect((await session.saveAs(other, variant(sample, 4))).ok).toBe(true);
    expect(await readFile(other, 'utf8')).toBe(canonical(variant(sample, 4)));
    const [backup] = await session.backups();
    expect(backup.organizationName).toBe(variant(sample, 3).organization.name);
    expect(await readdir(backupFolderFor(dataDir, other))).toHaveLength(1);
  });
});
