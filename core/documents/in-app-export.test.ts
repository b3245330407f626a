// @vitest-environment jsdom
// jsdom's DOMParser is a strict XML parser (saxes): strings.xml must parse without a parsererror.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { marked } from 'marked';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../schema';
import { minimalWorkspace } from '../testing/fixtures';
import { HOSTILE_STRINGS, workspaceArbitrary } from '../testing/arbitraries';
import { validateWorkspace } from '../validate';
import { generateInAppText, type InAppText } from './in-app';
import {
  androidEscape,
  androidResourceName,
  androidStringsXml,
  inAppJson,
  inAppMarkdown,
  infoPlistStrings,
  infoPlistXcstrings,
} from './in-app-export';
import { golden } from '../testing/golden';

// Paths as strings: under jsdom, URL is jsdom's class, which node:fs does not accept.
const here = dirname(fileURLToPath(import.meta.url));

function sample(): Workspace {
  const result = validateWorkspace(JSON.parse(readFileSync(join(here, '../../resources/examples/ridgeline.candor.json'), 'utf8')));
  if (!result.ok) throw new Error('the sample workspace must be valid');
  return result.workspace;
}

/** A workspace whose data type carries `text` as its hand-written short text, kept as written. */
function withOverride(text: string): { workspace: Workspace; inApp: InAppText } {
  const workspace = minimalWorkspace();
  workspace.dataTypes[0].inApp = { short: text };
  workspace.collectionPoints = [{ id: 'signup', name: text, platform: 'android', permission: 'camera' }];
  return { workspace, inApp: generateInAppText(workspace) };
}

// Texts that break naive writers: quotes, markup, references, format specifiers, escapes, white space.
const TRICKY = [
  "It's a \"quote\" and an 'apostrophe'",
  '<b>bold</b> & <script>alert(1)</script> &amp; &lt;',
  '@string/app_name',
  '?attr/colorPrimary',
  '100% of 50%d %s %1$s',
  'line one\nline two\n\nline three',
  'back\\slash \\n is not a line break, nor is \\u0041 an A\\',
  'two  spaces   inside',
  'tab\there',
  ']]> --> <!-- */ /* "unterminated',
  'emoji 🇩🇪, é and ß',
  ...HOSTILE_STRINGS,
];

function parseXml(xml: string): XMLDocument {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`strings.xml does not parse: ${error.textContent}`);
  return doc;
}

/**
 * What aapt2 makes of a <string>'s text: backslash escapes resolved (\n, \t, \uXXXX, \X → X), double
 * quotes toggle a quoted run and vanish, an unescaped apostrophe outside quotes fails the build, and
 * unquoted white space collapses to one space and is trimmed at both ends.
 */
function aaptValue(raw: string): string {
  const out: { ch: string; literal: boolean }[] = [];
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      const next = raw[++i];
      if (next === 'u') {
        out.push({ ch: String.fromCharCode(parseInt(raw.slice(i + 1, i + 5), 16)), literal: true });
        i += 4;
      } else out.push({ ch: next === 'n' ? '\n' : next === 't' ? '\t' : next, literal: true });
    } else if (c === '"') quoted = !quoted;
    else if (c === "'" && !quoted) throw new Error(`unescaped apostrophe in ${raw.slice(0, 60)}`);
    else if (/\s/.test(c) && !quoted) {
      const last = out[out.length - 1];
      if (!(last && !last.literal && last.ch === ' ')) out.push({ ch: ' ', literal: false });
    } else out.push({ ch: c, literal: quoted });
  }
  while (out.length && !out[0].literal && out[0].ch === ' ') out.shift();
  while (out.length && !out[out.length - 1].literal && out[out.length - 1].ch === ' ') out.pop();
  return out.map((o) => o.ch).join('');
}

/** What Xcode reads from a .strings file: key → value, with \" \\ \n \r \t resolved. */
function parseStrings(text: string): Map<string, string> {
  const unescape = (s: string) => s.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
  const entries = new Map<string, string>();
  const body = text.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const line of body.split('\n')) {
    if (!line.trim()) continue;
    const match = /^"((?:[^"\\]|\\.)*)" = "((?:[^"\\]|\\.)*)";$/.exec(line);
    if (!match) throw new Error(`not a .strings line: ${line.slice(0, 80)}`);
    entries.set(unescape(match[1]), unescape(match[2]));
  }
  return entries;
}

function visibleText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('inAppJson', () => {
  it('has exactly dataTypes → { short, long, grade } and collectionPoints, pretty-printed with a final newline', () => {
    const text = generateInAppText(sample());
    const json = inAppJson(text);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toBe('  "dataTypes": {');
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed)).toEqual(['dataTypes', 'collectionPoints']);
    for (const [id, entry] of Object.entries(parsed.dataTypes) as [string, Record<string, unknown>][]) {
      expect(Object.keys(entry)).toEqual(['short', 'long', 'grade']);
      const source = text.dataTypes[id];
      expect(entry).toEqual({ short: source.short.text, long: source.long.text, grade: Math.max(source.short.grade, source.long.grade) });
    }
    expect(parsed.collectionPoints['ios-background'].ios.keys).toEqual([
      'NSLocationAlwaysAndWhenInUseUsageDescription',
      'NSLocationWhenInUseUsageDescription',
    ]);
    expect(parsed.collectionPoints['android-record'].android.permissions).toContain('android.permission.ACCESS_FINE_LOCATION');
  });
});

