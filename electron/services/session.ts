// The open workspace: one file, held by one Candor process at a time, read and written through the
// lowdb adapter in workspace-file.ts. Every operation that touches the file runs one at a time, in
// call order, so a save never interleaves with an open, a reload or another save.
import { access, constants, lstat, readFile, realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Low } from 'lowdb';
import {
  fail,
  ok,
  type BackupEntry,
  type CandorError,
  type CandorEvent,
  type ReadOnlyReason,
  type Result,
  type SessionState,
} from '../../core/api';
import type { Workspace } from '../../core/schema';
import { AppState } from './app-state';
import { isCode, removeStaleTempFiles, stageFileAtomic, writeFileAtomic, writeNewFileAtomic, type StagedFile } from './atomic-write';
import { BackupNotFoundError, backupStoreFor, isBackupId, type BackupMeta, type BackupStore } from './backups';
import { changesSince } from '../../core/entity-diff';
import { watchPath } from './file-watcher';
import { describeIoError, shortIoReason } from './io-error';
import { writeNewWorkspace, type NewWorkspaceRefusal } from './new-workspace';
import { bundledExamplePath } from './paths';
import { acquireWorkspaceLock, lockPathFor, STALE_MS, type HeldLock, type LockHolder } from './workspace-lock';
import { applyChanges, type WorkspaceChanges } from '../../core/changes';
import {
  classifyWorkspaceBytes,
  prepareWrite,
  readWorkspaceFile,
  revisionOf,
  WorkspaceFileAdapter,
  WorkspaceFileError,
} from './workspace-file';

export interface SessionOptions {
  /** the app's data folder: backups, state.json */
  dataDir: string;
  /** the workspace `create(path, { example: true })` copies; the bundled sample by default */
  examplePath?: string;
  /** how long after the last save backups are compressed (2 s); false leaves them whole (tests) */
  compressBackupsAfterMs?: number | false;
}

type OpenOrError = Exclude<SessionState, { status: 'none' }>;

interface OpenFile {
  /** absolute path as the user named it; what the UI shows */
  path: string;
  /** symlinks resolved: what is locked, watched, backed up and written */
  target: string;
  adapter: WorkspaceFileAdapter;
  db: Low<Workspace | null>;
  backups: BackupStore;
  lock?: HeldLock;
  stopWatching?: () => void;
  state: OpenOrError;
  /** revision of the bytes on disk as this session last read or wrote them */
  revision?: string;
  /** revision of a save as or restore in progress, so the watcher does not report it (saves use adapter.committing) */
  writing?: string;
  /** last outside change reported, so one change is reported once */
  reported?: string;
}

/**
 * What the backup of the open version will say about itself: whose workspace, how big, and what the
 * save replacing it changes. Unknown (undefined) when the session does not hold the version on disk.
 */
function backupMeta(state: OpenOrError, next: Workspace): BackupMeta | undefined {
  if (state.status !== 'open') return undefined;
  const before = state.workspace;
  return { organizationName: before.organization.name, dataTypes: before.dataTypes.length, changes: changesSince(before, next) };
}

async function realpathOr(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (isCode(error, 'ENOENT')) return false;
    throw error;
  }
}

/** Why a new workspace was not created, as the app shows it. */
function creationError(display: string, refusal: NewWorkspaceRefusal): CandorError {
  switch (refusal.reason) {
    case 'blank-name':
      return {
        code: 'invalid-argument',
        message: 'The new workspace was not created: the organization name is blank. Give the name used in the documents.',
      };
    case 'exists':
      return {
        code: 'forbidden',
        file: display,
        message: refusal.raced
          ? `${display} was created by another program just now; a new workspace never replaces a file. Choose another name.`
          : `${display} already exists, and a new workspace never replaces a file. Open it instead, or choose another name.`,
      };
    case 'no-folder':
      return {
        code: 'not-found',
        file: display,
        message: `The new workspace was not created: the folder ${refusal.folder} does not exist; create it first or choose another place.`,
      };
    case 'example-unusable':
      return {
        code: refusal.code,
        file: refusal.file,
        message: `The sample workspace ${refusal.file} that comes with Candor could not be used (${refusal.detail}); reinstall Candor.`,
      };
    case 'invalid':
      return refusal.error;
    case 'io':
      return { code: 'io', file: display, message: `The new workspace was not created: ${describeIoError(refusal.error, display)}.` };
  }
}

