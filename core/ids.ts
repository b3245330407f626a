// Ids are lower-case slugs, unique within their list and stable forever; references are by id.
import { tidyRecipientPurposes } from './recipient-purposes';
import type { EntityList, Workspace } from './schema';

/** "Send the monthly email!" → "send-the-monthly-email" */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'item';
}

/** The slug itself if free, else the slug with -2, -3, … appended. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const root = slugify(base);
  if (!used.has(root)) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

const REFERENCE_FIELD = { purposes: 'purposes', recipients: 'recipients', collectionPoints: 'collectedAt' } as const;

/** The data types that refer to an entry of a list, by index. */
export function dataTypesUsing(
  workspace: Workspace,
  list: Exclude<EntityList, 'dataTypes'>,
  id: string,
): { index: number; id: string; name: string }[] {
  const field = REFERENCE_FIELD[list];
  const out: { index: number; id: string; name: string }[] = [];
  workspace.dataTypes.forEach((dataType, index) => {
    if (dataType[field]?.includes(id)) out.push({ index, id: dataType.id, name: dataType.name });
  });
  return out;
}

/**
 * Whether `id` was made from `name` by Candor (its slug, or the slug with -2, -3, … appended to keep it
 * unique) rather than typed by hand. Such an id follows the name when it is renamed.
 */
export function isAutoId(id: string, name: string): boolean {
  const slug = slugify(name);
  if (id === slug) return true;
  return id.startsWith(`${slug}-`) && /^[1-9]\d*$/.test(id.slice(slug.length + 1));
}

/**
 * Renames entry `index` of `list`. When its id was automatic (`auto`, by default judged from the name
 * before this rename), the id follows the new name, unique in its list, and every reference to it in the
 * workspace moves along, in the same edit, so a placeholder id such as `new-data-type` never outlives
 * its placeholder name. A blank name keeps the id. Returns the entry's id afterwards.
 */
export function renameEntity(draft: Workspace, list: EntityList, index: number, name: string, auto?: boolean): string {
  const entry = draft[list][index];
  if (!entry) return '';
  const follows = auto ?? isAutoId(entry.id, entry.name);
  entry.name = name;
  if (!follows || name.trim() === '') return entry.id;
  const next = uniqueId(
    name,
    draft[list].filter((_, i) => i !== index).map((e) => e.id),
  );
  if (next !== entry.id) renameIdAt(draft, list, index, next);
  return next;
}

/** Changes an entry's id and every reference to it, in one edit. */
export function renameEntityId(draft: Workspace, list: EntityList, from: string, to: string): void {
  const index = draft[list].findIndex((e) => e.id === from);
  if (index !== -1) renameIdAt(draft, list, index, to);
}

// By position, so that of two entries sharing an id (a problem validation reports) the intended one moves.
function renameIdAt(draft: Workspace, list: EntityList, index: number, to: string): void {
  const entry = draft[list][index];
  const from = entry.id;
  entry.id = to;
  if (list === 'dataTypes') {
    for (const incentive of draft.financialIncentives ?? []) {
      if (incentive.dataTypes) incentive.dataTypes = incentive.dataTypes.map((d) => (d === from ? to : d));
    }
    return;
  }
  if (list === 'recipients') {
    for (const point of draft.collectionPoints) {
      for (const cookie of point.cookies ?? []) if (cookie.provider === from) cookie.provider = to;
    }
  }
  const field = REFERENCE_FIELD[list];
  for (const dataType of draft.dataTypes) {
    const refs = dataType[field];
    if (refs) dataType[field] = refs.map((r) => (r === from ? to : r));
    const map = dataType.recipientPurposes;
    if (!map) continue;
    if (list === 'recipients' && from in map) {
      dataType.recipientPurposes = Object.fromEntries(Object.entries(map).map(([key, value]) => [key === from ? to : key, value]));
    } else if (list === 'purposes') {
      for (const key of Object.keys(map)) map[key] = map[key].map((p) => (p === from ? to : p));
    }
  }
}

/** The cookies a recipient provides, with the collection point that sets each. */
export function cookiesProvidedBy(workspace: Workspace, recipientId: string): { point: string; name: string }[] {
  const out: { point: string; name: string }[] = [];
  for (const point of workspace.collectionPoints) {
    for (const cookie of point.cookies ?? []) {
      if (cookie.provider === recipientId) out.push({ point: point.name || point.id, name: cookie.name });
    }
  }
  return out;
}

/**
 * Removes an entry and every reference to it, in one edit. A deleted recipient's cookies go with it:
 * kept without a provider they would read as the organisation's own, which they are not. A deleted data
 * type leaves the financial incentives that named it.
 */
export function deleteEntity(draft: Workspace, list: EntityList, id: string): void {
  const index = draft[list].findIndex((e) => e.id === id);
  if (index === -1) return;
  draft[list].splice(index, 1);
  if (list === 'dataTypes') {
    // A financial incentive no longer involves a deleted data type.
    for (const incentive of draft.financialIncentives ?? []) {
      if (!incentive.dataTypes?.includes(id)) continue;
      const rest = incentive.dataTypes.filter((d) => d !== id);
      if (rest.length > 0) incentive.dataTypes = rest;
      else delete incentive.dataTypes;
    }
    return;
  }
  if (list === 'recipients') {
    for (const point of draft.collectionPoints) {
      if (!point.cookies?.some((c) => c.provider === id)) continue;
      const rest = point.cookies.filter((c) => c.provider !== id);
      if (rest.length > 0) point.cookies = rest;
      else delete point.cookies;
    }
  }
  const field = REFERENCE_FIELD[list];
  for (const dataType of draft.dataTypes) {
    const refs = dataType[field];
    if (!refs?.includes(id)) continue;
    const rest = refs.filter((r) => r !== id);
    if (rest.length > 0 || field === 'purposes') dataType[field] = rest;
    else delete dataType[field];
    // A recipient that received the data only for a deleted purpose no longer receives it.
    tidyRecipientPurposes(dataType);
  }
}
