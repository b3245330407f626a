// The in-app texts in the files designers and developers use: JSON, Markdown to read, iOS InfoPlist.strings
// and String Catalog, Android strings.xml. Each writer escapes for its own format, so any text typed into
// the workspace arrives as the same visible characters.
import type { Workspace } from '../schema';
import type { CollectionPointInApp, InAppText, Snippet } from './in-app';
import { PERMISSION_TABLE } from './permissions';
import { headingText, markdownInline } from './text';
import { listInWords } from '../words';
import { textsApplyOn } from '../platforms';

// ---------------------------------------------------------------------------------------------------
// JSON

/**
 * `{ "dataTypes": { id: { short, long, grade } }, "collectionPoints": { id: { disclosure, grade, ios?, android? } } }`.
 * A data type's `grade` is the higher Flesch–Kincaid grade of its two texts: the one that decides whether
 * the wording is plain enough. Each collection point text carries its own grade.
 */
export function inAppJson(text: InAppText): string {
  const dataTypes: Record<string, { short: string; long: string; grade: number }> = {};
  for (const [id, entry] of Object.entries(text.dataTypes)) {
    dataTypes[id] = { short: entry.short.text, long: entry.long.text, grade: Math.max(entry.short.grade, entry.long.grade) };
  }
  const collectionPoints: Record<string, unknown> = {};
  for (const [id, point] of Object.entries(text.collectionPoints)) {
    collectionPoints[id] = {
      disclosure: point.disclosure.text,
      grade: point.disclosure.grade,
      ...(point.ios ? { ios: { keys: point.ios.keys, text: point.ios.text.text, grade: point.ios.text.grade } } : {}),
      ...(point.android
        ? {
            android: {
              permissions: point.android.permissions,
              rationale: point.android.rationale.text,
              grade: point.android.rationale.grade,
            },
          }
        : {}),
    };
  }
  return `${JSON.stringify({ dataTypes, collectionPoints }, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------------
// Markdown

const WIDTH = 80;

// At the start of a line these would begin a block (heading, quote, list, rule, setext underline).
function guardLineStart(line: string): string {
  return line.replace(/^([-+=>#])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

// A word that would open a block at the start of a line ("7.6.", "-", "1)") takes the word before it
// along, so the source reads as written instead of growing a backslash.
const OPENS_BLOCK = /^(\d+[.)]|[-+=>#])/;

/** Wraps text at `width` columns on spaces; a word longer than the line keeps a line of its own. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (!word) continue;
    if (line && line.length + 1 + word.length > width) {
      const space = line.lastIndexOf(' ');
      if (OPENS_BLOCK.test(word) && space > 0) {
        lines.push(line.slice(0, space));
        line = `${line.slice(space + 1)} ${word}`;
      } else {
        lines.push(line);
        line = word;
      }
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map(guardLineStart);
}

/** A paragraph of plain text, escaped so that it reads as typed (text.ts's markdownInline). */
function paragraph(text: string): string {
  return wrap(markdownInline(text), WIDTH).join('\n');
}

/** A paragraph already written as Markdown (identifiers in code spans). */
function markdownParagraph(markdown: string): string {
  return wrap(markdown, WIDTH).join('\n');
}

/** An identifier Candor made (id, Info.plist key, permission name): never holds a backtick or a space. */
function code(identifier: string): string {
  return `\`${identifier.replace(/[`\s]/g, '')}\``;
}

/** A snippet as a block quote; line breaks of a hand-written text are kept as hard breaks. */
function quote(text: string): string {
  const paragraphs = text.split(/\n\s*\n/).map((p) =>
    p
      .split('\n')
      .map((line) => wrap(markdownInline(line.trim()), WIDTH - 2))
      .filter((lines) => lines.length)
      .map((lines) => lines.map((l) => `> ${l}`).join('\n'))
      .join('\\\n'),
  );
  const body = paragraphs.filter(Boolean).join('\n>\n');
  return body || '> (empty)';
}

/** "Short text: 98 of 140 characters, grade 7.8." as Markdown; `what` is Markdown already. */
function measure(snippet: Snippet, what: string): string {
  const chars = `${snippet.length} of ${snippet.budget} characters`;
  const origin = snippet.source === 'override' ? ', written by hand' : '';
  // A generated text is never cut short: over budget, it is the shortest complete one, and a person has to write a shorter one.
  const fix = snippet.source === 'override' ? 'shorten it' : 'no complete text fits, so write a shorter one';
  const over = snippet.overBudget ? ` Over budget by ${snippet.length - snippet.budget} characters: ${fix}.` : '';
  return markdownParagraph(`${what}${origin}: ${chars}, grade ${snippet.grade}.${over}`);
}

class Headings {
  private readonly used = new Set<string>();

