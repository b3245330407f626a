import { useEffect, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconFilePlus, IconFolderOpen, IconShieldCheck, IconSparkles } from '@tabler/icons-react';
import type { CandorError, Result, SessionState } from '../../../../core/api';
import { getBridge } from '../../transport';
import { useUi } from '../../state/ui';
import { Dialogs } from '../Dialogs/Dialogs';
import { openPath, runPathRequest } from '../Dialogs/actions';
import { fileName, folderOf, joinPath, ltr } from '../Dialogs/paths';
import classes from './OpenError.module.css';

const SAMPLE_COPY = 'ridgeline-copy.candor.json';

/**
 * Opens a copy of the sample kept in the data folder: made on first use, reopened after that.
 * The `examples` folder may not exist yet, so the data folder itself is the second choice.
 */
export async function openSample(): Promise<Result<SessionState>> {
  const info = await getBridge().invoke('app-info', {});
  if (!info.ok) return info;
  const candidates = [joinPath(joinPath(info.value.dataDir, 'examples'), SAMPLE_COPY), joinPath(info.value.dataDir, SAMPLE_COPY)];
  let last: Result<SessionState> | undefined;
  for (const path of candidates) {
    last = await runPathRequest({ kind: 'new-workspace', path, example: true });
    if (last.ok) return last;
    // `forbidden` is the backend's "this file already exists": the copy made last time.
    if (last.error.code === 'forbidden') return openPath(path);
    if (last.error.code !== 'not-found' || last.error.file !== path) return last;
  }
  return last!;
}

function moveFocus(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('button'));
  const current = items.indexOf(document.activeElement as HTMLElement);
  const next = event.key === 'ArrowDown' ? Math.min(items.length - 1, current + 1) : Math.max(0, current - 1);
  items[next]?.focus();
  event.preventDefault();
}

/** The window when no workspace is open: start one, open one, or look around the sample. */
export function NoWorkspace() {
  const setDialog = useUi((s) => s.setDialog);
  const [recent, setRecent] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | undefined>();
  const [failure, setFailure] = useState<{ title: string; error: CandorError } | undefined>();

  useEffect(() => {
    let cancelled = false;
    void getBridge()
      .invoke('workspace-recent', {})
      .then((result) => {
        if (!cancelled && result.ok) setRecent(result.value);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  async function attempt(key: string, title: string, action: () => Promise<Result<SessionState>>) {
    setBusy(key);
    setFailure(undefined);
    const result = await action();
    setBusy(undefined);
    if (!result.ok) setFailure({ title, error: result.error });
  }

  return (
    <div className={classes.page}>
      <Stack gap="lg" className={classes.welcome} component="main">
        <Stack gap="xs" align="center" ta="center">
          <IconShieldCheck size={48} stroke={1.5} color="var(--mantine-primary-color-filled)" aria-hidden />
          <Title order={1} size="h2">
            Welcome to Candor
          </Title>
          <Text c="dimmed" maw={520}>
            Keep one inventory of the personal data your product collects, and generate your privacy notice, store disclosures and in-app
            text from it.
          </Text>
        </Stack>

        <Group justify="center" gap="sm">
          <Button leftSection={<IconFilePlus size={16} />} onClick={() => setDialog('new-workspace')}>
            New workspace…
          </Button>
          <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => setDialog('open-workspace')}>
            Open…
          </Button>
          <Button
            variant="default"
            leftSection={<IconSparkles size={16} />}
            loading={busy === 'sample'}
            onClick={() => void attempt('sample', "Candor couldn't open the sample", openSample)}
          >
            Open the sample
          </Button>
        </Group>

        {failure && (
          <Alert color="red" variant="light" title={failure.title} role="alert">
            {failure.error.message}
          </Alert>
        )}

        {recent.length > 0 && (
          <Paper withBorder p="sm">
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" px={12} pb={4}>
              Recent
            </Text>
            <Stack gap={2} onKeyDown={moveFocus} aria-label="Recent workspaces" role="list">
              {recent.map((path) => (
                <div role="listitem" key={path}>
                  <UnstyledButton
                    className={classes.recentItem}
                    title={path}
                    disabled={busy !== undefined}
                    onClick={() => void attempt(path, `Candor couldn't open ${fileName(path)}`, () => openPath(path))}
                  >
                    <Text size="sm" fw={500} truncate="end">
                      {fileName(path)}
                    </Text>
                    <Text size="xs" c="dimmed" truncate="start" className={classes.recentFolder}>
                      {ltr(folderOf(path))}
                    </Text>
                  </UnstyledButton>
                </div>
              ))}
            </Stack>
          </Paper>
        )}
      </Stack>
      <Dialogs />
    </div>
  );
}
