import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalize } from './canonical';
import { jsonEqual } from './entity-diff';
import type { Workspace } from './schema';
import { groupChanges, keysAt, semanticDiff, valueAt, workspaceText } from './semantic-diff';
import { workspaceArbitrary } from './testing/arbitraries';
import { editedPairArbitrary, fullWorkspaceArbitrary } from './testing/workspace-edits';

const SAMPLE = join(__dirname, '..', 'resources', 'examples', 'ridgeline.candor.json');

function sample(): Workspace {
  return JSON.parse(readFileSync(SAMPLE, 'utf8')) as Workspace;
}

function lines(a: Workspace, b: Workspace): string[] {
  return semanticDiff(a, b).changes.map((c) => c.line);
}

describe('semanticDiff on the sample', () => {
  it('says a retention change in words, with the path to the field and both values', () => {
    const a = sample();
    const b = sample();
    b.dataTypes[0].retention = { period: { value: 90, unit: 'days' }, after: 'account-closure' };
    const { changes } = semanticDiff(a, b);
    expect(changes).toEqual([
      {
        kind: 'changed',
        path: '/dataTypes/email-address/retention',
        entity: { section: 'dataTypes', id: 'email-address', name: 'Email address' },
        field: 'retention',
        before: { period: { value: 30, unit: 'days' }, after: 'account-closure' },
        after: { period: { value: 90, unit: 'days' }, after: 'account-closure' },
        beforeText: '30 days after account closure',
        afterText: '90 days after account closure',
        line: 'Email address: retention 30 days after account closure → 90 days after account closure',
      },
    ]);
  });

  it('matches entries by id: a renamed data type is changed, with its previous name', () => {
    const a = sample();
    const b = sample();
    b.dataTypes[0].name = 'Email';
    const { changes } = semanticDiff(a, b);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      kind: 'changed',
      path: '/dataTypes/email-address/name',
      entity: { id: 'email-address', name: 'Email', previousName: 'Email address' },
      line: 'Email: name "Email address" → "Email"',
    });
  });

  it('lists added and removed entries, new recipients of a data type, transfers and sale', () => {
    const a = sample();
    const b = sample();
    const removed = b.dataTypes.splice(1, 1)[0];
    b.purposes.push({ id: 'trail-tips', name: 'Suggest trails near you' });
    b.dataTypes[0].recipients = [...(b.dataTypes[0].recipients ?? []), 'maptiler'];
    const maptiler = b.recipients.find((r) => r.id === 'maptiler')!;
    maptiler.country = 'US';
    maptiler.transferSafeguard = 'sccs';
    maptiler.sells = true;
    maptiler.sharesForAds = false;
    expect(lines(a, b)).toEqual([
      `Data type removed: ${removed.name}`,
      'Email address: recipient added: MapTiler AG',
      'Purpose added: Suggest trails near you',
      'MapTiler AG: country Switzerland (CH) → United States (US)',
      'MapTiler AG: transfer safeguard adequacy decision → EU standard contractual clauses',
      'MapTiler AG: sells personal information not set → yes',
      'MapTiler AG: shares for cross-context behavioural advertising not set → no',
    ]);
    const added = semanticDiff(a, b).changes.find((c) => c.path === '/purposes/trail-tips')!;
    expect(added).toMatchObject({ kind: 'added', after: { id: 'trail-tips', name: 'Suggest trails near you' } });
  });

  it('covers contacts, jurisdictions, rights pages and the US facts of the organization', () => {
    const a = sample();
    const b = sample();
    b.organization.dpo = { ...b.organization.dpo, email: 'dpo@new.example' };
    b.organization.representatives = [...(b.organization.representatives ?? []), { region: 'eu', name: 'EU Rep SARL' }];
    b.organization.jurisdictions = [...b.organization.jurisdictions, 'us-va'];
    b.organization.accountDeletionUrl = 'https://ridgeline.example/delete';
    b.organization.usPrivacy = { ...b.organization.usPrivacy, sellsUnder16: true };
    b.organization.contactEmail = undefined;
    expect(lines(a, b)).toEqual([
      'Organization: contact email privacy@ridgeline.example → not set',
      'Organization: account deletion page https://ridgeline.example/account/delete → https://ridgeline.example/delete',
      'Organization: sells or shares data of people under 16 no → yes',
      'Organization: DPO email dpo@ridgeline.example → dpo@new.example',
      'Organization: EU representative added',
      'Organization: jurisdiction added: Virginia (Virginia Consumer Data Protection Act)',
    ]);
    expect(semanticDiff(a, b).changes[4].path).toBe('/organization/representatives/eu');
  });

  it('covers cookies, consent records and financial incentives', () => {
    const a = sample();
    a.collectionPoints[0].cookies = [{ name: '_ga', provider: 'maptiler', duration: '2 years', party: 'third' }];
    const b = structuredClone(a);
    b.collectionPoints[0].cookies = [
      { name: '_ga', provider: 'maptiler', duration: '13 months', party: 'third' },
      { name: 'session', necessary: true },
    ];
    b.dataTypes[0].consent = { sharing: true, how: 'Checkbox at sign-up' };
    b.financialIncentives = [{ id: 'plus-trial', name: 'Free month of Plus', dataTypes: ['email-address'] }];
    const point = a.collectionPoints[0].name;
    expect(lines(a, b)).toEqual([
      'Email address: consent to share recorded not set → yes',
      'Email address: how consent is recorded not set → "Checkbox at sign-up"',
      `${point}: cookie _ga (maptiler) duration "2 years" → "13 months"`,
      `${point}: cookie session added`,
      'Financial incentive added: Free month of Plus',
    ]);
    const cookie = semanticDiff(a, b).changes[2];
    expect(cookie.path).toBe(`/collectionPoints/${a.collectionPoints[0].id}/cookies/_ga (maptiler)/duration`);
    expect(valueAt(b, cookie.path)).toBe('13 months');
  });

  it('says when a list is reordered, since documents follow the order', () => {
    const a = sample();
    const b = sample();
    b.purposes.reverse();
    const { changes } = semanticDiff(a, b);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'reordered', path: '/purposes', field: 'order', after: b.purposes.map((p) => p.id) });
  });

  it('groups the changes by section and entry', () => {
    const a = sample();
    const b = sample();
    b.dataTypes[0].required = false;
    b.dataTypes[0].owner = 'Growth team';
    b.organization.name = 'Ridgeline Outdoor';
    const groups = groupChanges(semanticDiff(a, b));
    expect(groups.map((g) => [g.title, g.entities.map((e) => [e.entity.name, e.changes.length])])).toEqual([
      ['Organization', [['Organization', 1]]],
      ['Data types', [['Email address', 2]]],
    ]);
  });

  it('reads an empty text and a missing one as the same', () => {
    const a = sample();
    const b = sample();
    b.dataTypes[0].notes = '';
    b.recipients[0].trackingDomains = [];
    expect(semanticDiff(a, b).same).toBe(true);
  });
});

