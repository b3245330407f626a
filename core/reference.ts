// Reference data as the rest of Candor sees it: how a data type's fideslang category becomes an Apple
// data type, a Google Play data type, CCPA categories and sensitivity flags, and how a purpose's data use
// becomes Apple and Play purposes. The tables live in resources/store-mappings.json so that a reviewer
// can check every answer against docs/reference/formats-and-law.md without reading code.
import { z } from 'zod';
import mappings from '../resources/store-mappings.json' with { type: 'json' };
import {
  APPLE_DATA_TYPES,
  APPLE_DATA_TYPE_IDS,
  APPLE_PURPOSES,
  APPLE_PURPOSE_IDS,
  CCPA_CATEGORIES,
  CCPA_CATEGORY_IDS,
  PLAY_DATA_TYPES,
  PLAY_DATA_TYPE_IDS,
  PLAY_PURPOSES,
  PLAY_PURPOSE_IDS,
  type ApplePurpose,
  type CcpaCategoryId,
  type PlayPurpose,
} from './identifiers';
import type { DataType, Purpose } from './schema';
import { CATEGORY_BY_KEY, DATA_CATEGORIES, DATA_USES, USE_BY_KEY, lineage, type TaxonomyEntry } from './taxonomy';

export type ApplePurposeId = ApplePurpose['id'];
export type PlayPurposeId = PlayPurpose['id'];
/** Where a derived value came from: the data type's own override, or the table entry of its category/use. */
export type Origin = 'override' | 'category';

const tuple = <T extends string>(values: readonly T[]) => values as unknown as [T, ...T[]];

const CategoryMappingSchema = z.strictObject({
  apple: z.enum(tuple([...APPLE_DATA_TYPE_IDS, 'none'])),
  play: z.enum(tuple([...PLAY_DATA_TYPE_IDS, 'none'])),
  ccpa: z.array(z.enum(tuple(CCPA_CATEGORY_IDS as CcpaCategoryId[]))),
  gdprSpecial: z.boolean(),
  ccpaSensitive: z.boolean(),
  note: z.string().optional(),
});

const UseMappingSchema = z.strictObject({
  apple: z.enum(tuple(APPLE_PURPOSE_IDS)),
  play: z.enum(tuple(PLAY_PURPOSE_IDS)),
  note: z.string().optional(),
});

const MappingsSchema = z.object({
  dataCategories: z.object({ source: z.string().min(1), entries: z.record(z.string(), CategoryMappingSchema) }),
  dataUses: z.object({ source: z.string().min(1), entries: z.record(z.string(), UseMappingSchema) }),
});

export type CategoryMapping = z.infer<typeof CategoryMappingSchema>;
export type UseMapping = z.infer<typeof UseMappingSchema>;

// Parsed once at load: a mistyped identifier in the JSON fails loudly here instead of reaching a
// store form. The file ships with the app, so this can only fail for a developer editing it.
const TABLES = (() => {
  const parsed = MappingsSchema.safeParse(mappings);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `resources/store-mappings.json is not valid at ${first.path.join('.')}: ${first.message}; fix the entry (identifiers are listed in core/identifiers.ts)`,
    );
  }
  return parsed.data;
})();

export const CATEGORY_MAPPINGS: Readonly<Record<string, CategoryMapping>> = TABLES.dataCategories.entries;
export const USE_MAPPINGS: Readonly<Record<string, UseMapping>> = TABLES.dataUses.entries;
export const CATEGORY_MAPPINGS_SOURCE = TABLES.dataCategories.source;
export const USE_MAPPINGS_SOURCE = TABLES.dataUses.source;

function nearest<T>(key: string, table: Readonly<Record<string, T>>, index: Map<string, TaxonomyEntry>) {
  for (const candidate of lineage(key, index)) {
    const entry = table[candidate];
    if (entry) return { key: candidate, entry };
  }
  return undefined;
}

const categoryCache = new Map<string, { key: string; entry: CategoryMapping }>();

/**
 * The table entry a category key derives from: its own or its nearest ancestor's. A key outside the
 * taxonomy (which validation reports) falls back to the root `user` entry, so it is still disclosed
 * as "other personal data" rather than silently dropped.
 */
