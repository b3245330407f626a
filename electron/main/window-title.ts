// The window title names the workspace and its file, so two copies of one workspace (a branch
// checkout, a backup) can be told apart in the task switcher.
import { basename } from 'node:path';
import type { SessionState } from '../../core/api';

export const APP_TITLE = 'Candor';

export function windowTitle(state: SessionState): string {
  switch (state.status) {
    case 'none':
      return APP_TITLE;
    case 'error':
      return `${basename(state.path)} — ${APP_TITLE}`;
    case 'open': {
      const name = state.workspace.organization.name.trim();
      const parts = [name, basename(state.path), APP_TITLE].filter((part) => part !== '');
      const title = parts.join(' — ');
      return state.readOnly ? `${title} (read-only)` : title;
    }
  }
}

/** The file macOS shows in the title bar's proxy icon, or '' for none. */
export function representedFilename(state: SessionState): string {
  return state.status === 'none' ? '' : state.path;
}
