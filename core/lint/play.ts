// Rules that keep Google Play's Data safety form true. They apply when the product has an Android
// collection point; a data type is declared to Play when it has a Play data type (core/stores/play.ts).
import { PLAY_ACCOUNT_CREATION } from '../identifiers';
import { RETENTION_EVENT_LABELS } from '../retention';
import type { Retention } from '../schema';
import { q, undeclaredReason } from './facts';
import type { RuleDefinition } from './types';

const ACCOUNT_CREATION_LABEL = new Map<string, string>(PLAY_ACCOUNT_CREATION.map((a) => [a.id, a.label]));
const NO_ACCOUNT = 'PSL_ACM_NONE';

/** Play's "No, but user data is automatically deleted within 90 days". */
export const PLAY_AUTO_DELETION_DAYS = 90;

const DAYS_PER_UNIT = { days: 1, weeks: 7, months: 30, years: 365 } as const;

/** Why a retention cannot promise deletion within 90 days, or undefined when it can (or cannot be told). */
function keptTooLong(retention: Retention | undefined): string | undefined {
  if (!retention) return undefined;
  const { period, after } = retention;
  // A period counted from an event other than collection ("30 days after you close your account"), or
  // an event alone, has no upper bound; criteria in words cannot be measured.
  if (after && after !== 'collection') {
    return `is kept until ${period ? `${period.value} ${period.unit} after ` : ''}${RETENTION_EVENT_LABELS[after]}, with no upper limit`;
  }
  if (period && period.value * DAYS_PER_UNIT[period.unit] > PLAY_AUTO_DELETION_DAYS) {
    return `is kept for ${period.value} ${period.unit}`;
  }
  return undefined;
}

