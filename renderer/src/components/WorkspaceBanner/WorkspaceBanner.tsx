import { useState } from 'react';
import { Alert, Anchor, Button, Collapse, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileAlert, IconGitMerge, IconLock, IconRefresh } from '@tabler/icons-react';
import type { CandorError, ReadOnlyReason } from '../../../../core/api';
import { mergeConflictsOf } from '../../../../core/merge-conflicts';
import { getBridge } from '../../transport';
import { navigate } from '../../state/route';
import { useEditor, type SaveStatus } from '../../state/store';
import { useUi } from '../../state/ui';
import { showSession } from '../Dialogs/actions';
import { fileName } from '../Dialogs/paths';
import classes from './WorkspaceBanner.module.css';

// Statuses in which the editor holds edits that are not in the file.
const UNSAVED: ReadonlySet<SaveStatus> = new Set(['pending', 'saving', 'invalid', 'error', 'conflict']);

/** One notice across the top of the workspace: the same full-width light alert for each kind. */
function BannerAlert({
  color,
  icon,
  testId,
  role,
  children,
}: {
  color: string;
  icon: React.ReactNode;
  testId: string;
  role?: 'alert';
  children: React.ReactNode;
}) {
  return (
    <Alert
      color={color}
      variant="light"
      radius={0}
      icon={icon}
      className={classes.banner}
      classNames={{ wrapper: classes.wrapper, icon: classes.icon }}
      data-testid={testId}
      {...(role ? { role } : {})}
    >
      {children}
    </Alert>
  );
}

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
    <BannerAlert color="orange" icon={<IconFileAlert size={18} />} testId="banner-changed-on-disk">
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <div className={classes.text}>
          <Text size="sm">
            <b>{file}</b> changed on disk (for example after a git pull).{' '}
            {unsaved
              ? 'Reload to see the new version; reloading discards your unsaved changes unless you save them as a copy first.'
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
    </BannerAlert>
  );
}

const READ_ONLY_COPY: Record<ReadOnlyReason['kind'], { headline: string; hint: string }> = {
  locked: {
    headline: 'Read-only: this file is open in another Candor window or process.',
    hint: 'Close it there and choose Reload, or keep working on a copy with Save as.',
  },
  'newer-version': {
    headline: 'Read-only: this file was written by a newer version of Candor.',
    hint: 'Editing is disabled so that nothing this version does not understand is lost. Update Candor to edit it.',
  },
  'not-writable': {
    headline: "Read-only: Candor can't save to this file where it is.",
    hint: 'Use Save as to keep working on a copy in another folder.',
  },
};

function ReadOnly({ reason }: { reason: ReadOnlyReason }) {
  const setDialog = useUi((s) => s.setDialog);
  const { busy, error, reload } = useReload();
  const [details, setDetails] = useState(false);
  const copy = READ_ONLY_COPY[reason.kind];
  return (
    <BannerAlert color="yellow" icon={<IconLock size={18} />} testId="banner-read-only">
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <div className={classes.text}>
          <Text size="sm">
            <b>{copy.headline}</b> {copy.hint}{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => setDetails((d) => !d)} aria-expanded={details}>
              {details ? 'Hide details' : 'Details'}
            </Anchor>
          </Text>
          <Collapse expanded={details}>
            <Text size="xs" c="dimmed" mt={4} className={classes.details}>
              {reason.message}
            </Text>
          </Collapse>
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
    </BannerAlert>
  );
}

/** A git merge left conflicts in the file (`candor merge`): they are chosen in the Review screen. */
function MergeConflictsNotice({ count }: { count: number }) {
  return (
    <BannerAlert color="orange" icon={<IconGitMerge size={18} />} testId="banner-merge-conflicts">
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm" className={classes.text}>
          <b>This file has {count === 1 ? '1 merge conflict' : `${count} merge conflicts`} from git.</b> Both sides changed the same{' '}
          {count === 1 ? 'field' : 'fields'}; the file holds ours until you choose.
        </Text>
        <Button
          size="xs"
          color="orange"
          leftSection={<IconGitMerge size={14} />}
          onClick={() => navigate({ screen: 'review', tab: 'conflicts' })}
        >
          Choose values
        </Button>
      </Group>
    </BannerAlert>
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
  const mergeConflicts = useEditor((s) => (s.workspace ? mergeConflictsOf(s.workspace).length : 0));
  const [retrying, setRetrying] = useState(false);

  if (!session || session.status !== 'open') return null;
  const file = fileName(session.path);
  const conflict = changedOnDisk || saveStatus === 'conflict';

  return (
    <div className={classes.stack} role="region" aria-label="Workspace notices">
      {readOnly && <ReadOnly reason={readOnly} />}
      {conflict && <ChangedOnDisk file={file} unsaved={UNSAVED.has(saveStatus)} />}
      {mergeConflicts > 0 && <MergeConflictsNotice count={mergeConflicts} />}
      {saveStatus === 'error' && !conflict && (
        <BannerAlert color="red" icon={<IconAlertTriangle size={18} />} testId="banner-save-error" role="alert">
          <Group justify="space-between" gap="sm" wrap="nowrap">
            <Text size="sm" className={classes.text}>
              <b>Your last changes are not saved.</b> {saveError?.message ?? `Candor could not write ${file}.`} They are kept here until a
              save succeeds.
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
        </BannerAlert>
      )}
    </div>
  );
}
