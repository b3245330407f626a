// Apple's two disclosures, derived from the inventory: the privacy manifest an app ships
// (PrivacyInfo.xcprivacy) and the "App Privacy" answers typed into App Store Connect. Both say the same
// thing, so both come from one disclosure model (`appleDisclosure`). Facts: formats-and-law.md §1.
//
// Decisions, each with its basis in the reference:
// - Apple's label and manifest describe the iOS app, so only data collected in it counts: a data type is
//   declared when it is collected on iOS (`collectedOn`, core/platforms.ts: one of its collection points
//   is on iOS) and its Apple classification is not "none" (§7: category → one of the 35 types). Data
//   collected only on the web, Android or servers stays out. A data type with no collection point at all
//   is left out too, since nothing shows the app collects it; the review's `collected-nowhere` warning
//   names it and asks for its collection points, rather than Candor guessing.
// - A workspace with no iOS collection point has no iOS app and gets no Apple outputs at all
//   (`storeUnavailableReason`): `candor build` skips them and says why, `candor export` refuses.
// - Apple's "collect" is "transmitting data off the device in a way that allows you and/or third-party
//   partners to access it for longer than necessary to service the request in real time" (§1.3). A data
//   type marked `ephemeral` is, by the workspace's definition (Play §2.6), kept no longer than the
//   real-time request, so it is not collected for Apple — unless it is also used for tracking, which
//   is never real-time-only and must be declared.
// - Data types with the same Apple type become one entry: linked if any is linked (`linkedToIdentity`
//   defaults to true), tracking if any tracks, purposes united (§1.1: one dict per collected type).
// - Purposes come from each purpose's `deriveStorePurposes(...).apple`.
// - NSPrivacyTracking is true when a declared entry is used for tracking, so tracking done only on
//   another platform does not make the iOS app a tracker. NSPrivacyTrackingDomains holds the
//   `trackingDomains` of the recipients of declared data that is used for tracking: those are the domains iOS
//   must block until the person allows tracking (§1.1). A recipient's domains are not listed when it
//   receives no tracking data, since listing a domain makes iOS refuse every request to it.
// - NSPrivacyAccessedAPITypes (§1.4) has no field in the workspace format yet. Entries are read from
//   `settings.apple.accessedApiTypes` as `[{ "type": "UserDefaults", "reasons": ["CA92.1"] }]` (the type
//   with or without the `NSPrivacyAccessedAPICategory` prefix); unknown settings keys survive canonical
//   writing, so the entries are kept. Only Apple's categories and reason codes are written; anything
//   else is reported by `appleAccessedApiTypes` so the Review screen can say what to fix.
// - The XML is written here rather than with the plist package: its Node build (xmlbuilder) throws on a
//   control character and its browser build lays the file out differently, so the same workspace would
//   give different bytes, or an error, depending on where core runs. The structure is small and fixed.
import { APPLE_DATA_TYPES, APPLE_DATA_TYPE_PREFIX, APPLE_PURPOSE_PREFIX, type AppleDataType } from '../identifiers';
import { collectedOn } from '../platforms';
import { deriveClassification, deriveStorePurposes, type ApplePurposeId } from '../reference';
import { REQUIRED_REASON_API_CATEGORIES, REQUIRED_REASON_API_PREFIX } from '../required-reason-apis';
import type { Purpose, Recipient, Workspace } from '../schema';
import type { Problem } from '../validate';
import { headingText, markdownInline, markdownUrl } from '../documents/text';
import { normaliseUrl } from '../normalise';
import { listInWords } from '../words';

/** App Store Connect lists purposes in this order (§1.3), which differs from `APPLE_PURPOSES`. */
export const APPLE_PURPOSE_ORDER: readonly ApplePurposeId[] = [
  'ThirdPartyAdvertising',
  'DeveloperAdvertising',
  'Analytics',
  'ProductPersonalization',
  'AppFunctionality',
  'Other',
];

