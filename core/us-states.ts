// The US state laws beyond California that a workspace can name in `organization.jurisdictions`. The table
// lives in resources/us-states.json with the date it was checked, so that a reviewer can re-check it
// without reading code; this module gives it types and the lookups the documents, the review and the
// editor share.
import table from '../resources/us-states.json' with { type: 'json' };
import type { Jurisdiction } from './schema';

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
}

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

/** A jurisdiction's short name for lists and badges: "GDPR", "UK GDPR", "CCPA", or a state's postal code. */
export function jurisdictionShortName(id: Jurisdiction): string {
  if (id === 'gdpr') return 'GDPR';
  if (id === 'uk-gdpr') return 'UK GDPR';
  if (id === 'ccpa') return 'CCPA';
  return usStateLaw(id).code;
}
