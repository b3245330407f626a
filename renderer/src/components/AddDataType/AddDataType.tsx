import { useMemo, useState } from 'react';
import { Badge, Group, Kbd, Modal, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconFilePlus, IconSearch } from '@tabler/icons-react';
import { blankDataType, dataTypeFromLibrary, searchLibrary, type LibraryEntry } from '../../../../core/library';
import { categoryLabel } from '../../../../core/taxonomy';
import type { DataType } from '../../../../core/schema';
import { useEditor } from '../../state/store';
import { navigate } from '../../state/route';
import classes from './AddDataType.module.css';

function add(dataType: DataType, label: string, collectedAt?: string) {
  const { apply, workspace } = useEditor.getState();
  if (!workspace) return;
  const index = workspace.dataTypes.length;
  // Added from a collection point's screen, it is collected there from the start.
  if (collectedAt) dataType.collectedAt = [collectedAt];
  apply(label, (draft) => {
    draft.dataTypes.push(dataType);
  });
  navigate({ screen: 'data-type', id: dataType.id, field: `dataTypes[${index}].${dataType.purposes.length ? 'benefit' : 'purposes'}` });
}

/**
 * "Type email, pick one, get its defaults": the library of common data types, or a blank one named what
 * was typed. Given `collectedAt`, the new data type is collected at that collection point.
 */
export function AddDataTypeDialog({
  opened,
  onClose,
  collectedAt,
  title = 'Add a data type',
}: {
  opened: boolean;
  onClose(): void;
  collectedAt?: string;
  title?: string;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => searchLibrary(query, 40), [query]);
  const total = results.length + 1;
  const typed = query.trim().replace(/\s+/g, ' ');

  const pick = (entry: LibraryEntry | null) => {
    const workspace = useEditor.getState().workspace;
    if (!workspace) return;
    if (entry) add(dataTypeFromLibrary(entry, workspace), `Add “${entry.name}”`, collectedAt);
    else add(blankDataType(workspace, query), 'Add blank data type', collectedAt);
    setQuery('');
    setActive(0);
    onClose();
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(total - 1, a + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(active < results.length ? results[active] : null);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" padding="lg" classNames={{ body: classes.body }}>
      <Stack gap="sm">
        <TextInput
          data-autofocus
          aria-label="Search the library"
          placeholder="Type what you collect: email, location, photos, crash logs…"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ScrollArea.Autosize mah={420} type="auto">
          <Stack gap={2} role="listbox" aria-label="Library of data types">
            {results.map((entry, i) => (
              <UnstyledButton
                key={entry.id}
                role="option"
                aria-selected={i === active}
                data-active={i === active || undefined}
                className={classes.option}
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(entry)}
              >
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <div className={classes.text}>
                    <Text size="sm" fw={600}>
                      {entry.name}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {entry.description}
                    </Text>
                  </div>
                  <Group gap={4} wrap="nowrap">
                    {entry.gdprSpecial && (
                      <Badge size="xs" color="grape" variant="light">
                        Special category
                      </Badge>
                    )}
                    <Badge size="xs" variant="default">
                      {categoryLabel(entry.category)}
                    </Badge>
                  </Group>
                </Group>
              </UnstyledButton>
            ))}
            {results.length === 0 && (
              <Text size="sm" c="dimmed" p="sm">
                Nothing in the library matches “{query}”. Start a blank data type instead.
              </Text>
            )}
            <UnstyledButton
              role="option"
              aria-selected={active === results.length}
              data-active={active === results.length || undefined}
              className={classes.option}
              onMouseEnter={() => setActive(results.length)}
              onClick={() => pick(null)}
            >
              <Group gap="sm" wrap="nowrap">
                <IconFilePlus size={18} />
                <div className={classes.text}>
                  <Text size="sm" fw={600}>
                    {typed ? `Blank data type “${typed}”` : 'Blank data type'}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {typed
                      ? 'Named as you typed it; fill in every other field yourself.'
                      : 'Start from nothing and fill in every field yourself.'}
                  </Text>
                </div>
              </Group>
            </UnstyledButton>
          </Stack>
        </ScrollArea.Autosize>
        <Text size="xs" c="dimmed">
          <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> choose · <Kbd size="xs">Enter</Kbd> add · <Kbd size="xs">Esc</Kbd> close
        </Text>
      </Stack>
    </Modal>
  );
}
