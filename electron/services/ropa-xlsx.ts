// The record of processing activities as an Excel workbook, laid out like the UK ICO's controller
// template: the controller, DPO and representative contacts in the first rows, then the records table
// with the ICO's headings (see core/ropa.ts for which columns and why). exceljs is Node-only, so the
// workbook is made here rather than in core/.
//
// Every cell holds a string that went through `neutralizeFormula`, and each is checked to have been
// stored as a plain string: exceljs only writes a formula for a `{ formula }` value, but a spreadsheet
// that re-saves the file as CSV would still carry a leading `=` into the next program.
import ExcelJS from 'exceljs';
import { ROPA_COLUMNS, ropaContacts, ropaRows } from '../../core/ropa';
import type { Workspace } from '../../core/schema';
import { neutralizeFormula } from '../../core/spreadsheet';

export const ROPA_SHEET_NAME = 'Record of processing';

const HEADER_FILL = 'FFDCE6F0';
const LABEL_FILL = 'FFF2F4F7';
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
      `The record of processing would have written a non-text cell at ${cell.address}; nothing was saved. Report this as a bug in Candor.`,
    );
  }
}

/** A width, in characters, that fits the longest line of the column's text without growing past MAX_WIDTH. */
function widthFor(texts: string[]): number {
  let longest = 0;
  for (const text of texts) for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/** The record as the bytes of an .xlsx file. */
export async function ropaXlsx(workspace: Workspace): Promise<Uint8Array> {
  const org = workspace.organization;
  const contacts = ropaContacts(workspace);
  const rows = ropaRows(workspace);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Candor';
  workbook.title = 'Record of processing activities';
  const sheet = workbook.addWorksheet(ROPA_SHEET_NAME, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });

  // Title and facts.
  const laws = org.jurisdictions.filter((j) => j === 'gdpr' || j === 'uk-gdpr').map((j) => (j === 'gdpr' ? 'GDPR' : 'UK GDPR'));
  const facts = [`Article 30(1) ${laws.length ? laws.join(' and ') : 'GDPR'}`];
  if (workspace.settings.effectiveDate) facts.push(`as of ${workspace.settings.effectiveDate}`);
  let r = 1;
  const title = sheet.getCell(r, 1);
  setText(title, `Record of processing activities: ${contacts[0].name}`);
  title.font = { bold: true, size: 14, color: { argb: ACCENT } };
  r += 1;
  const subtitle = sheet.getCell(r, 1);
  setText(subtitle, facts.join(', '));
  subtitle.font = { italic: true, color: { argb: 'FF5B6570' } };
  r += 2;

  // The contact block (Art 30(1)(a)), as the ICO template's first rows.
  ['', 'Name', 'Address', 'Email'].forEach((text, i) => {
    const cell = sheet.getCell(r, i + 1);
    setText(cell, text);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = BORDER;
  });
  r += 1;
  for (const contact of contacts) {
    [contact.role, contact.name, contact.address, contact.email].forEach((text, i) => {
      const cell = sheet.getCell(r, i + 1);
      setText(cell, text || 'Not recorded');
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = BORDER;
      if (i === 0) {
        cell.font = { bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LABEL_FILL } };
      }
    });
    r += 1;
  }
  r += 1;

  // The records table.
  const headerRow = r;
  ROPA_COLUMNS.forEach((column, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    setText(cell, column.header);
    cell.font = { bold: true, color: { argb: 'FF1F2328' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'bottom', wrapText: true };
    cell.border = BORDER;
  });
  for (const row of rows) {
    r += 1;
    ROPA_COLUMNS.forEach((column, i) => {
      const cell = sheet.getCell(r, i + 1);
      setText(cell, row.cells[column.id].join('\n'));
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = BORDER;
    });
  }
  const lastRow = r;

  // Widths from the table's content: the ICO headings are long and wrap, so they count only by their
  // longest word; the contact block counts for the four columns it uses.
  ROPA_COLUMNS.forEach((column, i) => {
    const texts = rows.map((row) => row.cells[column.id].join('\n'));
    const headerWords = column.header.split(/\s+/);
    const contactTexts = i < 4 ? contacts.map((c) => [c.role, c.name, c.address, c.email][i]) : [];
    sheet.getColumn(i + 1).width = widthFor([...texts, ...headerWords, ...contactTexts]);
  });

  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastRow, column: ROPA_COLUMNS.length } };
  // The header stays in view while scrolling, and so does the purpose column beside it.
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: headerRow, topLeftCell: `C${headerRow + 1}`, activeCell: `C${headerRow + 1}` }];
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
