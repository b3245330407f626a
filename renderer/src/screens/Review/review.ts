// The review of the workspace being edited: findings (for the Review screen and the navigation's
// badges) and, on demand, the coverage matrix. Both are worked out from a deferred copy of the
// workspace, so typing never waits for them.
import { useDeferredValue, useMemo } from 'react';
import { coverageMatrix, type CoverageSection } from '../../../../core/coverage';
import { countFindings, lintWorkspace, type Finding, type Severity } from '../../../../core/lint';
import { workspaceFacts, type WorkspaceFacts } from '../../../../core/lint/facts';
import { applyAcceptances, applyNotApplicable, type AcceptedFinding } from '../../../../core/review-acceptance';
import type { Workspace } from '../../../../core/schema';
import { useEditor } from '../../state/store';

export interface Review {
  /** the workspace the findings were worked out from (their paths point into it) */
  workspace: Workspace;
  /** the open findings: every error, and the warnings and infos nobody accepted */
  findings: Finding[];
  /** counts of the open findings (accepted ones do not count) */
  counts: Record<Severity, number>;
  /** warnings and infos the team accepted, for the entity as it is now */
  accepted: AcceptedFinding[];
  /**
   * true when the workspace being edited has validation problems: the rules trust the schema, so the
   * review is of the last version that was saved instead
   */
  stale: boolean;
}

interface Computed {
  facts: WorkspaceFacts;
  /** every finding, accepted or not: the coverage matrix reads them all */
  all: Finding[];
  findings: Finding[];
  counts: Record<Severity, number>;
  accepted: AcceptedFinding[];
  coverage?: CoverageSection[];
}

// The Review screen and the navigation's badges ask for the same workspace at once; working the
// findings out once is enough. Workspaces in the editor are immutable snapshots (immer), so the
// object identity says whether it changed.
let last: { workspace: Workspace; computed: Computed } | undefined;

function computed(workspace: Workspace): Computed {
  if (last?.workspace !== workspace) {
    const facts = workspaceFacts(workspace);
    const all = lintWorkspace(workspace, facts);
    const { open: findings, accepted } = applyAcceptances(all, workspace);
    last = { workspace, computed: { facts, all, findings, counts: countFindings(findings), accepted } };
  }
  return last.computed;
}

function coverageOf(workspace: Workspace): CoverageSection[] {
  const c = computed(workspace);
  c.coverage ??= applyNotApplicable(coverageMatrix(workspace, { facts: c.facts, findings: c.all }), workspace);
  return c.coverage;
}

/** The workspace the review reads: the one being edited when it is valid, else the last saved one. */
function useReviewedWorkspace(): { workspace: Workspace | null; stale: boolean } {
  const workspace = useEditor((s) => s.workspace);
  const saved = useEditor((s) => s.savedWorkspace);
  const valid = useEditor((s) => s.problems.length === 0);
  const deferred = useDeferredValue(valid ? workspace : (saved ?? workspace));
  return { workspace: deferred, stale: !valid };
}

export function useReview(): Review | undefined {
  const { workspace, stale } = useReviewedWorkspace();
  return useMemo(() => {
    if (!workspace) return undefined;
    const { findings, counts, accepted } = computed(workspace);
    return { workspace, findings, counts, accepted, stale };
  }, [workspace, stale]);
}

export function useCoverage(): { workspace: Workspace; sections: CoverageSection[] } | undefined {
  const { workspace } = useReviewedWorkspace();
  return useMemo(() => (workspace ? { workspace, sections: coverageOf(workspace) } : undefined), [workspace]);
}
