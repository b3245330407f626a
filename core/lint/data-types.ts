// Rules about each data type: the benefit, retention, special categories, where it comes from and
// whether the person has to provide it.
import { RETENTION_EVENT_LABELS } from '../retention';
import { listInWords } from '../words';
import { q } from './facts';
import type { RuleDefinition } from './types';

export const dataTypeRules: RuleDefinition[] = [
  {
    id: 'missing-benefit',
    severity: 'error',
    group: 'data-types',
    title: 'No benefit',
    description:
      'What the person gets in return is the heart of every in-app explanation and of the notice summary; a data type without it cannot be explained honestly.',
    check: ({ dataTypes }) =>
      dataTypes
        .filter((d) => !d.dataType.benefit?.trim())
        .map((d) => ({
          path: `${d.at}.benefit`,
          message: `${q(d.name)} has no benefit. Say in one sentence what the person gets in return for it ("You can sign in on any device"); the in-app texts lead with it.`,
        })),
  },
  {
    id: 'missing-retention',
    severity: 'error',
    group: 'data-types',
    title: 'No retention',
    description:
      'Every notice says how long each kind of data is kept, or the criteria that decide it (GDPR Art 13(2)(a), 14(2)(a); CCPA §1798.100(a)(3), §7012(e)(4)). Applies under the GDPR, the UK GDPR and the CCPA; the other US state laws do not ask for it.',
    check: ({ europe, ccpa, dataTypes }) =>
      dataTypes
        .filter((d) => (europe || ccpa) && !d.dataType.retention)
        .map((d) => ({
          path: `${d.at}.retention`,
          message: `${q(d.name)} has no retention. Say how long it is kept: a period after an event ("30 days after account closure"), an event alone, or the criteria in words.`,
        })),
  },
  {
    id: 'open-ended-retention',
    severity: 'warning',
    group: 'data-types',
    title: 'Open-ended retention',
    description:
      'Keeping data "until we no longer need it for the purpose" with nothing to say when that is gives people no period and no criteria. Criteria that explain when the purpose is fulfilled resolve it. Applies where retention must be stated: under the GDPR, the UK GDPR and the CCPA.',
    check: ({ europe, ccpa, dataTypes }) =>
      dataTypes
        .filter((d) => (europe || ccpa) && d.dataType.retention?.after === 'purpose-fulfilled' && !d.dataType.retention.criteria?.trim())
        .map((d) => ({
          path: `${d.at}.retention.criteria`,
          message: `${q(d.name)} is kept until "${RETENTION_EVENT_LABELS['purpose-fulfilled']}", which does not tell people when that is. Add criteria that say when the purpose is fulfilled ("until you remove the contact or turn the feature off").`,
        })),
  },
  {
    id: 'special-category-without-condition',
    severity: 'error',
    group: 'data-types',
    title: 'Special-category data without an Art 9 condition',
    description:
      'Health, biometric, genetic and the other special categories may be processed only under one of the conditions in Art 9(2), in addition to a lawful basis. Special category is derived from the data category unless overridden under Sensitivity. Applies under the GDPR and the UK GDPR.',
    check: ({ europe, dataTypes }) =>
      !europe
        ? []
        : dataTypes
            .filter((d) => d.classification.gdprSpecial && !d.dataType.specialCondition)
            .map((d) => ({
              path: `${d.at}.specialCondition`,
              message: `${q(d.name)} is special-category data, but no Art 9 condition is chosen. Choose the condition that allows it (for most apps, explicit consent); if it is not special-category data, say so under Sensitivity.`,
            })),
  },
  {
    id: 'special-condition-not-needed',
    severity: 'info',
    group: 'data-types',
    title: 'Art 9 condition on ordinary data',
    description:
      'An Art 9 condition on data that is not special-category data appears in no document; either the condition or the sensitivity is wrong.',
    check: ({ europe, dataTypes }) =>
      !europe
        ? []
        : dataTypes
            .filter((d) => !d.classification.gdprSpecial && d.dataType.specialCondition)
            .map((d) => ({
              path: `${d.at}.specialCondition`,
              message: `${q(d.name)} has an Art 9 condition but is not special-category data, so the condition appears nowhere. Remove the condition, or mark the data as special category under Sensitivity if it is.`,
            })),
  },
  {
    id: 'missing-source',
    severity: 'warning',
    group: 'data-types',
    title: 'Source not stated',
    description:
      'Whether data comes from the person, is observed automatically or comes from a third party decides whether GDPR Art 13 or Art 14 applies and what the CCPA privacy policy lists as sources. Applies under the GDPR, the UK GDPR and the CCPA.',
    check: ({ europe, ccpa, dataTypes }) =>
      dataTypes
        .filter((d) => (europe || ccpa) && !d.dataType.source)
        .map((d) => ({
          path: `${d.at}.source`,
          message: `Say where ${q(d.name)} comes from: the person provides it, the product observes it automatically, or a third party supplies it.`,
        })),
  },
  {
    id: 'missing-source-detail',
    severity: 'error',
    group: 'data-types',
    title: 'Third-party source without detail',
    description:
      'Data obtained from someone other than the person must name where it came from (GDPR Art 14(2)(f)); the CCPA privacy policy lists the categories of sources. Applies under the GDPR, the UK GDPR and the CCPA; the other US state laws do not ask for sources.',
    check: ({ europe, ccpa, dataTypes }) =>
      dataTypes
        .filter((d) => (europe || ccpa) && d.dataType.source === 'third-party' && !d.dataType.sourceDetail?.trim())
        .map((d) => ({
          path: `${d.at}.sourceDetail`,
          message: `${q(d.name)} comes from a third party, but not which one. Name the source (the organisation, or the kind of source and whether it is public), so the notice can tell people where their data came from.`,
        })),
  },
  {
    id: 'required-unset',
    severity: 'warning',
    group: 'data-types',
    title: 'Not said whether it is required',
    description:
      'The GDPR notice says whether the person must provide the data they give (Art 13(2)(e)), and Google Play asks whether each data type is optional or required. Applies to data the person provides under the GDPR or the UK GDPR, and to data declared to Google Play (which is declared required when this is not set).',
    check: ({ europe, dataTypes }) =>
      dataTypes
        .filter((d) => d.dataType.required === undefined && ((europe && d.dataType.source === 'user') || d.declaredToPlay))
        .map((d) => ({
          path: `${d.at}.required`,
          message: `Say whether people must provide ${q(d.name)} or can choose not to; ${d.declaredToPlay ? 'Google Play asks, and otherwise Candor declares it required' : 'the notice must say so'}.`,
        })),
  },
  {
    id: 'missing-consequence',
    severity: 'warning',
    group: 'data-types',
    title: 'Required data without the consequence of not providing it',
    description:
      'For data the person must provide, the notice says what happens if they do not (GDPR Art 13(2)(e)). Applies under the GDPR and the UK GDPR.',
    check: ({ europe, dataTypes }) =>
      !europe
        ? []
        : dataTypes
            .filter((d) => d.dataType.source === 'user' && d.dataType.required === true && !d.dataType.consequenceIfNotProvided?.trim())
            .map((d) => ({
              path: `${d.at}.consequenceIfNotProvided`,
              message: `${q(d.name)} is required, but not what happens if someone does not provide it. Say it in one sentence ("We can't create your account").`,
            })),
  },
  {
    id: 'consent-on-required-data',
    severity: 'warning',
    group: 'data-types',
    title: 'Consent purpose on required data',
    description:
      'Consent is valid only if it is freely given (GDPR Art 7(4)): data people must provide cannot also depend on their consent unless they can refuse that purpose and still provide it. A judgement call, so a warning. Applies under the GDPR and the UK GDPR.',
    check: ({ europe, dataTypes }) => {
      if (!europe) return [];
      const out: { path: string; message: string }[] = [];
      for (const d of dataTypes) {
        if (d.dataType.required !== true) continue;
        const consent = d.purposes.filter((p) => p.purpose.lawfulBasis === 'consent');
        if (consent.length === 0) continue;
        const other = d.purposes.filter((p) => p.purpose.lawfulBasis && p.purpose.lawfulBasis !== 'consent');
        const names = (list: typeof consent) => listInWords(list.map((p) => q(p.purpose.name.trim() || p.purpose.id)));
        out.push({
          path: `${d.at}.purposes`,
          message:
            other.length > 0
              ? `${q(d.name)} is required for ${names(other)}, but ${names(consent)} ${consent.length === 1 ? 'relies' : 'rely'} on consent. Make sure people can refuse ${consent.length === 1 ? 'that purpose' : 'those purposes'} and still provide it, and say so where you ask; or use a separate data type for the consent purpose.`
              : `${q(d.name)} is marked required, but every purpose it serves relies on consent, and consent is not freely given when the data must be provided. Mark it optional, or choose the basis that makes it required (such as contract).`,
        });
      }
      return out;
    },
  },
];
