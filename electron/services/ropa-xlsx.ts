// The record of processing activities as an Excel workbook, laid out like the UK ICO's controller
// template: the controller, DPO and representative contacts in the first rows, then the records table
// with the ICO's headings (see core/ropa.ts for which columns and why). The sheet's layout is shared
// with the breach register (xlsx-sheet.ts).
import { ROPA_COLUMNS, ropaContacts, ropaRows } from '../../core/ropa';
import type { Workspace } from '../../core/schema';
import { BORDER, createTextSheet, finishTable, HEADER_FILL, LABEL_FILL, setText, widthFor, writeTable, writeTitle } from './xlsx-sheet';

export const ROPA_SHEET_NAME = 'Record of processing';

/** The record as the bytes of an .xlsx file. */
export async function ropaXlsx(workspace: Workspace): Promise<Uint8Array> {
  const org = workspace.organization;
  const contacts = ropaContacts(workspace);
  const rows = ropaRows(workspace);
  const target = createTextSheet('The record of processing', 'Record of processing activities', ROPA_SHEET_NAME);
  const { sheet } = target;

  // Title and facts.
  const laws = org.jurisdictions.filter((j) => j === 'gdpr' || j === 'uk-gdpr').map((j) => (j === 'gdpr' ? 'GDPR' : 'UK GDPR'));
  const facts = [`Article 30(1) ${laws.length ? laws.join(' and ') : 'GDPR'}`];
  if (workspace.settings.effectiveDate) facts.push(`as of ${workspace.settings.effectiveDate}`);
  let r = writeTitle(target, `Record of processing activities: ${contacts[0].name}`, facts.join(', '));

  // The contact block (Art 30(1)(a)), as the ICO template's first rows.
  ['', 'Name', 'Address', 'Email'].forEach((text, i) => {
    const cell = sheet.getCell(r, i + 1);
    setText(target, cell, text);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = BORDER;
  });
  r += 1;
  for (const contact of contacts) {
    [contact.role, contact.name, contact.address, contact.email].forEach((text, i) => {
      const cell = sheet.getCell(r, i + 1);
      setText(target, cell, text || 'Not recorded');
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
  const table = rows.map((row) => ROPA_COLUMNS.map((column) => row.cells[column.id].join('\n')));
  const lastRow = writeTable(
    target,
    headerRow,
    ROPA_COLUMNS.map((column) => column.header),
    table,
  );

  // Widths from the table's content: the ICO headings are long and wrap, so they count only by their
  // longest word; the contact block counts for the four columns it uses.
  ROPA_COLUMNS.forEach((column, i) => {
    const headerWords = column.header.split(/\s+/);
    const contactTexts = i < 4 ? contacts.map((c) => [c.role, c.name, c.address, c.email][i]) : [];
    sheet.getColumn(i + 1).width = widthFor([...table.map((cells) => cells[i]), ...headerWords, ...contactTexts]);
  });
  // The header stays in view while scrolling, and so does the purpose column beside it.
  return finishTable(target, headerRow, lastRow, ROPA_COLUMNS.length);
}
