// Consumer health data under Washington's My Health My Data Act (RCW 19.373) and Nevada SB 370, and the
// financial incentives of the CCPA (11 CCR 7016): which data types and documents these laws reach. The
// documents, the review and the editor ask the same questions here, so that a document is offered
// exactly when the review checks it.
import { deriveClassification } from './reference';
import type { DataType, Jurisdiction, Recipient, Workspace } from './schema';
import { lineage } from './taxonomy';
import { usStatesIn, type UsStateLaw } from './us-states';

// Categories whose data is consumer health data by its nature: health and medical data, genetic data
// and biometric data (RCW 19.373.010, the definition of consumer health data). Fitness and wellness data is recognised by its store type
// below, since the taxonomy files it under sensors.
const HEALTH_CATEGORIES = ['user.health_and_medical', 'user.biometric', 'user.authorization.biometric'];
const HEALTH_STORE_TYPES = new Set(['Health', 'Fitness', 'PSL_HEALTH', 'PSL_FITNESS']);

export interface ConsumerHealthClassification {
  value: boolean;
  /** 'override' when the team set `sensitivity.consumerHealth`, 'category' when derived */
  source: 'override' | 'category';
}

type Classifiable = Pick<DataType, 'category' | 'classification' | 'sensitivity'>;

/**
 * Whether a data type is consumer health data: the team's `sensitivity.consumerHealth` when set;
 * otherwise health, medical, genetic, biometric, fitness and wellness data by its category or its
 * Apple or Google Play data type. Precise location is consumer health data only when it can reveal
 * visits to health care services, which the category cannot tell, so the team marks it.
 */
export function consumerHealthOf(dataType: Classifiable): ConsumerHealthClassification {
  const override = dataType.sensitivity?.consumerHealth;
  if (override !== undefined) return { value: override, source: 'override' };
  if (lineage(dataType.category).some((key) => HEALTH_CATEGORIES.includes(key))) return { value: true, source: 'category' };
  const derived = deriveClassification(dataType);
  return { value: HEALTH_STORE_TYPES.has(derived.apple) || HEALTH_STORE_TYPES.has(derived.play), source: 'category' };
}

export function isConsumerHealthData(dataType: Classifiable): boolean {
  return consumerHealthOf(dataType).value;
}

/** The consumer health data laws among the jurisdictions: Washington, Nevada, both or none. */
export function healthLawsIn(jurisdictions: readonly Jurisdiction[]): UsStateLaw[] {
  return usStatesIn(jurisdictions).filter((s) => s.kind === 'health');
}

/**
 * A recipient with whom giving consumer health data is "sharing": anyone but a processor, which acts on
 * the organisation's behalf (RCW 19.373.010, the definition of sharing). Affiliates count: the laws name them.
 */
export function receivesHealthDataAsSharing(recipient: Pick<Recipient, 'role'>): boolean {
  return recipient.role !== 'processor';
}

/** The workspace includes Washington or Nevada and some data type is consumer health data. */
export function consumerHealthPolicyApplies(workspace: Workspace): boolean {
  return healthLawsIn(workspace.organization.jurisdictions).length > 0 && workspace.dataTypes.some(isConsumerHealthData);
}

/** The workspace includes California and records a financial incentive. */
export function financialIncentiveNoticeApplies(workspace: Workspace): boolean {
  return workspace.organization.jurisdictions.includes('ccpa') && (workspace.financialIncentives?.length ?? 0) > 0;
}
