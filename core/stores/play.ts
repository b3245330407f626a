// Google Play's Data safety form as the CSV Play Console exports and imports (formats-and-law.md §2):
// the exact header, the general questions, the 38 data types and their 19 usage rows each, in the
// template's order, with `TRUE`, `FALSE`, a URL or nothing in the value column.
//
// Row count: 22 general rows (§2.2, counting one row per answer option) + 38 data-type rows (§2.3) +
// 38 × 19 usage rows (§2.4) = 782 rows, 783 lines with the header: the count the template-shaped
// generator in Somafrik-education/Somafrik asserts (§2.1). Labels and the layout of empty and FALSE
// values follow that file: an option not chosen is empty, the ephemeral question of a collected type
// is TRUE or FALSE, every row of a type that is not collected is empty.
//
// Decisions, each with its basis in the reference:
// - The form describes the Android app, so only data collected in it counts: a data type is declared
//   when it is collected on Android (`collectedOn`, core/platforms.ts: one of its collection points is
//   on Android) and its Play classification is not "none"; the inventory records data the product takes
//   off the device (§2.6 "collected = transmitted off the user's device, by you or any SDK"). Ephemeral
//   data is still collected, and flagged ephemeral (§2.6). Data collected only on the web, iOS or servers
//   stays out, and so does a data type with no collection point at all (nothing shows the app collects
//   it; the review's `collected-nowhere` warning asks for its collection points). A workspace with no
//   Android collection point gets no Play outputs at all (`storeUnavailableReason`).
// - Data types with the same Play type are merged: ephemeral only if all of them are; optional only
//   if users can choose for every one of them (`required: false`), since one required source makes
//   the type's collection required (§2.6 "optional only if users can choose").
// - Shared = a recipient that is not a service provider receives it (§2.6). Processors are service
//   providers. Public authorities are exempt as transfers "for specific legal purposes" (§2.6): in the
//   workspace a public authority is a body that receives data by law or on official request (GDPR
//   Art 4(9) does not even count it as a recipient). Controllers, joint controllers and recipients
//   whose role is not set are sharing: nothing in the workspace shows them to be exempt. Transfers the
//   user initiates and fully anonymised data are Play exemptions too, but the workspace records neither
//   (anonymised data is not personal data and has no data type), so they cannot be applied.
// - Collection purposes: the Play purposes (`deriveStorePurposes(...).play`) of every contributing data
//   type's purposes. Sharing purposes: those of the contributing data types that are shared — the
//   workspace does not say which purpose a recipient serves, so all of a shared data type's purposes
//   count.
// - General answers: `organization.accountDeletionUrl` and `settings.store`; a question the workspace
//   has no answer for is left empty, for the team to answer in Play Console.
import { PLAY_ACCOUNT_CREATION, PLAY_DATA_TYPES, PLAY_PURPOSES, type PlayDataType } from '../identifiers';
import { normaliseUrl } from '../normalise';
import { collectedOn } from '../platforms';
import { deriveClassification, deriveStorePurposes, type PlayPurposeId } from '../reference';
import type { Purpose, Recipient, Workspace } from '../schema';
import { csvText } from '../spreadsheet';

export const PLAY_CSV_HEADER = [
  'Question ID (machine readable)',
  'Response ID (machine readable)',
  'Response value',
  'Answer requirement',
  'Human-friendly question label',
] as const;

export type AnswerRequirement = 'REQUIRED' | 'MAYBE_REQUIRED' | 'OPTIONAL' | 'MULTIPLE_CHOICE' | 'SINGLE_CHOICE';

export interface PlayCsvRow {
  questionId: string;
  responseId: string;
  /** 'TRUE', 'FALSE', a URL or '' (not selected / not answered) */
  value: string;
  requirement: AnswerRequirement;
  label: string;
}

export interface Ref {
  id: string;
  name: string;
}

export interface PlayDataTypeAnswer {
  type: PlayDataType;
  collected: boolean;
  shared: boolean;
  ephemeral: boolean;
  /** false when users can choose whether every contributing data type is collected */
  required: boolean;
  collectionPurposes: PlayPurposeId[];
  sharingPurposes: PlayPurposeId[];
  /** the workspace data types merged into this answer */
  dataTypes: Ref[];
  /** the recipients that make it shared */
  sharedWith: Ref[];
}

