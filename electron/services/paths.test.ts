import { existsSync } from 'node:fs';
import { readFile, stat, writeFile, chmod } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledExamplePath, defaultDataDir, ensureSampleCopy, resourcesDir } from './paths';
import { SAMPLE_PATH, tempDirs } from './test-support';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe('defaultDataDir', () => {
  it('prefers CANDOR_DATA_DIR on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(defaultDataDir({ CANDOR_DATA_DIR: '/custom/place' }, platform)).toBe('/custom/place');
    }
  });

  it('follows each platform’s convention', () => {
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'Candor'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe(join('/xdg', 'Candor'));
    expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Candor'));
    expect(defaultDataDir({ APPDATA: '/appdata' }, 'win32')).toBe(join('/appdata', 'Candor'));
  });
});

describe('resources', () => {
  it('finds the resources folder of the candor package', async () => {
    const dir = resourcesDir();
    expect(existsSync(join(dir, 'taxonomy.json'))).toBe(true);
    const pkg = JSON.parse(await readFile(join(dir, '..', 'package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe('candor');
    expect(bundledExamplePath()).toBe(join(dir, 'examples', 'ridgeline.candor.json'));
  });
});

describe('ensureSampleCopy', () => {
  it('copies the sample once, writable, and never touches the original', async () => {
    const root = await dirs.make();
    const source = join(root, 'bundled.candor.json');
    await writeFile(source, await readFile(SAMPLE_PATH));
    await chmod(source, 0o444);
    const dataDir = join(root, 'data');

    const copy = await ensureSampleCopy(dataDir, source);
    expect(copy).toBe(join(dataDir, 'examples', 'ridgeline.candor.json'));
    expect(await readFile(copy, 'utf8')).toBe(await readFile(source, 'utf8'));
    expect((await stat(copy)).mode & 0o777).toBe(0o644);

    // Edits to the copy survive: a second call keeps it as it is.
    await writeFile(copy, 'edited');
    expect(await ensureSampleCopy(dataDir, source)).toBe(copy);
    expect(await readFile(copy, 'utf8')).toBe('edited');
    expect(await readFile(source, 'utf8')).toBe(await readFile(SAMPLE_PATH, 'utf8'));
    expect((await stat(source)).mode & 0o777).toBe(0o444);
  });

  it('says the sample is missing from the installation when it is', async () => {
    const root = await dirs.make();
    await expect(ensureSampleCopy(join(root, 'data'), join(root, 'nope.json'))).rejects.toThrow(/missing from this installation/);
  });
});
