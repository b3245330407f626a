// The risk assessment of an incident, after the EDPB's Guidelines 9/2022 on personal data breach notification:
// the kind of breach; the sensitivity and volume of the data; how easily people can be identified from it;
// the severity and permanence of the consequences; whether vulnerable people, children above all, are among
// them; and whether encryption kept the data unintelligible. From those it proposes whether to notify the
// supervisory authority (Art 33(1): unless the breach is unlikely to result in a risk), whether to tell the
// people affected (Art 34(1): when the risk is high, save the exceptions of Art 34(3)), and which US state
// breach laws the exposed data elements trigger: California's precisely, from Civ. Code 1798.82(h); for
// other states Candor's reference has no element list, so it says "check". The team decides.
import type { DataType, Workspace } from '../schema';
import { authorityDeadline, formatInstant, incidentZone } from './clock';
import { BREACH_ELEMENT_LABELS, breachElementMatches, type ElementMatch } from './elements';
import type { BreachKind, Incident, Level, Residence } from './schema';
import type { BreachElement, RiskAssessment, RiskFactor, UsStateTrigger } from './types';

const LEVEL_VALUE: Record<Level, number> = { low: 1, medium: 2, high: 3 };

/** Elements that make a breach sensitive in the EDPB's sense, on their own. */
const SENSITIVE_ELEMENTS: readonly BreachElement[] = [
  'special-category',
  'medical',
  'genetic',
  'biometric',
  'health-insurance',
  'ssn',
  'government-id',
  'account-number',
  'card-number',
  'account-access-code',
  'password',
  'security-question',
  'precise-location',
  'children',
];

/** Elements that identify a person directly. */
const IDENTIFYING_ELEMENTS: readonly BreachElement[] = ['name', 'ssn', 'government-id', 'username-or-email'];

/** Elements that cannot be changed once disclosed. */
const PERMANENT_ELEMENTS: readonly BreachElement[] = ['special-category', 'medical', 'genetic', 'biometric', 'ssn'];

/** Elements that can be changed, which limits how long harm lasts. */
const CHANGEABLE_ELEMENTS: readonly BreachElement[] = [
  'password',
  'security-question',
  'card-number',
  'account-number',
  'account-access-code',
];

/** Categories of ordinary personal data: not sensitive on their own, but about someone. */
const ORDINARY_PERSONAL = [
  'user.contact',
  'user.content.private',
  'user.demographic',
  'user.behavior',
  'user.location',
  'user.account',
  'user.social',
  'user.workplace',
  'user.job_title',
  'user.financial',
  'user.payment',
];

/** Categories of data that identify a person directly, beyond the elements above. */
const DIRECTLY_IDENTIFYING = ['user.contact', 'user.account', 'user.name', 'user.government_id'];

/** Above these, the volume weighs high (many people) or medium; below both it is low. */
export const VOLUME_THRESHOLDS = { high: { people: 10_000, records: 100_000 }, medium: { people: 100, records: 1_000 } } as const;

/** California: a sample copy of the notice to the Attorney General above this many residents notified. */
export const CALIFORNIA_AG_THRESHOLD = 500;

const US_STATE_NAMES: Record<string, string> = {
  al: 'Alabama',
  ak: 'Alaska',
  az: 'Arizona',
  ar: 'Arkansas',
  ca: 'California',
  co: 'Colorado',
  ct: 'Connecticut',
  de: 'Delaware',
  dc: 'the District of Columbia',
  fl: 'Florida',
  ga: 'Georgia',
  hi: 'Hawaii',
  id: 'Idaho',
  il: 'Illinois',
  in: 'Indiana',
  ia: 'Iowa',
  ks: 'Kansas',
  ky: 'Kentucky',
  la: 'Louisiana',
  me: 'Maine',
  md: 'Maryland',
  ma: 'Massachusetts',
  mi: 'Michigan',
  mn: 'Minnesota',
  ms: 'Mississippi',
  mo: 'Missouri',
  mt: 'Montana',
  ne: 'Nebraska',
  nv: 'Nevada',
  nh: 'New Hampshire',
  nj: 'New Jersey',
  nm: 'New Mexico',
  ny: 'New York',
  nc: 'North Carolina',
  nd: 'North Dakota',
  oh: 'Ohio',
  ok: 'Oklahoma',
  or: 'Oregon',
  pa: 'Pennsylvania',
  ri: 'Rhode Island',
  sc: 'South Carolina',
  sd: 'South Dakota',
  tn: 'Tennessee',
  tx: 'Texas',
  ut: 'Utah',
  vt: 'Vermont',
  va: 'Virginia',
  wa: 'Washington',
  wv: 'West Virginia',
  wi: 'Wisconsin',
  wy: 'Wyoming',
  pr: 'Puerto Rico',
  gu: 'Guam',
  vi: 'the US Virgin Islands',
};

