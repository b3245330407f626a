// Completeness: what a structurally valid workspace still lacks before it can be published. These were
// validation problems once, and blocked every save while anything was half filled in; now the file is
// saved as typed and the review reports them as errors, at the paths validation used, so the editor
// shows each beside its field and `candor build` refuses until they are fixed.
//
// Unknown taxonomy keys (a category, subject or data use typed by hand) are completeness too: the file
// is readable and the key is kept as written, it just does not classify the data yet.
import { isWellFormedEmail, isWellFormedUrl, normaliseUrl } from '../normalise';
import type { CollectionPoint, DataType, Organization, Purpose, Recipient, Workspace } from '../schema';
import { CATEGORY_BY_KEY, SUBJECT_BY_KEY, USE_BY_KEY } from '../taxonomy';
import type { RuleDefinition } from './types';

export const COMPLETENESS_RULE_IDS = [
  'name-missing',
  'no-jurisdiction',
  'malformed-web-address',
  'malformed-email',
  'no-purpose',
  'category-missing',
  'unknown-taxonomy-key',
  'incomplete-retention',
  'automated-decision-incomplete',
  'recipient-purposes-empty',
  'blank-tracking-domain',
] as const;
export type CompletenessRuleId = (typeof COMPLETENESS_RULE_IDS)[number];

/** One thing missing; `path` is relative to the entry (".name") for list entries, absolute for the organization. */
export interface Gap {
  rule: CompletenessRuleId;
  path: string;
  /** the review's sentence: what is missing and what to do */
  message: string;
  /** what is wrong with the field, without naming it, as shown beside it ("must not be empty") */
  field: string;
}

const NOT_EMPTY = 'must not be empty';
const AT_LEAST_ONE = 'must list at least one entry';
const URL_FIELD = 'must be an absolute https:// address, such as https://example.com/privacy';
const EMAIL_FIELD = 'must be an email address, such as privacy@example.com';
const q = (name: string) => `"${name}"`;

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

function urlGap(value: string | undefined, path: string, what: string): Gap[] {
  if (value === undefined || isWellFormedUrl(value)) return [];
  const tidy = normaliseUrl(value);
  const message = /^http:\/\//i.test(tidy)
    ? `${what} ${q(value)} is not secure. Use its https:// address instead.`
    : value.trim() === ''
      ? `${what} is empty. Add an absolute https:// address, such as https://example.com/privacy, or remove it.`
      : `${what} ${q(value)} is not a complete web address. Use an absolute https:// address, such as https://example.com/privacy.`;
  return [{ rule: 'malformed-web-address', path, message, field: URL_FIELD }];
}

function emailGap(value: string | undefined, path: string, what: string): Gap[] {
  if (value === undefined || isWellFormedEmail(value)) return [];
  const message =
    value.trim() === ''
      ? `${what} is empty. Add an email address, such as privacy@example.com, or remove it.`
      : `${what} ${q(value)} is not an email address. Use one such as privacy@example.com.`;
  return [{ rule: 'malformed-email', path, message, field: EMAIL_FIELD }];
}

