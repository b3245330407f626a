// Every incident rule with an example that fails it and one that passes, each against a register whose one
// incident has no finding at all; the catalogue must not hold a rule without both.
import { describe, expect, it } from 'vitest';
import { cleanWorkspace } from '../lint/fixtures';
import type { Workspace } from '../schema';
import { INCIDENT_LINT_RULES, lintIncidents } from './lint';
import { emptyRegister, type Incident, type IncidentRegister } from './schema';

const HOUR = 3_600_000;
const DISCOVERED = '2026-12-05T09:30:00+01:00';
const after = (hours: number) => new Date(Date.parse(DISCOVERED) + hours * HOUR);

function workspace(): Workspace {
  const ws = cleanWorkspace();
  ws.dataTypes.push(
    { id: 'health-record', name: 'Health record', category: 'user.health_and_medical', purposes: ['provide-service'] },
    { id: 'password', name: 'Password', category: 'user.authorization.password', purposes: ['provide-service'] },
  );
  return ws;
}

/** An incident with nothing to report: decided on time, with reasons, naming only what the inventory has. */
function cleanIncident(): Incident {
  return {
    id: 'mailing-list',
    title: 'Mailing list copied',
    status: 'open',
    discoveredAt: DISCOVERED,
    summary: 'A former contractor kept a copy of the mailing list.',
    dataTypes: ['email-address'],
    recipients: ['aws'],
    people: 500,
    decisions: {
      authority: { decision: 'notify', reasons: 'Email addresses of 500 customers were copied.', notifiedAt: '2026-12-06T12:00:00+01:00' },
    },
    log: [],
  };
}

function register(edit: (incident: Incident) => void = () => {}): IncidentRegister {
  const incident = cleanIncident();
  edit(incident);
  return { ...emptyRegister('acme.candor.json'), incidents: [incident] };
}

interface Case {
  name: string;
  edit: (incident: Incident) => void;
  /** hours after discovery */
  now?: number;
}
interface FailingCase extends Case {
  /** the paths this rule must report, in order, and nothing else */
  paths: string[];
}

const withoutAuthority = (i: Incident) => delete i.decisions!.authority;

const EXAMPLES: Record<string, { failing: FailingCase[]; passing: Case[] }> = {
  'incident-authority-overdue': {
    failing: [
      { name: 'no decision after 73 hours', edit: withoutAuthority, now: 73, paths: ['incidents[0].decisions.authority'] },
      {
        name: 'no decision on a closed incident',
        edit: (i) => (withoutAuthority(i), (i.status = 'closed')),
        now: 100,
        paths: ['incidents[0].decisions.authority'],
      },
      {
        name: 'decided to notify, never sent',
        edit: (i) => delete i.decisions!.authority!.notifiedAt,
        now: 80,
        paths: ['incidents[0].decisions.authority.notifiedAt'],
      },
    ],
    passing: [
      { name: 'no decision yet within the 72 hours', edit: withoutAuthority, now: 71 },
      {
        name: 'decided not to notify, with reasons',
        edit: (i) => (i.decisions!.authority = { decision: 'do-not-notify', reasons: 'Encrypted, key safe.' }),
        now: 100,
      },
      { name: 'notified', edit: () => {}, now: 100 },
    ],
  },
  'incident-late-without-reasons': {
    failing: [
      {
        name: 'notified after the deadline without reasons',
        edit: (i) => (i.decisions!.authority!.notifiedAt = '2026-12-08T12:00:00+01:00'),
        now: 100,
        paths: ['incidents[0].delayReasons'],
      },
    ],
    passing: [
      {
        name: 'notified late with the reasons',
        edit: (i) => {
          i.decisions!.authority!.notifiedAt = '2026-12-08T12:00:00+01:00';
          i.delayReasons = 'The scale of the copy became clear only after the contractor replied on 8 December.';
        },
        now: 100,
      },
      { name: 'notified on time', edit: () => {}, now: 100 },
    ],
  },
  'incident-not-in-inventory': {
    failing: [
      {
        name: 'a data type and a recipient the inventory does not have',
        edit: (i) => {
          i.dataTypes.push('shoe-size');
          i.recipients!.push('mailchimp');
        },
        paths: ['incidents[0].dataTypes[1]', 'incidents[0].recipients[1]'],
      },
    ],
    passing: [{ name: 'only what the inventory has', edit: (i) => i.dataTypes.push('ip-address') }],
  },
  'incident-people-undecided': {
    failing: [
      {
        name: 'health data, no decision on telling people',
        edit: (i) => i.dataTypes.push('health-record'),
        paths: ['incidents[0].decisions.people'],
      },
    ],
    passing: [
      {
        name: 'health data, people told',
        edit: (i) => {
          i.dataTypes.push('health-record');
          i.decisions!.people = { decision: 'notify', reasons: 'Health data: high risk.' };
        },
      },
      {
        name: 'health data, an exception recorded',
        edit: (i) => {
          i.dataTypes.push('health-record');
          i.decisions!.people = {
            decision: 'do-not-notify',
            reasons: 'Art 34(3)(b): the copy was deleted under court order before anyone read it.',
          };
        },
      },
      { name: 'not a high risk', edit: () => {} },
    ],
  },
  'incident-us-notice-undecided': {
    failing: [
      {
        name: "Californians' logins with passwords, no decision",
        edit: (i) => {
          i.dataTypes.push('password');
          i.residence = ['ccpa'];
          i.decisions!.people = { decision: 'notify', reasons: 'Passwords: high risk.' };
        },
        paths: ['incidents[0].decisions.usStates'],
      },
    ],
    passing: [
      {
        name: "Californians' logins with passwords, notice decided",
        edit: (i) => {
          i.dataTypes.push('password');
          i.residence = ['ccpa'];
          i.decisions!.people = { decision: 'notify', reasons: 'Passwords: high risk.' };
          i.decisions!.usStates = { decision: 'notify', reasons: 'California 1798.82(h)(2).' };
        },
      },
      { name: "Californians' email addresses only", edit: (i) => (i.residence = ['ccpa']) },
    ],
  },
  'incident-decision-without-reasons': {
    failing: [
      {
        name: 'decisions with empty reasons',
        edit: (i) => {
          i.decisions!.authority!.reasons = '  ';
          i.decisions!.usStates = { decision: 'do-not-notify', reasons: '' };
        },
        paths: ['incidents[0].decisions.authority.reasons', 'incidents[0].decisions.usStates.reasons'],
      },
    ],
    passing: [
      {
        name: 'every decision with its reasons',
        edit: (i) => (i.decisions!.usStates = { decision: 'do-not-notify', reasons: 'No Californians affected.' }),
      },
    ],
  },
};

