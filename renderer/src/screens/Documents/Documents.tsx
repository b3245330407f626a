import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  EmptyState,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Title,
  Tooltip,
  Typography,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconChevronDown,
  IconClipboard,
  IconDownload,
  IconFileText,
  IconFileTypeDocx,
  IconFileTypeHtml,
  IconMarkdown,
  IconVersions,
} from '@tabler/icons-react';
import { DOCUMENT_FORMAT_IDS, DOCUMENT_FORMATS, type DocumentFormat } from '../../../../core/catalogue';
import { availableDocuments, renderDocumentLines } from '../../../../core/documents/render';
import { SectionedHtml } from '../../../../core/documents/html-sections';
import { useEditor } from '../../state/store';
import { routeHash } from '../../state/route';
import { getBridge } from '../../transport';
import { useTemplates } from '../../documents/templates';
import { useExport } from '../../components/ExportMenu/ExportMenu';
import classes from './Documents.module.css';
import { SectionedPreview } from './SectionedPreview';
import { jurisdictionShortName } from '../../../../core/us-states';
import { inventoryVersion } from '../../../../core/documents/context';
import { documentHistory, latestVersion, releaseOf } from '../../../../core/versions';
import { whatChanged } from '../../../../core/what-changed';
import type { Workspace } from '../../../../core/schema';
import { useUi } from '../../state/ui';
import { useVersions } from '../../state/versions';
import { shortcutLabel } from '../../components/shortcut';

// The formats and their names come from the catalogue; a format without an icon here fails to compile.
const FORMAT_ICONS: Record<DocumentFormat, typeof IconMarkdown> = {
  markdown: IconMarkdown,
  html: IconFileTypeHtml,
  docx: IconFileTypeDocx,
};

// The full notice first: it is the document every workspace has; then the notices it points to.
const ORDER = ['privacy-notice', 'notice-at-collection', 'notice-of-financial-incentive', 'consumer-health-data-policy'];
function documentRank(id: string): number {
  const rank = ORDER.indexOf(id);
  return rank === -1 ? ORDER.length : rank;
}

/** Copies rich text where the platform allows it, with the Markdown as the plain-text flavour. */
async function copyRich(html: string, markdown: string): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([markdown], { type: 'text/plain' }),
      }),
    ]);
    return;
  }
  const holder = document.createElement('div');
  holder.innerHTML = html;
  holder.style.position = 'fixed';
  holder.style.left = '-9999px';
  document.body.append(holder);
  const range = document.createRange();
  range.selectNodeContents(holder);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  document.execCommand('copy');
  selection?.removeAllRanges();
  holder.remove();
}

/** The latest published version's snapshot, once read; undefined before the first or while it is read. */
function useLatestSnapshot(version: string | undefined): Workspace | undefined {
  const [snapshot, setSnapshot] = useState<{ version: string; workspace: Workspace }>();
  useEffect(() => {
    if (!version) return;
    let live = true;
    void useVersions
      .getState()
      .read(version)
      .then((result) => {
        if (live && result.ok) setSnapshot({ version, workspace: result.value.workspace });
      });
    return () => {
      live = false;
    };
  }, [version]);
  return snapshot && snapshot.version === version ? snapshot.workspace : undefined;
}

