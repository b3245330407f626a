import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import sampleJson from '../../resources/examples/ridgeline.candor.json' with { type: 'json' };
import { ROPA_COLUMNS } from '../../core/ropa';
import type { Workspace } from '../../core/schema';
import { workspaceArbitrary } from '../../core/testing/arbitraries';
import { minimalWorkspace } from '../../core/testing/fixtures';
import { validateWorkspace } from '../../core/validate';
import { ROPA_SHEET_NAME, ropaXlsx } from './ropa-xlsx';

function valid(input: unknown): Workspace {
  const result = validateWorkspace(input);
  if (!result.ok) throw new Error(`not a valid workspace: ${JSON.stringify(result.problems)}`);
  return result.workspace;
}

const sample = valid(sampleJson);
const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\0'];

async function load(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(ROPA_SHEET_NAME);
  if (!sheet) throw new Error(`no sheet "${ROPA_SHEET_NAME}"`);
  return sheet;
}

function headerRowOf(sheet: ExcelJS.Worksheet): number {
  let found = 0;
  sheet.eachRow((row, number) => {
    if (!found && row.getCell(1).value === ROPA_COLUMNS[0].header) found = number;
  });
  if (!found) throw new Error('no header row');
  return found;
}

/** Every cell of every sheet is text, and none is stored as a formula (read back, and in the sheet XML itself). */
async function expectOnlyText(bytes: Uint8Array): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const values: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        expect(cell.type, `${cell.address} is text`).toBe(ExcelJS.ValueType.String);
        expect(cell.formula, `${cell.address} has no formula`).toBeUndefined();
        expect(typeof cell.value).toBe('string');
        expect(TRIGGERS, `${cell.address} ${JSON.stringify(cell.value)}`).not.toContain(String(cell.value)[0]);
        values.push(String(cell.value));
      }),
    ),
  );
  const zip = await JSZip.loadAsync(bytes);
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  expect(sheets.length).toBeGreaterThan(0);
  for (const name of sheets) {
    const xml = await zip.files[name].async('string');
    expect(xml, `${name} has no <f> (formula) element`).not.toMatch(/<f[\s>]/);
    // Every filled cell is a shared or inline string.
    for (const cell of xml.match(/<c [^>]*>/g) ?? []) if (!cell.endsWith('/>')) expect(cell, name).toMatch(/ t="(s|inlineStr)"/);
  }
  return values;
}

describe('ropaXlsx', () => {
  let sheet: ExcelJS.Worksheet;
  let header: number;
  beforeAll(async () => {
    sheet = await load(await ropaXlsx(sample));
    header = headerRowOf(sheet);
  });

  it('opens with the contact block first, then the ICO headings and one row per purpose', () => {
    expect(sheet.getCell(1, 1).value).toBe('Record of processing activities: Ridgeline Outdoor GmbH');
    const contactRows: string[][] = [];
    for (let r = 1; r < header; r += 1) {
      const values = [1, 2, 3, 4].map((c) => sheet.getCell(r, c).value);
      if (values.some((v) => v)) contactRows.push(values.map((v) => String(v ?? '')));
    }
    expect(contactRows).toEqual(
      expect.arrayContaining([
        ['', 'Name', 'Address', 'Email'],
        ['Controller', 'Ridgeline Outdoor GmbH', 'Sendlinger Straße 28, 80331 München, Germany', 'privacy@ridgeline.example'],
        [
          'Data protection officer',
          'Dr. Miriam Albrecht',
          'Albrecht Datenschutzberatung, Leopoldstraße 71, 80802 München, Germany',
          'dpo@ridgeline.example',
        ],
      ]),
    );
    expect(ROPA_COLUMNS.map((_, i) => sheet.getCell(header, i + 1).value)).toEqual(ROPA_COLUMNS.map((c) => c.header));
    expect(sheet.rowCount).toBe(header + sample.purposes.length);
    sample.purposes.forEach((purpose, i) => {
      expect(String(sheet.getCell(header + 1 + i, 2).value).split('\n')[0]).toBe(purpose.name);
    });
  });

  it('styles the header row: bold, filled, wrapped', () => {
    for (let c = 1; c <= ROPA_COLUMNS.length; c += 1) {
      const cell = sheet.getCell(header, c);
      expect(cell.font?.bold, cell.address).toBe(true);
      expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
      expect(cell.alignment?.wrapText).toBe(true);
    }
    expect(sheet.getCell(header + 1, 5).font?.bold).toBeFalsy();
    expect(sheet.getCell(header + 1, 5).alignment?.wrapText).toBe(true);
  });

  it('turns the filter on over the whole table and freezes the header', () => {
    const last = String.fromCharCode(64 + ROPA_COLUMNS.length);
    expect(sheet.autoFilter).toBe(`A${header}:${last}${header + sample.purposes.length}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
  });

  it('sizes each column to its content, within readable limits', () => {
    const widths = ROPA_COLUMNS.map((_, i) => sheet.getColumn(i + 1).width ?? 0);
    for (const width of widths) {
      expect(width).toBeGreaterThanOrEqual(12);
      expect(width).toBeLessThanOrEqual(60);
    }
    const width = (id: string) => widths[ROPA_COLUMNS.findIndex((c) => c.id === id)];
    // Long retention schedules get a wide column, the short lawful-basis phrases a narrower one.
    expect(width('retention')).toBe(60);
    expect(width('lawfulBasis')).toBeLessThan(40);
    expect(width('lawfulBasis')).toBeGreaterThanOrEqual('Art 6(1)(f) legitimate interests'.length);
    expect(new Set(widths).size).toBeGreaterThan(3);
  });

  it('stores every cell as text, never as a formula', async () => {
    await expectOnlyText(await ropaXlsx(sample));
  });

  it('neutralises injection attempts in every text that reaches a cell', async () => {
    const attempts = ['=HYPERLINK("https://evil.example","Click")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1+1)', '\t=1+1', '\r=1+1'];
    const ws = minimalWorkspace();
    ws.organization.name = attempts[0];
    ws.organization.legalName = attempts[1];
    ws.organization.address = attempts[2];
    ws.organization.securityMeasures = attempts[3];
    ws.organization.dpo = { name: attempts[4], address: attempts[5] };
    ws.purposes[0] = {
      ...ws.purposes[0],
      name: attempts[0],
      description: attempts[1],
      lawfulBasis: 'legitimate-interests',
      legitimateInterest: attempts[2],
    };
    ws.dataTypes[0] = { ...ws.dataTypes[0], name: attempts[3], owner: attempts[0], retention: { criteria: attempts[4] } };
    const values = await expectOnlyText(await ropaXlsx(valid(ws)));
    expect(values).toContain(`'${attempts[0]}`);
    expect(values).toContain(`'${attempts[1]}`);
    expect(values).toContain("'-2+3");
    expect(values).toContain("'@SUM(1+1)");
    expect(values).toContain("'=1+1");
  });

  it('never stores a formula for any workspace, hostile text included', async () => {
    await fc.assert(
      fc.asyncProperty(workspaceArbitrary({ hostile: true, maxDataTypes: 3 }), async (ws) => {
        await expectOnlyText(await ropaXlsx(ws));
      }),
      { numRuns: 12 },
    );
  });
});
