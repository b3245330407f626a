// Whether the editor holds edits that are not on disk, and the answer to the desktop app's flush request
// before it quits: "all saved", or what stopped the save, so the app can say so instead of losing them.
import type { FlushReport } from '../../../core/api';
import { useEditor, type EditorState } from './store';

/** Edits waiting to be written, being written, or refused (the file changed, it turned read-only, an error). */
export function hasUnsavedWork(state: Pick<EditorState, 'saveStatus' | 'workspace' | 'savedWorkspace'> = useEditor.getState()): boolean {
  switch (state.saveStatus) {
    case 'saved':
      return false;
    case 'read-only':
      // Opened read-only: nothing could be edited. Turned read-only by a refused save: those edits are unsaved.
      return state.workspace !== state.savedWorkspace;
    default:
      return true;
  }
}

/** Called once a flush has finished: is everything on disk, and if not, why. */
export function flushReport(
  state: Pick<EditorState, 'saveStatus' | 'saveError' | 'workspace' | 'savedWorkspace'> = useEditor.getState(),
): FlushReport {
  if (!hasUnsavedWork(state)) return { saved: true };
  const problem =
    state.saveError?.message ??
    (state.saveStatus === 'invalid'
      ? 'Some entries have problems that stop Candor from saving; each is marked beside its field.'
      : undefined);
  return problem ? { saved: false, problem } : { saved: false };
}
