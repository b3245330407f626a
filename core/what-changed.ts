// "What changed" for customers: from the semantic diff between two versions of a workspace (or the last
// published version and the working copy), short plain sentences grouped by what matters to the people
// whose data it is: what we now collect and why, what we no longer collect, how long we keep it, who
// receives it, where it goes, and their rights and how to reach us. Internal changes (notes, owners, ids,
// review status, store classifications, settings) say nothing to a customer and are left out. The words
// for data and purposes are the in-app texts' (core/documents/in-app.ts), so every customer text names
// things the same way. Also the announcement of a new version: an email body and an in-app banner.
import { formatDate } from './dates';
import { countryInText } from './countries';
import { DEFAULT_IN_APP_LIMITS, dataPhrasing, textLength, type DataPhrasing, type Snippet } from './documents/in-app';
import { readabilityGrade } from './documents/readability';
import { markdownInline, plainText } from './documents/text';
import { transferRegimes } from './lint/facts';
import { periodText, retentionPhrase } from './retention';
import type { DataType, Purpose, Recipient, Retention, TransferSafeguard, Workspace } from './schema';
import { semanticDiff, type Change, type SemanticDiff } from './semantic-diff';
import { isUsStateId, usStateLaw } from './us-states';
import { listInWords } from './words';

/** What a customer-facing change is about, in the order the text gives them. */
export type ChangeTopic = 'collect' | 'use' | 'stopped' | 'retention' | 'sharing' | 'transfers' | 'rights';

export const TOPIC_HEADINGS: Record<ChangeTopic, string> = {
  collect: 'New data we collect',
  use: 'How we use your data',
  stopped: 'Data we no longer collect',
  retention: 'How long we keep your data',
  sharing: 'Who receives your data',
  transfers: 'Where your data is handled',
  rights: 'Your rights and how to reach us',
};

const TOPICS: readonly ChangeTopic[] = ['collect', 'use', 'stopped', 'retention', 'sharing', 'transfers', 'rights'];

export interface ChangeGroup {
  topic: ChangeTopic;
  heading: string;
  /** plain sentences, each ending with a full stop */
  sentences: string[];
}

export interface WhatChanged {
  /** nothing a customer reads has changed (the diff may still hold internal changes) */
  empty: boolean;
  /** the groups that have something to say, in the topics' order */
  groups: ChangeGroup[];
  /** every sentence, in the groups' order: what versions.json records as a version's summary */
  sentences: string[];
  /** the groups as plain text: each heading on its own line, then its sentences, one per line */
  text: string;
  /** the groups as Markdown: a "###" heading each and a bulleted list of sentences, user text escaped */
  markdown: string;
  /** Flesch–Kincaid grade of the text as a customer reads it, each heading a sentence of its own */
  grade: number;
}

// ---------------------------------------------------------------------------------------------------

