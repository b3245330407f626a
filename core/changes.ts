// What changed between the last saved workspace and the one being edited, so a save sends (and the
// backend validates and serializes) only the entries that changed. The editor's workspaces are
// immutable snapshots that share unchanged entries, so "changed" is an identity test.
import { ENTITY_LISTS, type EntityList, type Workspace } from './schema';

type Entry = { id: string } & Record<string, unknown>;

export interface ListChanges {
  /** every entry's id, in the list's new order */
  order: string[];
  /** entries that are new or changed since the base */
  upserts: Entry[];
}

export interface WorkspaceChanges {
  /** top-level values other than the four lists that changed (organization, settings, unknown keys) */
  set: Record<string, unknown>;
  /** top-level keys that were removed */
  unset: string[];
  lists: Partial<Record<EntityList, ListChanges>>;
}

const LIST_SET = new Set<string>(ENTITY_LISTS);

export function diffWorkspace(base: Workspace, next: Workspace): WorkspaceChanges {
  const changes: WorkspaceChanges = { set: {}, unset: [], lists: {} };
  const baseRecord = base as Record<string, unknown>;
  const nextRecord = next as Record<string, unknown>;
  for (const key of Object.keys(nextRecord)) {
    if (LIST_SET.has(key)) continue;
    if (nextRecord[key] !== baseRecord[key]) changes.set[key] = nextRecord[key];
  }
  for (const key of Object.keys(baseRecord)) {
    if (!LIST_SET.has(key) && !(key in nextRecord)) changes.unset.push(key);
  }
  for (const list of ENTITY_LISTS) {
    const before = base[list] as unknown as Entry[];
    const after = next[list] as unknown as Entry[];
    if (before === after) continue;
    changes.lists[list] = { order: after.map((entry) => entry.id), upserts: newEntries(before, after) };
  }
  return changes;
}

/**
 * The entries of `after` that are not in `before`. After an edit the two line up, so they are walked
 * side by side: a different object under the same id at the same place is an edited entry; only an
 * entry that moved is looked up among all of `before`.
 */
function newEntries(before: Entry[], after: Entry[]): Entry[] {
  const upserts: Entry[] = [];
  let unchanged: Set<unknown> | undefined;
  for (let i = 0; i < after.length; i++) {
    const entry = after[i];
    const there = i < before.length ? before[i] : undefined;
    if (entry === there) continue;
    if (there?.id === entry.id) {
      upserts.push(entry);
      continue;
    }
    unchanged ??= new Set<unknown>(before);
    if (!unchanged.has(entry)) upserts.push(entry);
  }
  return upserts;
}

export function isEmptyChange(changes: WorkspaceChanges): boolean {
  return Object.keys(changes.set).length === 0 && changes.unset.length === 0 && Object.keys(changes.lists).length === 0;
}

/**
 * Rebuilds the edited workspace from its base and the changes. Unchanged entries keep their identity,
 * so what was validated and serialized for the base is reused. Returns a reason when the changes
 * don't fit the base (an id in the order that neither the base nor the upserts have).
 */
export function applyChanges(
  base: Workspace,
  changes: WorkspaceChanges,
): { ok: true; workspace: Workspace } | { ok: false; reason: string } {
  const next: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const key of changes.unset) delete next[key];
  for (const [key, value] of Object.entries(changes.set)) {
    if (LIST_SET.has(key)) return { ok: false, reason: `"${key}" is a list and must be sent as list changes` };
    next[key] = value;
  }
  for (const list of ENTITY_LISTS) {
    const change = changes.lists[list];
    if (!change) continue;
    const upserts = new Map<string, Entry>();
    for (const entry of change.upserts) upserts.set(entry.id, entry);
    const before = base[list] as unknown as Entry[];
    // Built only when an id is not where it was: after an edit the order is the base's order.
    let previous: Map<string, Entry> | undefined;
    const entries: Entry[] = [];
    for (let i = 0; i < change.order.length; i++) {
      const id = change.order[i];
      let entry = upserts.get(id);
      // The base is a valid workspace, so an id names one entry and the one at the same place is it.
      if (!entry && i < before.length && before[i].id === id) entry = before[i];
      if (!entry) {
        if (!previous) {
          previous = new Map();
          for (const old of before) if (!previous.has(old.id)) previous.set(old.id, old);
        }
        entry = previous.get(id);
      }
      if (!entry)
        return { ok: false, reason: `${list} lists the id "${id}", which is neither in the saved workspace nor among the changes` };
      entries.push(entry);
    }
    next[list] = entries;
  }
  return { ok: true, workspace: next as Workspace };
}
