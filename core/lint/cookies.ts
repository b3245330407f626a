// Rules about cookies and similar technologies: trackers the notice cannot name, and advertising cookies
// set without the consent the EU and UK cookie rules require.
import { appRecipients, consentRecordedAt, cookieProviders } from '../cookies';
import { listInWords } from '../words';
import { displayName, q } from './facts';
import type { RuleDefinition } from './types';

// What the notice's cookie table prints for each field, in the order of its columns.
const COOKIE_FIELDS = [
  ['name', 'its name'],
  ['purpose', 'what it is for'],
  ['duration', 'how long it lasts'],
  ['party', 'whether it is first or third party'],
  ['necessary', 'whether it is strictly necessary'],
] as const;

export const cookieRules: RuleDefinition[] = [
  {
    id: 'cookie-incomplete',
    severity: 'warning',
    group: 'completeness',
    title: 'Cookie with details missing',
    description:
      'The notice lists every cookie in a table: its name, provider, purpose, how long it lasts, first or third party and whether it is strictly necessary. The EU and UK cookie rules ask for clear and comprehensive information about each (ePrivacy Directive Art 5(3), PECR reg 6); a blank cell reads as a gap, and "strictly necessary" decides whether consent is needed.',
    check: ({ collectionPoints }) =>
      collectionPoints.flatMap(({ point, at, name }) =>
        (point.cookies ?? []).flatMap((cookie, j) => {
          const missing = COOKIE_FIELDS.filter(([field]) =>
            field === 'necessary' || field === 'party' ? cookie[field] === undefined : !cookie[field]?.trim(),
          );
          if (missing.length === 0) return [];
          const which = cookie.name.trim() ? `The cookie ${q(displayName(cookie.name, ''))}` : 'A cookie';
          return [
            {
              path: `${at}.cookies[${j}].${missing[0][0]}`,
              message: `${which} at ${q(name)} does not say ${listInWords(missing.map(([, words]) => words))}. Add ${missing.length === 1 ? 'it' : 'them'} under Collection points, so the notice's cookie table has no blank cell.`,
            },
          ];
        }),
      ),
  },
  {
    id: 'tracker-without-cookie',
    severity: 'warning',
    group: 'usage',
    title: 'Tracking recipient with no cookie or SDK listed',
    description:
      "A recipient with tracking domains reaches people through something in the product: a cookie, pixel or tag on a web page, or an SDK in an app. When no collection point lists a cookie it provides and no data type collected in the iOS or Android app goes to it, the notice's cookie table and the store declarations say nothing of how it tracks, which reads as an omission.",
    check: ({ workspace, recipients }) => {
      const providers = cookieProviders(workspace);
      const inApps = appRecipients(workspace);
      return recipients
        .filter((r) => (r.recipient.trackingDomains ?? []).length > 0 && !providers.has(r.recipient.id) && !inApps.has(r.recipient.id))
        .map((r) => ({
          path: `${r.at}.trackingDomains`,
          message: `${q(r.name)} has tracking domains, but no collection point lists a cookie it provides and no data type collected in the iOS or Android app goes to it. Add the cookies, pixels or tags it sets under Collection points, or add it as a recipient of the data its SDK collects in the app.`,
        }));
    },
  },
  {
    id: 'third-party-cookie-without-consent',
    severity: 'warning',
    group: 'recipients',
    title: 'Third-party cookie without recorded consent',
    description:
      "Under the EU and UK rules on cookies (ePrivacy Directive Art 5(3), PECR reg 6), storing or reading information on a device needs the person's consent unless it is strictly necessary for the service they asked for; a third-party cookie that is not strictly necessary (advertising, cross-site analytics) is the clearest case. Reported when the GDPR or the UK GDPR applies and no data type collected where the cookie is set records consent (consent to its collection, or a purpose based on consent).",
    check: ({ europe, workspace, collectionPoints }) => {
      if (!europe) return [];
      return collectionPoints.flatMap(({ point, at, name }) => {
        if (consentRecordedAt(workspace, point)) return [];
        return (point.cookies ?? []).flatMap((cookie, j) =>
          cookie.party === 'third' && cookie.necessary !== true
            ? [
                {
                  path: `${at}.cookies[${j}]`,
                  message: `${q(displayName(cookie.name, 'A cookie'))} at ${q(name)} is a third-party cookie that is not marked strictly necessary, and no data type collected there records consent. Under the EU and UK cookie rules it may be set only with consent: add the data it collects with a purpose based on consent (or record consent to its collection), or mark it strictly necessary if it is.`,
                },
              ]
            : [],
        );
      });
    },
  },
];
