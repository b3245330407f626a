import type { WorkspaceFacts } from './facts';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** One thing the review found: which rule, how serious, where (a validation path) and what to do. */
export interface Finding {
  rule: string;
  severity: Severity;
  /** in the validation form, e.g. `dataTypes[2].retention` */
  path: string;
  message: string;
}

export type RuleGroup =
  | 'completeness'
  | 'organization'
  | 'purposes'
  | 'recipients'
  | 'data-types'
  | 'usage'
  | 'wording'
  | 'apple'
  | 'play'
  | 'incidents'
  | 'changes'
  | 'merge';

export interface LintRule {
  /** kebab-case, stable: tools and people refer to it */
  id: string;
  severity: Severity;
  group: RuleGroup;
  title: string;
  /** what the rule checks, when it applies and why it matters */
  description: string;
}

export interface RuleDefinition extends LintRule {
  check(facts: WorkspaceFacts): { path: string; message: string }[];
}
