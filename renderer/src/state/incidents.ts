// The incident register as the app edits it: read from its own file beside the workspace, every edit kept
// here at once and written within a second (`incidents-save` with the revision it was read at), so nothing
// typed is lost and nothing on disk is overwritten unseen. Kept apart from the workspace's editor because it
// is another file, with its own revision, lock and read-only state.
import { create } from 'zustand';
import { produce, type Draft } from 'immer';
import type { CandorError, ReadOnlyReason } from '../../../core/api';
import { IncidentRegisterSchema, emptyRegister, type Incident, type IncidentRegister } from '../../../core/incidents/schema';
import { getBridge } from '../transport';
import { useEditor } from './store';
import { settleDelay } from '../../../core/settle';

export type IncidentSaveStatus = 'saved' | 'pending' | 'saving' | 'invalid' | 'error' | 'conflict' | 'read-only';

export interface IncidentsState {
  /** the workspace the register was read for; another workspace reads its own */
  workspacePath?: string;
  /** reading: nothing to show yet */
  loading: boolean;
  /** the register could not be read; nothing may be written over it */
  loadError?: CandorError;
  /** absolute path of the register file */
  path: string;
  /** false until the first save creates the file */
  exists: boolean;
  register: IncidentRegister | null;
  /** the register as it is on disk at `revision` */
  savedRegister: IncidentRegister | null;
  revision: string | null;
  readOnly?: ReadOnlyReason;
  status: IncidentSaveStatus;
  saveError?: CandorError;
  /** structural problems by path (`incidents[0].discoveredAt`); while there are any, nothing is saved */
  problems: Map<string, string>;
  load(workspacePath: string, options?: { force?: boolean }): Promise<void>;
  /** edits one incident by id */
  edit(id: string, recipe: (incident: Draft<Incident>) => void): void;
  add(incident: Incident): void;
  remove(id: string): void;
  flush(): Promise<void>;
  /** reads the file again, dropping edits not on disk (after "changed on disk", when the person chose theirs) */
  reload(): Promise<void>;
  /** writes the edits over a file that changed on disk, after the person chose to keep theirs */
  keepMine(): Promise<void>;
}

const SAVE_DELAY_MS = 400;
// Every edit reaches the disk within a second, even while someone types without a pause.
const MAX_SAVE_WAIT_MS = 800;

let saveTimer: ReturnType<typeof setTimeout> | undefined;
let saving: Promise<void> | undefined;
let unsavedSince: number | undefined;

function problemsOf(register: IncidentRegister): Map<string, string> {
  const parsed = IncidentRegisterSchema.safeParse(register);
  const map = new Map<string, string>();
  if (parsed.success) return map;
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
    if (!map.has(path)) map.set(path, issue.message);
  }
  return map;
}

