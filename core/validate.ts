// Validation of a workspace: every problem at once, each with a path such as `dataTypes[3].purposes[0]`
// and a plain message that says what is wrong and what is expected.
//
// Validation is about structure only: what would make the file unreadable or ambiguous (wrong types,
// unknown enum values, malformed ids and dates, duplicate ids, references to ids that do not exist). A
// workspace that passes can be saved, however incomplete; what is still missing (an empty name, a data
// type without a purpose, an address that is not well-formed…) is reported by the review as errors
// (core/lint/completeness.ts), at the same paths, so work is never refused while it is being filled in.
import type { core as zcore } from 'zod';
import { z } from 'zod';
import {
  CollectionPointSchema,
  DataTypeSchema,
  ENTITY_LISTS,
  FORMAT,
  FORMAT_VERSION,
  PurposeSchema,
  RecipientSchema,
  WorkspaceSchema,
  type Workspace,
} from './schema';
import { completenessProblems } from './lint/completeness';
import { compileAccepts } from './schema-accepts';
import { listInWords } from './words';

export interface Problem {
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; workspace: Workspace; problems: [] } | { ok: false; problems: Problem[] };

/** `['dataTypes', 3, 'purposes', 0]` → `dataTypes[3].purposes[0]` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** `dataTypes[3].purposes[0]` → `['dataTypes', 3, 'purposes', 0]` */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    out.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return out;
}

/** What a value is, for "must be text, not a list": "nothing", "empty text", "a whole number", "true"… */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value === '' ? 'empty text' : 'text';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return 'an object';
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

// Zod's own messages ("Invalid input: …", "Too small: …", "Unrecognized key: …") are replaced by plain
// ones; messages written in the schema are kept as they are.
const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized)/;

/**
 * What is wrong with one field, without naming it: "is required", "must be text, not a whole number",
 * "has unknown field "extra"". The one translation of zod issues into user messages, for workspaces and
 * for handler arguments alike; parse with `{ reportInput: true }` so a missing field reads "is required".
 */
export function describeIssue(issue: zcore.$ZodIssue): string {
  if (issue.message && !ZOD_DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(issue.input)}`;
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v) ?? String(v));
      return values.length === 1 ? `must be ${values[0]}` : `must be one of ${listInWords(values, { conjunction: 'or' })}`;
    }
    case 'unrecognized_keys':
      return `has unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? 'must not be empty' : `must be at least ${minimum} characters`;
      if (issue.origin === 'array') return `must list at least ${minimum === 1 ? 'one entry' : `${minimum} entries`}`;
      return issue.inclusive === false ? `must be more than ${minimum}` : `must be at least ${minimum}`;
    }
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      return issue.inclusive === false ? `must be less than ${issue.maximum}` : `must be at most ${issue.maximum}`;
    default:
      return issue.message;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const REFERENCES = [
  { field: 'purposes', list: 'purposes', noun: 'purpose', screen: 'Purposes' },
  { field: 'recipients', list: 'recipients', noun: 'recipient', screen: 'Recipients' },
  { field: 'collectedAt', list: 'collectionPoints', noun: 'collection point', screen: 'Collection points' },
] as const;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Whether `values[j]` already appears before index `j`. Short lists (nearly all) are scanned; long ones use a set. */
function repeatsEarlier(values: unknown[], j: number, seen: Set<unknown> | undefined): boolean {
  return seen ? seen.has(values[j]) : values.lastIndexOf(values[j], j - 1) !== -1;
}

/**
 * Checks no schema can express: unique ids, references that resolve, nothing listed twice. Runs over
 * every entry on every save, so it is written as plain loops without a closure or a set per entry.
 */
