// Every CSV or XLSX cell Candor writes passes through here. Excel, LibreOffice Calc and Google Sheets
// read a cell whose first character is one of these as a formula, so workspace text such as
// `=HYPERLINK("https://evil.example")` would run on the machine of whoever opens the export.
// OWASP "CSV Injection": = + - @ tab (0x09) carriage return (0x0D); ASVS 5 V1.2.10 adds NUL (0x00).
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\0']);

/**
 * A cell value that no spreadsheet evaluates: text starting with a formula trigger gets a leading `'`,
 * which spreadsheets take as "this is text" and do not display; anything else is returned unchanged.
 * Quoting of commas, quotes and line breaks is the CSV writer's job, not this function's.
 */
export function neutralizeFormula(cell: string): string {
  return cell.length > 0 && FORMULA_TRIGGERS.has(cell[0]) ? `'${cell}` : cell;
}

/**
 * Rows as CSV text (RFC 4180): a field is quoted when it holds a comma, a quote, a line break or a
 * leading or trailing space, quotes inside are doubled, every record ends with `newline` (CRLF by
 * default, as RFC 4180 and Google Play's exports have it). Every cell first goes through
 * `neutralizeFormula`, so no caller can forget it.
 *
 * Written here rather than with papaparse's `unparse`: @types/papaparse pulls in Node's types, which
 * would quietly make Node globals type-check everywhere in core/.
 */
export function csvText(rows: readonly (readonly string[])[], newline: '\r\n' | '\n' = '\r\n'): string {
  return rows.map((row) => row.map((cell) => csvField(neutralizeFormula(cell))).join(',') + newline).join('');
}

function csvField(value: string): string {
  return /[",\r\n]|^ | $/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
