// Inputs bound to one workspace field: each carries its validation path (`data-path`), shows the
// field's validation message inline and turns read-only with the workspace. Shared by the purpose,
// recipient, collection point and organization editors so they look and behave alike.
import type { ReactNode } from 'react';
import {
  Box,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
  type ComboboxData,
  type ComboboxItem,
  type ComboboxParsedItem,
  type OptionsFilter,
  type TextInputProps,
} from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { normaliseEmail, normaliseUrl } from '../../../../core/normalise';
import { useFieldError, useReadOnly } from '../../state/edit';

/**
 * Validation messages are written to follow the field's name ("must not be empty"), so beside the
 * input they read as a sentence with the label in front ("Name must not be empty").
 */
export function sentenceFor(label: string, message: string | undefined): string | undefined {
  if (!message) return undefined;
  if (/^(must|is|are|should|cannot|can't|has|needs)\b/.test(message)) return `${label} ${message}`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** The validation message for a path, phrased with the field's label. */
export function useLabelledError(path: string, label: string): string | undefined {
  return sentenceFor(label, useFieldError(path));
}

interface TextFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'label' | 'error'> {
  path: string;
  label: string;
  value: string | undefined;
  onValue(value: string): void;
  /** an extra message shown when validation has nothing to say */
  error?: string;
}

// Addresses are tidied when the field is left, not while typing: "stillwater.app" becomes
// "https://stillwater.app", an e-mail loses its spaces and gets a lower-case domain.
const TIDY: Partial<Record<string, (value: string) => string>> = { url: normaliseUrl, email: normaliseEmail };

export function TextField({ path, label, value, onValue, error, onBlur, ...rest }: TextFieldProps) {
  const readOnly = useReadOnly();
  const validation = useLabelledError(path, label);
  const tidy = rest.inputMode ? TIDY[rest.inputMode] : undefined;
  return (
    <TextInput
      label={label}
      value={value ?? ''}
      onChange={(e) => onValue(e.currentTarget.value)}
      onBlur={(e) => {
        const typed = e.currentTarget.value;
        if (tidy && !readOnly && tidy(typed) !== typed) onValue(tidy(typed));
        onBlur?.(e);
      }}
      error={validation ?? error}
      readOnly={readOnly}
      data-path={path}
      {...rest}
    />
  );
}

interface TextareaFieldProps {
  path: string;
  label: string;
  value: string | undefined;
  onValue(value: string): void;
  description?: ReactNode;
  placeholder?: string;
  minRows?: number;
  required?: boolean;
  /** shown under the field in the warning colour, when validation has nothing to say */
  warning?: ReactNode;
}

export function TextareaField({ path, label, value, onValue, warning, minRows, ...rest }: TextareaFieldProps) {
  const readOnly = useReadOnly();
  const validation = useLabelledError(path, label);
  return (
    <Stack gap={4}>
      <Textarea
        label={label}
        value={value ?? ''}
        onChange={(e) => onValue(e.currentTarget.value)}
        error={validation}
        readOnly={readOnly}
        minRows={minRows ?? 2}
        data-path={path}
        {...rest}
      />
      {!validation && warning ? <FieldWarning>{warning}</FieldWarning> : null}
    </Stack>
  );
}

export function FieldWarning({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" c="var(--mantine-color-yellow-text)" role="status">
      {children}
    </Text>
  );
}

interface SwitchFieldProps {
  path: string;
  label: string;
  description?: ReactNode;
  checked: boolean;
  onValue(checked: boolean): void;
}

export function SwitchField({ path, label, description, checked, onValue }: SwitchFieldProps) {
  const readOnly = useReadOnly();
  const validation = useLabelledError(path, label);
  return (
    <Switch
      label={label}
      description={description}
      checked={checked}
      onChange={(e) => onValue(e.currentTarget.checked)}
      disabled={readOnly}
      error={validation}
      data-path={path}
    />
  );
}

/** A titled block of related fields. */
export function Section({
  title,
  description,
  children,
  actions,
  id,
}: {
  title: string;
  description: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
  id?: string;
}) {
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={id ? `${id}-title` : undefined}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <div>
            <Title order={4} id={id ? `${id}-title` : undefined}>
              {title}
            </Title>
            <Text size="sm" c="dimmed" mt={2}>
              {description}
            </Text>
          </div>
          {actions ? <Box style={{ flexShrink: 0 }}>{actions}</Box> : null}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** An option with a line of explanation under its label, for selects whose choices need one. */
export function describedOption(descriptions: ReadonlyMap<string, string>) {
  return function DescribedOption({ option, checked }: { option: ComboboxItem; checked?: boolean }) {
    const description = descriptions.get(option.value);
    return (
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Box w={16} pt={3} style={{ flexShrink: 0 }} c="var(--mantine-primary-color-filled)">
          {checked ? <IconCheck size={14} stroke={2.4} aria-hidden /> : null}
        </Box>
        <div>
          <Text size="sm" fw={checked ? 600 : undefined}>
            {option.label}
          </Text>
          {description ? (
            <Text size="xs" c="dimmed" lh={1.35}>
              {description}
            </Text>
          ) : null}
        </div>
      </Group>
    );
  };
}

/** Matches the search against the option's label, value and explanation, word by word. */
export function describedFilter(descriptions: ReadonlyMap<string, string>): OptionsFilter {
  return ({ options, search }) => {
    const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (item: ComboboxItem) => {
      const text = `${item.label} ${item.value} ${descriptions.get(item.value) ?? ''}`.toLowerCase();
      return words.every((w) => text.includes(w));
    };
    if (words.length === 0) return options;
    const out: ComboboxParsedItem[] = [];
    for (const option of options) {
      if ('group' in option) {
        const items = option.items.filter(matches);
        if (items.length > 0) out.push({ ...option, items });
      } else if (matches(option)) {
        out.push(option);
      }
    }
    return out;
  };
}

interface SelectFieldProps {
  path: string;
  label: string;
  value: string | undefined;
  data: ComboboxData;
  onValue(value: string | null): void;
  description?: ReactNode;
  placeholder?: string;
  /** explanations shown under each option, by value */
  descriptions?: ReadonlyMap<string, string>;
  searchable?: boolean;
  clearable?: boolean;
  nothingFoundMessage?: string;
  warning?: ReactNode;
}

export function SelectField({
  path,
  label,
  value,
  data,
  onValue,
  descriptions,
  searchable,
  clearable,
  warning,
  ...rest
}: SelectFieldProps) {
  const readOnly = useReadOnly();
  const validation = useLabelledError(path, label);
  return (
    <Stack gap={4}>
      <Select
        label={label}
        value={value ?? null}
        data={data}
        onChange={(next) => onValue(next)}
        error={validation}
        readOnly={readOnly}
        searchable={searchable}
        clearable={clearable && !readOnly}
        allowDeselect={false}
        renderOption={descriptions ? describedOption(descriptions) : undefined}
        filter={descriptions && searchable ? describedFilter(descriptions) : undefined}
        maxDropdownHeight={320}
        comboboxProps={{ withinPortal: true }}
        data-path={path}
        {...rest}
      />
      {!validation && warning ? <FieldWarning>{warning}</FieldWarning> : null}
    </Stack>
  );
}
