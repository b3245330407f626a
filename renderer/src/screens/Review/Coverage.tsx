import { useState } from 'react';
import { Anchor, Badge, Button, EmptyState, Group, Paper, Progress, Stack, Switch, Table, Tabs, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleMinus, IconCircleX, IconMapPin, IconScale } from '@tabler/icons-react';
import type { CoverageRequirement, CoverageSection, CoverageStatus } from '../../../../core/coverage';
import { formatDate } from '../../../../core/dates';
import { notApplicableRecord } from '../../../../core/review-acceptance';
import type { Workspace } from '../../../../core/schema';
import { describePath, routeForPath } from '../../state/paths';
import { navigate, routeHash } from '../../state/route';
import { DecisionModal, markNotApplicable, undoNotApplicable } from './Acceptance';
import { onListKeyDown } from './Findings';
import { useCoverage } from './review';
import classes from './Review.module.css';

const STATUS_LOOK: Record<CoverageStatus, { label: string; color: string; icon: typeof IconCircleCheck }> = {
  met: { label: 'Met', color: 'green', icon: IconCircleCheck },
  missing: { label: 'Missing', color: 'red', icon: IconCircleX },
  'not-applicable': { label: 'Not applicable', color: 'gray', icon: IconCircleMinus },
};

function StatusBadge({ status }: { status: CoverageStatus }) {
  const look = STATUS_LOOK[status];
  return (
    <Badge variant="light" color={look.color} leftSection={<look.icon size={14} />} radius="sm" tt="none" fw={600}>
      {look.label}
    </Badge>
  );
}

function FixLinks({ requirement, workspace }: { requirement: CoverageRequirement; workspace: Workspace }) {
  const paths = requirement.paths?.length ? requirement.paths : requirement.path ? [requirement.path] : [];
  if (paths.length === 0) return null;
  const shown = paths.slice(0, 3);
  return (
    <Group gap={6} mt={6}>
      {shown.map((path) => {
        const route = routeForPath(workspace, path);
        return (
          <Anchor
            key={path}
            href={routeHash(route)}
            size="xs"
            className={classes.where}
            data-review-item
            onClick={(event) => {
              event.preventDefault();
              navigate(route);
            }}
          >
            <IconMapPin size={12} aria-hidden />
            {describePath(workspace, path) || 'The workspace'}
          </Anchor>
        );
      })}
      {paths.length > shown.length && (
        <Text size="xs" c="dimmed">
          and {paths.length - shown.length} more
        </Text>
      )}
    </Group>
  );
}

/** Beside a missing item: "Not applicable…", asking why; beside one the team marked so: who, when, and "Undo". */
function Decision({
  section,
  requirement,
  workspace,
}: {
  section: CoverageSection;
  requirement: CoverageRequirement;
  workspace: Workspace;
}) {
  const [opened, setOpened] = useState(false);
  const record = requirement.status === 'not-applicable' ? notApplicableRecord(workspace, section.id, requirement.id) : undefined;
  if (record) {
    return (
      <Group gap="xs" mt={6} wrap="nowrap" data-testid="not-applicable-record">
        <Text size="xs" c="dimmed">
          Marked not applicable {formatDate(record.on)}
          {record.by ? ` by ${record.by}` : ''}
        </Text>
        <Button variant="subtle" size="compact-xs" onClick={() => undoNotApplicable(section.id, requirement.id)}>
          Undo
        </Button>
      </Group>
    );
  }
  if (requirement.status !== 'missing') return null;
  return (
    <>
      <Button variant="subtle" size="compact-xs" mt={6} onClick={() => setOpened(true)} data-testid="mark-not-applicable">
        Not applicable…
      </Button>
      <DecisionModal
        opened={opened}
        title="Mark as not applicable"
        subject={`${section.title}: ${requirement.title}`}
        help="Why this does not apply to your product. The reason is shown in place of what is missing."
        confirmLabel="Mark not applicable"
        onClose={() => setOpened(false)}
        onConfirm={(details) => markNotApplicable(section.id, requirement.id, details)}
      />
    </>
  );
}

