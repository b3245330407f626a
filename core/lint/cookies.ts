// Rules about cookies and similar technologies: trackers the notice cannot name, and advertising cookies
// set without the consent the EU and UK cookie rules require.
import { appRecipients, consentRecordedAt, cookieProviders } from '../cookies';
import { displayName, q } from './facts';
import type { RuleDefinition } from './types';

export const cookieRules: RuleDefinition[] = [
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
