// Writes built files into an output folder so they appear all at once: everything is written to a
// temporary folder beside the target first, and only moved into place when every file is complete.
// A failed build leaves the output folder as it was.
import { chmod, mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { BuiltFile } from '../../core/documents/build';

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Writes `files` into `outDir` (created if needed); returns the absolute paths written. */
export async function writeOutputs(outDir: string, files: readonly BuiltFile[]): Promise<string[]> {
  const target = resolve(outDir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  // Same folder as the target, so the moves below are renames on one file system.
  const staging = await mkdtemp(join(parent, `.${basename(target)}.candor-build-`));
  try {
    // mkdtemp makes a private folder; the output folder gets the usual permissions.
    await chmod(staging, 0o777 & ~process.umask());
    for (const file of files) {
      const path = join(staging, ...file.path.split('/'));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content);
    }
    if (!(await exists(target))) {
      await rename(staging, target);
    } else {
      for (const file of files) {
        const destination = join(target, ...file.path.split('/'));
        await mkdir(dirname(destination), { recursive: true });
        await rename(join(staging, ...file.path.split('/')), destination);
      }
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return files.map((file) => join(target, ...file.path.split('/')));
}
