// The drafts Candor writes for an incident, ready to edit and send: the notification to the supervisory
// authority (GDPR Art 33(3)), the notice to the people affected (Art 34(2)) as an email and an in-app
// banner, and the US "Notice of Data Breach" (Cal. Civ. Code 1798.82(d)). Each is Markdown with the
// document meta, so the HTML and Word writers of core/documents render it like any other document.
//
// Every sentence is either a fact from the incident or the inventory, or a plain statement of what the law
// asks for. Where a fact is missing, the draft says what to add in square brackets ("[Add …]"), so that no
// draft states something nobody checked; the markers are meant to be seen and replaced before sending.
import { formatDate } from '../dates';
import { normaliseEmail } from '../normalise';
import type { DataType, Recipient, Workspace } from '../schema';
import { lineage, SUBJECT_BY_KEY } from '../taxonomy';
import { listInWords } from '../words';
import { DEFAULT_IN_APP_LIMITS, type Snippet, textLength } from '../documents/in-app';
import { readabilityGrade } from '../documents/readability';
import { markdownInline, markdownUrl, plainLines, plainText, sentence } from '../documents/text';
import type { RenderedDocument } from '../documents/types';
import { assessIncident, gdprApplies, usStateName } from './assessment';
import { authorityDeadline, clockState, describeRemaining, formatInstant, incidentZone, offsetMinutesOf, zoneOffsetMinutes } from './clock';
import { INCIDENT_DRAFTS, type IncidentDraftId } from './drafts-catalogue';
import type { BreachKind, Incident } from './schema';
import type { BreachElement, RiskAssessment } from './types';

export interface IncidentDraftOptions {
  /** when the draft is made: the date of the notification or notice, and whether the 72 hours have passed */
  now: Date;
  /** the assessment to use; by default it is worked out from the incident and the workspace */
  assessment?: RiskAssessment;
}

/** The grade the notice to the people affected aims for (Flesch–Kincaid), as plain-language guides ask. */
export const PEOPLE_NOTICE_MAX_GRADE = 8;

export function renderIncidentDraft(
  id: IncidentDraftId,
  incident: Incident,
  workspace: Workspace,
  options: IncidentDraftOptions,
): RenderedDocument {
  const facts = incidentFacts(incident, workspace, options);
  const markdown =
    id === 'authority-notification' ? authorityMarkdown(facts) : id === 'people-notice' ? peopleMarkdown(facts) : usNoticeMarkdown(facts);
  return {
    meta: {
      id: `incident-${incident.id}-${id}`,
      title: INCIDENT_DRAFTS[id].title,
      organization: plainText(workspace.organization.name),
      version: '',
      locale: id === 'us-notice-of-data-breach' ? 'en-US' : localeOf(workspace),
    },
    markdown: `${markdown.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`,
  };
}

// ---------------------------------------------------------------------------------------------------
// What the drafts read: the incident, the inventory's entries it names, and the assessment

interface Facts {
  incident: Incident;
  workspace: Workspace;
  assessment: RiskAssessment;
  now: Date;
  zone: { timeZone?: string; offsetMinutes?: number };
  dataTypes: { id: string; name: string; type?: DataType }[];
  recipients: { id: string; name: string; recipient?: Recipient }[];
  elements: Set<BreachElement>;
  /** what the people affected should look out for, from the data involved */
  involves: {
    credentials: boolean;
    email: boolean;
    financial: boolean;
    identityNumbers: boolean;
    health: boolean;
    special: boolean;
    location: boolean;
    children: boolean;
  };
  /** the data could not be read by whoever got it: encrypted, with the key safe */
  unintelligible: boolean;
}

function incidentFacts(incident: Incident, workspace: Workspace, options: IncidentDraftOptions): Facts {
  const assessment = options.assessment ?? assessIncident(incident, workspace);
  const typesById = new Map(workspace.dataTypes.map((d) => [d.id, d]));
  const recipientsById = new Map(workspace.recipients.map((r) => [r.id, r]));
  const dataTypes = incident.dataTypes.map((id) => {
    const type = typesById.get(id);
    return { id, name: type ? plainText(type.name) : id, type };
  });
  const recipients = (incident.recipients ?? []).map((id) => {
    const recipient = recipientsById.get(id);
    return { id, name: recipient ? plainText(recipient.name) : id, recipient };
  });
  const elements = new Set(assessment.elements);
  const categories = new Set(dataTypes.flatMap((d) => (d.type ? lineage(d.type.category) : [])));
  const has = (...list: BreachElement[]) => list.some((e) => elements.has(e));
  return {
    incident,
    workspace,
    assessment,
    now: options.now,
    zone: incidentZone(incident),
    dataTypes,
    recipients,
    elements,
    involves: {
      credentials: has('password', 'account-access-code', 'security-question') || categories.has('user.authorization.password'),
      email: has('username-or-email') || categories.has('user.contact.email'),
      financial: has('account-number', 'card-number') || categories.has('user.financial'),
      identityNumbers: assessment.identityNumbersExposed || has('ssn', 'government-id'),
      health:
        has('medical', 'health-insurance', 'genetic') ||
        categories.has('user.health_and_medical') ||
        categories.has('user.biometric.health'),
      special: has('special-category', 'biometric', 'genetic') || dataTypes.some((d) => d.type?.sensitivity?.gdprSpecial),
      location: has('precise-location'),
      children: has('children') || incident.vulnerable === true,
    },
    unintelligible: assessment.unintelligible,
  };
}

