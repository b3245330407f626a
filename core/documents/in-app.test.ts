import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateWorkspace } from '../validate';
import type { Workspace } from '../schema';
import { minimalWorkspace } from '../testing/fixtures';
import { workspaceArbitrary } from '../testing/arbitraries';
import { DEFAULT_IN_APP_LIMITS, generateInAppText, textLength, truncateWords, type InAppText, type Snippet } from './in-app';
import { PERMISSION_TABLE } from './permissions';

function sample(): Workspace {
  const result = validateWorkspace(
    JSON.parse(readFileSync(new URL('../../resources/examples/ridgeline.candor.json', import.meta.url), 'utf8')),
  );
  if (!result.ok) throw new Error('the sample workspace must be valid');
  return result.workspace;
}

function snippets(text: InAppText): [string, Snippet][] {
  const all: [string, Snippet][] = [];
  for (const [id, entry] of Object.entries(text.dataTypes)) all.push([`${id}.short`, entry.short], [`${id}.long`, entry.long]);
  for (const [id, point] of Object.entries(text.collectionPoints)) {
    all.push([`${id}.disclosure`, point.disclosure]);
    if (point.ios) all.push([`${id}.ios`, point.ios.text]);
    if (point.android) all.push([`${id}.android`, point.android.rationale]);
  }
  return all;
}

// Words the generator must never print unless the user typed them.
const LEAKS = ['undefined', 'null', '[object Object]', 'NaN'];
// Control characters (other than a line break a person typed into an override) and bidi controls.
// eslint-disable-next-line no-control-regex -- the control characters are what must not get through
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

function checkWorkspace(workspace: Workspace) {
  const text = generateInAppText(workspace);
  const typed = JSON.stringify(workspace);
  // Sorted: an object lists integer-like keys ("0") first, whatever the order they were added in.
  expect(Object.keys(text.dataTypes).sort()).toEqual(workspace.dataTypes.map((d) => d.id).sort());
  expect(Object.keys(text.collectionPoints).sort()).toEqual(workspace.collectionPoints.map((c) => c.id).sort());
  for (const [where, snippet] of snippets(text)) {
    expect(snippet.length, where).toBe(textLength(snippet.text));
    expect(Number.isFinite(snippet.grade), where).toBe(true);
    expect(snippet.overBudget, where).toBe(snippet.length > snippet.budget);
    if (snippet.source === 'generated') {
      expect(snippet.length, `${where}: ${snippet.text.slice(0, 80)}`).toBeLessThanOrEqual(snippet.budget);
      expect(snippet.text, where).not.toMatch(/\n/);
      expect(snippet.text.trim(), where).not.toBe('');
    }
    expect(snippet.text, where).not.toMatch(INVISIBLE);
    for (const leak of LEAKS) if (!typed.includes(leak)) expect(snippet.text, where).not.toContain(leak);
  }
  for (const point of workspace.collectionPoints) {
    const result = text.collectionPoints[point.id];
    const info = point.permission ? PERMISSION_TABLE[point.permission] : undefined;
    const onIos = point.platform === undefined || point.platform === 'ios' || point.platform === 'other';
    const onAndroid = point.platform === undefined || point.platform === 'android' || point.platform === 'other';
    expect(!!result.ios, point.id).toBe(!!info && onIos && info.ios.keys.length > 0);
    expect(!!result.android, point.id).toBe(!!info && onAndroid && info.android.runtime);
    if (result.ios) {
      expect(result.ios.keys).toEqual(info!.ios.keys);
      expect(result.ios.text.text).toMatch(/\.$/);
    }
  }
  return text;
}