/** The US state (or DC, or territory) a residence stands for, by name; undefined outside the US. */
export function usStateName(residence: string): string | undefined {
  if (residence === 'ccpa') return 'California';
  return residence.startsWith('us-') ? US_STATE_NAMES[residence.slice(3)] : undefined;
}

const under = (category: string, key: string) => category.trim() === key || category.trim().startsWith(`${key}.`);

/** "a, b and c" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function describeMatches(matches: readonly ElementMatch[], names: Map<string, string>): string {
  return listInWords(
    matches.map((m) => `${BREACH_ELEMENT_LABELS[m.element]} (${listInWords(m.dataTypes.map((id) => names.get(id) ?? id))})`),
  );
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

interface Protection {
  /** encrypted (or otherwise made unintelligible) with the key safe: Art 34(3)(a) */
  unintelligible: boolean;
  factor: RiskFactor;
}

function protectionOf(incident: Incident): Protection {
  if (incident.encrypted && incident.keySafe === true) {
    const how = incident.protection ? ` (${incident.protection})` : '';
    return {
      unintelligible: true,
      factor: {
        factor: 'encryption',
        level: 'low',
        reason: `The data was encrypted${how} and the key was not compromised, so it is unintelligible to whoever got it.`,
      },
    };
  }
  if (incident.encrypted && incident.keySafe === false) {
    return {
      unintelligible: false,
      factor: {
        factor: 'encryption',
        level: 'high',
        reason: 'The data was encrypted, but the key was compromised as well, so it is not protected.',
      },
    };
  }
  if (incident.encrypted) {
    return {
      unintelligible: false,
      factor: {
        factor: 'encryption',
        level: 'medium',
        reason:
          'The data was encrypted, but whether the key was safe is not recorded: until it is, Candor does not count on the encryption.',
      },
    };
  }
  return {
    unintelligible: false,
    factor: {
      factor: 'encryption',
      level: 'high',
      reason:
        incident.encrypted === false ? 'The data was not encrypted.' : 'No encryption is recorded, so Candor takes the data as readable.',
    },
  };
}

function volumeFactor(incident: Incident): RiskFactor {
  const { people, records } = incident;
  if (people === undefined && records === undefined) {
    return { factor: 'volume', level: 'medium', reason: 'The numbers of people and records affected are not recorded yet.' };
  }
  const said = listInWords([
    ...(people !== undefined ? [`about ${plural(people, 'person', 'people')}`] : []),
    ...(records !== undefined ? [plural(records, 'record', 'records')] : []),
  ]);
  const { high, medium } = VOLUME_THRESHOLDS;
  if ((people ?? 0) >= high.people || (records ?? 0) >= high.records) {
    return { factor: 'volume', level: 'high', reason: `A large breach: ${said}.` };
  }
  if ((people ?? 0) >= medium.people || (records ?? 0) >= medium.records) {
    return { factor: 'volume', level: 'medium', reason: `A breach of some size: ${said}.` };
  }
  return { factor: 'volume', level: 'low', reason: `A small breach: ${said}.` };
}

function sensitivityFactor(dataTypes: DataType[], matches: ElementMatch[], names: Map<string, string>, unknown: string[]): RiskFactor {
  const found = knownSensitivity(dataTypes, matches, names);
  if (unknown.length === 0 || found.level !== 'low') return found;
  // Data Candor cannot see might be anything: it does not let the assessment call the breach harmless.
  return {
    factor: 'sensitivity',
    level: 'medium',
    reason: `The incident names data types that are not in the inventory (${unknown.join(', ')}), so Candor cannot tell how sensitive they are.`,
  };
}

