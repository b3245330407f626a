import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { freeze, produce, type Draft } from 'immer';
import { describe, expect, it } from 'vitest';
import { validateWorkspace } from '../validate';
import { lintWorkspace } from '../lint';
import type { Workspace } from '../schema';
import { minimalWorkspace } from '../testing/fixtures';
import { workspaceArbitrary } from '../testing/arbitraries';
import { DEFAULT_IN_APP_LIMITS, generateInAppText, textLength, type InAppText, type Snippet } from './in-app';
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

/** Where the review reports a generated text that does not fit: `dataTypes[3].inApp.short`, `collectionPoints[1]`. */
function reviewPaths(workspace: Workspace, text: InAppText): string[] {
  const paths = new Set<string>();
  workspace.dataTypes.forEach((d, i) => {
    for (const kind of ['short', 'long'] as const) {
      const s = text.dataTypes[d.id][kind];
      if (s.source === 'generated' && s.overBudget) paths.add(`dataTypes[${i}].inApp.${kind}`);
    }
  });
  workspace.collectionPoints.forEach((c, i) => {
    const point = text.collectionPoints[c.id];
    const over = [point.disclosure, point.ios?.text, point.android?.rationale].some((s) => s?.source === 'generated' && s.overBudget);
    if (over) paths.add(`collectionPoints[${i}]`);
  });
  return [...paths];
}

