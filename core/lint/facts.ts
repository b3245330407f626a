// What the review rules and the coverage matrix both need to know about a workspace, worked out once:
// which regimes and stores apply, how each data type is classified, who uses what. Keeping it in one
// place is what makes a finding and the coverage matrix agree.
import { consumerHealthPolicyApplies } from '../consumer-health';
import { EEA, isInEeaOrUk } from '../countries';
import { collectedOn, hasPlatform } from '../platforms';
import { deriveClassification, deriveStorePurposes, type Classification, type StorePurposes } from '../reference';
import type { CollectionPoint, DataType, Purpose, Recipient, Workspace } from '../schema';
import { plainText } from '../documents/text';
import { comprehensiveStatesIn, isStateSensitive, isTargetedAdvertisingUse, type UsStateLaw } from '../us-states';

export interface DataTypeFacts {
  index: number;
  dataType: DataType;
  /** "dataTypes[3]" */
  at: string;
  /** the name as people read it, on one line */
  name: string;
  classification: Classification;
  purposes: { index: number; purpose: Purpose }[];
  recipients: { index: number; recipient: Recipient }[];
  points: { index: number; point: CollectionPoint }[];
  /** collected at a collection point whose platform is iOS (so it belongs in Apple's declaration) */
  onIos: boolean;
  /** collected at a collection point whose platform is Android (so it belongs in Play's Data safety form) */
  onAndroid: boolean;
  /**
   * part of Apple's privacy manifest and App Store answers: collected on iOS and with an Apple data type,
   * unless it is ephemeral and not used for tracking, which Apple does not count as collected (the same
   * test as core/stores/apple.ts, so the review and the files agree)
   */
  declaredToApple: boolean;
  /** part of Play's Data safety form: collected on Android and with a Play data type (as core/stores/play.ts) */
  declaredToPlay: boolean;
  /** CCPA: given to a recipient that buys it */
  sold: boolean;
  /** CCPA: given to a recipient for cross-context behavioural advertising */
  shared: boolean;
  /** US states: "sensitive data" under the comprehensive state laws (core/us-states.ts) */
  stateSensitive: boolean;
  /** US states: used for targeted advertising: given to an advertising partner, or for a purpose whose data use is targeted advertising */
  targetedAds: boolean;
}

export interface PurposeFacts {
  index: number;
  purpose: Purpose;
  at: string;
  name: string;
  /** indexes of the data types that list this purpose */
  usedBy: number[];
  store: StorePurposes;
}

export interface RecipientFacts {
  index: number;
  recipient: Recipient;
  at: string;
  name: string;
  usedBy: number[];
  /** the regimes under which giving data to this recipient is a transfer to a third country */
  transfer: { eu: boolean; uk: boolean };
}

export interface CollectionPointFacts {
  index: number;
  point: CollectionPoint;
  at: string;
  name: string;
  usedBy: number[];
}

export interface WorkspaceFacts {
  workspace: Workspace;
  gdpr: boolean;
  ukGdpr: boolean;
  /** GDPR or UK GDPR */
  europe: boolean;
  ccpa: boolean;
  /** the product has an iOS collection point, so Apple's privacy manifest and App Store answers apply */
  ios: boolean;
  /** the product has an Android collection point, so Google Play's Data safety form applies */
  android: boolean;
  dataTypes: DataTypeFacts[];
  purposes: PurposeFacts[];
  recipients: RecipientFacts[];
  collectionPoints: CollectionPointFacts[];
  /** data types that are sold or shared for advertising (CCPA) */
  soldOrShared: DataTypeFacts[];
  /** the workspace's US states with a comprehensive privacy law, in the table's order */
  usStates: UsStateLaw[];
  /** data types that are sold or used for targeted advertising (the US state laws) */
  soldOrTargeted: DataTypeFacts[];
  /**
   * some jurisdiction calls for a notice to people: every one but Washington's and Nevada's consumer
   * health data laws alone, whose policy is written only when there is consumer health data
   */
  notice: boolean;
  /**
   * the last published version, when the caller compares the working copy with it (the archive beside the
   * workspace): the material-change rules (core/lint/material-changes.ts) read it; without it they are silent
   */
  previous?: { version: string; facts: WorkspaceFacts };
}

/** The last published version a review compares the working copy with: its number and its snapshot. */
export interface PreviousVersion {
  version: string;
  workspace: Workspace;
}

/** A name as it reads inside a message: one line, and never empty. */
export function displayName(name: string | undefined, fallback: string): string {
  const clean = name ? plainText(name) : '';
  return clean || fallback;
}

/**
 * Whether a recipient in `country` receives a transfer to a third country: under the GDPR when it is
 * outside the EEA (the UK included, which has an adequacy decision), under the UK GDPR when it is
 * outside the UK and the EEA. The notice's "International transfers" section uses the same test.
 */
export function transferRegimes(country: string | undefined, regimes: { gdpr: boolean; ukGdpr: boolean }) {
  if (!country) return { eu: false, uk: false };
  return { eu: regimes.gdpr && !EEA.has(country), uk: regimes.ukGdpr && !isInEeaOrUk(country) };
}

