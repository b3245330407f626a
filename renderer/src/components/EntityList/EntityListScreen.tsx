// The list-and-editor layout shared by the purposes, recipients and collection points screens: a
// searchable list on the left, the selected entry's fields on the right, then the data types that
// use it. The route carries the selected id, so links from problems and data types land here.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  CloseButton,
  EmptyState,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowRight, IconDatabase, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import type { Draft } from 'immer';
import { dataTypesUsing, deleteEntity, uniqueId } from '../../../../core/ids';
import type { Workspace } from '../../../../core/schema';
import { count, listInWords } from '../../../../core/words';
import { useEditor } from '../../state/store';
import { useReadOnly } from '../../state/edit';
import { navigate } from '../../state/route';
import { useFocusField } from '../../state/focus';
import { Section } from './fields';
import type { DataTypeRef, EntityListName, EntityScreenConfig, EntryOf } from './types';
import classes from './EntityListScreen.module.css';

interface EntityListScreenProps<L extends EntityListName> {
  config: EntityScreenConfig<L>;
  id?: string;
  field?: string;
}

type PendingFocus = { kind: 'name'; id: string } | { kind: 'row'; id: string };

// One empty list for every render without a workspace, so the memos that depend on it hold.
const NO_ENTRIES: readonly never[] = [];

/** "Email address, Photos and Password" */
export function nameList(names: readonly string[]): string {
  return listInWords(names.map((n) => n || 'an unnamed data type'));
}

