// What Candor's Excel exports (the record of processing, the breach register) share: one landscape
// sheet with a title, a subtitle and a table of wrapped text whose header row stays in view, is
// filtered and repeats on every printed page. exceljs is Node-only, so the workbooks are made here
// rather than in core/.
//
// Every cell holds a string that went through `neutralizeFormula`, and each is checked to have been
// stored as a plain string: exceljs only writes a formula for a `{ formula }` value, but a spreadsheet
// that re-saves the file as CSV would still carry a leading `=` into the next program.
import ExcelJS from 'exceljs';
import { neutralizeFormula } from '../../core/spreadsheet';

export const HEADER_FILL = 'FFDCE6F0';
export const LABEL_FILL = 'FFF2F4F7';
const BORDER_COLOR = 'FFA9B1BA';
const ACCENT = 'FF1F3A5F';
const MIN_WIDTH = 12;
const MAX_WIDTH = 60;

const thin = { style: 'thin' as const, color: { argb: BORDER_COLOR } };
export const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** A sheet being written, with the name of its document for the error a non-text cell would raise. */
export interface TextSheet {
  workbook: ExcelJS.Workbook;
  sheet: ExcelJS.Worksheet;
  /** "The record of processing", "The breach register" */
  document: string;
}

export function createTextSheet(document: string, title: string, sheetName: string): TextSheet {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Candor';
  workbook.title = title;
  const sheet = workbook.addWorksheet(sheetName, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  return { workbook, sheet, document };
}

export function setText(target: TextSheet, cell: ExcelJS.Cell, text: string): void {
  cell.value = neutralizeFormula(text);
  if (cell.type !== ExcelJS.ValueType.String) {
    throw new Error(
      `${target.document} would have written a non-text cell at ${cell.address}; nothing was saved. Report this as a bug in Candor.`,
    );
  }
}

/** The title in the first row and the subtitle under it; returns the row after a blank one. */
export function writeTitle(target: TextSheet, title: string, subtitle: string): number {
  const titleCell = target.sheet.getCell(1, 1);
  setText(target, titleCell, title);
  titleCell.font = { bold: true, size: 14, color: { argb: ACCENT } };
  const subtitleCell = target.sheet.getCell(2, 1);
  setText(target, subtitleCell, subtitle);
  subtitleCell.font = { italic: true, color: { argb: 'FF5B6570' } };
  return 4;
}

/** A table of headers and rows of text from `headerRow` down; returns the last row written. */
export function writeTable(target: TextSheet, headerRow: number, headers: readonly string[], rows: readonly string[][]): number {
  headers.forEach((header, i) => {
    const cell = target.sheet.getCell(headerRow, i + 1);
    setText(target, cell, header);
    cell.font = { bold: true, color: { argb: 'FF1F2328' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'bottom', wrapText: true };
    cell.border = BORDER;
  });
  let r = headerRow;
  for (const row of rows) {
    r += 1;
    row.forEach((text, i) => {
      const cell = target.sheet.getCell(r, i + 1);
      setText(target, cell, text);
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = BORDER;
    });
  }
  return r;
}

/** A width, in characters, that fits the longest line of the column's text without growing past MAX_WIDTH. */
export function widthFor(texts: readonly string[]): number {
  let longest = 0;
  for (const text of texts) for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/**
 * Filters the table, keeps its header row and first two columns in view while scrolling, repeats the
 * header on every printed page, and returns the workbook's bytes.
 */
export async function finishTable(target: TextSheet, headerRow: number, lastRow: number, columns: number): Promise<Uint8Array> {
  const { sheet } = target;
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(lastRow, headerRow), column: columns } };
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: headerRow, topLeftCell: `C${headerRow + 1}`, activeCell: `C${headerRow + 1}` }];
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  const buffer = await target.workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