export function DocumentsScreen({ id }: { id?: string }) {
  const workspace = useEditor((s) => s.workspace)!;
  const deferred = useDeferredValue(workspace);
  const { templates, errors } = useTemplates();
  const documents = useMemo(
    () =>
      [...availableDocuments(deferred, templates)].sort(
        (a, b) => documentRank(a.id) - documentRank(b.id) || a.title.localeCompare(b.title),
      ),
    [deferred, templates],
  );
  const selected = documents.find((d) => d.id === id) ?? documents[0];
  const template = selected ? templates.find((t) => t.info.id === selected.id) : undefined;
  const exportFlow = useExport();
  // While nothing customers read changed since the last published version, the preview prints that version;
  // otherwise it is a draft. Either way "Changes to this notice" lists what the archive records, and for a
  // draft what it would change since the latest snapshot, as `candor build` prints them.
  const versions = useVersions((s) => s.list);
  const index = useMemo(
    () => (versions.status === 'ready' ? { format: 1 as const, versions: versions.list.versions } : undefined),
    [versions],
  );
  const latest = index ? latestVersion(index) : undefined;
  const snapshot = useLatestSnapshot(latest?.version);
  const { release, history } = useMemo(() => {
    if (!index) return { release: undefined, history: undefined };
    const release = releaseOf(index, inventoryVersion(deferred));
    if (release) return { release, history: documentHistory(index, release, latest?.changes ?? []) };
    return { release, history: documentHistory(index, undefined, snapshot ? whatChanged(snapshot, deferred).sentences : []) };
  }, [index, latest, snapshot, deferred]);

  // One per document shown, kept while the screen is: each remembers the HTML of its sections, so an
  // edit re-renders only what it changed.
  const [sectioned] = useState(() => new Map<string, SectionedHtml>());
  // The preview shows how long rendering took: the one impure value in this memo. It is only displayed,
  // so a recomputed memo that shows another figure does no harm.
  const rendered = useMemo(() => {
    if (!template) return undefined;
    // eslint-disable-next-line react-hooks/purity -- the timing is only displayed (see above)
    const started = performance.now();
    // As lines: the sections are cut from them, and the whole Markdown is joined only to be copied.
    const result = renderDocumentLines(deferred, template, release, history);
    if (!result.ok) return { kind: 'error', error: result.error } as const;
    let sections = sectioned.get(template.info.id);
    if (!sections) sectioned.set(template.info.id, (sections = new SectionedHtml()));
    const html = sections.render(result.lines);
    // eslint-disable-next-line react-hooks/purity -- the timing is only displayed (see above)
    const ms = performance.now() - started;
    return { kind: 'ok', meta: result.meta, lines: result.lines, sections: html, ms } as const;
  }, [deferred, template, release, history, sectioned]);

  const startExport = (format: DocumentFormat) => {
    if (!selected) return;
    const { id, title } = selected;
    const { label, extension } = DOCUMENT_FORMATS[format];
    // Every document is published: the review's errors are shown first (core/publish.ts).
    void exportFlow.start({
      title: `Export ${title} as ${label}`,
      what: `${title} as ${label}`,
      fileName: `${id}${extension}`,
      published: true,
      toPath: (path, allowErrors, overwrite) =>
        getBridge().invoke('document-export', {
          id,
          format,
          path,
          ...(allowErrors ? { allowErrors } : {}),
          ...(overwrite ? { overwrite } : {}),
        }),
      toDownload: (allowErrors) => getBridge().invoke('document-download', { id, format, ...(allowErrors ? { allowErrors } : {}) }),
    });
  };

  const copy = async (kind: 'markdown' | 'rich') => {
    if (!rendered || rendered.kind === 'error') return;
    try {
      const markdown = rendered.lines.join('\n');
      if (kind === 'markdown') await navigator.clipboard.writeText(markdown);
      else await copyRich(rendered.sections.map((section) => section.html).join(''), markdown);
      notifications.show({ message: kind === 'markdown' ? 'Copied as Markdown' : 'Copied as rich text', autoClose: 1800 });
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'Could not copy',
        message: `The clipboard refused (${error instanceof Error ? error.message : String(error)}). Export the file instead.`,
      });
    }
  };

  return (
    <Box className={classes.page}>
      <Box className={classes.list}>
        <Title order={2} size="h3" px="sm" pt="md" pb="xs">
          Documents
        </Title>
        <Text size="sm" c="dimmed" px="sm" pb="sm">
          Generated from your inventory; every edit updates them.
        </Text>
        {/* Beside the list rather than in the toolbar, which needs its width for the title and badges; as on the Versions screen. */}
        <Box px="sm" pb="sm">
          <Tooltip label={`Archive the documents as a numbered version with an effective date (${shortcutLabel('mod+shift+P')})`}>
            <Button
              fullWidth
              size="xs"
              variant="light"
              leftSection={<IconVersions size={14} />}
              onClick={() => useUi.getState().setDialog('publish-version')}
            >
              Publish version…
            </Button>
          </Tooltip>
        </Box>
        {documents.map((doc) => (
          <NavLink
            key={doc.id}
            label={doc.title}
            // The laws this document covers for this workspace, not every law its template can cover.
            description={doc.jurisdictions
              .filter((j) => deferred.organization.jurisdictions.includes(j))
              .map(jurisdictionShortName)
              .join(' · ')}
            leftSection={<IconFileText size={18} />}
            active={doc.id === selected?.id}
            aria-current={doc.id === selected?.id ? 'page' : undefined}
            // A real link (focusable, reachable with Tab, opens with Enter), like the section links.
            href={routeHash({ screen: 'documents', id: doc.id })}
            className={classes.item}
          />
        ))}
        {errors.length > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle size={16} />} title="Template problems" m="sm">
            <Stack gap={4}>
              {errors.map((e) => (
                <Text size="xs" key={`${e.file}:${e.line}:${e.message}`}>
                  <Text span ff="monospace" size="xs">
                    {e.file.split(/[\\/]/).pop()}
                    {e.line ? `:${e.line}` : ''}
                  </Text>{' '}
                  {e.message}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
      </Box>

      <Box className={classes.preview}>
        {!selected || !rendered ? (
          <EmptyState
            icon={<IconFileText size={30} />}
            title="No documents for this workspace"
            description="Candor makes the privacy notice for every workspace, and the notice at collection when the workspace includes the CCPA."
            mt="xl"
          />
        ) : rendered.kind === 'error' ? (
          <Alert color="red" icon={<IconAlertTriangle size={16} />} title="This template could not be rendered" m="xl">
            <Text ff="monospace" size="sm">
              {rendered.error.file}
              {rendered.error.line ? `:${rendered.error.line}` : ''}
            </Text>
            <Text size="sm">{rendered.error.message}</Text>
          </Alert>
        ) : (
          <>
            <Group justify="space-between" className={classes.toolbar} wrap="nowrap">
              <Group gap="sm" miw={0} wrap="nowrap">
                <Title order={3} size="h4" lineClamp={1}>
                  {rendered.meta.title}
                </Title>
                {/* The preview is of the working copy: a draft until it is published (candor publish). */}
                <Tooltip
                  label={`${rendered.meta.version ? 'Published' : 'Not yet published'}. Build ${rendered.meta.buildId ?? ''}: a fingerprint of the inventory it was made from`}
                >
                  <Badge variant="light" color="gray">
                    {rendered.meta.version ? `Version ${rendered.meta.version}` : 'Draft'}
                  </Badge>
                </Tooltip>
                {rendered.meta.effectiveDate && (
                  <Badge variant="light" color="gray">
                    {rendered.meta.version ? 'Effective' : 'Planned effective date'} {rendered.meta.effectiveDate}
                  </Badge>
                )}
              </Group>
              <Group gap="xs" wrap="nowrap">
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Button variant="default" leftSection={<IconClipboard size={16} />} rightSection={<IconChevronDown size={14} />}>
                      Copy
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => void copy('markdown')}>Copy as Markdown</Menu.Item>
                    <Menu.Item onClick={() => void copy('rich')}>Copy as rich text</Menu.Item>
                  </Menu.Dropdown>
                </Menu>
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Button leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>
                      Export
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {DOCUMENT_FORMAT_IDS.map((format) => {
                      const Icon = FORMAT_ICONS[format];
                      return (
                        <Menu.Item key={format} leftSection={<Icon size={16} />} onClick={() => startExport(format)}>
                          {DOCUMENT_FORMATS[format].label}…
                        </Menu.Item>
                      );
                    })}
                  </Menu.Dropdown>
                </Menu>
              </Group>
            </Group>
            <ScrollArea className={classes.scroll} type="auto">
              <Typography className={classes.paper} data-testid="document-preview">
                <SectionedPreview sections={rendered.sections} />
              </Typography>
              <Text size="xs" c="dimmed" ta="center" pb="lg">
                Rendered in {Math.max(1, Math.round(rendered.ms))} ms from the current inventory.
              </Text>
            </ScrollArea>
          </>
        )}
      </Box>
      {exportFlow.modal}
    </Box>
  );
}
