// Search for the pickers: plain words first. A picker option has a plain name ("Email", "Personalize")
// and a one-line meaning, and may carry taxonomy detail (the fideslang key `user.contact.email`, the names
// of its ancestors). What was typed is matched against all of it, but an option whose name or meaning
// begins with the words typed ranks above one that only mentions them inside a longer taxonomy label or
// its key: typing "personal" puts "Personalize" before "First Party Personalized Advertising".
import { categoryOptions, useOptions, type TaxonomyOption } from './reference';
import { categoryLabel } from './taxonomy';
import { allWordsScore, searchText, searchWords } from './search-text';

export interface SearchableOption {
  /** the plain name people see first */
  name: string;
  /** one line on what it means */
  description?: string;
  /** taxonomy detail shown only as secondary text: keys, ancestor names */
  detail?: readonly string[];
  /** how deep in its taxonomy (0 for a root); shallower entries win ties */
  depth?: number;
}

interface Prepared {
  name: string;
  nameWords: string[];
  descriptionWords: string[];
  description: string;
  detail: string;
}

function prepare(option: SearchableOption): Prepared {
  return {
    name: searchText(option.name),
    nameWords: searchWords(option.name),
    description: searchText(option.description ?? ''),
    descriptionWords: searchWords(option.description ?? ''),
    // Keys are split on their dots and underscores, so `user.contact.email` matches "contact email".
    detail: searchText((option.detail ?? []).join(' ')),
  };
}

// How well one typed word matches: the start of the name, then a whole word of the name, then the start
// of one of its words, then the meaning, then taxonomy detail, then a fragment anywhere.
function tokenScore(item: Prepared, token: string, first: boolean): number {
  if (first && item.name.startsWith(token)) return 1000;
  if (item.nameWords.includes(token)) return 900;
  if (item.nameWords.some((w) => w.startsWith(token))) return 700;
  if (item.descriptionWords.includes(token)) return 500;
  if (item.descriptionWords.some((w) => w.startsWith(token))) return 400;
  if (item.name.includes(token)) return 300;
  if (item.detail.split(' ').some((w) => w.startsWith(token))) return 200;
  if (item.description.includes(token) || item.detail.includes(token)) return 100;
  return 0;
}

/** How well `option` matches what was typed; 0 when some typed word matches nowhere. */
export function matchScore(option: SearchableOption, query: string): number {
  const tokens = searchWords(query);
  if (tokens.length === 0) return 1;
  const item = prepare(option);
  let score = allWordsScore(tokens, (token, first) => tokenScore(item, token, first));
  if (score === 0) return 0;
  const phrase = tokens.join(' ');
  if (item.name === phrase) score += 5000;
  else if (item.name.startsWith(phrase)) score += 2000;
  else if (item.description.startsWith(phrase)) score += 600;
  return score;
}

/**
 * The options matching what was typed, best first: plain-name matches before matches in the meaning,
 * before matches only in taxonomy detail; ties go to the shallower, then the shorter name, then the
 * original order. An empty query returns every option in its own order.
 */
export function rankOptions<T extends SearchableOption>(options: readonly T[], query: string): T[] {
  if (searchWords(query).length === 0) return [...options];
  return options
    .map((option, order) => ({ option, order, score: matchScore(option, query) }))
    .filter((s) => s.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.option.depth ?? 0) - (b.option.depth ?? 0) ||
        a.option.name.length - b.option.name.length ||
        a.order - b.order,
    )
    .map((s) => s.option);
}

/** A taxonomy entry as a picker shows it: plain name and meaning first, key and ancestors as detail. */
export interface TaxonomyPickerOption extends SearchableOption {
  value: string;
  description: string;
  depth: number;
  /** ancestor names below the root, "Contact Data › …", for the secondary line */
  path: string;
}

function pickerOptions(options: readonly TaxonomyOption[], label: (key: string, name: string) => string): TaxonomyPickerOption[] {
  return options.map((o) => ({
    value: o.key,
    name: label(o.key, o.name),
    description: o.description,
    depth: o.depth,
    path: o.path.slice(1).join(' › '),
    detail: [o.key, o.name, ...o.path],
  }));
}

let categoryCache: TaxonomyPickerOption[] | undefined;
let useCache: TaxonomyPickerOption[] | undefined;

/** The data categories for a picker: "Email" (fideslang's "User Contact Email", `user.contact.email`). */
export function categoryPickerOptions(): readonly TaxonomyPickerOption[] {
  categoryCache ??= pickerOptions(categoryOptions(), (key) => categoryLabel(key));
  return categoryCache;
}

/** The data uses for a picker, by name, with their meaning. */
export function dataUsePickerOptions(): readonly TaxonomyPickerOption[] {
  useCache ??= pickerOptions(useOptions(), (_key, name) => name);
  return useCache;
}
