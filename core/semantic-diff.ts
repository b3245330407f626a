// What changed between two workspaces, field by field, in the words a privacy team uses: "Email address:
// retention 30 days after collection → 90 days after collection". Entries are matched by id (through
// core/entity-diff.ts, which backups use), so a renamed data type is changed, not removed and added.
// The same field descriptions give the one-line-per-field text of a single workspace that `candor
// textconv` prints, so that git's line diff of two such texts reads like this diff.
import { changesSince, jsonEqual, LIST_NOUNS, type ListKey } from './entity-diff';
import { canonicalize } from './canonical';
import { countryName } from './countries';
import { APPLE_DATA_TYPES, APPLE_PURPOSES, CCPA_CATEGORIES, PLAY_ACCOUNT_CREATION, PLAY_DATA_TYPES, PLAY_PURPOSES } from './identifiers';
import { RETENTION_EVENT_LABELS, periodText } from './retention';
import { FORMAT, type Jurisdiction, type RetentionEvent, type RetentionUnit, type TransferSafeguard, type Workspace } from './schema';
import { CATEGORY_BY_KEY, categoryLabel, SUBJECT_BY_KEY, USE_BY_KEY } from './taxonomy';
import { SAFEGUARD_LABELS } from './transfers';
import { isUsStateId, usStateLaw } from './us-states';
import { capitalize } from './words';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'reordered';

/** Where a change belongs, for grouping: the organization, an entry of a list, the settings, the review. */
export type Section =
  'organization' | 'purposes' | 'recipients' | 'collectionPoints' | 'dataTypes' | 'financialIncentives' | 'settings' | 'review' | 'other';

export interface ChangeEntity {
  section: Section;
  /** the entry's id; none for the organization, the settings, the review and a whole list */
  id?: string;
  /** the entry's name in the newer workspace (the older one's when it was removed) */
  name: string;
  /** its name in the older workspace, when it was renamed */
  previousName?: string;
}

export interface Change {
  kind: ChangeKind;
  /**
   * Where the value is, as a JSON Pointer (RFC 6901) into the workspace in which an entry of a list is
   * named by its id (data types, purposes, recipients, collection points, financial incentives), by its
   * key (a cookie's name, a representative's region, an API type, an accepted finding's "rule path", a
   * not-applicable item's "section item"; a repeated key gets " (2)", " (3)" …) or, in a list of words
   * such as a data type's purposes, by the word itself: "/dataTypes/email-address/retention",
   * "/collectionPoints/website/cookies/_ga/duration", "/dataTypes/email-address/recipients/mailchimp".
   * `valueAt` reads it.
   */
  path: string;
  entity: ChangeEntity;
  /** what changed, in words: "retention", "DPO email", "cookie _ga duration"; "order" for a reordering */
  field: string;
  /**
   * The value before and after (absent on the side where it is not set), as in the canonical workspace.
   * For an added or removed entry: the entry; for a reordering: the keys in each order.
   */
  before?: unknown;
  after?: unknown;
  beforeText?: string;
  afterText?: string;
  /** the change in one line: "Email address: retention 30 days after collection → 90 days after collection" */
  line: string;
}

export interface SemanticDiff {
  changes: Change[];
  /** nothing differs */
  same: boolean;
}

// ---------------------------------------------------------------------------------------------------
// How each field reads. A field is a value, an object of fields, a list of words (one line per word), a
// list of objects matched by a key, or a map from ids to values. Fields not described here (a newer
// format's) are shown by their key with their JSON.

export type Rec = Record<string, unknown>;
/** names of the entries each side refers to, for "purpose added: Newsletter" rather than the id */
type Names = Record<'purposes' | 'recipients' | 'collectionPoints' | 'dataTypes', Map<string, string>>;
type Format = (value: unknown, names?: Names) => string;

export interface ValueField {
  label: string;
  format?: Format;
}
export interface ObjectField {
  label: string;
  fields: Fields;
}
export interface WordsField {
  label: string;
  /** one word of the list: "purpose", "recipient" */
  words: Format;
}
export interface KeyedField {
  label: string;
  keyed: { key: (item: Rec) => string; label: (item: Rec) => string; fields: Fields };
}
export interface MapField {
  label: string;
  map: { label: (key: string, names: Names) => string; format: Format };
}
export type Field = ValueField | ObjectField | WordsField | KeyedField | MapField;
export type Fields = Record<string, Field>;

export function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value of a workspace in words, for a field without its own format. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** Free text, quoted (with its line breaks as \n) so that every text reads on one line and none is mistaken for another. */
const quoted: Format = (value) => (typeof value === 'string' ? JSON.stringify(value) : jsonText(value));