function lockedMessage(path: string, lockPath: string, holder?: LockHolder): string {
  const since = holder && !Number.isNaN(Date.parse(holder.since)) ? ` since ${new Date(holder.since).toLocaleString()}` : '';
  if (holder?.host) {
    return (
      `${path} is open in Candor on ${holder.host}${since} (it holds the lock ${lockPath}), so it opened read-only here. ` +
      `Close it there, then choose Reload. If Candor is no longer running there, the lock is cleared automatically ${STALE_MS / 1000} seconds after it stopped.`
    );
  }
  if (holder) {
    return (
      `${path} is open in another Candor window or process on this computer${since} (it holds the lock ${lockPath}), so it opened read-only here. ` +
      `Close it there, then choose Reload.`
    );
  }
  return (
    `${path} is open in another Candor window or process (it holds the lock ${lockPath}), so it opened read-only here. ` +
    `Close it there, then choose Reload. If no other Candor is running, the lock is cleared automatically ${STALE_MS / 1000} seconds after that process stopped.`
  );
}

function changedOnDisk(path: string): CandorError {
  return {
    code: 'changed-on-disk',
    file: path,
    message: `${path} was changed on disk by another program (git, an editor, a sync tool) since this version was loaded, so Candor did not overwrite it. Reload to see the file as it is now; your unsaved edits were not written.`,
  };
}

function readOnlyError(path: string, reason: ReadOnlyReason): CandorError {
  return {
    code: reason.kind === 'locked' ? 'locked' : 'read-only',
    file: path,
    message: `Nothing was saved: ${reason.message}`,
  };
}

export class WorkspaceSession {
  private file: OpenFile | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(event: CandorEvent) => void>();
  private readonly appState: AppState;
  /** the path this session last put at the top of the recent list */
  private remembered: string | undefined;
  /** what else lets go of the open file when it closes (the incident register's lock) */
  private readonly closeHooks = new Set<() => Promise<void>>();

  constructor(private readonly options: SessionOptions) {
    this.appState = new AppState(options.dataDir);
  }

  /** Runs `task` after every operation already started has finished. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private emit(event: CandorEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken listener must not keep the others from hearing about the change.
      }
    }
  }

  state(): SessionState {
    return this.file ? this.file.state : { status: 'none' };
  }

  onEvent(listener: (event: CandorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  open(path: string): Promise<SessionState> {
    return this.exclusive(() => this.openNow(resolve(path)));
  }

  reload(): Promise<SessionState> {
    return this.exclusive(async () => {
      const file = this.file;
      if (!file) return { status: 'none' } as const;
      return this.openNow(file.path, file.lock);
    });
  }

  close(): Promise<void> {
    return this.exclusive(() => this.closeNow());
  }

  recent(): Promise<string[]> {
    return this.appState.recent();
  }

  clearRecent(): Promise<void> {
    return this.appState.clearRecent();
  }

  /** Runs `hook` each time the open file is closed (closed, reloaded, or another opened); returns the way to stop. */
  onFileClosed(hook: () => Promise<void>): () => void {
    this.closeHooks.add(hook);
    return () => {
      this.closeHooks.delete(hook);
    };
  }

  private async closeNow(keep?: HeldLock): Promise<void> {
    const file = this.file;
    this.file = undefined;
    if (!file) return;
    file.stopWatching?.();
    file.backups.dispose();
    if (file.lock && file.lock !== keep) await file.lock.release();
    for (const hook of this.closeHooks) await hook().catch(() => undefined);
  }

  /** Takes the lock on `target`; if it is lost later while the session still uses it, the session turns read-only. */
  private async takeLock(target: string) {
    const box: { lock?: HeldLock } = {};
    const attempt = await acquireWorkspaceLock(target, (error) => {
      const file = this.file;
      if (file && box.lock && file.lock === box.lock) this.lockLost(file, error);
    });
    if (attempt.ok) box.lock = attempt.lock;
    return attempt;
  }