  /** A heading line that markdownlint accepts: short, unique, no trailing punctuation. */
  make(level: number, name: string, id: string): string {
    const plain = name.trim() || id;
    // markdownlint's line length applies to headings, which cannot wrap: shorten the name until the
    // escaped heading, with the id that keeps it unique, fits in a line.
    for (let room = 60; ; room = Math.floor(room * 0.8)) {
      const short = plain.length > room ? `${plain.slice(0, Math.max(1, room - 1)).replace(/\s+\S*$/, '')}…` : plain;
      const base = headingText(markdownInline(short));
      let candidate = base;
      if (this.used.has(candidate)) candidate = `${base} (${id})`;
      for (let n = 2; this.used.has(candidate); n++) candidate = `${base} (${id}, ${n})`;
      const line = `${'#'.repeat(level)} ${candidate}`;
      if (line.length <= WIDTH || room <= 4) {
        this.used.add(candidate);
        return line;
      }
    }
  }
}

const PLATFORM_NAMES: Record<string, string> = {
  web: 'the website',
  ios: 'iOS',
  android: 'Android',
  desktop: 'desktop',
  backend: 'our servers',
  other: 'other platforms',
};

function pointSection(id: string, point: CollectionPointInApp, text: InAppText, headings: Headings): string[] {
  const blocks: string[] = [headings.make(3, point.name, id)];
  const where = point.platforms?.length ? ` on ${listInWords(point.platforms.map((p) => PLATFORM_NAMES[p]))}` : '';
  const asks = point.permission ? ` Permission: ${markdownInline(PERMISSION_TABLE[point.permission].label)}.` : '';
  const names = point.dataTypes.map((t) => markdownInline(text.dataTypes[t]?.name ?? t));
  const collects = names.length ? ` It collects: ${names.join('; ')}.` : ' No data type is collected here yet.';
  blocks.push(markdownParagraph(`Collection point ${code(id)}${where}.${asks}${collects}`));
  blocks.push(measure(point.disclosure, 'Just-in-time disclosure'), quote(point.disclosure.text));
  if (point.ios) {
    blocks.push(measure(point.ios.text, `iOS usage description for ${point.ios.keys.map(code).join(' and ')}`), quote(point.ios.text.text));
  }
  if (point.notes?.ios) blocks.push(paragraph(`iOS: ${point.notes.ios}`));
  if (point.android) {
    const permissions = point.android.permissions.length ? ` before asking for ${point.android.permissions.map(code).join(', ')}` : '';
    blocks.push(measure(point.android.rationale, `Android rationale${permissions}`), quote(point.android.rationale.text));
  }
  if (point.notes?.android) blocks.push(paragraph(`Android: ${point.notes.android}`));
  return blocks;
}

