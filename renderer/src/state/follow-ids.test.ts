import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../core/schema';
import { followedRoute } from './follow-ids';

const ws = (ids: string[]) =>
  ({ dataTypes: ids.map((id) => ({ id, name: id })), purposes: [], recipients: [], collectionPoints: [] }) as unknown as Workspace;

describe('followedRoute', () => {
  it('follows an id renamed in place (an undo or redo of a rename)', () => {
    expect(
      followedRoute({ screen: 'data-type', id: 'account-password' }, ws(['email', 'account-password']), ws(['email', 'password'])),
    ).toEqual({
      screen: 'data-type',
      id: 'password',
    });
  });

  it('leaves the route alone when the id still exists, or the entity was deleted or added', () => {
    expect(followedRoute({ screen: 'data-type', id: 'email' }, ws(['email']), ws(['email']))).toBeUndefined();
    expect(followedRoute({ screen: 'data-type', id: 'gone' }, ws(['email', 'gone']), ws(['email']))).toBeUndefined();
    expect(followedRoute({ screen: 'data-type', id: 'x' }, ws(['x', 'y']), ws(['y', 'z']))).toBeUndefined();
    expect(followedRoute({ screen: 'inventory' }, ws(['a']), ws(['b']))).toBeUndefined();
  });
});
