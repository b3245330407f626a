import { useState } from 'react';
import { Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconChevronDown,
  IconClock,
  IconDeviceFloppy,
  IconFilePlus,
  IconFolderOpen,
  IconHistory,
  IconInfoCircle,
  IconVersions,
} from '@tabler/icons-react';
import { shortcutLabel } from '../shortcut';
import { getBridge } from '../../transport';
import { useEditor } from '../../state/store';
import { useUi } from '../../state/ui';
import { openPath } from '../Dialogs/actions';
import { fileName, folderOf, ltr } from '../Dialogs/paths';
import classes from './FileMenu.module.css';

type Recent = { state: 'loading' } | { state: 'ready'; paths: string[] } | { state: 'error'; message: string };

/** Opens a recent file; a file that can't be opened shows the error page, a refused request a notification. */
export async function openRecent(path: string): Promise<void> {
  const result = await openPath(path);
  if (!result.ok) {
    notifications.show({
      color: 'red',
      title: `Candor couldn't open ${fileName(path)}`,
      message: result.error.message,
      autoClose: false,
    });
  }
}

export function RecentItems({ recent, currentPath }: { recent: Recent; currentPath?: string }) {
  if (recent.state === 'loading') {
    return <Menu.Item disabled>Loading…</Menu.Item>;
  }
  if (recent.state === 'error') {
    return (
      <Menu.Item disabled>
        <Text size="sm" className={classes.wrap}>
          {recent.message}
        </Text>
      </Menu.Item>
    );
  }
  if (recent.paths.length === 0) {
    return <Menu.Item disabled>No recent workspaces</Menu.Item>;
  }
  return recent.paths.map((path) => {
    const current = path === currentPath;
    return (
      <Menu.Item
        key={path}
        disabled={current}
        onClick={() => void openRecent(path)}
        title={path}
        rightSection={
          current ? (
            <Text size="xs" c="dimmed">
              open
            </Text>
          ) : undefined
        }
      >
        <div className={classes.recent}>
          <Text size="sm" truncate="end" className={classes.recentName}>
            {fileName(path)}
          </Text>
          <Text size="xs" c="dimmed" truncate="start" className={classes.recentFolder}>
            {ltr(folderOf(path))}
          </Text>
        </div>
      </Menu.Item>
    );
  });
}

/** The header's File menu: workspace files, backups and the About box. */
export function FileMenu() {
  const setDialog = useUi((s) => s.setDialog);
  const session = useEditor((s) => s.session);
  const currentPath = session && session.status !== 'none' ? session.path : undefined;
  const [recent, setRecent] = useState<Recent>({ state: 'loading' });

  async function loadRecent() {
    setRecent({ state: 'loading' });
    const result = await getBridge().invoke('workspace-recent', {});
    setRecent(result.ok ? { state: 'ready', paths: result.value } : { state: 'error', message: result.error.message });
  }

  return (
    <Menu position="bottom-end" width={300} shadow="md" onOpen={() => void loadRecent()} withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" size="sm" rightSection={<IconChevronDown size={14} />}>
          File
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFilePlus size={16} />} onClick={() => setDialog('new-workspace')}>
          New workspace…
        </Menu.Item>
        <Menu.Item leftSection={<IconFolderOpen size={16} />} onClick={() => setDialog('open-workspace')}>
          Open…
        </Menu.Item>
        <Menu.Sub position="left-start" offset={4} width={340}>
          <Menu.Sub.Target>
            <Menu.Sub.Item leftSection={<IconClock size={16} />}>Open recent</Menu.Sub.Item>
          </Menu.Sub.Target>
          <Menu.Sub.Dropdown>
            <RecentItems recent={recent} currentPath={currentPath} />
          </Menu.Sub.Dropdown>
        </Menu.Sub>
        <Menu.Divider />
        <Menu.Item leftSection={<IconDeviceFloppy size={16} />} onClick={() => setDialog('save-as')}>
          Save as…
        </Menu.Item>
        <Menu.Item leftSection={<IconHistory size={16} />} onClick={() => setDialog('backups')}>
          Backups…
        </Menu.Item>
        <Menu.Item
          leftSection={<IconVersions size={16} />}
          rightSection={
            <Text size="xs" c="dimmed">
              {shortcutLabel('mod+shift+P')}
            </Text>
          }
          onClick={() => setDialog('publish-version')}
        >
          Publish version…
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconInfoCircle size={16} />} onClick={() => setDialog('about')}>
          About Candor
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
