// fast-check generators of a workspace and an edited version of it, for the properties of comparing and
// merging versions: the edits are what a team makes (entries added, removed, renamed, reordered, fields
// changed, set or cleared), drawn from a second random workspace so every kind of field is touched.
import fc from 'fast-check';
import type { Workspace } from '../schema';
import { workspaceArbitrary, type ArbitraryOptions } from './arbitraries';

type Rec = Record<string, unknown>;

/** A small deterministic source of choices, so one generated list of numbers drives a whole edit. */
function chooser(seeds: readonly number[]): (n: number) => number {
  let i = 0;
  return (n) => (seeds.length === 0 || n <= 1 ? 0 : seeds[i++ % seeds.length] % n);
}

/** Issue-8 content the base generator leaves out: cookies on collection points and financial incentives. */
function withCookiesAndIncentives(ws: Workspace, pick: (n: number) => number): Workspace {
  const recipients = ws.recipients.map((r) => r.id);
  const collectionPoints = ws.collectionPoints.map((point, i) =>
    pick(3) === 0
      ? point
      : {
          ...point,
          cookies: Array.from({ length: 1 + pick(3) }, (_, j) => ({
            name: ['_ga', 'session', 'consent', '_fbp'][(i + j) % 4],
            ...(recipients.length && pick(2) ? { provider: recipients[pick(recipients.length)] } : {}),
            purpose: ['Analytics', 'Keeps you signed in', 'Remembers your choice'][pick(3)],
            duration: ['Session', '13 months', '1 year'][pick(3)],
            party: pick(2) ? ('first' as const) : ('third' as const),
            necessary: pick(2) === 1,
          })),
        },
  );
  const dataTypes = ws.dataTypes.map((d) => d.id);
  const financialIncentives =
    pick(2) === 0
      ? undefined
      : Array.from({ length: 1 + pick(2) }, (_, i) => ({
          id: ['loyalty', 'referral'][i],
          name: ['Loyalty points', 'Refer a friend'][pick(2)],
          summary: ['Points for purchases', 'A month free'][pick(2)],
          ...(dataTypes.length ? { dataTypes: [dataTypes[pick(dataTypes.length)]] } : {}),
          value: ['About $2 a month', 'What the discount costs us'][pick(2)],
        }));
  return { ...ws, collectionPoints, ...(financialIncentives ? { financialIncentives } : {}) };
}

/** A workspace with cookies and financial incentives besides everything workspaceArbitrary makes. */
export function fullWorkspaceArbitrary(options: ArbitraryOptions = {}): fc.Arbitrary<Workspace> {
  return fc
    .tuple(workspaceArbitrary(options), fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 20 }))
    .map(([ws, seeds]) => withCookiesAndIncentives(ws, chooser(seeds)));
}

/** Fields a valid workspace always has: an edit changes them but never leaves them out. */
const REQUIRED = new Set(['name', 'category', 'purposes', 'jurisdictions']);

