// One Candor process writes a workspace at a time. The lock is proper-lockfile's: a folder created
// atomically beside the workspace, its modification time refreshed while Candor runs, and taken over
// once it has not been refreshed for STALE_MS (the process that held it crashed or lost power).
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';

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

export type LockAttempt =
  | { ok: true; lock: HeldLock }
  /** another process holds a fresh lock */
  | { ok: false; reason: 'locked'; lockPath: string }
  /** the lock could not be created at all (read-only folder, no permission) */
  | { ok: false; reason: 'unavailable'; lockPath: string; error: unknown };

/**
 * Takes the lock on `workspacePath` (an absolute, symlink-free path). `onCompromised` is called if
 * the lock is later lost (its folder removed, or not refreshed in time, e.g. after the computer slept).
 */
export async function acquireWorkspaceLock(workspacePath: string, onCompromised: (error: Error) => void): Promise<LockAttempt> {
  const lockPath = lockPathFor(workspacePath);
  try {
    const release = await lockfile.lock(workspacePath, {
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_MS,
      update: UPDATE_MS,
      retries: 0,
      onCompromised,
    });
    let released = false;
    return {
      ok: true,
      lock: {
        lockPath,
        async release() {
          if (released) return;
          released = true;
          await release().catch(() => {
            // Already released because it was compromised, or its folder is gone: nothing is held.
          });
        },
      },
    };
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') return { ok: false, reason: 'locked', lockPath };
    return { ok: false, reason: 'unavailable', lockPath, error };
  }
}
