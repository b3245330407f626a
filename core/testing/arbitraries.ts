// fast-check generators of valid workspaces, for property tests across Candor.
// Text fields can be asked to carry hostile content (markup, template syntax, control characters).
import fc from 'fast-check';
import {
  COOKIE_PARTIES,
  DATA_DELETION,
  DECISION_GROUNDS,
  DO_NOT_TRACK,
  JURISDICTIONS,
  LAWFUL_BASES,
  PERMISSIONS,
  PLATFORMS,
  RECIPIENT_ROLES,
  RETENTION_EVENTS,
  RETENTION_UNITS,
  SOURCES,
  SPECIAL_CONDITIONS,
  STATUSES,
  TRANSFER_SAFEGUARDS,
  type CollectionPoint,
  type DataType,
  type Purpose,
  type Recipient,
  type Retention,
  type Workspace,
} from '../schema';
import { APPLE_DATA_TYPE_IDS, APPLE_PURPOSE_IDS, CCPA_CATEGORY_IDS, PLAY_DATA_TYPE_IDS, PLAY_PURPOSE_IDS } from '../identifiers';
import { DATA_CATEGORIES, DATA_SUBJECTS, DATA_USES } from '../taxonomy';
import { COUNTRY_CODES } from '../countries';

export const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  'javascript:alert(1)',
  '{{ 7*7 }}',
  '{% raw %}{{ organization.name }}{% endraw %}',
  '${process.exit(1)}',
  'a\u0000b\u0007c\u001bd',
  '\u202Egnp.exe\u202C',
  '" onmouseover="alert(1)',
  '& < > \' "',
  '# Heading\n\n- list\n\n| a | b |',
  'x'.repeat(20_000),
];

export interface ArbitraryOptions {
  /** mix hostile strings into free-text fields */
  hostile?: boolean;
  maxDataTypes?: number;
}

function textArb(hostile: boolean): fc.Arbitrary<string> {
  const plain = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);
  return hostile ? fc.oneof(plain, fc.constantFrom(...HOSTILE_STRINGS)) : plain;
}

function optional<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined });
}

