// The data elements breach laws name (Cal. Civ. Code 1798.82(h)) and the sensitive kinds of data the EDPB
// weighs (special categories, credentials, financial data, precise location, children's data), found in the
// inventory's data types: from the fideslang category, the sensitivity flags, the CCPA categories and, for
// what the taxonomy has no key for (a Social Security number, a card's security code, security questions),
// the words the team used in the data type's name. Each match carries its reason, and whether the data type
// certainly holds the element or only may (then the team checks, and a state law reads "check").
import type { DataType } from '../schema';
import type { BreachElement } from './types';

export type ElementCertainty = 'definite' | 'possible';

export interface ElementMatch {
  element: BreachElement;
  /** the data types it was found in, by id (two for a name made of a first and a last name) */
  dataTypes: string[];
  certainty: ElementCertainty;
  /** one plain sentence: why this data type holds (or may hold) this element */
  reason: string;
}

/** Every element in the order Candor lists them: California's elements first, as 1798.82(h) lists them. */
export const BREACH_ELEMENTS: readonly BreachElement[] = [
  'name',
  'ssn',
  'government-id',
  'account-number',
  'card-number',
  'account-access-code',
  'medical',
  'health-insurance',
  'biometric',
  'licence-plate',
  'genetic',
  'username-or-email',
  'password',
  'security-question',
  'special-category',
  'precise-location',
  'children',
];

/** How each element is named in plain words (drafts, the app, the CLI). */
export const BREACH_ELEMENT_LABELS: Record<BreachElement, string> = {
  name: 'name',
  ssn: 'Social Security number',
  'government-id': "driver's licence, passport or other government ID number",
  'account-number': 'financial account number',
  'card-number': 'credit or debit card number',
  'account-access-code': 'security code, access code or password for a financial account',
  medical: 'medical information',
  'health-insurance': 'health insurance information',
  biometric: 'biometric data',
  'licence-plate': 'licence plate recognition data',
  genetic: 'genetic data',
  'username-or-email': 'username or email address',
  password: 'password',
  'security-question': 'security question and answer',
  'special-category': 'special category data (GDPR Art 9)',
  'precise-location': 'precise location',
  children: "children's data",
};

interface Rule {
  element: BreachElement;
  certainty: ElementCertainty;
  reason: string;
}

const definite = (element: BreachElement, reason: string): Rule => ({ element, certainty: 'definite', reason });
const possible = (element: BreachElement, reason: string): Rule => ({ element, certainty: 'possible', reason });

const NATIONAL_ID_RULE = definite('government-id', 'A national identification number issued by a state.');

/**
 * By fideslang category key. A key's rules apply to it and to every key below it, unless a more specific
 * key has rules of its own (`user.biometric.health` is health data, not the biometric data used to log in).
 */