/** An address, a date, an id: as it is, or quoted when it holds spaces or line breaks. */
const plain: Format = (value) =>
  typeof value === 'string' && /^[^\s"](?:[^\p{Cc}\u2028\u2029]*\S)?$/u.test(value) ? value : quoted(value);

const yesNo: Format = (value) => (value === true ? 'yes' : value === false ? 'no' : jsonText(value));

/** An enumerated value in words: "legal-obligation" → "legal obligation". */
function words(labels: Record<string, string> = {}): Format {
  return (value) => (typeof value === 'string' ? (labels[value] ?? value.replace(/-/g, ' ')) : jsonText(value));
}

function nameOf(list: keyof Names): Format {
  return (value, names) => {
    if (typeof value !== 'string') return jsonText(value);
    const name = names?.[list].get(value);
    return name ? oneLine(name) : value;
  };
}

function fromTable(table: Map<string, { name: string }>): Format {
  return (value) => (typeof value === 'string' ? (table.get(value)?.name ?? value) : jsonText(value));
}

/** A store's or statute's identifier with its label: "EmailAddress (Email Address)". */
function identifier(list: readonly { id: string; label?: string }[]): Format {
  const labels = new Map(list.map((item) => [item.id, item.label]));
  return (value) => {
    const label = typeof value === 'string' ? labels.get(value) : undefined;
    return label && label !== value ? `${value} (${label})` : plain(value);
  };
}

const country: Format = (value) => (typeof value === 'string' ? `${countryName(value)} (${value})` : jsonText(value));

const jurisdiction: Format = (value) => {
  if (value === 'gdpr') return 'GDPR';
  if (value === 'uk-gdpr') return 'UK GDPR';
  if (value === 'ccpa') return 'California (CCPA)';
  if (typeof value === 'string' && isUsStateId(value)) {
    const law = usStateLaw(value as Exclude<Jurisdiction, 'gdpr' | 'uk-gdpr' | 'ccpa'>);
    return `${law.state} (${law.law})`;
  }
  return jsonText(value);
};

/** "30 days after collection", "until account closure", "7 years after collection – "required by tax law"". */
export function retentionWords(retention: unknown): string {
  if (!isRecord(retention)) return jsonText(retention);
  const period = isRecord(retention.period) ? retention.period : undefined;
  const after = retention.after as RetentionEvent | undefined;
  const event = after ? (RETENTION_EVENT_LABELS[after] ?? after) : undefined;
  const length =
    period && typeof period.value === 'number' && typeof period.unit === 'string'
      ? periodText(period.value, period.unit as RetentionUnit)
      : undefined;
  const rule = length && event ? `${length} after ${event}` : event ? `until ${event}` : length;
  const criteria = typeof retention.criteria === 'string' && retention.criteria.trim() ? quoted(retention.criteria) : undefined;
  const known = new Set(['period', 'after', 'criteria']);
  const other = Object.keys(retention).filter((k) => !known.has(k) && retention[k] !== undefined);
  // A period with an unknown shape, or fields of a newer format, are shown as they are rather than lost.
  const extra = other.length > 0 || (period && !length) ? ` ${jsonText(retention)}` : '';
  return `${[rule, criteria].filter(Boolean).join(' – ') || 'not set'}${extra}`;
}

const PLATFORM_WORDS = { ios: 'iOS', android: 'Android' };

const PURPOSE: Fields = {
  name: { label: 'name', format: quoted },
  description: { label: 'description', format: quoted },
  use: { label: 'use', format: fromTable(USE_BY_KEY) },
  lawfulBasis: { label: 'lawful basis', format: words() },
  legitimateInterest: { label: 'legitimate interest', format: quoted },
  automatedDecision: {
    label: 'automated decision',
    fields: {
      logic: { label: 'automated decision logic', format: quoted },
      significance: { label: 'automated decision significance', format: quoted },
      consequences: { label: 'automated decision consequences', format: quoted },
      ground: { label: 'automated decision allowed by', format: words({ law: 'law', 'explicit-consent': 'explicit consent' }) },
    },
  },
  profiling: { label: 'profiling', format: yesNo },
  storePurpose: {
    label: 'store purpose',
    fields: {
      apple: { label: 'App Store purpose', format: identifier(APPLE_PURPOSES) },
      play: { label: 'Google Play purpose', format: identifier(PLAY_PURPOSES) },
    },
  },
};

const SAFEGUARD: Format = (value) =>
  typeof value === 'string' ? (SAFEGUARD_LABELS[value as TransferSafeguard] ?? value) : jsonText(value);

const RECIPIENT: Fields = {
  name: { label: 'name', format: quoted },
  role: { label: 'role', format: words() },
  description: { label: 'description', format: quoted },
  country: { label: 'country', format: country },
  dpf: {
    label: 'Data Privacy Framework',
    fields: {
      eu: { label: 'certified under the EU-US Data Privacy Framework', format: yesNo },
      uk: { label: 'certified under the UK extension of the Data Privacy Framework', format: yesNo },
    },
  },
  transferSafeguard: { label: 'transfer safeguard', format: SAFEGUARD },
  ukTransferSafeguard: { label: 'UK transfer safeguard', format: SAFEGUARD },
  transferDerogation: { label: 'transfer derogation', format: words() },
  safeguardsUrl: { label: 'safeguards page', format: plain },
  privacyPolicyUrl: { label: 'privacy policy', format: plain },
  sells: { label: 'sells personal information', format: yesNo },
  sharesForAds: { label: 'shares for cross-context behavioural advertising', format: yesNo },
  directMarketing: { label: 'uses it for its own direct marketing', format: yesNo },
  affiliate: { label: 'affiliate', format: yesNo },
  trackingDomains: { label: 'tracking domain', words: plain },
};

const COOKIE: Fields = {
  name: { label: 'name', format: quoted },
  provider: { label: 'provider', format: nameOf('recipients') },
  purpose: { label: 'purpose', format: quoted },
  duration: { label: 'duration', format: quoted },
  party: { label: 'party', format: words({ first: 'first party', third: 'third party' }) },
  necessary: { label: 'strictly necessary', format: yesNo },
};

const COLLECTION_POINT: Fields = {
  name: { label: 'name', format: quoted },
  platform: { label: 'platform', format: words(PLATFORM_WORDS) },
  platforms: { label: 'platform', words: words(PLATFORM_WORDS) },
  description: { label: 'description', format: quoted },
  permission: { label: 'permission', format: words() },
  cookies: {
    label: 'cookie',
    keyed: {
      // A cookie is known by its name; the same name from two providers is two cookies.
      key: (c) => (typeof c.provider === 'string' ? `${String(c.name)} (${c.provider})` : String(c.name)),
      label: (c) => `cookie ${oneLine(String(c.name))}${typeof c.provider === 'string' ? ` (${c.provider})` : ''}`,
      fields: COOKIE,
    },
  },
};

const DATA_TYPE: Fields = {
  name: { label: 'name', format: quoted },
  category: {
    label: 'category',
    format: (value) => (typeof value === 'string' && CATEGORY_BY_KEY.has(value) ? categoryLabel(value) : plain(value)),
  },
  description: { label: 'description', format: quoted },
  subjects: { label: 'data subject', words: fromTable(SUBJECT_BY_KEY) },
  source: { label: 'source', format: words({ user: 'the person', automatic: 'collected automatically', 'third-party': 'a third party' }) },
  sourceDetail: { label: 'source detail', format: quoted },
  purposes: { label: 'purpose', words: nameOf('purposes') },
  benefit: { label: 'benefit', format: quoted },
  retention: { label: 'retention', format: retentionWords },
  recipients: { label: 'recipient', words: nameOf('recipients') },
  recipientPurposes: {
    label: 'purposes of a recipient',
    map: {
      label: (id, names) => `purposes for ${nameOf('recipients')(id, names)}`,
      format: (value, names) => (Array.isArray(value) ? value.map((id) => nameOf('purposes')(id, names)).join('; ') : jsonText(value)),
    },
  },
  collectedAt: { label: 'collected at', words: nameOf('collectionPoints') },
  required: { label: 'required', format: yesNo },
  consequenceIfNotProvided: { label: 'consequence if not provided', format: quoted },
  sensitivity: {
    label: 'sensitivity',
    fields: {
      gdprSpecial: { label: 'special category (GDPR)', format: yesNo },
      ccpaSensitive: { label: 'sensitive personal information (CCPA)', format: yesNo },
      consumerHealth: { label: 'consumer health data', format: yesNo },
    },
  },
  consent: {
    label: 'consent',
    fields: {
      collection: { label: 'consent to collect recorded', format: yesNo },
      sharing: { label: 'consent to share recorded', format: yesNo },
      how: { label: 'how consent is recorded', format: quoted },
    },
  },
  specialCondition: { label: 'special category condition', format: words() },
  linkedToIdentity: { label: 'linked to identity', format: yesNo },
  tracking: { label: 'used for tracking', format: yesNo },
  ephemeral: { label: 'ephemeral', format: yesNo },
  classification: {
    label: 'classification',
    fields: {
      apple: { label: 'App Store data type', format: identifier(APPLE_DATA_TYPES) },
      play: { label: 'Google Play data type', format: identifier(PLAY_DATA_TYPES) },
      ccpa: { label: 'CCPA category', words: identifier(CCPA_CATEGORIES) },
    },
  },
  inApp: {
    label: 'in-app text',
    fields: { short: { label: 'short in-app text', format: quoted }, long: { label: 'long in-app text', format: quoted } },
  },
  status: { label: 'status', format: words() },
  owner: { label: 'owner', format: quoted },
  reviewedOn: { label: 'reviewed on', format: plain },
  notes: { label: 'notes', format: quoted },
};

const FINANCIAL_INCENTIVE: Fields = {
  name: { label: 'name', format: quoted },
  summary: { label: 'summary', format: quoted },
  dataTypes: { label: 'data type', words: nameOf('dataTypes') },
  terms: { label: 'terms', format: quoted },
  optIn: { label: 'how to opt in', format: quoted },
  withdraw: { label: 'how to withdraw', format: quoted },
  value: { label: 'value of the data', format: quoted },
  valueMethod: { label: 'how the value is calculated', format: quoted },
};

const ORGANIZATION: Fields = {
  name: { label: 'name', format: quoted },
  legalName: { label: 'legal name', format: quoted },
  address: { label: 'address', format: quoted },
  country: { label: 'country', format: country },
  contactEmail: { label: 'contact email', format: plain },
  website: { label: 'website', format: plain },
  privacyPolicyUrl: { label: 'privacy policy address', format: plain },
  accountDeletionUrl: { label: 'account deletion page', format: plain },
  optOutUrl: { label: '"Do Not Sell or Share" page', format: plain },
  limitUseUrl: { label: '"Limit the Use of My Sensitive Personal Information" page', format: plain },
  alternativeOptOutUrl: { label: 'alternative opt-out page', format: plain },
  consumerHealthPolicyUrl: { label: 'Consumer Health Data Privacy Policy page', format: plain },
  requests: {
    label: 'requests',
    fields: {
      webFormUrl: { label: 'request form', format: plain },
      phone: { label: 'request phone number', format: quoted },
      email: { label: 'request email', format: plain },
      postalAddress: { label: 'request postal address', format: quoted },
      inApp: { label: 'requests in the app', format: quoted },
      onlineOnly: { label: 'operates only online', format: yesNo },
      appeal: { label: 'how to appeal', format: quoted },
    },
  },
  usPrivacy: {
    label: 'US privacy',
    fields: {
      sensitiveUseLimited: { label: 'sensitive data used only for permitted purposes', format: yesNo },
      optOutSignals: { label: 'honours opt-out preference signals', format: yesNo },
      optOutSignalsHow: { label: 'how opt-out preference signals are honoured', format: quoted },
      doNotTrack: { label: 'Do Not Track', format: words({ honoured: 'honoured', 'not-honoured': 'not honoured' }) },
      sellsUnder16: { label: 'sells or shares data of people under 16', format: yesNo },
    },
  },
  dpo: {
    label: 'DPO',
    fields: {
      name: { label: 'DPO name', format: quoted },
      email: { label: 'DPO email', format: plain },
      address: { label: 'DPO address', format: quoted },
    },
  },
  representatives: {
    label: 'representative',
    keyed: {
      key: (r) => String(r.region),
      label: (r) =>
        r.region === 'eu' ? 'EU representative' : r.region === 'uk' ? 'UK representative' : `representative ${String(r.region)}`,
      fields: {
        region: { label: 'region', format: words({ eu: 'EU', uk: 'UK' }) },
        name: { label: 'name', format: quoted },
        address: { label: 'address', format: quoted },
        email: { label: 'email', format: plain },
      },
    },
  },
  supervisoryAuthority: {
    label: 'supervisory authority',
    fields: {
      name: { label: 'supervisory authority', format: quoted },
      url: { label: 'supervisory authority website', format: plain },
    },
  },
  jurisdictions: { label: 'jurisdiction', words: jurisdiction },
  audience: {
    label: 'audience',
    fields: {
      minimumAge: { label: 'minimum age', format: plain },
      childrenDirected: { label: 'directed to children', format: yesNo },
    },
  },
  securityMeasures: { label: 'security measures', format: quoted },
};

const SETTINGS: Fields = {
  effectiveDate: { label: 'effective date', format: plain },
  locale: { label: 'language', format: plain },
  templatesDir: { label: 'templates folder', format: quoted },
  inAppLimits: {
    label: 'in-app text limits',
    fields: {
      short: { label: 'short in-app text limit', format: plain },
      long: { label: 'long in-app text limit', format: plain },
    },
  },
  store: {
    label: 'store answers',
    fields: {
      encryptedInTransit: { label: 'encrypted in transit', format: yesNo },
      accountCreation: { label: 'account creation method', words: identifier(PLAY_ACCOUNT_CREATION) },
      dataDeletion: { label: 'data deletion', format: words({ 'auto-deleted': 'deleted automatically' }) },
      familyPolicy: { label: 'Families policy', format: yesNo },
    },
  },
  apple: {
    label: 'Apple',
    fields: {
      accessedApiTypes: {
        label: 'required-reason API',
        keyed: {
          key: (a) => String(a.type),
          label: (a) => `required-reason API ${String(a.type)}`,
          fields: { type: { label: 'type', format: plain }, reasons: { label: 'reason', words: plain } },
        },
      },
    },
  },
};

const REVIEW: Fields = {
  accepted: {
    label: 'accepted finding',
    keyed: {
      key: (a) => `${String(a.rule)} ${String(a.path)}`,
      label: (a) => `accepted ${String(a.rule)} at ${String(a.path) || '(top level)'}`,
      fields: {
        rule: { label: 'rule', format: plain },
        path: { label: 'path', format: plain },
        fingerprint: { label: 'fingerprint', format: plain },
        reason: { label: 'reason', format: quoted },
        by: { label: 'by', format: quoted },
        on: { label: 'on', format: plain },
      },
    },
  },
  notApplicable: {
    label: 'not applicable',
    keyed: {
      key: (n) => `${String(n.section)} ${String(n.item)}`,
      label: (n) => `not applicable ${String(n.section)} ${String(n.item)}`,
      fields: {
        section: { label: 'section', format: plain },
        item: { label: 'item', format: plain },
        reason: { label: 'reason', format: quoted },
        by: { label: 'by', format: quoted },
        on: { label: 'on', format: plain },
      },
    },
  },
};

export type EntryList = ListKey | 'financialIncentives';

export const ENTRY_FIELDS: Record<EntryList, Fields> = {
  purposes: PURPOSE,
  recipients: RECIPIENT,
  collectionPoints: COLLECTION_POINT,
  dataTypes: DATA_TYPE,
  financialIncentives: FINANCIAL_INCENTIVE,
};

/** The lists of entries with ids, in the order a reader meets them. */
export const ENTRY_LISTS: readonly EntryList[] = ['dataTypes', 'purposes', 'recipients', 'collectionPoints', 'financialIncentives'];

export const NOUNS: Record<EntryList, { one: string; many: string }> = {
  ...LIST_NOUNS,
  financialIncentives: { one: 'financial incentive', many: 'financial incentives' },
};

/** The parts of a workspace that are not lists of entries, and the name their lines start with. */
export const PARTS: readonly { key: 'organization' | 'settings' | 'review'; name: string; fields: Fields }[] = [
  { key: 'organization', name: 'Organization', fields: ORGANIZATION },
  { key: 'settings', name: 'Settings', fields: SETTINGS },
  { key: 'review', name: 'Review', fields: REVIEW },
];

const TOP_LEVEL = new Set<string>(['format', 'version', 'organization', 'settings', 'review', ...ENTRY_LISTS]);

/** The section headings, in the order `candor diff` and the text rendering show them. */
export const SECTION_TITLES: Record<Section, string> = {
  organization: 'Organization',
  dataTypes: 'Data types',
  purposes: 'Purposes',
  recipients: 'Recipients',
  collectionPoints: 'Collection points',
  financialIncentives: 'Financial incentives',
  settings: 'Settings',
  review: 'Review decisions',
  other: 'Other fields',
};

// ---------------------------------------------------------------------------------------------------
// Paths

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function join(path: string, segment: string): string {
  return `${path}/${escapeSegment(segment)}`;
}

/** Names a line starts with stay on one line. */
function oneLine(text: string): string {
  return text.replace(/[\s\u2028\u2029]+/g, ' ').trim();
}

export function entryName(entry: Rec): string {
  const name = typeof entry.name === 'string' ? oneLine(entry.name) : '';
  return name || String(entry.id);
}

/** Keys of the items of a keyed list, a repeated key numbered from its second occurrence: "_ga", "_ga (2)". */
export function itemKeys(items: readonly unknown[], key: (item: Rec) => string): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = isRecord(item) ? key(item) : jsonText(item);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export function fieldAt(fields: Fields, key: string): Field {
  return fields[key] ?? { label: key };
}

function locate(workspace: Workspace, path: string): { value: unknown; field?: Field; entries?: boolean } {
  const segments = path.split('/').slice(1).map(unescapeSegment);
  let value: unknown = canonicalize(workspace);
  let fields: Fields | undefined;
  let field: Field | undefined;
  let entries = false;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    entries = false;
    if (i === 0) {
      const part = PARTS.find((p) => p.key === segment);
      fields = part ? part.fields : (ENTRY_FIELDS as Record<string, Fields>)[segment];
      field = undefined;
      value = isRecord(value) ? value[segment] : undefined;
      if ((ENTRY_LISTS as readonly string[]).includes(segment)) {
        if (i + 1 < segments.length) {
          const id = segments[++i];
          value = Array.isArray(value) ? value.find((e) => isRecord(e) && e.id === id) : undefined;
        } else entries = true;
      }
      continue;
    }
    if (!isRecord(value)) return { value: undefined };
    field = fields?.[segment];
    value = value[segment];
    if (field && 'keyed' in field && i + 1 < segments.length) {
      const items = Array.isArray(value) ? value : [];
      const at = itemKeys(items, field.keyed.key).indexOf(segments[++i]);
      value = at >= 0 ? items[at] : undefined;
      fields = field.keyed.fields;
      field = undefined;
    } else if (field && 'words' in field && i + 1 < segments.length) {
      const word = segments[++i];
      value = Array.isArray(value) && value.includes(word) ? word : undefined;
      field = undefined;
    } else if (field && 'fields' in field) {
      fields = field.fields;
    } else {
      fields = undefined;
    }
  }
  return { value, field, entries };
}

