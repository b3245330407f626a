import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalize } from './canonical';
import { jsonEqual } from './entity-diff';
import { mergeWorkspaces } from './merge';
import type { Workspace } from './schema';
import { editedTripleArbitrary } from './testing/workspace-edits';
import { validateWorkspace } from './validate';
import { deleteEntity } from './ids';

const SAMPLE = join(__dirname, '..', 'resources', 'examples', 'ridgeline.candor.json');

function sample(): Workspace {
  return JSON.parse(readFileSync(SAMPLE, 'utf8')) as Workspace;
}

function same(a: unknown, b: unknown): boolean {
  return jsonEqual(canonicalize(a as Workspace), canonicalize(b as Workspace));
}

describe('mergeWorkspaces on the sample', () => {
  it('merges edits to different entries and to different fields of one entry', () => {
    const base = sample();
    const ours = sample();
    const theirs = sample();
    ours.dataTypes[0].retention = { period: { value: 90, unit: 'days' }, after: 'account-closure' };
    ours.purposes.push({ id: 'trail-tips', name: 'Suggest trails near you' });
    theirs.dataTypes[0].owner = 'Growth team';
    theirs.recipients[1].sells = true;
    theirs.dataTypes.splice(1, 1);
    const { workspace, conflicts } = mergeWorkspaces(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(workspace.dataTypes[0]).toMatchObject({ retention: { period: { value: 90 } }, owner: 'Growth team' });
    expect(workspace.purposes.at(-1)).toEqual({ id: 'trail-tips', name: 'Suggest trails near you' });
    expect(workspace.recipients[1].sells).toBe(true);
    expect(workspace.dataTypes.map((d) => d.id)).toEqual(theirs.dataTypes.map((d) => d.id));
    expect(validateWorkspace(workspace).ok).toBe(true);
  });

  it('takes a purpose added by each side, each where its side put it', () => {
    const base = sample();
    const ours = sample();
    const theirs = sample();
    ours.purposes.splice(1, 0, { id: 'ours-first', name: 'Ours' });
    theirs.purposes.push({ id: 'theirs-last', name: 'Theirs' });
    const ids = mergeWorkspaces(base, ours, theirs).workspace.purposes.map((p) => p.id);
    expect(ids).toEqual([base.purposes[0].id, 'ours-first', ...base.purposes.slice(1).map((p) => p.id), 'theirs-last']);
  });

  it('makes the same field changed both ways a conflict with base, ours and theirs, keeping ours', () => {
    const base = sample();
    const ours = sample();
    const theirs = sample();
    ours.dataTypes[0].retention = { period: { value: 90, unit: 'days' }, after: 'account-closure' };
    theirs.dataTypes[0].retention = { period: { value: 60, unit: 'days' }, after: 'account-closure' };
    theirs.dataTypes[0].owner = 'Growth team';
    const { workspace, conflicts } = mergeWorkspaces(base, ours, theirs);
    expect(conflicts).toEqual([
      {
        path: '/dataTypes/email-address/retention',
        where: 'Email address: retention',
        base: { period: { value: 30, unit: 'days' }, after: 'account-closure' },
        ours: { period: { value: 90, unit: 'days' }, after: 'account-closure' },
        theirs: { period: { value: 60, unit: 'days' }, after: 'account-closure' },
      },
    ]);
    expect(workspace.dataTypes[0].retention).toEqual(ours.dataTypes[0].retention);
    expect(workspace.dataTypes[0].owner).toBe('Growth team');
  });

  it('keeps a purpose one side removed while the other started using it, as a conflict', () => {
    const base = sample();
    const ours = sample();
    const theirs = sample();
    const purpose = base.purposes.find((p) => !base.dataTypes[0].purposes.includes(p.id))!;
    // Ours removes the purpose and every use of it, as the app does.
    deleteEntity(ours, 'purposes', purpose.id);
    theirs.dataTypes[0].purposes = [...theirs.dataTypes[0].purposes, purpose.id];
    const { workspace, conflicts } = mergeWorkspaces(base, ours, theirs);
    expect(validateWorkspace(workspace).ok).toBe(true);
    expect(workspace.purposes.map((p) => p.id)).toContain(purpose.id);
    expect(workspace.dataTypes[0].purposes).toContain(purpose.id);
    expect(conflicts.map((c) => c.path)).toContain(`/purposes/${purpose.id}`);
  });
});

describe('mergeWorkspaces properties', () => {
  it('is tried on edits that both merge cleanly and conflict', () => {
    let clean = 0;
    let conflicted = 0;
    for (const [base, ours, theirs] of fc.sample(editedTripleArbitrary(), { numRuns: 100, seed: 11 })) {
      expect(validateWorkspace(base).ok && validateWorkspace(ours).ok && validateWorkspace(theirs).ok).toBe(true);
      if (mergeWorkspaces(base, ours, theirs).conflicts.length === 0) clean++;
      else conflicted++;
    }
    expect(clean).toBeGreaterThan(10);
    expect(conflicted).toBeGreaterThan(10);
  });

  it('returns the other side when one side is unchanged', () => {
    fc.assert(
      fc.property(editedTripleArbitrary(), ([base, ours]) => {
        const a = mergeWorkspaces(base, base, ours);
        expect(a.conflicts).toEqual([]);
        expect(a.workspace).toEqual(canonicalize(ours));
        const b = mergeWorkspaces(base, ours, base);
        expect(b.conflicts).toEqual([]);
        expect(b.workspace).toEqual(canonicalize(ours));
      }),
      { numRuns: 100 },
    );
  });

  it('is symmetric when there is no conflict', () => {
    fc.assert(
      fc.property(editedTripleArbitrary(), ([base, ours, theirs]) => {
        const forward = mergeWorkspaces(base, ours, theirs);
        const backward = mergeWorkspaces(base, theirs, ours);
        expect(forward.conflicts.length === 0).toBe(backward.conflicts.length === 0);
        if (forward.conflicts.length === 0) expect(same(forward.workspace, backward.workspace)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('always gives a valid workspace', () => {
    fc.assert(
      fc.property(editedTripleArbitrary(), ([base, ours, theirs]) => {
        const result = validateWorkspace(mergeWorkspaces(base, ours, theirs).workspace);
        expect(result.ok ? [] : result.problems).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every change only one side made', () => {
    fc.assert(
      fc.property(editedTripleArbitrary(), ([base, ours, theirs]) => {
        const { workspace, conflicts } = mergeWorkspaces(base, ours, theirs);
        if (conflicts.length > 0) return;
        // Merging the result with either side over that side's base changes nothing more.
        expect(same(mergeWorkspaces(ours, workspace, ours).workspace, workspace)).toBe(true);
        expect(same(mergeWorkspaces(base, workspace, ours).workspace, workspace)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
