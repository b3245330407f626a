// The CCPA categories Candor gives each kind of data (resources/store-mappings.json for the data
// categories, resources/data-type-library.json for the library's data types), checked one statutory
// category at a time against Cal. Civ. Code 1798.140(v)(1)(A)-(L) and the sensitive personal information
// of 1798.140(ae): for each, data that belongs in it and data that does not.
import { describe, expect, it } from 'vitest';
import { CCPA_CATEGORIES, type CcpaCategoryId } from './identifiers';
import { LIBRARY, dataTypeFromLibrary } from './library';
import { deriveClassification } from './reference';
import mappings from '../resources/store-mappings.json' with { type: 'json' };
import { minimalWorkspace } from './testing/fixtures';

const workspace = minimalWorkspace();

/** The categories a library data type gets when it is added from the library. */
function libraryCategories(id: string): CcpaCategoryId[] {
  const entry = LIBRARY.find((e) => e.id === id);
  if (!entry) throw new Error(`no library entry ${id}`);
  return deriveClassification(dataTypeFromLibrary(entry, workspace)).ccpa;
}

/** The categories a data type of a fideslang category gets when nothing is overridden. */
function categoryCategories(category: string): CcpaCategoryId[] {
  return deriveClassification({ category }).ccpa;
}

// For each category: library data types that belong in it, and ones that must not.
const CASES: Record<CcpaCategoryId, { in: string[]; out: string[] }> = {
  // (A) "real name, alias, postal address, unique personal identifier, online identifier, IP address, email address, account name …"
  identifiers: {
    in: ['email-address', 'name', 'username', 'ip-address', 'device-id', 'advertising-id', 'ssn'],
    out: ['crash-logs', 'purchase-history'],
  },
  // (B) 1798.80(e): name, signature, address, telephone, insurance, bank account, card number, medical information …
  'customer-records': {
    in: ['name', 'phone-number', 'postal-address', 'bank-account', 'payment-card', 'health-records'],
    out: ['email-address', 'ip-address'],
  },
  // (C) characteristics of protected classifications: age, sex, race, religion, marital status …
  'protected-classifications': {
    in: ['date-of-birth', 'gender', 'marital-status', 'race-ethnicity', 'religious-beliefs'],
    out: ['language-preference', 'job-title'],
  },
  // (D) "products or services purchased, obtained, or considered, or other purchasing or consuming histories"
  commercial: { in: ['purchase-history'], out: ['search-history', 'payment-card'] },
  // (E) 1798.140(c): physiological and biological characteristics, including sleep, health or exercise data with identifying information
  biometric: { in: ['face-data', 'fingerprint', 'heart-rate', 'fitness-data', 'genetic-data'], out: ['profile-photo', 'photos'] },
  // (F) "browsing history, search history, and information regarding a consumer's interaction with an internet website, application, or advertisement"
  'internet-activity': {
    in: ['browsing-history', 'search-history', 'app-interactions', 'ad-interactions', 'crash-logs'],
    out: ['email-address', 'precise-location'],
  },
  // (G) geolocation data
  geolocation: { in: ['precise-location', 'approximate-location', 'location-history'], out: ['ip-address', 'billing-country'] },
  // (H) "audio, electronic, visual, thermal, olfactory, or similar information": recordings and images, not what a person writes
  sensory: {
    in: ['photos', 'videos', 'voice-recordings', 'profile-photo'],
    out: ['support-messages', 'in-app-messages', 'files-documents', 'posts-comments', 'calendar-events'],
  },
  // (I) professional or employment-related information
  professional: { in: ['employment-info', 'job-title'], out: ['education-records'] },
  // (J) education information (FERPA records)
  education: { in: ['education-records'], out: ['employment-info'] },
  // (K) inferences drawn to create a profile
  inferences: { in: ['inferred-interests', 'profile-details'], out: ['app-interactions'] },
  // what fits none of A-K ("including, but not limited to"): text a person writes
  other: {
    in: ['support-messages', 'in-app-messages', 'files-documents', 'posts-comments', 'calendar-events'],
    out: ['photos', 'email-address'],
  },
  // (L) sensitive personal information, 1798.140(ae): government ids, log-in with password, card with code, precise geolocation,
  // racial origin, religion, union membership, contents of messages not addressed to the business, genetic, biometric for
  // identification, health, sex life or sexual orientation
  sensitive: {
    in: [
      'ssn',
      'passport-number',
      'drivers-licence',
      'password',
      'payment-card',
      'precise-location',
      'race-ethnicity',
      'religious-beliefs',
      'trade-union-membership',
      'in-app-messages',
      'genetic-data',
      'fingerprint',
      'health-records',
      'sexual-orientation',
    ],
    // messages to the business itself are not sensitive (ae)(1)(E): "unless the business is the intended recipient"
    out: ['support-messages', 'approximate-location', 'email-address', 'bank-account'],
  },
};

describe('CCPA categories of each kind of data', () => {
  for (const category of CCPA_CATEGORIES) {
    it(`${category.code ? `(${category.code}) ` : ''}${category.label}: the right data in, the wrong data out`, () => {
      const cases = CASES[category.id];
      for (const id of cases.in) expect(libraryCategories(id), `${id} should be in ${category.id}`).toContain(category.id);
      for (const id of cases.out) expect(libraryCategories(id), `${id} should not be in ${category.id}`).not.toContain(category.id);
    });
  }

  it('has a case for every category', () => {
    expect(Object.keys(CASES).sort()).toEqual(CCPA_CATEGORIES.map((c) => c.id).sort());
  });

  it('never calls written content "audio, electronic, visual" information, however it is categorised', () => {
    for (const category of ['user.content', 'user.content.private', 'user.content.public']) {
      expect(categoryCategories(category), category).toEqual(['other']);
    }
    expect(categoryCategories('user.content.self_image')).toEqual(['sensory']);
    // a recording or an image is audio or visual information, whatever its content category
    expect(deriveClassification({ category: 'user.content.public', classification: { apple: 'PhotosorVideos' } }).ccpa).toEqual([
      'sensory',
    ]);
    expect(deriveClassification({ category: 'user.content.private', classification: { play: 'PSL_AUDIO' } }).ccpa).toEqual(['sensory']);
    expect(deriveClassification({ category: 'user.content.private', classification: { apple: 'CustomerSupport' } }).ccpa).toEqual([
      'other',
    ]);
  });

  it('gives every data category known categories, and says why when it gives none', () => {
    const ids = new Set<string>(CCPA_CATEGORIES.map((c) => c.id));
    for (const [key, entry] of Object.entries(mappings.dataCategories.entries) as [string, { ccpa: string[]; note?: string }][]) {
      for (const c of entry.ccpa) expect(ids.has(c), `${key}: ${c}`).toBe(true);
      if (entry.ccpa.length === 0) expect(entry.note?.length ?? 0, `${key} has no category and no reason`).toBeGreaterThan(20);
    }
    expect(mappings.dataCategories.source).toMatch(/1798\.140\(v\)\(1\)/);
  });
});
