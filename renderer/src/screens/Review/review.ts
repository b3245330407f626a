// The review of the workspace being edited: findings (for the Review screen and the navigation's
// badges) and, on demand, the coverage matrix. Both are worked out from the workspace as it was when
// the edits last paused, so neither typing nor the screen being edited ever waits for them.
import { startTransition, useEffect, useMemo, useState } from 'react';
import { create } from 'zustand';
import { coverageMatrix, type CoverageSection } from '../../../../core/coverage';
import { settleDelay } from '../../../../core/settle';
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

// The workspace the review has caught up with, one for every component that shows the review, so that
// the badges and the Review screen always agree. At 2,000 data types the review takes tens of
// milliseconds. It catches up once the edits pause (150 ms without one, or a second at the most while
// someone keeps typing), in an idle moment: an edit's own screen (the field, the document preview)
// never waits for it, as a code editor's checks wait for the typing to stop.
interface Reviewed {
  /** the editor session it belongs to: a workspace opened since starts with its own review at once */
  session: unknown;
  workspace: Workspace | null;
}
const useReviewed = create<{ reviewed?: Reviewed }>(() => ({}));
const SETTLE_MS = 150;
const MAX_BEHIND_MS = 1000;
let latest: Reviewed | undefined;
let behindSince: number | undefined;
let cancel: (() => void) | undefined;

function follow(target: Reviewed): void {
  latest = target;
  const now = Date.now();
  behindSince ??= now;
  cancel?.();
  const catchUp = () => {
    cancel = undefined;
    behindSince = undefined;
    const reviewed = latest;
    startTransition(() => useReviewed.setState({ reviewed }));
  };
  let idle: number | undefined;
  const timer = setTimeout(
    () => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(catchUp, { timeout: 300 });
      else catchUp();
    },
    settleDelay(now, behindSince, SETTLE_MS, MAX_BEHIND_MS),
  );
  cancel = () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}

/** The workspace the review reads: the one being edited when it is valid, else the last saved one. */
function useReviewedWorkspace(): { workspace: Workspace | null; stale: boolean } {
  const session = useEditor((s) => s.session);
  const workspace = useEditor((s) => s.workspace);
  const saved = useEditor((s) => s.savedWorkspace);
  const valid = useEditor((s) => s.problems.length === 0);
  const target = valid ? workspace : (saved ?? workspace);
  const reviewed = useReviewed((s) => s.reviewed);
  const current = reviewed?.session === session;
  useEffect(() => {
    if (!current || reviewed.workspace !== target) follow({ session, workspace: target });
  }, [current, reviewed, session, target]);
  return { workspace: current ? reviewed.workspace : target, stale: !valid };
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
