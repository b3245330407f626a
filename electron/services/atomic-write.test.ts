import { spawnSync } from 'node:child_process';
import { chmod, lstat, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileAtomic, writeNewFileAtomic } from './atomic-write';
import { tempDirs } from './test-support';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe('writeFileAtomic', () => {
  it('replaces the content and keeps the permission bits exactly, even those the umask would drop', async () => {
    const dir = await dirs.make();
    const file = join(dir, 'w.candor.json');
    await writeFile(file, 'old');
    for (const mode of [0o600, 0o664, 0o640]) {
      await chmod(file, mode);
      await writeFileAtomic(file, `new ${mode}`);
      expect(await readFile(file, 'utf8')).toBe(`new ${mode}`);
      expect((await stat(file)).mode & 0o7777).toBe(mode);
    }
  });

  it('gives a new file the requested mode and leaves no temporary file behind', async () => {
    const dir = await dirs.make();
    const file = join(dir, 'state.json');
    await writeFileAtomic(file, '{}', { mode: 0o600 });
    expect((await stat(file)).mode & 0o7777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('writes through a symbolic link: the link stays a link and its target gets the content', async () => {
    const dir = await dirs.make();
    const real = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    await writeFile(real, 'old');
    await symlink(real, link);
    await writeFileAtomic(link, 'new');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(real);
    expect(await readFile(real, 'utf8')).toBe('new');
  });

  it('removes its temporary file and changes nothing when the rename fails', async () => {
    const dir = await dirs.make();
    const kept = join(dir, 'w.json');
    await writeFile(kept, 'precious');
    // A folder where the file should go: the rename over it fails after the temporary file was written.
    const target = join(dir, 'folder');
    await mkdir(target);
    await writeFile(join(target, 'inside'), 'x');
    await expect(writeFileAtomic(target, 'data')).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST/) });
    expect(await readFile(kept, 'utf8')).toBe('precious');
    expect((await readdir(dir)).sort()).toEqual(['folder', 'w.json']);
    expect(await readdir(target)).toEqual(['inside']);
  });
});

describe('writeNewFileAtomic', () => {
  it('creates a file that does not exist', async () => {
    const dir = await dirs.make();
    const file = join(dir, 'new.json');
    await writeNewFileAtomic(file, 'hello');
    expect(await readFile(file, 'utf8')).toBe('hello');
    expect(await readdir(dir)).toEqual(['new.json']);
  });

  it('refuses an existing file with EEXIST and leaves its bytes as they were', async () => {
    const dir = await dirs.make();
    const file = join(dir, 'taken.json');
    await writeFile(file, 'mine');
    await expect(writeNewFileAtomic(file, 'theirs')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(file, 'utf8')).toBe('mine');
    expect(await readdir(dir)).toEqual(['taken.json']);
  });
});

describe('removeStaleTempFiles', () => {
  it('removes temporary files of processes that are gone and keeps those of running ones', async () => {
    const dir = await dirs.make();
    const file = join(dir, 'w.candor.json');
    await writeFile(file, 'x');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const stale = join(dir, `.w.candor.json.candor-tmp-${gone}-abcdef012345`);
    const live = join(dir, `.w.candor.json.candor-tmp-${process.pid}-abcdef012345`);
    const unrelated = join(dir, '.w.candor.json.swp');
    await Promise.all([writeFile(stale, 'half'), writeFile(live, 'half'), writeFile(unrelated, 'vim')]);
    expect(await removeStaleTempFiles(file)).toEqual([stale]);
    expect((await readdir(dir)).sort()).toEqual(
      ['.w.candor.json.candor-tmp-' + process.pid + '-abcdef012345', '.w.candor.json.swp', 'w.candor.json'].sort(),
    );
  });
});
