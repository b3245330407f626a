// In-app explanations a designer copies straight into the UI: a short and a long text for every data
// type, a just-in-time disclosure for every collection point, and the iOS usage description and Android
// rationale for every permission a collection point asks for.
//
// Every text is built from clauses (the benefit, what and why, how long, who receives it, what happens
// if you say no) and tried from the richest version to the leanest until it fits its budget: the least
// important clause goes first. A designer copies these texts straight into the UI, so every version is
// made of complete sentences and none is ever cut short: when even the leanest does not fit, the
// shortest complete version is kept and marked over budget, and the review asks for a hand-written one.
// Some clauses are never dropped: where the data is sold or shared for advertising, that and how to opt
// out; where it serves several purposes, either their names or a pointer to the privacy notice.
import type { CollectionPoint, DataType, Permission, Purpose, Recipient, Workspace } from '../schema';
import { retentionPhrase } from '../retention';
import { isDeepFrozen } from '../frozen';
import { countInWords, isVerbPhrase, listInWords, type ListOptions, readsAsClause, startSentence, yourData } from '../words';
import { plainLines, plainText } from './text';
import { pointPlatforms, textsApplyOn } from '../platforms';
import { healthConnectPermissions, PERMISSION_TABLE } from './permissions';
import { readabilityGrade } from './readability';

export const DEFAULT_IN_APP_LIMITS = { short: 120, long: 400 } as const;

export interface Snippet {
  text: string;
  /** Flesch–Kincaid grade level, one decimal */
  grade: number;
  /** user-perceived characters (grapheme clusters) */
  length: number;
  budget: number;
  overBudget: boolean;
  source: 'generated' | 'override';
}

export interface DataTypeInApp {
  name: string;
  short: Snippet;
  long: Snippet;
}

export interface CollectionPointInApp {
  name: string;
  /** every platform the point is on (core/platforms.ts), when any is recorded */
  platforms?: Platform[];
  permission?: Permission;
  /** ids of the data types collected here, in workspace order */
  dataTypes: string[];
  disclosure: Snippet;
  ios?: { keys: string[]; text: Snippet };
  android?: { permissions: string[]; rationale: Snippet };
  /** why a platform text is missing or what to declare with it */
  notes?: { ios?: string; android?: string };
}

export interface InAppText {
  organization: string;
  limits: { short: number; long: number };
  dataTypes: Record<string, DataTypeInApp>;
  collectionPoints: Record<string, CollectionPointInApp>;
}

type Platform = NonNullable<CollectionPoint['platform']>;

// ---------------------------------------------------------------------------------------------------
// Text primitives

const oneLineCache = new Map<string, string>();

/** User text on one line: control characters and bidi overrides gone, whitespace collapsed. */
function oneLine(text: string | undefined): string {
  if (!text) return '';
  let line = oneLineCache.get(text);
  if (line === undefined) {
    line = plainText(text);
    // The cache serves one generation (the same benefit or name is read several times); keep it small.
    if (oneLineCache.size > 50_000) oneLineCache.clear();
    oneLineCache.set(text, line);
  }
  return line;
}

/** An override keeps its line breaks (a designer may want two paragraphs) but loses what cannot show. */
function cleanOverride(text: string): string {
  return text
    .split(/(?:\r\n|[\n\r\u2028\u2029])[ \t]*(?:\r\n|[\n\r\u2028\u2029])\s*/)
    .map((paragraph) => plainLines(paragraph).join('\n'))
    .filter(Boolean)
    .join('\n\n');
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
// Latin letters, general punctuation and the euro sign never combine, so each UTF-16 unit is one character.
const SIMPLE_TEXT = /^[\x20-\x7E\n\u00A0-\u02FF\u2010-\u2027\u2030-\u205E\u20AC]*$/;

/** Characters as a person counts them: "é" written as e + accent, or a flag, is one. */
export function textLength(text: string): number {
  if (SIMPLE_TEXT.test(text)) return text.length;
  let count = 0;
  const iterator = segmenter.segment(text)[Symbol.iterator]();
  while (!iterator.next().done) count++;
  return count;
}

// Trimming from the end by hand: an anchored pattern such as /[\s,;:]+$/ is tried at every position of
// a long text, and disclosures for thousands of data types are long.
function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && (chars.includes(text[end - 1]) || /\s/.test(text[end - 1]))) end--;
  return end === text.length ? text : text.slice(0, end);
}

function endSentence(text: string): string {
  const trimmed = trimEndOf(text, ',;:');
  let end = trimmed.length;
  while (end > 0 && '"\'”’)]'.includes(trimmed[end - 1])) end--;
  return end > 0 && '.!?…'.includes(trimmed[end - 1]) ? trimmed : `${trimmed}.`;
}

function stripEnd(text: string): string {
  return trimEndOf(text, '.!?…,;:');
}

/**
 * Lists here have no Oxford comma, except where an item holds an "and" of its own ("your map area and
 * nearby search, and activity statistics").
 */
const LIST: ListOptions = { oxfordComma: 'when-ambiguous' };

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** The first sentence of a text, for places that allow exactly one. */
function firstSentence(text: string): string {
  const match = /^.*?[.!?…](?=\s+[^\s\p{Ll}])/u.exec(text);
  return match ? match[0] : text;
}

// ---------------------------------------------------------------------------------------------------
// Words that keep their capital

/** What one text tells about names: its lower-case words, its capitalised words mid-sentence, and their pairs. */
interface TextWords {
  lower: string[];
  midCapital: string[];
  pairs: string[];
}

const TEXT_WORDS = new Map<string, TextWords>();
/** Past this many texts the cache starts again, so a long session does not keep every text it saw. */
const MAX_TEXT_WORDS = 50_000;

