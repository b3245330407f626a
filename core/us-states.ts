// The US state laws beyond California that a workspace can name in `organization.jurisdictions`. The table
// lives in resources/us-states.json with the date it was checked, so that a reviewer can re-check it
// without reading code; this module gives it types and the lookups the documents, the review and the
// editor share.
import table from '../resources/us-states.json' with { type: 'json' };
import type { Classification } from './reference';
import type { Jurisdiction } from './schema';
import { lineage } from './taxonomy';

export type UsStateId = Exclude<Jurisdiction, 'gdpr' | 'uk-gdpr' | 'ccpa'>;

export interface UsStateLaw {
  id: UsStateId;
  /** the state's name, "Virginia" */
  state: string;
  /** its postal code, "VA" */
  code: string;
  /** the law's short title */
  law: string;
  citation: string;
  /** the day it took effect, YYYY-MM-DD */
  inForce: string;
  /** a comprehensive consumer privacy law, or a consumer health data law (Washington, Nevada) */
  kind: 'comprehensive' | 'health';
  /** comprehensive laws only: the right to correct inaccurate personal data (not in Utah and Iowa) */
  correction?: boolean;
  /**
   * comprehensive laws only: how sensitive data may be processed: with the person's opt-in consent, after
   * notice with a chance to opt out (Utah, Iowa), or only where strictly necessary (Maryland)
   */
  sensitiveData?: SensitiveDataRule;
  /** comprehensive laws only: a universal opt-out mechanism such as Global Privacy Control must be honoured */
  universalOptOut?: boolean;
  /** comprehensive laws only: a refused request can be appealed, and the Attorney General contacted after (not in Utah) */
  appeal?: boolean;
}

export type SensitiveDataRule = 'opt-in' | 'opt-out' | 'strictly-necessary';

export const US_STATE_LAWS: readonly UsStateLaw[] = table.states as UsStateLaw[];
export const US_STATES_CHECKED: string = table.checked;

const BY_ID = new Map<string, UsStateLaw>(US_STATE_LAWS.map((s) => [s.id, s]));

export function isUsStateId(id: string): id is UsStateId {
  return BY_ID.has(id);
}

export function usStateLaw(id: UsStateId): UsStateLaw {
  return BY_ID.get(id)!;
}

/** The workspace's US states other than California, in the table's order. */
export function usStatesIn(jurisdictions: readonly string[]): UsStateLaw[] {
  return US_STATE_LAWS.filter((s) => jurisdictions.includes(s.id));
}

/** The workspace's states with a comprehensive privacy law (not the consumer health data laws), in the table's order. */
export function comprehensiveStatesIn(jurisdictions: readonly string[]): UsStateLaw[] {
  return usStatesIn(jurisdictions).filter((s) => s.kind === 'comprehensive');
}

/** The comprehensive state laws, in the table's order. */
export const COMPREHENSIVE_STATE_LAWS: readonly UsStateLaw[] = US_STATE_LAWS.filter((s) => s.kind === 'comprehensive');

/** The consumer health data laws (Washington, Nevada), in the table's order. */
export const HEALTH_STATE_LAWS: readonly UsStateLaw[] = US_STATE_LAWS.filter((s) => s.kind === 'health');

// What the CCPA counts as sensitive but the other states' definitions of "sensitive data" (racial or
// ethnic origin, religious beliefs, health, sex life or sexual orientation, citizenship or immigration
// status, genetic or biometric data, precise geolocation) do not: log-in credentials, card numbers and
// government identification numbers. Immigration status stays in.
const NOT_STATE_SENSITIVE = ['user.authorization.credentials', 'user.authorization.password', 'user.financial', 'user.government_id'];
const STATE_SENSITIVE_AFTER_ALL = ['user.government_id.immigration'];

/**
 * Whether a data type is "sensitive data" under the comprehensive state laws: special-category data, or
 * CCPA sensitive personal information other than credentials, card and government identification numbers.
 */
export function isStateSensitive(category: string, classification: Pick<Classification, 'gdprSpecial' | 'ccpaSensitive'>): boolean {
  if (classification.gdprSpecial) return true;
  if (!classification.ccpaSensitive) return false;
  const keys = lineage(category);
  if (keys.some((k) => STATE_SENSITIVE_AFTER_ALL.includes(k))) return true;
  return !keys.some((k) => NOT_STATE_SENSITIVE.includes(k));
}

/**
 * Whether a data use is targeted advertising under the state laws: advertising chosen from activity
 * across other companies' sites and apps. Advertising based on activity in the organisation's own
 * product is not (first_party.targeted), nor is contextual advertising.
 */
export function isTargetedAdvertisingUse(use: string | undefined): boolean {
  return use === TARGETED || use?.startsWith(`${TARGETED}.`) === true;
}
const TARGETED = 'marketing.advertising.third_party.targeted';

/** A jurisdiction's short name for lists and badges: "GDPR", "UK GDPR", "CCPA", or a state's postal code. */
export function jurisdictionShortName(id: Jurisdiction): string {
  if (id === 'gdpr') return 'GDPR';
  if (id === 'uk-gdpr') return 'UK GDPR';
  if (id === 'ccpa') return 'CCPA';
  return usStateLaw(id).code;
}
