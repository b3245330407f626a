import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import sampleJson from '../../resources/examples/ridgeline.candor.json' with { type: 'json' };
import type { DataType, Workspace } from '../schema';
import { workspaceArbitrary } from '../testing/arbitraries';
import { minimalWorkspace } from '../testing/fixtures';
import { validateWorkspace } from '../validate';
import { isPlaySharingRecipient, playDataSafety, playDataSafetyCsv, playDataSafetyRows } from './play';
import { golden } from '../testing/golden';

function valid(input: unknown): Workspace {
  const result = validateWorkspace(input);
  if (!result.ok) throw new Error(`invalid workspace: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.workspace;
}

const ridgeline = valid(sampleJson);

// The template's structure, written out from formats-and-law.md §2.2–§2.5 (not from the code under test).
const HEADER =
  'Question ID (machine readable),Response ID (machine readable),Response value,Answer requirement,Human-friendly question label';
const GENERAL: [question: string, response: string, requirement: string][] = [
  ['PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA', '', 'REQUIRED'],
  ['PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT', '', 'MAYBE_REQUIRED'],
  ['PSL_SUPPORTED_ACCOUNT_CREATION_METHODS', 'PSL_ACM_USER_ID_PASSWORD', 'MULTIPLE_CHOICE'],
  ['PSL_SUPPORTED_ACCOUNT_CREATION_METHODS', 'PSL_ACM_USER_ID_OTHER_AUTH', 'MULTIPLE_CHOICE'],
  ['PSL_SUPPORTED_ACCOUNT_CREATION_METHODS', 'PSL_ACM_USER_ID_PASSWORD_OTHER_AUTH', 'MULTIPLE_CHOICE'],
  ['PSL_SUPPORTED_ACCOUNT_CREATION_METHODS', 'PSL_ACM_OAUTH', 'MULTIPLE_CHOICE'],
  ['PSL_SUPPORTED_ACCOUNT_CREATION_METHODS', 'PSL_ACM_OTHER', 'MULTIPLE_CHOICE'],
  ['PSL_SUPPORTED_ACCOUNT_CREATION_METHODS', 'PSL_ACM_NONE', 'MULTIPLE_CHOICE'],
  ['PSL_ACM_SPECIFY', '', 'MAYBE_REQUIRED'],
  ['PSL_ACCOUNT_DELETION_URL', '', 'MAYBE_REQUIRED'],
  ['PSL_SUPPORT_DATA_DELETION_BY_USER', 'DATA_DELETION_YES', 'SINGLE_CHOICE'],
  ['PSL_SUPPORT_DATA_DELETION_BY_USER', 'DATA_DELETION_NO', 'SINGLE_CHOICE'],
  ['PSL_SUPPORT_DATA_DELETION_BY_USER', 'DATA_DELETION_NO_AUTO_DELETED', 'SINGLE_CHOICE'],
  ['PSL_DATA_DELETION_URL', '', 'MAYBE_REQUIRED'],
  ['PSL_DATA_COLLECTION_COMPLIES_FAMILY_POLICY', '', 'OPTIONAL'],
  ['PSL_INDEPENDENTLY_VALIDATED', '', 'OPTIONAL'],
  ['PSL_UPI_BADGE_OPT_IN', '', 'OPTIONAL'],
  ['PSL_HAS_OUTSIDE_APP_ACCOUNTS', '', 'OPTIONAL'],
  ['PSL_OUTSIDE_APP_ACCOUNT_TYPES', 'PSL_LOGIN_WITH_OUTSIDE_APP_ID', 'MULTIPLE_CHOICE'],
  ['PSL_OUTSIDE_APP_ACCOUNT_TYPES', 'PSL_LOGIN_THROUGH_EMPLOYMENT_OR_ENTERPRISE_ACCOUNT', 'MULTIPLE_CHOICE'],
  ['PSL_OUTSIDE_APP_ACCOUNT_TYPES', 'PSL_OUTSIDE_APP_ACCOUNT_TYPE_OTHER', 'MULTIPLE_CHOICE'],
  ['PSL_OUTSIDE_APP_ACCOUNT_TYPE_SPECIFY', '', 'MAYBE_REQUIRED'],
];
// Template order: Personal → Financial → Location → Web browsing → Messages → Photos → Audio → Health →
// Contacts → Calendar → App performance → Files → App activity → Device IDs (§2.3).
const DATA_TYPES: [question: string, types: string[]][] = [
  [
    'PSL_DATA_TYPES_PERSONAL',
    [
      'PSL_NAME',
      'PSL_EMAIL',
      'PSL_USER_ACCOUNT',
      'PSL_ADDRESS',
      'PSL_PHONE',
      'PSL_RACE_ETHNICITY',
      'PSL_POLITICAL_RELIGIOUS',
      'PSL_SEXUAL_ORIENTATION_GENDER_IDENTITY',
      'PSL_OTHER_PERSONAL',
    ],
  ],
  ['PSL_DATA_TYPES_FINANCIAL', ['PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER', 'PSL_PURCHASE_HISTORY', 'PSL_CREDIT_SCORE', 'PSL_OTHER']],
  ['PSL_DATA_TYPES_LOCATION', ['PSL_APPROX_LOCATION', 'PSL_PRECISE_LOCATION']],
  ['PSL_DATA_TYPES_SEARCH_AND_BROWSING', ['PSL_WEB_BROWSING_HISTORY']],
  ['PSL_DATA_TYPES_EMAIL_AND_TEXT', ['PSL_EMAILS', 'PSL_SMS_CALL_LOG', 'PSL_OTHER_MESSAGES']],
  ['PSL_DATA_TYPES_PHOTOS_AND_VIDEOS', ['PSL_PHOTOS', 'PSL_VIDEOS']],
  ['PSL_DATA_TYPES_AUDIO', ['PSL_AUDIO', 'PSL_MUSIC', 'PSL_OTHER_AUDIO']],
  ['PSL_DATA_TYPES_HEALTH_AND_FITNESS', ['PSL_HEALTH', 'PSL_FITNESS']],
  ['PSL_DATA_TYPES_CONTACTS', ['PSL_CONTACTS']],
  ['PSL_DATA_TYPES_CALENDAR', ['PSL_CALENDAR']],
  ['PSL_DATA_TYPES_APP_PERFORMANCE', ['PSL_CRASH_LOGS', 'PSL_PERFORMANCE_DIAGNOSTICS', 'PSL_OTHER_PERFORMANCE']],
  ['PSL_DATA_TYPES_FILES_AND_DOCS', ['PSL_FILES_AND_DOCS']],
  [
    'PSL_DATA_TYPES_APP_ACTIVITY',
    ['PSL_USER_INTERACTION', 'PSL_IN_APP_SEARCH_HISTORY', 'PSL_APPS_ON_DEVICE', 'PSL_USER_GENERATED_CONTENT', 'PSL_OTHER_APP_ACTIVITY'],
  ],
  ['PSL_DATA_TYPES_IDENTIFIERS', ['PSL_DEVICE_ID']],
];
const PURPOSES = [
  'PSL_APP_FUNCTIONALITY',
  'PSL_ANALYTICS',
  'PSL_DEVELOPER_COMMUNICATIONS',
  'PSL_FRAUD_PREVENTION_SECURITY',
  'PSL_ADVERTISING',
  'PSL_PERSONALIZATION',
  'PSL_ACCOUNT_MANAGEMENT',
];

function usage(type: string): [string, string, string][] {
  const q = (sub: string) => `PSL_DATA_USAGE_RESPONSES:${type}:${sub}`;
  return [
    [q('PSL_DATA_USAGE_COLLECTION_AND_SHARING'), 'PSL_DATA_USAGE_ONLY_COLLECTED', 'MULTIPLE_CHOICE'],
    [q('PSL_DATA_USAGE_COLLECTION_AND_SHARING'), 'PSL_DATA_USAGE_ONLY_SHARED', 'MULTIPLE_CHOICE'],
    [q('PSL_DATA_USAGE_EPHEMERAL'), '', 'MAYBE_REQUIRED'],
    [q('DATA_USAGE_USER_CONTROL'), 'PSL_DATA_USAGE_USER_CONTROL_OPTIONAL', 'SINGLE_CHOICE'],
    [q('DATA_USAGE_USER_CONTROL'), 'PSL_DATA_USAGE_USER_CONTROL_REQUIRED', 'SINGLE_CHOICE'],
    ...PURPOSES.map((p): [string, string, string] => [q('DATA_USAGE_COLLECTION_PURPOSE'), p, 'MULTIPLE_CHOICE']),
    ...PURPOSES.map((p): [string, string, string] => [q('DATA_USAGE_SHARING_PURPOSE'), p, 'MULTIPLE_CHOICE']),
  ];
}

const ALL_TYPES = DATA_TYPES.flatMap(([, types]) => types);
const EXPECTED_STRUCTURE: [string, string, string][] = [
  ...GENERAL,
  ...DATA_TYPES.flatMap(([question, types]) => types.map((t): [string, string, string] => [question, t, 'MULTIPLE_CHOICE'])),
  ...ALL_TYPES.flatMap(usage),
];

/** The CSV as Play Console would read it: parsed with papaparse, header and structure checked. */
function parsedCsv(workspace: Workspace): string[][] {
  const csv = playDataSafetyCsv(workspace);
  expect(csv.startsWith(`${HEADER}\r\n`)).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  // Every line break is CRLF: no bare LF or CR anywhere.
  expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  // Comma-separated, as Play Console reads it; papaparse would otherwise guess from the content.
  const parsed = Papa.parse<string[]>(csv.slice(0, -2), { header: false, delimiter: ',', newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  expect(header.join(',')).toBe(HEADER);
  expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual(EXPECTED_STRUCTURE);
  for (const row of rows) {
    expect(row).toHaveLength(5);
    expect(row[2]).toMatch(/^(TRUE|FALSE|https:\/\/\S+)?$/);
    expect(row[4].length).toBeGreaterThan(0);
  }
  return rows;
}

function answers(workspace: Workspace) {
  const rows = parsedCsv(workspace);
  return (question: string, response = ''): string => {
    const found = rows.filter((r) => r[0] === question && r[1] === response);
    expect(found, `${question} ${response}`).toHaveLength(1);
    return found[0][2];
  };
}

/** The 19 usage answers of one Play data type, by short name. */
function usageOf(value: (q: string, r?: string) => string, type: string) {
  const q = (sub: string) => `PSL_DATA_USAGE_RESPONSES:${type}:${sub}`;
  const picked = (sub: string) => PURPOSES.filter((p) => value(q(sub), p) === 'TRUE');
  return {
    collected: value(q('PSL_DATA_USAGE_COLLECTION_AND_SHARING'), 'PSL_DATA_USAGE_ONLY_COLLECTED'),
    shared: value(q('PSL_DATA_USAGE_COLLECTION_AND_SHARING'), 'PSL_DATA_USAGE_ONLY_SHARED'),
    ephemeral: value(q('PSL_DATA_USAGE_EPHEMERAL')),
    optional: value(q('DATA_USAGE_USER_CONTROL'), 'PSL_DATA_USAGE_USER_CONTROL_OPTIONAL'),
    required: value(q('DATA_USAGE_USER_CONTROL'), 'PSL_DATA_USAGE_USER_CONTROL_REQUIRED'),
    collectedFor: picked('DATA_USAGE_COLLECTION_PURPOSE'),
    sharedFor: picked('DATA_USAGE_SHARING_PURPOSE'),
  };
}

describe('the Data safety CSV structure', () => {
  it('has the exact header, 22 general rows, 38 data-type rows and 38 × 19 usage rows: 783 lines', () => {
    const rows = parsedCsv(ridgeline);
    expect(rows).toHaveLength(22 + 38 + 38 * 19);
    expect(playDataSafetyCsv(ridgeline).split('\r\n').length - 1).toBe(783);
    expect(playDataSafetyRows(ridgeline)).toHaveLength(782);
  });

  it('has the same structure for an empty workspace, answering that nothing is collected', () => {
    const ws = valid({ ...minimalWorkspace(), dataTypes: [] });
    const value = answers(ws);
    expect(value('PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA')).toBe('FALSE');
    const rows = parsedCsv(ws);
    expect(rows.slice(22).every((r) => r[2] === '')).toBe(true);
  });

  it('labels usage rows as the template does', () => {
    const rows = parsedCsv(ridgeline);
    expect(rows).toContainEqual([
      'PSL_DATA_USAGE_RESPONSES:PSL_NAME:DATA_USAGE_USER_CONTROL',
      'PSL_DATA_USAGE_USER_CONTROL_REQUIRED',
      '',
      'SINGLE_CHOICE',
      "Data usage and handling (Name) / Is this data required for your app, or can users choose whether it's collected? / Data collection is required (users can't turn off this data collection)",
    ]);
    expect(rows).toContainEqual(['PSL_DATA_TYPES_FINANCIAL', 'PSL_OTHER', '', 'MULTIPLE_CHOICE', 'Financial info / Other financial info']);
  });
});

describe('the sample’s answers', () => {
  const value = answers(ridgeline);

  it('answers the general questions from the organization and settings.store', () => {
    expect(value('PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA')).toBe('TRUE');
    expect(value('PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT')).toBe('TRUE');
    expect(
      [
        'PSL_ACM_USER_ID_PASSWORD',
        'PSL_ACM_USER_ID_OTHER_AUTH',
        'PSL_ACM_USER_ID_PASSWORD_OTHER_AUTH',
        'PSL_ACM_OAUTH',
        'PSL_ACM_OTHER',
        'PSL_ACM_NONE',
      ].map((r) => value('PSL_SUPPORTED_ACCOUNT_CREATION_METHODS', r)),
    ).toEqual(['TRUE', '', '', 'TRUE', '', '']);
    expect(value('PSL_ACCOUNT_DELETION_URL')).toBe('https://ridgeline.example/account/delete');
    expect(
      ['DATA_DELETION_YES', 'DATA_DELETION_NO', 'DATA_DELETION_NO_AUTO_DELETED'].map((r) => value('PSL_SUPPORT_DATA_DELETION_BY_USER', r)),
    ).toEqual(['TRUE', '', '']);
    expect(value('PSL_DATA_COLLECTION_COMPLIES_FAMILY_POLICY')).toBe('FALSE');
    // The workspace has no answer for these: left for the team in Play Console.
    for (const q of [
      'PSL_ACM_SPECIFY',
      'PSL_DATA_DELETION_URL',
      'PSL_INDEPENDENTLY_VALIDATED',
      'PSL_UPI_BADGE_OPT_IN',
      'PSL_HAS_OUTSIDE_APP_ACCOUNTS',
    ]) {
      expect(value(q)).toBe('');
    }
  });

  it('selects exactly the Play types of the declared data types', () => {
    const selected = DATA_TYPES.flatMap(([q, types]) => types.filter((t) => value(q, t) === 'TRUE'));
    expect(selected).toEqual([
      'PSL_EMAIL',
      'PSL_USER_ACCOUNT',
      'PSL_APPROX_LOCATION',
      'PSL_PRECISE_LOCATION',
      'PSL_PHOTOS',
      'PSL_HEALTH',
      'PSL_FITNESS',
      'PSL_CONTACTS',
      'PSL_CRASH_LOGS',
      'PSL_USER_INTERACTION',
      'PSL_USER_GENERATED_CONTENT',
      'PSL_DEVICE_ID',
    ]);
  });

  it('precise location: collected, optional, not shared — processors and the rescue services (a legal-purpose transfer) only', () => {
    expect(usageOf(value, 'PSL_PRECISE_LOCATION')).toEqual({
      collected: 'TRUE',
      shared: '',
      ephemeral: 'FALSE',
      optional: 'TRUE',
      required: '',
      collectedFor: ['PSL_APP_FUNCTIONALITY', 'PSL_ANALYTICS', 'PSL_FRAUD_PREVENTION_SECURITY', 'PSL_PERSONALIZATION'],
      sharedFor: [],
    });
  });

  it('device IDs: shared with Meta for advertising, required because the installation ID is', () => {
    expect(usageOf(value, 'PSL_DEVICE_ID')).toEqual({
      collected: 'TRUE',
      shared: 'TRUE',
      ephemeral: 'FALSE',
      optional: '',
      required: 'TRUE',
      collectedFor: ['PSL_APP_FUNCTIONALITY', 'PSL_FRAUD_PREVENTION_SECURITY', 'PSL_ADVERTISING'],
      sharedFor: ['PSL_ADVERTISING'],
    });
    expect(
      playDataSafety(ridgeline)
        .dataTypes.find((a) => a.type.id === 'PSL_DEVICE_ID')
        ?.sharedWith.map((r) => r.id),
    ).toEqual(['meta']);
  });

  it('app interactions: shared with Meta for advertising (the ad events), collected for analytics and advertising', () => {
    expect(usageOf(value, 'PSL_USER_INTERACTION')).toMatchObject({
      shared: 'TRUE',
      optional: 'TRUE',
      collectedFor: ['PSL_ANALYTICS', 'PSL_ADVERTISING'],
      sharedFor: ['PSL_ADVERTISING'],
    });
  });

  it('trail photos and reports: shared with Trailkeepers, a controller', () => {
    expect(usageOf(value, 'PSL_PHOTOS')).toMatchObject({ collected: 'TRUE', shared: 'TRUE', sharedFor: ['PSL_APP_FUNCTIONALITY'] });
    expect(usageOf(value, 'PSL_USER_GENERATED_CONTENT')).toMatchObject({ shared: 'TRUE' });
  });

  it('approximate location: ephemeral, because the IP address the security logs keep is collected by the servers, not the Android app', () => {
    expect(usageOf(value, 'PSL_APPROX_LOCATION')).toMatchObject({ ephemeral: 'TRUE', shared: '' });
    // Once the Android app is recorded as sending it, the kept IP address makes the type not ephemeral.
    const ipFromApp = valid({
      ...ridgeline,
      dataTypes: ridgeline.dataTypes.map((d) =>
        d.id === 'ip-address' ? { ...d, collectedAt: ['android-sign-up', 'security-monitoring'] } : d,
      ),
    });
    expect(usageOf(answers(ipFromApp), 'PSL_APPROX_LOCATION')).toMatchObject({ ephemeral: 'FALSE', required: 'TRUE' });
  });

  it('purchase history and support messages: not declared, since subscriptions and support are on the web; contacts not shared', () => {
    expect(value('PSL_DATA_TYPES_FINANCIAL', 'PSL_PURCHASE_HISTORY')).toBe('');
    expect(value('PSL_DATA_TYPES_EMAIL_AND_TEXT', 'PSL_OTHER_MESSAGES')).toBe('');
    expect(usageOf(value, 'PSL_CONTACTS')).toMatchObject({ shared: '', optional: 'TRUE' });
  });

  it('crash logs: required, collected for analytics', () => {
    expect(usageOf(value, 'PSL_CRASH_LOGS')).toMatchObject({ required: 'TRUE', collectedFor: ['PSL_ANALYTICS'], shared: '' });
  });

  it('leaves every row of an undeclared type empty (the card is web-only and set to none)', () => {
    expect(value('PSL_DATA_TYPES_FINANCIAL', 'PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER')).toBe('');
    expect(Object.values(usageOf(value, 'PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER'))).toEqual(['', '', '', '', '', [], []]);
  });
});

describe('rules', () => {
  function withDataTypes(dataTypes: DataType[], change: (ws: Workspace) => void = () => {}): Workspace {
    const ws = minimalWorkspace();
    ws.purposes.push(
      { id: 'ads', name: 'Ads', use: 'marketing.advertising.third_party' },
      { id: 'law', name: 'Law', use: 'essential.legal_obligation', lawfulBasis: 'legal-obligation' },
    );
    ws.recipients.push(
      { id: 'partner', name: 'Partner', role: 'controller' },
      { id: 'joint', name: 'Joint', role: 'joint-controller' },
      { id: 'police', name: 'Police', role: 'public-authority' },
      { id: 'unknown', name: 'Someone' },
    );
    ws.collectionPoints = [{ id: 'signup', name: 'Sign-up screen', platform: 'android' }];
    ws.dataTypes = dataTypes;
    change(ws);
    return valid(ws);
  }
  const dt = (id: string, extra: Partial<DataType>): DataType => ({
    id,
    name: id,
    category: 'user.contact.email',
    purposes: ['provide-service'],
    // collected in the Android app unless a test says otherwise
    collectedAt: ['signup'],
    ...extra,
  });

  it('counts controllers, joint controllers and recipients of unknown role as sharing; processors and public authorities not', () => {
    expect(isPlaySharingRecipient({ role: 'controller' })).toBe(true);
    expect(isPlaySharingRecipient({ role: 'joint-controller' })).toBe(true);
    expect(isPlaySharingRecipient({})).toBe(true);
    expect(isPlaySharingRecipient({ role: 'processor' })).toBe(false);
    expect(isPlaySharingRecipient({ role: 'public-authority' })).toBe(false);
    for (const [recipient, shared] of [
      ['aws', ''],
      ['police', ''],
      ['partner', 'TRUE'],
      ['joint', 'TRUE'],
      ['unknown', 'TRUE'],
    ] as const) {
      const ws = withDataTypes([dt('a', { recipients: [recipient] })]);
      expect(usageOf(answers(ws), 'PSL_EMAIL').shared, recipient).toBe(shared);
    }
  });

  it('merges data types of one Play type: required if any is, optional only if every one is optional', () => {
    const optional = withDataTypes([dt('a', { required: false }), dt('b', { required: false })]);
    expect(usageOf(answers(optional), 'PSL_EMAIL')).toMatchObject({ optional: 'TRUE', required: '' });
    const mixed = withDataTypes([dt('a', { required: false }), dt('b', { required: true })]);
    expect(usageOf(answers(mixed), 'PSL_EMAIL')).toMatchObject({ optional: '', required: 'TRUE' });
    // Not saying whether users can choose is not saying they can (§2.6).
    const unsaid = withDataTypes([dt('a', { required: false }), dt('b', {})]);
    expect(usageOf(answers(unsaid), 'PSL_EMAIL')).toMatchObject({ optional: '', required: 'TRUE' });
  });

  it('merges ephemeral: TRUE only when every contributing data type is ephemeral', () => {
    expect(usageOf(answers(withDataTypes([dt('a', { ephemeral: true }), dt('b', { ephemeral: true })])), 'PSL_EMAIL').ephemeral).toBe(
      'TRUE',
    );
    expect(usageOf(answers(withDataTypes([dt('a', { ephemeral: true }), dt('b', {})])), 'PSL_EMAIL').ephemeral).toBe('FALSE');
  });

  it('unites collection purposes, and takes sharing purposes only from the data types that are shared', () => {
    const ws = withDataTypes([
      dt('a', { purposes: ['analytics'] }),
      dt('b', { purposes: ['ads', 'law'], recipients: ['partner', 'police'] }),
    ]);
    expect(usageOf(answers(ws), 'PSL_EMAIL')).toMatchObject({
      collected: 'TRUE',
      shared: 'TRUE',
      collectedFor: ['PSL_ANALYTICS', 'PSL_FRAUD_PREVENTION_SECURITY', 'PSL_ADVERTISING'],
      sharedFor: ['PSL_FRAUD_PREVENTION_SECURITY', 'PSL_ADVERTISING'],
    });
  });

  it('honours classification overrides and storePurpose', () => {
    const ws = withDataTypes(
      [dt('a', { classification: { play: 'PSL_OTHER_PERSONAL' } }), dt('b', { classification: { play: 'none' } })],
      (w) => {
        w.purposes[0].storePurpose = { play: 'PSL_ACCOUNT_MANAGEMENT' };
      },
    );
    const value = answers(ws);
    expect(value('PSL_DATA_TYPES_PERSONAL', 'PSL_OTHER_PERSONAL')).toBe('TRUE');
    expect(value('PSL_DATA_TYPES_PERSONAL', 'PSL_EMAIL')).toBe('');
    expect(usageOf(value, 'PSL_OTHER_PERSONAL').collectedFor).toEqual(['PSL_ACCOUNT_MANAGEMENT']);
  });

  it('declares only data collected in the Android app: not iOS-only or web-only data, nor data collected nowhere', () => {
    const ws = withDataTypes(
      [
        dt('both', { collectedAt: ['iphone', 'signup'], recipients: ['partner'] }),
        dt('ios', { category: 'user.contact.phone_number', collectedAt: ['iphone'], recipients: ['partner'] }),
        dt('web', { category: 'user.contact.address', collectedAt: ['website'] }),
        dt('nowhere', { category: 'user.name', collectedAt: [] }),
      ],
      (w) =>
        w.collectionPoints.push({ id: 'iphone', name: 'iPhone app', platform: 'ios' }, { id: 'website', name: 'Website', platform: 'web' }),
    );
    const safety = playDataSafety(ws);
    expect(safety.dataTypes.map((a) => [a.type.id, a.dataTypes.map((d) => d.id), a.sharedWith.map((r) => r.id)])).toEqual([
      ['PSL_EMAIL', ['both'], ['partner']],
    ]);
    const value = answers(ws);
    expect(value('PSL_DATA_TYPES_PERSONAL', 'PSL_PHONE')).toBe('');
    expect(value('PSL_DATA_TYPES_PERSONAL', 'PSL_ADDRESS')).toBe('');
    expect(value('PSL_DATA_TYPES_PERSONAL', 'PSL_NAME')).toBe('');
  });

  it('leaves general questions empty when settings.store says nothing, and answers "no" options', () => {
    const empty = answers(withDataTypes([dt('a', {})]));
    expect(empty('PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT')).toBe('');
    expect(empty('PSL_DATA_COLLECTION_COMPLIES_FAMILY_POLICY')).toBe('');
    expect(empty('PSL_SUPPORT_DATA_DELETION_BY_USER', 'DATA_DELETION_YES')).toBe('');
    expect(empty('PSL_ACCOUNT_DELETION_URL')).toBe('');
    const set = answers(
      withDataTypes([dt('a', {})], (w) => {
        w.settings.store = {
          encryptedInTransit: false,
          accountCreation: ['PSL_ACM_NONE'],
          dataDeletion: 'auto-deleted',
          familyPolicy: true,
        };
      }),
    );
    expect(set('PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT')).toBe('FALSE');
    expect(set('PSL_SUPPORTED_ACCOUNT_CREATION_METHODS', 'PSL_ACM_NONE')).toBe('TRUE');
    expect(set('PSL_SUPPORT_DATA_DELETION_BY_USER', 'DATA_DELETION_NO_AUTO_DELETED')).toBe('TRUE');
    expect(set('PSL_SUPPORT_DATA_DELETION_BY_USER', 'DATA_DELETION_YES')).toBe('');
    expect(set('PSL_DATA_COLLECTION_COMPLIES_FAMILY_POLICY')).toBe('TRUE');
  });
});

describe('spreadsheet safety', () => {
  it('writes no cell a spreadsheet would run as a formula, even from an unchecked workspace', () => {
    // The schema only accepts https URLs here; a workspace that skipped validation must still be safe.
    const ws = {
      ...minimalWorkspace(),
      organization: { ...minimalWorkspace().organization, accountDeletionUrl: '=HYPERLINK("https://evil.example","x")' },
    };
    const rows = Papa.parse<string[]>(playDataSafetyCsv(ws as Workspace).trimEnd(), { newline: '\r\n' }).data;
    expect(rows.find((r) => r[0] === 'PSL_ACCOUNT_DELETION_URL')?.[2]).toBe(`'=HYPERLINK("https://evil.example","x")`);
  });

  it('keeps the structure and value set for random hostile workspaces', () => {
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }), (workspace) => {
        const rows = parsedCsv(workspace);
        for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 100 },
    );
  });
});

describe('golden file for the sample', () => {
  it('data-safety.csv', () => golden(import.meta.url, 'data-safety.csv', playDataSafetyCsv(ridgeline)));
});
