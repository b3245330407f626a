// What Candor works out about an incident (core/incidents/assessment.ts) and what the drafts, the CLI, the
// review and the app read from it. The team decides; these are proposals with their reasons.
import type { ElementMatch } from './elements';
import type { Level, Residence } from './schema';

/** The data elements breach laws name, found in the affected data types (core/incidents/elements.ts). */
export type BreachElement =
  | 'name'
  | 'ssn'
  | 'government-id'
  | 'account-number'
  | 'account-access-code'
  | 'card-number'
  | 'medical'
  | 'health-insurance'
  | 'biometric'
  | 'genetic'
  | 'licence-plate'
  | 'username-or-email'
  | 'password'
  | 'security-question'
  | 'precise-location'
  | 'children'
  | 'special-category';

/** An EDPB risk factor and what it says for this incident. */
export interface RiskFactor {
  factor: 'sensitivity' | 'volume' | 'identifiability' | 'severity' | 'permanence' | 'vulnerable' | 'encryption' | 'breach-kind';
  /** how much it weighs towards risk */
  level: Level;
  /** one plain sentence: what in the incident or the inventory gives this level */
  reason: string;
}

export type Proposal = 'notify' | 'do-not-notify';

/** The Art 34(3) exceptions to telling people, when one applies. */
export type Art34Exception = 'unintelligible' | 'risk-removed' | 'disproportionate-effort';

export interface UsStateTrigger {
  residence: Residence;
  /** the state's name, "California" */
  state: string;
  /** 'yes' when the exposed elements meet the statute's definition; 'check' when Candor cannot tell */
  triggered: 'yes' | 'no' | 'check';
  /** the elements that trigger it (or would, if unencrypted) */
  elements: BreachElement[];
  reason: string;
  /** California: a sample copy to the Attorney General (more than 500 residents notified) */
  attorneyGeneral?: 'yes' | 'no' | 'check';
}

export interface RiskAssessment {
  /** EDPB: no risk likely, a risk, or a high risk to people's rights and freedoms */
  level: 'unlikely' | 'risk' | 'high';
  factors: RiskFactor[];
  /** the elements the affected data types certainly hold, in the order of core/incidents/elements.ts */
  elements: BreachElement[];
  /** every element found, certain or possible, with the data types it is in and why */
  matches: ElementMatch[];
  /** data types the incident names that the inventory does not have (the review reports them) */
  unknownDataTypes: string[];
  /** encrypted or otherwise unintelligible, with the key safe (Art 34(3)(a)) */
  unintelligible: boolean;
  authority: { proposal: Proposal; reasons: string[] };
  people: { proposal: Proposal; reasons: string[]; exception?: Art34Exception };
  usStates: UsStateTrigger[];
  /** Social Security, driver's licence or other government ID numbers exposed: credit bureaus and identity protection (1798.82(d)(2)(G)) */
  identityNumbersExposed: boolean;
}