/**
 * The value a change's path points at in a workspace (canonicalized as the diff sees it), or undefined
 * where there is none. For a list of words the value is the word; for a whole list, the list.
 */
export function valueAt(workspace: Workspace, path: string): unknown {
  return locate(workspace, path).value;
}

/**
 * The value at `path` in words, as the diff writes it ("90 days after account closure"); an entry or a
 * list item as its JSON; undefined where there is no value.
 */
export function wordsAt(workspace: Workspace, path: string): string | undefined {
  const { value, field } = locate(workspace, path);
  if (value === undefined) return undefined;
  const names = namesOf(canonicalize(workspace));
  if (field && 'format' in field && field.format) return field.format(value, names);
  return jsonText(value);
}

/**
 * How the field at `path` reads, worked out from the path alone (the value there may be gone): a field's
 * own format ("90 days after account closure", a purpose's name), or undefined where it has none (an
 * entry, an object of fields, a list item, a field not described here).
 */
export function formatAt(workspace: Workspace, path: string): ((value: unknown) => string) | undefined {
  const segments = path.split('/').slice(1).map(unescapeSegment);
  if (segments.length < 2) return undefined;
  const part = PARTS.find((p) => p.key === segments[0]);
  let fields: Fields | undefined = part ? part.fields : (ENTRY_FIELDS as Record<string, Fields>)[segments[0]];
  let format: Format | undefined;
  // An entry's fields start after its id.
  let i = part ? 1 : 2;
  if (i >= segments.length) return undefined;
  for (; i < segments.length; i++) {
    const field: Field | undefined = fields?.[segments[i]];
    format = undefined;
    fields = undefined;
    if (!field) return undefined;
    const last = i === segments.length - 1;
    if ('fields' in field) fields = field.fields;
    else if ('keyed' in field) {
      if (last) return undefined;
      // Past the item's key, into its fields.
      i++;
      fields = field.keyed.fields;
    } else if ('words' in field) {
      if (!last) format = field.words;
      else return undefined;
      i++;
    } else if ('map' in field) {
      if (last) return undefined;
      format = field.map.format;
      i++;
    } else format = field.format;
  }
  if (!format) return undefined;
  const names = namesOf(canonicalize(workspace));
  const chosen = format;
  return (value) => chosen(value, names);
}

