// The editor's state: the open workspace, every edit since it was opened (undo/redo), validation
// problems and the autosave. Edits are immutable snapshots made with immer, so undo is a pointer move.
// Only structural problems stop a save; what is merely incomplete (an empty name, no purpose yet) is
// saved as typed and shown beside its field, so no keystroke waits on the rest of the form.
import { create } from 'zustand';
import { freeze, produce, type Draft } from 'immer';
import type { CandorError, ReadOnlyReason, SessionState } from '../../../core/api';
import type { Workspace } from '../../../core/schema';
import { completenessProblems } from '../../../core/lint/completeness';
import { validateWorkspace, type Problem } from '../../../core/validate';
import { diffWorkspace, isEmptyChange } from '../../../core/changes';
import { getBridge } from '../transport';
import { settleDelay } from '../../../core/settle';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'invalid' | 'error' | 'conflict' | 'read-only';

interface HistoryEntry {
  workspace: Workspace;
  label: string;
  /** edits with the same key in quick succession (typing in one field) become one undo step */
  coalesceKey?: string;
  at: number;
}

export interface EditorState {
  session: SessionState | null;
  workspace: Workspace | null;
  revision: string;
  /** the workspace as it is on disk at `revision`; saves send only what changed since */
  savedWorkspace: Workspace | null;
  readOnly?: ReadOnlyReason;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** label of the edit that produced the current workspace (for "Undo …" tooltips) */
  lastLabel?: string;
  /** structural problems: while there are any, nothing is saved */
  problems: Problem[];
  /** what is still missing (the review's completeness errors), with the messages shown beside the fields */
  incomplete: Problem[];
  /** both of the above, by path, for the fields */
  problemsByPath: Map<string, string[]>;
  saveStatus: SaveStatus;
  saveError?: CandorError;
  lastSavedAt?: number;
  load(state: SessionState): void;
  apply(label: string, recipe: (draft: Draft<Workspace>) => void, options?: { coalesceKey?: string }): void;
  replace(label: string, workspace: Workspace): void;
  undo(): void;
  redo(): void;
  flush(): Promise<void>;
}

const COALESCE_MS = 1200;
const SAVE_DELAY_MS = 500;
// A save waits for a pause in typing, but never longer than this after the first unsaved edit, so
// every edit reaches the disk within a second even while someone types without stopping.
const MAX_SAVE_WAIT_MS = 800;
const HISTORY_LIMIT = 2000;

function indexProblems(...lists: Problem[][]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const p of lists.flat()) {
    const list = map.get(p.path) ?? [];
    list.push(p.message);
    map.set(p.path, list);
  }
  return map;
}

// Entries already found valid. Edits are immutable snapshots that keep unchanged entries as the same
// objects, so each keystroke checks the one entry it changed (plus ids and references across all of
// them) instead of revalidating 2,000 entries.
const validEntries = new WeakSet<object>();

