import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../core/schema';
import { describePath, routeForPath } from './paths';

const workspace: Workspace = {
  format: 'candor/workspace',
  version: 1,
  organization: { name: 'Brightcart', jurisdictions: ['ccpa'] },
  purposes: [],
  recipients: [],
  collectionPoints: [],
  dataTypes: [],
  financialIncentives: [{ id: 'discount', name: '10% off for your email address' }],
  settings: {},
};

describe('a financial incentive’s path', () => {
  it('opens the Organization screen at the field, and reads with the incentive’s name', () => {
    expect(routeForPath(workspace, 'financialIncentives[0].value')).toEqual({
      screen: 'organization',
      field: 'financialIncentives[0].value',
    });
    expect(describePath(workspace, 'financialIncentives[0].valueMethod')).toBe('10% off for your email address › valueMethod');
  });
});
