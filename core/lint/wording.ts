// Rules about the words people read: how hard a benefit or a hand-written in-app text is to read, and
// whether an in-app text fits the space it was given.
import { DEFAULT_IN_APP_LIMITS, overrideSnippet, type Snippet } from '../documents/in-app';
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

export const wordingRules: RuleDefinition[] = [
  {
    id: 'in-app-over-budget',
    severity: 'error',
    group: 'wording',
    title: 'Hand-written in-app text over budget',
    description:
      'A hand-written in-app text is kept as written, so one longer than its character budget (settings.inAppLimits, 120 and 400 by default) does not fit the space the design gave it. Generated texts always fit.',
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