function check(workspace: Workspace, previous: Problem[] = []): Pick<EditorState, 'problems' | 'incomplete' | 'problemsByPath'> {
  const result = validateWorkspace(workspace, { trusted: validEntries });
  if (result.ok) {
    for (const list of [workspace.purposes, workspace.recipients, workspace.collectionPoints, workspace.dataTypes]) {
      for (const entry of list) validEntries.add(entry);
    }
  }
  const problems = result.ok ? [] : result.problems;
  // Completeness trusts the structure; while that is broken, what was missing before stays shown.
  const incomplete = result.ok ? completenessProblems(workspace) : previous;
  return { problems, incomplete, problemsByPath: indexProblems(problems, incomplete) };
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
let saving: Promise<void> | undefined;
/** when the oldest edit not yet sent to the backend was made */
let unsavedSince: number | undefined;

export const useEditor = create<EditorState>()((set, get) => {
  function scheduleSave() {
    if (saveTimer) clearTimeout(saveTimer);
    const now = Date.now();
    unsavedSince ??= now;
    const delay = settleDelay(now, unsavedSince, SAVE_DELAY_MS, MAX_SAVE_WAIT_MS);
    saveTimer = setTimeout(() => void save(), delay);
  }

  async function save(): Promise<void> {
    if (saveTimer) {
      clearTimeout(saveTimer);
      saveTimer = undefined;
    }
    if (saving) {
      await saving;
    }
    unsavedSince = undefined;
    const { workspace, revision, readOnly, problems, saveStatus, savedWorkspace } = get();
    if (!workspace || readOnly) return;
    if (saveStatus === 'saved' || saveStatus === 'conflict') return;
    if (problems.length > 0) {
      set({ saveStatus: 'invalid' });
      return;
    }
    const changes = savedWorkspace ? diffWorkspace(savedWorkspace, workspace) : undefined;
    if (changes && isEmptyChange(changes)) {
      // Back where the file is (an undo to the saved state): nothing to write.
      set({ saveStatus: 'saved', saveError: undefined });
      return;
    }
    set({ saveStatus: 'saving' });
    saving = (async () => {
      const bridge = getBridge();
      // Only the edits travel; the backend holds the rest. If it no longer holds this version, send it all.
      let result = changes
        ? await bridge.invoke('workspace-save', { changes, baseRevision: revision })
        : await bridge.invoke('workspace-save', { workspace, baseRevision: revision });
      if (!result.ok && result.error.code === 'stale-base') {
        result = await bridge.invoke('workspace-save', { workspace, baseRevision: revision });
      }
      if (result.ok) {
        const stillSame = get().workspace === workspace;
        set({
          savedWorkspace: workspace,
          revision: result.value.revision,
          saveStatus: stillSame ? 'saved' : 'pending',
          saveError: undefined,
          lastSavedAt: Date.now(),
        });
        if (!stillSame) scheduleSave();
      } else if (result.error.code === 'changed-on-disk') {
        set({ saveStatus: 'conflict', saveError: result.error });
      } else if (result.error.code === 'read-only') {
        set({ saveStatus: 'read-only', saveError: result.error });
      } else if (result.error.code === 'invalid-workspace') {
        set({ saveStatus: 'invalid', saveError: result.error });
      } else {
        set({ saveStatus: 'error', saveError: result.error });
      }
    })();
    try {
      await saving;
    } finally {
      saving = undefined;
    }
  }

  function commit(label: string, next: Workspace, coalesceKey?: string) {
    const { workspace, past, readOnly } = get();
    if (!workspace || next === workspace || readOnly) return;
    const now = Date.now();
    const last = past[past.length - 1];
    const merge = coalesceKey !== undefined && last?.coalesceKey === coalesceKey && now - last.at < COALESCE_MS;
    const nextPast = merge
      ? [...past.slice(0, -1), { ...last, at: now }]
      : [...past, { workspace, label, coalesceKey, at: now }].slice(-HISTORY_LIMIT);
    set({
      workspace: next,
      past: nextPast,
      future: [],
      lastLabel: label,
      saveStatus: 'pending',
      ...check(next, get().incomplete),
    });
    scheduleSave();
  }

  return {
    session: null,
    workspace: null,
    savedWorkspace: null,
    revision: '',
    past: [],
    future: [],
    problems: [],
    incomplete: [],
    problemsByPath: new Map(),
    saveStatus: 'saved',

    load(state) {
      if (saveTimer) clearTimeout(saveTimer);
      unsavedSince = undefined;
      if (state.status === 'open') {
        // Frozen like every state immer makes from it, so the first undo back to it is no different: views
        // made from frozen objects are reused from edit to edit (core/documents/context.ts).
        freeze(state.workspace, true);
        set({
          session: state,
          workspace: state.workspace,
          savedWorkspace: state.workspace,
          revision: state.revision,
          readOnly: state.readOnly,
          past: [],
          future: [],
          lastLabel: undefined,
          saveStatus: state.readOnly ? 'read-only' : 'saved',
          saveError: undefined,
          ...check(state.workspace),
        });
      } else {
        set({
          session: state,
          workspace: null,
          savedWorkspace: null,
          revision: '',
          readOnly: undefined,
          past: [],
          future: [],
          problems: [],
          incomplete: [],
          problemsByPath: new Map(),
          saveStatus: 'saved',
          saveError: undefined,
        });
      }
    },

    apply(label, recipe, options) {
      const { workspace } = get();
      if (!workspace) return;
      commit(label, produce(workspace, recipe), options?.coalesceKey);
    },

    replace(label, workspace) {
      commit(label, freeze(workspace, true));
    },

    undo() {
      const { past, future, workspace } = get();
      const previous = past[past.length - 1];
      if (!previous || !workspace) return;
      set({
        workspace: previous.workspace,
        past: past.slice(0, -1),
        future: [{ workspace, label: previous.label, at: Date.now() }, ...future],
        lastLabel: past[past.length - 2]?.label,
        saveStatus: 'pending',
        ...check(previous.workspace, get().incomplete),
      });
      scheduleSave();
    },

    redo() {
      const { past, future, workspace } = get();
      const next = future[0];
      if (!next || !workspace) return;
      set({
        workspace: next.workspace,
        past: [...past, { workspace, label: next.label, at: Date.now() }],
        future: future.slice(1),
        lastLabel: next.label,
        saveStatus: 'pending',
        ...check(next.workspace, get().incomplete),
      });
      scheduleSave();
    },

    flush: save,
  };
});

/** Problems at a path and below it (`dataTypes[2]` gathers `dataTypes[2].name`, `dataTypes[2].purposes[0]`, …). */
export function problemsUnder(problems: Problem[], prefix: string): Problem[] {
  return problems.filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`));
}