function knownSensitivity(dataTypes: DataType[], matches: ElementMatch[], names: Map<string, string>): RiskFactor {
  if (dataTypes.length === 0) {
    return { factor: 'sensitivity', level: 'medium', reason: 'No affected data types from the inventory are recorded yet.' };
  }
  const sensitive = matches.filter((m) => m.certainty === 'definite' && SENSITIVE_ELEMENTS.includes(m.element));
  const criminal = dataTypes.filter((d) => under(d.category, 'user.criminal_history'));
  const markedSensitive = dataTypes.filter((d) => d.sensitivity?.ccpaSensitive || d.classification?.ccpa?.includes('sensitive'));
  const high: string[] = [];
  if (sensitive.length) high.push(describeMatches(sensitive, names));
  if (criminal.length) high.push(`criminal records, GDPR Art 10 (${listInWords(criminal.map((d) => d.name))})`);
  const unexplained = markedSensitive.filter((d) => !sensitive.some((m) => m.dataTypes.includes(d.id)));
  if (unexplained.length) high.push(`sensitive personal information under the CCPA (${listInWords(unexplained.map((d) => d.name))})`);
  if (high.length) return { factor: 'sensitivity', level: 'high', reason: `Sensitive data is affected: ${listInWords(high)}.` };
  const maybe = matches.filter((m) => m.certainty === 'possible' && SENSITIVE_ELEMENTS.includes(m.element));
  if (maybe.length) {
    return {
      factor: 'sensitivity',
      level: 'medium',
      reason: `The affected data may include ${describeMatches(maybe, names)}: check what it held.`,
    };
  }
  const ordinary = dataTypes.filter((d) => ORDINARY_PERSONAL.some((key) => under(d.category, key)) || under(d.category, 'user.name'));
  if (ordinary.length) {
    return {
      factor: 'sensitivity',
      level: 'medium',
      reason: `Ordinary personal data is affected (${listInWords(ordinary.map((d) => d.name))}), none of it in a sensitive category.`,
    };
  }
  return {
    factor: 'sensitivity',
    level: 'low',
    reason: `The affected data (${listInWords(dataTypes.map((d) => d.name))}) is technical or public and in no sensitive category.`,
  };
}

function identifiabilityFactor(incident: Incident, dataTypes: DataType[], matches: ElementMatch[], unknown: string[]): RiskFactor {
  if (incident.identifiability) {
    return {
      factor: 'identifiability',
      level: incident.identifiability,
      reason: `The team judged how easily the people can be identified from the data: ${incident.identifiability}.`,
    };
  }
  const identifying = new Set(
    matches.filter((m) => m.certainty === 'definite' && IDENTIFYING_ELEMENTS.includes(m.element)).flatMap((m) => m.dataTypes),
  );
  const direct = dataTypes
    .filter((d) => identifying.has(d.id) || DIRECTLY_IDENTIFYING.some((key) => under(d.category, key)))
    .map((d) => d.name);
  if (direct.length) {
    return {
      factor: 'identifiability',
      level: 'high',
      reason: `The data identifies people directly: ${listInWords([...new Set(direct)])}.`,
    };
  }
  if (dataTypes.length === 0 || unknown.length > 0 || dataTypes.some((d) => under(d.category, 'user'))) {
    return {
      factor: 'identifiability',
      level: 'medium',
      reason:
        dataTypes.length === 0 || !dataTypes.some((d) => under(d.category, 'user'))
          ? 'Without all the affected data types in the inventory, Candor cannot tell how easily people can be identified.'
          : 'The data holds no name or contact details, but it can be linked to a person with other data.',
    };
  }
  return { factor: 'identifiability', level: 'low', reason: 'The affected data is about systems, not about people.' };
}

function severityFactor(incident: Incident, sensitivity: RiskFactor): RiskFactor {
  if (incident.severity) {
    const said = incident.consequences ? ` (${incident.consequences.trim().replace(/\.$/, '')})` : '';
    return {
      factor: 'severity',
      level: incident.severity,
      reason: `The team judged the consequences for people ${incident.severity}${said}.`,
    };
  }
  return {
    factor: 'severity',
    level: sensitivity.level,
    reason: 'The team has not judged the consequences yet: until it does, Candor takes the sensitivity of the data as their measure.',
  };
}

