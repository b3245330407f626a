// A three-way merge of workspaces, for git's merge driver (`candor merge`): entries are matched by id
// (list items by their key, words of a list by the word), and each field is merged on its own, so two
// people editing different entries, or different fields of one entry, merge cleanly. A field both sides
// changed to different values is a conflict: the result keeps "ours" there and the conflict records
// base, ours and theirs for someone to choose, in the result's `mergeConflicts` (core/merge-conflicts.ts
// resolves them). The result is always a valid workspace when the three inputs are: an entry one side
// removed while the other still uses it is kept, as a conflict.
import { canonicalize } from './canonical';
import { jsonEqual } from './entity-diff';
import { carriedConflicts, mergeConflictsOf } from './merge-conflicts';
import type { Workspace } from './schema';
import {
  ENTRY_FIELDS,
  ENTRY_LISTS,
  entryName,
  escapeSegment,
  fieldAt,
  isRecord,
  itemKeys,
  jsonText,
  keysOf,
  NOUNS,
  PARTS,
  type EntryList,
  type Field,
  type Fields,
  type Rec,
} from './semantic-diff';
import { validateWorkspace } from './validate';
import { capitalize } from './words';

export interface MergeConflict {
  /** where, as a JSON Pointer with entries named by id (as in core/semantic-diff.ts) */
  path: string;
  /** the place in words: "Email address: retention", "Purpose Newsletter" */
  where: string;
  /** the conflict is about the order of the list at `path`; the values are its entries' ids (or keys) in each side's order */
  order?: true;
  /** the values; absent where that side has none (not set, or the entry removed) */
  base?: unknown;
  ours?: unknown;
  theirs?: unknown;
}

export interface MergeResult {
  /**
   * the merged workspace, canonical; at each conflict it holds ours, and its `mergeConflicts` lists the
   * new conflicts after those the inputs carried and this merge left unresolved
   */
  workspace: Workspace;
  /** the conflicts of this merge */
  conflicts: MergeConflict[];
}

interface Context {
  conflicts: MergeConflict[];
}

function conflict(ctx: Context, path: string, where: string, base: unknown, ours: unknown, theirs: unknown, order?: true): unknown {
  const record: MergeConflict = { path, where };
  if (order) record.order = true;
  if (base !== undefined) record.base = base;
  if (ours !== undefined) record.ours = ours;
  if (theirs !== undefined) record.theirs = theirs;
  ctx.conflicts.push(record);
  return ours;
}

function join(path: string, segment: string): string {
  return `${path}/${escapeSegment(segment)}`;
}

/**
 * The order of a merged list, given each side's keys and the keys the result keeps. Entries both sides
 * kept follow the side that reordered them (both reordering differently is a conflict, resolved as ours
 * ordered them); an added entry goes after the entry it followed on its side. Entries added at the same
 * place by both sides are ordered by key, so that the result does not depend on which side is ours.
 */
function mergeOrder(
  base: readonly string[],
  ours: readonly string[],
  theirs: readonly string[],
  keep: ReadonlySet<string>,
): { order: string[]; conflict: boolean } {
  const inBase = new Set(base);
  const kept = (list: readonly string[]) => list.filter((k) => keep.has(k) && inBase.has(k));
  const b = kept(base);
  const o = kept(ours);
  const t = kept(theirs);
  let order: string[];
  let clash = false;
  if (jsonEqual(o, b)) order = t;
  else if (jsonEqual(t, b) || jsonEqual(o, t)) order = o;
  else {
    order = o;
    clash = true;
  }
  const position = new Map(order.map((k, i) => [k, i]));
  const anchorIn = (list: readonly string[], key: string): number => {
    for (let i = list.indexOf(key) - 1; i >= 0; i--) {
      const at = position.get(list[i]);
      if (at !== undefined) return at;
    }
    return -1;
  };
  // Added entries, by the kept entry they follow (-1: the start); one added on both sides goes to the earlier place.
  const added = [...new Set([...ours, ...theirs])].filter((k) => keep.has(k) && !inBase.has(k));
  const anchorOf = new Map<string, number>();
  for (const key of added) {
    anchorOf.set(
      key,
      Math.min(ours.includes(key) ? anchorIn(ours, key) : Infinity, theirs.includes(key) ? anchorIn(theirs, key) : Infinity),
    );
  }
  const insert = (anchor: number): string[] =>
    combine(
      ours.filter((k) => anchorOf.get(k) === anchor),
      theirs.filter((k) => anchorOf.get(k) === anchor),
    );
  const result = insert(-1);
  order.forEach((key, i) => result.push(key, ...insert(i)));
  return { order: result, conflict: clash };
}

function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let i = 0;
  for (const key of long) if (key === short[i]) i++;
  return i === short.length;
}

