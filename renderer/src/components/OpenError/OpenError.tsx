import { useState } from 'react';
import { Alert, Button, Code, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFileAlert, IconFilePlus, IconFolderOpen, IconHistory, IconRefresh, IconShieldCheck } from '@tabler/icons-react';
import type { CandorError } from '../../../../core/api';
import { getBridge } from '../../transport';
import { useUi } from '../../state/ui';
import { Dialogs } from '../Dialogs/Dialogs';
import { showSession } from '../Dialogs/actions';
import { ProblemList } from './ProblemList';
import classes from './OpenError.module.css';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/**
 * The whole window when the workspace file could not be opened: what is wrong, where, that the file
 * was left alone, and the ways forward. The session keeps the file (and its lock), so its backups
 * can still be listed and restored from here.
 */
export function OpenError({ path, error }: { path: string; error: CandorError }) {
  const setDialog = useUi((s) => s.setDialog);
  const [busy, setBusy] = useState(false);
  const [retryError, setRetryError] = useState<CandorError | undefined>();
  const [checkedAt, setCheckedAt] = useState<Date | undefined>();
  const problems = error.problems ?? [];

  async function tryAgain() {
    setBusy(true);
    setRetryError(undefined);
    const result = await getBridge().invoke('workspace-reload', {});
    setBusy(false);
    if (!result.ok) {
      setRetryError(result.error);
      return;
    }
    setCheckedAt(new Date());
    showSession(result.value);
  }

  return (
    <div className={classes.page}>
      <Paper withBorder p="xl" radius="lg" shadow="sm" className={classes.card} component="main">
        <Stack gap="lg">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ThemeIcon size={44} radius="xl" color="red" variant="light" aria-hidden>
              <IconFileAlert size={24} stroke={1.7} />
            </ThemeIcon>
            <Stack gap={6} miw={0}>
              <Title order={1} size="h3">
                Candor can't open this workspace
              </Title>
              <Code className={classes.path} data-testid="open-error-path">
                {path}
              </Code>
            </Stack>
          </Group>

          <Text>{error.message}</Text>

          {problems.length > 0 && <ProblemList problems={problems} maxHeight={300} />}

          <Group gap="xs" wrap="nowrap" align="flex-start" className={classes.reassure}>
            <IconShieldCheck size={18} stroke={1.7} className={classes.reassureIcon} aria-hidden />
            <Text size="sm">
              Candor didn't write to this file: it is exactly as it was. Fix it in a text editor and choose Try again, or go back to a
              version Candor saved earlier.
            </Text>
          </Group>

          {retryError && (
            <Alert color="red" variant="light" title="Candor couldn't read the file again" role="alert">
              {retryError.message}
            </Alert>
          )}
          {checkedAt && !retryError && (
            <Text size="xs" c="dimmed" role="status">
              Checked again at {timeFormat.format(checkedAt)}: the file still can't be opened.
            </Text>
          )}

          <Group justify="space-between" gap="sm">
            <Group gap="sm">
              <Button leftSection={<IconRefresh size={16} />} loading={busy} onClick={() => void tryAgain()}>
                Try again
              </Button>
              <Button variant="default" leftSection={<IconHistory size={16} />} onClick={() => setDialog('backups')}>
                Restore a backup…
              </Button>
            </Group>
            <Group gap={4}>
              <Button variant="subtle" color="gray" leftSection={<IconFolderOpen size={16} />} onClick={() => setDialog('open-workspace')}>
                Open another…
              </Button>
              <Button variant="subtle" color="gray" leftSection={<IconFilePlus size={16} />} onClick={() => setDialog('new-workspace')}>
                New workspace…
              </Button>
            </Group>
          </Group>
        </Stack>
      </Paper>
      <Dialogs />
    </div>
  );
}
