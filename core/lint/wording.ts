// Rules about the words people read: how hard a benefit or a hand-written in-app text is to read,
// whether an in-app text fits the space it was given, and whether it can say how to opt out.
import { DEFAULT_IN_APP_LIMITS, generateInAppText, overrideSnippet, type InAppText, type Snippet } from '../documents/in-app';
import { capitalize, listInWords } from '../words';
import { readabilityGrade } from '../documents/readability';
import type { WorkspaceFacts } from './facts';
import { q } from './facts';
import type { RuleDefinition } from './types';

/** Flesch–Kincaid grade above which a text is reported: plain-language guidance aims at grade 8–10. */
export const READABILITY_LIMIT = 10;

const OVERRIDES = new WeakMap<WorkspaceFacts, Map<number, { short?: Snippet; long?: Snippet }>>();

/**
 * The hand-written in-app texts measured exactly as the In-app text screen measures them (cleaned,
 * counted in characters people see, graded), so this review and that screen never disagree.
 */
function overrideSnippets(facts: WorkspaceFacts) {
  let found = OVERRIDES.get(facts);
  if (found) return found;
  found = new Map();
  const limits = facts.workspace.settings.inAppLimits;
  const budget = { short: limits?.short ?? DEFAULT_IN_APP_LIMITS.short, long: limits?.long ?? DEFAULT_IN_APP_LIMITS.long };
  for (const d of facts.dataTypes) {
    const inApp = d.dataType.inApp;
    if (inApp?.short === undefined && inApp?.long === undefined) continue;
    found.set(d.index, { short: overrideSnippet(inApp.short, budget.short), long: overrideSnippet(inApp.long, budget.long) });
  }
  OVERRIDES.set(facts, found);
  return found;
}

const LABEL = { short: 'short', long: 'long' } as const;

const GENERATED = new WeakMap<WorkspaceFacts, InAppText>();

/** The in-app texts exactly as the In-app text screen and `candor build` write them. */
function inAppText(facts: WorkspaceFacts): InAppText {
  let text = GENERATED.get(facts);
  if (!text) {
    text = generateInAppText(facts.workspace);
    GENERATED.set(facts, text);
  }
  return text;
}

const POINT_TEXT = {
  disclosure: 'in-app disclosure',
  ios: 'iOS usage description',
  android: 'Android permission rationale',
} as const;