  /**
   * Opens `path` (absolute), replacing whatever was open. `heldLock` is a lock on this same file the
   * caller already holds (reload, save as, restore), passed on so there is no moment without it.
   */
  private async openNow(path: string, heldLock?: HeldLock): Promise<SessionState> {
    await this.closeNow(heldLock);
    const target = await realpathOr(path);

    // The lock comes before the read, so no other Candor can write between reading and owning.
    // A held lock only carries over if the path still leads to the same file (a symbolic link may have moved).
    let lock = heldLock && heldLock.lockPath === lockPathFor(target) ? heldLock : undefined;
    if (heldLock && !lock) await heldLock.release();
    let lockProblem: ReadOnlyReason | undefined;
    let leftoverLock: { since?: string } | undefined;
    if (!lock) {
      const attempt = await this.takeLock(target);
      if (attempt.ok) {
        lock = attempt.lock;
        leftoverLock = attempt.leftover;
      } else if (attempt.reason === 'locked') {
        lockProblem = { kind: 'locked', message: lockedMessage(path, attempt.lockPath, attempt.holder) };
      } else if (!isCode(attempt.error, 'ENOENT')) {
        lockProblem = {
          kind: 'not-writable',
          message: `${path} opened read-only: Candor cannot create its lock file ${attempt.lockPath} in that folder (${shortIoReason(attempt.error)}). To edit it, make the folder writable and reload, or use Save as to keep a copy elsewhere.`,
        };
      }
    }

    const adapter = new WorkspaceFileAdapter(target);
    const db = new Low<Workspace | null>(adapter, null);
    let state: OpenOrError;
    let revision: string | undefined;
    try {
      await db.read();
      revision = adapter.revision;
      const readOnly = lockProblem ?? (await this.writeProblem(path, target));
      state = {
        status: 'open',
        path,
        workspace: db.data as Workspace,
        revision: revision as string,
        ...(readOnly ? { readOnly } : {}),
        ...(leftoverLock ? { leftoverLock } : {}),
      };
    } catch (error) {
      if (!(error instanceof WorkspaceFileError)) {
        await lock?.release();
        throw error;
      }
      const content = error.content;
      revision = content.revision;
      if (content.kind === 'newer-version') {
        // This file is never written here, so another (newer) Candor may have it.
        await lock?.release();
        lock = undefined;
        state = {
          status: 'open',
          path,
          workspace: content.data as unknown as Workspace,
          revision: content.revision,
          readOnly: { kind: 'newer-version', message: content.message },
        };
      } else {
        state = { status: 'error', path, error: content.error };
        if (content.error.code === 'not-found') {
          await lock?.release();
          lock = undefined;
        }
        // Otherwise the lock is kept: restoring a backup over this file is the way out, and needs it.
      }
    }

    const file: OpenFile = {
      path,
      target,
      adapter,
      db,
      backups: backupStoreFor(this.options.dataDir, target, { compressAfterMs: this.options.compressBackupsAfterMs }),
      lock,
      state,
      revision,
    };
    this.file = file;
    if (lock) {
      await removeStaleTempFiles(target);
      // Versions an earlier session left whole. Only the holder of the lock compresses, as only it adds
      // and prunes backups: a read-only window never works on the folder at the same time.
      file.backups.scheduleCompression();
    }
    if (revision !== undefined) file.stopWatching = watchPath(target, () => void this.checkDisk(file));
    if (state.status === 'open') await this.remember(path);
    return state;
  }

  private async remember(path: string): Promise<void> {
    // A reload or a save as of the same file leaves the list as it is; no need to rewrite state.json.
    if (path === this.remembered) return;
    try {
      await this.appState.addRecent(path);
      this.remembered = path;
    } catch {
      // The recent list is a convenience; a data folder that cannot be written must not stop the open.
    }
  }

  private async writeProblem(path: string, target: string): Promise<ReadOnlyReason | undefined> {
    for (const [what, where] of [
      ['file', target],
      ['folder', dirname(target)],
    ] as const) {
      try {
        await access(where, constants.W_OK);
      } catch (error) {
        return {
          kind: 'not-writable',
          message: `${path} opened read-only: ${what === 'file' ? 'the file' : `its folder ${where}`} cannot be written (${shortIoReason(error)}). To edit it, fix the permissions and reload, or use Save as to keep a copy elsewhere.`,
        };
      }
    }
    return undefined;
  }

