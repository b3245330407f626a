// The inventory as a CSV file, one row per data type, for teams that review or bulk-edit it in a
// spreadsheet, and the way back: a CSV is read into a preview that says, row by row, what would be
// created, updated or left as it is and what is wrong, before anything changes.
//
// The format:
// - Columns are named after the workspace format's fields; nested fields by their path
//   (`retention.period.value`, `sensitivity.gdprSpecial`, `inApp.short`). On import the header may
//   also use the last part of a path when it is unambiguous (`gdprSpecial`), in any case, with spaces.
// - Lists are separated by `;`. A `;` or `\` inside a list item is written `\;` or `\\`.
// - A map of ids to lists of ids (`recipientPurposes`) is written `recipient: purpose, purpose` per
//   entry, entries separated by `;` like list items: `brevo: check-in-alerts;mountain-rescue: rescue-assistance`.
// - Booleans are `true`, `false` or empty (unset); on import TRUE/FALSE and yes/no are read too, since
//   spreadsheets rewrite them.
// - Every cell passes through `neutralizeFormula`: text that starts with `=`, `+`, `-`, `@`, a tab,
//   a carriage return or NUL gets a leading `'`. Text that already starts with quotes before one of
//   those gets one more quote, so that import, which removes one quote from such cells, gives back
//   exactly what was exported.
//
// Import decisions:
// - Rows are matched to data types by `id`: an existing id is an update, a new one a creation. Data
//   types missing from the file are left alone; an import never deletes.
// - A column missing from the file leaves that field as it is on updates (a file with only `id`,
//   `status` and `owner` re-assigns owners); an empty cell clears the field. `id`, `name`, `category`
//   and `purposes` columns are required.
// - Rows are checked in the context of the workspace (`validateComplete` on the workspace as it would
//   be: structure and completeness, so a row without a purpose or with an unknown category is not
//   imported), and each problem is reported with the row's line and column.
// - Rows without problems are applied; rows with problems are skipped and listed, so the rest of a
//   large file is not held back by one typo. Re-importing the corrected file is safe: rows already
//   applied come back as unchanged. Problems with the file itself (unreadable CSV, a missing required
//   column, a column named twice) block the whole import.
import Papa from 'papaparse';
import { canonicalize } from '../canonical';
import type { DataType, Workspace } from '../schema';
import { neutralizeFormula } from '../spreadsheet';
import { parsePath, validateComplete } from '../validate';
import { count } from '../words';

type Kind = 'text' | 'token' | 'list' | 'boolean' | 'integer' | 'map';

export interface InventoryColumn {
  /** the header, also the field's path in the workspace format */
  name: string;
  kind: Kind;
  required?: boolean;
}

/** The columns of the inventory CSV, in the order of the workspace format. */
export const INVENTORY_COLUMNS: readonly InventoryColumn[] = [
  { name: 'id', kind: 'token', required: true },
  { name: 'name', kind: 'text', required: true },
  { name: 'category', kind: 'token', required: true },
  { name: 'description', kind: 'text' },
  { name: 'subjects', kind: 'list' },
  { name: 'source', kind: 'token' },
  { name: 'sourceDetail', kind: 'text' },
  { name: 'purposes', kind: 'list', required: true },
  { name: 'benefit', kind: 'text' },
  { name: 'retention.period.value', kind: 'integer' },
  { name: 'retention.period.unit', kind: 'token' },
  { name: 'retention.after', kind: 'token' },
  { name: 'retention.criteria', kind: 'text' },
  { name: 'recipients', kind: 'list' },
  { name: 'recipientPurposes', kind: 'map' },
  { name: 'collectedAt', kind: 'list' },
  { name: 'required', kind: 'boolean' },
  { name: 'consequenceIfNotProvided', kind: 'text' },
  { name: 'sensitivity.gdprSpecial', kind: 'boolean' },
  { name: 'sensitivity.ccpaSensitive', kind: 'boolean' },
  { name: 'sensitivity.consumerHealth', kind: 'boolean' },
  { name: 'consent.collection', kind: 'boolean' },
  { name: 'consent.sharing', kind: 'boolean' },
  { name: 'consent.how', kind: 'text' },
  { name: 'specialCondition', kind: 'token' },
  { name: 'linkedToIdentity', kind: 'boolean' },
  { name: 'tracking', kind: 'boolean' },
  { name: 'ephemeral', kind: 'boolean' },
  { name: 'classification.apple', kind: 'token' },
  { name: 'classification.play', kind: 'token' },
  { name: 'classification.ccpa', kind: 'list' },
  { name: 'inApp.short', kind: 'text' },
  { name: 'inApp.long', kind: 'text' },
  { name: 'status', kind: 'token' },
  { name: 'owner', kind: 'text' },
  { name: 'reviewedOn', kind: 'token' },
  { name: 'notes', kind: 'text' },
];

