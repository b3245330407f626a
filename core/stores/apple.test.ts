import fc from 'fast-check';
import { marked } from 'marked';
import { lint } from 'markdownlint/sync';
import { parse as parsePlist } from 'plist';
import { describe, expect, it } from 'vitest';
import sampleJson from '../../resources/examples/ridgeline.candor.json' with { type: 'json' };
import { serializeWorkspace } from '../canonical';
import { APPLE_DATA_TYPES, APPLE_DATA_TYPE_PREFIX, APPLE_PURPOSES, APPLE_PURPOSE_PREFIX } from '../identifiers';
import { readWorkspaceText } from '../read';
import type { DataType, Workspace } from '../schema';
import { HOSTILE_STRINGS, workspaceArbitrary } from '../testing/arbitraries';
import { minimalWorkspace } from '../testing/fixtures';
import { validateWorkspace } from '../validate';
import { appStoreAnswersMarkdown, appleAccessedApiTypes, appleDisclosure, applePrivacyManifest, applePrivacyManifestXml } from './apple';
import { golden } from '../testing/golden';

function valid(input: unknown): Workspace {
  const result = validateWorkspace(input);
  if (!result.ok) throw new Error(`invalid workspace: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.workspace;
}

const ridgeline = valid(sampleJson);
const ROOT_KEYS = ['NSPrivacyAccessedAPITypes', 'NSPrivacyCollectedDataTypes', 'NSPrivacyTracking', 'NSPrivacyTrackingDomains'];
const ENTRY_KEYS = [
  'NSPrivacyCollectedDataType',
  'NSPrivacyCollectedDataTypeLinked',
  'NSPrivacyCollectedDataTypePurposes',
  'NSPrivacyCollectedDataTypeTracking',
];
const TYPE_IDS = new Set(APPLE_DATA_TYPES.map((t) => APPLE_DATA_TYPE_PREFIX + t.id));
const PURPOSE_IDS = new Set(APPLE_PURPOSES.map((p) => APPLE_PURPOSE_PREFIX + p.id));

interface ParsedEntry {
  NSPrivacyCollectedDataType: string;
  NSPrivacyCollectedDataTypeLinked: boolean;
  NSPrivacyCollectedDataTypeTracking: boolean;
  NSPrivacyCollectedDataTypePurposes: string[];
}
interface ParsedManifest {
  NSPrivacyTracking: boolean;
  NSPrivacyTrackingDomains: string[];
  NSPrivacyCollectedDataTypes: ParsedEntry[];
  NSPrivacyAccessedAPITypes: { NSPrivacyAccessedAPIType: string; NSPrivacyAccessedAPITypeReasons: string[] }[];
}

/** The manifest as Xcode would read it: parsed by a real plist parser and checked against Apple's identifiers. */
function parsedManifest(workspace: Workspace): ParsedManifest {
  const xml = applePrivacyManifestXml(workspace);
  const parsed = parsePlist(xml) as unknown as ParsedManifest;
  expect(Object.keys(parsed).sort()).toEqual(ROOT_KEYS);
  expect(typeof parsed.NSPrivacyTracking).toBe('boolean');
  expect(Array.isArray(parsed.NSPrivacyTrackingDomains)).toBe(true);
  const seen = new Set<string>();
  for (const entry of parsed.NSPrivacyCollectedDataTypes) {
    expect(Object.keys(entry).sort()).toEqual(ENTRY_KEYS);
    expect(TYPE_IDS).toContain(entry.NSPrivacyCollectedDataType);
    expect(seen).not.toContain(entry.NSPrivacyCollectedDataType);
    seen.add(entry.NSPrivacyCollectedDataType);
    expect(typeof entry.NSPrivacyCollectedDataTypeLinked).toBe('boolean');
    expect(typeof entry.NSPrivacyCollectedDataTypeTracking).toBe('boolean');
    expect(entry.NSPrivacyCollectedDataTypePurposes.length).toBeGreaterThan(0);
    for (const purpose of entry.NSPrivacyCollectedDataTypePurposes) expect(PURPOSE_IDS).toContain(purpose);
  }
  expect(parsed.NSPrivacyTracking).toBe(parsed.NSPrivacyCollectedDataTypes.some((e) => e.NSPrivacyCollectedDataTypeTracking));
  // The file says exactly what the object model says.
  expect(parsed).toEqual(applePrivacyManifest(workspace));
  return parsed;
}

function entry(manifest: ParsedManifest, type: string): ParsedEntry | undefined {
  return manifest.NSPrivacyCollectedDataTypes.find((e) => e.NSPrivacyCollectedDataType === APPLE_DATA_TYPE_PREFIX + type);
}

const purposes = (...ids: string[]) => ids.map((id) => APPLE_PURPOSE_PREFIX + id);

function withDataTypes(dataTypes: DataType[], change: (ws: Workspace) => void = () => {}): Workspace {
  const ws = minimalWorkspace();
  ws.purposes.push(
    { id: 'ads', name: 'Measure our ads', use: 'marketing.advertising.third_party' },
    { id: 'suggest', name: 'Suggest things', use: 'personalize' },
  );
  ws.recipients.push(
    {
      id: 'adnet',
      name: 'Ad Network',
      role: 'controller',
      trackingDomains: ['ads.adnet.example', ' ADS.adnet.example ', 'pixel.adnet.example'],
    },
    { id: 'cdn', name: 'CDN', role: 'processor', trackingDomains: ['cdn.example'] },
  );
  ws.dataTypes = dataTypes;
  change(ws);
  return valid(ws);
}

const dt = (id: string, extra: Partial<DataType>): DataType => ({
  id,
  name: id,
  category: 'user.contact.email',
  purposes: ['provide-service'],
  // collected in the iOS app (the minimal workspace's sign-up screen) unless a test says otherwise
  collectedAt: ['signup'],
  ...extra,
});

describe('PrivacyInfo.xcprivacy for the sample', () => {
  const manifest = parsedManifest(ridgeline);

  it('tracks, with the tracking recipient’s domain only', () => {
    expect(manifest.NSPrivacyTracking).toBe(true);
    expect(manifest.NSPrivacyTrackingDomains).toEqual(['ep1.facebook.com']);
  });

  it('merges the three device identifiers into one Device ID entry that is linked and tracks', () => {
    expect(entry(manifest, 'DeviceID')).toEqual({
      NSPrivacyCollectedDataType: 'NSPrivacyCollectedDataTypeDeviceID',
      NSPrivacyCollectedDataTypeLinked: true,
      NSPrivacyCollectedDataTypeTracking: true,
      NSPrivacyCollectedDataTypePurposes: purposes('DeveloperAdvertising', 'AppFunctionality'),
    });
  });

  it('makes Product Interaction linked and tracking because the ad events are, although app interactions are neither', () => {
    expect(entry(manifest, 'ProductInteraction')).toMatchObject({
      NSPrivacyCollectedDataTypeLinked: true,
      NSPrivacyCollectedDataTypeTracking: true,
      NSPrivacyCollectedDataTypePurposes: purposes('DeveloperAdvertising', 'Analytics'),
    });
  });

  it('keeps crash data unlinked and precise location for its own purposes', () => {
    expect(entry(manifest, 'CrashData')).toMatchObject({
      NSPrivacyCollectedDataTypeLinked: false,
      NSPrivacyCollectedDataTypeTracking: false,
    });
    expect(entry(manifest, 'PreciseLocation')?.NSPrivacyCollectedDataTypePurposes).toEqual(
      purposes('ProductPersonalization', 'AppFunctionality', 'Other'),
    );
  });

  it('leaves out what the iOS app does not collect: web purchases and support, the Garmin import, server logs', () => {
    // Subscriptions are bought on the web, support runs on the web, and the IP address is collected
    // only by the servers' monitoring: none has an iOS collection point.
    for (const type of ['PaymentInfo', 'PurchaseHistory', 'CustomerSupport', 'CoarseLocation'])
      expect(entry(manifest, type)).toBeUndefined();
    expect(appleDisclosure(ridgeline).notDeclared.map((n) => [n.id, n.reason])).toEqual([
      ['password', 'category-has-none'],
      ['approximate-location', 'ephemeral'],
      ['garmin-activities', 'not-on-ios'],
      ['ip-address', 'not-on-ios'],
      ['subscription-records', 'not-on-ios'],
      ['payment-card', 'not-on-ios'],
      ['support-messages', 'not-on-ios'],
    ]);
    expect(manifest.NSPrivacyCollectedDataTypes).toHaveLength(11);
  });

  it('declares the required-reason APIs of settings.apple in Apple’s order of categories', () => {
    expect(manifest.NSPrivacyAccessedAPITypes).toEqual([
      { NSPrivacyAccessedAPIType: 'NSPrivacyAccessedAPICategorySystemBootTime', NSPrivacyAccessedAPITypeReasons: ['35F9.1'] },
      { NSPrivacyAccessedAPIType: 'NSPrivacyAccessedAPICategoryUserDefaults', NSPrivacyAccessedAPITypeReasons: ['CA92.1'] },
    ]);
  });
});

describe('merging data types of the same Apple type', () => {
  it('is linked if any is linked, tracks if any tracks, and unites the purposes in App Store Connect order', () => {
    const ws = withDataTypes([
      dt('a', { linkedToIdentity: false, purposes: ['analytics'] }),
      dt('b', { tracking: true, purposes: ['ads', 'provide-service'], recipients: ['adnet'] }),
    ]);
    const manifest = parsedManifest(ws);
    expect(manifest.NSPrivacyCollectedDataTypes).toEqual([
      {
        NSPrivacyCollectedDataType: 'NSPrivacyCollectedDataTypeEmailAddress',
        NSPrivacyCollectedDataTypeLinked: true,
        NSPrivacyCollectedDataTypeTracking: true,
        NSPrivacyCollectedDataTypePurposes: purposes('ThirdPartyAdvertising', 'Analytics', 'AppFunctionality'),
      },
    ]);
  });

  it('stays unlinked and not tracking when none of them is', () => {
    const ws = withDataTypes([dt('a', { linkedToIdentity: false }), dt('b', { linkedToIdentity: false, purposes: ['suggest'] })]);
    expect(parsedManifest(ws).NSPrivacyCollectedDataTypes).toEqual([
      {
        NSPrivacyCollectedDataType: 'NSPrivacyCollectedDataTypeEmailAddress',
        NSPrivacyCollectedDataTypeLinked: false,
        NSPrivacyCollectedDataTypeTracking: false,
        NSPrivacyCollectedDataTypePurposes: purposes('ProductPersonalization', 'AppFunctionality'),
      },
    ]);
    expect(parsedManifest(ws).NSPrivacyTracking).toBe(false);
  });

  it('lists entries in Apple’s order of data types, whatever the inventory order', () => {
    const ws = withDataTypes([
      dt('crash', { category: 'system.operations', classification: { apple: 'CrashData' } }),
      dt('name', { category: 'user.name' }),
    ]);
    expect(parsedManifest(ws).NSPrivacyCollectedDataTypes.map((e) => e.NSPrivacyCollectedDataType)).toEqual([
      'NSPrivacyCollectedDataTypeName',
      'NSPrivacyCollectedDataTypeCrashData',
    ]);
  });

  it('honours a classification override and a purpose’s storePurpose', () => {
    const ws = withDataTypes([dt('a', { classification: { apple: 'OtherUserContactInfo' } })], (w) => {
      w.purposes[0].storePurpose = { apple: 'Other' };
    });
    expect(parsedManifest(ws).NSPrivacyCollectedDataTypes).toEqual([
      expect.objectContaining({
        NSPrivacyCollectedDataType: 'NSPrivacyCollectedDataTypeOtherUserContactInfo',
        NSPrivacyCollectedDataTypePurposes: purposes('Other'),
      }),
    ]);
  });
});

describe('ephemeral data', () => {
  it('is not collected for Apple', () => {
    const ws = withDataTypes([dt('a', { ephemeral: true })]);
    expect(parsedManifest(ws).NSPrivacyCollectedDataTypes).toEqual([]);
    expect(appleDisclosure(ws).notDeclared).toEqual([{ id: 'a', name: 'a', reason: 'ephemeral', category: 'user.contact.email' }]);
  });

  it('is declared when it is used for tracking, which is never real-time only', () => {
    const ws = withDataTypes([dt('a', { ephemeral: true, tracking: true, recipients: ['adnet'] })]);
    expect(parsedManifest(ws).NSPrivacyCollectedDataTypes).toHaveLength(1);
    expect(parsedManifest(ws).NSPrivacyTracking).toBe(true);
  });
});

describe('tracking domains', () => {
  it('come from the recipients of tracking data, trimmed and without case-insensitive duplicates', () => {
    const ws = withDataTypes([dt('a', { tracking: true, recipients: ['adnet', 'aws'] }), dt('b', { recipients: ['cdn'] })]);
    const manifest = parsedManifest(ws);
    expect(manifest.NSPrivacyTracking).toBe(true);
    expect(manifest.NSPrivacyTrackingDomains).toEqual(['ads.adnet.example', 'pixel.adnet.example']);
  });

  it('are empty when the recipient with domains receives no tracking data', () => {
    const ws = withDataTypes([dt('a', { recipients: ['adnet', 'cdn'] })]);
    const manifest = parsedManifest(ws);
    expect(manifest.NSPrivacyTracking).toBe(false);
    expect(manifest.NSPrivacyTrackingDomains).toEqual([]);
  });

  it('do not come from tracking data that is not declared to Apple', () => {
    const ws = withDataTypes([dt('a', { tracking: true, recipients: ['adnet'], classification: { apple: 'none' } })]);
    const manifest = parsedManifest(ws);
    expect(manifest.NSPrivacyTracking).toBe(false);
    expect(manifest.NSPrivacyTrackingDomains).toEqual([]);
  });
});

describe('platforms: only data collected in the iOS app', () => {
  const withPlatforms = (dataTypes: DataType[]) =>
    withDataTypes(dataTypes, (ws) =>
      ws.collectionPoints.push(
        { id: 'android-app', name: 'Android app', platform: 'android' },
        { id: 'website', name: 'Website', platform: 'web' },
      ),
    );

  it('declares a data type collected at an iOS point, alone or with other platforms, and leaves out the rest', () => {
    const ws = withPlatforms([
      dt('both', { collectedAt: ['website', 'signup'] }),
      dt('android', { category: 'user.contact.phone_number', collectedAt: ['android-app'] }),
      dt('web', { category: 'user.contact.address', collectedAt: ['website'] }),
      dt('nowhere', { category: 'user.name', collectedAt: [] }),
    ]);
    expect(parsedManifest(ws).NSPrivacyCollectedDataTypes.map((e) => e.NSPrivacyCollectedDataType)).toEqual([
      'NSPrivacyCollectedDataTypeEmailAddress',
    ]);
    expect(appleDisclosure(ws).notDeclared.map((n) => [n.id, n.reason])).toEqual([
      ['android', 'not-on-ios'],
      ['web', 'not-on-ios'],
      ['nowhere', 'no-collection-point'],
    ]);
    const answers = appStoreAnswersMarkdown(ws);
    expect(answers).toContain(
      '- android (`android`) and web (`web`): none of their collection points is on iOS, so the iOS app does not collect them.',
    );
    expect(answers).toContain('- nowhere (`nowhere`): it has no collection point, so nothing shows that the iOS app collects it.');
  });

  it('declares tracking and its domains only for tracking done in the iOS app', () => {
    const androidOnly = withPlatforms([dt('a', { tracking: true, recipients: ['adnet'], collectedAt: ['android-app'] })]);
    expect(parsedManifest(androidOnly)).toMatchObject({ NSPrivacyTracking: false, NSPrivacyTrackingDomains: [] });
    expect(appStoreAnswersMarkdown(androidOnly)).toContain('No data type is used for tracking.');
    const both = withPlatforms([dt('a', { tracking: true, recipients: ['adnet'], collectedAt: ['android-app', 'signup'] })]);
    expect(parsedManifest(both)).toMatchObject({
      NSPrivacyTracking: true,
      NSPrivacyTrackingDomains: ['ads.adnet.example', 'pixel.adnet.example'],
    });
  });
});

describe('an empty workspace', () => {
  it('still has all four keys, with an empty list of collected data types (Xcode reports a missing key)', () => {
    const ws = withDataTypes([]);
    const xml = applePrivacyManifestXml(ws);
    expect(parsedManifest(ws)).toEqual({
      NSPrivacyTracking: false,
      NSPrivacyTrackingDomains: [],
      NSPrivacyCollectedDataTypes: [],
      NSPrivacyAccessedAPITypes: [],
    });
    expect(xml).toContain('<key>NSPrivacyCollectedDataTypes</key>\n\t<array/>');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN"')).toBe(true);
    expect(xml.endsWith('</plist>\n')).toBe(true);
  });
});

describe('hostile text', () => {
  const nasty = [...HOSTILE_STRINGS, '</string><key>NSPrivacyTracking</key><true/><string>', ']]><!--', '\uD800lone', 'a\u000Bb\uFFFEc'];

  it('cannot break the XML or add keys', () => {
    const ws = withDataTypes([dt('a', { tracking: true, recipients: ['adnet'] })], (w) => {
      w.recipients.find((r) => r.id === 'adnet')!.trackingDomains = nasty;
    });
    const manifest = parsedManifest(ws);
    expect(manifest.NSPrivacyTrackingDomains).toContain('</string><key>NSPrivacyTracking</key><true/><string>');
    expect(manifest.NSPrivacyTrackingDomains).toContain('& < > \' "');
    // Characters XML cannot carry at all are dropped, not written.
    expect(manifest.NSPrivacyTrackingDomains).toContain('abc');
    expect(manifest.NSPrivacyTrackingDomains).toContain('lone');
  });

  it('random hostile workspaces always give a manifest Xcode can read', () => {
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }), fc.array(fc.constantFrom(...nasty), { maxLength: 3 }), (workspace, domains) => {
        for (const r of workspace.recipients) r.trackingDomains = [...(r.trackingDomains ?? []), ...domains];
        parsedManifest(workspace);
      }),
      { numRuns: 200 },
    );
  });
});

describe('accessed API types (settings.apple.accessedApiTypes)', () => {
  const withApis = (accessedApiTypes: unknown) =>
    withDataTypes([], (w) => {
      (w.settings as Record<string, unknown>).apple = { accessedApiTypes };
    });

  it('are written with Apple’s identifiers, merged per category, in Apple’s order', () => {
    const ws = withApis([
      { type: 'NSPrivacyAccessedAPICategoryUserDefaults', reasons: ['CA92.1'] },
      { type: 'FileTimestamp', reasons: ['C617.1'] },
      { type: 'UserDefaults', reasons: ['1C8F.1', 'CA92.1'] },
    ]);
    expect(parsedManifest(ws).NSPrivacyAccessedAPITypes).toEqual([
      { NSPrivacyAccessedAPIType: 'NSPrivacyAccessedAPICategoryFileTimestamp', NSPrivacyAccessedAPITypeReasons: ['C617.1'] },
      { NSPrivacyAccessedAPIType: 'NSPrivacyAccessedAPICategoryUserDefaults', NSPrivacyAccessedAPITypeReasons: ['CA92.1', '1C8F.1'] },
    ]);
    expect(appleAccessedApiTypes(ws).problems).toEqual([]);
  });

  it('leave out what is not Apple’s and say where and what to use instead', () => {
    const ws = withApis([
      { type: 'Camera', reasons: ['X'] },
      { type: 'DiskSpace', reasons: ['CA92.1'] },
      { type: 'SystemBootTime', reasons: ['35F9.1', 'ZZZZ.9'] },
    ]);
    expect(parsedManifest(ws).NSPrivacyAccessedAPITypes).toEqual([
      { NSPrivacyAccessedAPIType: 'NSPrivacyAccessedAPICategorySystemBootTime', NSPrivacyAccessedAPITypeReasons: ['35F9.1'] },
    ]);
    const problems = appleAccessedApiTypes(ws).problems;
    expect(problems.map((p) => p.path)).toEqual([
      'settings.apple.accessedApiTypes[0].type',
      'settings.apple.accessedApiTypes[1].reasons[0]',
      'settings.apple.accessedApiTypes[1].reasons',
      'settings.apple.accessedApiTypes[2].reasons[1]',
    ]);
    expect(problems[0].message).toContain('UserDefaults');
    expect(problems[1].message).toContain('85F4.1');
  });

  it('leaves a settings.apple of the wrong shape to validation, which names its path', () => {
    const base = withDataTypes([]);
    const notAList = validateWorkspace({ ...base, settings: { ...base.settings, apple: { accessedApiTypes: 'UserDefaults' } } });
    expect(notAList.ok ? [] : notAList.problems.map((p) => p.path)).toEqual(['settings.apple.accessedApiTypes']);
    const notAnEntry = validateWorkspace({ ...base, settings: { ...base.settings, apple: { accessedApiTypes: ['UserDefaults'] } } });
    expect(notAnEntry.ok ? [] : notAnEntry.problems.map((p) => p.path)).toEqual(['settings.apple.accessedApiTypes[0]']);
  });

  it('survive saving and reopening the workspace', () => {
    const ws = withApis([{ type: 'UserDefaults', reasons: ['CA92.1'] }]);
    const reopened = readWorkspaceText(serializeWorkspace(ws));
    if (reopened.kind !== 'ok') throw new Error(`reopen failed: ${reopened.kind}`);
    expect(parsedManifest(reopened.workspace).NSPrivacyAccessedAPITypes).toEqual([
      { NSPrivacyAccessedAPIType: 'NSPrivacyAccessedAPICategoryUserDefaults', NSPrivacyAccessedAPITypeReasons: ['CA92.1'] },
    ]);
  });
});

// MD013 (line length) is off, as for every generated document: a table row or an answer is one line.
const LINT_CONFIG = { default: true, MD013: false };

function lintProblems(markdown: string): string[] {
  const results = lint({ strings: { doc: markdown }, config: LINT_CONFIG });
  return results.doc.map(
    (e) => `line ${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription}${e.errorDetail ? ` (${e.errorDetail})` : ''}`,
  );
}

describe('App Store Connect answers', () => {
  const answers = appStoreAnswersMarkdown(ridgeline);

  it('pass markdownlint', () => {
    expect(lintProblems(answers)).toEqual([]);
    expect(lintProblems(appStoreAnswersMarkdown(withDataTypes([])))).toEqual([]);
  });

  it('say whether data is collected at all', () => {
    expect(answers).toContain('Answer **Yes, we collect data from this app**.');
    const none = appStoreAnswersMarkdown(withDataTypes([]));
    expect(none).toContain('Answer **No, we do not collect data from this app**.');
    expect(none).not.toContain('## Answers for each data type');
  });

  it('list every Apple data type under its category, collected or not, with the Candor data types behind it', () => {
    const rows = answers.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Category') && !line.startsWith('| ---'));
    expect(rows.map((row) => row.split(' | ').slice(0, 3))).toEqual(
      APPLE_DATA_TYPES.map((t) => [
        `| ${t.group}`,
        t.label,
        appleDisclosure(ridgeline).collected.some((c) => c.type === t.id) ? '**Yes**' : 'No',
      ]),
    );
    expect(answers).toContain(
      '| Identifiers | Device ID | **Yes** | Advertising identifier (`advertising-id`), Installation ID (`installation-id`) and Push notification token (`push-token`) |',
    );
    expect(answers).toContain('| Financial Info | Payment Info | No |  |');
  });

  it('answer purposes, linked and tracking for each collected type, naming where each answer comes from', () => {
    const deviceId = answers.slice(answers.indexOf('### Device ID'), answers.indexOf('### Product Interaction'));
    expect(deviceId).toContain("- [x] Developer's Advertising or Marketing: Measure our advertising on Meta (`ad-measurement`)");
    expect(deviceId).toContain('- [ ] Third-Party Advertising\n');
    expect(deviceId).toContain('Used for tracking? **Yes**: Advertising identifier (`advertising-id`) is used for tracking');
    const crash = answers.slice(answers.indexOf('### Crash Data'));
    expect(crash).toContain("Linked to the user's identity? **No**");
    // One section per collected type, in Apple's order.
    const sections = [...answers.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(appleDisclosure(ridgeline).collected.map((c) => c.label));
  });

  it('name the tracking domains and what is not declared, and why', () => {
    expect(answers).toContain('Tracking domains in the privacy manifest: ep1.facebook.com, from Meta Platforms Ireland Limited (`meta`).');
    expect(answers).toContain('- Map area and nearby search (`approximate-location`): processed only to answer a request in real time');
  });

  it('keep hostile names inert and lint-clean', () => {
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true, maxDataTypes: 4 }), (workspace) => {
        const markdown = appStoreAnswersMarkdown(workspace);
        expect(lintProblems(markdown)).toEqual([]);
        expect(marked.parse(markdown, { async: false, gfm: true })).not.toMatch(/<(script|img)\b|href="javascript/i);
      }),
      { numRuns: 25 },
    );
  });
});

describe('golden files for the sample', () => {
  it('PrivacyInfo.xcprivacy', () => golden(import.meta.url, 'PrivacyInfo.xcprivacy', applePrivacyManifestXml(ridgeline)));
  it('app-privacy-answers.md', () => golden(import.meta.url, 'app-privacy-answers.md', appStoreAnswersMarkdown(ridgeline)));
});
