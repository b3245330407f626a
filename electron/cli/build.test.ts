// `candor build`: the files it writes from the sample, what it refuses, and that a refused or failed
// build leaves the output folder as it was.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import Papa from 'papaparse';
import { parse as parsePlist } from 'plist';
import { SaxesParser } from 'saxes';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../core/schema';
import { ROPA_COLUMNS } from '../../core/ropa';
import { PLAY_CSV_HEADER } from '../../core/stores/play';
import { ROPA_SHEET_NAME } from '../services/ropa-xlsx';
import { CANDOR_BIN, run, sample, SAMPLE } from './test-support';

const ALL_FILES = [
  'android/strings.xml',
  'apple/PrivacyInfo.xcprivacy',
  'apple/app-privacy-answers.md',
  'google-play/data-safety.csv',
  'in-app.json',
  'in-app.md',
  'ios/InfoPlist.strings',
  'ios/InfoPlist.xcstrings',
  'notice-at-collection.docx',
  'notice-at-collection.html',
  'notice-at-collection.md',
  'privacy-notice.docx',
  'privacy-notice.html',
  'privacy-notice.md',
  'ropa/ropa.csv',
  'ropa/ropa.docx',
  'ropa/ropa.xlsx',
];

/** The files of the store and record-of-processing groups (--only apple,google-play,ropa). */
const STORE_AND_ROPA_FILES = ALL_FILES.filter((f) => /^(apple|google-play|ropa)\//.test(f));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'candor-build-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// A whole build of the sample takes seconds (its Word files are laid out page by page); the tests that only
// read what `candor build <sample> --out <new folder>` wrote share one, made by the first that asks.
let sampleBuildDir: string | undefined;
let sampleBuilt: Promise<{ out: string; result: Awaited<ReturnType<typeof run>> }> | undefined;
function sampleBuild() {
  sampleBuilt ??= (async () => {
    sampleBuildDir = await mkdtemp(join(tmpdir(), 'candor-build-sample-'));
    const out = join(sampleBuildDir, 'out');
    return { out, result: await run('build', SAMPLE, '--out', out) };
  })();
  return sampleBuilt;
}
afterAll(async () => {
  if (sampleBuildDir) await rm(sampleBuildDir, { recursive: true, force: true });
});

async function putWorkspace(name: string, workspace: Workspace | string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof workspace === 'string' ? workspace : JSON.stringify(workspace, null, 2));
  return file;
}

/** Every file under `root`, as sorted forward-slash paths relative to it. */
async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Leftover staging folders beside an output folder (`.<name>.candor-build-*`). */
async function stagingLeftovers(outDir: string): Promise<string[]> {
  return (await readdir(dirname(outDir))).filter((name) => name.includes('.candor-build-'));
}

/** The element names of a well-formed XML document, in document order; throws with the reason otherwise. */
function xmlElements(text: string, what: string): string[] {
  // saxes (jsdom's XML parser) is strict: any well-formedness error stops it.
  const parser = new SaxesParser();
  const names: string[] = [];
  parser.on('opentag', (tag) => void names.push(tag.name));
  try {
    parser.write(text).close();
  } catch (error) {
    throw new Error(`${what} is not well-formed XML: ${(error as Error).message}`, { cause: error });
  }
  return names;
}