/** The in-app texts as a page a designer reads: every text with its character count and grade. */
export function inAppMarkdown(text: InAppText, workspace: Workspace): string {
  const headings = new Headings();
  const org = text.organization || workspace.organization.name;
  const blocks: string[] = [
    headings.make(1, `In-app text for ${org}`, 'in-app'),
    markdownParagraph(
      `Texts to copy into the app, generated from the data inventory. Short texts have a budget of ${text.limits.short} ` +
        `characters; long texts, disclosures and permission texts ${text.limits.long}. Every generated text is made of ` +
        'whole sentences and is never cut short; one with no complete version within its budget says so. Grades are Flesch–Kincaid grade ' +
        `levels: aim for 8 or lower. In ${code('in-app.json')}, a data type's ${code('grade')} is the higher grade of ` +
        'its short and long text.',
    ),
  ];
  const points = Object.entries(text.collectionPoints);
  if (points.length) {
    blocks.push(headings.make(2, 'Collection points', 'collection-points'));
    for (const [id, point] of points) blocks.push(...pointSection(id, point, text, headings));
  }
  const types = Object.entries(text.dataTypes);
  if (types.length) {
    blocks.push(headings.make(2, 'Data types', 'data-types'));
    for (const [id, entry] of types) {
      blocks.push(headings.make(3, entry.name, id), markdownParagraph(`Data type ${code(id)}.`));
      blocks.push(measure(entry.short, 'Short text'), quote(entry.short.text));
      blocks.push(measure(entry.long, 'Long text'), quote(entry.long.text));
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------
// iOS

interface PlistEntry {
  key: string;
  value: string;
  point: string;
  primary: boolean;
  others: string[];
}

/**
 * One usage description per Info.plist key. A key asked for at several collection points takes the text
 * of the point the key is about (NSLocationWhenInUseUsageDescription from a while-in-use point rather than
 * from the Always point, which needs it too); the other points are named in the comment.
 */
function plistEntries(text: InAppText): PlistEntry[] {
  const byKey = new Map<string, PlistEntry>();
  for (const point of Object.values(text.collectionPoints)) {
    if (!point.ios) continue;
    point.ios.keys.forEach((key, index) => {
      const existing = byKey.get(key);
      const candidate = { key, value: point.ios!.text.text, point: point.name, primary: index === 0, others: [] as string[] };
      if (!existing) byKey.set(key, candidate);
      else if (!existing.primary && candidate.primary) {
        candidate.others = [...existing.others, existing.point];
        byKey.set(key, candidate);
      } else existing.others.push(point.name);
    });
  }
  return [...byKey.values()];
}

function stringsLiteral(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

function stringsComment(value: string): string {
  return `/* ${value.replace(/\*\//g, '* /').replace(/\s+/g, ' ')} */`;
}

function entryComment(entry: PlistEntry): string {
  const also = entry.others.length ? ` (also asked at: ${entry.others.join('; ')})` : '';
  return `${entry.point}${also}`;
}

/** iOS `InfoPlist.strings` (UTF-8): a comment naming the collection point, then `"KEY" = "value";`. */
export function infoPlistStrings(text: InAppText): string {
  const lines = [stringsComment(`Usage descriptions for ${text.organization}, generated by Candor from the data inventory.`)];
  for (const entry of plistEntries(text)) {
    lines.push('', stringsComment(entryComment(entry)), `${stringsLiteral(entry.key)} = ${stringsLiteral(entry.value)};`);
  }
  return `${lines.join('\n')}\n`;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

// Xcode writes String Catalogs with " : " between key and value and two-space indents; matching it keeps
// the file unchanged when Xcode opens and saves it.
function xcodeJson(value: Json, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + xcodeJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return '{\n\n}';
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)} : ${xcodeJson(value[k], inner)}`).join(',\n')}\n${indent}}`;
}

/** iOS String Catalog `InfoPlist.xcstrings`: every usage description in the source language, marked translated. */
export function infoPlistXcstrings(text: InAppText, sourceLanguage = 'en'): string {
  const strings: Record<string, Json> = {};
  const entries = plistEntries(text).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const entry of entries) {
    strings[entry.key] = {
      comment: entryComment(entry),
      extractionState: 'manual',
      localizations: { [sourceLanguage]: { stringUnit: { state: 'translated', value: entry.value } } },
    };
  }
  return `${xcodeJson({ sourceLanguage, strings, version: '1.0' })}\n`;
}

// ---------------------------------------------------------------------------------------------------
// Android

/** A resource name from an id: Android allows [a-z0-9_] and a leading letter. */
export function androidResourceName(...parts: string[]): string {
  return parts
    .join('_')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^([^a-z])/, 'x$1');
}

/**
 * A string as aapt2 reads it back unchanged: XML's & and < as entities; backslash, both quotes, line
 * breaks and tabs backslash-escaped (an unescaped quote would start or end a quoted run, an apostrophe
 * would not compile); a leading @ or ? escaped so it is not read as a reference; and spaces that aapt2
 * would collapse or trim (leading, trailing, repeated, other kinds of white space) written as \uXXXX.
 */
export function androidEscape(value: string): string {
  let out = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // Other white space (no-break, ideographic) may collapse too, depending on the build tools' locale.
    .replace(/[^\S \n\t]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
    .replace(/ {2,}/g, (run) => ` ${'\\u0020'.repeat(run.length - 1)}`)
    .replace(/^ /, '\\u0020')
    .replace(/ $/, '\\u0020');
  if (out.startsWith('@') || out.startsWith('?')) out = `\\${out}`;
  return out;
}

function xmlComment(value: string): string {
  const safe = value
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, (d) => d.split('').join(' '))
    .replace(/-$/, '- ');
  return `<!-- ${safe} -->`;
}

function androidString(name: string, snippet: Snippet, comment: string): string[] {
  const formatted = snippet.text.includes('%') ? ' formatted="false"' : '';
  return [
    `    ${xmlComment(`${comment} (${snippet.length} of ${snippet.budget} characters, grade ${snippet.grade})`)}`,
    `    <string name="${name}"${formatted}>${androidEscape(snippet.text)}</string>`,
  ];
}

function inAndroidApp(point: CollectionPointInApp): boolean {
  return textsApplyOn(point.platforms ?? [], 'android');
}

/**
 * Android `res/values/strings.xml`: every data type's short and long text, and the disclosure and
 * permission rationale of every collection point in the Android app (platform android, other or unset).
 * Names start with privacy_type_ or privacy_point_ so they cannot collide with each other or the app's own.
 */
export function androidStringsXml(text: InAppText): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    xmlComment(`Privacy texts for ${text.organization}, generated by Candor from the data inventory.`),
    '<resources>',
  ];
  for (const [id, entry] of Object.entries(text.dataTypes)) {
    lines.push(...androidString(androidResourceName('privacy_type', id, 'short'), entry.short, `${entry.name}: short text`));
    lines.push(...androidString(androidResourceName('privacy_type', id, 'long'), entry.long, `${entry.name}: long text`));
  }
  for (const [id, point] of Object.entries(text.collectionPoints)) {
    if (!inAndroidApp(point)) continue;
    lines.push(
      ...androidString(androidResourceName('privacy_point', id, 'disclosure'), point.disclosure, `${point.name}: just-in-time disclosure`),
    );
    if (point.android) {
      const asks = point.android.permissions.length ? `, before asking for ${point.android.permissions.join(', ')}` : '';
      lines.push(
        ...androidString(androidResourceName('privacy_point', id, 'rationale'), point.android.rationale, `${point.name}: rationale${asks}`),
      );
    }
  }
  lines.push('</resources>');
  return `${lines.join('\n')}\n`;
}
