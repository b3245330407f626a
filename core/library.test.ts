import { describe, expect, it } from 'vitest';
import { LIBRARY, blankDataType, dataTypeFromLibrary, searchLibrary, type LibraryEntry } from './library';
import { createEmptyWorkspace } from './new-workspace';
import { deriveClassification } from './reference';
import type { Workspace } from './schema';
import { validateWorkspace } from './validate';

function entry(id: string): LibraryEntry {
  const found = LIBRARY.find((e) => e.id === id);
  if (!found) throw new Error(`library has no entry "${id}"`);
  return found;
}

function workspaceWithPurposes(): Workspace {
  const ws = createEmptyWorkspace('Test Co');
  ws.purposes = [
    { id: 'run-service', name: 'Run the service', use: 'essential.service', lawfulBasis: 'contract' },
    { id: 'sign-in', name: 'Sign you in', use: 'essential.service.authentication', lawfulBasis: 'contract' },
    { id: 'newsletter', name: 'Newsletter', use: 'marketing.communications.email', lawfulBasis: 'consent' },
    { id: 'stats', name: 'Usage statistics', use: 'analytics.reporting', lawfulBasis: 'consent' },
    { id: 'ads', name: 'Ads', use: 'marketing.advertising.third_party.targeted', lawfulBasis: 'consent' },
    { id: 'no-use', name: 'No use yet' },
  ];
  return ws;
}

