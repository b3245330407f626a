import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalize, encodeWorkspace, serializeWorkspace } from './canonical';
import { readWorkspaceText } from './read';
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
