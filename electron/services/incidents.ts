// The incident register on disk: `<name>.incidents.candor.json` beside the workspace, kept apart from it so
// the inventory can be shared widely while incidents stay with the few who handle them. Stored as safely as
// the workspace: read bounded and refused with the reason when it is not a register this Candor may write,
// written canonically and atomically, only over the version the caller read (`changed-on-disk` otherwise),
// with that version kept as a backup in Candor's data folder, and under a lock of its own, so a second
// Candor (or `candor incident new`) cannot write it at the same time; whoever does not hold the lock reads it.
import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fail, ok, type CandorError, type IncidentRegisterState, type ReadOnlyReason, type Result } from '../../core/api';
import { readRegisterText, serializeRegister, summarizeProblems, validateRegister } from '../../core/incidents/register-file';
import { emptyRegister, registerFileName, type IncidentRegister } from '../../core/incidents/schema';
import type { Workspace } from '../../core/schema';
import { isCode, removeStaleTempFiles, stageFileAtomic, writeNewFileAtomic } from './atomic-write';
import { backupStoreFor, type BackupStore } from './backups';
import { readBoundedFile, ReadRefusal } from './bounded-read';
import { describeIoError, shortIoReason } from './io-error';
import type { WorkspaceSession } from './session';
import { revisionOf } from './workspace-file';
import { acquireWorkspaceLock, STALE_MS, type HeldLock, type LockHolder } from './workspace-lock';

/** A register is a few hundred incidents at most; anything far larger is not one. */
export const REGISTER_SIZE_LIMIT = 20 * 1024 * 1024;

/** `/home/ana/ridgeline.incidents.candor.json` for `/home/ana/ridgeline.candor.json`. */
export function registerPathFor(workspacePath: string): string {
  const absolute = resolve(workspacePath);
  return join(dirname(absolute), registerFileName(basename(absolute)));
}

export type RegisterFileContent =
  /** no register yet: the first save creates it */
  | { kind: 'missing' }
  | { kind: 'ok'; register: IncidentRegister; revision: string; bytes: Buffer }
  /** anything this Candor must not write over: another format, a newer version, damaged, invalid */
  | { kind: 'refused'; error: CandorError; revision?: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** What `bytes`, read from `path`, are. Never throws. */
export function classifyRegisterBytes(path: string, bytes: Buffer): RegisterFileContent {
  const revision = revisionOf(bytes);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return {
      kind: 'refused',
      revision,
      error: {
        code: 'unreadable',
        file: path,
        message: `The incident register ${path} is not UTF-8 text (saved in another encoding, or damaged); save it as UTF-8 in a text editor, or restore a backup. Candor did not change it.`,
      },
    };
  }
  const read = readRegisterText(text);
  switch (read.kind) {
    case 'ok':
      return { kind: 'ok', register: read.register, revision, bytes };
    case 'newer-version':
      return {
        kind: 'refused',
        revision,
        error: { code: 'newer-version', file: path, message: `The incident register ${path} ${read.reason}.` },
      };
    case 'unreadable':
      return {
        kind: 'refused',
        revision,
        error: { code: 'unreadable', file: path, message: `The incident register ${path} ${read.reason}. Candor did not change it.` },
      };
    case 'invalid':
      return {
        kind: 'refused',
        revision,
        error: {
          code: 'invalid-workspace',
          file: path,
          problems: read.problems,
          message: `The incident register ${path} is not a valid register: ${summarizeProblems(read.problems)}. Fix it in a text editor or restore a backup; Candor did not change it.`,
        },
      };
  }
}

/** Reads and classifies the register at `path`. Never throws. */
export async function readRegisterFile(path: string): Promise<RegisterFileContent> {
  let bytes: Buffer;
  try {
    bytes = await readBoundedFile(path, { maxBytes: REGISTER_SIZE_LIMIT });
  } catch (error) {
    if (isCode(error, 'ENOENT')) return { kind: 'missing' };
    if (error instanceof ReadRefusal) {
      return {
        kind: 'refused',
        error: { code: 'unreadable', file: path, message: `The incident register ${error.message}. Candor did not change it.` },
      };
    }
    return { kind: 'refused', error: { code: 'io', file: path, message: `The incident register ${describeIoError(error, path)}.` } };
  }
  return classifyRegisterBytes(path, bytes);
}

/** Validates and serializes a register for writing; refused with every problem and its path. */
export function prepareRegister(
  input: unknown,
  path: string,
): { ok: true; register: IncidentRegister; bytes: Buffer; revision: string } | { ok: false; error: CandorError } {
  const result = validateRegister(input);
  if (!result.ok) {
    return {
      ok: false,
      error: {
        code: 'invalid-workspace',
        file: path,
        problems: result.problems,
        message: `The incident register was not saved to ${path} because it is not valid: ${summarizeProblems(result.problems)}. Fix the listed fields and save again.`,
      },
    };
  }
  const bytes = Buffer.from(serializeRegister(result.register), 'utf8');
  if (bytes.byteLength > REGISTER_SIZE_LIMIT) {
    return {
      ok: false,
      error: {
        code: 'invalid-argument',
        file: path,
        message: `The incident register was not saved to ${path}: it would be ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, more than the ${REGISTER_SIZE_LIMIT / 1024 / 1024} MB Candor reads back. Keep long evidence in files of its own and refer to them.`,
      },
    };
  }
  return { ok: true, register: result.register, bytes, revision: revisionOf(bytes) };
}