/** Checks each file is the kind its name says, with content; returns nothing, throws with the reason. */
async function expectRightKinds(out: string, files: string[]): Promise<void> {
  for (const name of files) {
    const bytes = await readFile(join(out, name));
    expect(bytes.length, `${name} is empty`).toBeGreaterThan(100);
    const text = bytes.toString('utf8');
    if (name.endsWith('.md')) expect(text.startsWith('# '), `${name} starts with a level-1 heading`).toBe(true);
    if (name.endsWith('.html')) expect(text.slice(0, 20).toLowerCase().startsWith('<!doctype html'), `${name} is an HTML page`).toBe(true);
    if (name.endsWith('.docx')) {
      expect(bytes.subarray(0, 2).toString('latin1'), `${name} is a zip`).toBe('PK');
      const parts = unzipSync(new Uint8Array(bytes));
      expect(Object.keys(parts), `${name} has a Word body`).toContain('word/document.xml');
      expect(xmlElements(strFromU8(parts['word/document.xml']), `${name} word/document.xml`)[0]).toBe('w:document');
    }
    if (name === 'android/strings.xml') {
      const elements = xmlElements(text, name);
      expect(elements[0]).toBe('resources');
      expect(elements.filter((e) => e === 'string').length).toBeGreaterThan(20);
    }
    if (name === 'ios/InfoPlist.xcstrings') {
      const catalog = JSON.parse(text) as { sourceLanguage: string; strings: Record<string, unknown> };
      expect(catalog.sourceLanguage).toBe('en');
      expect(Object.keys(catalog.strings).length).toBeGreaterThan(0);
    }
    if (name === 'apple/PrivacyInfo.xcprivacy') {
      const manifest = parsePlist(text) as Record<string, unknown>;
      expect(Object.keys(manifest).sort(), `${name} has exactly Apple's keys`).toEqual([
        'NSPrivacyAccessedAPITypes',
        'NSPrivacyCollectedDataTypes',
        'NSPrivacyTracking',
        'NSPrivacyTrackingDomains',
      ]);
      expect((manifest.NSPrivacyCollectedDataTypes as unknown[]).length, `${name} declares collected data`).toBeGreaterThan(0);
    }
    if (name === 'google-play/data-safety.csv') {
      expect(text.endsWith('\r\n'), `${name} ends its records with CRLF`).toBe(true);
      const parsed = Papa.parse<string[]>(text.slice(0, -2), { newline: '\r\n' });
      expect(parsed.errors, `${name} parses as CSV`).toEqual([]);
      expect(parsed.data[0]).toEqual([...PLAY_CSV_HEADER]);
      expect(
        parsed.data.slice(1).every((row) => row.length === PLAY_CSV_HEADER.length),
        `${name}: every row has five cells`,
      ).toBe(true);
      expect(parsed.data.length).toBeGreaterThan(38);
    }
    if (name === 'ropa/ropa.csv') {
      const parsed = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' });
      expect(parsed.errors, `${name} parses as CSV`).toEqual([]);
      // Three contact columns, then the ICO columns, on every row; one row per purpose of the sample.
      expect(parsed.data[0].slice(3)).toEqual(ROPA_COLUMNS.map((c) => c.header));
      expect(parsed.data.slice(1).every((row) => row.length === parsed.data[0].length)).toBe(true);
      expect(parsed.data.length - 1).toBe((await sample()).purposes.length);
    }
    if (name === 'ropa/ropa.xlsx') {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet(ROPA_SHEET_NAME);
      expect(sheet, `${name} has the sheet "${ROPA_SHEET_NAME}"`).toBeDefined();
      const texts: string[] = [];
      sheet!.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.value))));
      expect(texts).toEqual(expect.arrayContaining(ROPA_COLUMNS.map((c) => c.header)));
    }
    if (name === 'ios/InfoPlist.strings') {
      // Comments, blank lines and `"Key" = "value";` pairs only.
      const body = text.replace(/\/\*[\s\S]*?\*\//g, '');
      for (const line of body.split('\n').filter((l) => l.trim())) {
        expect(line, `${name}: every line is a "key" = "value"; pair`).toMatch(/^"NS[A-Za-z]+UsageDescription" = "(?:[^"\\]|\\.)+";$/);
      }
    }
  }
}