function permanenceFactor(incident: Incident, matches: ElementMatch[]): RiskFactor {
  if (incident.permanent === true)
    return { factor: 'permanence', level: 'high', reason: 'The team recorded that the harm cannot be undone.' };
  if (incident.permanent === false) return { factor: 'permanence', level: 'low', reason: 'The team recorded that the harm can be undone.' };
  const definite = matches.filter((m) => m.certainty === 'definite');
  const fixed = definite.filter((m) => PERMANENT_ELEMENTS.includes(m.element));
  if (fixed.length) {
    return {
      factor: 'permanence',
      level: 'high',
      reason: `${capitalise(listInWords(fixed.map((m) => BREACH_ELEMENT_LABELS[m.element])))} cannot be changed once disclosed.`,
    };
  }
  const changeable = definite.filter((m) => CHANGEABLE_ELEMENTS.includes(m.element));
  if (changeable.length) {
    return {
      factor: 'permanence',
      level: 'low',
      reason: `${capitalise(listInWords(changeable.map((m) => BREACH_ELEMENT_LABELS[m.element])))} can be changed, which limits how long the harm lasts.`,
    };
  }
  return { factor: 'permanence', level: 'medium', reason: 'Whether the harm can be undone is not recorded.' };
}

function vulnerableFactor(incident: Incident, workspace: Workspace, matches: ElementMatch[]): RiskFactor {
  const children = matches.find((m) => m.element === 'children' && m.certainty === 'definite');
  if (children)
    return { factor: 'vulnerable', level: 'high', reason: "Children's data is affected, so children are among the people affected." };
  if (incident.vulnerable === true) {
    return {
      factor: 'vulnerable',
      level: 'high',
      reason: 'The team recorded that children or other vulnerable people are among those affected.',
    };
  }
  if (incident.vulnerable === false) {
    return {
      factor: 'vulnerable',
      level: 'low',
      reason: 'The team recorded that no children or other vulnerable people are among those affected.',
    };
  }
  if (workspace.organization.audience?.childrenDirected) {
    return {
      factor: 'vulnerable',
      level: 'high',
      reason: 'The service is directed at children, so children are likely among those affected.',
    };
  }
  return {
    factor: 'vulnerable',
    level: 'low',
    reason: 'Nothing recorded suggests children or other vulnerable people are among those affected.',
  };
}

function breachKindFactor(kinds: BreachKind[] | undefined): RiskFactor {
  if (!kinds || kinds.length === 0) {
    return {
      factor: 'breach-kind',
      level: 'high',
      reason: 'The kind of breach is not recorded, so Candor takes it that data was disclosed or accessed.',
    };
  }
  if (kinds.includes('confidentiality')) {
    return { factor: 'breach-kind', level: 'high', reason: 'Data was disclosed or accessed without authority, which cannot be undone.' };
  }
  if (kinds.includes('integrity')) return { factor: 'breach-kind', level: 'medium', reason: 'Data was altered, but not disclosed.' };
  return {
    factor: 'breach-kind',
    level: 'low',
    reason: 'Data was lost or unavailable, but not disclosed: restoring it in time removes most of the risk.',
  };
}

const KIND_WORDS: Record<BreachKind, string> = { confidentiality: 'disclosure', integrity: 'alteration', availability: 'loss' };

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The people affected are in the EU or the UK, or the workspace is under the GDPR or the UK GDPR. */
export function gdprApplies(incident: Incident, workspace: Workspace): boolean {
  const where = [...(incident.residence ?? []), ...workspace.organization.jurisdictions];
  return where.includes('gdpr') || where.includes('uk-gdpr');
}

const FINANCIAL_PLURALS = { 'account-number': 'financial account numbers', 'card-number': 'credit or debit card numbers' } as const;

/** How an element reads after "with": countable ones take "a", the code goes with the account. */
function withArticle(element: BreachElement): string {
  if (element === 'account-access-code') return 'the code or password that opens the account';
  const label = BREACH_ELEMENT_LABELS[element];
  return ['ssn', 'government-id', 'account-number', 'card-number', 'password', 'security-question'].includes(element)
    ? `a ${label}`
    : label;
}

const CALIFORNIA_H1: readonly BreachElement[] = [
  'ssn',
  'government-id',
  'medical',
  'health-insurance',
  'biometric',
  'licence-plate',
  'genetic',
];

