import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalize, encodeWorkspace, serializeWorkspace, serializeWorkspacePieces } from './canonical';
import type { z } from 'zod';
import { readWorkspaceText } from './read';
import { WorkspaceSchema } from './schema';
import { fieldsOf, objectSchemaOf } from './schema-fields';
import { validateWorkspace } from './validate';
import { workspaceArbitrary } from './testing/arbitraries';
import { minimalWorkspace } from './testing/fixtures';

describe('serializeWorkspace', () => {
  it('writes the shared Little Moments example byte for byte as it is', () => {
    const text = readFileSync(new URL('../resources/examples/little-moments.candor.json', import.meta.url), 'utf8');
    const result = readWorkspaceText(text);
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') expect(serializeWorkspace(result.workspace)).toBe(text);
  });

  it('orders keys as the format page lists them, whatever order they came in', () => {
    const shuffled = {
      settings: { locale: 'en', effectiveDate: '2026-01-01' },
      dataTypes: [
        {
          purposes: ['p'],
          category: 'user',
          name: 'N',
          id: 'n',
          retention: { criteria: 'c', after: 'collection', period: { unit: 'days', value: 1 } },
        },
      ],
      collectionPoints: [],
      recipients: [],
      purposes: [{ name: 'P', id: 'p' }],
      organization: { jurisdictions: ['gdpr'], name: 'Org' },
      version: 1,
      format: 'candor/workspace',
    };
    const text = serializeWorkspace(shuffled);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'format',
      'version',
      'organization',
      'purposes',
      'recipients',
      'collectionPoints',
      'dataTypes',
      'settings',
    ]);
    expect(text).toContain(
      '"retention": {\n        "period": {\n          "value": 1,\n          "unit": "days"\n        },\n        "after": "collection",\n        "criteria": "c"',
    );
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "format": "candor/workspace",');
  });

  it('omits empty optional fields but keeps the lists a workspace always has', () => {
    const w: any = minimalWorkspace();
    w.organization.legalName = '';
    w.organization.dpo = {};
    w.dataTypes[0].recipients = [];
    w.dataTypes[0].notes = undefined;
    w.dataTypes[0].inApp = { short: '' };
    w.recipients = [];
    const out = canonicalize(w) as any;
    expect(out.organization).not.toHaveProperty('legalName');
    expect(out.organization).not.toHaveProperty('dpo');
    expect(out.dataTypes[0]).not.toHaveProperty('recipients');
    expect(out.dataTypes[0]).not.toHaveProperty('notes');
    expect(out.dataTypes[0]).not.toHaveProperty('inApp');
    expect(out.recipients).toEqual([]);
    expect(out.dataTypes[0].required).toBeUndefined();
  });

  it('keeps false booleans, which say something', () => {
    const w: any = minimalWorkspace();
    w.dataTypes[0].required = false;
    w.dataTypes[0].linkedToIdentity = false;
    const out = canonicalize(w) as any;
    expect(out.dataTypes[0].required).toBe(false);
    expect(out.dataTypes[0].linkedToIdentity).toBe(false);
  });

  it('keeps unknown keys after the known ones, in their own order', () => {
    const w: any = { ...minimalWorkspace(), zeta: 1, alpha: { b: 1, a: 2 } };
    w.dataTypes[0] = { future: 'x', ...w.dataTypes[0] };
    const out = JSON.parse(serializeWorkspace(w));
    expect(Object.keys(out).slice(-2)).toEqual(['zeta', 'alpha']);
    expect(Object.keys(out.alpha)).toEqual(['b', 'a']);
    expect(Object.keys(out.dataTypes[0]).at(-1)).toBe('future');
  });

  it('survives write → read unchanged, and writing is idempotent, for any valid workspace', () => {
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }), (workspace) => {
        expect(validateWorkspace(workspace)).toMatchObject({ ok: true });
        const text = serializeWorkspace(workspace);
        const read = readWorkspaceText(text);
        expect(read.kind).toBe('ok');
        if (read.kind !== 'ok') return;
        expect(read.workspace).toEqual(JSON.parse(text));
        expect(canonicalize(read.workspace)).toEqual(canonicalize(workspace));
        expect(serializeWorkspace(read.workspace)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});

