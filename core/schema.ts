// The workspace file, format version 1, exactly as docs/workspace-format.md describes it.
// This schema is the single source of truth: TypeScript types are inferred from it and
// resources/workspace.schema.json is generated from it (scripts/generate-schema.ts).
import { z } from 'zod';
import {
  APPLE_DATA_TYPE_IDS,
  APPLE_PURPOSE_IDS,
  CCPA_CATEGORY_IDS,
  PLAY_ACCOUNT_CREATION,
  PLAY_DATA_TYPE_IDS,
  PLAY_PURPOSE_IDS,
} from './identifiers';
import { COUNTRY_CODES } from './countries';

export const FORMAT = 'candor/workspace';
export const FORMAT_VERSION = 1;

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A well-formed web address; checked by the review (core/lint/completeness.ts), not by validation. */
export const HTTPS_URL_PATTERN = /^https:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/i;
/** A well-formed e-mail address; checked by the review, not by validation. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const tuple = <T extends string>(values: readonly T[]) => values as unknown as [T, ...T[]];

export const Slug = z
  .string()
  .regex(SLUG_PATTERN, 'must be a lower-case slug such as "email-address": letters a–z, digits and single hyphens');
export const DateString = z
  .string()
  .regex(DATE_PATTERN, 'must be a date written YYYY-MM-DD, such as 2026-12-01')
  .refine((v) => isCalendarDate(v), { message: 'is not a real calendar date' });
// Web and e-mail addresses are text to validation: an address typed half-way ("stillwater.app", "ana@")
// is saved as typed and the review asks for a well-formed one (core/lint/completeness.ts).
export const HttpsUrl = z.string().describe('An absolute https:// address, such as https://example.com/privacy');
export const Email = z.string().describe('An email address, such as privacy@example.com');
export const CountryCode = z.enum(tuple(COUNTRY_CODES), {
  error: 'must be a two-letter ISO 3166-1 country code in capitals, such as US, DE or IN',
});
const text = z.string();

// Validation checks every date of a workspace on each open (2,000 and more), so this is arithmetic
// rather than a Date and a split per value.
export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  // Years 0–99 were never accepted (Date.UTC reads them as 1900–1999); they stay refused.
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

/**
 * The regimes a workspace's documents must satisfy. `ccpa` is California. The `us-…` ids are the other US
 * states with a comprehensive privacy law in force (resources/us-states.json says which law, from when, and
 * what it asks); `us-wa` and `us-nv` are the consumer health data laws of Washington and Nevada.
 */
export const JURISDICTIONS = [
  'gdpr',
  'uk-gdpr',
  'ccpa',
  'us-va',
  'us-co',
  'us-ct',
  'us-ut',
  'us-tx',
  'us-or',
  'us-mt',
  'us-ia',
  'us-de',
  'us-ne',
  'us-nh',
  'us-nj',
  'us-tn',
  'us-mn',
  'us-md',
  'us-in',
  'us-ky',
  'us-ri',
  'us-wa',
  'us-nv',
] as const;
export const LAWFUL_BASES = ['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests'] as const;
export const RECIPIENT_ROLES = ['processor', 'controller', 'joint-controller', 'public-authority'] as const;
/**
 * How a transfer to a third country is protected (GDPR / UK GDPR Chapter V). 'adequacy' is only a claim:
 * whether a country is adequate comes from resources/adequacy.json (core/transfers.ts). 'sccs' are the
 * European Commission's clauses (EU transfers); 'idta' and 'uk-addendum' are the UK's instruments (UK
 * transfers only); 'codes' and 'certification' are Art 46(2)(e) and (f).
 */
export const TRANSFER_SAFEGUARDS = [
  'adequacy',
  'sccs',
  'idta',
  'uk-addendum',
  'bcrs',
  'codes',
  'certification',
  'derogation',
  'none',
] as const;
/** The Art 49(1) points (a)-(g) a derogation can rely on, in order. */
export const TRANSFER_DEROGATIONS = [
  'explicit-consent',
  'contract-with-person',
  'contract-in-person-interest',
  'public-interest',
  'legal-claims',
  'vital-interests',
  'public-register',
] as const;
export const PLATFORMS = ['web', 'ios', 'android', 'desktop', 'backend', 'other'] as const;
export const PERMISSIONS = [
  'camera',
  'microphone',
  'photos',
  'photos-add',
  'location-when-in-use',
  'location-always',
  'contacts',
  'calendars',
  'reminders',
  'bluetooth',
  'motion',
  'health-read',
  'health-write',
  'tracking',
  'speech',
  'face-id',
  'local-network',
  'notifications',
] as const;
export const SOURCES = ['user', 'automatic', 'third-party'] as const;
export const RETENTION_UNITS = ['days', 'weeks', 'months', 'years'] as const;
export const RETENTION_EVENTS = [
  'collection',
  'last-activity',
  'account-closure',
  'consent-withdrawal',
  'purpose-fulfilled',
  'contract-end',
] as const;
export const SPECIAL_CONDITIONS = [
  'explicit-consent',
  'employment',
  'vital-interests',
  'not-for-profit',
  'made-public',
  'legal-claims',
  'substantial-public-interest',
  'health-care',
  'public-health',
  'research',
] as const;
export const STATUSES = ['draft', 'in-review', 'approved'] as const;
/** The Art 22(2) grounds that allow a solely automated decision with legal or similarly significant effect. */
export const DECISION_GROUNDS = ['contract', 'law', 'explicit-consent'] as const;
export const DATA_DELETION = ['yes', 'no', 'auto-deleted'] as const;
/** How a website responds to a browser's Do Not Track signal (CalOPPA, Bus. & Prof. Code 22575(b)(5)). */
export const DO_NOT_TRACK = ['honoured', 'not-honoured'] as const;
export const COOKIE_PARTIES = ['first', 'third'] as const;

