import { describe, expect, it } from 'vitest';
import mappingsJson from '../resources/store-mappings.json' with { type: 'json' };
import { APPLE_DATA_TYPE_IDS, APPLE_PURPOSE_IDS, CCPA_CATEGORY_IDS, PLAY_DATA_TYPE_IDS, PLAY_PURPOSE_IDS } from './identifiers';
import { LIBRARY } from './library';
import {
  CATEGORY_MAPPINGS,
  CATEGORY_MAPPINGS_SOURCE,
  USE_MAPPINGS,
  USE_MAPPINGS_SOURCE,
  appleDataTypeLabel,
  applePurposeLabel,
  categoryMapping,
  categoryOptions,
  ccpaCategoryLabel,
  deriveClassification,
  deriveStorePurposes,
  filterOptions,
  playDataTypeLabel,
  playPurposeLabel,
  useOptions,
} from './reference';
import { CATEGORY_BY_KEY, DATA_CATEGORIES, DATA_USES, USE_BY_KEY } from './taxonomy';

const appleTypes = new Set<string>([...APPLE_DATA_TYPE_IDS, 'none']);
const playTypes = new Set<string>([...PLAY_DATA_TYPE_IDS, 'none']);
const ccpaIds = new Set<string>(CCPA_CATEGORY_IDS);

describe('identifier lists', () => {
  it('hold exactly the store and statute identifiers of formats-and-law.md', () => {
    expect(new Set(APPLE_DATA_TYPE_IDS).size).toBe(35);
    expect(APPLE_DATA_TYPE_IDS).toHaveLength(35);
    expect(new Set(PLAY_DATA_TYPE_IDS).size).toBe(38);
    expect(PLAY_DATA_TYPE_IDS).toHaveLength(38);
    expect(new Set(APPLE_PURPOSE_IDS).size).toBe(6);
    expect(APPLE_PURPOSE_IDS).toHaveLength(6);
    expect(new Set(PLAY_PURPOSE_IDS).size).toBe(7);
    expect(PLAY_PURPOSE_IDS).toHaveLength(7);
    // A-L of 1798.140(v)(1), and 'other' for personal information outside them
    expect(CCPA_CATEGORY_IDS).toHaveLength(13);
  });
});

describe('resources/store-mappings.json', () => {
  it('names its sources per table', () => {
    expect(CATEGORY_MAPPINGS_SOURCE).toMatch(/formats-and-law\.md §1\.2/);
    expect(CATEGORY_MAPPINGS_SOURCE).toMatch(/§2\.3/);
    expect(CATEGORY_MAPPINGS_SOURCE).toMatch(/§4\.3/);
    expect(CATEGORY_MAPPINGS_SOURCE).toMatch(/§4\.4/);
    expect(CATEGORY_MAPPINGS_SOURCE).toMatch(/§3\.5/);
    expect(USE_MAPPINGS_SOURCE).toMatch(/formats-and-law\.md §1\.3/);
    expect(USE_MAPPINGS_SOURCE).toMatch(/§2\.5/);
    expect(mappingsJson.taxonomy).toMatch(/Ethyca/);
  });

  it('uses only real identifiers in the category table', () => {
    for (const [key, entry] of Object.entries(CATEGORY_MAPPINGS)) {
      expect(appleTypes.has(entry.apple), `${key}.apple ${entry.apple}`).toBe(true);
      expect(playTypes.has(entry.play), `${key}.play ${entry.play}`).toBe(true);
      for (const c of entry.ccpa) expect(ccpaIds.has(c), `${key}.ccpa ${c}`).toBe(true);
      expect(new Set(entry.ccpa).size, `${key}.ccpa has duplicates`).toBe(entry.ccpa.length);
    }
  });

  it('uses only real identifiers in the use table', () => {
    for (const [key, entry] of Object.entries(USE_MAPPINGS)) {
      expect(APPLE_PURPOSE_IDS as readonly string[], key).toContain(entry.apple);
      expect(PLAY_PURPOSE_IDS as readonly string[], key).toContain(entry.play);
    }
  });

  it('keys every entry by a real taxonomy key', () => {
    for (const key of Object.keys(CATEGORY_MAPPINGS)) expect(CATEGORY_BY_KEY.has(key), key).toBe(true);
    for (const key of Object.keys(USE_MAPPINGS)) expect(USE_BY_KEY.has(key), key).toBe(true);
  });

  it('has an entry for every taxonomy root, so every key derives from the table', () => {
    for (const root of DATA_CATEGORIES.filter((c) => !c.parent)) expect(CATEGORY_MAPPINGS[root.key], root.key).toBeDefined();
    for (const root of DATA_USES.filter((u) => !u.parent)) expect(USE_MAPPINGS[root.key], root.key).toBeDefined();
  });

  it('keeps CCPA category L in step with the sensitive flag', () => {
    for (const [key, entry] of Object.entries(CATEGORY_MAPPINGS)) {
      expect(entry.ccpa.includes('sensitive'), key).toBe(entry.ccpaSensitive);
    }
  });
});

