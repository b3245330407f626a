// The coverage matrix: for each law and store the workspace answers to, every item the notice or the
// declaration must contain, and whether the workspace supplies it. An item is missing exactly when a
// review rule reports it (`rules`), so the matrix and the findings never disagree; the matrix adds
// what the findings cannot: which items are met, by what, and which do not apply.
import { healthLawsIn } from './consumer-health';
import { countryInText, countryName } from './countries';
import { consumerHealthData, healthDataSharedWith } from './lint/health-and-incentives';
import { CCPA_CATEGORIES } from './identifiers';
import { lintWorkspace, type Finding } from './lint';
import { appleAccessedApiTypes } from './stores/apple';
import { displayName, q, workspaceFacts, type DataTypeFacts, type RecipientFacts, type WorkspaceFacts } from './lint/facts';
import type { Workspace } from './schema';
import { DECISION_GROUND_LABELS, objectionApplies } from './profiling';
import { assessTransfer, basisLabel, representativeNeeded, type TransferProblem, type TransferRegime } from './transfers';
import { parsePath } from './validate';
import { plainText } from './documents/text';
import { capitalize, count, listInWords } from './words';
import { requestMethods } from './lint/california';
import { hasPlatform } from './platforms';
import type { UsStateLaw } from './us-states';

export type CoverageStatus = 'met' | 'missing' | 'not-applicable';
export type CoverageSectionId = 'gdpr' | 'uk-gdpr' | 'ccpa' | 'us-states' | 'us-health' | 'apple' | 'play';

export interface CoverageRequirement {
  /** unique within its section, e.g. `retention` */
  id: string;
  /** where the requirement comes from: "Art 13(2)(a), 14(2)(a)", "11 CCR §7012(e)(4)", "NSPrivacyTracking" */
  reference: string;
  title: string;
  status: CoverageStatus;
  /** one sentence: what in the workspace satisfies it, what is missing, or why it does not apply */
  why: string;
  /** when missing: the first field to fix, in the validation form */
  path?: string;
  /** when missing: every field to fix */
  paths?: string[];
  /** the review rules whose findings make this requirement missing */
  rules: string[];
}

export interface CoverageSection {
  id: CoverageSectionId;
  title: string;
  /** what the section checks against */
  scope: string;
  requirements: CoverageRequirement[];
  counts: Record<CoverageStatus, number>;
}

interface RequirementSpec {
  id: string;
  reference: string;
  title: string;
  rules?: string[];
  /** which findings of `rules` concern this requirement (default: all) */
  concerns?: (finding: Finding, at: (string | number)[]) => boolean;
  /** the reason it does not apply, or undefined when it does */
  notApplicable?: () => string | undefined;
  met: () => string;
  /** a sentence naming what is missing, from the findings that make it so */
  missing?: (findings: Finding[]) => string;
}

const MAX_NAMES = 3;

/** "“A”, “B” and “C”", or "“A”, “B”, “C” and 4 more". */
function names(items: readonly string[]): string {
  return listInWords([...new Set(items)].map(q), { atMost: MAX_NAMES });
}

/** The name of the entity a finding's path points into ("Heart rate" for `dataTypes[5].retention`). */
function entityName(facts: WorkspaceFacts, path: string): string | undefined {
  const [list, index] = parsePath(path);
  if (typeof index !== 'number') return undefined;
  switch (list) {
    case 'dataTypes':
      return facts.dataTypes[index]?.name;
    case 'purposes':
      return facts.purposes[index]?.name;
    case 'recipients':
      return facts.recipients[index]?.name;
    case 'collectionPoints':
      return facts.collectionPoints[index]?.name;
    default:
      return undefined;
  }
}

function namesOf(facts: WorkspaceFacts, findings: readonly Finding[]): string {
  return names(findings.map((f) => entityName(facts, f.path)).filter((n): n is string => n !== undefined));
}

function build(specs: RequirementSpec[], findings: readonly Finding[]): CoverageRequirement[] {
  return specs.map((spec) => {
    const rules = spec.rules ?? [];
    const base = { id: spec.id, reference: spec.reference, title: spec.title, rules };
    const notApplicable = spec.notApplicable?.();
    if (notApplicable) return { ...base, status: 'not-applicable', why: notApplicable };
    const hits = findings.filter((f) => rules.includes(f.rule) && (!spec.concerns || spec.concerns(f, parsePath(f.path))));
    if (hits.length > 0) {
      const paths = [...new Set(hits.map((f) => f.path))];
      return { ...base, status: 'missing', why: spec.missing ? spec.missing(hits) : hits[0].message, path: paths[0], paths };
    }
    return { ...base, status: 'met', why: spec.met() };
  });
}

function section(id: CoverageSectionId, title: string, scope: string, requirements: CoverageRequirement[]): CoverageSection {
  const counts: Record<CoverageStatus, number> = { met: 0, missing: 0, 'not-applicable': 0 };
  for (const r of requirements) counts[r.status]++;
  return { id, title, scope, requirements, counts };
}

const byRule = (findings: readonly Finding[], rule: string) => findings.filter((f) => f.rule === rule);

/** Why an item about changes since the last published version does not apply: there is none to compare with. */
function noPreviousVersion(facts: WorkspaceFacts): string | undefined {
  return facts.previous
    ? undefined
    : 'No published version to compare with: once one is published, the review compares each change with it.';
}

const NO_DATA_TYPES = 'There are no data types yet, so there is nothing to describe.';

// ---------------------------------------------------------------------------------------------------
// GDPR and UK GDPR: Art 13 (data from the person) and Art 14 (data from elsewhere)