function californiaTrigger(
  incident: Incident,
  matches: ElementMatch[],
  unintelligible: boolean,
  names: Map<string, string>,
  residenceNote: string,
): UsStateTrigger {
  const has = (e: BreachElement) => matches.find((m) => m.element === e && m.certainty === 'definite');
  const maybe = (e: BreachElement) => matches.find((m) => m.element === e && m.certainty === 'possible');
  const name = has('name');
  const h1 = CALIFORNIA_H1.filter((e) => has(e));
  const financial = (['account-number', 'card-number'] as const).filter((e) => has(e));
  const code = has('account-access-code');
  const login = has('username-or-email');
  const secrets = (['password', 'security-question'] as const).filter((e) => has(e));

  const combined: BreachElement[] = [...h1, ...(code ? financial : [])];
  if (combined.length && financial.length && code) combined.push('account-access-code');
  const triggering: BreachElement[] = [];
  const grounds: string[] = [];
  if (name && combined.length) {
    triggering.push('name', ...combined);
    grounds.push(`a name with ${listInWords(combined.map(withArticle))} (1798.82(h)(1))`);
  }
  if (login && secrets.length) {
    triggering.push('username-or-email', ...secrets);
    grounds.push(`a username or email address with ${listInWords(secrets.map(withArticle))} that would open the account (1798.82(h)(2))`);
  }

  // What could still make it apply, for the team to check.
  const open: string[] = [];
  if (!name && combined.length) {
    open.push(
      `the affected data includes ${listInWords(combined.map(withArticle))} but no first and last name: the law applies if a first name or initial and last name were in the same records`,
    );
  }
  if (financial.length && !code) {
    open.push(
      `the affected data includes ${listInWords(financial.map((e) => FINANCIAL_PLURALS[e]))}: with a name, the law applies if a required security code, access code or password that would permit access to the account went with them`,
    );
  }
  const possibleH1 = CALIFORNIA_H1.filter((e) => !has(e) && maybe(e));
  if (possibleH1.length && (name || maybe('name'))) {
    open.push(
      `the data may include ${describeMatches(
        possibleH1.map((e) => maybe(e)!),
        names,
      )}`,
    );
  }
  if (!name && maybe('name') && combined.length) open.push(`a name may be among the data (${maybe('name')!.reason.replace(/\.$/, '')})`);
  if (
    !(login && secrets.length) &&
    (login || maybe('username-or-email')) &&
    (secrets.length || maybe('password') || maybe('security-question'))
  ) {
    open.push('a username or email address may have been affected together with a password or security question and answer');
  }

  const state = 'California';
  const base = { residence: 'ccpa' as Residence, state };
  const statute = 'Cal. Civ. Code 1798.82';
  if (triggering.length) {
    const elements = [...new Set(triggering)];
    if (unintelligible) {
      return {
        ...base,
        triggered: 'no',
        elements,
        reason: `${residenceNote}The affected data includes ${listInWords(grounds)}, but it was encrypted and the key was not acquired: ${statute} applies only to unencrypted data or to encrypted data whose key was acquired too.`,
        attorneyGeneral: 'no',
      };
    }
    if (incident.encrypted && incident.keySafe === undefined) {
      return {
        ...base,
        triggered: 'check',
        elements,
        reason: `${residenceNote}The affected data includes ${listInWords(grounds)}. It was encrypted: ${statute} applies only if the key was acquired too, so record whether the key was safe.`,
        attorneyGeneral: attorneyGeneral(incident),
      };
    }
    if (incident.kinds && incident.kinds.length > 0 && !incident.kinds.includes('confidentiality')) {
      return {
        ...base,
        triggered: 'check',
        elements,
        reason: `${residenceNote}The affected data includes ${listInWords(grounds)}, but the incident records only a loss or alteration, not a disclosure: check whether anyone not authorised acquired the data, which is what ${statute} is about.`,
        attorneyGeneral: attorneyGeneral(incident),
      };
    }
    const keyNote = incident.encrypted && incident.keySafe === false ? ' The data was encrypted, but the key was acquired too.' : '';
    return {
      ...base,
      triggered: 'yes',
      elements,
      reason: `${residenceNote}The affected data includes ${listInWords(grounds)}: Californians must get a Notice of Data Breach (${statute}).${keyNote}`,
      attorneyGeneral: attorneyGeneral(incident),
    };
  }
  if (open.length) {
    const elements = [
      ...new Set<BreachElement>([
        ...(name ? ['name' as const] : []),
        ...combined,
        ...financial,
        ...(login ? ['username-or-email' as const] : []),
        ...secrets,
      ]),
    ];
    return {
      ...base,
      triggered: 'check',
      elements: elements.length ? elements : [],
      reason: `${residenceNote}Candor cannot tell from the inventory whether ${statute} applies: ${open.join('; ')}.`,
      attorneyGeneral: attorneyGeneral(incident),
    };
  }
  return {
    ...base,
    triggered: 'no',
    elements: [],
    reason: `${residenceNote}None of the combinations of data elements in ${statute}(h) is among the affected data types.`,
    attorneyGeneral: 'no',
  };
}

