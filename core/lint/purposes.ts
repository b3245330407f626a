// Rules about purposes: the lawful basis each one states, and the interest behind legitimate interests.
import { q } from './facts';
import type { RuleDefinition } from './types';

export const purposeRules: RuleDefinition[] = [
  {
    id: 'missing-lawful-basis',
    severity: 'error',
    group: 'purposes',
    title: 'Purpose without a lawful basis',
    description:
      'The notice states the legal basis of every purpose (GDPR Art 13(1)(c), 14(1)(c)). Applies under the GDPR and the UK GDPR.',
    check: ({ europe, purposes }) =>
      !europe
        ? []
        : purposes
            .filter((p) => !p.purpose.lawfulBasis)
            .map((p) => ({
              path: `${p.at}.lawfulBasis`,
              message: `${q(p.name)} has no lawful basis. Choose the Art 6(1) basis it relies on (consent, contract, legal obligation, vital interests, public task or legitimate interests); the notice must state it.`,
            })),
  },
  {
    id: 'legitimate-interest-missing',
    severity: 'error',
    group: 'purposes',
    title: 'Legitimate interests without the interest',
    description:
      'A purpose based on legitimate interests must say which interest is pursued (GDPR Art 13(1)(d), 14(2)(b)). Applies under the GDPR and the UK GDPR.',
    check: ({ europe, purposes }) =>
      !europe
        ? []
        : purposes
            .filter((p) => p.purpose.lawfulBasis === 'legitimate-interests' && !p.purpose.legitimateInterest?.trim())
            .map((p) => ({
              path: `${p.at}.legitimateInterest`,
              message: `${q(p.name)} relies on legitimate interests but does not say which interest. Describe the interest you pursue and why it is not outweighed by the person's rights, in a sentence or two.`,
            })),
  },
];
