// Rules for the comprehensive privacy laws of the US states other than California (resources/us-states.json):
// the appeal of a refused request, consent to process sensitive data, the opt-out of sale and targeted
// advertising, and universal opt-out signals. Each applies only where one of the workspace's states asks
// for it, and names those states.
import type { UsStateLaw } from '../us-states';
import { capitalize, listInWords } from '../words';
import { q } from './facts';
import type { RuleDefinition } from './types';

/** "Virginia, Colorado and 4 more" */
function stateList(states: readonly UsStateLaw[]): string {
  return listInWords(
    states.map((s) => s.state),
    { atMost: 3 },
  );
}

const law = (states: readonly UsStateLaw[]) =>
  states.length === 1 ? `${states[0].state}'s privacy law` : `the privacy laws of ${stateList(states)}`;

export const usStateRules: RuleDefinition[] = [
  {
    id: 'us-appeal-missing',
    severity: 'error',
    group: 'organization',
    title: 'No way to appeal a refused request',
    description:
      'The comprehensive state privacy laws (all but Utah’s) ask a business to let people appeal a refusal to act on their request, to describe how in the privacy notice, and to tell them they can contact the state Attorney General if the appeal is denied. Applies when the workspace names one of those states.',
    check: ({ usStates, workspace }) => {
      const states = usStates.filter((s) => s.appeal);
      if (states.length === 0 || workspace.organization.requests?.appeal?.trim()) return [];
      return [
        {
          path: 'organization.requests.appeal',
          message: `${capitalize(law(states))} ${states.length === 1 ? 'lets' : 'let'} people appeal when you refuse a request, but no way to appeal is recorded. Under Organization, add the web address, the email address or a sentence saying how to appeal, so the notice can tell people.`,
        },
      ];
    },
  },
  {
    id: 'us-sensitive-without-consent',
    severity: 'error',
    group: 'data-types',
    title: 'Sensitive data without recorded consent',
    description:
      'Most comprehensive state privacy laws allow sensitive data (health, biometric or genetic data, precise location, racial or ethnic origin, religious beliefs, sexual orientation, immigration status) to be processed only with the person’s opt-in consent; Utah and Iowa ask for notice and a chance to opt out instead, and Maryland allows it only where strictly necessary. Applies to each sensitive data type when the workspace names a state that asks for consent, until the data type records that consent is obtained before collection.',
    check: ({ usStates, dataTypes }) => {
      const states = usStates.filter((s) => s.sensitiveData === 'opt-in');
      if (states.length === 0) return [];
      return dataTypes
        .filter((d) => d.stateSensitive && d.dataType.consent?.collection !== true)
        .map((d) => ({
          path: `${d.at}.consent.collection`,
          message: `${q(d.name)} is sensitive data, which ${law(states)} ${states.length === 1 ? 'allows' : 'allow'} to be processed only with the person's consent. Ask for consent before collecting it and record that under the data type's consent, or remove the data type.`,
        }));
    },
  },
  {
    id: 'us-sensitive-sold-maryland',
    severity: 'error',
    group: 'data-types',
    title: 'Sensitive data sold under Maryland’s law',
    description:
      'Maryland’s Online Data Privacy Act allows sensitive data to be collected, processed or shared only where strictly necessary to provide or maintain a product or service the person asked for, and never to be sold; the notice says so. Applies when the workspace names Maryland and a sensitive data type goes to a recipient that buys it.',
    check: ({ usStates, dataTypes }) => {
      if (!usStates.some((s) => s.sensitiveData === 'strictly-necessary')) return [];
      return dataTypes
        .filter((d) => d.stateSensitive && d.sold)
        .map((d) => ({
          path: `${d.at}.recipients`,
          message: `${q(d.name)} is sensitive data and goes to a recipient that buys it, which Maryland's privacy law forbids. Stop selling it, or take Maryland out of the jurisdictions if the law does not apply to you.`,
        }));
    },
  },
  {
    id: 'us-opt-out-missing',
    severity: 'error',
    group: 'organization',
    title: 'Data sold or used for targeted advertising without an opt-out',
    description:
      'The comprehensive state privacy laws give people the right to opt out of the sale of their personal data and of its processing for targeted advertising, and ask the privacy notice to say how. Applies when the workspace names one of those states and a data type goes to a recipient that buys it or uses it for advertising, or serves a purpose whose data use is targeted advertising.',
    check: ({ usStates, soldOrTargeted, workspace }) => {
      const org = workspace.organization;
      if (usStates.length === 0 || soldOrTargeted.length === 0 || org.optOutUrl || org.alternativeOptOutUrl) return [];
      const names = listInWords(
        soldOrTargeted.map((d) => q(d.name)),
        { atMost: 3 },
      );
      return [
        {
          path: 'organization.optOutUrl',
          message: `${names} ${soldOrTargeted.length === 1 ? 'is' : 'are'} sold or used for targeted advertising, and ${law(usStates)} ${usStates.length === 1 ? 'gives' : 'give'} people the right to opt out, but there is no opt-out page. Add its address under Organization.`,
        },
      ];
    },
  },
  {
    id: 'us-opt-out-signals-not-honoured',
    severity: 'error',
    group: 'organization',
    title: 'Universal opt-out signals not honoured',
    description:
      'Colorado, Connecticut, Texas, Oregon, Montana, Delaware, Nebraska, New Hampshire, New Jersey, Minnesota and Maryland ask a business that sells personal data or uses it for targeted advertising to treat a universal opt-out signal, such as Global Privacy Control, as a request to opt out. Applies when the workspace names one of them and data is sold or used for targeted advertising.',
    check: ({ usStates, soldOrTargeted, workspace }) => {
      const states = usStates.filter((s) => s.universalOptOut);
      if (states.length === 0 || soldOrTargeted.length === 0 || workspace.organization.usPrivacy?.optOutSignals === true) return [];
      return [
        {
          path: 'organization.usPrivacy.optOutSignals',
          message: `Data is sold or used for targeted advertising, and ${law(states)} ${states.length === 1 ? 'requires' : 'require'} you to honour universal opt-out signals such as Global Privacy Control, but they are not recorded as honoured. Mark them as honoured under Organization once you honour them, and say how.`,
        },
      ];
    },
  },
];