describe('the clean register', () => {
  it('has no findings at any time', () => {
    for (const hours of [1, 71, 73, 1000]) expect(lintIncidents(register(), workspace(), after(hours))).toEqual([]);
  });
});

describe('every rule', () => {
  it('has a failing and a passing example, and a title and description', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(INCIDENT_LINT_RULES.map((r) => r.id).sort());
    for (const rule of INCIDENT_LINT_RULES) {
      expect(EXAMPLES[rule.id].failing.length).toBeGreaterThan(0);
      expect(EXAMPLES[rule.id].passing.length).toBeGreaterThan(0);
      expect(rule.group).toBe('incidents');
      expect(rule.description.length).toBeGreaterThan(60);
    }
  });

  for (const rule of INCIDENT_LINT_RULES) {
    describe(rule.id, () => {
      for (const example of EXAMPLES[rule.id].failing) {
        it(`fails: ${example.name}`, () => {
          const findings = lintIncidents(register(example.edit), workspace(), after(example.now ?? 10)).filter((f) => f.rule === rule.id);
          expect(findings.map((f) => f.path)).toEqual(example.paths);
          for (const f of findings) {
            expect(f.severity).toBe(rule.severity);
            expect(f.message).toMatch(/^“Mailing list copied”/);
          }
        });
      }
      for (const example of EXAMPLES[rule.id].passing) {
        it(`passes: ${example.name}`, () => {
          const findings = lintIncidents(register(example.edit), workspace(), after(example.now ?? 10));
          expect(findings.filter((f) => f.rule === rule.id)).toEqual([]);
        });
      }
    });
  }
});

describe('the findings', () => {
  it('say what is wrong, when the deadline was, and what to do', () => {
    const [finding] = lintIncidents(register(withoutAuthority), workspace(), after(75));
    expect(finding).toMatchObject({ rule: 'incident-authority-overdue', severity: 'error', path: 'incidents[0].decisions.authority' });
    expect(finding.message).toBe(
      '“Mailing list copied”: the 72 hours for notifying the supervisory authority ended 8 December 2026, 09:30 (UTC+01:00) (3 h 0 min overdue) and no decision is recorded. Notify the authority now with the reasons for the delay, or record why the breach is unlikely to result in a risk (Art 33(1)).',
    );
  });

  it('come incident by incident, errors first', () => {
    const late = cleanIncident();
    late.id = 'late';
    late.title = '';
    delete late.decisions!.authority;
    late.dataTypes.push('health-record');
    const reg: IncidentRegister = { ...emptyRegister(), incidents: [cleanIncident(), late] };
    reg.incidents[0].decisions!.authority!.reasons = '';
    const findings = lintIncidents(reg, workspace(), after(80));
    expect(findings.map((f) => [f.path, f.rule])).toEqual([
      ['incidents[0].decisions.authority.reasons', 'incident-decision-without-reasons'],
      ['incidents[1].decisions.authority', 'incident-authority-overdue'],
      ['incidents[1].decisions.people', 'incident-people-undecided'],
    ]);
    expect(findings[1].message).toMatch(/^Incident late:/);
  });
});
