// The review of the incident register: what a regulator asking for the breach register (Art 33(5)) would find
// missing. Errors are breaches of a deadline or a register that does not match the inventory; warnings are
// decisions the team still owes or has not explained. Paths are in the register's validation form
// (`incidents[2].decisions.authority`), so the CLI and the app can point at the field.
import type { Finding, LintRule, Severity } from '../lint/types';
import type { Workspace } from '../schema';
import { assessIncident } from './assessment';
import { authorityDeadline, clockState, describeRemaining, formatInstant, incidentZone } from './clock';
import type { Incident, IncidentRegister } from './schema';

export interface IncidentContext {
  incident: Incident;
  /** the incident's place in the register */
  index: number;
  workspace: Workspace;
  now: Date;
}

export interface IncidentRuleDefinition extends LintRule {
  check(context: IncidentContext): { path: string; message: string }[];
}

const at = (index: number) => `incidents[${index}]`;
const title = (incident: Incident) => (incident.title.trim() ? `“${incident.title.trim()}”` : `Incident ${incident.id}`);
const blank = (text: string | undefined) => !text || text.trim() === '';

const DECISION_LABELS = {
  authority: 'to notify the supervisory authority or not',
  people: 'to tell the people affected or not',
  usStates: 'on notices under US state breach laws',
} as const;

