// One Candor process writes a workspace at a time. The lock is proper-lockfile's: a folder created
// atomically beside the workspace, its modification time refreshed while Candor runs, and taken over
// once it has not been refreshed for STALE_MS (the process that held it crashed or lost power).
// Inside the folder, owner.json names the process (pid, host): a lock whose process is known to be gone
// (same host, no such pid) is taken over at once, so a restart after a crash opens the file writable
// instead of blaming "another Candor" for ten seconds.
import { readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { z } from 'zod';

export const STALE_MS = 10_000;
// Refreshed four times per stale period, so a long pause (validating a huge workspace, a slow disk)
// does not let another process take the lock while this one still holds it.
const UPDATE_MS = STALE_MS / 4;

export function lockPathFor(workspacePath: string): string {
  return join(dirname(workspacePath), `.${basename(workspacePath)}.lock`);
}

export interface HeldLock {
  lockPath: string;
  release(): Promise<void>;
}

const OWNER_FILE = 'owner.json';
const OwnerSchema = z.object({ pid: z.number().int().positive(), host: z.string(), since: z.string() });
type LockOwner = z.infer<typeof OwnerSchema>;

async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  try {
    const parsed = OwnerSchema.safeParse(JSON.parse(await readFile(join(lockPath, OWNER_FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // No lock, a lock from an older Candor, or one whose owner file was not written yet.
    return undefined;
  }
}

/** Whether a process with this pid runs on this machine (one owned by another user counts). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** The lock's owner is known to be gone: recorded on this host, and no process has its pid. */
function ownerGone(owner: LockOwner | undefined): owner is LockOwner {
  return owner !== undefined && owner.host === hostname() && owner.pid !== process.pid && !processAlive(owner.pid);
}

/** A lock that was left behind by a Candor that ended without releasing it, now taken over. */
export interface LeftoverLock {
  /** when the process that left it took it, if known (ISO timestamp) */
  since?: string;
}

/** Who holds a lock: "this computer" or another host, and since when. */
export interface LockHolder {
  /** undefined when it is this computer */
  host?: string;
  since: string;
}

function holderOf(owner: LockOwner | undefined): LockHolder | undefined {
  if (!owner) return undefined;
  return owner.host === hostname() ? { since: owner.since } : { host: owner.host, since: owner.since };
}

export type LockAttempt =
  | { ok: true; lock: HeldLock; leftover?: LeftoverLock }
  /** another process holds a fresh lock; `holder` names it when its lock says who it is */
  | { ok: false; reason: 'locked'; lockPath: string; holder?: LockHolder }
  /** the lock could not be created at all (read-only folder, no permission) */
  | { ok: false; reason: 'unavailable'; lockPath: string; error: unknown };

/**
 * Takes the lock on `workspacePath` (an absolute, symlink-free path). `onCompromised` is called if
 * the lock is later lost (its folder removed, or not refreshed in time, e.g. after the computer slept).
 */
export async function acquireWorkspaceLock(workspacePath: string, onCompromised: (error: Error) => void): Promise<LockAttempt> {
  const lockPath = lockPathFor(workspacePath);
  const take = () =>
    lockfile.lock(workspacePath, {
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_MS,
      update: UPDATE_MS,
      retries: 0,
      onCompromised,
    });
  // What was there before: a lock proper-lockfile then takes over (stale) was left behind too.
  const before = await readOwner(lockPath);
  const existed =
    before !== undefined ||
    (await stat(lockPath).then(
      () => true,
      () => false,
    ));
  // Removes a lock that was left behind and takes it. If another Candor starting at the same moment
  // wins the race, that one holds it and this one opens read-only, as it should.
  const takeOver = async (leftover: LeftoverLock): Promise<LockAttempt> => {
    await rm(lockPath, { recursive: true, force: true });
    try {
      return finish(lockPath, await take(), leftover);
    } catch (again) {
      if ((again as { code?: string }).code === 'ELOCKED') return { ok: false, reason: 'locked', lockPath };
      return { ok: false, reason: 'unavailable', lockPath, error: again };
    }
  };
  let release: () => Promise<void>;
  try {
    release = await take();
  } catch (error) {
    const code = (error as { code?: string }).code;
    // proper-lockfile found the lock stale but removes it with rmdir, which the owner file stops.
    if (code === 'ENOTEMPTY') return takeOver(before ? { since: before.since } : {});
    if (code !== 'ELOCKED') return { ok: false, reason: 'unavailable', lockPath, error };
    const owner = await readOwner(lockPath);
    if (ownerGone(owner)) return takeOver({ since: owner.since });
    const holder = holderOf(owner);
    return { ok: false, reason: 'locked', lockPath, ...(holder ? { holder } : {}) };
  }
  return finish(lockPath, release, existed ? (before ? { since: before.since } : {}) : undefined);
}

/** Names this process in the lock it just took, and hands the lock out. */
async function finish(lockPath: string, release: () => Promise<void>, leftover: LeftoverLock | undefined): Promise<LockAttempt> {
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  // Best effort: without it a crash is only recognised once the lock is stale, as before. Adding a file
  // changes the folder's modification time, which proper-lockfile watches to tell that the lock is still
  // its own, so the time it set is put back.
  try {
    const { atime, mtime } = await stat(lockPath);
    await writeFile(join(lockPath, OWNER_FILE), JSON.stringify(owner));
    await utimes(lockPath, atime, mtime);
  } catch {
    await unlink(join(lockPath, OWNER_FILE)).catch(() => undefined);
  }
  let released = false;
  return {
    ok: true,
    ...(leftover ? { leftover } : {}),
    lock: {
      lockPath,
      async release() {
        if (released) return;
        released = true;
        // proper-lockfile removes the folder with rmdir, which needs it empty.
        await unlink(join(lockPath, OWNER_FILE)).catch(() => undefined);
        await release().catch(() => {
          // Already released because it was compromised, or its folder is gone: nothing is held.
        });
      },
    },
  };
}