/** Two runs of added entries at one place, in an order that does not depend on which run is ours. */
function combine(x: readonly string[], y: readonly string[]): string[] {
  if (isSubsequence(x, y)) return [...y];
  if (isSubsequence(y, x)) return [...x];
  const [first, second] = JSON.stringify(x) < JSON.stringify(y) ? [x, y] : [y, x];
  return [...new Set([...first, ...second])];
}

interface ListSpec {
  key: (item: unknown) => string;
  /** merges one item present on more than one side */
  item: (path: string, base: unknown, ours: unknown, theirs: unknown) => unknown;
  where: (item: unknown) => string;
}

function mergeList(
  ctx: Context,
  path: string,
  where: string,
  spec: ListSpec,
  base: unknown[],
  ours: unknown[],
  theirs: unknown[],
): unknown[] {
  const keysOfList = (list: unknown[]) => itemKeys(list, (item) => spec.key(item));
  const kb = keysOfList(base);
  const ko = keysOfList(ours);
  const kt = keysOfList(theirs);
  const mb = new Map(kb.map((k, i) => [k, base[i]]));
  const mo = new Map(ko.map((k, i) => [k, ours[i]]));
  const mt = new Map(kt.map((k, i) => [k, theirs[i]]));
  const merged = new Map<string, unknown>();
  for (const key of new Set([...kb, ...ko, ...kt])) {
    const b = mb.get(key);
    const o = mo.get(key);
    const t = mt.get(key);
    const itemPath = join(path, key);
    if (mb.has(key)) {
      if (!mo.has(key) && !mt.has(key)) continue;
      if (!mo.has(key) || !mt.has(key)) {
        // Removed on one side: gone, unless the other side changed it meanwhile.
        const kept = mo.has(key) ? o : t;
        if (jsonEqual(kept, b)) continue;
        const value = conflict(ctx, itemPath, spec.where(kept), b, o, t);
        if (value !== undefined) merged.set(key, value);
        continue;
      }
      merged.set(key, spec.item(itemPath, b, o, t));
    } else if (mo.has(key) && mt.has(key)) {
      merged.set(key, spec.item(itemPath, undefined, o, t));
    } else merged.set(key, mo.has(key) ? o : t);
  }
  const { order, conflict: clash } = mergeOrder(kb, ko, kt, new Set(merged.keys()));
  if (clash) conflict(ctx, path, `${where} order`, kb, ko, kt, true);
  return order.map((key) => merged.get(key)).filter((value) => value !== undefined);
}