export function workspaceFacts(workspace: Workspace, options: { previous?: PreviousVersion } = {}): WorkspaceFacts {
  const jurisdictions = new Set(workspace.organization.jurisdictions);
  const gdpr = jurisdictions.has('gdpr');
  const ukGdpr = jurisdictions.has('uk-gdpr');

  const purposes: PurposeFacts[] = workspace.purposes.map((purpose, index) => ({
    index,
    purpose,
    at: `purposes[${index}]`,
    name: displayName(purpose.name, purpose.id),
    usedBy: [],
    store: deriveStorePurposes(purpose),
  }));
  const recipients: RecipientFacts[] = workspace.recipients.map((recipient, index) => ({
    index,
    recipient,
    at: `recipients[${index}]`,
    name: displayName(recipient.name, recipient.id),
    usedBy: [],
    transfer: transferRegimes(recipient.country, { gdpr, ukGdpr }),
  }));
  const collectionPoints: CollectionPointFacts[] = workspace.collectionPoints.map((point, index) => ({
    index,
    point,
    at: `collectionPoints[${index}]`,
    name: displayName(point.name, point.id),
    usedBy: [],
  }));
  const purposeById = new Map(purposes.map((p) => [p.purpose.id, p]));
  const recipientById = new Map(recipients.map((r) => [r.recipient.id, r]));
  const pointById = new Map(collectionPoints.map((c) => [c.point.id, c]));

  const usStates = comprehensiveStatesIn(workspace.organization.jurisdictions);
  const ios = hasPlatform(workspace, 'ios');
  const android = hasPlatform(workspace, 'android');

  const dataTypes: DataTypeFacts[] = workspace.dataTypes.map((dataType, index) => {
    // References that do not resolve are validation problems; here they are simply skipped.
    const resolve = <T extends { usedBy: number[] }>(ids: readonly string[] | undefined, byId: Map<string, T>) => {
      const out: T[] = [];
      for (const id of new Set(ids ?? [])) {
        const found = byId.get(id);
        if (!found) continue;
        found.usedBy.push(index);
        out.push(found);
      }
      return out;
    };
    const ps = resolve(dataType.purposes, purposeById);
    const rs = resolve(dataType.recipients, recipientById);
    const cs = resolve(dataType.collectedAt, pointById);
    const classification = deriveClassification(dataType);
    const onIos = collectedOn(workspace, dataType, 'ios');
    const onAndroid = collectedOn(workspace, dataType, 'android');
    return {
      index,
      dataType,
      at: `dataTypes[${index}]`,
      name: displayName(dataType.name, dataType.id),
      classification,
      purposes: ps.map((p) => ({ index: p.index, purpose: p.purpose })),
      recipients: rs.map((r) => ({ index: r.index, recipient: r.recipient })),
      points: cs.map((c) => ({ index: c.index, point: c.point })),
      onIos,
      onAndroid,
      declaredToApple: onIos && classification.apple !== 'none' && !(dataType.ephemeral === true && dataType.tracking !== true),
      declaredToPlay: onAndroid && classification.play !== 'none',
      sold: rs.some((r) => r.recipient.sells === true),
      shared: rs.some((r) => r.recipient.sharesForAds === true),
      stateSensitive: isStateSensitive(dataType.category, classification),
      targetedAds: rs.some((r) => r.recipient.sharesForAds === true) || ps.some((p) => isTargetedAdvertisingUse(p.purpose.use)),
    };
  });

  return {
    workspace,
    gdpr,
    ukGdpr,
    europe: gdpr || ukGdpr,
    ccpa: jurisdictions.has('ccpa'),
    ios,
    android,
    dataTypes,
    purposes,
    recipients,
    collectionPoints,
    soldOrShared: dataTypes.filter((d) => d.sold || d.shared),
    usStates,
    soldOrTargeted: dataTypes.filter((d) => d.sold || d.targetedAds),
    notice: gdpr || ukGdpr || jurisdictions.has('ccpa') || usStates.length > 0 || consumerHealthPolicyApplies(workspace),
    ...(options.previous ? { previous: { version: options.previous.version, facts: workspaceFacts(options.previous.workspace) } } : {}),
  };
}

/**
 * Why a data type has no store data type, when it is collected on that store's platform: "override" when
 * the team set it to "none", "category" when its category maps to none (system data, which Candor cannot
 * place), undefined when it has one or its category is one the stores deliberately leave out (account
 * credentials, whether or not "none" is also set by hand).
 */
export function undeclaredReason(d: DataTypeFacts, store: 'apple' | 'play'): 'override' | 'category' | undefined {
  if (d.classification[store] !== 'none') return undefined;
  const key = d.classification.matchedCategory;
  if (key === 'user.authorization' || key.startsWith('user.authorization.')) return undefined;
  return d.classification.source[store] === 'override' ? 'override' : 'category';
}

/** "the EEA", "the UK", "the EEA and the UK": the area a transfer leaves, for the regimes it concerns. */
export function transferArea(transfer: { eu: boolean; uk: boolean }): string {
  if (transfer.eu && transfer.uk) return 'the EEA and the UK';
  return transfer.eu ? 'the EEA' : 'the UK and the EEA';
}

/** A name in quotes for a message: “Heart rate”. */
export function q(name: string): string {
  return `"${name}"`;
}