describe('encodeWorkspace', () => {
  it('gives the UTF-8 bytes of the canonical text, for any workspace, from a cold or warm cache', () => {
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }), (workspace) => {
        const cache = new WeakMap<object, Uint8Array>();
        // Compared as text: deep equality of large byte arrays is slow, and decoding UTF-8 is exact.
        const expected = serializeWorkspace(workspace);
        const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        expect(decode(encodeWorkspace(workspace, cache))).toBe(expected);
        expect(decode(encodeWorkspace(workspace, cache))).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('encodes an edited entry anew and takes the others from the cache', () => {
    const cache = new WeakMap<object, Uint8Array>();
    const w: any = { ...minimalWorkspace(), unknownTop: [1, { a: 2 }] };
    encodeWorkspace(w, cache);
    const edited = { ...w, dataTypes: [{ ...w.dataTypes[0], benefit: 'Changed' }] };
    expect(new TextDecoder().decode(encodeWorkspace(edited, cache))).toBe(serializeWorkspace(edited));
    expect(cache.has(w.purposes[0])).toBe(true);
    expect(cache.has(edited.dataTypes[0])).toBe(true);
  });
});

describe('serializeWorkspacePieces', () => {
  it('joins to the canonical text, for any workspace, from a cold or warm cache', () => {
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }), (workspace) => {
        const cache = new WeakMap<object, string>();
        const expected = serializeWorkspace(workspace);
        expect(serializeWorkspacePieces(workspace, cache).join('')).toBe(expected);
        expect(serializeWorkspacePieces(workspace, cache).join('')).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('writes each entry as `prepare` changed it, keeps it under the original, and writes an edited entry anew', () => {
    const cache = new WeakMap<object, string>();
    const w: any = minimalWorkspace();
    const withoutNotes = (list: string, entry: object) => {
      if (list !== 'dataTypes') return entry;
      const { notes: _notes, ...rest } = entry as Record<string, unknown>;
      return rest;
    };
    const noted = { ...w, dataTypes: [{ ...w.dataTypes[0], notes: 'internal' }] };
    const plainText = serializeWorkspace(w);
    expect(serializeWorkspacePieces(noted, cache, withoutNotes).join('')).toBe(plainText);
    expect(cache.get(noted.dataTypes[0])).not.toContain('internal');
    const edited = { ...noted, dataTypes: [{ ...noted.dataTypes[0], benefit: 'Changed' }] };
    expect(serializeWorkspacePieces(edited, cache, withoutNotes).join('')).toBe(
      serializeWorkspace({ ...w, dataTypes: [{ ...w.dataTypes[0], benefit: 'Changed' }] }),
    );
  });
});

describe('the canonical order and the format page (docs/workspace-format.md)', () => {
  const page = readFileSync(new URL('../docs/workspace-format.md', import.meta.url), 'utf8');

  /** The text of one "## name" section of the page. */
  function section(name: string): string {
    const start = page.indexOf(`\n## ${name}\n`);
    expect(start, `the page has a section "## ${name}"`).toBeGreaterThan(-1);
    const end = page.indexOf('\n## ', start + 1);
    return page.slice(start, end === -1 ? undefined : end);
  }

  /** The rows of a section's field table: the field names (a row may name two: "id, name") and the type. */
  function tableRows(text: string): { fields: string[]; type: string }[] {
    return text
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| field ') && !line.startsWith('|---'))
      .map((line) => {
        const [field, type] = line
          .slice(2)
          .split(/ (?<!\\)\| /)
          .map((cell) => cell.trim());
        return { fields: field.split(/,\s*/), type };
      });
  }

  /** The keys an object type such as `{ name, url? }` or `[{ region: "eu" \| "uk", name }]` lists, in order. */
  function objectKeys(type: string): string[] | undefined {
    const text = type.replace(/^\[(\{.*\})\]$/, '$1');
    if (!text.startsWith('{')) return undefined;
    const pieces: string[] = [];
    let depth = 0;
    let piece = '';
    for (const char of text.slice(1, text.lastIndexOf('}'))) {
      if ('{['.includes(char)) depth++;
      if ('}]'.includes(char)) depth--;
      if (depth === 0 && (char === ',' || char === ';')) {
        pieces.push(piece);
        piece = '';
      } else piece += char;
    }
    pieces.push(piece);
    // A key starts its piece in lower case ("minimumAge?: integer", "name"); the rest of a piece that
    // continues a list of values ("Analytics") does not.
    return pieces.map((p) => /^\s*([a-z][A-Za-z0-9]*)\??\s*(?::|$)/.exec(p)?.[1]).filter((key): key is string => key !== undefined);
  }

  /** An object with the given keys in reverse order, each holding something that is not empty. */
  function reversed(keys: string[], nested: Record<string, { keys: string[]; list: boolean }> = {}): Record<string, unknown> {
    return Object.fromEntries(
      keys.toReversed().map((key) => {
        const inner = nested[key];
        if (!inner) return [key, 'x'];
        return [key, inner.list ? [reversed(inner.keys)] : reversed(inner.keys)];
      }),
    );
  }

  /** The object, or the first object of a list. */
  function first(value: unknown): Record<string, unknown> {
    return (Array.isArray(value) ? value[0] : value) as Record<string, unknown>;
  }

  const fieldNames = (schema: z.ZodObject) => fieldsOf(schema).map(([key]) => key);

  it('writes the top level in the order of the page', () => {
    const block = /## Top level\n```json\n([\s\S]*?)```/.exec(page)![1];
    const keys = [...block.matchAll(/^\s+"(\w+)":/gm)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(5);
    expect(Object.keys(canonicalize(reversed(keys)))).toEqual(keys);
    expect(fieldNames(WorkspaceSchema)).toEqual(keys);
  });

  it.each(['organization', 'purposes', 'recipients', 'collectionPoints', 'dataTypes', 'settings', 'review', 'mergeConflicts'])(
    'writes the fields of %s, and of the objects inside them, in the order of the page',
    (name) => {
      const rows = tableRows(section(name));
      const keys = rows.flatMap((row) => row.fields);
      // review has two lists; every other section more than two fields.
      expect(keys.length, `${name}: fields in the table`).toBeGreaterThan(name === 'review' ? 1 : 2);
      const nested: Record<string, { keys: string[]; list: boolean }> = {};
      for (const row of rows) {
        const inner = objectKeys(row.type);
        if (inner && row.fields.length === 1) nested[row.fields[0]] = { keys: inner, list: row.type.startsWith('[') };
      }
      const entry = reversed(keys, nested);
      const isList = !['organization', 'settings', 'review'].includes(name);
      const object = first(canonicalize({ [name]: isList ? [entry] : entry })[name]);
      expect(Object.keys(object), name).toEqual(keys);
      for (const [key, inner] of Object.entries(nested)) expect(Object.keys(first(object[key])), `${name}.${key}`).toEqual(inner.keys);
      // Both ways: a field in the schema that the page does not list fails too.
      const schema = objectSchemaOf(WorkspaceSchema.shape[name as keyof typeof WorkspaceSchema.shape])!;
      expect(fieldNames(schema), `${name}: the schema's fields`).toEqual(keys);
      for (const [key, inner] of Object.entries(nested)) {
        expect(fieldNames(objectSchemaOf(schema.shape[key] as z.ZodType)!), `${name}.${key}: the schema's fields`).toEqual(inner.keys);
      }
    },
  );
});