describe('the library', () => {
  it('has at least 60 entries with unique ids, names and the fields the editor needs', () => {
    expect(LIBRARY.length).toBeGreaterThanOrEqual(60);
    expect(new Set(LIBRARY.map((e) => e.id)).size).toBe(LIBRARY.length);
    expect(new Set(LIBRARY.map((e) => e.name.toLowerCase())).size).toBe(LIBRARY.length);
    for (const e of LIBRARY) {
      expect(e.id, e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(e.description, e.id).toMatch(/^[A-Z].*\.$/);
      expect(e.keywords.length, e.id).toBeGreaterThan(0);
    }
  });

  it('covers the data types teams ask for most', () => {
    const names = LIBRARY.map((e) => e.name.toLowerCase());
    for (const wanted of [
      'email address',
      'phone number',
      'name',
      'postal address',
      'date of birth',
      'precise location',
      'approximate location',
      'photos',
      'videos',
      'voice recordings',
      'contacts (address book)',
      'calendar events',
      'crash logs',
      'performance diagnostics',
      'app interactions',
      'search history',
      'browsing history',
      'advertising id',
      'device id',
      'ip address',
      'cookies',
      'user id',
      'password',
      'payment card',
      'bank account details',
      'purchase history',
      'health records',
      'fitness activity',
      'heart rate',
      'sleep data',
      'menstrual cycle',
      'face data (biometric)',
      'fingerprint',
      'gender',
      'race or ethnic origin',
      'religious or philosophical beliefs',
      'political opinions',
      'sexual orientation',
      'identity document',
      'passport number',
      "driver's licence number",
      'social security number',
      'employment information',
      'education records',
      'customer support messages',
      'in-app messages',
      'emails',
      'sms messages',
      'files and documents',
      'installed apps',
      'push notification token',
      'language preference',
      'account settings',
      'social media profile',
      "children's data",
      'activity timestamps',
    ]) {
      expect(names, wanted).toContain(wanted);
    }
  });

  it('agrees with the derivation tables where it should', () => {
    // Special categories are special in the library too, whatever category they sit in.
    expect(entry('health-records')).toMatchObject({ gdprSpecial: true, ccpaSensitive: true });
    expect(entry('precise-location')).toMatchObject({ gdprSpecial: false, ccpaSensitive: true });
    expect(entry('support-messages').ccpaSensitive).toBe(false);
    expect(entry('in-app-messages').ccpaSensitive).toBe(true);
  });
});

describe('searchLibrary', () => {
  it('finds Email address first for "email", and the e-mail synonyms too', () => {
    expect(searchLibrary('email')[0].id).toBe('email-address');
    expect(searchLibrary('Email')[0].id).toBe('email-address');
    expect(searchLibrary('e-mail')[0].id).toBe('email-address');
    expect(searchLibrary('mail')[0].id).toBe('email-address');
  });

  it('finds Precise location first for "gps" and other synonyms', () => {
    expect(searchLibrary('gps')[0].id).toBe('precise-location');
    expect(searchLibrary('latitude')[0].id).toBe('precise-location');
    expect(searchLibrary('idfa')[0].id).toBe('advertising-id');
    expect(searchLibrary('iban')[0].id).toBe('bank-account');
    expect(searchLibrary('crash')[0].id).toBe('crash-logs');
    expect(searchLibrary('heart')[0].id).toBe('heart-rate');
    expect(searchLibrary('driver’s license')[0].id).toBe('drivers-licence');
  });

  it('ranks while typing: a prefix of a name already finds it', () => {
    expect(
      searchLibrary('pho')
        .map((e) => e.id)
        .slice(0, 3),
    ).toEqual(expect.arrayContaining(['photos', 'phone-number']));
    expect(searchLibrary('passw')[0].id).toBe('password');
  });

  it('treats singular and plural as the same word, below an exact match', () => {
    expect(searchLibrary('photo')[0].id).toBe('photos');
    expect(searchLibrary('emails')[0].id).toBe('emails');
    expect(searchLibrary('email')[0].id).toBe('email-address');
    expect(
      searchLibrary('message')
        .slice(0, 3)
        .map((e) => e.id)
        .sort(),
    ).toEqual(['in-app-messages', 'sms', 'support-messages']);
  });

  it('requires every word typed and accepts the words in any order', () => {
    expect(searchLibrary('location precise')[0].id).toBe('precise-location');
    expect(searchLibrary('approximate location')[0].id).toBe('approximate-location');
    expect(searchLibrary('email zzzz')).toEqual([]);
  });

  it('finds entries by category and description when nothing else matches', () => {
    expect(searchLibrary('biometric').map((e) => e.id)).toEqual(expect.arrayContaining(['face-data', 'fingerprint']));
    expect(searchLibrary('stack').map((e) => e.id)).toContain('crash-logs');
  });

  it('lists the library in order for an empty query and honours the limit', () => {
    expect(searchLibrary('', 5)).toEqual(LIBRARY.slice(0, 5));
    expect(searchLibrary('   ')).toHaveLength(Math.min(20, LIBRARY.length));
    expect(searchLibrary('e', 3)).toHaveLength(3);
    expect(searchLibrary('xyzzy-nothing')).toEqual([]);
  });
});

describe('dataTypeFromLibrary', () => {
  it('gives a draft with a slug id, made unique against the workspace', () => {
    const ws = workspaceWithPurposes();
    const first = dataTypeFromLibrary(entry('email-address'), ws);
    expect(first).toMatchObject({ id: 'email-address', name: 'Email address', category: 'user.contact.email', status: 'draft' });
    ws.dataTypes.push(first);
    const second = dataTypeFromLibrary(entry('email-address'), ws);
    expect(second.id).toBe('email-address-2');
    ws.dataTypes.push(second);
    expect(dataTypeFromLibrary(entry('email-address'), ws).id).toBe('email-address-3');
    expect(dataTypeFromLibrary(entry('drivers-licence'), ws).id).toBe('driver-s-licence-number');
  });

  it('picks the purposes whose use matches a typical use exactly or by ancestor or descendant', () => {
    const ws = workspaceWithPurposes();
    // email: essential.service.authentication (exact: sign-in; descendant of run-service's essential.service),
    // marketing.communications.email (exact: newsletter)
    expect(dataTypeFromLibrary(entry('email-address'), ws).purposes).toEqual(['run-service', 'sign-in', 'newsletter']);
    // app interactions: analytics.reporting (exact) and functional.service.improve (nothing)
    expect(dataTypeFromLibrary(entry('app-interactions'), ws).purposes).toEqual(['stats']);
    // advertising id: analytics.reporting.ad_performance (under stats' analytics.reporting) and
    // marketing.advertising.third_party.targeted (exact: ads); the workspace's order is kept
    expect(dataTypeFromLibrary(entry('advertising-id'), ws).purposes).toEqual(['stats', 'ads']);
    // payment card: only essential.service.payment_processing, under run-service's essential.service
    expect(dataTypeFromLibrary(entry('payment-card'), ws).purposes).toEqual(['run-service']);
    // crash logs: analytics.reporting.system.performance is a descendant of stats' analytics.reporting
    expect(dataTypeFromLibrary(entry('crash-logs'), ws).purposes).toEqual(['stats']);
    // a workspace without a related purpose leaves the list empty for the editor to ask
    expect(dataTypeFromLibrary(entry('bank-account'), createEmptyWorkspace('Empty')).purposes).toEqual([]);
  });

  it('guesses where the data comes from', () => {
    const ws = workspaceWithPurposes();
    expect(dataTypeFromLibrary(entry('email-address'), ws).source).toBe('user');
    expect(dataTypeFromLibrary(entry('crash-logs'), ws).source).toBe('automatic');
    expect(dataTypeFromLibrary(entry('precise-location'), ws).source).toBe('automatic');
    expect(dataTypeFromLibrary(entry('heart-rate'), ws).source).toBe('automatic');
    expect(dataTypeFromLibrary(entry('photos'), ws).source).toBe('user');
  });

  it('writes overrides only where the entry differs from its category', () => {
    const ws = workspaceWithPurposes();
    const email = dataTypeFromLibrary(entry('email-address'), ws);
    expect(email.classification).toBeUndefined();
    expect(email.sensitivity).toBeUndefined();
    expect(email.subjects).toBeUndefined();

    const crash = dataTypeFromLibrary(entry('crash-logs'), ws);
    expect(crash.classification).toEqual({ apple: 'CrashData', play: 'PSL_CRASH_LOGS' });

    const photos = dataTypeFromLibrary(entry('photos'), ws);
    // Content is "other personal information", but photos, by their store type, are visual information (CCPA H).
    expect(photos.classification).toEqual({ apple: 'PhotosorVideos', play: 'PSL_PHOTOS' });
    expect(deriveClassification(photos).ccpa).toEqual(['sensory']);

    const messages = dataTypeFromLibrary(entry('in-app-messages'), ws);
    // The sensitive flag is set by hand; CCPA category L then follows it without a list override.
    expect(messages.sensitivity).toEqual({ ccpaSensitive: true });
    expect(messages.classification).toEqual({ apple: 'EmailsOrTextMessages', play: 'PSL_OTHER_MESSAGES' });
  });

  it('reproduces every library entry exactly through deriveClassification', () => {
    const ws = workspaceWithPurposes();
    for (const e of LIBRARY) {
      const derived = deriveClassification(dataTypeFromLibrary(e, ws));
      expect(derived.apple, e.id).toBe(e.apple);
      expect(derived.play, e.id).toBe(e.play);
      expect([...derived.ccpa].sort(), e.id).toEqual([...e.ccpa].sort());
      expect(derived.gdprSpecial, e.id).toBe(e.gdprSpecial);
      expect(derived.ccpaSensitive, e.id).toBe(e.ccpaSensitive);
    }
  });

  it('gives data types that validate inside a workspace, all added together', () => {
    const ws = workspaceWithPurposes();
    for (const e of LIBRARY) {
      const dataType = dataTypeFromLibrary(e, ws);
      if (dataType.purposes.length === 0) dataType.purposes = ['run-service'];
      ws.dataTypes.push(dataType);
    }
    const result = validateWorkspace(ws);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(new Set(ws.dataTypes.map((d) => d.id)).size).toBe(LIBRARY.length);
  });
});

describe('blankDataType', () => {
  it('starts a draft named "New data type" with a free id and no purposes', () => {
    const ws = workspaceWithPurposes();
    const first = blankDataType(ws);
    expect(first).toEqual({ id: 'new-data-type', name: 'New data type', category: 'user', purposes: [], status: 'draft' });
    ws.dataTypes.push(first);
    expect(blankDataType(ws).id).toBe('new-data-type-2');
    ws.dataTypes.push(blankDataType(ws));
    expect(blankDataType(ws).id).toBe('new-data-type-3');
  });

  it('takes the name typed in the search, with an id made from it', () => {
    const ws = workspaceWithPurposes();
    const typed = blankDataType(ws, '  Meditation   history ');
    expect(typed).toMatchObject({ id: 'meditation-history', name: 'Meditation history', purposes: [] });
    ws.dataTypes.push(typed);
    expect(blankDataType(ws, 'Meditation history').id).toBe('meditation-history-2');
    expect(blankDataType(ws, '   ').name).toBe('New data type');
  });

  it('validates once a purpose is chosen', () => {
    const ws = workspaceWithPurposes();
    const blank = blankDataType(ws);
    ws.dataTypes.push({ ...blank, purposes: ['run-service'] });
    expect(validateWorkspace(ws).ok).toBe(true);
  });
});
