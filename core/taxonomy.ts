// Access to the fideslang taxonomy shipped in resources/taxonomy.json.
// Taxonomy: fideslang default taxonomy by Ethyca, Inc., licensed CC BY 4.0
// (https://creativecommons.org/licenses/by/4.0/). Keep this attribution wherever it is redistributed.
import taxonomy from '../resources/taxonomy.json' with { type: 'json' };

export interface TaxonomyEntry {
  key: string;
  name: string;
  description: string;
  parent?: string;
}

export const TAXONOMY_ATTRIBUTION: string = taxonomy.source;
export const DATA_CATEGORIES: readonly TaxonomyEntry[] = taxonomy.dataCategories;
export const DATA_USES: readonly TaxonomyEntry[] = taxonomy.dataUses;
export const DATA_SUBJECTS: readonly TaxonomyEntry[] = taxonomy.dataSubjects;

const byKey = (list: readonly TaxonomyEntry[]) => new Map(list.map((e) => [e.key, e]));
export const CATEGORY_BY_KEY = byKey(DATA_CATEGORIES);
export const USE_BY_KEY = byKey(DATA_USES);
export const SUBJECT_BY_KEY = byKey(DATA_SUBJECTS);

/** The key and its ancestors, most specific first: `user.contact.email` → [`user.contact.email`, `user.contact`, `user`]. */
export function lineage(key: string, index: Map<string, TaxonomyEntry> = CATEGORY_BY_KEY): string[] {
  const out: string[] = [];
  let current: string | undefined = key;
  while (current && !out.includes(current)) {
    out.push(current);
    current = index.get(current)?.parent ?? (current.includes('.') ? current.slice(0, current.lastIndexOf('.')) : undefined);
  }
  return out;
}

export function categoryName(key: string): string {
  return CATEGORY_BY_KEY.get(key)?.name ?? key;
}

/**
 * The category's name as people say it: fideslang's names carry the taxonomy's own prefixes
 * ("User Contact Email", "Precise Subject Location"); Candor shows "Email", "Precise Location".
 */
export function categoryLabel(key: string): string {
  const name = CATEGORY_BY_KEY.get(key)?.name;
  if (!name) return key;
  if (key === 'user' || key === 'system') return name;
  const short = name.replace(/\bSubject /, '').replace(/^User(?:'s)? (?:Contact )?/, '');
  return short ? short[0].toUpperCase() + short.slice(1) : name;
}
