// Earlier versions of a workspace, kept in the app's data folder (never beside the workspace, so they
// stay out of the team's git repository): <dataDir>/backups/<hash of the workspace path>/<id>.candor.json,
// each with <id>.meta.json saying what the save that replaced it changed. Versions are thinned out by
// age (core/backup-retention.ts): every save of the last hour, one an hour for two days, one a day for 30.
//
// Every save of the last hour is a lot of copies: typing for an hour in a workspace of 2,000 data types
// (3 MB) saves some 4,000 times. So once the saves pause, each version is compressed with gzip
// (<id>.candor.json.gz, a quarter of the size or less), in the background and never during a save.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, open, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { z } from 'zod';
import type { BackupEntry } from '../../core/api';
import { backupsToKeep, DAY } from '../../core/backup-retention';
import { describeChanges, mergeChanges, type WorkspaceChanges } from '../../core/entity-diff';
import { settleDelay } from '../../core/settle';
import { isCode, removeStaleTempFiles, writeNewFileAtomic } from './atomic-write';
import { readBoundedFile, ReadRefusal, WORKSPACE_SIZE_LIMIT } from './bounded-read';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Pruning more often than this gains nothing: every version of the last hour is kept anyway. */
const PRUNE_INTERVAL_MS = 60 * 1000;
/** Compression waits for saves to pause this long, so that it never competes with a run of them… */
const COMPRESS_AFTER_MS = 2_000;
/** …but a version waits at most this long, even while saves go on without a pause. */
const COMPRESS_WITHIN_MS = 20_000;
/** No backup is expanded beyond what a workspace file may be: a damaged or foreign file is refused instead. */
const EXPANDED_LIMIT = WORKSPACE_SIZE_LIMIT;

/** What is known about a backup without reading it: kept beside it when it is made. */
export interface BackupMeta {
  organizationName: string;
  dataTypes: number;
  /** what the save that replaced this version changed; absent when it is not known */
  changes?: WorkspaceChanges;
}

const RefSchema = z.object({ id: z.string(), name: z.string(), previousName: z.string().optional() });
const MetaSchema = z.object({
  organizationName: z.string(),
  dataTypes: z.number().int().min(0),
  changes: z
    .object({
      lists: z.array(
        z.object({
          key: z.enum(['dataTypes', 'purposes', 'recipients', 'collectionPoints']),
          added: z.array(RefSchema),
          removed: z.array(RefSchema),
          changed: z.array(RefSchema),
          reordered: z.boolean(),
        }),
      ),
      organization: z.boolean(),
      settings: z.boolean(),
      same: z.boolean(),
    })
    .optional(),
});

/** The calendar day of a time in this machine's time zone, so "one a day" follows the days the list shows. */
function localDay(time: number): number {
  return Math.floor((time - new Date(time).getTimezoneOffset() * 60 * 1000) / DAY);
}

/** `20261201T093000123Z-0123456789ab`: when the version was replaced, then the start of its revision. */
export const BACKUP_ID_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-[0-9a-f]{12}$/;
const SUFFIX = '.candor.json';
const GZ_SUFFIX = '.candor.json.gz';
const META_SUFFIX = '.meta.json';

export function isBackupId(id: string): boolean {
  return BACKUP_ID_PATTERN.test(id);
}

export function backupFolderFor(dataDir: string, workspacePath: string): string {
  const key = createHash('sha256').update(workspacePath).digest('hex').slice(0, 16);
  return join(dataDir, 'backups', key);
}

function stampOf(time: number): string {
  return new Date(time).toISOString().replace(/[-:.]/g, '');
}

function timeOf(id: string): number {
  const m = BACKUP_ID_PATTERN.exec(id);
  if (!m) return Number.NaN;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], +m[7]);
}

const stores = new Map<string, BackupStore>();

/**
 * The one store of a workspace's backups in this process: every session, reload and Save as of the
 * same file shares it, so compression, pruning and removal there always take turns.
 */
export function backupStoreFor(
  dataDir: string,
  workspacePath: string,
  /** for the store's first use in this process; see `BackupStore` */
  options: { compressAfterMs?: number | false } = {},
): BackupStore {
  const folder = backupFolderFor(dataDir, workspacePath);
  let store = stores.get(folder);
  if (!store) stores.set(folder, (store = new BackupStore(folder, localDay, options)));
  return store;
}

export class BackupNotFoundError extends Error {
  constructor(
    readonly id: string,
    folder: string,
  ) {
    super(
      `There is no backup "${id}" in ${folder} any more (older versions are thinned out to one an hour, then one a day, and removed after 30 days); choose one from the current list`,
    );
  }
}

