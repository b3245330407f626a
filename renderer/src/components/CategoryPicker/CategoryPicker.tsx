import { useMemo } from 'react';
import { Select, Stack, Text, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { CATEGORY_BY_KEY, categoryLabel } from '../../../../core/taxonomy';
import { categoryOptions, filterOptions } from '../../../../core/reference';

interface CategoryItem extends ComboboxItem {
  depth: number;
  path: string;
}

/** The reference's category options (depth-first, built once), grouped under their top-level branch. */
function buildOptions() {
  const groups = new Map<string, CategoryItem[]>();
  for (const option of categoryOptions()) {
    const top = option.path[0] ?? option.name;
    const list = groups.get(top) ?? [];
    list.push({ value: option.key, label: categoryLabel(option.key), depth: option.depth, path: option.path.slice(1).join(' › ') });
    groups.set(top, list);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

// Matching is the reference's own (every typed word in the key, name, description or ancestors).
const filter: OptionsFilter = ({ options, search }) => {
  if (!search.trim()) return options;
  const matches = new Set(filterOptions(categoryOptions(), search).map((o) => o.key));
  return options
    .map((group) => ('items' in group ? { ...group, items: group.items.filter((item) => matches.has(item.value)) } : group))
    .filter((group) => !('items' in group) || group.items.length > 0);
};

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  readOnly?: boolean;
  path: string;
}

/** A searchable picker over the fideslang data categories (by name, key or description). */
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
      description={known ? <span title={known.description}>{value}</span> : 'fideslang data category'}
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
          <Stack gap={0} pl={Math.max(0, c.depth - 1) * 12}>
            <Text size="sm">{c.label}</Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {c.path ? `${c.path} · ` : ''}
              {c.value}
            </Text>
          </Stack>
        );
      }}
    />
  );
}
