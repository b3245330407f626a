// Rules that keep Apple's privacy manifest (PrivacyInfo.xcprivacy) and the App Store "App Privacy"
// answers true. They apply when the product has an iOS collection point, and look only at data the
// declarations include (`declaredToApple`, `onIos`: the same platform test as core/stores/apple.ts), so
// the Review screen and the files always agree.
//
// The declarations are built only from data types collected at an iOS collection point
// (core/platforms.ts `collectedOn`), so data collected only on the web, Android or servers cannot reach
// them. `apple-type-not-on-ios` says so where the team chose an Apple data type for such data (it is
// left out, which may surprise), and `collected-nowhere` reports data collected nowhere at all.
import { REQUIRED_REASON_API_SOURCE } from '../required-reason-apis';
import { appleAccessedApiTypes } from '../stores/apple';
import { pointIsOn } from '../platforms';
import { q, undeclaredReason } from './facts';
import type { RuleDefinition } from './types';

export const appleRules: RuleDefinition[] = [
  {
    id: 'tracking-without-domains',
    severity: 'error',
    group: 'apple',
    title: 'Tracking without tracking domains',
    description:
      'When data declared to Apple is used for tracking, NSPrivacyTracking is true and Apple requires at least one domain in NSPrivacyTrackingDomains; the domains come from the recipients of the tracking data. Tracking done only on other platforms does not count. Applies when the product has an iOS collection point.',
    check: ({ ios, dataTypes, recipients }) => {
      if (!ios) return [];
      return dataTypes
        .filter((d) => d.declaredToApple && d.dataType.tracking === true && !d.recipients.some((r) => r.recipient.trackingDomains?.length))
        .map((d) => {
          if (d.recipients.length === 0) {
            return {
              path: `${d.at}.recipients`,
              message: `${q(d.name)} is used for tracking, but no recipient receives it. Add the advertising partner or data broker it goes to, with the internet domains it tracks through; Apple requires at least one tracking domain.`,
            };
          }
          // The domains belong to whoever tracks: an advertising partner rather than a host.
          const target = d.recipients.find((r) => r.recipient.role !== 'processor') ?? d.recipients[0];
          return {
            path: `${recipients[target.index].at}.trackingDomains`,
            message: `${q(d.name)} is used for tracking, but none of its recipients lists a tracking domain. Add the internet domains ${q(recipients[target.index].name)} tracks through (they become NSPrivacyTrackingDomains, which Apple requires when the app tracks), or turn tracking off for the data type.`,
          };
        });
    },
  },
  {
    id: 'tracking-recipients-all-processors',
    severity: 'error',
    group: 'apple',
    title: 'Tracking data that only processors receive',
    description:
      'Apple\'s "tracking" means linking data with third-party data for advertising, or sharing it with a data broker. A processor acts only for you, so tracking data that only processors receive means either the tracking flag or a recipient\'s role is wrong. Applies to tracking data declared to Apple.',
    check: ({ ios, dataTypes }) =>
      !ios
        ? []
        : dataTypes
            .filter(
              (d) =>
                d.declaredToApple &&
                d.dataType.tracking === true &&
                d.recipients.length > 0 &&
                d.recipients.every((r) => r.recipient.role === 'processor'),
            )
            .map((d) => ({
              path: `${d.at}.tracking`,
              message: `${q(d.name)} is marked as used for tracking, but only processors receive it, and a processor cannot use it for its own advertising. Turn tracking off, or set the role of the advertising partner or data broker that receives it to controller or joint controller.`,
            })),
  },
  {
    id: 'tracking-without-att-prompt',
    severity: 'warning',
    group: 'apple',
    title: 'Tracking on iOS without an App Tracking Transparency prompt',
    description:
      'Apple allows tracking only after the person agrees in the App Tracking Transparency prompt. The inventory shows the prompt as an iOS collection point asking the "tracking" permission. Applies to tracking data declared to Apple.',
    check: ({ ios, dataTypes, collectionPoints }) => {
      if (!ios || collectionPoints.some((c) => pointIsOn(c.point, 'ios') && c.point.permission === 'tracking')) return [];
      return dataTypes
        .filter((d) => d.dataType.tracking === true && d.declaredToApple)
        .map((d) => ({
          path: `${d.at}.collectedAt`,
          message: `${q(d.name)} is used for tracking and declared to Apple, but no iOS collection point asks the App Tracking Transparency ("tracking") permission. Add the collection point where the app asks, and collect the data there, so the permission text is generated too.`,
        }));
    },
  },
  {
    id: 'apple-data-type-missing',
    severity: 'warning',
    group: 'apple',
    title: 'Collected on iOS but not declared to Apple',
    description:
      'A data type collected at an iOS collection point without an Apple data type is left out of the privacy manifest and the App Store answers: either it is set to "none", or its category (system data) maps to none. That is right only if it never leaves the device or meets every optional-disclosure criterion. Account credentials, which Apple does not list, are not reported.',
    check: ({ ios, dataTypes }) =>
      !ios
        ? []
        : dataTypes.flatMap((d) => {
            const reason = d.onIos ? undeclaredReason(d, 'apple') : undefined;
            if (!reason) return [];
            const why =
              reason === 'override'
                ? 'its Apple data type is set to "none"'
                : `Candor cannot derive an Apple data type from its category "${d.dataType.category}"`;
            return [
              {
                path: `${d.at}.classification.apple`,
                message: `${q(d.name)} is collected on iOS but ${why}, so Apple's privacy label leaves it out. Choose the Apple data type it is (crash logs are Crash Data, for example), unless it never leaves the device or meets all of Apple's optional-disclosure criteria.`,
              },
            ];
          }),
  },
  {
    id: 'apple-type-not-on-ios',
    severity: 'info',
    group: 'apple',
    title: 'Apple data type chosen for data not collected on iOS',
    description:
      "Apple's privacy manifest and App Store answers declare only what the iOS app collects, so a data type collected only on the web, Android or servers is left out of them even when an Apple data type is chosen for it. That is right when the iOS app truly does not collect it; otherwise add its iOS collection point. Applies when the product has an iOS collection point.",
    check: ({ ios, dataTypes }) =>
      !ios
        ? []
        : dataTypes.flatMap((d) => {
            const chosen = d.dataType.classification?.apple;
            if (!chosen || chosen === 'none' || d.onIos) return [];
            return [
              {
                path: `${d.at}.collectedAt`,
                message: `${q(d.name)} has the Apple data type ${chosen} but is not collected at an iOS collection point, so Apple's declarations leave it out. If the iOS app collects it, add that collection point; if not, nothing needs to change.`,
              },
            ];
          }),
  },
  {
    id: 'required-reason-apis-missing',
    severity: 'warning',
    group: 'apple',
    title: 'No required-reason APIs declared for the iOS app',
    description: `Apple rejects uploads that use a required-reason API (user defaults, file timestamps, system boot time, disk space, active keyboards) without declaring it with an approved reason in the privacy manifest, and almost every app uses UserDefaults. Declare them under Organization & settings › Apple required-reason APIs (settings.apple.accessedApiTypes; ${REQUIRED_REASON_API_SOURCE.name}). Applies when the product has an iOS collection point.`,
    check: ({ ios, workspace }) => {
      if (!ios) return [];
      const apple = (workspace.settings as Record<string, unknown>).apple as { accessedApiTypes?: unknown[] } | undefined;
      // Entries that are present but wrong are the error rule's business; this one is about declaring none.
      if ((apple?.accessedApiTypes ?? []).length > 0) return [];
      return [
        {
          path: 'settings.apple.accessedApiTypes',
          message:
            'The iOS app declares no required-reason APIs. Almost every app uses UserDefaults, and Apple rejects uploads that use these APIs undeclared. Choose the APIs the app and its SDKs use, with their reasons, under Organization & settings › Apple required-reason APIs.',
        },
      ];
    },
  },
  {
    id: 'required-reason-api-invalid',
    severity: 'error',
    group: 'apple',
    title: 'Required-reason API or reason Apple does not accept',
    description:
      "Every entry of NSPrivacyAccessedAPITypes must name one of Apple's required-reason API categories and at least one reason code Apple accepts for that category; anything else is left out of the manifest, so the app would use the API undeclared. Applies when the product has an iOS collection point.",
    check: ({ ios, workspace }) =>
      ios ? appleAccessedApiTypes(workspace).problems.map((p) => ({ path: p.path, message: p.message })) : [],
  },
];
