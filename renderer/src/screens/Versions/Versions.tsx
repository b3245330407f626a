// The published versions of the workspace (the archive beside it): each one read-only with its documents as
// customers read them, and what changed between any two, or between one and the working copy.
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Center,
  Code,
  EmptyState,
  Group,
  Loader,
  Menu,
  NavLink,
  ScrollArea,
  Select,
  Stack,
  Tabs,
  Text,
  Title,
  Tooltip,
  Typography,
} from '@mantine/core';
import {
  IconAlertCircle,
  IconArrowsDiff,
  IconChevronDown,
  IconDownload,
  IconFileText,
  IconFileTypeDocx,
  IconFileTypeHtml,
  IconSpeakerphone,
  IconVersions,
} from '@tabler/icons-react';
import { parseAnnouncementFile } from '../../../../core/announcement';
import type { ArchivedVersion, RedlineArg } from '../../../../core/api';
import { formatDate } from '../../../../core/dates';
import { markdownToSafeHtml } from '../../../../core/documents/html';
import { availableDocuments } from '../../../../core/documents/render';
import { semanticDiff } from '../../../../core/semantic-diff';
import { compareVersions, latestVersion, versionInForce, type PublishedVersion } from '../../../../core/versions';
import { useTemplates } from '../../documents/templates';
import { useExport } from '../../components/ExportMenu/ExportMenu';
import { AnnouncementView } from '../../components/Versions/Announcement';
import { ChangeList } from '../../components/Versions/ChangeList';
import { shortcutLabel } from '../../components/shortcut';
import { navigate, routeHash } from '../../state/route';
import { useEditor } from '../../state/store';
import { useUi } from '../../state/ui';
import { getBridge } from '../../transport';
import { today, useVersions } from '../../state/versions';
import documentClasses from '../Documents/Documents.module.css';
import classes from './Versions.module.css';

/** The comparison's other side: a version number, or the working copy. */
const WORKING = 'working';

type Loaded = { status: 'loading' } | { status: 'ready'; archived: ArchivedVersion } | { status: 'error'; message: string };

/** Reads one published version (kept once read); `undefined` reads nothing. */
function useArchived(version: string | undefined): Loaded | undefined {
  const [loaded, setLoaded] = useState<{ version: string; value: Loaded }>();
  useEffect(() => {
    if (!version) return;
    let live = true;
    void useVersions
      .getState()
      .read(version)
      .then((result) => {
        if (live) {
          setLoaded({
            version,
            value: result.ok ? { status: 'ready', archived: result.value } : { status: 'error', message: result.error.message },
          });
        }
      });
    return () => {
      live = false;
    };
  }, [version]);
  if (!version) return undefined;
  return loaded?.version === version ? loaded.value : { status: 'loading' };
}

