// The conflicts `candor merge` leaves in a workspace (`mergeConflicts`, see docs/workspace-format.md):
// each names a place by a JSON Pointer whose steps into lists name entries by id, and carries base,
// ours and theirs. The file holds ours meanwhile. Resolving one sets the chosen value at its place and
// removes it from the list; the review reports those left as errors.
import { canonicalize } from './canonical';
import type { StoredMergeConflict, Workspace } from './schema';
import {
  ENTRY_FIELDS,
  ENTRY_LISTS,
  formatAt,
  isRecord,
  itemKeys,
  jsonText,
  PARTS,
  type EntryList,
  type Fields,
  type KeyedField,
  type Rec,
} from './semantic-diff';
import { validateWorkspace } from './validate';

export type ConflictSide = 'ours' | 'theirs' | 'base';

/** A conflict as the merge reports it or the file stores it. */
export type Conflict = Pick<StoredMergeConflict, 'path' | 'where' | 'order' | 'base' | 'ours' | 'theirs'>;

/** The unresolved conflicts of a workspace, in file order. */
export function mergeConflictsOf(workspace: Workspace): StoredMergeConflict[] {
  return Array.isArray(workspace.mergeConflicts) ? workspace.mergeConflicts : [];
}

function segmentsOf(path: string): string[] {
  return path === ''
    ? []
    : path
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Whether `path` is `prefix` or lies inside it. */
export function isAtOrUnder(path: string, prefix: string): boolean {
  return path === prefix || prefix === '' || path.startsWith(`${prefix}/`);
}

// How the next step of a path is read in the value it steps into.
type Step =
  | { kind: 'top' }
  | { kind: 'object'; fields?: Fields }
  | { kind: 'entries'; list: EntryList }
  | { kind: 'keyed'; keyed: KeyedField['keyed'] }
  | { kind: 'words' };

function childStep(step: Step, segment: string): Step {
  if (step.kind === 'top') {
    if ((ENTRY_LISTS as readonly string[]).includes(segment)) return { kind: 'entries', list: segment as EntryList };
    const part = PARTS.find((p) => p.key === segment);
    return { kind: 'object', fields: part?.fields };
  }
  if (step.kind === 'entries') return { kind: 'object', fields: ENTRY_FIELDS[step.list] };
  if (step.kind === 'keyed') return { kind: 'object', fields: step.keyed.fields };
  if (step.kind === 'words') return { kind: 'object' };
  const field = step.fields?.[segment];
  if (field && 'keyed' in field) return { kind: 'keyed', keyed: field.keyed };
  if (field && 'words' in field) return { kind: 'words' };
  if (field && 'fields' in field) return { kind: 'object', fields: field.fields };
  return { kind: 'object' };
}

/** The keys of a list's items as paths name them: entries' ids, items' keys, the words themselves. */
function listKeys(step: Step, list: readonly unknown[]): string[] {
  if (step.kind === 'entries') return list.map((e) => (isRecord(e) ? String(e.id) : jsonText(e)));
  if (step.kind === 'keyed') return itemKeys(list, step.keyed.key);
  return list.map((item) => (typeof item === 'string' ? item : jsonText(item)));
}

class Refusal extends Error {}

/**
 * The value with `change` applied at `segments`: `change` gets the value there (undefined where there is
 * none) and how its items are keyed, and returns the new value, or undefined to remove it.
 */
function update(value: unknown, segments: readonly string[], step: Step, change: (old: unknown, step: Step) => unknown): unknown {
  if (segments.length === 0) return change(value, step);
  const [segment, ...rest] = segments;
  const next = childStep(step, segment);
  if (step.kind === 'entries' || step.kind === 'keyed' || step.kind === 'words') {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    const at = listKeys(step, list).indexOf(segment);
    const old = at >= 0 ? list[at] : undefined;
    if (at < 0 && rest.length > 0) {
      // Inside an entry that is gone: nothing to remove, and nowhere to put a value.
      if (change(undefined, next) === undefined) return value;
      throw new Refusal(`the entry "${segment}" it is in is no longer in the workspace`);
    }
    const updated = rest.length === 0 ? change(old, next) : update(old, rest, next, change);
    if (updated === undefined) {
      if (at >= 0) list.splice(at, 1);
    } else if (at >= 0) list[at] = updated;
    // An entry a side kept while the other removed it goes back at the end of its list.
    else list.push(updated);
    return list;
  }
  const record: Rec = isRecord(value) ? { ...value } : {};
  const updated = update(record[segment], rest, next, change);
  if (updated === undefined) delete record[segment];
  else record[segment] = updated;
  return record;
}

/** The list in the order of `keys`: the entries they name take the places those entries hold, in that order; the others stay put. */
function reorder(list: unknown, step: Step, keys: readonly unknown[]): unknown {
  if (!Array.isArray(list)) return list;
  const current = listKeys(step, list);
  const wanted = keys.map(String).filter((k) => current.includes(k));
  const named = new Set(wanted);
  const queue = wanted.map((k) => list[current.indexOf(k)]);
  return list.map((item, i) => (named.has(current[i]) ? queue.shift() : item));
}

function copy(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

export type ResolveResult = { ok: true; workspace: Workspace } | { ok: false; message: string };

const SIDE_WORDS: Record<ConflictSide, string> = { ours: 'ours', theirs: 'theirs', base: 'the base value' };

/**
 * Resolves the conflict at `index` with one side's value: sets it at the conflict's path (or removes
 * what is there where that side has none) and removes the conflict, with any other conflict at or inside
 * that path, which the choice settles too. Refused, with what to do instead, where the choice would
 * leave the workspace invalid. A conflict about the order of a list puts the list in the chosen order.
 */
export function resolveConflict(workspace: Workspace, index: number, side: ConflictSide): ResolveResult {
  const conflicts = mergeConflictsOf(workspace);
  const conflict = conflicts[index];
  if (!conflict) return { ok: false, message: 'That conflict is no longer in the workspace. Choose one from the list as it is now.' };
  const chosen = copy(conflict[side]);
  if (conflict.order && !Array.isArray(chosen)) {
    return { ok: false, message: `There is no ${side} order for this list. Choose ours or theirs.` };
  }
  const rest: Rec = { ...workspace };
  delete rest.mergeConflicts;
  let next: unknown;
  try {
    if (conflict.path === '') {
      next = isRecord(chosen) ? chosen : undefined;
      if (!next) throw new Refusal('that side has no workspace');
    } else {
      next = update(rest, segmentsOf(conflict.path), { kind: 'top' }, (old, step) =>
        conflict.order ? (Array.isArray(chosen) ? reorder(old, step, chosen) : old) : chosen,
      );
    }
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return {
      ok: false,
      message: `Cannot use ${SIDE_WORDS[side]} for ${conflict.where}: ${error.message}. Choose another value, or add the entry back first.`,
    };
  }
  const left = conflicts.filter((c) => c !== conflict && !isAtOrUnder(c.path, conflict.path));
  const result = { ...(next as Rec) } as Workspace;
  delete result.mergeConflicts;
  if (left.length > 0) result.mergeConflicts = left;
  const valid = validateWorkspace(result);
  if (!valid.ok) {
    const problem = valid.problems[0];
    return {
      ok: false,
      message: `Cannot use ${SIDE_WORDS[side]} for ${conflict.where}: the workspace would not be valid (${problem.path ? `${problem.path}: ` : ''}${problem.message}). Change that first (for a removed entry, remove its uses), then choose again, or choose another value.`,
    };
  }
  return { ok: true, workspace: result };
}

/**
 * The conflicts of a merge's inputs that stay unresolved in its result: those either side carries that
 * the other did not resolve (a conflict in base that a side no longer has was resolved there), except
 * where a new conflict is at the same path or the entry a conflict is in is gone from the result. The
 * order does not depend on which side is ours.
 */
export function carriedConflicts(
  base: readonly StoredMergeConflict[],
  ours: readonly StoredMergeConflict[],
  theirs: readonly StoredMergeConflict[],
  merged: Rec,
  fresh: readonly { path: string }[],
  combine: (x: readonly string[], y: readonly string[]) => string[],
): StoredMergeConflict[] {
  const text = (c: StoredMergeConflict) => JSON.stringify(canonicalize({ mergeConflicts: [c] } as Rec).mergeConflicts);
  const byText = new Map<string, StoredMergeConflict>();
  for (const c of [...ours, ...theirs]) byText.set(text(c), c);
  const baseTexts = new Set(base.map(text));
  const ourTexts = new Set(ours.map(text));
  const theirTexts = new Set(theirs.map(text));
  const stays = (key: string) => {
    const c = byText.get(key)!;
    if (baseTexts.has(key) && !(ourTexts.has(key) && theirTexts.has(key))) return false;
    if (fresh.some((f) => f.path === c.path)) return false;
    return entryExists(merged, c.path);
  };
  const order = combine([...new Set(ours.map(text))].filter(stays), [...new Set(theirs.map(text))].filter(stays));
  return order.map((key) => byText.get(key)!);
}

/** Whether the entry a path lies in (`/dataTypes/email-address/…` → that data type) is in the workspace; true for paths outside entries. */
function entryExists(workspace: Rec, path: string): boolean {
  const [list, id, ...inside] = segmentsOf(path);
  if (!(ENTRY_LISTS as readonly string[]).includes(list) || id === undefined || inside.length === 0) return true;
  const entries = Array.isArray(workspace[list]) ? (workspace[list] as unknown[]) : [];
  return entries.some((e) => isRecord(e) && String(e.id) === id);
}

/** Whether the conflict is about an entry as a whole (a data type one side removed while the other changed it). */
function isEntryPath(path: string): boolean {
  const segments = segmentsOf(path);
  return segments.length === 2 && (ENTRY_LISTS as readonly string[]).includes(segments[0]);
}

/** An absent value in words: an entry or list item that side removed, or a field it left unset. */
export function absentWords(conflict: Conflict): string {
  return isEntryPath(conflict.path) || conflict.where.includes(' was removed on one side') ? 'removed' : 'not set';
}

function entryLabel(value: Rec): string {
  const name = typeof value.name === 'string' && value.name.trim() ? value.name.replace(/\s+/g, ' ').trim() : undefined;
  return name ?? (typeof value.id === 'string' ? value.id : jsonText(value));
}

/**
 * One side's value in words where the field has its own way of saying it ("90 days after account
 * closure", purposes by name, an entry by its name, a list's order as names); undefined where it has
 * none, for a reader to show the value's structure. `workspace` gives the names ids stand for.
 */
export function conflictValueWords(workspace: Workspace, conflict: Conflict, side: ConflictSide): string | undefined {
  const value = conflict[side];
  if (value === undefined) return side === 'base' ? 'not set' : absentWords(conflict);
  if (conflict.order && Array.isArray(value)) {
    const segments = segmentsOf(conflict.path);
    const list = segments.length === 1 && (ENTRY_LISTS as readonly string[]).includes(segments[0]) ? segments[0] : undefined;
    const entries = list && Array.isArray((workspace as Rec)[list]) ? ((workspace as Rec)[list] as unknown[]) : [];
    const name = (key: unknown) => {
      const entry = entries.find((e) => isRecord(e) && e.id === key);
      return isRecord(entry) ? entryLabel(entry) : String(key);
    };
    return value.map(name).join(', ');
  }
  if (isEntryPath(conflict.path) && isRecord(value)) return entryLabel(value);
  const format = formatAt(workspace, conflict.path);
  if (format) return format(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** One side's value on one line, at most `limit` characters, for messages. */
export function shortValue(workspace: Workspace, conflict: Conflict, side: ConflictSide, limit = 60): string {
  const value = conflict[side];
  // A text without a format of its own is quoted, so that it reads as the value it is.
  const raw = typeof value === 'string' && !conflict.order && !formatAt(workspace, conflict.path);
  const words = raw ? JSON.stringify(value) : (conflictValueWords(workspace, conflict, side) ?? jsonText(value));
  const text = words.replace(/[\s\u2028\u2029]+/g, ' ').trim();
  return text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text || '""';
}
