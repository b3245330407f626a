import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DAY, HOUR } from '../../core/backup-retention';
import { changesSince } from '../../core/entity-diff';
import type { Workspace } from '../../core/schema';
import { BackupNotFoundError, BackupStore, backupFolderFor, isBackupId, type BackupMeta } from './backups';
import { tempDirs } from './test-support';
import { revisionOf } from './workspace-file';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const utcDay = (t: number) => Math.floor(t / DAY);

async function setup() {
  const root = await dirs.make();
  const source = join(root, 'w.candor.json');
  // Compression only when a test asks for it (`store.compress()`), so the others find each version whole.
  const store = new BackupStore(backupFolderFor(join(root, 'data'), source), utcDay, { compressAfterMs: false });
  return { root, source, store };
}

/** Puts `text` in the workspace file the way every save does (a new file renamed over it), then backs it up. */
async function backUp(store: BackupStore, source: string, text: string, now: number, meta?: BackupMeta) {
  await writeFile(`${source}.next`, text);
  await rename(`${source}.next`, source);
  const bytes = Buffer.from(text);
  return store.add(source, bytes, revisionOf(bytes), now, meta);
}

function workspace(names: string[]): Workspace {
  return {
    format: 'candor/workspace',
    version: 1,
    organization: { name: 'Stillwater', jurisdictions: ['gdpr'] },
    purposes: [],
    recipients: [],
    collectionPoints: [],
    dataTypes: names.map((name) => ({ id: name.toLowerCase().replace(/ /g, '-'), name, category: 'user.contact.email', purposes: [] })),
    settings: {},
  } as unknown as Workspace;
}

describe('BackupStore', () => {
  it('puts each workspace’s backups in its own folder under <dataDir>/backups', () => {
    const a = backupFolderFor('/data', '/repo/a.candor.json');
    const b = backupFolderFor('/data', '/repo/b.candor.json');
    expect(a).toMatch(/^\/data\/backups\/[0-9a-f]{16}$/);
    expect(a).not.toBe(b);
    expect(backupFolderFor('/data', '/repo/a.candor.json')).toBe(a);
  });

  it('orders backups by save time even when two saves share a millisecond', async () => {
    const { source, store } = await setup();
    const now = Date.UTC(2026, 11, 1, 9, 30, 0, 123);
    const first = await backUp(store, source, 'one', now);
    const second = await backUp(store, source, 'two', now);
    const third = await backUp(store, source, 'three', now - 5000);
    expect([first, second, third].every(isBackupId)).toBe(true);
    expect(first.startsWith('20261201T093000123Z-')).toBe(true);
    expect(await store.ids()).toEqual([third, second, first]);
    const list = await store.list();
    expect(list.map((e) => e.savedAt)).toEqual(['2026-12-01T09:30:00.125Z', '2026-12-01T09:30:00.124Z', '2026-12-01T09:30:00.123Z']);
    expect((await store.read(second)).toString()).toBe('two');
  });

  it('keeps a version that the next write replaces by rename', async () => {
    const { source, store, root } = await setup();
    const id = await backUp(store, source, 'old version', Date.now());
    // What a save does next: a new file renamed over the workspace.
    await writeFile(join(root, 'tmp'), 'new version');
    await rename(join(root, 'tmp'), source);
    expect((await store.read(id)).toString()).toBe('old version');
    expect(await readFile(source, 'utf8')).toBe('new version');
  });

  it('copies the bytes when the workspace file cannot be linked', async () => {
    const { store, root } = await setup();
    const gone = join(root, 'deleted.candor.json');
    const bytes = Buffer.from('kept from memory');
    const id = await store.add(gone, bytes, revisionOf(bytes));
    expect((await store.read(id)).toString()).toBe('kept from memory');
  });

  it('thins backups out by age and summarizes each for the list', async () => {
    const { source, store } = await setup();
    const now = Date.UTC(2026, 0, 10, 12, 0, 0);
    // Saves 40 days, 10 days, 3 hours 10 minutes, 3 hours 5 minutes and 10 minutes ago.
    const ages = [40 * DAY, 10 * DAY, 3 * HOUR + 10 * 60_000, 3 * HOUR + 5 * 60_000, 10 * 60_000];
    const ids: string[] = [];
    for (const [i, age] of ages.entries()) {
      const text = JSON.stringify({ organization: { name: `Org ${i}` }, dataTypes: Array(i).fill({}) });
      ids.push(await backUp(store, source, text, now - age));
    }
    await store.prune(now);
    const list = await store.list();
    // Gone: the one older than 30 days, and the older of the two saves in one hour.
    expect(list.map((e) => e.id)).toEqual([ids[4], ids[3], ids[1]]);
    expect(list[0]).toMatchObject({
      organizationName: 'Org 4',
      dataTypes: 4,
      bytes: (await stat(join(store.folder, `${ids[4]}.candor.json`))).size,
    });
    // Backups made without a summary say nothing about what changed rather than something wrong.
    expect(list[0].changes).toBeUndefined();
    await expect(store.read(ids[0])).rejects.toBeInstanceOf(BackupNotFoundError);
    expect(await readdir(store.folder)).toHaveLength(3);
  });

  it('prunes at most once a minute unless forced', async () => {
    const { source, store } = await setup();
    const now = Date.UTC(2026, 0, 10, 12, 0, 0);
    await store.prune(now);
    await backUp(store, source, 'old', now - 40 * DAY);
    await store.prune(now + 30_000);
    expect(await store.ids()).toHaveLength(1);
    await store.prune(now + 30_000, true);
    expect(await store.ids()).toHaveLength(0);
  });

  it('says what each save changed, and merges what a removed version changed into the one before it', async () => {
    const { source, store } = await setup();
    const now = Date.UTC(2026, 0, 10, 12, 0, 0);
    const v1 = workspace(['Email address']);
    const v2 = workspace(['Email address', 'Phone number']);
    const v3 = workspace(['Email address', 'Phone number', 'Location']);
    const v4 = workspace(['Phone number', 'Location']);
    const meta = (before: Workspace, after: Workspace): BackupMeta => ({
      organizationName: before.organization.name,
      dataTypes: before.dataTypes.length,
      changes: changesSince(before, after),
    });
    // w at 02:00, x at 09:50 and y at 09:55 (one hour: x goes), all older than an hour.
    const w = await backUp(store, source, JSON.stringify(v1), now - 10 * HOUR, meta(v1, v2));
    const x = await backUp(store, source, JSON.stringify(v2), now - 2 * HOUR - 10 * 60_000, meta(v2, v3));
    const y = await backUp(store, source, JSON.stringify(v3), now - 2 * HOUR - 5 * 60_000, meta(v3, v4));
    expect((await store.list()).map((e) => e.changes)).toEqual([
      'Data type removed: Email address.',
      'Data type added: Location.',
      'Data type added: Phone number.',
    ]);
    await store.prune(now);
    const list = await store.list();
    expect(list.map((e) => e.id)).toEqual([y, w]);
    expect(list.map((e) => e.id)).not.toContain(x);
    // w is now followed by y, so its entry says everything that changed until y: both additions.
    expect(list.map((e) => e.changes)).toEqual(['Data type removed: Email address.', '2 data types added: Phone number, Location.']);
  });

  it('lists nothing for a workspace without backups, and ignores foreign files in its folder', async () => {
    const { store } = await setup();
    expect(await store.list()).toEqual([]);
    await mkdir(store.folder, { recursive: true });
    await writeFile(join(store.folder, 'notes.txt'), 'x');
    expect(await store.list()).toEqual([]);
    await expect(store.read('../notes')).rejects.toBeInstanceOf(BackupNotFoundError);
  });
});