const CATEGORY_RULES: Record<string, Rule[]> = {
  'user.name': [definite('name', "A person's real name.")],
  'user.name.first': [possible('name', 'A first name: a name in the sense of 1798.82(h)(1) only together with the last name.')],
  'user.name.last': [possible('name', 'A last name: a name in the sense of 1798.82(h)(1) together with the first name or its initial.')],
  'user.government_id': [definite('government-id', 'Identification issued by a state, such as an identity document or its number.')],
  'user.government_id.drivers_license_number': [definite('government-id', "A driver's licence number.")],
  'user.government_id.passport_number': [definite('government-id', 'A passport number.')],
  'user.government_id.national_identification_number': [
    NATIONAL_ID_RULE,
    possible('ssn', 'A national identification number: in the United States, the Social Security number.'),
  ],
  'user.government_id.birth_certificate': [
    possible('government-id', 'A birth certificate: its number is a government ID number if it is used to verify who someone is.'),
  ],
  'user.government_id.immigration': [
    possible('government-id', 'Immigration or residency data: the number of a residence permit or visa is a government ID number.'),
  ],
  'user.government_id.vehicle_registration': [
    possible(
      'licence-plate',
      'A licence plate or vehicle registration: California names only data collected by automated licence plate recognition systems.',
    ),
  ],
  'user.financial': [possible('account-number', 'Payment data and financial history, which may include account numbers.')],
  'user.financial.bank_account': [definite('account-number', 'A bank account number.')],
  'user.financial.credit_card': [definite('card-number', 'A credit or debit card number.')],
  'user.payment': [possible('card-number', 'Payment data, which may include card numbers.')],
  'user.authorization': [possible('password', 'Access permissions, which may include secrets that open an account.')],
  'user.authorization.password': [definite('password', 'A password that opens an account.')],
  'user.authorization.credentials': [
    definite('password', 'Credentials: the secret that opens an account.'),
    possible('username-or-email', 'Credentials, which usually include the username that goes with the secret.'),
  ],
  'user.authorization.biometric': [
    definite('biometric', 'Biometric data used to log in: it authenticates a specific person.'),
    definite('special-category', 'Biometric data used to identify a person uniquely (GDPR Art 9).'),
  ],
  'user.biometric': [
    possible('biometric', 'Biometric characteristics: the breach law names those used to authenticate a specific person.'),
    possible('special-category', 'Biometric data: a special category when it is used to identify a person uniquely (GDPR Art 9).'),
  ],
  'user.biometric.fingerprint': [
    definite('biometric', 'A fingerprint: unique biometric data of the kind used to authenticate a person.'),
    definite('special-category', 'A fingerprint: biometric data that identifies a person uniquely (GDPR Art 9).'),
  ],
  'user.biometric.retinal': [
    definite('biometric', 'A retina or iris image: unique biometric data of the kind used to authenticate a person.'),
    definite('special-category', 'A retina or iris image: biometric data that identifies a person uniquely (GDPR Art 9).'),
  ],
  'user.biometric.voice': [
    possible('biometric', 'A voice print: biometric data in the breach law when it is used to authenticate the speaker.'),
    possible('special-category', 'A voice print: a special category when it is used to identify the speaker (GDPR Art 9).'),
  ],
  'user.biometric.health': [
    definite('special-category', 'Measurements of the body such as heart rate: data concerning health (GDPR Art 9).'),
    possible('medical', "Health measurements: medical information in the breach law if they describe a person's physical condition."),
  ],
  'user.health_and_medical': [
    definite('medical', "Health records or medical information: a person's medical history, condition or treatment."),
    definite('special-category', 'Data concerning health (GDPR Art 9).'),
  ],
  'user.health_and_medical.genetic': [
    definite('genetic', "Genetic data: information about a person's genetic makeup."),
    definite('special-category', 'Genetic data (GDPR Art 9).'),
  ],
  'user.health_and_medical.insurance_beneficiary_id': [
    definite('health-insurance', 'A health insurance beneficiary number.'),
    definite('special-category', 'A number given to a person for health purposes is data concerning health (GDPR recital 35).'),
  ],
  'user.demographic.political_opinion': [definite('special-category', 'Political opinions (GDPR Art 9).')],
  'user.demographic.race_ethnicity': [definite('special-category', 'Racial or ethnic origin (GDPR Art 9).')],
  'user.demographic.religious_belief': [definite('special-category', 'Religious or philosophical beliefs (GDPR Art 9).')],
  'user.demographic.sexual_orientation': [definite('special-category', 'Sexual orientation (GDPR Art 9).')],
  'user.location.precise': [definite('precise-location', 'Precise location: where the person is or was, to within a few metres.')],
  'user.contact.email': [definite('username-or-email', 'An email address, which often is the login to an account.')],
  'user.account.username': [definite('username-or-email', 'A username for an account.')],
  'user.childrens': [definite('children', 'Data about children.')],
};

/** The rules of the most specific key in the category's lineage that has rules. */
function categoryRules(category: string): Rule[] {
  let key = category.trim();
  while (key) {
    const rules = CATEGORY_RULES[key];
    if (rules) return rules;
    key = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '';
  }
  return [];
}