export const useIncidents = create<IncidentsState>()((set, get) => {
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
    if (saving) await saving;
    unsavedSince = undefined;
    const { register, revision, readOnly, status, problems, loadError, workspacePath } = get();
    if (!register || readOnly || loadError) return;
    // The backend writes the register of its current workspace: once the session has moved to another
    // file, this register's edits must not land beside that one.
    const session = useEditor.getState().session;
    if (session?.status === 'open' && session.path !== workspacePath) return;
    if (status === 'saved' || status === 'conflict') return;
    if (problems.size > 0) {
      set({ status: 'invalid' });
      return;
    }
    set({ status: 'saving' });
    saving = (async () => {
      const result = await getBridge().invoke('incidents-save', { baseRevision: revision, register });
      if (result.ok) {
        const stillSame = get().register === register;
        set({
          savedRegister: register,
          revision: result.value.revision,
          exists: true,
          status: stillSame ? 'saved' : 'pending',
          saveError: undefined,
        });
        if (!stillSame) scheduleSave();
      } else if (result.error.code === 'changed-on-disk') {
        set({ status: 'conflict', saveError: result.error });
      } else if (result.error.code === 'read-only' || result.error.code === 'locked') {
        set({ status: 'read-only', saveError: result.error });
      } else if (result.error.code === 'invalid-workspace') {
        set({ status: 'invalid', saveError: result.error });
      } else {
        set({ status: 'error', saveError: result.error });
      }
    })();
    try {
      await saving;
    } finally {
      saving = undefined;
    }
  }

  function commit(next: IncidentRegister) {
    const { register, readOnly, loadError } = get();
    if (!register || next === register || readOnly || loadError) return;
    set({ register: next, status: get().status === 'conflict' ? 'conflict' : 'pending', problems: problemsOf(next) });
    if (get().status !== 'conflict') scheduleSave();
  }

  async function read(workspacePath: string) {
    const result = await getBridge().invoke('incidents-get', {});
    // Another workspace was opened while this one was read: its own read is under way.
    if (get().workspacePath !== workspacePath) return;
    if (saveTimer) clearTimeout(saveTimer);
    unsavedSince = undefined;
    if (!result.ok) {
      set({ loading: false, loadError: result.error, register: null, savedRegister: null, revision: null, status: 'saved' });
      return;
    }
    const { path, exists, register, revision, readOnly } = result.value;
    set({
      loading: false,
      loadError: undefined,
      path,
      exists,
      register,
      savedRegister: register,
      revision,
      readOnly,
      status: readOnly ? 'read-only' : 'saved',
      saveError: undefined,
      problems: problemsOf(register),
    });
  }

  return {
    loading: true,
    path: '',
    exists: false,
    register: null,
    savedRegister: null,
    revision: null,
    status: 'saved',
    problems: new Map(),

    async load(workspacePath, { force = false } = {}) {
      const state = get();
      if (state.workspacePath === workspacePath && !force) return;
      // A fresh read never drops edits that are not on disk yet.
      if (state.workspacePath === workspacePath && state.status !== 'saved' && state.status !== 'read-only') return;
      if (state.workspacePath !== workspacePath) set({ workspacePath, loading: true, register: null, loadError: undefined });
      await read(workspacePath);
    },

    edit(id, recipe) {
      const { register } = get();
      if (!register) return;
      const index = register.incidents.findIndex((i) => i.id === id);
      if (index === -1) return;
      commit(
        produce(register, (draft) => {
          recipe(draft.incidents[index]);
        }),
      );
    },

    add(incident) {
      const register = get().register ?? emptyRegister();
      commit(
        produce(register, (draft) => {
          draft.incidents.push(incident);
        }),
      );
    },

    remove(id) {
      const { register } = get();
      if (!register) return;
      commit(
        produce(register, (draft) => {
          draft.incidents = draft.incidents.filter((i) => i.id !== id);
        }),
      );
    },

    flush: save,

    async reload() {
      const { workspacePath } = get();
      if (workspacePath === undefined) return;
      await read(workspacePath);
    },

    async keepMine() {
      const { workspacePath, register } = get();
      if (workspacePath === undefined || !register) return;
      const current = await getBridge().invoke('incidents-get', {});
      if (!current.ok) {
        set({ status: 'error', saveError: current.error });
        return;
      }
      // Write this window's register over the one on disk: the person saw the warning and chose theirs.
      set({ revision: current.value.revision, exists: current.value.exists, status: 'pending', saveError: undefined });
      await save();
    },
  };
});

/** Edits not on disk: waiting, being written, or refused. */
export function incidentsUnsaved(state: Pick<IncidentsState, 'status' | 'register' | 'savedRegister'> = useIncidents.getState()): boolean {
  if (state.status === 'saved') return false;
  if (state.status === 'read-only') return state.register !== state.savedRegister;
  return true;
}

/** Lets the next edit's save start afresh (tests). */
export function resetIncidentsForTests(): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = undefined;
  saving = undefined;
  unsavedSince = undefined;
  useIncidents.setState({
    workspacePath: undefined,
    loading: true,
    loadError: undefined,
    path: '',
    exists: false,
    register: null,
    savedRegister: null,
    revision: null,
    readOnly: undefined,
    status: 'saved',
    saveError: undefined,
    problems: new Map(),
  });
}
