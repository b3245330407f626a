import { useState } from 'react';
import { CheckIcon, Combobox, Group, Pill, PillsInput, ScrollArea, Text, useCombobox } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';

export interface Option {
  value: string;
  label: string;
  description?: string;
}

interface Props {
  label: string;
  description?: string;
  placeholder?: string;
  data: Option[];
  value: string[];
  onChange(value: string[]): void;
  /** creates a new entry from typed text and returns its value; omit to disallow creating */
  onCreate?(label: string): string;
  createLabel?: (text: string) => string;
  error?: string;
  readOnly?: boolean;
  'data-path'?: string;
  required?: boolean;
}

/** A multi-select whose list can grow from what the user types ("+ Create purpose “Send receipts”"). */
export function CreatableMultiSelect({
  label,
  description,
  placeholder,
  data,
  value,
  onChange,
  onCreate,
  createLabel = (text) => `Create “${text}”`,
  error,
  readOnly,
  required,
  ...rest
}: Props) {
  const combobox = useCombobox({
    onDropdownClose: () => combobox.resetSelectedOption(),
    onDropdownOpen: () => combobox.updateSelectedOptionIndex('active'),
  });
  const [search, setSearch] = useState('');
  const byValue = new Map(data.map((o) => [o.value, o]));
  const query = search.trim().toLowerCase();
  const filtered = data.filter((o) => !query || o.label.toLowerCase().includes(query) || o.value.includes(query));
  const exact = data.some((o) => o.label.toLowerCase() === query);
  const canCreate = Boolean(onCreate && query && !exact);

  const toggle = (v: string) => {
    onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  };

  const submit = (v: string) => {
    if (v === '$create' && onCreate) {
      const created = onCreate(search.trim());
      onChange([...value, created]);
    } else {
      toggle(v);
    }
    setSearch('');
  };

  return (
    <Combobox store={combobox} onOptionSubmit={submit} withinPortal disabled={readOnly}>
      <Combobox.DropdownTarget>
        <PillsInput
          label={label}
          description={description}
          error={error}
          required={required}
          onClick={() => !readOnly && combobox.openDropdown()}
          data-path={rest['data-path']}
        >
          <Pill.Group>
            {value.map((v) => (
              <Pill key={v} withRemoveButton={!readOnly} onRemove={() => onChange(value.filter((x) => x !== v))}>
                {byValue.get(v)?.label ?? v}
              </Pill>
            ))}
            <Combobox.EventsTarget>
              <PillsInput.Field
                aria-label={label}
                value={search}
                readOnly={readOnly}
                placeholder={value.length === 0 ? placeholder : undefined}
                onFocus={() => !readOnly && combobox.openDropdown()}
                onBlur={() => combobox.closeDropdown()}
                onChange={(event) => {
                  combobox.updateSelectedOptionIndex();
                  setSearch(event.currentTarget.value);
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Backspace' && search.length === 0 && value.length > 0) {
                    event.preventDefault();
                    onChange(value.slice(0, -1));
                  }
                }}
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>

      <Combobox.Dropdown>
        <Combobox.Options>
          <ScrollArea.Autosize mah={280} type="scroll">
            {filtered.map((option) => (
              <Combobox.Option value={option.value} key={option.value} active={value.includes(option.value)}>
                <Group gap="sm" wrap="nowrap">
                  {value.includes(option.value) ? <CheckIcon size={12} /> : <span style={{ width: 12 }} />}
                  <div>
                    <Text size="sm">{option.label}</Text>
                    {option.description && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {option.description}
                      </Text>
                    )}
                  </div>
                </Group>
              </Combobox.Option>
            ))}
            {canCreate && (
              <Combobox.Option value="$create">
                <Group gap="sm" wrap="nowrap">
                  <IconPlus size={14} />
                  <Text size="sm">{createLabel(search.trim())}</Text>
                </Group>
              </Combobox.Option>
            )}
            {!canCreate && filtered.length === 0 && <Combobox.Empty>Nothing found</Combobox.Empty>}
          </ScrollArea.Autosize>
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