/** The keys a reordering compares for the list at `path`: entries' ids, items' keys, or the words themselves. */
export function keysAt(workspace: Workspace, path: string): unknown[] {
  const { value, field, entries } = locate(workspace, path);
  if (!Array.isArray(value)) return [];
  if (entries) return value.map((e) => (isRecord(e) ? String(e.id) : jsonText(e)));
  if (field && 'keyed' in field) return itemKeys(value, field.keyed.key);
  return value;
}

// ---------------------------------------------------------------------------------------------------
// The diff

interface Walk {
  out: Change[];
  namesBefore: Names;
  namesAfter: Names;
  entity: ChangeEntity;
}

function namesOf(ws: Rec): Names {
  const map = (key: string) => {
    const list = Array.isArray(ws[key]) ? (ws[key] as unknown[]) : [];
    return new Map(list.filter(isRecord).map((e) => [String(e.id), entryName(e)]));
  };
  return {
    purposes: map('purposes'),
    recipients: map('recipients'),
    collectionPoints: map('collectionPoints'),
    dataTypes: map('dataTypes'),
  };
}

function lineOf(entity: ChangeEntity, text: string): string {
  return `${entity.name}: ${text}`;
}

function push(walk: Walk, change: Omit<Change, 'entity' | 'line'>, text: string): void {
  walk.out.push({ ...change, entity: walk.entity, line: lineOf(walk.entity, text) });
}