export class BackupStore {
  // Backups never change once written, so what was learned about one stays true.
  private readonly summaries = new Map<string, BackupEntry>();
  /** the newest id this store made, so a save does not list the folder to find it */
  private newest: string | undefined;
  private lastPrune = Number.NEGATIVE_INFINITY;
  /** summaries still being written; whatever reads or removes summaries waits for them */
  private writing: Promise<void> = Promise.resolve();
  /** compression, pruning and removal, one at a time: a version is never compressed while it is removed */
  private exclusive: Promise<unknown> = Promise.resolve();
  private compressTimer: ReturnType<typeof setTimeout> | undefined;
  /** when the oldest version still waiting for compression was added */
  private waitingSince: number | undefined;
  private readonly compressAfterMs: number | false;
  private readonly expandedLimit: number;

  constructor(
    readonly folder: string,
    private readonly dayOf: (time: number) => number = localDay,
    options: {
      /** how long after the last backup its compression starts; false leaves it to `compress()` (tests) */
      compressAfterMs?: number | false;
      /** the most a compressed backup may expand to when read: what a workspace file may hold */
      expandedLimit?: number;
    } = {},
  ) {
    this.compressAfterMs = options.compressAfterMs ?? COMPRESS_AFTER_MS;
    this.expandedLimit = options.expandedLimit ?? EXPANDED_LIMIT;
  }