/** What the taxonomy has no key for, recognised in the words the team used for the data type. */
const WORDING_RULES: { pattern: RegExp; rules: Rule[] }[] = [
  {
    pattern: /\bssns?\b|social security/i,
    rules: [definite('ssn', 'Named as a Social Security number.')],
  },
  {
    pattern: /\b(tax (id|identification)|itins?|tins?|military id|passports?|driver'?s licen[cs]es?|driving licen[cs]es?)\b/i,
    rules: [definite('government-id', 'Named as a government ID number (tax, military, passport or driving licence).')],
  },
  {
    pattern:
      /\b(id|identity|identification) (cards?|documents?)\b|\bphoto ids?\b|\b(scans?|scanned|photos?|cop(y|ies))( of)?( (an?|the|their|users'?|customers'?))? (ids|identity|passports?|driver'?s licen[cs]es?)\b/i,
    rules: [definite('government-id', 'Named as an identity document.'), definite('name', "An identity document shows its holder's name.")],
  },
  {
    pattern: /\b(cvv2?|cvc2?|card security code|card verification|security codes?|access codes?|pin codes?|pin numbers?)\b/i,
    rules: [definite('account-access-code', 'Named as a security or access code for an account or card.')],
  },
  {
    pattern: /\b(security|secret) (questions?|answers?)\b/i,
    rules: [definite('security-question', 'Named as a security question and answer that can open an account.')],
  },
  {
    pattern: /\b(alpr|licen[cs]e plate recognition|number plate recognition)\b/i,
    rules: [definite('licence-plate', 'Named as data from automated licence plate recognition.')],
  },
  {
    pattern: /\bhealth insurance\b/i,
    rules: [definite('health-insurance', 'Named as health insurance information.')],
  },
];

/** The elements one data type holds or may hold, each once, in Candor's order; definite before possible. */
export function dataTypeElements(dataType: DataType): ElementMatch[] {
  const rules: Rule[] = [...categoryRules(dataType.category)];
  const words = `${dataType.name} ${dataType.id.replace(/-/g, ' ')}`;
  for (const { pattern, rules: named } of WORDING_RULES) if (pattern.test(words)) rules.push(...named);
  const sensitivity = dataType.sensitivity ?? {};
  if (sensitivity.gdprSpecial)
    rules.push(definite('special-category', 'Marked in the inventory as a special category of data (GDPR Art 9).'));
  if (sensitivity.consumerHealth) {
    rules.push(definite('special-category', "Marked in the inventory as consumer health data: data about a person's health (GDPR Art 9)."));
    rules.push(
      possible('medical', "Consumer health data: medical information in the breach law if it describes a person's condition or treatment."),
    );
  }
  const ccpa = dataType.classification?.ccpa ?? [];
  if (ccpa.includes('biometric')) {
    rules.push(
      possible(
        'biometric',
        'Classed as CCPA biometric information, which is wider than the breach law: only data used to authenticate counts.',
      ),
    );
  }
  if (ccpa.includes('geolocation')) rules.push(possible('precise-location', 'Classed as CCPA geolocation data, which may be precise.'));
  if (ccpa.includes('protected-classifications')) {
    rules.push(
      possible('special-category', 'Classed as characteristics of protected classifications, some of which are special categories.'),
    );
  }
  const byElement = new Map<BreachElement, Rule>();
  for (const rule of rules) {
    const seen = byElement.get(rule.element);
    if (!seen || (seen.certainty === 'possible' && rule.certainty === 'definite')) byElement.set(rule.element, rule);
  }
  // A national identification number named as the Social Security number is that, and not a second ID
  // number besides it (1798.82(h)(1) lists the two apart).
  if (byElement.get('ssn')?.certainty === 'definite' && byElement.get('government-id') === NATIONAL_ID_RULE)
    byElement.delete('government-id');
  return BREACH_ELEMENTS.filter((e) => byElement.has(e)).map((e) => {
    const { certainty, reason } = byElement.get(e)!;
    return { element: e, dataTypes: [dataType.id], certainty, reason };
  });
}

const isCategory = (d: DataType, key: string) => d.category.trim() === key || d.category.trim().startsWith(`${key}.`);

/**
 * The elements a set of data types holds together, each once: definite wherever one data type certainly holds
 * it, and a first name with a last name make a name. In Candor's order.
 */
export function breachElementMatches(dataTypes: readonly DataType[]): ElementMatch[] {
  const merged = new Map<BreachElement, ElementMatch>();
  for (const d of dataTypes) {
    for (const match of dataTypeElements(d)) {
      const seen = merged.get(match.element);
      if (!seen) merged.set(match.element, { ...match, dataTypes: [...match.dataTypes] });
      else if (seen.certainty === 'possible' && match.certainty === 'definite')
        merged.set(match.element, { ...match, dataTypes: [...match.dataTypes] });
      else if (seen.certainty === match.certainty) seen.dataTypes.push(...match.dataTypes.filter((id) => !seen.dataTypes.includes(id)));
    }
  }
  const firsts = dataTypes.filter((d) => isCategory(d, 'user.name.first'));
  const lasts = dataTypes.filter((d) => isCategory(d, 'user.name.last'));
  if (merged.get('name')?.certainty !== 'definite' && firsts.length > 0 && lasts.length > 0) {
    merged.set('name', {
      element: 'name',
      dataTypes: [...firsts, ...lasts].map((d) => d.id),
      certainty: 'definite',
      reason: 'A first name together with a last name.',
    });
  }
  return BREACH_ELEMENTS.filter((e) => merged.has(e)).map((e) => merged.get(e)!);
}

/** The elements the data types certainly hold, in Candor's order. */
export function breachElements(dataTypes: readonly DataType[]): BreachElement[] {
  return breachElementMatches(dataTypes)
    .filter((m) => m.certainty === 'definite')
    .map((m) => m.element);
}

/** The elements one data type certainly holds, in Candor's order. */
export function dataTypeBreachElements(dataType: DataType): BreachElement[] {
  return breachElements([dataType]);
}
