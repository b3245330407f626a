// "Publish version…": the number (the next minor or major proposed), the effective date and an internal
// note; what the review calls wrong, which blocks publishing unless the person publishes anyway; and what
// changed since the last published version. Publishing archives the saved workspace beside it, as
// `candor publish` does (electron/services/versions.ts).
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconAlertTriangle, IconVersions } from '@tabler/icons-react';
import type { ArchivedVersion, CandorError } from '../../../../core/api';
import { formatDate } from '../../../../core/dates';
import { inventoryVersion } from '../../../../core/documents/context';
import { reviewErrors } from '../../../../core/publish';
import { isCalendarDate, type Workspace } from '../../../../core/schema';
import { semanticDiff } from '../../../../core/semantic-diff';
import { changeAnnouncement, whatChanged, type WhatChanged } from '../../../../core/what-changed';
import { isVersionNumber, latestVersion, proposeVersion, publicationProblems, EMPTY_INDEX } from '../../../../core/versions';
import { count } from '../../../../core/words';
import { FindingList, onListKeyDown } from '../../screens/Review/Findings';
import { navigate } from '../../state/route';
import { useEditor } from '../../state/store';
import { today, useVersions } from '../../state/versions';
import { getBridge } from '../../transport';
import { unsavedChangesBlocker } from '../ExportMenu/ExportMenu';
import dialogClasses from '../Dialogs/Dialogs.module.css';
import gateClasses from '../ExportMenu/ReviewGate.module.css';
import { AnnouncementView, type AnnouncementTexts } from './Announcement';
import { ChangeList } from './ChangeList';

const NOTE_LIMIT = 500;

type Previous =
  { status: 'none' } | { status: 'loading' } | { status: 'ready'; archived: ArchivedVersion } | { status: 'error'; message: string };

/** The announcement of a new version (core/what-changed.ts) as the dialog shows it. */
function announcementTexts(changes: WhatChanged, workspace: Workspace, version?: string, effective?: string): AnnouncementTexts {
  const a = changeAnnouncement(changes, workspace, {
    ...(version ? { version } : {}),
    ...(effective ? { effective } : {}),
    locale: workspace.settings?.locale,
  });
  return { subject: a.subject, email: a.text, banner: a.banner.text, bannerLength: a.banner.length, bannerBudget: a.banner.budget };
}