function mixObject(a: Rec | undefined, b: Rec | undefined, pick: (n: number) => number): Rec | undefined {
  if (!a || !b) return pick(2) ? a : b;
  const out: Rec = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    // Keep, take the other's value (which may clear it), or leave the field out.
    const choice = pick(5);
    const value = choice <= 2 ? a[key] : choice === 3 || REQUIRED.has(key) ? (b[key] ?? a[key]) : undefined;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

const LISTS = ['purposes', 'recipients', 'collectionPoints', 'dataTypes', 'financialIncentives'] as const;

/**
 * `base` edited with pieces of `other`: per entry, kept, replaced field by field (same id), given the
 * other's content under its own id, or removed; some of the other's entries added; lists sometimes
 * reversed; the organization and settings mixed field by field. The result need not be valid: comparing
 * and merging read whatever a file holds.
 */
export function editWorkspace(base: Workspace, other: Workspace, seeds: readonly number[]): Workspace {
  const pick = chooser(seeds);
  const out: Rec = { ...base };
  for (const list of LISTS) {
    const mine = ((base as Rec)[list] as Rec[] | undefined) ?? [];
    const theirs = ((other as Rec)[list] as Rec[] | undefined) ?? [];
    let entries: Rec[] = [];
    mine.forEach((entry, i) => {
      const source = theirs.length ? theirs[i % theirs.length] : undefined;
      const choice = pick(5);
      if (choice === 0 || !source) entries.push(entry);
      else if (choice === 1 || choice === 2) entries.push({ ...mixObject(entry, source, pick), id: entry.id });
      else if (choice === 3) entries.push({ ...source, id: entry.id });
      // choice 4: removed
    });
    const ids = new Set(entries.map((e) => e.id));
    for (const entry of theirs) if (!ids.has(entry.id) && pick(3) === 0) entries.push(entry);
    if (pick(4) === 0) entries = entries.reverse();
    if (list === 'financialIncentives' && entries.length === 0) delete out[list];
    else out[list] = entries;
  }
  out.organization = mixObject(base.organization as Rec, other.organization as Rec, pick) ?? base.organization;
  if (!(out.organization as Rec).jurisdictions) (out.organization as Rec).jurisdictions = [];
  if (!(out.organization as Rec).name) (out.organization as Rec).name = '';
  out.settings = mixObject(base.settings as Rec, other.settings as Rec, pick) ?? {};
  return out as Workspace;
}

/** A workspace and an edited version of it. */
export function editedPairArbitrary(options: ArbitraryOptions = {}): fc.Arbitrary<[Workspace, Workspace]> {
  return fc
    .tuple(
      fullWorkspaceArbitrary(options),
      fullWorkspaceArbitrary(options),
      fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 40 }),
    )
    .map(([base, other, seeds]) => [base, editWorkspace(base, other, seeds)]);
}

/** Drops the references an edit left dangling (to removed entries, or to another workspace's), as the app's removal does. */
export function dropDanglingReferences(ws: Workspace): Workspace {
  const ids = (list: readonly { id: string }[] | undefined) => new Set((list ?? []).map((e) => e.id));
  const purposes = ids(ws.purposes);
  const recipients = ids(ws.recipients);
  const points = ids(ws.collectionPoints);
  const dataTypeIds = ids(ws.dataTypes);
  const keep = (values: string[] | undefined, known: Set<string>) =>
    values ? [...new Set(values.filter((v) => known.has(v)))] : undefined;
  const dataTypes = ws.dataTypes.map((d) => {
    const own = {
      ...d,
      purposes: keep(d.purposes, purposes) ?? [],
      recipients: keep(d.recipients, recipients),
      collectedAt: keep(d.collectedAt, points),
    };
    if (own.recipientPurposes) {
      const entries = Object.entries(own.recipientPurposes)
        .filter(([r]) => own.recipients?.includes(r))
        .map(([r, list]) => [r, list.filter((p) => own.purposes.includes(p))] as const);
      own.recipientPurposes = entries.length ? Object.fromEntries(entries) : undefined;
    }
    return own;
  });
  const collectionPoints = ws.collectionPoints.map((p) =>
    p.cookies
      ? { ...p, cookies: p.cookies.map(({ provider, ...c }) => (provider && recipients.has(provider) ? { ...c, provider } : c)) }
      : p,
  );
  const financialIncentives = ws.financialIncentives?.map((f) => ({ ...f, dataTypes: keep(f.dataTypes, dataTypeIds) }));
  return { ...ws, dataTypes, collectionPoints, ...(financialIncentives ? { financialIncentives } : {}) };
}

/** A valid workspace and two valid edits of it made independently, as two people would in two clones. */
export function editedTripleArbitrary(options: ArbitraryOptions = {}): fc.Arbitrary<[Workspace, Workspace, Workspace]> {
  const seeds = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 40 });
  return fc
    .tuple(fullWorkspaceArbitrary(options), fullWorkspaceArbitrary(options), fullWorkspaceArbitrary(options), seeds, seeds, fc.boolean())
    .map(([base, a, b, seedsA, seedsB, fromBase]): [Workspace, Workspace, Workspace] => {
      const ours = dropDanglingReferences(editWorkspace(base, a, seedsA));
      // Sometimes the other side is edited from the same material, so both touch the same fields.
      const theirs = dropDanglingReferences(editWorkspace(base, fromBase ? a : b, seedsB));
      return [base, ours, theirs];
    });
}