function europeSection(facts: WorkspaceFacts, findings: readonly Finding[], regime: 'gdpr' | 'uk-gdpr'): CoverageSection {
  const { workspace, dataTypes, purposes, recipients } = facts;
  const org = workspace.organization;
  const uk = regime === 'uk-gdpr';
  const law = uk ? 'the UK GDPR' : 'the GDPR';
  const region = uk ? 'uk' : 'eu';
  const regionName = uk ? 'the UK' : 'the EU';
  const used = purposes.filter((p) => p.usedBy.length > 0);
  const fromOthers = dataTypes.filter((d) => d.dataType.source === 'third-party');
  const fromPerson = dataTypes.filter((d) => d.dataType.source === 'user');
  const special = dataTypes.filter((d) => d.classification.gdprSpecial);
  const li = purposes.filter((p) => p.purpose.lawfulBasis === 'legitimate-interests');
  const transfers = recipients.filter((r) => (uk ? r.transfer.uk : r.transfer.eu));
  const unknownCountry = recipients.filter((r) => !r.recipient.country && r.usedBy.length > 0);
  const consent =
    purposes.some((p) => p.usedBy.length > 0 && p.purpose.lawfulBasis === 'consent') ||
    dataTypes.some((d) => d.classification.gdprSpecial && d.dataType.specialCondition === 'explicit-consent');
  const decisions = purposes.filter((p) => p.purpose.automatedDecision);
  const objecting = purposes.filter((p) => objectionApplies(p.purpose));
  const representative = org.representatives?.find((r) => r.region === region);

  const specs: RequirementSpec[] = [
    {
      id: 'controller',
      reference: 'Art 13(1)(a), 14(1)(a)',
      title: 'Identity and contact details of the controller',
      rules: ['no-contact-email'],
      met: () =>
        `${q(displayName(org.legalName, displayName(org.name, 'The organization')))} is named as the controller, reachable at ${org.contactEmail}.`,
      missing: () => 'The organization has no privacy contact email, so the notice cannot say how to reach the controller.',
    },
    {
      id: 'representative',
      reference: 'Art 13(1)(a), 14(1)(a), 27',
      title: `Representative in ${regionName}`,
      rules: ['representative-missing', 'controller-country-missing'],
      // representative-missing reports each region in a message of its own; without the controller's
      // country neither region can be settled.
      concerns: (f) => f.rule !== 'representative-missing' || f.message.includes(`representative in ${regionName}`),
      notApplicable: () =>
        !representative && representativeNeeded(org.country, region) === 'no'
          ? `The controller is established in ${countryInText(org.country!)}, ${uk ? 'in the UK' : 'in the EEA'}, so it needs no representative in ${regionName} (Art 27).`
          : undefined,
      met: () => `${q(displayName(representative!.name, 'A representative'))} is named as the representative in ${regionName}.`,
      missing: (hits) =>
        byRule(hits, 'representative-missing').length > 0
          ? `The controller is established in ${countryInText(org.country!)}, outside ${uk ? 'the UK' : 'the EEA'}, and names no representative in ${regionName} (Art 27).`
          : `The controller's country is not recorded, so it cannot be said whether it needs a representative in ${regionName} (Art 27).`,
    },
    {
      id: 'dpo',
      reference: 'Art 13(1)(b), 14(1)(b)',
      title: 'Contact details of the data protection officer',
      rules: ['no-dpo'],
      met: () =>
        `${org.dpo?.name?.trim() ? `The data protection officer, ${q(displayName(org.dpo.name, ''))},` : 'The data protection officer'} can be reached ${org.dpo?.email ? `at ${org.dpo.email}` : 'by post'}.`,
      missing: () =>
        org.dpo
          ? 'The data protection officer has no email or postal address.'
          : 'No data protection officer is named (needed only if one is appointed).',
    },
    {
      id: 'purposes-and-basis',
      reference: 'Art 13(1)(c), 14(1)(c)',
      title: 'Purposes and their legal basis',
      rules: ['empty-inventory', 'missing-lawful-basis'],
      met: () =>
        `All ${count(purposes.length, 'purpose')} state their lawful basis${used.length < purposes.length ? ` (${used.length} used by data types)` : ''}.`,
      missing: (hits) =>
        byRule(hits, 'empty-inventory').length > 0 ? NO_DATA_TYPES : `No lawful basis is chosen for ${namesOf(facts, hits)}.`,
    },
    {
      id: 'special-category-condition',
      reference: 'Art 9(2), 13(1)(c)',
      title: 'Condition for special-category data',
      rules: ['special-category-without-condition'],
      notApplicable: () => (special.length === 0 ? 'No data type is special-category data.' : undefined),
      met: () => `${names(special.map((d) => d.name))} ${special.length === 1 ? 'has' : 'have'} an Art 9(2) condition.`,
      missing: (hits) => `No Art 9(2) condition is chosen for ${namesOf(facts, hits)}.`,
    },
    {
      id: 'legitimate-interests',
      reference: 'Art 13(1)(d), 14(2)(b)',
      title: 'The legitimate interests pursued',
      rules: ['legitimate-interest-missing'],
      notApplicable: () => (li.length === 0 ? 'No purpose relies on legitimate interests.' : undefined),
      met: () =>
        `${li.length === 1 ? 'The purpose' : `All ${li.length} purposes`} based on legitimate interests ${li.length === 1 ? 'names its' : 'name their'} interest.`,
      missing: (hits) => `${namesOf(facts, hits)} ${hits.length === 1 ? 'relies' : 'rely'} on legitimate interests without saying which.`,
    },
    {
      id: 'categories-of-data',
      reference: 'Art 14(1)(d)',
      title: 'Categories of personal data obtained from others',
      notApplicable: () => (fromOthers.length === 0 ? 'No data type is obtained from a third party.' : undefined),
      met: () =>
        `The notice describes each of the ${count(fromOthers.length, 'data type')} obtained from others (${names(fromOthers.map((d) => d.name))}) with its category.`,
    },
    {
      id: 'recipients',
      reference: 'Art 13(1)(e), 14(1)(e)',
      title: 'Recipients or categories of recipients',
      rules: ['recipient-role-missing'],
      met: () =>
        recipients.length === 0
          ? 'No recipient is listed, so the notice says the data stays with the organization.'
          : `${count(recipients.length, 'recipient')}, each with its role, so the notice can group them.`,
      missing: (hits) =>
        `No role is set for ${namesOf(facts, hits)}, so the notice cannot say what kind of recipient ${hits.length === 1 ? 'it is' : 'they are'}.`,
    },
    {
      id: 'transfers',
      reference: 'Art 13(1)(f), 14(1)(f)',
      title: 'Transfers to third countries and their safeguards',
      rules: Object.values(TRANSFER_RULES),
      // A finding concerns this regime when the regime's own assessment has the rule's problem.
      concerns: (f, at) => {
        const r = recipients[at[1] as number];
        const problem = r && assessTransfer(r.recipient, regime)?.problem;
        return problem !== undefined && TRANSFER_RULES[problem] === f.rule;
      },
      notApplicable: () =>
        transfers.length === 0
          ? `No recipient with a known country processes data outside ${uk ? 'the UK and the EEA' : 'the EEA'}${unknownCountry.length > 0 ? `; ${names(unknownCountry.map((r) => r.name))} ${unknownCountry.length === 1 ? 'has' : 'have'} no country` : ''}.`
          : undefined,
      met: () => `${transferList(transfers, regime, uk ? 'the UK and the EEA' : 'the EEA')}.`,
      missing: (hits) => {
        const area = uk ? 'the UK and the EEA' : 'the EEA';
        const of = (rule: string) => byRule(hits, rule);
        const none = of(TRANSFER_RULES['no-mechanism']);
        const claimed = of(TRANSFER_RULES['adequacy-claimed']);
        const uncertified = of(TRANSFER_RULES['adequacy-without-certification']);
        const unnamed = of(TRANSFER_RULES['derogation-unnamed']);
        const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);
        return [
          none.length
            ? `${namesOf(facts, none)} ${verb(none.length, 'processes', 'process')} data outside ${area} without a mechanism ${law} recognises.`
            : '',
          claimed.length
            ? `${namesOf(facts, claimed)} ${verb(claimed.length, 'claims', 'claim')} an adequacy decision that does not exist.`
            : '',
          uncertified.length
            ? `${namesOf(facts, uncertified)} ${verb(uncertified.length, 'claims', 'claim')} adequacy in the United States without certification under the Data Privacy Framework.`
            : '',
          unnamed.length
            ? `${namesOf(facts, unnamed)} ${verb(unnamed.length, 'relies', 'rely')} on an Art 49 derogation without naming it.`
            : '',
        ]
          .filter(Boolean)
          .join(' ');
      },
    },
    {
      id: 'retention',
      reference: 'Art 13(2)(a), 14(2)(a)',
      title: 'Storage period, or the criteria that determine it',
      rules: ['missing-retention', 'open-ended-retention'],
      notApplicable: () => (dataTypes.length === 0 ? NO_DATA_TYPES : undefined),
      met: () => `All ${count(dataTypes.length, 'data type')} say how long they are kept.`,
      missing: (hits) => retentionMissing(facts, hits),
    },
    {
      id: 'rights',
      reference: 'Art 13(2)(b), 14(2)(c)',
      title: 'The rights of access, rectification, erasure, restriction, objection and portability',
      met: () =>
        'Every notice lists these rights and how to use them; objection is included whenever a purpose relies on legitimate interests or a public task.',
    },
    {
      id: 'withdraw-consent',
      reference: 'Art 13(2)(c), 14(2)(d)',
      title: 'The right to withdraw consent',
      notApplicable: () => (consent ? undefined : 'No purpose in use relies on consent, and no special-category data on explicit consent.'),
      met: () => 'Some processing relies on consent, so the notice explains how to withdraw it at any time.',
    },
    {
      id: 'complaint',
      reference: 'Art 13(2)(d), 14(2)(e)',
      title: 'The right to complain to a supervisory authority',
      rules: uk ? [] : ['no-supervisory-authority'],
      met: () => {
        if (!uk && representativeNeeded(org.country, 'eu') === 'yes')
          return `The controller is established in ${countryInText(org.country!)}, outside the EEA, so it has no lead authority; the notice says people may complain to the authority where they live, work or where the infringement took place (Art 77).`;
        return org.supervisoryAuthority
          ? `${q(displayName(org.supervisoryAuthority.name, 'An authority'))} is named as the authority to complain to${uk ? ', and the notice names the ICO for the UK' : ''}.`
          : "The notice names the UK Information Commissioner's Office.";
      },
      missing: () => 'No supervisory authority is named, so the notice cannot say where to complain.',
    },
    {
      id: 'requirement-to-provide',
      reference: 'Art 13(2)(e)',
      title: 'Whether the person must provide the data, and what happens if not',
      rules: ['required-unset', 'missing-consequence'],
      concerns: (_f, at) => dataTypes[at[1] as number]?.dataType.source === 'user',
      notApplicable: () => (fromPerson.length === 0 ? 'No data type is provided by the person.' : undefined),
      met: () =>
        `Each of the ${count(fromPerson.length, 'data type')} people provide says whether it is required, with the consequence when it is.`,
      missing: (hits) => {
        const unset = byRule(hits, 'required-unset');
        const consequence = byRule(hits, 'missing-consequence');
        return [
          unset.length ? `It is not said whether ${namesOf(facts, unset)} must be provided.` : '',
          consequence.length
            ? `${namesOf(facts, consequence)} ${consequence.length === 1 ? 'is' : 'are'} required without the consequence of not providing ${consequence.length === 1 ? 'it' : 'them'}.`
            : '',
        ]
          .filter(Boolean)
          .join(' ');
      },
    },
    {
      id: 'automated-decisions',
      reference: 'Art 13(2)(f), 14(2)(g)',
      title: 'Automated decisions: the logic and the consequences',
      notApplicable: () => (decisions.length === 0 ? 'No purpose makes an automated decision with legal or similar effect.' : undefined),
      met: () =>
        `${names(decisions.map((p) => p.name))} ${decisions.length === 1 ? 'describes its' : 'describe their'} logic and consequences.`,
    },
    {
      id: 'automated-decision-ground',
      reference: 'Art 22(2), 22(3), 22(4)',
      title: 'Automated decisions: the ground that allows them, and the right to human intervention',
      rules: ['automated-decision-without-ground', 'automated-decision-special-category'],
      notApplicable: () => (decisions.length === 0 ? 'No purpose makes an automated decision with legal or similar effect.' : undefined),
      met: () =>
        `${decisions
          .map((p) => `${q(p.name)} rests on ${DECISION_GROUND_LABELS[p.purpose.automatedDecision!.ground!].noun}`)
          .join(
            '; ',
          )}; the notice states ${decisions.length === 1 ? 'it' : 'each'} with the rights to human intervention, to express one's view and to contest.`,
      missing: (hits) => {
        const ground = byRule(hits, 'automated-decision-without-ground');
        const special = byRule(hits, 'automated-decision-special-category');
        return [
          ground.length
            ? `${namesOf(facts, ground)} ${ground.length === 1 ? 'makes' : 'make'} an automated decision without an Art 22(2) ground.`
            : '',
          special.length
            ? `${namesOf(facts, special)} ${special.length === 1 ? 'uses' : 'use'} special-category data in an automated decision without explicit consent or substantial public interest.`
            : '',
        ]
          .filter(Boolean)
          .join(' ');
      },
    },
    {
      id: 'objection',
      reference: 'Art 21(4)',
      title: 'The right to object, brought to attention clearly and separately',
      notApplicable: () =>
        objecting.length === 0
          ? 'No purpose relies on legitimate interests or a public task or is direct marketing, so there is no right to object to point out.'
          : undefined,
      met: () =>
        `${names(objecting.map((p) => p.name))} ${objecting.length === 1 ? 'relies' : 'rely'} on legitimate interests or a public task or ${objecting.length === 1 ? 'is' : 'are'} direct marketing, so the notice gives the right to object a section of its own and mentions it beside ${objecting.length === 1 ? 'that purpose' : 'each of them'}.`,
    },
    {
      id: 'source',
      reference: 'Art 14(2)(f)',
      title: 'Where data obtained from others comes from',
      rules: ['missing-source', 'missing-source-detail'],
      notApplicable: () =>
        fromOthers.length === 0 && dataTypes.every((d) => d.dataType.source)
          ? 'Every data type comes from the person or is observed as they use the product.'
          : undefined,
      met: () => `Each of the ${count(fromOthers.length, 'data type')} obtained from others names its source.`,
      missing: (hits) => sourceMissing(facts, hits),
    },
    {
      id: 'new-purpose',
      reference: 'Art 13(3), 14(4)',
      title: 'Information before data is used for a new purpose',
      rules: ['material-new-purpose'],
      notApplicable: () => noPreviousVersion(facts),
      met: () => `No purpose is new since version ${facts.previous!.version}.`,
      missing: (hits) =>
        `${namesOf(facts, hits)} ${hits.length === 1 ? 'is a new purpose' : 'are new purposes'} since version ${facts.previous!.version}: people must be told before their data is used for ${hits.length === 1 ? 'it' : 'them'}.`,
    },
  ];
  return section(
    regime,
    uk ? 'UK GDPR' : 'GDPR',
    `The information ${law} requires in a privacy notice: Art 13 for data collected from the person, Art 14 for data obtained from others.`,
    build(specs, findings),
  );
}

