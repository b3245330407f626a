import { describe, expect, it } from 'vitest';
import { ADEQUACY_LISTS, ADEQUACY_SOURCES, adequacyFor, adequateCountries, type AdequacyRegime } from './adequacy';
import { COUNTRY_CODES, EEA } from './countries';

const REGIMES: AdequacyRegime[] = ['gdpr', 'uk-gdpr'];

// Spelled out from docs/reference/formats-and-law.md §9 (checked December 2026), so that a change to the
// JSON has to be a deliberate change here too.
const EU_45 = ['AD', 'AR', 'CA', 'FO', 'GG', 'IL', 'IM', 'JP', 'JE', 'NZ', 'KR', 'CH', 'GB', 'UY', 'US'];
const UK_THIRD_COUNTRIES = ['GI', 'AD', 'AR', 'CA', 'FO', 'GG', 'IM', 'IL', 'JP', 'JE', 'NZ', 'CH', 'UY', 'KR', 'US'];
const EEA_STATES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT',
  'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
]; // prettier-ignore

const sorted = (codes: Iterable<string>) => [...codes].sort();

describe('adequacy table', () => {
  it('uses only ISO 3166-1 alpha-2 codes', () => {
    for (const regime of REGIMES) {
      const list = ADEQUACY_LISTS[regime];
      for (const c of [...list.countries.map((e) => e.code), ...list.pending.map((p) => p.code)]) {
        expect(COUNTRY_CODES, `${regime}: ${c}`).toContain(c);
      }
    }
  });

  it('lists exactly the EU Art 45 countries of §9', () => {
    expect(sorted(ADEQUACY_LISTS.gdpr.countries.map((e) => e.code))).toEqual(sorted(EU_45));
    expect(sorted(adequateCountries('gdpr').map((e) => e.code))).toEqual(sorted(EU_45));
  });

  it('lists exactly the UK data bridges of §9: the EEA, Gibraltar and the listed countries', () => {
    expect(sorted(ADEQUACY_LISTS['uk-gdpr'].countries.map((e) => e.code))).toEqual(sorted(UK_THIRD_COUNTRIES));
    expect(ADEQUACY_LISTS['uk-gdpr'].eeaAdequate).toBe(true);
    expect(sorted(adequateCountries('uk-gdpr').map((e) => e.code))).toEqual(sorted([...EEA_STATES, ...UK_THIRD_COUNTRIES]));
  });

  it('relies on the EEA of core/countries.ts, which is the EU 27 with Iceland, Liechtenstein and Norway', () => {
    expect(sorted(EEA)).toEqual(sorted(EEA_STATES));
  });

  it('gives the partial decisions their scope', () => {
    const scope = (regime: AdequacyRegime, c: string) => ADEQUACY_LISTS[regime].countries.find((e) => e.code === c)?.scope;
    for (const regime of REGIMES) {
      expect(scope(regime, 'CA')).toMatch(/PIPEDA/);
      expect(scope(regime, 'JP')).toMatch(/APPI/);
      expect(scope(regime, 'US')).toMatch(/certified/);
      expect(scope(regime, 'CH')).toBeUndefined();
    }
    expect(adequacyFor('gdpr', 'CA')).toMatchObject({ status: 'adequate', scope: expect.stringMatching(/commercial organisations/) });
    expect(adequacyFor('gdpr', 'JP')).toMatchObject({ status: 'adequate', scope: expect.stringMatching(/private-sector/) });
  });

  it('names its sources with a URL and the month checked', () => {
    expect(ADEQUACY_SOURCES.gdpr).toMatchObject({ name: expect.stringMatching(/European Commission/), checked: '2026-12' });
    expect(ADEQUACY_SOURCES.gdpr.url).toMatch(/^https:\/\/commission\.europa\.eu\//);
    expect(ADEQUACY_SOURCES['uk-gdpr']).toMatchObject({ name: expect.stringMatching(/Information Commissioner/), checked: '2026-12' });
    expect(ADEQUACY_SOURCES['uk-gdpr'].url).toMatch(/^https:\/\/ico\.org\.uk\//);
    expect(adequacyFor('gdpr', 'IN').source).toBe(ADEQUACY_SOURCES.gdpr);
    expect(adequacyFor('uk-gdpr', 'IN').source).toBe(ADEQUACY_SOURCES['uk-gdpr']);
  });

  it('keeps Brazil as a pending note, not an adequate country', () => {
    expect(ADEQUACY_LISTS.gdpr.pending.map((p) => p.code)).toEqual(['BR']);
    const answer = adequacyFor('gdpr', 'BR');
    expect(answer.status).toBe('not-adequate');
    expect(answer.reason).toMatch(/draft/);
  });
});

describe('adequacyFor', () => {
  it('treats the EEA as inside for the GDPR and as adequate for the UK GDPR', () => {
    expect(adequacyFor('gdpr', 'DE').status).toBe('inside');
    expect(adequacyFor('gdpr', 'NO').status).toBe('inside');
    expect(adequacyFor('uk-gdpr', 'DE').status).toBe('adequate');
    expect(adequacyFor('uk-gdpr', 'IS').status).toBe('adequate');
  });

  it('treats the UK as adequate for the GDPR and inside for the UK GDPR', () => {
    expect(adequacyFor('gdpr', 'GB').status).toBe('adequate');
    expect(adequacyFor('uk-gdpr', 'GB').status).toBe('inside');
  });

  it('treats Switzerland as adequate under both', () => {
    for (const regime of REGIMES) expect(adequacyFor(regime, 'CH')).toEqual({ status: 'adequate', source: ADEQUACY_SOURCES[regime] });
  });

  it('treats Gibraltar as adequate only under the UK GDPR', () => {
    expect(adequacyFor('uk-gdpr', 'GI').status).toBe('adequate');
    expect(adequacyFor('gdpr', 'GI').status).toBe('not-adequate');
  });

  it('finds India, Brazil and China not adequate under either', () => {
    for (const regime of REGIMES) {
      for (const c of ['IN', 'BR', 'CN']) {
        const answer = adequacyFor(regime, c);
        expect(answer.status, `${regime} ${c}`).toBe('not-adequate');
        expect(answer.reason, `${regime} ${c}`).toBeTruthy();
      }
    }
    expect(adequacyFor('gdpr', 'IN').reason).toBe('India has no EU adequacy decision.');
    expect(adequacyFor('uk-gdpr', 'BR').reason).toBe('Brazil has no UK adequacy decision.');
  });

  it('makes the United States depend on certification, under each regime its own framework', () => {
    const eu = adequacyFor('gdpr', 'US');
    const uk = adequacyFor('uk-gdpr', 'US');
    expect(eu.status).toBe('adequate-if-certified');
    expect(uk.status).toBe('adequate-if-certified');
    expect(eu.certification?.name).toBe('EU-US Data Privacy Framework');
    expect(uk.certification?.name).toBe('UK Extension to the EU-US Data Privacy Framework');
    expect(eu.reason).toContain('dataprivacyframework.gov');

    for (const regime of REGIMES) {
      const yes = adequacyFor(regime, 'US', { dpfCertified: true });
      expect(yes.status).toBe('adequate');
      expect(yes.scope).toMatch(/only organisations certified/);
      const no = adequacyFor(regime, 'US', { dpfCertified: false });
      expect(no.status).toBe('not-adequate');
      expect(no.reason).toMatch(/covers only organisations certified .* and this recipient is not\.$/);
    }
    expect(adequacyFor('uk-gdpr', 'US', { dpfCertified: false }).reason).toContain('UK Extension');
  });

  it('ignores the certification flag for countries that do not need one', () => {
    expect(adequacyFor('gdpr', 'JP', { dpfCertified: false }).status).toBe('adequate');
    expect(adequacyFor('gdpr', 'IN', { dpfCertified: true }).status).toBe('not-adequate');
  });

  it('accepts a code in lower case or with spaces, and says when a code is not one', () => {
    expect(adequacyFor('gdpr', ' de ').status).toBe('inside');
    expect(adequacyFor('uk-gdpr', 'ch').status).toBe('adequate');
    const unknown = adequacyFor('gdpr', 'XX');
    expect(unknown.status).toBe('not-adequate');
    expect(unknown.reason).toBe('"XX" is not an ISO 3166-1 alpha-2 country code.');
  });
});