function segments(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function byId<T extends { id: string }>(list: readonly T[] | undefined): Map<string, T> {
  return new Map((list ?? []).map((item) => [item.id, item]));
}

/** User text in a sentence: on one line, without a trailing full stop. */
function inline(text: string | undefined): string {
  return plainText(text ?? '').replace(/[;:,\s]+$/u, '');
}

/** "your email address and phone number"; "your email address, your photos and 3 more kinds of data". */
function subjects(list: readonly string[]): string {
  const unique = [...new Set(list)];
  if (unique.length > 5) return `${unique.slice(0, 4).join(', ')} and ${unique.length - 4} more kinds of data`;
  const bare = unique.map((s) => s.slice(5));
  if (unique.length > 1 && unique.every((s) => s.startsWith('your ')) && !bare.some((b) => /\band\b/.test(b))) {
    return `your ${listInWords(bare, { oxfordComma: 'when-ambiguous' })}`;
  }
  return listInWords(unique, { oxfordComma: 'when-ambiguous' });
}

/** Purposes after a verb: "to suggest trails near you and for analytics"; more than three are not named one by one. */
function purposes(phrases: readonly string[]): string {
  if (phrases.length <= 3) return listInWords(phrases, { oxfordComma: 'when-ambiguous' });
  return `${phrases.slice(0, 2).join(', ')} and for other purposes this notice lists`;
}

const DAYS: Record<string, number> = { days: 1, weeks: 7, months: 30.44, years: 365.25 };

/**
 * Whether `after` keeps data longer than `before`: "longer" when both have a period counted from the same
 * event and the new one is longer, or when a period gave way to no period at all; "shorter" or "same"
 * when comparable; "unknown" otherwise (a different event, criteria only).
 */
export function compareRetention(before: Retention | undefined, after: Retention | undefined): 'longer' | 'shorter' | 'same' | 'unknown' {
  const a = before?.period;
  const b = after?.period;
  if (a && !b) return after ? 'longer' : 'unknown';
  if (!a || !b || before?.after !== after?.after) return 'unknown';
  const da = a.value * (DAYS[a.unit] ?? NaN);
  const db = b.value * (DAYS[b.unit] ?? NaN);
  if (!Number.isFinite(da) || !Number.isFinite(db)) return 'unknown';
  return db > da ? 'longer' : db < da ? 'shorter' : 'same';
}

function retentionSentence(
  subject: string,
  pronoun: string,
  before: Retention | undefined,
  after: Retention | undefined,
): string | undefined {
  const now = retentionPhrase(after);
  if (!now) return undefined;
  const then = retentionPhrase(before);
  const a = before?.period;
  const b = after?.period;
  // The same event and the same reason, only the length changed: "for 90 days after collection, instead of 30 days".
  if (a && b && before?.after === after?.after && (before?.criteria ?? '') === (after?.criteria ?? '') && !now.includes('. ')) {
    return `We now keep ${subject} ${now}, instead of ${periodText(a.value, a.unit)}.`;
  }
  if (!then) return `We now keep ${subject} ${now}.`;
  const first = `We now keep ${subject} ${now}`;
  return `${first}${/[.!?]$/.test(first) ? '' : '.'} Before, we kept ${pronoun} ${then}${/[.!?]$/.test(then) ? '' : '.'}`;
}

const SAFEGUARD_WORDS: Partial<Record<TransferSafeguard, string>> = {
  adequacy: 'an adequacy decision',
  sccs: 'the EU standard contractual clauses',
  idta: 'the UK International Data Transfer Agreement',
  'uk-addendum': 'the EU standard contractual clauses with the UK Addendum',
  bcrs: 'binding corporate rules',
  codes: 'an approved code of conduct',
  certification: 'an approved certification',
};

const BASIS_REASONS: Record<NonNullable<Purpose['lawfulBasis']>, string> = {
  consent: 'you agreed to it',
  contract: 'we need it to provide our service to you',
  'legal-obligation': 'the law requires it',
  'vital-interests': 'it is needed to protect someone’s life',
  'public-task': 'it is needed for a task in the public interest',
  'legitimate-interests': 'it is in our legitimate interests',
};

function jurisdictionSentence(id: string): string | undefined {
  if (id === 'gdpr') return 'If you are in the EU, you now have rights under the GDPR.';
  if (id === 'uk-gdpr') return 'If you are in the UK, you now have rights under the UK GDPR.';
  // The state's name says enough here; the notice names the law.
  if (id === 'ccpa') return 'If you live in California, you now have rights under its privacy law.';
  if (isUsStateId(id)) return `If you live in ${usStateLaw(id).state}, you now have rights under its privacy law.`;
  return undefined;
}

/** What customers would read differently between `before` and `after`, as plain sentences by topic. */
export function whatChanged(before: Workspace, after: Workspace, diff: SemanticDiff = semanticDiff(before, after)): WhatChanged {
  const out: Record<ChangeTopic, string[]> = { collect: [], use: [], stopped: [], retention: [], sharing: [], transfers: [], rights: [] };
  const say = (topic: ChangeTopic, text: string | undefined) => {
    // A name that ends in a full stop ("Zendesk, Inc.") ends the sentence too.
    const clean = text?.replace(/\.\.$/, '.');
    if (clean && !out[topic].includes(clean)) out[topic].push(clean);
  };
  const wordsBefore = dataPhrasing(before);
  const wordsAfter = dataPhrasing(after);
  const typesBefore = byId(before.dataTypes);
  const typesAfter = byId(after.dataTypes);
  const purposesBefore = byId(before.purposes);
  const purposesAfter = byId(after.purposes);
  const recipientsBefore = byId(before.recipients);
  const recipientsAfter = byId(after.recipients);
  const europe = after.organization.jurisdictions.some((j) => j === 'gdpr' || j === 'uk-gdpr');
  const regimes = {
    gdpr: after.organization.jurisdictions.includes('gdpr'),
    ukGdpr: after.organization.jurisdictions.includes('uk-gdpr'),
  };
  const subjectOf = (words: DataPhrasing, d: DataType) => words.subject(d);
  const recipientName = (r: Recipient) => inline(r.name) || r.id;

  // Changes to the same data type or recipient are gathered first, so that one sentence says them together.
  const purposeWords = new Map<string, { added: string[]; removed: string[] }>();
  // recipient id → data type ids, for data newly given to it or no longer given to it
  const given = new Map<string, string[]>();
  const withdrawn = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string) => map.set(key, [...(map.get(key) ?? []), value]);
  const newlyUsed = new Set<string>();

  for (const change of diff.changes) {
    const [section, id, field, word] = segments(change.path);
    if (section === 'dataTypes' && id !== undefined) {
      if (field === undefined) {
        if (change.kind === 'added') {
          const d = typesAfter.get(id);
          if (!d) continue;
          const phrases = d.purposes.flatMap((p) => (purposesAfter.has(p) ? [wordsAfter.purpose(purposesAfter.get(p)!)] : []));
          say('collect', `We now collect ${subjectOf(wordsAfter, d)}${phrases.length ? ` ${purposes(phrases)}` : ''}.`);
          for (const r of new Set(d.recipients ?? [])) push(given, r, id);
        } else if (change.kind === 'removed') {
          const d = typesBefore.get(id);
          if (d) say('stopped', `We no longer collect ${subjectOf(wordsBefore, d)}.`);
        }
        continue;
      }
      if (field === 'purposes' && word !== undefined && (change.kind === 'added' || change.kind === 'removed')) {
        const entry = purposeWords.get(id) ?? { added: [], removed: [] };
        entry[change.kind].push(word);
        purposeWords.set(id, entry);
      } else if (field === 'retention') {
        const d = typesAfter.get(id);
        if (d)
          say(
            'retention',
            retentionSentence(subjectOf(wordsAfter, d), wordsAfter.plural(d) ? 'them' : 'it', typesBefore.get(id)?.retention, d.retention),
          );
      } else if (field === 'recipients' && word !== undefined) {
        if (change.kind === 'added') push(given, word, id);
        else if (change.kind === 'removed') push(withdrawn, word, id);
      }
      continue;
    }
    if (section === 'purposes' && id !== undefined && field === 'lawfulBasis' && europe) {
      const p = purposesAfter.get(id);
      const basis = p?.lawfulBasis;
      if (!p || !basis || !after.dataTypes.some((d) => d.purposes.includes(id))) continue;
      const phrase = wordsAfter.purpose(p);
      if (basis === 'consent') say('use', `We now ask for your consent before we use your data ${phrase}.`);
      else if (purposesBefore.get(id)?.lawfulBasis === 'consent') {
        say('use', `We no longer ask for your consent to use your data ${phrase}. We now do so because ${BASIS_REASONS[basis]}.`);
      } else say('use', `We now use your data ${phrase} because ${BASIS_REASONS[basis]}.`);
      continue;
    }
    if (section === 'recipients' && id !== undefined && field !== undefined) {
      const r = recipientsAfter.get(id);
      const old = recipientsBefore.get(id);
      if (!r || !old) continue;
      const kept = after.dataTypes.filter((d) => d.recipients?.includes(id) && typesBefore.get(d.id)?.recipients?.includes(id));
      if (kept.length === 0) continue;
      const data = subjects(kept.map((d) => subjectOf(wordsAfter, d)));
      const name = recipientName(r);
      if (field === 'sells') {
        say('sharing', r.sells ? `We now sell ${data} to ${name}.` : old.sells ? `We no longer sell ${data} to ${name}.` : undefined);
      } else if (field === 'sharesForAds') {
        say(
          'sharing',
          r.sharesForAds
            ? `We now share ${data} with ${name} for targeted ads.`
            : old.sharesForAds
              ? `We no longer share ${data} with ${name} for targeted ads.`
              : undefined,
        );
      } else if (field === 'name' && inline(old.name) && inline(old.name) !== name) {
        say('sharing', `${inline(old.name)} is now called ${name}.`);
      } else if (field === 'role' && old.role && r.role) {
        if (r.role === 'processor') say('sharing', `${name} now handles ${data} only on our behalf.`);
        else if (old.role === 'processor') say('sharing', `${name} now also uses ${data} for its own purposes.`);
      } else if (field === 'country' && r.country) {
        say(
          'transfers',
          old.country && old.country !== r.country
            ? `${name} now handles your data in ${countryInText(r.country)} instead of ${countryInText(old.country)}.`
            : `${name} now handles your data in ${countryInText(r.country)}.`,
        );
      } else if (field === 'transferSafeguard' && r.transferSafeguard && SAFEGUARD_WORDS[r.transferSafeguard]) {
        say('transfers', `We now protect your data sent to ${name} with ${SAFEGUARD_WORDS[r.transferSafeguard]}.`);
      }
      continue;
    }
    if (section === 'collectionPoints' && field === 'cookies' && word !== undefined) {
      const cookie = (change.kind === 'added' ? change.after : change.kind === 'removed' ? change.before : undefined) as
        { name?: string; provider?: string } | undefined;
      if (!cookie?.name) continue;
      const provider = cookie.provider ? (recipientsAfter.get(cookie.provider) ?? recipientsBefore.get(cookie.provider)) : undefined;
      const from = provider ? ` from ${recipientName(provider)}` : '';
      if (change.kind === 'added') say('collect', `We now use a cookie called ${inline(cookie.name)}${from}.`);
      else say('stopped', `We no longer use the cookie called ${inline(cookie.name)}${from}.`);
      continue;
    }
    if (section === 'financialIncentives' && id !== undefined && field === undefined) {
      const entry = (change.kind === 'added' ? change.after : change.before) as { name?: string } | undefined;
      const name = inline(entry?.name);
      if (!name) continue;
      if (change.kind === 'added') say('use', `We now offer ${name}.`);
      else if (change.kind === 'removed') say('use', `We no longer offer ${name}.`);
      continue;
    }
    if (section === 'organization') organizationSentence(segments(change.path).slice(1), change, after, say);
  }

  for (const [id, { added, removed }] of purposeWords) {
    const now = typesAfter.get(id);
    if (!now) continue;
    const subject = subjectOf(wordsAfter, now);
    const phrase = (ids: string[], from: Map<string, Purpose>, words: DataPhrasing) =>
      purposes(ids.flatMap((p) => (from.has(p) ? [words.purpose(from.get(p)!)] : [])));
    const more = phrase(added, purposesAfter, wordsAfter);
    const less = phrase(removed, purposesBefore, wordsBefore);
    if (more) say('use', `We now also use ${subject} ${more}.`);
    if (less) say('use', `We no longer use ${subject} ${less}.`);
  }

  // Processors that start or stop handling the same data are named in one sentence:
  // "Hetzner Online GmbH and Brevo SAS no longer handle your email address for us."
  const handlers = new Map<string, { data: string; names: string[]; now: boolean }>();
  const handle = (data: string, name: string, now: boolean) => {
    const key = `${now}:${data}`;
    const entry = handlers.get(key) ?? { data, names: [], now };
    entry.names.push(name);
    handlers.set(key, entry);
  };
  for (const [id, types] of given) {
    const r = recipientsAfter.get(id);
    if (!r) continue;
    const data = subjects(types.flatMap((t) => (typesAfter.has(t) ? [subjectOf(wordsAfter, typesAfter.get(t)!)] : [])));
    const name = recipientName(r);
    if (r.sells) say('sharing', `We now sell ${data} to ${name}.`);
    if (r.sharesForAds) say('sharing', `We now share ${data} with ${name} for targeted ads.`);
    if (!r.sells && !r.sharesForAds) {
      if (r.role === 'processor') handle(data, name, true);
      else say('sharing', `We now share ${data} with ${name}.`);
    }
    if (!gives(before, id)) newlyUsed.add(id);
  }
  for (const [id, types] of withdrawn) {
    const r = recipientsBefore.get(id);
    if (!r) continue;
    const data = subjects(types.flatMap((t) => (typesBefore.has(t) ? [subjectOf(wordsBefore, typesBefore.get(t)!)] : [])));
    const name = recipientName(recipientsAfter.get(id) ?? r);
    if (r.sells) say('sharing', `We no longer sell ${data} to ${name}.`);
    else if (r.role === 'processor' && !r.sharesForAds) handle(data, name, false);
    else say('sharing', `We no longer share ${data} with ${name}.`);
  }
  for (const { data, names, now } of handlers.values()) {
    const verb = names.length === 1 ? 'handles' : 'handle';
    const who = listInWords(names, { oxfordComma: 'when-ambiguous' });
    say('sharing', now ? `${who} now ${verb} ${data} for us.` : `${who} no longer ${verb} ${data} for us.`);
  }
  for (const id of newlyUsed) {
    const r = recipientsAfter.get(id)!;
    const transfer = transferRegimes(r.country, regimes);
    if (r.country && (transfer.eu || transfer.uk))
      say('transfers', `${recipientName(r)} handles your data in ${countryInText(r.country)}.`);
  }

  const groups = TOPICS.filter((t) => out[t].length > 0).map((topic) => ({ topic, heading: TOPIC_HEADINGS[topic], sentences: out[topic] }));
  const sentences = groups.flatMap((g) => g.sentences);
  return {
    empty: sentences.length === 0,
    groups,
    sentences,
    text: groups.map((g) => [g.heading, ...g.sentences].join('\n')).join('\n\n'),
    markdown: groups.map((g) => [`### ${g.heading}`, '', ...g.sentences.map((s) => `- ${markdownInline(s)}`)].join('\n')).join('\n\n'),
    grade: readabilityGrade(groups.map((g) => [`${g.heading}.`, ...g.sentences].join(' ')).join(' ')),
  };
}