  private lockLost(file: OpenFile, error: Error): void {
    if (this.file !== file) return;
    file.lock = undefined;
    if (file.state.status !== 'open' || file.state.readOnly) return;
    file.state = {
      ...file.state,
      readOnly: {
        kind: 'locked',
        message: `Candor lost its lock on ${file.path} (${error.message}; this happens when the lock file is removed or the computer slept), so it stopped saving to avoid overwriting another program's changes. Choose Reload to take the lock again.`,
      },
    };
    this.emit({ type: 'session-replaced', state: file.state });
  }

  /** Called by the watcher: reports a change that neither this session nor its current save made. */
  private async checkDisk(file: OpenFile): Promise<void> {
    if (this.file !== file) return;
    let revision: string;
    try {
      const bytes = await readFile(file.target);
      // Our own save (the usual reason the folder changed) is recognised without hashing 3 MB.
      const { adapter } = file;
      revision = adapter.revision !== undefined && adapter.bytes?.equals(bytes) ? adapter.revision : revisionOf(bytes);
    } catch (error) {
      if (!isCode(error, 'ENOENT')) return;
      revision = 'missing';
    }
    if (this.file !== file) return;
    if (revision === file.revision || revision === file.writing || revision === file.adapter.committing || revision === file.reported)
      return;
    file.reported = revision;
    this.emit({ type: 'workspace-changed-on-disk', path: file.path });
  }

  /** The file's bytes now, for the check that nothing changed since the session read it. */
  private async readCurrent(file: OpenFile): Promise<Result<Buffer>> {
    try {
      return ok(await readFile(file.target));
    } catch (error) {
      return this.readError(file, error);
    }
  }

  /** Why the file could not be read for a save: gone (changed on disk), or an I/O error. */
  private readError(file: OpenFile, error: unknown): Result<never> {
    if (isCode(error, 'ENOENT')) {
      return fail({
        code: 'changed-on-disk',
        file: file.path,
        message: `${file.path} was moved, renamed or deleted since Candor opened it, so nothing was saved. Use Save as to write your workspace to a file, or reload.`,
      });
    }
    return fail({ code: 'io', file: file.path, message: `Nothing was saved: ${describeIoError(error, file.path)}.` });
  }

  /** Keeps `bytes` (what is on disk now) as a backup; the error says where backups go and why it failed. */
  private async backUp(file: OpenFile, bytes: Buffer, revision: string, meta?: BackupMeta): Promise<Result<string>> {
    try {
      return ok(await file.backups.add(file.target, bytes, revision, Date.now(), meta));
    } catch (error) {
      return fail({
        code: 'io',
        file: file.backups.folder,
        message: `Nothing was saved: Candor keeps the previous version as a backup before every save, and ${describeIoError(error, file.backups.folder)}. Free some space or fix the permissions of Candor's data folder.`,
      });
    }
  }

  /**
   * Saves the edits made since `baseRevision`, sent as changes: what an editor sends after an edit.
   * Unchanged entries are the ones this session already holds, validated and serialized, so a save of
   * a large workspace costs about one entry's work plus the write.
   */
  saveChanges(changes: WorkspaceChanges, baseRevision: string): Promise<Result<{ revision: string }>> {
    return this.exclusive(async () => {
      const file = this.file;
      if (!file || file.state.status !== 'open' || file.revision !== baseRevision) {
        return fail({
          code: 'stale-base',
          ...(file ? { file: file.path } : {}),
          message: 'The changes were made against a version of the workspace this session no longer holds; send the whole workspace.',
        });
      }
      const rebuilt = applyChanges(file.state.workspace, changes);
      if (!rebuilt.ok) {
        return fail({
          code: 'stale-base',
          file: file.path,
          message: `The changes do not fit the saved workspace (${rebuilt.reason}); send the whole workspace.`,
        });
      }
      return this.saveNow(rebuilt.workspace, baseRevision);
    });
  }

  save(workspace: unknown, baseRevision: string): Promise<Result<{ revision: string }>> {
    return this.exclusive(() => this.saveNow(workspace, baseRevision));
  }