function wordsOf(text: string): TextWords {
  let found = TEXT_WORDS.get(text);
  if (found) return found;
  found = { lower: [], midCapital: [], pairs: [] };
  const words = text.split(' ');
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const bare = word.replace(/^["'“‘(]+|[.,;:!?)"'”’]+$/gu, '');
    if (/^\p{Ll}+$/u.test(bare)) {
      found.lower.push(bare);
      continue;
    }
    if (i === 0 || !/[\p{Ll}\p{N},;)]$/u.test(words[i - 1])) continue;
    const capital = /^\p{Lu}[\p{Ll}'’]*/u.exec(word)?.[0];
    if (!capital || (word.length > capital.length && /^[\p{L}\p{N}]/u.test(word.slice(capital.length)))) continue;
    found.midCapital.push(capital);
    const next = words[i + 1] && word === capital ? /^[\p{L}\p{N}'’-]+/u.exec(words[i + 1])?.[0] : undefined;
    if (next) found.pairs.push(`${capital} ${next.toLowerCase()}`);
  }
  if (TEXT_WORDS.size >= MAX_TEXT_WORDS) TEXT_WORDS.clear();
  TEXT_WORDS.set(text, found);
  return found;
}

/** A question asked of the names a workspace knows, and its answer. */
type ProperQuestion = readonly ['common' | 'initial', string, string];

/**
 * Decides whether the first word of a name or benefit is a proper noun, so that "Heart rate" becomes
 * "your heart rate" but "Garmin activities" stays "your Garmin activities". The workspace itself is the
 * dictionary: a word written with a capital in the middle of a sentence, and never in lower case, is a
 * name; so is a capitalised pair seen mid-sentence ("Safety check-in"), the organisation's name, and
 * every word of it that the workspace never writes in lower case.
 */
class ProperNouns {
  private readonly midCapital = new Set<string>();
  private readonly pairs = new Set<string>();
  private readonly lower = new Set<string>();
  private readonly always = new Set<string>();
  private readonly names: string[] = [];

  /** `texts` are on one line (single spaces), as oneLine leaves them. */
  constructor(texts: Iterable<string>, names: Iterable<string>) {
    for (const name of names) {
      if (name) this.names.push(name);
      for (const word of name.split(/[^\p{L}\p{N}'’]+/u)) if (word) this.always.add(word);
    }
    // One pass over the words of each text, comparing each word with the one before it: regular
    // expressions with look-behind over whole texts cost more than the rest of generation together.
    // What a text contributes is kept per text, so a workspace edited in one field reads one text anew.
    const seen = new Set<string>();
    for (const text of texts) {
      if (seen.has(text)) continue;
      seen.add(text);
      const words = wordsOf(text);
      for (const word of words.lower) this.lower.add(word);
      for (const word of words.midCapital) this.midCapital.add(word);
      for (const pair of words.pairs) this.pairs.add(pair);
    }
  }

  /** The questions asked while `record` runs, with their answers. */
  private log: ProperQuestion[] | undefined;

  /**
   * Runs `make` and notes every question it asks (lowerCommon, lowerInitial) with its answer: what it
   * made depends on these names only through those answers (see `answersAsBefore`).
   */
  record<T>(make: () => T): { value: T; questions: ProperQuestion[] } {
    const outer = this.log;
    const questions: ProperQuestion[] = [];
    this.log = questions;
    try {
      return { value: make(), questions };
    } finally {
      this.log = outer;
      outer?.push(...questions);
    }
  }

  /** Whether these names answer every one of `questions` as the names they were asked of did. */
  answersAsBefore(questions: readonly ProperQuestion[]): boolean {
    const outer = this.log;
    this.log = undefined;
    try {
      return questions.every(([kind, text, answer]) => (kind === 'common' ? this.lowerCommon(text) : this.lowerInitial(text)) === answer);
    } finally {
      this.log = outer;
    }
  }

  /** Text that starts with the organisation's name, which is printed exactly as entered. */
  private startsWithName(text: string): boolean {
    return this.names.some((name) => text.startsWith(name));
  }

  isProper(word: string, next: string | undefined): boolean {
    // A word of the organisation's name is a name unless the workspace also writes it in lower case:
    // "Quill Notes GmbH" does not make "Notes and attachments" a name.
    if (this.always.has(word) && !this.lower.has(word.toLowerCase())) return true;
    if (next && this.pairs.has(`${word} ${next.toLowerCase()}`)) return true;
    return this.midCapital.has(word) && !this.lower.has(word.toLowerCase());
  }

  /**
   * For names of organisations, which are names unless they read as a description: more than one word,
   * none capitalised but the first, and that an ordinary word the workspace also writes in lower case
   * ("Police and mountain rescue services"). "Brave Software, Inc." and "Stripe" stay as entered.
   */
  lowerCommon(text: string): string {
    const answer = this.lowerCommonOf(text);
    this.log?.push(['common', text, answer]);
    return answer;
  }

  private lowerCommonOf(text: string): string {
    const match = /^(\p{Lu}[\p{Ll}'’]*)(?=$|[^\p{L}\p{N}])(?:\s+([\p{L}\p{N}'’-]+))?/u.exec(text);
    if (!match || this.startsWithName(text)) return text;
    const rest = text.slice(match[1].length);
    if (!rest.trim() || /\p{Lu}/u.test(rest)) return text;
    const [, word, next] = match;
    if (!this.lower.has(word.toLowerCase()) || this.always.has(word)) return text;
    if (next && this.pairs.has(`${word} ${next.toLowerCase()}`)) return text;
    return word[0].toLowerCase() + text.slice(1);
  }

  /** Lower-cases the first letter when the first word is an ordinary word written at a sentence start. */
  lowerInitial(text: string): string {
    const answer = this.lowerInitialOf(text);
    this.log?.push(['initial', text, answer]);
    return answer;
  }

  private lowerInitialOf(text: string): string {
    const match = /^(\p{Lu}[\p{Ll}'’]*)(?=$|[^\p{L}\p{N}])(?:\s+([\p{L}\p{N}'’-]+))?/u.exec(text);
    if (!match || this.startsWithName(text)) return text;
    const [, word, next] = match;
    if (word === 'I' || /^I['’]/u.test(word) || this.isProper(word, next)) return text;
    return word[0].toLowerCase() + text.slice(1);
  }
}

// ---------------------------------------------------------------------------------------------------
// Purposes and names in sentences

// Purpose names are imperatives ("Create your account"), read after "to", or noun phrases
// ("Analytics", "Account and sign-in"), read after "for": core/words.ts isVerbPhrase tells them apart.

interface PurposeWords {
  verb: boolean;
  /** the name as it reads mid-sentence, without "to"/"for" */
  words: string;
}

function purposePhrase(purpose: PurposeWords): string {
  return `${purpose.verb ? 'to' : 'for'} ${purpose.words}`;
}

/** "to a, to b and for c" */
function purposesPhrase(purposes: readonly PurposeWords[]): string {
  return listInWords(purposes.map(purposePhrase), LIST);
}

const ARTICLE = /^(your|the|a|an|our|my|their|his|her|its|this|these|those)\s/i;

/** "Email address" → "your email address"; "The map area" → "the map area". */
function subjectOf(name: string, proper: ProperNouns): string {
  // "Invoices you issue" is "the invoices you issue", never "your invoices you issue".
  return yourData(name, (text) => proper.lowerInitial(text));
}

/**
 * "your email address, your password" → "your email address and password"; but "your advertising
 * identifier and your install and subscription events", where one name holds an "and" of its own.
 */
function subjectsList(subjects: readonly string[]): string {
  const bare = subjects.map((s) => s.slice(5));
  if (subjects.length > 1 && subjects.every((s) => s.startsWith('your ')) && !bare.some((b) => /\band\b/.test(b))) {
    return `your ${listInWords(bare, LIST)}`;
  }
  return listInWords(subjects);
}

// Words that end the head of a noun phrase: "Activities | imported from Garmin", "Photos | of receipts".
const AFTER_HEAD = /^(of|from|for|in|on|with|by|at|to|about|during|under|via|that|which|\p{L}+ed)$/iu;

/** Whether a data type's name reads as plural, for "it" or "them": "Recorded routes", "Crash logs". */
function isPlural(name: string): boolean {
  if (/\band\b|&/i.test(name)) return true;
  const words = name
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
  let end = words.length;
  for (let i = 1; i < words.length; i++) {
    if (AFTER_HEAD.test(words[i])) {
      end = i;
      break;
    }
  }
  const last = words[end - 1] ?? '';
  if (/^\p{Lu}{2,}$/u.test(last)) return false; // GPS, ID
  const lower = last.toLowerCase();
  return /s$/.test(lower) && !/(ss|us|is|news|series|species)$/.test(lower);
}

// ---------------------------------------------------------------------------------------------------
// The workspace as the generator sees it

interface Entry {
  dataType: DataType;
  subject: string;
  pronoun: 'it' | 'them';
  benefit: string;
  purposes: PurposeWords[];
  retention: { phrase: string; standalone: boolean } | undefined;
  thirdParties: Recipient[];
  consequence: string;
}

interface Context {
  org: string;
  proper: ProperNouns;
  limits: { short: number; long: number };
  purposes: Map<string, PurposeWords>;
  recipients: Map<string, Recipient>;
  /** how people opt out of the sale or sharing of their data ("at …", "by emailing …"); undefined when the workspace does not say */
  optOutHow: string | undefined;
}

function publicTexts(workspace: Workspace): string[] {
  const texts: string[] = [];
  const add = (...values: (string | undefined)[]) => {
    for (const v of values) if (v) texts.push(oneLine(v));
  };
  const org = workspace.organization;
  add(org.name, org.legalName, org.securityMeasures);
  for (const p of workspace.purposes) add(p.name, p.description, p.legitimateInterest);
  for (const r of workspace.recipients) add(r.description);
  for (const c of workspace.collectionPoints) add(c.name, c.description);
  for (const d of workspace.dataTypes) {
    add(d.name, d.description, d.benefit, d.sourceDetail, d.consequenceIfNotProvided, d.retention?.criteria);
  }
  return texts;
}

/** A purpose's words, with the questions they were made with (generateInAppText reuses texts by identity). */
const PURPOSE_WORDS = new WeakMap<Purpose, { questions: readonly ProperQuestion[]; words: PurposeWords }>();

function buildContext(workspace: Workspace): Context {
  // An organisation name that cleans to nothing still needs a subject for "… uses your camera".
  const org = oneLine(workspace.organization.name) || 'This app';
  const proper = new ProperNouns(publicTexts(workspace), [org, oneLine(workspace.organization.legalName)]);
  const limits = {
    short: workspace.settings?.inAppLimits?.short ?? DEFAULT_IN_APP_LIMITS.short,
    long: workspace.settings?.inAppLimits?.long ?? DEFAULT_IN_APP_LIMITS.long,
  };
  const purposes = new Map<string, PurposeWords>();
  for (const purpose of workspace.purposes) {
    // One object per purpose and names known, kept: texts compare purposes by identity, and reused texts
    // (generateInAppText) must find the same objects as new ones.
    const frozen = isDeepFrozen(purpose);
    const kept = frozen ? PURPOSE_WORDS.get(purpose) : undefined;
    let words = kept && proper.answersAsBefore(kept.questions) ? kept.words : undefined;
    if (!words) {
      const made = proper.record(() => purposeWords(purpose, proper));
      words = made.value;
      if (frozen) PURPOSE_WORDS.set(purpose, { questions: made.questions, words });
    }
    purposes.set(purpose.id, words);
  }
  const recipients = new Map<string, Recipient>();
  for (const recipient of workspace.recipients) recipients.set(recipient.id, recipient);
  return { org, proper, limits, purposes, recipients, optOutHow: optOutHow(workspace) };
}

/**
 * Where people opt out, said only as far as the workspace makes it true: the opt-out page when there is
 * one; under the CCPA without one, the contact email, which the privacy notice offers for the same
 * request. Otherwise nothing, and the review asks for the page (core/lint/wording.ts).
 */
function optOutHow(workspace: Workspace): string | undefined {
  const org = workspace.organization;
  // The Alternative Opt-out Link (11 CCR 7015) takes the place of the "Do Not Sell or Share" page.
  const url = oneLine(org.optOutUrl) || oneLine(org.alternativeOptOutUrl);
  // "https://" adds nothing a reader needs and costs eight characters of a short budget.
  if (url) return `at ${url.replace(/^https:\/\//i, '').replace(/\/$/, '')}`;
  const email = oneLine(org.contactEmail);
  if (email && workspace.organization.jurisdictions.includes('ccpa')) return `by emailing ${email}`;
  return undefined;
}

function purposeWords(purpose: Purpose, proper: ProperNouns): PurposeWords {
  const name = stripEnd(oneLine(purpose.name)) || oneLine(purpose.name) || purpose.id;
  const first = /^\p{L}+/u.exec(name)?.[0] ?? '';
  const verb = isVerbPhrase(name);
  return { verb, words: verb ? first.toLowerCase() + name.slice(first.length) : proper.lowerInitial(name) };
}

function entryOf(dataType: DataType, context: Context): Entry {
  // A name that is only punctuation ("!") is kept as typed rather than lost.
  const name = stripEnd(oneLine(dataType.name)) || oneLine(dataType.name) || dataType.id;
  const retention = dataType.retention
    ? retentionPhrase({ ...dataType.retention, criteria: oneLine(dataType.retention.criteria) || undefined })
    : undefined;
  return {
    dataType,
    subject: subjectOf(name, context.proper),
    pronoun: isPlural(name) ? 'them' : 'it',
    benefit: oneLine(dataType.benefit),
    purposes: dataType.purposes.flatMap((id) => context.purposes.get(id) ?? []),
    retention: retention
      ? retention.startsWith('as follows: ')
        ? { phrase: retention.slice('as follows: '.length), standalone: true }
        : { phrase: retention, standalone: false }
      : undefined,
    thirdParties: (dataType.recipients ?? []).flatMap((id) => {
      const r = context.recipients.get(id);
      return r && (r.role !== 'processor' || r.sells || r.sharesForAds) ? [r] : [];
    }),
    consequence: oneLine(dataType.consequenceIfNotProvided),
  };
}

// ---------------------------------------------------------------------------------------------------
// Clauses

/**
 * The subject of "We use … to <purpose>": the data's name, or "this"/"these" when the purpose already
 * names it ("We use this to alert your emergency contact", not "your emergency contact … your emergency contact").
 */
function useSubject(subject: string, plural: boolean, purpose: PurposeWords | undefined): string {
  const bare = subject.replace(ARTICLE, '').toLowerCase();
  if (purpose && bare.length > 2 && purpose.words.toLowerCase().includes(bare)) return plural ? 'these' : 'this';
  return subject;
}

// Where a text has no room to name every purpose, it says that there are others and where they are.
const OTHER_PURPOSES = 'and for other purposes described in our privacy notice';

/**
 * What the data is used for, in short sentences: "We use your email address to create your account.
 * We also use it to a, to b and to c." With `shown` below the number of purposes, the rest are counted
 * and left to the privacy notice.
 */
function useSentences(subject: string, pronoun: string, purposes: readonly PurposeWords[], shown: number, standalone = false): string[] {
  if (purposes.length === 0) return [];
  const plural = pronoun === 'them';
  // Opening a text, "these" would point at nothing: the data is named even if the purpose repeats it.
  const who = standalone ? subject : useSubject(subject, plural, purposes[0]);
  if (shown <= 1 && purposes.length > 1) return [endSentence(`We use ${who} ${purposePhrase(purposes[0])}, ${OTHER_PURPOSES}`)];
  const visible = purposes.slice(0, shown);
  const sentences = [endSentence(`We use ${who} ${purposePhrase(visible[0])}`)];
  // Three purposes a sentence keeps sentences short; "to a, to b and to c" keeps apart names that
  // hold an "and" or a comma of their own.
  for (let i = 1; i < visible.length; i += 3) {
    sentences.push(endSentence(`We also use ${pronoun} ${purposesPhrase(visible.slice(i, i + 3))}`));
  }
  const hidden = purposes.length - visible.length;
  if (hidden > 0) sentences.push(`Our privacy notice lists ${countInWords(hidden, 'more purpose', 'more purposes')}.`);
  return sentences;
}

/** Every purpose in one sentence, for the short text: "We use your X to a and to b." */
function useOneSentence(
  subject: string,
  plural: boolean,
  purposes: readonly PurposeWords[],
  shown: number,
  standalone = false,
): string | undefined {
  if (purposes.length === 0) return undefined;
  const who = standalone ? subject : useSubject(subject, plural, purposes[0]);
  const visible = purposes.slice(0, Math.max(1, shown));
  const more = purposes.length > visible.length ? `, ${OTHER_PURPOSES}` : '';
  return endSentence(`We use ${who} ${purposesPhrase(visible)}${more}`);
}

function retentionSentence(entry: Entry, subject: string): string | undefined {
  const r = entry.retention;
  if (!r) return undefined;
  return r.standalone ? endSentence(startSentence(r.phrase)) : endSentence(`We keep ${subject} ${r.phrase}`);
}

/** Retention for the data collected at one point, one sentence per distinct period. */
function groupedRetention(entries: readonly Entry[], proper: ProperNouns): string[] {
  if (entries.length === 1) {
    const single = retentionSentence(entries[0], entries[0].pronoun);
    return single ? [single] : [];
  }
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    if (!entry.retention) continue;
    const key = `${entry.retention.standalone ? 's' : 'p'}${entry.retention.phrase}`;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.values()].map((group) => {
    const { phrase, standalone } = group[0].retention!;
    const subjects = subjectsList(group.map((e) => e.subject));
    return standalone
      ? endSentence(`${startSentence(subjects)}: ${proper.lowerInitial(phrase)}`)
      : endSentence(`We keep ${subjects} ${phrase}`);
  });
}

type ShareKind = 'sell' | 'ads' | 'share' | 'give';
const SHARE_ORDER: ShareKind[] = ['sell', 'ads', 'share', 'give'];

function shareKind(recipient: Recipient): ShareKind {
  if (recipient.sells) return 'sell';
  if (recipient.sharesForAds) return 'ads';
  return recipient.role === 'public-authority' ? 'give' : 'share';
}

/**
 * Who receives the data besides the service providers that work for us: buyers, advertising partners,
 * other controllers and public authorities, each sentence naming the data that goes there.
 * `subjectOfGroup` words the data: a pronoun for one data type, names for several.
 */
function sharingSentences(
  entries: readonly Entry[],
  proper: ProperNouns,
  subjectOfGroup: (group: readonly Entry[]) => string,
  kinds: readonly ShareKind[] = SHARE_ORDER,
): string[] {
  const byRecipient = new Map<string, { recipient: Recipient; entries: Entry[] }>();
  for (const entry of entries) {
    for (const recipient of entry.thirdParties) {
      const slot = byRecipient.get(recipient.id);
      if (slot) {
        if (!slot.entries.includes(entry)) slot.entries.push(entry);
      } else byRecipient.set(recipient.id, { recipient, entries: [entry] });
    }
  }
  const sentences: string[] = [];
  for (const kind of kinds) {
    const groups = new Map<string, { recipients: Recipient[]; entries: Entry[] }>();
    for (const { recipient, entries: group } of byRecipient.values()) {
      if (shareKind(recipient) !== kind) continue;
      const key = group.map((e) => e.dataType.id).join('\u0000');
      const slot = groups.get(key);
      if (slot) slot.recipients.push(recipient);
      else groups.set(key, { recipients: [recipient], entries: group });
    }
    for (const { recipients, entries: group } of groups.values()) {
      const names = listInWords(
        recipients.map((r) => proper.lowerCommon(oneLine(r.name))),
        LIST,
      );
      const what = subjectOfGroup(group);
      if (kind === 'sell') sentences.push(endSentence(`We sell ${what} to ${names}`));
      else if (kind === 'ads') sentences.push(endSentence(`We share ${what} with ${names} for advertising`));
      else if (kind === 'share') sentences.push(endSentence(`We share ${what} with ${names}`));
      else sentences.push(endSentence(`We may give ${what} to ${names}`));
    }
  }
  return sentences;
}

const SOLD_OR_SHARED: readonly ShareKind[] = ['sell', 'ads'];
const GIVEN: readonly ShareKind[] = ['share', 'give'];

/**
 * Sale and sharing for advertising, and how to opt out of them: a text about such data never leaves
 * these out, whatever its budget. `brief` words the opt-out for a short text, where the sentence
 * before it already says what is sold or shared.
 */
function soldSentences(
  entries: readonly Entry[],
  context: Context,
  subjectOfGroup: (group: readonly Entry[]) => string,
  brief = false,
): string[] {
  const sentences = sharingSentences(entries, context.proper, subjectOfGroup, SOLD_OR_SHARED);
  if (sentences.length === 0 || !context.optOutHow) return sentences;
  const recipients = entries.flatMap((e) => e.thirdParties);
  const sells = recipients.some((r) => r.sells);
  const shares = recipients.some((r) => r.sharesForAds);
  const what =
    sells && shares ? 'the sale or sharing of your data' : sells ? 'the sale of your data' : 'the sharing of your data for advertising';
  sentences.push(brief ? `You can opt out ${context.optOutHow}.` : `You can opt out of ${what} ${context.optOutHow}.`);
  return sentences;
}

/**
 * User text after a lead-in: "If you say no, you can still …" for a clause; "If you say no: no
 * account, so no sync" for a fragment, which cannot follow a comma as if it were a clause.
 */
function afterLeadIn(leadIn: string, text: string, proper: ProperNouns): string {
  return endSentence(readsAsClause(text) ? `${leadIn}, ${proper.lowerInitial(text)}` : `${leadIn}: ${proper.lowerInitial(text)}`);
}

function choiceSentence(entry: Entry, proper: ProperNouns): string | undefined {
  if (!entry.consequence) return undefined;
  return afterLeadIn(`Without ${entry.subject}`, entry.consequence, proper);
}

/**
 * The benefit tied to its data in one sentence: "With your email address, you can sign in …"; a
 * benefit written as a fragment reads "What you get from your email address: faster sign-in."
 */
function withSentence(subjects: readonly string[], benefit: string, proper: ProperNouns): string {
  if (readsAsClause(benefit)) return endSentence(`With ${subjectsList(subjects)}, ${proper.lowerInitial(benefit)}`);
  return endSentence(`What you get from ${subjectsList(subjects)}: ${proper.lowerInitial(benefit)}`);
}

/** The sentences of one candidate text, joined only if it is chosen. */
function join(parts: readonly (string | undefined | false)[]): string[] {
  return parts.filter((p): p is string => !!p);
}

type Candidate = string | readonly string[] | undefined | false;

/**
 * The first candidate that fits the budget; failing all, the shortest, whole: a text over budget is
 * flagged for a person to rewrite, while a sentence cut short would be copied into the app as it is.
 * A candidate whose UTF-16 length is within budget fits (a character is at least one unit); one four
 * times over budget is passed over unjoined, which saves building texts for thousands of data types.
 */
function fit(candidates: readonly Candidate[], budget: number): string {
  let shortest: readonly string[] | undefined;
  let shortestUnits = Infinity;
  for (const candidate of candidates) {
    if (!candidate || candidate.length === 0) continue;
    const parts = typeof candidate === 'string' ? [candidate] : candidate;
    let units = parts.length - 1;
    for (const part of parts) units += part.length;
    if (units < shortestUnits) {
      shortest = parts;
      shortestUnits = units;
    }
    if (units > budget * 4) continue;
    if (units <= budget) return parts.join(' ');
    const text = parts.join(' ');
    if (textLength(text) <= budget) return text;
  }
  return shortest ? shortest.join(' ') : '';
}

/** Caches a clause builder by its argument: disclosures ask for the same clauses in several candidates. */
function memo<T>(build: (n: number) => T): (n: number) => T {
  const cache = new Map<number, T>();
  return (n) => {
    let value = cache.get(n);
    if (value === undefined) {
      value = build(n);
      cache.set(n, value);
    }
    return value;
  };
}

// ---------------------------------------------------------------------------------------------------
// The texts

/**
 * The purposes left to the privacy notice in a sentence of their own, for the leanest texts: "We use your
 * email address for the purposes described in our privacy notice."
 */
function noticeSentence(subject: string, purposes: number): string | undefined {
  if (purposes === 0) return undefined;
  return `We use ${subject} for ${purposes === 1 ? 'the purpose' : 'the purposes'} described in our privacy notice.`;
}

function shortText(entry: Entry, context: Context): string {
  const { proper } = context;
  const plural = entry.pronoun === 'them';
  const several = entry.purposes.length > 1;
  const lead = entry.benefit ? endSentence(startSentence(entry.benefit)) : undefined;
  const all = useOneSentence(entry.subject, plural, entry.purposes, Infinity);
  const first = useOneSentence(entry.subject, plural, entry.purposes, 1);
  const keep = retentionSentence(entry, entry.pronoun);
  // With one purpose the benefit stands for it ("For this"); with several, the others are pointed to.
  const forThis = lead && (several ? `We use ${entry.subject} for this, ${OTHER_PURPOSES}.` : `For this, we use ${entry.subject}.`);
  const withBenefit =
    entry.benefit &&
    join([
      withSentence([entry.subject], entry.benefit, proper),
      several && `We also use ${entry.pronoun} for other purposes described in our privacy notice.`,
    ]);
  const named = all ?? endSentence(`We collect ${entry.subject}`);
  const sold = soldSentences([entry], context, () => entry.pronoun, true);
  // In a teaser the retention matters least, so it goes first; then purposes beyond the first; then the
  // purposes altogether. Two short sentences read more easily than one long one, so the benefit tied to
  // the data's name in one sentence ("With your …, you …") comes only when they do not fit, and the
  // benefit goes only when even that does not fit. Sale and the opt-out stay in every version.
  return fit(
    [
      join([lead, named, keep, ...sold]),
      join([lead, named, ...sold]),
      first && join([lead, first, ...sold]),
      forThis && join([lead, forThis, ...sold]),
      withBenefit && join([...withBenefit, ...sold]),
      all && join([useOneSentence(entry.subject, plural, entry.purposes, Infinity, true), ...sold]),
      first && join([useOneSentence(entry.subject, plural, entry.purposes, 1, true), ...sold]),
      join([noticeSentence(entry.subject, entry.purposes.length) ?? named, ...sold]),
    ],
    context.limits.short,
  );
}

function longText(entry: Entry, context: Context): string {
  const { proper } = context;
  const lead = entry.benefit ? endSentence(startSentence(entry.benefit)) : undefined;
  const uses = (shown: number) => useSentences(entry.subject, entry.pronoun, entry.purposes, shown);
  const named = entry.purposes.length ? [] : [endSentence(`We collect ${entry.subject}`)];
  const keep = retentionSentence(entry, entry.pronoun);
  const sold = soldSentences([entry], context, () => entry.pronoun);
  const given = sharingSentences([entry], proper, () => entry.pronoun, GIVEN);
  const choice = choiceSentence(entry, proper);
  const several = entry.purposes.length > 1;
  const withBenefit =
    entry.benefit &&
    join([
      withSentence([entry.subject], entry.benefit, proper),
      several && `We also use ${entry.pronoun} for other purposes described in our privacy notice.`,
    ]);
  return fit(
    [
      join([lead, ...named, ...uses(Infinity), keep, ...sold, ...given, choice]),
      join([lead, ...named, ...uses(Infinity), keep, ...sold, ...given]),
      join([lead, ...named, ...uses(3), keep, ...sold, ...given]),
      join([lead, ...named, ...uses(2), keep, ...sold, ...given]),
      join([lead, ...named, ...uses(1), keep, ...sold, ...given]),
      join([lead, ...named, ...uses(1), ...sold, ...given]),
      join([lead, ...named, ...uses(1), ...sold]),
      withBenefit && join([...withBenefit, ...sold]),
      join([...named, ...useSentences(entry.subject, entry.pronoun, entry.purposes, Infinity, true), ...sold]),
      join([...named, ...useSentences(entry.subject, entry.pronoun, entry.purposes, 1, true), ...sold]),
      join([noticeSentence(entry.subject, entry.purposes.length) ?? named[0], ...sold]),
    ],
    context.limits.long,
  );
}

/**
 * What several data types are used for, without claiming that every one serves every purpose: purposes
 * they all share come first ("We use this data to …"), the others after ("We also use some of it to …").
 */
function sharedUseSentences(entries: readonly Entry[], shown: number): string[] {
  const union: PurposeWords[] = [];
  for (const entry of entries) for (const p of entry.purposes) if (!union.includes(p)) union.push(p);
  if (union.length === 0) return [];
  const common = union.filter((p) => entries.every((e) => e.purposes.includes(p)));
  const ordered = [...common, ...union.filter((p) => !common.includes(p))];
  const visible = ordered.slice(0, Math.max(1, shown));
  const hidden = ordered.length - visible.length;
  const visibleCommon = visible.filter((p) => common.includes(p));
  const visibleOther = visible.filter((p) => !common.includes(p));
  const sentences: string[] = [];
  if (visibleCommon.length) sentences.push(`We use this data ${purposesPhrase(visibleCommon)}`);
  if (visibleOther.length) {
    sentences.push(
      visibleCommon.length
        ? `We also use some of it ${purposesPhrase(visibleOther)}`
        : `Depending on the data, we use it ${purposesPhrase(visibleOther)}`,
    );
  }
  if (hidden > 0) sentences[sentences.length - 1] += `, ${OTHER_PURPOSES}`;
  return sentences.map(endSentence);
}

function disclosureText(entries: readonly Entry[], context: Context): string {
  const budget = context.limits.long;
  if (entries.length === 0) return fit([`${context.org} collects no personal data here.`, 'We collect no personal data here.'], budget);
  const { proper } = context;
  const single = entries.length === 1;
  // One data type reads like its long text: the benefit, then "We use your … to …", then "it" or "them".
  const pronoun = single ? entries[0].pronoun : 'it';
  const uses = memo((shown) =>
    single ? useSentences(entries[0].subject, pronoun, entries[0].purposes, shown) : sharedUseSentences(entries, shown),
  );
  const keep = groupedRetention(entries, proper);
  const shareSubject = (group: readonly Entry[]) =>
    single ? pronoun : group.length === entries.length ? 'this data' : subjectsList(group.map((e) => e.subject));
  const sold = soldSentences(entries, context, shareSubject);
  const given = sharingSentences(entries, proper, shareSubject, GIVEN);
  const share = [...sold, ...given];
  const purposeCount = new Set(entries.flatMap((e) => e.purposes)).size;
  // When no purpose fits, the text still says where to find them.
  const elsewhere = noticeSentence(single ? entries[0].subject : 'this data', purposeCount);
  const choices = entries.flatMap((e) => choiceSentence(e, proper) ?? []);

  // Benefits for the first `upTo` data types, each tied to its data; the others are named.
  const benefits = memo((upTo) => {
    if (single) return entries[0].benefit ? [endSentence(startSentence(entries[0].benefit))] : [];
    const withBenefit = new Map<string, Entry[]>();
    const rest: Entry[] = [];
    entries.forEach((entry, i) => {
      if (!entry.benefit || i >= upTo) return void rest.push(entry);
      const group = withBenefit.get(entry.benefit);
      if (group) group.push(entry);
      else withBenefit.set(entry.benefit, [entry]);
    });
    const sentences = [...withBenefit.entries()].map(([benefit, group]) =>
      withSentence(
        group.map((e) => e.subject),
        benefit,
        proper,
      ),
    );
    if (rest.length) {
      const names = subjectsList(rest.map((e) => e.subject));
      sentences.push(endSentence(`${sentences.length ? 'We also collect' : 'Here we collect'} ${names}`));
    }
    return sentences;
  });

  return fit(
    [
      join([...benefits(Infinity), ...uses(Infinity), ...keep, ...share, ...choices]),
      join([...benefits(Infinity), ...uses(Infinity), ...keep, ...share]),
      join([...benefits(Infinity), ...uses(3), ...keep, ...share]),
      join([...benefits(Infinity), ...uses(2), ...keep, ...share]),
      join([...benefits(Infinity), ...uses(1), ...keep, ...share]),
      join([...benefits(Infinity), ...uses(1), ...share]),
      join([...benefits(1), ...uses(1), ...keep, ...share]),
      join([...benefits(1), ...uses(1), ...share]),
      join([...benefits(1), ...uses(1), ...sold]),
      join([...benefits(1), elsewhere, ...sold]),
      join([
        endSentence(`Here we collect ${subjectsList(entries.map((e) => e.subject))}`),
        noticeSentence(single ? pronoun : 'this data', purposeCount),
        ...sold,
      ]),
    ],
    budget,
  );
}

// ---------------------------------------------------------------------------------------------------
// Permission texts

// Which data type a permission is about, when a collection point collects several: the camera is about
// the photos, not the comment typed beside them.
const RELEVANT: Record<Permission, { categories: string[]; words: RegExp }> = {
  camera: { categories: ['user.content'], words: /photo|video|picture|image|scan|camera/i },
  microphone: { categories: ['user.content'], words: /voice|audio|sound|recording|speech/i },
  photos: { categories: ['user.content'], words: /photo|video|picture|image/i },
  'photos-add': { categories: ['user.content'], words: /photo|video|picture|image/i },
  'location-when-in-use': { categories: ['user.location.precise', 'user.location'], words: /location|route|position|gps/i },
  'location-always': { categories: ['user.location.precise', 'user.location'], words: /location|route|position|gps/i },
  contacts: { categories: ['user.contact'], words: /contact/i },
  calendars: { categories: [], words: /calendar|event|appointment/i },
  reminders: { categories: [], words: /reminder|task/i },
  bluetooth: { categories: ['user.biometric', 'user.sensor', 'user.device'], words: /bluetooth|sensor|strap|device|heart/i },
  motion: { categories: ['user.sensor'], words: /step|motion|fitness|activity|statistic/i },
  'health-read': {
    categories: ['user.biometric.health', 'user.health_and_medical', 'user.biometric'],
    words: /health|heart|sleep|weight|fitness/i,
  },
  'health-write': {
    categories: ['user.biometric.health', 'user.health_and_medical', 'user.biometric', 'user.sensor'],
    words: /health|workout|activit|fitness/i,
  },
  tracking: { categories: ['user.device.device_id', 'user.behavior'], words: /advertis|tracking|idfa|campaign/i },
  speech: { categories: ['user.content'], words: /voice|audio|speech|dictat/i },
  'face-id': { categories: ['user.authorization', 'user.biometric'], words: /face|biometric|unlock/i },
  'local-network': { categories: ['user.device'], words: /network|device|printer|speaker/i },
  notifications: { categories: ['user.device'], words: /push|notification|token/i },
};

function relevance(permission: Permission, dataType: DataType): number {
  const rule = RELEVANT[permission];
  let score = 0;
  rule.categories.forEach((prefix, i) => {
    if (dataType.category === prefix || dataType.category.startsWith(`${prefix}.`)) score = Math.max(score, 4 - i);
  });
  if (rule.words.test(dataType.name)) score += 2;
  if (permission === 'tracking' && dataType.tracking) score += 3;
  return score;
}

function mostRelevant(permission: Permission, entries: readonly Entry[]): Entry | undefined {
  let best: Entry | undefined;
  let bestScore = -1;
  for (const entry of entries) {
    const score = relevance(permission, entry.dataType);
    if (score > bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  return best;
}

/** The feature a permission serves: the relevant data type's first purpose, or the collection point's name. */
function featureOf(entry: Entry | undefined, point: CollectionPoint, context: Context): PurposeWords {
  if (entry?.purposes[0]) return entry.purposes[0];
  // A point's name often carries the platform in brackets ("Report trail conditions (iOS)").
  const name = oneLine(point.name).replace(/\s*\([^)]*\)\s*$/u, '');
  return purposeWords({ id: point.id, name: name || oneLine(point.name) }, context.proper);
}

const MAX_IOS_WORDS = 30;

function iosText(permission: Permission, point: CollectionPoint, entries: readonly Entry[], context: Context): string {
  const info = PERMISSION_TABLE[permission];
  const entry = mostRelevant(permission, entries);
  const feature = purposePhrase(featureOf(entry, point, context));
  let use = info.ios.use;
  if (permission === 'tracking') {
    const tracked = entries.filter((e) => e.dataType.tracking);
    const about = tracked.length ? tracked : entry ? [entry] : [];
    const partners = [...new Map(about.flatMap((e) => e.thirdParties).map((r) => [r.id, r])).values()];
    if (about.length && partners.length) {
      use = `shares ${subjectsList(about.map((e) => e.subject))} with ${listInWords(
        partners.map((r) => context.proper.lowerCommon(oneLine(r.name))),
        LIST,
      )}`;
    }
  }
  const benefit = entry?.benefit ? stripEnd(firstSentence(entry.benefit)) : '';
  // "so …" needs a clause: a benefit written as a fragment ("faster sign-in") is left to the text around the prompt.
  const withBenefit =
    benefit && readsAsClause(firstSentence(entry?.benefit ?? ''))
      ? `${context.org} ${use} ${feature}, so ${context.proper.lowerInitial(benefit)}.`
      : '';
  const bare = stripEnd(use);
  // Apple asks for one concise sentence. Plain-language guides put an easy sentence at 25–30 words, so
  // a benefit that would stretch the sentence beyond that is left to the in-app text around the prompt.
  return fit(
    [
      wordCount(withBenefit) <= MAX_IOS_WORDS && withBenefit,
      `${context.org} ${use} ${feature}.`,
      `This app ${use} ${feature}.`,
      `${context.org} ${bare}.`,
      `This app ${bare}.`,
      `This app ${stripEnd(info.ios.use)}.`,
    ],
    context.limits.long,
  );
}

function androidRationale(
  permission: Permission,
  point: CollectionPoint,
  entries: readonly Entry[],
  context: Context,
  healthWords: readonly string[],
): string {
  const info = PERMISSION_TABLE[permission];
  const { org, proper } = context;
  const entry = mostRelevant(permission, entries);
  const feature = featureOf(entry, point, context);
  let need = info.android.need;
  if (healthWords.length && (permission === 'health-read' || permission === 'health-write')) {
    need = `permission to ${permission === 'health-read' ? 'read' : 'save'} your ${listInWords([...healthWords], LIST)} ${
      permission === 'health-read' ? 'from' : 'to'
    } Health Connect`;
  }
  const openingBy = (who: string) => {
    if (permission === 'location-always') {
      // Google Play's prominent disclosure: what is collected, for which features, and that it
      // happens when the app is closed or not in use.
      const features = entry?.purposes.length ? entry.purposes.slice(0, 2) : [feature];
      return endSentence(
        `${startSentence(who, [org])} collects location data ${purposesPhrase(features)}, even when the app is closed or not in use`,
      );
    }
    return endSentence(`${startSentence(purposePhrase(feature))}, ${who} needs ${need}`);
  };
  const opening = openingBy(org);
  const benefit = entry?.benefit ? endSentence(startSentence(entry.benefit)) : undefined;
  // The opening speaks of the permission, not the data, so sharing names the data.
  const sold = entry ? soldSentences([entry], context, () => entry.subject) : [];
  const share = entry ? [...sold, ...sharingSentences([entry], proper, () => entry.subject, GIVEN)] : [];
  const consequence = entry?.consequence || entries.find((e) => e.consequence)?.consequence;
  const decline = consequence
    ? afterLeadIn('If you say no', consequence, proper)
    : endSentence(`If you say no, you can still use the rest of ${org}`);
  const settings = 'You can change your choice at any time in Settings.';
  const candidates = [
    join([opening, benefit, ...share, decline, settings]),
    join([opening, benefit, ...share, decline]),
    join([opening, ...share, decline]),
    join([opening, ...sold, decline]),
    join([opening, ...sold]),
    join([openingBy('this app'), ...sold]),
    join([`This app needs ${info.android.need}.`, ...sold]),
  ];
  return fit(candidates, context.limits.long);
}

// ---------------------------------------------------------------------------------------------------

function snippet(text: string, budget: number, source: Snippet['source']): Snippet {
  const length = textLength(text);
  // Graded when first read: the review generates every text to see what fits, and never reads a grade.
  let grade: number | undefined;
  return {
    text,
    get grade() {
      return (grade ??= readabilityGrade(text));
    },
    length,
    budget,
    overBudget: length > budget,
    source,
  };
}

function override(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const cleaned = cleanOverride(text);
  return cleaned ? cleaned : undefined;
}

/** A hand-written text as this screen measures it (cleaned, counted, graded); undefined when it cleans to nothing. */
export function overrideSnippet(text: string | undefined, budget: number): Snippet | undefined {
  const cleaned = override(text);
  return cleaned ? snippet(cleaned, budget, 'override') : undefined;
}

function iosApplies(point: CollectionPoint): boolean {
  return textsApplyOn(pointPlatforms(point), 'ios');
}

function androidApplies(point: CollectionPoint): boolean {
  return textsApplyOn(pointPlatforms(point), 'android');
}

// Reuse from edit to edit: the review works the texts out on every edit, at 2,000 data types. A data
// type's texts are made from it and from what the context is made of (the names the workspace knows, its
// purposes, recipients, organisation and settings); a collection point's from it, the entries of the
// data types collected there and the same. When the workspace is frozen (core/frozen.ts) and all of
// those are the very same objects as when the texts were made, the texts are the same.
interface Made<T> {
  inputs: readonly unknown[];
  /** what it asked of the names the workspace knows, and the answers */
  questions: readonly ProperQuestion[];
  value: T;
}
const DATA_TYPE_TEXTS = new WeakMap<DataType, Made<{ entry: Entry; texts: DataTypeInApp }>>();
const POINT_TEXTS = new WeakMap<CollectionPoint, Made<CollectionPointInApp>>();

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function dataTypeTexts(dataType: DataType, context: Context): { entry: Entry; texts: DataTypeInApp } {
  const { limits } = context;
  const entry = entryOf(dataType, context);
  const shortOverride = override(dataType.inApp?.short);
  const longOverride = override(dataType.inApp?.long);
  return {
    entry,
    texts: {
      name: oneLine(dataType.name),
      short: shortOverride
        ? snippet(shortOverride, limits.short, 'override')
        : snippet(shortText(entry, context), limits.short, 'generated'),
      long: longOverride ? snippet(longOverride, limits.long, 'override') : snippet(longText(entry, context), limits.long, 'generated'),
    },
  };
}

export function generateInAppText(workspace: Workspace): InAppText {
  const context = buildContext(workspace);
  const { limits } = context;
  const reusable = isDeepFrozen(workspace);
  // What every text is made from besides its own entity and the names the workspace knows.
  const shared = [workspace.purposes, workspace.recipients, workspace.organization, workspace.settings];
  const { proper } = context;
  const entries = new Map<string, Entry>();
  const dataTypes: Record<string, DataTypeInApp> = {};
  for (const dataType of workspace.dataTypes) {
    // The words of its purposes are objects the texts compare, so they are inputs too.
    const inputs = [...shared, ...dataType.purposes.map((id) => context.purposes.get(id))];
    const kept = reusable ? DATA_TYPE_TEXTS.get(dataType) : undefined;
    let made = kept && sameInputs(kept.inputs, inputs) && proper.answersAsBefore(kept.questions) ? kept.value : undefined;
    if (!made) {
      const recorded = proper.record(() => dataTypeTexts(dataType, context));
      made = recorded.value;
      if (reusable) DATA_TYPE_TEXTS.set(dataType, { inputs, questions: recorded.questions, value: made });
    }
    entries.set(dataType.id, made.entry);
    dataTypes[dataType.id] = made.texts;
  }

  const collectedAt = new Map<string, Entry[]>();
  for (const dataType of workspace.dataTypes) {
    for (const pointId of new Set(dataType.collectedAt ?? [])) {
      const list = collectedAt.get(pointId);
      const entry = entries.get(dataType.id)!;
      if (list) list.push(entry);
      else collectedAt.set(pointId, [entry]);
    }
  }

  const collectionPoints: Record<string, CollectionPointInApp> = {};
  for (const point of workspace.collectionPoints) {
    const here = collectedAt.get(point.id) ?? [];
    const inputs = [...shared, ...here];
    const kept = reusable ? POINT_TEXTS.get(point) : undefined;
    if (kept && sameInputs(kept.inputs, inputs) && proper.answersAsBefore(kept.questions)) {
      collectionPoints[point.id] = kept.value;
      continue;
    }
    const recorded = proper.record(() => pointTexts(point, here, context));
    collectionPoints[point.id] = recorded.value;
    if (reusable) POINT_TEXTS.set(point, { inputs, questions: recorded.questions, value: recorded.value });
  }

  return { organization: context.org, limits: { ...limits }, dataTypes, collectionPoints };
}

/** The texts of one collection point, for the entries of the data types collected there. */
function pointTexts(point: CollectionPoint, here: Entry[], context: Context): CollectionPointInApp {
  const { limits } = context;
  const result: CollectionPointInApp = {
    name: oneLine(point.name),
    ...(pointPlatforms(point).length > 0 ? { platforms: pointPlatforms(point) } : {}),
    ...(point.permission ? { permission: point.permission } : {}),
    dataTypes: here.map((e) => e.dataType.id),
    disclosure: snippet(disclosureText(here, context), limits.long, 'generated'),
  };
  const permission = point.permission;
  if (permission) {
    const info = PERMISSION_TABLE[permission];
    const notes: { ios?: string; android?: string } = {};
    if (iosApplies(point)) {
      if (info.ios.keys.length) {
        result.ios = { keys: [...info.ios.keys], text: snippet(iosText(permission, point, here, context), limits.long, 'generated') };
      }
      if (info.ios.note) notes.ios = info.ios.note;
    }
    if (androidApplies(point)) {
      const health =
        permission === 'health-read' || permission === 'health-write'
          ? healthConnectPermissions(
              permission === 'health-read' ? 'read' : 'write',
              here.map((e) => e.dataType),
            )
          : { permissions: [], words: [] };
      const permissions = health.permissions.length ? health.permissions : [...info.android.permissions];
      if (info.android.runtime) {
        result.android = {
          permissions,
          rationale: snippet(androidRationale(permission, point, here, context, health.words), limits.long, 'generated'),
        };
      }
      if (info.android.note) notes.android = info.android.note;
    }
    if (notes.ios || notes.android) result.notes = notes;
  }
  return result;
}

/** How the in-app texts speak of a workspace's data, purposes and recipients, for other texts to customers. */
export interface DataPhrasing {
  /** the organisation's name, on one line */
  org: string;
  /** "your email address", "the invoices you issue" */
  subject(dataType: DataType): string;
  /** whether the data type's name reads as plural ("Crash logs"), for "it" or "them" */
  plural(dataType: DataType): boolean;
  /** "to suggest trails near you", "for analytics" */
  purpose(purpose: Purpose): string;
}

/** The in-app texts' way of naming things, for core/what-changed.ts: the same words in every text a customer reads. */
export function dataPhrasing(workspace: Workspace): DataPhrasing {
  const context = buildContext(workspace);
  const nameOf = (dataType: DataType) => stripEnd(oneLine(dataType.name)) || oneLine(dataType.name) || dataType.id;
  return {
    org: context.org,
    subject: (dataType) => subjectOf(nameOf(dataType), context.proper),
    plural: (dataType) => isPlural(nameOf(dataType)),
    purpose: (purpose) => purposePhrase(context.purposes.get(purpose.id) ?? purposeWords(purpose, context.proper)),
  };
}