/** Whether any data type of `workspace` is given to the recipient `id`. */
function gives(workspace: Workspace, id: string): boolean {
  return workspace.dataTypes.some((d) => d.recipients?.includes(id));
}

function organizationSentence(
  path: string[],
  change: Change,
  after: Workspace,
  say: (topic: ChangeTopic, text: string | undefined) => void,
): void {
  const org = after.organization;
  const [field, inner, leaf] = path;
  const set = change.kind !== 'removed';
  const value = (text: string | undefined) => inline(text);
  if (field === 'jurisdictions' && inner !== undefined) {
    if (change.kind === 'added') say('rights', jurisdictionSentence(inner));
    return;
  }
  if (!set) return;
  switch (field) {
    case 'name':
      if (value(org.name)) say('rights', `Our name is now ${value(org.name)}.`);
      return;
    case 'legalName':
      if (value(org.legalName)) say('rights', `Our legal name is now ${value(org.legalName)}.`);
      return;
    case 'address':
      if (value(org.address)) say('rights', `Our address is now ${value(org.address)}.`);
      return;
    case 'contactEmail':
      if (value(org.contactEmail)) say('rights', `You can now email us at ${value(org.contactEmail)}.`);
      return;
    case 'optOutUrl':
      if (value(org.optOutUrl)) say('rights', `You can now opt out of the sale or sharing of your data at ${value(org.optOutUrl)}.`);
      return;
    case 'limitUseUrl':
      if (value(org.limitUseUrl)) say('rights', `You can now limit how we use your sensitive data at ${value(org.limitUseUrl)}.`);
      return;
    case 'accountDeletionUrl':
      if (value(org.accountDeletionUrl)) say('rights', `You can now delete your account at ${value(org.accountDeletionUrl)}.`);
      return;
    case 'dpo':
      if (inner === 'email' && value(org.dpo?.email))
        say('rights', `You can now email our data protection officer at ${value(org.dpo?.email)}.`);
      else if (inner === 'name' && value(org.dpo?.name)) say('rights', `Our data protection officer is now ${value(org.dpo?.name)}.`);
      else if (inner === undefined && value(org.dpo?.email))
        say('rights', `You can now email our data protection officer at ${value(org.dpo?.email)}.`);
      return;
    case 'requests': {
      const requests = org.requests ?? {};
      if (inner === 'webFormUrl' && value(requests.webFormUrl))
        say('rights', `You can now make a privacy request at ${value(requests.webFormUrl)}.`);
      else if (inner === 'email' && value(requests.email))
        say('rights', `You can now make a privacy request by email to ${value(requests.email)}.`);
      else if (inner === 'phone' && value(requests.phone))
        say('rights', `You can now make a privacy request by calling ${value(requests.phone)}.`);
      return;
    }
    case 'usPrivacy':
      if (inner === 'optOutSignals' && org.usPrivacy?.optOutSignals === true) {
        say('rights', 'We now treat a browser opt-out signal, such as Global Privacy Control, as a request to opt out.');
      }
      return;
    case 'representatives': {
      const rep = org.representatives?.find((r) => r.region === inner);
      if (rep && value(rep.name) && (leaf === undefined || leaf === 'name')) {
        say('rights', `Our representative in the ${rep.region === 'eu' ? 'EU' : 'UK'} is now ${value(rep.name)}.`);
      }
      return;
    }
    default:
      return;
  }
}