export function PublishVersionModal({ onClose }: { onClose(): void }) {
  const session = useEditor((s) => s.session);
  const saved = useEditor((s) => s.savedWorkspace ?? s.workspace);
  const path = session?.status === 'open' ? session.path : undefined;
  const list = useVersions((s) => s.list);
  const [blocker, setBlocker] = useState<string>();
  const [ready, setReady] = useState(false);
  const [previous, setPrevious] = useState<Previous>({ status: 'loading' });
  const [version, setVersion] = useState<string>();
  const [effective, setEffective] = useState<string>();
  const [note, setNote] = useState('');
  const [anyway, setAnyway] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<CandorError>();

  // Edits still waiting are saved first: what is published is the saved file.
  useEffect(() => {
    if (!path) return;
    let live = true;
    void (async () => {
      const blocked = await unsavedChangesBlocker('published');
      if (!live) return;
      setBlocker(blocked);
      await useVersions.getState().load(path);
      if (live) setReady(true);
    })();
    return () => {
      live = false;
    };
  }, [path]);

  const index = list.status === 'ready' ? { format: 1 as const, versions: list.list.versions } : EMPTY_INDEX;
  const latest = latestVersion(index);
  const minor = proposeVersion(index, 'minor');
  const major = proposeVersion(index, 'major');
  const chosenVersion = version ?? minor;
  const settingsDate = saved?.settings?.effectiveDate;
  // The planned date from the settings while it is still ahead, else today; never before the last version took effect.
  const earliest = latest && latest.effective > today() ? latest.effective : today();
  const proposedDate = settingsDate && settingsDate >= earliest ? settingsDate : earliest;
  const chosenDate = effective ?? proposedDate;

  useEffect(() => {
    if (!ready || !latest) return;
    let live = true;
    void useVersions
      .getState()
      .read(latest.version)
      .then((result) => {
        if (live) setPrevious(result.ok ? { status: 'ready', archived: result.value } : { status: 'error', message: result.error.message });
      });
    return () => {
      live = false;
    };
  }, [ready, latest?.version]); // eslint-disable-line react-hooks/exhaustive-deps -- the latest version's number is what matters

  // Nothing published yet: nothing to compare with.
  const nothingPublished = ready && !latest;
  const compared = useMemo<Previous>(() => (nothingPublished ? { status: 'none' } : previous), [nothingPublished, previous]);
  const errors = useMemo(() => (saved ? reviewErrors(saved) : []), [saved]);
  const diff = useMemo(
    () => (compared.status === 'ready' && saved ? semanticDiff(compared.archived.workspace, saved) : undefined),
    [compared, saved],
  );
  const unchanged = latest && saved && inventoryVersion(saved) === latest.buildId;
  const validVersion = isVersionNumber(chosenVersion);
  const validDate = isCalendarDate(chosenDate);
  // What publishing writes into the archive for customers: the email and the banner, from what changed.
  const customerChanges = useMemo(
    () => (compared.status === 'ready' && saved ? whatChanged(compared.archived.workspace, saved) : undefined),
    [compared, saved],
  );
  const announcement =
    customerChanges && saved
      ? announcementTexts(customerChanges, saved, validVersion ? chosenVersion : undefined, validDate ? chosenDate : undefined)
      : undefined;
  const versionError = isVersionNumber(chosenVersion) ? undefined : 'Use one to three whole numbers separated by dots, such as 2.1.';
  const dateError = isCalendarDate(chosenDate) ? undefined : 'Choose the day this version takes effect.';
  const problems = !versionError && !dateError ? publicationProblems(index, chosenVersion, chosenDate) : [];
  const canPublish =
    ready && !blocker && list.status === 'ready' && !versionError && !dateError && problems.length === 0 && (errors.length === 0 || anyway);

  const publish = async () => {
    if (!path) return;
    setBusy(true);
    setFailure(undefined);
    // Typing may have continued behind the dialog; the saved file is what gets published.
    const blocked = await unsavedChangesBlocker('published');
    if (blocked) {
      setBlocker(blocked);
      setBusy(false);
      return;
    }
    const trimmed = note.trim();
    const result = await getBridge().invoke('version-publish', {
      version: chosenVersion,
      effective: chosenDate,
      ...(trimmed ? { note: trimmed } : {}),
      ...(anyway ? { allowErrors: true } : {}),
    });
    setBusy(false);
    await useVersions.getState().load(path);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    notifications.show({
      color: 'green',
      title: `Published version ${result.value.version}`,
      message: `Effective ${formatDate(result.value.effective)}; archived with its documents beside the workspace.`,
    });
    onClose();
    navigate({ screen: 'versions', version: result.value.version });
  };

  const archive = list.status === 'ready' ? list.list.archive : undefined;
  return (
    <Modal opened onClose={onClose} title="Publish version" size="xl" centered classNames={{ title: dialogClasses.modalTitle }}>
      <Stack gap="md">
        <Text size="sm">
          Publishing keeps the saved inventory and its documents as they are now, printing this number and effective date, in the archive
          beside the workspace{archive ? ' ' : ''}
          {archive && (
            <Text span ff="monospace" size="sm">
              {archive}
            </Text>
          )}
          . A published version is never changed or replaced; commit the archive with the workspace.
        </Text>
        {blocker && (
          <Alert color="red" icon={<IconAlertCircle size={16} />} title="The latest edits are not saved">
            {blocker.replace('Nothing was published: ', '')}
          </Alert>
        )}
        {list.status === 'error' && (
          <Alert color="red" icon={<IconAlertCircle size={16} />} title="The published versions cannot be read">
            {list.error.message}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Stack gap={6}>
            <TextInput
              label="Version number"
              description={latest ? `The last published version is ${latest.version}.` : 'The first version.'}
              value={chosenVersion}
              onChange={(e) => setVersion(e.currentTarget.value.trim())}
              error={versionError}
              data-autofocus
            />
            {latest && (
              <Group gap="xs">
                <Button size="compact-xs" variant={chosenVersion === minor ? 'light' : 'default'} onClick={() => setVersion(minor)}>
                  Next minor · {minor}
                </Button>
                <Button size="compact-xs" variant={chosenVersion === major ? 'light' : 'default'} onClick={() => setVersion(major)}>
                  Next major · {major}
                </Button>
              </Group>
            )}
          </Stack>
          <DateInput
            label="Effective date"
            description="The day this version takes effect; the documents print it."
            valueFormat="YYYY-MM-DD"
            value={chosenDate}
            onChange={(value) => setEffective(value ?? '')}
            error={dateError}
            popoverProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Textarea
          label="Internal note"
          description="For your team only, kept in the archive's index; never printed on the documents."
          placeholder="Location for trail suggestions"
          autosize
          minRows={1}
          maxRows={3}
          maxLength={NOTE_LIMIT}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {problems.length > 0 && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle size={16} />}
            title="This number or date cannot be published"
            data-testid="publish-problems"
          >
            <Stack gap={4}>
              {problems.map((problem) => (
                <Text size="sm" key={problem}>
                  {problem}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        {saved && errors.length > 0 && (
          <Stack gap="xs">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <IconAlertCircle size={20} color="var(--mantine-color-red-filled)" className={gateClasses.icon} aria-hidden />
              <Text size="sm">
                The review finds {count(errors.length, 'error')}: the documents would state something it knows to be wrong. Select one to
                open its field, or publish anyway.
              </Text>
            </Group>
            <Paper withBorder radius="md" className={gateClasses.list} onKeyDown={onListKeyDown} data-testid="publish-review-errors">
              <ScrollArea.Autosize mah="20vh" type="auto">
                <FindingList findings={errors} workspace={saved} onOpen={onClose} />
              </ScrollArea.Autosize>
            </Paper>
            <Checkbox
              color="red"
              label="Publish anyway, with these errors"
              checked={anyway}
              onChange={(e) => setAnyway(e.currentTarget.checked)}
            />
          </Stack>
        )}
        <Stack gap="xs">
          <Title order={3} size="h5">
            {latest ? `What changed since version ${latest.version}` : 'What changed'}
          </Title>
          {!ready || compared.status === 'loading' ? (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                Reading the published versions…
              </Text>
            </Group>
          ) : compared.status === 'none' ? (
            <Text size="sm" c="dimmed">
              Nothing was published before: this first version is the whole inventory.
            </Text>
          ) : compared.status === 'error' ? (
            <Text size="sm" c="red">
              {compared.message}
            </Text>
          ) : (
            diff && (
              <>
                {unchanged && (
                  <Text size="sm" c="dimmed">
                    Nothing customers read has changed since version {latest?.version}
                    {diff.same ? '.' : '; only internal fields did.'}
                  </Text>
                )}
                <ScrollArea.Autosize mah="34vh" type="auto">
                  <ChangeList diff={diff} before={`Version ${latest?.version}`} after="Now" />
                </ScrollArea.Autosize>
              </>
            )
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h5">
            Announcement to customers
          </Title>
          {compared.status === 'none' ? (
            <Text size="sm" c="dimmed" data-testid="publish-no-announcement">
              This is the first version: there is nothing earlier to compare it with, so there are no changes to announce.
            </Text>
          ) : announcement ? (
            <>
              <Text size="sm" c="dimmed">
                Publishing keeps this email and in-app banner beside the version in the archive
                {validVersion ? ` (${chosenVersion}.announcement.md)` : ''}, for you to send before the version takes effect.
                {unchanged ? ' Nothing customers read has changed, so you may not need to send it.' : ''}
              </Text>
              <AnnouncementView texts={announcement} testId="publish-announcement" />
            </>
          ) : compared.status === 'error' ? (
            <Text size="sm" c="dimmed">
              It cannot be written until the last version can be read.
            </Text>
          ) : (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                Reading the published versions…
              </Text>
            </Group>
          )}
        </Stack>
        {failure && (
          <Alert color="red" icon={<IconAlertCircle size={16} />} title="Not published" data-testid="publish-failure">
            {failure.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button leftSection={<IconVersions size={16} />} onClick={() => void publish()} disabled={!canPublish} loading={busy}>
            Publish version {isVersionNumber(chosenVersion) ? chosenVersion : ''}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
