// Atomic, durable file replacement: a unique temporary file in the same folder, every byte written
// and fsynced, the original's permission bits (and owner, where allowed) copied, a rename over the
// target, then an fsync of the folder so the rename itself survives a power cut.
//
// Why not write-file-atomic: its write step is a single fs.write whose byte count it ignores, so a
// short write (a nearly full disk, some network file systems) would be fsynced and renamed over the
// good file. Here the write loops until every byte is written, and the size is checked again before
// the rename.
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { link, lstat, open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_MARK = '.candor-tmp-';

/** `.<name>.candor-tmp-<pid>-<random>`: hidden, in the same folder, and traceable to the process that made it. */
function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`);
}

/** Makes a completed rename or link in `folder` durable. Windows cannot open folders for fsync, and NTFS journals renames. */
export async function fsyncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, constants.O_RDONLY);
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (certain FUSE and network mounts) refuse fsync on a folder; the data is
    // still written, only the rename's durability cannot be forced.
    if (!isCode(error, 'EINVAL', 'ENOTSUP', 'EISDIR', 'EPERM')) throw error;
  } finally {
    await handle.close();
  }
}

export function isCode(error: unknown, ...codes: string[]): boolean {
  return typeof error === 'object' && error !== null && codes.includes(String((error as { code?: unknown }).code));
}

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

/** Follows a symbolic link so the link stays a link and its target gets the new content. */
async function resolveTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return path;
    throw error;
  }
}

export interface AtomicWriteOptions {
  /** permission bits for a new file (the umask is not applied); an existing file keeps its own */
  mode?: number;
  /** `lookUpTarget(target)`, asked for earlier, so the caller's own work overlaps the wait for it */
  lookup?: Promise<TargetLookup>;
}

/** What a write needs to know about its target: where it really is, and the file there now (if any). */
export interface TargetLookup {
  resolved: string;
  existing: Stats | undefined;
}

/** Looks the target up: its real path and its current file. Reads only, so a lookup nobody uses costs nothing more. */
export async function lookUpTarget(target: string): Promise<TargetLookup> {
  // Both follow symbolic links, so they look at the same file; asked together, they cost one wait.
  const [resolved, existing] = await Promise.all([resolveTarget(target), statOrUndefined(target)]);
  return { resolved, existing };
}

/** Writes `data` to a fresh temporary file beside `target`, fsynced and with the final mode. Returns its path. */
async function writeTemp(target: string, data: Uint8Array, mode: number, owner: Stats | undefined): Promise<string> {
  const temp = tempPathFor(target);
  // 'wx': never reuse a file someone else created under the same name.
  const handle = await open(temp, 'wx', mode);
  try {
    // All of it in one call where the system allows (FileHandle.writeFile would make one call per
    // 512 KB), and again from where it stopped after a short write.
    for (let offset = 0; offset < data.byteLength;) {
      const { bytesWritten } = await handle.write(data, offset, data.byteLength - offset, offset);
      if (bytesWritten === 0) break;
      offset += bytesWritten;
    }
    // One look at the new file says whether every byte is there and whether the mode is right.
    const written = await handle.stat();
    if (written.size !== data.byteLength) {
      throw Object.assign(new Error(`wrote ${written.size} of ${data.byteLength} bytes to ${temp}`), { code: 'ESHORTWRITE' });
    }
    // open() applies the umask; the original's bits must come back exactly (a 0o600 stays private,
    // a group-writable file stays group-writable).
    if ((written.mode & 0o7777) !== mode) await handle.chmod(mode);
    if (owner && process.getuid && (owner.uid !== process.getuid() || owner.gid !== process.getgid?.())) {
      await handle.chown(owner.uid, owner.gid).catch((error: unknown) => {
        // Only root may give a file away; an ordinary user keeps ownership of what it writes.
        if (!isCode(error, 'EPERM', 'EINVAL', 'ENOSYS')) throw error;
      });
    }
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

/** A complete, fsynced temporary file waiting to replace its target. */
export interface StagedFile {
  /** the file that `commit` replaces (symbolic links resolved) */
  target: string;
  /** true once the rename happened, even if making it durable then failed */
  readonly replaced: boolean;
  /** renames the temporary file over the target and makes the rename durable */
  commit(): Promise<void>;
  /** removes the temporary file; the target is untouched */
  discard(): Promise<void>;
}

/**
 * Writes `data` next to `target` without touching it yet. Staging first and checking the target
 * just before `commit` leaves only a rename between the last look at the file and its replacement.
 */
export async function stageFileAtomic(target: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<StagedFile> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const { resolved, existing } = await (options.lookup ?? lookUpTarget(target));
  const mode = existing ? existing.mode & 0o7777 : (options.mode ?? 0o644);
  const temp = await writeTemp(resolved, bytes, mode, existing);
  let done = false;
  let replaced = false;
  return {
    target: resolved,
    get replaced() {
      return replaced;
    },
    async commit() {
      if (done) throw new Error(`${temp} was already committed or discarded`);
      done = true;
      try {
        await rename(temp, resolved);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
      replaced = true;
      await fsyncFolder(dirname(resolved));
    },
    async discard() {
      if (done) return;
      done = true;
      await unlink(temp).catch(() => undefined);
    },
  };
}

/** Replaces `target` with `data` atomically and durably. The file's permission bits are kept. */
export async function writeFileAtomic(target: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  const staged = await stageFileAtomic(target, data, options);
  await staged.commit();
}

/**
 * Creates `target` with `data`, atomically and durably, and fails with EEXIST if it already exists,
 * even when another process creates it at the same moment: link(2) never replaces an existing name.
 */
export async function writeNewFileAtomic(target: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = await writeTemp(target, bytes, options.mode ?? 0o644, undefined);
  try {
    await link(temp, target);
  } catch (error) {
    if (!isCode(error, 'EPERM', 'ENOTSUP', 'EXDEV', 'ENOSYS')) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    // File systems without hard links (FAT on a USB stick): check, then rename. The window
    // between the two is tiny, and the lock on the workspace covers Candor's own processes.
    if (await statOrUndefined(target)) {
      await unlink(temp).catch(() => undefined);
      throw Object.assign(new Error(`${target} already exists`), { code: 'EEXIST', path: target });
    }
    await rename(temp, target);
    await fsyncFolder(dirname(target));
    return;
  }
  await unlink(temp);
  await fsyncFolder(dirname(target));
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return isCode(error, 'EPERM');
  }
}

/**
 * Removes temporary files a killed Candor process left beside `target` (a crash between creating
 * the temp file and the rename). Call only while holding the workspace's lock, so no live writer's
 * temp file is taken; files of processes still running are left alone in any case.
 */
export async function removeStaleTempFiles(target: string): Promise<string[]> {
  const folder = dirname(target);
  const prefix = `.${basename(target)}${TEMP_MARK}`;
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || processIsAlive(pid)) continue;
    const path = join(folder, name);
    try {
      if ((await lstat(path)).isFile()) {
        await unlink(path);
        removed.push(path);
      }
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
  return removed;
}