export const playRules: RuleDefinition[] = [
  {
    id: 'play-question-unanswered',
    severity: 'error',
    group: 'play',
    title: 'Google Play general question unanswered',
    description:
      "Play's Data safety form asks whether data is encrypted in transit, how accounts are created and whether people can ask for deletion (settings.store). Applies when the product has an Android collection point.",
    check: ({ android, workspace }) => {
      if (!android) return [];
      const store = workspace.settings.store ?? {};
      const out: { path: string; message: string }[] = [];
      if (store.encryptedInTransit === undefined) {
        out.push({
          path: 'settings.store.encryptedInTransit',
          message: "Answer Google Play's question whether all data the app collects is encrypted in transit (Settings › Google Play).",
        });
      }
      if (!store.accountCreation?.length) {
        out.push({
          path: 'settings.store.accountCreation',
          message:
            "Answer Google Play's question how people create an account (username and password, OAuth, …), or choose that the app does not allow accounts (Settings › Google Play).",
        });
      }
      if (store.dataDeletion === undefined) {
        out.push({
          path: 'settings.store.dataDeletion',
          message:
            "Answer Google Play's question whether people can ask for their data to be deleted: yes, no, or no but it is deleted automatically within 90 days (Settings › Google Play).",
        });
      }
      return out;
    },
  },
  {
    id: 'play-account-creation-conflict',
    severity: 'error',
    group: 'play',
    title: 'Account creation methods contradict each other',
    description:
      '"My app does not allow users to create an account" cannot be declared together with a way to create one. Applies when the product has an Android collection point.',
    check: ({ android, workspace }) => {
      const methods = workspace.settings.store?.accountCreation ?? [];
      if (!android || !methods.includes(NO_ACCOUNT) || methods.length < 2) return [];
      const others = methods.filter((m) => m !== NO_ACCOUNT).map((m) => `"${ACCOUNT_CREATION_LABEL.get(m) ?? m}"`);
      return [
        {
          path: 'settings.store.accountCreation',
          message: `The account creation answer says the app allows no accounts and also ${others.join(', ')}. Keep either "${ACCOUNT_CREATION_LABEL.get(NO_ACCOUNT)}" or the ways people create one.`,
        },
      ];
    },
  },
  {
    id: 'play-deletion-url-missing',
    severity: 'error',
    group: 'play',
    title: 'Account or data deletion declared without a link',
    description:
      'Google Play requires a link where people can ask for their account and data to be deleted when the app lets them create an account, and the form asks for it when deletion is offered. The link is organization.accountDeletionUrl. Applies when the product has an Android collection point.',
    check: ({ android, workspace }) => {
      if (!android || workspace.organization.accountDeletionUrl) return [];
      const store = workspace.settings.store ?? {};
      const accounts = (store.accountCreation ?? []).some((m) => m !== NO_ACCOUNT);
      const deletion = store.dataDeletion === 'yes';
      if (!accounts && !deletion) return [];
      const why =
        accounts && deletion
          ? 'The app lets people create an account and says they can ask for their data to be deleted'
          : accounts
            ? 'The app lets people create an account'
            : 'The Data safety answers say people can ask for their data to be deleted';
      return [
        {
          path: 'organization.accountDeletionUrl',
          message: `${why}, but there is no deletion link. Add the address of the page where people ask for their account and data to be deleted (Organization › Account deletion).`,
        },
      ];
    },
  },
  {
    id: 'play-auto-deletion-conflict',
    severity: 'error',
    group: 'play',
    title: '"Deleted within 90 days" but kept longer',
    description:
      'Answering that data is deleted automatically within 90 days is wrong when data declared to Play is kept for longer, or until an event with no upper limit. Retention in words only cannot be measured and is not reported. Applies when the product has an Android collection point.',
    check: ({ android, workspace, dataTypes }) => {
      if (!android || workspace.settings.store?.dataDeletion !== 'auto-deleted') return [];
      const out: { path: string; message: string }[] = [];
      for (const d of dataTypes) {
        if (!d.declaredToPlay || d.dataType.ephemeral) continue;
        const why = keptTooLong(d.dataType.retention);
        if (!why) continue;
        out.push({
          path: `${d.at}.retention`,
          message: `Google Play is told that data is deleted automatically within 90 days, but ${q(d.name)} ${why}. Shorten its retention, or change the deletion answer (Settings › Google Play).`,
        });
      }
      return out;
    },
  },
  {
    id: 'ephemeral-retained',
    severity: 'error',
    group: 'play',
    title: 'Ephemeral data that is retained',
    description:
      'Play\'s "processed ephemerally" means the data is held only in memory for the request it serves. A data type marked ephemeral that is kept for a period, or until an event, contradicts that. Applies to data declared to Google Play.',
    check: ({ dataTypes }) =>
      dataTypes
        .filter((d) => d.declaredToPlay && d.dataType.ephemeral === true && (d.dataType.retention?.period || d.dataType.retention?.after))
        .map((d) => ({
          path: `${d.at}.ephemeral`,
          message: `${q(d.name)} is marked as processed ephemerally, but its retention keeps it. Ephemeral data is held only in memory for the request it serves: turn "ephemeral" off, or describe its retention in words ("discarded as soon as the answer is sent").`,
        })),
  },
  {
    id: 'ephemeral-used-for-tracking',
    severity: 'error',
    group: 'play',
    title: 'Ephemeral data used for tracking',
    description:
      'Google Play does not count data used to profile people or for advertising as ephemeral. Applies to data declared to Google Play.',
    check: ({ dataTypes }) =>
      dataTypes
        .filter((d) => d.declaredToPlay && d.dataType.ephemeral === true && d.dataType.tracking === true)
        .map((d) => ({
          path: `${d.at}.ephemeral`,
          message: `${q(d.name)} is marked both ephemeral and used for tracking; data used for tracking is kept in a profile, so it is never ephemeral. Turn "ephemeral" off.`,
        })),
  },
  {
    id: 'play-data-type-missing',
    severity: 'warning',
    group: 'play',
    title: 'Collected on Android but not declared to Google Play',
    description:
      'A data type collected at an Android collection point without a Play data type is left out of the Data safety form: either it is set to "none", or its category (system data) maps to none. That is right only if it never leaves the device. Account credentials, which Play does not list, are not reported.',
    check: ({ android, dataTypes }) =>
      !android
        ? []
        : dataTypes.flatMap((d) => {
            const reason = d.onAndroid ? undeclaredReason(d, 'play') : undefined;
            if (!reason) return [];
            const why =
              reason === 'override'
                ? 'its Google Play data type is set to "none"'
                : `Candor cannot derive a Google Play data type from its category "${d.dataType.category}"`;
            return [
              {
                path: `${d.at}.classification.play`,
                message: `${q(d.name)} is collected on Android but ${why}, so the Data safety form leaves it out. Choose the Play data type it is (crash logs are Crash logs, for example), unless it never leaves the device.`,
              },
            ];
          }),
  },
  {
    id: 'store-purpose-undetermined',
    severity: 'warning',
    group: 'purposes',
    title: 'Store purpose cannot be derived',
    description:
      'Apple and Play purposes are derived from a purpose\'s data use (or set under store purposes). Without either, Candor declares Apple "Other purposes" and Play "App functionality", which may be wrong. Applies to purposes of data declared to Apple or Google Play.',
    check: ({ purposes, dataTypes }) =>
      purposes.flatMap((p) => {
        const users = p.usedBy.map((i) => dataTypes[i]);
        const apple = p.store.source.apple === 'default' && users.some((d) => d.declaredToApple);
        const play = p.store.source.play === 'default' && users.some((d) => d.declaredToPlay);
        if (!apple && !play) return [];
        const declared = [apple ? 'to Apple as "Other purposes"' : '', play ? 'to Google Play as "App functionality"' : '']
          .filter(Boolean)
          .join(' and ');
        return [
          {
            path: `${p.at}.use`,
            message: `${q(p.name)} has no ${p.purpose.use ? 'known ' : ''}data use, so it is declared ${declared}. Choose its data use (or set its store purposes), so the store declarations say why the data is collected.`,
          },
        ];
      }),
  },
];
