// Material changes since the last published version: what the working copy does that the notice people
// were given did not say. A new purpose, a new sale or sharing, new sensitive data, a new country of
// transfer, a longer retention or a new kind of recipient each needs people to be told before it takes
// effect (the EDPB's transparency guidelines ask for material changes to be communicated in advance),
// and some need more: fresh consent where the purpose relies on consent or is incompatible with the one
// the data was collected for (GDPR Art 6(4), 13(3)); under the CCPA, notice at collection before new
// categories are collected or used for new purposes (Civil Code 1798.100(a)). The rules read the last
// published version from `facts.previous`; without it (no archive beside the workspace) they are silent.
import { consumerHealthOf } from '../consumer-health';
import { countryInText } from '../countries';
import { retentionPhrase } from '../retention';
import type { Recipient, Retention } from '../schema';
import { compareRetention } from '../what-changed';
import { listInWords } from '../words';
import { q, transferArea, type DataTypeFacts, type WorkspaceFacts } from './facts';
import type { RuleDefinition } from './types';

/** Why people must hear of it first: the EDPB's guidelines where the GDPR applies, plain fairness elsewhere. */
function advance(facts: WorkspaceFacts): string {
  return facts.europe
    ? 'The EDPB’s transparency guidelines ask that people be told of a material change to a notice before it takes effect'
    : 'People should hear of a material change to the notice before it takes effect';
}

// What to do is the same for each: the change waits for the version that announces it.
const DO =
  'Set the effective date of the version that brings it far enough ahead to tell people first, and send the announcement Candor writes when you publish it';

function since(facts: WorkspaceFacts): string {
  return `version ${facts.previous!.version}`;
}

function previousTypes(facts: WorkspaceFacts): Map<string, DataTypeFacts> {
  return new Map((facts.previous?.facts.dataTypes ?? []).map((d) => [d.dataType.id, d]));
}

/** "Email address, Phone number and 2 more", for a message. */
function names(list: readonly { name: string }[]): string {
  return listInWords(
    list.map((d) => q(d.name)),
    { atMost: 3 },
  );
}

/** How long, without the reason: "for 90 days after collection", "until you close your account", "without a set period". */
function keptFor(retention: Retention | undefined): string {
  return (retention && retentionPhrase({ period: retention.period, after: retention.after })) || 'without a set period';
}

function sentences(parts: readonly (string | false | undefined)[]): string {
  return parts.filter(Boolean).join('. ') + '.';
}

/** Sensitive under some law that applies: special category (GDPR), sensitive (CCPA, the states) or consumer health data. */
function sensitiveKinds(d: DataTypeFacts, facts: WorkspaceFacts): string[] {
  const kinds: string[] = [];
  if (facts.europe && d.classification.gdprSpecial) kinds.push('special category data (GDPR Art 9)');
  if (facts.ccpa && d.classification.ccpaSensitive) kinds.push('sensitive personal information (CCPA)');
  else if (facts.usStates.length > 0 && d.stateSensitive) kinds.push('sensitive data under the US state laws');
  if (consumerHealthOf(d.dataType).value && facts.workspace.organization.jurisdictions.some((j) => j === 'us-wa' || j === 'us-nv')) {
    kinds.push('consumer health data');
  }
  return kinds;
}

function transferCountries(facts: WorkspaceFacts): Set<string> {
  return new Set(
    facts.recipients
      .filter((r) => r.usedBy.length > 0 && r.recipient.country && (r.transfer.eu || r.transfer.uk))
      .map((r) => r.recipient.country!),
  );
}

const ROLE_WORDS: Record<NonNullable<Recipient['role']>, string> = {
  processor: 'a service provider that handles data on your behalf (processor)',
  controller: 'an organisation that uses the data for its own purposes (controller)',
  'joint-controller': 'a joint controller',
  'public-authority': 'a public authority',
};

