// The incident register: a file of its own beside the workspace (`<name>.incidents.candor.json`), so the
// inventory can be shared widely while what went wrong stays with the few who handle it. Format version 1,
// as docs/workspace-format.md ("The incident register") describes it. Like the workspace, validation checks
// structure only; what is still missing (a decision, a reason) is the review's concern (core/incidents/lint.ts).
import { z } from 'zod';
import { JURISDICTIONS, Slug } from '../schema';

export const INCIDENTS_FORMAT = 'candor/incidents';
export const INCIDENTS_FORMAT_VERSION = 1;

/** An instant with its offset, as ISO 8601 writes it: 2026-12-05T09:30:00+01:00, or …Z for UTC. */
export const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isDateTime(value: string): boolean {
  return DATE_TIME_PATTERN.test(value) && !Number.isNaN(Date.parse(value));
}

export const DateTime = z
  .string()
  .refine(isDateTime, 'must be a date and time with its offset, written like 2026-12-05T09:30:00+01:00 (or …Z for UTC)');
/** A day or an instant: when something happened is often known only to the day. */
export const DayOrDateTime = z
  .string()
  .refine(
    (v) => isDateTime(v) || (DATE_PATTERN.test(v) && !Number.isNaN(Date.parse(v))),
    'must be a date written YYYY-MM-DD, or a date and time with its offset such as 2026-12-05T09:30:00+01:00',
  );

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin or America/Los_Angeles');

/**
 * Where the people affected live. The workspace's jurisdiction ids (`gdpr` for the EU and EEA, `uk-gdpr`,
 * `ccpa` for California, `us-va` …), and any other US state, the District of Columbia or a territory as
 * `us-` and its postal code: every one of them has a breach notification law of its own.
 */
export const US_STATE_CODES = [
  'al',
  'ak',
  'az',
  'ar',
  'ca',
  'co',
  'ct',
  'de',
  'dc',
  'fl',
  'ga',
  'hi',
  'id',
  'il',
  'in',
  'ia',
  'ks',
  'ky',
  'la',
  'me',
  'md',
  'ma',
  'mi',
  'mn',
  'ms',
  'mo',
  'mt',
  'ne',
  'nv',
  'nh',
  'nj',
  'nm',
  'ny',
  'nc',
  'nd',
  'oh',
  'ok',
  'or',
  'pa',
  'ri',
  'sc',
  'sd',
  'tn',
  'tx',
  'ut',
  'vt',
  'va',
  'wa',
  'wv',
  'wi',
  'wy',
  'pr',
  'gu',
  'vi',
] as const;
export const RESIDENCES = [
  ...JURISDICTIONS,
  ...US_STATE_CODES.map((code) => `us-${code}` as const).filter(
    (id) => id !== 'us-ca' && !(JURISDICTIONS as readonly string[]).includes(id),
  ),
  'other',
] as const;
export type Residence = (typeof RESIDENCES)[number];

/** Ids people write for the same place: `us-ca` is California (`ccpa`), `eu`/`eea` the GDPR, `uk` the UK GDPR. */
export function residenceId(input: string): Residence | undefined {
  const id = input.trim().toLowerCase();
  const alias: Record<string, Residence> = {
    'us-ca': 'ccpa',
    ca: 'ccpa',
    california: 'ccpa',
    eu: 'gdpr',
    eea: 'gdpr',
    uk: 'uk-gdpr',
    gb: 'uk-gdpr',
  };
  if (alias[id]) return alias[id];
  return (RESIDENCES as readonly string[]).includes(id) ? (id as Residence) : undefined;
}

export const INCIDENT_STATUSES = ['open', 'contained', 'closed'] as const;
/** The EDPB's three kinds of breach: data disclosed or accessed, altered, or lost or unavailable. */
export const BREACH_KINDS = ['confidentiality', 'integrity', 'availability'] as const;
/** The team's judgement of the factors the inventory cannot know (EDPB Guidelines 9/2022). */
export const LEVELS = ['low', 'medium', 'high'] as const;
export const DECISIONS = ['notify', 'do-not-notify'] as const;

const text = z.string();
const count = z.number().int().min(0);

export const DecisionSchema = z.looseObject({
  decision: z.enum(DECISIONS),
  /** why, in the team's words: kept in the register (Art 33(5)) */
  reasons: text,
  decidedAt: DateTime.optional(),
  decidedBy: text.optional(),
  /** when the notification or notice went out */
  notifiedAt: DateTime.optional(),
  /** the authority's case number, or how the notice was sent */
  reference: text.optional(),
});

