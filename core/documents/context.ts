// The view model a document template sees. It is built from the workspace field by field, so what a
// template can print is exactly what is listed here: internal fields (notes, owner, status, reviewedOn)
// are never copied in, and raw workspace objects never reach a template.
//
// Every string that comes from the user is made plain (`plainText`) and escaped for Markdown
// (`markdownInline`) here, once; phrases that mix our words with the user's are escaped as a whole.
// Addresses come as { text, url, link }: `url` is a link destination (for `[text](…)` or `<…>`), `link`
// is a ready-made Markdown link.
// Every key is always present (empty string, empty list, false or 0 when there is nothing), so a
// template can test any value and a misspelt name is an error rather than a blank.
import { serializeWorkspace, serializeWorkspacePieces } from '../canonical';
import { isDeepFrozen } from '../frozen';
import { countryInText, countryName, EEA } from '../countries';
import type { DocumentHistory, DocumentRelease } from '../versions';
import { formatDate } from '../dates';
import { versionFacts, type VersionFacts } from './version-text';
import { CCPA_CATEGORIES, type CcpaCategoryId } from '../identifiers';
import { deriveClassification, type Classification } from '../reference';
import { DECISION_GROUND_LABELS, isDirectMarketing, objectionApplies, profiles } from '../profiling';
import { lowerFirst, retentionPhrase } from '../retention';
import { EMAIL_PATTERN, type DataType, type LawfulBasis, type Organization, type Purpose, type Recipient, type Workspace } from '../schema';
import { recipientsFor } from '../recipient-purposes';
import { lineage } from '../taxonomy';
import { assessTransfer, assessTransfers, DEROGATION_TEXT, dpfCertified, hasCopy } from '../transfers';
import { capitalize, listInWords, startSentence, type ListOptions } from '../words';
import { headingText, markdownInline, markdownUrl, plainLines, plainText, sentence } from './text';
import { normaliseEmail, normaliseUrl } from '../normalise';
import { comprehensiveStatesIn, isStateSensitive, isTargetedAdvertisingUse, type UsStateLaw } from '../us-states';
import { appTracking, consentRecordedAt } from '../cookies';
import { consumerHealthView, financialIncentivesView, type ConsumerHealthView, type FinancialIncentiveView } from './health-and-incentives';

export interface LinkView {
  /** the address as text, escaped */
  text: string;
  /** a link destination */
  url: string;
  /** a ready-made Markdown link */
  link: string;
}

export interface PurposeRef {
  id: string;
  name: string;
}

export interface RecipientRef {
  id: string;
  name: string;
  role: string;
  roleLabel: string;
}

export interface DataTypeView {
  id: string;
  name: string;
  /** the name without trailing punctuation, for a heading */
  heading: string;
  description: string;
  purposes: PurposeRef[];
  purposeNames: string[];
  benefit: string;
  /** completes "We keep it …": "for 30 days after you close your account"; empty when no retention is set */
  retention: string;
  /** stands alone: "For 30 days after you close your account." or the criteria as written */
  retentionText: string;
  recipients: RecipientRef[];
  recipientNames: string[];
  /** "Hetzner Online GmbH and Brevo SAS (service providers); Trailkeepers e.V. (independent controller)" */
  recipientsPhrase: string;
  /** 'yes', 'no' or '' (not recorded) */
  required: string;
  /** "Yes. We need it to provide Ridgeline under our contract with you." — empty for data from third parties */
  requirement: string;
  consequence: string;
  /** 'user', 'automatic', 'third-party' or '' */
  source: string;
  /** where it comes from when it does not come from the person: "We collect it automatically …", or the source named */
  sourceText: string;
  /** for data from third parties: from whom, as written (no full stop added) */
  sourceDetail: string;
  fromThirdParty: boolean;
  special: boolean;
  /** "health data", "biometric data", … */
  specialKind: string;
  /** the Art 9(2) condition: "your explicit consent" */
  specialCondition: string;
  /** "Article 9(2)(a) GDPR" */
  specialConditionArticle: string;
  sensitive: boolean;
  /** the CCPA sensitive-information kind: "precise geolocation", "health information", … */
  sensitiveKind: string;
  ccpaCategories: string[];
  sold: boolean;
  shared: boolean;
  soldTo: string[];
  sharedWith: string[];
}

export interface PurposeView {
  id: string;
  name: string;
  heading: string;
  description: string;
  /** the key: 'consent', 'contract', … or '' */
  lawfulBasis: string;
  /** "your consent", "our legitimate interests", … */
  lawfulBasisLabel: string;
  /** "Article 6(1)(a) GDPR" */
  lawfulBasisArticle: string;
  legitimateInterest: string;
  automatedDecision: {
    present: boolean;
    logic: string;
    /** what the decision means for the person, as written; may be empty */
    significance: string;
    consequences: string;
    /** the Art 22(2) ground: 'contract', 'law', 'explicit-consent' or '' */
    ground: string;
    /** "We make this decision automatically because you have given your explicit consent (Article 22(2)(c) GDPR)."; empty without a ground */
    groundText: string;
  };
  /** the purpose profiles people (its data use says so, or the team set `profiling`) */
  profiling: boolean;
  /** for a profiling purpose: what the profiling is for, one sentence ("We use your data to decide which advertisements to show you.") */
  profilingText: string;
  /** for a profiling purpose: the right that lets the person stop it, one sentence, or empty when none applies */
  profilingRight: string;
  /** people may object to it: legitimate interests, public task or direct marketing (GDPR Art 21) */
  objection: boolean;
  /** its data use is marketing, so the right to object is absolute (Art 21(2)) */
  directMarketing: boolean;
  dataTypeNames: string[];
}

export interface RecipientView {
  id: string;
  name: string;
  heading: string;
  role: string;
  roleLabel: string;
  description: string;
  country: string;
  countryInText: string;
  /** outside the EEA (GDPR) or outside the UK and EEA (UK GDPR) */
  transfer: boolean;
  /** the stored `transferSafeguard` of a transfer ('adequacy', 'sccs', 'idta', …) or '' */
  safeguard: string;
  /**
   * what protects the transfer, from the adequacy table and the recipient's mechanism: one sentence, or
   * one per regime when the GDPR and the UK GDPR differ; empty when it is not a transfer
   */
  safeguardText: string;
  /** where a copy of the safeguards is published, for a transfer under an Art 46/47 safeguard */
  safeguardsCopy: LinkView;
  /** a transfer under an Art 46/47 safeguard whose copy people ask us for (no address recorded) */
  copyOnRequest: boolean;
  privacyPolicy: LinkView;
  sells: boolean;
  sharesForAds: boolean;
  dataTypeNames: string[];
  /** receives personal information for its own direct marketing (California's Shine the Light law) */
  directMarketing: boolean;
  /** its CCPA role: 'service provider', 'third party' or 'public authority' (for the CCPA sections) */
  ccpaRoleLabel: string;
  /** the purposes for which it receives data: its data types' purposes, narrowed by `recipientPurposes` */
  purposeNames: string[];
}

export interface RecipientGroupView {
  /** 'processor', 'controller', 'joint-controller', 'public-authority' or 'other' */
  role: string;
  recipients: RecipientView[];
}

export interface CcpaCategoryView {
  id: string;
  code: string;
  label: string;
  dataTypes: DataTypeView[];
  dataTypeNames: string[];
  purposeNames: string[];
  sources: string[];
  sold: boolean;
  shared: boolean;
  soldTo: string[];
  sharedWith: string[];
  /** the names of its data types that are sold, and of those that are shared */
  soldDataTypeNames: string[];
  sharedDataTypeNames: string[];
  /**
   * whether and to whom its data is sold or shared, one sentence per group of data types that go to the
   * same organisations: "Advertising identifier and Device ID: sold to A and shared with B for cross-context
   * behavioural advertising. Email address: sold to A.", with "Not sold." or "Not shared." when nothing
   * is, and "Neither sold nor shared." when neither
   */
  saleText: string;
  /**
   * organisations that receive it for a business purpose: every recipient except buyers and advertising
   * partners, whose receipt is a sale or sharing (1798.140(e), (ad), (ah)), never a business purpose
   */
  disclosedTo: string[];
  /** the same, with the category of each recipient: "A and B (service providers); C (public authority)" */
  disclosedToPhrase: string;
}

export interface RequestsView {
  webForm: LinkView;
  /** the (toll-free) number, as written */
  phone: string;
  /** where requests are emailed: `requests.email`, or the privacy contact email when none is recorded */
  email: LinkView;
  /** the email above is the privacy contact email, because no separate request address is recorded */
  emailIsContact: boolean;
  /** on one line, parts separated by commas */
  postalAddress: string;
  /** where in the app, as written ("Settings → Privacy → Request my data") */
  inApp: string;
  /** operates exclusively online with a direct relationship with its consumers (1798.130(a)(1)(A)) */
  onlineOnly: boolean;
  /**
   * each method as a phrase that completes "To make a request, …": "use our form at <…>", "call us
   * toll-free at 1-800-…", "email <…>", "write to us at …", "go to Settings → Privacy in the app"
   */
  methods: string[];
}