/** Removes keys whose value is undefined, as a parsed file would have. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const slugArb = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}$/);
const dateArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const urlArb = fc.constantFrom('https://example.com', 'https://example.org/privacy', 'https://a.example/b?c=d#e');
const emailArb = fc.constantFrom('privacy@example.com', 'dpo@example.org', 'a.b+c@example.co.uk');

function uniqueIds(min: number, max: number): fc.Arbitrary<string[]> {
  return fc.uniqueArray(slugArb, { minLength: min, maxLength: max });
}

const retentionArb: fc.Arbitrary<Retention> = fc.oneof(
  fc.record({
    period: fc.record({ value: fc.integer({ min: 1, max: 120 }), unit: fc.constantFrom(...RETENTION_UNITS) }),
    after: fc.constantFrom(...RETENTION_EVENTS),
  }),
  fc.record({ after: fc.constantFrom(...RETENTION_EVENTS) }),
  fc.record({ criteria: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0) }),
  fc.record({
    period: fc.record({ value: fc.integer({ min: 1, max: 120 }), unit: fc.constantFrom(...RETENTION_UNITS) }),
    after: fc.constantFrom(...RETENTION_EVENTS),
    criteria: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0),
  }),
);

export function workspaceArbitrary(options: ArbitraryOptions = {}): fc.Arbitrary<Workspace> {
  const hostile = options.hostile ?? false;
  const text = textArb(hostile);
  return fc
    .record({
      purposeIds: uniqueIds(1, 6),
      recipientIds: uniqueIds(0, 5),
      pointIds: uniqueIds(0, 5),
      dataTypeIds: uniqueIds(0, options.maxDataTypes ?? 8),
    })
    .chain(({ purposeIds, recipientIds, pointIds, dataTypeIds }) => {
      const purposes = fc.tuple(
        ...purposeIds.map((id) =>
          fc
            .record({
              name: text,
              description: optional(text),
              use: optional(fc.constantFrom(...DATA_USES.map((u) => u.key))),
              lawfulBasis: optional(fc.constantFrom(...LAWFUL_BASES)),
              legitimateInterest: optional(text),
              automatedDecision: optional(
                fc
                  .record({
                    logic: text,
                    significance: optional(text),
                    consequences: text,
                    ground: optional(fc.constantFrom(...DECISION_GROUNDS)),
                  })
                  .map(compact),
              ),
              profiling: optional(fc.boolean()),
              storePurpose: optional(
                fc.record({ apple: fc.constantFrom(...APPLE_PURPOSE_IDS), play: fc.constantFrom(...PLAY_PURPOSE_IDS) }),
              ),
            })
            .map((p): Purpose => compact({ id, ...p })),
        ),
      );
      const recipients = fc.tuple(
        ...recipientIds.map((id) =>
          fc
            .record({
              name: text,
              role: optional(fc.constantFrom(...RECIPIENT_ROLES)),
              description: optional(text),
              country: optional(fc.constantFrom(...COUNTRY_CODES)),
              transferSafeguard: optional(fc.constantFrom(...TRANSFER_SAFEGUARDS)),
              privacyPolicyUrl: optional(urlArb),
              sells: optional(fc.boolean()),
              sharesForAds: optional(fc.boolean()),
              trackingDomains: optional(fc.array(fc.constantFrom('ads.example.com', 'track.example.net'), { minLength: 1, maxLength: 2 })),
            })
            .map((r): Recipient => compact({ id, ...r })),
        ),
      );
      const points = fc.tuple(
        ...pointIds.map((id) =>
          fc
            .record({
              name: text,
              platform: optional(fc.constantFrom(...PLATFORMS)),
              description: optional(text),
              permission: optional(fc.constantFrom(...PERMISSIONS)),
              cookies: optional(
                fc.array(
                  fc
                    .record({
                      name: text,
                      provider: recipientIds.length ? optional(fc.constantFrom(...recipientIds)) : fc.constant(undefined),
                      purpose: optional(text),
                      duration: optional(text),
                      party: optional(fc.constantFrom(...COOKIE_PARTIES)),
                      necessary: optional(fc.boolean()),
                    })
                    .map(compact),
                  { minLength: 1, maxLength: 3 },
                ),
              ),
            })
            .map((c): CollectionPoint => compact({ id, ...c })),
        ),
      );
      const dataTypes = fc.tuple(
        ...dataTypeIds.map((id) =>
          fc
            .record({
              name: text,
              category: fc.constantFrom(...DATA_CATEGORIES.map((c) => c.key)),
              description: optional(text),
              subjects: optional(fc.uniqueArray(fc.constantFrom(...DATA_SUBJECTS.map((s) => s.key)), { minLength: 1, maxLength: 2 })),
              source: optional(fc.constantFrom(...SOURCES)),
              sourceDetail: optional(text),
              purposes: fc.uniqueArray(fc.constantFrom(...purposeIds), { minLength: 1, maxLength: 3 }),
              benefit: optional(text),
              retention: optional(retentionArb),
              recipients: recipientIds.length
                ? optional(fc.uniqueArray(fc.constantFrom(...recipientIds), { minLength: 1, maxLength: 3 }))
                : fc.constant(undefined),
              collectedAt: pointIds.length
                ? optional(fc.uniqueArray(fc.constantFrom(...pointIds), { minLength: 1, maxLength: 3 }))
                : fc.constant(undefined),
              required: optional(fc.boolean()),
              consequenceIfNotProvided: optional(text),
              sensitivity: optional(fc.record({ gdprSpecial: fc.boolean(), ccpaSensitive: fc.boolean() })),
              consent: optional(
                fc.record({ collection: fc.boolean(), sharing: fc.boolean(), how: text }, { requiredKeys: [] }).map(compact),
              ),
              specialCondition: optional(fc.constantFrom(...SPECIAL_CONDITIONS)),
              linkedToIdentity: optional(fc.boolean()),
              tracking: optional(fc.boolean()),
              ephemeral: optional(fc.boolean()),
              classification: optional(
                fc.record(
                  {
                    apple: fc.constantFrom(...APPLE_DATA_TYPE_IDS, 'none'),
                    play: fc.constantFrom(...PLAY_DATA_TYPE_IDS, 'none'),
                    ccpa: fc.uniqueArray(fc.constantFrom(...CCPA_CATEGORY_IDS), { minLength: 1, maxLength: 3 }),
                  },
                  { requiredKeys: [] },
                ),
              ),
              inApp: optional(fc.record({ short: text, long: text }, { requiredKeys: [] })),
              status: optional(fc.constantFrom(...STATUSES)),
              owner: optional(text),
              reviewedOn: optional(dateArb),
              notes: optional(text),
              narrowRecipients: fc.boolean(),
            })
            // Some data types give their first recipient the data for their first purpose only.
            .map(({ narrowRecipients, ...d }): DataType => {
              const first = d.recipients?.[0];
              return compact({ id, ...d, recipientPurposes: narrowRecipients && first ? { [first]: [d.purposes[0]] } : undefined });
            }),
        ),
      );
      const organization = fc
        .record({
          name: text,
          legalName: optional(text),
          address: optional(text),
          contactEmail: optional(emailArb),
          website: optional(urlArb),
          privacyPolicyUrl: optional(urlArb),
          accountDeletionUrl: optional(urlArb),
          optOutUrl: optional(urlArb),
          limitUseUrl: optional(urlArb),
          consumerHealthPolicyUrl: optional(urlArb),
          alternativeOptOutUrl: optional(urlArb),
          requests: optional(
            fc
              .record(
                {
                  webFormUrl: urlArb,
                  phone: text,
                  email: emailArb,
                  postalAddress: text,
                  inApp: text,
                  onlineOnly: fc.boolean(),
                  // An appeal is recorded as a web address, an email address or words.
                  appeal: fc.oneof(urlArb, emailArb, text),
                },
                { requiredKeys: [] },
              )
              .map(compact),
          ),
          usPrivacy: optional(
            fc
              .record(
                {
                  sensitiveUseLimited: fc.boolean(),
                  optOutSignals: fc.boolean(),
                  optOutSignalsHow: text,
                  doNotTrack: fc.constantFrom(...DO_NOT_TRACK),
                  sellsUnder16: fc.boolean(),
                },
                { requiredKeys: [] },
              )
              .map(compact),
          ),
          dpo: optional(fc.record({ name: text, email: emailArb }, { requiredKeys: [] })),
          representatives: optional(
            fc.array(
              fc.record({ region: fc.constantFrom('eu' as const, 'uk' as const), name: text, email: optional(emailArb) }).map(compact),
              { minLength: 1, maxLength: 2 },
            ),
          ),
          supervisoryAuthority: optional(fc.record({ name: text, url: optional(urlArb) }).map(compact)),
          jurisdictions: fc.uniqueArray(fc.constantFrom(...JURISDICTIONS), { minLength: 1, maxLength: 3 }),
          audience: optional(
            fc.record({ minimumAge: fc.integer({ min: 0, max: 21 }), childrenDirected: fc.boolean() }, { requiredKeys: [] }),
          ),
          securityMeasures: optional(text),
        })
        .map(compact);
      const settings = fc
        .record({
          effectiveDate: optional(dateArb),
          locale: optional(fc.constant('en')),
          inAppLimits: optional(fc.record({ short: fc.integer({ min: 40, max: 200 }), long: fc.integer({ min: 200, max: 600 }) })),
          store: optional(
            fc.record(
              {
                encryptedInTransit: fc.boolean(),
                accountCreation: fc.constant(['PSL_ACM_USER_ID_PASSWORD' as const]),
                dataDeletion: fc.constantFrom(...DATA_DELETION),
                familyPolicy: fc.boolean(),
              },
              { requiredKeys: [] },
            ),
          ),
        })
        .map(compact);
      return fc.record({ organization, purposes, recipients, points, dataTypes, settings }).map((parts): Workspace => ({
        format: 'candor/workspace',
        version: 1,
        organization: parts.organization as Workspace['organization'],
        purposes: parts.purposes,
        recipients: parts.recipients,
        collectionPoints: parts.points,
        dataTypes: parts.dataTypes,
        settings: parts.settings as Workspace['settings'],
      }));
    });
}
