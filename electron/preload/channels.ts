// The IPC channels between the preload script and the main process; nothing else crosses.
export const IPC = {
  /** renderer → main, invoke: one handler call `(name, arg)` → Result */
  invoke: 'candor:invoke',
  /** main → renderer: a CandorEvent */
  event: 'candor:event',
  /** renderer → main: the answer to a flush-request */
  flushed: 'candor:flushed',
  /** renderer → main, invoke: a native open/save dialog `({ kind, defaultPath? })` → path or null */
  choosePath: 'candor:choose-path',
} as const;

export interface ChoosePathOptions {
  kind: 'open' | 'save';
  defaultPath?: string;
  /** what the file is for: a workspace (the default), an export (keeps its extension), an import (CSV or YAML) */
  purpose?: 'workspace' | 'export' | 'import';
}