  private saveNow(workspace: unknown, baseRevision: string): Promise<Result<{ revision: string }>> {
    return (async () => {
      const file = this.file;
      if (!file || file.state.status !== 'open') {
        const why =
          file?.state.status === 'error'
            ? `${file.path} could not be opened, and Candor never writes over a file it could not read`
            : 'no workspace is open';
        return fail({
          code: 'no-workspace',
          ...(file ? { file: file.path } : {}),
          message: `Nothing was saved: ${why}. Open or create a workspace first.`,
        });
      }
      if (file.state.readOnly) return fail(readOnlyError(file.path, file.state.readOnly));
      const prepared = file.adapter.prepare(workspace);
      if (!prepared.ok) return fail(prepared.error);
      const { prepared: next } = prepared;

      // The bytes of the version the edit was based on. The session nearly always holds them (it wrote
      // or read them last); otherwise they are read, and must be the base revision.
      let base: Buffer;
      const held = file.adapter.bytes;
      if (baseRevision === file.revision && held && file.adapter.revision === baseRevision) {
        base = held;
      } else {
        const current = await this.readCurrent(file);
        if (!current.ok) return current;
        if (revisionOf(current.value) !== baseRevision) return fail(changedOnDisk(file.path));
        base = current.value;
      }
      if (next.bytes.equals(base)) {
        // Same bytes: nothing to write, and no backup of a version identical to the file, once the
        // file is seen to hold them still.
        const same = await this.holds(file, base);
        if (!same.ok) return same;
        if (!same.value) return fail(changedOnDisk(file.path));
        file.revision = baseRevision;
        file.state = { ...file.state, workspace: next.workspace, revision: baseRevision };
        return ok({ revision: baseRevision });
      }

      // The look at the file comes once the new content is staged beside it: only a rename then
      // separates the check from the replacement. The version being replaced becomes a backup here.
      let refusal: Result<never> | undefined;
      let backupId: string | undefined;
      file.adapter.beforeCommit = async () => {
        const same = await this.holds(file, base);
        const backup = !same.ok
          ? same
          : same.value
            ? await this.backUp(file, base, baseRevision, backupMeta(file.state, next.workspace))
            : fail<string>(changedOnDisk(file.path));
        if (!backup.ok) {
          refusal = backup;
          throw new Error(backup.error.message);
        }
        backupId = backup.value;
      };
      file.db.data = next.workspace;
      try {
        await file.db.write();
      } catch (error) {
        if (refusal) return refusal;
        if (file.adapter.bytes === next.bytes && file.adapter.revision !== undefined) {
          // The rename happened; only making it durable failed. The file holds the new version.
          this.wrote(file, next.workspace, file.adapter.revision);
          return fail({
            code: 'io',
            file: file.path,
            message: `${file.path} was saved, but the disk reported an error while making the save permanent (${describeIoError(error, dirname(file.path))}); check the disk before relying on it.`,
          });
        }
        // The file still holds the version just backed up; a second copy of it is noise.
        if (backupId) await file.backups.remove(backupId).catch(() => undefined);
        // The folder is gone (the new content could not even be staged beside the file).
        if (isCode(error, 'ENOENT')) return this.readError(file, error);
        return fail({
          code: 'io',
          file: file.path,
          message: `Nothing was saved: ${describeIoError(error, file.path)}. The file on disk is unchanged.`,
        });
      } finally {
        file.adapter.beforeCommit = undefined;
      }
      const revision = await next.revision;
      this.wrote(file, next.workspace, revision);
      // The backup's summary was written while the file was replaced; a reload right after must find it.
      await file.backups.settled();
      await file.backups.prune().catch(() => undefined);
      return ok({ revision });
    })();
  }

  /** Whether the file still holds `bytes`; the error says why it could not be looked at. */
  private async holds(file: OpenFile, bytes: Buffer): Promise<Result<boolean>> {
    try {
      return ok(await file.adapter.holds(bytes));
    } catch (error) {
      return this.readError(file, error);
    }
  }

  private wrote(file: OpenFile, workspace: Workspace, revision: string): void {
    file.revision = revision;
    if (this.file === file && file.state.status === 'open') file.state = { ...file.state, workspace, revision };
  }

