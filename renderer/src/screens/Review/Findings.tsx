import { useMemo, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { Button, EmptyState, Group, Paper, Select, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconChecks, IconChevronDown, IconChevronRight, IconCircleCheck, IconMapPin, IconTable } from '@tabler/icons-react';
import { formatDate } from '../../../../core/dates';
import type { AcceptedFinding } from '../../../../core/review-acceptance';
import { groupFindings, lintRule, type Finding, type Severity } from '../../../../core/lint';
import type { Workspace } from '../../../../core/schema';
import { describePath, routeForPath } from '../../state/paths';
import { navigate, routeHash } from '../../state/route';
import { acceptFinding, DecisionModal, reopenFinding } from './Acceptance';
import { SEVERITY_LOOK } from './severity';
import type { Review } from './review';
import classes from './Review.module.css';

/** How many findings a group shows before "Show more": a workspace of 2,000 data types can have thousands. */
export const PAGE_SIZE = 100;

/** Moves focus between the findings with the arrow keys; Enter opens the focused one (it is a link). */
export function onListKeyDown(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-review-item]')];
  const index = items.indexOf(document.activeElement as HTMLElement);
  if (index < 0) return;
  event.preventDefault();
  const next = items[Math.min(items.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))];
  next.focus();
}

/** One finding as a link to the field it is about; `onOpen` runs first (a modal showing it closes). */
function FindingRow({ finding, workspace, onOpen }: { finding: Finding; workspace: Workspace; onOpen?: () => void }) {
  const route = routeForPath(workspace, finding.path);
  const where = describePath(workspace, finding.path) || 'The workspace';
  const look = SEVERITY_LOOK[finding.severity];
  return (
    <a
      href={routeHash(route)}
      className={classes.finding}
      style={{ '--finding-color': `var(--mantine-color-${look.color}-filled)` } as CSSProperties}
      data-review-item
      data-testid="finding"
      data-rule={finding.rule}
      onClick={(event) => {
        event.preventDefault();
        onOpen?.();
        navigate(route);
      }}
    >
      <div className={classes.findingBody}>
        <Text size="sm" fw={600}>
          {lintRule(finding.rule)?.title ?? finding.rule}
        </Text>
        <Text size="sm">{finding.message}</Text>
        <span className={classes.where}>
          <IconMapPin size={12} aria-hidden />
          {where}
        </span>
      </div>
      <IconChevronRight size={18} className={classes.chevron} aria-hidden />
    </a>
  );
}

/** Findings as a list of links, each opening its field (the export's review check lists its errors so too). */
export function FindingList({
  findings,
  workspace,
  onOpen,
  action,
}: {
  findings: readonly Finding[];
  workspace: Workspace;
  onOpen?: () => void;
  /** a control beside each finding (outside its link) */
  action?: (finding: Finding) => ReactNode;
}) {
  return (
    <ul className={classes.list}>
      {findings.map((finding) => (
        <li key={`${finding.rule}|${finding.path}|${finding.message}`} className={action ? classes.withAction : undefined}>
          <FindingRow finding={finding} workspace={workspace} onOpen={onOpen} />
          {action?.(finding)}
        </li>
      ))}
    </ul>
  );
}

/** "Accept…" beside a warning or info: asks why, then records the acceptance. */
function AcceptButton({ finding }: { finding: Finding }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="subtle" size="xs" className={classes.rowAction} onClick={() => setOpened(true)} data-testid="accept-finding">
        Accept…
      </Button>
      <DecisionModal
        opened={opened}
        title="Accept this finding"
        subject={lintRule(finding.rule)?.title ?? finding.rule}
        help="Why it stands as it is: what was considered and by whom. Changing what it is about opens it again."
        confirmLabel="Accept"
        onClose={() => setOpened(false)}
        onConfirm={(details) => acceptFinding(finding, details)}
      />
    </>
  );
}