describe('deriveClassification', () => {
  it('derives something real for every taxonomy category, through its own entry or an ancestor', () => {
    for (const category of DATA_CATEGORIES) {
      const derived = deriveClassification({ category: category.key });
      expect(category.key === derived.matchedCategory || category.key.startsWith(`${derived.matchedCategory}.`), category.key).toBe(true);
      expect(appleTypes.has(derived.apple), category.key).toBe(true);
      expect(playTypes.has(derived.play), category.key).toBe(true);
      // Personal data below the bare `user` root always lands in at least one CCPA category.
      if (category.key.startsWith('user.')) expect(derived.ccpa.length, category.key).toBeGreaterThan(0);
    }
  });

  it('maps the common categories as the stores and statutes define them', () => {
    expect(deriveClassification({ category: 'user.contact.email' })).toMatchObject({
      apple: 'EmailAddress',
      play: 'PSL_EMAIL',
      ccpa: ['identifiers'],
      gdprSpecial: false,
      ccpaSensitive: false,
      matchedCategory: 'user.contact.email',
    });
    expect(deriveClassification({ category: 'user.location.precise' })).toMatchObject({
      apple: 'PreciseLocation',
      play: 'PSL_PRECISE_LOCATION',
      ccpaSensitive: true,
      gdprSpecial: false,
    });
    expect(deriveClassification({ category: 'user.health_and_medical' })).toMatchObject({
      apple: 'Health',
      play: 'PSL_HEALTH',
      gdprSpecial: true,
      ccpaSensitive: true,
    });
    expect(deriveClassification({ category: 'user.demographic.political_opinion' })).toMatchObject({
      gdprSpecial: true,
      ccpaSensitive: false,
    });
  });

  it('inherits from the nearest ancestor with an entry', () => {
    expect(CATEGORY_MAPPINGS['user.name.first']).toBeUndefined();
    const first = deriveClassification({ category: 'user.name.first' });
    expect(first.matchedCategory).toBe('user.name');
    expect(first.apple).toBe('Name');
    expect(first.play).toBe('PSL_NAME');
    expect(categoryMapping('user.health_and_medical.record_id').key).toBe('user.health_and_medical');
  });

  it('treats a key outside the taxonomy as unspecified personal data', () => {
    const derived = deriveClassification({ category: 'not.a.category' });
    expect(derived.matchedCategory).toBe('user');
    expect(derived.apple).toBe('OtherDataTypes');
  });

  it('marks everything derived when there are no overrides', () => {
    expect(deriveClassification({ category: 'user.contact.email' }).source).toEqual({
      apple: 'category',
      play: 'category',
      ccpa: 'category',
      gdprSpecial: 'category',
      ccpaSensitive: 'category',
    });
  });

  it('lets classification overrides win, field by field', () => {
    const derived = deriveClassification({
      category: 'system.operations',
      classification: { apple: 'CrashData', play: 'PSL_CRASH_LOGS' },
    });
    expect(derived.apple).toBe('CrashData');
    expect(derived.play).toBe('PSL_CRASH_LOGS');
    expect(derived.ccpa).toEqual(['internet-activity']);
    expect(derived.source).toMatchObject({ apple: 'override', play: 'override', ccpa: 'category' });

    const none = deriveClassification({ category: 'user.contact.email', classification: { apple: 'none', ccpa: ['customer-records'] } });
    expect(none.apple).toBe('none');
    expect(none.play).toBe('PSL_EMAIL');
    expect(none.ccpa).toEqual(['customer-records']);
    expect(none.source.ccpa).toBe('override');
  });

  it('lets sensitivity overrides win and carries the CCPA sensitive category with them', () => {
    const notSensitive = deriveClassification({ category: 'user.location.precise', sensitivity: { ccpaSensitive: false } });
    expect(notSensitive.ccpaSensitive).toBe(false);
    expect(notSensitive.ccpa).toEqual(['geolocation']);
    expect(notSensitive.source.ccpaSensitive).toBe('override');

    const special = deriveClassification({ category: 'user.sensor', sensitivity: { gdprSpecial: true, ccpaSensitive: true } });
    expect(special.gdprSpecial).toBe(true);
    expect(special.ccpa).toContain('sensitive');
    expect(special.source.gdprSpecial).toBe('override');

    // An explicit CCPA list is taken as written, even against the flag: lint, not derivation, reports that.
    const explicit = deriveClassification({
      category: 'user.location.precise',
      sensitivity: { ccpaSensitive: false },
      classification: { ccpa: ['geolocation', 'sensitive'] },
    });
    expect(explicit.ccpa).toEqual(['geolocation', 'sensitive']);
  });
});

