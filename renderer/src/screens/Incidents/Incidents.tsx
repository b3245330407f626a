// The Incidents area: the breach register beside the workspace (its own file, so the inventory can be shared
// while incidents stay with the few who handle them), a list with each open incident's 72-hour countdown,
// and the editor for one incident with its assessment, drafts and log.
import { useEffect, useRef, useState } from 'react';
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
  Modal,
  Select,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlarm,
  IconAlertTriangle,
  IconCheck,
  IconChevronDown,
  IconCloudUpload,
  IconDots,
  IconDownload,
  IconFileAlert,
  IconFileSpreadsheet,
  IconLock,
  IconPencil,
  IconPlus,
  IconRefresh,
  IconShieldExclamation,
  IconTrash,
} from '@tabler/icons-react';
import { clockState, describeRemaining, formatInstant, incidentZone } from '../../../../core/incidents/clock';
import { INCIDENT_STATUSES, registerFileName, type Incident, type IncidentStatus } from '../../../../core/incidents/schema';
import { useEditor } from '../../state/store';
import { incidentsUnsaved, useIncidents } from '../../state/incidents';
import { browserTimeZone, isoToWallTime, nowIso } from '../../state/incidents-time';
import { navigate, routeHash, type IncidentTab } from '../../state/route';
import { getBridge } from '../../transport';
import { useExport, type ExportJob } from '../../components/ExportMenu/ExportMenu';
import { clockColor, ClockCard, useNow } from './Clock';
import { RecordTab, type EditIncident } from './Record';
import { LogTab } from './Log';
import { AssessmentTab } from './Assessment';
import { DraftsTab } from './Drafts';
import type { IncidentDraftId } from '../../../../core/incidents/drafts-catalogue';
import { STATUS_COLORS, STATUS_HINTS, STATUS_LABELS } from './labels';
import { useIncidentsReadOnly } from './fields';
import classes from './Incidents.module.css';