const DEFINITIONS: readonly IncidentRuleDefinition[] = [
  {
    id: 'incident-authority-overdue',
    severity: 'error',
    group: 'incidents',
    title: 'The 72 hours have passed without notifying the authority',
    description:
      'GDPR Art 33(1): the supervisory authority is notified without undue delay and, where feasible, within 72 hours of becoming aware of a breach, unless it is unlikely to result in a risk. Reported when the 72 hours have passed and no decision is recorded (whatever the status: a closed incident needs its decision too), or the decision to notify has no date of notification.',
    check({ incident, index, now }) {
      const clock = clockState(incident, now);
      if (clock.remainingMs >= 0 || (clock.phase !== 'running' && clock.phase !== 'decided')) return [];
      const deadline = formatInstant(clock.deadline, incidentZone(incident));
      const overdue = describeRemaining(clock.remainingMs);
      if (clock.phase === 'decided') {
        return [
          {
            path: `${at(index)}.decisions.authority.notifiedAt`,
            message: `${title(incident)}: the team decided to notify the authority, but no notification is recorded and the deadline (${deadline}) has passed (${overdue}). Notify now, giving the reasons for the delay, and record when it was sent.`,
          },
        ];
      }
      return [
        {
          path: `${at(index)}.decisions.authority`,
          message: `${title(incident)}: the 72 hours for notifying the supervisory authority ended ${deadline} (${overdue}) and no decision is recorded. Notify the authority now with the reasons for the delay, or record why the breach is unlikely to result in a risk (Art 33(1)).`,
        },
      ];
    },
  },
  {
    id: 'incident-late-without-reasons',
    severity: 'error',
    group: 'incidents',
    title: 'A late notification gives no reasons for the delay',
    description:
      'GDPR Art 33(1): a notification made after 72 hours is accompanied by the reasons for the delay. Reported when the authority was notified after the deadline and no reasons for the delay are recorded (while the notification is still outstanding, incident-authority-overdue reports it).',
    check({ incident, index, now }) {
      if (!blank(incident.delayReasons)) return [];
      const clock = clockState(incident, now);
      if (clock.phase !== 'notified' || !clock.late) return [];
      const zone = incidentZone(incident);
      const deadline = formatInstant(authorityDeadline(incident), zone);
      const notified = formatInstant(incident.decisions!.authority!.notifiedAt!, zone);
      return [
        {
          path: `${at(index)}.delayReasons`,
          message: `${title(incident)}: the authority was notified ${notified}, after the deadline (${deadline}), and no reasons for the delay are recorded. Record the reasons given with the notification, or send them to the authority now (Art 33(1)).`,
        },
      ];
    },
  },
  {
    id: 'incident-not-in-inventory',
    severity: 'error',
    group: 'incidents',
    title: 'An incident names a data type or recipient the inventory does not have',
    description:
      'The assessment and the drafts read the affected data types and recipients from the inventory: one the inventory does not have is left out of both. Reported for each data type or recipient id that is not in the workspace.',
    check({ incident, index, workspace }) {
      const dataTypes = new Set(workspace.dataTypes.map((d) => d.id));
      const recipients = new Set(workspace.recipients.map((r) => r.id));
      return [
        ...incident.dataTypes.flatMap((id, j) =>
          dataTypes.has(id)
            ? []
            : [
                {
                  path: `${at(index)}.dataTypes[${j}]`,
                  message: `${title(incident)} names the data type “${id}”, which is not in the inventory. Pick it from the inventory's data types, or add it there first, so the assessment and the drafts include it.`,
                },
              ],
        ),
        ...(incident.recipients ?? []).flatMap((id, j) =>
          recipients.has(id)
            ? []
            : [
                {
                  path: `${at(index)}.recipients[${j}]`,
                  message: `${title(incident)} names the recipient “${id}”, which is not in the inventory. Pick it from the inventory's recipients, or add it there first.`,
                },
              ],
        ),
      ];
    },
  },
  {
    id: 'incident-people-undecided',
    severity: 'warning',
    group: 'incidents',
    title: 'A high-risk incident has no decision on telling the people affected',
    description:
      "GDPR Art 34(1): when a breach is likely to result in a high risk, the people affected are told without undue delay, unless an exception of Art 34(3) applies. Reported when Candor's assessment is a high risk and the team has recorded neither a decision to tell people nor a decision not to, with the exception it relies on.",
    check({ incident, index, workspace }) {
      if (incident.decisions?.people) return [];
      const assessment = assessIncident(incident, workspace);
      if (assessment.level !== 'high') return [];
      return [
        {
          path: `${at(index)}.decisions.people`,
          message: `${title(incident)} is likely to result in a high risk to the people affected, and no decision on telling them is recorded. Tell them without undue delay (Art 34(1)), or record which exception of Art 34(3) applies and why.`,
        },
      ];
    },
  },
  {
    id: 'incident-us-notice-undecided',
    severity: 'warning',
    group: 'incidents',
    title: "California's breach law is triggered and no decision on the notice is recorded",
    description:
      "Cal. Civ. Code 1798.82: a Notice of Data Breach goes to the California residents whose unencrypted name with an ID number, financial account, medical, health insurance, biometric, licence plate or genetic data, or whose login with its password, was acquired; a sample copy to the Attorney General when more than 500 are notified. Reported when Candor's assessment finds California's law triggered and no decision on US state notices is recorded.",
    check({ incident, index, workspace }) {
      if (incident.decisions?.usStates) return [];
      const california = assessIncident(incident, workspace).usStates.find((s) => s.residence === 'ccpa');
      if (california?.triggered !== 'yes') return [];
      const copy = california.attorneyGeneral === 'yes' ? ', with a sample copy to the Attorney General,' : '';
      return [
        {
          path: `${at(index)}.decisions.usStates`,
          message: `${title(incident)}: the affected data triggers California's breach notification law (Cal. Civ. Code 1798.82) and no decision on US state notices is recorded. Send the Notice of Data Breach to the Californians affected${copy} or record why it is not needed.`,
        },
      ];
    },
  },
  {
    id: 'incident-decision-without-reasons',
    severity: 'warning',
    group: 'incidents',
    title: 'A decision is recorded without its reasons',
    description:
      'GDPR Art 33(5): the breach register documents the decisions and why they were taken, so the authority can check them. Reported for each recorded decision whose reasons are empty.',
    check({ incident, index }) {
      const decisions = incident.decisions ?? {};
      return (['authority', 'people', 'usStates'] as const).flatMap((key) => {
        const decision = decisions[key];
        if (!decision || !blank(decision.reasons)) return [];
        return [
          {
            path: `${at(index)}.decisions.${key}.reasons`,
            message: `${title(incident)}: the decision ${DECISION_LABELS[key]} (${decision.decision === 'notify' ? 'notify' : 'do not notify'}) has no reasons. Write down why, in a sentence or two: the register must show it (Art 33(5)).`,
          },
        ];
      });
    },
  },
];

/** The incident rules' catalogue: what each checks and how serious a finding is. */
export const INCIDENT_LINT_RULES: readonly LintRule[] = DEFINITIONS.map(({ id, severity, group, title, description }) =>
  Object.freeze({ id, severity, group, title, description }),
);

const RULE_ORDER = new Map(DEFINITIONS.map((r, i) => [r.id, i]));
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const incidentIndex = (path: string) => Number(/^incidents\[(\d+)\]/.exec(path)?.[1] ?? -1);

/** Every finding of every incident rule, incident by incident, errors first, then in catalogue order. */
export function lintIncidents(register: IncidentRegister, workspace: Workspace, now: Date): Finding[] {
  const findings: Finding[] = [];
  register.incidents.forEach((incident, index) => {
    for (const rule of DEFINITIONS) {
      for (const { path, message } of rule.check({ incident, index, workspace, now })) {
        findings.push({ rule: rule.id, severity: rule.severity, path, message });
      }
    }
  });
  return findings.sort(
    (a, b) =>
      incidentIndex(a.path) - incidentIndex(b.path) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0),
  );
}