function SectionMatrix({ section, workspace }: { section: CoverageSection; workspace: Workspace }) {
  const [wantOnlyMissing, setOnlyMissing] = useState(false);
  // Once nothing is missing (the last item fixed or marked not applicable) the filter would hide every
  // row behind a switch that can no longer be turned off, so it lapses.
  const onlyMissing = wantOnlyMissing && section.counts.missing > 0;
  const applicable = section.counts.met + section.counts.missing;
  const rows = onlyMissing ? section.requirements.filter((r) => r.status === 'missing') : section.requirements;
  return (
    <Paper withBorder radius="md" component="section" aria-label={`${section.title} coverage`} data-testid={`coverage-${section.id}`}>
      <Stack gap="sm" p="lg">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={4}>{section.title}</Title>
            <Text size="sm" c="dimmed">
              {section.scope}
            </Text>
          </div>
          <Switch
            label="Only what is missing"
            checked={onlyMissing}
            onChange={(e) => setOnlyMissing(e.currentTarget.checked)}
            disabled={section.counts.missing === 0}
            style={{ flex: 'none' }}
          />
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Progress
            value={applicable === 0 ? 100 : (section.counts.met / applicable) * 100}
            color={section.counts.missing > 0 ? 'red' : 'green'}
            size="sm"
            style={{ flex: 1 }}
            aria-label={`${section.counts.met} of ${applicable} met`}
          />
          <Text size="sm" c="dimmed" style={{ flex: 'none' }}>
            {section.counts.met} of {applicable} met
            {section.counts['not-applicable'] > 0 && ` · ${section.counts['not-applicable']} not applicable`}
          </Text>
        </Group>
      </Stack>
      <Table className={classes.requirementTable} verticalSpacing="sm" horizontalSpacing="lg" withRowBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>Status</Table.Th>
            <Table.Th w="36%">Requirement</Table.Th>
            <Table.Th>Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((requirement) => (
            <Table.Tr
              key={requirement.id}
              className={requirement.status === 'missing' ? classes.missingRow : undefined}
              data-testid="requirement"
              data-status={requirement.status}
            >
              <Table.Td>
                <StatusBadge status={requirement.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {requirement.title}
                </Text>
                <div className={classes.reference}>{requirement.reference}</div>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={requirement.status === 'not-applicable' ? 'dimmed' : undefined}>
                  {requirement.why}
                </Text>
                {requirement.status === 'missing' && <FixLinks requirement={requirement} workspace={workspace} />}
                <Decision section={section} requirement={requirement} workspace={workspace} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function Coverage() {
  const coverage = useCoverage();
  const [chosen, setChosen] = useState<string | null>(null);
  if (!coverage) return null;
  const { sections, workspace } = coverage;
  if (sections.length === 0) {
    return (
      <Paper withBorder radius="md" p="xl">
        <EmptyState
          icon={<IconScale size={30} />}
          title="Nothing to check coverage against"
          description="The matrix covers the laws the workspace follows (GDPR, UK GDPR, CCPA) and the stores its app is in (an iOS or Android collection point). Choose the laws under Organization & settings."
        >
          <EmptyState.Actions>
            <Button variant="default" onClick={() => navigate({ screen: 'organization', field: 'organization.jurisdictions' })}>
              Choose the laws
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    );
  }
  const selected = sections.find((s) => s.id === chosen) ?? sections[0];
  return (
    <Tabs value={selected.id} onChange={setChosen} variant="pills" keepMounted={false} onKeyDown={onListKeyDown}>
      <Tabs.List className={classes.sectionTabs} mb="md" aria-label="Laws and stores">
        {sections.map((section) => (
          <Tabs.Tab
            key={section.id}
            value={section.id}
            rightSection={
              section.counts.missing > 0 ? (
                <Badge size="sm" color="red" variant="filled" circle={false} tt="none">
                  {section.counts.missing} missing
                </Badge>
              ) : (
                <IconCircleCheck size={16} color="var(--mantine-color-green-filled)" aria-label="all met" />
              )
            }
          >
            {section.title}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {sections.map((section) => (
        <Tabs.Panel key={section.id} value={section.id}>
          <SectionMatrix section={section} workspace={workspace} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
