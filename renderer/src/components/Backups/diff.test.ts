import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../../core/schema';
import { changesSince, jsonEqual } from './diff';

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