describe('BackupStore compression', () => {
  /** A workspace-like text that compresses as a real one does. */
  const versionText = (n: number) =>
    JSON.stringify({
      organization: { name: `Org ${n}` },
      dataTypes: Array.from({ length: 200 }, (_, i) => ({ id: `type-${i}`, name: `Type ${i}` })),
    });

  it('compresses every version stored whole, and reads each back byte for byte', async () => {
    const { source, store } = await setup();
    const now = Date.UTC(2026, 11, 1, 9, 0, 0);
    const texts = [1, 2, 3].map(versionText);
    const ids: string[] = [];
    for (const [i, text] of texts.entries())
      ids.push(await backUp(store, source, text, now + i * 1000, { organizationName: `Org ${i + 1}`, dataTypes: 200 }));
    await store.settled();
    await store.compress();
    const names = (await readdir(store.folder)).sort();
    expect(names).toEqual(ids.flatMap((id) => [`${id}.candor.json.gz`, `${id}.meta.json`]).sort());
    for (const [i, id] of ids.entries()) {
      expect((await store.read(id)).toString()).toBe(texts[i]);
      const packed = await readFile(join(store.folder, `${id}.candor.json.gz`));
      expect(gunzipSync(packed).toString()).toBe(texts[i]);
      expect(packed.length).toBeLessThan(texts[i].length / 5);
    }
    // A store that never saw them whole lists the sizes of the versions, read from the compressed files.
    const fresh = new BackupStore(store.folder, utcDay, { compressAfterMs: false });
    expect((await fresh.list()).map((e) => [e.id, e.bytes, e.organizationName])).toEqual(
      ids.map((id, i) => [id, Buffer.byteLength(texts[i]), `Org ${i + 1}`]).reverse(),
    );
    expect(fresh.pathOf(ids[0])).toBe(join(store.folder, `${ids[0]}.candor.json.gz`));
    // Compressing again has nothing to do.
    await store.compress();
    expect((await readdir(store.folder)).sort()).toEqual(names);
  });

  it('summarizes a compressed version without a summary by reading it', async () => {
    const { source, store } = await setup();
    const id = await backUp(store, source, versionText(7), Date.now());
    await store.compress();
    const fresh = new BackupStore(store.folder, utcDay, { compressAfterMs: false });
    expect(await fresh.list()).toEqual([
      expect.objectContaining({ id, organizationName: 'Org 7', dataTypes: 200, bytes: Buffer.byteLength(versionText(7)) }),
    ]);
  });

  it('starts by itself once saves pause, and not while they go on', async () => {
    const { root, source } = await setup();
    const store = new BackupStore(backupFolderFor(join(root, 'data'), source), utcDay, { compressAfterMs: 2000 });
    const packed = async () => (await readdir(store.folder)).filter((n) => n.endsWith('.gz')).length;
    const first = await backUp(store, source, versionText(1), Date.now());
    // A save 1.5 s later postpones compression: 2.2 s after the first version (which alone would have
    // been compressed after 2 s) nothing is compressed yet; both are 2 s after the second.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await backUp(store, source, versionText(2), Date.now());
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await packed()).toBe(0);
    await vi.waitFor(async () => expect(await packed()).toBe(2), { timeout: 10_000, interval: 50 });
    expect((await store.read(first)).toString()).toBe(versionText(1));
    store.dispose();
  });

  it('leaves one complete copy wherever a crash cuts compression short', async () => {
    const { source, store } = await setup();
    const [a, b] = [await backUp(store, source, versionText(1), Date.now()), await backUp(store, source, versionText(2), Date.now())];
    // Cut short after the compressed copy was complete, before the whole one was removed: listed once.
    await writeFile(join(store.folder, `${a}.candor.json.gz`), gzipSync(versionText(1)));
    // Cut short before the rename: a temporary file of a process that is gone.
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await new Promise((resolve) => child.on('exit', resolve));
    const stale = `.${b}.candor.json.gz.candor-tmp-${child.pid}-0123456789ab`;
    await writeFile(join(store.folder, stale), 'half written');
    expect((await store.list()).map((e) => e.id)).toEqual([b, a]);
    await store.compress();
    expect((await readdir(store.folder)).sort()).toEqual([`${a}.candor.json.gz`, `${b}.candor.json.gz`]);
    expect((await store.read(a)).toString()).toBe(versionText(1));
    expect((await store.read(b)).toString()).toBe(versionText(2));
  });

  it('refuses a damaged compressed backup, or one that expands beyond any workspace, naming the file', async () => {
    const { root, source } = await setup();
    // A workspace may hold 50 MB; 1 MB here, so the test expands no 50 MB.
    const store = new BackupStore(backupFolderFor(join(root, 'data'), source), utcDay, {
      compressAfterMs: false,
      expandedLimit: 1024 * 1024,
    });
    const [damaged, huge] = [await backUp(store, source, 'one', Date.now()), await backUp(store, source, 'two', Date.now())];
    await store.compress();
    await writeFile(join(store.folder, `${damaged}.candor.json.gz`), 'not gzip at all');
    await writeFile(join(store.folder, `${huge}.candor.json.gz`), gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x20)));
    await expect(store.read(damaged)).rejects.toThrow(new RegExp(`${damaged}\\.candor\\.json\\.gz is damaged .*choose another version`));
    await expect(store.read(huge)).rejects.toThrow(/expands to more than 1 MB, more than a workspace may hold/);
    // A file larger than that even before expanding is not read at all.
    await writeFile(join(store.folder, `${huge}.candor.json.gz`), Buffer.alloc(2 * 1024 * 1024));
    await expect(store.read(huge)).rejects.toThrow(/expands to more than 1 MB/);
    // Listed all the same, so nothing disappears silently.
    const fresh = new BackupStore(store.folder, utcDay, { compressAfterMs: false, expandedLimit: 1024 * 1024 });
    expect((await fresh.list()).map((e) => e.organizationName)).toEqual(['(not readable as a workspace)', '(not readable as a workspace)']);
  });

  it('prunes and removes compressed versions', async () => {
    const { source, store } = await setup();
    const now = Date.UTC(2026, 0, 10, 12, 0, 0);
    const old = await backUp(store, source, versionText(1), now - 40 * DAY);
    const kept = await backUp(store, source, versionText(2), now - 10 * 60_000);
    const removed = await backUp(store, source, versionText(3), now - 5 * 60_000);
    await store.compress();
    await store.prune(now, true);
    expect((await store.list()).map((e) => e.id)).toEqual([removed, kept]);
    expect((await readdir(store.folder)).some((n) => n.startsWith(old))).toBe(false);
    await store.remove(removed);
    expect((await readdir(store.folder)).some((n) => n.startsWith(removed))).toBe(false);
    await expect(store.read(removed)).rejects.toBeInstanceOf(BackupNotFoundError);
  });
});
