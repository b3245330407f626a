import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import ridgelineJson from '../../resources/examples/ridgeline.candor.json' with { type: 'json' };
import { INCIDENT_FIXTURES } from '../../core/incidents/fixtures';
import { INCIDENT_REGISTER_COLUMNS, incidentRegisterRows } from '../../core/incidents/register-export';
import { emptyRegister, type IncidentRegister } from '../../core/incidents/schema';
import type { Workspace } from '../../core/schema';
import { validateWorkspace } from '../../core/validate';
import { INCIDENT_REGISTER_SHEET_NAME, incidentRegisterXlsx } from './incident-register-xlsx';

function valid(input: unknown): Workspace {
  const result = validateWorkspace(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.workspace;
}

const ridgeline = valid(ridgelineJson);
const register: IncidentRegister = {
  ...emptyRegister('ridgeline.candor.json'),
  incidents: INCIDENT_FIXTURES.filter((f) => f.workspace === 'ridgeline').map((f) => f.incident),
};

async function sheetOf(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(INCIDENT_REGISTER_SHEET_NAME);
  if (!sheet) throw new Error('no breach register sheet');
  return sheet;
}

describe('the breach register as a workbook', () => {
  it('holds the title, the header and one row per incident with the same cells as the CSV', async () => {
    const sheet = await sheetOf(await incidentRegisterXlsx(register, ridgeline, '2026-12-05'));
    expect(sheet.getCell(1, 1).value).toBe('Breach register: Ridgeline Outdoor GmbH');
    expect(String(sheet.getCell(2, 1).value)).toContain('2 incidents, as of 2026-12-05');
    const header = INCIDENT_REGISTER_COLUMNS.map((_, i) => sheet.getCell(4, i + 1).value);
    expect(header).toEqual(INCIDENT_REGISTER_COLUMNS.map((c) => c.header));
    const rows = incidentRegisterRows(register, ridgeline);
    rows.forEach((row, r) => {
      INCIDENT_REGISTER_COLUMNS.forEach((column, i) => {
        expect(sheet.getCell(5 + r, i + 1).value ?? '').toBe(row.cells[column.id]);
      });
    });
  });

  it('stores text that starts like a formula as text', async () => {
    const hostile = { ...register.incidents[0], title: '=1+1', summary: '-2' };
    const sheet = await sheetOf(await incidentRegisterXlsx({ ...register, incidents: [hostile] }, ridgeline));
    const titleColumn = INCIDENT_REGISTER_COLUMNS.findIndex((c) => c.id === 'title') + 1;
    const cell = sheet.getCell(5, titleColumn);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe("'=1+1");
  });

  it('writes an empty register', async () => {
    const sheet = await sheetOf(await incidentRegisterXlsx(emptyRegister(), undefined));
    expect(sheet.getCell(1, 1).value).toBe('Breach register');
    expect(String(sheet.getCell(2, 1).value)).toContain('0 incidents');
  });
});
