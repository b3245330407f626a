// Canonical writing: keys in the order of the format page, two-space indent, final newline,
// optional empty fields omitted, unknown keys kept after the known ones. Idempotent by construction.
// The order and the fields always written come from the schema (schema.ts), which lists every object's
// fields in the format page's order; a field added there is written in its place without more ado.
import { fieldsOf, isAnyJsonField, isOptionalField, objectSchemaOf } from './schema-fields';
import { WorkspaceSchema, type Workspace } from './schema';
import type { z } from 'zod';

interface Shape {
  /** known keys, in the format page's order */
  keys: readonly string[];
  /** shapes of nested objects, or of the items of a list of objects */
  nested?: Record<string, Shape>;
  /** keys that are always written, even when empty: the required ones, and values of any JSON */
  keep?: readonly string[];
}

function shapeOf(schema: z.ZodObject): Shape {
  const fields = fieldsOf(schema);
  const nested: Record<string, Shape> = {};
  for (const [key, field] of fields) {
    const inner = objectSchemaOf(field);
    if (inner) nested[key] = shapeOf(inner);
  }
  return {
    keys: fields.map(([key]) => key),
    nested,
    keep: fields.filter(([, field]) => !isOptionalField(field) || isAnyJsonField(field)).map(([key]) => key),
  };
}

const WORKSPACE: Shape = shapeOf(WorkspaceSchema);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}

// Called for every value of a workspace on every save, so it avoids a closure per object.
function orderValue(value: unknown, shape: Shape | undefined): unknown {
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) items[i] = orderValue(value[i], shape);
    return items;
  }
  if (!shape || !isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of shape.keys) {
    if (!(key in value)) continue;
    const ordered = orderValue(value[key], shape.nested?.[key]);
    if (isEmpty(ordered) && !shape.keep?.includes(key)) continue;
    out[key] = ordered === undefined ? null : ordered;
  }
  // Keys from a newer minor revision of the format stay, after the known ones, in their own order.
  for (const key of Object.keys(value)) {
    if (!shape.keys.includes(key) && value[key] !== undefined) out[key] = value[key];
  }
  return out;
}

/** The workspace as an object in canonical key order with optional empty fields removed. */
export function canonicalize(workspace: Workspace | Record<string, unknown>): Record<string, unknown> {
  return orderValue(workspace, WORKSPACE) as Record<string, unknown>;
}

const LIST_KEYS = new Set<string>(['purposes', 'recipients', 'collectionPoints', 'dataTypes']);

function indentLines(text: string, indent: string): string {
  return text.replace(/\n/g, `\n${indent}`);
}

/** The exact text Candor writes for a workspace. */
export function serializeWorkspace(workspace: Workspace | Record<string, unknown>): string {
  return `${JSON.stringify(canonicalize(workspace), null, 2)}\n`;
}

const encoder = new TextEncoder();
/** between two entries of a list: encoded once, since a save of 2,000 entries writes it 2,000 times */
const ENTRY_SEPARATOR = encoder.encode(',\n');

/**
 * `serializeWorkspace(workspace)` in pieces, in order: the text around the four lists as `text` makes
 * it, and each entry of them as `entry` makes it, given a function that writes an entry (possibly
 * changed first, as `make(copy)`) as it stands in the file. A caller can keep what it made per entry
 * object and make only what changed.
 */
function canonicalPieces<T>(
  workspace: Workspace | Record<string, unknown>,
  text: (text: string) => T,
  separator: T,
  entry: (list: string, value: object, make: (value: object) => string) => T,
): T[] {
  const record = workspace as Record<string, unknown>;
  const pieces: T[] = [];
  let pending = '{\n';
  let first = true;
  const flush = () => {
    if (pending) pieces.push(text(pending));
    pending = '';
  };
  const key = (name: string) => {
    pending += `${first ? '' : ',\n'}  ${JSON.stringify(name)}: `;
    first = false;
  };
  for (const name of WORKSPACE.keys) {
    if (!(name in record)) continue;
    const value = record[name];
    const shape = WORKSPACE.nested?.[name];
    key(name);
    if (LIST_KEYS.has(name) && Array.isArray(value) && value.length > 0) {
      pending += '[\n';
      flush();
      const make = (item: object) => `    ${indentLines(JSON.stringify(orderValue(item, shape), null, 2), '    ')}`;
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index];
        if (index > 0) pieces.push(separator);
        if (typeof item !== 'object' || item === null) pieces.push(text(`    ${JSON.stringify(item)}`));
        else pieces.push(entry(name, item, make));
      }
      pending += '\n  ]';
      continue;
    }
    if (Array.isArray(value) && value.length === 0 && LIST_KEYS.has(name)) {
      pending += '[]';
      continue;
    }
    const ordered = orderValue(value, shape);
    pending += ordered === undefined ? 'null' : indentLines(JSON.stringify(ordered, null, 2), '  ');
  }
  for (const name of Object.keys(record)) {
    if (WORKSPACE.keys.includes(name) || record[name] === undefined) continue;
    key(name);
    pending += indentLines(JSON.stringify(record[name], null, 2), '  ');
  }
  pending += '\n}\n';
  flush();
  return pieces;
}

/**
 * `serializeWorkspace(workspace)` as a list of strings whose concatenation is that text, each entry of
 * the four lists kept in `cache` (keyed by the immutable entry object) once written; `prepare` may change
 * an entry before it is written (the copy is what is cached, under the original).
 */
export function serializeWorkspacePieces(
  workspace: Workspace | Record<string, unknown>,
  cache: WeakMap<object, string>,
  prepare: (list: string, entry: object) => object = (_list, entry) => entry,
): string[] {
  return canonicalPieces(
    workspace,
    (text) => text,
    ',\n',
    (list, value, make) => {
      let written = cache.get(value);
      if (written === undefined) {
        written = make(prepare(list, value));
        cache.set(value, written);
      }
      return written;
    },
  );
}

/**
 * The bytes of `serializeWorkspace(workspace)` in UTF-8, assembled from per-entry bytes kept in
 * `cache` (keyed by the immutable entry objects): after an edit only the changed entry is encoded,
 * and the file is a copy of cached bytes rather than a 3 MB string to build and encode again.
 * `allocate` gives the memory the bytes are copied into (exactly `length` bytes), so a caller can
 * reuse one buffer from save to save.
 */
export function encodeWorkspace(
  workspace: Workspace | Record<string, unknown>,
  cache: WeakMap<object, Uint8Array>,
  allocate: (length: number) => Uint8Array = (length) => new Uint8Array(length),
): Uint8Array {
  const chunks = canonicalPieces(
    workspace,
    (text) => encoder.encode(text),
    ENTRY_SEPARATOR,
    (_list, value, make) => {
      let bytes = cache.get(value);
      if (!bytes) {
        bytes = encoder.encode(make(value));
        cache.set(value, bytes);
      }
      return bytes;
    },
  );
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = allocate(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
