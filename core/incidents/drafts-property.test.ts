// Over random workspaces with hostile text and random incidents recorded against them: every draft renders,
// says nothing undefined, keeps the US notice's statutory headings exactly (text typed into the incident can
// never add a heading), and the breach register keeps one row per incident.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { renderHtmlPage } from '../documents/html';
import type { Workspace } from '../schema';
import { HOSTILE_STRINGS, workspaceArbitrary } from '../testing/arbitraries';
import { renderIncidentDraft, US_NOTICE_HEADINGS } from './drafts';
import { INCIDENT_DRAFT_IDS } from './drafts-catalogue';
import { incidentRegisterCsv } from './register-export';
import { BREACH_KINDS, emptyRegister, type Incident, INCIDENT_STATUSES, IncidentSchema, LEVELS, RESIDENCES } from './schema';

const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 60 }),
  fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 1000)),
  fc.constant('## What Happened\n\n# Notice of Data Breach'),
);
const optionalText = fc.option(text, { nil: undefined });
const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });
const offset = fc.constantFrom('Z', '+01:00', '-08:00', '+05:30', '-03:30', '+14:00');
const zone = fc.option(fc.constantFrom('Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'), {
  nil: undefined,
});

function withOffset(date: Date, suffix: string): string {
  if (suffix === 'Z') return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const sign = suffix[0] === '-' ? -1 : 1;
  const minutes = sign * (Number(suffix.slice(1, 3)) * 60 + Number(suffix.slice(4, 6)));
  return `${new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, 19)}${suffix}`;
}

function incidentFor(workspace: Workspace): fc.Arbitrary<Incident> {
  const ids = workspace.dataTypes.map((d) => d.id);
  const recipients = workspace.recipients.map((r) => r.id);
  const decision = fc.option(
    fc.record({ decision: fc.constantFrom('notify' as const, 'do-not-notify' as const), reasons: fc.string({ maxLength: 40 }) }),
    { nil: undefined },
  );
  return fc
    .record({
      discovered: instant,
      offset,
      timeZone: zone,
      occurredFrom: fc.option(fc.constantFrom('2026-11-01', '2026-11-02T10:00:00+01:00'), { nil: undefined }),
      occurredTo: fc.option(fc.constant('2026-11-03'), { nil: undefined }),
      summary: text,
      kinds: fc.subarray([...BREACH_KINDS]),
      cause: optionalText,
      dataTypes: ids.length ? fc.subarray(ids) : fc.constant([] as string[]),
      recipients: recipients.length ? fc.subarray(recipients) : fc.constant([] as string[]),
      people: fc.option(fc.nat({ max: 10_000_000 }), { nil: undefined }),
      records: fc.option(fc.nat({ max: 10_000_000 }), { nil: undefined }),
      residence: fc.subarray([...RESIDENCES], { maxLength: 4 }),
      encrypted: fc.option(fc.boolean(), { nil: undefined }),
      keySafe: fc.option(fc.boolean(), { nil: undefined }),
      protection: optionalText,
      severity: fc.option(fc.constantFrom(...LEVELS), { nil: undefined }),
      consequences: optionalText,
      actionsTaken: optionalText,
      actionsPlanned: optionalText,
      delayReasons: optionalText,
      lawEnforcementDelay: fc.option(fc.boolean(), { nil: undefined }),
      months: fc.option(fc.nat({ max: 36 }), { nil: undefined }),
      authority: decision,
      peopleDecision: decision,
      usStates: decision,
      status: fc.constantFrom(...INCIDENT_STATUSES),
    })
    .map((r) => {
      const incident: Record<string, unknown> = {
        id: 'random-incident',
        title: 'Random incident',
        status: r.status,
        discoveredAt: withOffset(r.discovered, r.offset),
        timeZone: r.timeZone,
        occurred: r.occurredFrom || r.occurredTo ? { from: r.occurredFrom, to: r.occurredTo } : undefined,
        summary: r.summary,
        kinds: r.kinds,
        cause: r.cause,
        dataTypes: r.dataTypes,
        recipients: r.recipients,
        people: r.people,
        records: r.records,
        residence: r.residence,
        encrypted: r.encrypted,
        keySafe: r.keySafe,
        protection: r.protection,
        severity: r.severity,
        consequences: r.consequences,
        actionsTaken: r.actionsTaken,
        actionsPlanned: r.actionsPlanned,
        delayReasons: r.delayReasons,
        lawEnforcementDelay: r.lawEnforcementDelay,
        identityProtection: r.months === undefined ? undefined : { months: r.months },
        decisions: { authority: r.authority, people: r.peopleDecision, usStates: r.usStates },
        log: [{ at: withOffset(r.discovered, r.offset), text: r.summary }],
      };
      return IncidentSchema.parse(JSON.parse(JSON.stringify(incident)));
    });
}

describe('incident drafts over random workspaces and incidents', () => {
  it('render every draft, with nothing undefined and the US headings exactly as the statute has them', () => {
    fc.assert(
      fc.property(
        workspaceArbitrary({ hostile: true, maxDataTypes: 5 }).chain((workspace) =>
          fc.tuple(fc.constant(workspace), incidentFor(workspace), instant),
        ),
        ([workspace, incident, now]) => {
          for (const id of INCIDENT_DRAFT_IDS) {
            const doc = renderIncidentDraft(id, incident, workspace, { now });
            expect(doc.markdown).not.toMatch(/undefined|NaN|\[object Object\]|Invalid Date/);
            const headings = doc.markdown.split('\n').filter((line) => /^#{1,6} /.test(line));
            expect(headings.filter((h) => h.startsWith('# '))).toHaveLength(1);
            if (id === 'us-notice-of-data-breach') {
              expect(headings).toEqual(['# Notice of Data Breach', ...US_NOTICE_HEADINGS.map((h) => `## ${h}`)]);
            }
          }
          const html = renderHtmlPage(renderIncidentDraft('authority-notification', incident, workspace, { now }));
          expect(html).not.toMatch(/<script|<img|href="javascript:/i);
          const csv = incidentRegisterCsv({ ...emptyRegister(), incidents: [incident, { ...incident, id: 'second' }] }, workspace);
          expect(Papa.parse<string[]>(csv, { skipEmptyLines: true }).data).toHaveLength(3);
        },
      ),
      { numRuns: 40 },
    );
  });
});
