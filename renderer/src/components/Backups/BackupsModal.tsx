import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Button, Center, EmptyState, Group, Loader, Modal, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowLeft, IconHistory, IconRestore } from '@tabler/icons-react';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { BackupEntry, CandorError } from '../../../../core/api';
import type { Workspace } from '../../../../core/schema';
import { capitalize } from '../../../../core/words';
import { getBridge } from '../../transport';
import { useEditor } from '../../state/store';
import { showSession } from '../Dialogs/actions';
import { BackupChanges } from './BackupChanges';
import classes from './Backups.module.css';
import dialogClasses from '../Dialogs/Dialogs.module.css';

dayjs.extend(relativeTime);

const absoluteFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function whenRelative(iso: string, now = Date.now()): string {
  return dayjs(iso).from(dayjs(now));
}

export function whenAbsolute(iso: string): string {
  return absoluteFormat.format(new Date(iso));
}

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** "Today", "Yesterday" or the date, for the heading of a day's versions. */
export function dayHeading(iso: string, now = Date.now()): string {
  const day = dayjs(iso).startOf('day');
  const today = dayjs(now).startOf('day');
  if (day.isSame(today)) return 'Today';
  if (day.isSame(today.subtract(1, 'day'))) return 'Yesterday';
  return dayFormat.format(day.toDate());
}