const PURPOSE_LABELS: Record<ApplePurposeId, string> = {
  ThirdPartyAdvertising: 'Third-Party Advertising',
  DeveloperAdvertising: "Developer's Advertising or Marketing",
  Analytics: 'Analytics',
  ProductPersonalization: 'Product Personalization',
  AppFunctionality: 'App Functionality',
  Other: 'Other Purposes',
};

export const APPLE_ACCESSED_API_PREFIX = REQUIRED_REASON_API_PREFIX;

/** Required-reason API categories (without the prefix) and their reason codes (formats-and-law §1.4). */
export const APPLE_ACCESSED_API_TYPES: readonly { id: string; reasons: readonly string[] }[] = REQUIRED_REASON_API_CATEGORIES.map((c) => ({
  id: c.short,
  reasons: c.reasons.map((r) => r.code),
}));

export interface DataTypeRef {
  id: string;
  name: string;
}

export interface ApplePurposeAnswer {
  purpose: ApplePurposeId;
  label: string;
  /** the workspace purposes that produce this answer */
  from: DataTypeRef[];
}

export interface AppleCollectedType {
  /** suffix after `NSPrivacyCollectedDataType`, e.g. "EmailAddress" */
  type: string;
  label: string;
  group: string;
  linked: boolean;
  tracking: boolean;
  /** in App Store Connect's order */
  purposes: ApplePurposeAnswer[];
  /** the workspace data types merged into this entry, in workspace order */
  dataTypes: (DataTypeRef & { linked: boolean; tracking: boolean })[];
}

export interface AppleAccessedApiType {
  /** full identifier, e.g. "NSPrivacyAccessedAPICategoryUserDefaults" */
  type: string;
  reasons: string[];
}

/** Why a workspace data type is left out of Apple's declarations. */
export type NotDeclaredReason = 'no-collection-point' | 'not-on-ios' | 'set-to-none' | 'category-has-none' | 'ephemeral';

export interface AppleDisclosure {
  collected: AppleCollectedType[];
  tracking: boolean;
  trackingDomains: string[];
  /** recipients whose tracking domains are listed */
  trackingRecipients: DataTypeRef[];
  accessedApiTypes: AppleAccessedApiType[];
  /** workspace data types that Apple does not hear about, and why */
  notDeclared: (DataTypeRef & { reason: NotDeclaredReason; category: string })[];
}

/** The manifest as the property list holds it: exactly Apple's four top-level keys (§1.1). */
export interface ApplePrivacyManifest {
  NSPrivacyTracking: boolean;
  NSPrivacyTrackingDomains: string[];
  NSPrivacyCollectedDataTypes: {
    NSPrivacyCollectedDataType: string;
    NSPrivacyCollectedDataTypeLinked: boolean;
    NSPrivacyCollectedDataTypeTracking: boolean;
    NSPrivacyCollectedDataTypePurposes: string[];
  }[];
  NSPrivacyAccessedAPITypes: {
    NSPrivacyAccessedAPIType: string;
    NSPrivacyAccessedAPITypeReasons: string[];
  }[];
}

// Characters XML 1.0 cannot carry at all, even escaped: C0 controls other than tab, LF and CR, lone
// surrogates, U+FFFE and U+FFFF. They can only come from a typo, and would make Xcode reject the file.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching these control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ref = (entity: { id: string; name: string }): DataTypeRef => ({ id: entity.id, name: entity.name });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `settings.apple.accessedApiTypes` as Apple identifiers, with a problem for every entry or reason that
 * is not one of Apple's (§1.4). Entries of the same category are merged.
 */
