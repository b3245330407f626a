// The Review screen: what a regulator, a store reviewer or a customer would find missing, worked out
// from the inventory as it is edited. Findings by severity (each opens its field), the coverage
// matrix per law and store, the store labels to export, and the conflicts a git merge left to choose.
import { Alert, Anchor, Badge, Box, Group, Tabs, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBuildingStore, IconGitMerge, IconListCheck, IconTable } from '@tabler/icons-react';
import type { Severity } from '../../../../core/lint';
import { mergeConflictsOf } from '../../../../core/merge-conflicts';
import { useEditor } from '../../state/store';
import { describePath, routeForPath } from '../../state/paths';
import { navigate, REVIEW_TABS, type ReviewTab } from '../../state/route';
import { Coverage } from './Coverage';
import { Findings } from './Findings';
import { MergeConflicts } from './MergeConflicts';
import { SEVERITY_LOOK } from './severity';
import { StoreLabels } from './StoreLabels';
import { useReview, type Review } from './review';
import classes from './Review.module.css';

function SeverityStat({ severity, count }: { severity: Severity; count: number }) {
  const look = SEVERITY_LOOK[severity];
  return (
    <div className={classes.stat} data-testid={`review-count-${severity}`}>
      <look.icon size={18} color={count > 0 ? `var(--mantine-color-${look.color}-filled)` : 'var(--mantine-color-dimmed)'} aria-hidden />
      <span className={classes.statValue}>{count}</span>
      <Text size="sm" c="dimmed">
        {count === 1 ? look.one : look.many}
      </Text>
    </div>
  );
}

/** The workspace being edited cannot be saved, so the review is of the last saved version. */
function StaleNotice() {
  const problems = useEditor((s) => s.problems);
  const workspace = useEditor((s) => s.workspace);
  if (problems.length === 0 || !workspace) return null;
  const first = problems[0];
  return (
    <Alert
      color="yellow"
      icon={<IconAlertTriangle size={18} />}
      title="Reviewing the last saved version"
      mb="md"
      data-testid="review-stale"
    >
      <Text size="sm">
        Your latest changes have {problems.length === 1 ? 'a problem that stops' : `${problems.length} problems that stop`} them from being
        saved, so the review below does not include them yet. First:{' '}
        <Anchor component="button" type="button" size="sm" onClick={() => navigate(routeForPath(workspace, first.path))}>
          {describePath(workspace, first.path) || 'the workspace'}
        </Anchor>{' '}
        — {first.message}
      </Text>
    </Alert>
  );
}

function Body({ review, tab }: { review: Review; tab: ReviewTab }) {
  const total = review.findings.length;
  const conflicts = useEditor((s) => (s.workspace ? mergeConflictsOf(s.workspace).length : 0));
  return (
    <Tabs
      value={tab}
      onChange={(value) =>
        navigate({ screen: 'review', tab: (REVIEW_TABS as readonly string[]).includes(value ?? '') ? (value as ReviewTab) : undefined })
      }
      keepMounted={false}
      className={classes.page}
    >
      <div className={classes.toolbar}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
          <div>
            <Title order={2}>Review</Title>
            <Text c="dimmed" size="sm" mt={4}>
              What a regulator, a store reviewer or a customer would find missing, checked as you edit.
            </Text>
          </div>
          <Group gap="xs" wrap="nowrap" aria-label="Findings by severity" role="group">
            <SeverityStat severity="error" count={review.counts.error} />
            <SeverityStat severity="warning" count={review.counts.warning} />
            <SeverityStat severity="info" count={review.counts.info} />
          </Group>
        </Group>
        <Tabs.List className={classes.tabList}>
          <Tabs.Tab
            value="findings"
            leftSection={<IconListCheck size={16} />}
            rightSection={
              <Badge
                size="sm"
                variant="light"
                color={review.counts.error > 0 ? 'red' : review.counts.warning > 0 ? 'yellow' : 'gray'}
                circle={false}
              >
                {total}
              </Badge>
            }
          >
            Findings
          </Tabs.Tab>
          <Tabs.Tab value="coverage" leftSection={<IconTable size={16} />}>
            Coverage
          </Tabs.Tab>
          <Tabs.Tab value="store-labels" leftSection={<IconBuildingStore size={16} />}>
            Store labels
          </Tabs.Tab>
          {/* Only while a git merge left conflicts, and while the last one is being chosen. */}
          {(conflicts > 0 || tab === 'conflicts') && (
            <Tabs.Tab
              value="conflicts"
              leftSection={<IconGitMerge size={16} />}
              rightSection={
                conflicts > 0 ? (
                  <Badge size="sm" variant="light" color="red" circle={false}>
                    {conflicts}
                  </Badge>
                ) : undefined
              }
            >
              Merge conflicts
            </Tabs.Tab>
          )}
        </Tabs.List>
      </div>
      <Box className={classes.scroll}>
        <div className={classes.content}>
          <StaleNotice />
          <Tabs.Panel value="findings">
            <Findings review={review} />
          </Tabs.Panel>
          <Tabs.Panel value="coverage">
            <Coverage />
          </Tabs.Panel>
          <Tabs.Panel value="store-labels">
            <StoreLabels />
          </Tabs.Panel>
          <Tabs.Panel value="conflicts">
            <MergeConflicts />
          </Tabs.Panel>
        </div>
      </Box>
    </Tabs>
  );
}

export function ReviewScreen({ tab = 'findings' }: { tab?: ReviewTab }) {
  const review = useReview();
  if (!review) return null;
  return <Body review={review} tab={tab} />;
}