describe('androidStringsXml', () => {
  it('parses as XML with unique resource names made of [a-z0-9_]', () => {
    const doc = parseXml(androidStringsXml(generateInAppText(sample())));
    const names = [...doc.getElementsByTagName('string')].map((s) => s.getAttribute('name') ?? '');
    expect(names.length).toBeGreaterThan(40);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(names).toContain('privacy_type_email_address_short');
    expect(names).toContain('privacy_point_android_record_rationale');
    // iOS and website collection points are not part of the Android app.
    expect(names).not.toContain('privacy_point_ios_record_disclosure');
  });

  it.each(TRICKY.map((t) => [t.length > 40 ? `${t.slice(0, 40)}…` : t, t]))(
    'gives back the same visible string under aapt2 rules: %s',
    (_, tricky) => {
      const { inApp } = withOverride(tricky);
      const expected = inApp.dataTypes['email-address'].short.text;
      const doc = parseXml(androidStringsXml(inApp));
      const element = [...doc.getElementsByTagName('string')].find((s) => s.getAttribute('name') === 'privacy_type_email_address_short')!;
      expect(aaptValue(element.textContent ?? '')).toBe(expected);
      expect(element.getAttribute('formatted')).toBe(expected.includes('%') ? 'false' : null);
    },
  );

  it('round-trips any string and any workspace', () => {
    fc.assert(
      // Any text the generator can hand over: it has already lost what XML cannot carry.
      fc.property(
        // eslint-disable-next-line no-control-regex -- leaves out the characters XML cannot carry
        fc.string({ unit: 'grapheme', maxLength: 80 }).filter((v) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(v)),
        (value) => {
          const doc = parseXml(`<resources><string name="x">${androidEscape(value)}</string></resources>`);
          expect(aaptValue(doc.getElementsByTagName('string')[0].textContent ?? '')).toBe(value);
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }), (workspace) => {
        const text = generateInAppText(workspace);
        const doc = parseXml(androidStringsXml(text));
        const values = new Map([...doc.getElementsByTagName('string')].map((e) => [e.getAttribute('name'), e.textContent ?? '']));
        for (const [id, entry] of Object.entries(text.dataTypes)) {
          expect(aaptValue(values.get(androidResourceName('privacy_type', id, 'short'))!)).toBe(entry.short.text);
          expect(aaptValue(values.get(androidResourceName('privacy_type', id, 'long'))!)).toBe(entry.long.text);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('escapes a leading @ and ?, and keeps leading and repeated spaces', () => {
    expect(androidEscape('@string/x')).toBe('\\@string/x');
    expect(androidEscape('?attr/x')).toBe('\\?attr/x');
    expect(androidEscape(' a  b ')).toBe('\\u0020a \\u0020b\\u0020');
    expect(androidEscape(`it's "x" & <y>`)).toBe(`it\\'s \\"x\\" &amp; &lt;y&gt;`);
  });
});

describe('InfoPlist.strings', () => {
  it('writes one escaped "KEY" = "value"; per key, with a comment naming the collection point', () => {
    const text = generateInAppText(sample());
    const file = infoPlistStrings(text);
    const entries = parseStrings(file);
    expect([...entries.keys()]).toContain('NSCameraUsageDescription');
    expect(entries.get('NSCameraUsageDescription')).toBe(text.collectionPoints['ios-report'].ios!.text.text);
    expect(file).toContain('/* Report trail conditions (iOS) */\n"NSCameraUsageDescription" = ');
    // Notifications have no key; the when-in-use key takes the when-in-use point's text, not the Always one's.
    expect(file).not.toContain('Notification');
    expect(entries.get('NSLocationWhenInUseUsageDescription')).toBe(text.collectionPoints['ios-record'].ios!.text.text);
    expect(entries.get('NSLocationAlwaysAndWhenInUseUsageDescription')).toBe(text.collectionPoints['ios-background'].ios!.text.text);
    expect(file).toMatch(/\/\* Record an activity \(iOS\) \(also asked at: Record with the screen locked \(iOS\)\) \*\//);
  });

  it('escapes quotes, backslashes and line breaks, and keeps comments closed', () => {
    const workspace = minimalWorkspace();
    workspace.organization.name = 'Say "hi" \\ */ now';
    workspace.collectionPoints = [{ id: 'cam', name: 'Kamera für München */ screen', platform: 'ios', permission: 'camera' }];
    workspace.dataTypes[0].collectedAt = ['cam'];
    const text = generateInAppText(workspace);
    const file = infoPlistStrings(text);
    expect(parseStrings(file).get('NSCameraUsageDescription')).toBe(text.collectionPoints.cam.ios!.text.text);
    expect(text.collectionPoints.cam.ios!.text.text).toContain('"hi" \\');
    // UTF-8 as written, not \U escapes; a comment cannot be closed early.
    expect(file).toContain('/* Kamera für München * / screen */');
  });
});

describe('InfoPlist.xcstrings', () => {
  it('is a String Catalog: sourceLanguage, strings → key → localizations.en.stringUnit, version 1.0', () => {
    const text = generateInAppText(sample());
    const catalog = JSON.parse(infoPlistXcstrings(text));
    expect(catalog.sourceLanguage).toBe('en');
    expect(catalog.version).toBe('1.0');
    const keys = Object.keys(catalog.strings);
    expect(keys).toEqual([...keys].sort());
    expect(keys).toContain('NSUserTrackingUsageDescription');
    const entries = parseStrings(infoPlistStrings(text));
    expect(keys.sort()).toEqual([...entries.keys()].sort());
    for (const key of keys) {
      expect(catalog.strings[key].localizations.en.stringUnit).toEqual({ state: 'translated', value: entries.get(key) });
      expect(catalog.strings[key].extractionState).toBe('manual');
      expect(typeof catalog.strings[key].comment).toBe('string');
    }
  });

  it('stays valid JSON with hostile text', () => {
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }), (workspace) => {
        const catalog = JSON.parse(infoPlistXcstrings(generateInAppText(workspace)));
        expect(catalog.version).toBe('1.0');
      }),
      { numRuns: 60 },
    );
  });
});

describe('inAppMarkdown', () => {
  const check = (workspace: Workspace) => {
    const text = generateInAppText(workspace);
    const markdown = inAppMarkdown(text, workspace);
    const problems = lint({ strings: { markdown } }).markdown.map(
      (p) => `${p.lineNumber}: ${p.ruleNames.join('/')} ${p.errorDetail ?? ''}`,
    );
    expect(problems.join('\n')).toBe('');
    const page = normalize(visibleText(marked.parse(markdown, { async: false, gfm: true })));
    for (const entry of Object.values(text.dataTypes)) {
      expect(page).toContain(normalize(entry.short.text));
      expect(page).toContain(normalize(entry.long.text));
    }
    for (const point of Object.values(text.collectionPoints)) expect(page).toContain(normalize(point.disclosure.text));
    const html = marked.parse(markdown, { async: false, gfm: true });
    expect(html).not.toMatch(/<(script|img|a)\b/i);
    return markdown;
  };

  it('passes markdownlint and shows every text of the sample', () => {
    const markdown = check(sample());
    expect(markdown).toContain('Short text: ');
    expect(markdown).toMatch(/grade \d+(\.\d)?\./);
  });

  it('says what to do about a text over budget: shorten a hand-written one, write one where nothing generated fits', () => {
    const workspace = minimalWorkspace();
    workspace.settings = { inAppLimits: { short: 20, long: 400 } };
    workspace.dataTypes[0].inApp = { long: 'You can sign in on any device. '.repeat(15).trim() };
    // Markdown wraps lines where it likes; read it as one line.
    const markdown = check(workspace).replace(/\s+/g, ' ');
    expect(markdown).toMatch(
      /Short text: 49 of 20 characters, grade [\d.]+\. Over budget by 29 characters: no complete text fits, so write a shorter one\./,
    );
    expect(markdown).toMatch(
      /Long text, written by hand: 464 of 400 characters, grade [\d.]+\. Over budget by 64 characters: shorten it\./,
    );
  });

  it('keeps hostile text inert and lint-clean', () => {
    // markdownlint takes a while over 20,000-character fields, hence fewer runs.
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }), (workspace) => void check(workspace)),
      { numRuns: 15 },
    );
  });
});

