// Each breach-law element, found where the inventory says it is (category, sensitivity, CCPA category or the
// team's own words), and not where the statute's definition would not be met.
import { describe, expect, it } from 'vitest';
import type { DataType } from '../schema';
import {
  BREACH_ELEMENT_LABELS,
  BREACH_ELEMENTS,
  breachElementMatches,
  breachElements,
  dataTypeBreachElements,
  dataTypeElements,
  type ElementMatch,
} from './elements';
import type { BreachElement } from './types';

function dt(id: string, category: string, extra: Partial<DataType> = {}): DataType {
  return { id, name: id.replace(/-/g, ' '), category, purposes: ['provide-service'], ...extra };
}

const match = (d: DataType, element: BreachElement): ElementMatch | undefined => dataTypeElements(d).find((m) => m.element === element);

/** One data type per element that certainly holds it, and why. */
const DEFINITE: Record<BreachElement, DataType> = {
  name: dt('full-name', 'user.name'),
  ssn: dt('ssn', 'user.government_id.national_identification_number', { name: 'Social Security number' }),
  'government-id': dt('licence', 'user.government_id.drivers_license_number', { name: "Driver's licence number" }),
  'account-number': dt('iban', 'user.financial.bank_account', { name: 'Bank account' }),
  'card-number': dt('card', 'user.financial.credit_card', { name: 'Payment card' }),
  'account-access-code': dt('cvv', 'user.financial.credit_card', { name: 'Card security code (CVV)' }),
  medical: dt('diagnoses', 'user.health_and_medical', { name: 'Diagnoses' }),
  'health-insurance': dt('insurance-id', 'user.health_and_medical.insurance_beneficiary_id', { name: 'Insurance number' }),
  biometric: dt('fingerprint', 'user.biometric.fingerprint', { name: 'Fingerprint template' }),
  'licence-plate': dt('alpr', 'user.government_id.vehicle_registration', { name: 'ALPR reads' }),
  genetic: dt('dna', 'user.health_and_medical.genetic', { name: 'DNA test results' }),
  'username-or-email': dt('email', 'user.contact.email', { name: 'Email address' }),
  password: dt('password', 'user.authorization.password', { name: 'Password' }),
  'security-question': dt('recovery', 'user.account', { name: 'Security questions and answers' }),
  'special-category': dt('religion', 'user.demographic.religious_belief', { name: 'Religion' }),
  'precise-location': dt('routes', 'user.location.precise', { name: 'Recorded routes' }),
  children: dt('child-name', 'user.childrens', { name: "Child's first name" }),
};

describe('each element', () => {
  for (const element of BREACH_ELEMENTS) {
    it(`${element}: found in ${DEFINITE[element].category} ("${DEFINITE[element].name}"), with a reason`, () => {
      const found = match(DEFINITE[element], element);
      expect(found).toMatchObject({ element, certainty: 'definite', dataTypes: [DEFINITE[element].id] });
      expect(found!.reason).toMatch(/\.$/);
      expect(dataTypeBreachElements(DEFINITE[element])).toContain(element);
      expect(BREACH_ELEMENT_LABELS[element]).toBeTruthy();
    });
  }

  it('lists every element of the type once, labelled', () => {
    expect(new Set(BREACH_ELEMENTS).size).toBe(BREACH_ELEMENTS.length);
    expect(Object.keys(BREACH_ELEMENT_LABELS).sort()).toEqual([...BREACH_ELEMENTS].sort());
  });
});

describe('categories below a key', () => {
  it('take the rules of the nearest key that has them', () => {
    expect(dataTypeBreachElements(dt('gp-notes', 'user.health_and_medical.record_id'))).toEqual(['medical', 'special-category']);
    expect(dataTypeBreachElements(dt('name-kana', 'user.name.kana'))).toEqual(['name']);
    expect(dataTypeBreachElements(dt('work-email', 'user.contact.email.work'))).toEqual(['username-or-email']);
  });

  it('find nothing in technical or ordinary data', () => {
    for (const category of [
      'system.operations',
      'user.device.device_id',
      'user.behavior',
      'user.location.imprecise',
      'user.contact.phone_number',
    ]) {
      expect(dataTypeElements(dt('x', category))).toEqual([]);
    }
  });
});