describe('semanticDiff properties', () => {
  it('is tried on pairs that differ in every kind of way', () => {
    const kinds = new Set<string>();
    for (const [a, b] of fc.sample(editedPairArbitrary(), { numRuns: 200, seed: 7 })) {
      for (const change of semanticDiff(a, b).changes) kinds.add(`${change.kind} ${change.entity.section}`);
    }
    for (const section of ['organization', 'dataTypes', 'purposes', 'recipients', 'collectionPoints', 'financialIncentives']) {
      expect(kinds).toContain(`changed ${section}`);
    }
    expect(kinds).toContain('added dataTypes');
    expect(kinds).toContain('removed dataTypes');
    expect(kinds).toContain('reordered dataTypes');
  });

  it('finds nothing between a workspace and itself, or a copy with its keys in another order', () => {
    fc.assert(
      fc.property(workspaceArbitrary({ hostile: true }), (ws) => {
        expect(semanticDiff(ws, ws).changes).toEqual([]);
        const reversedKeys = JSON.parse(JSON.stringify(ws), (_key, value: unknown) =>
          value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
        ) as Workspace;
        expect(semanticDiff(ws, reversedKeys).same).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('is empty exactly when the canonical workspaces are equal', () => {
    fc.assert(
      fc.property(editedPairArbitrary(), ([a, b]) => {
        expect(semanticDiff(a, b).same).toBe(jsonEqual(canonicalize(a), canonicalize(b)));
      }),
      { numRuns: 200 },
    );
  });

  it("gives each change a path whose value in the newer workspace is the change's after, and in the older its before", () => {
    fc.assert(
      fc.property(editedPairArbitrary(), ([a, b]) => {
        const { changes } = semanticDiff(a, b);
        for (const change of changes) {
          if (change.kind === 'reordered') {
            const kept = (keys: unknown[], other: unknown[]) => keys.filter((k) => other.includes(k));
            const inA = keysAt(a, change.path);
            const inB = keysAt(b, change.path);
            expect(change.after).toEqual(kept(inB, inA));
            expect(change.before).toEqual(kept(inA, inB));
            continue;
          }
          expect(valueAt(b, change.path)).toEqual(change.after);
          expect(valueAt(a, change.path)).toEqual(change.before);
          if (change.kind === 'added') expect(change.before).toBeUndefined();
          if (change.kind === 'removed') expect(change.after).toBeUndefined();
          if (change.kind === 'changed') expect(change.before !== undefined && change.after !== undefined).toBe(true);
          expect(change.line).not.toMatch(/[\n\r]/);
        }
        // One change per place.
        expect(new Set(changes.map((c) => `${c.kind} ${c.path}`)).size).toBe(changes.length);
      }),
      { numRuns: 200 },
    );
  });

  it('runs backwards: the diff from b to a has the same places, with added and removed swapped', () => {
    const flip = { added: 'removed', removed: 'added', changed: 'changed', reordered: 'reordered' } as const;
    fc.assert(
      fc.property(editedPairArbitrary(), ([a, b]) => {
        const forward = semanticDiff(a, b)
          .changes.map((c) => `${flip[c.kind]} ${c.path}`)
          .sort();
        const backward = semanticDiff(b, a)
          .changes.map((c) => `${c.kind} ${c.path}`)
          .sort();
        expect(backward).toEqual(forward);
      }),
      { numRuns: 150 },
    );
  });
});

describe('workspaceText', () => {
  it('writes one line per field, each starting with its entry, grouped under its entry', () => {
    const text = workspaceText(sample());
    const lines = text.split('\n');
    expect(lines[0]).toBe('Candor workspace, format version 1');
    expect(lines).toContain('Email address: retention: 30 days after account closure');
    expect(lines).toContain('Data type Email address (email-address)');
    expect(lines).toContain('Organization: DPO email: dpo@ridgeline.example');
    expect(lines).toContain('Organization: jurisdiction: UK GDPR');
    expect(lines.filter((l) => l.startsWith('Email address: purpose: '))).toHaveLength(sample().dataTypes[0].purposes.length);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('is the same text for equal workspaces, and another text after any change', () => {
    fc.assert(
      fc.property(fullWorkspaceArbitrary({ hostile: true }), editedPairArbitrary(), (ws, [a, b]) => {
        const copy = JSON.parse(JSON.stringify(ws)) as Workspace;
        expect(workspaceText(copy)).toBe(workspaceText(ws));
        if (!semanticDiff(a, b).same) expect(workspaceText(b)).not.toBe(workspaceText(a));
        // Whatever the texts hold, a field stays on its own line.
        for (const line of workspaceText(ws).split('\n')) expect(line).not.toMatch(/\r|\u2028|\u2029/);
      }),
      { numRuns: 100 },
    );
  });
});
