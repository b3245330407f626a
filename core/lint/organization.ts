// Rules about the organization: who the controller is, how to reach it and its officers, and the links
// and dates the notices need.
import { countryInText } from '../countries';
import { representativeNeeded } from '../transfers';
import { listInWords } from '../words';
import { displayName, q } from './facts';
import type { RuleDefinition } from './types';

export const organizationRules: RuleDefinition[] = [
  {
    id: 'no-contact-email',
    severity: 'error',
    group: 'organization',
    title: 'No privacy contact email',
    description:
      'Every notice tells people where to ask questions and exercise their rights (GDPR Art 13(1)(a), CCPA privacy policy §7011(e)(3), the other US state laws). Applies in every jurisdiction that calls for a notice: all but Washington and Nevada alone, whose consumer health data policy is written only when there is consumer health data.',
    check: ({ workspace, notice }) =>
      workspace.organization.contactEmail || !notice
        ? []
        : [
            {
              path: 'organization.contactEmail',
              message:
                'The organization has no privacy contact email. Add one under Organization, so people know where to ask about their data and exercise their rights.',
            },
          ],
  },
  {
    id: 'no-supervisory-authority',
    severity: 'error',
    group: 'organization',
    title: 'No supervisory authority',
    description:
      'Under the GDPR the notice names the lead authority people can complain to (Art 13(2)(d), 14(2)(e), 56). Under the UK GDPR alone the notice names the ICO by itself, and a controller established outside the EEA has no lead authority, so this applies when the GDPR does and the controller is not known to be established outside the EEA.',
    check: ({ gdpr, workspace }) =>
      !gdpr || workspace.organization.supervisoryAuthority || representativeNeeded(workspace.organization.country, 'eu') === 'yes'
        ? []
        : [
            {
              path: 'organization.supervisoryAuthority',
              message:
                'No supervisory authority is named. Add your lead data protection authority under Organization (for example the authority of the EU country where you are established), so the notice can tell people where to complain.',
            },
          ],
  },
  {
    id: 'controller-country-missing',
    severity: 'warning',
    group: 'organization',
    title: 'Country of the controller not set',
    description:
      'Where the controller is established decides whether it has a lead authority (GDPR Art 56) or must name a representative in the EU or the UK instead (Art 27), and what the notice says about complaints (Art 77). Applies under the GDPR and the UK GDPR.',
    check: ({ europe, workspace }) =>
      !europe || workspace.organization.country
        ? []
        : [
            {
              path: 'organization.country',
              message:
                'The country where the organization is established is not set. Add it under Organization, so the review can tell whether you need a representative in the EU or the UK and the notice can say where people can complain.',
            },
          ],
  },
  {
    id: 'representative-missing',
    severity: 'error',
    group: 'organization',
    title: 'Controller outside the EU or UK without a representative',
    description:
      'A controller not established in the EU (EEA) that offers goods or services to people there, or monitors them, designates a representative in the EU (GDPR Art 27); one not established in the UK, a representative in the UK (UK GDPR Art 27). The notice names it (Art 13(1)(a)). Art 27(2) exempts only occasional processing that does not include large-scale special-category data and is unlikely to put people at risk, and public authorities. Applies under the GDPR and the UK GDPR.',
    check: ({ gdpr, ukGdpr, workspace }) => {
      const org = workspace.organization;
      const regions = [
        ...(gdpr ? [{ region: 'eu' as const, where: 'the EU', law: 'GDPR', area: 'the EEA' }] : []),
        ...(ukGdpr ? [{ region: 'uk' as const, where: 'the UK', law: 'UK GDPR', area: 'the UK' }] : []),
      ];
      return regions
        .filter(
          ({ region }) => representativeNeeded(org.country, region) === 'yes' && !org.representatives?.some((r) => r.region === region),
        )
        .map(({ where, law, area }) => ({
          path: 'organization.representatives',
          message: `The organization is established in ${countryInText(org.country!)}, outside ${area}, but names no representative in ${where}. Under the ${law} (Art 27) it must designate one, and the notice must name it. Add it under Organization (only occasional, low-risk processing without large-scale special-category data is exempt).`,
        }));
    },
  },
  {
    id: 'lead-authority-outside-eu',
    severity: 'warning',
    group: 'organization',
    title: 'Lead authority named for a controller outside the EU',
    description:
      'Only an establishment in the EU (EEA) gives a controller a lead authority (GDPR Art 56). One established elsewhere has none: people complain to the authority where they live, work or where the infringement took place (Art 77), and the notice says so instead of naming an authority. Applies under the GDPR.',
    check: ({ gdpr, workspace }) => {
      const org = workspace.organization;
      if (!gdpr || !org.supervisoryAuthority || representativeNeeded(org.country, 'eu') !== 'yes') return [];
      return [
        {
          path: 'organization.supervisoryAuthority',
          message: `${q(displayName(org.supervisoryAuthority.name, 'The authority'))} is named as the lead authority, but the organization is established in ${countryInText(org.country!)}, outside the EEA, so it has none. The notice tells people to complain to the authority where they live, work or where the infringement took place, and does not name this one; remove it under Organization, or correct the country.`,
        },
      ];
    },
  },
  {
    id: 'no-dpo',
    severity: 'warning',
    group: 'organization',
    title: 'No data protection officer contact',
    description:
      'The notice gives the contact details of the data protection officer "where applicable" (Art 13(1)(b)). Not every organization must appoint one (Art 37), so this is a warning. Applies under the GDPR and the UK GDPR.',
    check: ({ europe, workspace }) => {
      if (!europe) return [];
      const dpo = workspace.organization.dpo;
      if (!dpo) {
        return [
          {
            path: 'organization.dpo',
            message:
              'No data protection officer is named. If you have appointed one (required for large-scale monitoring or large-scale special-category data, Art 37), add their contact details under Organization; if you have not, you can leave this.',
          },
        ];
      }
      if (!dpo.email && !dpo.address) {
        return [
          {
            path: 'organization.dpo.email',
            message: 'The data protection officer has no email or postal address. Add one, so people can reach them directly.',
          },
        ];
      }
      return [];
    },
  },
  {
    id: 'security-measures-missing',
    severity: 'warning',
    group: 'organization',
    title: 'No security measures described',
    description:
      'The record of processing gives, where possible, a general description of the technical and organisational security measures (GDPR Art 30(1)(g), Art 32); the notice does not need them, so this is a warning. Applies under the GDPR and the UK GDPR.',
    check: ({ europe, workspace }) =>
      !europe || workspace.organization.securityMeasures?.trim()
        ? []
        : [
            {
              path: 'organization.securityMeasures',
              message:
                'The security measures are not described, so the record of processing leaves its Art 30(1)(g) column empty. Describe them in a sentence or two under Organization (for example encryption in transit and at rest, access control, backups).',
            },
          ],
  },
  {
    id: 'no-opt-out-url',
    severity: 'error',
    group: 'organization',
    title: 'Data sold or shared without an opt-out link',
    description:
      'When any data type goes to a recipient that buys it or uses it for cross-context behavioural advertising, the notice at collection must link to the "Do Not Sell or Share My Personal Information" page (CCPA §1798.135(a)(1), 11 CCR §7012(e)(5)), or to one Alternative Opt-out Link (§7015). Applies under the CCPA.',
    check: ({ ccpa, soldOrShared, workspace }) => {
      if (!ccpa || soldOrShared.length === 0 || workspace.organization.optOutUrl || workspace.organization.alternativeOptOutUrl) return [];
      const names = listInWords(
        soldOrShared.map((d) => q(d.name)),
        { atMost: 3 },
      );
      return [
        {
          path: 'organization.optOutUrl',
          message: `${names} ${soldOrShared.length === 1 ? 'is' : 'are'} sold or shared for advertising, but there is no opt-out link. Add the address of your "Do Not Sell or Share My Personal Information" page (or of one Alternative Opt-out Link) under Organization.`,
        },
      ];
    },
  },
  {
    id: 'no-privacy-policy-url',
    severity: 'error',
    group: 'organization',
    title: 'No privacy policy address',
    description: 'The CCPA notice at collection must link to the privacy policy (11 CCR §7012(e)(6)). Applies under the CCPA.',
    check: ({ ccpa, workspace }) =>
      !ccpa || workspace.organization.privacyPolicyUrl
        ? []
        : [
            {
              path: 'organization.privacyPolicyUrl',
              message:
                'There is no address for the published privacy policy. Add it under Organization; the notice at collection and in-app links point to it.',
            },
          ],
  },
  {
    id: 'missing-effective-date',
    severity: 'error',
    group: 'organization',
    title: 'No effective date',
    description: 'A CCPA privacy policy must say when it was last updated (11 CCR §7011(e)(4)). Applies under the CCPA.',
    check: ({ ccpa, workspace }) =>
      !ccpa || workspace.settings.effectiveDate
        ? []
        : [
            {
              path: 'settings.effectiveDate',
              message: 'The documents have no effective date. Set it under Settings; the privacy policy must say when it was last updated.',
            },
          ],
  },
  {
    id: 'audience-age-unknown',
    severity: 'warning',
    group: 'organization',
    title: 'Data sold or shared, audience age unknown',
    description:
      'A business that sells or shares personal information must say whether it knowingly does so for consumers under 16, who must opt in (CCPA §1798.120(c), §7011(e)(1)). Applies under the CCPA when data is sold or shared.',
    check: ({ ccpa, soldOrShared, workspace }) =>
      !ccpa || soldOrShared.length === 0 || workspace.organization.audience?.minimumAge !== undefined
        ? []
        : [
            {
              path: 'organization.audience.minimumAge',
              message:
                'Data is sold or shared for advertising, but the minimum age of your users is not set. Set it under Organization, so the privacy policy can say whether you sell or share data of anyone under 16 (who must opt in first).',
            },
          ],
  },
];