describe('deriveStorePurposes', () => {
  it('derives a real purpose for every data use', () => {
    for (const use of DATA_USES) {
      const derived = deriveStorePurposes({ use: use.key });
      expect(APPLE_PURPOSE_IDS as readonly string[], use.key).toContain(derived.apple);
      expect(PLAY_PURPOSE_IDS as readonly string[], use.key).toContain(derived.play);
      expect(derived.source).toEqual({ apple: 'use', play: 'use' });
      expect(use.key === derived.matchedUse || use.key.startsWith(`${derived.matchedUse}.`), use.key).toBe(true);
    }
  });

  it('maps the common uses as Apple and Play define them', () => {
    expect(deriveStorePurposes({ use: 'essential.service' })).toMatchObject({ apple: 'AppFunctionality', play: 'PSL_APP_FUNCTIONALITY' });
    expect(deriveStorePurposes({ use: 'analytics.reporting' })).toMatchObject({ apple: 'Analytics', play: 'PSL_ANALYTICS' });
    expect(deriveStorePurposes({ use: 'marketing.advertising.third_party' })).toMatchObject({
      apple: 'ThirdPartyAdvertising',
      play: 'PSL_ADVERTISING',
    });
    expect(deriveStorePurposes({ use: 'marketing.advertising.third_party.targeted' }).matchedUse).toBe('marketing.advertising.third_party');
    expect(deriveStorePurposes({ use: 'essential.service.authentication' }).play).toBe('PSL_ACCOUNT_MANAGEMENT');
    expect(deriveStorePurposes({ use: 'personalize.content.profiled' })).toMatchObject({
      apple: 'ProductPersonalization',
      play: 'PSL_PERSONALIZATION',
      matchedUse: 'personalize',
    });
  });

  it('lets storePurpose win, each store on its own', () => {
    const both = deriveStorePurposes({
      use: 'marketing.communications.email',
      storePurpose: { play: 'PSL_DEVELOPER_COMMUNICATIONS' },
    });
    expect(both).toMatchObject({ apple: 'DeveloperAdvertising', play: 'PSL_DEVELOPER_COMMUNICATIONS' });
    expect(both.source).toEqual({ apple: 'use', play: 'override' });
    const apple = deriveStorePurposes({ use: 'analytics.reporting', storePurpose: { apple: 'Other' } });
    expect(apple).toMatchObject({ apple: 'Other', play: 'PSL_ANALYTICS', source: { apple: 'override', play: 'use' } });
  });

  it('falls back to Other / App functionality when there is no use to derive from', () => {
    expect(deriveStorePurposes({})).toMatchObject({
      apple: 'Other',
      play: 'PSL_APP_FUNCTIONALITY',
      source: { apple: 'default', play: 'default' },
    });
    expect(deriveStorePurposes({ use: 'no.such.use' }).source.apple).toBe('default');
  });
});

