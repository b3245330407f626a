// The review: rules that read a valid workspace and say what is missing or wrong before a regulator, a
// store reviewer or a customer does. Errors are defects (a required disclosure missing, a store
// declaration that would be wrong, a limit the team set that is broken); warnings are judgement calls;
// info is a hint. A workspace with no real defect has no errors.
import type { Workspace } from './schema';
import { appleRules } from './lint/apple';
import { californiaRules } from './lint/california';
import { completenessRules } from './lint/completeness';
import { cookieRules } from './lint/cookies';
import { dataTypeRules } from './lint/data-types';
import { healthAndIncentiveRules } from './lint/health-and-incentives';
import { materialChangeRules } from './lint/material-changes';
import { mergeConflictRules } from './lint/merge-conflicts';
import { workspaceFacts, type WorkspaceFacts } from './lint/facts';
import { comparePaths } from './lint/order';
import { organizationRules } from './lint/organization';
import { playRules } from './lint/play';
import { purposeRules } from './lint/purposes';
import { recipientRules } from './lint/recipients';
import { SEVERITIES, type Finding, type LintRule, type RuleDefinition, type Severity } from './lint/types';
import { usageRules } from './lint/usage';
import { usStateRules } from './lint/us-states';
import { wordingRules } from './lint/wording';

export type { Finding, LintRule, RuleGroup, Severity } from './lint/types';
export type { PreviousVersion } from './lint/facts';
export { SEVERITIES } from './lint/types';
export { READABILITY_LIMIT } from './lint/wording';

const DEFINITIONS: readonly RuleDefinition[] = [
  ...completenessRules,
  ...organizationRules,
  ...californiaRules,
  ...usStateRules,
  ...purposeRules,
  ...recipientRules,
  ...cookieRules,
  ...usageRules,
  ...dataTypeRules,
  ...healthAndIncentiveRules,
  ...wordingRules,
  ...appleRules,
  ...playRules,
  ...materialChangeRules,
  ...mergeConflictRules,
];

/** The rule catalogue: what each rule checks and how serious a finding is. */
export const LINT_RULES: readonly LintRule[] = DEFINITIONS.map(({ id, severity, group, title, description }) =>
  Object.freeze({ id, severity, group, title, description }),
);

const RULE_BY_ID = new Map(LINT_RULES.map((r) => [r.id, r]));
const RULE_ORDER = new Map(LINT_RULES.map((r, i) => [r.id, i]));

export function lintRule(id: string): LintRule | undefined {
  return RULE_BY_ID.get(id);
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings in file order (as validation problems are), errors first where two share a place, then in catalogue order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    comparePaths(a.path, b.path) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0)
  );
}

/**
 * Every finding of every rule for a valid workspace (run `validateWorkspace` first: the rules trust
 * its structure, and must cope with anything merely incomplete, such as an empty name or no purpose).
 * `facts` may be passed when the caller has already worked them out; facts made with the last published
 * version (`workspaceFacts(workspace, { previous })`) add the material-change rules' findings.
 */
export function lintWorkspace(workspace: Workspace, facts: WorkspaceFacts = workspaceFacts(workspace)): Finding[] {
  const findings: Finding[] = [];
  for (const rule of DEFINITIONS) {
    for (const { path, message } of rule.check(facts)) {
      findings.push({ rule: rule.id, severity: rule.severity, path, message });
    }
  }
  return findings.sort(compareFindings);
}

/** How many findings of each severity. */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Findings grouped by severity, errors first, each group in file order. */
export function groupFindings(findings: readonly Finding[]): { severity: Severity; findings: Finding[] }[] {
  return SEVERITIES.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity) })).filter(
    (g) => g.findings.length > 0,
  );
}