/** `incident-2026-12-05`, or `-2`, `-3` … when the day already has one. */
export function newIncidentId(taken: readonly string[], day: string): string {
  const base = `incident-${day}`;
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Saves edits to the register first: drafts and the register export are made from the file. */
async function registerBlocker(): Promise<string | undefined> {
  await useIncidents.getState().flush();
  const state = useIncidents.getState();
  if (!incidentsUnsaved(state)) return undefined;
  if (state.status === 'conflict')
    return 'Nothing was exported: the incident register changed on disk, so your latest changes are not saved. Choose which version to keep first.';
  if (state.saveError)
    return `Nothing was exported: the incident register could not be saved (${state.saveError.message.replace(/\.$/, '')}).`;
  return 'Nothing was exported: the incident register has changes that are not saved yet. Try again in a moment.';
}

/** The export flow of the Incidents area: the register saved first, then as every other export in the app. */
export function useIncidentExport() {
  const flow = useExport();
  const start = async (job: ExportJob) => {
    const blocker = await registerBlocker();
    if (blocker) {
      notifications.show({ color: 'red', title: 'Not exported', message: blocker, autoClose: false });
      return;
    }
    await flow.start(job);
  };
  return { start, modal: flow.modal };
}

function RegisterStatus() {
  const status = useIncidents((s) => s.status);
  const error = useIncidents((s) => s.saveError);
  const problems = useIncidents((s) => s.problems.size);
  const view = {
    saved: { color: 'gray', icon: <IconCheck size={12} />, label: 'Saved' },
    pending: { color: 'gray', icon: <IconPencil size={12} />, label: 'Editing…' },
    saving: { color: 'gray', icon: <IconCloudUpload size={12} />, label: 'Saving…' },
    invalid: {
      color: 'red',
      icon: <IconAlertTriangle size={12} />,
      label: `Not saved · ${problems || 1} problem${problems > 1 ? 's' : ''}`,
    },
    error: { color: 'red', icon: <IconAlertTriangle size={12} />, label: 'Save failed' },
    conflict: { color: 'orange', icon: <IconAlertTriangle size={12} />, label: 'Changed on disk' },
    'read-only': { color: 'yellow', icon: <IconLock size={12} />, label: 'Read-only' },
  }[status];
  return (
    <Tooltip label={error?.message ?? 'Every change to the incident register is written within a second.'} multiline w={300}>
      <Badge
        color={view.color}
        variant={status === 'saved' || status === 'pending' || status === 'saving' ? 'transparent' : 'light'}
        leftSection={view.icon}
        role="status"
        data-testid="incidents-save-status"
        data-status={status}
        tt="none"
        fw={500}
        className={classes.registerStatus}
      >
        {view.label}
      </Badge>
    </Tooltip>
  );
}

function RegisterBanner() {
  const status = useIncidents((s) => s.status);
  const readOnly = useIncidents((s) => s.readOnly);
  const error = useIncidents((s) => s.saveError);
  const path = useIncidents((s) => s.path);
  const [busy, setBusy] = useState(false);
  if (status === 'conflict') {
    return (
      <Alert
        color="orange"
        variant="light"
        radius={0}
        icon={<IconFileAlert size={18} />}
        className={classes.banner}
        data-testid="incidents-changed-on-disk"
      >
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Text size="sm">
            <b>{fileName(path)}</b> changed on disk since Candor read it (someone else may be editing it). Your latest changes are kept here
            but not saved. Load the version on disk (your unsaved changes are dropped), or write yours over it.
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              variant="default"
              loading={busy}
              onClick={async () => {
                setBusy(true);
                await useIncidents.getState().keepMine();
                setBusy(false);
              }}
            >
              Keep mine
            </Button>
            <Button
              size="xs"
              color="orange"
              leftSection={<IconRefresh size={14} />}
              loading={busy}
              onClick={async () => {
                setBusy(true);
                await useIncidents.getState().reload();
                setBusy(false);
              }}
            >
              Load from disk
            </Button>
          </Group>
        </Group>
      </Alert>
    );
  }
  if (status === 'read-only' || readOnly) {
    return (
      <Alert
        color="yellow"
        variant="light"
        radius={0}
        icon={<IconLock size={18} />}
        className={classes.banner}
        data-testid="incidents-read-only"
      >
        <Text size="sm">
          <b>Read-only:</b> {readOnly?.message ?? error?.message ?? 'the incident register cannot be written.'}
        </Text>
      </Alert>
    );
  }
  if (status === 'error' && error) {
    return (
      <Alert color="red" variant="light" radius={0} icon={<IconAlertTriangle size={18} />} className={classes.banner}>
        <Text size="sm">
          <b>Not saved:</b> {error.message} Your changes are kept here; Candor tries again with your next edit.
        </Text>
      </Alert>
    );
  }
  return null;
}

function IncidentRow({ incident, selected }: { incident: Incident; selected: boolean }) {
  const at = useNow();
  const clock = clockState(incident, at);
  const discovered = formatInstant(incident.discoveredAt, incidentZone(incident)).replace(/ \(.*\)$/, '');
  return (
    <a
      href={routeHash({ screen: 'incidents', id: incident.id })}
      className={classes.row}
      aria-current={selected ? 'page' : undefined}
      data-testid={`incident-row-${incident.id}`}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={600} truncate="end" c={incident.title ? undefined : 'dimmed'}>
          {incident.title || 'Untitled incident'}
        </Text>
        <Badge size="xs" variant="light" color={STATUS_COLORS[incident.status]} flex="none">
          {STATUS_LABELS[incident.status]}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mt={2}>
        Discovered {discovered}
      </Text>
      {clock.showCountdown ? (
        <Group gap={4} mt={4} c={clockColor(clock)} wrap="nowrap">
          <IconAlarm size={13} />
          <Text size="xs" fw={600} c={clock.remainingMs < 0 ? 'red' : undefined} title="to notify the supervisory authority">
            {describeRemaining(clock.remainingMs)}
          </Text>
        </Group>
      ) : null}
    </a>
  );
}

function RegisterExportMenu({ start }: { start(job: ExportJob): Promise<void> }) {
  const job = (format: 'csv' | 'xlsx'): ExportJob => ({
    title: `Export the breach register as ${format === 'csv' ? 'CSV' : 'Excel'}`,
    what: `the breach register (${format === 'csv' ? 'CSV' : 'Excel'})`,
    fileName: `breach-register.${format}`,
    published: false,
    toPath: (path, _allowErrors, overwrite) =>
      getBridge().invoke('incident-register-export', { format, path, ...(overwrite ? { overwrite } : {}) }),
    toDownload: () => getBridge().invoke('incident-register-download', { format }),
  });
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Tooltip label="The register of every breach (Art 33(5)): facts, effects, remedial action, decisions and their reasons">
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconFileSpreadsheet size={14} />}
            rightSection={<IconChevronDown size={12} />}
          >
            Export
          </Button>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>The breach register (Art 33(5))</Menu.Label>
        <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => void start(job('csv'))}>
          CSV…
        </Menu.Item>
        <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => void start(job('xlsx'))}>
          Excel (.xlsx)…
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function IncidentsScreen({ id, tab = 'record' }: { id?: string; tab?: IncidentTab }) {
  const session = useEditor((s) => s.session);
  const workspacePath = session?.status === 'open' ? session.path : '';
  const loading = useIncidents((s) => s.loading);
  const loadError = useIncidents((s) => s.loadError);
  const register = useIncidents((s) => s.register);
  const registerPath = useIncidents((s) => s.path);
  const readOnly = useIncidentsReadOnly();
  const exportFlow = useIncidentExport();
  const [confirmDelete, setConfirmDelete] = useState<Incident | null>(null);
  const [draft, setDraft] = useState<IncidentDraftId>('authority-notification');
  const paneRef = useRef<HTMLDivElement>(null);
  const tabsRef = useRef<HTMLDivElement>(null);

  // Coming to the screen reads the file again (someone may have recorded an incident meanwhile), unless
  // edits here are not on disk yet.
  useEffect(() => {
    if (workspacePath) void useIncidents.getState().load(workspacePath, { force: true });
  }, [workspacePath]);

  const incidents = register?.incidents ?? [];
  // Newest discovery first.
  const sorted = [...incidents].sort((a, b) => Date.parse(b.discoveredAt) - Date.parse(a.discoveredAt));
  const selected = incidents.find((i) => i.id === id) ?? sorted[0];
  const index = selected ? incidents.indexOf(selected) : -1;

  const create = () => {
    if (readOnly) return;
    const timeZone = browserTimeZone();
    const discoveredAt = nowIso(timeZone);
    const id = newIncidentId(
      incidents.map((i) => i.id),
      isoToWallTime(discoveredAt, timeZone).slice(0, 10),
    );
    useIncidents.getState().add({
      id,
      title: '',
      status: 'open',
      discoveredAt,
      timeZone,
      summary: '',
      dataTypes: [],
      log: [{ at: discoveredAt, text: 'Incident recorded in Candor.' }],
    });
    navigate({ screen: 'incidents', id });
    window.setTimeout(() => document.querySelector<HTMLInputElement>('[data-path$=".title"]')?.focus(), 60);
  };

  if (loading && !register && !loadError) {
    return (
      <Center className={classes.empty}>
        <Loader size="sm" />
      </Center>
    );
  }

  if (loadError) {
    return (
      <Center className={classes.empty}>
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title="The incident register could not be read" maw={620}>
          <Stack gap="sm">
            <Text size="sm">{loadError.message}</Text>
            <Text size="sm" c="dimmed">
              Nothing is written to it until Candor can read it again.
            </Text>
            <Group>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconRefresh size={14} />}
                onClick={() => void useIncidents.getState().load(workspacePath, { force: true })}
              >
                Try again
              </Button>
            </Group>
          </Stack>
        </Alert>
      </Center>
    );
  }

  if (incidents.length === 0) {
    const shownPath = registerPath || registerFileName(fileName(workspacePath));
    return (
      <Stack className={classes.emptyPage} gap={0}>
        <RegisterBanner />
        <Center className={classes.empty}>
          <EmptyState size="lg" variant="light" icon={<IconShieldExclamation size={32} stroke={1.6} />} maw={600}>
            <EmptyState.Title order={2}>No incidents recorded</EmptyState.Title>
            <EmptyState.Description>
              When personal data is lost, stolen, exposed or altered, record it here as soon as you know. Candor starts the 72-hour clock
              for notifying the supervisory authority, works out from your inventory how sensitive the data is and who must be told, and
              drafts the notifications. Every breach belongs in the register, notified or not (GDPR Art 33(5)).
            </EmptyState.Description>
            <EmptyState.Description>
              Incidents are kept in their own file beside the workspace, so you can share the inventory widely while incidents stay with the
              few who handle them:
            </EmptyState.Description>
            <Code className={classes.path} data-testid="incidents-register-path">
              {shownPath}
            </Code>
            <EmptyState.Actions>
              <Button leftSection={<IconPlus size={16} />} onClick={create} disabled={readOnly}>
                New incident
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Center>
        {exportFlow.modal}
      </Stack>
    );
  }

  const path = `incidents[${index}]`;
  const edit: EditIncident = (recipe) => selected && useIncidents.getState().edit(selected.id, recipe);

  return (
    <div className={classes.root}>
      <aside className={classes.listPane} aria-label="Incidents list">
        <Stack gap={6} className={classes.listHeader}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Title order={2} size="h4">
              Incidents
            </Title>
            <Button size="compact-sm" leftSection={<IconPlus size={14} />} onClick={create} disabled={readOnly}>
              New incident
            </Button>
          </Group>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0} miw={0}>
              <Tooltip label={registerPath} openDelay={300}>
                <Text size="xs" c="dimmed" truncate="start">
                  {fileName(registerPath)}
                </Text>
              </Tooltip>
              <RegisterStatus />
            </Stack>
            <RegisterExportMenu start={exportFlow.start} />
          </Group>
        </Stack>
        <nav className={classes.list} aria-label="Incidents">
          {sorted.map((incident) => (
            <IncidentRow key={incident.id} incident={incident} selected={incident === selected} />
          ))}
        </nav>
      </aside>

      <div className={classes.editorPane} ref={paneRef}>
        <RegisterBanner />
        {selected ? (
          <Stack gap="lg" className={classes.editor}>
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
              <Box miw={0} flex="1 1 320px">
                <Text size="xs" tt="uppercase" fw={600} c="dimmed" lts="0.04em">
                  Incident · <span className={classes.mono}>{selected.id}</span>
                </Text>
                <Textarea
                  variant="unstyled"
                  size="xl"
                  autosize
                  minRows={1}
                  aria-label="Incident title"
                  placeholder="Name this incident"
                  value={selected.title}
                  onChange={(e) => {
                    // A title is one line: a pasted line break becomes a space.
                    const title = e.currentTarget.value.replace(/\s*\n\s*/g, ' ');
                    edit((i) => void (i.title = title));
                  }}
                  onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
                  readOnly={readOnly}
                  classNames={{ input: classes.titleInput }}
                  data-path={`${path}.title`}
                />
              </Box>
              <Group gap="xs" wrap="nowrap" mt={4}>
                <Select
                  aria-label="Status"
                  data={INCIDENT_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))}
                  value={selected.status}
                  allowDeselect={false}
                  readOnly={readOnly}
                  w={140}
                  leftSection={<span className={classes.statusDot} data-color={STATUS_COLORS[selected.status]} />}
                  renderOption={({ option }) => (
                    <div>
                      <Text size="sm">{option.label}</Text>
                      <Text size="xs" c="dimmed">
                        {STATUS_HINTS.get(option.value)}
                      </Text>
                    </div>
                  )}
                  comboboxProps={{ width: 280, position: 'bottom-end', withinPortal: true }}
                  onChange={(value) => value && edit((i) => void (i.status = value as IncidentStatus))}
                  data-path={`${path}.status`}
                />
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Button variant="subtle" color="gray" px={8} aria-label="More actions for this incident">
                      <IconDots size={18} />
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item
                      color="red"
                      leftSection={<IconTrash size={16} />}
                      disabled={readOnly}
                      onClick={() => setConfirmDelete(selected)}
                    >
                      Delete incident…
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            </Group>

            <ClockCard incident={selected} />

            <Tabs
              ref={tabsRef}
              value={tab}
              onChange={(next) => {
                if (!next) return;
                navigate({ screen: 'incidents', id: selected.id, tab: next as IncidentTab });
                // Another tab starts at its top, not at the depth the last one was scrolled to.
                const pane = paneRef.current;
                const tabsTop = tabsRef.current?.offsetTop ?? 0;
                if (pane && pane.scrollTop > tabsTop) pane.scrollTop = tabsTop;
              }}
              keepMounted={false}
            >
              <Tabs.List className={classes.tabs}>
                <Tabs.Tab value="record">Facts</Tabs.Tab>
                <Tabs.Tab value="assessment">Assessment and decisions</Tabs.Tab>
                <Tabs.Tab value="drafts">Drafts</Tabs.Tab>
                <Tabs.Tab value="log">
                  Log{' '}
                  <Badge size="xs" variant="light" color="gray" ml={4}>
                    {selected.log.length}
                  </Badge>
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="record" pt="lg">
                <RecordTab key={selected.id} incident={selected} path={path} edit={edit} />
              </Tabs.Panel>
              <Tabs.Panel value="assessment" pt="lg">
                <AssessmentTab key={selected.id} incident={selected} path={path} edit={edit} />
              </Tabs.Panel>
              <Tabs.Panel value="drafts" pt="lg">
                <DraftsTab incident={selected} draft={draft} onDraft={setDraft} startExport={exportFlow.start} />
              </Tabs.Panel>
              <Tabs.Panel value="log" pt="lg">
                <LogTab key={selected.id} incident={selected} path={path} edit={edit} />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        ) : null}
      </div>

      <Modal
        opened={Boolean(confirmDelete)}
        onClose={() => setConfirmDelete(null)}
        title={`Delete “${confirmDelete?.title || 'Untitled incident'}”?`}
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            The register must keep every breach, notified or not (GDPR Art 33(5)). Delete an incident only if it was recorded by mistake; if
            it turned out not to be a breach, close it and say why in its log instead.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirmDelete(null)} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => {
                if (confirmDelete) useIncidents.getState().remove(confirmDelete.id);
                setConfirmDelete(null);
                navigate({ screen: 'incidents' }, { replace: true });
              }}
            >
              Delete incident
            </Button>
          </Group>
        </Stack>
      </Modal>
      {exportFlow.modal}
    </div>
  );
}
