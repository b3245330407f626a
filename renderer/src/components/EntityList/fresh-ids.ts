// Entries added in this session whose id was generated from the placeholder name ("new-purpose").
// Until the person edits the id or a data type refers to the entry, the id follows the name, so a
// new entry ends up with a meaningful id instead of "new-purpose-3" forever.
import { create } from 'zustand';
import type { EntityListName } from './types';

interface FreshIds {
  ids: ReadonlySet<string>;
  mark(list: EntityListName, id: string): void;
  forget(list: EntityListName, id: string): void;
  rename(list: EntityListName, from: string, to: string): void;
}

const key = (list: EntityListName, id: string) => `${list}:${id}`;

export const useFreshIds = create<FreshIds>()((set) => ({
  ids: new Set(),
  mark: (list, id) => set((s) => ({ ids: new Set(s.ids).add(key(list, id)) })),
  forget: (list, id) =>
    set((s) => {
      if (!s.ids.has(key(list, id))) return s;
      const ids = new Set(s.ids);
      ids.delete(key(list, id));
      return { ids };
    }),
  rename: (list, from, to) =>
    set((s) => {
      const ids = new Set(s.ids);
      ids.delete(key(list, from));
      ids.add(key(list, to));
      return { ids };
    }),
}));

export function isFresh(ids: ReadonlySet<string>, list: EntityListName, id: string): boolean {
  return ids.has(key(list, id));
}
