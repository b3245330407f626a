// Apple's required-reason API categories and the reason codes each accepts (formats-and-law.md §1.4), as
// written into PrivacyInfo.xcprivacy under NSPrivacyAccessedAPITypes. The list lives in
// resources/apple-required-reason-apis.json with its source and the month it was checked, so that the
// manifest writer, lint and the UI share one copy and a reviewer can check it without reading code.
import { z } from 'zod';
import table from '../resources/apple-required-reason-apis.json' with { type: 'json' };

export const REQUIRED_REASON_API_PREFIX = 'NSPrivacyAccessedAPICategory';

export interface RequiredReason {
  /** Apple's reason code, e.g. "CA92.1" */
  code: string;
  /** one line in plain English, starting with a capital and without a final full stop */
  meaning: string;
}

export interface RequiredReasonApiCategory {
  /** the full identifier, e.g. "NSPrivacyAccessedAPICategoryUserDefaults" */
  id: string;
  /** the identifier without its prefix, e.g. "UserDefaults" */
  short: string;
  /** what people call it, e.g. "User defaults" */
  label: string;
  /** in Apple's order */
  reasons: readonly RequiredReason[];
}

export interface RequiredReasonSource {
  name: string;
  url: string;
  /** year and month the list was last checked, "YYYY-MM" */
  checked: string;
}

const TableSchema = z.strictObject({
  about: z.string(),
  source: z.strictObject({ name: z.string().min(1), url: z.url(), checked: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }),
  categories: z.array(
    z.strictObject({
      id: z.string().regex(new RegExp(`^${REQUIRED_REASON_API_PREFIX}[A-Z][A-Za-z]+$`)),
      label: z.string().min(1),
      reasons: z.array(z.strictObject({ code: z.string().regex(/^[0-9A-F]{4}\.\d$/), meaning: z.string().min(1) })).min(1),
    }),
  ),
});

// Parsed once at load: a malformed entry fails here for the developer editing the file, not in a
// manifest Xcode rejects.
const TABLE = (() => {
  const parsed = TableSchema.safeParse(table);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`resources/apple-required-reason-apis.json is not valid at ${first.path.join('.')}: ${first.message}`);
  }
  return parsed.data;
})();

export const REQUIRED_REASON_API_SOURCE: Readonly<RequiredReasonSource> = TABLE.source;

export const REQUIRED_REASON_API_CATEGORIES: readonly RequiredReasonApiCategory[] = TABLE.categories.map((c) => ({
  id: c.id,
  short: c.id.slice(REQUIRED_REASON_API_PREFIX.length),
  label: c.label,
  reasons: c.reasons,
}));

const BY_CATEGORY = new Map<string, RequiredReasonApiCategory>(
  REQUIRED_REASON_API_CATEGORIES.flatMap((c) => [[c.id, c] as const, [c.short, c] as const]),
);

const BY_REASON = new Map<string, { category: RequiredReasonApiCategory; reason: RequiredReason }>();
for (const category of REQUIRED_REASON_API_CATEGORIES) {
  for (const reason of category.reasons) {
    // A code under two categories would make the lookup by code ambiguous; Apple's codes are unique.
    if (BY_REASON.has(reason.code)) throw new Error(`resources/apple-required-reason-apis.json lists ${reason.code} twice`);
    BY_REASON.set(reason.code, { category, reason });
  }
}

/** The category by its full identifier ("NSPrivacyAccessedAPICategoryDiskSpace") or without the prefix ("DiskSpace"). */
export function requiredReasonCategory(category: string): RequiredReasonApiCategory | undefined {
  return BY_CATEGORY.get(category);
}

/** The reason with this code and the category it belongs to, e.g. "CA92.1" → User defaults. */
export function requiredReason(code: string): { category: RequiredReasonApiCategory; reason: RequiredReason } | undefined {
  return BY_REASON.get(code);
}

/** The reason when Apple accepts `code` for `category` (full or short identifier); otherwise undefined. */
export function requiredReasonFor(category: string, code: string): RequiredReason | undefined {
  const found = BY_REASON.get(code);
  return found && found.category === requiredReasonCategory(category) ? found.reason : undefined;
}
