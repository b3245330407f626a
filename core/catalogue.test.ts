// The catalogue of everything Candor writes: its entries are consistent with one another, and the
// README's command line section names what the catalogue names. (The Node side checks that every kind
// renders, electron/services/catalogue.test.ts; the CLI and the app that they list every id.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BUILD_GROUP_IDS,
  buildGroup,
  buildGroupFiles,
  describeBuildGroup,
  DOCUMENT_FORMAT_IDS,
  DOCUMENT_FORMATS,
  EXPORT_KINDS,
  EXPORT_SECTIONS,
  EXPORTS,
  exportsIn,
} from './catalogue';
import { SLUG_PATTERN } from './schema';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

const DOCUMENTED_KINDS: string[] = [
  'apple-privacy-manifest',
  'app-store-answers',
  'play-data-safety',
  'ropa-csv',
  'ropa-xlsx',
  'ropa-docx',
  'inventory-csv',
  'fideslang',
];
const DOCUMENTED_GROUPS: string[] = [
  'privacy-notice',
  'notice-at-collection',
  'notice-of-financial-incentive',
  'consumer-health-data-policy',
  'in-app',
  'ios',
  'android',
  'apple',
  'google-play',
  'ropa',
];

function duplicates(values: readonly string[]): string[] {
  return values.filter((value, i) => values.indexOf(value) !== i);
}

describe('the export catalogue', () => {
  it('has the kind and group ids the README and scripts use, in the order the help lists them', () => {
    // A new kind or group is added here too, on purpose; the ones people's scripts name never change.
    expect(EXPORT_KINDS).toEqual(DOCUMENTED_KINDS);
    expect(BUILD_GROUP_IDS).toEqual(DOCUMENTED_GROUPS);
  });

  it('names every kind, document format and build group once, as a lower-case slug', () => {
    for (const id of [...EXPORT_KINDS, ...DOCUMENT_FORMAT_IDS, ...BUILD_GROUP_IDS]) expect(id, id).toMatch(SLUG_PATTERN);
    expect(duplicates(EXPORT_KINDS)).toEqual([]);
    expect(duplicates(BUILD_GROUP_IDS)).toEqual([]);
    // The kinds, the app's labels and the messages tell the exports apart.
    expect(duplicates(EXPORT_KINDS.map((kind) => EXPORTS[kind].what))).toEqual([]);
    for (const section of EXPORT_SECTIONS) expect(duplicates(exportsIn(section).map((kind) => EXPORTS[kind].label)), section).toEqual([]);
  });

  it('gives every export a file name that ends in the extension added to a bare path', () => {
    for (const kind of EXPORT_KINDS) {
      const { fileName, extensions } = EXPORTS[kind];
      expect(fileName.endsWith(extensions[0]), `${kind}: ${fileName} ends in ${extensions[0]}`).toBe(true);
      // Paths are compared in lower case, so the extensions must be written in lower case.
      for (const extension of extensions) expect(extension, kind).toMatch(/^\.[a-z0-9]+$/);
      expect(duplicates([...extensions]), kind).toEqual([]);
    }
    for (const format of DOCUMENT_FORMAT_IDS) expect(DOCUMENT_FORMATS[format].extension, format).toMatch(/^\.[a-z0-9]+$/);
  });

  it('fills in every field an export needs for the app and the command line', () => {
    for (const kind of EXPORT_KINDS) {
      const info = EXPORTS[kind];
      expect(info.label.trim(), `${kind}: label`).not.toBe('');
      expect(info.what, `${kind}: what reads "the …" in a sentence`).toMatch(/^the /);
      expect(info.help.trim(), `${kind}: help`).not.toBe('');
      expect(info.help, `${kind}: the help is one line`).not.toMatch(/\n/);
      expect(EXPORT_SECTIONS, `${kind}: section`).toContain(info.section);
    }
    for (const section of EXPORT_SECTIONS) expect(exportsIn(section).length, `${section} has exports`).toBeGreaterThan(0);
  });

  it('builds each file into its own path, and every section a build group names has exports', () => {
    const files = BUILD_GROUP_IDS.flatMap(buildGroupFiles);
    expect(duplicates(files)).toEqual([]);
    for (const group of BUILD_GROUP_IDS) {
      expect(buildGroupFiles(group).length, group).toBeGreaterThan(0);
      const info = buildGroup(group);
      if ('section' in info) expect(info.section, `${group} builds the section of its own name`).toBe(group);
    }
    expect(buildGroupFiles('ropa')).toEqual(['ropa/ropa.csv', 'ropa/ropa.xlsx', 'ropa/ropa.docx']);
    expect(describeBuildGroup('ropa')).toBe('ropa/ropa.csv, .xlsx, .docx');
    expect(describeBuildGroup('notice-at-collection')).toBe('notice-at-collection.md, .html, .docx (when the workspace includes CCPA)');
  });
});

describe("the README's command line section", () => {
  const usage = README.slice(README.indexOf('## The command line'), README.indexOf('## The file format'));

  it('lists the ids --only takes, as the catalogue has them', () => {
    const only = /--only ([a-z,-]+)\]/.exec(usage);
    expect(only, 'the build line with its --only list').not.toBeNull();
    expect(only![1].split(',')).toEqual(BUILD_GROUP_IDS);
  });

  it('lists every kind candor export writes, as the catalogue has them', () => {
    const start = usage.indexOf('npx candor export');
    const end = usage.indexOf('npx candor import');
    expect(start).toBeGreaterThan(-1);
    const listed = usage
      .slice(start, end)
      .replace(/^.*one output:/s, '')
      .split(/[\s,]+/)
      .filter(Boolean);
    expect(listed).toEqual(EXPORT_KINDS);
  });

  it('describes every file candor build writes in its table', () => {
    const table = usage.slice(usage.indexOf('`build` writes'), usage.indexOf('No exported spreadsheet cell'));
    const named: string[] = [];
    for (const row of table.split('\n').filter((line) => line.startsWith('| `'))) {
      const cells = [...row.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      // "`ropa/ropa.csv`, `.xlsx`, `.docx`": an extension alone follows the file before it.
      cells.forEach((cell) => named.push(cell.startsWith('.') ? named[named.length - 1].replace(/\.[^./]+$/, cell) : cell));
      expect(cells.length, row).toBeGreaterThan(0);
    }
    expect([...named].sort()).toEqual(BUILD_GROUP_IDS.flatMap(buildGroupFiles).sort());
  });
});