function mergeFields(ctx: Context, path: string, where: string, fields: Fields, base: Rec, ours: Rec, theirs: Rec): Rec {
  const out: Rec = {};
  for (const key of keysOf(fields, { ...base, ...ours }, theirs)) {
    const value = mergeValue(ctx, join(path, key), where, fieldAt(fields, key), base[key], ours[key], theirs[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function placeOf(where: string, label: string): string {
  return `${where}: ${label}`;
}

function mergeValue(ctx: Context, path: string, where: string, field: Field, base: unknown, ours: unknown, theirs: unknown): unknown {
  if (jsonEqual(ours, theirs)) return ours;
  if (jsonEqual(base, ours)) return theirs;
  if (jsonEqual(base, theirs)) return ours;
  // Both sides changed it, differently: look inside where the field has parts.
  const place = placeOf(where, field.label);
  const records = isRecord(ours) && isRecord(theirs) && (base === undefined || isRecord(base));
  const lists = Array.isArray(ours) && Array.isArray(theirs) && (base === undefined || Array.isArray(base));
  if ('fields' in field && records) {
    return mergeFields(ctx, path, where, field.fields, (base ?? {}) as Rec, ours as Rec, theirs as Rec);
  }
  if ('map' in field && records) {
    const out: Rec = {};
    for (const key of keysOf({}, { ...((base ?? {}) as Rec), ...(ours as Rec) }, theirs as Rec)) {
      const label = { label: `${field.label} ${key}` };
      const value = mergeValue(
        ctx,
        join(path, key),
        where,
        label,
        (base as Rec | undefined)?.[key],
        (ours as Rec)[key],
        (theirs as Rec)[key],
      );
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  if ('words' in field && lists) {
    const spec: ListSpec = {
      key: (item) => (typeof item === 'string' ? item : jsonText(item)),
      item: (_path, _b, o) => o,
      where: () => place,
    };
    return mergeList(ctx, path, place, spec, (base ?? []) as unknown[], ours as unknown[], theirs as unknown[]);
  }
  if ('keyed' in field && lists) {
    const { keyed } = field;
    const spec: ListSpec = {
      key: (item) => (isRecord(item) ? keyed.key(item) : jsonText(item)),
      item: (itemPath, b, o, t) => {
        const label = isRecord(o) ? keyed.label(o) : field.label;
        if (isRecord(o) && isRecord(t) && (b === undefined || isRecord(b))) {
          return mergeFields(ctx, itemPath, `${where}: ${label}`, keyed.fields, (b ?? {}) as Rec, o, t);
        }
        return mergeValue(ctx, itemPath, where, { label }, b, o, t);
      },
      where: (item) => placeOf(where, isRecord(item) ? keyed.label(item) : field.label),
    };
    return mergeList(ctx, path, place, spec, (base ?? []) as unknown[], ours as unknown[], theirs as unknown[]);
  }
  return conflict(ctx, path, place, base, ours, theirs);
}

function entryWhere(list: EntryList, entry: unknown): string {
  const noun = {
    dataTypes: 'Data type',
    purposes: 'Purpose',
    recipients: 'Recipient',
    collectionPoints: 'Collection point',
    financialIncentives: 'Financial incentive',
  }[list];
  return `${noun} ${isRecord(entry) ? entryName(entry) : jsonText(entry)}`;
}

function mergeEntries(ctx: Context, list: EntryList, base: unknown, ours: unknown, theirs: unknown): unknown[] | undefined {
  const asList = (v: unknown) => (Array.isArray(v) ? v : []);
  if (jsonEqual(ours, theirs)) return ours as unknown[] | undefined;
  if (jsonEqual(base, ours)) return theirs as unknown[] | undefined;
  if (jsonEqual(base, theirs)) return ours as unknown[] | undefined;
  const spec: ListSpec = {
    key: (entry) => (isRecord(entry) ? String(entry.id) : jsonText(entry)),
    item: (path, b, o, t) => {
      if (!isRecord(o) || !isRecord(t)) return mergeValue(ctx, path, entryWhere(list, o), { label: 'entry' }, b, o, t);
      // The name the entry has after the merge, for the conflicts inside it.
      const name = jsonEqual(b && (b as Rec).name, o.name) ? t.name : o.name;
      const where = typeof name === 'string' && name.trim() ? name.replace(/\s+/g, ' ').trim() : String(o.id);
      return mergeFields(ctx, path, where, ENTRY_FIELDS[list], isRecord(b) ? b : {}, o, t);
    },
    where: (entry) => entryWhere(list, entry),
  };
  return mergeList(ctx, `/${list}`, capitalize(NOUNS[list].many), spec, asList(base), asList(ours), asList(theirs));
}

// The references validation checks: a data type's purposes, recipients and collection points, a cookie's
// provider, a financial incentive's data types.
function missingReferences(ws: Rec): { list: EntryList; id: string; by: string }[] {
  const ids = (list: EntryList) =>
    new Set((Array.isArray(ws[list]) ? (ws[list] as unknown[]) : []).filter(isRecord).map((e) => String(e.id)));
  const known = {
    purposes: ids('purposes'),
    recipients: ids('recipients'),
    collectionPoints: ids('collectionPoints'),
    dataTypes: ids('dataTypes'),
    financialIncentives: ids('financialIncentives'),
  };
  const missing: { list: EntryList; id: string; by: string }[] = [];
  const check = (list: EntryList, values: unknown, by: string) => {
    for (const id of Array.isArray(values) ? values : typeof values === 'string' ? [values] : []) {
      if (typeof id === 'string' && !known[list].has(id)) missing.push({ list, id, by });
    }
  };
  for (const d of (ws.dataTypes as unknown[] | undefined) ?? []) {
    if (!isRecord(d)) continue;
    const by = entryWhere('dataTypes', d);
    check('purposes', d.purposes, by);
    check('recipients', d.recipients, by);
    check('collectionPoints', d.collectedAt, by);
  }
  for (const p of (ws.collectionPoints as unknown[] | undefined) ?? []) {
    if (!isRecord(p) || !Array.isArray(p.cookies)) continue;
    for (const c of p.cookies) if (isRecord(c)) check('recipients', c.provider, entryWhere('collectionPoints', p));
  }
  for (const f of (ws.financialIncentives as unknown[] | undefined) ?? []) {
    if (isRecord(f)) check('dataTypes', f.dataTypes, entryWhere('financialIncentives', f));
  }
  return missing;
}

function findEntry(ws: Rec, list: EntryList, id: string): Rec | undefined {
  const entries = Array.isArray(ws[list]) ? (ws[list] as unknown[]) : [];
  return entries.find((e): e is Rec => isRecord(e) && e.id === id);
}

/**
 * Makes the merged workspace valid where combining two valid edits made it invalid: an entry one side
 * removed while the other still uses it (a new data type naming a removed purpose) is kept, and an entry
 * whose merged fields disagree with each other (a recipient's purposes for a recipient that is no longer
 * one of its recipients) takes ours. Each is a conflict. What still fails takes ours as a whole.
 */
function makeValid(ctx: Context, merged: Rec, base: Rec, ours: Rec, theirs: Rec): Rec {
  let ws = merged;
  // Each round restores or replaces at least one entry, so a few rounds settle any real pair of edits.
  for (let round = 0; round < 10; round++) {
    for (const { list, id, by } of missingReferences(ws)) {
      if (findEntry(ws, list, id)) continue;
      const restored = findEntry(ours, list, id) ?? findEntry(theirs, list, id);
      if (!restored) continue;
      ws = { ...ws, [list]: [...((ws[list] as unknown[] | undefined) ?? []), restored] };
      conflict(
        ctx,
        join(`/${list}`, id),
        `${entryWhere(list, restored)} was removed on one side but ${by} uses it`,
        findEntry(base, list, id),
        findEntry(ours, list, id),
        findEntry(theirs, list, id),
      );
    }
    const result = validateWorkspace(ws);
    if (result.ok) return ws;
    let changed = false;
    for (const problem of result.problems) {
      const match = /^(purposes|recipients|collectionPoints|dataTypes|financialIncentives)\[(\d+)\]/.exec(problem.path);
      if (!match) continue;
      const list = match[1] as EntryList;
      const entries = [...((ws[list] as unknown[] | undefined) ?? [])];
      const entry = entries[Number(match[2])];
      if (!isRecord(entry)) continue;
      const id = String(entry.id);
      const fallback = findEntry(ours, list, id) ?? findEntry(theirs, list, id);
      if (!fallback || jsonEqual(fallback, entry)) continue;
      entries[Number(match[2])] = fallback;
      ws = { ...ws, [list]: entries };
      conflict(
        ctx,
        join(`/${list}`, id),
        `${entryWhere(list, entry)}: the two sides' changes do not fit together (${problem.message})`,
        findEntry(base, list, id),
        findEntry(ours, list, id),
        findEntry(theirs, list, id),
      );
      changed = true;
    }
    if (!changed && missingReferences(ws).every(({ list, id }) => !findEntry(ours, list, id) && !findEntry(theirs, list, id))) break;
  }
  if (validateWorkspace(ws).ok) return ws;
  conflict(ctx, '', 'The two sides could not be combined into a valid workspace; this is ours', base, ours, theirs);
  return ours;
}

/**
 * Merges the changes from `base` to `ours` and from `base` to `theirs`. Without conflicts the result
 * does not depend on which side is ours; with an unchanged side it is the other side.
 */
export function mergeWorkspaces(base: Workspace, ours: Workspace, theirs: Workspace): MergeResult {
  const whole = [canonicalize(base), canonicalize(ours), canonicalize(theirs)];
  if (jsonEqual(whole[1], whole[2]) || jsonEqual(whole[0], whole[1])) return { workspace: whole[2] as Workspace, conflicts: [] };
  if (jsonEqual(whole[0], whole[2])) return { workspace: whole[1] as Workspace, conflicts: [] };
  // Conflicts an input carries from an earlier merge are not merged as fields, but carried (below).
  const [b, o, t] = whole.map((ws) => {
    const rest = { ...ws };
    delete rest.mergeConflicts;
    return rest;
  });
  const ctx: Context = { conflicts: [] };
  let merged: Rec;
  if (jsonEqual(o, t) || jsonEqual(b, o)) merged = t;
  else if (jsonEqual(b, t)) merged = o;
  else {
    merged = {};
    const described = new Set<string>([...PARTS.map((p) => p.key), ...ENTRY_LISTS]);
    for (const key of keysOf({}, { ...b, ...o }, t)) {
      const part = PARTS.find((p) => p.key === key);
      let value: unknown;
      if ((ENTRY_LISTS as readonly string[]).includes(key)) value = mergeEntries(ctx, key as EntryList, b[key], o[key], t[key]);
      else if (part) value = mergeValue(ctx, `/${key}`, part.name, { label: part.name, fields: part.fields }, b[key], o[key], t[key]);
      else if (!described.has(key)) value = mergeValue(ctx, join('', key), 'Workspace', { label: key }, b[key], o[key], t[key]);
      if (value !== undefined) merged[key] = value;
    }
    merged = makeValid(ctx, merged, b, o, t);
  }
  const [bc, oc, tc] = whole.map((ws) => mergeConflictsOf(ws as Workspace));
  const all = [...carriedConflicts(bc, oc, tc, merged, ctx.conflicts, combine), ...ctx.conflicts];
  if (all.length > 0) merged = { ...merged, mergeConflicts: all };
  return { workspace: canonicalize(merged) as Workspace, conflicts: ctx.conflicts };
}
