// The review of the workspace being edited: findings (for the Review screen and the navigation's
// badges) and, on demand, the coverage matrix. Both are worked out from a deferred copy of the
// workspace, so typing never waits for them.
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { coverageMatrix, type CoverageSection } from '../../../../core/coverage';
import { countFindings, lintWorkspace, type Finding, type Severity } from '../../../../core/lint';
import { workspaceFacts, type WorkspaceFacts } from '../../../../core/lint/facts';
import { applyAcceptances, applyNotApplicable, type AcceptedFinding } from '../../../../core/review-acceptance';
import type { Workspace } from '../../../../core/schema';
import { latestVersion } from '../../../../core/versions';
import { useEditor } from '../../state/store';
import { useVersions } from '../../state/versions';

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
let last: { workspace: Workspace; previous: Previous | undefined; computed: Computed } | undefined;

/** The latest published version, which the material-change rules compare the working copy with. */
type Previous = { version: string; workspace: Workspace };

function computed(workspace: Workspace, previous: Previous | undefined): Computed {
  if (last?.workspace !== workspace || last.previous !== previous) {
    const facts = workspaceFacts(workspace, previous ? { previous } : {});
    const all = lintWorkspace(workspace, facts);
    const { open: findings, accepted } = applyAcceptances(all, workspace);
    last = { workspace, previous, computed: { facts, all, findings, counts: countFindings(findings), accepted } };
  }
  return last.computed;
}

/**
 * The latest published version of the open workspace, once read from its archive (undefined while there
 * is none, or it cannot be read): the review then reports material changes since it, as `candor lint` does.
 */
function useLatestPublished(): Previous | undefined {
  const session = useEditor((s) => s.session);
  const path = session?.status === 'open' ? session.path : undefined;
  const list = useVersions((s) => s.list);
  const listPath = useVersions((s) => s.path);
  const [previous, setPrevious] = useState<{ path: string; value: Previous }>();
  useEffect(() => {
    if (path && listPath !== path) void useVersions.getState().load(path);
  }, [path, listPath]);
  const latest =
    path && listPath === path && list.status === 'ready' ? latestVersion({ format: 1, versions: list.list.versions }) : undefined;
  const version = latest?.version;
  useEffect(() => {
    if (!path || !version) return;
    let live = true;
    void useVersions
      .getState()
      .read(version)
      .then((result) => {
        if (live && result.ok) setPrevious({ path, value: { version, workspace: result.value.workspace } });
      });
    return () => {
      live = false;
    };
  }, [path, version]);
  return previous && previous.path === path && previous.value.version === version ? previous.value : undefined;
}

function coverageOf(workspace: Workspace, previous: Previous | undefined): CoverageSection[] {
  const c = computed(workspace, previous);
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
  const previous = useLatestPublished();
  return useMemo(() => {
    if (!workspace) return undefined;
    const { findings, counts, accepted } = computed(workspace, previous);
    return { workspace, findings, counts, accepted, stale };
  }, [workspace, stale, previous]);
}

export function useCoverage(): { workspace: Workspace; sections: CoverageSection[] } | undefined {
  const { workspace } = useReviewedWorkspace();
  const previous = useLatestPublished();
  return useMemo(() => (workspace ? { workspace, sections: coverageOf(workspace, previous) } : undefined), [workspace, previous]);
}