/** Entries (newest first) in runs of one calendar day each. */
export function groupByDay(entries: BackupEntry[], now = Date.now()): { heading: string; entries: BackupEntry[] }[] {
  const groups: { heading: string; entries: BackupEntry[] }[] = [];
  for (const entry of entries) {
    const heading = dayHeading(entry.savedAt, now);
    const last = groups[groups.length - 1];
    if (last?.heading === heading) last.entries.push(entry);
    else groups.push({ heading, entries: [entry] });
  }
  return groups;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} KB`;
  return `${(kb / 1024).toFixed(1)} MB`;
}

type Listing = { state: 'loading' } | { state: 'error'; error: CandorError } | { state: 'ready'; entries: BackupEntry[] };

type View =
  | { kind: 'list' }
  | { kind: 'confirm'; entry: BackupEntry }
  | { kind: 'preview'; entry: BackupEntry; content?: Workspace; error?: CandorError };

/** The saved versions, newest first, or why they could not be listed. */
async function fetchListing(): Promise<Listing> {
  const result = await getBridge().invoke('backup-list', {});
  if (!result.ok) return { state: 'error', error: result.error };
  return { state: 'ready', entries: [...result.value].sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt)) };
}

function moveFocus(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const rows = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-backup-row]'));
  const current = rows.findIndex((row) => row.contains(document.activeElement));
  const next = event.key === 'ArrowDown' ? Math.min(rows.length - 1, current + 1) : Math.max(0, current - 1);
  rows[next]?.focus();
  event.preventDefault();
}

function BackupRow({ entry, latest, onPreview, onRestore }: { entry: BackupEntry; latest: boolean; onPreview(): void; onRestore(): void }) {
  return (
    <Paper
      withBorder
      p="sm"
      className={classes.row}
      tabIndex={0}
      data-backup-row
      aria-label={`Version saved ${whenRelative(entry.savedAt)}`}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) onPreview();
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Stack gap={2} miw={0}>
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} size="sm">
              {capitalize(whenRelative(entry.savedAt))}
            </Text>
            {latest && (
              <Badge size="xs" variant="light" color="gray">
                Latest
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {whenAbsolute(entry.savedAt)}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {entry.organizationName} · {entry.dataTypes} {entry.dataTypes === 1 ? 'data type' : 'data types'} · {formatSize(entry.bytes)}
          </Text>
          {entry.changes !== undefined && (
            <Text size="xs" lineClamp={2} title={entry.changes || undefined} data-testid="backup-row-changes">
              {entry.changes ? `Next save: ${entry.changes}` : 'Next save: nothing Candor can name changed (such as the formatting).'}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" onClick={onPreview}>
            Preview
          </Button>
          <Button size="xs" variant="light" leftSection={<IconRestore size={14} />} onClick={onRestore}>
            Restore
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

function Confirm({ entry, onCancel, onDone }: { entry: BackupEntry; onCancel(): void; onDone(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CandorError | undefined>();
  const hasWorkspace = useEditor((s) => s.session?.status === 'open');

  async function restore() {
    setBusy(true);
    setError(undefined);
    // Unsaved edits go to disk first, so the backup taken before restoring includes them.
    if (hasWorkspace) await useEditor.getState().flush();
    const result = await getBridge().invoke('backup-restore', { id: entry.id });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone();
    showSession(result.value);
    notifications.show({
      color: 'teal',
      title: 'Version restored',
      message: `The workspace is back to the version saved ${whenRelative(entry.savedAt)}. To undo, restore the newest backup.`,
    });
  }

  return (
    <Stack gap="md">
      <Text fw={600}>
        Restore the version saved {whenRelative(entry.savedAt)} ({whenAbsolute(entry.savedAt)})?
      </Text>
      <Text size="sm">
        The current file is backed up first, so you can undo this by restoring again.
        {hasWorkspace && ' Changes you have not saved yet are written before the backup is taken.'}
      </Text>
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Candor couldn't restore this version" role="alert">
          {error.message}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button leftSection={<IconRestore size={16} />} loading={busy} onClick={() => void restore()} data-autofocus>
          Restore this version
        </Button>
      </Group>
    </Stack>
  );
}

/** Earlier saved versions of the open file, to look at and bring back. */
export function BackupsModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [view, setView] = useState<View>({ kind: 'list' });
  const current = useEditor((s) => s.workspace);
  const sessionOpen = useEditor((s) => s.session?.status === 'open');

  // Each opening starts at a fresh list (set while rendering, so the modal never shows the last view first).
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) {
      setView({ kind: 'list' });
      setListing({ state: 'loading' });
    }
  }

  useEffect(() => {
    if (!opened) return;
    let stale = false;
    void fetchListing().then((next) => {
      if (!stale) setListing(next);
    });
    return () => {
      stale = true;
    };
  }, [opened]);

  function retry() {
    setListing({ state: 'loading' });
    void fetchListing().then(setListing);
  }

  async function preview(entry: BackupEntry) {
    setView({ kind: 'preview', entry });
    const result = await getBridge().invoke('backup-read', { id: entry.id });
    setView((v) =>
      v.kind === 'preview' && v.entry.id === entry.id ? (result.ok ? { ...v, content: result.value } : { ...v, error: result.error }) : v,
    );
  }

  let body: ReactNode;
  if (view.kind === 'confirm') {
    body = <Confirm entry={view.entry} onCancel={() => setView({ kind: 'list' })} onDone={onClose} />;
  } else if (view.kind === 'preview') {
    body = (
      <Stack gap="md">
        <Anchor component="button" type="button" size="sm" onClick={() => setView({ kind: 'list' })} className={classes.back}>
          <IconArrowLeft size={14} /> All versions
        </Anchor>
        <div>
          <Text fw={600}>Version saved {whenRelative(view.entry.savedAt)}</Text>
          <Text size="xs" c="dimmed">
            {whenAbsolute(view.entry.savedAt)} · {view.entry.organizationName}
          </Text>
        </div>
        {view.error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Candor couldn't read this backup" role="alert">
            {view.error.message}
          </Alert>
        ) : view.content ? (
          <BackupChanges backup={view.content} current={current} />
        ) : (
          <Center py="lg">
            <Loader size="sm" />
          </Center>
        )}
        <Group justify="flex-end">
          <Button
            leftSection={<IconRestore size={16} />}
            disabled={Boolean(view.error)}
            onClick={() => setView({ kind: 'confirm', entry: view.entry })}
          >
            Restore this version…
          </Button>
        </Group>
      </Stack>
    );
  } else if (listing.state === 'loading') {
    body = (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  } else if (listing.state === 'error') {
    body = (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Candor couldn't list the backups" role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{listing.error.message}</Text>
          <Button size="xs" variant="default" onClick={retry}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  } else if (listing.entries.length === 0) {
    body = (
      <EmptyState
        py="xl"
        icon={<IconHistory size={28} stroke={1.6} />}
        withIndicatorBackground
        title="No backups yet"
        description={
          sessionOpen
            ? 'Candor keeps earlier versions of this file here. Make a change and the version it replaces will appear.'
            : 'Candor has not saved any earlier version of this file, so there is nothing to go back to.'
        }
      >
        <EmptyState.Actions>
          <Button variant="default" onClick={onClose}>
            {sessionOpen ? 'Back to editing' : 'Close'}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  } else {
    body = (
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Each save keeps the version it replaced: every one from the last hour, then one an hour for two days and one a day for 30 days.
          Each says what the save after it changed.
        </Text>
        <ScrollArea.Autosize mah="60vh" type="auto" offsetScrollbars="y">
          <Stack gap="md" onKeyDown={moveFocus}>
            {groupByDay(listing.entries).map((group) => (
              <Stack gap="xs" key={group.heading}>
                <Text component="h3" size="xs" fw={700} c="dimmed" tt="uppercase" m={0}>
                  {group.heading}
                </Text>
                <Stack gap="xs" role="list" aria-label={`Saved versions, ${group.heading}`}>
                  {group.entries.map((entry) => (
                    <div role="listitem" key={entry.id}>
                      <BackupRow
                        entry={entry}
                        latest={entry === listing.entries[0]}
                        onPreview={() => void preview(entry)}
                        onRestore={() => setView({ kind: 'confirm', entry })}
                      />
                    </div>
                  ))}
                </Stack>
              </Stack>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Stack>
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Backups" size="lg" centered classNames={{ title: dialogClasses.modalTitle }}>
      {body}
    </Modal>
  );
}