/** California 1798.82(f): a sample copy to the Attorney General when more than 500 residents are notified. */
function attorneyGeneral(incident: Incident): 'yes' | 'no' | 'check' {
  const californians = incident.residents?.ccpa;
  if (californians !== undefined) return californians > CALIFORNIA_AG_THRESHOLD ? 'yes' : 'no';
  if (incident.people !== undefined && incident.people <= CALIFORNIA_AG_THRESHOLD) return 'no';
  return 'check';
}

function attorneyGeneralNote(incident: Incident, answer: 'yes' | 'no' | 'check'): string {
  const californians = incident.residents?.ccpa;
  if (answer === 'yes') {
    return ` More than ${CALIFORNIA_AG_THRESHOLD} Californians (about ${californians?.toLocaleString('en-US')}) are affected, so a sample copy of the notice goes to the Attorney General.`;
  }
  if (answer === 'check') {
    return ` How many of the people affected live in California is not recorded: if more than ${CALIFORNIA_AG_THRESHOLD} are notified, a sample copy of the notice goes to the Attorney General.`;
  }
  return californians !== undefined || incident.people !== undefined
    ? ` No more than ${CALIFORNIA_AG_THRESHOLD} Californians are affected, so no copy to the Attorney General is needed.`
    : '';
}

function otherStateTrigger(
  residence: Residence,
  state: string,
  matches: ElementMatch[],
  unintelligible: boolean,
  residenceNote: string,
): UsStateTrigger {
  const found = matches.filter(
    (m) => m.certainty === 'definite' && !['special-category', 'precise-location', 'children'].includes(m.element),
  );
  const elements = found.map((m) => m.element);
  const data = elements.length ? ` The affected data includes ${listInWords(elements.map((e) => BREACH_ELEMENT_LABELS[e]))}.` : '';
  const encryption = unintelligible ? ' The data was encrypted and the key was safe: check whether the law covers encrypted data.' : '';
  return {
    residence,
    state,
    triggered: 'check',
    elements,
    reason: `${residenceNote}Candor's legal reference has no list of the data elements that trigger ${state}'s breach notification law: check that law against the affected data.${data}${encryption}`,
  };
}

function usStateTriggers(
  incident: Incident,
  workspace: Workspace,
  matches: ElementMatch[],
  unintelligible: boolean,
  names: Map<string, string>,
): UsStateTrigger[] {
  const recorded = incident.residence ?? [];
  const places: Residence[] = recorded.length ? recorded : workspace.organization.jurisdictions.filter((j) => usStateName(j) !== undefined);
  const note = recorded.length ? '' : 'Where the people affected live is not recorded; the workspace covers this state. ';
  const seen = new Set<string>();
  const us = places.filter((p) => usStateName(p) !== undefined && !seen.has(p) && seen.add(p));
  us.sort((a, b) => (a === 'ccpa' ? -1 : b === 'ccpa' ? 1 : 0));
  return us.map((place) => {
    if (place === 'ccpa') {
      const trigger = californiaTrigger(incident, matches, unintelligible, names, note);
      if (trigger.triggered !== 'no') trigger.reason += attorneyGeneralNote(incident, trigger.attorneyGeneral ?? 'check');
      return trigger;
    }
    return otherStateTrigger(place, usStateName(place)!, matches, unintelligible, note);
  });
}

