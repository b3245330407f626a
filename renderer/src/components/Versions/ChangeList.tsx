// What changed between two workspaces (core/semantic-diff.ts), as the team reads it: by section, then by
// entry, each field with its value before and after. Used by the Publish version dialog (the last version
// against the working copy) and the Versions screen's comparison.
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { groupChanges, type Change, type ChangeKind, type SemanticDiff } from '../../../../core/semantic-diff';
import classes from './Versions.module.css';

const KIND: Record<ChangeKind, { label: string; color: string }> = {
  added: { label: 'Added', color: 'green' },
  removed: { label: 'Removed', color: 'red' },
  changed: { label: 'Changed', color: 'blue' },
  reordered: { label: 'Reordered', color: 'gray' },
};

function Value({ text, side }: { text?: string; side: 'before' | 'after' }) {
  if (text === undefined || text === '') {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {side === 'before' ? 'not set' : 'removed'}
      </Text>
    );
  }
  return (
    <Text size="sm" className={side === 'before' ? classes.before : classes.after}>
      {text}
    </Text>
  );
}

function ChangeRow({ change }: { change: Change }) {
  const kind = KIND[change.kind];
  // An entry added or removed as a whole reads as one line ("Recipient added: NewCo"): no columns to fill.
  const whole = change.entity.id !== undefined && change.path.split('/').length === 3 && change.kind !== 'changed';
  return (
    <Table.Tr>
      <Table.Td className={classes.fieldCell}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Badge size="xs" variant="light" color={kind.color} className={classes.kind}>
            {kind.label}
          </Badge>
          <Text size="sm">{change.field}</Text>
        </Group>
      </Table.Td>
      {whole ? (
        <Table.Td colSpan={2}>
          <Text size="sm">{change.line}</Text>
        </Table.Td>
      ) : (
        <>
          <Table.Td>
            <Value text={change.kind === 'added' ? undefined : (change.beforeText ?? '')} side="before" />
          </Table.Td>
          <Table.Td>
            <Value text={change.kind === 'removed' ? undefined : (change.afterText ?? '')} side="after" />
          </Table.Td>
        </>
      )}
    </Table.Tr>
  );
}

export function ChangeList({ diff, before, after }: { diff: SemanticDiff; before: string; after: string }) {
  if (diff.same) {
    return (
      <Text size="sm" c="dimmed" data-testid="change-list">
        Nothing differs between {before} and {after}.
      </Text>
    );
  }
  return (
    <Stack gap="lg" data-testid="change-list">
      {groupChanges(diff).map((section) => (
        <Stack key={section.section} gap="xs">
          <Title order={4} size="h5">
            {section.title}
          </Title>
          {section.entities.map((group) => (
            <Paper key={group.entity.id ?? group.entity.name} withBorder radius="md" className={classes.entity}>
              <Text fw={600} size="sm" px="sm" pt="xs">
                {group.entity.name}
                {group.entity.previousName && (
                  <Text span c="dimmed" size="sm" fw={400}>
                    {' '}
                    (was {group.entity.previousName})
                  </Text>
                )}
              </Text>
              <Table layout="fixed" verticalSpacing={6} horizontalSpacing="sm" className={classes.table}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th className={classes.fieldCell}>What</Table.Th>
                    <Table.Th>{before}</Table.Th>
                    <Table.Th>{after}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {group.changes.map((change) => (
                    <ChangeRow key={`${change.kind}:${change.path}`} change={change} />
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