export interface CookieView {
  name: string;
  /** the recipient's name, or the organisation's for its own */
  provider: string;
  purpose: string;
  duration: string;
  /** "First party", "Third party" or empty */
  party: string;
  /** "Yes", "No" or empty */
  necessary: string;
}

export interface CookiesView {
  /** the "Cookies and similar technologies" section is written: cookies are listed, or an app tracks */
  present: boolean;
  /** every cookie listed at any collection point, each once */
  list: CookieView[];
  /** some cookie is not strictly necessary (or not marked either way) */
  optional: boolean;
  /** consent is recorded at every point that sets a cookie not marked strictly necessary */
  consent: boolean;
  /** a cookie's provider is a recipient marked as buying data or receiving it for cross-context behavioural advertising */
  saleOrSharing: boolean;
  /** the apps that track, for the device settings that stop them */
  appTracking: { ios: boolean; iosPrompt: boolean; android: boolean };
}

export interface UsStatesView {
  /** a comprehensive US state privacy law other than California's applies */
  present: boolean;
  /** "Your rights in other US states" beside the CCPA, "Your rights under US state privacy laws" without it */
  heading: string;
  /** the states, joined with "or": "Virginia, Colorado or Texas" */
  states: string;
  /** completes "If you live in …, … gives you these rights": "Virginia's consumer privacy law", "the consumer privacy law of your state" */
  law: string;
  /** some of the states gives the right to correct */
  correction: boolean;
  /** the states that do not give it, joined with "and" ("Utah and Iowa"); empty when every one does */
  noCorrection: string;
  /** whether personal data is sold or used for targeted advertising, to whom, and how to opt out: sentences */
  optOutText: string;
  /** whether personal data is used for profiling in furtherance of decisions with legal or similarly significant effects: a sentence */
  profilingText: string;
  /** the data types that are sensitive data under these laws */
  sensitiveData: DataTypeView[];
  /** what the laws of the workspace's states say about that sensitive data and how we process it: sentences; empty without any */
  sensitiveText: string;
  /** how a universal opt-out signal such as Global Privacy Control is honoured: sentences; empty when it is not or nothing is sold or targeted */
  signalsText: string;
  /** how to appeal a refused request and then contact the Attorney General: sentences */
  appealText: string;
}

export interface EarlierVersionView {
  version: string;
  /** "1 March 2027" */
  effectiveDate: string;
  /** what it changed, in sentences; for the first version, or one whose changes were not recorded, a sentence saying so */
  summary: string;
}

export interface DocumentContext {
  /** version, published, versionLine, effectiveDate, lastUpdated: see version-text.ts */
  document: VersionFacts & {
    id: string;
    title: string;
    /** the inventory's fingerprint, such as `5bc562a5`: an internal build id, not printed by the built-in templates */
    buildId: string;
    locale: string;
    /** the published version the changes are measured from ("2.0"); empty when none was published before */
    changesSince: string;
    /** what this version changes for customers since `changesSince`, one sentence each (core/what-changed.ts); empty when nothing */
    changes: string[];
    /** the published versions before this one, newest first: "Changes to this notice" lists them */
    earlierVersions: EarlierVersionView[];
  };
  jurisdictions: {
    gdpr: boolean;
    ukGdpr: boolean;
    ccpa: boolean;
    /** GDPR or UK GDPR */
    europe: boolean;
    /** how to cite an article: "GDPR", "UK GDPR" or "GDPR and UK GDPR" */
    gdprCitation: string;
    /** the laws in words: "the EU General Data Protection Regulation (GDPR)", … */
    names: string[];
  };
  organization: {
    name: string;
    legalName: string;
    address: string;
    addressLines: string[];
    email: LinkView;
    website: LinkView;
    privacyPolicy: LinkView;
    optOut: LinkView;
    /** the "Limit the Use of My Sensitive Personal Information" page */
    limitUse: LinkView;
    /** one "Alternative Opt-out Link" in place of the two above (11 CCR 7015), titled "Your Privacy Choices" */
    alternativeOptOut: LinkView;
    /** where the Consumer Health Data Privacy Policy is published */
    consumerHealthPolicy: LinkView;
    accountDeletion: LinkView;
    /** how people make privacy requests */
    requests: RequestsView;
    /** the US facts the notices state; 'yes', 'no' or '' (not recorded) where a fact may be unknown */
    usPrivacy: {
      sensitiveUseLimited: boolean;
      optOutSignals: string;
      optOutSignalsHow: string;
      /** 'honoured', 'not-honoured' or '' */
      doNotTrack: string;
      sellsUnder16: string;
    };
    securityMeasures: string;
    dpo: { present: boolean; name: string; email: LinkView; address: string };
    /** where the controller is established, the country's name; empty when not recorded */
    country: string;
    /** established outside the EEA (a known country), so the GDPR gives it no lead authority (Art 56) */
    outsideEea: boolean;
    representatives: { region: string; regionName: string; name: string; address: string; email: LinkView }[];
    /**
     * `lead`: the notice names it as the lead authority (GDPR applies and the controller is not known to be
     * established outside the EEA); `shown`: the notice names it at all (as the lead authority, or under the
     * UK GDPR alone as the authority to complain to)
     */
    supervisoryAuthority: { present: boolean; name: string; website: LinkView; lead: boolean; shown: boolean };
  };
  children: { applies: boolean; minimumAge: number; childrenDirected: boolean };
  dataTypes: DataTypeView[];
  purposes: PurposeView[];
  recipients: RecipientView[];
  recipientGroups: RecipientGroupView[];
  transfers: RecipientView[];
  automatedDecisions: PurposeView[];
  /** the purposes that profile people */
  profilingPurposes: PurposeView[];
  /** the purposes based on legitimate interests or a public task (Art 21(1)) */
  objectionPurposes: PurposeView[];
  /** the direct-marketing purposes (Art 21(2)) */
  marketingPurposes: PurposeView[];
  specialData: DataTypeView[];
  sensitiveData: DataTypeView[];
  thirdPartyData: DataTypeView[];
  cookies: CookiesView;
  /** the financial incentives, for the notice of financial incentive (11 CCR 7016) */
  financialIncentives: FinancialIncentiveView[];
  /** consumer health data under Washington's and Nevada's laws, for the Consumer Health Data Privacy Policy */
  consumerHealth: ConsumerHealthView;
  ccpa: {
    /** the categories of personal information A–K that the workspace collects, in statutory order */
    categories: CcpaCategoryView[];
    /** category L, sensitive personal information: the data types flagged sensitive */
    sensitive: CcpaCategoryView;
    sells: boolean;
    shares: boolean;
    sellsOrShares: boolean;
    soldCategories: string[];
    sharedCategories: string[];
    buyers: RecipientView[];
    adPartners: RecipientView[];
    /** recipients that receive data for their own direct marketing (Shine the Light, Civ. Code 1798.83) */
    directMarketers: RecipientView[];
  };
  /** the comprehensive privacy laws of the US states other than California */
  usStates: UsStatesView;
  has: {
    consent: boolean;
    legitimateInterests: boolean;
    publicTask: boolean;
    /** a right to object applies (legitimate interests or public task) */
    objection: boolean;
    marketing: boolean;
    /** some purpose profiles people */
    profiling: boolean;
    automatedDecisions: boolean;
    transfers: boolean;
    /** a transfer relies on a safeguard (clauses, IDTA, binding corporate rules, codes, certification) with no published copy */
    transferCopies: boolean;
    special: boolean;
    sensitive: boolean;
    thirdPartySources: boolean;
    /** the workspace records a financial incentive */
    financialIncentives: boolean;
    /** some data type is consumer health data */
    consumerHealth: boolean;
  };
}

export interface DocumentInfo {
  id: string;
  title: string;
  locale: string;
}

// ---------------------------------------------------------------------------------------------------
// Labels

const LAWFUL_BASIS_LABELS: Record<LawfulBasis, { label: string; point: string }> = {
  consent: { label: 'your consent', point: 'a' },
  contract: { label: 'our contract with you', point: 'b' },
  'legal-obligation': { label: 'a legal obligation', point: 'c' },
  'vital-interests': { label: 'vital interests', point: 'd' },
  'public-task': { label: 'a task in the public interest', point: 'e' },
  'legitimate-interests': { label: 'our legitimate interests', point: 'f' },
};

