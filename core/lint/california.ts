// Rules for California beyond the notice at collection: how people make requests, the links that let them
// opt out of sale and sharing and limit the use of sensitive personal information, opt-out preference
// signals, the under-16 statement (CCPA, 11 CCR 7000 ff.) and CalOPPA's Do Not Track statement.
import { collectedOn, hasPlatform } from '../platforms';
import type { Organization } from '../schema';
import { listInWords } from '../words';
import { q } from './facts';
import type { RuleDefinition } from './types';

/**
 * The ways to make a privacy request the workspace records, in the order the notice lists them. The
 * privacy contact email counts as the request email when none of its own is recorded: the notice offers
 * it for requests (core/documents/context.ts, requestsView), so the review counts what the notice says.
 */
export function requestMethods(org: Organization): { webForm: boolean; phone: boolean; email: boolean; postal: boolean; inApp: boolean } {
  const r = org.requests ?? {};
  const has = (value: string | undefined) => Boolean(value?.trim());
  return {
    webForm: has(r.webFormUrl),
    phone: has(r.phone),
    email: has(r.email) || has(org.contactEmail),
    postal: has(r.postalAddress),
    inApp: has(r.inApp),
  };
}

const METHOD_WORDS = {
  webForm: 'a web form',
  phone: 'a phone number',
  email: 'an email address',
  postal: 'a postal address',
  inApp: 'a place in the app',
};

