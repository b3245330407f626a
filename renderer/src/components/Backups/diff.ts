// What a restore would undo: the differences between a backed-up version and the workspace as it is now,
// by entity id, so a renamed data type shows as changed rather than as one removed and one added.
import type { Workspace } from '../../../../core/schema';
import { count } from '../../../../core/words';

export type ListKey = 'dataTypes' | 'purposes' | 'recipients' | 'collectionPoints';

export const LIST_NOUNS: Record<ListKey, { one: string; many: string }> = {
  dataTypes: { one: 'data type', many: 'data types' },
  purposes: { one: 'purpose', many: 'purposes' },
  recipients: { one: 'recipient', many: 'recipients' },
  collectionPoints: { one: 'collection point', many: 'collection points' },
};

const LIST_KEYS = Object.keys(LIST_NOUNS) as ListKey[];

export interface EntityRef {
  id: string;
  name: string;
  /** the name in the backed-up version, when it differs from today's */
  previousName?: string;
}

export interface ListChanges {
  key: ListKey;
  /** in the workspace now, not in the backup */
  added: EntityRef[];
  /** in the backup, not in the workspace now */
  removed: EntityRef[];
  /** in both, with different content */
  changed: EntityRef[];
  /** same entries, listed in another order (documents follow this order) */
  reordered: boolean;
}

export interface WorkspaceChanges {
  lists: ListChanges[];
  organization: boolean;
  settings: boolean;
  /** nothing differs */
  same: boolean;
}

/** Deep equality of JSON values, ignoring key order (edits add keys at the end, the file sorts them). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra).filter((k) => ra[k] !== undefined);
  if (keys.length !== Object.keys(rb).filter((k) => rb[k] !== undefined).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && jsonEqual(ra[k], rb[k]));
}

interface Entity {
  id: string;
  name: string;
}

function entitiesOf(workspace: Workspace, key: ListKey): Entity[] {
  const list = (workspace as Record<ListKey, unknown>)[key];
  return Array.isArray(list) ? (list as Entity[]) : [];
}

function diffList(key: ListKey, backup: Workspace, current: Workspace): ListChanges {
  const before = entitiesOf(backup, key);
  const now = entitiesOf(current, key);
  const beforeById = new Map(before.map((e) => [e.id, e]));
  const nowIds = new Set(now.map((e) => e.id));
  const added: EntityRef[] = [];
  const changed: EntityRef[] = [];
  for (const entity of now) {
    const old = beforeById.get(entity.id);
    if (!old) added.push({ id: entity.id, name: entity.name });
    else if (!jsonEqual(old, entity)) {
      changed.push(
        old.name !== entity.name ? { id: entity.id, name: entity.name, previousName: old.name } : { id: entity.id, name: entity.name },
      );
    }
  }
  const removed = before.filter((e) => !nowIds.has(e.id)).map((e) => ({ id: e.id, name: e.name }));
  const keptBefore = before.filter((e) => nowIds.has(e.id)).map((e) => e.id);
  const keptNow = now.filter((e) => beforeById.has(e.id)).map((e) => e.id);
  const reordered = keptBefore.some((id, i) => keptNow[i] !== id);
  return { key, added, removed, changed, reordered };
}

/** How the workspace changed since `backup` was current. */
export function changesSince(backup: Workspace, current: Workspace): WorkspaceChanges {
  const lists = LIST_KEYS.map((key) => diffList(key, backup, current));
  const organization = !jsonEqual(backup.organization, current.organization);
  const settings = !jsonEqual(backup.settings ?? {}, current.settings ?? {});
  const same = !organization && !settings && lists.every((l) => !l.reordered && l.added.length + l.removed.length + l.changed.length === 0);
  return { lists, organization, settings, same };
}

export function countOf(n: number, key: ListKey): string {
  return count(n, LIST_NOUNS[key].one, LIST_NOUNS[key].many);
}
