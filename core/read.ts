// Turning the text of a workspace file into a workspace, or into the reason it cannot be one.
// Pure: the caller reads the bytes; this decides what they mean.
import { FORMAT, FORMAT_VERSION, type Workspace } from './schema';
import { validateWorkspace, type Problem } from './validate';

export type ReadResult =
  /** The file is a valid workspace. */
  | { kind: 'ok'; workspace: Workspace }
  /** The file cannot be a workspace at all: empty, damaged, not JSON, not an object. */
  | { kind: 'unreadable'; reason: string }
  /** Written by a newer Candor: can be shown, must not be written. */
  | { kind: 'newer-version'; version: number; reason: string; data: Record<string, unknown> }
  /** A workspace with problems; nothing may be written until they are fixed. */
  | { kind: 'invalid'; problems: Problem[] };

const BOM = '\uFEFF';

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

export function jsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const atEnd = position !== null && Number(position[1]) >= text.trimEnd().length - 1;
  if (atEnd || /end of (JSON )?input|Unterminated|Unexpected end/i.test(message)) {
    return 'is not complete JSON: it ends in the middle of the data, so it was probably cut short (an interrupted save or copy); restore a backup or the version from git';
  }
  const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
  // The parser's message may quote the text ('Unexpected token 'r', "root:x:0:0"... is not valid JSON'):
  // keep only its words before the first quote, so an error never shows what the file holds.
  const detail = message
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/^JSON\.parse: /, '')
    .split(/["'`]/)[0]
    .replace(/[\s,:;(]+$/, '');
  return `is not valid JSON${where} (${detail || 'not JSON syntax'}); fix it in a text editor or restore a backup`;
}

export function isNewerVersion(data: Record<string, unknown>): number | undefined {
  const version = data.version;
  return typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION ? version : undefined;
}

export function newerVersionReason(version: number): string {
  return `was written by a newer version of Candor (workspace format version ${version}); this version of Candor reads format version ${FORMAT_VERSION}, so it opens the file read-only. Update Candor to edit it`;
}

/** Parses and validates workspace text. A UTF-8 byte-order mark is accepted. */
export function readWorkspaceText(raw: string): ReadResult {
  const text = raw.startsWith(BOM) ? raw.slice(1) : raw;
  if (text.length === 0) {
    return { kind: 'unreadable', reason: 'is empty (0 bytes); restore a backup, or create a new workspace' };
  }
  if (text.includes('\u0000')) {
    return {
      kind: 'unreadable',
      reason: 'contains NUL bytes, so it was damaged (often by a crash or a full disk during a save by another program); restore a backup',
    };
  }
  if (text.trim().length === 0) {
    return { kind: 'unreadable', reason: 'contains only blank space, no workspace; restore a backup, or create a new workspace' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', reason: jsonError(text, error) };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const what = data === null ? 'null' : Array.isArray(data) ? 'a list' : `a single ${typeof data}`;
    return {
      kind: 'unreadable',
      reason: `contains ${what} instead of a workspace object ({ "format": "${FORMAT}", … })`,
    };
  }
  const record = data as Record<string, unknown>;
  if (record.format !== undefined && record.format !== FORMAT) {
    return {
      kind: 'unreadable',
      reason: `is not a Candor workspace: its "format" is ${JSON.stringify(record.format)}, expected "${FORMAT}"`,
    };
  }
  const newer = isNewerVersion(record);
  if (newer !== undefined) {
    return { kind: 'newer-version', version: newer, reason: newerVersionReason(newer), data: record };
  }
  // Just parsed, so nobody else holds it: a valid file is kept as parsed rather than copied.
  const result = validateWorkspace(record, { fresh: true });
  return result.ok ? { kind: 'ok', workspace: result.workspace } : { kind: 'invalid', problems: result.problems };
}
