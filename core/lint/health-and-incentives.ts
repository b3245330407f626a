// Rules for the two documents of the US laws that stand apart from the privacy notice: the notice of
// financial incentive (CCPA, 11 CCR 7016) and the Consumer Health Data Privacy Policy (Washington's My
// Health My Data Act, RCW 19.373, and Nevada SB 370), with the consent those health laws require.
import { consumerHealthOf, healthLawsIn, receivesHealthDataAsSharing } from '../consumer-health';
import type { FinancialIncentive } from '../schema';
import { usStatesIn } from '../us-states';
import { listInWords } from '../words';
import { q, type DataTypeFacts, type WorkspaceFacts } from './facts';
import type { RuleDefinition } from './types';

// What 11 CCR 7016(b) asks the notice to give for each incentive, by field, with what to write.
const INCENTIVE_FIELDS: { field: keyof FinancialIncentive; what: string }[] = [
  { field: 'summary', what: 'a short summary of what is offered (§7016(b)(1))' },
  { field: 'dataTypes', what: 'the data types it involves, so the notice can name the categories of personal information (§7016(b)(2))' },
  { field: 'optIn', what: 'how a person joins (§7016(b)(3))' },
  { field: 'withdraw', what: 'how a person withdraws at any time (§7016(b)(4))' },
  { field: 'value', what: 'a good-faith estimate of the value of the person’s data (§7016(b)(5)(A))' },
  { field: 'valueMethod', what: 'the method used to calculate that estimate (§7016(b)(5)(B))' },
];

const FIELD_NAMES: Partial<Record<keyof FinancialIncentive, string>> = {
  summary: 'summary',
  dataTypes: 'data types',
  optIn: 'way to opt in',
  withdraw: 'way to withdraw',
  value: 'value estimate',
  valueMethod: 'method for its value estimate',
};

function isMissing(incentive: FinancialIncentive, field: keyof FinancialIncentive): boolean {
  const value = incentive[field];
  if (Array.isArray(value)) return value.length === 0;
  return typeof value !== 'string' || value.trim() === '';
}

/** The consumer health data of a workspace that names Washington or Nevada; none otherwise. */
export function consumerHealthData(facts: WorkspaceFacts): DataTypeFacts[] {
  if (healthLawsIn(facts.workspace.organization.jurisdictions).length === 0) return [];
  return facts.dataTypes.filter((d) => consumerHealthOf(d.dataType).value);
}

/** "Washington's My Health My Data Act and Nevada's consumer health data law", for a message. */
function healthLaws(facts: WorkspaceFacts): string {
  const names: Record<string, string> = {
    'us-wa': 'Washington’s My Health My Data Act',
    'us-nv': 'Nevada’s consumer health data law',
  };
  return listInWords(healthLawsIn(facts.workspace.organization.jurisdictions).map((s) => names[s.id] ?? s.law));
}

/**
 * Collected and shared because every purpose is the service the person asked for, which the health laws
 * allow without consent (RCW 19.373.030): the contract basis is how the workspace records that.
 */
export function collectedAsNecessary(d: DataTypeFacts): boolean {
  return d.purposes.length > 0 && d.purposes.every((p) => p.purpose.lawfulBasis === 'contract');
}

/** The recipients of a data type to whom giving it is "sharing" under the health laws: anyone but a processor. */
export function healthDataSharedWith(d: DataTypeFacts): DataTypeFacts['recipients'] {
  return d.recipients.filter((r) => receivesHealthDataAsSharing(r.recipient));
}

