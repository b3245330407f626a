// The breach register of GDPR Art 33(5): every incident, notified or not, with its facts, its effects and the
// remedial action taken, and the team's notification decisions with their reasons, so that the supervisory
// authority can verify compliance. One row per incident, as CSV here and as an Excel workbook in
// electron/services/incident-register-xlsx.ts; every cell is text and goes through neutralizeFormula.
import type { Workspace } from '../schema';
import { csvText } from '../spreadsheet';
import { plainText } from '../documents/text';
import { assessIncident, usStateName } from './assessment';
import { authorityDeadline, formatInstant, incidentZone } from './clock';
import type { BreachKind, Incident, IncidentDecision, IncidentRegister } from './schema';
import type { Proposal, RiskAssessment } from './types';

export interface RegisterColumn {
  id: string;
  header: string;
}

export const INCIDENT_REGISTER_COLUMNS = [
  { id: 'id', header: 'Reference' },
  { id: 'title', header: 'Incident' },
  { id: 'status', header: 'Status' },
  { id: 'discovered', header: 'Became aware' },
  { id: 'deadline', header: 'Authority deadline (72 hours, Art 33(1))' },
  { id: 'occurred', header: 'When it happened' },
  { id: 'facts', header: 'What happened' },
  { id: 'dataTypes', header: 'Personal data affected' },
  { id: 'people', header: 'People affected (approx.)' },
  { id: 'records', header: 'Records affected (approx.)' },
  { id: 'residence', header: 'Where they live' },
  { id: 'involved', header: 'Recipients and systems involved' },
  { id: 'protection', header: 'Protection (encryption)' },
  { id: 'effects', header: 'Effects: likely consequences' },
  { id: 'risk', header: 'Risk assessment' },
  { id: 'actionsTaken', header: 'Remedial action taken' },
  { id: 'actionsPlanned', header: 'Action planned' },
  { id: 'authorityDecision', header: 'Notify the supervisory authority?' },
  { id: 'authorityReasons', header: 'Reasons (authority)' },
  { id: 'authorityNotified', header: 'Authority notified' },
  { id: 'delayReasons', header: 'Reasons for notifying after 72 hours' },
  { id: 'peopleDecision', header: 'Tell the people affected?' },
  { id: 'peopleReasons', header: 'Reasons (people)' },
  { id: 'peopleNotified', header: 'People told' },
  { id: 'usDecision', header: 'US state notices?' },
  { id: 'usReasons', header: 'Reasons (US states)' },
  { id: 'usNotified', header: 'US notices sent' },
  { id: 'lawEnforcement', header: 'Delayed by law enforcement' },
  { id: 'log', header: 'Log' },
] as const satisfies readonly RegisterColumn[];

export type RegisterColumnId = (typeof INCIDENT_REGISTER_COLUMNS)[number]['id'];

export interface RegisterRow {
  id: string;
  cells: Record<RegisterColumnId, string>;
}

const KIND_NAMES: Record<BreachKind, string> = {
  confidentiality: 'confidentiality (disclosed or accessed)',
  integrity: 'integrity (altered)',
  availability: 'availability (lost or unavailable)',
};

const STATUS_NAMES: Record<Incident['status'], string> = { open: 'Open', contained: 'Contained', closed: 'Closed' };

const RISK_NAMES: Record<RiskAssessment['level'], string> = {
  unlikely: 'Risk unlikely',
  risk: 'Risk',
  high: 'High risk',
};

const RESIDENCE_NAMES: Record<string, string> = { gdpr: 'EU/EEA', 'uk-gdpr': 'United Kingdom', ccpa: 'California', other: 'Other' };

/** User text on its lines, control characters and bidi overrides removed. */
function lines(text: string | undefined): string {
  if (!text) return '';
  return text
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map(plainText)
    .filter(Boolean)
    .join('\n');
}

/** How each decision reads: the authority and the US states are notified, the people affected are told. */
const DECISION_WORDS = {
  notify: { notify: 'Notify', 'do-not-notify': 'Do not notify' },
  tell: { notify: 'Tell them', 'do-not-notify': 'Do not tell them' },
} as const;

function decisionCell(
  decision: IncidentDecision | undefined,
  proposal: Proposal | undefined,
  zone: ReturnType<typeof incidentZone>,
  words: (typeof DECISION_WORDS)[keyof typeof DECISION_WORDS],
): string {
  if (!decision) return proposal ? `Not decided (Candor proposes: ${words[proposal].toLowerCase()})` : 'Not decided';
  const parts: string[] = [words[decision.decision]];
  if (decision.decidedAt) parts.push(`decided ${formatInstant(decision.decidedAt, zone)}`);
  if (decision.decidedBy) parts.push(`by ${plainText(decision.decidedBy)}`);
  return parts.join(', ');
}

function notifiedCell(decision: IncidentDecision | undefined, zone: ReturnType<typeof incidentZone>): string {
  if (!decision?.notifiedAt) return decision?.reference ? lines(decision.reference) : '';
  return [formatInstant(decision.notifiedAt, zone), decision.reference ? lines(decision.reference) : ''].filter(Boolean).join('\n');
}

function occurredCell(incident: Incident, zone: ReturnType<typeof incidentZone>): string {
  const show = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : formatInstant(value, zone));
  const { from, to } = incident.occurred ?? {};
  if (from && to) return `${show(from)} to ${show(to)}`;
  if (from) return show(from);
  if (to) return `on or before ${show(to)}`;
  return 'Not known';
}