function organizationGaps(org: Organization): Gap[] {
  const gaps: Gap[] = [];
  if (blank(org.name)) {
    gaps.push({
      rule: 'name-missing',
      path: 'organization.name',
      message: 'The organization has no name: it must not be empty. Add the name people know you by under Organization.',
      field: NOT_EMPTY,
    });
  }
  if (org.jurisdictions.length === 0) {
    gaps.push({
      rule: 'no-jurisdiction',
      path: 'organization.jurisdictions',
      message:
        'No law is chosen. Choose at least one jurisdiction under Organization (GDPR, UK GDPR or CCPA), so Candor knows what the notice must say.',
      field: AT_LEAST_ONE,
    });
  }
  gaps.push(...emailGap(org.contactEmail, 'organization.contactEmail', 'The privacy contact email'));
  gaps.push(...urlGap(org.website, 'organization.website', 'The website'));
  gaps.push(...urlGap(org.privacyPolicyUrl, 'organization.privacyPolicyUrl', 'The privacy policy address'));
  gaps.push(...urlGap(org.accountDeletionUrl, 'organization.accountDeletionUrl', 'The account deletion address'));
  gaps.push(...urlGap(org.optOutUrl, 'organization.optOutUrl', 'The opt-out address'));
  gaps.push(...urlGap(org.limitUseUrl, 'organization.limitUseUrl', 'The "Limit the Use" address'));
  gaps.push(...urlGap(org.alternativeOptOutUrl, 'organization.alternativeOptOutUrl', 'The alternative opt-out address'));
  gaps.push(
    ...urlGap(org.consumerHealthPolicyUrl, 'organization.consumerHealthPolicyUrl', 'The Consumer Health Data Privacy Policy address'),
  );
  gaps.push(...urlGap(org.requests?.webFormUrl, 'organization.requests.webFormUrl', 'The request form address'));
  gaps.push(...emailGap(org.requests?.email, 'organization.requests.email', 'The request email'));
  gaps.push(...emailGap(org.dpo?.email, 'organization.dpo.email', "The data protection officer's email"));
  org.representatives?.forEach((rep, i) => {
    const where = rep.region === 'uk' ? 'the UK' : 'the EU';
    if (blank(rep.name)) {
      gaps.push({
        rule: 'name-missing',
        path: `organization.representatives[${i}].name`,
        message: `The representative in ${where} has no name: it must not be empty. Add the name of the person or company you designated, or remove the representative.`,
        field: NOT_EMPTY,
      });
    }
    gaps.push(...emailGap(rep.email, `organization.representatives[${i}].email`, `The email of the representative in ${where}`));
  });
  const authority = org.supervisoryAuthority;
  if (authority) {
    if (blank(authority.name)) {
      gaps.push({
        rule: 'name-missing',
        path: 'organization.supervisoryAuthority.name',
        message:
          'The supervisory authority has no name: it must not be empty. Add its name (such as "Data Protection Commission"), or remove the authority.',
        field: authority.name === undefined ? 'is required' : NOT_EMPTY,
      });
    }
    gaps.push(...urlGap(authority.url, 'organization.supervisoryAuthority.url', "The supervisory authority's website"));
  }
  return gaps;
}

function nameGap(name: string, noun: string, id: string, what: string): Gap[] {
  return blank(name)
    ? [
        {
          rule: 'name-missing',
          path: '.name',
          message: `The ${noun} "${id}" has no name: it must not be empty. Name it, so ${what}.`,
          field: NOT_EMPTY,
        },
      ]
    : [];
}

function purposeGaps(p: Purpose): Gap[] {
  const gaps = nameGap(p.name, 'purpose', p.id, 'the notice can say what the data is used for');
  if (p.use !== undefined && !USE_BY_KEY.has(p.use)) {
    gaps.push({
      rule: 'unknown-taxonomy-key',
      path: '.use',
      message: `${q(p.use)} is not a data use in the fideslang taxonomy. Choose one such as "essential.service" or "analytics.reporting".`,
      field: `${q(p.use)} is not a data use in the fideslang taxonomy; pick one such as "essential.service" or "analytics.reporting"`,
    });
  }
  const decision = p.automatedDecision;
  if (decision) {
    if (blank(decision.logic)) {
      gaps.push({
        rule: 'automated-decision-incomplete',
        path: '.automatedDecision.logic',
        message: `The automated decision of ${q(p.name || p.id)} does not explain its logic. Describe in plain words how the decision is made.`,
        field: NOT_EMPTY,
      });
    }
    if (blank(decision.consequences)) {
      gaps.push({
        rule: 'automated-decision-incomplete',
        path: '.automatedDecision.consequences',
        message: `The automated decision of ${q(p.name || p.id)} does not say its consequences. Describe what it means for the person.`,
        field: NOT_EMPTY,
      });
    }
  }
  return gaps;
}

