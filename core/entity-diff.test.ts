import { describe, expect, it } from 'vitest';
import type { Workspace } from './schema';
import { changesSince, describeChanges, jsonEqual, mergeChanges, noChanges } from './entity-diff';

function workspace(overrides: Partial<Workspace> = {}): Workspace {
  return {
    format: 'candor/workspace',
    version: 1,
    organization: { name: 'Acme', jurisdictions: ['gdpr'] },
    purposes: [{ id: 'provide', name: 'Provide the service' }],
    recipients: [],
    collectionPoints: [],
    dataTypes: [
      { id: 'email', name: 'Email address', category: 'user.contact.email', purposes: ['provide'] },
      { id: 'phone', name: 'Phone number', category: 'user.contact.phone_number', purposes: ['provide'] },
    ],
    settings: {},
    ...overrides,
  } as Workspace;
}

describe('jsonEqual', () => {
  it('ignores key order but not values', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});

describe('changesSince', () => {
  it('finds nothing between equal workspaces', () => {
    expect(changesSince(workspace(), workspace()).same).toBe(true);
  });

  it('names added, removed, changed and renamed entities by id', () => {
    const backup = workspace();
    const current = workspace({
      dataTypes: [
        { id: 'email', name: 'Email', category: 'user.contact.email', purposes: ['provide'] },
        { id: 'photos', name: 'Photos', category: 'user.content', purposes: ['provide'] },
      ],
      purposes: [{ id: 'provide', name: 'Provide the service', description: 'Run the app' }],
    });
    const changes = changesSince(backup, current);
    const dataTypes = changes.lists.find((l) => l.key === 'dataTypes')!;
    expect(dataTypes.added).toEqual([{ id: 'photos', name: 'Photos' }]);
    expect(dataTypes.removed).toEqual([{ id: 'phone', name: 'Phone number' }]);
    expect(dataTypes.changed).toEqual([{ id: 'email', name: 'Email', previousName: 'Email address' }]);
    expect(changes.lists.find((l) => l.key === 'purposes')!.changed).toEqual([{ id: 'provide', name: 'Provide the service' }]);
    expect(changes.organization).toBe(false);
    expect(changes.same).toBe(false);
  });

  it('names the one entry an edit changed when the list keeps its ids and order', () => {
    const backup = workspace();
    const phone = { ...backup.dataTypes[1], name: 'Mobile number' };
    const changes = changesSince(backup, { ...backup, dataTypes: [backup.dataTypes[0], phone] });
    expect(changes.lists.find((l) => l.key === 'dataTypes')).toEqual({
      key: 'dataTypes',
      added: [],
      removed: [],
      changed: [{ id: 'phone', name: 'Mobile number', previousName: 'Phone number' }],
      reordered: false,
    });
    expect(changes.same).toBe(false);
  });

  it('notices a new order and organization edits', () => {
    const backup = workspace();
    const current = workspace({
      dataTypes: [...backup.dataTypes].reverse(),
      organization: { name: 'Acme Ltd', jurisdictions: ['gdpr'] },
    });
    const changes = changesSince(backup, current);
    expect(changes.lists.find((l) => l.key === 'dataTypes')!.reordered).toBe(true);
    expect(changes.organization).toBe(true);
  });
});

describe('mergeChanges and describeChanges', () => {
  const a = workspace();
  const b = workspace({
    dataTypes: [
      { id: 'email', name: 'Email', category: 'user.contact.email', purposes: ['provide'] },
      { id: 'phone', name: 'Phone number', category: 'user.contact.phone_number', purposes: ['provide'] },
      { id: 'location', name: 'Location', category: 'user.location.imprecise', purposes: ['provide'] },
    ],
  } as Partial<Workspace>);
  const c = workspace({
    organization: { name: 'Acme Inc', jurisdictions: ['gdpr'] },
    dataTypes: [
      { id: 'email', name: 'Email', category: 'user.contact.email', purposes: ['provide'], benefit: 'Sign in anywhere.' },
      { id: 'location', name: 'Approximate location', category: 'user.location.imprecise', purposes: ['provide'] },
    ],
  } as Partial<Workspace>);

  it('merges two steps into what changed from the first version to the last', () => {
    const merged = mergeChanges(changesSince(a, b), changesSince(b, c));
    const direct = changesSince(a, c);
    const byKey = (w: typeof merged) => w.lists.find((l) => l.key === 'dataTypes');
    expect(byKey(merged)?.added).toEqual(byKey(direct)?.added);
    expect(byKey(merged)?.removed).toEqual(byKey(direct)?.removed);
    expect(byKey(merged)?.changed).toEqual(byKey(direct)?.changed);
    expect(merged.organization).toBe(true);
    expect(merged.same).toBe(false);
  });

  it('drops an entry added and removed again, and keeps the first name of a renamed one', () => {
    const back = mergeChanges(changesSince(a, b), changesSince(b, a));
    expect(back.lists.find((l) => l.key === 'dataTypes')?.added).toEqual([]);
    // Renamed and renamed back: a summary cannot tell the content is as before, so it still says changed.
    expect(back.lists.find((l) => l.key === 'dataTypes')?.changed).toEqual([{ id: 'email', name: 'Email address' }]);
    const renamedTwice = mergeChanges(changesSince(a, b), changesSince(b, c));
    expect(renamedTwice.lists.find((l) => l.key === 'dataTypes')?.changed).toEqual([
      { id: 'email', name: 'Email', previousName: 'Email address' },
    ]);
    expect(mergeChanges(noChanges(), noChanges()).same).toBe(true);
  });

  it('describes the changes in one line, naming at most three entries per kind', () => {
    expect(describeChanges(changesSince(a, c))).toBe(
      'Data type added: Approximate location. Data type removed: Phone number. Data type changed: Email. Organization details changed.',
    );
    expect(describeChanges(noChanges())).toBe('');
    const many = workspace({
      dataTypes: ['a', 'b', 'c', 'd', 'e'].map((id) => ({
        id,
        name: id.toUpperCase(),
        category: 'user.contact.email',
        purposes: ['provide'],
      })),
    } as Partial<Workspace>);
    expect(describeChanges(changesSince(workspace({ dataTypes: [] } as Partial<Workspace>), many))).toBe(
      '5 data types added: A, B, C and 2 more.',
    );
  });
});
