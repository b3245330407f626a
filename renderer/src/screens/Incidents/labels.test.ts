import { describe, expect, it } from 'vitest';
import { residenceLabel } from './labels';

describe('residenceLabel', () => {
  it('names each place as a person reads it, with the state names the drafts use and no article', () => {
    expect(['gdpr', 'uk-gdpr', 'ccpa', 'us-tx', 'us-dc', 'us-vi', 'other'].map(residenceLabel)).toEqual([
      'EU and EEA',
      'United Kingdom',
      'California',
      'Texas',
      'District of Columbia',
      'US Virgin Islands',
      'Elsewhere',
    ]);
  });

  it('shows an id it does not know as it is', () => {
    expect(residenceLabel('us-zz')).toBe('us-zz');
  });
});
