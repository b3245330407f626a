import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializeWorkspace } from './canonical';
import { CollectionPointSchema, DataTypeSchema, PurposeSchema, RecipientSchema, WorkspaceSchema } from './schema';
import { compileAccepts } from './schema-accepts';
import { workspaceArbitrary } from './testing/arbitraries';
import { minimalWorkspace } from './testing/fixtures';
import { validateWorkspace } from './validate';

const accepts = compileAccepts(WorkspaceSchema)!;

/** The promise the open path relies on: a "yes" means zod accepts the value and returns it unchanged, key order included. */
function expectYesToBeZods(value: unknown): void {
  if (!accepts(value)) return;
  const parsed = WorkspaceSchema.safeParse(value);
  expect(parsed.success).toBe(true);
  expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(value));
}

/** Every object and list in a JSON value, with the way to reach it. */
function containers(value: unknown, out: unknown[] = []): unknown[] {
  if (typeof value === 'object' && value !== null) {
    out.push(value);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

const anyValue = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, true, false, 0, -1, 1.5, 121, '', 'x', 'Not A Slug', '2026-02-30', 'us', 'US', 'gdpr'),
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.double(),
  fc.constant([]),
  fc.constant({}),
  fc.constant(['x']),
  fc.constant([undefined]),
);

type Mutation = { at: number; kind: 'set' | 'delete' | 'add' | 'reverse' | 'move' | 'proto'; pick: number; value: unknown };
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('set', 'delete', 'add', 'reverse', 'move', 'proto'),
  pick: fc.nat(),
  value: anyValue,
});

/** A damaged copy of `workspace`: some value replaced, a key removed, added or moved, keys reordered. */
function mutate(workspace: unknown, mutations: Mutation[]): unknown {
  const copy: unknown = structuredClone(workspace);
  for (const m of mutations) {
    // Each mutation brings its own copy of its value, so nothing is shared (or made cyclic).
    const value: unknown = structuredClone(m.value);
    const all = containers(copy);
    const target = all[m.at % all.length] as Record<string, unknown>;
    const keys = Object.keys(target);
    const key = keys.length > 0 ? keys[m.pick % keys.length] : undefined;
    switch (m.kind) {
      case 'set':
        if (key !== undefined) target[key] = value;
        break;
      case 'delete':
        if (key !== undefined && !Array.isArray(target)) delete target[key];
        break;
      case 'add':
        if (Array.isArray(target)) target.push(value);
        else target[`extra${m.pick % 3}`] = value;
        break;
      case 'reverse':
        if (Array.isArray(target)) target.reverse();
        else {
          const entries = Object.entries(target).reverse();
          for (const k of keys) delete target[k];
          for (const [k, v] of entries) target[k] = v;
        }
        break;
      case 'move':
        // The key goes to the end, after any unknown key added before.
        if (key !== undefined && !Array.isArray(target)) {
          const moved = target[key];
          delete target[key];
          target[key] = moved;
        }
        break;
      case 'proto':
        // An own key named __proto__, as JSON.parse makes one.
        if (!Array.isArray(target))
          Object.defineProperty(target, '__proto__', { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
        break;
    }
  }
  return copy;
}

describe('compileAccepts', () => {
  it('reproduces the workspace schema and each entry schema (else the open path would copy everything again)', () => {
    for (const schema of [WorkspaceSchema, PurposeSchema, RecipientSchema, CollectionPointSchema, DataTypeSchema]) {
      expect(compileAccepts(schema)).toBeTypeOf('function');
    }
  });

  it('says yes to workspaces as Candor writes them', () => {
    const sample = JSON.parse(readFileSync('resources/examples/ridgeline.candor.json', 'utf8')) as unknown;
    expect(accepts(sample)).toBe(true);
    expectYesToBeZods(sample);
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }), (workspace) => {
        const parsed = JSON.parse(serializeWorkspace(workspace)) as unknown;
        expect(accepts(parsed)).toBe(true);
        expectYesToBeZods(parsed);
      }),
      { numRuns: 100 },
    );
  });

  it('says yes only when zod accepts the value and returns it unchanged, whatever the damage', () => {
    const sample = JSON.parse(readFileSync('resources/examples/ridgeline.candor.json', 'utf8')) as unknown;
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (mutations) => {
        expectYesToBeZods(mutate(sample, mutations));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(workspaceArbitrary(), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (workspace, mutations) => {
        expectYesToBeZods(mutate(JSON.parse(serializeWorkspace(workspace)), mutations));
      }),
      { numRuns: 300 },
    );
  });

  it('says no where zod would fill in a default, reorder keys or refuse', () => {
    const base = JSON.parse(serializeWorkspace(minimalWorkspace())) as Record<string, unknown>;
    expect(accepts(base)).toBe(true);
    const { format, ...rest } = base;
    expect(accepts({ ...rest, format })).toBe(false);
    expect(accepts({ ...base, unknownField: 1 })).toBe(true);
    // zod puts the known keys first, so a known key after an unknown one would move.
    const { settings, ...head } = base;
    expect(accepts({ ...head, unknownField: 1, settings })).toBe(false);
    // Without settings zod would add its default.
    expect(accepts(head)).toBe(false);
    expect(accepts({ ...base, dataTypes: [{ ...(base.dataTypes as object[])[0], reviewedOn: '2026-02-30' }] })).toBe(false);
    expect(accepts({ ...base, version: 2 })).toBe(false);
  });

  it('leaves schemas it does not reproduce exactly to zod', () => {
    expect(compileAccepts(z.object({ a: z.string().trim() }))).toBeUndefined();
    expect(compileAccepts(z.object({ a: z.email() }))).toBeUndefined();
    expect(compileAccepts(z.object({ a: z.int() }))).toBeUndefined();
    expect(compileAccepts(z.object({ a: z.coerce.number() }))).toBeUndefined();
    expect(compileAccepts(z.union([z.string(), z.number()]))).toBeUndefined();
    // A plain object drops unknown keys, so a value with one is not returned unchanged.
    const strip = compileAccepts(z.object({ a: z.string() }))!;
    expect(strip({ a: 'x' })).toBe(true);
    expect(strip({ a: 'x', b: 1 })).toBe(false);
  });
});

describe('validateWorkspace with a fresh value', () => {
  it('gives the same verdict, problems and workspace as without', () => {
    const sample = JSON.parse(readFileSync('resources/examples/ridgeline.candor.json', 'utf8')) as unknown;
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 0, maxLength: 3 }), (mutations) => {
        const usual = validateWorkspace(mutate(sample, mutations));
        const fresh = validateWorkspace(mutate(sample, mutations), { fresh: true });
        expect(fresh.ok).toBe(usual.ok);
        expect(fresh.problems).toEqual(usual.problems);
        if (fresh.ok && usual.ok) expect(JSON.stringify(fresh.workspace)).toBe(JSON.stringify(usual.workspace));
      }),
      { numRuns: 500 },
    );
  });
});