function recipientGaps(r: Recipient): Gap[] {
  const gaps = nameGap(r.name, 'recipient', r.id, 'the notice can say who receives the data');
  gaps.push(...urlGap(r.safeguardsUrl, '.safeguardsUrl', 'The address of the safeguards'));
  gaps.push(...urlGap(r.privacyPolicyUrl, '.privacyPolicyUrl', 'The privacy policy address'));
  r.trackingDomains?.forEach((domain, j) => {
    if (blank(domain)) {
      gaps.push({
        rule: 'blank-tracking-domain',
        path: `.trackingDomains[${j}]`,
        message: `A tracking domain of ${q(r.name || r.id)} is empty. Add the domain (such as "analytics.example.com"), or remove the line.`,
        field: NOT_EMPTY,
      });
    }
  });
  return gaps;
}

function collectionPointGaps(c: CollectionPoint): Gap[] {
  return nameGap(c.name, 'collection point', c.id, 'the in-app texts can say where the data is collected');
}

function dataTypeGaps(d: DataType): Gap[] {
  const gaps = nameGap(d.name, 'data type', d.id, 'the notice can say what is collected');
  const name = q(d.name || d.id);
  if (blank(d.category)) {
    gaps.push({
      rule: 'category-missing',
      path: '.category',
      message: `${name} has no data category. Choose the category that describes it (such as "user.contact.email"); the store answers are worked out from it.`,
      field: NOT_EMPTY,
    });
  } else if (!CATEGORY_BY_KEY.has(d.category)) {
    gaps.push({
      rule: 'unknown-taxonomy-key',
      path: '.category',
      message: `${q(d.category)} is not a data category in the fideslang taxonomy. Choose one such as "user.contact.email".`,
      field: `${q(d.category)} is not a data category in the fideslang taxonomy; pick one such as "user.contact.email"`,
    });
  }
  d.subjects?.forEach((subject, j) => {
    if (!SUBJECT_BY_KEY.has(subject)) {
      gaps.push({
        rule: 'unknown-taxonomy-key',
        path: `.subjects[${j}]`,
        message: `${blank(subject) ? 'An empty subject' : q(subject)} is not a data subject in the fideslang taxonomy. Choose one such as "customer" or "employee", or remove it.`,
        field: blank(subject)
          ? NOT_EMPTY
          : `${q(subject)} is not a data subject in the fideslang taxonomy; pick one such as "customer" or "employee"`,
      });
    }
  });
  if (d.purposes.length === 0) {
    gaps.push({
      rule: 'no-purpose',
      path: '.purposes',
      message: `${name} has no purpose. Add at least one purpose it is collected for; the notice must say why.`,
      field: AT_LEAST_ONE,
    });
  }
  const retention = d.retention;
  if (retention) {
    if (retention.after === undefined && retention.criteria === undefined) {
      gaps.push({
        rule: 'incomplete-retention',
        path: '.retention',
        message: retention.period
          ? `The retention of ${name} has a period but not the event it counts from. Choose the event ("after account closure"), or explain the period in criteria.`
          : `The retention of ${name} does not say how long the data is kept. Set a period after an event, an event alone, or criteria in words.`,
        field: retention.period
          ? 'a period needs the event it counts from ("after") or criteria that explain it'
          : 'must say how long the data is kept: a period after an event, an event alone, or criteria in words',
      });
    }
    if (retention.criteria !== undefined && blank(retention.criteria)) {
      gaps.push({
        rule: 'incomplete-retention',
        path: '.retention.criteria',
        message: `The retention criteria of ${name} are empty. Describe how the period is decided, or remove the criteria.`,
        field: NOT_EMPTY,
      });
    }
  }
  if (d.recipientPurposes) {
    for (const [recipient, purposes] of Object.entries(d.recipientPurposes)) {
      if (purposes.length === 0) {
        gaps.push({
          rule: 'recipient-purposes-empty',
          path: `.recipientPurposes.${recipient}`,
          message: `${name} goes to ${q(recipient)} for no purpose. Choose at least one of its purposes, or remove the narrowing so the recipient gets it for all of them.`,
          field: AT_LEAST_ONE,
        });
      }
    }
  }
  return gaps;
}

// Entries are immutable snapshots in the editor (immer), so what one lacks is worked out once per
// version of it: a keystroke re-checks the entry it changed, not all 2,000.
const cache = new WeakMap<object, Gap[]>();

function cached<T extends object>(entry: T, check: (entry: T) => Gap[]): Gap[] {
  let gaps = cache.get(entry);
  if (!gaps) {
    gaps = check(entry);
    cache.set(entry, gaps);
  }
  return gaps;
}

