// The incident register file as text: reading it with a verdict (a register, one from a newer Candor, or
// refused with the reason), validating it with every problem and its path, and writing it canonically
// (keys in the schema's order, two-space indent, final newline, optional empty fields left out), as the
// workspace is written (core/canonical.ts). Pure: the caller reads and writes the bytes.
import { z } from 'zod';
import { FORMAT as WORKSPACE_FORMAT } from '../schema';
import { fieldsOf, isOptionalField, objectSchemaOf } from '../schema-fields';
import { describeIssue, formatPath, type Problem } from '../validate';
import { jsonError } from '../read';
import { INCIDENTS_FORMAT, INCIDENTS_FORMAT_VERSION, IncidentRegisterSchema, type IncidentRegister } from './schema';

interface Shape {
  keys: readonly string[];
  nested: Record<string, Shape>;
  keep: readonly string[];
  /** maps whose keys come from a fixed list (residents by place): written in that list's order */
  keyOrder: Record<string, readonly string[]>;
}

/** A record's fixed key list, through the optional wrapper; undefined for anything else. */
function recordKeys(schema: z.ZodType): readonly string[] | undefined {
  const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  if (!(inner instanceof z.ZodRecord)) return undefined;
  const key = inner.keyType as z.ZodType;
  return key instanceof z.ZodEnum ? (key.options as readonly string[]) : undefined;
}

function shapeOf(schema: z.ZodObject): Shape {
  const fields = fieldsOf(schema);
  const nested: Record<string, Shape> = {};
  const keyOrder: Record<string, readonly string[]> = {};
  for (const [key, field] of fields) {
    const inner = objectSchemaOf(field);
    if (inner) nested[key] = shapeOf(inner);
    const order = recordKeys(field);
    if (order) keyOrder[key] = order;
  }
  return {
    keys: fields.map(([key]) => key),
    nested,
    keep: fields.filter(([, field]) => !isOptionalField(field)).map(([key]) => key),
    keyOrder,
  };
}

const REGISTER: Shape = shapeOf(IncidentRegisterSchema);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}

function ordered(value: unknown, shape: Shape | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, shape));
  if (!shape || !isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of shape.keys) {
    if (!(key in value)) continue;
    let inner = ordered(value[key], shape.nested[key]);
    const order = shape.keyOrder[key];
    if (order && isPlainObject(inner)) {
      const map = inner;
      const known = order.filter((k) => k in map);
      inner = Object.fromEntries([...known, ...Object.keys(map).filter((k) => !order.includes(k))].map((k) => [k, map[k]]));
    }
    if (isEmpty(inner) && !shape.keep.includes(key)) continue;
    out[key] = inner === undefined ? null : inner;
  }
  // Keys from a newer minor revision of the format stay, after the known ones, in their own order.
  for (const key of Object.keys(value)) {
    if (!shape.keys.includes(key) && value[key] !== undefined) out[key] = value[key];
  }
  return out;
}

/** The register in canonical key order, optional empty fields removed. */
export function canonicalizeRegister(register: IncidentRegister | Record<string, unknown>): Record<string, unknown> {
  return ordered(register, REGISTER) as Record<string, unknown>;
}

/** The exact text Candor writes for a register. */
export function serializeRegister(register: IncidentRegister | Record<string, unknown>): string {
  return `${JSON.stringify(canonicalizeRegister(register), null, 2)}\n`;
}

export type RegisterValidation = { ok: true; register: IncidentRegister } | { ok: false; problems: Problem[] };

/**
 * The register's structure, every problem at once with its path (`incidents[2].discoveredAt`). Beyond
 * the schema, incident ids must be unique: drafts and the command line find an incident by its id.
 */
export function validateRegister(input: unknown): RegisterValidation {
  const parsed = IncidentRegisterSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue) })),
    };
  }
  const problems: Problem[] = [];
  const first = new Map<string, number>();
  parsed.data.incidents.forEach((incident, index) => {
    const earlier = first.get(incident.id);
    if (earlier === undefined) first.set(incident.id, index);
    else
      problems.push({
        path: `incidents[${index}].id`,
        message: `"${incident.id}" is already the id of incidents[${earlier}]; give each incident its own id`,
      });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, register: parsed.data };
}

export type RegisterReadResult =
  | { kind: 'ok'; register: IncidentRegister }
  /** cannot be a register at all: empty, damaged, not JSON, another format */
  | { kind: 'unreadable'; reason: string }
  /** written by a newer Candor: never written by this one */
  | { kind: 'newer-version'; version: number; reason: string }
  | { kind: 'invalid'; problems: Problem[] };

const BOM = '\uFEFF';

/** Parses and validates the text of a register file. A UTF-8 byte-order mark is accepted. */
export function readRegisterText(raw: string): RegisterReadResult {
  const text = raw.startsWith(BOM) ? raw.slice(1) : raw;
  if (text.trim().length === 0) {
    return { kind: 'unreadable', reason: 'is empty; restore a backup, or delete it and Candor starts a new register' };
  }
  if (text.includes('\u0000')) {
    return { kind: 'unreadable', reason: 'contains NUL bytes, so it was damaged (a crash or a full disk during a save); restore a backup' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', reason: jsonError(text, error) };
  }
  if (!isPlainObject(data)) {
    const what = data === null ? 'null' : Array.isArray(data) ? 'a list' : `a single ${typeof data}`;
    return { kind: 'unreadable', reason: `contains ${what} instead of an incident register ({ "format": "${INCIDENTS_FORMAT}", … })` };
  }
  if (data.format === WORKSPACE_FORMAT) {
    return {
      kind: 'unreadable',
      reason: `is a Candor workspace, not an incident register; the register is a file of its own (format "${INCIDENTS_FORMAT}"), so rename or move this file`,
    };
  }
  if (data.format !== INCIDENTS_FORMAT) {
    return {
      kind: 'unreadable',
      reason: `is not a Candor incident register: its "format" is ${JSON.stringify(data.format) ?? 'missing'}, expected "${INCIDENTS_FORMAT}"`,
    };
  }
  const version = data.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > INCIDENTS_FORMAT_VERSION) {
    return {
      kind: 'newer-version',
      version,
      reason: `was written by a newer version of Candor (incident register format version ${version}); this version reads format version ${INCIDENTS_FORMAT_VERSION} and never writes over it. Update Candor`,
    };
  }
  const result = validateRegister(data);
  return result.ok ? { kind: 'ok', register: result.register } : { kind: 'invalid', problems: result.problems };
}

/** "incidents[0].discoveredAt must be … (and 2 more problems)" */
export function summarizeProblems(problems: readonly Problem[]): string {
  const first = problems[0];
  const where = first.path ? `${first.path} ${first.message}` : first.message;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return `${where}${more}`;
}