// A complete sentence ends with a full stop, question or exclamation mark, perhaps inside a closing quote or bracket.
const SENTENCE_END = /[.!?]["'”’)\]]*$/u;

/** Whether a workspace's data is sold or shared for advertising, by data type id. */
function soldOrShared(workspace: Workspace): Set<string> {
  const selling = new Set(workspace.recipients.filter((r) => r.sells || r.sharesForAds).map((r) => r.id));
  return new Set(workspace.dataTypes.filter((d) => (d.recipients ?? []).some((id) => selling.has(id))).map((d) => d.id));
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
      expect(snippet.text, where).not.toMatch(/\n/);
      expect(snippet.text.trim(), where).not.toBe('');
      // Whole sentences only: never an ellipsis Candor added, and the last sentence is finished.
      if (!typed.includes('…')) {
        expect(snippet.text, where).not.toContain('…');
        expect(snippet.text, where).toMatch(SENTENCE_END);
      }
      if (!typed.includes('...')) expect(snippet.text, where).not.toMatch(/\.\.\.$/);
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
  // Within budget, or over it and reported by the review, which asks for a hand-written text.
  const reported = lintWorkspace(workspace)
    .filter((f) => f.rule === 'in-app-text-does-not-fit')
    .map((f) => f.path);
  expect(reported.sort()).toEqual(reviewPaths(workspace, text).sort());
  // Data sold or shared for advertising: every generated text about it says how to opt out, when the
  // workspace says how; no text about other data mentions an opt-out.
  const org = workspace.organization;
  const optOutKnown = !!org.optOutUrl || !!org.alternativeOptOutUrl || (org.jurisdictions.includes('ccpa') && !!org.contactEmail);
  const sold = soldOrShared(workspace);
  if (!/opt out/i.test(typed)) {
    for (const dataType of workspace.dataTypes) {
      for (const kind of ['short', 'long'] as const) {
        const snippet = text.dataTypes[dataType.id][kind];
        if (snippet.source !== 'generated') continue;
        expect(snippet.text.includes('You can opt out'), `${dataType.id}.${kind}: ${snippet.text}`).toBe(
          sold.has(dataType.id) && optOutKnown,
        );
      }
    }
  }
  return text;
}

describe('generateInAppText', () => {
  it('writes whole sentences within budget, or reports them to the review, for any valid workspace', () => {
    fc.assert(
      fc.property(workspaceArbitrary(), (workspace) => void checkWorkspace(workspace)),
      { numRuns: 150 },
    );
  });

  it('keeps hostile text inert, whole and within budget or reported', () => {
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }), (workspace) => void checkWorkspace(workspace)),
      { numRuns: 150 },
    );
  });

  it('never cuts a text to fit a budget, down to a single character: it reports what does not fit', () => {
    const limits = fc.record({ short: fc.integer({ min: 1, max: 80 }), long: fc.integer({ min: 1, max: 200 }) });
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }), limits, (workspace, inAppLimits) => {
        void checkWorkspace({ ...workspace, settings: { ...workspace.settings, inAppLimits } });
      }),
      { numRuns: 100 },
    );
  });

  it('keeps the shortest whole text when none fits, and the review asks for a hand-written one', () => {
    const workspace = minimalWorkspace();
    workspace.settings = { inAppLimits: { short: 10, long: 20 } };
    const text = generateInAppText(workspace);
    const short = text.dataTypes['email-address'].short;
    expect(short).toMatchObject({
      text: 'We use your email address to provide the service.',
      source: 'generated',
      overBudget: true,
      budget: 10,
    });
    expect(text.collectionPoints.signup.disclosure.overBudget).toBe(true);
    expect(text.collectionPoints.signup.disclosure.text).toMatch(SENTENCE_END);
    const findings = lintWorkspace(workspace).filter((f) => f.rule === 'in-app-text-does-not-fit');
    expect(findings.map((f) => f.path)).toEqual(['collectionPoints[0]', 'dataTypes[0].inApp.short', 'dataTypes[0].inApp.long']);
    expect(findings[1].message).toContain('Write your own short text');
    // A hand-written text takes the place of the generated one, and the finding goes.
    workspace.dataTypes[0].inApp = { short: 'Sign in.', long: 'Sign in anywhere.' };
    expect(
      lintWorkspace(workspace)
        .filter((f) => f.rule === 'in-app-text-does-not-fit')
        .map((f) => f.path),
    ).toEqual(['collectionPoints[0]']);
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

  it('leaves out a benefit that does not fit rather than cutting it, keeping a whole sentence within budget', () => {
    const workspace = minimalWorkspace();
    workspace.dataTypes[0].benefit = 'You can sign in on any device, reset your password and get your receipts by email every month.';
    workspace.settings = { inAppLimits: { short: 60, long: 400 } };
    const short = generateInAppText(workspace).dataTypes['email-address'].short;
    expect(short.text).toBe('We use your email address to provide the service.');
    expect(short.text).not.toContain('…');
    expect(short.length).toBeLessThanOrEqual(60);
    expect(short.overBudget).toBe(false);
  });

  it('names every purpose of data used for several when they fit, and points to the privacy notice when they do not', () => {
    const workspace = minimalWorkspace();
    workspace.purposes.push({ id: 'support', name: 'Answer your questions', use: 'essential.service', lawfulBasis: 'contract' });
    workspace.dataTypes[0].purposes = ['provide-service', 'analytics', 'support'];
    workspace.settings = { inAppLimits: { short: 200, long: 400 } };
    let entry = generateInAppText(workspace).dataTypes['email-address'];
    expect(entry.short.text).toBe(
      'You can sign in on any device. We use your email address to provide the service, to understand usage and to answer your questions. We keep it for 30 days after you close your account.',
    );
    expect(entry.long.text).toContain('We also use it to understand usage and to answer your questions.');
    workspace.settings = { inAppLimits: { short: 90, long: 100 } };
    entry = generateInAppText(workspace).dataTypes['email-address'];
    for (const snippet of [entry.short, entry.long]) {
      expect(snippet.text).toMatch(/(and for other|for the) purposes described in our privacy notice\./);
      expect(snippet.overBudget).toBe(false);
    }
    // Never the benefit alone, which would hide the other purposes.
    expect(entry.short.text).not.toBe('You can sign in on any device. For this, we use your email address.');
  });

  it('says that data is sold or shared, and how to opt out, in every text about it and only there', () => {
    const workspace = minimalWorkspace();
    workspace.organization.optOutUrl = 'https://acme.example/do-not-sell';
    workspace.recipients.push({ id: 'broker', name: 'Data Broker Inc', role: 'controller', country: 'US', sells: true });
    workspace.recipients.push({ id: 'adnet', name: 'Ad Network', role: 'controller', country: 'IE', sharesForAds: true });
    workspace.dataTypes.push({
      id: 'app-usage',
      name: 'App usage',
      category: 'user.behavior',
      purposes: ['analytics'],
      benefit: 'We fix what people use most.',
      recipients: ['broker', 'adnet'],
      collectedAt: ['signup'],
    });
    workspace.collectionPoints[0].platform = 'android';
    workspace.collectionPoints[0].permission = 'camera';
    const text = generateInAppText(workspace);
    const usage = text.dataTypes['app-usage'];
    expect(usage.long.text).toBe(
      'We fix what people use most. We use your app usage to understand usage. We sell it to Data Broker Inc. We share it with Ad Network for advertising. You can opt out of the sale or sharing of your data at acme.example/do-not-sell.',
    );
    expect(usage.short.text).toContain(
      'We sell it to Data Broker Inc. We share it with Ad Network for advertising. You can opt out at acme.example/do-not-sell.',
    );
    expect(text.collectionPoints.signup.disclosure.text).toContain(
      'We sell your app usage to Data Broker Inc. We share your app usage with Ad Network for advertising. You can opt out of the sale or sharing of your data at acme.example/do-not-sell.',
    );
    for (const snippet of [text.dataTypes['email-address'].short, text.dataTypes['email-address'].long]) {
      expect(snippet.text).not.toMatch(/opt out|sell|advertising/);
    }
    // Only sold: the opt-out speaks of the sale alone. Without an opt-out page, under the CCPA, the
    // contact email the privacy notice offers for the same request.
    workspace.dataTypes[1].recipients = ['broker'];
    delete workspace.organization.optOutUrl;
    expect(generateInAppText(workspace).dataTypes['app-usage'].long.text).toContain(
      'You can opt out of the sale of your data by emailing privacy@acme.example.',
    );
    // Outside the CCPA, with no page, nothing true can be said about how; the review asks for the page.
    workspace.organization.jurisdictions = ['gdpr'];
    const gdpr = generateInAppText(workspace).dataTypes['app-usage'];
    expect(gdpr.long.text).toContain('We sell it to Data Broker Inc.');
    expect(gdpr.long.text).not.toContain('opt out');
    expect(
      lintWorkspace(workspace)
        .filter((f) => f.rule === 'in-app-opt-out-unknown')
        .map((f) => f.path),
    ).toEqual(['organization.optOutUrl']);
  });

  it('keeps the sale and the opt-out even when the budget leaves no room, and reports the text instead', () => {
    const workspace = minimalWorkspace();
    workspace.organization.optOutUrl = 'https://acme.example/privacy/do-not-sell-or-share-my-personal-information';
    workspace.recipients.push({ id: 'broker', name: 'Data Broker Inc', role: 'controller', country: 'US', sells: true });
    workspace.dataTypes[0].recipients = ['aws', 'broker'];
    const short = generateInAppText(workspace).dataTypes['email-address'].short;
    expect(short.overBudget).toBe(true);
    expect(short.text).toContain('We sell it to Data Broker Inc. You can opt out at acme.example/privacy/');
    expect(
      lintWorkspace(workspace)
        .filter((f) => f.rule === 'in-app-text-does-not-fit')
        .map((f) => f.path),
    ).toEqual(['dataTypes[0].inApp.short']);
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
});

describe('in-app texts of a frozen workspace from edit to edit (the review runs on every edit)', () => {
  // Texts made from a frozen workspace are reused while what they are made from is the same; each
  // result must equal the texts of an unfrozen copy, made afresh.
  const edits: [string, (draft: Draft<Workspace>) => void][] = [
    ['a benefit', (d) => void (d.dataTypes[0].benefit = 'You can pick up where you left off on any device.')],
    ['a benefit that names a brand mid-sentence', (d) => void (d.dataTypes[1].benefit = 'Your Garmin activities appear in your log.')],
    ['a data type named after that brand', (d) => void (d.dataTypes[2].name = 'Garmin activities')],
    ['a data type renamed to a word used nowhere else', (d) => void (d.dataTypes[4].name = 'Zephyr readings')],
    // The other data type's texts now say "your Zephyr readings": an edit elsewhere changed them.
    [
      'another names that word mid-sentence, which makes it a name',
      (d) => void (d.dataTypes[5].benefit = 'Your log shows Zephyr data next to your routes.'),
    ],
    ['a purpose name', (d) => void (d.purposes[0].name = 'Run your account')],
    ['a recipient that now sells', (d) => void (d.recipients[0].sells = true)],
    ['the organisation name', (d) => void (d.organization.name = 'Ridgeline Outdoors')],
    ['shorter limits', (d) => void (d.settings = { ...d.settings, inAppLimits: { short: 60, long: 200 } })],
    ['an override', (d) => void (d.dataTypes[0].inApp = { short: 'We use your email to sign you in.' })],
    ['a data type no longer collected at a point', (d) => void (d.dataTypes[3].collectedAt = [])],
    ['a removed data type', (d) => void d.dataTypes.splice(1, 1)],
  ];

  it('equals the texts made afresh after each edit, its undo and its redo', () => {
    const states = [freeze(structuredClone(sample()), true)];
    for (const [, recipe] of edits) states.push(produce(states[states.length - 1], recipe));
    const order = [...states.keys(), ...[...states.keys()].reverse(), ...states.keys()];
    for (const index of order) {
      const state = states[index];
      expect(generateInAppText(state), index === 0 ? 'no edit' : edits[index - 1][0]).toEqual(generateInAppText(structuredClone(state)));
    }
  });

  it("reuses a data type's texts when nothing they are made from changed, and makes them anew when something did", () => {
    const start = freeze(structuredClone(sample()), true);
    const first = generateInAppText(start);
    // An override is not read for names, so the other data types' texts stay as they were.
    const benefit = produce(start, (d) => void (d.dataTypes[0].inApp = { short: 'We use it to sign you in.' }));
    const second = generateInAppText(benefit);
    const [edited, other] = [start.dataTypes[0].id, start.dataTypes[1].id];
    expect(second.dataTypes[other]).toBe(first.dataTypes[other]);
    expect(second.dataTypes[edited]).not.toBe(first.dataTypes[edited]);
    const renamed = produce(benefit, (d) => void (d.organization.name = 'Another name'));
    expect(generateInAppText(renamed).dataTypes[other]).not.toBe(second.dataTypes[other]);
  });
});

describe('in-app texts of a workspace changed in place', () => {
  it('are made afresh: a purpose renamed in place reads its new name', () => {
    const changing = structuredClone(sample());
    generateInAppText(changing);
    const purpose = changing.purposes[0];
    const used = changing.dataTypes.find((d) => d.purposes.includes(purpose.id))!;
    purpose.name = 'Keep your account safe';
    const text = generateInAppText(changing);
    expect(text.dataTypes[used.id].long.text.toLowerCase()).toContain('keep your account safe');
  });
});
