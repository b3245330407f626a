import { useEffect } from 'react';
import { Center, Loader, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { CandorEvent, MenuCommand } from '../../../core/api';
import { getBridge } from '../transport';
import { useEditor } from '../state/store';
import { useUi } from '../state/ui';
import { navigate, type Route } from '../state/route';
import { NAVIGATION } from './navigation';
import { Shell } from './Shell';
import { OpenError } from '../components/OpenError/OpenError';
import { NoWorkspace } from '../components/OpenError/NoWorkspace';

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
    case 'toggle-theme':
      ui.toggleTheme();
      break;
  }
}

function handleEvent(event: CandorEvent): void {
  const editor = useEditor.getState();
  switch (event.type) {
    case 'session-replaced':
      editor.load(event.state);
      useUi.getState().setChangedOnDisk(false);
      break;
    case 'workspace-changed-on-disk':
      useUi.getState().setChangedOnDisk(true);
      break;
    case 'menu':
      runCommand(event.command);
      break;
    case 'flush-request':
      void editor.flush().finally(() => getBridge().flushed());
      break;
  }
}

export function App() {
  const session = useEditor((s) => s.session);
  const load = useEditor((s) => s.load);
  // In the desktop app the native menu owns these accelerators; binding them here too would run them twice.
  const menuOwnsShortcuts = Boolean(window.candor);

  useEffect(() => {
    const bridge = getBridge();
    const off = bridge.on(handleEvent);
    void bridge.invoke('workspace-get', {}).then((result) => {
      if (result.ok) load(result.value);
      else load({ status: 'error', path: '', error: result.error });
    });
    const beforeUnload = (e: BeforeUnloadEvent) => {
      const status = useEditor.getState().saveStatus;
      if (status === 'pending' || status === 'saving') {
        void useEditor.getState().flush();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      off();
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [load]);

  useHotkeys(
    menuOwnsShortcuts
      ? []
      : [
          ['mod+Z', () => runCommand('undo')],
          ['mod+shift+Z', () => runCommand('redo')],
          ['mod+Y', () => runCommand('redo')],
          ['mod+F', () => runCommand('find')],
        ],
    [],
  );
  useHotkeys([
    ...NAVIGATION.map((link) => [link.hotkey, () => navigate({ screen: link.screen } as Route)] as [string, () => void]),
    ['mod+shift+N', () => runCommand('add-data-type')],
    ['mod+shift+L', () => runCommand('toggle-theme')],
  ]);

  if (!session) {
    return (
      <Center h="100%">
        <Stack align="center" gap="xs">
          <Loader />
          <Text c="dimmed" size="sm">
            Opening your workspace…
          </Text>
        </Stack>
      </Center>
    );
  }
  if (session.status === 'error') return <OpenError path={session.path} error={session.error} />;
  if (session.status === 'none') return <NoWorkspace />;
  return <Shell />;
}