// ---------------------------------------------------------------------------------------------------
// The announcement

export interface ChangeAnnouncement {
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

export interface AnnouncementOptions {
  /** the new version's number, "2.1" */
  version?: string;
  /** YYYY-MM-DD: when the new version takes effect */
  effective?: string;
  locale?: string;
}

/**
 * The announcement of a new version of the privacy notice: an email body that lists what changes and
 * when, and a banner for the app, the richest wording that fits the short in-app budget (never cut; the
 * leanest is kept and marked over budget when none fits).
 */
export function changeAnnouncement(changes: WhatChanged, workspace: Workspace, options: AnnouncementOptions = {}): ChangeAnnouncement {
  const org = inline(workspace.organization.name) || 'We';
  const when = options.effective ? formatDate(options.effective, options.locale ?? workspace.settings.locale ?? 'en') : undefined;
  const url = inline(workspace.organization.privacyPolicyUrl);
  const email = inline(workspace.organization.contactEmail);
  const paragraphs: { text: string; markdown: string }[] = [];
  const p = (text: string) => paragraphs.push({ text, markdown: markdownInline(text) });
  p('Hello,');
  p(
    `We are updating our privacy notice${options.version ? ` to version ${options.version}` : ''}.${when ? ` The new version takes effect on ${when}.` : ''}`,
  );
  // Nothing Candor compares changed, but the wording may have: say only what is known, not that the changes are small.
  if (changes.empty) p('This update does not change what data we collect, how we use it or who receives it.');
  else {
    p('Here is what changes:');
    for (const group of changes.groups) {
      paragraphs.push({
        text: [group.heading, ...group.sentences.map((s) => `- ${s}`)].join('\n'),
        markdown: [`### ${group.heading}`, '', ...group.sentences.map((s) => `- ${markdownInline(s)}`)].join('\n'),
      });
    }
  }
  if (url) p(`You can read the full notice at ${url}.`);
  if (email) p(`If you have questions, email us at ${email}.`);
  if (workspace.organization.name?.trim()) p(org);
  const text = paragraphs.map((x) => x.text).join('\n\n');
  const markdown = paragraphs.map((x) => x.markdown).join('\n\n');

  const budget = workspace.settings?.inAppLimits?.short ?? DEFAULT_IN_APP_LIMITS.short;
  const on = when ? ` on ${when}` : '';
  const first = changes.sentences[0];
  const banners = [
    // The one change, or the first with a pointer to the rest, when it fits; else only that the notice changes.
    ...(first ? [`Our privacy notice changes${on}. ${first}${changes.sentences.length > 1 ? ' See what else changes.' : ''}`] : []),
    `${org === 'We' ? 'We are' : `${org} is`} updating ${org === 'We' ? 'our' : 'its'} privacy notice${on}. See what changes and how it affects you.`,
    `We are updating our privacy notice${on}. See what changes.`,
    'Our privacy notice is changing. See what changes.',
  ];
  const chosen = banners.find((b) => textLength(b) <= budget) ?? banners[banners.length - 1];
  const length = textLength(chosen);
  return {
    subject: `${org === 'We' ? '' : `${org}: `}changes to our privacy notice${when ? ` from ${when}` : ''}`.replace(/^c/, (c) =>
      org === 'We' ? 'C' : c,
    ),
    markdown,
    text,
    grade: readabilityGrade(text),
    banner: { text: chosen, length, budget, grade: readabilityGrade(chosen), overBudget: length > budget, source: 'generated' },
  };
}