const SPECIAL_CONDITION_LABELS: Record<string, { label: string; point: string }> = {
  'explicit-consent': { label: 'your explicit consent', point: 'a' },
  employment: { label: 'our obligations and your rights in employment and social security law', point: 'b' },
  'vital-interests': { label: "protecting your vital interests, or someone else's, when consent cannot be given", point: 'c' },
  'not-for-profit': { label: 'the legitimate activities of a not-for-profit body with its members', point: 'd' },
  'made-public': { label: 'data you have clearly made public yourself', point: 'e' },
  'legal-claims': { label: 'establishing, exercising or defending legal claims', point: 'f' },
  'substantial-public-interest': { label: 'reasons of substantial public interest set out in law', point: 'g' },
  'health-care': { label: 'preventive or occupational medicine, health or social care', point: 'h' },
  'public-health': { label: 'public interest in the area of public health', point: 'i' },
  research: { label: 'archiving, scientific or historical research, or statistics in the public interest', point: 'j' },
};

// The most specific taxonomy key decides: "user.biometric.health" is health data before it is biometric.
const SPECIAL_KINDS: Record<string, string> = {
  'user.biometric.health': 'health data',
  'user.health_and_medical.genetic': 'genetic data',
  'user.health_and_medical': 'health data',
  'user.biometric': 'biometric data',
  'user.authorization.biometric': 'biometric data',
  'user.demographic.race_ethnicity': 'data revealing racial or ethnic origin',
  'user.demographic.political_opinion': 'data revealing political opinions',
  'user.demographic.religious_belief': 'data revealing religious or philosophical beliefs',
  'user.demographic.sexual_orientation': 'data concerning sexual orientation',
};

const SENSITIVE_KINDS: Record<string, string> = {
  'user.authorization.credentials': 'account log-in credentials',
  'user.authorization.password': 'account log-in credentials',
  'user.authorization.biometric': 'biometric information used to identify you',
  'user.biometric.health': 'health information',
  'user.biometric': 'biometric information used to identify you',
  'user.demographic.race_ethnicity': 'racial or ethnic origin',
  'user.demographic.religious_belief': 'religious or philosophical beliefs',
  'user.demographic.sexual_orientation': 'sex life or sexual orientation',
  'user.location.precise': 'precise geolocation',
  'user.location': 'precise geolocation',
  'user.financial.credit_card': 'a card number with its security code',
  'user.government_id.immigration': 'citizenship or immigration status',
  'user.government_id': 'government identification numbers',
  'user.health_and_medical.genetic': 'genetic data',
  'user.health_and_medical': 'health information',
};

function kindOf(category: string, table: Record<string, string>, fallback: string): string {
  for (const key of lineage(category)) {
    const kind = table[key];
    if (kind) return kind;
  }
  return fallback;
}

const ROLE_ORDER = ['processor', 'joint-controller', 'controller', 'public-authority', 'other'] as const;
const ROLE_LABELS: Record<string, [singular: string, plural: string]> = {
  processor: ['service provider', 'service providers'],
  'joint-controller': ['joint controller', 'joint controllers'],
  controller: ['independent controller', 'independent controllers'],
  'public-authority': ['public authority', 'public authorities'],
  other: ['', ''],
};

// The CCPA's words for the same roles: a service provider or contractor processes for the business, anyone
// else is a third party (1798.140(ag), (ai), (j)); a public authority is named as such.
const CCPA_ROLE_ORDER = ['processor', 'third-party', 'public-authority'] as const;
const CCPA_ROLE_LABELS: Record<(typeof CCPA_ROLE_ORDER)[number], [singular: string, plural: string]> = {
  processor: ['service provider', 'service providers'],
  'third-party': ['third party', 'third parties'],
  'public-authority': ['public authority', 'public authorities'],
};
const ccpaRole = (role: string | undefined): (typeof CCPA_ROLE_ORDER)[number] =>
  role === 'processor' || role === 'public-authority' ? role : 'third-party';

const JURISDICTION_NAMES: Record<'gdpr' | 'uk-gdpr' | 'ccpa', string> = {
  gdpr: 'the EU General Data Protection Regulation (GDPR)',
  'uk-gdpr': 'the UK General Data Protection Regulation (UK GDPR)',
  ccpa: 'the California Consumer Privacy Act (CCPA)',
};

/**
 * The comprehensive state laws for the introduction's list: each named in full up to three; beyond that
 * a pointer to the section that names the states, so the first paragraph does not become a list of states.
 */
function stateLawNames(states: readonly UsStateLaw[], ccpa: boolean): string[] {
  if (states.length <= 3) return states.map((s) => `the ${s.law}`);
  return [`the consumer privacy laws of the ${states.length} US states listed under "${usStatesHeading(ccpa)}"`];
}

const usStatesHeading = (ccpa: boolean) => (ccpa ? 'Your rights in other US states' : 'Your rights under US state privacy laws');

// ---------------------------------------------------------------------------------------------------
// Version

const INTERNAL_FIELDS = ['notes', 'owner', 'status', 'reviewedOn'] as const;

function withoutInternalFields(workspace: Workspace): Workspace {
  return {
    ...workspace,
    dataTypes: workspace.dataTypes.map((dataType) => {
      const copy: Record<string, unknown> = { ...dataType };
      for (const field of INTERNAL_FIELDS) delete copy[field];
      return copy as DataType;
    }),
  };
}

/**
 * FNV-1a, 32 bits, over the UTF-16 code units of the pieces in order (as if they were one text), as 8
 * hex digits: enough to tell two inventories apart on a printed page, and cheap on a 2,000-entry workspace.
 */
