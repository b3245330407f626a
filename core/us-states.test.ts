import { describe, expect, it } from 'vitest';
import { JURISDICTIONS } from './schema';
import { US_STATE_LAWS, isUsStateId, usStatesIn } from './us-states';

describe('the US state table (resources/us-states.json)', () => {
  it('has exactly one entry per us-… jurisdiction, in the schema order', () => {
    expect(US_STATE_LAWS.map((s) => s.id)).toEqual(JURISDICTIONS.filter((j) => j.startsWith('us-')));
  });

  it('dates each law and names it', () => {
    for (const s of US_STATE_LAWS) {
      expect(s.inForce, s.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(s.state.length, s.id).toBeGreaterThan(2);
      expect(s.law.length, s.id).toBeGreaterThan(5);
      expect(s.id, s.id).toBe(`us-${s.code.toLowerCase()}`);
    }
  });

  it('marks Washington and Nevada as the consumer health data laws and every other state as comprehensive', () => {
    expect(US_STATE_LAWS.filter((s) => s.kind === 'health').map((s) => s.id)).toEqual(['us-wa', 'us-nv']);
    expect(US_STATE_LAWS.filter((s) => s.kind === 'comprehensive')).toHaveLength(18);
  });

  it('picks a workspace’s states and tells them from the other regimes', () => {
    expect(usStatesIn(['gdpr', 'ccpa', 'us-co', 'us-va']).map((s) => s.code)).toEqual(['VA', 'CO']);
    expect(isUsStateId('ccpa')).toBe(false);
    expect(isUsStateId('us-tx')).toBe(true);
  });
});
