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

/** Changes an entry's id and every reference to it, in one edit. */
export function renameEntityId(draft: Workspace, list: EntityList, from: string, to: string): void {
  const entry = draft[list].find((e) => e.id === from);
  if (!entry) return;
  entry.id = to;
  if (list === 'dataTypes') return;
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

/** Removes an entry and every reference to it, in one edit. */
export function deleteEntity(draft: Workspace, list: EntityList, id: string): void {
  const index = draft[list].findIndex((e) => e.id === id);
  if (index === -1) return;
  draft[list].splice(index, 1);
  if (list === 'dataTypes') return;
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