/** The proposal for an incident against the workspace's inventory: factors, level, decisions to propose and their reasons. */
export function assessIncident(incident: Incident, workspace: Workspace): RiskAssessment {
  const byId = new Map(workspace.dataTypes.map((d) => [d.id, d]));
  const dataTypes = incident.dataTypes.map((id) => byId.get(id)).filter((d): d is DataType => d !== undefined);
  const unknownDataTypes = incident.dataTypes.filter((id) => !byId.has(id));
  const names = new Map(dataTypes.map((d) => [d.id, d.name || d.id]));
  const matches = breachElementMatches(dataTypes);
  const elements = matches.filter((m) => m.certainty === 'definite').map((m) => m.element);

  const protection = protectionOf(incident);
  const sensitivity = sensitivityFactor(dataTypes, matches, names, unknownDataTypes);
  const volume = volumeFactor(incident);
  const identifiability = identifiabilityFactor(incident, dataTypes, matches, unknownDataTypes);
  const severity = severityFactor(incident, sensitivity);
  const permanence = permanenceFactor(incident, matches);
  const vulnerable = vulnerableFactor(incident, workspace, matches);
  const kind = breachKindFactor(incident.kinds);
  const factors = [sensitivity, volume, identifiability, severity, permanence, vulnerable, protection.factor, kind];

  // How bad it would be for people: the team's judgement of the consequences, which may lower the data's
  // sensitivity by one step but not more; harm that cannot be undone, and vulnerable people, weigh more.
  // Permanence counts here only when the team recorded it: otherwise it comes from the data, which the
  // sensitivity already counts.
  const sensitivityValue = LEVEL_VALUE[sensitivity.level];
  let impact = incident.severity ? Math.max(LEVEL_VALUE[incident.severity], sensitivityValue - 1) : sensitivityValue;
  if (incident.permanent === true) impact += 1;
  if (vulnerable.level === 'high') impact += 1;
  if (identifiability.level === 'low') impact -= 1;
  // The more people, the greater the impact (EDPB): many people make a risk likely even with ordinary data,
  // and make a breach of sensitive data weigh a step more.
  if (volume.level === 'high') impact = sensitivity.level === 'high' ? impact + 1 : Math.max(impact, 2);
  // Encryption with a safe key takes away what a disclosure could do; it does nothing for data lost or altered.
  const kinds: BreachKind[] = incident.kinds && incident.kinds.length ? incident.kinds : ['confidentiality'];
  const remaining = protection.unintelligible ? kinds.filter((k) => k !== 'confidentiality') : kinds;
  if (remaining.length === 0) impact = 0;
  else if (!remaining.includes('confidentiality') && !remaining.includes('integrity')) impact -= 1;
  const level: RiskAssessment['level'] = impact >= 3 ? 'high' : impact === 2 ? 'risk' : 'unlikely';

  // The factors that weigh most, as sentences; a severity Candor only copied from the sensitivity says nothing new.
  const telling = (f: RiskFactor) => f.factor !== 'breach-kind' && !(f.factor === 'severity' && !incident.severity);
  const weighing = factors.filter((f) => f.level === 'high' && telling(f)).map((f) => f.reason);
  const why = weighing.length ? ` ${weighing.join(' ')}` : '';
  const deadline = formatInstant(authorityDeadline(incident), incidentZone(incident));
  const authorityName = workspace.organization.supervisoryAuthority?.name?.trim() || 'the supervisory authority';
  const unknownNote = unknownDataTypes.length
    ? [`The incident names data types that are not in the inventory (${unknownDataTypes.join(', ')}): Candor could not weigh them.`]
    : [];

  let authority: RiskAssessment['authority'];
  if (!gdprApplies(incident, workspace)) {
    authority = {
      proposal: 'do-not-notify',
      reasons: [
        'Neither the workspace nor the incident names the GDPR or the UK GDPR, so Art 33 does not apply as recorded. If the organisation is established in the EU or the UK, or the people affected are there, add it and look again.',
        ...unknownNote,
      ],
    };
  } else if (level === 'unlikely') {
    authority = {
      proposal: 'do-not-notify',
      reasons: [
        `The breach is unlikely to result in a risk to people's rights and freedoms, so Art 33(1) does not require notifying ${authorityName}.${unlikelyWhy(factors, protection.unintelligible, remaining)}`,
        'Record the breach, its effects and what was done in the breach register all the same (Art 33(5)).',
        ...unknownNote,
      ],
    };
  } else {
    authority = {
      proposal: 'notify',
      reasons: [
        `The breach is likely to result in ${level === 'high' ? 'a high risk' : 'a risk'} to the people affected.${why}`,
        `Notify ${authorityName} without undue delay and, where feasible, within 72 hours of becoming aware: by ${deadline} (Art 33(1)). A later notification must give the reasons for the delay.`,
        'What is not known yet may follow in phases (Art 33(4)).',
        ...unknownNote,
      ],
    };
  }

  // Under the GDPR or the UK GDPR (outside them the US state laws decide, below).
  let people: RiskAssessment['people'];
  if (protection.unintelligible && kinds.includes('confidentiality') && level !== 'high') {
    people = {
      proposal: 'do-not-notify',
      exception: 'unintelligible',
      reasons: [
        `${protection.factor.reason} Art 34(3)(a): telling the people affected is not required when the data was unintelligible to anyone not authorised to see it.`,
      ],
    };
  } else if (protection.unintelligible && level === 'high') {
    // The encryption answers the disclosure, not the alteration or loss that remains a high risk.
    people = {
      proposal: 'notify',
      reasons: [
        `The breach is likely to result in a high risk to the people affected, although the data was unintelligible to whoever got it: the ${listInWords(remaining.map((k) => KIND_WORDS[k]))} of their data remains.${why} Tell them without undue delay, in clear and plain language (Art 34(1) and (2)).`,
      ],
    };
  } else if (level === 'high') {
    people = {
      proposal: 'notify',
      reasons: [
        `The breach is likely to result in a high risk to the people affected.${why} Tell them without undue delay, in clear and plain language (Art 34(1) and (2)).`,
        'If contacting each person would involve disproportionate effort, a public communication that informs them as effectively may take its place (Art 34(3)(c)).',
      ],
    };
  } else {
    people = {
      proposal: 'do-not-notify',
      reasons: [
        level === 'risk'
          ? 'The breach is likely to result in a risk, but not a high risk: Art 34(1) requires telling the people affected only when the risk is high. Telling them anyway may still help them protect themselves.'
          : 'The breach is unlikely to result in a risk to the people affected, so Art 34(1) does not require telling them.',
      ],
    };
  }

  const usStates = usStateTriggers(incident, workspace, matches, protection.unintelligible, names);
  if (!gdprApplies(incident, workspace)) people = peopleOutsideGdpr(level, usStates, why);
  const identityNumbersExposed = !protection.unintelligible && (elements.includes('ssn') || elements.includes('government-id'));

  return {
    level,
    factors,
    elements,
    matches,
    unknownDataTypes,
    unintelligible: protection.unintelligible,
    authority,
    people,
    usStates,
    identityNumbersExposed,
  };
}