export interface PlayDataSafety {
  collectsOrShares: boolean;
  /** one entry per declared Play data type, in the template's order */
  dataTypes: PlayDataTypeAnswer[];
}

const ref = (entity: { id: string; name: string }): Ref => ({ id: entity.id, name: entity.name });

/** Whether giving data to this recipient is "sharing" in Play's sense (see the decisions above). */
export function isPlaySharingRecipient(recipient: Pick<Recipient, 'role'>): boolean {
  return recipient.role !== 'processor' && recipient.role !== 'public-authority';
}

/** The Data safety answers for each Play data type the workspace declares. */
export function playDataSafety(workspace: Workspace): PlayDataSafety {
  const purposes = new Map<string, Purpose>(workspace.purposes.map((p) => [p.id, p]));
  const recipients = new Map<string, Recipient>(workspace.recipients.map((r) => [r.id, r]));

  interface Builder {
    dataTypes: Ref[];
    ephemeral: boolean[];
    required: boolean[];
    collection: Set<PlayPurposeId>;
    sharing: Set<PlayPurposeId>;
    sharedWith: Set<string>;
  }
  const builders = new Map<string, Builder>();

  for (const dataType of workspace.dataTypes) {
    if (!collectedOn(workspace, dataType, 'android')) continue;
    const { play } = deriveClassification(dataType);
    if (!PLAY_DATA_TYPES.some((t) => t.id === play)) continue;
    const b: Builder = builders.get(play) ?? {
      dataTypes: [],
      ephemeral: [],
      required: [],
      collection: new Set(),
      sharing: new Set(),
      sharedWith: new Set(),
    };
    builders.set(play, b);
    b.dataTypes.push(ref(dataType));
    b.ephemeral.push(dataType.ephemeral === true);
    b.required.push(dataType.required !== false);
    const playPurposes = dataType.purposes.flatMap((id) => {
      const purpose = purposes.get(id);
      return purpose ? [deriveStorePurposes(purpose).play] : [];
    });
    for (const p of playPurposes) b.collection.add(p);
    const sharers = (dataType.recipients ?? []).filter((id) => {
      const recipient = recipients.get(id);
      return recipient !== undefined && isPlaySharingRecipient(recipient);
    });
    if (sharers.length > 0) {
      for (const p of playPurposes) b.sharing.add(p);
      for (const id of sharers) b.sharedWith.add(id);
    }
  }

  // Play's purpose order, so that the answers do not depend on the order purposes were listed in.
  const ordered = (set: Set<PlayPurposeId>) => PLAY_PURPOSES.map((p) => p.id).filter((id) => set.has(id));
  const dataTypes = PLAY_DATA_TYPES.filter((t) => builders.has(t.id)).map((type): PlayDataTypeAnswer => {
    const b = builders.get(type.id)!;
    return {
      type,
      collected: true,
      shared: b.sharedWith.size > 0,
      ephemeral: b.ephemeral.every(Boolean),
      required: b.required.some(Boolean),
      collectionPurposes: ordered(b.collection),
      sharingPurposes: ordered(b.sharing),
      dataTypes: b.dataTypes,
      sharedWith: workspace.recipients.filter((r) => b.sharedWith.has(r.id)).map(ref),
    };
  });
  return { collectsOrShares: dataTypes.length > 0, dataTypes };
}

const bool = (value: boolean | undefined): string => (value === undefined ? '' : value ? 'TRUE' : 'FALSE');
const chosen = (value: boolean): string => (value ? 'TRUE' : '');