function usageCounts(workspace: Workspace, list: EntityListName): Map<string, number> {
  const field = list === 'collectionPoints' ? 'collectedAt' : list;
  const counts = new Map<string, number>();
  for (const dataType of workspace.dataTypes) {
    for (const id of new Set(dataType[field] ?? [])) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

function problemIndexes(paths: Iterable<string>, list: EntityListName): Map<number, number> {
  const out = new Map<number, number>();
  const pattern = new RegExp(`^${list}\\[(\\d+)\\]`);
  for (const path of paths) {
    const match = pattern.exec(path);
    if (match) out.set(Number(match[1]), (out.get(Number(match[1])) ?? 0) + 1);
  }
  return out;
}

export function EntityListScreen<L extends EntityListName>({ config, id, field }: EntityListScreenProps<L>) {
  const { list, screen, singular } = config;
  const workspace = useEditor((s) => s.workspace);
  const problemsByPath = useEditor((s) => s.problemsByPath);
  const apply = useEditor((s) => s.apply);
  const readOnly = useReadOnly();
  const [query, setQuery] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const pendingFocus = useRef<PendingFocus | null>(null);
  const rowRefs = useRef(new Map<string, HTMLDivElement>());
  const searchRef = useRef<HTMLInputElement>(null);

  const entries = (workspace?.[list] ?? NO_ENTRIES) as EntryOf<L>[];
  // A problem link names both the id and the field's index; when two entries share an id (itself a
  // problem), the index says which one is meant.
  const fieldIndex = field ? Number(new RegExp(`^${list}\\[(\\d+)\\]`).exec(field)?.[1] ?? -1) : -1;
  const routeIndex =
    id === undefined ? -1 : fieldIndex >= 0 && entries[fieldIndex]?.id === id ? fieldIndex : entries.findIndex((e) => e.id === id);
  const selectedIndex = routeIndex !== -1 ? routeIndex : entries.length > 0 ? 0 : -1;
  const selected = selectedIndex === -1 ? undefined : entries[selectedIndex];

  const counts = useMemo(() => (workspace ? usageCounts(workspace, list) : new Map<string, number>()), [workspace, list]);
  const problems = useMemo(() => problemIndexes(problemsByPath.keys(), list), [problemsByPath, list]);

  const visible = useMemo(() => {
    const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return entries
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => {
        if (words.length === 0) return true;
        const haystack = `${entry.name} ${entry.id} ${config.secondary(entry)}`.toLowerCase();
        return words.every((w) => haystack.includes(w));
      });
  }, [entries, query, config]);

  useFocusField(field, Boolean(selected));

  // Focus requests wait for the render that shows their target (a new entry, the next row after a delete).
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    if (pending.kind === 'row') {
      const row = rowRefs.current.get(pending.id);
      if (row) {
        pendingFocus.current = null;
        row.focus();
      }
      return;
    }
    if (selected?.id !== pending.id) return;
    pendingFocus.current = null;
    const input = document.querySelector<HTMLInputElement>(`[data-path="${list}[${selectedIndex}].name"]`);
    input?.focus();
    input?.select();
  });

  if (!workspace) return null;

  function select(entryId: string) {
    navigate({ screen, id: entryId });
  }

  function add() {
    if (readOnly) return;
    const taken = entries.map((e) => e.id);
    const newId = uniqueId(config.newName, taken);
    apply(`Add ${singular}`, (d) => {
      (d[list] as { id: string; name: string }[]).push({ id: newId, name: config.newName });
    });
    setQuery('');
    pendingFocus.current = { kind: 'name', id: newId };
    select(newId);
  }

  function remove(entry: EntryOf<L>, fromRow: boolean) {
    const index = entries.findIndex((e) => e.id === entry.id);
    const neighbour = entries[index + 1] ?? entries[index - 1];
    apply(`Delete ${singular} “${entry.name}”`, (d) => deleteEntity(d, list, entry.id));
    const after = useEditor.getState().workspace;
    if (fromRow && neighbour) pendingFocus.current = { kind: 'row', id: neighbour.id };
    navigate({ screen, id: neighbour?.id });
    const notificationId = `delete-${list}-${entry.id}`;
    notifications.show({
      id: notificationId,
      autoClose: 8000,
      message: (
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm">
            Deleted {singular} “{entry.name || entry.id}”.
          </Text>
          <Button
            size="compact-sm"
            variant="light"
            aria-label={`Undo deleting ${singular} “${entry.name || entry.id}”`}
            onClick={() => {
              if (useEditor.getState().workspace !== after) {
                notifications.update({
                  id: notificationId,
                  color: 'yellow',
                  autoClose: 6000,
                  message: 'You have made other changes since, so this cannot be undone from here. Use Undo in the header to step back.',
                });
                return;
              }
              useEditor.getState().undo();
              notifications.hide(notificationId);
              navigate({ screen, id: entry.id });
            }}
          >
            Undo
          </Button>
        </Group>
      ),
    });
  }

  function requestDelete(entry: EntryOf<L>, fromRow = false) {
    if (readOnly || !workspace) return;
    if (dataTypesUsing(workspace, list, entry.id).length === 0 && !config.otherUses?.(entry, workspace)) remove(entry, fromRow);
    else setConfirming(entry.id);
  }

  function onListKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const position = visible.findIndex(({ entry }) => entry.id === selected?.id);
    const move = (to: number) => {
      const target = visible[Math.max(0, Math.min(visible.length - 1, to))];
      if (!target) return;
      event.preventDefault();
      select(target.entry.id);
      rowRefs.current.get(target.entry.id)?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        move(position + 1);
        break;
      case 'ArrowUp':
        if (position <= 0) {
          event.preventDefault();
          searchRef.current?.focus();
        } else move(position - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(visible.length - 1);
        break;
      case 'Enter':
        if (selected) {
          event.preventDefault();
          document.querySelector<HTMLInputElement>(`[data-path="${list}[${selectedIndex}].name"]`)?.focus();
        }
        break;
      case 'Delete':
      case 'Backspace':
        if (selected) {
          event.preventDefault();
          requestDelete(selected, true);
        }
        break;
    }
  }

  if (entries.length === 0) {
    return (
      <Center className={classes.empty}>
        <EmptyState
          size="lg"
          variant="light"
          icon={<config.icon size={32} stroke={1.6} />}
          title={`No ${config.plural} yet`}
          description={config.emptyDescription}
          maw={520}
        >
          <EmptyState.Actions>
            <Button leftSection={<IconPlus size={16} />} onClick={add} disabled={readOnly}>
              Add {singular}
            </Button>
            {config.AddMore ? <config.AddMore disabled={readOnly} onAdded={select} /> : null}
          </EmptyState.Actions>
        </EmptyState>
      </Center>
    );
  }

  const tabbableId = visible.some(({ entry }) => entry.id === selected?.id) ? selected?.id : visible[0]?.entry.id;
  const confirmEntry = confirming ? entries.find((e) => e.id === confirming) : undefined;
  const Editor = config.Editor;

  return (
    <div className={classes.root}>
      <aside className={classes.listPane} aria-label={`${config.title} list`}>
        <Stack gap="sm" className={classes.listHeader}>
          <div>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Title order={2} size="h4" className={classes.listTitle}>
                {config.title}
              </Title>
              <Group gap={6} wrap="wrap">
                {config.AddMore ? <config.AddMore disabled={readOnly} onAdded={select} /> : null}
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  onClick={add}
                  disabled={readOnly}
                  aria-label={`Add ${singular}`}
                  className={classes.addButton}
                >
                  Add
                </Button>
              </Group>
            </Group>
            <Text size="xs" c="dimmed" mt={2}>
              {config.intro}
            </Text>
          </div>
          <TextInput
            ref={searchRef}
            size="xs"
            placeholder={`Search ${config.plural}`}
            aria-label={`Search ${config.plural}`}
            leftSection={<IconSearch size={14} />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && visible[0]) {
                e.preventDefault();
                const target = visible.find(({ entry }) => entry.id === selected?.id)?.entry.id ?? visible[0].entry.id;
                select(target);
                rowRefs.current.get(target)?.focus();
              }
              if (e.key === 'Escape' && query) {
                e.stopPropagation();
                setQuery('');
              }
            }}
            rightSection={query ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setQuery('')} /> : undefined}
          />
        </Stack>
        <div role="listbox" aria-label={config.title} className={classes.list} onKeyDown={onListKeyDown}>
          {visible.length === 0 ? (
            <Text size="sm" c="dimmed" ta="center" py="lg" px="sm">
              No {config.plural} match “{query}”.
            </Text>
          ) : null}
          {visible.map(({ entry, index }) => {
            const uses = counts.get(entry.id) ?? 0;
            const problemCount = problems.get(index) ?? 0;
            const secondary = config.secondary(entry);
            return (
              <div
                key={`${index}:${entry.id}`}
                ref={(el) => {
                  if (el) rowRefs.current.set(entry.id, el);
                  else rowRefs.current.delete(entry.id);
                }}
                role="option"
                aria-selected={entry.id === selected?.id}
                tabIndex={entry.id === tabbableId ? 0 : -1}
                className={classes.row}
                onClick={() => select(entry.id)}
                data-testid={`row-${entry.id}`}
              >
                <div className={classes.rowText}>
                  <Text size="sm" fw={500} truncate="end" c={entry.name ? undefined : 'dimmed'} title={entry.name || undefined}>
                    {entry.name || 'Untitled'}
                  </Text>
                  <Text size="xs" c="dimmed" truncate="end" title={secondary || undefined}>
                    {secondary || '\u00a0'}
                  </Text>
                </div>
                {problemCount > 0 ? (
                  <Tooltip label={`${problemCount === 1 ? 'One field needs' : `${problemCount} fields need`} attention`}>
                    <IconAlertCircle
                      size={16}
                      color="var(--mantine-color-red-filled)"
                      aria-label={count(problemCount, 'problem')}
                      className={classes.rowIcon}
                    />
                  </Tooltip>
                ) : null}
                <Tooltip label={uses === 0 ? 'No data type uses it' : `Used by ${count(uses, 'data type')}`}>
                  <Badge
                    size="sm"
                    variant={uses === 0 ? 'outline' : 'light'}
                    color="gray"
                    leftSection={<IconDatabase size={11} />}
                    className={classes.rowBadge}
                    aria-label={`used by ${count(uses, 'data type')}`}
                  >
                    {uses}
                  </Badge>
                </Tooltip>
              </div>
            );
          })}
        </div>
      </aside>

      <div className={classes.editorPane}>
        {selected ? (
          <Stack gap="lg" className={classes.editor}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Box miw={0} flex={1}>
                <Text size="xs" tt="uppercase" fw={600} c="dimmed" lts="0.04em">
                  {singular}
                </Text>
                <Title order={2} className={classes.editorTitle} c={selected.name ? undefined : 'dimmed'}>
                  {selected.name || 'Untitled'}
                </Title>
              </Box>
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => requestDelete(selected)}
                disabled={readOnly}
                flex="none"
              >
                Delete
              </Button>
            </Group>
            <Editor
              key={selectedIndex}
              entry={selected}
              index={selectedIndex}
              path={`${list}[${selectedIndex}]`}
              edit={(label: string, recipe: (entry: Draft<EntryOf<L>>) => void, coalesceKey?: string) =>
                apply(label, (d) => recipe((d[list] as Draft<EntryOf<L>>[])[selectedIndex]), { coalesceKey })
              }
            />
            <UsedBy
              users={dataTypesUsing(workspace, list, selected.id)}
              description={config.usedByDescription}
              unused={config.unusedDescription}
            />
          </Stack>
        ) : null}
      </div>

      <Modal
        opened={Boolean(confirmEntry)}
        onClose={() => setConfirming(null)}
        title={confirmEntry ? `Delete ${singular} “${confirmEntry.name || confirmEntry.id}”?` : ''}
        centered
        size="md"
      >
        {confirmEntry ? (
          <Stack gap="md">
            <div className={classes.consequences}>
              {config.deleteConsequences(confirmEntry, dataTypesUsing(workspace, list, confirmEntry.id), workspace)}
            </div>
            <Text size="sm" c="dimmed">
              You can undo this afterwards.
            </Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setConfirming(null)} data-autofocus>
                Cancel
              </Button>
              <Button
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => {
                  setConfirming(null);
                  remove(confirmEntry, false);
                }}
              >
                Delete {singular}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </div>
  );
}

function UsedBy({ users, description, unused }: { users: DataTypeRef[]; description: string; unused: string }) {
  return (
    <Section
      id="used-by"
      title="Used by"
      description={users.length > 0 ? description : unused}
      actions={
        users.length > 0 ? (
          <Badge variant="light" color="gray" size="lg" tt="none">
            {users.length} {users.length === 1 ? 'data type' : 'data types'}
          </Badge>
        ) : undefined
      }
    >
      {users.length > 0 ? (
        <ul className={classes.usedBy}>
          {users.map((user) => (
            <li key={user.id}>
              <Anchor
                href={`#/data-types/${encodeURIComponent(user.id)}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ screen: 'data-type', id: user.id });
                }}
                className={classes.usedByLink}
              >
                <IconDatabase size={16} stroke={1.7} aria-hidden />
                <span className={classes.usedByName}>{user.name || user.id}</span>
                <IconArrowRight size={14} aria-hidden className={classes.usedByArrow} />
              </Anchor>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