function diffValue(walk: Walk, path: string, field: ValueField, before: unknown, after: unknown): void {
  if (jsonEqual(before, after)) return;
  const format = field.format ?? jsonText;
  let beforeText = before === undefined ? undefined : format(before, walk.namesBefore);
  let afterText = after === undefined ? undefined : format(after, walk.namesAfter);
  // Two values that read the same (a name shared by two entries) are shown as they are stored.
  if (beforeText !== undefined && beforeText === afterText) {
    beforeText = jsonText(before);
    afterText = jsonText(after);
  }
  const kind: ChangeKind = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  push(
    walk,
    { kind, path, field: field.label, before, after, beforeText, afterText },
    `${field.label} ${beforeText ?? 'not set'} → ${afterText ?? 'not set'}`,
  );
}

function diffWords(walk: Walk, path: string, field: WordsField, before: unknown, after: unknown): void {
  if (jsonEqual(before, after)) return;
  if ((before !== undefined && !Array.isArray(before)) || (after !== undefined && !Array.isArray(after))) {
    return diffValue(walk, path, { label: field.label }, before, after);
  }
  const a = (before ?? []) as unknown[];
  const b = (after ?? []) as unknown[];
  const inA = new Set(a);
  const inB = new Set(b);
  for (const word of inA) {
    if (inB.has(word)) continue;
    const text = field.words(word, walk.namesBefore);
    push(
      walk,
      { kind: 'removed', path: join(path, String(word)), field: field.label, before: word, beforeText: text },
      `${field.label} removed: ${text}`,
    );
  }
  for (const word of inB) {
    if (inA.has(word)) continue;
    const text = field.words(word, walk.namesAfter);
    push(
      walk,
      { kind: 'added', path: join(path, String(word)), field: field.label, after: word, afterText: text },
      `${field.label} added: ${text}`,
    );
  }
  // The same words in another order, or a word repeated: the list as a whole.
  const keptA = a.filter((w) => inB.has(w));
  const keptB = b.filter((w) => inA.has(w));
  if (!jsonEqual(keptA, keptB)) {
    const beforeText = keptA.map((w) => field.words(w, walk.namesBefore)).join('; ');
    const afterText = keptB.map((w) => field.words(w, walk.namesAfter)).join('; ');
    push(
      walk,
      { kind: 'reordered', path, field: `${field.label} order`, before: keptA, after: keptB, beforeText, afterText },
      `${field.label} order ${beforeText} → ${afterText}`,
    );
  }
}

