import { useEffect } from 'react';
import { Center, Loader, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import type { CandorEvent } from '../../../core/api';
import { getBridge } from '../transport';
import { useEditor } from '../state/store';
import { flushReport, hasUnsavedWork } from '../state/unsaved';
import { announceRecovery } from './recovery';
import { followIds } from '../state/follow-ids';
import { useUi } from '../state/ui';
import { incidentsUnsaved, useIncidents } from '../state/incidents';
import { navigate, type Route } from '../state/route';
import { NAVIGATION } from './navigation';
import { runCommand } from './commands';
import { Shell } from './Shell';
import { OpenError } from '../components/OpenError/OpenError';
import { NoWorkspace } from '../components/OpenError/NoWorkspace';

function handleEvent(event: CandorEvent): void {
  const editor = useEditor.getState();
  switch (event.type) {
    case 'session-replaced':
      editor.load(event.state);
      announceRecovery(event.state);
      useUi.getState().setChangedOnDisk(false);
      break;
    case 'workspace-changed-on-disk':
      useUi.getState().setChangedOnDisk(true);
      break;
    case 'menu':
      runCommand(event.command);
      break;
    case 'flush-request':
      // The incident register is a file of its own: its edits are written too before the app quits.
      void Promise.allSettled([editor.flush(), useIncidents.getState().flush()]).finally(() => {
        const report = flushReport();
        const incidents = useIncidents.getState();
        if (report.saved && incidentsUnsaved(incidents)) {
          getBridge().flushed({
            saved: false,
            problem: incidents.saveError?.message ?? 'Changes to the incident register are not saved yet.',
          });
        } else getBridge().flushed(report);
      });
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
    const stopFollowing = followIds();
    void bridge.invoke('workspace-get', {}).then((result) => {
      if (result.ok) {
        load(result.value);
        announceRecovery(result.value);
      } else load({ status: 'error', path: '', error: result.error });
    });
    // Anything not on disk (waiting to save, saving, or refused) makes the browser ask before the tab
    // closes or reloads; a pending save is started at once, so staying a moment is usually enough.
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!hasUnsavedWork() && !incidentsUnsaved()) return;
      void useEditor.getState().flush();
      void useIncidents.getState().flush();
      e.preventDefault();
      // Older browsers show the prompt only when a return value is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      off();
      stopFollowing();
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
    ['mod+shift+P', () => runCommand('publish-version')],
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