  saveAs(path: string, workspace: unknown): Promise<Result<SessionState>> {
    return this.exclusive(async () => {
      const display = resolve(path);
      const prepared = prepareWrite(workspace, display);
      if (!prepared.ok) return fail(prepared.error);
      const target = await realpathOr(display);
      const current = this.file;
      const same = current !== undefined && current.target === target;
      if (same && current.state.status === 'open' && current.state.readOnly) {
        return fail(readOnlyError(display, current.state.readOnly));
      }

      // Locked before looking at the file, so no other Candor writes it between the look and the write.
      let lock = same ? current.lock : undefined;
      let acquired = false;
      if (!lock) {
        const attempt = await this.takeLock(target);
        if (!attempt.ok) {
          return fail(
            attempt.reason === 'locked'
              ? {
                  code: 'locked',
                  file: display,
                  message: `${display} is open in another Candor window or process (lock ${attempt.lockPath}), so it was not replaced. Close it there first, or choose another name.`,
                }
              : { code: 'io', file: display, message: `Nothing was saved: ${describeIoError(attempt.error, dirname(display))}.` },
          );
        }
        lock = attempt.lock;
        acquired = true;
      }
      const refuse = async (error: CandorError) => {
        if (acquired) await lock.release();
        if (same) current.writing = undefined;
        return fail<SessionState>(error);
      };

      const existing = (await exists(target)) ? await readWorkspaceFile(target) : undefined;
      if (existing?.kind === 'refused') {
        // Never written over, not even on purpose: the damaged file may be someone's only copy.
        return refuse({
          code: 'forbidden',
          file: display,
          message: `Nothing was saved to ${display}: it already exists and Candor cannot read it as a workspace (${existing.error.message}) Choose another name.`,
        });
      }
      if (existing?.kind === 'newer-version') {
        return refuse({
          code: 'read-only',
          file: display,
          message: `${existing.message} Candor does not write over it; choose another name.`,
        });
      }

      const next = prepared.prepared;
      const backups = backupStoreFor(this.options.dataDir, target, { compressAfterMs: this.options.compressBackupsAfterMs });
      try {
        if (!existing) {
          await writeNewFileAtomic(target, next.bytes);
        } else if (existing.revision !== next.revision) {
          // Replacing a workspace the user chose in a Save dialog: its previous version is kept.
          await backups.add(target, existing.bytes, existing.revision);
          if (same) current.writing = next.revision;
          await writeFileAtomic(target, next.bytes);
          await backups.prune().catch(() => undefined);
        }
      } catch (error) {
        return refuse({ code: 'io', file: display, message: `Nothing was saved: ${describeIoError(error, display)}.` });
      }
      // The lock on the new file passes to the session; openNow releases the previous file's.
      return ok(await this.openNow(display, lock));
    });
  }

  create(path: string, options: { example?: boolean; name?: string } = {}): Promise<SessionState> {
    return this.createWorkspace(path, options).then((result) =>
      result.ok ? result.value : { status: 'error', path: resolve(path), error: result.error },
    );
  }

  /**
   * Writes a new workspace at `path` and opens it. Refused (with the session left as it was) when
   * the file exists, the folder does not, or the sample cannot be read.
   */
  createWorkspace(path: string, options: { example?: boolean; name?: string } = {}): Promise<Result<SessionState>> {
    return this.exclusive(async () => {
      const display = resolve(path);
      const examplePath = this.options.examplePath ?? bundledExamplePath();
      const created = await writeNewWorkspace(display, { ...options, examplePath });
      if (!created.ok) return fail(creationError(display, created.refusal));
      return ok(await this.openNow(display));
    });
  }

  async backups(): Promise<BackupEntry[]> {
    const file = this.file;
    return file ? file.backups.list() : [];
  }