describe('candor build', () => {
  it('writes the 17 files for the sample, each the kind its name says', async () => {
    const { out, result } = await sampleBuild();
    expect(result.stderr).toEqual([]);
    expect(result.code).toBe(0);
    expect(await listFiles(out)).toEqual(ALL_FILES);
    await expectRightKinds(out, ALL_FILES);
    expect(result.stdout[0]).toBe(`Built 17 files from ${SAMPLE} into ${out}:`);
    expect(
      result.stdout
        .slice(1)
        .map((l) => l.trim())
        .sort(),
    ).toEqual(ALL_FILES.map((f) => join(out, f)).sort());
    expect(await stagingLeftovers(out)).toEqual([]);
  });

  it('writes in-app.json in the shape the issue gives, with every data type and collection point of the sample', async () => {
    const { out, result } = await sampleBuild();
    expect(result.code).toBe(0);
    const ws = await sample();
    const json = JSON.parse(await readFile(join(out, 'in-app.json'), 'utf8')) as {
      dataTypes: Record<string, { short: string; long: string; grade: number }>;
      collectionPoints: Record<string, { disclosure: string; grade: number }>;
    };
    expect(Object.keys(json).sort()).toEqual(['collectionPoints', 'dataTypes']);
    expect(Object.keys(json.dataTypes).sort()).toEqual(ws.dataTypes.map((d) => d.id).sort());
    for (const [id, entry] of Object.entries(json.dataTypes)) {
      expect(typeof entry.short, `${id}.short`).toBe('string');
      expect(entry.short.length, `${id}.short`).toBeGreaterThan(0);
      expect(entry.long.length, `${id}.long`).toBeGreaterThan(entry.short.length / 2);
      expect(Number.isFinite(entry.grade), `${id}.grade`).toBe(true);
    }
    // Collection points that gather at least one data type have a just-in-time disclosure.
    const collecting = ws.collectionPoints.filter((p) => ws.dataTypes.some((d) => d.collectedAt?.includes(p.id)));
    for (const point of collecting) {
      expect(json.collectionPoints[point.id]?.disclosure, `collectionPoints.${point.id}.disclosure`).toMatch(/\w/);
    }
  });

  it('writes no notice at collection for a workspace without the CCPA', async () => {
    const ws = await sample();
    ws.organization.jurisdictions = ['gdpr', 'uk-gdpr'];
    const file = await putWorkspace('eu.candor.json', ws);
    const out = join(dir, 'out');
    const result = await run('build', file, '--out', out);
    expect(result.code).toBe(0);
    expect(await listFiles(out)).toEqual(ALL_FILES.filter((f) => !f.startsWith('notice-at-collection')));
    expect(result.stdout[0]).toBe(`Built 14 files from ${file} into ${out}:`);
  });

  it('writes no Apple outputs for a workspace without an iOS collection point, and says why; export refuses', async () => {
    const ws = await sample();
    ws.collectionPoints = ws.collectionPoints.filter((p) => p.platform !== 'ios');
    const kept = new Set(ws.collectionPoints.map((p) => p.id));
    for (const d of ws.dataTypes) d.collectedAt = d.collectedAt?.filter((id) => kept.has(id));
    const file = await putWorkspace('no-ios.candor.json', ws);
    const out = join(dir, 'out');
    const result = await run('build', file, '--out', out);
    expect(result.code).toBe(0);
    expect(await listFiles(out)).toEqual(ALL_FILES.filter((f) => !f.startsWith('apple/')));
    expect(result.stdout.at(-1)).toBe('No Apple outputs: no collection point is on iOS, so there is no iOS app to declare to Apple.');
    const exported = await run('export', 'apple-privacy-manifest', file, '-o', join(dir, 'PrivacyInfo.xcprivacy'));
    expect(exported.code).toBe(1);
    expect(exported.stderr).toEqual([
      'Nothing was written. No Apple outputs: no collection point is on iOS, so there is no iOS app to declare to Apple.',
    ]);
    expect(await exists(join(dir, 'PrivacyInfo.xcprivacy'))).toBe(false);
  });

  it('writes only the groups named by --only', async () => {
    const out = join(dir, 'out');
    const result = await run('build', SAMPLE, '--out', out, '--only', 'privacy-notice,ios');
    expect(result.code).toBe(0);
    expect(await listFiles(out)).toEqual([
      'ios/InfoPlist.strings',
      'ios/InfoPlist.xcstrings',
      'privacy-notice.docx',
      'privacy-notice.html',
      'privacy-notice.md',
    ]);
    const android = join(dir, 'android-only');
    expect((await run('build', SAMPLE, '--out', android, '--only', 'android')).code).toBe(0);
    expect(await listFiles(android)).toEqual(['android/strings.xml']);
  });

  it('writes the store disclosures and the record of processing with --only apple,google-play,ropa', async () => {
    const out = join(dir, 'stores');
    const result = await run('build', SAMPLE, '--out', out, '--only', 'apple,google-play,ropa');
    expect(result.stderr).toEqual([]);
    expect(result.code).toBe(0);
    expect(await listFiles(out)).toEqual(STORE_AND_ROPA_FILES);
    await expectRightKinds(out, STORE_AND_ROPA_FILES);
    // The workbook, made outside core/, is listed with the rest of its group.
    expect(result.stdout.slice(1).map((l) => l.trim())).toEqual(
      [
        'apple/PrivacyInfo.xcprivacy',
        'apple/app-privacy-answers.md',
        'google-play/data-safety.csv',
        'ropa/ropa.csv',
        'ropa/ropa.xlsx',
        'ropa/ropa.docx',
      ].map((f) => join(out, f)),
    );
    const ropaOnly = join(dir, 'ropa-only');
    expect((await run('build', SAMPLE, '--out', ropaOnly, '--only', 'ropa')).code).toBe(0);
    expect(await listFiles(ropaOnly)).toEqual(['ropa/ropa.csv', 'ropa/ropa.docx', 'ropa/ropa.xlsx']);
    // Without the group, no workbook either.
    const iosOnly = join(dir, 'ios-only');
    expect((await run('build', SAMPLE, '--out', iosOnly, '--only', 'ios')).code).toBe(0);
    expect(await listFiles(iosOnly)).toEqual(['ios/InfoPlist.strings', 'ios/InfoPlist.xcstrings']);
  });

  it('refuses an unknown --only id as a usage error (exit 2) and writes nothing', async () => {
    const out = join(dir, 'out');
    const result = await run('build', SAMPLE, '--out', out, '--only', 'nonsense');
    expect(result.code).toBe(2);
    expect(result.stderr.join('\n')).toMatch(
      /--only.*must list outputs from privacy-notice, notice-at-collection, notice-of-financial-incentive, consumer-health-data-policy, in-app, ios, android/,
    );
    expect(await exists(out)).toBe(false);
    // A known id mixed with an unknown one is refused too, rather than half-built.
    expect((await run('build', SAMPLE, '--out', out, '--only', 'ios,nonsense')).code).toBe(2);
    expect(await exists(out)).toBe(false);
  });

  it('refuses an invalid workspace with exactly the lines of candor validate (exit 1) and writes nothing', async () => {
    const ws = await sample();
    ws.dataTypes[2].purposes = ['no-such-purpose'];
    ws.recipients[0].country = 'XX' as Workspace['recipients'][number]['country'];
    const file = await putWorkspace('bad.candor.json', ws);
    const validate = await run('validate', file);
    expect(validate.code).toBe(1);
    expect(validate.stderr.length).toBeGreaterThanOrEqual(2);

    const out = join(dir, 'out');
    const result = await run('build', file, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual(validate.stderr);
    expect(result.stdout).toEqual([]);
    expect(await exists(out)).toBe(false);

    // An output folder that is already there stays exactly as it was.
    await mkdir(out);
    await writeFile(join(out, 'privacy-notice.md'), 'the old notice\n');
    const again = await run('build', file, '--out', out);
    expect(again.code).toBe(1);
    expect(await listFiles(out)).toEqual(['privacy-notice.md']);
    expect(await readFile(join(out, 'privacy-notice.md'), 'utf8')).toBe('the old notice\n');
    expect(await stagingLeftovers(out)).toEqual([]);
  });

  it('refuses a file that is not a readable workspace (exit 2) and writes nothing', async () => {
    const text = await readFile(SAMPLE, 'utf8');
    const truncated = await putWorkspace('truncated.candor.json', text.slice(0, text.length / 2));
    const out = join(dir, 'out');
    const result = await run('build', truncated, '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual((await run('validate', truncated)).stderr);
    expect(result.stderr.join('\n')).toMatch(/not complete JSON/);
    expect(await exists(out)).toBe(false);

    const missing = await run('build', join(dir, 'nowhere.candor.json'), '--out', out);
    expect(missing.code).toBe(2);
    expect(missing.stderr.join('\n')).toMatch(/nowhere\.candor\.json/);
    expect(await exists(out)).toBe(false);
  });

  it('reports a broken override template as file:line: message (exit 1) and writes nothing', async () => {
    const templates = join(dir, 'my-templates');
    await mkdir(templates);
    const template = join(templates, 'privacy-notice.md');
    // Line 12 of the file: 7 lines of front matter, then the body's fifth line.
    await writeFile(
      template,
      [
        '---',
        'id: privacy-notice',
        'title: Our privacy notice',
        'kind: notice',
        'jurisdictions: [gdpr, uk-gdpr, ccpa]',
        'locale: en',
        '---',
        '# {{ organization.name }} privacy notice',
        '',
        'We care.',
        '',
        '{% bogus %}',
        '',
      ].join('\n'),
    );
    const ws = await sample();
    ws.settings.templatesDir = 'my-templates';
    const file = await putWorkspace('custom.candor.json', ws);
    const out = join(dir, 'out');
    const result = await run('build', file, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stdout).toEqual([]);
    expect(result.stderr[0]).toMatch(new RegExp(`^${template.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:12(:\\d+)?: .*bogus`));
    expect(result.stderr.at(-1)).toBe('Nothing was written: fix the template problems above and build again.');
    expect(await exists(out)).toBe(false);
    expect(await stagingLeftovers(out)).toEqual([]);
  });

  it('uses a working override template in place of the built-in one', async () => {
    const templates = join(dir, 'my-templates');
    await mkdir(templates);
    await writeFile(
      join(templates, 'privacy-notice.md'),
      '---\nid: privacy-notice\ntitle: Our privacy notice\nkind: notice\njurisdictions: [gdpr, uk-gdpr, ccpa]\nlocale: en\n---\n# {{ organization.name }} in short\n\nWe keep your data safe.\n',
    );
    const ws = await sample();
    ws.settings.templatesDir = 'my-templates';
    const file = await putWorkspace('custom.candor.json', ws);
    const out = join(dir, 'out');
    expect((await run('build', file, '--out', out, '--only', 'privacy-notice')).code).toBe(0);
    expect(await readFile(join(out, 'privacy-notice.md'), 'utf8')).toBe(`# ${ws.organization.name} in short\n\nWe keep your data safe.\n`);
  });

  it('reports a templates folder that does not exist and writes nothing', async () => {
    const ws = await sample();
    ws.settings.templatesDir = 'no-such-folder';
    const file = await putWorkspace('custom.candor.json', ws);
    const out = join(dir, 'out');
    const result = await run('build', file, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr[0]).toContain(join(dir, 'no-such-folder'));
    expect(result.stderr[0]).toMatch(/settings\.templatesDir.*it does not exist/);
    expect(await exists(out)).toBe(false);
  });

  it('adds its files to an output folder that holds other files, keeping them, and replaces its own', async () => {
    const out = join(dir, 'site');
    await mkdir(join(out, 'ios'), { recursive: true });
    await writeFile(join(out, 'index.html'), '<p>home</p>');
    await writeFile(join(out, 'ios', 'Localizable.strings'), '"a" = "b";\n');
    await writeFile(join(out, 'privacy-notice.md'), 'stale\n');
    const result = await run('build', SAMPLE, '--out', out);
    expect(result.code).toBe(0);
    expect(await listFiles(out)).toEqual([...ALL_FILES, 'index.html', 'ios/Localizable.strings'].sort());
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('<p>home</p>');
    expect(await readFile(join(out, 'ios', 'Localizable.strings'), 'utf8')).toBe('"a" = "b";\n');
    expect(await readFile(join(out, 'privacy-notice.md'), 'utf8')).toMatch(/^# Ridgeline privacy notice\n/);
    expect(await stagingLeftovers(out)).toEqual([]);
  });

  it('writes nothing into an existing folder when one file cannot be placed, and names that file (exit 2)', async () => {
    const out = join(dir, 'site');
    await mkdir(join(out, 'privacy-notice.html'), { recursive: true });
    await writeFile(join(out, 'privacy-notice.md'), 'the old notice\n');
    const result = await run('build', SAMPLE, '--out', out);
    expect(result.code).toBe(2);
    expect(result.stdout).toEqual([]);
    expect(result.stderr).toEqual([`Nothing was written: ${join(out, 'privacy-notice.html')} is a folder, not a file.`]);
    expect(await listFiles(out)).toEqual(['privacy-notice.md']);
    expect(await readFile(join(out, 'privacy-notice.md'), 'utf8')).toBe('the old notice\n');
    expect(await stagingLeftovers(out)).toEqual([]);
  });

  it('builds the same files through bin/candor.js, the way a person runs it', async () => {
    const out = join(dir, 'spawned');
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CANDOR_BIN, 'build', SAMPLE, '--out', out], { cwd: dir });
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toBe(`Built 17 files from ${SAMPLE} into ${out}:`);
    expect(await listFiles(out)).toEqual(ALL_FILES);
    // The same bytes as the in-process build, so the tests above speak for the real command.
    const { out: inProcess, result } = await sampleBuild();
    expect(result.code).toBe(0);
    // Word and Excel files are zips that carry their creation time, so only the text files compare byte for byte.
    for (const name of ALL_FILES.filter((f) => !f.endsWith('.docx') && !f.endsWith('.xlsx'))) {
      expect(await readFile(join(out, name), 'utf8'), name).toBe(await readFile(join(inProcess, name), 'utf8'));
    }
  });

  it('exits 1 through bin/candor.js for an invalid workspace', async () => {
    const ws = await sample();
    ws.dataTypes[0].purposes = ['no-such-purpose'];
    const file = await putWorkspace('bad.candor.json', ws);
    const out = join(dir, 'out');
    const failure = await promisify(execFile)(process.execPath, [CANDOR_BIN, 'build', file, '--out', out]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/^dataTypes\[0\]\.purposes\[0\]: /);
    expect(await exists(out)).toBe(false);
  });
});

/** The sample without its privacy contact and supervisory authority: valid, but two review errors. */
async function workspaceWithReviewErrors(put: (name: string, ws: Workspace) => Promise<string>): Promise<string> {
  const ws = await sample();
  delete ws.organization.contactEmail;
  delete ws.organization.supervisoryAuthority;
  return put('review-errors.candor.json', ws);
}

/** The review's errors for `file` as `path: message` lines, from `candor lint --json`. */
async function reviewErrorLines(file: string): Promise<string[]> {
  const lint = await run('lint', file, '--json');
  const findings = JSON.parse(lint.stdout.join('\n')) as { severity: string; path: string; message: string }[];
  return findings.filter((f) => f.severity === 'error').map((f) => `${f.path}: ${f.message}`);
}

describe('candor build: the review stands before the files', () => {
  it('refuses a workspace the review finds errors in (exit 1), listing each as path: message, and writes nothing', async () => {
    const file = await workspaceWithReviewErrors(putWorkspace);
    const lines = await reviewErrorLines(file);
    expect(lines).toHaveLength(2);
    expect(lines.some((l) => l.startsWith('organization.contactEmail: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('organization.supervisoryAuthority: '))).toBe(true);

    const out = join(dir, 'out');
    const result = await run('build', file, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([
      ...lines,
      `Nothing was written: the review finds 2 errors (above). Fix them ("candor lint ${file}" lists them with more detail), or pass --allow-errors to build anyway.`,
    ]);
    expect(result.stdout).toEqual([]);
    expect(await exists(out)).toBe(false);
    // --only does not get round it: every output speaks for the same workspace.
    expect((await run('build', file, '--out', out, '--only', 'in-app')).code).toBe(1);
    expect(await exists(out)).toBe(false);
  });

  it('names one error in the singular', async () => {
    const ws = await sample();
    delete ws.organization.contactEmail;
    const file = await putWorkspace('one-error.candor.json', ws);
    const result = await run('build', file, '--out', join(dir, 'out'));
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([
      ...(await reviewErrorLines(file)),
      `Nothing was written: the review finds 1 error (above). Fix it ("candor lint ${file}" lists it with more detail), or pass --allow-errors to build anyway.`,
    ]);
  });

  it('accepts an incomplete workspace in validate, and lint and build report what is missing', async () => {
    const ws = await sample();
    ws.dataTypes[0].purposes = [];
    delete ws.dataTypes[0].recipientPurposes;
    ws.organization.website = 'ridgeline.example';
    ws.organization.contactEmail = 'privacy@';
    ws.purposes[0].name = '';
    const file = await putWorkspace('incomplete.candor.json', ws);
    const validate = await run('validate', file);
    expect(validate.code).toBe(0);
    expect(validate.stdout[0]).toMatch(/is valid/);

    const lines = await reviewErrorLines(file);
    expect(lines.map((l) => l.slice(0, l.indexOf(': ')))).toEqual(
      expect.arrayContaining(['organization.contactEmail', 'purposes[0].name', 'dataTypes[0].purposes']),
    );
    // A website typed without https:// is complete: it is read as https://ridgeline.example.
    expect(lines.some((l) => l.startsWith('organization.website: '))).toBe(false);
    expect((await run('lint', file)).code).toBe(1);

    const out = join(dir, 'out');
    const result = await run('build', file, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr.slice(0, -1)).toEqual(lines);
    expect(await exists(out)).toBe(false);
  });

  it('writes every file with --allow-errors, printing each error as a warning', async () => {
    const file = await workspaceWithReviewErrors(putWorkspace);
    const out = join(dir, 'out');
    const result = await run('build', file, '--out', out, '--allow-errors');
    expect(result.code).toBe(0);
    expect(result.stderr).toEqual((await reviewErrorLines(file)).map((line) => `Warning: ${line}`));
    expect(result.stdout[0]).toBe(`Built 17 files from ${file} into ${out}:`);
    expect(await listFiles(out)).toEqual(ALL_FILES);
  });

  it('is never stopped by warnings, and the sample workspaces have none of the errors that would stop it', async () => {
    const examples = dirname(SAMPLE);
    const files = (await readdir(examples)).filter((name) => name.endsWith('.candor.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const name of files) {
      const lint = await run('lint', join(examples, name));
      expect(lint.code, `${name}: candor lint finds no error`).toBe(0);
    }
    // The sample has warnings, and builds without a word on stderr.
    const findings = JSON.parse((await run('lint', SAMPLE, '--json')).stdout.join('\n')) as { severity: string }[];
    expect(findings.some((f) => f.severity === 'warning')).toBe(true);
    const out = join(dir, 'out');
    const result = await run('build', SAMPLE, '--out', out, '--only', 'privacy-notice');
    expect(result.code).toBe(0);
    expect(result.stderr).toEqual([]);
  });

  it('exits 1 through bin/candor.js for review errors, and 0 with --allow-errors', async () => {
    const file = await workspaceWithReviewErrors(putWorkspace);
    const out = join(dir, 'out');
    const failure = await promisify(execFile)(process.execPath, [CANDOR_BIN, 'build', file, '--out', out]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/^organization\.contactEmail: /);
    expect(failure?.stderr).toMatch(/or pass --allow-errors to build anyway\.\n$/);
    expect(await exists(out)).toBe(false);
    const { stderr } = await promisify(execFile)(process.execPath, [CANDOR_BIN, 'build', file, '--out', out, '--allow-errors']);
    expect(stderr).toMatch(/^Warning: organization\.contactEmail: /);
    expect(await listFiles(out)).toEqual(ALL_FILES);
  });
});
