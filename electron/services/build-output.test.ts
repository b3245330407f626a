// writeOutputs: the files appear all at once or not at all, in folders with ordinary permissions.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuiltFile } from '../../core/documents/build';
import { writeOutputs } from './build-output';
import { tempDirs } from './test-support';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** Every file under `root` with its content, to compare a folder before and after. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await listFiles(root)) files[name] = await readFile(join(root, name), 'utf8');
  return files;
}

async function stagingLeftovers(parent: string): Promise<string[]> {
  return (await readdir(parent)).filter((name) => name.includes('.candor-build-'));
}

const FILES: BuiltFile[] = [
  { path: 'privacy-notice.md', content: '# Notice\n' },
  { path: 'privacy-notice.docx', content: new Uint8Array([0x50, 0x4b, 3, 4, 0, 255]) },
  { path: 'ios/InfoPlist.strings', content: '"NSCameraUsageDescription" = "To scan.";\n' },
  { path: 'android/res/values/strings.xml', content: '<resources/>\n' },
];

describe('writeOutputs', () => {
  it('creates the output folder and nested folders, writes every byte and returns the absolute paths', async () => {
    const root = await dirs.make();
    const out = join(root, 'deep', 'er', 'out');
    const written = await writeOutputs(out, FILES);
    expect(written).toEqual(FILES.map((f) => join(out, ...f.path.split('/'))));
    expect(await listFiles(out)).toEqual(FILES.map((f) => f.path).sort());
    expect(await readFile(join(out, 'privacy-notice.md'), 'utf8')).toBe('# Notice\n');
    expect([...(await readFile(join(out, 'privacy-notice.docx')))]).toEqual([0x50, 0x4b, 3, 4, 0, 255]);
    expect(await readFile(join(out, 'android', 'res', 'values', 'strings.xml'), 'utf8')).toBe('<resources/>\n');
    expect(await stagingLeftovers(join(root, 'deep', 'er'))).toEqual([]);
  });

  it('gives a new output folder and its subfolders the usual permissions, not the private 0700 of a temporary folder', async () => {
    const root = await dirs.make();
    const out = join(root, 'out');
    await writeOutputs(out, FILES);
    const umask = process.umask();
    const folderMode = 0o777 & ~umask;
    expect(folderMode, `this test needs a umask that leaves group or others some access (umask ${umask.toString(8)})`).not.toBe(0o700);
    for (const folder of [out, join(out, 'ios'), join(out, 'android', 'res', 'values')]) {
      const mode = (await stat(folder)).mode & 0o777;
      expect(mode.toString(8), folder).toBe(folderMode.toString(8));
    }
    const fileMode = (await stat(join(out, 'privacy-notice.md'))).mode & 0o777;
    expect(fileMode.toString(8)).toBe((0o666 & ~umask).toString(8));
  });

  it('adds to an existing folder: other files stay, its own files are replaced', async () => {
    const root = await dirs.make();
    const out = join(root, 'out');
    await mkdir(join(out, 'ios'), { recursive: true });
    await writeFile(join(out, 'index.html'), 'home');
    await writeFile(join(out, 'ios', 'Localizable.strings'), 'mine');
    await writeFile(join(out, 'privacy-notice.md'), 'old');
    await writeOutputs(out, FILES);
    const after = await snapshot(out);
    expect(after['index.html']).toBe('home');
    expect(after['ios/Localizable.strings']).toBe('mine');
    expect(after['privacy-notice.md']).toBe('# Notice\n');
    expect(after['ios/InfoPlist.strings']).toBe('"NSCameraUsageDescription" = "To scan.";\n');
    expect(await stagingLeftovers(root)).toEqual([]);
  });

  it('writes nothing when a file cannot be staged (a file and a folder of the same name), and leaves no staging folder', async () => {
    const root = await dirs.make();
    // Folders made only to hold the output go too.
    const out = join(root, 'new', 'deeper', 'out');
    const clashing: BuiltFile[] = [{ path: 'ios', content: 'a file' }, ...FILES];
    await expect(writeOutputs(out, clashing)).rejects.toThrow();
    expect(await readdir(root)).toEqual([]);
  });

  it('leaves an existing folder exactly as it was when a file cannot be moved into it', async () => {
    const root = await dirs.make();
    const out = join(root, 'out');
    // A folder where an output file goes: the move of that one file fails, after others could have moved.
    await mkdir(join(out, 'privacy-notice.docx'), { recursive: true });
    await writeFile(join(out, 'privacy-notice.docx', 'keep.txt'), 'keep');
    await writeFile(join(out, 'privacy-notice.md'), 'the old notice');
    await writeFile(join(out, 'index.html'), 'home');
    const before = await snapshot(out);
    const error = await writeOutputs(out, FILES).then(
      () => undefined,
      (e: unknown) => e as { code?: string; outputPath?: string },
    );
    expect(error?.code).toBe('EISDIR');
    // The place in the output folder, not the temporary folder, so the message can name it.
    expect(error?.outputPath).toBe(join(out, 'privacy-notice.docx'));
    expect(await snapshot(out)).toEqual(before);
    expect(await stagingLeftovers(root)).toEqual([]);
  });

  it('leaves an existing folder as it was when a later file would need a folder where a file is', async () => {
    const root = await dirs.make();
    const out = join(root, 'out');
    await mkdir(out);
    // `android` is a file here, so android/res/values/strings.xml (the last output) cannot be placed.
    await writeFile(join(out, 'android'), 'not a folder');
    await writeFile(join(out, 'privacy-notice.md'), 'the old notice');
    const before = await snapshot(out);
    const error = await writeOutputs(out, FILES).then(
      () => undefined,
      (e: unknown) => e as { outputPath?: string },
    );
    expect(error?.outputPath).toBe(join(out, 'android', 'res', 'values'));
    expect(await snapshot(out)).toEqual(before);
    // The new ios/ folder made for InfoPlist.strings went too.
    expect(await readdir(out)).toEqual(['android', 'privacy-notice.md']);
    expect(await stagingLeftovers(root)).toEqual([]);
  });

  it('refuses an output path that is a file, leaving the file alone', async () => {
    const root = await dirs.make();
    const out = join(root, 'out');
    await writeFile(out, 'I am a file');
    await expect(writeOutputs(out, FILES)).rejects.toThrow();
    expect(await readFile(out, 'utf8')).toBe('I am a file');
    expect(await stagingLeftovers(root)).toEqual([]);
  });
});