function protectionCell(incident: Incident): string {
  const how = lines(incident.protection);
  const state =
    incident.encrypted === true
      ? incident.keySafe === true
        ? 'Encrypted, key safe'
        : incident.keySafe === false
          ? 'Encrypted, key compromised'
          : 'Encrypted, key not recorded'
      : incident.encrypted === false
        ? 'Not encrypted'
        : 'Not recorded';
  return how ? `${state}\n${how}` : state;
}

function residenceCell(incident: Incident): string {
  return (incident.residence ?? [])
    .map((r) => {
      const name = RESIDENCE_NAMES[r] ?? usStateName(r) ?? r;
      const count = incident.residents?.[r];
      return count !== undefined ? `${name} (about ${count.toLocaleString('en-US')})` : name;
    })
    .join('\n');
}

/** One incident's row. The assessment is worked out here unless given. */
export function incidentRegisterRow(incident: Incident, workspace: Workspace | undefined, assessment?: RiskAssessment): RegisterRow {
  const zone = incidentZone(incident);
  const risk = assessment ?? (workspace ? assessIncident(incident, workspace) : undefined);
  const typeNames = new Map((workspace?.dataTypes ?? []).map((d) => [d.id, plainText(d.name)]));
  const recipientNames = new Map((workspace?.recipients ?? []).map((r) => [r.id, `${plainText(r.name)}${r.role ? ` (${r.role})` : ''}`]));
  const kinds = (incident.kinds ?? []).map((k) => KIND_NAMES[k]);
  const usTriggered = (risk?.usStates ?? []).filter((s) => s.triggered !== 'no');

  const cells: Record<RegisterColumnId, string> = {
    id: incident.id,
    title: lines(incident.title),
    status: STATUS_NAMES[incident.status],
    discovered: formatInstant(incident.discoveredAt, zone),
    deadline: formatInstant(authorityDeadline(incident), zone),
    occurred: occurredCell(incident, zone),
    facts: [
      lines(incident.summary),
      kinds.length ? `Kind: ${kinds.join('; ')}` : '',
      incident.cause ? `Cause: ${lines(incident.cause)}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
    dataTypes: incident.dataTypes.map((id) => typeNames.get(id) ?? `${id} (not in the inventory)`).join('\n'),
    people: incident.people !== undefined ? String(incident.people) : 'Not known',
    records: incident.records !== undefined ? String(incident.records) : 'Not known',
    residence: residenceCell(incident),
    involved: [...(incident.recipients ?? []).map((id) => recipientNames.get(id) ?? id), ...(incident.systems ?? []).map(plainText)].join(
      '\n',
    ),
    protection: protectionCell(incident),
    effects: lines(incident.consequences),
    risk: risk ? [RISK_NAMES[risk.level], ...risk.factors.map((f) => `${f.factor}: ${f.level}. ${plainText(f.reason)}`)].join('\n') : '',
    actionsTaken: lines(incident.actionsTaken),
    actionsPlanned: lines(incident.actionsPlanned),
    authorityDecision: decisionCell(incident.decisions?.authority, risk?.authority.proposal, zone, DECISION_WORDS.notify),
    authorityReasons: lines(incident.decisions?.authority?.reasons),
    authorityNotified: notifiedCell(incident.decisions?.authority, zone),
    delayReasons: lines(incident.delayReasons),
    peopleDecision: decisionCell(incident.decisions?.people, risk?.people.proposal, zone, DECISION_WORDS.tell),
    peopleReasons: lines(incident.decisions?.people?.reasons),
    peopleNotified: notifiedCell(incident.decisions?.people, zone),
    usDecision: [
      !incident.decisions?.usStates && risk && usTriggered.length === 0
        ? 'No US state law triggered by the recorded facts'
        : decisionCell(incident.decisions?.usStates, undefined, zone, DECISION_WORDS.notify),
      ...usTriggered.map(
        (s) =>
          `${s.state}: ${s.triggered === 'yes' ? 'triggered' : 'check this state’s law'}${s.attorneyGeneral === 'yes' ? ', copy to the Attorney General' : ''}`,
      ),
    ].join('\n'),
    usReasons: lines(incident.decisions?.usStates?.reasons),
    usNotified: notifiedCell(incident.decisions?.usStates, zone),
    lawEnforcement: incident.lawEnforcementDelay === true ? 'Yes' : incident.lawEnforcementDelay === false ? 'No' : 'Not recorded',
    log: [...incident.log]
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
      .map((entry) => `${formatInstant(entry.at, zone)}: ${plainText(entry.text)}${entry.by ? ` (${plainText(entry.by)})` : ''}`)
      .join('\n'),
  };
  return { id: incident.id, cells };
}

/** Every incident of the register, earliest discovery first. */
export function incidentRegisterRows(register: IncidentRegister, workspace: Workspace | undefined): RegisterRow[] {
  return [...register.incidents]
    .sort((a, b) => Date.parse(a.discoveredAt) - Date.parse(b.discoveredAt) || a.id.localeCompare(b.id))
    .map((incident) => incidentRegisterRow(incident, workspace));
}

/** The register as CSV: a header row, then one row per incident; cells neutralised by csvText. */
export function incidentRegisterCsv(register: IncidentRegister, workspace: Workspace | undefined): string {
  const rows = incidentRegisterRows(register, workspace);
  return csvText([
    INCIDENT_REGISTER_COLUMNS.map((c) => c.header),
    ...rows.map((row) => INCIDENT_REGISTER_COLUMNS.map((c) => row.cells[c.id])),
  ]);
}