export const wordingRules: RuleDefinition[] = [
  {
    id: 'in-app-over-budget',
    severity: 'error',
    group: 'wording',
    title: 'Hand-written in-app text over budget',
    description:
      'A hand-written in-app text is kept as written, so one longer than its character budget (settings.inAppLimits, 120 and 400 by default) does not fit the space the design gave it. A generated text that cannot fit is reported by in-app-text-does-not-fit.',
    check: (facts) => {
      const out: { path: string; message: string }[] = [];
      for (const [index, snippets] of overrideSnippets(facts)) {
        const d = facts.dataTypes[index];
        for (const kind of ['short', 'long'] as const) {
          const s = snippets[kind];
          if (!s?.overBudget) continue;
          out.push({
            path: `${d.at}.inApp.${kind}`,
            message: `The ${LABEL[kind]} in-app text of ${q(d.name)} is ${s.length} characters, over its budget of ${s.budget}. Shorten it by ${s.length - s.budget}, remove it to use the generated text, or raise the budget under Settings.`,
          });
        }
      }
      return out;
    },
  },
  {
    id: 'in-app-text-does-not-fit',
    severity: 'error',
    group: 'wording',
    title: 'No complete in-app text fits the budget',
    description:
      'Generated in-app texts are complete sentences and are never cut short, since a designer copies them into the app as they are. Some things are never left out: that data is sold or shared for advertising and how to opt out, and, for data with several purposes, their names or a pointer to the privacy notice. When even the shortest complete version is longer than its budget (settings.inAppLimits), that version is shown, marked over budget, and a person has to write a shorter one.',
    check: (facts) => {
      const out: { path: string; message: string }[] = [];
      const text = inAppText(facts);
      for (const d of facts.dataTypes) {
        const own = text.dataTypes[d.dataType.id];
        if (!own) continue;
        for (const kind of ['short', 'long'] as const) {
          const s = own[kind];
          if (s.source !== 'generated' || !s.overBudget) continue;
          out.push({
            path: `${d.at}.inApp.${kind}`,
            message: `No complete ${LABEL[kind]} in-app text for ${q(d.name)} fits its budget of ${s.budget} characters: the shortest complete one is ${s.length}. Write your own ${LABEL[kind]} text (In-app text, the pencil beside it), or raise the budget under Settings.`,
          });
        }
      }
      for (const c of facts.collectionPoints) {
        const own = text.collectionPoints[c.point.id];
        if (!own) continue;
        const over = (
          [
            ['disclosure', own.disclosure],
            ['ios', own.ios?.text],
            ['android', own.android?.rationale],
          ] as const
        ).filter(([, s]) => s?.source === 'generated' && s.overBudget);
        if (over.length === 0) continue;
        const which = listInWords(over.map(([kind]) => `the ${POINT_TEXT[kind]}`));
        const lengths = listInWords(over.map(([, s]) => `${s!.length}`));
        const one = over.length === 1;
        out.push({
          path: c.at,
          message: `${capitalize(which)} of ${q(c.name)} ${one ? 'has' : 'have'} no complete version within the long budget of ${over[0][1]!.budget} characters: the shortest ${one ? 'is' : 'are'} ${lengths} characters. Write ${one ? 'a shorter one' : 'shorter ones'} yourself when you put ${one ? 'it' : 'them'} into the app, or raise the long budget under Settings.`,
        });
      }
      return out;
    },
  },
  {
    id: 'in-app-opt-out-unknown',
    severity: 'warning',
    group: 'wording',
    title: 'In-app texts cannot say how to opt out',
    description:
      'An in-app text about data that is sold or shared for advertising says so and says how to opt out. It points to the opt-out page (organization.optOutUrl, or the Alternative Opt-out Link); under the CCPA without one it offers the contact email, as the privacy notice does, and no-opt-out-url asks for the page. Outside the CCPA, without a page, the texts cannot say how to opt out.',
    check: ({ ccpa, soldOrShared, workspace }) => {
      if (ccpa || soldOrShared.length === 0 || workspace.organization.optOutUrl || workspace.organization.alternativeOptOutUrl) return [];
      const names = listInWords(
        soldOrShared.map((d) => q(d.name)),
        { atMost: 3 },
      );
      return [
        {
          path: 'organization.optOutUrl',
          message: `${names} ${soldOrShared.length === 1 ? 'is' : 'are'} sold or shared for advertising, but the in-app texts cannot say how to opt out. Add the address of the page where people opt out under Organization, or write the in-app texts of ${soldOrShared.length === 1 ? 'this data type' : 'these data types'} yourself and say how.`,
        },
      ];
    },
  },
  {
    id: 'hard-to-read',
    severity: 'warning',
    group: 'wording',
    title: 'Hard to read',
    description: `A benefit or a hand-written in-app text above Flesch–Kincaid grade ${READABILITY_LIMIT}. The GDPR asks for clear and plain language (Art 12(1)) and the CCPA for notices that are easy to read (§7003); this is a judgement call, so a warning.`,
    check: (facts) => {
      const out: { path: string; message: string }[] = [];
      const advice = 'Use shorter sentences and everyday words.';
      const snippets = overrideSnippets(facts);
      for (const d of facts.dataTypes) {
        const benefit = d.dataType.benefit?.trim();
        if (benefit) {
          const grade = readabilityGrade(benefit);
          if (grade > READABILITY_LIMIT) {
            out.push({
              path: `${d.at}.benefit`,
              message: `The benefit of ${q(d.name)} reads at grade ${grade}, above grade ${READABILITY_LIMIT}. ${advice}`,
            });
          }
        }
        const own = snippets.get(d.index);
        for (const kind of ['short', 'long'] as const) {
          const s = own?.[kind];
          if (s && s.grade > READABILITY_LIMIT) {
            out.push({
              path: `${d.at}.inApp.${kind}`,
              message: `The ${LABEL[kind]} in-app text of ${q(d.name)} reads at grade ${s.grade}, above grade ${READABILITY_LIMIT}. ${advice}`,
            });
          }
        }
      }
      return out;
    },
  },
];
