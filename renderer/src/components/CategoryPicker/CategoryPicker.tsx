import { useMemo } from 'react';
import { Select, Stack, Text, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { CATEGORY_BY_KEY, categoryLabel } from '../../../../core/taxonomy';
import { categoryPickerOptions, rankOptions, type TaxonomyPickerOption } from '../../../../core/picker-search';

interface CategoryItem extends ComboboxItem {
  depth: number;
  path: string;
  description: string;
}

const toItem = (option: TaxonomyPickerOption): CategoryItem => ({
  value: option.value,
  label: option.name,
  depth: option.depth,
  path: option.path,
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
  return rankOptions(categoryPickerOptions(), search).map(toItem);
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
      filter={filter}
      data-path={path}
      onChange={(next) => next && onChange(next)}
      renderOption={({ option }) => {
        const c = option as CategoryItem;
        return (
          <Stack gap={0} pl={Math.max(0, c.depth - 1) * 12} title={`${c.label}: ${c.description}`}>
            <Text size="sm">{c.label}</Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {c.description}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace" opacity={0.75} lineClamp={1}>
              {c.path ? `${c.path} · ` : ''}
              {c.value}
            </Text>
          </Stack>
        );
      }}
    />
  );
}
