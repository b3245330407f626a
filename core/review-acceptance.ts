// Accepted findings and coverage items marked not applicable: how a review can be finished. A team
// that has considered a warning or an info finding records why it stands (workspace `review.accepted`);
// the acceptance holds only while the entity the finding is about is unchanged, which a fingerprint
// of that entity (a data type, purpose, recipient, collection point, or the organization or settings
// section) checks. Errors are defects and are never accepted, whatever the file says.
import type { CoverageSection, CoverageStatus } from './coverage';
import type { Finding } from './lint';
import type { Workspace } from './schema';
import { parsePath } from './validate';

export type Acceptance = NonNullable<NonNullable<Workspace['review']>['accepted']>[number];
export type NotApplicable = NonNullable<NonNullable<Workspace['review']>['notApplicable']>[number];

export interface AcceptedFinding {
  finding: Finding;
  acceptance: Acceptance;
}

export interface AppliedAcceptances {
  /** findings still to deal with: every error, and each warning or info nobody accepted */
  open: Finding[];
  /** warnings and infos accepted for the entity as it is now */
  accepted: AcceptedFinding[];
  /**
   * acceptances that no longer hold: the finding is gone, the entity changed since, or the rule reports
   * an error. They are kept in the file (the reason stays on record) but count for nothing.
   */
  stale: Acceptance[];
}

/** Values the canonical writer leaves out, so a field cleared to "" and one removed hash alike. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** JSON with keys sorted and empty values left out: the same text for the same content, whatever the key order. */
function stableText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => !isEmpty(record[k]))
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableText(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** FNV-1a, 32 bits, over the UTF-16 code units: short, stable and pure (not a security measure). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The entity a finding's path points into: an entry of one of the four lists, the organization or
 * settings section, or (for a path at the top) the workspace without its review record.
 */
function entityAt(workspace: Workspace, path: string): unknown {
  const [top, index] = parsePath(path);
  if (top === undefined || top === '') {
    const { review: _review, ...rest } = workspace;
    return rest;
  }
  const section = (workspace as Record<string, unknown>)[String(top)];
  if (Array.isArray(section) && typeof index === 'number') return section[index];
  return section;
}

/** A short hash of the entity the path points into; it changes when anything in that entity does. */
export function entityFingerprint(workspace: Workspace, path: string): string {
  return fnv1a(stableText(entityAt(workspace, path)));
}

const key = (rule: string, path: string) => `${rule}\u0000${path}`;

/** Splits the findings into open and accepted, by the workspace's `review.accepted`. */
export function applyAcceptances(findings: readonly Finding[], workspace: Workspace): AppliedAcceptances {
  const recorded = workspace.review?.accepted ?? [];
  if (recorded.length === 0) return { open: [...findings], accepted: [], stale: [] };
  const byKey = new Map<string, Acceptance>();
  for (const acceptance of recorded) byKey.set(key(acceptance.rule, acceptance.path), acceptance);
  const used = new Set<Acceptance>();
  const fingerprints = new Map<string, string>();
  const fingerprint = (path: string) => {
    const [top, index] = parsePath(path);
    const entity = `${top ?? ''}|${typeof index === 'number' ? index : ''}`;
    let value = fingerprints.get(entity);
    if (value === undefined) fingerprints.set(entity, (value = entityFingerprint(workspace, path)));
    return value;
  };
  const open: Finding[] = [];
  const accepted: AcceptedFinding[] = [];
  for (const finding of findings) {
    const acceptance = finding.severity === 'error' ? undefined : byKey.get(key(finding.rule, finding.path));
    if (acceptance && acceptance.fingerprint === fingerprint(finding.path)) {
      accepted.push({ finding, acceptance });
      used.add(acceptance);
    } else open.push(finding);
  }
  return { open, accepted, stale: recorded.filter((a) => !used.has(a)) };
}

/** The record that accepts a finding, for the workspace's `review.accepted`. */
export function acceptanceFor(finding: Finding, workspace: Workspace, details: { reason: string; by?: string; on: string }): Acceptance {
  const by = details.by?.trim();
  return {
    rule: finding.rule,
    path: finding.path,
    fingerprint: entityFingerprint(workspace, finding.path),
    reason: details.reason.trim(),
    ...(by ? { by } : {}),
    on: details.on,
  };
}

/** Whether an acceptance record is the one for this finding (same rule, same place). */
export function isAcceptanceOf(acceptance: Acceptance, finding: Finding): boolean {
  return acceptance.rule === finding.rule && acceptance.path === finding.path;
}

/** The team's record for a coverage item, if it marked it not applicable. */
export function notApplicableRecord(workspace: Workspace, section: string, item: string): NotApplicable | undefined {
  return workspace.review?.notApplicable?.find((n) => n.section === section && n.item === item);
}

/**
 * The coverage matrix with the items the team marked not applicable shown so, their reason as the
 * "why", and the counts worked out again. An item that does not apply by itself is left as it is.
 */
export function applyNotApplicable(sections: readonly CoverageSection[], workspace: Workspace): CoverageSection[] {
  const marked = workspace.review?.notApplicable ?? [];
  if (marked.length === 0) return [...sections];
  return sections.map((section) => {
    let changed = false;
    const requirements = section.requirements.map((requirement) => {
      const record = requirement.status === 'not-applicable' ? undefined : notApplicableRecord(workspace, section.id, requirement.id);
      if (!record) return requirement;
      changed = true;
      return { ...requirement, status: 'not-applicable' as const, why: record.reason };
    });
    if (!changed) return section;
    const counts: Record<CoverageStatus, number> = { met: 0, missing: 0, 'not-applicable': 0 };
    for (const r of requirements) counts[r.status]++;
    return { ...section, requirements, counts };
  });
}