export const californiaRules: RuleDefinition[] = [
  {
    id: 'ccpa-request-methods',
    severity: 'error',
    group: 'organization',
    title: 'Fewer than two ways to make a CCPA request',
    description:
      'A business offers two or more designated methods for requests to know, delete and correct, including at a minimum a toll-free telephone number; one that operates exclusively online and has a direct relationship with the consumer need only offer an email address (Cal. Civ. Code §1798.130(a)(1)(A)), and the privacy policy lists them (11 CCR §7011(e)(3)). The privacy contact email counts as the email method when no request email is recorded. Applies under the CCPA.',
    check: ({ ccpa, workspace }) => {
      if (!ccpa) return [];
      const org = workspace.organization;
      const methods = requestMethods(org);
      const recorded = (Object.keys(METHOD_WORDS) as (keyof typeof METHOD_WORDS)[]).filter((m) => methods[m]);
      const where = 'under Organization → Privacy requests';
      if (org.requests?.onlineOnly === true) {
        return methods.email
          ? []
          : [
              {
                path: 'organization.requests',
                message: `The business is recorded as operating only online, so an email address is enough for CCPA requests, but there is none. Add a request email (or the privacy contact email) ${where}.`,
              },
            ];
      }
      if (recorded.length >= 2 && methods.phone) return [];
      const have =
        recorded.length === 0
          ? 'No way to make a privacy request is recorded'
          : `Only ${listInWords(recorded.map((m) => METHOD_WORDS[m]))} ${recorded.length === 1 ? 'is' : 'are'} recorded for privacy requests`;
      const need =
        recorded.length >= 2
          ? 'but the CCPA asks for a toll-free telephone number among them'
          : `but the CCPA asks for at least two ways, including a toll-free telephone number (${2 - recorded.length} more needed)`;
      return [
        {
          path: 'organization.requests',
          message: `${have}, ${need}. Add them ${where}; if you operate only online and have a direct relationship with the people whose data you collect, say so there, and an email address is enough.`,
        },
      ];
    },
  },
  {
    id: 'ccpa-limit-link-missing',
    severity: 'error',
    group: 'organization',
    title: 'Sensitive personal information without a "Limit the Use" link',
    description:
      'A business that uses or discloses sensitive personal information for purposes beyond those in 11 CCR §7027(m) posts a "Limit the Use of My Sensitive Personal Information" link (Cal. Civ. Code §1798.135(a)(2), 11 CCR §7014), or one Alternative Opt-out Link (§7015). When the team records that sensitive personal information is used only for the §7027(m) purposes, no link is needed and the notice says so. Applies under the CCPA when a data type is sensitive personal information.',
    check: ({ ccpa, dataTypes, workspace }) => {
      const org = workspace.organization;
      if (!ccpa || org.limitUseUrl || org.alternativeOptOutUrl || org.usPrivacy?.sensitiveUseLimited === true) return [];
      const sensitive = dataTypes.filter((d) => d.classification.ccpaSensitive);
      if (sensitive.length === 0) return [];
      return [
        {
          path: 'organization.limitUseUrl',
          message: `${listInWords(
            sensitive.map((d) => q(d.name)),
            { atMost: 3 },
          )} ${sensitive.length === 1 ? 'is' : 'are'} sensitive personal information, but there is no "Limit the Use of My Sensitive Personal Information" link. Add its address under Organization, or, if you use sensitive personal information only to provide the services people ask for and the other purposes of 11 CCR 7027(m), say so there.`,
        },
      ];
    },
  },
  {
    id: 'opt-out-signals-not-honoured',
    severity: 'error',
    group: 'organization',
    title: 'Opt-out preference signals not honoured',
    description:
      'A business that sells or shares personal information must treat an opt-out preference signal, such as Global Privacy Control, as a valid request to opt out of sale and sharing (Cal. Civ. Code §1798.135(b)(1), (e); 11 CCR §7025), and its privacy policy says how it processes them (§7011(e)(3)(F)). Applies under the CCPA when data is sold or shared.',
    check: ({ ccpa, soldOrShared, workspace }) => {
      const signals = workspace.organization.usPrivacy?.optOutSignals;
      if (!ccpa || soldOrShared.length === 0 || signals === true) return [];
      return [
        {
          path: 'organization.usPrivacy.optOutSignals',
          message:
            signals === false
              ? 'Data is sold or shared, and opt-out preference signals such as Global Privacy Control are recorded as not honoured. California requires a business that sells or shares to treat them as requests to opt out. Say so under Organization once your website and apps honour them.'
              : 'Data is sold or shared, but it is not recorded whether you honour opt-out preference signals such as Global Privacy Control. California requires it. Say under Organization that you honour them, and how (for the browser or device, and for the account when signed in).',
        },
      ];
    },
  },
  {
    id: 'sale-under-16-unknown',
    severity: 'error',
    group: 'organization',
    title: 'Not said whether data of people under 16 is sold or shared',
    description:
      "A business that sells or shares personal information says in its privacy policy whether it has actual knowledge that it sells or shares the personal information of consumers under 16 (11 CCR §7011(e)(1)); if it does, it needs their opt-in consent, or a parent's for a child under 13 (Cal. Civ. Code §1798.120(c)). Applies under the CCPA when data is sold or shared.",
    // A product for people 16 and over, not made for children, says so from its audience.
    check: ({ ccpa, soldOrShared, workspace }) =>
      !ccpa ||
      soldOrShared.length === 0 ||
      workspace.organization.usPrivacy?.sellsUnder16 !== undefined ||
      ((workspace.organization.audience?.minimumAge ?? 0) >= 16 && workspace.organization.audience?.childrenDirected !== true)
        ? []
        : [
            {
              path: 'organization.usPrivacy.sellsUnder16',
              message:
                "Data is sold or shared, but it is not recorded whether you know that you sell or share data of people under 16. Say under Organization whether you do: if you do, you must first get their opt-in consent (a parent's for children under 13), and the notice says so.",
            },
          ],
  },
  {
    id: 'do-not-track-unset',
    severity: 'warning',
    group: 'organization',
    title: 'No Do Not Track statement for the website',
    description:
      "The operator of a website that collects personal information of California residents says how it responds to browsers' Do Not Track signals (CalOPPA, Cal. Bus. & Prof. Code §22575(b)(5)). Applies under the CCPA when a collection point is on the web.",
    check: ({ ccpa, workspace }) =>
      !ccpa || !hasPlatform(workspace, 'web') || workspace.organization.usPrivacy?.doNotTrack !== undefined
        ? []
        : [
            {
              path: 'organization.usPrivacy.doNotTrack',
              message:
                "There is a website, but it is not recorded how it responds to Do Not Track signals from browsers. Choose the answer under Organization, so the notice can say it, as California's online privacy law (CalOPPA) requires.",
            },
          ],
  },
  {
    id: 'do-not-track-contradicted',
    severity: 'warning',
    group: 'organization',
    title: 'Do Not Track said to be honoured while the website tracks across sites',
    description:
      "When Do Not Track is recorded as honoured, the notice says the website does not collect personal information about people's activities over time and across other companies' websites from browsers that send the signal (CalOPPA, Cal. Bus. & Prof. Code §22575(b)(5)). Data collected on the website that is used for tracking or shared for cross-context behavioural advertising makes that sentence doubtful unless the website really stops for those browsers.",
    check: ({ ccpa, workspace, dataTypes }) => {
      if (!ccpa || workspace.organization.usPrivacy?.doNotTrack !== 'honoured') return [];
      const tracked = dataTypes.filter((d) => collectedOn(workspace, d.dataType, 'web') && (d.shared || d.dataType.tracking === true));
      if (tracked.length === 0) return [];
      const names = listInWords(tracked.map((d) => q(d.name)));
      return [
        {
          path: 'organization.usPrivacy.doNotTrack',
          message: `The notice will say the website stops collecting data about people's activities across other companies' websites when a browser sends Do Not Track, but ${names} ${tracked.length === 1 ? 'is' : 'are'} collected on the website and used for tracking or shared for cross-context behavioural advertising. Choose "not honoured" under Organization, or accept this finding once you have checked that the website sends none of it for browsers that send the signal.`,
        },
      ];
    },
  },
];