export const materialChangeRules: RuleDefinition[] = [
  {
    id: 'material-new-purpose',
    severity: 'warning',
    group: 'changes',
    title: 'New purpose since the last published version',
    description:
      'A purpose the working copy uses that the last published version did not: people must be told before their data is used for it (GDPR Art 13(3); the EDPB transparency guidelines on material changes), with fresh consent where the purpose relies on consent or is incompatible with the original one (Art 6(4)); under the CCPA, notice at collection before data is used for a new purpose (Civil Code 1798.100(a)(1)). Applies when the review compares with a published version.',
    check: (facts) => {
      if (!facts.previous) return [];
      const before = new Set(facts.previous.facts.purposes.filter((p) => p.usedBy.length > 0).map((p) => p.purpose.id));
      return facts.purposes
        .filter((p) => p.usedBy.length > 0 && !before.has(p.purpose.id))
        .map((p) => {
          const data = p.usedBy.map((i) => facts.dataTypes[i]);
          const consent = p.purpose.lawfulBasis === 'consent';
          return {
            path: p.at,
            message: sentences([
              `${q(p.name)} is a new purpose since ${since(facts)}, for ${names(data)}`,
              advance(facts),
              facts.europe && 'Under the GDPR, people must be told of a new purpose before their data is used for it (Art 13(3))',
              facts.europe &&
                (consent
                  ? 'It relies on consent, so ask for consent to it before you start, including from people whose data you already hold'
                  : 'Where it is not compatible with the purposes the data was collected for (Art 6(4)), you need fresh consent for it'),
              facts.ccpa &&
                'Under the CCPA, give notice at collection before you use personal information for a new purpose (Civil Code 1798.100(a)(1))',
              DO,
            ]),
          };
        });
    },
  },
  {
    id: 'material-new-sale-or-sharing',
    severity: 'warning',
    group: 'changes',
    title: 'Data newly sold or shared since the last published version',
    description:
      'A data type the working copy sells or shares for cross-context behavioural advertising that the last published version did not: the notice at collection must say so before it happens, with the right to opt out (Civil Code 1798.100(a)(1), 1798.120), and people must be told in advance (the EDPB transparency guidelines on material changes). Applies when the review compares with a published version.',
    check: (facts) => {
      if (!facts.previous) return [];
      const before = previousTypes(facts);
      return facts.dataTypes
        .filter((d) => (d.sold && !before.get(d.dataType.id)?.sold) || (d.shared && !before.get(d.dataType.id)?.shared))
        .map((d) => {
          const old = before.get(d.dataType.id);
          const what = [
            d.sold && !old?.sold && 'sold',
            d.shared && !old?.shared && 'shared for cross-context behavioural advertising',
          ].filter((w): w is string => !!w);
          const to = d.recipients.filter((r) => r.recipient.sells || r.recipient.sharesForAds).map((r) => r.recipient.name);
          return {
            path: `${d.at}.recipients`,
            message: sentences([
              `${q(d.name)} is now ${listInWords(what)}${to.length ? ` (to ${listInWords(to.map((n) => q(n)))})` : ''}, which ${since(facts)} did not say`,
              advance(facts),
              facts.ccpa &&
                'Under the CCPA, the notice at collection must say so before you start, with the link to opt out (Civil Code 1798.100(a)(1), 1798.120)',
              facts.usStates.length > 0 &&
                'The US state privacy laws give people the right to opt out of the sale of their data and of targeted advertising',
              facts.europe &&
                'Under the GDPR, selling data or giving it to others for their advertising usually needs the person’s consent: ask for it first',
              DO,
            ]),
          };
        });
    },
  },
  {
    id: 'material-new-sensitive-data',
    severity: 'warning',
    group: 'changes',
    title: 'New sensitive data since the last published version',
    description:
      'A data type that is special category data, sensitive personal information or consumer health data in the working copy but was not collected as such in the last published version: the notice at collection must list categories of sensitive personal information (Civil Code 1798.100(a)(2)), special category data needs an Art 9(2) condition (often explicit consent) and consumer health data consent before collection, and people must be told in advance. Applies when the review compares with a published version.',
    check: (facts) => {
      if (!facts.previous) return [];
      const before = previousTypes(facts);
      const previous = facts.previous.facts;
      return facts.dataTypes.flatMap((d) => {
        const kinds = sensitiveKinds(d, facts);
        if (kinds.length === 0) return [];
        const old = before.get(d.dataType.id);
        if (old && sensitiveKinds(old, previous).length > 0) return [];
        return [
          {
            path: old ? `${d.at}.sensitivity` : d.at,
            message: sentences([
              `${q(d.name)} is ${listInWords(kinds)} that ${since(facts)} did not ${old ? 'treat as such' : 'collect'}`,
              advance(facts),
              kinds.some((k) => k.startsWith('special')) &&
                'Special category data needs an Art 9(2) condition, usually explicit consent: ask for it before you collect',
              kinds.some((k) => k.startsWith('sensitive')) &&
                'The notice at collection must list the categories of sensitive personal information before you collect them (Civil Code 1798.100(a)(2))',
              kinds.includes('consumer health data') && 'Consumer health data needs the person’s consent before you collect it',
              DO,
            ]),
          },
        ];
      });
    },
  },
  {
    id: 'material-new-transfer-country',
    severity: 'warning',
    group: 'changes',
    title: 'New country of transfer since the last published version',
    description:
      'A recipient in a third country to which the last published version transferred no data: the notice must name the transfer and its safeguard (GDPR Art 13(1)(f), 14(1)(f)), and people must be told in advance (the EDPB transparency guidelines on material changes). Applies under the GDPR and the UK GDPR when the review compares with a published version.',
    check: (facts) => {
      if (!facts.previous || !facts.europe) return [];
      const before = transferCountries(facts.previous.facts);
      const seen = new Set<string>();
      return facts.recipients
        .filter((r) => r.usedBy.length > 0 && r.recipient.country && (r.transfer.eu || r.transfer.uk) && !before.has(r.recipient.country))
        .filter((r) => !seen.has(r.recipient.country!) && seen.add(r.recipient.country!))
        .map((r) => ({
          path: `${r.at}.country`,
          message: sentences([
            `${q(r.name)} now receives data in ${countryInText(r.recipient.country!)}, outside ${transferArea(r.transfer)}, where ${since(facts)} sent none`,
            advance(facts),
            'The notice must name the transfer and how it is protected (Art 13(1)(f))',
            DO,
          ]),
        }));
    },
  },
  {
    id: 'material-longer-retention',
    severity: 'warning',
    group: 'changes',
    title: 'Data kept longer than the last published version said',
    description:
      'A data type the working copy keeps longer than the last published version stated: people gave their data on the promise of the shorter period (GDPR Art 13(2)(a); Civil Code 1798.100(a)(3)), so the change must be announced before it takes effect, and is best applied only to data collected after it. Applies when the review compares with a published version.',
    check: (facts) => {
      if (!facts.previous) return [];
      const before = previousTypes(facts);
      return facts.dataTypes.flatMap((d) => {
        const old = before.get(d.dataType.id);
        if (!old || compareRetention(old.dataType.retention, d.dataType.retention) !== 'longer') return [];
        return [
          {
            path: `${d.at}.retention`,
            message: sentences([
              `${q(d.name)} is now kept ${keptFor(d.dataType.retention)}, longer than ${since(facts)} said (${keptFor(old.dataType.retention)})`,
              advance(facts),
              'People gave this data on the promise of the shorter period: apply the longer one only to data collected after the new version takes effect, or ask for consent to keep older data longer',
              DO,
            ]),
          },
        ];
      });
    },
  },
  {
    id: 'material-new-recipient-category',
    severity: 'warning',
    group: 'changes',
    title: 'New kind of recipient since the last published version',
    description:
      'A kind of recipient (processor, controller, joint controller, public authority) that receives data in the working copy but received none in the last published version: the notice names the recipients or their categories (GDPR Art 13(1)(e); the categories of third parties under the CCPA), and people must be told in advance (the EDPB transparency guidelines on material changes). Applies when the review compares with a published version.',
    check: (facts) => {
      if (!facts.previous) return [];
      const before = new Set(
        facts.previous.facts.recipients.filter((r) => r.usedBy.length > 0 && r.recipient.role).map((r) => r.recipient.role),
      );
      const seen = new Set<string>();
      return facts.recipients
        .filter((r) => r.usedBy.length > 0 && r.recipient.role && !before.has(r.recipient.role))
        .filter((r) => !seen.has(r.recipient.role!) && seen.add(r.recipient.role!))
        .map((r) => {
          const role = r.recipient.role!;
          return {
            path: `${r.at}.role`,
            message: sentences([
              `${q(r.name)} is ${ROLE_WORDS[role]}, a kind of recipient that received no data in ${since(facts)}`,
              advance(facts),
              role !== 'processor' &&
                facts.europe &&
                'Where the data it receives was collected on consent, ask for consent to this disclosure before you start',
              DO,
            ]),
          };
        });
    },
  },
];