function changedOnDisk(path: string, how: 'changed' | 'created' | 'deleted'): CandorError {
  const what = {
    changed: 'was changed on disk by another program (git, an editor, another Candor) since this version was loaded',
    created: 'was created by another program since Candor looked for it',
    deleted: 'was moved, renamed or deleted since this version was loaded',
  }[how];
  return {
    code: 'changed-on-disk',
    file: path,
    message: `The incident register ${path} ${what}, so Candor did not overwrite it. Reload the incidents to see the file as it is now; your unsaved edits were not written.`,
  };
}

function lockedMessage(path: string, lockPath: string, holder?: LockHolder): string {
  const where = holder?.host ? `in Candor on ${holder.host}` : 'in another Candor window or process';
  return `The incident register ${path} is open ${where} (it holds the lock ${lockPath}), so it is read-only here. Close it there, then reload. If no other Candor is running, the lock is cleared automatically ${STALE_MS / 1000} seconds after that process stopped.`;
}

async function resolvedTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    // A register not created yet: its folder's links resolved, so the lock and backups are those of the real place.
    const folder = await realpath(dirname(path)).catch(() => dirname(path));
    return join(folder, basename(path));
  }
}

export interface RegisterStoreOptions {
  /** Candor's data folder: the backups of the register go there, never beside it */
  dataDir: string;
  now?: () => number;
}

/**
 * One register file, as one Candor process uses it. The lock is taken on first use and kept until
 * `close`; every operation runs one at a time, in call order.
 */
