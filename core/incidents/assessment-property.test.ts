// Over random workspaces (data types in every taxonomy category) and random incidents: the assessment never
// fails, never says anything undefined, and its proposals agree with its level, its exceptions with the facts,
// and California's answer with the statute's combinations; the incident review copes with anything valid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../schema';
import { DATA_CATEGORIES } from '../taxonomy';
import { workspaceArbitrary } from '../testing/arbitraries';
import { assessIncident } from './assessment';
import { BREACH_ELEMENTS } from './elements';
import { lintIncidents } from './lint';
import { BREACH_KINDS, emptyRegister, type Incident, IncidentSchema, LEVELS, RESIDENCES } from './schema';

const categories = DATA_CATEGORIES.map((c) => c.key);

const caseArb = workspaceArbitrary({ hostile: true, maxDataTypes: 8 }).chain((ws) =>
  fc
    .record({
      categories: fc.array(fc.constantFrom(...categories), { minLength: ws.dataTypes.length, maxLength: ws.dataTypes.length }),
      names: fc.array(fc.constantFrom('Social Security number', 'Scanned IDs', 'Card security code', 'Security questions', 'Notes'), {
        minLength: ws.dataTypes.length,
        maxLength: ws.dataTypes.length,
      }),
      dataTypes: fc.subarray([...ws.dataTypes.map((d) => d.id), 'not-in-inventory']),
      recipients: fc.subarray([...ws.recipients.map((r) => r.id), 'unknown-recipient']),
      kinds: fc.subarray([...BREACH_KINDS]),
      people: fc.option(fc.nat({ max: 1_000_000 }), { nil: undefined }),
      records: fc.option(fc.nat({ max: 10_000_000 }), { nil: undefined }),
      residence: fc.option(fc.subarray([...RESIDENCES], { maxLength: 4 }), { nil: undefined }),
      californians: fc.option(fc.nat({ max: 5_000 }), { nil: undefined }),
      encrypted: fc.option(fc.boolean(), { nil: undefined }),
      keySafe: fc.option(fc.boolean(), { nil: undefined }),
      identifiability: fc.option(fc.constantFrom(...LEVELS), { nil: undefined }),
      severity: fc.option(fc.constantFrom(...LEVELS), { nil: undefined }),
      permanent: fc.option(fc.boolean(), { nil: undefined }),
      vulnerable: fc.option(fc.boolean(), { nil: undefined }),
      childrenDirected: fc.boolean(),
      hoursLater: fc.integer({ min: -10, max: 500 }),
      authority: fc.option(fc.constantFrom('notify', 'do-not-notify'), { nil: undefined }),
    })
    .map((c) => {
      const workspace: Workspace = {
        ...ws,
        organization: { ...ws.organization, audience: { childrenDirected: c.childrenDirected } },
        dataTypes: ws.dataTypes.map((d, i) => ({ ...d, category: c.categories[i], name: i % 2 ? c.names[i] : d.name })),
      };
      const incident: Incident = IncidentSchema.parse({
        id: 'random',
        title: 'Random',
        status: 'open',
        discoveredAt: '2026-12-05T09:30:00+01:00',
        summary: 'Something happened.',
        dataTypes: c.dataTypes,
        recipients: c.recipients,
        kinds: c.kinds,
        people: c.people,
        records: c.records,
        residence: c.residence,
        residents: c.californians === undefined ? undefined : { ccpa: c.californians },
        encrypted: c.encrypted,
        keySafe: c.keySafe,
        identifiability: c.identifiability,
        severity: c.severity,
        permanent: c.permanent,
        vulnerable: c.vulnerable,
        decisions: c.authority ? { authority: { decision: c.authority, reasons: '' } } : undefined,
      });
      return { workspace, incident, now: new Date(Date.parse(incident.discoveredAt) + c.hoursLater * 3_600_000) };
    }),
);

const BAD_TEXT = /undefined|NaN|\[object /;

describe('assessIncident over random incidents', () => {
  it('always answers, in words, consistently with its own level and the facts', () => {
    fc.assert(
      fc.property(caseArb, ({ workspace, incident }) => {
        const a = assessIncident(incident, workspace);
        const texts = [
          ...a.factors.map((f) => f.reason),
          ...a.authority.reasons,
          ...a.people.reasons,
          ...a.usStates.map((s) => s.reason),
          ...a.matches.map((m) => m.reason),
        ];
        for (const text of texts) {
          expect(text.trim().length).toBeGreaterThan(0);
          expect(text).not.toMatch(BAD_TEXT);
        }
        expect(a.authority.reasons.length).toBeGreaterThan(0);
        expect(a.people.reasons.length).toBeGreaterThan(0);
        // the elements keep Candor's order, each once
        expect(a.elements).toEqual(BREACH_ELEMENTS.filter((e) => a.elements.includes(e)));
        const unintelligible = incident.encrypted === true && incident.keySafe === true;
        expect(a.unintelligible).toBe(unintelligible);
        if (a.level === 'unlikely') expect(a.authority.proposal).toBe('do-not-notify');
        if (a.people.exception === 'unintelligible') expect(unintelligible).toBe(true);
        if (a.identityNumbersExposed) expect(a.elements.some((e) => e === 'ssn' || e === 'government-id')).toBe(true);
        // California first, then the other states; only California has an answer of its own
        const ca = a.usStates.findIndex((s) => s.residence === 'ccpa');
        expect(ca).toBeLessThanOrEqual(0);
        for (const s of a.usStates) if (s.residence !== 'ccpa') expect(s.triggered).toBe('check');
        const california = a.usStates[ca];
        if (california?.triggered === 'yes') {
          expect(unintelligible).toBe(false);
          expect(california.elements.includes('name') || california.elements.includes('username-or-email')).toBe(true);
          expect(california.attorneyGeneral).toBeDefined();
        }
        if (california?.triggered === 'no') expect(california.attorneyGeneral).toBe('no');
      }),
      { numRuns: 150 },
    );
  });

  it('the review of a register of such incidents reports only paths inside it', () => {
    fc.assert(
      fc.property(caseArb, ({ workspace, incident, now }) => {
        const findings = lintIncidents({ ...emptyRegister(), incidents: [incident, incident] }, workspace, now);
        for (const f of findings) {
          expect(f.path).toMatch(/^incidents\[[01]\]\./);
          expect(f.message).not.toMatch(BAD_TEXT);
        }
        const unknown = incident.dataTypes.filter((id) => !workspace.dataTypes.some((d) => d.id === id)).length;
        expect(findings.filter((f) => f.path.startsWith('incidents[0].dataTypes')).length).toBe(unknown);
      }),
      { numRuns: 100 },
    );
  });
});
