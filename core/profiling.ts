// GDPR Art 21 and 22 as they follow from the workspace: which purposes profile people, which are direct
// marketing, which carry a right to object, and how an automated decision's Art 22(2) ground reads.
// The notice, the record of processing, the review and the coverage matrix all ask here, so they agree.
import type { DecisionGround, Purpose } from './schema';

/**
 * fideslang data uses that profile by their definition: they create or use a profile of the person
 * ("Creates audience profiles…", "Targets advertisements based on data … derived about the user",
 * "Uses profiles for the purpose of serving content"). A purpose with one of these uses, or a use
 * below one, profiles unless the team says otherwise.
 */
export const PROFILING_USES = [
  'marketing.advertising.profiling',
  'marketing.advertising.first_party.targeted',
  'marketing.advertising.third_party.targeted',
  'personalize.profiling',
  'personalize.content.profiling',
  'personalize.content.profiled',
] as const;

/**
 * Uses that may or may not profile, depending on how it is done: general personalisation or advertising
 * (which may be contextual) and fraud detection (which often scores people). Candor does not guess; the
 * review asks the team to say, once, with `profiling`.
 */
export const POSSIBLY_PROFILING_USES = [
  'personalize',
  'personalize.content',
  'marketing.advertising',
  'marketing.advertising.first_party',
  'marketing.advertising.third_party',
  'essential.fraud_detection',
] as const;

const under = (use: string, keys: readonly string[]) => keys.some((key) => use === key || use.startsWith(`${key}.`));

/** Whether the purpose's data use profiles by definition. */
export function useProfiles(use: string | undefined): boolean {
  return use !== undefined && under(use, PROFILING_USES);
}

/** Whether the purpose's data use is one that may profile, which only the team can tell (exactly these keys, not the ones below them). */
export function useMayProfile(use: string | undefined): boolean {
  return use !== undefined && (POSSIBLY_PROFILING_USES as readonly string[]).includes(use);
}

/** Whether the purpose profiles people (GDPR Art 4(4)): the team's answer, or else what its data use says. */
export function profiles(purpose: Purpose): boolean {
  return purpose.profiling ?? useProfiles(purpose.use);
}

/** Direct marketing: a data use under `marketing`. The right to object to it is absolute (Art 21(2), (3)). */
export function isDirectMarketing(purpose: Purpose): boolean {
  return purpose.use === 'marketing' || (purpose.use?.startsWith('marketing.') ?? false);
}

/** Whether people may object to the purpose: legitimate interests or public task (Art 21(1)), or direct marketing (Art 21(2)). */
export function objectionApplies(purpose: Purpose): boolean {
  return purpose.lawfulBasis === 'legitimate-interests' || purpose.lawfulBasis === 'public-task' || isDirectMarketing(purpose);
}

/**
 * The Art 22(2) grounds in plain words: `because` completes "We make this decision automatically because …",
 * `label` names it on its own, `noun` completes "rests on …"; `point` is the letter in Art 22(2).
 */
export const DECISION_GROUND_LABELS: Record<DecisionGround, { because: string; label: string; noun: string; point: string }> = {
  contract: {
    because: 'it is necessary to enter into or perform our contract with you',
    label: 'Necessary for a contract',
    noun: 'the need to enter into or perform a contract with the person',
    point: 'a',
  },
  law: {
    because: 'the law allows it, with safeguards for your rights',
    label: 'Authorised by law',
    noun: 'authorisation by law',
    point: 'b',
  },
  'explicit-consent': {
    because: 'you have given your explicit consent',
    label: 'Explicit consent',
    noun: "the person's explicit consent",
    point: 'c',
  },
};