/**
 * Fields of a data type that have no column, each with the reason. Every other field of the schema must
 * be a column (a test walks the schema), so a new field is either exported or left out here on purpose.
 */
export const INVENTORY_LEFT_OUT: Readonly<Record<string, string>> = {};

const REQUIRED_COLUMNS = INVENTORY_COLUMNS.filter((c) => c.required).map((c) => c.name);
// Objects that disappear when their last field is cleared, deepest first.
const NESTED_OBJECTS = [['retention', 'period'], ['retention'], ['sensitivity'], ['consent'], ['classification'], ['inApp']];

// ---------------------------------------------------------------------------------------------------
// Cells

function triggers(text: string): boolean {
  return neutralizeFormula(text) !== text;
}

/** A cell as written: neutralised, and one quote more in front of text that already starts with quotes and a trigger. */
export function protectCell(text: string): string {
  if (triggers(text)) return neutralizeFormula(text);
  const unquoted = text.replace(/^'+/, '');
  return unquoted !== text && triggers(unquoted) ? `'${text}` : text;
}

/** The inverse of `protectCell`: one leading quote is removed where the quotes stand before a trigger. */
export function unprotectCell(cell: string): string {
  if (!cell.startsWith("'")) return cell;
  const rest = cell.slice(1);
  return triggers(rest.replace(/^'+/, '')) ? rest : cell;
}

/** A list cell: the items joined by `;`, with `\` and `;` inside an item escaped. */
export function joinListCell(items: readonly string[]): string {
  return items.map((item) => item.replace(/\\/g, '\\\\').replace(/;/g, '\\;')).join(';');
}

/** A `;`-separated list cell as its items: escapes undone, items trimmed, empty items dropped. */
export function splitListCell(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i += 1) {
    const ch = cell[i];
    if (ch === '\\' && (cell[i + 1] === ';' || cell[i + 1] === '\\')) {
      current += cell[i + 1];
      i += 1;
    } else if (ch === ';') {
      items.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item.length > 0);
}

function getPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let current = target;
  for (const key of path.slice(0, -1)) {
    const next = current[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete current[last];
  else current[last] = value;
}

function formatCell(value: unknown, kind: Kind): string {
  if (value === undefined || value === null) return '';
  if (kind === 'list' && Array.isArray(value)) return joinListCell(value.map(String));
  if (kind === 'boolean' && typeof value === 'boolean') return value ? 'true' : 'false';
  if (kind === 'map' && typeof value === 'object') {
    return joinListCell(
      Object.entries(value as Record<string, unknown>).map(([key, items]) => `${key}: ${(Array.isArray(items) ? items : []).join(', ')}`),
    );
  }
  return String(value);
}

// ---------------------------------------------------------------------------------------------------
// Export

/** The inventory as CSV (RFC 4180, CRLF): a header of field names, then one row per data type. */
export function inventoryCsv(workspace: Workspace): string {
  const paths = INVENTORY_COLUMNS.map((c) => c.name.split('.'));
  const rows = workspace.dataTypes.map((dataType) =>
    INVENTORY_COLUMNS.map((column, i) => protectCell(formatCell(getPath(dataType, paths[i]), column.kind))),
  );
  const header = INVENTORY_COLUMNS.map((c) => protectCell(c.name));
  return `${Papa.unparse([header, ...rows], { newline: '\r\n', quotes: false })}\r\n`;
}

// ---------------------------------------------------------------------------------------------------
// Import

export interface ImportProblem {
  /** the line of the file where the problem's row starts (1 = the header); absent for the file as a whole */
  line?: number;
  /** the row as a spreadsheet numbers it (1 = the header); differs from `line` when a cell spans lines */
  record?: number;
  /** the column's header as written in the file */
  column?: string;
  message: string;
  /** errors stop the row (or, without a line, the whole file); warnings are for information */
  severity: 'error' | 'warning';
}

export type ImportAction = 'create' | 'update' | 'unchanged';

export interface InventoryImportRow {
  line: number;
  record: number;
  id: string;
  action: ImportAction;
  /** the data type as it would be saved; absent when the row has no usable id */
  dataType?: DataType;
  problems: ImportProblem[];
}

export interface InventoryImportPreview {
  rows: InventoryImportRow[];
  /** problems with the file itself; an error here blocks the whole import */
  problems: ImportProblem[];
  /** how each header cell was understood: the inventory column it fills, or none (ignored) */
  columns: { header: string; column?: string }[];
  /** true when the file can be imported (rows with problems are skipped) */
  canApply: boolean;
  counts: { create: number; update: number; unchanged: number; skipped: number };
  /** one sentence for the preview: what applying will do, and that rows with problems are skipped */
  summary: string;
}

function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const HEADER_INDEX: Map<string, InventoryColumn> = (() => {
  const index = new Map<string, InventoryColumn>();
  const lastParts = new Map<string, InventoryColumn[]>();
  for (const column of INVENTORY_COLUMNS) {
    index.set(normalizeHeader(column.name), column);
    const last = normalizeHeader(column.name.split('.').pop() as string);
    lastParts.set(last, [...(lastParts.get(last) ?? []), column]);
  }
  for (const [last, columns] of lastParts) if (columns.length === 1 && !index.has(last)) index.set(last, columns[0]);
  return index;
})();

// The delimiter and line break are read from the header line, whose cells are plain field names:
// guessing from the whole file could be misled by the `;` inside list cells. A spreadsheet saved in a
// locale that uses `;` between cells is read too.
function headerFormat(text: string): { delimiter: string; newline: '\r\n' | '\n' | '\r' | undefined } {
  const end = text.search(/[\r\n]/);
  const first = end === -1 ? text : text.slice(0, end);
  const delimiter = first.includes(',') ? ',' : first.includes(';') ? ';' : first.includes('\t') ? '\t' : ',';
  const newline = end === -1 ? undefined : text[end] === '\r' ? (text[end + 1] === '\n' ? '\r\n' : '\r') : '\n';
  return { delimiter, newline };
}

function countLineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i += 1) {
    const ch = text.charCodeAt(i);
    if (ch === 10) breaks += 1;
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) breaks += 1;
  }
  return breaks;
}

function sameDataType(a: DataType, b: DataType): boolean {
  return JSON.stringify(canonicalize({ dataTypes: [a] })) === JSON.stringify(canonicalize({ dataTypes: [b] }));
}

interface ParsedRecord {
  cells: string[];
  line: number;
  record: number;
}

function readRecords(text: string): { header: ParsedRecord | undefined; records: ParsedRecord[]; problems: ImportProblem[] } {
  const { delimiter, newline } = headerFormat(text);
  const records: ParsedRecord[] = [];
  const problems: ImportProblem[] = [];
  let start = 0;
  let line = 1;
  let record = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    newline,
    step: (result) => {
      record += 1;
      const cursor = result.meta.cursor;
      const cells = result.data;
      for (const error of result.errors) {
        const what =
          error.code === 'MissingQuotes'
            ? 'a quoted cell is never closed, so the rest of the file is read as one cell; add the closing quote (")'
            : error.code === 'InvalidQuotes'
              ? 'a cell has a quote (") in the middle of unquoted text; put the whole cell in quotes and write the quote twice ("")'
              : `${error.message}; check the quotes and separators on this line`;
        problems.push({ line, record, message: `The CSV cannot be read at line ${line}: ${what}.`, severity: 'error' });
      }
      records.push({ cells, line, record });
      line += countLineBreaks(text, start, cursor);
      start = cursor;
    },
  });
  const [header, ...rest] = records;
  return { header, records: rest.filter((r) => r.cells.some((c) => c.trim() !== '')), problems };
}

