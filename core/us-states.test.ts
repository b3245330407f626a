import { describe, expect, it } from 'vitest';
import { JURISDICTIONS } from './schema';
import { COMPREHENSIVE_STATE_LAWS, US_STATE_LAWS, comprehensiveStatesIn, isStateSensitive, isUsStateId, usStatesIn } from './us-states';

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

  it('records for each comprehensive law the facts of docs/reference/formats-and-law.md §10, and none for the health data laws', () => {
    const ids = (pick: (s: (typeof US_STATE_LAWS)[number]) => boolean) => COMPREHENSIVE_STATE_LAWS.filter(pick).map((s) => s.code);
    expect(ids((s) => s.correction === false)).toEqual(['UT', 'IA']);
    expect(ids((s) => s.sensitiveData === 'opt-out')).toEqual(['UT', 'IA']);
    expect(ids((s) => s.sensitiveData === 'strictly-necessary')).toEqual(['MD']);
    expect(ids((s) => s.universalOptOut === true)).toEqual(['CO', 'CT', 'TX', 'OR', 'MT', 'DE', 'NE', 'NH', 'NJ', 'MN', 'MD']);
    expect(ids((s) => s.appeal === false)).toEqual(['UT']);
    for (const s of COMPREHENSIVE_STATE_LAWS) {
      expect(typeof s.correction, s.id).toBe('boolean');
      expect(['opt-in', 'opt-out', 'strictly-necessary'], s.id).toContain(s.sensitiveData);
      expect(typeof s.universalOptOut, s.id).toBe('boolean');
      expect(typeof s.appeal, s.id).toBe('boolean');
    }
    for (const s of US_STATE_LAWS.filter((law) => law.kind === 'health')) {
      expect([s.correction, s.sensitiveData, s.universalOptOut, s.appeal], s.id).toEqual([undefined, undefined, undefined, undefined]);
    }
    expect(comprehensiveStatesIn(['ccpa', 'us-wa', 'us-md', 'us-nv', 'us-va']).map((s) => s.code)).toEqual(['VA', 'MD']);
  });

  it('counts as sensitive data what the state laws name, not the CCPA-only kinds', () => {
    const flags = (gdprSpecial: boolean, ccpaSensitive: boolean) => ({ gdprSpecial, ccpaSensitive });
    expect(isStateSensitive('user.health_and_medical', flags(true, true))).toBe(true);
    expect(isStateSensitive('user.location.precise', flags(false, true))).toBe(true);
    expect(isStateSensitive('user.government_id.immigration', flags(false, true))).toBe(true);
    expect(isStateSensitive('user.authorization.password', flags(false, true))).toBe(false);
    expect(isStateSensitive('user.financial.credit_card', flags(false, true))).toBe(false);
    expect(isStateSensitive('user.government_id', flags(false, true))).toBe(false);
    expect(isStateSensitive('user.contact.email', flags(false, false))).toBe(false);
  });
});
