// Writes built files into an output folder so they appear all at once: everything is written to a
// temporary folder beside the target first, and only moved into place when every file is complete.
// A failed build leaves the output folder as it was.
import { lstat, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { BuiltFile } from '../../core/documents/build';

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

function where(file: BuiltFile, root: string): string {
  return join(root, ...file.path.split('/'));
}

/**
 * Marks an error with the place in the output folder it is about (`outputPath`), so the message can
 * name that file rather than the temporary folder Node's own `path` would point to.
 */
function about(error: unknown, outputPath: string): unknown {
  if (error && typeof error === 'object') Object.assign(error, { outputPath });
  return error;
}

/**
 * Moves the staged files into an output folder that already exists. Every file it replaces is kept
 * aside until all moves succeed, so a failure part-way (a folder where a file goes, a full disk)
 * puts the folder back as it was: replaced files return, new files and new subfolders go.
 */
async function moveInto(target: string, staged: string, aside: string, files: readonly BuiltFile[]): Promise<void> {
  const undo: (() => Promise<unknown>)[] = [];
  try {
    for (const [index, file] of files.entries()) {
      const destination = where(file, target);
      try {
        const created = await mkdir(dirname(destination), { recursive: true });
        if (created) undo.push(() => rm(created, { recursive: true, force: true }));
      } catch (error) {
        throw about(error, dirname(destination));
      }
      const previous = await lstat(destination).catch(() => undefined);
      if (previous?.isDirectory()) {
        throw about(Object.assign(new Error(`${destination} is a folder`), { code: 'EISDIR' }), destination);
      }
      try {
        if (previous) {
          // Flat names inside `aside`, so replaced files never need folders of their own there.
          const kept = join(aside, String(index));
          await rename(destination, kept);
          undo.push(() => rename(kept, destination));
        }
        await rename(where(file, staged), destination);
        undo.push(() => rm(destination, { force: true }));
      } catch (error) {
        throw about(error, destination);
      }
    }
  } catch (error) {
    // Newest first, so a replaced file returns only after the new one left its place.
    for (const step of undo.reverse()) await step().catch(() => undefined);
    throw error;
  }
}

/** Writes `files` into `outDir` (created if needed); returns the absolute paths written. */
export async function writeOutputs(outDir: string, files: readonly BuiltFile[]): Promise<string[]> {
  const target = resolve(outDir);
  const parent = dirname(target);
  const createdParent = await mkdir(parent, { recursive: true });
  // Same folder as the target, so the moves below are renames on one file system.
  const staging = await mkdtemp(join(parent, `.${basename(target)}.candor-build-`));
  // mkdtemp makes a private (0700) folder; `files` inside it is made by mkdir, with the usual
  // permissions, and becomes the output folder when there is none yet.
  const staged = join(staging, 'files');
  const aside = join(staging, 'replaced');
  let placed = false;
  try {
    await mkdir(staged);
    await mkdir(aside);
    for (const file of files) {
      const path = where(file, staged);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content);
    }
    if (!(await exists(target))) {
      await rename(staged, target);
    } else {
      await moveInto(target, staged, aside, files);
    }
    placed = true;
  } finally {
    await rm(staging, { recursive: true, force: true });
    // Folders made only to hold the staging folder go too when nothing was written.
    if (!placed && createdParent) await rm(createdParent, { recursive: true, force: true });
  }
  return files.map((file) => where(file, target));
}