/** The findings the team accepted, collapsed at first: each with why, who and when, and a way to re-open it. */
function AcceptedGroup({ accepted, workspace }: { accepted: AcceptedFinding[]; workspace: Workspace }) {
  const [open, setOpen] = useState(false);
  return (
    <Paper
      withBorder
      radius="md"
      className={classes.group}
      component="section"
      aria-labelledby="findings-accepted"
      data-testid="accepted-group"
    >
      <UnstyledButton className={classes.groupToggle} onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls="accepted-list">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color="gray" size="lg" radius="md">
            <IconChecks size={20} />
          </ThemeIcon>
          <div style={{ flex: 1 }}>
            <Title order={4} id="findings-accepted">
              Accepted{' '}
              <Text span c="dimmed" fw={500} inherit>
                {accepted.length}
              </Text>
            </Title>
            <Text size="sm" c="dimmed">
              Warnings and hints the team considered and accepted. They are not counted; an edit to what one is about opens it again.
            </Text>
          </div>
          <IconChevronDown size={18} className={classes.toggleChevron} data-open={open || undefined} aria-hidden />
        </Group>
      </UnstyledButton>
      {/* Rendered only when open, so the arrow keys and counts of findings skip what is folded away. */}
      {open && (
        <ul id="accepted-list" className={classes.list} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          {accepted.map(({ finding, acceptance }) => (
            <li key={`${finding.rule}|${finding.path}`} className={classes.withAction} data-testid="accepted-finding">
              <div className={classes.acceptedBody}>
                <FindingRow finding={finding} workspace={workspace} />
                <Text size="sm" className={classes.acceptedReason}>
                  <Text span size="sm" c="dimmed">
                    Accepted {formatDate(acceptance.on)}
                    {acceptance.by ? ` by ${acceptance.by}` : ''}:{' '}
                  </Text>
                  {acceptance.reason}
                </Text>
              </div>
              <Button variant="subtle" size="xs" className={classes.rowAction} onClick={() => reopenFinding(finding)}>
                Re-open
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Paper>
  );
}

function SeverityGroup({ severity, findings, workspace }: { severity: Severity; findings: Finding[]; workspace: Workspace }) {
  const [shown, setShown] = useState(PAGE_SIZE);
  const look = SEVERITY_LOOK[severity];
  const rest = findings.length - shown;
  return (
    <Paper withBorder radius="md" className={classes.group} component="section" aria-labelledby={`findings-${severity}`}>
      <Group gap="sm" wrap="nowrap" className={classes.groupHeader}>
        <ThemeIcon variant="light" color={look.color} size="lg" radius="md">
          <look.icon size={20} />
        </ThemeIcon>
        <div>
          <Title order={4} id={`findings-${severity}`}>
            {look.title}{' '}
            <Text span c="dimmed" fw={500} inherit>
              {findings.length}
            </Text>
          </Title>
          <Text size="sm" c="dimmed">
            {look.description}
          </Text>
        </div>
      </Group>
      <FindingList
        findings={findings.slice(0, shown)}
        workspace={workspace}
        action={severity === 'error' ? undefined : (finding) => <AcceptButton finding={finding} />}
      />
      {rest > 0 && (
        <Group className={classes.more} justify="space-between">
          <Text size="sm" c="dimmed">
            Showing {shown} of {findings.length}
          </Text>
          <Group gap="xs">
            {rest > PAGE_SIZE && (
              <Button variant="subtle" size="xs" onClick={() => setShown((n) => n + PAGE_SIZE)}>
                Show {PAGE_SIZE} more
              </Button>
            )}
            <Button variant="subtle" size="xs" onClick={() => setShown(findings.length)}>
              Show all {findings.length}
            </Button>
          </Group>
        </Group>
      )}
    </Paper>
  );
}

export function Findings({ review }: { review: Review }) {
  const [rule, setRule] = useState<string | null>(null);
  const ruleOptions = useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of review.findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    return [...counts].map(([id, n]) => ({ value: id, label: `${lintRule(id)?.title ?? id} (${n})` }));
  }, [review.findings]);
  const activeRule = rule && ruleOptions.some((o) => o.value === rule) ? rule : null;
  const groups = useMemo(
    () => groupFindings(activeRule ? review.findings.filter((f) => f.rule === activeRule) : review.findings),
    [review.findings, activeRule],
  );

  const accepted = review.accepted.length > 0 && <AcceptedGroup accepted={review.accepted} workspace={review.workspace} />;

  if (review.findings.length === 0) {
    return (
      <Stack gap="md">
        <Paper withBorder radius="md" p="xl">
          <EmptyState
            variant="light"
            color="green"
            size="lg"
            icon={<IconCircleCheck size={30} />}
            title={accepted ? 'No open findings: nothing blocks your declarations' : 'No findings: nothing blocks your declarations'}
            description={
              accepted
                ? 'Every review rule passes or its finding was accepted (listed below). The coverage tab shows what each law and store asks for, and what answers it.'
                : 'Every review rule passes for this workspace. The coverage tab shows what each law and store asks for, and what answers it.'
            }
          >
            <EmptyState.Actions>
              <Button
                variant="default"
                leftSection={<IconTable size={16} />}
                onClick={() => navigate({ screen: 'review', tab: 'coverage' })}
              >
                See coverage
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Paper>
        {accepted}
      </Stack>
    );
  }

  return (
    <Stack gap="md" onKeyDown={onListKeyDown}>
      <Group justify="space-between" wrap="nowrap" mih={36}>
        <Text size="sm" c="dimmed">
          Select a finding to open the field it is about.
        </Text>
        {ruleOptions.length > 1 && (
          <Group gap="xs" wrap="nowrap">
            <Text component="label" htmlFor="review-rule-filter" size="sm" fw={500}>
              Rule
            </Text>
            <Select
              id="review-rule-filter"
              placeholder={`All ${ruleOptions.length} rules`}
              data={ruleOptions}
              value={activeRule}
              onChange={setRule}
              clearable
              searchable
              w={340}
              size="sm"
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
        )}
      </Group>
      {groups.map((group) => (
        // A new filter starts each group at its first page.
        <SeverityGroup
          key={`${group.severity}|${activeRule ?? ''}`}
          severity={group.severity}
          findings={group.findings}
          workspace={review.workspace}
        />
      ))}
      {accepted}
    </Stack>
  );
}