export function appleAccessedApiTypes(workspace: Workspace): { entries: AppleAccessedApiType[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const apple = (workspace.settings as Record<string, unknown> | undefined)?.apple;
  if (apple === undefined) return { entries: [], problems };
  if (!isRecord(apple)) {
    problems.push({ path: 'settings.apple', message: 'must be an object such as { "accessedApiTypes": [] }; fix or remove it' });
    return { entries: [], problems };
  }
  const list = apple.accessedApiTypes;
  if (list === undefined) return { entries: [], problems };
  if (!Array.isArray(list)) {
    problems.push({
      path: 'settings.apple.accessedApiTypes',
      message: 'must be a list such as [{ "type": "UserDefaults", "reasons": ["CA92.1"] }]; fix or remove it',
    });
    return { entries: [], problems };
  }
  const merged = new Map<string, Set<string>>();
  list.forEach((entry: unknown, i) => {
    const at = `settings.apple.accessedApiTypes[${i}]`;
    if (!isRecord(entry) || typeof entry.type !== 'string') {
      problems.push({ path: at, message: 'needs a "type" such as "UserDefaults" and "reasons" such as ["CA92.1"]' });
      return;
    }
    const suffix = entry.type.startsWith(APPLE_ACCESSED_API_PREFIX) ? entry.type.slice(APPLE_ACCESSED_API_PREFIX.length) : entry.type;
    const category = APPLE_ACCESSED_API_TYPES.find((c) => c.id === suffix);
    if (!category) {
      problems.push({
        path: `${at}.type`,
        message: `"${entry.type}" is not one of Apple's required-reason API categories. Use one of ${APPLE_ACCESSED_API_TYPES.map((c) => c.id).join(', ')}, or remove the entry.`,
      });
      return;
    }
    const reasons = Array.isArray(entry.reasons) ? entry.reasons : [];
    const valid = new Set<string>();
    reasons.forEach((reason: unknown, j) => {
      if (typeof reason === 'string' && category.reasons.includes(reason)) valid.add(reason);
      else {
        problems.push({
          path: `${at}.reasons[${j}]`,
          message: `${JSON.stringify(reason)} is not a reason Apple accepts for ${category.id}. Use one of ${category.reasons.join(', ')}, or remove it.`,
        });
      }
    });
    if (valid.size === 0) {
      problems.push({
        path: `${at}.reasons`,
        message: `${category.id} has no reason Apple accepts, so it is left out of the manifest. Choose at least one of ${category.reasons.join(', ')}.`,
      });
      return;
    }
    const set = merged.get(category.id) ?? new Set<string>();
    for (const reason of valid) set.add(reason);
    merged.set(category.id, set);
  });
  const entries = APPLE_ACCESSED_API_TYPES.filter((c) => merged.has(c.id)).map((c) => ({
    type: APPLE_ACCESSED_API_PREFIX + c.id,
    // Apple's order for the category, so that the file does not change when the list is reordered.
    reasons: c.reasons.filter((r) => merged.get(c.id)!.has(r)),
  }));
  return { entries, problems };
}

/** Everything Apple is told, from the inventory (see the decisions at the top of this file). */
export function appleDisclosure(workspace: Workspace): AppleDisclosure {
  const purposes = new Map<string, Purpose>(workspace.purposes.map((p) => [p.id, p]));
  const recipients = new Map<string, Recipient>(workspace.recipients.map((r) => [r.id, r]));

  interface Builder {
    meta: AppleDataType;
    dataTypes: AppleCollectedType['dataTypes'];
    purposes: Map<ApplePurposeId, DataTypeRef[]>;
  }
  const builders = new Map<string, Builder>();
  const notDeclared: AppleDisclosure['notDeclared'] = [];
  const trackingRecipientIds = new Set<string>();

  for (const dataType of workspace.dataTypes) {
    if (!collectedOn(workspace, dataType, 'ios')) {
      const reason = (dataType.collectedAt ?? []).length === 0 ? 'no-collection-point' : 'not-on-ios';
      notDeclared.push({ ...ref(dataType), reason, category: dataType.category });
      continue;
    }
    const { apple } = deriveClassification(dataType);
    const meta = APPLE_DATA_TYPES.find((t) => t.id === apple);
    if (!meta) {
      const reason = dataType.classification?.apple === 'none' ? 'set-to-none' : 'category-has-none';
      notDeclared.push({ ...ref(dataType), reason, category: dataType.category });
      continue;
    }
    const tracking = dataType.tracking === true;
    if (dataType.ephemeral === true && !tracking) {
      notDeclared.push({ ...ref(dataType), reason: 'ephemeral', category: dataType.category });
      continue;
    }
    const builder: Builder = builders.get(apple) ?? { meta, dataTypes: [], purposes: new Map() };
    builders.set(apple, builder);
    builder.dataTypes.push({ ...ref(dataType), linked: dataType.linkedToIdentity !== false, tracking });
    for (const purposeId of dataType.purposes) {
      const purpose = purposes.get(purposeId);
      if (!purpose) continue;
      const id = deriveStorePurposes(purpose).apple;
      const from = builder.purposes.get(id) ?? [];
      if (!from.some((p) => p.id === purpose.id)) from.push(ref(purpose));
      builder.purposes.set(id, from);
    }
    if (tracking) for (const id of dataType.recipients ?? []) if (recipients.has(id)) trackingRecipientIds.add(id);
  }

  const collected = APPLE_DATA_TYPES.filter((t) => builders.has(t.id)).map((t): AppleCollectedType => {
    const b = builders.get(t.id)!;
    return {
      type: t.id,
      label: t.label,
      group: t.group,
      linked: b.dataTypes.some((d) => d.linked),
      tracking: b.dataTypes.some((d) => d.tracking),
      purposes: APPLE_PURPOSE_ORDER.filter((p) => b.purposes.has(p)).map((p) => ({
        purpose: p,
        label: PURPOSE_LABELS[p],
        from: b.purposes.get(p)!,
      })),
      dataTypes: b.dataTypes,
    };
  });

  // Workspace order of recipients, so the list only changes when the inventory does.
  const trackingRecipients = workspace.recipients.filter((r) => trackingRecipientIds.has(r.id));
  const seen = new Set<string>();
  const trackingDomains: string[] = [];
  for (const recipient of trackingRecipients) {
    for (const raw of recipient.trackingDomains ?? []) {
      const domain = raw.replace(NOT_XML, '').trim();
      const key = domain.toLowerCase();
      if (domain.length === 0 || seen.has(key)) continue;
      seen.add(key);
      trackingDomains.push(domain);
    }
  }

  return {
    collected,
    tracking: collected.some((c) => c.tracking),
    trackingDomains,
    trackingRecipients: trackingRecipients.map(ref),
    accessedApiTypes: appleAccessedApiTypes(workspace).entries,
    notDeclared,
  };
}

function manifestFrom(disclosure: AppleDisclosure): ApplePrivacyManifest {
  return {
    NSPrivacyTracking: disclosure.tracking,
    NSPrivacyTrackingDomains: disclosure.trackingDomains,
    NSPrivacyCollectedDataTypes: disclosure.collected.map((c) => ({
      NSPrivacyCollectedDataType: APPLE_DATA_TYPE_PREFIX + c.type,
      NSPrivacyCollectedDataTypeLinked: c.linked,
      NSPrivacyCollectedDataTypeTracking: c.tracking,
      NSPrivacyCollectedDataTypePurposes: c.purposes.map((p) => APPLE_PURPOSE_PREFIX + p.purpose),
    })),
    NSPrivacyAccessedAPITypes: disclosure.accessedApiTypes.map((a) => ({
      NSPrivacyAccessedAPIType: a.type,
      NSPrivacyAccessedAPITypeReasons: a.reasons,
    })),
  };
}

/** The privacy manifest's content, key for key (§1.1). */
export function applePrivacyManifest(workspace: Workspace): ApplePrivacyManifest {
  return manifestFrom(appleDisclosure(workspace));
}

function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type PlistNode = boolean | string | PlistNode[] | { [key: string]: PlistNode };

// Laid out as Xcode saves a property list (tabs, `<array/>` when empty), so that a manifest edited in
// Xcode and one written here diff cleanly.
function plistLines(value: PlistNode, depth: number, out: string[]): void {
  const pad = '\t'.repeat(depth);
  if (typeof value === 'boolean') out.push(`${pad}<${value}/>`);
  else if (typeof value === 'string') out.push(`${pad}<string>${xmlText(value)}</string>`);
  else if (Array.isArray(value)) {
    if (value.length === 0) out.push(`${pad}<array/>`);
    else {
      out.push(`${pad}<array>`);
      for (const item of value) plistLines(item, depth + 1, out);
      out.push(`${pad}</array>`);
    }
  } else {
    out.push(`${pad}<dict>`);
    for (const [key, item] of Object.entries(value)) {
      out.push(`${pad}\t<key>${xmlText(key)}</key>`);
      plistLines(item, depth + 1, out);
    }
    out.push(`${pad}</dict>`);
  }
}

/** `PrivacyInfo.xcprivacy`: an XML property list with exactly Apple's keys, ending in a newline. */
export function applePrivacyManifestXml(workspace: Workspace): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
  ];
  plistLines(applePrivacyManifest(workspace) as unknown as PlistNode, 0, lines);
  lines.push('</plist>', '');
  return lines.join('\n');
}