export const healthAndIncentiveRules: RuleDefinition[] = [
  {
    id: 'financial-incentive-incomplete',
    severity: 'error',
    group: 'organization',
    title: 'Financial incentive without what its notice must say',
    description:
      'The notice of financial incentive gives, for each incentive, a summary, the categories of personal information involved, how to opt in, the right to withdraw and how, and a good-faith estimate of the value of the person’s data with the method used to calculate it (11 CCR 7016(b)). A business that cannot estimate the value in good faith may not offer the incentive. Applies under the CCPA.',
    check: ({ ccpa, workspace }) => {
      if (!ccpa) return [];
      return (workspace.financialIncentives ?? []).flatMap((incentive, index) =>
        INCENTIVE_FIELDS.filter(({ field }) => isMissing(incentive, field)).map(({ field, what }) => ({
          path: `financialIncentives[${index}].${field}`,
          message: `The financial incentive ${q(incentive.name.trim() || incentive.id)} has no ${FIELD_NAMES[field]}. Add ${what}; the notice of financial incentive must give it.`,
        })),
      );
    },
  },
  {
    id: 'consumer-health-policy-link-missing',
    severity: 'warning',
    group: 'organization',
    title: 'No address for the Consumer Health Data Privacy Policy',
    description:
      'Washington’s My Health My Data Act asks for the Consumer Health Data Privacy Policy to be linked prominently from the homepage (RCW 19.373). Applies when the workspace names Washington or Nevada and has consumer health data; with the address recorded, the privacy notice links to the policy.',
    check: (facts) =>
      consumerHealthData(facts).length === 0 || facts.workspace.organization.consumerHealthPolicyUrl?.trim()
        ? []
        : [
            {
              path: 'organization.consumerHealthPolicyUrl',
              message:
                'Candor writes a Consumer Health Data Privacy Policy for this workspace, but no address is recorded where it is published. Add its address under Organization once it is published and linked prominently from your homepage, so the privacy notice links to it.',
            },
          ],
  },
  {
    id: 'consumer-health-consent-to-collect',
    severity: 'error',
    group: 'data-types',
    title: 'Consumer health data collected without recorded consent',
    description:
      'Washington’s My Health My Data Act (RCW 19.373.030) and Nevada SB 370 allow consumer health data to be collected only with the person’s consent, unless it is necessary to provide the product or service the person asked for. Applies to each consumer health data type when the workspace names Washington or Nevada, until its consent to collect is recorded or every purpose it serves relies on the contract with the person.',
    check: (facts) =>
      consumerHealthData(facts)
        .filter((d) => d.dataType.consent?.collection !== true && !collectedAsNecessary(d))
        .map((d) => ({
          path: `${d.at}.consent.collection`,
          message: `${q(d.name)} is consumer health data, and ${healthLaws(facts)} ${healthLawsIn(facts.workspace.organization.jurisdictions).length === 1 ? 'requires' : 'require'} the person’s consent before it is collected unless it is necessary for the service they asked for. Mark under Sensitivity that consent is asked for before collection, and say how.`,
        })),
  },
  {
    id: 'consumer-health-consent-to-share',
    severity: 'error',
    group: 'data-types',
    title: 'Consumer health data shared without recorded consent',
    description:
      'Sharing consumer health data with anyone other than a processor (a third party or an affiliate) needs the person’s consent, separate from the consent to collect it, unless it is necessary to provide the product or service the person asked for (RCW 19.373.030; Nevada SB 370). Applies to each consumer health data type with such a recipient when the workspace names Washington or Nevada, until its consent to share is recorded or every purpose it serves relies on the contract with the person.',
    check: (facts) =>
      consumerHealthData(facts)
        .filter((d) => healthDataSharedWith(d).length > 0 && d.dataType.consent?.sharing !== true && !collectedAsNecessary(d))
        .map((d) => ({
          path: `${d.at}.consent.sharing`,
          message: `${q(d.name)} is consumer health data shared with ${listInWords(healthDataSharedWith(d).map((r) => q(facts.recipients[r.index].name)))}, which needs the person’s separate consent under ${healthLaws(facts)}. Mark under Sensitivity that separate consent to share is asked for, or make the recipients processors if they act only on your behalf.`,
        })),
  },
  {
    id: 'consumer-health-sold',
    severity: 'warning',
    group: 'data-types',
    title: 'Consumer health data sold',
    description:
      'Selling consumer health data needs a valid authorisation signed by the person, separate from any consent, that names the buyer and the data, and expires after one year (RCW 19.373.070; Nevada SB 370 likewise); the policy says so. Candor cannot see the authorisation: accept this warning, with where the signed authorisations are kept, once they are in place. Applies when the workspace names Washington or Nevada.',
    check: (facts) =>
      consumerHealthData(facts).flatMap((d) =>
        d.recipients
          .filter((r) => r.recipient.sells === true)
          .map((r) => ({
            path: `${d.at}.recipients[${(d.dataType.recipients ?? []).indexOf(r.recipient.id)}]`,
            message: `${q(d.name)} is consumer health data sold to ${q(facts.recipients[r.index].name)}. ${healthLaws(facts)} allow${healthLawsIn(facts.workspace.organization.jurisdictions).length === 1 ? 's' : ''} a sale only with an authorisation the person signs, separate from their consent, which the policy promises; make sure one is obtained before each sale, or stop the sale.`,
          })),
      ),
  },
  {
    id: 'consumer-health-appeal-missing',
    severity: 'error',
    group: 'organization',
    title: 'No way to appeal a refused consumer health data request',
    description:
      'Washington’s My Health My Data Act lets people appeal a refusal to act on their request, and asks the Consumer Health Data Privacy Policy to say how, with the Attorney General to contact if the appeal is denied (RCW 19.373.040). Applies when the workspace names Washington and has consumer health data; where a comprehensive state law with an appeal right is named too, its own rule reports it.',
    check: (facts) => {
      const { jurisdictions, requests } = facts.workspace.organization;
      if (!jurisdictions.includes('us-wa') || consumerHealthData(facts).length === 0 || requests?.appeal?.trim()) return [];
      if (usStatesIn(jurisdictions).some((s) => s.appeal)) return [];
      return [
        {
          path: 'organization.requests.appeal',
          message:
            'Washington’s My Health My Data Act lets people appeal when you refuse a request about their consumer health data, but no way to appeal is recorded. Under Organization, add the web address, the email address or a sentence saying how to appeal.',
        },
      ];
    },
  },
];
