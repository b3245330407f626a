import { List, Stack, Text } from '@mantine/core';
import type { Workspace } from '../../../../core/schema';
import { capitalize } from '../../../../core/words';
import { changesSince, countOf, LIST_NOUNS, type EntityRef, type ListChanges, type ListKey } from '../../../../core/entity-diff';

function names(refs: EntityRef[]): string {
  return refs.map((r) => (r.previousName ? `${r.previousName} → ${r.name} (${r.id})` : `${r.name} (${r.id})`)).join(', ');
}

function lines(list: ListChanges): string[] {
  const out: string[] = [];
  const { key } = list;
  if (list.added.length) out.push(`${capitalize(countOf(list.added.length, key))} added: ${names(list.added)}.`);
  if (list.removed.length) out.push(`${capitalize(countOf(list.removed.length, key))} removed: ${names(list.removed)}.`);
  if (list.changed.length) out.push(`${capitalize(countOf(list.changed.length, key))} changed: ${names(list.changed)}.`);
  if (list.reordered) out.push(`The ${LIST_NOUNS[key].many} were put in another order.`);
  return out;
}

function summary(workspace: Workspace): string {
  const keys: ListKey[] = ['dataTypes', 'purposes', 'recipients', 'collectionPoints'];
  return keys.map((k) => countOf((workspace[k] as unknown[] | undefined)?.length ?? 0, k)).join(', ');
}

/** What changed since a backed-up version, in plain words: what restoring it would undo. */
export function BackupChanges({ backup, current }: { backup: Workspace; current: Workspace | null }) {
  if (!current) {
    return (
      <Text size="sm">This version has {summary(backup)}. The current file can't be read, so there is nothing to compare it with.</Text>
    );
  }
  const changes = changesSince(backup, current);
  if (changes.same) {
    return <Text size="sm">This version is the same as the workspace you have open; restoring it changes nothing.</Text>;
  }
  const items = changes.lists.flatMap(lines);
  if (changes.organization) items.push('The organization details were changed.');
  if (changes.settings) items.push('The settings were changed.');
  return (
    <Stack gap="xs">
      <Text size="sm">Since this version was saved:</Text>
      <List size="sm" spacing={6} data-testid="backup-changes">
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed">
        Restoring it undoes these changes.
      </Text>
    </Stack>
  );
}
