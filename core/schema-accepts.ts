// A yes-or-no answer to "would this zod schema accept this value, unchanged?", without building zod's
// copy of the value. Opening a workspace parses 3 MB of JSON and zod then builds a second copy of every
// object in it, only to return the same fields in the same order; for a file Candor wrote (canonical
// key order, nothing missing that has a default) that copy is pure cost. So the open path asks this
// first and keeps the parsed value when the answer is yes. A "no" proves nothing: the caller then runs
// zod as before, which finds the problems and words them. The answer is "yes" only when zod would accept
// the value and return it with the same keys, in the same order, holding the same values; anything this
// does not understand in a schema makes `compileAccepts` return undefined, and everything goes to zod.
import type { z } from 'zod';

type Accepts = (value: unknown) => boolean;

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number | bigint;
  maximum?: number | bigint;
  length?: number;
  value?: number | bigint;
  inclusive?: boolean;
  fn?: (value: unknown) => unknown;
}

interface SchemaDef {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, SchemaLike>;
  catchall?: SchemaLike;
  element?: SchemaLike;
  innerType?: SchemaLike;
  entries?: Record<string, unknown>;
  values?: unknown[];
  keyType?: SchemaLike;
  valueType?: SchemaLike;
  /** set on a schema that is itself a check (z.email(), z.int()…) */
  check?: string;
  format?: string;
  coerce?: boolean;
}

interface SchemaLike {
  _zod: { def: SchemaDef };
}

/** A schema construct this module does not reproduce exactly; the whole schema is then left to zod. */
class Unsupported extends Error {}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function numberOf(value: number | bigint | undefined): number {
  if (typeof value !== 'number') throw new Unsupported(`a bound of ${String(value)}`);
  return value;
}

/** The checks zod runs after the type test (a pattern, a length, a bound, a refinement), as one predicate. */
function compileChecks(def: SchemaDef): Accepts | undefined {
  const tests: Accepts[] = [];
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    switch (c.check) {
      case 'string_format': {
        const pattern = c.pattern;
        if (c.format !== 'regex' || !(pattern instanceof RegExp)) throw new Unsupported(`string format ${String(c.format)}`);
        tests.push((v) => {
          pattern.lastIndex = 0;
          return pattern.test(v as string);
        });
        break;
      }
      case 'min_length': {
        const minimum = numberOf(c.minimum);
        tests.push((v) => (v as { length: number }).length >= minimum);
        break;
      }
      case 'max_length': {
        const maximum = numberOf(c.maximum);
        tests.push((v) => (v as { length: number }).length <= maximum);
        break;
      }
      case 'number_format':
        if (c.format !== 'safeint') throw new Unsupported(`number format ${String(c.format)}`);
        tests.push((v) => Number.isSafeInteger(v));
        break;
      case 'greater_than': {
        const bound = numberOf(c.value);
        tests.push(c.inclusive ? (v) => (v as number) >= bound : (v) => (v as number) > bound);
        break;
      }
      case 'less_than': {
        const bound = numberOf(c.value);
        tests.push(c.inclusive ? (v) => (v as number) <= bound : (v) => (v as number) < bound);
        break;
      }
      case 'custom': {
        const fn = c.fn;
        if (typeof fn !== 'function') throw new Unsupported('a refinement without a function');
        // A refinement that answers with a promise (an async one) is zod's to run.
        tests.push((v) => {
          const result = fn(v);
          return result === true || (Boolean(result) && !(result instanceof Promise));
        });
        break;
      }
      default:
        // Anything else (a trim or other overwrite, an e-mail format…) may change the value or accept differently.
        throw new Unsupported(`the check ${c.check}`);
    }
  }
  if (tests.length === 0) return undefined;
  if (tests.length === 1) return tests[0];
  return (v) => {
    for (const test of tests) if (!test(v)) return false;
    return true;
  };
}

function withChecks(base: Accepts, checks: Accepts | undefined): Accepts {
  return checks ? (v) => base(v) && checks(v) : base;
}

interface Field {
  key: string;
  accepts: Accepts;
  /** may be left out (optional); a field with a default must be there, since zod would add it */
  optional: boolean;
}