function localeOf(workspace: Workspace): string {
  const locale = workspace.settings?.locale?.trim();
  return locale && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(locale) ? locale : 'en';
}

const md = (text: string | undefined): string => (text ? markdownInline(text) : '');

/** User text of several paragraphs, each escaped and ended as a sentence. */
function paragraphsOf(text: string | undefined): string[] {
  if (!text?.trim()) return [];
  return text
    .split(/(?:\r\n|[\n\r\u2028\u2029])[ \t]*(?:\r\n|[\n\r\u2028\u2029])/)
    .map((p) => plainText(p))
    .filter(Boolean)
    .map((p) => sentence(markdownInline(p)));
}

/** The same, as plain text for the email and the readability check. */
function plainParagraphs(text: string | undefined): string[] {
  if (!text?.trim()) return [];
  return text
    .split(/(?:\r\n|[\n\r\u2028\u2029])[ \t]*(?:\r\n|[\n\r\u2028\u2029])/)
    .map((p) => plainText(p))
    .filter(Boolean)
    .map((p) => sentence(p));
}

/** A marker for a fact the team must add before sending: square brackets, so it stands out in every format. */
function missing(what: string): string {
  return `\\[${what}\\]`;
}

function plainMissing(what: string): string {
  return `[${what}]`;
}

// ---------------------------------------------------------------------------------------------------
// Dates

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar day of an instant where the team works (its time zone, or the offset it wrote). */
function localDay(instant: Date, zone: Facts['zone']): string {
  const offset = zone.timeZone ? zoneOffsetMinutes(instant, zone.timeZone) : (zone.offsetMinutes ?? 0);
  return new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 10);
}

/** A day or an instant as a date only: "3 December 2026" (or "December 3, 2026" for en-US). */
function dayOf(value: string | Date, zone: Facts['zone'], locale: string): string {
  if (typeof value === 'string' && DATE_ONLY.test(value)) return formatDate(value, locale);
  const instant = typeof value === 'string' ? new Date(Date.parse(value)) : value;
  // An instant written with its own offset is read at that offset when the incident has no time zone.
  const where = typeof value === 'string' && !zone.timeZone ? { offsetMinutes: offsetMinutesOf(value) } : zone;
  return formatDate(localDay(instant, where), locale);
}

/** A day or an instant as people read it: a day alone, or the instant with its time and zone. */
function whenOf(value: string, zone: Facts['zone'], locale: string): string {
  return DATE_ONLY.test(value) ? formatDate(value, locale) : formatInstant(value, zone.timeZone ? zone : {});
}