// Structure only: what a field must be for the file to be readable and unambiguous. A required text may
// be empty and a required list may be empty; what is still missing is the review's concern.
export const OrganizationSchema = z.looseObject({
  name: text,
  legalName: text.optional(),
  address: text.optional(),
  country: CountryCode.optional(),
  contactEmail: Email.optional(),
  website: HttpsUrl.optional(),
  privacyPolicyUrl: HttpsUrl.optional(),
  accountDeletionUrl: HttpsUrl.optional(),
  optOutUrl: HttpsUrl.optional(),
  /** the "Limit the Use of My Sensitive Personal Information" page (CCPA 1798.135(a)(2)) */
  limitUseUrl: HttpsUrl.optional(),
  /** one "Alternative Opt-out Link" in place of the two CCPA links (11 CCR 7015) */
  alternativeOptOutUrl: HttpsUrl.optional(),
  /** where the Consumer Health Data Privacy Policy is published (Washington, RCW 19.373: linked prominently from the homepage) */
  consumerHealthPolicyUrl: HttpsUrl.optional(),
  /** how people make privacy requests (CCPA 1798.130(a)(1); the other states' "secure and reliable means") */
  requests: z
    .looseObject({
      webFormUrl: HttpsUrl.optional(),
      phone: text.optional(),
      email: Email.optional(),
      postalAddress: text.optional(),
      inApp: text.optional(),
      /** operates exclusively online with a direct relationship with its consumers: email alone is enough (1798.130(a)(1)(A)) */
      onlineOnly: z.boolean().optional(),
      /** how to appeal a refused request (the states other than California): a web address, an email address or words */
      appeal: text.optional(),
    })
    .optional(),
  /** the US facts the notices state */
  usPrivacy: z
    .looseObject({
      /** sensitive personal information is used only for the purposes in 11 CCR 7027(m): no "Limit" link needed */
      sensitiveUseLimited: z.boolean().optional(),
      /** opt-out preference signals such as Global Privacy Control are honoured as opt-outs of sale and sharing */
      optOutSignals: z.boolean().optional(),
      /** how they are honoured, in words (for the browser, the device, the account when signed in) */
      optOutSignalsHow: text.optional(),
      doNotTrack: z.enum(DO_NOT_TRACK).optional(),
      /** has actual knowledge that it sells or shares personal information of consumers under 16 */
      sellsUnder16: z.boolean().optional(),
    })
    .optional(),
  dpo: z
    .looseObject({
      name: text.optional(),
      email: Email.optional(),
      address: text.optional(),
    })
    .optional(),
  representatives: z
    .array(
      z.looseObject({
        region: z.enum(['eu', 'uk']),
        name: text,
        address: text.optional(),
        email: Email.optional(),
      }),
    )
    .optional(),
  supervisoryAuthority: z
    .looseObject({
      name: text.optional(),
      url: HttpsUrl.optional(),
    })
    .optional(),
  jurisdictions: z.array(
    z.enum(JURISDICTIONS, {
      error: 'must be "gdpr", "uk-gdpr", "ccpa" or the id of a US state such as "us-va" (see the format page, "US privacy laws")',
    }),
  ),
  audience: z
    .looseObject({
      minimumAge: z.number().int().min(0).max(120).optional(),
      childrenDirected: z.boolean().optional(),
    })
    .optional(),
  securityMeasures: text.optional(),
});

export const PurposeSchema = z.looseObject({
  id: Slug,
  name: text,
  description: text.optional(),
  use: text.optional(),
  lawfulBasis: z.enum(LAWFUL_BASES).optional(),
  legitimateInterest: text.optional(),
  automatedDecision: z
    .looseObject({
      logic: text,
      significance: text.optional(),
      consequences: text,
      ground: z.enum(DECISION_GROUNDS).optional(),
    })
    .optional(),
  profiling: z.boolean().optional(),
  storePurpose: z
    .looseObject({
      apple: z.enum(tuple(APPLE_PURPOSE_IDS)).optional(),
      play: z.enum(tuple(PLAY_PURPOSE_IDS)).optional(),
    })
    .optional(),
});