function fnv1a(pieces: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const text of pieces) {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Each data type entry as the fingerprint reads it (without internal fields), per frozen entry object. */
const FINGERPRINT_ENTRIES = new WeakMap<object, string>();
const FINGERPRINTS = new WeakMap<Workspace, string>();

function withoutInternal(list: string, entry: object): object {
  if (list !== 'dataTypes') return entry;
  const copy: Record<string, unknown> = { ...entry };
  for (const field of INTERNAL_FIELDS) delete copy[field];
  return copy;
}

/**
 * A short fingerprint of the inventory: the same workspace (ignoring internal fields such as notes
 * and review status) always gives the same version, on every document made from it. A frozen
 * workspace's is worked out once, from the entries written for the last one that did not change.
 */
export function inventoryVersion(workspace: Workspace): string {
  if (!isDeepFrozen(workspace)) return fnv1a([serializeWorkspace(withoutInternalFields(workspace))]);
  let version = FINGERPRINTS.get(workspace);
  if (version === undefined) {
    version = fnv1a(serializeWorkspacePieces(workspace, FINGERPRINT_ENTRIES, withoutInternal));
    FINGERPRINTS.set(workspace, version);
  }
  return version;
}

// ---------------------------------------------------------------------------------------------------
// Building blocks

const md = (value: string | undefined): string => (value ? markdownInline(value) : '');

// Names in a list keep apart where one holds an "and" of its own: "Email address, Subscriptions and invoices, and Payment card".
const LIST: ListOptions = { oxfordComma: 'when-ambiguous' };

// Addresses are printed tidied (a file edited by hand may hold "example.com"), as the review judges them.
function linkView(raw: string | undefined, text?: string): LinkView {
  const url = raw && normaliseUrl(raw);
  if (!url) return { text: '', url: '', link: '' };
  const destination = markdownUrl(url);
  const shown = text ?? url;
  return {
    text: markdownInline(shown),
    url: destination,
    link: text === undefined ? `<${destination}>` : `[${markdownInline(shown)}](${destination})`,
  };
}

// CommonMark's email autolink: an address of this shape can be printed as <address>.
const AUTOLINK_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

function emailView(raw: string | undefined): LinkView {
  const email = raw && normaliseEmail(raw);
  if (!email) return { text: '', url: '', link: '' };
  const text = markdownInline(email);
  const url = `mailto:${markdownUrl(email)}`;
  return { text, url, link: AUTOLINK_EMAIL.test(email) ? `<${email}>` : `[${text}](${url})` };
}

const yesNo = (value: boolean | undefined): string => (value === true ? 'yes' : value === false ? 'no' : '');

/**
 * How people make privacy requests. The privacy contact email stands in for a request email that is not
 * recorded: the notice already offers it for every question about personal data, and the review counts
 * it the same way (core/lint/california.ts), so the two never disagree.
 */
function requestsView(org: Organization): RequestsView {
  const requests = org.requests ?? {};
  const webForm = linkView(requests.webFormUrl);
  const phone = requests.phone?.trim() ? markdownInline(plainText(requests.phone)) : '';
  const ownEmail = emailView(requests.email);
  const email = ownEmail.link ? ownEmail : emailView(org.contactEmail);
  const postalAddress = requests.postalAddress?.trim() ? plainLines(requests.postalAddress).map(markdownInline).join(', ') : '';
  const inApp = requests.inApp?.trim() ? markdownInline(plainText(requests.inApp)).replace(/\.$/, '') : '';
  const methods = [
    ...(webForm.link ? [`use our request form at ${webForm.link}`] : []),
    ...(phone ? [`call us toll-free at ${phone}`] : []),
    ...(email.link ? [`email ${email.link}`] : []),
    ...(postalAddress ? [`write to us at ${postalAddress}`] : []),
    ...(inApp ? [`go to ${inApp} in the app`] : []),
  ];
  return {
    webForm,
    phone,
    email,
    emailIsContact: !ownEmail.link && Boolean(email.link),
    postalAddress,
    inApp,
    onlineOnly: requests.onlineOnly === true,
    methods,
  };
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** "A and B (service providers); C (independent controller)" */
function recipientsPhrase(recipients: RecipientRef[]): string {
  const groups = new Map<string, string[]>();
  for (const r of recipients) {
    const role = r.role || 'other';
    groups.set(role, [...(groups.get(role) ?? []), r.name]);
  }
  return ROLE_ORDER.filter((role) => groups.has(role))
    .map((role) => {
      const names = groups.get(role)!;
      const label = ROLE_LABELS[role][names.length === 1 ? 0 : 1];
      return label ? `${listInWords(names, LIST)} (${label})` : listInWords(names, LIST);
    })
    .join('; ');
}

/** "A and B (service providers); C (third party)": recipients under the CCPA's names for their roles. */
function ccpaRecipientsPhrase(recipients: { name: string; role: string }[]): string {
  const groups = new Map<string, string[]>();
  for (const r of recipients) {
    const role = ccpaRole(r.role);
    groups.set(role, [...(groups.get(role) ?? []), r.name]);
  }
  return CCPA_ROLE_ORDER.filter((role) => groups.has(role))
    .map((role) => {
      const names = groups.get(role)!;
      return `${listInWords(names, LIST)} (${CCPA_ROLE_LABELS[role][names.length === 1 ? 0 : 1]})`;
    })
    .join('; ');
}

/**
 * What of a CCPA category is sold or shared, and to whom, naming each data type once: data types that go
 * to the same buyers and advertising partners share one statement, so no name is followed by "sold to …"
 * and then again by "shared with …".
 */
function saleText(members: DataTypeView[]): string {
  const groups = new Map<string, { names: string[]; soldTo: string[]; sharedWith: string[] }>();
  for (const d of members) {
    if (!d.sold && !d.shared) continue;
    const key = `${d.soldTo.join('\u0000')}\u0001${d.sharedWith.join('\u0000')}`;
    const group = groups.get(key);
    if (group) group.names.push(d.name);
    else groups.set(key, { names: [d.name], soldTo: d.soldTo, sharedWith: d.sharedWith });
  }
  const sold = members.some((d) => d.sold);
  const shared = members.some((d) => d.shared);
  if (!sold && !shared) return 'Neither sold nor shared.';
  const statements = [...groups.values()].map(({ names, soldTo, sharedWith }) => {
    const parts = [
      ...(soldTo.length ? [`sold to ${listInWords(soldTo, LIST)}`] : []),
      ...(sharedWith.length ? [`shared with ${listInWords(sharedWith, LIST)} for cross-context behavioural advertising`] : []),
    ];
    return sentence(`${listInWords(names, LIST)}: ${parts.join(soldTo.length > 1 ? ', and ' : ' and ')}`);
  });
  if (!sold) statements.push('Not sold.');
  if (!shared) statements.push('Not shared.');
  return statements.join(' ');
}

interface Regimes {
  gdpr: boolean;
  ukGdpr: boolean;
}

type Assessment = NonNullable<ReturnType<typeof assessTransfer>>;

// How each regime names its adequacy findings: the Commission adopts decisions, the UK makes regulations.
const ADEQUACY_WORDS = {
  gdpr: {
    decision: 'the EU adequacy decision',
    covers: 'covers',
    it: 'it',
    none: 'there is no EU adequacy decision',
    by: 'the European Commission',
  },
  'uk-gdpr': {
    decision: 'the UK adequacy regulations',
    covers: 'cover',
    it: 'them',
    none: 'there are no UK adequacy regulations',
    by: 'the UK government',
  },
} as const;

/** The part of a transfer clause that says there is no adequacy finding covering this recipient (Art 13(1)(f)). */
function absenceClause(a: Assessment, recipient: Recipient, where: string): string {
  const w = ADEQUACY_WORDS[a.regime];
  const { certification, scope } = a.adequacy;
  if (certification) {
    return dpfCertified(recipient, a.regime) === false
      ? `this recipient is not certified under the ${certification.name}, so ${w.decision} for ${where} ${a.regime === 'gdpr' ? 'does' : 'do'} not cover it`
      : `${w.decision} for ${where} ${w.covers} only organisations certified under the ${certification.name}, and we do not rely on ${w.it} for this recipient`;
  }
  if (a.adequacy.status === 'adequate' && scope)
    return `${w.decision} for ${where} ${w.covers} only ${scope}, and we do not rely on ${w.it} for this recipient`;
  return `${w.none} for ${where}`;
}

const SIGNED = 'which we have signed with this recipient';

/** The mechanism clause for an Art 46 or 47 safeguard. */
function safeguardClause(mechanism: string, regime: 'gdpr' | 'uk-gdpr'): string {
  switch (mechanism) {
    case 'sccs':
      return `the transfer is protected by the standard contractual clauses adopted by the European Commission, ${SIGNED}`;
    case 'idta':
      return `the transfer is protected by the International Data Transfer Agreement issued by the UK Information Commissioner, ${SIGNED}`;
    case 'uk-addendum':
      return `the transfer is protected by the European Commission's standard contractual clauses with the UK Addendum issued by the UK Information Commissioner, ${SIGNED}`;
    case 'bcrs':
      return `the transfer is protected by binding corporate rules that this recipient follows and that ${regime === 'gdpr' ? 'EU data protection authorities have' : 'the UK Information Commissioner has'} approved`;
    case 'codes':
      return 'the transfer is protected by an approved code of conduct, with binding and enforceable commitments by this recipient to apply its safeguards';
    default:
      return 'the transfer is protected by an approved certification mechanism, with binding and enforceable commitments by this recipient to apply its safeguards';
  }
}

/** One regime's statement about a transfer, as a clause that can follow "Under the GDPR, ". */
function transferClause(a: Assessment, recipient: Recipient, where: string): string {
  const w = ADEQUACY_WORDS[a.regime];
  const law = a.regime === 'gdpr' ? 'GDPR' : 'UK GDPR';
  const basis = a.basis;
  switch (basis.kind) {
    case 'adequacy':
      return `${w.by} has decided that ${where} protects personal data adequately (${a.regime === 'gdpr' ? 'an adequacy decision' : 'adequacy regulations'})${basis.scope ? `, for ${basis.scope}, which include this recipient` : ''}`;
    case 'certified':
      return `this recipient is certified under the ${basis.framework}, which ${w.by} found adequate`;
    case 'safeguard':
      return `${absenceClause(a, recipient, where)}; ${safeguardClause(basis.mechanism, a.regime)}`;
    case 'derogation': {
      const point = basis.point ? DEROGATION_TEXT[basis.point] : undefined;
      return point
        ? `${absenceClause(a, recipient, where)}; the transfer relies on an exception in Article 49(1)(${point.point}) of the ${law}: ${point.notice}`
        : `${absenceClause(a, recipient, where)}; the transfer relies on one of the exceptions for specific situations in Article 49 of the ${law}`;
    }
    case 'none':
      // Only a review error leads here; the sentence states the fact and claims nothing.
      return a.stored === 'none'
        ? `${absenceClause(a, recipient, where)}, and no other safeguard applies, so your data may be less protected there`
        : absenceClause(a, recipient, where);
  }
}

/**
 * What protects the transfer of data to this recipient, in one or two sentences: one when a single
 * regime applies or both say the same (adequate under both, certified under both), otherwise one per
 * regime ("Under the GDPR, … Under the UK GDPR, …"), so that the two never read as one contradicting
 * the other.
 */
function transferText(recipient: Recipient, eu: Assessment | undefined, uk: Assessment | undefined): string {
  if (!recipient.country || !(eu || uk)) return '';
  const where = countryInText(recipient.country);
  if (eu && uk) {
    if (eu.basis.kind === 'adequacy' && uk.basis.kind === 'adequacy' && eu.basis.scope === uk.basis.scope)
      return `The European Commission and the UK government have decided that ${where} protects personal data adequately (adequacy decisions)${eu.basis.scope ? `, for ${eu.basis.scope}, which include this recipient` : ''}.`;
    // A plain absence under both (no decision at all for the country) and the same derogation or Art 46
    // instrument read as one sentence; binding corporate rules differ in who approved them.
    const plain = (a: Assessment) => !a.adequacy.certification && a.adequacy.status !== 'adequate';
    if (plain(eu) && plain(uk)) {
      const absent = `There is no EU adequacy decision and there are no UK adequacy regulations for ${where}`;
      if (eu.basis.kind === 'derogation' && uk.basis.kind === 'derogation' && eu.basis.point && eu.basis.point === uk.basis.point) {
        const point = DEROGATION_TEXT[eu.basis.point];
        return `${absent}; the transfer relies on an exception in Article 49(1)(${point.point}) of the GDPR and the UK GDPR: ${point.notice}.`;
      }
      if (
        eu.basis.kind === 'safeguard' &&
        uk.basis.kind === 'safeguard' &&
        eu.basis.mechanism === uk.basis.mechanism &&
        (eu.basis.mechanism === 'codes' || eu.basis.mechanism === 'certification')
      )
        return `${absent}; ${safeguardClause(eu.basis.mechanism, 'gdpr')}.`;
    }
    if (eu.basis.kind === 'certified' && uk.basis.kind === 'certified')
      return `This recipient is certified under the ${eu.basis.framework} and its UK Extension, which the European Commission and the UK government found adequate.`;
    return `Under the GDPR, ${transferClause(eu, recipient, where)}. Under the UK GDPR, ${transferClause(uk, recipient, where)}.`;
  }
  return `${capitalize(transferClause((eu ?? uk)!, recipient, where))}.`;
}

// ---------------------------------------------------------------------------------------------------
// The context

function decisionView(p: Purpose, gdprCitation: string, prose: (text: string) => string): PurposeView['automatedDecision'] {
  const decision = p.automatedDecision;
  if (!decision) return { present: false, logic: '', significance: '', consequences: '', ground: '', groundText: '' };
  const ground = decision.ground ? DECISION_GROUND_LABELS[decision.ground] : undefined;
  return {
    present: true,
    logic: prose(decision.logic),
    significance: decision.significance ? prose(decision.significance) : '',
    consequences: prose(decision.consequences),
    ground: decision.ground ?? '',
    groundText: ground
      ? `We make this decision automatically because ${ground.because} (Article 22(2)(${ground.point}) ${gdprCitation}).`
      : '',
  };
}

// What a profiling purpose uses the profile for, by its data use; a use Candor cannot read says what profiling is.
function profilingSentence(use: string | undefined): string {
  if (use === 'marketing' || use?.startsWith('marketing.')) return 'We use your data to decide which advertisements or offers to show you.';
  if (use === 'personalize' || use?.startsWith('personalize.')) return 'We use your data to tailor what we show you to your interests.';
  if (use === 'essential.fraud_detection') return 'We use your data to assess the risk that activity on your account is fraudulent.';
  return 'We use your data to evaluate or predict your preferences or behaviour.';
}

// The right that lets the person stop the profiling, strongest first; none for, say, a contract basis.
function profilingRight(p: Purpose): string {
  if (isDirectMarketing(p)) return 'You can object to it at any time, and we will stop.';
  if (p.lawfulBasis === 'legitimate-interests' || p.lawfulBasis === 'public-task')
    return 'You can object to it for reasons relating to your situation; see "Your right to object".';
  if (p.lawfulBasis === 'consent') return 'We do it only with your consent, which you can withdraw at any time.';
  return '';
}

// ---------------------------------------------------------------------------------------------------
// Reuse across renders
//
// The live preview builds a context on every edit; at 2,000 data types most of that is the data type
// views, and an edit changes one. A view is reused only when everything it is made from is frozen
// (the editor's workspaces are: immer freezes every state it makes) and is the very same object as
// last time: the data type, the purposes and recipients it names, and the organisation. A frozen
// object cannot change, so a reused view can never be stale; a workspace that can be changed in place
// (a script's, a test's) is built afresh on every call. Views are never changed after they are made,
// which is what lets the template's loops remember their output per view (liquid-memo.ts).

interface DataTypeMemo {
  purposes: readonly Purpose[];
  recipients: readonly Recipient[];
  organization: Organization;
  classification: Classification;
  view: DataTypeView;
}

const DATA_TYPE_VIEWS = new WeakMap<DataType, DataTypeMemo>();

/**
 * The context of one document; `release` is the published version it is made for, none for a draft;
 * `history` what "Changes to this notice" lists (core/versions.ts documentHistory), none when there is no archive.
 */
export function buildContext(
  workspace: Workspace,
  info: DocumentInfo,
  release?: DocumentRelease,
  history?: DocumentHistory,
): DocumentContext {
  return createContext(workspace, info, release, history);
}

/** The earlier versions as a notice lists them: each with its effective date and what it changed. */
function earlierVersionsView(history: DocumentHistory | undefined): EarlierVersionView[] {
  return (history?.earlier ?? []).map((entry) => ({
    version: markdownInline(entry.version),
    // In the version line's date style (version-text.ts).
    effectiveDate: formatDate(entry.effective),
    summary: entry.first
      ? 'The first published version.'
      : !entry.changes
        ? 'No summary of its changes was recorded.'
        : entry.changes.length === 0
          ? 'No change to the personal data we collect or how we use it.'
          : entry.changes.map((text) => markdownInline(text)).join(' '),
  }));
}

function createContext(
  workspace: Workspace,
  info: DocumentInfo,
  release: DocumentRelease | undefined,
  history: DocumentHistory | undefined,
): DocumentContext {
  const org = workspace.organization;
  const jurisdictions = new Set(org.jurisdictions);
  const regimes: Regimes = { gdpr: jurisdictions.has('gdpr'), ukGdpr: jurisdictions.has('uk-gdpr') };
  const europe = regimes.gdpr || regimes.ukGdpr;
  const ccpaApplies = jurisdictions.has('ccpa');
  const gdprCitation = regimes.gdpr && regimes.ukGdpr ? 'GDPR and UK GDPR' : regimes.gdpr ? 'GDPR' : 'UK GDPR';
  const orgName = md(org.name);

  const purposeById = new Map<string, Purpose>(workspace.purposes.map((p) => [p.id, p]));
  const recipientById = new Map<string, Recipient>(workspace.recipients.map((r) => [r.id, r]));
  const recipientNames = new Map<string, string>(workspace.recipients.map((r) => [r.id, md(r.name)]));
  const purposeNames = new Map<string, string>(workspace.purposes.map((p) => [p.id, md(p.name)]));
  // User text that stands as a sentence of its own starts with a capital, unless it starts with the
  // name of the organisation or a recipient, which is printed exactly as entered ("eBay keeps …").
  const names = [orgName, md(org.legalName), ...recipientNames.values()].filter(Boolean);
  const prose = (value: string): string => sentence(startSentence(md(value), names));

  // Data types ----------------------------------------------------------------------------------
  const reusable = isDeepFrozen(workspace);
  const remembered = workspace.dataTypes.map((d) => {
    const memo = reusable ? DATA_TYPE_VIEWS.get(d) : undefined;
    return memo && memo.purposes === workspace.purposes && memo.recipients === workspace.recipients && memo.organization === org
      ? memo
      : undefined;
  });
  const classifications = workspace.dataTypes.map((d, index) => remembered[index]?.classification ?? deriveClassification(d));
  const dataTypes: DataTypeView[] = workspace.dataTypes.map((d, index) => {
    const memo = remembered[index];
    if (memo) return memo.view;
    const view = dataTypeView(d, classifications[index]);
    if (reusable) {
      DATA_TYPE_VIEWS.set(d, {
        purposes: workspace.purposes,
        recipients: workspace.recipients,
        organization: org,
        classification: classifications[index],
        view,
      });
    }
    return view;
  });
  function dataTypeView(d: DataType, classification: Classification): DataTypeView {
    const name = md(d.name);
    const purposes = unique(d.purposes)
      .filter((id) => purposeById.has(id))
      .map((id) => ({ id, name: purposeNames.get(id)! }));
    const recipients: RecipientRef[] = unique(d.recipients ?? [])
      .filter((id) => recipientById.has(id))
      .map((id) => {
        const role = recipientById.get(id)!.role ?? '';
        // Without the GDPR, "independent controller" is no word of the applicable law: the US laws say third party.
        const roleLabel = !role ? '' : europe ? ROLE_LABELS[role][0] : CCPA_ROLE_LABELS[ccpaRole(role)][0];
        return { id, name: recipientNames.get(id)!, role, roleLabel };
      });
    const bases = new Set(purposes.map((p) => purposeById.get(p.id)!.lawfulBasis));
    const received = recipients.map((r) => recipientById.get(r.id)!);
    const soldTo = received.filter((r) => r.sells).map((r) => recipientNames.get(r.id)!);
    const sharedWith = received.filter((r) => r.sharesForAds).map((r) => recipientNames.get(r.id)!);

    const plainRetention = d.retention?.criteria ? { ...d.retention, criteria: plainText(d.retention.criteria) } : d.retention;
    const phrase =
      retentionPhrase(
        plainRetention && (plainRetention.criteria || plainRetention.after || plainRetention.period) ? plainRetention : undefined,
      ) ?? '';
    let retentionText = '';
    if (d.retention && (d.retention.period || d.retention.after)) retentionText = sentence(capitalize(markdownInline(phrase)));
    else if (d.retention?.criteria) retentionText = prose(d.retention.criteria);

    const fromThirdParty = d.source === 'third-party';
    let requirement = '';
    if (!fromThirdParty && d.required === true) {
      const contract = bases.has('contract');
      const law = bases.has('legal-obligation');
      requirement =
        contract && law
          ? `Yes. We need it to provide ${orgName} under our contract with you, and the law requires us to keep it.`
          : contract
            ? `Yes. We need it to provide ${orgName} under our contract with you.`
            : law
              ? 'Yes. The law requires us to collect it.'
              : 'Yes. We need it for the purposes described here.';
    } else if (!fromThirdParty && d.required === false) {
      requirement = "No. It's your choice.";
    }

    let sourceText = '';
    if (d.source === 'automatic') sourceText = sentence(`We collect it automatically when you use ${orgName}`);
    else if (fromThirdParty) sourceText = d.sourceDetail ? prose(d.sourceDetail) : 'We receive it from another organisation, not from you.';

    const special = classification.gdprSpecial;
    const condition = special && d.specialCondition ? SPECIAL_CONDITION_LABELS[d.specialCondition] : undefined;
    return {
      id: d.id,
      name,
      heading: headingText(name),
      description: d.description ? prose(d.description) : '',
      purposes,
      purposeNames: purposes.map((p) => p.name),
      benefit: d.benefit ? prose(d.benefit) : '',
      retention: phrase ? markdownInline(phrase) : '',
      retentionText,
      recipients,
      recipientNames: recipients.map((r) => r.name),
      recipientsPhrase: europe ? recipientsPhrase(recipients) : ccpaRecipientsPhrase(recipients),
      required: d.required === true ? 'yes' : d.required === false ? 'no' : '',
      requirement,
      consequence: d.consequenceIfNotProvided ? prose(d.consequenceIfNotProvided) : '',
      source: d.source ?? '',
      sourceText,
      sourceDetail: fromThirdParty && d.sourceDetail ? md(d.sourceDetail).replace(/\.$/, '') : '',
      fromThirdParty,
      special,
      specialKind: special ? kindOf(d.category, SPECIAL_KINDS, 'special category data') : '',
      specialCondition: condition?.label ?? '',
      specialConditionArticle: condition ? `Article 9(2)(${condition.point}) ${gdprCitation}` : '',
      sensitive: classification.ccpaSensitive,
      sensitiveKind: classification.ccpaSensitive ? kindOf(d.category, SENSITIVE_KINDS, 'sensitive personal information') : '',
      ccpaCategories: CCPA_CATEGORIES.filter((c) => classification.ccpa.includes(c.id)).map((c) => markdownInline(c.label)),
      sold: soldTo.length > 0,
      shared: sharedWith.length > 0,
      soldTo,
      sharedWith,
    };
  }
  const ccpaIds = new Map<DataTypeView, CcpaCategoryId[]>(dataTypes.map((d, index) => [d, classifications[index].ccpa]));

  // Purposes -------------------------------------------------------------------------------------
  const typesByPurpose = new Map<string, string[]>();
  const typesByRecipient = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string) => {
    const values = map.get(key);
    if (values) values.push(value);
    else map.set(key, [value]);
  };
  for (const d of dataTypes) {
    for (const p of d.purposes) push(typesByPurpose, p.id, d.name);
    for (const r of d.recipients) push(typesByRecipient, r.id, d.name);
  }
  // Why each recipient receives data: the purposes of its data types, narrowed by `recipientPurposes`.
  const purposesByRecipient = new Map<string, Set<string>>();
  for (const d of workspace.dataTypes) {
    for (const p of d.purposes) {
      if (!purposeById.has(p)) continue;
      for (const r of recipientsFor(d, p)) {
        const set = purposesByRecipient.get(r) ?? new Set<string>();
        set.add(p);
        purposesByRecipient.set(r, set);
      }
    }
  }
  const purposes: PurposeView[] = workspace.purposes.map((p) => {
    const name = purposeNames.get(p.id)!;
    const basis = p.lawfulBasis ? LAWFUL_BASIS_LABELS[p.lawfulBasis] : undefined;
    return {
      id: p.id,
      name,
      heading: headingText(name),
      description: p.description ? prose(p.description) : '',
      lawfulBasis: p.lawfulBasis ?? '',
      lawfulBasisLabel: basis?.label ?? '',
      lawfulBasisArticle: basis ? `Article 6(1)(${basis.point}) ${gdprCitation}` : '',
      legitimateInterest: p.lawfulBasis === 'legitimate-interests' && p.legitimateInterest ? prose(p.legitimateInterest) : '',
      automatedDecision: decisionView(p, gdprCitation, prose),
      profiling: profiles(p),
      profilingText: profiles(p) ? profilingSentence(p.use) : '',
      profilingRight: profiles(p) ? profilingRight(p) : '',
      objection: objectionApplies(p),
      directMarketing: isDirectMarketing(p),
      dataTypeNames: typesByPurpose.get(p.id) ?? [],
    };
  });

  // Recipients -----------------------------------------------------------------------------------
  const recipients: RecipientView[] = workspace.recipients.map((r) => {
    const name = recipientNames.get(r.id)!;
    const { eu, uk } = assessTransfers(r, regimes);
    const isTransfer = eu !== undefined || uk !== undefined;
    const copy = isTransfer && [eu, uk].some((a) => a && hasCopy(a.basis));
    return {
      id: r.id,
      name,
      heading: headingText(name),
      role: r.role ?? '',
      roleLabel: r.role ? ROLE_LABELS[r.role][0] : '',
      description: r.description ? prose(r.description) : '',
      country: r.country ? markdownInline(countryName(r.country)) : '',
      countryInText: r.country ? markdownInline(countryInText(r.country)) : '',
      transfer: isTransfer,
      safeguard: isTransfer ? (r.transferSafeguard ?? '') : '',
      // A country whose name ends in a full stop ("Virgin Islands, U.S.") ends its sentence with it.
      safeguardText: markdownInline(transferText(r, eu, uk).replace(/(?<!\.)\.\.(?=\s|$)/g, '.')),
      safeguardsCopy: copy ? linkView(r.safeguardsUrl) : linkView(undefined),
      copyOnRequest: copy && !r.safeguardsUrl,
      privacyPolicy: linkView(r.privacyPolicyUrl),
      sells: r.sells === true,
      sharesForAds: r.sharesForAds === true,
      directMarketing: r.directMarketing === true,
      ccpaRoleLabel: CCPA_ROLE_LABELS[ccpaRole(r.role)][0],
      dataTypeNames: typesByRecipient.get(r.id) ?? [],
      purposeNames: workspace.purposes.filter((p) => purposesByRecipient.get(r.id)?.has(p.id)).map((p) => purposeNames.get(p.id)!),
    };
  });
  const recipientGroups: RecipientGroupView[] = ROLE_ORDER.map((role) => ({
    role,
    recipients: recipients.filter((r) => (r.role || 'other') === role),
  })).filter((g) => g.recipients.length > 0);
  const transfers = recipients.filter((r) => r.transfer);

  // CCPA -----------------------------------------------------------------------------------------
  const categoryView = (category: (typeof CCPA_CATEGORIES)[number], members: DataTypeView[]): CcpaCategoryView => {
    // You first, then your device, then each third party in the order of the data types.
    const sources = unique([
      ...(members.some((d) => d.source === 'user') ? ['you'] : []),
      ...(members.some((d) => d.source === 'automatic') ? [`your device, automatically as you use ${orgName}`] : []),
      ...members.filter((d) => d.fromThirdParty).map((d) => (d.sourceDetail ? lowerFirst(d.sourceDetail) : 'other organisations')),
    ]);
    // Giving data to a buyer is a sale and to an advertising partner is sharing, never a business purpose.
    const businessPurpose = [
      ...new Map(
        members
          .flatMap((d) => d.recipients)
          .filter((r) => {
            const recipient = recipientById.get(r.id)!;
            return recipient.sells !== true && recipient.sharesForAds !== true;
          })
          .map((r) => [r.id, r]),
      ).values(),
    ];
    return {
      id: category.id,
      code: category.code,
      label: markdownInline(category.label),
      dataTypes: members,
      dataTypeNames: members.map((d) => d.name),
      purposeNames: unique(members.flatMap((d) => d.purposeNames)),
      sources,
      sold: members.some((d) => d.sold),
      shared: members.some((d) => d.shared),
      soldTo: unique(members.flatMap((d) => d.soldTo)),
      sharedWith: unique(members.flatMap((d) => d.sharedWith)),
      soldDataTypeNames: members.filter((d) => d.sold).map((d) => d.name),
      sharedDataTypeNames: members.filter((d) => d.shared).map((d) => d.name),
      saleText: saleText(members),
      disclosedTo: businessPurpose.map((r) => r.name),
      disclosedToPhrase: ccpaRecipientsPhrase(businessPurpose),
    };
  };
  // Category L is listed apart, as the statute does; its members are the data types flagged sensitive.
  const personalCategories = CCPA_CATEGORIES.filter((c) => c.id !== 'sensitive')
    .map((category) =>
      categoryView(
        category,
        dataTypes.filter((d) => ccpaIds.get(d)!.includes(category.id)),
      ),
    )
    .filter((view) => view.dataTypes.length > 0);
  const sensitiveData = dataTypes.filter((d) => d.sensitive);
  const sensitiveCategory = categoryView(
    CCPA_CATEGORIES.find((c) => c.id === 'sensitive')!,
    sensitiveData,
  );
  const buyers = recipients.filter((r) => r.sells && r.dataTypeNames.length > 0);
  const adPartners = recipients.filter((r) => r.sharesForAds && r.dataTypeNames.length > 0);
  const directMarketers = recipients.filter((r) => r.directMarketing && r.dataTypeNames.length > 0);

  // The notice of financial incentive and the consumer health data policy ------------------------
  const incentives = financialIncentivesView(workspace, dataTypes, prose);
  const health = consumerHealthView(workspace, dataTypes, purposes, recipients, orgName, prose, appealMethod(org.requests?.appeal));

  // Flags ----------------------------------------------------------------------------------------
  const allPurposes = workspace.purposes;
  const specialData = dataTypes.filter((d) => d.special);
  const automatedDecisions = purposes.filter((p) => p.automatedDecision.present);
  const profilingPurposes = purposes.filter((p) => p.profiling);
  const consent =
    allPurposes.some((p) => p.lawfulBasis === 'consent') ||
    workspace.dataTypes.some((d, index) => d.specialCondition === 'explicit-consent' && classifications[index].gdprSpecial);

  const audience = org.audience ?? {};
  // Only an establishment in the EU gives a controller a lead authority (one-stop shop, Art 56); one
  // established elsewhere leaves people to complain where they live, work or were wronged (Art 77).
  const outsideEea = org.country !== undefined && !EEA.has(org.country);
  // An authority is named only with its name: an address alone would print "our lead authority: , <url>".
  const namedAuthority = Boolean(org.supervisoryAuthority?.name?.trim());
  const leadAuthority = namedAuthority && regimes.gdpr && !outsideEea;
  const minimumAge = audience.minimumAge ?? 0;

  return {
    document: {
      id: markdownInline(info.id),
      title: markdownInline(info.title),
      ...versionFacts(release, workspace.settings.effectiveDate),
      buildId: inventoryVersion(workspace),
      locale: markdownInline(info.locale),
      changesSince: history?.since ? markdownInline(history.since) : '',
      changes: (history?.since ? history.changes : []).map((text) => markdownInline(text)),
      earlierVersions: earlierVersionsView(history),
    },
    jurisdictions: {
      gdpr: regimes.gdpr,
      ukGdpr: regimes.ukGdpr,
      ccpa: ccpaApplies,
      europe,
      gdprCitation: europe ? gdprCitation : '',
      names: [
        ...(['gdpr', 'uk-gdpr', 'ccpa'] as const).filter((j) => jurisdictions.has(j)).map((j) => JURISDICTION_NAMES[j]),
        ...stateLawNames(comprehensiveStatesIn(org.jurisdictions), ccpaApplies),
      ],
    },
    organization: {
      name: orgName,
      legalName: md(org.legalName) || orgName,
      address: org.address ? plainLines(org.address).map(markdownInline).join(', ') : '',
      addressLines: org.address ? plainLines(org.address).map(markdownInline) : [],
      email: emailView(org.contactEmail),
      website: linkView(org.website),
      privacyPolicy: linkView(org.privacyPolicyUrl),
      optOut: linkView(org.optOutUrl, 'Do Not Sell or Share My Personal Information'),
      limitUse: linkView(org.limitUseUrl, 'Limit the Use of My Sensitive Personal Information'),
      alternativeOptOut: linkView(org.alternativeOptOutUrl, 'Your Privacy Choices'),
      consumerHealthPolicy: linkView(org.consumerHealthPolicyUrl, 'Consumer Health Data Privacy Policy'),
      accountDeletion: linkView(org.accountDeletionUrl),
      requests: requestsView(org),
      usPrivacy: {
        sensitiveUseLimited: org.usPrivacy?.sensitiveUseLimited === true,
        optOutSignals: yesNo(org.usPrivacy?.optOutSignals),
        optOutSignalsHow: org.usPrivacy?.optOutSignalsHow ? prose(org.usPrivacy.optOutSignalsHow) : '',
        doNotTrack: org.usPrivacy?.doNotTrack ?? '',
        sellsUnder16: yesNo(org.usPrivacy?.sellsUnder16),
      },
      securityMeasures: org.securityMeasures ? prose(org.securityMeasures) : '',
      dpo: {
        present: Boolean(org.dpo && (org.dpo.name || org.dpo.email || org.dpo.address)),
        name: md(org.dpo?.name),
        email: emailView(org.dpo?.email),
        address: org.dpo?.address ? plainLines(org.dpo.address).map(markdownInline).join(', ') : '',
      },
      country: org.country ? markdownInline(countryName(org.country)) : '',
      outsideEea,
      representatives: (org.representatives ?? []).map((r) => ({
        region: r.region,
        regionName: r.region === 'eu' ? 'the EU' : 'the UK',
        name: md(r.name),
        address: r.address ? plainLines(r.address).map(markdownInline).join(', ') : '',
        email: emailView(r.email),
      })),
      supervisoryAuthority: {
        present: namedAuthority,
        name: md(org.supervisoryAuthority?.name),
        website: linkView(org.supervisoryAuthority?.url),
        lead: leadAuthority,
        shown: leadAuthority || (namedAuthority && !regimes.gdpr),
      },
    },
    children: {
      applies: minimumAge > 0 || audience.childrenDirected !== undefined,
      minimumAge,
      childrenDirected: audience.childrenDirected === true,
    },
    dataTypes,
    purposes,
    recipients,
    recipientGroups,
    transfers,
    automatedDecisions,
    profilingPurposes,
    objectionPurposes: purposes.filter((p) => p.lawfulBasis === 'legitimate-interests' || p.lawfulBasis === 'public-task'),
    marketingPurposes: purposes.filter((p) => p.directMarketing),
    specialData,
    sensitiveData,
    thirdPartyData: dataTypes.filter((d) => d.fromThirdParty),
    cookies: cookiesView(workspace, orgName, recipientNames),
    financialIncentives: incentives,
    consumerHealth: health,
    ccpa: {
      categories: personalCategories,
      sensitive: sensitiveCategory,
      sells: buyers.length > 0,
      shares: adPartners.length > 0,
      sellsOrShares: buyers.length + adPartners.length > 0,
      soldCategories: personalCategories.filter((c) => c.sold).map((c) => c.label),
      sharedCategories: personalCategories.filter((c) => c.shared).map((c) => c.label),
      buyers,
      adPartners,
      directMarketers,
    },
    usStates: usStatesView({
      workspace,
      ccpa: ccpaApplies,
      dataTypes,
      stateSensitive: workspace.dataTypes.map((d, index) => isStateSensitive(d.category, classifications[index])),
      purposes,
      prose,
    }),
    has: {
      consent,
      legitimateInterests: allPurposes.some((p) => p.lawfulBasis === 'legitimate-interests'),
      publicTask: allPurposes.some((p) => p.lawfulBasis === 'public-task'),
      objection: allPurposes.some((p) => p.lawfulBasis === 'legitimate-interests' || p.lawfulBasis === 'public-task'),
      marketing: allPurposes.some(isDirectMarketing),
      profiling: profilingPurposes.length > 0,
      automatedDecisions: automatedDecisions.length > 0,
      transfers: transfers.length > 0,
      transferCopies: transfers.some((r) => r.copyOnRequest),
      special: specialData.length > 0,
      sensitive: sensitiveData.length > 0,
      thirdPartySources: dataTypes.some((d) => d.fromThirdParty),
      financialIncentives: incentives.length > 0,
      consumerHealth: health.dataTypes.length > 0,
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Cookies and similar technologies

function cookiesView(workspace: Workspace, orgName: string, recipientNames: Map<string, string>): CookiesView {
  const seen = new Set<string>();
  const list: CookieView[] = [];
  const optionalAt: Workspace['collectionPoints'] = [];
  for (const point of workspace.collectionPoints) {
    for (const cookie of point.cookies ?? []) {
      if (cookie.necessary !== true && !optionalAt.includes(point)) optionalAt.push(point);
      // The same cookie set on two pages is one row.
      const key = JSON.stringify([cookie.name, cookie.provider, cookie.purpose, cookie.duration, cookie.party, cookie.necessary]);
      if (seen.has(key)) continue;
      seen.add(key);
      list.push({
        name: markdownInline(cookie.name),
        provider: (cookie.provider && recipientNames.get(cookie.provider)) || orgName,
        purpose: cookie.purpose ? markdownInline(cookie.purpose) : '',
        duration: cookie.duration ? markdownInline(cookie.duration) : '',
        party: cookie.party === 'first' ? 'First party' : cookie.party === 'third' ? 'Third party' : '',
        necessary: cookie.necessary === true ? 'Yes' : cookie.necessary === false ? 'No' : '',
      });
    }
  }
  const tracking = appTracking(workspace);
  const providers = new Set(workspace.collectionPoints.flatMap((p) => (p.cookies ?? []).map((c) => c.provider)));
  return {
    present: list.length > 0 || tracking.ios || tracking.android,
    // Strictly necessary first, then the rest, each in the order listed.
    list: [...list.filter((c) => c.necessary === 'Yes'), ...list.filter((c) => c.necessary !== 'Yes')],
    optional: optionalAt.length > 0,
    consent: optionalAt.length > 0 && optionalAt.every((point) => consentRecordedAt(workspace, point)),
    saleOrSharing: workspace.recipients.some((r) => providers.has(r.id) && (r.sells === true || r.sharesForAds === true)),
    appTracking: tracking,
  };
}

// ---------------------------------------------------------------------------------------------------
// The other US states (resources/us-states.json): one section for all of them, naming a state only
// where its law differs, so that eighteen states never read as eighteen copies of the same rights.

const OR_LIST: ListOptions = { ...LIST, conjunction: 'or' };

interface UsStatesInput {
  workspace: Workspace;
  ccpa: boolean;
  dataTypes: DataTypeView[];
  /** for each data type, whether it is sensitive data under the state laws */
  stateSensitive: boolean[];
  purposes: PurposeView[];
  prose: (value: string) => string;
}

function usStatesView({ workspace, ccpa, dataTypes, stateSensitive, purposes, prose }: UsStatesInput): UsStatesView {
  const org = workspace.organization;
  const states = comprehensiveStatesIn(org.jurisdictions);
  const stateNames = (list: readonly UsStateLaw[], options: ListOptions = LIST) =>
    listInWords(
      list.map((s) => s.state),
      options,
    );
  const heading = usStatesHeading(ccpa);
  if (states.length === 0) {
    return {
      present: false,
      heading,
      states: '',
      law: '',
      correction: false,
      noCorrection: '',
      optOutText: '',
      profilingText: '',
      sensitiveData: [],
      sensitiveText: '',
      signalsText: '',
      appealText: '',
    };
  }
  const one = states.length === 1;

  // Sale and targeted advertising: data given to a buyer or an advertising partner, or used for a purpose
  // whose data use is advertising targeted on activity across other companies' sites and apps (as
  // core/lint/facts.ts counts them). The data is named, as the notice names it everywhere else.
  const targetedPurposes = new Set(workspace.purposes.filter((p) => isTargetedAdvertisingUse(p.use)).map((p) => p.id));
  const soldTypes = dataTypes.filter((d) => d.sold);
  const targetedTypes = dataTypes.filter((d) => d.shared || d.purposes.some((p) => targetedPurposes.has(p.id)));
  const buyers = unique(soldTypes.flatMap((d) => d.soldTo));
  const adPartners = unique(targetedTypes.flatMap((d) => d.sharedWith));
  const names = (list: DataTypeView[]) =>
    listInWords(
      list.map((d) => d.name),
      LIST,
    );
  const what =
    soldTypes.length && targetedTypes.length ? 'targeted advertising and sale' : soldTypes.length ? 'sale' : 'targeted advertising';
  const optOutLink = org.alternativeOptOutUrl ? linkView(org.alternativeOptOutUrl) : linkView(org.optOutUrl);
  const doing = [
    ...(soldTypes.length ? [sentence(`We sell ${names(soldTypes)} to ${listInWords(buyers, LIST)}`)] : []),
    ...(targetedTypes.length
      ? [
          sentence(
            `We process ${names(targetedTypes)} for targeted advertising${adPartners.length ? `, with ${listInWords(adPartners, LIST)}` : ''}`,
          ),
        ]
      : []),
  ];
  const optOutText =
    doing.length === 0
      ? 'We do not sell your personal data, and we do not process it for targeted advertising.'
      : `${doing.join(' ')} ${
          optOutLink.link ? `To opt out of ${what}, use ${optOutLink.link}.` : `To opt out of ${what}, make a request as described below.`
        }`;

  const decisions = purposes.filter((p) => p.automatedDecision.present);
  const profilingText = decisions.length
    ? `We use personal data for profiling that leads to decisions with legal or similarly significant effects in ${listInWords(
        decisions.map((p) => p.name),
        LIST,
      )}; see "Automated decisions". You can opt out of it by making a request as described below.`
    : 'We do not use your personal data for profiling that leads to decisions with legal or similarly significant effects on you.';

  const sensitiveData = dataTypes.filter((_, i) => stateSensitive[i]);
  let sensitiveText = '';
  if (sensitiveData.length > 0) {
    const optIn = states.filter((s) => s.sensitiveData === 'opt-in');
    const optOut = states.filter((s) => s.sensitiveData === 'opt-out');
    const strict = states.filter((s) => s.sensitiveData === 'strictly-necessary');
    const consent =
      optIn.length === 0
        ? ''
        : optOut.length + strict.length === 0
          ? 'We process it only with your consent, which you can withdraw at any time.'
          : `If you live in ${stateNames(optIn, OR_LIST)}, we process it only with your consent, which you can withdraw at any time.`;
    const notice = optOut.length
      ? `If you live in ${stateNames(optOut, OR_LIST)}, you can tell us to stop processing it by making a request as described below.`
      : '';
    const necessary = strict.length
      ? `If you live in ${stateNames(strict, OR_LIST)}, we collect, process and share it only where it is strictly necessary to provide or maintain a product or service you asked for, and we never sell it.`
      : '';
    const names = listInWords(
      sensitiveData.map((d) => d.name),
      LIST,
    );
    sensitiveText = [
      sentence(`${names} ${sensitiveData.length === 1 ? 'is' : 'are'} sensitive data under ${one ? 'this law' : 'these laws'}`),
      consent,
      notice,
      necessary,
    ]
      .filter(Boolean)
      .join(' ');
  }

  const us = org.usPrivacy ?? {};
  const signalsText =
    us.optOutSignals === true && doing.length > 0
      ? `If your browser or device sends a universal opt-out signal, such as Global Privacy Control, we treat it as your request to opt out of ${what}.${
          us.optOutSignalsHow ? ` ${prose(us.optOutSignalsHow)}` : ''
        }`
      : '';

  const appealText = `${appealSentence(appealMethod(org.requests?.appeal), org.contactEmail, prose)} If we deny your appeal, you can contact the Attorney General of your state.`;

  return {
    present: true,
    heading,
    states: stateNames(states, OR_LIST),
    law: one ? `${states[0].state}'s consumer privacy law` : 'the consumer privacy law of your state',
    correction: states.some((s) => s.correction),
    noCorrection: states.some((s) => s.correction) ? stateNames(states.filter((s) => !s.correction)) : '',
    optOutText,
    profilingText,
    sensitiveData,
    sensitiveText,
    signalsText,
    appealText,
  };
}

/** How to appeal a refused request, as recorded: a web address, an email address, or the team's own words. */
export type AppealMethod = { kind: 'url'; link: string } | { kind: 'email'; link: string } | { kind: 'words'; value: string };

/** The one reading of `organization.requests.appeal` that every document shares; undefined when none is recorded. */
function appealMethod(raw: string | undefined): AppealMethod | undefined {
  const value = raw?.trim() ?? '';
  if (!value) return undefined;
  const url = /^https?:\/\//i.test(value) || /^[^\s@/]+\.[^\s@]+\/\S*$/.test(value) ? linkView(value) : undefined;
  if (url?.link) return { kind: 'url', link: url.link };
  const email = EMAIL_PATTERN.test(value) ? emailView(value) : undefined;
  if (email?.link) return { kind: 'email', link: email.link };
  return { kind: 'words', value };
}

/**
 * How to appeal, as a sentence: at the web address, by emailing the address, or the team's words; without
 * any, the privacy contact email, or the contact details above.
 */
function appealSentence(method: AppealMethod | undefined, contactEmail: string | undefined, prose: (value: string) => string): string {
  const lead = 'If we decline to act on your request, you can appeal our decision';
  if (method?.kind === 'url') return `${lead} at ${method.link}.`;
  if (method?.kind === 'email') return `${lead} by emailing ${method.link}.`;
  if (method?.kind === 'words') return `${lead}. ${prose(method.value)}`;
  const contact = emailView(contactEmail);
  return contact.link
    ? `${lead} by emailing ${contact.link}.`
    : `${lead} by contacting us as described under "Who we are and how to reach us".`;
}
