import { useMemo } from 'react';
import { Select, Stack, Text, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { DATA_CATEGORIES, lineage, CATEGORY_BY_KEY, categoryLabel } from '../../../../core/taxonomy';

interface CategoryItem extends ComboboxItem {
  description: string;
  depth: number;
  path: string;
}

/** Builds the picker's options once: every fideslang category, grouped under its top-level branch. */
function buildOptions() {
  const groups = new Map<string, CategoryItem[]>();
  for (const category of DATA_CATEGORIES) {
    const chain = lineage(category.key).reverse();
    const top = CATEGORY_BY_KEY.get(chain[0])?.name ?? chain[0];
    const item: CategoryItem = {
      value: category.key,
      label: categoryLabel(category.key),
      description: category.description,
      depth: chain.length - 1,
      path: chain
        .slice(1, -1)
        .map((k) => categoryLabel(k))
        .join(' › '),
    };
    const list = groups.get(top) ?? [];
    list.push(item);
    groups.set(top, list);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

const filter: OptionsFilter = ({ options, search }) => {
  const query = search.trim().toLowerCase();
  if (!query) return options;
  return options
    .map((group) => {
      if (!('items' in group)) return group;
      return {
        ...group,
        items: group.items.filter((item) => {
          const c = item as CategoryItem;
          return (
            c.label.toLowerCase().includes(query) ||
            c.value.toLowerCase().includes(query) ||
            c.description.toLowerCase().includes(query)
          );
        }),
      };
    })
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
  const data = useMemo(buildOptions, []);
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
