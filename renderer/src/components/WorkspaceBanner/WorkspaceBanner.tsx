import { useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileAlert, IconLock, IconRefresh } from '@tabler/icons-react';
import type { CandorError, ReadOnlyReason } from '../../../../core/api';
import { getBridge } from '../../transport';
import { useEditor, type SaveStatus } from '../../state/store';
import { useUi } from '../../state/ui';
import { showSession } from '../Dialogs/actions';
import { fileName } from '../Dialogs/paths';
import classes from './WorkspaceBanner.module.css';

// Statuses in which the editor holds edits that are not in the file.
const UNSAVED: ReadonlySet<SaveStatus> = new Set(['pending', 'saving', 'invalid', 'error', 'conflict']);

/** Re-reads the file from disk; a refusal is kept to be shown beside the button. */
function useReload() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CandorError | undefined>();
  async function reload() {
    setBusy(true);
    setError(undefined);
    const result = await getBridge().invoke('workspace-reload', {});
    setBusy(false);
    if (result.ok) showSession(result.value);
    else setError(result.error);
  }
  return { busy, error, reload };
}

function ReloadError({ error }: { error?: CandorError }) {
  if (!error) return null;
  return (
    <Text size="sm" c="red" mt={4} role="alert">
      {error.message}
    </Text>
  );
}

function ChangedOnDisk({ file, unsaved }: { file: string; unsaved: boolean }) {
  const setDialog = useUi((s) => s.setDialog);
  const { busy, error, reload } = useReload();

  return (
    <Alert
      color="orange"
      variant="light"
      radius={0}
      icon={<IconFileAlert size={18} />}
      className={classes.banner}
      data-testid="banner-changed-on-disk"
    >
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <div className={classes.text}>
          <Text size="sm">
            <b>{file}</b> changed on disk (for example after a git pull).{' '}
            {unsaved
              ? 'Reload to see the new version; reloading discards the changes you have not saved, unless you save them as a copy first.'
              : 'Reload to see the new version.'}
          </Text>
          <ReloadError error={error} />
        </div>
        <Group gap="xs" wrap="nowrap">
          {unsaved && (
            <Button size="xs" variant="default" onClick={() => setDialog('save-as')}>
              Save mine as a copy…
            </Button>
          )}
          <Button size="xs" color="orange" leftSection={<IconRefresh size={14} />} loading={busy} onClick={() => void reload()}>
            Reload
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}

function ReadOnly({ reason }: { reason: ReadOnlyReason }) {
  const setDialog = useUi((s) => s.setDialog);
  const { busy, error, reload } = useReload();
  return (
    <Alert
      color="yellow"
      variant="light"
      radius={0}
      icon={<IconLock size={18} />}
      className={classes.banner}
      data-testid="banner-read-only"
    >
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <div className={classes.text}>
          <Text size="sm">
            <b>Read-only.</b> {reason.message}
            {reason.kind === 'newer-version' &&
              ' Editing is disabled so that nothing this version of Candor does not understand is lost.'}
            {reason.kind === 'locked' && ' To keep working meanwhile, open a copy with Save as.'}
          </Text>
          <ReloadError error={error} />
        </div>
        {reason.kind !== 'newer-version' && (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="default" onClick={() => setDialog('save-as')}>
              Save as…
            </Button>
            {reason.kind === 'locked' && (
              <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} loading={busy} onClick={() => void reload()}>
                Reload
              </Button>
            )}
          </Group>
        )}
      </Group>
    </Alert>
  );
}

/** Thin notices above the screen: why the workspace can't be saved, and what to do about it. */
export function WorkspaceBanner() {
  const readOnly = useEditor((s) => s.readOnly);
  const session = useEditor((s) => s.session);
  const saveStatus = useEditor((s) => s.saveStatus);
  const saveError = useEditor((s) => s.saveError);
  const flush = useEditor((s) => s.flush);
  const changedOnDisk = useUi((s) => s.changedOnDisk);
  const [retrying, setRetrying] = useState(false);

  if (!session || session.status !== 'open') return null;
  const file = fileName(session.path);
  const conflict = changedOnDisk || saveStatus === 'conflict';

  return (
    <div className={classes.stack} role="region" aria-label="Workspace notices">
      {readOnly && <ReadOnly reason={readOnly} />}
      {conflict && <ChangedOnDisk file={file} unsaved={UNSAVED.has(saveStatus)} />}
      {saveStatus === 'error' && !conflict && (
        <Alert
          color="red"
          variant="light"
          radius={0}
          icon={<IconAlertTriangle size={18} />}
          className={classes.banner}
          data-testid="banner-save-error"
          role="alert"
        >
          <Group justify="space-between" gap="sm" wrap="nowrap">
            <Text size="sm" className={classes.text}>
              <b>Your last changes are not saved.</b> {saveError?.message ?? `Candor could not write ${file}.`} They are
              kept here until a save succeeds.
            </Text>
            <Button
              size="xs"
              color="red"
              variant="light"
              loading={retrying}
              leftSection={<IconRefresh size={14} />}
              onClick={() => {
                setRetrying(true);
                void flush().finally(() => setRetrying(false));
              }}
            >
              Retry
            </Button>
          </Group>
        </Alert>
      )}
    </div>
  );
}