/** When the breach happened: "on 1 December 2026", "between … and …", or undefined when not recorded. */
function occurredPhrase(incident: Incident, zone: Facts['zone'], locale: string, asDay: boolean): string | undefined {
  const show = (value: string) => (asDay ? dayOf(value, zone, locale) : whenOf(value, zone, locale));
  const from = incident.occurred?.from;
  const to = incident.occurred?.to;
  if (from && to) {
    const a = show(from);
    const b = show(to);
    return a === b ? `on ${a}` : `between ${a} and ${b}`;
  }
  if (from) return `on ${show(from)}`;
  if (to) return `on or before ${show(to)}`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Shared wording

const KIND_WORDS: Record<BreachKind, string> = {
  confidentiality: 'a confidentiality breach (personal data disclosed to or accessed by people not entitled to it)',
  integrity: 'an integrity breach (personal data altered without authorisation)',
  availability: 'an availability breach (personal data lost or made unavailable)',
};

function contactEmail(workspace: Workspace): string | undefined {
  const org = workspace.organization;
  for (const raw of [org.dpo?.email, org.contactEmail, org.requests?.email]) {
    const email = raw && normaliseEmail(raw);
    if (email) return email;
  }
  return undefined;
}

/** The business's own contact for the US notice: the privacy contact first, the DPO only when there is no other. */
function businessEmail(workspace: Workspace): string | undefined {
  const org = workspace.organization;
  for (const raw of [org.contactEmail, org.requests?.email, org.dpo?.email]) {
    const email = raw && normaliseEmail(raw);
    if (email) return email;
  }
  return undefined;
}

/** Who the people affected write to: the DPO when there is one, otherwise the privacy contact. */
function peopleContact(workspace: Workspace): { who: string; email?: string } {
  const org = workspace.organization;
  const dpoEmail = org.dpo?.email && normaliseEmail(org.dpo.email);
  if (dpoEmail) {
    const name = plainText(org.dpo?.name ?? '');
    return { who: name ? `our data protection officer, ${name},` : 'our data protection officer', email: dpoEmail };
  }
  const email = contactEmail(workspace);
  return { who: 'us', email };
}

// ---------------------------------------------------------------------------------------------------
// The notification to the supervisory authority (Art 33)

function authorityMarkdown(f: Facts): string {
  const { incident, workspace, assessment, zone } = f;
  const org = workspace.organization;
  const locale = localeOf(workspace);
  const out: string[] = [];
  const gaps: string[] = [];
  const need = (what: string) => {
    gaps.push(what);
    return missing(what);
  };

  const authorityDecision = incident.decisions?.authority;
  const sentAt = authorityDecision?.notifiedAt ? new Date(Date.parse(authorityDecision.notifiedAt)) : f.now;
  const deadline = authorityDeadline(incident);
  const late = sentAt.getTime() > deadline.getTime();

  out.push('# Notification of a personal data breach', '');
  const authorityName = plainText(org.supervisoryAuthority?.name ?? '');
  const authorityUrl = org.supervisoryAuthority?.url;
  const to = authorityName
    ? `${md(authorityName)}${authorityUrl ? ` (<${markdownUrl(authorityUrl)}>)` : ''}`
    : need('Add the lead supervisory authority: its name is not recorded in the organisation settings');
  const legalName = plainText(org.legalName || org.name);
  const address = org.address ? plainLines(org.address).join(', ') : '';
  const underGdpr = (['gdpr', 'uk-gdpr'] as const).some((j) => org.jurisdictions.includes(j) || incident.residence?.includes(j));
  if (!underGdpr) {
    out.push(
      need(
        'Check whether this notification is needed at all: neither the GDPR nor the UK GDPR is among the organisation’s jurisdictions, and none of the people affected is recorded as living in the EU/EEA or the UK',
      ),
      '',
    );
  }
  // The UK GDPR has its own authority: the EU lead authority's one-stop shop does not reach it.
  if (org.jurisdictions.includes('gdpr') && incident.residence?.includes('uk-gdpr')) {
    out.push(
      need('People in the UK are affected: check whether the UK GDPR asks you to notify the Information Commissioner’s Office as well'),
      '',
    );
  }
  out.push(
    `**To:** ${to}  `,
    `**From:** ${md(legalName)}${address ? `, ${md(address)}` : ''}, as controller  `,
    `**Date:** ${dayOf(sentAt, zone, locale)}  `,
    `**Our reference:** ${md(incident.id)}`,
    '',
    `We notify a personal data breach under Article 33 of the General Data Protection Regulation${
      org.jurisdictions.includes('uk-gdpr') && !org.jurisdictions.includes('gdpr') ? ' as retained in UK law (UK GDPR)' : ''
    }. This is our initial notification: the information below is what we know now, and what we do not yet know will follow in phases (Article 33(4)).`,
    '',
  );

  // Timing: the 72 hours of Art 33(1).
  out.push('## When we became aware and the 72-hour deadline', '');
  out.push(`- **We became aware of the breach:** ${formatInstant(incident.discoveredAt, zone)}`);
  out.push(`- **72 hours from then (Article 33(1)):** ${formatInstant(deadline, zone)}`);
  const occurred = occurredPhrase(incident, zone, locale, false);
  out.push(
    `- **When the breach happened:** ${occurred ? occurred.replace(/^on /, '') : need('Add when the breach happened, or the period, if known')}`,
  );
  out.push(
    `- **This notification:** ${formatInstant(sentAt, zone)}, ${late ? 'after the 72 hours had passed' : 'within the 72 hours'}`,
    '',
  );
  if (late) {
    out.push('## Reasons for the delay', '');
    out.push(
      'This notification is made more than 72 hours after we became aware of the breach. Article 33(1) asks us to give the reasons for the delay:',
      '',
    );
    const reasons = paragraphsOf(incident.delayReasons);
    out.push(...(reasons.length ? reasons.flatMap((p) => [p, '']) : [need('Add the reasons for the delay'), '']));
  }

  // Art 33(3)(a): the nature of the breach.
  out.push('## The nature of the breach', '');
  out.push('### What happened', '');
  const summary = paragraphsOf(incident.summary);
  out.push(...(summary.length ? summary.flatMap((p) => [p, '']) : [need('Describe what happened'), '']));
  const kinds = incident.kinds ?? [];
  if (kinds.length) out.push(`It is ${listInWords(kinds.map((k) => KIND_WORDS[k]))}.`, '');
  if (incident.cause?.trim()) out.push(`**Cause:** ${sentence(md(plainText(incident.cause)))}`, '');
  if (incident.systems?.length) out.push(`**Systems involved:** ${md(listInWords(incident.systems.map(plainText)))}.`, '');
  const processors = f.recipients.filter((r) => r.recipient?.role === 'processor');
  const others = f.recipients.filter((r) => r.recipient?.role !== 'processor');
  if (processors.length) {
    out.push(
      `**Processor involved:** the breach occurred at ${md(listInWords(processors.map((r) => r.name)))}, which ${
        processors.length === 1 ? 'processes' : 'process'
      } the data on our behalf.`,
      '',
    );
  }
  if (others.length) out.push(`**Other recipients involved:** ${md(listInWords(others.map((r) => r.name)))}.`, '');

  out.push('### Categories and approximate number of people concerned', '');
  const subjects = unique(f.dataTypes.flatMap((d) => d.type?.subjects ?? [])).map(
    (key) => SUBJECT_PLURALS[key] ?? plainText(SUBJECT_BY_KEY.get(key)?.name ?? key),
  );
  out.push(
    `- **Categories of people:** ${subjects.length ? md(listInWords(subjects)) : need('Add the categories of people concerned, such as customers, employees or children')}`,
  );
  out.push(
    `- **Approximate number of people:** ${incident.people !== undefined ? formatCount(incident.people) : need('Add the approximate number of people concerned')}`,
  );
  const residence = residenceNames(incident);
  if (residence.length) out.push(`- **Where they live:** ${md(listInWords(residence))}`);
  if (incident.vulnerable === true) out.push('- **Vulnerable people:** children or other vulnerable people are among them');
  out.push('');

  out.push('### Categories and approximate number of personal data records concerned', '');
  // Special categories as the assessment finds them: the flag, or a category such as health or biometrics.
  const special = new Set(
    assessment.matches.filter((m) => m.element === 'special-category' && m.certainty === 'definite').flatMap((m) => m.dataTypes),
  );
  for (const d of f.dataTypes) if (d.type?.sensitivity?.gdprSpecial) special.add(d.id);
  if (f.dataTypes.length) {
    for (const d of f.dataTypes) {
      const notes: string[] = [];
      if (special.has(d.id)) notes.push('special category data (Article 9)');
      if (!d.type) notes.push('not in our inventory');
      out.push(`- ${md(d.name)}${notes.length ? `: ${notes.join('; ')}` : ''}`);
    }
  } else {
    out.push(`- ${need('Add the categories of personal data concerned')}`);
  }
  out.push('');
  out.push(
    `**Approximate number of records:** ${incident.records !== undefined ? formatCount(incident.records) : need('Add the approximate number of personal data records concerned')}`,
    '',
  );
  out.push(`**Protection of the data:** ${protectionSentence(incident)}`, '');

  // Art 33(3)(b): the contact point.
  out.push('## Data protection officer or other contact point', '');
  const dpo = org.dpo;
  const dpoEmail = dpo?.email && normaliseEmail(dpo.email);
  const dpoAddress = dpo?.address ? plainLines(dpo.address).join(', ') : '';
  const orgEmail = contactEmail(workspace);
  if (dpo && (dpo.name?.trim() || dpoEmail)) {
    const details = [dpo.name ? plainText(dpo.name) : '', dpoEmail, dpoAddress].filter(Boolean).map((t) => md(t as string));
    // A name alone is no contact detail: the organisation's privacy contact stands in, or the team adds one.
    const reach =
      dpoEmail || dpoAddress
        ? ''
        : orgEmail
          ? `, reachable through ${md(orgEmail)}`
          : ` ${need('Add the data protection officer’s contact details')}`;
    out.push(`Our data protection officer: ${details.join(', ')}${reach}.`, '');
  } else if (orgEmail) {
    out.push(`Contact point for this breach: ${md(legalName)}, ${md(orgEmail)}.`, '');
  } else {
    out.push(need('Add the name and contact details of the data protection officer or other contact point'), '');
  }

  // Art 33(3)(c): likely consequences.
  out.push('## Likely consequences of the breach', '');
  const consequences = paragraphsOf(incident.consequences);
  if (consequences.length) out.push(...consequences.flatMap((p) => [p, '']));
  const derived = consequenceLines(f);
  if (derived.length) {
    out.push(
      consequences.length
        ? 'Given the data concerned, the people affected could also face:'
        : 'Given the data concerned, the people affected could face:',
      '',
    );
    out.push(...derived.map((c) => `- ${c}`), '');
  }
  if (!consequences.length && !derived.length) out.push(need('Describe the likely consequences for the people concerned'), '');
  // Without the data concerned, an assessment would rest on nothing the authority could check.
  if (f.dataTypes.length) out.push(`**Our assessment of the risk:** ${RISK_WORDS[assessment.level]}.`, '');

  // Art 33(3)(d): measures taken or proposed.
  out.push('## Measures taken or proposed', '');
  out.push('### Taken', '');
  const taken = paragraphsOf(incident.actionsTaken);
  out.push(...(taken.length ? taken.flatMap((p) => [p, '']) : [need('Add the measures taken to address the breach'), '']));
  out.push('### Proposed', '');
  const planned = paragraphsOf(incident.actionsPlanned);
  out.push(
    ...(planned.length
      ? planned.flatMap((p) => [p, ''])
      : [need('Add the measures proposed, including those to mitigate possible adverse effects'), '']),
  );
  out.push('### Communication to the people affected (Article 34)', '');
  out.push(...peopleDecisionLines(f, need), '');

  if (incident.log.length) {
    out.push('## Timeline', '');
    for (const entry of [...incident.log].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
      out.push(`- ${formatInstant(entry.at, zone)}: ${sentence(md(plainText(entry.text)))}`);
    }
    out.push('');
  }

  out.push('## Further information', '');
  out.push(
    gaps.length
      ? 'Where this notification marks information in square brackets as still to be added, we do not have it yet. We will provide it, and anything our investigation finds, in further phases without undue delay (Article 33(4)).'
      : 'We will provide further information in phases, as our investigation finds it, without undue delay (Article 33(4)).',
    '',
  );
  return out.join('\n');
}

const EXCEPTION_LETTER = { unintelligible: 'a', 'risk-removed': 'b', 'disproportionate-effort': 'c' } as const;

const RISK_WORDS: Record<RiskAssessment['level'], string> = {
  unlikely: 'the breach is unlikely to result in a risk to the rights and freedoms of the people concerned',
  risk: 'the breach is likely to result in a risk to the rights and freedoms of the people concerned, but not a high risk',
  high: 'the breach is likely to result in a high risk to the rights and freedoms of the people concerned',
};

function peopleDecisionLines(f: Facts, need: (what: string) => string): string[] {
  const decision = f.incident.decisions?.people;
  const zone = f.zone;
  if (decision?.decision === 'notify') {
    const sent = decision.notifiedAt
      ? ` We told them on ${formatInstant(decision.notifiedAt, zone)}${decision.reference ? ` (${md(plainText(decision.reference)).replace(/\\?\.$/, '')})` : ''}.`
      : ' We are telling them without undue delay.';
    const reasons = paragraphsOf(decision.reasons);
    return [
      `We have decided to tell the people affected directly.${sent}`,
      ...(reasons.length ? ['', `Our reasons: ${reasons.join(' ')}`] : []),
    ];
  }
  if (decision?.decision === 'do-not-notify') {
    const reasons = paragraphsOf(decision.reasons);
    return [
      'We have decided not to tell the people affected directly, for these reasons:',
      '',
      ...(reasons.length ? reasons : [need('Add the reasons for not telling the people affected')]),
    ];
  }
  const proposal = f.assessment.people;
  return [
    need(
      `Record whether the people affected will be told, and why. Candor proposes ${proposal.proposal === 'notify' ? 'telling them' : 'not telling them'}${
        proposal.exception ? ` (Article 34(3)(${EXCEPTION_LETTER[proposal.exception]}))` : ''
      }`,
    ),
  ];
}

/** The fideslang data subjects as a list of people reads: "customers", "next of kin". */
const SUBJECT_PLURALS: Record<string, string> = {
  anonymous_user: 'anonymous users',
  citizen_voter: 'citizens and voters',
  commuter: 'commuters',
  consultant: 'consultants',
  customer: 'customers',
  employee: 'employees',
  job_applicant: 'job applicants',
  next_of_kin: 'next of kin',
  passenger: 'passengers',
  patient: 'patients',
  prospect: 'prospects',
  shareholder: 'shareholders',
  supplier_vendor: 'suppliers and vendors',
  trainee: 'trainees',
  visitor: 'visitors',
};

function formatCount(n: number): string {
  return new Intl.NumberFormat('en-GB').format(n);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

const RESIDENCE_NAMES: Record<string, string> = {
  gdpr: 'the EU/EEA',
  'uk-gdpr': 'the United Kingdom',
  ccpa: 'California',
  other: 'other countries',
};

/** Where the people affected live, with the approximate number of residents where recorded. */
function residenceNames(incident: Incident): string[] {
  return (incident.residence ?? []).map((r) => {
    const name = RESIDENCE_NAMES[r] ?? usStateName(r) ?? r;
    const count = incident.residents?.[r];
    return count !== undefined ? `${name} (about ${formatCount(count)})` : name;
  });
}

function startCase(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

function protectionSentence(incident: Incident): string {
  const how = incident.protection?.trim() ? md(plainText(incident.protection).replace(/[.\s]+$/, '')) : '';
  if (incident.encrypted === true) {
    const key =
      incident.keySafe === true
        ? 'the key was not compromised, so the data is unintelligible to anyone who has it'
        : incident.keySafe === false
          ? 'the key was compromised as well, so the encryption does not protect the data'
          : missing('Add whether the key was compromised');
    return `${how ? `${startCase(how)}. ` : ''}The data was encrypted; ${key}.`;
  }
  if (incident.encrypted === false) return `${how ? `${startCase(how)}. ` : ''}The data was not encrypted.`;
  return how
    ? `${how}. ${missing('Add whether this made the data unintelligible to whoever got it')}`
    : missing('Add whether the data was encrypted, and whether the key was safe');
}

/** What could follow for the people affected, from the data involved: for the authority, in its terms. */
function consequenceLines(f: Facts): string[] {
  const i = f.involves;
  const out: string[] = [];
  if (f.unintelligible) return out;
  if (i.credentials) out.push('unauthorised access to their accounts, with us and elsewhere if they reused the password');
  if (i.email) out.push('phishing and other fraudulent messages aimed at them');
  if (i.financial) out.push('financial loss through fraudulent payments');
  if (i.identityNumbers) out.push('identity theft or fraud, such as credit or accounts opened in their name');
  if (i.health) out.push('disclosure of health information, with distress and a risk of discrimination');
  else if (i.special) out.push('disclosure of special category data, with distress and a risk of discrimination');
  if (i.location) out.push('disclosure of where they live or have been, with a risk to their physical safety');
  if (i.children) out.push('harm to children, who are less able to protect themselves');
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The notice to the people affected (Art 34(2)): an email and an in-app banner

export interface PeopleNoticeTexts {
  subject: string;
  /** the email body as Markdown */
  markdown: string;
  /** the same, as plain text */
  text: string;
  /** Flesch–Kincaid grade of the email body */
  grade: number;
  /** the in-app banner, within the workspace's short in-app text budget, as core/documents/in-app.ts gives its texts */
  banner: Snippet;
}

type Block = { heading: string } | { paragraph: string } | { items: string[] };

/** The email and the banner of the notice to the people affected. */
export function peopleNoticeTexts(incident: Incident, workspace: Workspace, options: IncidentDraftOptions): PeopleNoticeTexts {
  return peopleTexts(incidentFacts(incident, workspace, options));
}

function peopleTexts(f: Facts): PeopleNoticeTexts {
  const { incident, workspace, zone } = f;
  const org = plainText(workspace.organization.name);
  const locale = localeOf(workspace);
  const blocks: Block[] = [];
  const p = (paragraph: string) => blocks.push({ paragraph });

  p('Hello,');
  // Not "an incident at <org>": a processor's breach happened elsewhere, to data the organisation holds.
  p(
    `We at ${org} are writing to tell you about a security incident that involved some of your personal data. We are sorry that this happened.`,
  );

  blocks.push({ heading: 'What happened' });
  const summary = plainParagraphs(incident.summary);
  if (summary.length) summary.forEach(p);
  else p(plainMissing('Describe what happened in a few short sentences'));
  const occurred = occurredPhrase(incident, zone, locale, true);
  const found = dayOf(incident.discoveredAt, zone, locale);
  p(
    occurred === `on ${found}`
      ? `It happened on ${found}, and we found out the same day.`
      : `${occurred ? `It happened ${occurred}. ` : ''}We found out about it on ${found}.`,
  );

  blocks.push({ heading: 'Which of your data was involved' });
  if (f.dataTypes.length) {
    p(f.dataTypes.length === 1 ? 'This kind of data was involved:' : 'These kinds of data were involved:');
    blocks.push({ items: f.dataTypes.map((d) => d.name) });
  } else {
    p(plainMissing('List the kinds of data involved'));
  }
  if (f.unintelligible)
    p('The data was encrypted, and the key was not taken. This means that whoever has the data should not be able to read it.');
  else if (incident.encrypted === true) p('The data was encrypted, but the key may have been taken too, so we treat the data as readable.');
  else if (incident.protection?.trim()) p(sentence(startCase(plainText(incident.protection))));

  blocks.push({ heading: 'What this means for you' });
  const risks = peopleRisks(f);
  if (risks.length) risks.forEach(p);
  else {
    const consequences = plainParagraphs(incident.consequences);
    if (consequences.length) consequences.forEach(p);
    else p(plainMissing('Say in plain words what this could mean for the people affected'));
  }

  blocks.push({ heading: 'What we have done' });
  const taken = plainParagraphs(incident.actionsTaken);
  if (taken.length) taken.forEach(p);
  else p(plainMissing('Say what you have done to stop the incident and limit the harm'));
  const planned = plainParagraphs(incident.actionsPlanned);
  planned.forEach(p);

  blocks.push({ heading: 'What you can do' });
  const steps = peopleSteps(f);
  if (steps.length) blocks.push({ items: steps });
  else p(plainMissing('Say what people can do to protect themselves, if anything'));

  blocks.push({ heading: 'Who to contact' });
  const contact = peopleContact(workspace);
  p(
    contact.email
      ? `If you have questions, please email ${contact.who} at ${contact.email}.`
      : `If you have questions, please contact us at ${plainMissing('Add an email address or phone number people can use')}.`,
  );
  p(`${org}`);

  const markdown = blocks
    .map((b) =>
      'heading' in b
        ? `### ${markdownInline(b.heading)}`
        : 'items' in b
          ? b.items.map((item) => `- ${markdownInline(item)}`).join('\n')
          : markdownInline(b.paragraph),
    )
    .join('\n\n');
  const text = blocks
    .map((b) => ('heading' in b ? b.heading : 'items' in b ? b.items.map((item) => `- ${item}`).join('\n') : b.paragraph))
    .join('\n\n');

  // As the in-app texts are made: complete sentences, tried from the richest to the leanest until one fits
  // the short budget; never cut short, and marked over budget when even the leanest does not fit.
  const budget = workspace.settings?.inAppLimits?.short ?? DEFAULT_IN_APP_LIMITS.short;
  const banners = [
    `Security notice from ${org}: an incident involved some of your data. Check your email to see what happened and what you can do.`,
    `Security notice: an incident involved some of your data. Check your email to see what happened and what to do.`,
    `An incident involved some of your data. Check your email to see what to do.`,
  ];
  const chosen = banners.find((b) => textLength(b) <= budget) ?? banners[banners.length - 1];
  const length = textLength(chosen);

  return {
    subject: `Security notice from ${org}: an incident involved your data`,
    markdown,
    text,
    grade: readabilityGrade(text),
    banner: { text: chosen, length, budget, grade: readabilityGrade(chosen), overBudget: length > budget, source: 'generated' },
  };
}

/** What this means for the people affected, in short plain sentences. */
function peopleRisks(f: Facts): string[] {
  const i = f.involves;
  const out: string[] = [];
  if (f.unintelligible) {
    out.push('Because the data was encrypted, we think the risk to you is low. We are telling you so that you know what happened.');
    return out;
  }
  if (i.credentials)
    out.push('Someone could try to sign in to your account. If you use the same password on other sites, they could try those too.');
  if (i.email)
    out.push(
      'You may get emails that pretend to come from us or from others. They may try to trick you into giving more details. This is called phishing.',
    );
  if (i.financial) out.push('Someone could try to use your card or bank details to pay for things.');
  if (i.identityNumbers) out.push('Someone could try to pretend to be you, for example to open a loan or a credit card in your name.');
  if (i.health) out.push('People who should not know about your health could see it.');
  else if (i.special) out.push('People who should not see very private details about you could see them.');
  if (i.location) out.push('Someone could learn where you live or places you have been.');
  return out;
}

/** What the people affected can do, one step per line. */
function peopleSteps(f: Facts, pointToBureaus = livesInUs(f.incident)): string[] {
  const i = f.involves;
  const out: string[] = [];
  if (i.credentials) {
    out.push(`Change your ${plainText(f.workspace.organization.name)} password.`);
    out.push('If you used the same password anywhere else, change it there too.');
  }
  if (i.email || i.credentials) {
    out.push(
      'Be careful with emails, texts or calls that ask for your password or other details. Do not click links in messages you did not expect.',
    );
  }
  if (i.financial) {
    out.push('Check your bank and card statements. Tell your bank or card company at once about any payment you do not know.');
  }
  if (i.identityNumbers) {
    out.push('Check your credit reports for loans or accounts you did not open.');
    if (pointToBureaus)
      out.push(
        'If you live in the US, you can freeze your credit for free with each of the three credit bureaus: Equifax, Experian and TransUnion.',
      );
  } else if (i.financial && pointToBureaus) {
    out.push('If you live in the US, you can also freeze your credit for free with each of the three credit bureaus.');
  }
  return out;
}

function livesInUs(incident: Incident): boolean {
  return (incident.residence ?? []).some((r) => r === 'ccpa' || r.startsWith('us-'));
}

function peopleMarkdown(f: Facts): string {
  const texts = peopleTexts(f);
  const out: string[] = ['# Notice to the people affected', ''];
  out.push('## Email', '');
  out.push(`**Subject:** ${markdownInline(texts.subject)}`, '');
  out.push(texts.markdown, '');
  out.push('## In-app banner', '');
  out.push(markdownInline(texts.banner.text), '');
  out.push('## About this draft', '');
  out.push(
    `- The email reads at grade ${texts.grade.toFixed(1)} (Flesch–Kincaid)${
      texts.grade > PEOPLE_NOTICE_MAX_GRADE
        ? `, above the grade ${PEOPLE_NOTICE_MAX_GRADE} plain language asks for: shorten the longest sentences`
        : `; plain language asks for grade ${PEOPLE_NOTICE_MAX_GRADE} or lower`
    }.`,
    `- The banner is ${texts.banner.length} characters, ${texts.banner.overBudget ? 'over' : 'within'} the short in-app text budget of ${texts.banner.budget}, and reads at grade ${texts.banner.grade.toFixed(1)}.`,
    '- Article 34(2) asks for the nature of the breach, the contact point, the likely consequences and the measures taken, in clear and plain language.',
  );
  const clock = clockLine(f);
  if (clock) out.push(`- ${clock}`);
  out.push('');
  return out.join('\n');
}

/**
 * Where the 72-hour clock of Art 33(1) stands when a draft is made, for the drafts that are not the
 * notification itself; undefined when the GDPR does not reach the incident or the clock has stopped.
 */
function clockLine(f: Facts): string | undefined {
  if (!gdprApplies(f.incident, f.workspace)) return undefined;
  const clock = clockState(f.incident, f.now);
  if (!clock.showCountdown) return undefined;
  const when = formatInstant(clock.deadline, f.zone);
  return clock.remainingMs >= 0
    ? `The supervisory authority must be notified by ${when}, 72 hours after we became aware (Article 33(1)): ${describeRemaining(clock.remainingMs)} when this draft was made.`
    : `The 72 hours of Article 33(1) for notifying the supervisory authority ended on ${when}, ${describeRemaining(clock.remainingMs)} when this draft was made, and no notification is recorded: notify now and give the reasons for the delay.`;
}

// ---------------------------------------------------------------------------------------------------
// The US "Notice of Data Breach" (Cal. Civ. Code 1798.82(d))

/**
 * The nationwide credit reporting agencies, as the notice must list them when a Social Security, driver's
 * licence or other government ID number was exposed (1798.82(d)(2)(G)). Checked December 2026; re-check
 * before each release. Telephone numbers and web addresses: the FTC's "Credit Freeze FAQs"
 * (consumer.ftc.gov, quoted by fmfcu.org/security-center/article/credit-freeze-vs-fraud-alert and
 * it-authority.com/freeze-your-credit). Mailing addresses for credit freeze requests: Oregon Division of
 * Financial Regulation, dfr.oregon.gov/financial/protect/pages/place-credit-freeze.aspx (Equifax Security
 * Freeze, P.O. Box 105788, Atlanta GA 30348; Experian Security Freeze, P.O. Box 9554, Allen TX 75013), and
 * gjsentinel.com (Jim's Mortgage Corner, "To freeze or not to freeze", 2021) for TransUnion's P.O. Box 160,
 * Woodlyn PA 19094 and Equifax's full ZIP+4.
 */
export const CREDIT_BUREAUS = [
  {
    name: 'Equifax',
    phone: '1-800-685-1111',
    address: 'Equifax Information Services LLC, P.O. Box 105788, Atlanta, GA 30348-5788',
    web: 'equifax.com/personal/credit-report-services',
  },
  { name: 'Experian', phone: '1-888-397-3742', address: 'Experian, P.O. Box 9554, Allen, TX 75013', web: 'experian.com/help' },
  {
    name: 'TransUnion',
    phone: '1-888-909-8872',
    address: 'TransUnion, P.O. Box 160, Woodlyn, PA 19094',
    web: 'transunion.com/credit-help',
  },
] as const;

/** The statutory headings, in order (1798.82(d)(1)(A)). */
export const US_NOTICE_HEADINGS = [
  'What Happened',
  'What Information Was Involved',
  'What We Are Doing',
  'What You Can Do',
  'For More Information',
] as const;

function usNoticeMarkdown(f: Facts): string {
  const { incident, workspace, zone } = f;
  const org = workspace.organization;
  const locale = 'en-US';
  const name = plainText(org.legalName || org.name);
  const usDecision = incident.decisions?.usStates;
  const noticeDate = usDecision?.notifiedAt ? new Date(Date.parse(usDecision.notifiedAt)) : f.now;
  const out: string[] = ['# Notice of Data Breach', ''];
  const clock = clockLine(f);
  if (clock) out.push(missing(`Remove this note before sending. ${clock}`), '');
  if (!livesInUs(incident)) {
    out.push(missing('Check whether this notice is needed at all: none of the people affected is recorded as living in a US state'), '');
  }
  out.push(`**From:** ${md(name)}  `, `**Date of this notice:** ${dayOf(noticeDate, zone, locale)}`, '');

  out.push(`## ${US_NOTICE_HEADINGS[0]}`, '');
  const summary = paragraphsOf(incident.summary);
  out.push(...(summary.length ? summary.flatMap((p) => [p, '']) : [missing('Add a general description of the breach'), '']));
  const occurred = occurredPhrase(incident, zone, locale, true);
  const dateText = occurred
    ? `The breach happened ${occurred}.`
    : missing('Add the date, the estimated date or the date range of the breach');
  out.push(`${dateText} We discovered it on ${dayOf(incident.discoveredAt, zone, locale)}.`, '');
  out.push(
    incident.lawEnforcementDelay === true
      ? 'This notice was delayed because a law enforcement agency told us that notice would impede its investigation.'
      : incident.lawEnforcementDelay === false
        ? 'This notice was not delayed by a law enforcement investigation.'
        : missing('State whether a law enforcement investigation delayed this notice'),
    '',
  );

  out.push(`## ${US_NOTICE_HEADINGS[1]}`, '');
  if (f.dataTypes.length) {
    out.push('The personal information involved was:', '');
    out.push(...f.dataTypes.map((d) => `- ${md(d.name)}`), '');
  } else {
    out.push(missing('List the types of personal information involved'), '');
  }
  if (f.unintelligible) out.push('The information was encrypted, and the encryption key was not acquired.', '');
  else if (incident.protection?.trim()) out.push(sentence(md(startCase(plainText(incident.protection)))), '');

  out.push(`## ${US_NOTICE_HEADINGS[2]}`, '');
  const taken = paragraphsOf(incident.actionsTaken);
  const planned = paragraphsOf(incident.actionsPlanned);
  out.push(...(taken.length ? taken.flatMap((p) => [p, '']) : [missing('Describe what you have done in response to the breach'), '']));
  out.push(...planned.flatMap((p) => [p, '']));
  if (f.involves.identityNumbers) out.push(...identityProtectionOffer(incident), '');

  out.push(`## ${US_NOTICE_HEADINGS[3]}`, '');
  // The bureaus are listed below in full, so the steps leave out the short pointer to them.
  const steps = peopleSteps(f, false);
  if (steps.length) out.push(...steps.map((s) => `- ${md(s)}`), '');
  if (f.involves.identityNumbers || f.involves.financial) {
    out.push(
      'You can place a fraud alert or a security freeze on your credit file, free of charge, and get your credit reports, by contacting the nationwide credit reporting agencies:',
      '',
    );
    out.push(...CREDIT_BUREAUS.map((b) => `- **${b.name}:** ${b.phone} (toll-free), ${md(b.address)}, ${md(b.web)}`), '');
  }
  if (f.involves.identityNumbers && incident.identityProtection) {
    const how = incident.identityProtection.howToEnroll?.trim();
    out.push(
      how
        ? `How to enroll in the identity protection service we offer: ${sentence(md(plainText(how)))}`
        : missing('Add everything people need to enroll in the identity protection service: where, how and by when'),
      '',
    );
  }
  if (!steps.length && !(f.involves.identityNumbers || f.involves.financial))
    out.push(missing('Say what people can do to protect themselves'), '');

  out.push(`## ${US_NOTICE_HEADINGS[4]}`, '');
  const contactLines: string[] = [];
  const phone = org.requests?.phone?.trim() ? plainText(org.requests.phone) : '';
  const email = businessEmail(workspace);
  if (phone) contactLines.push(`call us at ${md(phone)}`);
  if (email) contactLines.push(`email ${md(email)}`);
  if (org.address?.trim()) contactLines.push(`write to ${md(name)}, ${md(plainLines(org.address).join(', '))}`);
  out.push(
    contactLines.length
      ? `If you have questions about this incident, please ${listInWords(contactLines, { conjunction: 'or' })}.`
      : `If you have questions about this incident, please contact ${md(name)} at ${missing('Add a telephone number, email address or postal address')}.`,
    '',
  );
  return out.join('\n');
}

/** The offer of identity theft prevention and mitigation services (1798.82(d)(2)(G)): at least 12 months, at no cost. */
function identityProtectionOffer(incident: Incident): string[] {
  const offer = incident.identityProtection;
  if (!offer) {
    return [
      missing(
        'Add the offer of identity theft prevention and mitigation services at no cost for at least 12 months (provider, length, how to enroll): the law asks for it when you are the source of a breach that exposed Social Security, driver’s license or ID numbers',
      ),
    ];
  }
  const provider = offer.provider?.trim() ? ` from ${md(plainText(offer.provider))}` : '';
  const months = offer.months;
  const length =
    months !== undefined && months >= 12
      ? `for ${months} months`
      : months !== undefined
        ? missing(`Add a length of at least 12 months: ${months} months is recorded`)
        : missing('Add for how many months (at least 12)');
  return [`We are offering identity theft prevention and mitigation services${provider} ${length}, at no cost to you.`];
}