describe('every export', () => {
  it('never prints undefined, null, [object Object] or NaN that nobody typed, and keeps markup escaped', () => {
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }), (workspace) => {
        const text = generateInAppText(workspace);
        const typed = JSON.stringify(workspace);
        const outputs = {
          json: inAppJson(text),
          strings: infoPlistStrings(text),
          xcstrings: infoPlistXcstrings(text),
          xml: androidStringsXml(text),
        };
        for (const [name, output] of Object.entries(outputs)) {
          for (const leak of ['undefined', 'null', '[object Object]', 'NaN']) {
            if (!typed.includes(leak)) expect(output, name).not.toContain(leak);
          }
        }
        // Markup typed into the workspace is text in XML, never an element (comments may quote it).
        expect(outputs.xml.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/<(script|img|b)\b/i);
        parseXml(outputs.xml);
      }),
      { numRuns: 100 },
    );
  });
});

describe('golden files for the sample workspace', () => {
  const text = generateInAppText(sample());
  const outputs: [string, string][] = [
    ['in-app.json', inAppJson(text)],
    ['in-app.md', inAppMarkdown(text, sample())],
    ['in-app.InfoPlist.strings', infoPlistStrings(text)],
    ['in-app.InfoPlist.xcstrings', infoPlistXcstrings(text)],
    ['in-app.strings.xml', androidStringsXml(text)],
  ];
  it.each(outputs)('%s matches its reviewed golden file', (name, content) => golden(import.meta.url, name, content));
});
