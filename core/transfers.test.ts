import { describe, expect, it } from 'vitest';
import type { Recipient } from './schema';
import { assessTransfer, basisLabel, hasCopy, representativeNeeded } from './transfers';

const recipient = (fields: Partial<Recipient>): Recipient => ({ id: 'r', name: 'R', ...fields });

describe('assessTransfer', () => {
  it('is no transfer inside the regime, or without a country', () => {
    expect(assessTransfer(recipient({ country: 'FR' }), 'gdpr')).toBeUndefined();
    expect(assessTransfer(recipient({ country: 'NO' }), 'uk-gdpr')).toBeUndefined();
    expect(assessTransfer(recipient({ country: 'GB' }), 'uk-gdpr')).toBeUndefined();
    expect(assessTransfer(recipient({}), 'gdpr')).toBeUndefined();
  });

  it('takes adequacy from the table: an adequate country needs no mechanism', () => {
    expect(assessTransfer(recipient({ country: 'GB' }), 'gdpr')).toMatchObject({ basis: { kind: 'adequacy' } });
    expect(assessTransfer(recipient({ country: 'GB' }), 'gdpr')?.problem).toBeUndefined();
    expect(assessTransfer(recipient({ country: 'CH', transferSafeguard: 'none' }), 'uk-gdpr')).toMatchObject({
      basis: { kind: 'adequacy' },
    });
    expect(assessTransfer(recipient({ country: 'CA' }), 'gdpr')?.basis).toMatchObject({
      kind: 'adequacy',
      scope: expect.stringContaining('PIPEDA'),
    });
  });

  it('reports adequacy claimed where the table has none', () => {
    expect(assessTransfer(recipient({ country: 'IN', transferSafeguard: 'adequacy' }), 'gdpr')).toMatchObject({
      basis: { kind: 'none' },
      problem: 'adequacy-claimed',
    });
    // Brazil's decision is only a draft.
    expect(assessTransfer(recipient({ country: 'BR', transferSafeguard: 'adequacy' }), 'gdpr')?.problem).toBe('adequacy-claimed');
  });

  it('treats the United States as adequate only for a recipient certified under the regime’s framework', () => {
    const certified = recipient({ country: 'US', dpf: { eu: true } });
    expect(assessTransfer(certified, 'gdpr')?.basis).toEqual({ kind: 'certified', framework: 'EU-US Data Privacy Framework' });
    // The EU framework alone does not cover a UK transfer.
    expect(assessTransfer(certified, 'uk-gdpr')).toMatchObject({ basis: { kind: 'none' }, problem: 'no-mechanism' });
    expect(assessTransfer(recipient({ country: 'US', transferSafeguard: 'adequacy' }), 'gdpr')?.problem).toBe(
      'adequacy-without-certification',
    );
    expect(assessTransfer(recipient({ country: 'US', dpf: { uk: true } }), 'uk-gdpr')?.basis.kind).toBe('certified');
  });

  it('accepts only the mechanisms each regime recognises', () => {
    const sccs = recipient({ country: 'IN', transferSafeguard: 'sccs' });
    expect(assessTransfer(sccs, 'gdpr')?.basis).toEqual({ kind: 'safeguard', mechanism: 'sccs' });
    expect(assessTransfer(sccs, 'uk-gdpr')?.problem).toBe('no-mechanism');
    const idta = recipient({ country: 'IN', transferSafeguard: 'idta' });
    expect(assessTransfer(idta, 'gdpr')?.problem).toBe('no-mechanism');
    expect(assessTransfer(idta, 'uk-gdpr')?.basis).toEqual({ kind: 'safeguard', mechanism: 'idta' });
    const both = recipient({ country: 'IN', transferSafeguard: 'sccs', ukTransferSafeguard: 'uk-addendum' });
    expect(assessTransfer(both, 'uk-gdpr')).toMatchObject({ field: 'ukTransferSafeguard', basis: { mechanism: 'uk-addendum' } });
    expect(assessTransfer(recipient({ country: 'IN' }), 'gdpr')?.problem).toBe('no-mechanism');
  });

  it('asks a derogation for its Art 49(1) point', () => {
    expect(assessTransfer(recipient({ country: 'IN', transferSafeguard: 'derogation' }), 'gdpr')).toMatchObject({
      basis: { kind: 'derogation' },
      problem: 'derogation-unnamed',
    });
    const named = assessTransfer(
      recipient({ country: 'IN', transferSafeguard: 'derogation', transferDerogation: 'legal-claims' }),
      'gdpr',
    )!;
    expect(named.problem).toBeUndefined();
    expect(basisLabel(named.basis)).toBe('Art 49(1)(e) derogation: legal claims');
    expect(hasCopy(named.basis)).toBe(false);
  });

  it('relies on a recorded mechanism where an adequacy decision covers only part of a country', () => {
    const jp = assessTransfer(recipient({ country: 'JP', transferSafeguard: 'sccs' }), 'gdpr')!;
    expect(jp.basis).toEqual({ kind: 'safeguard', mechanism: 'sccs' });
    expect(hasCopy(jp.basis)).toBe(true);
    expect(basisLabel(jp.basis)).toBe('EU standard contractual clauses (Art 46(2)(c))');
  });
});

describe('representativeNeeded', () => {
  it('needs a representative outside the region, none inside, and cannot tell without a country', () => {
    expect(representativeNeeded('US', 'eu')).toBe('yes');
    expect(representativeNeeded('GB', 'eu')).toBe('yes');
    expect(representativeNeeded('NO', 'eu')).toBe('no');
    expect(representativeNeeded('IE', 'uk')).toBe('yes');
    expect(representativeNeeded('GB', 'uk')).toBe('no');
    expect(representativeNeeded(undefined, 'uk')).toBe('unknown');
  });
});
