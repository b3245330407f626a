// A multi-select that never ends in a dead end: what is typed can become a new entry ("+ New recipient
// “Stripe”"), through a small form for the entry's required fields shown under the field, and a list can
// offer ready-made suggestions (services from Candor's catalogue) beside the workspace's own entries.
import { useState, type ReactNode } from 'react';
import { CheckIcon, Combobox, Group, Pill, PillsInput, ScrollArea, Text, useCombobox } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { rankOptions } from '../../../../core/picker-search';

export interface Option {
  value: string;
  label: string;
  /** one line on what it is, shown under the label and searched */
  description?: string;
}

/** Ready-made entries offered for what was typed, such as catalogue services; picking one creates it. */
export interface Suggestions {
  /** the heading over them: "From Candor's catalogue" */
  group: string;
  search(query: string): Option[];
  pick(value: string): void;
}

export interface Creator {
  /** the option that starts it: "+ New recipient “Stripe”" */
  label(text: string): string;
  /**
   * The small form asking for the new entry's required fields, shown under the field. It creates the
   * entry and adds it to this field's value in one edit, then calls `close`.
   */
  form(name: string, close: () => void): ReactNode;
}

/** One line of the list: a mark (chosen, or "add"), the plain name and its one-line meaning. */
function OptionLine({ option, icon }: { option: Option; icon: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap">
      {icon}
      <div>
        <Text size="sm">{option.label}</Text>
        {option.description && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {option.description}
          </Text>
        )}
      </div>
    </Group>
  );
}

interface Props {
  label: string;
  description?: string;
  placeholder?: string;
  data: Option[];
  value: string[];
  onChange(value: string[]): void;
  creator?: Creator;
  suggestions?: Suggestions;
  error?: string;
  readOnly?: boolean;
  'data-path'?: string;
  required?: boolean;
}

const CREATE = '$create';
const SUGGESTION = '$suggestion:';

export function CreatableMultiSelect({
  label,
  description,
  placeholder,
  data,
  value,
  onChange,
  creator,
  suggestions,
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
  // The name of the entry whose form is open under the field, if any.
  const [creating, setCreating] = useState<string | null>(null);
  const byValue = new Map(data.map((o) => [o.value, o]));
  const text = search.trim();
  const query = text.toLowerCase();
  const filtered = rankOptions(
    data.map((o) => ({ ...o, name: o.label })),
    text,
  );
  const exact = data.some((o) => o.label.toLowerCase() === query);
  const canCreate = Boolean(creator && query && !exact);
  const suggested = suggestions && query ? suggestions.search(text) : [];

  const toggle = (v: string) => {
    onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  };

  const submit = (v: string) => {
    if (v === CREATE && creator) {
      setCreating(text);
      combobox.closeDropdown();
    } else if (v.startsWith(SUGGESTION) && suggestions) {
      suggestions.pick(v.slice(SUGGESTION.length));
    } else {
      toggle(v);
    }
    setSearch('');
  };

  return (
    <div>
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
                    combobox.openDropdown();
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
            <ScrollArea.Autosize mah={320} type="scroll">
              {filtered.map((option) => (
                <Combobox.Option value={option.value} key={option.value} active={value.includes(option.value)}>
                  <OptionLine
                    option={option}
                    icon={value.includes(option.value) ? <CheckIcon size={12} /> : <span style={{ width: 12 }} />}
                  />
                </Combobox.Option>
              ))}
              {suggested.length > 0 && suggestions && (
                <Combobox.Group label={suggestions.group}>
                  {suggested.map((option) => (
                    <Combobox.Option value={`${SUGGESTION}${option.value}`} key={option.value}>
                      <OptionLine option={option} icon={<IconPlus size={14} />} />
                    </Combobox.Option>
                  ))}
                </Combobox.Group>
              )}
              {canCreate && (
                <Combobox.Option value={CREATE}>
                  <Group gap="sm" wrap="nowrap">
                    <IconPlus size={14} />
                    <Text size="sm">{creator!.label(text)}</Text>
                  </Group>
                </Combobox.Option>
              )}
              {!canCreate && filtered.length === 0 && suggested.length === 0 && (
                <Combobox.Empty>{creator && !query ? 'Nothing yet: type a name to create one' : 'Nothing found'}</Combobox.Empty>
              )}
            </ScrollArea.Autosize>
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      {creating !== null && creator ? creator.form(creating, () => setCreating(null)) : null}
    </div>
  );
}