// Data left out for where it is collected is listed in one line per reason, so a web-heavy workspace
// does not repeat the same sentence for every data type.
const BY_PLATFORM: Partial<Record<NotDeclaredReason, (many: boolean) => string>> = {
  'not-on-ios': (many) =>
    many
      ? 'none of their collection points is on iOS, so the iOS app does not collect them. If the app sends one of them (to your servers or an SDK), add that iOS collection point in Candor.'
      : 'none of its collection points is on iOS, so the iOS app does not collect it. If the app sends it (to your servers or an SDK), add that iOS collection point in Candor.',
  'no-collection-point': (many) =>
    many
      ? 'they have no collection point, so nothing shows that the iOS app collects them. Add where each is collected in Candor.'
      : 'it has no collection point, so nothing shows that the iOS app collects it. Add where it is collected in Candor.',
};

const NOT_DECLARED_REASONS: Record<Exclude<NotDeclaredReason, 'not-on-ios' | 'no-collection-point'>, (category: string) => string> = {
  'set-to-none': () => 'its Apple data type is set to none in Candor',
  'category-has-none': (category) => `its category, ${markdownInline(category)}, is not one of the kinds of data Apple asks about`,
  ephemeral: () => "processed only to answer a request in real time (ephemeral), which Apple's definition of collecting data leaves out",
};