/** "Privacy notice" from the document's first heading, or from its id. */
function documentTitle(document: { id: string; markdown?: string }): string {
  const heading = document.markdown?.match(/^#\s+(.+)$/m)?.[1]?.trim();
  if (heading) return heading;
  const words = document.id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "6 December 2026 at 10:30", in the person's time zone, dates written as the documents write them. */
function publishedAtText(entry: PublishedVersion): string {
  const at = new Date(entry.publishedAt);
  if (Number.isNaN(at.getTime())) return entry.publishedAt;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `${formatDate(day)} at ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** Where a version stands today: in force, not yet, no longer, or replaced before its day came. */
function standing(
  index: { format: 1; versions: PublishedVersion[] },
  entry: PublishedVersion,
  inForce: PublishedVersion | undefined,
): { text: string; color: string } {
  if (entry === inForce) return { text: 'In force today', color: 'green' };
  const onItsDay = versionInForce(index, entry.effective);
  if (onItsDay && onItsDay !== entry) return { text: `Replaced by ${onItsDay.version} before taking effect`, color: 'gray' };
  return entry.effective > today() ? { text: 'Not yet in force', color: 'gray' } : { text: 'No longer in force', color: 'gray' };
}

/** The version a comparison starts with: the one before, else the one after, else the working copy. */
function defaultCompare(versions: readonly PublishedVersion[], entry: PublishedVersion): string {
  const sorted = [...versions].sort((a, b) => compareVersions(a.version, b.version));
  const at = sorted.findIndex((v) => v.version === entry.version);
  return (sorted[at - 1] ?? sorted[at + 1])?.version ?? WORKING;
}

function DocumentsTab({ archived }: { archived: ArchivedVersion }) {
  const documents = archived.documents.filter((d) => d.markdown !== undefined);
  const [chosen, setChosen] = useState<string>();
  const selected = documents.find((d) => d.id === chosen) ?? documents.find((d) => d.id === 'privacy-notice') ?? documents[0];
  const markdown = selected?.markdown;
  const html = markdown ? markdownToSafeHtml(markdown) : '';
  if (!selected) {
    return (
      <Text size="sm" c="dimmed" p="lg">
        This version's archive holds no documents.
      </Text>
    );
  }
  return (
    <Box className={classes.documents}>
      {documents.length > 1 && (
        <Group gap="xs" px="lg" py="xs" className={classes.documentBar}>
          {documents.map((d) => (
            <Button
              key={d.id}
              size="compact-sm"
              variant={d.id === selected.id ? 'light' : 'subtle'}
              color={d.id === selected.id ? undefined : 'gray'}
              leftSection={<IconFileText size={14} />}
              onClick={() => setChosen(d.id)}
              aria-pressed={d.id === selected.id}
            >
              {documentTitle(d)}
            </Button>
          ))}
        </Group>
      )}
      <ScrollArea className={documentClasses.scroll} type="auto">
        <Typography className={documentClasses.paper} data-testid="version-document">
          <div dangerouslySetInnerHTML={{ __html: html }} />
        </Typography>
        <Text size="xs" c="dimmed" ta="center" pb="lg">
          As published in version {archived.entry.version}: {archived.entry.version}/{selected.id}.md in the archive.
        </Text>
      </ScrollArea>
    </Box>
  );
}

/** "version 2.1", "the working copy": a side's name inside a sentence. */
const PRIVACY_NOTICE = 'privacy-notice';

function inWords(name: string): string {
  return name === 'Working copy' ? 'the working copy' : name.toLowerCase();
}

function CompareTab({
  entry,
  archived,
  versions,
  compare,
}: {
  entry: PublishedVersion;
  archived: ArchivedVersion;
  versions: PublishedVersion[];
  compare: string;
}) {
  const working = useEditor((s) => s.workspace);
  const otherVersion = compare === WORKING ? undefined : compare;
  const other = useArchived(otherVersion);
  const options = [
    { value: WORKING, label: 'Working copy (not published)' },
    ...versions.filter((v) => v.version !== entry.version).map((v) => ({ value: v.version, label: `Version ${v.version}` })),
  ];
  const sides = useMemo(() => {
    if (compare === WORKING) {
      return working
        ? {
            before: archived.workspace,
            after: working,
            beforeName: `Version ${entry.version}`,
            afterName: 'Working copy',
            from: entry.version,
            to: WORKING,
          }
        : undefined;
    }
    if (other?.status !== 'ready') return undefined;
    // The older version on the left, whichever was opened first.
    const older = compareVersions(other.archived.entry.version, entry.version) < 0;
    const [a, b] = older ? [other.archived, archived] : [archived, other.archived];
    return {
      before: a.workspace,
      after: b.workspace,
      beforeName: `Version ${a.entry.version}`,
      afterName: `Version ${b.entry.version}`,
      from: a.entry.version,
      to: b.entry.version,
    };
  }, [compare, working, archived, other, entry.version]);
  const diff = useMemo(() => (sides ? semanticDiff(sides.before, sides.after) : undefined), [sides]);
  // The documents the newer side has (a law added since brings its notice); the privacy notice first.
  const { templates } = useTemplates();
  const documents = useMemo(
    () =>
      sides
        ? [...availableDocuments(sides.after, templates)].sort((a, b) => Number(b.id === PRIVACY_NOTICE) - Number(a.id === PRIVACY_NOTICE))
        : [],
    [sides, templates],
  );
  const [chosen, setChosen] = useState(PRIVACY_NOTICE);
  const document = documents.find((d) => d.id === chosen) ?? documents[0];
  const documentId = document?.id ?? PRIVACY_NOTICE;
  const quotedTitle = `“${document?.title ?? 'Privacy notice'}”`;
  const exportFlow = useExport();
  const exportRedline = (format: RedlineArg['format']) => {
    if (!sides) return;
    const arg: RedlineArg = { from: sides.from, to: sides.to, format, ...(documentId === PRIVACY_NOTICE ? {} : { document: documentId }) };
    const name = (side: string) => (side === WORKING ? 'working-copy' : side);
    const what = format === 'docx' ? 'Word redline' : 'HTML comparison';
    void exportFlow.start({
      title: `Export the ${what} of ${quotedTitle}, ${inWords(sides.beforeName)} to ${inWords(sides.afterName)}`,
      what: `the ${what} of ${quotedTitle} from ${inWords(sides.beforeName)} to ${inWords(sides.afterName)}`,
      fileName: `${documentId}-redline-${name(sides.from)}-to-${name(sides.to)}.${format}`,
      // For lawyers, not customers: nothing is published, so the review does not stand in the way.
      published: false,
      toPath: (path, _allowErrors, overwrite) =>
        getBridge().invoke('version-redline-export', { ...arg, path, ...(overwrite ? { overwrite } : {}) }),
      toDownload: () => getBridge().invoke('version-redline-download', arg),
    });
  };

  return (
    <ScrollArea className={documentClasses.scroll} type="auto">
      <Stack gap="md" className={classes.compare}>
        <Select
          label="Compare with"
          description="Another published version, or the working copy as it is now."
          data={options}
          value={compare}
          onChange={(value) => value && navigate({ screen: 'versions', version: entry.version, compare: value }, { replace: true })}
          allowDeselect={false}
          maw={360}
          comboboxProps={{ withinPortal: true }}
          data-testid="compare-with"
        />
        {other?.status === 'error' ? (
          <Alert color="red" icon={<IconAlertCircle size={16} />} title="That version cannot be read">
            {other.message}
          </Alert>
        ) : !sides || !diff ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Reading the version…
            </Text>
          </Group>
        ) : (
          <>
            <Group justify="space-between" align="flex-end" gap="sm">
              <Text size="sm" c="dimmed" maw={560}>
                What changed from {sides.beforeName} to {sides.afterName}:{' '}
                {diff.same ? 'nothing.' : `${diff.changes.length} ${diff.changes.length === 1 ? 'change' : 'changes'}, by section.`}
              </Text>
              <Group gap="xs" align="flex-end" wrap="nowrap">
                {documents.length > 1 && (
                  <Select
                    label="Document"
                    size="sm"
                    data={documents.map((d) => ({ value: d.id, label: d.title }))}
                    value={documentId}
                    onChange={(value) => value && setChosen(value)}
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: true }}
                    w={220}
                    data-testid="redline-document"
                  />
                )}
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button
                      variant="default"
                      size="sm"
                      leftSection={<IconDownload size={16} />}
                      rightSection={<IconChevronDown size={14} />}
                      data-testid="export-redline"
                    >
                      Export redline
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Label>
                      {quotedTitle}, {inWords(sides.beforeName)} to {inWords(sides.afterName)}
                    </Menu.Label>
                    <Menu.Item leftSection={<IconFileTypeDocx size={16} />} onClick={() => exportRedline('docx')}>
                      Word with tracked changes (.docx)…
                    </Menu.Item>
                    <Menu.Item leftSection={<IconFileTypeHtml size={16} />} onClick={() => exportRedline('html')}>
                      Comparison page (.html)…
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            </Group>
            <ChangeList diff={diff} before={sides.beforeName} after={sides.afterName} />
          </>
        )}
      </Stack>
      {exportFlow.modal}
    </ScrollArea>
  );
}

/** What the archive kept to tell customers about this version: the email and the banner, or why there is none. */
function AnnouncementTab({ archived, versions }: { archived: ArchivedVersion; versions: PublishedVersion[] }) {
  const { entry, announcement, announcementProblem } = archived;
  const parsed = announcement !== undefined ? parseAnnouncementFile(announcement) : undefined;
  const first = !versions.some((v) => compareVersions(v.version, entry.version) < 0);
  return (
    <ScrollArea className={documentClasses.scroll} type="auto">
      <Stack gap="md" className={classes.compare}>
        {announcementProblem ? (
          <Alert color="red" icon={<IconAlertCircle size={16} />} title="The announcement cannot be shown">
            {announcementProblem}
          </Alert>
        ) : parsed ? (
          <>
            <Text size="sm" c="dimmed">
              The email and the in-app banner Candor wrote when version {entry.version} was published, from what changed for customers since
              the version before. Read them before you send them; they are kept in the archive as {entry.version}.announcement.md.
            </Text>
            <AnnouncementView texts={parsed} testId="version-announcement" />
          </>
        ) : announcement !== undefined ? (
          <>
            <Text size="sm" c="dimmed">
              {entry.version}.announcement.md was edited and no longer has the email and the banner where Candor put them; here it is as it
              is.
            </Text>
            <Code block className={classes.rawAnnouncement}>
              {announcement}
            </Code>
          </>
        ) : (
          <Text size="sm" c="dimmed" data-testid="no-announcement">
            {first
              ? `Version ${entry.version} is the first published version: there is nothing earlier to compare it with, so there are no changes to announce.`
              : `The archive holds no announcement for version ${entry.version}; versions published before Candor wrote announcements have none.`}
          </Text>
        )}
      </Stack>
    </ScrollArea>
  );
}

export function VersionsScreen({ version, compare }: { version?: string; compare?: string }) {
  const list = useVersions((s) => s.list);
  const session = useEditor((s) => s.session);
  const path = session?.status === 'open' ? session.path : undefined;
  useEffect(() => {
    if (path) void useVersions.getState().load(path);
  }, [path]);

  const versions = list.status === 'ready' ? list.list.versions : [];
  const index = { format: 1 as const, versions };
  const newestFirst = [...versions].sort((a, b) => compareVersions(b.version, a.version));
  const inForce = versionInForce(index, today());
  const latest = latestVersion(index);
  const entry = versions.find((v) => v.version === version) ?? latest;
  const archived = useArchived(entry?.version);
  // Documents and Announcement are chosen here; Compare is in the address, so a comparison can be linked to.
  const [view, setView] = useState<'documents' | 'announcement'>('documents');
  const tab = compare ? 'compare' : view;
  const publish = () => useUi.getState().setDialog('publish-version');

  return (
    <Box className={documentClasses.page}>
      <Box className={documentClasses.list}>
        <Title order={2} size="h3" px="sm" pt="md" pb="xs">
          Versions
        </Title>
        <Text size="sm" c="dimmed" px="sm" pb="sm">
          Each published version, exactly as customers read it.
        </Text>
        <Box px="sm" pb="sm">
          <Tooltip label={shortcutLabel('mod+shift+P')}>
            <Button fullWidth size="xs" variant="light" leftSection={<IconVersions size={14} />} onClick={publish}>
              Publish version…
            </Button>
          </Tooltip>
        </Box>
        {newestFirst.map((v) => (
          <NavLink
            key={v.version}
            label={`Version ${v.version}`}
            description={
              <>
                Effective {formatDate(v.effective)}
                <Text span size="xs" c={v === inForce ? 'green' : 'dimmed'} fw={v === inForce ? 600 : undefined} display="block">
                  {standing(index, v, inForce).text}
                </Text>
              </>
            }
            leftSection={<IconVersions size={18} />}
            active={v.version === entry?.version}
            aria-current={v.version === entry?.version ? 'page' : undefined}
            href={routeHash({ screen: 'versions', version: v.version })}
            onClick={(e) => {
              e.preventDefault();
              navigate({
                screen: 'versions',
                version: v.version,
                ...(compare ? { compare: compare === v.version ? WORKING : compare } : {}),
              });
            }}
            className={documentClasses.item}
          />
        ))}
        {list.status === 'ready' && versions.length > 0 && (
          <Text size="xs" c="dimmed" px="sm" pt="md" className={classes.archivePath}>
            Archived in {list.list.archive}
          </Text>
        )}
      </Box>

      <Box className={documentClasses.preview}>
        {list.status === 'loading' ? (
          <Group gap="xs" p="xl">
            <Loader size="sm" />
            <Text size="sm" c="dimmed">
              Reading the published versions…
            </Text>
          </Group>
        ) : list.status === 'error' ? (
          <Alert color="red" icon={<IconAlertCircle size={16} />} title="The published versions cannot be read" m="xl">
            {list.error.message}
          </Alert>
        ) : !entry ? (
          <Center className={classes.empty}>
            <EmptyState size="lg" variant="light" icon={<IconVersions size={32} stroke={1.6} />} maw={600}>
              <EmptyState.Title order={2}>No version published yet</EmptyState.Title>
              <EmptyState.Description>
                Publishing a version keeps the inventory and its documents exactly as customers read them, with a version number and the
                date it takes effect, so the notice in force on any past day can be shown again, and what changed between two versions can
                be seen.
              </EmptyState.Description>
              <EmptyState.Description>
                Candor keeps them in a folder beside the workspace; commit it with the workspace:
              </EmptyState.Description>
              <Code className={classes.path} data-testid="versions-archive-path">
                {list.list.archive}
              </Code>
              <EmptyState.Actions>
                <Button leftSection={<IconVersions size={16} />} onClick={publish}>
                  Publish the first version…
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          </Center>
        ) : (
          <>
            <Box className={documentClasses.toolbar}>
              <Group gap="sm" miw={0} wrap="nowrap">
                <Title order={3} size="h4">
                  Version {entry.version}
                </Title>
                <Badge variant="light" color="gray">
                  Effective {formatDate(entry.effective)}
                </Badge>
                <Badge variant="light" color={standing(index, entry, inForce).color}>
                  {standing(index, entry, inForce).text}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed" mt={4}>
                Published {publishedAtText(entry)}
                {entry.note ? ` · ${entry.note}` : ''}
              </Text>
            </Box>
            <Tabs
              value={tab}
              onChange={(value) => {
                if (value === 'documents' || value === 'announcement') setView(value);
                navigate(
                  {
                    screen: 'versions',
                    version: entry.version,
                    ...(value === 'compare' ? { compare: defaultCompare(versions, entry) } : {}),
                  },
                  { replace: true },
                );
              }}
              className={classes.tabs}
              keepMounted={false}
            >
              <Tabs.List px="lg" className={classes.tabList}>
                <Tabs.Tab value="documents" leftSection={<IconFileText size={16} />}>
                  Documents
                </Tabs.Tab>
                <Tabs.Tab value="announcement" leftSection={<IconSpeakerphone size={16} />}>
                  Announcement
                </Tabs.Tab>
                <Tabs.Tab value="compare" leftSection={<IconArrowsDiff size={16} />}>
                  Compare with…
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value={tab} className={classes.panel}>
                {archived?.status === 'error' ? (
                  <Alert color="red" icon={<IconAlertCircle size={16} />} title={`Version ${entry.version} cannot be shown`} m="xl">
                    {archived.message}
                  </Alert>
                ) : archived?.status !== 'ready' ? (
                  <Group gap="xs" p="xl">
                    <Loader size="sm" />
                    <Text size="sm" c="dimmed">
                      Reading version {entry.version}…
                    </Text>
                  </Group>
                ) : tab === 'documents' ? (
                  <DocumentsTab key={entry.version} archived={archived.archived} />
                ) : tab === 'announcement' ? (
                  <AnnouncementTab archived={archived.archived} versions={versions} />
                ) : (
                  <CompareTab entry={entry} archived={archived.archived} versions={versions} compare={compare ?? WORKING} />
                )}
              </Tabs.Panel>
            </Tabs>
          </>
        )}
      </Box>
    </Box>
  );
}