function diffKeyed(walk: Walk, path: string, field: KeyedField, before: unknown, after: unknown): void {
  if (jsonEqual(before, after)) return;
  if ((before !== undefined && !Array.isArray(before)) || (after !== undefined && !Array.isArray(after))) {
    return diffValue(walk, path, { label: field.label }, before, after);
  }
  const a = (before ?? []) as unknown[];
  const b = (after ?? []) as unknown[];
  const keysA = itemKeys(a, field.keyed.key);
  const keysB = itemKeys(b, field.keyed.key);
  const label = (item: unknown) => (isRecord(item) ? field.keyed.label(item) : `${field.label} ${jsonText(item)}`);
  keysA.forEach((key, i) => {
    if (keysB.includes(key)) return;
    push(walk, { kind: 'removed', path: join(path, key), field: label(a[i]), before: a[i] }, `${label(a[i])} removed`);
  });
  keysB.forEach((key, j) => {
    const itemPath = join(path, key);
    const i = keysA.indexOf(key);
    if (i < 0) {
      push(walk, { kind: 'added', path: itemPath, field: label(b[j]), after: b[j] }, `${label(b[j])} added`);
      return;
    }
    if (isRecord(a[i]) && isRecord(b[j])) {
      diffFields(walk, itemPath, field.keyed.fields, a[i] as Rec, b[j] as Rec, `${label(b[j])} `);
    } else diffValue(walk, itemPath, { label: label(b[j]) }, a[i], b[j]);
  });
  const keptA = keysA.filter((k) => keysB.includes(k));
  const keptB = keysB.filter((k) => keysA.includes(k));
  if (!jsonEqual(keptA, keptB)) {
    push(
      walk,
      {
        kind: 'reordered',
        path,
        field: `${field.label} order`,
        before: keptA,
        after: keptB,
        beforeText: keptA.join('; '),
        afterText: keptB.join('; '),
      },
      `${field.label} order ${keptA.join('; ')} → ${keptB.join('; ')}`,
    );
  }
}

function diffMap(walk: Walk, path: string, field: MapField, before: unknown, after: unknown): void {
  if (jsonEqual(before, after)) return;
  if ((before !== undefined && !isRecord(before)) || (after !== undefined && !isRecord(after))) {
    return diffValue(walk, path, { label: field.label }, before, after);
  }
  const a = (before ?? {}) as Rec;
  const b = (after ?? {}) as Rec;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const label = field.map.label(key, b[key] !== undefined ? walk.namesAfter : walk.namesBefore);
    diffValue(walk, join(path, key), { label, format: field.map.format }, a[key], b[key]);
  }
}

/** Keys in the order the fields are described (the format's), then any others in the order they appear. */
export function keysOf(fields: Fields, a: Rec, b: Rec): string[] {
  const known = Object.keys(fields);
  const extra = [...Object.keys(a), ...Object.keys(b)].filter((k) => !(k in fields));
  return [...known, ...new Set(extra)];
}

function diffFields(walk: Walk, path: string, fields: Fields, a: Rec, b: Rec, prefix = ''): void {
  for (const key of keysOf(fields, a, b)) {
    const before = a[key];
    const after = b[key];
    if (before === undefined && after === undefined) continue;
    const field = fieldAt(fields, key);
    const here = join(path, key);
    const label = `${prefix}${field.label}`;
    if ('fields' in field) {
      if ((before === undefined || isRecord(before)) && (after === undefined || isRecord(after))) {
        diffFields(walk, here, field.fields, (before ?? {}) as Rec, (after ?? {}) as Rec, prefix);
      } else diffValue(walk, here, { label }, before, after);
    } else if ('words' in field) diffWords(walk, here, { ...field, label }, before, after);
    else if ('keyed' in field) diffKeyed(walk, here, field, before, after);
    else if ('map' in field) diffMap(walk, here, field, before, after);
    else diffValue(walk, here, { ...field, label }, before, after);
  }
}