describe('labels', () => {
  it('labels every identifier in words, and "none" as not declared', () => {
    // A label is words, never the camel-case or PSL_ identifier shown back.
    for (const id of APPLE_DATA_TYPE_IDS) expect(appleDataTypeLabel(id), id).not.toMatch(/[a-z][A-Z]/);
    for (const id of PLAY_DATA_TYPE_IDS) expect(playDataTypeLabel(id)).not.toMatch(/^PSL_/);
    for (const id of APPLE_PURPOSE_IDS) expect(applePurposeLabel(id), id).not.toMatch(/[a-z][A-Z]/);
    expect(appleDataTypeLabel('EmailAddress')).toBe('Email Address');
    expect(applePurposeLabel('ThirdPartyAdvertising')).toBe('Third-Party Advertising');
    for (const id of PLAY_PURPOSE_IDS) expect(playPurposeLabel(id)).not.toMatch(/^PSL_/);
    for (const id of CCPA_CATEGORY_IDS) expect(ccpaCategoryLabel(id)).not.toBe(id);
    expect(appleDataTypeLabel('PhotosorVideos')).toBe('Photos or Videos');
    expect(playDataTypeLabel('PSL_OTHER')).toBe('Financial info: Other financial info');
    expect(appleDataTypeLabel('none')).toBe('Not declared');
    expect(playDataTypeLabel('none')).toBe('Not declared');
    expect(ccpaCategoryLabel('geolocation')).toBe('Geolocation data');
  });
});

describe('categoryOptions and useOptions', () => {
  it('list every taxonomy entry once, parents before children, with depth and path', () => {
    const options = categoryOptions();
    expect(options.map((o) => o.key).sort()).toEqual(DATA_CATEGORIES.map((c) => c.key).sort());
    const position = new Map(options.map((o, i) => [o.key, i]));
    for (const option of options) {
      if (option.parent) {
        expect(position.get(option.parent)!, option.key).toBeLessThan(position.get(option.key)!);
        expect(option.depth, option.key).toBe(options[position.get(option.parent)!].depth + 1);
      } else {
        expect(option.depth).toBe(0);
      }
    }
    const email = options.find((o) => o.key === 'user.contact.email')!;
    expect(email).toMatchObject({ name: 'User Contact Email', depth: 2, path: ['User Data', 'Contact Data'], parent: 'user.contact' });
    expect(
      useOptions()
        .map((o) => o.key)
        .sort(),
    ).toEqual(DATA_USES.map((u) => u.key).sort());
  });

  it('are built once and can be filtered by any word of key, name, description or ancestor', () => {
    expect(categoryOptions()).toBe(categoryOptions());
    const found = filterOptions(categoryOptions(), 'contact email').map((o) => o.key);
    expect(found).toContain('user.contact.email');
    expect(found).not.toContain('user.name');
    expect(filterOptions(categoryOptions(), '  ')).toHaveLength(DATA_CATEGORIES.length);
    expect(filterOptions(useOptions(), 'third party').map((o) => o.key)).toContain('marketing.advertising.third_party');
  });
});

describe('the data-type library against the reference tables', () => {
  it('uses only real identifiers and taxonomy keys', () => {
    for (const entry of LIBRARY) {
      expect(CATEGORY_BY_KEY.has(entry.category), `${entry.id}.category ${entry.category}`).toBe(true);
      expect(appleTypes.has(entry.apple), `${entry.id}.apple ${entry.apple}`).toBe(true);
      expect(playTypes.has(entry.play), `${entry.id}.play ${entry.play}`).toBe(true);
      for (const c of entry.ccpa) expect(ccpaIds.has(c), `${entry.id}.ccpa ${c}`).toBe(true);
      expect(entry.typicalUses.length, entry.id).toBeGreaterThan(0);
      for (const use of entry.typicalUses) expect(USE_BY_KEY.has(use), `${entry.id} use ${use}`).toBe(true);
      expect(typeof entry.gdprSpecial).toBe('boolean');
      expect(entry.ccpa.includes('sensitive'), `${entry.id} sensitive flag vs category L`).toBe(entry.ccpaSensitive);
    }
  });
});