function compileObject(def: SchemaDef): Accepts {
  const catchall = def.catchall?._zod.def.type;
  // A loose object keeps unknown keys as they are; a plain object would drop them and a strict one refuse them.
  const loose = catchall === 'unknown';
  if (catchall !== undefined && !loose && catchall !== 'never') throw new Unsupported(`a catch-all of ${catchall}`);
  const fields: Field[] = Object.entries(def.shape ?? {}).map(([key, schema]) => ({
    key,
    accepts: compile(schema),
    optional: schema._zod.def.type === 'optional',
  }));
  const index = new Map(fields.map((field, i) => [field.key, i]));
  return (value) => {
    if (!isPlainRecord(value)) return false;
    for (const field of fields) {
      const v = value[field.key];
      if (v === undefined) {
        // Absent and optional is fine; present but undefined (never in JSON) is left to zod.
        if (!field.optional || Object.hasOwn(value, field.key)) return false;
        continue;
      }
      if (!field.accepts(v)) return false;
    }
    // zod writes the known keys in the schema's order and then the unknown ones in their own order:
    // the value is returned as it is only when it is already in that order.
    let last = -1;
    let unknownSeen = false;
    for (const key in value) {
      const at = index.get(key);
      if (at === undefined) {
        if (!loose || key === '__proto__' || value[key] === undefined) return false;
        unknownSeen = true;
        continue;
      }
      if (unknownSeen || at < last) return false;
      last = at;
    }
    return true;
  };
}

function compile(schema: SchemaLike): Accepts {
  const def = schema._zod.def;
  // A schema that is a check itself (an e-mail address, a whole number) or that converts its input.
  if (def.check !== undefined || def.format !== undefined || def.coerce) throw new Unsupported(`a ${def.type} with a format`);
  const checks = compileChecks(def);
  switch (def.type) {
    case 'string':
      return withChecks((v) => typeof v === 'string', checks);
    case 'number':
      return withChecks((v) => typeof v === 'number' && Number.isFinite(v), checks);
    case 'boolean':
      if (checks) throw new Unsupported('checks on a boolean');
      return (v) => typeof v === 'boolean';
    case 'unknown':
      if (checks) throw new Unsupported('checks on unknown');
      return () => true;
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      // Numeric enums have reverse mappings zod filters out; only enums of text are reproduced.
      if (checks || values.some((v) => typeof v !== 'string')) throw new Unsupported('an enum that is not of text');
      const set = new Set(values);
      return (v) => set.has(v);
    }
    case 'literal': {
      if (checks) throw new Unsupported('checks on a literal');
      const set = new Set(def.values ?? []);
      return (v) => set.has(v);
    }
    case 'optional': {
      if (checks || !def.innerType) throw new Unsupported('an optional with checks');
      const inner = compile(def.innerType);
      return (v) => v === undefined || inner(v);
    }
    case 'default': {
      // With the value there, a default changes nothing; without it zod adds the default, so the answer is no.
      if (checks || !def.innerType) throw new Unsupported('a default with checks');
      const inner = compile(def.innerType);
      return (v) => v !== undefined && inner(v);
    }
    case 'array': {
      if (!def.element) throw new Unsupported('a list without an element schema');
      const element = compile(def.element);
      return withChecks((v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) {
          const item: unknown = v[i];
          // A hole or an undefined item is left to zod.
          if (item === undefined || !element(item)) return false;
        }
        return true;
      }, checks);
    }
    case 'object':
      if (checks) throw new Unsupported('checks on an object');
      return compileObject(def);
    case 'record': {
      if (checks || !def.keyType || !def.valueType || def.keyType._zod.def.type !== 'string') {
        throw new Unsupported('a record whose keys are not text');
      }
      const key = compile(def.keyType);
      const item = compile(def.valueType);
      return (v) => {
        if (!isPlainRecord(v)) return false;
        for (const k in v) {
          const value = v[k];
          if (k === '__proto__' || value === undefined || !key(k) || !item(value)) return false;
        }
        return true;
      };
    }
    default:
      throw new Unsupported(`a schema of type ${def.type}`);
  }
}

/**
 * A predicate that is true only for values `schema` accepts and returns unchanged (the same keys, in the
 * same order, with the same values); false means "ask zod". Undefined when the schema uses something
 * this module does not reproduce exactly.
 */
export function compileAccepts(schema: z.ZodType): Accepts | undefined {
  try {
    return compile(schema as unknown as SchemaLike);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
