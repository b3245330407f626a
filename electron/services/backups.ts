// The last versions of a workspace, kept in the app's data folder (never beside the workspace, so
// they stay out of the team's git repository): <dataDir>/backups/<hash of the workspace path>/<id>.candor.json
import { createHash } from 'node:crypto';
import { link, mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupEntry } from '../../core/api';
import { isCode } from './atomic-write';

export const MAX_BACKUPS = 20;

/** `20261201T093000123Z-0123456789ab`: when the version was replaced, then the start of its revision. */
export const BACKUP_ID_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-[0-9a-f]{12}$/;
const SUFFIX = '.candor.json';

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
      `There is no backup "${id}" in ${folder} any more (only the last ${MAX_BACKUPS} versions are kept); choose one from the current list`,
    );
  }
}

export class BackupStore {
  // Backups never change once written, so what was learned about one stays true.
  private readonly summaries = new Map<string, BackupEntry>();

  constructor(
    readonly folder: string,
    private readonly keep = MAX_BACKUPS,
  ) {}

  private fileOf(id: string): string {
    return join(this.folder, `${id}${SUFFIX}`);
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
  async add(source: string, bytes: Uint8Array, revision: string, now = Date.now()): Promise<string> {
    await mkdir(this.folder, { recursive: true });
    const newest = (await this.ids())[0];
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
    return id;
  }

  /** Removes all but the newest `keep` backups. */
  async prune(): Promise<void> {
    const ids = await this.ids();
    for (const id of ids.slice(this.keep)) {
      await this.remove(id);
    }
  }

  async remove(id: string): Promise<void> {
    this.summaries.delete(id);
    await unlink(this.fileOf(id)).catch((error: unknown) => {
      if (!isCode(error, 'ENOENT')) throw error;
    });
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