// Labels as the current template words them (§2.2; the trailing space after "deleted" is the template's).
const CREATE_ACCOUNT = 'Which of the following methods of account creation does your app support? Select all that apply';
const DELETION = 'Do you provide a way for users to request that their data is deleted?';
const DELETION_OPTIONS = [
  { id: 'DATA_DELETION_YES', answer: 'yes', label: 'Yes' },
  { id: 'DATA_DELETION_NO', answer: 'no', label: 'No' },
  { id: 'DATA_DELETION_NO_AUTO_DELETED', answer: 'auto-deleted', label: 'No, but user data is automatically deleted within 90 days' },
] as const;
const OUTSIDE_ACCOUNT_TYPES = [
  { id: 'PSL_LOGIN_WITH_OUTSIDE_APP_ID', label: 'Out of app identification (e.g. SIM binding, service subscription)' },
  { id: 'PSL_LOGIN_THROUGH_EMPLOYMENT_OR_ENTERPRISE_ACCOUNT', label: 'Through employment, or enterprise accounts' },
  { id: 'PSL_OUTSIDE_APP_ACCOUNT_TYPE_OTHER', label: 'Other' },
] as const;
const FAMILY_POLICY_LABEL =
  "Only answer this question if you've indicated that your app's target age group includes children, or you've opted into the Designed for Families program. If either of the above is true, you are required to follow the Google Play Families Policy (https://support.google.com/googleplay/android-developer/answer/9893335). Do you want to let users know about this commitment in the Data safety section on your store listing?";
const MASA_LABEL =
  'Has your app successfully completed an independent security review, according to the Mobile Application Security Assessment (MASA) framework? Only answer "yes" if the review is in good standing.';

function row(questionId: string, responseId: string, value: string, requirement: AnswerRequirement, label: string): PlayCsvRow {
  return { questionId, responseId, value, requirement, label };
}

function generalRows(workspace: Workspace, collectsOrShares: boolean): PlayCsvRow[] {
  const store = workspace.settings.store ?? {};
  const methods = new Set<string>(store.accountCreation ?? []);
  return [
    row(
      'PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA',
      '',
      bool(collectsOrShares),
      'REQUIRED',
      'Does your app collect or share any of the required user data types?',
    ),
    row(
      'PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT',
      '',
      bool(store.encryptedInTransit),
      'MAYBE_REQUIRED',
      'Is all of the user data collected by your app encrypted in transit?',
    ),
    ...PLAY_ACCOUNT_CREATION.map((m) =>
      row('PSL_SUPPORTED_ACCOUNT_CREATION_METHODS', m.id, chosen(methods.has(m.id)), 'MULTIPLE_CHOICE', `${CREATE_ACCOUNT} / ${m.label}`),
    ),
    row('PSL_ACM_SPECIFY', '', '', 'MAYBE_REQUIRED', 'Describe the method of account creation that your app supports'),
    row(
      'PSL_ACCOUNT_DELETION_URL',
      '',
      normaliseUrl(workspace.organization.accountDeletionUrl ?? ''),
      'MAYBE_REQUIRED',
      'Add a link that users can use to request that their account and associated data is deleted ',
    ),
    ...DELETION_OPTIONS.map((o) =>
      row('PSL_SUPPORT_DATA_DELETION_BY_USER', o.id, chosen(store.dataDeletion === o.answer), 'SINGLE_CHOICE', `${DELETION} / ${o.label}`),
    ),
    row('PSL_DATA_DELETION_URL', '', '', 'MAYBE_REQUIRED', 'Delete data URL'),
    row('PSL_DATA_COLLECTION_COMPLIES_FAMILY_POLICY', '', bool(store.familyPolicy), 'OPTIONAL', FAMILY_POLICY_LABEL),
    row('PSL_INDEPENDENTLY_VALIDATED', '', '', 'OPTIONAL', MASA_LABEL),
    row('PSL_UPI_BADGE_OPT_IN', '', '', 'OPTIONAL', 'Do you want to show this badge on your store listing?'),
    row('PSL_HAS_OUTSIDE_APP_ACCOUNTS', '', '', 'OPTIONAL', 'Can users login to your app with accounts created outside of the app?'),
    ...OUTSIDE_ACCOUNT_TYPES.map((t) =>
      row('PSL_OUTSIDE_APP_ACCOUNT_TYPES', t.id, '', 'MULTIPLE_CHOICE', `How are these accounts created? / ${t.label}`),
    ),
    row('PSL_OUTSIDE_APP_ACCOUNT_TYPE_SPECIFY', '', '', 'MAYBE_REQUIRED', 'Describe how these accounts are created'),
  ];
}