  private async backupBytes(file: OpenFile | undefined, id: string): Promise<Result<Buffer>> {
    if (!file)
      return fail({ code: 'no-workspace', message: 'No workspace is open, so there are no backups to show. Open a workspace first.' });
    if (!isBackupId(id)) {
      return fail({
        code: 'invalid-argument',
        message: `"${id}" is not a backup id (ids look like 20261201T093000123Z-0123456789ab); choose a backup from the list.`,
      });
    }
    try {
      return ok(await file.backups.read(id));
    } catch (error) {
      if (error instanceof BackupNotFoundError)
        return fail({ code: 'not-found', file: file.backups.pathOf(id), message: `${error.message}.` });
      // A compressed backup that is damaged or too large: its message names the file and the way out.
      if (isCode(error, 'EBADBACKUP')) return fail({ code: 'io', file: file.backups.pathOf(id), message: `${(error as Error).message}.` });
      return fail({ code: 'io', file: file.backups.pathOf(id), message: `The backup ${describeIoError(error, file.backups.pathOf(id))}.` });
    }
  }

  async readBackup(id: string): Promise<Result<Workspace>> {
    const file = this.file;
    const bytes = await this.backupBytes(file, id);
    if (!bytes.ok) return bytes;
    const content = classifyWorkspaceBytes(file!.backups.pathOf(id), bytes.value);
    if (content.kind === 'ok') return ok(content.workspace);
    if (content.kind === 'newer-version') return fail({ code: 'newer-version', file: file!.backups.pathOf(id), message: content.message });
    return fail(content.error);
  }

  restoreBackup(id: string): Promise<Result<SessionState>> {
    return this.exclusive(async () => {
      const file = this.file;
      const bytes = await this.backupBytes(file, id);
      if (!bytes.ok) return bytes;
      const open = file!;
      const backupPath = open.backups.pathOf(id);
      if (open.state.status === 'open' && open.state.readOnly) return fail(readOnlyError(open.path, open.state.readOnly));
      if (!open.lock) {
        const attempt = await this.takeLock(open.target);
        if (!attempt.ok) {
          return fail({
            code: attempt.reason === 'locked' ? 'locked' : 'io',
            file: open.path,
            message:
              attempt.reason === 'locked'
                ? `The backup was not restored: ${open.path} is open in another Candor window or process (lock ${attempt.lockPath}). Close it there, reload, and try again.`
                : `The backup was not restored: Candor cannot create its lock file ${attempt.lockPath} (${shortIoReason(attempt.error)}). Make the folder writable and try again.`,
          });
        }
        open.lock = attempt.lock;
      }
      const content = classifyWorkspaceBytes(backupPath, bytes.value);
      if (content.kind !== 'ok') {
        return fail({
          code: 'unreadable',
          file: backupPath,
          message: `The backup ${backupPath} is not a workspace this Candor can edit, so it was not restored: ${content.kind === 'refused' ? content.error.message : content.message}`,
        });
      }
      let staged: StagedFile;
      try {
        staged = await stageFileAtomic(open.target, bytes.value);
      } catch (error) {
        return fail({
          code: 'io',
          file: open.path,
          message: `The backup was not restored: ${describeIoError(error, open.path)}. The file on disk is unchanged.`,
        });
      }
      // The version being replaced is kept too, even a damaged one: restoring never loses bytes.
      // It is read after staging, so only the rename separates the copy from the replacement.
      const current = await this.readCurrent(open);
      if (current.ok && !current.value.equals(bytes.value)) {
        const revision = revisionOf(current.value);
        // What the restore changes is known only when the session holds the version on disk.
        const held = open.revision === revision;
        const backup = await this.backUp(open, current.value, revision, held ? backupMeta(open.state, content.workspace) : undefined);
        if (!backup.ok) {
          await staged.discard();
          return backup;
        }
      } else if (!current.ok && current.error.code !== 'changed-on-disk') {
        // Unreadable for another reason than being gone: it cannot be backed up, so it is not replaced.
        await staged.discard();
        return current;
      }
      open.writing = content.revision;
      try {
        await staged.commit();
      } catch (error) {
        open.writing = undefined;
        if (!staged.replaced) {
          return fail({
            code: 'io',
            file: open.path,
            message: `The backup was not restored: ${describeIoError(error, open.path)}. The file on disk is unchanged.`,
          });
        }
      }
      await open.backups.settled();
      await open.backups.prune().catch(() => undefined);
      return ok(await this.openNow(open.path, open.lock));
    });
  }
}