function semanticProblems(input: Record<string, unknown>, previous?: Workspace): Problem[] {
  const problems: Problem[] = [];
  const ids: Record<string, Set<string>> = {};

  for (const list of ENTITY_LISTS) {
    const entries = input[list];
    const known = new Set<string>();
    ids[list] = known;
    if (!Array.isArray(entries)) continue;
    let firstIndex: Map<string, number> | undefined;
    for (let i = 0; i < entries.length; i++) {
      const entry: unknown = entries[i];
      if (!isObject(entry) || typeof entry.id !== 'string') continue;
      if (!known.has(entry.id)) {
        known.add(entry.id);
        continue;
      }
      // A duplicate (rare): find where the id was first used.
      firstIndex ??= new Map();
      let previous = firstIndex.get(entry.id);
      if (previous === undefined) {
        previous = entries.findIndex((e: unknown) => isObject(e) && e.id === entry.id);
        firstIndex.set(entry.id, previous);
      }
      problems.push({
        path: `${list}[${i}].id`,
        message: `"${entry.id}" is already the id of ${list}[${previous}]; every id in a list must be unique`,
      });
    }
  }

  const dataTypes = Array.isArray(input.dataTypes) ? input.dataTypes : [];
  // A data type at the same place as in `previous`, whose purposes, recipients and collection points
  // this input shares, was checked against these very lists: after an edit only the edited one is.
  const checked = previous && REFERENCES.every((ref) => input[ref.list] === previous[ref.list]) ? previous.dataTypes : undefined;
  for (let i = 0; i < dataTypes.length; i++) {
    const dataType: unknown = dataTypes[i];
    if (!isObject(dataType) || checked?.[i] === dataType) continue;
    const at = `dataTypes[${i}]`;
    for (const ref of REFERENCES) {
      const values = dataType[ref.field];
      if (!Array.isArray(values)) continue;
      const known = ids[ref.list];
      const seen = values.length > 16 ? new Set<unknown>() : undefined;
      for (let j = 0; j < values.length; j++) {
        const value: unknown = values[j];
        if (typeof value !== 'string') continue;
        if (j > 0 && repeatsEarlier(values, j, seen)) {
          problems.push({ path: `${at}.${ref.field}[${j}]`, message: `"${value}" is listed twice` });
          continue;
        }
        seen?.add(value);
        if (!known.has(value) && SLUG.test(value)) {
          problems.push({
            path: `${at}.${ref.field}[${j}]`,
            message: `no ${ref.noun} has the id "${value}"; add it under ${ref.screen} or remove the reference`,
          });
        }
      }
    }
    // Which purposes a recipient receives the data for: only the data type's own recipients and purposes.
    if (isObject(dataType.recipientPurposes)) {
      const own = (field: 'recipients' | 'purposes') =>
        new Set(Array.isArray(dataType[field]) ? (dataType[field] as unknown[]).filter((v) => typeof v === 'string') : []);
      const recipients = own('recipients');
      const purposes = own('purposes');
      for (const [recipient, list] of Object.entries(dataType.recipientPurposes)) {
        const path = `${at}.recipientPurposes.${recipient}`;
        if (!recipients.has(recipient)) {
          problems.push({
            path,
            message: `"${recipient}" is not one of this data type's recipients; add it to its recipients or remove it here`,
          });
        }
        if (!Array.isArray(list)) continue;
        list.forEach((purpose, j) => {
          if (typeof purpose === 'string' && !purposes.has(purpose)) {
            problems.push({
              path: `${path}[${j}]`,
              message: `"${purpose}" is not one of this data type's purposes; add it to its purposes or remove it here`,
            });
          }
        });
      }
    }
  }

  // A cookie's provider is a recipient, like a data type's recipients.
  const points = Array.isArray(input.collectionPoints) ? input.collectionPoints : [];
  points.forEach((point, i) => {
    if (!isObject(point) || !Array.isArray(point.cookies)) return;
    point.cookies.forEach((cookie, j) => {
      if (!isObject(cookie)) return;
      const provider = cookie.provider;
      if (typeof provider === 'string' && !ids.recipients.has(provider) && SLUG.test(provider)) {
        problems.push({
          path: `collectionPoints[${i}].cookies[${j}].provider`,
          message: `no recipient has the id "${provider}"; add it under Recipients or choose another provider`,
        });
      }
    });
  });

  // A financial incentive names the data types it involves; its ids are unique like an entity's.
  const incentives = Array.isArray(input.financialIncentives) ? input.financialIncentives : [];
  const incentiveIds = new Map<string, number>();
  incentives.forEach((incentive, i) => {
    if (!isObject(incentive)) return;
    const at = `financialIncentives[${i}]`;
    if (typeof incentive.id === 'string') {
      const previous = incentiveIds.get(incentive.id);
      if (previous !== undefined) {
        problems.push({
          path: `${at}.id`,
          message: `"${incentive.id}" is already the id of financialIncentives[${previous}]; every id in a list must be unique`,
        });
      } else incentiveIds.set(incentive.id, i);
    }
    if (!Array.isArray(incentive.dataTypes)) return;
    const seen = new Set<unknown>();
    incentive.dataTypes.forEach((value, j) => {
      if (typeof value !== 'string') return;
      if (seen.has(value)) {
        problems.push({ path: `${at}.dataTypes[${j}]`, message: `"${value}" is listed twice` });
        return;
      }
      seen.add(value);
      if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) && !ids.dataTypes.has(value)) {
        problems.push({
          path: `${at}.dataTypes[${j}]`,
          message: `no data type has the id "${value}"; add it under Data types or remove it from the incentive`,
        });
      }
    });
  });

  const jurisdictions = isObject(input.organization) ? input.organization.jurisdictions : undefined;
  if (Array.isArray(jurisdictions)) {
    const seen = new Set<unknown>();
    jurisdictions.forEach((j, i) => {
      if (seen.has(j)) problems.push({ path: `organization.jurisdictions[${i}]`, message: `"${String(j)}" is listed twice` });
      seen.add(j);
    });
  }
  return problems;
}

