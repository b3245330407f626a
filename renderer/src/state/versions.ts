// The published versions of the open workspace (the archive beside it, electron/services/versions.ts), for
// the Publish version dialog and the Versions screen. A published version never changes, so each one read
// is kept for the session.
import { create } from 'zustand';
import type { ArchivedVersion, CandorError, Result, VersionList } from '../../../core/api';
import { getBridge } from '../transport';

export type VersionListState = { status: 'loading' } | { status: 'ready'; list: VersionList } | { status: 'error'; error: CandorError };

interface VersionsState {
  /** the workspace the list belongs to */
  path?: string;
  list: VersionListState;
  /** reads the list again (after publishing, or when another workspace opened) */
  load(path: string): Promise<void>;
  /** one version as archived; from memory once read */
  read(version: string): Promise<Result<ArchivedVersion>>;
}

const archived = new Map<string, ArchivedVersion>();

export const useVersions = create<VersionsState>()((set, get) => ({
  list: { status: 'loading' },
  async load(path) {
    if (get().path !== path) set({ path, list: { status: 'loading' } });
    const result = await getBridge().invoke('versions-list', {});
    // Another workspace may have opened while this one was read.
    if (get().path !== path) return;
    set({ list: result.ok ? { status: 'ready', list: result.value } : { status: 'error', error: result.error } });
  },
  async read(version) {
    const key = `${get().path ?? ''}\0${version}`;
    const known = archived.get(key);
    if (known) return { ok: true, value: known };
    const result = await getBridge().invoke('version-read', { version });
    if (result.ok) archived.set(key, result.value);
    return result;
  },
}));

/** Today in the person's time zone, as YYYY-MM-DD: the day "in force" is about. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
