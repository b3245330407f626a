// The Review screen's Merge conflicts tab: each field both sides of a git merge changed (`mergeConflicts`,
// written by `candor merge`), with base, ours and theirs side by side and a button to choose each. A
// choice is an ordinary edit of the workspace: it saves like any other, and undo takes it back.
import { useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { conflictValueWords, mergeConflictsOf, resolveConflict, type ConflictSide } from '../../../../core/merge-conflicts';
import type { StoredMergeConflict, Workspace } from '../../../../core/schema';
import { useReadOnly } from '../../state/edit';
import { navigate } from '../../state/route';
import { useEditor } from '../../state/store';
import classes from './MergeConflicts.module.css';

/** "recipientPurposes" → "recipient purposes", for the keys of an object shown as a list. */
function keyWords(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Any JSON as people read it: text as text, lists as lists, objects as their fields. Fields that differ from `against` (base) are marked. */
function Structure({ value, against }: { value: unknown; against?: unknown }) {
  if (value === null) return <span className={classes.absent}>empty</span>;
  if (typeof value === 'string') return value === '' ? <span className={classes.absent}>empty text</span> : <>{value}</>;
  if (typeof value === 'boolean') return <>{value ? 'yes' : 'no'}</>;
  if (typeof value !== 'object') return <>{String(value)}</>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className={classes.absent}>empty list</span>;
    return (
      <ul className={classes.items}>
        {value.map((item, i) => (
          <li key={i}>
            <Structure value={item} />
          </li>
        ))}
      </ul>
    );
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return <span className={classes.absent}>nothing set</span>;
  const base =
    typeof against === 'object' && against !== null && !Array.isArray(against) ? (against as Record<string, unknown>) : undefined;
  return (
    <dl className={classes.fields}>
      {entries.map(([key, inner]) => {
        const changed = base !== undefined && JSON.stringify(base[key]) !== JSON.stringify(inner);
        return (
          <div key={key} className={classes.field} data-changed={changed || undefined}>
            <dt>{keyWords(key)}</dt>
            <dd>
              <Structure value={inner} />
              {changed && <span className={classes.changedMark}> (changed)</span>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** One side's value: in the field's own words where it has them ("90 days after account closure"), else its structure. */
function SideValue({ workspace, conflict, side }: { workspace: Workspace; conflict: StoredMergeConflict; side: ConflictSide }) {
  const value = conflict[side];
  const words = conflictValueWords(workspace, conflict, side);
  if (value === undefined) return <span className={classes.absent}>{words}</span>;
  // The merge could not combine the two at all: a side is a whole workspace, too long to list here.
  if (conflict.path === '' && typeof value === 'object' && value !== null) {
    const lists = value as Record<string, unknown>;
    const size = (key: string) => (Array.isArray(lists[key]) ? (lists[key] as unknown[]).length : 0);
    return (
      <>
        The whole workspace as this side has it: {size('dataTypes')} data types, {size('purposes')} purposes, {size('recipients')}{' '}
        recipients, {size('collectionPoints')} collection points
      </>
    );
  }
  // A whole entry reads better as its fields than as its name.
  const entry = typeof value === 'object' && value !== null && !Array.isArray(value) && 'id' in value;
  if (words !== undefined && !entry && typeof value !== 'string') return <>{words}</>;
  return <Structure value={value} against={side === 'base' ? undefined : conflict.base} />;
}

const SIDES: { side: ConflictSide; title: string; hint: string; action: string }[] = [
  { side: 'base', title: 'Base', hint: 'before either change', action: 'Use base' },
  { side: 'ours', title: 'Ours', hint: 'in the file now', action: 'Keep ours' },
  { side: 'theirs', title: 'Theirs', hint: 'from the branch merged in', action: 'Use theirs' },
];

function ConflictCard({
  workspace,
  conflict,
  index,
  onChosen,
}: {
  workspace: Workspace;
  conflict: StoredMergeConflict;
  index: number;
  onChosen: () => void;
}) {
  const readOnly = useReadOnly();
  const [refusal, setRefusal] = useState<string | undefined>();
  // Base is offered where there was one: a field both sides added has none to go back to.
  const sides = SIDES.filter(({ side }) => side !== 'base' || 'base' in conflict);
  const headingId = `merge-conflict-${index}`;

  function choose(side: ConflictSide) {
    const current = useEditor.getState().workspace;
    if (!current) return;
    const result = resolveConflict(current, index, side);
    if (!result.ok) {
      setRefusal(result.message);
      return;
    }
    setRefusal(undefined);
    const label = SIDES.find((s) => s.side === side)!.action;
    useEditor.getState().replace(`${label}: ${conflict.where}`, result.workspace);
    onChosen();
  }

  return (
    <Paper withBorder radius="md" component="section" aria-labelledby={headingId} className={classes.card} data-testid="merge-conflict">
      <div className={classes.cardHeader}>
        <Title order={3} id={headingId} className={classes.where}>
          {conflict.where}
        </Title>
        <Text size="xs" c="dimmed" className={classes.path}>
          {conflict.order ? 'The order of this list' : conflict.path || 'The whole workspace'}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: sides.length }} spacing={0} className={classes.sides}>
        {sides.map(({ side, title, hint, action }) => (
          <div key={side} className={classes.side} data-side={side}>
            <div className={classes.sideTitle}>
              <Text size="sm" fw={600}>
                {title}
              </Text>
              <Text size="xs" c="dimmed">
                {hint}
              </Text>
              {side === 'ours' && (
                <Badge size="xs" variant="light" color="gray">
                  current
                </Badge>
              )}
            </div>
            <div className={classes.value} data-testid={`conflict-${side}`}>
              <SideValue workspace={workspace} conflict={conflict} side={side} />
            </div>
            <Button
              size="xs"
              variant={side === 'theirs' ? 'filled' : 'default'}
              disabled={readOnly}
              onClick={() => choose(side)}
              aria-describedby={headingId}
              className={classes.choose}
            >
              {action}
            </Button>
          </div>
        ))}
      </SimpleGrid>
      {refusal && (
        <Alert color="red" variant="light" radius={0} role="alert" className={classes.refusal}>
          {refusal}
        </Alert>
      )}
    </Paper>
  );
}

export function MergeConflicts() {
  const workspace = useEditor((s) => s.workspace);
  const list = useRef<HTMLDivElement>(null);
  if (!workspace) return null;
  const conflicts = mergeConflictsOf(workspace);

  // After a choice its card goes; the next card's first button takes the focus, so the keyboard carries on.
  function focusNext(index: number) {
    requestAnimationFrame(() => {
      const cards = list.current?.querySelectorAll<HTMLElement>('[data-testid="merge-conflict"]') ?? [];
      const card = cards[Math.min(index, cards.length - 1)];
      (
        card?.querySelector<HTMLElement>('button:not(:disabled)') ?? list.current?.querySelector<HTMLElement>('[data-focus-after]')
      )?.focus();
    });
  }

  if (conflicts.length === 0) {
    return (
      <Paper withBorder radius="md" p="xl" className={classes.done} data-testid="merge-conflicts-none" ref={list}>
        <Stack align="center" gap="xs">
          <ThemeIcon size={40} radius="xl" variant="light" color="green">
            <IconCircleCheck size={24} />
          </ThemeIcon>
          <Title order={3} size="h4">
            No merge conflicts left
          </Title>
          <Text size="sm" c="dimmed" ta="center">
            Every value is chosen. Commit the file and mark the merge resolved (git add).{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => navigate({ screen: 'review' })} data-focus-after>
              Back to the findings
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    );
  }

  return (
    <Stack gap="md" ref={list}>
      <Text size="sm" c="dimmed">
        Both sides of a git merge changed {conflicts.length === 1 ? 'this' : `these ${conflicts.length}`} to different values. The file
        holds ours for now. Choose the value to keep for each: each choice saves like any edit, and Undo takes it back.
      </Text>
      {conflicts.map((conflict, index) => (
        <ConflictCard
          key={`${index}|${conflict.path}|${conflicts.length}`}
          workspace={workspace}
          conflict={conflict}
          index={index}
          onChosen={() => focusNext(index)}
        />
      ))}
    </Stack>
  );
}