export const RecipientSchema = z.looseObject({
  id: Slug,
  name: text,
  role: z.enum(RECIPIENT_ROLES).optional(),
  description: text.optional(),
  country: CountryCode.optional(),
  dpf: z
    .looseObject({
      eu: z.boolean().optional(),
      uk: z.boolean().optional(),
    })
    .optional(),
  transferSafeguard: z.enum(TRANSFER_SAFEGUARDS).optional(),
  ukTransferSafeguard: z.enum(TRANSFER_SAFEGUARDS).optional(),
  transferDerogation: z.enum(TRANSFER_DEROGATIONS).optional(),
  safeguardsUrl: HttpsUrl.optional(),
  privacyPolicyUrl: HttpsUrl.optional(),
  sells: z.boolean().optional(),
  sharesForAds: z.boolean().optional(),
  /** receives personal information for its own direct marketing (California Shine the Light, Civ. Code 1798.83) */
  directMarketing: z.boolean().optional(),
  /** an affiliate of the organisation (named as such in the consumer health data policy) */
  affiliate: z.boolean().optional(),
  trackingDomains: z.array(text).optional(),
});

export const CollectionPointSchema = z.looseObject({
  id: Slug,
  name: text,
  platform: z.enum(PLATFORMS).optional(),
  /** a point on several platforms (the same sign-up screen in the iOS and Android apps); with `platform`, the union */
  platforms: z.array(z.enum(PLATFORMS)).optional(),
  description: text.optional(),
  permission: z.enum(PERMISSIONS).optional(),
  /** cookies and similar technologies set here (web) */
  cookies: z
    .array(
      z.looseObject({
        name: text,
        /** the recipient that sets or reads it; none for the organisation's own */
        provider: Slug.optional(),
        purpose: text.optional(),
        duration: text.optional(),
        party: z.enum(COOKIE_PARTIES).optional(),
        necessary: z.boolean().optional(),
      }),
    )
    .optional(),
});

export const RetentionSchema = z.looseObject({
  period: z
    .looseObject({
      value: z.number().int().min(1),
      unit: z.enum(RETENTION_UNITS),
    })
    .optional(),
  after: z.enum(RETENTION_EVENTS).optional(),
  criteria: text.optional(),
});

export const DataTypeSchema = z.looseObject({
  id: Slug,
  name: text,
  category: text,
  description: text.optional(),
  subjects: z.array(text).optional(),
  source: z.enum(SOURCES).optional(),
  sourceDetail: text.optional(),
  purposes: z.array(Slug),
  benefit: text.optional(),
  retention: RetentionSchema.optional(),
  recipients: z.array(Slug).optional(),
  recipientPurposes: z.record(Slug, z.array(Slug)).optional(),
  collectedAt: z.array(Slug).optional(),
  required: z.boolean().optional(),
  consequenceIfNotProvided: text.optional(),
  sensitivity: z
    .looseObject({
      gdprSpecial: z.boolean().optional(),
      ccpaSensitive: z.boolean().optional(),
      /** consumer health data under Washington's My Health My Data Act and Nevada SB 370 */
      consumerHealth: z.boolean().optional(),
    })
    .optional(),
  /** recorded consent, where a law asks for opt-in: to collect and, separately, to share */
  consent: z
    .looseObject({
      collection: z.boolean().optional(),
      sharing: z.boolean().optional(),
      how: text.optional(),
    })
    .optional(),
  specialCondition: z.enum(SPECIAL_CONDITIONS).optional(),
  linkedToIdentity: z.boolean().optional(),
  tracking: z.boolean().optional(),
  ephemeral: z.boolean().optional(),
  classification: z
    .looseObject({
      apple: z
        .enum(tuple([...APPLE_DATA_TYPE_IDS, 'none']), {
          error: 'must be one of Apple\'s 35 data types (such as EmailAddress, PhotosorVideos, CrashData) or "none"',
        })
        .optional(),
      play: z
        .enum(tuple([...PLAY_DATA_TYPE_IDS, 'none']), {
          error: 'must be one of Google Play\'s 38 data types (such as PSL_EMAIL, PSL_PHOTOS, PSL_CRASH_LOGS) or "none"',
        })
        .optional(),
      ccpa: z.array(z.enum(tuple(CCPA_CATEGORY_IDS))).optional(),
    })
    .optional(),
  inApp: z
    .looseObject({
      short: text.optional(),
      long: text.optional(),
    })
    .optional(),
  status: z.enum(STATUSES).optional(),
  owner: text.optional(),
  reviewedOn: DateString.optional(),
  notes: text.optional(),
});