/** The review rule that reports each transfer problem (core/lint/recipients.ts). */
const TRANSFER_RULES: Record<TransferProblem, string> = {
  'no-mechanism': 'transfer-without-safeguard',
  'adequacy-claimed': 'adequacy-claimed-without-decision',
  'adequacy-without-certification': 'adequacy-without-certification',
  'derogation-unnamed': 'transfer-derogation-unnamed',
};

function transferList(transfers: readonly RecipientFacts[], regime: TransferRegime, area: string): string {
  const items = transfers.map((r) => {
    const assessment = assessTransfer(r.recipient, regime);
    return `${q(r.name)} (${countryName(r.recipient.country!)}): ${assessment ? basisLabel(assessment.basis) : 'no transfer'}`;
  });
  const shown = items.slice(0, MAX_NAMES).join('; ');
  const more = items.length > MAX_NAMES ? `; and ${items.length - MAX_NAMES} more` : '';
  return `${count(transfers.length, 'recipient')} outside ${area}, each with its mechanism: ${shown}${more}`;
}

function retentionMissing(facts: WorkspaceFacts, hits: Finding[]): string {
  const none = byRule(hits, 'missing-retention');
  const open = byRule(hits, 'open-ended-retention');
  return [
    none.length ? `${namesOf(facts, none)} ${none.length === 1 ? 'has' : 'have'} no retention.` : '',
    open.length ? `${namesOf(facts, open)} ${open.length === 1 ? 'is' : 'are'} kept "until no longer needed" without criteria.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function sourceMissing(facts: WorkspaceFacts, hits: Finding[]): string {
  const unset = byRule(hits, 'missing-source');
  const detail = byRule(hits, 'missing-source-detail');
  return [
    detail.length ? `${namesOf(facts, detail)} ${detail.length === 1 ? 'comes' : 'come'} from a third party that is not named.` : '',
    unset.length ? `It is not said where ${namesOf(facts, unset)} ${unset.length === 1 ? 'comes' : 'come'} from.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------
// CCPA: the notice at collection (11 CCR §7012(e)) and the essentials of the privacy policy (§7011)

function ccpaSection(facts: WorkspaceFacts, findings: readonly Finding[]): CoverageSection {
  const { workspace, dataTypes, recipients, soldOrShared } = facts;
  const org = workspace.organization;
  const categories = CCPA_CATEGORIES.filter((c) => dataTypes.some((d) => d.classification.ccpa.includes(c.id)));
  const sensitive = dataTypes.filter((d) => d.classification.ccpaSensitive);
  const sold = soldOrShared.filter((d) => d.sold);
  const shared = soldOrShared.filter((d) => d.shared);
  const disclosed = recipients.filter((r) => r.usedBy.length > 0);
  const directMarketers = disclosed.filter((r) => r.recipient.directMarketing === true);
  const specs: RequirementSpec[] = [
    {
      id: 'categories',
      reference: '11 CCR §7012(e)(1)',
      title: 'Categories of personal information, including sensitive personal information',
      rules: ['empty-inventory'],
      met: () =>
        `${count(dataTypes.length, 'data type')} fall into ${count(categories.length, 'CCPA category', 'CCPA categories')}${sensitive.length ? `, with ${count(sensitive.length, 'data type')} of sensitive personal information` : ''}.`,
      missing: () => NO_DATA_TYPES,
    },
    {
      id: 'purposes',
      reference: '11 CCR §7012(e)(2)',
      title: 'Purposes for which each category is collected and used',
      rules: ['empty-inventory'],
      met: () => 'Every data type lists at least one purpose, so each category states why it is collected.',
      missing: () => NO_DATA_TYPES,
    },
    {
      id: 'sold-or-shared',
      reference: '11 CCR §7012(e)(3)',
      title: 'Whether each category is sold or shared',
      met: () =>
        soldOrShared.length === 0
          ? 'No recipient buys data or uses it for cross-context behavioural advertising, so the notice says nothing is sold or shared.'
          : [
              sold.length ? `${names(sold.map((d) => d.name))} ${sold.length === 1 ? 'is' : 'are'} sold` : 'Nothing is sold',
              shared.length
                ? `${names(shared.map((d) => d.name))} ${shared.length === 1 ? 'is' : 'are'} shared for advertising`
                : 'nothing is shared',
            ].join('; ') + ', as the recipients say.',
    },
    {
      id: 'retention',
      reference: '11 CCR §7012(e)(4), Cal. Civ. Code §1798.100(a)(3)',
      title: 'How long each category is kept, or the criteria',
      rules: ['missing-retention', 'open-ended-retention'],
      notApplicable: () => (dataTypes.length === 0 ? NO_DATA_TYPES : undefined),
      met: () => `All ${count(dataTypes.length, 'data type')} say how long they are kept.`,
      missing: (hits) => retentionMissing(facts, hits),
    },
    {
      id: 'opt-out-link',
      reference: '11 CCR §7012(e)(5), Cal. Civ. Code §1798.135',
      title: 'Link to "Do Not Sell or Share My Personal Information"',
      rules: ['no-opt-out-url'],
      notApplicable: () => (soldOrShared.length === 0 ? 'Nothing is sold or shared, so no opt-out link is needed.' : undefined),
      met: () =>
        org.optOutUrl ? `The opt-out page is ${org.optOutUrl}.` : `The Alternative Opt-out Link goes to ${org.alternativeOptOutUrl}.`,
      missing: () => 'Data is sold or shared, but there is no opt-out link.',
    },
    {
      id: 'limit-link',
      reference: 'Cal. Civ. Code §1798.135(a)(2), 11 CCR §7014, §7015, §7027(m)',
      title: 'Link to "Limit the Use of My Sensitive Personal Information", or the statement that none is needed',
      rules: ['ccpa-limit-link-missing'],
      notApplicable: () => (sensitive.length === 0 ? 'No data type is sensitive personal information.' : undefined),
      met: () =>
        org.limitUseUrl
          ? `The "Limit the Use" page is ${org.limitUseUrl}.`
          : org.alternativeOptOutUrl
            ? `The Alternative Opt-out Link, ${org.alternativeOptOutUrl}, serves as the "Limit the Use" link.`
            : 'Sensitive personal information is used only for the purposes of 11 CCR §7027(m), and the notice says so.',
      missing: () => 'Data types are sensitive personal information, but there is no "Limit the Use" link or statement.',
    },
    {
      id: 'opt-out-signals',
      reference: 'Cal. Civ. Code §1798.135(b)(1), (e); 11 CCR §7025, §7011(e)(3)(F)',
      title: 'Opt-out preference signals honoured, and how',
      rules: ['opt-out-signals-not-honoured'],
      notApplicable: () =>
        soldOrShared.length === 0 ? 'Nothing is sold or shared, so there is nothing for a signal to opt out of.' : undefined,
      met: () =>
        org.usPrivacy?.optOutSignalsHow?.trim()
          ? 'Opt-out preference signals are honoured, and the notice says how.'
          : 'Opt-out preference signals are honoured for the browser or device that sends them, as the notice says.',
      missing: () => 'Data is sold or shared, but opt-out preference signals are not recorded as honoured.',
    },
    {
      id: 'privacy-policy-link',
      reference: '11 CCR §7012(e)(6)',
      title: 'Link to the privacy policy',
      rules: ['no-privacy-policy-url'],
      met: () => `The privacy policy is published at ${org.privacyPolicyUrl}.`,
      missing: () => 'There is no address for the published privacy policy.',
    },
    {
      id: 'sources',
      reference: '11 CCR §7011(e)(1)',
      title: 'Categories of sources',
      rules: ['missing-source', 'missing-source-detail'],
      notApplicable: () => (dataTypes.length === 0 ? NO_DATA_TYPES : undefined),
      met: () => 'Every data type says whether it comes from the person, from their use of the product or from a named third party.',
      missing: (hits) => sourceMissing(facts, hits),
    },
    {
      id: 'recipients',
      reference: '11 CCR §7011(e)(1)',
      title: 'Categories of third parties personal information is disclosed to',
      rules: ['recipient-role-missing'],
      met: () =>
        disclosed.length === 0
          ? 'No data type is disclosed to anyone.'
          : `${count(disclosed.length, 'recipient')} receive data, each with its role.`,
      missing: (hits) => `No role is set for ${namesOf(facts, hits)}.`,
    },
    {
      id: 'sensitive',
      reference: '11 CCR §7011(e)(1), Cal. Civ. Code §1798.121',
      title: 'Sensitive personal information and its purposes',
      notApplicable: () => (sensitive.length === 0 ? 'No data type is sensitive personal information.' : undefined),
      met: () =>
        `${names(sensitive.map((d) => d.name))} ${sensitive.length === 1 ? 'is' : 'are'} listed as sensitive personal information with ${sensitive.length === 1 ? 'its' : 'their'} purposes.`,
    },
    {
      id: 'minors',
      reference: '11 CCR §7011(e)(1), Cal. Civ. Code §1798.120(c)',
      title: 'Whether personal information of consumers under 16 is sold or shared',
      rules: ['audience-age-unknown', 'sale-under-16-unknown'],
      notApplicable: () => (soldOrShared.length === 0 ? 'Nothing is sold or shared.' : undefined),
      met: () =>
        org.usPrivacy?.sellsUnder16
          ? `The audience is ${org.audience?.minimumAge} and older, and the policy says that data of people under 16 is sold or shared only with their opt-in consent (a parent's under 13).`
          : org.usPrivacy?.sellsUnder16 === false
            ? `The audience is ${org.audience?.minimumAge} and older, and the policy says there is no actual knowledge that data of anyone under 16 is sold or shared.`
            : `The audience is ${org.audience?.minimumAge} and older, so the policy says data of anyone under 16 is not knowingly sold or shared.`,
      missing: (hits) =>
        [
          byRule(hits, 'sale-under-16-unknown').length
            ? 'Data is sold or shared, but it is not recorded whether data of people under 16 is.'
            : '',
          byRule(hits, 'audience-age-unknown').length ? 'The minimum age of the audience is not set.' : '',
        ]
          .filter(Boolean)
          .join(' '),
    },
    {
      id: 'contact',
      reference: '11 CCR §7011(e)(3)(J)',
      title: 'Contact for questions about the privacy policy',
      rules: ['no-contact-email'],
      met: () => `Questions go to ${org.contactEmail}.`,
      missing: () => 'The organization has no privacy contact email.',
    },
    {
      id: 'request-methods',
      reference: 'Cal. Civ. Code §1798.130(a)(1), 11 CCR §7011(e)(3)',
      title: 'Two or more ways to make requests, including a toll-free number (an email address alone for a business only online)',
      rules: ['ccpa-request-methods'],
      met: () => {
        const methods = requestMethods(org);
        const ways = [
          methods.webForm ? 'a web form' : '',
          methods.phone ? 'a toll-free number' : '',
          methods.email ? (org.requests?.email?.trim() ? 'an email address' : 'the privacy contact email') : '',
          methods.postal ? 'a postal address' : '',
          methods.inApp ? 'a place in the app' : '',
        ].filter(Boolean);
        return `${capitalize(listInWords(ways))} ${ways.length === 1 ? 'takes' : 'take'} requests${org.requests?.onlineOnly && !methods.phone ? ', enough for a business that operates only online' : ''}; the notice describes verification, authorised agents and response times.`;
      },
      missing: (hits) => hits[0].message.split('. ')[0] + '.',
    },
    {
      id: 'do-not-track',
      reference: 'Cal. Bus. & Prof. Code §22575(b)(5) (CalOPPA)',
      title: 'How the website responds to Do Not Track signals',
      rules: ['do-not-track-unset', 'do-not-track-contradicted'],
      notApplicable: () => (!hasPlatform(workspace, 'web') ? 'There is no website among the collection points.' : undefined),
      met: () =>
        org.usPrivacy?.doNotTrack === 'honoured'
          ? 'The notice says the website responds to Do Not Track signals.'
          : 'The notice says the website does not respond to Do Not Track signals.',
      missing: (hits) =>
        hits.some((hit) => hit.rule === 'do-not-track-unset')
          ? 'There is a website, but it is not recorded how it responds to Do Not Track signals.'
          : 'The notice says the website honours Do Not Track, but data collected on it is used for tracking or shared for cross-context behavioural advertising.',
    },
    {
      id: 'shine-the-light',
      reference: 'Cal. Civ. Code §1798.83',
      title: 'Disclosure to third parties for their direct marketing ("Shine the Light")',
      notApplicable: () =>
        directMarketers.length === 0 ? 'No recipient receives personal information for its own direct marketing.' : undefined,
      met: () =>
        `${names(directMarketers.map((r) => r.name))} ${directMarketers.length === 1 ? 'receives' : 'receive'} personal information for direct marketing; the notice tells California residents how to ask which categories went to whom.`,
    },
    {
      id: 'last-updated',
      reference: '11 CCR §7011(e)(4)',
      title: 'Date the privacy policy was last updated',
      rules: ['missing-effective-date'],
      met: () => `The documents take effect on ${workspace.settings.effectiveDate}.`,
      missing: () => 'The documents have no effective date.',
    },
    {
      id: 'new-notice-at-collection',
      reference: 'Civil Code 1798.100(a)(1)–(2)',
      title: 'No new categories, purposes or sale without a new notice at collection',
      rules: ['material-new-purpose', 'material-new-sensitive-data', 'material-new-sale-or-sharing'],
      notApplicable: () => noPreviousVersion(facts),
      met: () => `Nothing is collected, used, sold or shared in a way version ${facts.previous!.version} did not describe.`,
      missing: (hits) =>
        `${namesOf(facts, hits)} ${hits.length === 1 ? 'is' : 'are'} new since version ${facts.previous!.version}, or newly sensitive, sold or shared: give notice at collection before it takes effect.`,
    },
  ];
  return section(
    'ccpa',
    'CCPA',
    'The notice at collection (11 CCR §7012(e)(1)–(6)) and the essentials of the privacy policy (§7011).',
    build(specs, findings),
  );
}

// ---------------------------------------------------------------------------------------------------
// The other US states: the privacy notice of the comprehensive state laws (the Virginia model) and what
// each state adds: an appeal (not Utah), consent for sensitive data (not Utah, Iowa; Maryland only what
// is strictly necessary), universal opt-out signals (the states in resources/us-states.json).

/** "VA, CO, CT" */
const codes = (states: readonly UsStateLaw[]) => states.map((s) => s.code).join(', ');

function usStatesSection(facts: WorkspaceFacts, findings: readonly Finding[]): CoverageSection {
  const { workspace, dataTypes, usStates, soldOrTargeted } = facts;
  const org = workspace.organization;
  const appealStates = usStates.filter((s) => s.appeal);
  const consentStates = usStates.filter((s) => s.sensitiveData === 'opt-in');
  const maryland = usStates.filter((s) => s.sensitiveData === 'strictly-necessary');
  const signalStates = usStates.filter((s) => s.universalOptOut);
  const sensitive = dataTypes.filter((d) => d.stateSensitive);
  const optOutPage = org.alternativeOptOutUrl ?? org.optOutUrl;
  const specs: RequirementSpec[] = [
    {
      id: 'categories-and-purposes',
      reference: `${codes(usStates)}: privacy notice`,
      title: 'Categories of personal data processed and the purpose of each',
      rules: ['empty-inventory'],
      met: () => `${count(dataTypes.length, 'data type')} ${dataTypes.length === 1 ? 'is' : 'are'} described, each with its purposes.`,
      missing: () => NO_DATA_TYPES,
    },
    {
      id: 'recipients',
      reference: `${codes(usStates)}: privacy notice`,
      title: 'Categories of personal data shared with third parties, and of those third parties',
      rules: ['recipient-role-missing'],
      met: () =>
        facts.recipients.length === 0
          ? 'No recipient is listed, so the notice says the data stays with the organization.'
          : `${count(facts.recipients.length, 'recipient')}, each with its role and the data it receives.`,
      missing: (hits) => `No role is set for ${namesOf(facts, hits)}.`,
    },
    {
      id: 'rights-and-requests',
      reference: `${codes(usStates)}: privacy notice`,
      title: 'The rights, and how to exercise them',
      rules: ['no-contact-email'],
      met: () =>
        `The notice lists access, ${usStates.some((s) => s.correction) ? 'correction, ' : ''}deletion, portability and the opt-outs, and how to make a request${org.contactEmail ? `, including by email to ${org.requests?.email ?? org.contactEmail}` : ''}.`,
      missing: () => 'The organization has no privacy contact email, so the notice cannot say how to make a request.',
    },
    {
      id: 'appeal',
      reference: `${codes(appealStates.length ? appealStates : usStates)}: appeals`,
      title: 'How to appeal a refused request, and the Attorney General after an appeal',
      rules: ['us-appeal-missing'],
      notApplicable: () => (appealStates.length === 0 ? `${listInWords(usStates.map((s) => s.state))}'s law gives no appeal.` : undefined),
      met: () =>
        `Appeals are made as recorded ("${plainText(org.requests!.appeal!)}"), and the notice names the state Attorney General for a denied appeal.`,
      missing: () => 'No way to appeal a refused request is recorded.',
    },
    {
      id: 'sensitive-data',
      reference: `${codes([...consentStates, ...maryland].length ? [...consentStates, ...maryland] : usStates)}: sensitive data`,
      title: 'Consent before sensitive data is processed (Maryland: only what is strictly necessary, never sold)',
      rules: ['us-sensitive-without-consent', 'us-sensitive-sold-maryland'],
      notApplicable: () =>
        sensitive.length === 0
          ? 'No data type is sensitive data under the state laws.'
          : consentStates.length + maryland.length === 0
            ? `${listInWords(usStates.map((s) => s.state))} ${usStates.length === 1 ? 'asks' : 'ask'} only for notice and a chance to opt out, which the notice gives.`
            : undefined,
      met: () =>
        consentStates.length
          ? `${names(sensitive.map((d) => d.name))} ${sensitive.length === 1 ? 'is' : 'are'} collected only with recorded consent${maryland.length ? ', and none is sold' : ''}.`
          : `${names(sensitive.map((d) => d.name))} ${sensitive.length === 1 ? 'is' : 'are'} not sold, and the notice says Maryland allows it only where strictly necessary.`,
      missing: (hits) => {
        const consent = byRule(hits, 'us-sensitive-without-consent');
        const sold = byRule(hits, 'us-sensitive-sold-maryland');
        return [
          consent.length
            ? `${namesOf(facts, consent)} ${consent.length === 1 ? 'is' : 'are'} sensitive data without recorded consent.`
            : '',
          sold.length ? `${namesOf(facts, sold)} ${sold.length === 1 ? 'is' : 'are'} sensitive data sold, which Maryland forbids.` : '',
        ]
          .filter(Boolean)
          .join(' ');
      },
    },
    {
      id: 'opt-out',
      reference: `${codes(usStates)}: sale and targeted advertising`,
      title: 'Whether personal data is sold or used for targeted advertising, and how to opt out',
      rules: ['us-opt-out-missing'],
      notApplicable: () =>
        soldOrTargeted.length === 0
          ? 'Nothing is sold or used for targeted advertising, so the notice says so and there is nothing to opt out of.'
          : undefined,
      met: () =>
        `${names(soldOrTargeted.map((d) => d.name))} ${soldOrTargeted.length === 1 ? 'is' : 'are'} sold or used for targeted advertising; people opt out at ${optOutPage}.`,
      missing: () => 'Data is sold or used for targeted advertising, but there is no opt-out page.',
    },
    {
      id: 'universal-opt-out',
      reference: `${codes(signalStates.length ? signalStates : usStates)}: universal opt-out mechanism`,
      title: 'Universal opt-out signals, such as Global Privacy Control, honoured',
      rules: ['us-opt-out-signals-not-honoured'],
      notApplicable: () =>
        signalStates.length === 0
          ? `${listInWords(usStates.map((s) => s.state))} ${usStates.length === 1 ? 'does' : 'do'} not require universal opt-out signals to be honoured.`
          : soldOrTargeted.length === 0
            ? 'Nothing is sold or used for targeted advertising, so there is nothing for a signal to opt out of.'
            : undefined,
      met: () => 'Universal opt-out signals are honoured as opt-outs of sale and targeted advertising, and the notice says so.',
      missing: () =>
        `Data is sold or used for targeted advertising, but universal opt-out signals, which ${listInWords(
          signalStates.map((s) => s.state),
          { atMost: MAX_NAMES },
        )} ${signalStates.length === 1 ? 'requires' : 'require'} to be honoured, are not recorded as honoured.`,
    },
  ];
  return section(
    'us-states',
    'US state privacy laws',
    `The privacy notice the comprehensive privacy laws of ${listInWords(
      usStates.map((s) => s.state),
      { atMost: MAX_NAMES },
    )} ask for, with the appeal, sensitive data consent and opt-outs they add.`,
    build(specs, findings),
  );
}

// ---------------------------------------------------------------------------------------------------
// Consumer health data: Washington's My Health My Data Act (RCW 19.373) and Nevada SB 370

function healthSection(facts: WorkspaceFacts, findings: readonly Finding[]): CoverageSection {
  const { workspace } = facts;
  const org = workspace.organization;
  const laws = healthLawsIn(org.jurisdictions);
  const washington = laws.some((l) => l.id === 'us-wa');
  const health = consumerHealthData(facts);
  const healthIndexes = new Set(health.map((d) => d.index));
  const receiving = new Set(health.flatMap((d) => d.recipients.map((r) => r.index)));
  const shared = health.filter((d) => healthDataSharedWith(d).length > 0);
  const sold = health.filter((d) => d.recipients.some((r) => r.recipient.sells === true));
  const affiliates = facts.recipients.filter((r) => receiving.has(r.index) && r.recipient.affiliate === true);
  const none = health.length === 0 ? 'No data type is consumer health data, so there is nothing to describe.' : undefined;
  const aboutHealthData = (_f: Finding, at: (string | number)[]) => at[0] === 'dataTypes' && healthIndexes.has(at[1] as number);
  const specs: RequirementSpec[] = [
    {
      id: 'policy',
      reference: 'RCW 19.373.020(1); Nevada SB 370',
      title: 'A Consumer Health Data Privacy Policy of its own, linked from the homepage',
      notApplicable: () => none,
      met: () =>
        `Candor writes the Consumer Health Data Privacy Policy for ${names(health.map((d) => d.name))}; link it prominently from the homepage.`,
    },
    {
      id: 'categories-and-purposes',
      reference: 'RCW 19.373.020(1)(a)(i)',
      title: 'Categories of consumer health data collected, the purposes and how it is used',
      rules: ['empty-inventory'],
      notApplicable: () => (facts.dataTypes.length > 0 ? none : undefined),
      met: () => `The policy lists ${names(health.map((d) => d.name))}, each with the purposes it serves.`,
      missing: () => NO_DATA_TYPES,
    },
    {
      id: 'sources',
      reference: 'RCW 19.373.020(1)(a)(ii)',
      title: 'Categories of sources',
      rules: ['missing-source', 'missing-source-detail'],
      concerns: aboutHealthData,
      notApplicable: () => none,
      met: () => 'Every consumer health data type says where it comes from.',
      missing: (hits) => sourceMissing(facts, hits),
    },
    {
      id: 'shared',
      reference: 'RCW 19.373.020(1)(a)(iii), (iv)',
      title: 'Categories shared, and the third parties and specific affiliates that receive it',
      // Every recipient without a role, not only those of health data: in a workspace under the health
      // laws alone, this is the one place a missing role can be shown.
      rules: ['recipient-role-missing'],
      notApplicable: () => none,
      met: () =>
        shared.length === 0
          ? 'No consumer health data goes to anyone but processors, so the policy says it is not shared.'
          : `${names(shared.map((d) => d.name))} ${shared.length === 1 ? 'is' : 'are'} shared, and the policy names every recipient${affiliates.length ? `, with ${names(affiliates.map((r) => r.name))} as ${affiliates.length === 1 ? 'an affiliate' : 'affiliates'}` : ''}.`,
      missing: (hits) => `No role is set for ${namesOf(facts, hits)}, so the documents cannot tell a processor from a third party.`,
    },
    {
      id: 'consent-to-collect',
      reference: 'RCW 19.373.030(1)(a); Nevada SB 370',
      title: 'Consent to collect, unless necessary for the service asked for',
      rules: ['consumer-health-consent-to-collect'],
      notApplicable: () => none,
      met: () => 'Every consumer health data type records consent to collect it, or serves only the service the person asked for.',
      missing: (hits) => `No consent to collect is recorded for ${namesOf(facts, hits)}.`,
    },
    {
      id: 'consent-to-share',
      reference: 'RCW 19.373.030(1)(b); Nevada SB 370',
      title: 'Separate consent to share',
      rules: ['consumer-health-consent-to-share'],
      notApplicable: () => none ?? (shared.length === 0 ? 'No consumer health data goes to anyone but processors.' : undefined),
      met: () =>
        `Separate consent to share is recorded for ${names(shared.map((d) => d.name))}, or the sharing is necessary for the service.`,
      missing: (hits) => `No consent to share is recorded for ${namesOf(facts, hits)}.`,
    },
    {
      id: 'sale-authorization',
      reference: 'RCW 19.373.070; Nevada SB 370',
      title: 'A signed authorisation before any sale',
      rules: ['consumer-health-sold'],
      notApplicable: () => none ?? (sold.length === 0 ? 'No consumer health data is sold.' : undefined),
      met: () => 'The sale of consumer health data has been reviewed and accepted with its signed authorisations.',
      missing: (hits) =>
        `${namesOf(facts, hits)} ${hits.length === 1 ? 'is' : 'are'} sold; each sale needs an authorisation the person signs.`,
    },
    {
      id: 'rights',
      reference: 'RCW 19.373.020(1)(a)(v), 19.373.040',
      title: 'How to exercise the rights to access, withdraw consent and delete',
      rules: ['no-contact-email'],
      notApplicable: () => none,
      met: () => `The policy describes the rights and how to make a request, including at ${org.requests?.email || org.contactEmail}.`,
      missing: () => 'The organization has no privacy contact email for requests.',
    },
    {
      id: 'policy-link',
      reference: 'RCW 19.373',
      title: 'The policy published and linked prominently from the homepage',
      rules: ['consumer-health-policy-link-missing'],
      notApplicable: () => none,
      met: () => `The policy is published at ${org.consumerHealthPolicyUrl}, and the privacy notice links to it.`,
      missing: () => 'No address is recorded where the Consumer Health Data Privacy Policy is published.',
    },
    {
      id: 'appeal',
      reference: 'RCW 19.373.040',
      title: 'How to appeal a refused request, and the Attorney General to contact after',
      rules: ['consumer-health-appeal-missing', 'us-appeal-missing'],
      notApplicable: () => none ?? (washington ? undefined : 'Only Washington’s law gives a right to appeal.'),
      met: () => 'The policy says how to appeal and that the Washington Attorney General can be contacted after a denied appeal.',
      missing: () => 'No way to appeal a refused request is recorded.',
    },
  ];
  return section(
    'us-health',
    'Consumer health data',
    `${listInWords(laws.map((l) => l.law))}: the Consumer Health Data Privacy Policy and the consent it needs.`,
    build(specs, findings),
  );
}

// ---------------------------------------------------------------------------------------------------
// Stores

function purposeConcerns(facts: WorkspaceFacts, store: 'apple' | 'play') {
  return (_f: Finding, at: (string | number)[]) => {
    const p = facts.purposes[at[1] as number];
    if (!p || p.store.source[store] !== 'default') return false;
    return p.usedBy.some((i) => (store === 'apple' ? facts.dataTypes[i].declaredToApple : facts.dataTypes[i].declaredToPlay));
  };
}

function appleSection(facts: WorkspaceFacts, findings: readonly Finding[]): CoverageSection {
  const declared = facts.dataTypes.filter((d) => d.declaredToApple);
  const types = new Set(declared.map((d) => d.classification.apple));
  // Tracking counts for Apple only when the tracking data is collected in the iOS app (core/stores/apple.ts).
  const trackingDeclared = declared.filter((d) => d.dataType.tracking === true);
  const tracking = trackingDeclared;
  const domains = [...new Set(tracking.flatMap((d) => d.recipients.flatMap((r) => r.recipient.trackingDomains ?? [])))];
  const linked = declared.filter((d) => d.dataType.linkedToIdentity !== false);
  const specs: RequirementSpec[] = [
    {
      id: 'data-types',
      reference: 'NSPrivacyCollectedDataTypes',
      title: 'Every data type collected on iOS is declared',
      rules: ['apple-data-type-missing'],
      met: () =>
        declared.length === 0
          ? 'No data type has an Apple data type, so the manifest declares nothing collected.'
          : `${count(declared.length, 'data type')} ${declared.length === 1 ? 'is' : 'are'} declared as ${count(types.size, 'Apple data type')}.`,
      missing: (hits) => `${namesOf(facts, hits)} ${hits.length === 1 ? 'is' : 'are'} collected on iOS without an Apple data type.`,
    },
    {
      id: 'purposes',
      reference: 'NSPrivacyCollectedDataTypePurposes',
      title: 'The purposes of each declared data type',
      rules: ['store-purpose-undetermined'],
      concerns: purposeConcerns(facts, 'apple'),
      notApplicable: () => (declared.length === 0 ? 'No data type is declared to Apple.' : undefined),
      met: () => 'Every purpose of declared data has a data use or a store purpose, so its Apple purpose is derived from what it does.',
      missing: (hits) => `${namesOf(facts, hits)} ${hits.length === 1 ? 'has' : 'have'} no data use, so Apple is told "Other purposes".`,
    },
    {
      id: 'linked',
      reference: 'NSPrivacyCollectedDataTypeLinked',
      title: 'Whether each data type is linked to the person',
      notApplicable: () => (declared.length === 0 ? 'No data type is declared to Apple.' : undefined),
      met: () =>
        `${count(linked.length, 'declared data type')} ${linked.length === 1 ? 'is' : 'are'} linked to the person and ${declared.length - linked.length} not linked, from each data type's "linked to identity".`,
    },
    {
      id: 'tracking',
      reference: 'NSPrivacyTracking, NSPrivacyTrackingDomains',
      title: 'Tracking and the domains used for it',
      rules: ['tracking-without-domains', 'tracking-recipients-all-processors'],
      notApplicable: () =>
        tracking.length === 0 ? 'No data declared to Apple is used for tracking, so NSPrivacyTracking is false.' : undefined,
      met: () =>
        `${names(tracking.map((d) => d.name))} ${tracking.length === 1 ? 'is' : 'are'} used for tracking through ${listInWords(domains)}.`,
      missing: (hits) => {
        const noDomains = byRule(hits, 'tracking-without-domains');
        const processors = byRule(hits, 'tracking-recipients-all-processors');
        return [
          noDomains.length ? `Tracking data has no tracking domain (${count(noDomains.length, 'data type')} affected).` : '',
          processors.length
            ? `${namesOf(facts, processors)} ${processors.length === 1 ? 'is' : 'are'} marked as tracking but only processors receive ${processors.length === 1 ? 'it' : 'them'}.`
            : '',
        ]
          .filter(Boolean)
          .join(' ');
      },
    },
    {
      id: 'tracking-permission',
      reference: 'App Tracking Transparency',
      title: 'Tracking only after the App Tracking Transparency prompt',
      rules: ['tracking-without-att-prompt'],
      notApplicable: () => (trackingDeclared.length === 0 ? 'No data declared to Apple is used for tracking.' : undefined),
      met: () => 'An iOS collection point asks the App Tracking Transparency ("tracking") permission.',
      missing: () => 'Data is used for tracking, but no iOS collection point asks the App Tracking Transparency permission.',
    },
  ];
  specs.push({
    id: 'accessed-apis',
    reference: 'NSPrivacyAccessedAPITypes',
    title: 'Required-reason APIs declared with approved reasons',
    rules: ['required-reason-apis-missing', 'required-reason-api-invalid'],
    met: () => {
      const apis = appleAccessedApiTypes(facts.workspace).entries;
      return `${count(apis.length, 'required-reason API')} ${apis.length === 1 ? 'is' : 'are'} declared: ${listInWords(apis.map((a) => `${a.type.replace('NSPrivacyAccessedAPICategory', '')} (${a.reasons.join(', ')})`))}.`;
    },
    missing: (hits) =>
      byRule(hits, 'required-reason-api-invalid').length
        ? 'A declared API or reason is not one Apple accepts, so it is left out of the manifest.'
        : 'No required-reason API is declared, although almost every app uses UserDefaults.',
  });
  return section(
    'apple',
    'Apple App Store',
    'The privacy manifest (PrivacyInfo.xcprivacy) and the App Store Connect "App Privacy" answers, for the iOS app.',
    build(specs, findings),
  );
}

function playSection(facts: WorkspaceFacts, findings: readonly Finding[]): CoverageSection {
  const { workspace } = facts;
  const store = workspace.settings.store ?? {};
  const declared = facts.dataTypes.filter((d) => d.declaredToPlay);
  const types = new Set(declared.map((d) => d.classification.play));
  const sharers = facts.recipients.filter(
    (r) =>
      r.recipient.role !== 'processor' &&
      r.recipient.role !== 'public-authority' &&
      r.usedBy.some((i) => facts.dataTypes[i].declaredToPlay),
  );
  const ephemeral = declared.filter((d) => d.dataType.ephemeral === true);
  const accounts = (store.accountCreation ?? []).some((m) => m !== 'PSL_ACM_NONE');
  const recipientsOfPlayData = (at: (string | number)[]) =>
    facts.recipients[at[1] as number]?.usedBy.some((i) => facts.dataTypes[i].declaredToPlay) === true;
  const specs: RequirementSpec[] = [
    {
      id: 'general',
      reference: 'PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT, PSL_SUPPORTED_ACCOUNT_CREATION_METHODS, PSL_SUPPORT_DATA_DELETION_BY_USER',
      title: 'The general questions: encryption in transit, account creation, data deletion',
      rules: ['play-question-unanswered', 'play-account-creation-conflict'],
      met: () =>
        `Encrypted in transit: ${store.encryptedInTransit ? 'yes' : 'no'}; account creation: ${accounts ? 'offered' : 'none'}; deletion on request: ${store.dataDeletion}.`,
      missing: (hits) => {
        const fields = hits.map((f) => f.path.replace('settings.store.', ''));
        return byRule(hits, 'play-account-creation-conflict').length && fields.length === 1
          ? 'The account creation answer contradicts itself.'
          : `Not answered or contradictory: ${listInWords([...new Set(fields)])}.`;
      },
    },
    {
      id: 'deletion',
      reference: 'PSL_ACCOUNT_DELETION_URL, PSL_DATA_DELETION_URL, DATA_DELETION_NO_AUTO_DELETED',
      title: 'Account and data deletion',
      rules: ['play-deletion-url-missing', 'play-auto-deletion-conflict'],
      notApplicable: () =>
        !accounts && store.dataDeletion !== 'yes' && store.dataDeletion !== 'auto-deleted'
          ? 'The app offers no accounts and no deletion on request.'
          : undefined,
      met: () =>
        workspace.organization.accountDeletionUrl
          ? `People ask for deletion at ${workspace.organization.accountDeletionUrl}.`
          : 'Every data type declared to Play is deleted within 90 days, as the answer says.',
      missing: (hits) => {
        const url = byRule(hits, 'play-deletion-url-missing');
        const kept = byRule(hits, 'play-auto-deletion-conflict');
        return [
          url.length ? 'There is no link where people ask for their account and data to be deleted.' : '',
          kept.length
            ? `${namesOf(facts, kept)} ${kept.length === 1 ? 'is' : 'are'} kept longer than the 90 days the answer promises.`
            : '',
        ]
          .filter(Boolean)
          .join(' ');
      },
    },
    {
      id: 'data-types',
      reference: 'PSL_DATA_TYPES_*',
      title: 'Every data type collected on Android is declared',
      rules: ['play-data-type-missing'],
      met: () =>
        declared.length === 0
          ? 'No data type has a Play data type, so the form declares nothing collected.'
          : `${count(declared.length, 'data type')} ${declared.length === 1 ? 'is' : 'are'} declared as ${count(types.size, 'Play data type')}.`,
      missing: (hits) => `${namesOf(facts, hits)} ${hits.length === 1 ? 'is' : 'are'} collected on Android without a Play data type.`,
    },
    {
      id: 'purposes',
      reference: 'DATA_USAGE_COLLECTION_PURPOSE, DATA_USAGE_SHARING_PURPOSE',
      title: 'Why each data type is collected and shared',
      rules: ['store-purpose-undetermined'],
      concerns: purposeConcerns(facts, 'play'),
      notApplicable: () => (declared.length === 0 ? 'No data type is declared to Google Play.' : undefined),
      met: () => 'Every purpose of declared data has a data use or a store purpose, so its Play purpose is derived from what it does.',
      missing: (hits) => `${namesOf(facts, hits)} ${hits.length === 1 ? 'has' : 'have'} no data use, so Play is told "App functionality".`,
    },
    {
      id: 'shared',
      reference: 'PSL_DATA_USAGE_COLLECTION_AND_SHARING',
      title: 'Whether each data type is shared',
      rules: ['recipient-role-missing'],
      concerns: (_f, at) => recipientsOfPlayData(at),
      notApplicable: () => (declared.length === 0 ? 'No data type is declared to Google Play.' : undefined),
      met: () =>
        sharers.length === 0
          ? 'Only processors and public authorities receive declared data, so nothing is declared as shared.'
          : `Data given to ${names(sharers.map((r) => r.name))} is declared as shared.`,
      missing: (hits) =>
        `No role is set for ${namesOf(facts, hits)}, so Candor cannot tell whether giving ${hits.length === 1 ? 'it' : 'them'} data is sharing.`,
    },
    {
      id: 'optional-or-required',
      reference: 'DATA_USAGE_USER_CONTROL',
      title: 'Whether each data type is optional or required',
      rules: ['required-unset'],
      concerns: (_f, at) => facts.dataTypes[at[1] as number]?.declaredToPlay === true,
      notApplicable: () => (declared.length === 0 ? 'No data type is declared to Google Play.' : undefined),
      met: () => 'Every declared data type says whether people can choose to provide it.',
      missing: (hits) => `It is not said whether ${namesOf(facts, hits)} ${hits.length === 1 ? 'is' : 'are'} optional.`,
    },
    {
      id: 'ephemeral',
      reference: 'PSL_DATA_USAGE_EPHEMERAL',
      title: 'Which data is processed ephemerally',
      rules: ['ephemeral-retained', 'ephemeral-used-for-tracking'],
      notApplicable: () => (ephemeral.length === 0 ? 'No declared data type is marked ephemeral.' : undefined),
      met: () =>
        `${names(ephemeral.map((d) => d.name))} ${ephemeral.length === 1 ? 'is' : 'are'} ephemeral and neither kept nor used for tracking.`,
      missing: (hits) => `${namesOf(facts, hits)} ${hits.length === 1 ? 'is' : 'are'} marked ephemeral but kept or used for tracking.`,
    },
  ];
  return section(
    'play',
    'Google Play',
    'The Data safety form (general questions and every data type), for the Android app.',
    build(specs, findings),
  );
}

/**
 * The coverage matrix of a valid workspace: a section for each jurisdiction it names, then Apple when it
 * has an iOS collection point and Google Play when it has an Android one. Pass the findings and facts
 * when they are already at hand.
 */
export function coverageMatrix(
  workspace: Workspace,
  options: { facts?: WorkspaceFacts; findings?: readonly Finding[] } = {},
): CoverageSection[] {
  const facts = options.facts ?? workspaceFacts(workspace);
  const findings = options.findings ?? lintWorkspace(workspace, facts);
  const sections: CoverageSection[] = [];
  if (facts.gdpr) sections.push(europeSection(facts, findings, 'gdpr'));
  if (facts.ukGdpr) sections.push(europeSection(facts, findings, 'uk-gdpr'));
  if (facts.ccpa) sections.push(ccpaSection(facts, findings));
  if (facts.usStates.length > 0) sections.push(usStatesSection(facts, findings));
  if (healthLawsIn(workspace.organization.jurisdictions).length > 0) sections.push(healthSection(facts, findings));
  if (facts.ios) sections.push(appleSection(facts, findings));
  if (facts.android) sections.push(playSection(facts, findings));
  return sections;
}

export type { DataTypeFacts };