export const LogEntrySchema = z.looseObject({
  at: DateTime,
  text,
  by: text.optional(),
});

export const IncidentSchema = z.looseObject({
  id: Slug,
  title: text,
  status: z.enum(INCIDENT_STATUSES),
  /** when the organisation became aware (reasonably certain a breach happened): the 72 hours run from here */
  discoveredAt: DateTime,
  /** the time zone the team works in, for showing times and the deadline */
  timeZone: TimeZone.optional(),
  /** when it happened: one day or instant (`from` alone), or a range */
  occurred: z
    .looseObject({
      from: DayOrDateTime.optional(),
      to: DayOrDateTime.optional(),
    })
    .optional(),
  /** what happened, in plain words */
  summary: text,
  kinds: z.array(z.enum(BREACH_KINDS)).optional(),
  cause: text.optional(),
  /** the inventory's data types affected */
  dataTypes: z.array(Slug),
  /** recipients involved: a processor's breach names the processor */
  recipients: z.array(Slug).optional(),
  systems: z.array(text).optional(),
  /** approximate number of people affected */
  people: count.optional(),
  /** approximate number of records affected */
  records: count.optional(),
  /** where the people affected live */
  residence: z.array(z.enum(RESIDENCES)).optional(),
  /** approximate number of people affected per place of residence, where known */
  residents: z.partialRecord(z.enum(RESIDENCES), count).optional(),
  /** the data was encrypted or otherwise made unintelligible to whoever got it */
  encrypted: z.boolean().optional(),
  /** the key (or whatever undoes the protection) was not compromised */
  keySafe: z.boolean().optional(),
  /** how the data was protected, in words (full-disk encryption, salted bcrypt hashes) */
  protection: text.optional(),
  identifiability: z.enum(LEVELS).optional(),
  severity: z.enum(LEVELS).optional(),
  /** the harm cannot be undone (a published identity document, a leaked diagnosis) */
  permanent: z.boolean().optional(),
  /** children or other vulnerable people are among those affected */
  vulnerable: z.boolean().optional(),
  /** the likely consequences for the people affected, in the team's words */
  consequences: text.optional(),
  actionsTaken: text.optional(),
  actionsPlanned: text.optional(),
  /** a law enforcement agency asked for notice to wait (Cal. Civ. Code 1798.82(c)) */
  lawEnforcementDelay: z.boolean().optional(),
  /** why the authority was not notified within 72 hours (Art 33(1)) */
  delayReasons: text.optional(),
  /** identity theft prevention and mitigation services offered to the people affected */
  identityProtection: z
    .looseObject({
      provider: text.optional(),
      months: z.number().int().min(0).optional(),
      howToEnroll: text.optional(),
    })
    .optional(),
  /** the team's decisions, with their reasons */
  decisions: z
    .looseObject({
      authority: DecisionSchema.optional(),
      people: DecisionSchema.optional(),
      usStates: DecisionSchema.optional(),
    })
    .optional(),
  log: z.array(LogEntrySchema).default([]),
});

export const IncidentRegisterSchema = z.looseObject({
  format: z.literal(INCIDENTS_FORMAT),
  version: z.literal(INCIDENTS_FORMAT_VERSION),
  /** the workspace file the register belongs to, by name, beside it */
  workspace: text.optional(),
  incidents: z.array(IncidentSchema).default([]),
});

export type IncidentRegister = z.infer<typeof IncidentRegisterSchema>;
export type Incident = z.infer<typeof IncidentSchema>;
export type IncidentDecision = z.infer<typeof DecisionSchema>;
export type IncidentLogEntry = z.infer<typeof LogEntrySchema>;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export type BreachKind = (typeof BREACH_KINDS)[number];
export type Level = (typeof LEVELS)[number];

export function emptyRegister(workspaceFileName?: string): IncidentRegister {
  return {
    format: INCIDENTS_FORMAT,
    version: INCIDENTS_FORMAT_VERSION,
    ...(workspaceFileName ? { workspace: workspaceFileName } : {}),
    incidents: [],
  };
}

/** `<name>.incidents.candor.json` beside `<name>.candor.json` (or beside any other workspace file name). */
export function registerFileName(workspaceFileName: string): string {
  const stem = workspaceFileName.replace(/\.candor\.json$/i, '').replace(/\.json$/i, '');
  return `${stem}.incidents.candor.json`;
}