export class IncidentRegisterStore {
  private lock: HeldLock | undefined;
  private readOnly: ReadOnlyReason | undefined;
  private target: string | undefined;
  private backups: BackupStore | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    /** absolute path of the register, as shown */
    readonly path: string,
    private readonly options: RegisterStoreOptions,
  ) {}

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Takes the lock, or learns why this process may only read. */
  private async open(): Promise<void> {
    // Without the lock, every call tries again: the other Candor may have closed the register since.
    if (this.lock) return;
    this.target ??= await resolvedTarget(this.path);
    this.backups ??= backupStoreFor(this.options.dataDir, this.target);
    let held: HeldLock | undefined;
    const attempt = await acquireWorkspaceLock(this.target, (error) => {
      if (this.lock !== held) return;
      this.lock = undefined;
      this.readOnly = {
        kind: 'locked',
        message: `Candor lost its lock on the incident register ${this.path} (${error.message}; this happens when the lock file is removed or the computer slept), so it stopped saving to avoid overwriting another program's changes. Reload the incidents to take the lock again.`,
      };
    });
    if (attempt.ok) {
      held = attempt.lock;
      this.lock = held;
      this.readOnly = undefined;
      await removeStaleTempFiles(this.target);
    } else if (attempt.reason === 'locked') {
      this.readOnly = { kind: 'locked', message: lockedMessage(this.path, attempt.lockPath, attempt.holder) };
    } else {
      this.readOnly = {
        kind: 'not-writable',
        message: `The incident register ${this.path} is read-only: Candor cannot create its lock file ${attempt.lockPath} in that folder (${shortIoReason(attempt.error)}). Make the folder writable and reload.`,
      };
    }
  }

  /** The register as it is on disk now; an empty one (`exists: false`) when there is none yet. */
  get(workspaceFileName?: string): Promise<Result<IncidentRegisterState>> {
    return this.exclusive(async () => {
      await this.open();
      const content = await readRegisterFile(this.target!);
      const readOnly = this.readOnly ? { readOnly: this.readOnly } : {};
      if (content.kind === 'missing') {
        return ok({ path: this.path, exists: false, register: emptyRegister(workspaceFileName), revision: null, ...readOnly });
      }
      if (content.kind === 'refused') return fail({ ...content.error, file: this.path });
      return ok({ path: this.path, exists: true, register: content.register, revision: content.revision, ...readOnly });
    });
  }

  /**
   * Writes `register` if the file on disk is still the one at `baseRevision` (`null`: there must be no
   * file yet). The version it replaces is kept as a backup first.
   */
  save(register: unknown, baseRevision: string | null): Promise<Result<{ revision: string; register: IncidentRegister }>> {
    return this.exclusive(async () => {
      await this.open();
      if (this.readOnly) {
        return fail({
          code: this.readOnly.kind === 'locked' ? 'locked' : 'read-only',
          file: this.path,
          message: `Nothing was saved: ${this.readOnly.message}`,
        });
      }
      const prepared = prepareRegister(register, this.path);
      if (!prepared.ok) return prepared;
      const target = this.target!;
      if (baseRevision === null) {
        try {
          await writeNewFileAtomic(target, prepared.bytes, { mode: 0o600 });
        } catch (error) {
          if (isCode(error, 'EEXIST')) return fail(changedOnDisk(this.path, 'created'));
          return fail({
            code: 'io',
            file: this.path,
            message: `The incident register was not saved: ${describeIoError(error, this.path)}.`,
          });
        }
        return ok({ revision: prepared.revision, register: prepared.register });
      }
      // Staged first, so only a rename separates the last look at the file from its replacement.
      let staged;
      try {
        staged = await stageFileAtomic(target, prepared.bytes, { mode: 0o600 });
      } catch (error) {
        if (isCode(error, 'ENOENT')) return fail(changedOnDisk(this.path, 'deleted'));
        return fail({
          code: 'io',
          file: this.path,
          message: `The incident register was not saved: ${describeIoError(error, this.path)}. The file on disk is unchanged.`,
        });
      }
      const refuse = async (error: CandorError) => {
        await staged.discard();
        return fail<{ revision: string; register: IncidentRegister }>(error);
      };
      const current = await readRegisterFile(target);
      if (current.kind === 'missing') return refuse(changedOnDisk(this.path, 'deleted'));
      if (current.kind === 'refused' && current.revision === undefined) return refuse({ ...current.error, file: this.path });
      if (current.revision !== baseRevision) return refuse(changedOnDisk(this.path, 'changed'));
      // Never written over, even at the revision the caller holds: it is not a register this Candor may write.
      if (current.kind === 'refused') return refuse({ ...current.error, file: this.path });
      if (current.bytes.equals(prepared.bytes)) {
        await staged.discard();
        return ok({ revision: baseRevision, register: prepared.register });
      }
      const backups = this.backups!;
      let backupId: string;
      try {
        backupId = await backups.add(target, current.bytes, current.revision, this.options.now?.() ?? Date.now());
      } catch (error) {
        return refuse({
          code: 'io',
          file: backups.folder,
          message: `Nothing was saved: Candor keeps the previous version of the incident register as a backup before every save, and ${describeIoError(error, backups.folder)}. Free some space or fix the permissions of Candor's data folder.`,
        });
      }
      try {
        await staged.commit();
      } catch (error) {
        if (!staged.replaced) {
          await backups.remove(backupId).catch(() => undefined);
          return fail({
            code: 'io',
            file: this.path,
            message: `The incident register was not saved: ${describeIoError(error, this.path)}. The file on disk is unchanged.`,
          });
        }
        return fail({
          code: 'io',
          file: this.path,
          message: `The incident register ${this.path} was saved, but the disk reported an error while making the save permanent (${describeIoError(error, dirname(this.path))}); check the disk before relying on it.`,
        });
      }
      await backups.prune().catch(() => undefined);
      return ok({ revision: prepared.revision, register: prepared.register });
    });
  }

  /** Lets go of the lock; the next call takes it again. */
  close(): Promise<void> {
    return this.exclusive(async () => {
      const lock = this.lock;
      this.lock = undefined;
      this.readOnly = undefined;
      // Only the holder of the lock compresses the register's backups, as only it adds and prunes them.
      this.backups?.dispose();
      await lock?.release();
    });
  }
}

/**
 * The register of whatever workspace the session has open: its store follows the session, and lets go
 * of the register's lock when the workspace closes or another one opens.
 */
export class SessionIncidents {
  private store: IncidentRegisterStore | undefined;

  constructor(
    private readonly session: WorkspaceSession,
    private readonly options: RegisterStoreOptions,
  ) {
    session.onFileClosed(() => this.release());
  }

  private async release(): Promise<void> {
    const store = this.store;
    this.store = undefined;
    await store?.close();
  }

  /** The open workspace and its register's store, or why there is none. */
  current(): Result<{ workspacePath: string; workspace: Workspace; readOnly?: ReadOnlyReason; store: IncidentRegisterStore }> {
    const state = this.session.state();
    if (state.status === 'error') {
      return fail({
        code: 'no-workspace',
        file: state.path,
        message: `There is no incident register to use: ${state.path} could not be opened, and the register belongs to its workspace. Open a workspace first.`,
      });
    }
    if (state.status !== 'open') {
      return fail({
        code: 'no-workspace',
        message:
          'There is no incident register to use: no workspace is open, and the register is kept beside its workspace. Open a workspace first.',
      });
    }
    const path = registerPathFor(state.path);
    if (this.store?.path !== path) {
      // The session replaced its file without closing (not expected): the old store still lets go of its lock.
      void this.store?.close();
      this.store = new IncidentRegisterStore(path, this.options);
    }
    return ok({
      workspacePath: state.path,
      workspace: state.workspace,
      ...(state.readOnly ? { readOnly: state.readOnly } : {}),
      store: this.store,
    });
  }

  /** Lets go of the register's lock (at shutdown the session's close does this too). */
  close(): Promise<void> {
    return this.release();
  }
}
