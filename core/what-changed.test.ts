import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Workspace } from './schema';
import { editedPairArbitrary } from './testing/workspace-edits';
import { changeAnnouncement, compareRetention, whatChanged } from './what-changed';

const SAMPLE = join(__dirname, '..', 'resources', 'examples', 'ridgeline.candor.json');

function sample(): Workspace {
  return JSON.parse(readFileSync(SAMPLE, 'utf8')) as Workspace;
}

const dt = (ws: Workspace, id: string) => ws.dataTypes.find((d) => d.id === id)!;
const rc = (ws: Workspace, id: string) => ws.recipients.find((r) => r.id === id)!;

// Edits a team makes between two versions, each a customer would want to hear about.
const EDITS: Record<string, (ws: Workspace) => void> = {
  'a new kind of data with its purpose': (ws) => {
    ws.purposes.push({ id: 'trails-near-you', name: 'Show trails near you', lawfulBasis: 'consent' });
    ws.dataTypes.push({
      id: 'coarse-location',
      name: 'Coarse location',
      category: 'user.location.imprecise',
      source: 'automatic',
      purposes: ['trails-near-you'],
      benefit: 'You see trails close to where you are.',
      retention: { period: { value: 30, unit: 'days' }, after: 'collection' },
      recipients: ['hetzner'],
      collectedAt: [ws.collectionPoints[0].id],
    });
  },
  'a longer retention': (ws) => {
    dt(ws, 'crash-logs').retention = { period: { value: 180, unit: 'days' }, after: 'collection' };
  },
  'a processor dropped': (ws) => {
    dt(ws, 'email-address').recipients = ['hetzner'];
  },
  'a kind of data no longer collected': (ws) => {
    ws.dataTypes = ws.dataTypes.filter((d) => d.id !== 'push-token');
  },
  'data now sold': (ws) => {
    rc(ws, 'trailkeepers').sells = true;
  },
  'a recipient moved abroad': (ws) => {
    rc(ws, 'zendesk').country = 'IN';
  },
  'a new purpose for existing data': (ws) => {
    dt(ws, 'crash-logs').purposes.push('product-analytics');
  },
  'a new contact and a new state': (ws) => {
    ws.organization.contactEmail = 'hello@ridgeline.example';
    ws.organization.jurisdictions.push('us-va');
  },
};