const SECTION_ORDER = [
  'format',
  'version',
  'organization',
  'purposes',
  'recipients',
  'collectionPoints',
  'dataTypes',
  'financialIncentives',
  'settings',
];

/** Orders problems as they appear in the file, so people read them top to bottom. */
export function compareProblems(a: Problem, b: Problem): number {
  const pa = parsePath(a.path);
  const pb = parsePath(b.path);
  const rank = (p: (string | number)[]) => {
    const i = SECTION_ORDER.indexOf(String(p[0] ?? ''));
    return i === -1 ? SECTION_ORDER.length : i;
  };
  const byRank = rank(pa) - rank(pb);
  if (byRank !== 0) return byRank;
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return 0;
  }
  return pa.length - pb.length;
}

const ENTITY_SCHEMAS = {
  purposes: PurposeSchema,
  recipients: RecipientSchema,
  collectionPoints: CollectionPointSchema,
  dataTypes: DataTypeSchema,
} as const;

// The workspace without looking inside its lists' entries; they are checked one by one.
const ShallowWorkspaceSchema = WorkspaceSchema.extend({
  purposes: z.array(z.unknown()).default([]),
  recipients: z.array(z.unknown()).default([]),
  collectionPoints: z.array(z.unknown()).default([]),
  dataTypes: z.array(z.unknown()).default([]),
});

export interface ValidateOptions {
  /**
   * Entries already validated as they are (immutable objects from an earlier validation). Their
   * schema check is skipped; references, ids and every other entry are still checked. Saving a
   * 2,000-type workspace after one edit then checks one entry, not 2,000.
   */
  trusted?: WeakSet<object>;
  /**
   * A valid workspace the input was edited from, sharing its unchanged lists and entries (the same
   * objects). Data types it already had, at the same place, are not checked again when the lists
   * they refer to are its lists too.
   */
  previous?: Workspace;
  /**
   * The input is a value nobody else holds (just parsed from a file). When zod would accept it and
   * return it unchanged, it is kept as it is instead of being copied by zod (a second copy of every
   * object of a 3 MB workspace). Anything else is checked by zod as always.
   */
  fresh?: boolean;
}

/** Whether zod would accept a workspace and return it as it is; undefined leaves every workspace to zod. */
const acceptedAsIs = compileAccepts(WorkspaceSchema);

export function validateWorkspace(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const { problems, data } = check(input, options);
  if (problems.length > 0) {
    return { ok: false, problems: problems.sort(compareProblems) };
  }
  return { ok: true, workspace: data as Workspace, problems: [] };
}

/**
 * Structure and completeness together: what an import asks of the data it adds (a row without a
 * purpose is refused there, with the message the editor shows beside the field). Completeness is
 * looked at only when every field has the right type, since its checks trust the types.
 */
export function validateComplete(input: unknown): ValidationResult {
  const { problems, data } = check(input, {});
  if (data !== undefined) problems.push(...completenessProblems(data as Workspace));
  if (problems.length > 0) {
    return { ok: false, problems: problems.sort(compareProblems) };
  }
  return { ok: true, workspace: data as Workspace, problems: [] };
}

/** The problems, and the parsed workspace when every field has the right type (ids and references may still be wrong). */
function check(input: unknown, options: ValidateOptions): { problems: Problem[]; data?: unknown } {
  if (!isObject(input)) {
    return { problems: [{ path: '', message: `must be a JSON object (a Candor workspace), not ${describeValue(input)}` }] };
  }
  const toProblem = (prefix: PropertyKey[]) => (issue: zcore.$ZodIssue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message: describeIssue(issue),
  });
  let data: unknown;
  const problems: Problem[] = [];
  if (options.trusted) {
    const trusted = options.trusted;
    const parsed = ShallowWorkspaceSchema.safeParse(input, { reportInput: true });
    if (parsed.success) data = parsed.data;
    else problems.push(...parsed.error.issues.map(toProblem([])));
    for (const list of ENTITY_LISTS) {
      const entries = input[list];
      if (!Array.isArray(entries)) continue;
      entries.forEach((entry, index) => {
        if (isObject(entry) && trusted.has(entry)) return;
        const result = ENTITY_SCHEMAS[list].safeParse(entry, { reportInput: true });
        if (!result.success) problems.push(...result.error.issues.map(toProblem([list, index])));
      });
    }
  } else if (options.fresh && acceptedAsIs?.(input)) {
    data = input;
  } else {
    const parsed = WorkspaceSchema.safeParse(input, { reportInput: true });
    if (parsed.success) data = parsed.data;
    else problems.push(...parsed.error.issues.map(toProblem([])));
  }
  const typed = problems.length === 0;
  problems.push(...semanticProblems(input, options.previous));
  return { problems, data: typed ? data : undefined };
}

export { FORMAT, FORMAT_VERSION };
