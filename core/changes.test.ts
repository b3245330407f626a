import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChanges, diffWorkspace, isEmptyChange } from './changes';
import { minimalWorkspace } from './testing/fixtures';
import { workspaceArbitrary } from './testing/arbitraries';

describe('workspace changes', () => {
  it('sends only what changed, and rebuilds the same workspace from the base', () => {
    const base = minimalWorkspace();
    const next = {
      ...base,
      organization: { ...base.organization, name: 'Renamed' },
      dataTypes: [...base.dataTypes, { id: 'phone', name: 'Phone', category: 'user.contact.phone_number', purposes: ['analytics'] }],
    };
    const changes = diffWorkspace(base, next);
    expect(Object.keys(changes.set)).toEqual(['organization']);
    expect(changes.lists.dataTypes).toEqual({ order: ['email-address', 'phone'], upserts: [next.dataTypes[1]] });
    expect(changes.lists.purposes).toBeUndefined();
    const rebuilt = applyChanges(base, changes);
    expect(rebuilt).toEqual({ ok: true, workspace: next });
    if (rebuilt.ok) expect(rebuilt.workspace.dataTypes[0]).toBe(base.dataTypes[0]);
  });

  it('handles removal, reordering and removed top-level keys', () => {
    const base: any = { ...minimalWorkspace(), extra: 1 };
    base.purposes = [...base.purposes, { id: 'third', name: 'Third' }];
    const { extra: _extra, ...rest } = base;
    const next = { ...rest, purposes: [base.purposes[2], base.purposes[0]] };
    const changes = diffWorkspace(base, next);
    expect(changes.unset).toEqual(['extra']);
    expect(changes.lists.purposes).toEqual({ order: ['third', 'provide-service'], upserts: [] });
    expect(applyChanges(base, changes)).toEqual({ ok: true, workspace: next });
  });

  it('is empty when nothing changed', () => {
    const base = minimalWorkspace();
    expect(isEmptyChange(diffWorkspace(base, { ...base }))).toBe(true);
  });

  it('refuses changes that name an entry nobody has', () => {
    const result = applyChanges(minimalWorkspace(), { set: {}, unset: [], lists: { recipients: { order: ['ghost'], upserts: [] } } });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('"ghost"') });
  });

  it('round-trips any pair of workspaces', () => {
    fc.assert(
      fc.property(workspaceArbitrary(), workspaceArbitrary(), (a, b) => {
        const changes = diffWorkspace(a, b);
        const rebuilt = applyChanges(a, JSON.parse(JSON.stringify(changes)));
        expect(rebuilt).toEqual({ ok: true, workspace: b });
      }),
      { numRuns: 100 },
    );
  });
});