/**
 * Reads an inventory CSV against a workspace and says what importing it would do, row by row, with
 * every problem and where it is. Nothing is changed: pass the result to `applyInventoryImport`.
 */
export function parseInventoryCsv(text: string, workspace: Workspace): InventoryImportPreview {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const problems: ImportProblem[] = [];
  const empty = (message: string): InventoryImportPreview => ({
    rows: [],
    problems: [...problems, { message, severity: 'error' }],
    columns: [],
    canApply: false,
    counts: { create: 0, update: 0, unchanged: 0, skipped: 0 },
    summary: 'Nothing can be imported from this file.',
  });
  if (source.trim() === '')
    return empty('The file is empty: export the inventory as CSV to see the expected columns, then add rows below the header.');

  const parsed = readRecords(source);
  problems.push(...parsed.problems);
  const header = parsed.header;
  if (!header) return empty('The file has no header row: its first line must name the columns, such as id,name,category,purposes.');

  // Columns.
  const columns: { header: string; column?: string }[] = [];
  const byIndex = new Map<number, InventoryColumn>();
  const firstIndex = new Map<string, number>();
  header.cells.forEach((raw, index) => {
    const name = unprotectCell(raw).trim();
    const column = HEADER_INDEX.get(normalizeHeader(name));
    columns.push({ header: name, column: column?.name });
    if (!column) {
      if (name !== '') {
        problems.push({
          line: header.line,
          record: header.record,
          column: name,
          message: `The column "${name}" is not an inventory field and will be ignored; rename it to one of the exported column names (such as "benefit" or "retention.after") to import it.`,
          severity: 'warning',
        });
      }
      return;
    }
    const earlier = firstIndex.get(column.name);
    if (earlier !== undefined) {
      problems.push({
        line: header.line,
        record: header.record,
        column: name,
        message: `The columns "${columns[earlier].header}" and "${name}" both fill "${column.name}"; delete one of them.`,
        severity: 'error',
      });
      return;
    }
    firstIndex.set(column.name, index);
    byIndex.set(index, column);
  });
  const missing = REQUIRED_COLUMNS.filter((name) => !firstIndex.has(name));
  if (missing.length > 0) {
    problems.push({
      line: header.line,
      record: header.record,
      message: `The file has no ${missing.map((m) => `"${m}"`).join(', ')} column${missing.length > 1 ? 's' : ''}; add ${missing.length > 1 ? 'them' : 'it'} to the header (the exported CSV has every column).`,
      severity: 'error',
    });
  }
  const headerOf = (columnName: string) => columns[firstIndex.get(columnName) as number]?.header ?? columnName;
  const fileBlocked = () => problems.some((p) => p.severity === 'error');

  // Rows to data types.
  const existingIndex = new Map(workspace.dataTypes.map((d, i) => [d.id, i]));
  const seen = new Map<string, number>();
  const rows: InventoryImportRow[] = [];
  // Cells that could not be read, so validation's "is required" is not reported for them as well.
  const unreadable = new Map<InventoryImportRow, Set<string>>();
  const idColumn = firstIndex.get('id');
  for (const record of parsed.records) {
    const rowProblems: ImportProblem[] = [];
    const at = (column: string | undefined, message: string): ImportProblem => ({
      line: record.line,
      record: record.record,
      column,
      message,
      severity: 'error',
    });
    const id = idColumn === undefined ? '' : unprotectCell(record.cells[idColumn] ?? '').trim();
    const existing = existingIndex.has(id) ? workspace.dataTypes[existingIndex.get(id) as number] : undefined;
    const row: InventoryImportRow = {
      line: record.line,
      record: record.record,
      id,
      action: existing ? 'update' : 'create',
      problems: rowProblems,
    };
    rows.push(row);
    unreadable.set(row, new Set());

    if (record.cells.length > header.cells.length && record.cells.slice(header.cells.length).some((c) => c.trim() !== '')) {
      rowProblems.push(
        at(
          undefined,
          `Line ${record.line} has ${record.cells.length} cells but the header has ${header.cells.length}; a value probably contains an unquoted comma: put that cell in quotes.`,
        ),
      );
    }
    if (idColumn === undefined) continue;
    if (id === '') {
      rowProblems.push(
        at(
          headerOf('id'),
          'The id is empty; give the row the id of the data type it updates, or a new id such as "email-address" to add one.',
        ),
      );
      continue;
    }
    const previous = seen.get(id);
    if (previous !== undefined) {
      rowProblems.push(
        at(headerOf('id'), `The id "${id}" is also on line ${previous}; each data type may appear only once, so merge the two rows.`),
      );
      continue;
    }
    seen.set(id, record.line);

    const draft: Record<string, unknown> = existing ? structuredClone(existing) : {};
    for (const [index, column] of byIndex) {
      const path = column.name.split('.');
      const cell = unprotectCell(record.cells[index] ?? '');
      const trimmed = cell.trim();
      let value: unknown;
      switch (column.kind) {
        case 'text':
          value = cell === '' ? undefined : cell;
          break;
        case 'token':
          value = trimmed === '' ? undefined : trimmed;
          break;
        case 'list': {
          const items = splitListCell(cell);
          value = items.length ? items : undefined;
          break;
        }
        case 'boolean': {
          const lower = trimmed.toLowerCase();
          if (lower === '') value = undefined;
          else if (lower === 'true' || lower === 'yes') value = true;
          else if (lower === 'false' || lower === 'no') value = false;
          else {
            rowProblems.push(at(columns[index].header, `"${trimmed}" is not true or false; write true, false, or leave the cell empty.`));
            unreadable.get(row)?.add(column.name);
            value = undefined;
          }
          break;
        }
        case 'map': {
          const entries = splitListCell(cell).map((item) => /^\s*([^:\s]+)\s*:\s*(.*)$/.exec(item));
          const bad = entries.findIndex((m) => !m || m[2].split(',').every((v) => v.trim() === ''));
          if (bad !== -1) {
            rowProblems.push(
              at(
                columns[index].header,
                `"${splitListCell(cell)[bad].trim()}" does not say which purposes; write a recipient id, a colon and its purpose ids separated by commas, with entries separated by ";", such as "brevo: newsletter, support; twilio: alerts".`,
              ),
            );
            unreadable.get(row)?.add(column.name);
            value = undefined;
          } else {
            value = entries.length
              ? Object.fromEntries(
                  entries.map((m) => [
                    m![1],
                    m![2]
                      .split(',')
                      .map((v) => v.trim())
                      .filter(Boolean),
                  ]),
                )
              : undefined;
          }
          break;
        }
        case 'integer':
          if (trimmed === '') value = undefined;
          else if (/^\d{1,9}$/.test(trimmed)) value = Number(trimmed);
          else {
            rowProblems.push(
              at(columns[index].header, `"${trimmed}" is not a whole number; write a number of days, weeks, months or years such as 30.`),
            );
            unreadable.get(row)?.add(column.name);
            value = undefined;
          }
          break;
      }
      setPath(draft, path, value);
    }
    for (const path of NESTED_OBJECTS) {
      const object = getPath(draft, path);
      if (typeof object === 'object' && object !== null && Object.keys(object).length === 0) setPath(draft, path, undefined);
    }
    row.dataType = draft as DataType;
    if (existing && sameDataType(existing, row.dataType)) row.action = 'unchanged';
  }

  // Every row in the context of the workspace as it would be.
  const candidates = rows.filter((r) => r.dataType);
  const dataTypes = [...workspace.dataTypes];
  const rowAt = new Map<number, InventoryImportRow>();
  for (const row of candidates) {
    const index = existingIndex.get(row.id);
    if (index !== undefined) {
      dataTypes[index] = row.dataType as DataType;
      rowAt.set(index, row);
    } else {
      rowAt.set(dataTypes.length, row);
      dataTypes.push(row.dataType as DataType);
    }
  }
  const before = validateComplete(workspace);
  const known = new Set(before.problems.map((p) => `${p.path}\n${p.message}`));
  const after = validateComplete({ ...workspace, dataTypes });
  for (const problem of after.problems) {
    const [list, index, ...rest] = parsePath(problem.path);
    const row = list === 'dataTypes' && typeof index === 'number' ? rowAt.get(index) : undefined;
    if (!row) {
      if (!known.has(`${problem.path}\n${problem.message}`))
        problems.push({ message: `${problem.path}: ${problem.message}`, severity: 'error' });
      continue;
    }
    const column = columnFor(rest);
    if (column && unreadable.get(row)?.has(column)) continue;
    row.problems.push({
      line: row.line,
      record: row.record,
      column: column ? (firstIndex.has(column) ? headerOf(column) : column) : undefined,
      message: describeProblem(problem.message, column, getPath(row.dataType, rest.map(String))),
      severity: 'error',
    });
  }

  const blocked = fileBlocked();
  const counts = { create: 0, update: 0, unchanged: 0, skipped: 0 };
  for (const row of rows) {
    if (row.problems.length > 0) counts.skipped += 1;
    else counts[row.action] += 1;
  }
  return { rows, problems, columns, canApply: !blocked, counts, summary: summarize(counts, blocked, rows.length) };
}