export function categoryMapping(category: string): { key: string; entry: CategoryMapping } {
  let found = categoryCache.get(category);
  if (!found) {
    found = nearest(category, CATEGORY_MAPPINGS, CATEGORY_BY_KEY) ?? { key: 'user', entry: CATEGORY_MAPPINGS.user };
    categoryCache.set(category, found);
  }
  return found;
}

/** The table entry a data-use key derives from, or undefined for a key with no ancestor in the table. */
export function useMapping(use: string): { key: string; entry: UseMapping } | undefined {
  return nearest(use, USE_MAPPINGS, USE_BY_KEY);
}

export interface Classification {
  /** Apple `NSPrivacyCollectedDataType` suffix, or 'none' when the data is not declared to Apple */
  apple: string;
  /** Google Play Data safety response id, or 'none' */
  play: string;
  ccpa: CcpaCategoryId[];
  gdprSpecial: boolean;
  ccpaSensitive: boolean;
  source: { apple: Origin; play: Origin; ccpa: Origin; gdprSpecial: Origin; ccpaSensitive: Origin };
  /** the category key whose table entry supplied the derived values */
  matchedCategory: string;
}

type Classifiable = Pick<DataType, 'category' | 'classification' | 'sensitivity'>;

/** Apple's and Play's types for recordings and images (formats-and-law §1.2, §2.3). */
const RECORDINGS_AND_IMAGES = new Set([
  'PhotosorVideos',
  'AudioData',
  'PSL_PHOTOS',
  'PSL_VIDEOS',
  'PSL_AUDIO',
  'PSL_MUSIC',
  'PSL_OTHER_AUDIO',
]);

/** A data type's store and statute classification: its overrides where set, its category's otherwise. */
export function deriveClassification(dataType: Classifiable): Classification {
  const { key, entry } = categoryMapping(dataType.category);
  const override = dataType.classification ?? {};
  const sensitivity = dataType.sensitivity ?? {};
  const origin = (value: unknown): Origin => (value === undefined ? 'category' : 'override');

  const gdprSpecial = sensitivity.gdprSpecial ?? entry.gdprSpecial;
  const ccpaSensitive = sensitivity.ccpaSensitive ?? entry.ccpaSensitive;

  let ccpa: CcpaCategoryId[];
  if (override.ccpa !== undefined) {
    ccpa = [...override.ccpa];
  } else {
    // Category L *is* the sensitive flag, so a derived list follows a hand-set flag both ways.
    ccpa = entry.ccpa.filter((c) => c !== 'sensitive');
    // Content is "other personal information" unless it is a recording or an image, which is audio or
    // visual information (CCPA H); the store type says which it is.
    const apple = override.apple ?? entry.apple;
    const play = override.play ?? entry.play;
    if (ccpa.includes('other') && (RECORDINGS_AND_IMAGES.has(apple) || RECORDINGS_AND_IMAGES.has(play))) {
      ccpa = ccpa.map((c) => (c === 'other' ? 'sensory' : c));
    }
    if (ccpaSensitive) ccpa.push('sensitive');
  }

  return {
    apple: override.apple ?? entry.apple,
    play: override.play ?? entry.play,
    ccpa,
    gdprSpecial,
    ccpaSensitive,
    source: {
      apple: origin(override.apple),
      play: origin(override.play),
      ccpa: origin(override.ccpa),
      gdprSpecial: origin(sensitivity.gdprSpecial),
      ccpaSensitive: origin(sensitivity.ccpaSensitive),
    },
    matchedCategory: key,
  };
}

export interface StorePurposes {
  apple: ApplePurposeId;
  play: PlayPurposeId;
  /** 'use' = derived from the purpose's data use; 'default' = no use (or an unknown one) to derive from */
  source: { apple: 'override' | 'use' | 'default'; play: 'override' | 'use' | 'default' };
  /** the data-use key whose table entry supplied the derived values, if any */
  matchedUse?: string;
}

// A purpose without a data use yet has no honest store purpose. Apple offers "Other"; Play has no
// "other", and App functionality is the answer that claims least about the data.
const DEFAULT_STORE_PURPOSES = { apple: 'Other', play: 'PSL_APP_FUNCTIONALITY' } as const;

