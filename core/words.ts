// English for messages, screens and generated text: a count with its noun in the right number, a list
// joined with "and" or "or", and a capital for a phrase that starts a sentence. One place, so that
// the command line, the app and the documents say "1 data type" and "A, B and C" the same way.
// There is no article helper (a/an): no text picks one at run time.

/**
 * "1 purpose", "0 purposes", "2 purposes". `plural` is for nouns that do not just add an s:
 * `count(n, 'category', 'categories')`, `count(n, 'row is', 'rows are')`.
 */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/**
 * Like `count`, with the numbers below ten in words ("one purpose", "three purposes", "12 purposes"),
 * as plain-language guides ask for text that people read rather than scan.
 */
export function countInWords(n: number, noun: string, plural = `${noun}s`): string {
  return `${NUMBER_WORDS[n] ?? String(n)} ${n === 1 ? noun : plural}`;
}

export interface ListOptions {
  /** "and" (the default) or "or" before the last item */
  conjunction?: 'and' | 'or';
  /**
   * The comma before the conjunction. The house style has none ("a, b and c"); `'when-ambiguous'`
   * adds it where an item holds the conjunction word of its own, so the reader can tell where the
   * items end: "your map area and nearby search, and activity statistics"; where three or more items
   * and one holds a comma, semicolons separate them: "Brevo SAS; Stripe Payments Europe, Limited; and Twilio Inc."
   */
  oxfordComma?: 'never' | 'when-ambiguous';
  /**
   * Names at most this many items and counts the rest: "A, B, C and 4 more". A list only one item
   * longer is named whole, since "and 1 more" would be no shorter.
   */
  atMost?: number;
}

/**
 * A list in words: "a", "a and b", "a, b and c" (or "a, b or c"). Empty items are left out, as they
 * would only leave a stray comma; no items give "".
 */
export function listInWords(items: readonly string[], options: ListOptions = {}): string {
  const conjunction = options.conjunction ?? 'and';
  const present = items.filter((item) => item.length > 0);
  const atMost = options.atMost;
  if (atMost !== undefined && present.length > atMost + 1) {
    return `${present.slice(0, atMost).join(', ')} ${conjunction} ${present.length - atMost} more`;
  }
  if (present.length <= 1) return present[0] ?? '';
  // Three or more items of which one holds a comma ("Stripe Payments Europe, Limited") are kept
  // apart with semicolons, or the reader cannot tell where one name ends.
  if (options.oxfordComma === 'when-ambiguous' && present.length > 2 && present.some((item) => item.includes(','))) {
    return `${present.slice(0, -1).join('; ')}; ${conjunction} ${present[present.length - 1]}`;
  }
  const own = new RegExp(`\\b${conjunction}\\b`);
  const serial = options.oxfordComma === 'when-ambiguous' && present.some((item) => own.test(item)) ? ',' : '';
  return `${present.slice(0, -1).join(', ')}${serial} ${conjunction} ${present[present.length - 1]}`;
}