/** A financial incentive or price or service difference offered for personal information (11 CCR 7016). */
export const FinancialIncentiveSchema = z.looseObject({
  id: Slug,
  name: text,
  summary: text.optional(),
  dataTypes: z.array(Slug).optional(),
  terms: text.optional(),
  optIn: text.optional(),
  withdraw: text.optional(),
  value: text.optional(),
  valueMethod: text.optional(),
});

export const SettingsSchema = z.looseObject({
  effectiveDate: DateString.optional(),
  locale: text.min(1).optional(),
  templatesDir: text.min(1).optional(),
  inAppLimits: z
    .looseObject({
      short: z.number().int().min(1).optional(),
      long: z.number().int().min(1).optional(),
    })
    .optional(),
  store: z
    .looseObject({
      encryptedInTransit: z.boolean().optional(),
      accountCreation: z.array(z.enum(tuple(PLAY_ACCOUNT_CREATION.map((a) => a.id)))).optional(),
      dataDeletion: z.enum(DATA_DELETION).optional(),
      familyPolicy: z.boolean().optional(),
    })
    .optional(),
  apple: z
    .looseObject({
      accessedApiTypes: z
        .array(
          z.looseObject({
            type: text.min(1),
            reasons: z.array(text.min(1)).min(1),
          }),
        )
        .optional(),
    })
    .optional(),
});

/**
 * The team's decisions on the review: warnings and infos accepted with a reason, coverage items marked
 * not applicable. Structure only; what they do is core/review-acceptance.ts.
 */
export const ReviewSchema = z.looseObject({
  accepted: z
    .array(
      z.looseObject({
        rule: text.min(1),
        path: text,
        fingerprint: text.min(1),
        reason: text,
        by: text.optional(),
        on: DateString,
      }),
    )
    .optional(),
  notApplicable: z
    .array(
      z.looseObject({
        section: text.min(1),
        item: text.min(1),
        reason: text,
        by: text.optional(),
        on: DateString,
      }),
    )
    .optional(),
});

/**
 * A conflict `candor merge` left for someone to choose: both sides changed the same field to different
 * values. The workspace holds ours at `path` meanwhile. Structure only; what it means and how it is
 * resolved is core/merge-conflicts.ts. The values are any JSON, absent where that side has none; an
 * empty one (a name one side cleared) is written as it is (core/canonical.ts keeps empty values of any JSON).
 */
export const MergeConflictSchema = z.looseObject({
  path: text,
  where: text,
  order: z.literal(true).optional(),
  base: z.unknown().optional(),
  ours: z.unknown().optional(),
  theirs: z.unknown().optional(),
});

export const WorkspaceSchema = z.looseObject({
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  organization: OrganizationSchema,
  purposes: z.array(PurposeSchema).default([]),
  recipients: z.array(RecipientSchema).default([]),
  collectionPoints: z.array(CollectionPointSchema).default([]),
  dataTypes: z.array(DataTypeSchema).default([]),
  financialIncentives: z.array(FinancialIncentiveSchema).optional(),
  settings: SettingsSchema.default({}),
  review: ReviewSchema.optional(),
  mergeConflicts: z.array(MergeConflictSchema).optional(),
});

export type Workspace = z.infer<typeof WorkspaceSchema>;
export type Organization = z.infer<typeof OrganizationSchema>;
export type Purpose = z.infer<typeof PurposeSchema>;
export type Recipient = z.infer<typeof RecipientSchema>;
export type CollectionPoint = z.infer<typeof CollectionPointSchema>;
export type DataType = z.infer<typeof DataTypeSchema>;
export type Retention = z.infer<typeof RetentionSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type FinancialIncentive = z.infer<typeof FinancialIncentiveSchema>;
export type Cookie = NonNullable<CollectionPoint['cookies']>[number];
export type ReviewRecord = z.infer<typeof ReviewSchema>;
export type StoredMergeConflict = z.infer<typeof MergeConflictSchema>;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
export type LawfulBasis = (typeof LAWFUL_BASES)[number];
export type Permission = (typeof PERMISSIONS)[number];
export type RetentionEvent = (typeof RETENTION_EVENTS)[number];
export type RetentionUnit = (typeof RETENTION_UNITS)[number];
export type Status = (typeof STATUSES)[number];
export type TransferSafeguard = (typeof TRANSFER_SAFEGUARDS)[number];
export type TransferDerogation = (typeof TRANSFER_DEROGATIONS)[number];
export type DecisionGround = (typeof DECISION_GROUNDS)[number];

/** The four lists of a workspace whose entries have ids. */
export const ENTITY_LISTS = ['purposes', 'recipients', 'collectionPoints', 'dataTypes'] as const;
export type EntityList = (typeof ENTITY_LISTS)[number];