/** A purpose's Apple and Play purposes: `storePurpose` where set, derived from `use` otherwise. */
export function deriveStorePurposes(purpose: Pick<Purpose, 'use' | 'storePurpose'>): StorePurposes {
  const found = purpose.use ? useMapping(purpose.use) : undefined;
  const derived = found?.entry ?? DEFAULT_STORE_PURPOSES;
  const derivedOrigin = found ? 'use' : 'default';
  const override = purpose.storePurpose ?? {};
  return {
    apple: override.apple ?? derived.apple,
    play: override.play ?? derived.play,
    source: {
      apple: override.apple ? 'override' : derivedOrigin,
      play: override.play ? 'override' : derivedOrigin,
    },
    matchedUse: found?.key,
  };
}

const NOT_DECLARED = 'Not declared';
const APPLE_TYPE_LABELS = new Map(APPLE_DATA_TYPES.map((t) => [t.id, t.label]));
const PLAY_TYPE_LABELS = new Map(PLAY_DATA_TYPES.map((t) => [t.id, `${t.category}: ${t.label}`]));
const APPLE_PURPOSE_LABELS = new Map<string, string>(APPLE_PURPOSES.map((p) => [p.id, p.label]));
const PLAY_PURPOSE_LABELS = new Map<string, string>(PLAY_PURPOSES.map((p) => [p.id, p.label]));
const CCPA_LABELS = new Map<string, string>(CCPA_CATEGORIES.map((c) => [c.id, c.label]));

/** "EmailAddress" → "Email Address"; "none" → "Not declared"; an unknown id is shown as it is. */
export function appleDataTypeLabel(id: string): string {
  return id === 'none' ? NOT_DECLARED : (APPLE_TYPE_LABELS.get(id) ?? id);
}

/** "PSL_EMAIL" → "Personal info: Email address" (Play's own category and label). */
export function playDataTypeLabel(id: string): string {
  return id === 'none' ? NOT_DECLARED : (PLAY_TYPE_LABELS.get(id) ?? id);
}

export function applePurposeLabel(id: string): string {
  return APPLE_PURPOSE_LABELS.get(id) ?? id;
}

export function playPurposeLabel(id: string): string {
  return PLAY_PURPOSE_LABELS.get(id) ?? id;
}

export function ccpaCategoryLabel(id: string): string {
  return CCPA_LABELS.get(id) ?? id;
}

export interface TaxonomyOption {
  key: string;
  name: string;
  description: string;
  parent?: string;
  /** 0 for a root such as `user` */
  depth: number;
  /** names of the ancestors, root first: ["User Data", "Contact Data"] */
  path: string[];
  /** lower-case key, name, description and ancestor names, for matching typed text */
  searchText: string;
}

function buildOptions(entries: readonly TaxonomyEntry[], index: Map<string, TaxonomyEntry>): readonly TaxonomyOption[] {
  const children = new Map<string | undefined, TaxonomyEntry[]>();
  for (const entry of entries) {
    const parent = entry.parent && index.has(entry.parent) ? entry.parent : undefined;
    const siblings = children.get(parent) ?? [];
    siblings.push(entry);
    children.set(parent, siblings);
  }
  // Depth-first, so each entry follows its parent and a picker can indent by depth.
  const out: TaxonomyOption[] = [];
  const visit = (entry: TaxonomyEntry, path: string[]) => {
    out.push({
      key: entry.key,
      name: entry.name,
      description: entry.description,
      parent: entry.parent,
      depth: path.length,
      path,
      searchText: [entry.key, entry.name, entry.description, ...path].join(' ').toLowerCase(),
    });
    for (const child of children.get(entry.key) ?? []) visit(child, [...path, entry.name]);
  };
  for (const root of children.get(undefined) ?? []) visit(root, []);
  return Object.freeze(out);
}

let categoryOptionCache: readonly TaxonomyOption[] | undefined;
let useOptionCache: readonly TaxonomyOption[] | undefined;

/** Every data category for a searchable picker, parents before children; built once. */
export function categoryOptions(): readonly TaxonomyOption[] {
  categoryOptionCache ??= buildOptions(DATA_CATEGORIES, CATEGORY_BY_KEY);
  return categoryOptionCache;
}

/** Every data use for a searchable picker, parents before children; built once. */
export function useOptions(): readonly TaxonomyOption[] {
  useOptionCache ??= buildOptions(DATA_USES, USE_BY_KEY);
  return useOptionCache;
}

/** Options whose text contains every word typed, in picker order. */
export function filterOptions(options: readonly TaxonomyOption[], query: string): TaxonomyOption[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((o) => words.every((w) => o.searchText.includes(w)));
}
