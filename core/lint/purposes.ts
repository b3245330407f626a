// Rules about purposes: the lawful basis each one states, the interest behind legitimate interests,
// the Art 22 ground of automated decisions and whether a purpose profiles people.
import { useMayProfile, useProfiles } from '../profiling';
import { USE_BY_KEY } from '../taxonomy';
import { listInWords } from '../words';
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
  {
    id: 'automated-decision-without-ground',
    severity: 'error',
    group: 'purposes',
    title: 'Automated decision without an Art 22(2) ground',
    description:
      'A decision with legal or similarly significant effect made solely by automated means is allowed only when it is necessary for a contract with the person, authorised by law, or based on their explicit consent (GDPR Art 22(2)); legitimate interests alone are not enough. The notice states the ground. Applies under the GDPR and the UK GDPR.',
    check: ({ europe, purposes }) =>
      !europe
        ? []
        : purposes
            .filter((p) => p.purpose.automatedDecision && !p.purpose.automatedDecision.ground)
            .map((p) => ({
              path: `${p.at}.automatedDecision.ground`,
              message:
                p.purpose.lawfulBasis === 'legitimate-interests'
                  ? `${q(p.name)} makes an automated decision on legitimate interests alone, which Art 22(2) does not allow. Choose the ground that does apply (necessary for a contract with the person, authorised by law, or their explicit consent), or have a person take the decision.`
                  : `${q(p.name)} makes an automated decision without saying which Art 22(2) ground allows it. Choose: necessary for a contract with the person, authorised by law, or their explicit consent.`,
            })),
  },
  {
    id: 'automated-decision-special-category',
    severity: 'error',
    group: 'purposes',
    title: 'Automated decision on special-category data without explicit consent or law',
    description:
      'An automated decision may use special-category data only with the explicit consent of the person or for reasons of substantial public interest set out in law (GDPR Art 22(4), Art 9(2)(a) or (g)). Applies under the GDPR and the UK GDPR.',
    check: ({ europe, purposes, dataTypes }) =>
      !europe
        ? []
        : purposes
            .filter((p) => p.purpose.automatedDecision)
            .flatMap((p) => {
              const wrong = p.usedBy
                .map((i) => dataTypes[i])
                .filter(
                  (d) =>
                    d.classification.gdprSpecial &&
                    d.dataType.specialCondition !== 'explicit-consent' &&
                    d.dataType.specialCondition !== 'substantial-public-interest',
                );
              if (wrong.length === 0) return [];
              return [
                {
                  path: `${p.at}.automatedDecision`,
                  message: `${q(p.name)} makes an automated decision with special-category data (${listInWords(wrong.map((d) => q(d.name)))}) whose Art 9(2) condition is neither explicit consent nor substantial public interest set out in law. Art 22(4) allows only those two. Set one of them as the condition, or leave that data out of the decision.`,
                },
              ];
            }),
  },
  {
    id: 'profiling-not-flagged',
    severity: 'warning',
    group: 'purposes',
    title: 'Profiling purpose not flagged',
    description:
      'The notice explains profiling and the right to object to it, and the record of processing says whether each purpose profiles (GDPR Art 13(2)(f), 21, 30). A purpose whose data use profiles by definition (targeted advertising, profiled personalisation) but is marked as not profiling, and a purpose whose use may or may not profile (personalisation, advertising, fraud detection) or that has no use although its name speaks of advertising, personalisation, recommendations or scoring, needs the team to say. Applies under the GDPR and the UK GDPR.',
    check: ({ europe, purposes }) =>
      !europe
        ? []
        : purposes.flatMap((p) => {
            const { use, profiling } = p.purpose;
            const useName = use ? q(USE_BY_KEY.get(use)?.name ?? use) : '';
            if (profiling === false && useProfiles(use))
              return [
                {
                  path: `${p.at}.profiling`,
                  message: `${q(p.name)} is marked as not profiling, but its data use, ${useName}, builds or uses a profile of the person by definition. Mark it as profiling, or choose the data use that describes what it really does.`,
                },
              ];
            if (profiling !== undefined) return [];
            if (useMayProfile(use))
              return [
                {
                  path: `${p.at}.profiling`,
                  message: `${q(p.name)} has the data use ${useName}, which may or may not profile people (evaluate or predict their interests, behaviour or reliability). Say whether it does, so the notice and the record of processing can say so.`,
                },
              ];
            if (!use && PROFILING_NAME.test(p.purpose.name))
              return [
                {
                  path: `${p.at}.use`,
                  message: `${q(p.name)} sounds like advertising, personalisation or scoring but has no data use. Choose its data use, or say whether it profiles people.`,
                },
              ];
            return [];
          }),
  },
];

// Names that suggest profiling; only consulted for purposes without a data use.
const PROFILING_NAME = /\b(advert|ads?\b|targeted|personali[sz]|recommend|suggest|scor(e|ing)\b|profil)/i;
