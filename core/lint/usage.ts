// Rules about how the parts of the inventory connect: things no data type uses, data collected nowhere.
import { q } from './facts';
import type { RuleDefinition } from './types';

export const usageRules: RuleDefinition[] = [
  {
    id: 'empty-inventory',
    severity: 'warning',
    group: 'usage',
    title: 'No data types',
    description: 'Every document is generated from the data types; without any, the notices and store declarations are empty.',
    check: ({ dataTypes }) =>
      dataTypes.length > 0
        ? []
        : [
            {
              path: 'dataTypes',
              message:
                'The workspace lists no data types yet. Add the personal data your product collects; until then every document is empty.',
            },
          ],
  },
  {
    id: 'unused-purpose',
    severity: 'warning',
    group: 'usage',
    title: 'Purpose used by no data type',
    description: 'The notice lists every purpose; one that no data type uses says "Data we use: none", which reads as a mistake.',
    check: ({ purposes }) =>
      purposes
        .filter((p) => p.usedBy.length === 0)
        .map((p) => ({
          path: p.at,
          message: `No data type uses ${q(p.name)}. Add it to the data types it applies to, or delete the purpose.`,
        })),
  },
  {
    id: 'unused-recipient',
    severity: 'warning',
    group: 'usage',
    title: 'Recipient that receives no data type',
    description:
      'The notice and the record of processing list every recipient; one that receives no data type is either missing from a data type or no longer used.',
    check: ({ recipients }) =>
      recipients
        .filter((r) => r.usedBy.length === 0)
        .map((r) => ({
          path: r.at,
          message: `No data type goes to ${q(r.name)}. Add it to the data types it receives, or delete the recipient.`,
        })),
  },
  {
    id: 'unused-collection-point',
    severity: 'warning',
    group: 'usage',
    title: 'Collection point where nothing is collected',
    description: 'A collection point with no data type has an empty in-app disclosure and adds nothing to the store declarations.',
    check: ({ collectionPoints }) =>
      collectionPoints
        .filter((c) => c.usedBy.length === 0)
        .map((c) => ({
          path: c.at,
          message: `No data type is collected at ${q(c.name)}. Add the data types collected there, or delete the collection point.`,
        })),
  },
  {
    id: 'collected-nowhere',
    severity: 'warning',
    group: 'usage',
    title: 'Data type collected nowhere',
    description:
      "Where a data type is collected decides which store declarations include it and where the notice at collection and in-app disclosures appear. A data type collected nowhere is left out of Apple's and Google Play's declarations, since nothing shows that the app collects it.",
    check: ({ dataTypes, ios, android }) => {
      const stores = [ios ? "Apple's privacy manifest and App Store answers" : '', android ? "Google Play's Data safety form" : ''].filter(
        Boolean,
      );
      const leftOut = stores.length > 0 ? ` Until then it is left out of ${stores.join(' and ')}.` : '';
      return dataTypes
        .filter((d) => d.points.length === 0)
        .map((d) => ({
          path: `${d.at}.collectedAt`,
          message: `${q(d.name)} is not collected at any collection point. Add where it is collected (a screen, an SDK, a server process), so the store declarations and in-app disclosures include it.${leftOut}`,
        }));
    },
  },
];