describe('whatChanged', () => {
  it("says the issue's three examples in plain words, grouped by what matters to a customer", () => {
    const a = sample();
    const b = sample();
    b.purposes.push({ id: 'trails-near-you', name: 'Show trails near you', lawfulBasis: 'consent' });
    b.dataTypes.push({
      id: 'coarse-location',
      name: 'Approximate location',
      category: 'user.location.imprecise',
      source: 'automatic',
      purposes: ['trails-near-you'],
      benefit: 'You see trails close to where you are.',
      retention: { period: { value: 30, unit: 'days' }, after: 'collection' },
      collectedAt: [b.collectionPoints[0].id],
    });
    a.dataTypes = a.dataTypes.filter((d) => d.id !== 'approximate-location');
    b.dataTypes = b.dataTypes.filter((d) => d.id !== 'approximate-location');
    dt(a, 'crash-logs').retention = { period: { value: 30, unit: 'days' }, after: 'collection' };
    dt(b, 'email-address').recipients = ['hetzner'];
    const changes = whatChanged(a, b);
    expect(changes.groups).toEqual([
      {
        topic: 'collect',
        heading: 'New data we collect',
        sentences: ['We now collect your approximate location to show trails near you.'],
      },
      {
        topic: 'retention',
        heading: 'How long we keep your data',
        sentences: ['We now keep your crash logs for 90 days after collection, instead of 30 days.'],
      },
      { topic: 'sharing', heading: 'Who receives your data', sentences: ['Brevo SAS no longer handles your email address for us.'] },
    ]);
    expect(changes.empty).toBe(false);
    expect(changes.markdown).toContain('### New data we collect\n\n- We now collect your approximate location to show trails near you.');
  });

  it('leaves out internal changes: notes, owners, status, store classifications, settings and review decisions', () => {
    const a = sample();
    const b = sample();
    const d = dt(b, 'email-address');
    d.notes = 'Checked with legal.';
    d.owner = 'Growth team';
    d.status = 'approved';
    d.reviewedOn = '2026-11-30';
    d.classification = { apple: 'EmailAddress' };
    b.settings.inAppLimits = { short: 100, long: 300 };
    b.review = {
      accepted: [{ rule: 'no-dpo', path: 'organization.dpo', fingerprint: 'abc', reason: 'Not required.', by: 'Dana', on: '2026-12-01' }],
    };
    const changes = whatChanged(a, b);
    expect(changes).toMatchObject({ empty: true, groups: [], sentences: [], text: '', markdown: '' });
  });

  it.each(Object.entries(EDITS))('reads at grade 8 or lower: %s', (_name, edit) => {
    const b = sample();
    edit(b);
    const changes = whatChanged(sample(), b);
    expect(changes.sentences.length).toBeGreaterThan(0);
    expect(changes.grade).toBeLessThanOrEqual(8);
    for (const s of changes.sentences) {
      expect(s).toMatch(/^[A-Z].*\.$/);
      expect(s).not.toMatch(/undefined|\[object|NaN| {2}/);
    }
  });

  it('reads at grade 8 or lower with every edit at once, one sentence for each', () => {
    const b = sample();
    for (const edit of Object.values(EDITS)) edit(b);
    const changes = whatChanged(sample(), b);
    expect(changes.grade).toBeLessThanOrEqual(8);
    expect(changes.sentences).toEqual([
      'We now collect your coarse location to show trails near you.',
      'We now also use your crash logs to understand how the app is used.',
      'We no longer collect your push notification token.',
      'We now keep your crash logs for 180 days after collection, instead of 90 days.',
      'We now sell your display name, trail condition reports and trail report photos to Trailkeepers e.V.',
      'Hetzner Online GmbH now handles your coarse location for us.',
      'Brevo SAS no longer handles your email address for us.',
      'Zendesk, Inc. now handles your data in India instead of the United States.',
      'You can now email us at hello@ridgeline.example.',
      'If you live in Virginia, you now have rights under its privacy law.',
    ]);
  });

  it('names the data once when two processors stop handling it, and says when sharing stops', () => {
    const a = sample();
    const b = sample();
    dt(b, 'email-address').recipients = [];
    rc(a, 'trailkeepers').sells = true;
    dt(b, 'display-name').recipients = ['hetzner'];
    expect(whatChanged(a, b).sentences).toEqual([
      'We no longer sell your trail condition reports and trail report photos to Trailkeepers e.V.',
      'We no longer sell your display name to Trailkeepers e.V.',
      'Hetzner Online GmbH and Brevo SAS no longer handle your email address for us.',
    ]);
  });

  it('never throws and writes only whole sentences, for any pair of workspaces', () => {
    fc.assert(
      fc.property(editedPairArbitrary(), ([a, b]) => {
        const changes = whatChanged(a, b);
        expect(changes.empty).toBe(changes.sentences.length === 0);
        for (const s of changes.sentences) {
          expect(s).toMatch(/[.!?]$/);
          expect(s).not.toMatch(/undefined|\[object|NaN/);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('compareRetention', () => {
  it('compares periods counted from the same event, and a period that gave way to none', () => {
    const days = (value: number, unit: 'days' | 'months' = 'days') => ({ period: { value, unit }, after: 'collection' as const });
    expect(compareRetention(days(30), days(90))).toBe('longer');
    expect(compareRetention(days(90), days(30))).toBe('shorter');
    expect(compareRetention(days(61), days(2, 'months'))).toBe('shorter');
    expect(compareRetention(days(30), { after: 'account-closure' })).toBe('longer');
    expect(compareRetention(days(30), { period: { value: 30, unit: 'days' }, after: 'account-closure' })).toBe('unknown');
    expect(compareRetention(undefined, days(30))).toBe('unknown');
  });
});

describe('changeAnnouncement', () => {
  it('writes an email with the version, the date, the changes and where to read and ask', () => {
    const b = sample();
    EDITS['a longer retention'](b);
    const a = changeAnnouncement(whatChanged(sample(), b), b, { version: '2.1', effective: '2027-03-01' });
    expect(a.subject).toBe('Ridgeline: changes to our privacy notice from 1 March 2027');
    expect(a.text).toContain('We are updating our privacy notice to version 2.1. The new version takes effect on 1 March 2027.');
    expect(a.text).toContain(
      'How long we keep your data\n- We now keep your crash logs for 180 days after collection, instead of 90 days.',
    );
    expect(a.text).toContain(`You can read the full notice at ${b.organization.privacyPolicyUrl}.`);
    expect(a.markdown).toContain('### How long we keep your data');
    expect(a.grade).toBeLessThanOrEqual(8);
  });

  it('claims no changes when nothing a customer reads changed, and keeps every sample within grade 8 and its banner budget', () => {
    const same = changeAnnouncement(whatChanged(sample(), sample()), sample(), { version: '2.1', effective: '2027-03-01' });
    expect(same.text).toContain('This update does not change what data we collect, how we use it or who receives it.');
    expect(same.text).not.toContain('Here is what changes');
    for (const file of ['ridgeline', 'little-moments']) {
      const before = JSON.parse(readFileSync(join(__dirname, '..', 'resources', 'examples', `${file}.candor.json`), 'utf8')) as Workspace;
      const after = structuredClone(before);
      after.dataTypes = after.dataTypes.slice(1);
      const kept = after.dataTypes.find((d) => d.retention?.period)!;
      kept.retention = { ...kept.retention!, period: { ...kept.retention!.period!, value: kept.retention!.period!.value * 2 } };
      const a = changeAnnouncement(whatChanged(before, after), after, { version: '2.1', effective: '2027-03-01' });
      expect(a.text, file).toContain('Here is what changes:');
      expect(a.grade, file).toBeLessThanOrEqual(8);
      expect(a.banner.overBudget, file).toBe(false);
      expect(a.banner.length, file).toBeLessThanOrEqual(a.banner.budget);
    }
  });

  it('gives a banner within the short in-app budget: the one change when it fits, else that the notice changes', () => {
    const b = sample();
    EDITS['a kind of data no longer collected'](b);
    const one = changeAnnouncement(whatChanged(sample(), b), b, { effective: '2027-03-01' }).banner;
    expect(one.text).toBe('Our privacy notice changes on 1 March 2027. We no longer collect your push notification token.');
    expect(one.overBudget).toBe(false);
    for (const edit of Object.values(EDITS)) edit(b);
    const many = changeAnnouncement(whatChanged(sample(), b), b, { effective: '2027-03-01' }).banner;
    expect(many.length).toBeLessThanOrEqual(many.budget);
    expect(many.text).toBe(
      'Our privacy notice changes on 1 March 2027. We now collect your coarse location to show trails near you. See what else changes.',
    );
    b.settings.inAppLimits = { short: 100, long: 400 };
    expect(changeAnnouncement(whatChanged(sample(), b), b, { effective: '2027-03-01' }).banner.text).toBe(
      'Ridgeline is updating its privacy notice on 1 March 2027. See what changes and how it affects you.',
    );
    b.settings.inAppLimits = { short: 40, long: 400 };
    const tight = changeAnnouncement(whatChanged(sample(), b), b, { effective: '2027-03-01' }).banner;
    expect(tight).toMatchObject({ text: 'Our privacy notice is changing. See what changes.', overBudget: true, budget: 40 });
  });
});