function names(refs: readonly DataTypeRef[]): string {
  return listInWords(refs.map((r) => `${markdownInline(r.name)} (\`${r.id}\`)`));
}

/**
 * A yes/no answer for a merged Apple data type, naming the Candor data types behind it. Apple asks once
 * per data type, so one linked (or tracking) source makes the answer yes for all of them: say so.
 */
function mergedAnswer<T extends DataTypeRef>(answer: boolean, sources: readonly T[], holds: (x: T) => boolean, what: string): string {
  const yes = sources.filter(holds);
  const no = sources.filter((x) => !holds(x));
  if (!answer) return `**No**: ${names(no)} ${no.length === 1 ? 'is' : 'are'} not ${what}.`;
  const because = `**Yes**: ${names(yes)} ${yes.length === 1 ? 'is' : 'are'} ${what}`;
  return no.length === 0 ? `${because}.` : `${because}, which makes the answer yes for ${names(no)} too.`;
}

/**
 * The App Store Connect "App Privacy" questionnaire, answered, as a Markdown checklist: whether the app
 * collects data, which of Apple's data types to select (every category and type in App Store Connect's
 * order), and for each selected type its purposes, whether it is linked to the user and whether it is
 * used for tracking, each answer naming the Candor data types and purposes behind it.
 */
