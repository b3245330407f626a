// One function turns any retention into a natural phrase, used everywhere Candor says how long
// data is kept: the inventory, the editor's live sentence, notices and in-app text.
import type { Retention, RetentionEvent, RetentionUnit } from './schema';
import { count, isSentence } from './words';

const EVENT_CLAUSE: Record<RetentionEvent, string> = {
  collection: 'collection',
  'last-activity': 'your last activity',
  'account-closure': 'you close your account',
  'consent-withdrawal': 'you withdraw your consent',
  'purpose-fulfilled': 'we no longer need it for the purpose we collected it for',
  'contract-end': 'your contract with us ends',
};

/** The event as the end of "until …". */
const UNTIL_CLAUSE: Record<RetentionEvent, string> = {
  collection: 'we have collected it',
  'last-activity': 'your last activity',
  'account-closure': 'you close your account',
  'consent-withdrawal': 'you withdraw your consent',
  'purpose-fulfilled': 'we no longer need it for the purpose we collected it for',
  'contract-end': 'your contract with us ends',
};

const UNIT_SINGULAR: Record<RetentionUnit, string> = { days: 'day', weeks: 'week', months: 'month', years: 'year' };

export const RETENTION_EVENT_LABELS: Record<RetentionEvent, string> = {
  collection: 'collection',
  'last-activity': 'last activity',
  'account-closure': 'account closure',
  'consent-withdrawal': 'consent withdrawal',
  'purpose-fulfilled': 'purpose fulfilled',
  'contract-end': 'end of contract',
};

export function periodText(value: number, unit: RetentionUnit): string {
  return count(value, UNIT_SINGULAR[unit], unit);
}

// Only words that start sentences are lowered when a reason is joined into a phrase; names
// ("Irish tax law", "Stripe keeps …") keep their capital.
const SENTENCE_STARTERS = new Set([
  'the',
  'we',
  'our',
  'it',
  'its',
  'as',
  'until',
  'while',
  'for',
  'when',
  'after',
  'up',
  'this',
  'these',
  'they',
  'you',
  'your',
  'a',
  'an',
  'in',
  'on',
  'by',
  'because',
  'since',
  'kept',
  'keep',
  'data',
  'each',
  'every',
  'no',
]);

/** Lowers the first word only when it merely starts a sentence ("The", "We"); names keep their capital. */
export function lowerFirst(text: string): string {
  const first = /^[A-Z][a-z]*/.exec(text)?.[0];
  return first && SENTENCE_STARTERS.has(first.toLowerCase()) ? text[0].toLowerCase() + text.slice(1) : text;
}

function trimEnd(text: string): string {
  return text.trim().replace(/[.;:,\s]+$/, '');
}

/**
 * How long data is kept, as a phrase that completes "We keep it …":
 * "for 30 days after you close your account", "until you withdraw your consent",
 * "for 7 years after collection. Irish tax law requires …" (a note written as a sentence stays one),
 * "for 7 years after collection (required by Irish tax law)".
 * Returns undefined when there is no retention to describe.
 */
export function retentionPhrase(retention: Retention | undefined): string | undefined {
  if (!retention) return undefined;
  const { period, after, criteria } = retention;
  const reason = criteria ? trimEnd(criteria) : undefined;
  let core: string | undefined;
  if (period && after) {
    core = `for ${periodText(period.value, period.unit)} after ${EVENT_CLAUSE[after]}`;
  } else if (after) {
    core = `until ${UNTIL_CLAUSE[after]}`;
  } else if (period) {
    core = `for ${periodText(period.value, period.unit)}`;
  }
  if (core && reason) {
    // A note that restates the rule ("Until the invitation is declined …") reads as an aside.
    const restates = /^(until|as long as|while|for|up to|when|after|kept)\b/i.test(reason);
    // An event alone, restated more precisely in words ("until you delete the activity … or close your
    // account"), says it better than the event's stock wording: the words replace it.
    if (restates && after && !period && /^until\b/i.test(reason)) return lowerFirst(reason);
    if (restates) return `${core} (${lowerFirst(reason)})`;
    // A note that gives its own reason ("because …", "as the law requires") follows a comma.
    if (/^(because|as|since|so that)\b/i.test(reason)) return `${core}, ${lowerFirst(reason)}`;
    // A note written as a sentence ("Irish tax law requires …", "We keep it until …") stays one:
    // "because" glued before it would misread half of them. A fragment ("statutory retention
    // period", "required by law") reads as an aside.
    if (isSentence(criteria!)) return `${core}. ${reason}`;
    // Brackets inside brackets ("(German commercial law (§257 HGB))") read badly, and a colon would
    // clash with "Approval history: …" in a schedule; a dash reads well in both.
    return reason.includes('(') ? `${core} – ${lowerFirst(reason)}` : `${core} (${lowerFirst(reason)})`;
  }
  if (core) return core;
  if (reason) {
    return /^(until|as long as|while|for|up to|when|after)\b/i.test(reason) ? lowerFirst(reason) : `as follows: ${lowerFirst(reason)}`;
  }
  return undefined;
}

/** The sentence the editor and inventory show: "Kept for 30 days after you close your account." */
export function retentionSentence(retention: Retention | undefined): string {
  const phrase = retentionPhrase(retention);
  if (!phrase) return 'No retention set yet.';
  if (phrase.startsWith('as follows: ')) return `Kept ${phrase}.`.replace('Kept as follows: ', 'Retention: ');
  return `Kept ${phrase}.`;
}

/** A short label for tables: "30 days after account closure", "Until consent withdrawal", "Criteria". */
export function retentionShort(retention: Retention | undefined): string {
  if (!retention) return '—';
  const { period, after, criteria } = retention;
  if (period && after) return `${periodText(period.value, period.unit)} after ${RETENTION_EVENT_LABELS[after]}`;
  if (after) return `Until ${RETENTION_EVENT_LABELS[after]}`;
  if (period) return periodText(period.value, period.unit);
  if (criteria) return criteria.length > 48 ? `${criteria.slice(0, 47).trimEnd()}…` : criteria;
  return '—';
}