/** Without the GDPR, what the state laws require, and what a high risk suggests even where no law requires it. */
function peopleOutsideGdpr(level: RiskAssessment['level'], usStates: UsStateTrigger[], why: string): RiskAssessment['people'] {
  const reasons = ['Neither the GDPR nor the UK GDPR applies as recorded, so Art 34 does not decide whether to tell people.'];
  const required = usStates.filter((s) => s.triggered === 'yes').map((s) => s.state);
  const toCheck = usStates.filter((s) => s.triggered === 'check').map((s) => s.state);
  if (required.length)
    reasons.push(`The breach notification law of ${listInWords(required)} requires telling the residents affected (see the US states).`);
  if (level === 'high') {
    reasons.push(
      `Candor assesses a high risk to the people affected.${why} Telling them lets them protect themselves, even where no law requires it.`,
    );
  }
  if (toCheck.length) reasons.push(`Check whether the law of ${listInWords(toCheck)} requires telling the residents affected.`);
  if (!required.length && level !== 'high' && !toCheck.length)
    reasons.push('No breach notification law Candor knows of requires telling them.');
  return { proposal: required.length || level === 'high' ? 'notify' : 'do-not-notify', reasons };
}

function unlikelyWhy(factors: RiskFactor[], unintelligible: boolean, remaining: BreachKind[]): string {
  const find = (name: RiskFactor['factor']) => factors.find((f) => f.factor === name)!;
  if (unintelligible && remaining.length === 0) {
    return ` ${find('encryption').reason} If the lost data was the only copy, record the loss as a breach of availability too.`;
  }
  const low = factors.filter(
    (f) => f.level === 'low' && f.factor !== 'volume' && f.factor !== 'vulnerable' && !f.reason.includes('has not judged'),
  );
  return low.length ? ` ${low.map((f) => f.reason).join(' ')}` : '';
}

/** The level of a factor, for tests and displays that read the factors by name. */
export function factorLevel(assessment: RiskAssessment, factor: RiskFactor['factor']): Level | undefined {
  return assessment.factors.find((f) => f.factor === factor)?.level;
}