/** The inventory column a validation path inside a data type points at. */
function columnFor(path: (string | number)[]): string | undefined {
  const keys = path.filter((p): p is string => typeof p === 'string');
  // "a period needs the event it counts from" is about the retention as a whole; the fix is "after".
  if (keys.length === 1 && keys[0] === 'retention') return 'retention.after';
  for (let n = keys.length; n > 0; n -= 1) {
    const name = keys.slice(0, n).join('.');
    if (INVENTORY_COLUMNS.some((c) => c.name === name)) return name;
  }
  return undefined;
}

function describeProblem(message: string, column: string | undefined, value: unknown): string {
  const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`.replace(/[.\s]*$/, '.');
  // Messages that name the value already read as a sentence: '"user.foo" is not a data category …'.
  if (!column || message.startsWith('"') || message.startsWith('no ')) return sentence(message);
  if (message === 'is required' || message.startsWith('must list at least')) return `"${column}" is empty; this column must have a value.`;
  const found = typeof value === 'string' || typeof value === 'number' ? ` (found "${value}")` : '';
  return sentence(`"${column}" ${message}${found}`);
}

function summarize(counts: InventoryImportPreview['counts'], blocked: boolean, total: number): string {
  if (blocked) return 'Nothing will be imported until the problems with the file are fixed.';
  if (total === 0) return 'The file has no rows below its header; nothing will change.';
  const parts: string[] = [];
  if (counts.create) parts.push(`${count(counts.create, 'data type')} will be added`);
  if (counts.update) parts.push(`${count(counts.update, 'data type')} will be updated`);
  if (counts.unchanged) parts.push(`${count(counts.unchanged, 'row is', 'rows are')} unchanged`);
  const done = parts.length ? `${parts.join(', ')}.` : 'Nothing will change.';
  if (counts.skipped === 0) return done;
  return `${done} ${count(counts.skipped, 'row has', 'rows have')} problems and will be skipped: fix ${counts.skipped === 1 ? 'it' : 'them'} and import the file again (rows already imported then show as unchanged).`;
}

export type InventoryImportResult =
  { ok: true; workspace: Workspace; created: string[]; updated: string[]; skipped: number } | { ok: false; problems: ImportProblem[] };

/**
 * The workspace with the preview's rows applied: rows without problems create or update their data
 * type (by id); rows with problems are skipped. Returns problems instead when the file itself cannot be
 * imported, or when the workspace changed since the preview so that the result would not be valid.
 */
export function applyInventoryImport(workspace: Workspace, preview: InventoryImportPreview): InventoryImportResult {
  if (!preview.canApply) {
    return { ok: false, problems: preview.problems.filter((p) => p.severity === 'error') };
  }
  const dataTypes = [...workspace.dataTypes];
  const indexOf = new Map(dataTypes.map((d, i) => [d.id, i]));
  const created: string[] = [];
  const updated: string[] = [];
  for (const row of preview.rows) {
    if (row.problems.length > 0 || !row.dataType || row.action === 'unchanged') continue;
    const index = indexOf.get(row.id);
    if (index !== undefined) {
      dataTypes[index] = row.dataType;
      updated.push(row.id);
    } else {
      indexOf.set(row.id, dataTypes.length);
      dataTypes.push(row.dataType);
      created.push(row.id);
    }
  }
  const next = { ...workspace, dataTypes };
  const known = new Set(validateComplete(workspace).problems.map((p) => `${p.path}\n${p.message}`));
  const introduced = validateComplete(next).problems.filter((p) => !known.has(`${p.path}\n${p.message}`));
  if (introduced.length > 0) {
    return {
      ok: false,
      problems: introduced.map((p) => ({
        message: `${p.path}: ${p.message}. The workspace changed after the preview was made; read the file again to see a new preview.`,
        severity: 'error' as const,
      })),
    };
  }
  return { ok: true, workspace: next, created, updated, skipped: preview.counts.skipped };
}

/** "line 4, column purposes" — where a problem is, for messages and the command line. */
export function formatImportLocation(problem: ImportProblem): string {
  const parts: string[] = [];
  if (problem.line !== undefined)
    parts.push(
      problem.record !== undefined && problem.record !== problem.line
        ? `line ${problem.line} (row ${problem.record})`
        : `line ${problem.line}`,
    );
  if (problem.column) parts.push(`column ${problem.column}`);
  return parts.join(', ');
}