describe('what the statute defines narrowly is only possible', () => {
  it('a first name alone is not a name, a first and a last name together are', () => {
    const first = dt('first-name', 'user.name.first');
    const last = dt('last-name', 'user.name.last');
    expect(match(first, 'name')?.certainty).toBe('possible');
    expect(breachElements([first])).toEqual([]);
    expect(breachElements([last])).toEqual([]);
    expect(breachElements([first, last])).toEqual(['name']);
    expect(breachElementMatches([first, last])[0]).toMatchObject({
      element: 'name',
      certainty: 'definite',
      dataTypes: ['first-name', 'last-name'],
    });
  });

  it('health measurements are health data, but not the biometric data used to log in', () => {
    const heart = dt('heart-rate', 'user.biometric.health');
    expect(dataTypeBreachElements(heart)).toEqual(['special-category']);
    expect(match(heart, 'biometric')).toBeUndefined();
    expect(match(heart, 'medical')?.certainty).toBe('possible');
  });

  it('CCPA biometric information and geolocation are wider than the breach law', () => {
    const stats = dt('activity-statistics', 'user.sensor', { classification: { ccpa: ['biometric', 'geolocation'] } });
    expect(breachElements([stats])).toEqual([]);
    expect(match(stats, 'biometric')?.certainty).toBe('possible');
    expect(match(stats, 'precise-location')?.certainty).toBe('possible');
  });

  it('a vehicle registration is not licence plate recognition data, a voice print not always biometric', () => {
    expect(match(dt('plate', 'user.government_id.vehicle_registration'), 'licence-plate')?.certainty).toBe('possible');
    expect(dataTypeBreachElements(dt('voice', 'user.biometric.voice'))).toEqual([]);
  });

  it('a national ID number is a government ID number, and in the US may be the Social Security number', () => {
    const national = dt('national-id', 'user.government_id.national_identification_number', { name: 'National ID number' });
    expect(dataTypeBreachElements(national)).toEqual(['government-id']);
    expect(match(national, 'ssn')?.certainty).toBe('possible');
  });

  it('card numbers carry no security code unless the inventory says so', () => {
    expect(dataTypeBreachElements(dt('card', 'user.financial.credit_card'))).toEqual(['card-number']);
  });
});

describe('what the team wrote', () => {
  it('sensitivity flags mark special categories; consumer health data may be medical information', () => {
    const flagged = dt('union', 'user.workplace', { sensitivity: { gdprSpecial: true } });
    expect(dataTypeBreachElements(flagged)).toEqual(['special-category']);
    const health = dt('cycle', 'user.behavior', { sensitivity: { consumerHealth: true } });
    expect(dataTypeBreachElements(health)).toEqual(['special-category']);
    expect(match(health, 'medical')?.certainty).toBe('possible');
    expect(dataTypeBreachElements(dt('prefs', 'user.behavior', { sensitivity: { ccpaSensitive: true } }))).toEqual([]);
  });

  it('names the taxonomy has no key for', () => {
    expect(dataTypeBreachElements(dt('ssn', 'user', { name: 'SSN' }))).toEqual(['ssn']);
    // a national ID number named as the Social Security number is that, not a second ID number
    expect(dataTypeBreachElements(DEFINITE.ssn)).toEqual(['ssn']);
    expect(dataTypeBreachElements(dt('tax', 'user', { name: 'Tax ID' }))).toEqual(['government-id']);
    expect(dataTypeBreachElements(dt('cover', 'user', { name: 'Health insurance plan' }))).toEqual(['health-insurance']);
    expect(dataTypeBreachElements(dt('pin', 'user.authorization', { name: 'PIN code' }))).toEqual(['account-access-code']);
  });

  it('a scanned identity document holds a name and a government ID number', () => {
    for (const name of ['Scanned IDs', 'ID card scans', 'Copies of passports', 'Photo ID', 'Scans of customers passports']) {
      expect(dataTypeBreachElements(dt('documents', 'user.government_id', { name }))).toEqual(['name', 'government-id']);
    }
    expect(dataTypeBreachElements(dt('image-ids', 'user.content.private', { name: 'Image IDs' }))).toEqual([]);
    expect(dataTypeBreachElements(dt('map-pins', 'user.location.precise', { name: 'Map pins' }))).toEqual(['precise-location']);
  });
});

describe('breachElements', () => {
  it('gives each element once, in the order California lists them, with every data type that holds it', () => {
    const types = [DEFINITE.password, DEFINITE['username-or-email'], dt('login', 'user.account.username'), DEFINITE.name, DEFINITE.ssn];
    expect(breachElements(types)).toEqual(['name', 'ssn', 'username-or-email', 'password']);
    const login = breachElementMatches(types).find((m) => m.element === 'username-or-email');
    expect(login?.dataTypes).toEqual(['email', 'login']);
  });

  it('prefers a certain match over a possible one', () => {
    const matches = breachElementMatches([dt('national-id', 'user.government_id.national_identification_number'), DEFINITE.ssn]);
    expect(matches.find((m) => m.element === 'ssn')).toMatchObject({ certainty: 'definite', dataTypes: ['ssn'] });
  });

  it('is empty for no data types', () => {
    expect(breachElements([])).toEqual([]);
  });
});
