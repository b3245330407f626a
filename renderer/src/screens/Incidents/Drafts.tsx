// The drafts for one incident (core/incidents/drafts.ts), previewed as they are typed and exported in Markdown,
// HTML or Word from the saved register. The places a draft still needs a fact are marked "[Add …]" in the
// draft itself; the preview highlights them and counts them, so nothing is sent with a gap.
import { useDeferredValue, useMemo } from 'react';
import { Badge, Box, Button, Group, Menu, NavLink, Stack, Text, Title, Tooltip, Typography } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconChevronDown,
  IconClipboard,
  IconDownload,
  IconFileText,
  IconFileTypeDocx,
  IconFileTypeHtml,
  IconMarkdown,
} from '@tabler/icons-react';
import { DOCUMENT_FORMAT_IDS, DOCUMENT_FORMATS, type DocumentFormat } from '../../../../core/catalogue';
import { markdownToSafeHtml } from '../../../../core/documents/html';
import { PEOPLE_NOTICE_MAX_GRADE, peopleNoticeTexts, renderIncidentDraft } from '../../../../core/incidents/drafts';
import { INCIDENT_DRAFT_IDS, INCIDENT_DRAFTS, type IncidentDraftId } from '../../../../core/incidents/drafts-catalogue';
import type { Incident } from '../../../../core/incidents/schema';
import type { Workspace } from '../../../../core/schema';
import { useEditor } from '../../state/store';
import { getBridge } from '../../transport';
import type { ExportJob } from '../../components/ExportMenu/ExportMenu';
import { useNow } from './Clock';
import classes from './Incidents.module.css';

const FORMAT_ICONS: Record<DocumentFormat, typeof IconMarkdown> = {
  markdown: IconMarkdown,
  html: IconFileTypeHtml,
  docx: IconFileTypeDocx,
};

// "[Add the date …]", "[State whether …]": how the drafts mark a missing fact (a capitalised instruction in
// square brackets); never across a tag, so the markup stays whole.
const GAP = /\[[A-Z][a-z]+ [^\]<>]*\]/g;

export function DraftsTab({
  incident,
  draft,
  onDraft,
  startExport,
}: {
  incident: Incident;
  draft: IncidentDraftId;
  onDraft(id: IncidentDraftId): void;
  startExport(job: ExportJob): Promise<void>;
}) {
  const workspace = useEditor((s) => s.workspace) as Workspace;
  const deferredIncident = useDeferredValue(incident);
  const deferredWorkspace = useDeferredValue(workspace);
  // The minute is enough: the drafts say the date and whether 72 hours have passed.
  const now = useNow();
  const minute = Math.floor(now.getTime() / 60_000);
  const rendered = useMemo(() => {
    const document = renderIncidentDraft(draft, deferredIncident, deferredWorkspace, { now: new Date(minute * 60_000) });
    const gaps = document.markdown.match(GAP)?.length ?? 0;
    const html = markdownToSafeHtml(document.markdown).replace(GAP, (gap) => `<mark>${gap}</mark>`);
    // The notice to people has budgets of its own: plain language (grade 8 or lower) and a banner that fits.
    const people =
      draft === 'people-notice' ? peopleNoticeTexts(deferredIncident, deferredWorkspace, { now: new Date(minute * 60_000) }) : undefined;
    return { document, html, gaps, people };
  }, [draft, deferredIncident, deferredWorkspace, minute]);

  const exportAs = (format: DocumentFormat) => {
    const { label, extension } = DOCUMENT_FORMATS[format];
    const title = INCIDENT_DRAFTS[draft].title;
    void startExport({
      title: `Export the ${title.toLowerCase()} as ${label}`,
      what: `the ${title.toLowerCase()} as ${label}`,
      fileName: `${incident.id}-${draft}${extension}`,
      published: false,
      toPath: (path, _allowErrors, overwrite) =>
        getBridge().invoke('incident-draft-export', { incidentId: incident.id, draft, format, path, ...(overwrite ? { overwrite } : {}) }),
      toDownload: () => getBridge().invoke('incident-draft-download', { incidentId: incident.id, draft, format }),
    });
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(rendered.document.markdown);
      notifications.show({ message: 'Copied as Markdown', autoClose: 1800 });
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'Could not copy',
        message: `The clipboard refused (${error instanceof Error ? error.message : String(error)}). Export the file instead.`,
      });
    }
  };

  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap" align="stretch" role="tablist" aria-label="Drafts">
        {INCIDENT_DRAFT_IDS.map((id) => (
          <NavLink
            key={id}
            component="button"
            role="tab"
            aria-selected={id === draft}
            active={id === draft}
            label={INCIDENT_DRAFTS[id].title}
            description={INCIDENT_DRAFTS[id].description}
            leftSection={<IconFileText size={18} />}
            onClick={() => onDraft(id)}
            className={classes.draftChoice}
          />
        ))}
      </Group>

      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" miw={0}>
          <Title order={3} size="h4">
            {INCIDENT_DRAFTS[draft].title}
          </Title>
          {rendered.gaps > 0 ? (
            <Tooltip label="Places marked in the draft where a fact is missing: add it to the incident, or write it in before sending">
              <Badge color="yellow" variant="light" tt="none" data-testid="draft-gaps">
                {rendered.gaps} {rendered.gaps === 1 ? 'gap' : 'gaps'} to fill
              </Badge>
            </Tooltip>
          ) : (
            <Badge color="teal" variant="light" tt="none">
              Complete
            </Badge>
          )}
          {rendered.people ? (
            <>
              <Tooltip label={`Flesch–Kincaid grade of the email; plain-language guides aim for ${PEOPLE_NOTICE_MAX_GRADE} or lower`}>
                <Badge color={rendered.people.grade <= PEOPLE_NOTICE_MAX_GRADE ? 'teal' : 'yellow'} variant="light" tt="none">
                  Reading grade {rendered.people.grade.toFixed(1)}
                </Badge>
              </Tooltip>
              <Tooltip label="The in-app banner's length against the workspace's budget for in-app text">
                <Badge color={rendered.people.banner.overBudget ? 'red' : 'teal'} variant="light" tt="none">
                  Banner {rendered.people.banner.length} / {rendered.people.banner.budget} characters
                </Badge>
              </Tooltip>
            </>
          ) : null}
        </Group>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconClipboard size={16} />} onClick={() => void copy()}>
            Copy
          </Button>
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
                  <Menu.Item key={format} leftSection={<Icon size={16} />} onClick={() => exportAs(format)}>
                    {DOCUMENT_FORMATS[format].label}…
                  </Menu.Item>
                );
              })}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>

      <Box className={classes.draftFrame}>
        <Typography className={classes.draftPaper} data-testid="draft-preview">
          <div dangerouslySetInnerHTML={{ __html: rendered.html }} />
        </Typography>
      </Box>
      <Text size="xs" c="dimmed" ta="center">
        A draft to edit and send: the export is made from the saved incident and inventory.
      </Text>
    </Stack>
  );
}