function asList(value: unknown): Rec[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function diffEntries(list: EntryList, a: Rec, b: Rec, walk: Omit<Walk, 'entity'>): void {
  const before = asList(a[list]);
  const after = asList(b[list]);
  const noun = NOUNS[list].one;
  const section: Section = list;
  let changes: { added: string[]; removed: string[]; changed: string[]; reordered: boolean };
  if (list === 'financialIncentives') {
    const ids = (l: Rec[]) => l.map((e) => String(e.id));
    const idsA = ids(before);
    const idsB = ids(after);
    const byId = new Map(before.map((e) => [String(e.id), e]));
    changes = {
      added: idsB.filter((id) => !byId.has(id)),
      removed: idsA.filter((id) => !idsB.includes(id)),
      changed: after.filter((e) => byId.has(String(e.id)) && !jsonEqual(byId.get(String(e.id)), e)).map((e) => String(e.id)),
      reordered: !jsonEqual(
        idsA.filter((id) => idsB.includes(id)),
        idsB.filter((id) => byId.has(id)),
      ),
    };
  } else {
    // Entries are matched by id as the backups match them.
    const found = changesSince({ [list]: before } as unknown as Workspace, { [list]: after } as unknown as Workspace).lists.find(
      (l) => l.key === list,
    )!;
    changes = {
      added: found.added.map((r) => r.id),
      removed: found.removed.map((r) => r.id),
      changed: found.changed.map((r) => r.id),
      reordered: found.reordered,
    };
  }
  const beforeById = new Map(before.map((e) => [String(e.id), e]));
  const afterById = new Map(after.map((e) => [String(e.id), e]));
  for (const id of changes.removed) {
    const entry = beforeById.get(id)!;
    const entity: ChangeEntity = { section, id, name: entryName(entry) };
    walk.out.push({
      kind: 'removed',
      path: join(`/${list}`, id),
      entity,
      field: noun,
      before: entry,
      beforeText: entity.name,
      line: `${capitalize(noun)} removed: ${entity.name}`,
    });
  }
  for (const id of changes.added) {
    const entry = afterById.get(id)!;
    const entity: ChangeEntity = { section, id, name: entryName(entry) };
    walk.out.push({
      kind: 'added',
      path: join(`/${list}`, id),
      entity,
      field: noun,
      after: entry,
      afterText: entity.name,
      line: `${capitalize(noun)} added: ${entity.name}`,
    });
  }
  for (const id of changes.changed) {
    const old = beforeById.get(id)!;
    const now = afterById.get(id)!;
    const entity: ChangeEntity = { section, id, name: entryName(now) };
    if (entryName(old) !== entity.name) entity.previousName = entryName(old);
    diffFields({ ...walk, entity }, join(`/${list}`, id), ENTRY_FIELDS[list], old, now);
  }
  if (changes.reordered) {
    const idsA = before.map((e) => String(e.id)).filter((id) => afterById.has(id));
    const idsB = after.map((e) => String(e.id)).filter((id) => beforeById.has(id));
    const entity: ChangeEntity = { section, name: capitalize(NOUNS[list].many) };
    walk.out.push({
      kind: 'reordered',
      path: `/${list}`,
      entity,
      field: 'order',
      before: idsA,
      after: idsB,
      beforeText: idsA.map((id) => entryName(beforeById.get(id)!)).join('; '),
      afterText: idsB.map((id) => entryName(afterById.get(id)!)).join('; '),
      line: `${capitalize(NOUNS[list].many)}: reordered (documents list them in the new order)`,
    });
  }
}

/**
 * The conflicts a git merge left (`mergeConflicts`) by where they are, one line each: added by a merge,
 * removed when chosen. A conflict is the same only with the same values, so that any difference shows.
 */
function diffMergeConflicts(walk: Walk, before: unknown[] = [], after: unknown[] = []): void {
  const key = (c: unknown) => jsonText(c);
  const where = (c: unknown) => (isRecord(c) && typeof c.where === 'string' ? oneLine(c.where) : jsonText(c));
  const path = (c: unknown) => join('/mergeConflicts', isRecord(c) && typeof c.path === 'string' ? c.path : jsonText(c));
  const inBefore = new Set(before.map(key));
  const inAfter = new Set(after.map(key));
  for (const c of before) {
    if (inAfter.has(key(c))) continue;
    push(walk, { kind: 'removed', path: path(c), field: 'conflict', before: c, beforeText: where(c) }, `resolved: ${where(c)}`);
  }
  for (const c of after) {
    if (inBefore.has(key(c))) continue;
    push(walk, { kind: 'added', path: path(c), field: 'conflict', after: c, afterText: where(c) }, `unresolved: ${where(c)}`);
  }
}

/**
 * Every difference between workspace `a` (the older) and `b` (the newer), field by field, grouped by
 * entry in the order: organization, data types, purposes, recipients, collection points, financial
 * incentives, settings, review decisions, other top-level fields. Both are read canonically, so an empty
 * text and a missing one are the same, and key order never matters. Empty exactly when the two
 * canonical workspaces are equal.
 */
export function semanticDiff(a: Workspace, b: Workspace): SemanticDiff {
  const ca = canonicalize(a);
  const cb = canonicalize(b);
  const base = { out: [] as Change[], namesBefore: namesOf(ca), namesAfter: namesOf(cb) };
  const part = (key: string, name: string, fields: Fields, section: Section) => {
    const before = ca[key];
    const after = cb[key];
    const walk: Walk = { ...base, entity: { section, name } };
    if (isRecord(before) || isRecord(after)) {
      if ((before === undefined || isRecord(before)) && (after === undefined || isRecord(after))) {
        diffFields(walk, `/${escapeSegment(key)}`, fields, (before ?? {}) as Rec, (after ?? {}) as Rec);
        return;
      }
    }
    diffValue(walk, `/${escapeSegment(key)}`, { label: key }, before, after);
  };
  part('organization', 'Organization', ORGANIZATION, 'organization');
  for (const list of ENTRY_LISTS) diffEntries(list, ca, cb, base);
  part('settings', 'Settings', SETTINGS, 'settings');
  part('review', 'Review', REVIEW, 'review');
  const others = [...new Set([...Object.keys(ca), ...Object.keys(cb)])].filter(
    (k) => !TOP_LEVEL.has(k) || k === 'format' || k === 'version',
  );
  for (const key of others) {
    if (
      key === 'mergeConflicts' &&
      (ca[key] === undefined || Array.isArray(ca[key])) &&
      (cb[key] === undefined || Array.isArray(cb[key]))
    ) {
      diffMergeConflicts({ ...base, entity: { section: 'other', name: 'Merge conflicts' } }, ca[key] as unknown[], cb[key] as unknown[]);
      continue;
    }
    diffValue({ ...base, entity: { section: 'other', name: 'Workspace' } }, `/${escapeSegment(key)}`, { label: key }, ca[key], cb[key]);
  }
  return { changes: base.out, same: base.out.length === 0 };
}

export interface EntityChanges {
  entity: ChangeEntity;
  changes: Change[];
}

export interface SectionChanges {
  section: Section;
  title: string;
  entities: EntityChanges[];
}

/** The changes by section and, within a section, by entry, in the diff's order. */
export function groupChanges(diff: SemanticDiff): SectionChanges[] {
  const sections: SectionChanges[] = [];
  for (const change of diff.changes) {
    let section = sections.find((s) => s.section === change.entity.section);
    if (!section) {
      section = { section: change.entity.section, title: SECTION_TITLES[change.entity.section], entities: [] };
      sections.push(section);
    }
    const key = change.entity.id ?? `:${change.entity.name}`;
    let group = section.entities.find((g) => (g.entity.id ?? `:${g.entity.name}`) === key);
    if (!group) {
      group = { entity: change.entity, changes: [] };
      section.entities.push(group);
    }
    group.changes.push(change);
  }
  return sections;
}

// ---------------------------------------------------------------------------------------------------
// One workspace as text, one line per field

function fieldLines(lines: string[], name: string, fields: Fields, value: Rec, names: Names, prefix = ''): void {
  for (const key of keysOf(fields, value, {})) {
    const v = value[key];
    if (v === undefined) continue;
    const field = fieldAt(fields, key);
    const label = `${prefix}${field.label}`;
    if ('fields' in field && isRecord(v)) fieldLines(lines, name, field.fields, v, names, prefix);
    else if ('words' in field && Array.isArray(v)) for (const word of v) lines.push(`${name}: ${label}: ${field.words(word, names)}`);
    else if ('keyed' in field && Array.isArray(v)) {
      for (const item of v) {
        if (!isRecord(item)) {
          lines.push(`${name}: ${label}: ${jsonText(item)}`);
          continue;
        }
        const itemLabel = field.keyed.label(item);
        lines.push(`${name}: ${itemLabel}`);
        fieldLines(lines, name, field.keyed.fields, item, names, `${itemLabel} `);
      }
    } else if ('map' in field && isRecord(v)) {
      for (const [k, inner] of Object.entries(v)) lines.push(`${name}: ${field.map.label(k, names)}: ${field.map.format(inner, names)}`);
    } else {
      const format = 'format' in field && field.format ? field.format : jsonText;
      lines.push(`${name}: ${label}: ${format(v, names)}`);
    }
  }
}

/**
 * A workspace as stable text, one line per field (one per word of a list), grouped by entry, each line
 * starting with the entry's name: "Email address: retention: 30 days after collection". What `candor
 * textconv` prints for git: the line diff of two such texts reads as what changed.
 */
export function workspaceText(workspace: Workspace): string {
  const ws = canonicalize(workspace);
  const names = namesOf(ws);
  const lines: string[] = [`Candor workspace, format version ${jsonText(ws.version)}`];
  const section = (title: string) => lines.push('', `== ${title} ==`);
  const part = (key: string, name: string, fields: Fields) => {
    const value = ws[key];
    if (value === undefined) return;
    section(SECTION_TITLES[key as Section]);
    if (isRecord(value)) fieldLines(lines, name, fields, value, names);
    else lines.push(`${name}: ${jsonText(value)}`);
  };
  part('organization', 'Organization', ORGANIZATION);
  for (const list of ENTRY_LISTS) {
    const entries = Array.isArray(ws[list]) ? (ws[list] as unknown[]) : [];
    if (entries.length === 0) continue;
    section(SECTION_TITLES[list]);
    for (const entry of entries) {
      if (!isRecord(entry)) {
        lines.push(jsonText(entry));
        continue;
      }
      const name = entryName(entry);
      lines.push('', `${capitalize(NOUNS[list].one)} ${name} (${String(entry.id)})`);
      const { id: _id, ...fields } = entry;
      fieldLines(lines, name, ENTRY_FIELDS[list], fields, names);
    }
  }
  part('settings', 'Settings', SETTINGS);
  part('review', 'Review', REVIEW);
  // The format line is there only when it is not Candor's (the version is in the first line).
  const others = Object.keys(ws).filter((k) => !TOP_LEVEL.has(k) || (k === 'format' && ws.format !== FORMAT));
  if (others.length > 0) {
    section(SECTION_TITLES.other);
    for (const key of others) {
      // One line per conflict a git merge left, by where it is and with its values, so that a line diff shows each.
      if (key === 'mergeConflicts' && Array.isArray(ws[key])) {
        for (const c of ws[key] as unknown[]) {
          const where = isRecord(c) && typeof c.where === 'string' ? oneLine(c.where) : '';
          const { where: _where, path: _path, ...values } = isRecord(c) ? c : { value: c };
          lines.push(`Merge conflicts: unresolved: ${where || jsonText(c)}: ${jsonText(values)}`);
        }
        continue;
      }
      lines.push(`Workspace: ${key}: ${jsonText(ws[key])}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
