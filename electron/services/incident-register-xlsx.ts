// The breach register (GDPR Art 33(5)) as an Excel workbook: a title, then one row per incident with the
// columns of core/incidents/register-export.ts. exceljs is Node-only, so the workbook is made here rather
// than in core/, as the record of processing's is (ropa-xlsx.ts).
//
// Every cell holds a string that went through `neutralizeFormula`, and each is checked to have been stored
// as a plain string: exceljs only writes a formula for a `{ formula }` value, but a spreadsheet that
// re-saves the file as CSV would still carry a leading `=` into the next program.
import ExcelJS from 'exceljs';
import { INCIDENT_REGISTER_COLUMNS, incidentRegisterRows } from '../../core/incidents/register-export';
import type { IncidentRegister } from '../../core/incidents/schema';
import type { Workspace } from '../../core/schema';
import { neutralizeFormula } from '../../core/spreadsheet';

export const INCIDENT_REGISTER_SHEET_NAME = 'Breach register';

const HEADER_FILL = 'FFDCE6F0';
const BORDER_COLOR = 'FFA9B1BA';
const ACCENT = 'FF1F3A5F';
const MIN_WIDTH = 12;
const MAX_WIDTH = 60;

const thin = { style: 'thin' as const, color: { argb: BORDER_COLOR } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

function setText(cell: ExcelJS.Cell, text: string): void {
  cell.value = neutralizeFormula(text);
  if (cell.type !== ExcelJS.ValueType.String) {
    throw new Error(
      `The breach register would have written a non-text cell at ${cell.address}; nothing was saved. Report this as a bug in Candor.`,
    );
  }
}

/** A width, in characters, that fits the longest line of the column's text without growing past MAX_WIDTH. */
function widthFor(texts: string[]): number {
  let longest = 0;
  for (const text of texts) for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/** The register as the bytes of an .xlsx file. `asOf` is printed under the title (YYYY-MM-DD). */
export async function incidentRegisterXlsx(
  register: IncidentRegister,
  workspace: Workspace | undefined,
  asOf?: string,
): Promise<Uint8Array> {
  const rows = incidentRegisterRows(register, workspace);
  const organization = workspace ? workspace.organization.legalName || workspace.organization.name : '';

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Candor';
  workbook.title = 'Breach register';
  const sheet = workbook.addWorksheet(INCIDENT_REGISTER_SHEET_NAME, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });

  let r = 1;
  const title = sheet.getCell(r, 1);
  setText(title, organization ? `Breach register: ${organization}` : 'Breach register');
  title.font = { bold: true, size: 14, color: { argb: ACCENT } };
  r += 1;
  const subtitle = sheet.getCell(r, 1);
  const count = rows.length === 1 ? '1 incident' : `${rows.length} incidents`;
  setText(
    subtitle,
    `Personal data breaches documented under Article 33(5) GDPR, notified or not: ${count}${asOf ? `, as of ${asOf}` : ''}`,
  );
  subtitle.font = { italic: true, color: { argb: 'FF5B6570' } };
  r += 2;

  const headerRow = r;
  INCIDENT_REGISTER_COLUMNS.forEach((column, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    setText(cell, column.header);
    cell.font = { bold: true, color: { argb: 'FF1F2328' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'bottom', wrapText: true };
    cell.border = BORDER;
  });
  for (const row of rows) {
    r += 1;
    INCIDENT_REGISTER_COLUMNS.forEach((column, i) => {
      const cell = sheet.getCell(r, i + 1);
      setText(cell, row.cells[column.id]);
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = BORDER;
    });
  }
  const lastRow = r;

  // Headings wrap, so they count only by their longest word.
  INCIDENT_REGISTER_COLUMNS.forEach((column, i) => {
    sheet.getColumn(i + 1).width = widthFor([...rows.map((row) => row.cells[column.id]), ...column.header.split(/\s+/)]);
  });

  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: Math.max(lastRow, headerRow), column: INCIDENT_REGISTER_COLUMNS.length },
  };
  // The header stays in view while scrolling, and so do the reference and the incident's title.
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: headerRow, topLeftCell: `C${headerRow + 1}`, activeCell: `C${headerRow + 1}` }];
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