let last: { workspace: Workspace; gaps: Gap[] } | undefined;

/**
 * Everything the workspace still lacks, with absolute paths, in file order. The workspace must be
 * structurally valid (`validateWorkspace`): types are trusted, emptiness is not.
 */
export function completenessGaps(workspace: Workspace): Gap[] {
  if (last?.workspace !== workspace) last = { workspace, gaps: findGaps(workspace) };
  return last.gaps;
}

function findGaps(workspace: Workspace): Gap[] {
  const out: Gap[] = [...cached(workspace.organization, organizationGaps)];
  const lists = [
    ['purposes', workspace.purposes, purposeGaps],
    ['recipients', workspace.recipients, recipientGaps],
    ['collectionPoints', workspace.collectionPoints, collectionPointGaps],
    ['dataTypes', workspace.dataTypes, dataTypeGaps],
  ] as const;
  for (const [list, entries, check] of lists) {
    entries.forEach((entry: object, i: number) => {
      for (const gap of cached(entry, check as (e: object) => Gap[])) out.push({ ...gap, path: `${list}[${i}]${gap.path}` });
    });
  }
  return out;
}

const RULES: Record<CompletenessRuleId, { title: string; description: string }> = {
  'name-missing': {
    title: 'Something has no name',
    description:
      'The organization, every purpose, recipient, collection point and data type, a representative and a supervisory authority are named in the documents; an empty name would print as a gap.',
  },
  'no-jurisdiction': {
    title: 'No jurisdiction chosen',
    description: 'Which laws apply (GDPR, UK GDPR, CCPA) decides what every document says; without one there is nothing to write.',
  },
  'malformed-web-address': {
    title: 'Web address not complete',
    description:
      'Links in the notices and store answers must work where they are read: an absolute https:// address. An address typed without a scheme ("example.com") counts as https://example.com.',
  },
  'malformed-email': {
    title: 'Email address not valid',
    description: 'People write to the addresses the notices print; each must be a complete email address.',
  },
  'no-purpose': {
    title: 'Data type without a purpose',
    description:
      'Every notice says why each kind of data is collected (GDPR Art 13(1)(c), 14(1)(c); CCPA §1798.100(a)(1)); the purposes also decide the lawful basis and the store answers.',
  },
  'category-missing': {
    title: 'Data type without a category',
    description: 'The data category (fideslang) decides the store classifications and the CCPA categories of a data type.',
  },
  'unknown-taxonomy-key': {
    title: 'Unknown taxonomy key',
    description:
      'Categories, subjects and data uses are keys of the fideslang taxonomy; a key typed by hand that is not in it is kept as written but classifies nothing.',
  },
  'incomplete-retention': {
    title: 'Retention not complete',
    description:
      'A retention says how long data is kept: a period after an event, an event alone, or criteria in words (GDPR Art 13(2)(a)).',
  },
  'automated-decision-incomplete': {
    title: 'Automated decision not explained',
    description:
      'A solely automated decision with legal or similarly significant effect is explained in the notice: its logic and its consequences for the person (GDPR Art 13(2)(f), 14(2)(g)).',
  },
  'recipient-purposes-empty': {
    title: 'Recipient narrowed to no purpose',
    description: 'A data type can say for which of its purposes a recipient receives it; an empty list says nothing.',
  },
  'blank-tracking-domain': {
    title: 'Empty tracking domain',
    description: 'The tracking domains of a recipient go into the app privacy manifest; an empty line would be an invalid entry.',
  },
};

export const completenessRules: RuleDefinition[] = COMPLETENESS_RULE_IDS.map((id) => ({
  id,
  severity: 'error',
  group: 'completeness',
  ...RULES[id],
  check: ({ workspace }) => completenessGaps(workspace).filter((gap) => gap.rule === id),
}));

/** What the workspace lacks as validation-style problems (path and field message), for the editor's fields and for imports. */
export function completenessProblems(workspace: Workspace): { path: string; message: string }[] {
  return completenessGaps(workspace).map((gap) => ({ path: gap.path, message: gap.field }));
}