/** "heart rate" → "Heart rate": a phrase that starts a sentence or a label. Only a lower-case first letter changes. */
export function capitalize(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

// ---------------------------------------------------------------------------------------------------
// User text inside generated sentences. People write names, purposes, benefits and retention notes
// either as full sentences ("We keep it until you close your account.") or as fragments ("until
// account closure", "Crash reporting", "Create your account"); these tell the forms apart so that each
// place can word the text around it to read well either way.

/**
 * "eBay", "iCloud", "macOS", "ACME": a word that is not a plain lower-case or capitalised word is a
 * name written on purpose, and no sentence rule may change its case.
 */
export function isStyledWord(word: string): boolean {
  return /^\p{Ll}+\p{Lu}/u.test(word) || /^\p{Lu}{2,}/u.test(word) || /^\p{L}+\p{Lu}\p{Ll}/u.test(word.slice(1));
}

/**
 * Like `capitalize`, for the start of a sentence made of user text: a first word styled as a name
 * ("eBay keeps…", "iCloud backups") and a text that starts with one of `names` (organisations and
 * products, "npm Inc.") keep their letters exactly as entered.
 */
export function startSentence(text: string, names: Iterable<string> = []): string {
  const first = /^[\p{L}\p{N}'’-]+/u.exec(text)?.[0] ?? '';
  if (first && isStyledWord(first)) return text;
  for (const name of names) if (name && text.startsWith(name)) return text;
  return capitalize(text);
}

const TERMINAL = /[.!?…]["'’”»)\]]*$/u;

/** Whether text ends as a sentence does: ".", "!", "?" or "…", also inside closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  return TERMINAL.test(text.trimEnd());
}

/**
 * Whether user text is written as a full sentence: it starts with a capital (or a digit, or a name
 * styled as in "eBay") and ends with ".", "!", "?" or "…". "until account closure" and "Crash
 * reporting" are fragments; "We keep it until you close your account." is a sentence.
 */
export function isSentence(text: string): boolean {
  const trimmed = text.trim();
  const first = /^["'“‘(]*([\p{L}\p{N}'’-]+)/u.exec(trimmed)?.[1] ?? '';
  if (!first) return false;
  const starts = /^[\p{Lu}\p{N}]/u.test(first) || isStyledWord(first);
  return starts && endsSentence(trimmed);
}

// Imperative verbs that start purpose names ("Create your account", "Send you receipts"). A name that
// starts with one reads after "to" ("to create your account"); anything else, a noun phrase such as
// "Analytics" or "Account and sign-in", reads after "for".
const VERBS = new Set(
  `accept access adapt add administer advertise alert allow analyse analyze answer apply approve archive
  assess assign authenticate authorise authorize back bill block book build calculate charge check choose
  collect combine communicate compare comply confirm connect contact continue count create customise
  customize debug decide defend deliver demonstrate describe detect determine develop diagnose display
  email enable enforce ensure estimate evaluate export find fix follow fulfil fulfill generate get give
  handle help host identify import improve inform invite investigate invoice issue keep let link load
  locate log maintain make manage market match measure meet moderate monitor notify offer operate optimise
  optimize pay perform personalise personalize plan post prepare prevent process produce promote protect
  provide publish reach recognise recognize recommend record recover reduce register remember remind
  render renew reply report request research reset resolve respond restore retain review reward run save
  schedule screen secure sell send serve set share ship show sign spot store stream suggest support sync
  synchronise synchronize tailor tell test track train transfer translate understand update upload use
  validate verify warn welcome ask call capture chat clean close coach conduct convert cook discover download
  edit enter explain fetch fill filter finish forward gather guide hold install join label learn list listen
  look map mark meditate message move name navigate open order organise organize pair pick predict print
  rank rate read reconcile redeem refund remove rent repair replace reserve return route scan search select
  shop sort split start stop submit summarise summarize take teach tag transcribe unlock view vote watch write`.split(/\s+/),
);

// Verbs that are just as often nouns: alone, a name such as "Support", "Research" or "Billing updates"
// is the thing ("for support"), not the act ("to support").
const ALSO_NOUNS = new Set(
  `access back bill book charge check contact count display email export help host import invoice issue log
  market match offer plan post process record reply report request research review reward run screen set
  ship show sign store stream support test track train transfer update use welcome call chat label list map
  message name order pair print rank rate rent repair return route scan search start stop tag view vote watch`.split(/\s+/),
);

/**
 * Whether a purpose name is a verb phrase ("Create your account", "Send you receipts"), read after
 * "to", rather than a noun phrase ("Account and sign-in", "Crash reporting"), read after "for". A
 * one-word name that is also a noun ("Support") counts as a noun.
 */
export function isVerbPhrase(name: string): boolean {
  const words = name.trim().split(/\s+/);
  const first = /^\p{L}+/u.exec(words[0] ?? '')?.[0] ?? '';
  if (!VERBS.has(first.toLowerCase()) || !/^\p{Lu}?\p{Ll}*$/u.test(first)) return false;
  if (first.length !== words[0].length && !/^[\p{L}]+[,;:]?$/u.test(words[0])) return false;
  if (!ALSO_NOUNS.has(first.toLowerCase())) return true;
  // "Support" and "Report generation" are things; "Report crashes" and "Support your team" are acts.
  return (
    words.length > 1 &&
    !/^\p{L}*(tion|sion|ment|ance|ence|ing|ity|ory|ary|ery|ness|ship|status|data|details|settings|history)$/iu.test(words[1])
  );
}

const DETERMINER = /^(your|the|a|an|our|my|their|his|her|its|this|these|those|any|all|some|each|every)\s/i;

/**
 * A data type's name as the object of a sentence about the reader's data: "Email address" → "your
 * email address" (with `lower` deciding the first letter), "The map area" → "the map area"; a name that
 * already speaks of the reader ("Invoices you issue", "Photos of your receipts") takes "the", not "your".
 */
export function yourData(name: string, lower: (text: string) => string = (text) => text): string {
  const lowered = lower(name);
  if (DETERMINER.test(lowered)) return lowered.replace(DETERMINER, (d) => d.toLowerCase());
  return /\b(you|your|yours|you['’]\w+)\b/i.test(lowered) ? `the ${lowered}` : `your ${lowered}`;
}

// Pronouns that start a clause: "you can sign in …", "we cannot …". A fragment that starts otherwise
// ("the same notes on every device") may have no verb at all, so only these count.
const SUBJECT_START = new Set(`you we i it they he she there someone nobody nothing everyone everything`.split(/\s+/));

/**
 * Whether user text can follow "With your email address, …" or "If you say no, …": a sentence as
 * written ("Activities are recorded without heart rate."), or a fragment that starts with a subject
 * with a pronoun ("you can sign in on any device"). "faster sign-in", "no account, so no sync" and
 * "the same notes on every device" do not; they read after a colon instead.
 */
export function readsAsClause(text: string): boolean {
  if (isSentence(text)) return true;
  const first = /^[\p{L}'’]+/u.exec(text.trim())?.[0]?.toLowerCase() ?? '';
  return SUBJECT_START.has(first) || /^(you|we|it|they)['’]\w+$/.test(first);
}