function usageRows(type: PlayDataType, answer: PlayDataTypeAnswer | undefined): PlayCsvRow[] {
  const q = (sub: string) => `PSL_DATA_USAGE_RESPONSES:${type.id}:${sub}`;
  const label = (...parts: string[]) => [`Data usage and handling (${type.label})`, ...parts].join(' / ');
  // Every row of a type that is not declared stays empty, as in the template.
  const on = (holds: (a: PlayDataTypeAnswer) => boolean) => chosen(answer !== undefined && holds(answer));
  const both = 'Is this data collected, shared, or both?';
  const control = "Is this data required for your app, or can users choose whether it's collected?";
  const collectedWhy = 'Why is this user data collected? Select all that apply.';
  const sharedWhy = 'Why is this user data shared? Select all that apply.';
  return [
    row(
      q('PSL_DATA_USAGE_COLLECTION_AND_SHARING'),
      'PSL_DATA_USAGE_ONLY_COLLECTED',
      on((a) => a.collected),
      'MULTIPLE_CHOICE',
      label(both, 'Collected'),
    ),
    row(
      q('PSL_DATA_USAGE_COLLECTION_AND_SHARING'),
      'PSL_DATA_USAGE_ONLY_SHARED',
      on((a) => a.shared),
      'MULTIPLE_CHOICE',
      label(both, 'Shared'),
    ),
    // Asked about collected data only (§2.4): TRUE or FALSE then, empty otherwise.
    row(
      q('PSL_DATA_USAGE_EPHEMERAL'),
      '',
      answer?.collected ? bool(answer.ephemeral) : '',
      'MAYBE_REQUIRED',
      label('Is this data processed ephemerally?'),
    ),
    row(
      q('DATA_USAGE_USER_CONTROL'),
      'PSL_DATA_USAGE_USER_CONTROL_OPTIONAL',
      on((a) => !a.required),
      'SINGLE_CHOICE',
      label(control, 'Users can choose whether this data is collected'),
    ),
    row(
      q('DATA_USAGE_USER_CONTROL'),
      'PSL_DATA_USAGE_USER_CONTROL_REQUIRED',
      on((a) => a.required),
      'SINGLE_CHOICE',
      label(control, "Data collection is required (users can't turn off this data collection)"),
    ),
    ...PLAY_PURPOSES.map((p) =>
      row(
        q('DATA_USAGE_COLLECTION_PURPOSE'),
        p.id,
        on((a) => a.collectionPurposes.includes(p.id)),
        'MULTIPLE_CHOICE',
        label(collectedWhy, p.label),
      ),
    ),
    ...PLAY_PURPOSES.map((p) =>
      row(
        q('DATA_USAGE_SHARING_PURPOSE'),
        p.id,
        on((a) => a.sharingPurposes.includes(p.id)),
        'MULTIPLE_CHOICE',
        label(sharedWhy, p.label),
      ),
    ),
  ];
}

/** Every row of the Data safety CSV below the header, in the template's order. */
export function playDataSafetyRows(workspace: Workspace): PlayCsvRow[] {
  const safety = playDataSafety(workspace);
  const answers = new Map(safety.dataTypes.map((a) => [a.type.id, a]));
  return [
    ...generalRows(workspace, safety.collectsOrShares),
    ...PLAY_DATA_TYPES.map((t) => row(t.question, t.id, chosen(answers.has(t.id)), 'MULTIPLE_CHOICE', `${t.category} / ${t.label}`)),
    ...PLAY_DATA_TYPES.flatMap((t) => usageRows(t, answers.get(t.id))),
  ];
}

/** The Data safety CSV to import in Play Console: header, 782 rows, CRLF line endings. */
export function playDataSafetyCsv(workspace: Workspace): string {
  const rows = playDataSafetyRows(workspace);
  return csvText([[...PLAY_CSV_HEADER], ...rows.map((r) => [r.questionId, r.responseId, r.value, r.requirement, r.label])]);
}