export function appStoreAnswersMarkdown(workspace: Workspace): string {
  const d = appleDisclosure(workspace);
  const org = markdownInline(workspace.organization.name);
  const out: string[] = [];
  const collects = d.collected.length > 0;

  out.push(`# App Store Connect: App Privacy answers for ${headingText(org)}`, '');
  out.push(
    'Candor wrote these answers from the workspace. In App Store Connect, open the app, choose App Privacy and answer the questions in the order below. The same answers are in the privacy manifest, `PrivacyInfo.xcprivacy`.',
    '',
  );

  out.push('## Privacy policy', '');
  out.push(
    workspace.organization.privacyPolicyUrl
      ? `Privacy Policy URL: <${markdownUrl(normaliseUrl(workspace.organization.privacyPolicyUrl))}>`
      : 'App Store Connect asks for a Privacy Policy URL, and the workspace has none: add the privacy policy address to the organization in Candor.',
    '',
  );

  out.push('## Data collection', '');
  out.push(
    `Do you or your third-party partners collect data from this app? Answer ${collects ? '**Yes, we collect data from this app**' : '**No, we do not collect data from this app**'}.`,
    '',
  );
  if (collects) {
    out.push(
      `Select the ${d.collected.length} data types marked **Yes** below, of Apple's ${APPLE_DATA_TYPES.length}, and leave the others unselected.`,
      '',
    );
  }

  out.push('## Data types', '');
  out.push('| Category | Data type | Collected | Candor data types |', '| --- | --- | --- | --- |');
  for (const t of APPLE_DATA_TYPES) {
    const entry = d.collected.find((c) => c.type === t.id);
    out.push(`| ${t.group} | ${t.label} | ${entry ? '**Yes**' : 'No'} | ${entry ? names(entry.dataTypes) : ''} |`);
  }
  out.push('');

  if (collects) {
    out.push('## Answers for each data type', '');
    out.push(
      "For each selected data type App Store Connect asks how it is used, whether it is linked to the user's identity and whether it is used for tracking.",
      '',
    );
    for (const c of d.collected) {
      out.push(`### ${c.label}`, '');
      out.push(`${c.group}. From Candor: ${names(c.dataTypes)}.`, '');
      out.push('Purposes, in App Store Connect’s order: select the ticked ones.', '');
      for (const p of APPLE_PURPOSE_ORDER) {
        const answer = c.purposes.find((a) => a.purpose === p);
        out.push(answer ? `- [x] ${PURPOSE_LABELS[p]}: ${names(answer.from)}` : `- [ ] ${PURPOSE_LABELS[p]}`);
      }
      out.push('');
      out.push(`Linked to the user's identity? ${mergedAnswer(c.linked, c.dataTypes, (x) => x.linked, 'linked to the user')}`, '');
      out.push(`Used for tracking? ${mergedAnswer(c.tracking, c.dataTypes, (x) => x.tracking, 'used for tracking')}`, '');
    }
  }

  out.push('## Tracking', '');
  if (d.tracking) {
    out.push(
      'The app tracks, so it must ask for permission with App Tracking Transparency before any tracking data is sent.',
      '',
      d.trackingDomains.length > 0
        ? `Tracking domains in the privacy manifest: ${d.trackingDomains.map(markdownInline).join(', ')}, from ${names(d.trackingRecipients)}.`
        : 'No recipient of tracking data lists a tracking domain, and Apple requires at least one: add the domains under the recipient in Candor.',
      '',
    );
  } else {
    out.push('No data type is used for tracking.', '');
  }

  if (d.notDeclared.length > 0) {
    out.push('## Not declared to Apple', '');
    for (const n of d.notDeclared) {
      if (n.reason === 'not-on-ios' || n.reason === 'no-collection-point') continue;
      out.push(`- ${names([n])}: ${NOT_DECLARED_REASONS[n.reason](n.category)}`);
    }
    for (const [reason, sentence] of Object.entries(BY_PLATFORM) as [NotDeclaredReason, (many: boolean) => string][]) {
      const group = d.notDeclared.filter((n) => n.reason === reason);
      if (group.length > 0) out.push(`- ${names(group)}: ${sentence(group.length > 1)}`);
    }
    out.push('');
  }

  return `${out.join('\n').trimEnd()}\n`;
}
