// Small per-user state kept in <dataDir>/state.json: for now the list of recently opened workspaces.
// Other keys found in the file are kept, so later versions can add to it.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isCode, writeFileAtomic } from './atomic-write';

export const MAX_RECENT = 10;

export class AppState {
  readonly file: string;

  constructor(readonly dataDir: string) {
    this.file = join(dataDir, 'state.json');
  }

  private async load(): Promise<Record<string, unknown>> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return {};
      throw error;
    }
    try {
      const data = JSON.parse(text) as unknown;
      return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    } catch {
      // A damaged state file only costs the recent list; it is rewritten on the next open.
      return {};
    }
  }

  /** most recent first */
  async recent(): Promise<string[]> {
    const data = await this.load();
    const list = Array.isArray(data.recent) ? data.recent : [];
    return list.filter((p): p is string => typeof p === 'string' && p.length > 0).slice(0, MAX_RECENT);
  }

  async addRecent(path: string): Promise<void> {
    const data = await this.load();
    const previous = Array.isArray(data.recent) ? data.recent.filter((p): p is string => typeof p === 'string') : [];
    const recent = [path, ...previous.filter((p) => p !== path)].slice(0, MAX_RECENT);
    await mkdir(this.dataDir, { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify({ ...data, recent }, null, 2)}\n`, { mode: 0o600 });
  }

  /** Empties the recent list (File → Open Recent → Clear Recent); other keys stay. */
  async clearRecent(): Promise<void> {
    const data = await this.load();
    if (!Array.isArray(data.recent) || data.recent.length === 0) return;
    await mkdir(this.dataDir, { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify({ ...data, recent: [] }, null, 2)}\n`, { mode: 0o600 });
  }
}