describe('generateInAppText', () => {
  it('never exceeds a budget with generated text, for any valid workspace', () => {
    fc.assert(
      fc.property(workspaceArbitrary(), (workspace) => void checkWorkspace(workspace)),
      { numRuns: 150 },
    );
  });

  it('keeps hostile text inert and within budget', () => {
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }), (workspace) => void checkWorkspace(workspace)),
      { numRuns: 150 },
    );
  });

  it('fits any budget, down to a single character', () => {
    const limits = fc.record({ short: fc.integer({ min: 1, max: 80 }), long: fc.integer({ min: 1, max: 200 }) });
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }), limits, (workspace, inAppLimits) => {
        const text = generateInAppText({ ...workspace, settings: { ...workspace.settings, inAppLimits } });
        for (const [where, snippet] of snippets(text)) {
          if (snippet.source === 'generated') expect(snippet.length, where).toBeLessThanOrEqual(snippet.budget);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('uses the default budgets of 120 and 400 characters when the workspace sets none', () => {
    const workspace = minimalWorkspace();
    const text = generateInAppText(workspace);
    expect(text.limits).toEqual(DEFAULT_IN_APP_LIMITS);
    expect(text.dataTypes['email-address'].short.budget).toBe(120);
    expect(text.dataTypes['email-address'].long.budget).toBe(400);
  });

  it('replaces generated text with a hand-written one and flags it when it is over budget', () => {
    const workspace = minimalWorkspace();
    const long = 'You can sign in anywhere. '.repeat(20).trim();
    workspace.dataTypes[0].inApp = { short: 'Sign in on any device.', long };
    const text = generateInAppText(workspace);
    const entry = text.dataTypes['email-address'];
    expect(entry.short).toMatchObject({ text: 'Sign in on any device.', source: 'override', overBudget: false, length: 22 });
    expect(entry.long).toMatchObject({ text: long, source: 'override', overBudget: true, length: long.length, budget: 400 });
  });

  it('ignores an override that is only white space, and keeps the line breaks of one that is not', () => {
    const workspace = minimalWorkspace();
    workspace.dataTypes[0].inApp = { short: '  \n ', long: 'First paragraph.\r\n\r\nSecond\u202E paragraph.' };
    const entry = generateInAppText(workspace).dataTypes['email-address'];
    expect(entry.short.source).toBe('generated');
    expect(entry.long).toMatchObject({ text: 'First paragraph.\n\nSecond paragraph.', source: 'override' });
  });

  it('leads with the benefit and says what is collected, why and for how long', () => {
    const workspace = minimalWorkspace();
    workspace.settings = { inAppLimits: { short: 200, long: 400 } };
    const entry = generateInAppText(workspace).dataTypes['email-address'];
    expect(entry.short.text).toBe(
      'You can sign in on any device. We use your email address to provide the service. We keep it for 30 days after you close your account.',
    );
    expect(entry.long.text.startsWith('You can sign in on any device.')).toBe(true);
  });

  it('drops the retention from a short text before anything else', () => {
    const workspace = minimalWorkspace();
    workspace.settings = { inAppLimits: { short: 90, long: 400 } };
    expect(generateInAppText(workspace).dataTypes['email-address'].short.text).toBe(
      'You can sign in on any device. We use your email address to provide the service.',
    );
  });

  it('cuts the benefit at a word boundary with an ellipsis only when nothing else fits', () => {
    const workspace = minimalWorkspace();
    workspace.dataTypes[0].benefit = 'You can sign in on any device, reset your password and get your receipts by email every month.';
    workspace.settings = { inAppLimits: { short: 60, long: 400 } };
    const short = generateInAppText(workspace).dataTypes['email-address'].short;
    expect(short.text).toBe('With your email address, you can sign in on any device…');
    expect(short.length).toBeLessThanOrEqual(60);
  });

  it('writes every iOS usage description of the sample as one active sentence ending with a period', () => {
    const text = generateInAppText(sample());
    const ios = Object.values(text.collectionPoints).flatMap((p) => (p.ios ? [p.ios.text.text] : []));
    expect(ios.length).toBeGreaterThan(5);
    for (const sentence of ios) {
      expect(sentence).toMatch(/^Ridgeline (uses|reads|connects|shares) .+\.$/);
      expect(sentence.slice(0, -1)).not.toMatch(/[.!?]\s+\p{Lu}/u);
      expect(sentence).not.toMatch(/better experience/i);
    }
  });

  it('puts the location-always text under both location keys', () => {
    const point = generateInAppText(sample()).collectionPoints['ios-background'];
    expect(point.ios?.keys).toEqual(['NSLocationAlwaysAndWhenInUseUsageDescription', 'NSLocationWhenInUseUsageDescription']);
    expect(point.ios?.text.text).toContain('background');
  });

  it('gives notifications no iOS text but a disclosure and an Android rationale', () => {
    const text = generateInAppText(sample());
    expect(text.collectionPoints['ios-notifications'].ios).toBeUndefined();
    expect(text.collectionPoints['ios-notifications'].notes?.ios).toMatch(/no usage description/);
    expect(text.collectionPoints['ios-notifications'].disclosure.text).toContain('reminder');
    expect(text.collectionPoints['android-notifications'].android?.permissions).toEqual(['android.permission.POST_NOTIFICATIONS']);
  });

  it('tells Android users what happens if they say no, in the words of the inventory', () => {
    const text = generateInAppText(sample());
    expect(text.collectionPoints['android-record'].android?.rationale.text).toContain(
      "If you say no, you can still plan routes and use the map, but you can't record activities.",
    );
    expect(text.collectionPoints['android-health'].android?.permissions).toEqual(['android.permission.health.READ_HEART_RATE']);
  });

  it('writes background location for Android as a Play prominent disclosure', () => {
    const rationale = generateInAppText(sample()).collectionPoints['android-background'].android!.rationale.text;
    expect(rationale).toMatch(/^Ridgeline collects location data to .+, even when the app is closed or not in use\./);
  });

  it('covers every data type collected at a collection point in its disclosure', () => {
    const text = generateInAppText(sample());
    const signUp = text.collectionPoints['ios-sign-up'];
    // The app creates the installation ID and sends it with the sign-up, so the sample records it there too.
    expect(signUp.dataTypes).toEqual(['email-address', 'password', 'display-name', 'installation-id']);
    for (const words of ['email address', 'password', 'display name', 'installation ID']) expect(signUp.disclosure.text).toContain(words);
    // Only the display name goes to Trailkeepers, and the disclosure says so.
    expect(signUp.disclosure.text).toContain('We share your display name with Trailkeepers e.V.');
  });

  it('marks the sample heart-rate texts as hand-written', () => {
    const heart = generateInAppText(sample()).dataTypes['heart-rate'];
    expect(heart.short.source).toBe('override');
    expect(heart.long.source).toBe('override');
  });
});

describe('text helpers', () => {
  it('counts characters as people see them', () => {
    expect(textLength('e\u0301')).toBe(1);
    expect(textLength('🇩🇪 ok')).toBe(4);
    expect(textLength('Ridgeline › Settings')).toBe(20);
  });

  it('truncates within the limit, at a boundary, without splitting a character', () => {
    expect(truncateWords('one two three four', 12)).toBe('one two…');
    expect(truncateWords('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(textLength(truncateWords('🇩🇪'.repeat(30), 7))).toBe(7);
    expect(truncateWords('short', 10)).toBe('short');
    expect(truncateWords('anything', 1)).toBe('…');
  });
});