  /** Runs `task` once every earlier compression, prune or removal has finished. */
  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.exclusive.then(task, task);
    this.exclusive = run.catch(() => undefined);
    return run;
  }

  private fileOf(id: string): string {
    return join(this.folder, `${id}${SUFFIX}`);
  }

  private gzOf(id: string): string {
    return join(this.folder, `${id}${GZ_SUFFIX}`);
  }

  private metaOf(id: string): string {
    return join(this.folder, `${id}${META_SUFFIX}`);
  }

  /** ids, newest first */
  async ids(): Promise<string[]> {
    // A version compressed while it was listed (or by a run a crash cut short) has both files once.
    const { whole, compressed } = await this.stored();
    return [...new Set([...whole, ...compressed])].sort().reverse();
  }

  /** The ids of the versions stored whole and of those stored compressed, as the folder lists them. */
  private async stored(): Promise<{ whole: string[]; compressed: string[] }> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if (isCode(error, 'ENOENT')) return { whole: [], compressed: [] };
      throw error;
    }
    const idsWith = (suffix: string) =>
      names
        .filter((n) => n.endsWith(suffix))
        .map((n) => n.slice(0, -suffix.length))
        .filter(isBackupId);
    return { whole: idsWith(SUFFIX), compressed: idsWith(GZ_SUFFIX) };
  }

  /**
   * Keeps the version of the workspace that is about to be replaced. `source` is the workspace
   * file and `bytes` what was just read from it (`revision` is their hash).
   *
   * The version is hard-linked rather than copied: the save that follows replaces the workspace
   * by renaming a new file over it, so the old inode then belongs to the backup alone. A link costs
   * the same for any file size and needs no fsync of its own, since the bytes are already on disk
   * as the workspace. Where a link is impossible (the data folder on another disk, a file system
   * without links) the bytes in memory are written instead, without fsync: a backup lost to a power
   * cut in the same instant is an acceptable loss, while an fsync would double the cost of every save.
   * (Until the rename, the backup and the workspace are one inode; a save that fails removes the
   * backup, and only a crash in those few milliseconds leaves them shared until the next save.)
   */
  async add(source: string, bytes: Uint8Array, revision: string, now = Date.now(), meta?: BackupMeta): Promise<string> {
    if (this.newest === undefined) await mkdir(this.folder, { recursive: true });
    const newest = this.newest ?? (await this.ids())[0];
    // Ids must sort in save order even for two saves within one millisecond.
    const time = newest && timeOf(newest) >= now ? timeOf(newest) + 1 : now;
    const id = `${stampOf(time)}-${revision.slice(0, 12)}`;
    const file = this.fileOf(id);
    try {
      await link(source, file);
    } catch (error) {
      if (!isCode(error, 'EXDEV', 'EPERM', 'ENOTSUP', 'ENOSYS', 'EMLINK', 'ENOENT')) throw error;
      await writeFile(file, bytes, { flag: 'wx' });
    }
    this.newest = id;
    // Without fsync, like the copy above: losing a summary to a power cut only makes the list vaguer.
    // For the same reason the save does not wait for it: it is written while the save replaces the file.
    if (meta) {
      const text = JSON.stringify(meta);
      this.writing = this.writing.then(() => writeFile(this.metaOf(id), text).catch(() => undefined));
    }
    this.scheduleCompression(now);
    return id;
  }

  /**
   * Compresses the versions still stored whole once saves have paused (`COMPRESS_AFTER_MS`), or at the
   * latest `COMPRESS_WITHIN_MS` after the oldest of them was added. Also called when a workspace is
   * opened, for versions an earlier session left whole.
   */
  scheduleCompression(now = Date.now()): void {
    if (this.compressAfterMs === false) return;
    this.waitingSince ??= now;
    const delay = settleDelay(now, this.waitingSince, this.compressAfterMs, COMPRESS_WITHIN_MS);
    if (this.compressTimer) clearTimeout(this.compressTimer);
    this.compressTimer = setTimeout(() => {
      this.compressTimer = undefined;
      this.waitingSince = undefined;
      // In the background: a version that cannot be compressed now stays whole and readable.
      void this.compress().catch(() => undefined);
    }, delay);
    // A quit is never held up by compression; what is left whole is compressed next time.
    this.compressTimer.unref?.();
  }

  /** Stops scheduled compression (the workspace was closed); a file being compressed is finished. */
  dispose(): void {
    if (this.compressTimer) clearTimeout(this.compressTimer);
    this.compressTimer = undefined;
    this.waitingSince = undefined;
  }

  /**
   * Compresses every version stored whole, oldest first, one at a time. Each is written beside the
   * whole one atomically and durably (a temporary file, fsync, rename, folder fsync) before the whole
   * one is removed, so a crash at any point leaves at least one complete copy.
   */
  async compress(): Promise<void> {
    await this.writing;
    // Only the versions still whole: the compressed ones (nearly all, after a while) are not opened.
    for (const id of (await this.stored()).whole.sort()) {
      await this.serially(() => this.compressOne(id));
    }
  }

  private async compressOne(id: string): Promise<void> {
    let whole: Buffer;
    try {
      whole = await readFile(this.fileOf(id));
    } catch (error) {
      // Compressed already, or removed by a prune: nothing to do.
      if (isCode(error, 'ENOENT')) return;
      throw error;
    }
    const target = this.gzOf(id);
    // Left by a run that a crash cut short before its rename.
    await removeStaleTempFiles(target);
    try {
      await writeNewFileAtomic(target, await gzipAsync(whole));
    } catch (error) {
      // A run that a crash cut short after its rename left the compressed copy complete.
      if (!isCode(error, 'EEXIST')) throw error;
    }
    await unlink(this.fileOf(id)).catch((error: unknown) => {
      if (!isCode(error, 'ENOENT')) throw error;
    });
  }

  /** Waits for the summaries still being written. */
  settled(): Promise<void> {
    return this.writing;
  }

  /**
   * Thins the backups out by age. What a removed version's save changed is merged into the version
   * before it, so each remaining entry still says everything that changed up to the next one. Runs at
   * most once a minute unless `force` is set.
   */
  async prune(now = Date.now(), force = false): Promise<void> {
    if (!force && now - this.lastPrune < PRUNE_INTERVAL_MS) return;
    this.lastPrune = now;
    await this.serially(() => this.pruneNow(now));
  }

  private async pruneNow(now: number): Promise<void> {
    await this.writing;
    const ids = (await this.ids()).reverse(); // oldest first
    const keep = backupsToKeep(ids.map(timeOf), now, this.dayOf);
    let previous: { id: string; meta: BackupMeta | undefined; dirty: boolean } | undefined;
    const flush = async () => {
      if (previous?.dirty && previous.meta) await writeFile(this.metaOf(previous.id), JSON.stringify(previous.meta));
      if (previous?.dirty) this.summaries.delete(previous.id);
    };
    for (const id of ids) {
      if (keep.has(timeOf(id))) {
        await flush();
        previous = { id, meta: undefined, dirty: false };
        continue;
      }
      if (previous) {
        if (!previous.dirty) previous.meta = await this.readMeta(previous.id);
        const removed = await this.readMeta(id);
        if (previous.meta) {
          // Unknown on either side makes the merged summary unknown, never falsely complete.
          previous.meta =
            previous.meta.changes && removed?.changes
              ? { ...previous.meta, changes: mergeChanges(previous.meta.changes, removed.changes) }
              : { organizationName: previous.meta.organizationName, dataTypes: previous.meta.dataTypes };
        }
        previous.dirty = true;
      }
      await this.removeNow(id);
    }
    await flush();
  }

  remove(id: string): Promise<void> {
    return this.serially(() => this.removeNow(id));
  }

  private async removeNow(id: string): Promise<void> {
    await this.writing;
    this.summaries.delete(id);
    if (this.newest === id) this.newest = undefined;
    for (const path of [this.fileOf(id), this.gzOf(id), this.metaOf(id)]) {
      await unlink(path).catch((error: unknown) => {
        if (!isCode(error, 'ENOENT')) throw error;
      });
    }
  }

  private async readMeta(id: string): Promise<BackupMeta | undefined> {
    try {
      const parsed = MetaSchema.safeParse(JSON.parse(await readFile(this.metaOf(id), 'utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      // No summary (a backup made before summaries existed) or a damaged one: the entry is read instead.
      return undefined;
    }
  }

  async read(id: string): Promise<Buffer> {
    if (!isBackupId(id)) throw new BackupNotFoundError(id, this.folder);
    try {
      return await readFile(this.fileOf(id));
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw error;
    }
    // Compressed (the compressed copy is complete before the whole one goes, so one of them is there).
    const tooLarge = `expands to more than ${this.expandedLimit / 1024 / 1024} MB, more than a workspace may hold`;
    const refuse = (why: string) =>
      Object.assign(new Error(`The backup ${this.gzOf(id)} ${why}; choose another version`), { code: 'EBADBACKUP' });
    let packed: Buffer;
    try {
      // Compressed, it is smaller than what it expands to, or it is not one of Candor's.
      packed = await readBoundedFile(this.gzOf(id), { maxBytes: this.expandedLimit });
    } catch (error) {
      if (isCode(error, 'ENOENT')) throw new BackupNotFoundError(id, this.folder);
      if (error instanceof ReadRefusal && error.code === 'too-large') throw refuse(tooLarge);
      throw error;
    }
    try {
      return await gunzipAsync(packed, { maxOutputLength: this.expandedLimit });
    } catch (error) {
      throw refuse(
        isCode(error, 'ERR_BUFFER_TOO_LARGE') ? tooLarge : `is damaged (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }

  /** Where the backup `id` lives, for messages: its compressed file once it is compressed. */
  pathOf(id: string): string {
    const whole = this.fileOf(id);
    return isBackupId(id) && !existsSync(whole) && existsSync(this.gzOf(id)) ? this.gzOf(id) : whole;
  }

  /** The size of the version itself: a compressed file records it in its last four bytes (RFC 1952). */
  private async sizeOf(id: string): Promise<number> {
    try {
      return (await stat(this.fileOf(id))).size;
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw error;
    }
    const handle = await open(this.gzOf(id), 'r');
    try {
      const { size } = await handle.stat();
      const tail = Buffer.alloc(4);
      if (size < 18 || (await handle.read(tail, 0, 4, size - 4)).bytesRead !== 4) return size;
      return tail.readUInt32LE(0);
    } finally {
      await handle.close();
    }
  }

  async list(): Promise<BackupEntry[]> {
    await this.writing;
    const entries: BackupEntry[] = [];
    for (const id of await this.ids()) {
      let entry = this.summaries.get(id);
      if (!entry) {
        try {
          entry = await this.summarize(id);
        } catch (error) {
          // Pruned by another save between listing and reading: simply not there any more.
          if (isCode(error, 'ENOENT')) continue;
          throw error;
        }
        this.summaries.set(id, entry);
      }
      entries.push(entry);
    }
    return entries;
  }

  private async summarize(id: string): Promise<BackupEntry> {
    const meta = await this.readMeta(id);
    if (meta) {
      const bytes = await this.sizeOf(id);
      const changes = meta.changes ? describeChanges(meta.changes) : undefined;
      return {
        id,
        savedAt: new Date(timeOf(id)).toISOString(),
        bytes,
        organizationName: meta.organizationName,
        dataTypes: meta.dataTypes,
        ...(changes !== undefined ? { changes } : {}),
      };
    }
    let content: Buffer;
    try {
      content = await this.read(id);
    } catch (error) {
      // Gone between listing and reading: the caller skips it.
      if (error instanceof BackupNotFoundError) throw Object.assign(new Error(error.message), { code: 'ENOENT' });
      if (!isCode(error, 'EBADBACKUP')) throw error;
      content = Buffer.alloc(0);
    }
    const raw = content.toString('utf8');
    let organizationName = '(not readable as a workspace)';
    let dataTypes = 0;
    try {
      const data = JSON.parse(raw.replace(/^\uFEFF/, '')) as unknown;
      if (typeof data === 'object' && data !== null) {
        const record = data as { organization?: { name?: unknown }; dataTypes?: unknown };
        if (typeof record.organization?.name === 'string') organizationName = record.organization.name;
        if (Array.isArray(record.dataTypes)) dataTypes = record.dataTypes.length;
      }
    } catch {
      // A version that was already damaged when it was replaced (restoring over a broken file keeps
      // the broken bytes too); it is listed so nothing disappears silently.
    }
    return { id, savedAt: new Date(timeOf(id)).toISOString(), bytes: content.length, organizationName, dataTypes };
  }
}
