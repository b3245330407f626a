// Switching to another workspace file: the same steps whether the path came from a native dialog,
// the web mode's path modal, the recent list or the welcome page.
import type { Result, SessionState } from '../../../../core/api';
import { getBridge } from '../../transport';
import { useEditor } from '../../state/store';
import { useIncidents } from '../../state/incidents';
import { useUi } from '../../state/ui';
import { withWorkspaceExtension } from './paths';

export type PathDialog = 'new-workspace' | 'open-workspace' | 'save-as';

export function isPathDialog(dialog: string | null): dialog is PathDialog {
  return dialog === 'new-workspace' || dialog === 'open-workspace' || dialog === 'save-as';
}

export interface PathRequest {
  kind: PathDialog;
  path: string;
  /** organization name of a new workspace */
  name?: string;
  /** start a new workspace from the sample */
  example?: boolean;
}

/** Shows a session the backend switched to, closing whatever dialog led there. */
export function showSession(state: SessionState): void {
  useUi.getState().setDialog(null);
  useUi.getState().setChangedOnDisk(false);
  useEditor.getState().load(state);
}

/**
 * Creates, opens or saves to `request.path` and, when the backend agrees, shows the new session.
 * Pending edits are written first, so leaving the current workspace never drops them.
 * Failures are returned, not shown: the caller keeps its dialog open and displays them.
 */
export async function runPathRequest(request: PathRequest): Promise<Result<SessionState>> {
  const path = withWorkspaceExtension(request.path);
  const editor = useEditor.getState();
  // The incident register beside the workspace too: its edits are written before the session moves on.
  await Promise.all([editor.flush(), useIncidents.getState().flush()]);
  const bridge = getBridge();
  let result: Result<SessionState>;
  switch (request.kind) {
    case 'open-workspace':
      result = await bridge.invoke('workspace-open', { path });
      break;
    case 'new-workspace': {
      const name = request.name?.trim();
      result = await bridge.invoke('workspace-new', {
        path,
        ...(request.example ? { example: true } : {}),
        ...(name ? { name } : {}),
      });
      break;
    }
    case 'save-as': {
      const workspace = useEditor.getState().workspace;
      if (!workspace) {
        return {
          ok: false,
          error: { code: 'no-workspace', message: 'There is no open workspace to save a copy of; open one first.' },
        };
      }
      result = await bridge.invoke('workspace-save-as', { path, workspace });
      break;
    }
  }
  if (result.ok) showSession(result.value);
  return result;
}

/** Opens a file from the recent list or the welcome page. */
export function openPath(path: string): Promise<Result<SessionState>> {
  return runPathRequest({ kind: 'open-workspace', path });
}

/** One line saying what could not be done, used as the title above the backend's message. */
export function failureTitle(kind: PathDialog): string {
  switch (kind) {
    case 'open-workspace':
      return "Candor couldn't open that file";
    case 'new-workspace':
      return "Candor couldn't create the workspace";
    case 'save-as':
      return "Candor couldn't save the copy";
  }
}
