// Which destinations the EU and the UK treat as adequate for transfers of personal data (GDPR / UK GDPR
// Art 45). The table lives in resources/adequacy.json with its sources and the month it was checked
// (formats-and-law.md §9), so that documents can cite it and a reviewer can re-check it without reading
// code. It is a dated fact about the law, never the user's claim: a workspace saying "adequacy" for
// India is a mistake this module lets lint and documents notice.
import { z } from 'zod';
import table from '../resources/adequacy.json' with { type: 'json' };
import { COUNTRY_CODES, EEA, countryName } from './countries';

export type AdequacyRegime = 'gdpr' | 'uk-gdpr';

/**
 * - inside: not a transfer at all (the EEA under the GDPR; the UK itself under the UK GDPR)
 * - adequate: covered by an adequacy decision or regulations (within `scope` where there is one)
 * - adequate-if-certified: covered only when the recipient is certified (`certification`), which the
 *   caller did not say
 * - not-adequate: a transfer needs another safeguard (SCCs, IDTA or UK Addendum, BCRs, an Art 49 derogation)
 */
export type AdequacyStatus = 'inside' | 'adequate' | 'adequate-if-certified' | 'not-adequate';

export interface AdequacySource {
  name: string;
  url: string;
  /** year and month the list was last checked against the source, "YYYY-MM" */
  checked: string;
}

export interface AdequacyCertification {
  /** the framework the recipient must be certified under, e.g. "EU-US Data Privacy Framework" */
  name: string;
  /** where to check a recipient's certification */
  url: string;
}

export interface AdequacyAnswer {
  status: AdequacyStatus;
  /** the part of the country's recipients the decision covers, when it does not cover all of them */
  scope?: string;
  /** the framework a recipient must be certified under (United States) */
  certification?: AdequacyCertification;
  /** why the answer is not a plain "adequate" or "inside", in one sentence */
  reason?: string;
  source: AdequacySource;
}

const code = z.string().refine((c) => COUNTRY_CODES.includes(c), { message: 'is not an ISO 3166-1 alpha-2 code' });

const SourceSchema = z.strictObject({ name: z.string().min(1), url: z.url(), checked: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });

const EntrySchema = z.strictObject({
  code,
  name: z.string().min(1),
  scope: z.string().min(1).optional(),
  certification: z.strictObject({ name: z.string().min(1), url: z.url() }).optional(),
});

const ListSchema = z.strictObject({
  name: z.string().min(1),
  source: SourceSchema,
  eeaAdequate: z.boolean().optional(),
  countries: z.array(EntrySchema),
  pending: z.array(z.strictObject({ code, note: z.string().min(1) })),
  notes: z.array(z.string().min(1)),
});

const TableSchema = z.strictObject({ about: z.string(), eu: ListSchema, uk: ListSchema });

export type AdequacyEntry = z.infer<typeof EntrySchema>;
export type AdequacyList = z.infer<typeof ListSchema>;

// Parsed once at load, like the store mappings: a mistyped code fails loudly here for the developer
// editing the file, instead of quietly making a country "not adequate".
const TABLE = (() => {
  const parsed = TableSchema.safeParse(table);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`resources/adequacy.json is not valid at ${first.path.join('.')}: ${first.message}`);
  }
  for (const list of [parsed.data.eu, parsed.data.uk]) {
    const seen = new Set<string>();
    for (const entry of list.countries) {
      if (seen.has(entry.code) || EEA.has(entry.code))
        throw new Error(`resources/adequacy.json lists ${entry.code} twice (or an EEA state) in ${list.name}`);
      seen.add(entry.code);
    }
  }
  return parsed.data;
})();

/** The two lists as the JSON holds them (third countries only; the EEA is `EEA` in core/countries.ts). */
export const ADEQUACY_LISTS: Readonly<Record<AdequacyRegime, AdequacyList>> = { gdpr: TABLE.eu, 'uk-gdpr': TABLE.uk };

/** Where each list comes from and when it was checked, for documents to cite. */
export const ADEQUACY_SOURCES: Readonly<Record<AdequacyRegime, AdequacySource>> = { gdpr: TABLE.eu.source, 'uk-gdpr': TABLE.uk.source };

/** The country whose own law the regime is: transfers start from there. */
const HOME: Record<AdequacyRegime, (country: string) => boolean> = {
  gdpr: (c) => EEA.has(c),
  'uk-gdpr': (c) => c === 'GB',
};

const LAW: Record<AdequacyRegime, string> = { gdpr: 'EU', 'uk-gdpr': 'UK' };

/**
 * Every destination the regime treats as adequate, in part or in full (scope, certification), sorted by
 * code; for the UK this includes the EEA states. Places `inside` the regime are not listed.
 */
export function adequateCountries(regime: AdequacyRegime): AdequacyEntry[] {
  const list = ADEQUACY_LISTS[regime];
  const eea = list.eeaAdequate ? [...EEA].map((c) => ({ code: c, name: countryName(c) })) : [];
  return [...eea, ...list.countries].sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * Whether personal data sent from the regime's territory to `country` (ISO 3166-1 alpha-2) goes to an
 * adequate destination. `dpfCertified` says whether the recipient is certified under the framework the
 * regime recognises: the EU-US Data Privacy Framework for the GDPR, its UK Extension for the UK GDPR
 * (an organisation can have the first without the second). Left out, a country that needs it answers
 * `adequate-if-certified`.
 */
export function adequacyFor(regime: AdequacyRegime, country: string, options: { dpfCertified?: boolean } = {}): AdequacyAnswer {
  const list = ADEQUACY_LISTS[regime];
  const source = list.source;
  const c = country.trim().toUpperCase();
  if (HOME[regime](c)) return { status: 'inside', source };
  if (list.eeaAdequate && EEA.has(c)) return { status: 'adequate', source };
  const entry = list.countries.find((e) => e.code === c);
  if (entry?.certification) {
    const { scope, certification } = entry;
    if (options.dpfCertified === true) return { status: 'adequate', scope, certification, source };
    if (options.dpfCertified === false) {
      return {
        status: 'not-adequate',
        scope,
        certification,
        reason: `The ${LAW[regime]} adequacy decision for ${countryName(c)} covers only organisations certified under the ${certification.name}, and this recipient is not.`,
        source,
      };
    }
    return {
      status: 'adequate-if-certified',
      scope,
      certification,
      reason: `Adequate only if the recipient is certified under the ${certification.name}; check ${certification.url}.`,
      source,
    };
  }
  if (entry) return entry.scope ? { status: 'adequate', scope: entry.scope, source } : { status: 'adequate', source };
  if (!COUNTRY_CODES.includes(c))
    return { status: 'not-adequate', reason: `"${country}" is not an ISO 3166-1 alpha-2 country code.`, source };
  const pending = list.pending.find((p) => p.code === c);
  return { status: 'not-adequate', reason: pending?.note ?? `${countryName(c)} has no ${LAW[regime]} adequacy decision.`, source };
}
