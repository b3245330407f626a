// Menu commands run from three places: the native menu (through App's event handler), keyboard
// shortcuts (App) and the toolbar buttons (Shell); they live apart from both so neither imports the other.
import { notifications } from '@mantine/notifications';
import type { MenuCommand } from '../../../core/api';
import { useEditor } from '../state/store';
import { useUi } from '../state/ui';
import { navigate } from '../state/route';

/** Runs a menu command, whether it came from the native menu, a shortcut or a button. */
export function runCommand(command: MenuCommand): void {
  const editor = useEditor.getState();
  const ui = useUi.getState();
  switch (command) {
    case 'undo': {
      const label = editor.past[editor.past.length - 1]?.label;
      editor.undo();
      if (label) notifications.show({ id: 'history', message: `Undid: ${label}`, autoClose: 1800 });
      break;
    }
    case 'redo': {
      const label = editor.future[0]?.label;
      editor.redo();
      if (label) notifications.show({ id: 'history', message: `Redid: ${label}`, autoClose: 1800 });
      break;
    }
    case 'find':
      navigate({ screen: 'inventory' });
      ui.requestFocusSearch();
      break;
    case 'add-data-type':
      navigate({ screen: 'inventory' });
      ui.setDialog('add-data-type');
      break;
    case 'backups':
      ui.setDialog('backups');
      break;
    case 'new-workspace':
      ui.setDialog('new-workspace');
      break;
    case 'open-workspace':
      ui.setDialog('open-workspace');
      break;
    case 'save-as':
      ui.setDialog('save-as');
      break;
    case 'about':
      ui.setDialog('about');
      break;
    case 'publish-version':
      ui.setDialog('publish-version');
      break;
    case 'toggle-theme':
      ui.toggleTheme();
      break;
  }
}
