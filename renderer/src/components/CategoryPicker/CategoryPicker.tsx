import { useMemo } from 'react';
import { Select, Stack, Text, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { CATEGORY_BY_KEY, categoryLabel } from '../../../../core/taxonomy';
import { categoryPickerOptions, rankOptions, type TaxonomyPickerOption } from '../../../../core/picker-search';

interface CategoryItem extends ComboboxItem {
  depth: number;
  description: string;
}

const toItem = (option: TaxonomyPickerOption): CategoryItem => ({
  value: option.value,
  label: option.name,
  depth: option.depth,
  description: option.description,
});

/** The categories (depth-first, built once), grouped under their top-level branch. */
function buildOptions() {
  const groups = new Map<string, CategoryItem[]>();
  for (const option of categoryPickerOptions()) {
    const top = option.depth === 0 ? option.name : (CATEGORY_BY_KEY.get(option.value.split('.')[0])?.name ?? option.name);
    const list = groups.get(top) ?? [];
    list.push(toItem(option));
    groups.set(top, list);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

// Plain words first: with something typed the list is one ranking, names and meanings above matches
// that are only in the fideslang key or a parent's name (core/picker-search.ts).
const filter: OptionsFilter = ({ options, search }) => {
  if (!search.trim()) return options;
  // A ranked list is flat: no indentation by depth.
  return rankOptions(categoryPickerOptions(), search).map((option) => ({ ...toItem(option), depth: 0 }));
};

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  readOnly?: boolean;
  path: string;
}

/** A searchable picker over the data categories: plain names and meanings, the fideslang key as detail. */
export function CategoryPicker({ label, value, onChange, error, readOnly, path }: Props) {
  const data = useMemo(() => buildOptions(), []);
  const known = CATEGORY_BY_KEY.get(value);
  return (
    <Select
      label={label}
      required
      searchable
      allowDeselect={false}
      nothingFoundMessage="No category matches"
      description={
        known ? (
          <span title={`${categoryLabel(value)}: ${known.description}`}>
            {known.description}{' '}
            <Text span inherit ff="monospace" opacity={0.8}>
              {value}
            </Text>
          </span>
        ) : (
          'What kind of personal data it is'
        )
      }
      data={data}
      value={value || null}
      error={error}
      readOnly={readOnly}
      maxDropdownHeight={360}
      // Wider than the field, so a meaning and its key fit on their lines.
      comboboxProps={{ width: 480, position: 'bottom-end' }}
      filter={filter}
      data-path={path}
      onChange={(next) => next && onChange(next)}
      renderOption={({ option }) => {
        const c = option as CategoryItem;
        return (
          <Stack
            gap={0}
            pl={Math.max(0, c.depth - 1) * 12}
            miw={0}
            style={{ overflow: 'hidden', flex: 1, maxWidth: '100%' }}
            title={`${c.label}: ${c.description}`}
          >
            <Text size="sm">{c.label}</Text>
            <Text size="xs" c="dimmed" truncate="end">
              {c.description}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace" opacity={0.75} truncate="end">
              {c.value}
            </Text>
          </Stack>
        );
      }}
    />
  );
}
