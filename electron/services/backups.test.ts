import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupNotFoundError, BackupStore, backupFolderFor, isBackupId } from './backups';
import { tempDirs } from './test-support';
import { revisionOf } from './workspace-file';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

async function setup(keep?: number) {
  const root = await dirs.make();
  const source = join(root, 'w.candor.json');
  const store = new BackupStore(backupFolderFor(join(root, 'data'), source), keep);
  return { root, source, store };
}

/** Puts `text` in the workspace file the way every save does (a new file renamed over it), then backs it up. */
async function backUp(store: BackupStore, source: string, text: string, now: number) {
  await writeFile(`${source}.next`, text);
  await rename(`${source}.next`, source);
  const bytes = Buffer.from(text);
  return store.add(source, bytes, revisionOf(bytes), now);
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

  it('prunes to the newest ones and summarizes each for the list', async () => {
    const { source, store } = await setup(3);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const text = JSON.stringify({ organization: { name: `Org ${i}` }, dataTypes: Array(i).fill({}) });
      ids.push(await backUp(store, source, text, Date.UTC(2026, 0, 1, 0, 0, i)));
    }
    await store.prune();
    const list = await store.list();
    expect(list.map((e) => e.id)).toEqual([ids[4], ids[3], ids[2]]);
    expect(list[0]).toMatchObject({
      organizationName: 'Org 4',
      dataTypes: 4,
      bytes: (await stat(join(store.folder, `${ids[4]}.candor.json`))).size,
    });
    await expect(store.read(ids[0])).rejects.toBeInstanceOf(BackupNotFoundError);
    expect(await readdir(store.folder)).toHaveLength(3);
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
