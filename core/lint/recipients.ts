// Rules about recipients: where they process data, how transfers are protected, and their role.
import { countryInText } from '../countries';
import { q, transferArea } from './facts';
import type { RuleDefinition } from './types';

export const recipientRules: RuleDefinition[] = [
  {
    id: 'transfer-without-safeguard',
    severity: 'error',
    group: 'recipients',
    title: 'Transfer outside the EEA/UK without a safeguard',
    description:
      'A recipient outside the EEA (GDPR) or outside the UK and the EEA (UK GDPR) receives a transfer to a third country, which needs an adequacy decision, standard contractual clauses, binding corporate rules or an Art 49 derogation, named in the notice (Art 13(1)(f), Chapter V). A safeguard of "none" is reported too. Applies under the GDPR and the UK GDPR.',
    check: ({ recipients }) =>
      recipients
        .filter((r) => (r.transfer.eu || r.transfer.uk) && (!r.recipient.transferSafeguard || r.recipient.transferSafeguard === 'none'))
        .map((r) => {
          const where = `${countryInText(r.recipient.country!)}, outside ${transferArea(r.transfer)}`;
          const problem =
            r.recipient.transferSafeguard === 'none'
              ? `its transfer safeguard is "none", and a transfer without one is not allowed`
              : 'no transfer safeguard is set';
          return {
            path: `${r.at}.transferSafeguard`,
            message: `${q(r.name)} processes data in ${where}, but ${problem}. Choose the safeguard that covers the transfer: an adequacy decision, standard contractual clauses, binding corporate rules or an Art 49 derogation.`,
          };
        }),
  },
  {
    id: 'recipient-role-missing',
    severity: 'warning',
    group: 'recipients',
    title: 'Recipient without a role',
    description:
      'The notice groups recipients by role (service providers, controllers, joint controllers, public authorities), the CCPA privacy policy lists the categories of third parties, and Google Play counts data given to anyone but a processor as shared. Applies in every jurisdiction.',
    check: ({ recipients }) =>
      recipients
        .filter((r) => !r.recipient.role)
        .map((r) => ({
          path: `${r.at}.role`,
          message: `Say what role ${q(r.name)} plays: processor (acts only on your instructions), controller, joint controller or public authority. The notice groups recipients by role, and Google Play counts data given to anyone but a processor as shared.`,
        })),
  },
  {
    id: 'recipient-country-unknown',
    severity: 'info',
    group: 'recipients',
    title: 'Processor without a country',
    description:
      'A processor works where you have agreed with it, so its country is known; without it the notice cannot say whether data leaves the EEA or the UK. Applies under the GDPR and the UK GDPR.',
    check: ({ europe, recipients }) =>
      !europe
        ? []
        : recipients
            .filter((r) => r.recipient.role === 'processor' && !r.recipient.country)
            .map((r) => ({
              path: `${r.at}.country`,
              message: `Add the country where ${q(r.name)} processes the data, so the notice can say whether it leaves the EEA or the UK and how that transfer is protected.`,
            })),
  },
];
