// Earlier versions of a workspace, kept in the app's data folder (never beside the workspace, so they
// stay out of the team's git repository): <dataDir>/backups/<hash of the workspace path>/<id>.candor.json,
// each with <id>.meta.json saying what the save that replaced it changed. Versions are thinned out by
// age (core/backup-retention.ts): every save of the last hour, one an hour for two days, one a day for 30.
import { createHash } from 'node:crypto';
import { link, mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { BackupEntry } from '../../core/api';
import { backupsToKeep, DAY } from '../../core/backup-retention';
import { describeChanges, mergeChanges, type WorkspaceChanges } from '../../core/entity-diff';
import { isCode } from './atomic-write';

/** Pruning more often than this gains nothing: every version of the last hour is kept anyway. */
const PRUNE_INTERVAL_MS = 60 * 1000;

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

  constructor(
    readonly folder: string,
    private readonly dayOf: (time: number) => number = localDay,
  ) {}

  private fileOf(id: string): string {
    return join(this.folder, `${id}${SUFFIX}`);
  }

  private metaOf(id: string): string {
    return join(this.folder, `${id}${META_SUFFIX}`);
  }

  /** ids, newest first */
  async ids(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if (isCode(error, 'ENOENT')) return [];
      throw error;
    }
    return names
      .filter((n) => n.endsWith(SUFFIX))
      .map((n) => n.slice(0, -SUFFIX.length))
      .filter(isBackupId)
      .sort()
      .reverse();
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
    return id;
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
      await this.remove(id);
    }
    await flush();
  }

  async remove(id: string): Promise<void> {
    await this.writing;
    this.summaries.delete(id);
    if (this.newest === id) this.newest = undefined;
    for (const path of [this.fileOf(id), this.metaOf(id)]) {
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
      if (isCode(error, 'ENOENT')) throw new BackupNotFoundError(id, this.folder);
      throw error;
    }
  }

  /** Where the backup `id` lives, for messages. */
  pathOf(id: string): string {
    return this.fileOf(id);
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
    const file = this.fileOf(id);
    const meta = await this.readMeta(id);
    if (meta) {
      const info = await stat(file);
      const changes = meta.changes ? describeChanges(meta.changes) : undefined;
      return {
        id,
        savedAt: new Date(timeOf(id)).toISOString(),
        bytes: info.size,
        organizationName: meta.organizationName,
        dataTypes: meta.dataTypes,
        ...(changes !== undefined ? { changes } : {}),
      };
    }
    const [info, raw] = await Promise.all([stat(file), readFile(file, 'utf8')]);
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
    return { id, savedAt: new Date(timeOf(id)).toISOString(), bytes: info.size, organizationName, dataTypes };
  }
}
