// The library of common data types behind "Add data type": search as the person types, then turn the
// pick into a new DataType that carries only what its category does not already imply.
import library from '../resources/data-type-library.json' with { type: 'json' };
import type { CcpaCategoryId } from './identifiers';
import { uniqueId } from './ids';
import { deriveClassification } from './reference';
import type { DataType, Workspace } from './schema';
import { CATEGORY_BY_KEY, USE_BY_KEY, lineage } from './taxonomy';
import { allWordsScore, isPlural, searchText } from './search-text';

export interface LibraryEntry {
  id: string;
  name: string;
  /** fideslang data-category key */
  category: string;
  description: string;
  /** Apple data-type suffix or 'none' */
  apple: string;
  /** Play data-type response id or 'none' */
  play: string;
  ccpa: CcpaCategoryId[];
  gdprSpecial: boolean;
  ccpaSensitive: boolean;
  /** fideslang data-use keys */
  typicalUses: string[];
  /** what people type when they mean this entry */
  keywords: string[];
}

// The identifiers in the JSON are checked by core/reference.test.ts, not at load, to keep start-up free.
export const LIBRARY: readonly LibraryEntry[] = library.entries as LibraryEntry[];

interface Indexed {
  entry: LibraryEntry;
  order: number;
  name: string;
  nameWords: string[];
  keywords: string[];
  keywordWords: string[];
  category: string;
  description: string;
}

// Built once at load so each keystroke only compares short strings.
const INDEX: readonly Indexed[] = LIBRARY.map((entry, order) => {
  const keywords = entry.keywords.map(searchText);
  return {
    entry,
    order,
    name: searchText(entry.name),
    nameWords: searchText(entry.name).split(' '),
    keywords,
    keywordWords: keywords.flatMap((k) => k.split(' ')),
    category: searchText(`${entry.category} ${CATEGORY_BY_KEY.get(entry.category)?.name ?? ''}`),
    description: searchText(entry.description),
  };
});

// How well one typed word matches an entry. Whole words beat prefixes beat substrings, and the name
// beats keywords: "email" must rank "Email address" above "Emails", and "gps" must find the entry
// that lists "gps" as a synonym before one that merely mentions a "gps track".
function tokenScore(item: Indexed, token: string): number {
  if (item.nameWords[0] === token) return 900;
  if (isPlural(item.nameWords[0], token)) return 880;
  if (item.nameWords.includes(token)) return 850;
  if (item.nameWords.some((w) => isPlural(w, token))) return 830;
  if (item.keywords.includes(token)) return 800;
  if (item.name.startsWith(token)) return 700;
  if (item.keywordWords.includes(token)) return 650;
  if (item.nameWords.some((w) => w.startsWith(token))) return 600;
  if (item.keywordWords.some((w) => w.startsWith(token))) return 500;
  if (item.name.includes(token)) return 400;
  if (item.keywords.some((k) => k.includes(token))) return 300;
  if (item.category.includes(token)) return 200;
  if (item.description.includes(token)) return 100;
  return 0;
}

/**
 * Library entries matching what was typed, best first. Every word typed must match somewhere; an
 * exact name or keyword phrase gets a bonus. An empty query lists the library in its own order.
 */
export function searchLibrary(query: string, limit = 20): LibraryEntry[] {
  const phrase = searchText(query);
  if (!phrase) return LIBRARY.slice(0, limit);
  const tokens = phrase.split(' ');
  const scored: { item: Indexed; score: number }[] = [];
  for (const item of INDEX) {
    let score = allWordsScore(tokens, (token) => tokenScore(item, token));
    if (score === 0) continue;
    if (item.name === phrase) score += 2000;
    else if (item.keywords.includes(phrase)) score += 1000;
    else if (tokens.length > 1 && item.name.startsWith(phrase)) score += 500;
    scored.push({ item, score });
  }
  scored.sort((a, b) => b.score - a.score || a.item.name.length - b.item.name.length || a.item.order - b.item.order);
  return scored.slice(0, limit).map((s) => s.item.entry);
}

// Data a person hands over is 'user'; what the device or our servers observe is 'automatic'.
const OBSERVED_CATEGORIES = [
  'system',
  'user.behavior',
  'user.device',
  'user.location',
  'user.telemetry',
  'user.sensor',
  'user.user_sensor',
  'user.unique_id',
  'user.biometric.health',
];

function guessSource(category: string): 'user' | 'automatic' {
  const chain = lineage(category);
  return chain.some((key) => OBSERVED_CATEGORIES.includes(key)) ? 'automatic' : 'user';
}

/** Whether two data-use keys are the same, or one is an ancestor of the other. */
function usesRelated(a: string, b: string): boolean {
  return a === b || lineage(a, USE_BY_KEY).includes(b) || lineage(b, USE_BY_KEY).includes(a);
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * A new draft data type from a library entry, ready to push into `workspace.dataTypes`. Its purposes
 * are the workspace's purposes whose data use relates to one of the entry's typical uses; the list may
 * be empty, in which case the editor asks for one. Overrides are written only where the entry's store
 * and statute answers differ from what its category derives, so the file stays minimal.
 */
export function dataTypeFromLibrary(entry: LibraryEntry, workspace: Workspace): DataType {
  const dataType: DataType = {
    id: uniqueId(
      entry.name,
      workspace.dataTypes.map((d) => d.id),
    ),
    name: entry.name,
    category: entry.category,
    description: entry.description,
    source: guessSource(entry.category),
    purposes: workspace.purposes
      .filter((p) => p.use !== undefined && entry.typicalUses.some((u) => usesRelated(u, p.use as string)))
      .map((p) => p.id),
    status: 'draft',
  };

  const byCategory = deriveClassification({ category: entry.category });
  const sensitivity: NonNullable<DataType['sensitivity']> = {};
  if (entry.gdprSpecial !== byCategory.gdprSpecial) sensitivity.gdprSpecial = entry.gdprSpecial;
  if (entry.ccpaSensitive !== byCategory.ccpaSensitive) sensitivity.ccpaSensitive = entry.ccpaSensitive;
  if (Object.keys(sensitivity).length > 0) dataType.sensitivity = sensitivity;

  // Compared after the sensitivity overrides, because the derived CCPA list follows the sensitive flag.
  const derived = deriveClassification(dataType);
  const classification: NonNullable<DataType['classification']> = {};
  if (entry.apple !== derived.apple) classification.apple = entry.apple as typeof classification.apple;
  if (entry.play !== derived.play) classification.play = entry.play as typeof classification.play;
  // After the store types, because the derived CCPA list follows them (a photo is visual information).
  const derivedCcpa = deriveClassification({ ...dataType, classification }).ccpa;
  if (!sameSet(entry.ccpa, derivedCcpa)) classification.ccpa = [...entry.ccpa];
  if (Object.keys(classification).length > 0) dataType.classification = classification;

  return dataType;
}

/**
 * An empty draft for "Add blank", named what the person typed in the search when there is something
 * (the id is made from that name and follows it); the editor then asks for a category and a purpose.
 */
export function blankDataType(workspace: Workspace, typed = ''): DataType {
  const name = typed.trim().replace(/\s+/g, ' ') || 'New data type';
  return {
    id: uniqueId(
      name,
      workspace.dataTypes.map((d) => d.id),
    ),
    name,
    category: 'user',
    purposes: [],
    status: 'draft',
  };
}
