// Inputs bound to one incident field: read-only with the register, the register's validation message beside
// the field, `data-path` for focus. The same look as the workspace editors' fields (components/EntityList/fields).
import type { ReactNode } from 'react';
import { Group, Input, NumberInput, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useIncidents } from '../../state/incidents';
import classes from './Incidents.module.css';
import { isoToWallTime, wallTimeToIso } from '../../state/incidents-time';

export function useIncidentsReadOnly(): boolean {
  return useIncidents((s) => Boolean(s.readOnly) || Boolean(s.loadError) || s.status === 'read-only');
}

export function useIncidentError(path: string): string | undefined {
  return useIncidents((s) => s.problems.get(path));
}

interface Common {
  path: string;
  label: string;
  description?: ReactNode;
  placeholder?: string;
}

export function IncidentText({ path, label, value, onValue, ...rest }: Common & { value: string | undefined; onValue(v: string): void }) {
  const readOnly = useIncidentsReadOnly();
  const error = useIncidentError(path);
  return (
    <TextInput
      label={label}
      value={value ?? ''}
      onChange={(e) => onValue(e.currentTarget.value)}
      readOnly={readOnly}
      error={error}
      data-path={path}
      {...rest}
    />
  );
}

export function IncidentTextarea({
  path,
  label,
  value,
  onValue,
  minRows = 3,
  ...rest
}: Common & { value: string | undefined; onValue(v: string): void; minRows?: number }) {
  const readOnly = useIncidentsReadOnly();
  const error = useIncidentError(path);
  return (
    <Textarea
      label={label}
      value={value ?? ''}
      onChange={(e) => onValue(e.currentTarget.value)}
      readOnly={readOnly}
      error={error}
      autosize
      minRows={minRows}
      maxRows={14}
      data-path={path}
      {...rest}
    />
  );
}

export function IncidentNumber({
  path,
  label,
  value,
  onValue,
  ...rest
}: Common & { value: number | undefined; onValue(v: number | undefined): void }) {
  const readOnly = useIncidentsReadOnly();
  const error = useIncidentError(path);
  return (
    <NumberInput
      label={label}
      value={value ?? ''}
      onChange={(v) => onValue(typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.round(v)) : undefined)}
      min={0}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator=","
      readOnly={readOnly}
      error={error}
      data-path={path}
      {...rest}
    />
  );
}

const TRI_STATE = [
  { value: 'unknown', label: 'Not recorded' },
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** Yes, no, or not recorded yet: for the assessment, "not known" is not the same as "no". */
export function IncidentYesNo({
  path,
  label,
  description,
  value,
  onValue,
}: Common & { value: boolean | undefined; onValue(v: boolean | undefined): void }) {
  const readOnly = useIncidentsReadOnly();
  return (
    <Input.Wrapper label={label} description={description} data-path={path}>
      <SegmentedControl
        mt={6}
        data={TRI_STATE}
        value={value === undefined ? 'unknown' : value ? 'yes' : 'no'}
        onChange={(v) => onValue(v === 'unknown' ? undefined : v === 'yes')}
        readOnly={readOnly}
        aria-label={label}
        classNames={{ label: classes.segmentLabel }}
      />
    </Input.Wrapper>
  );
}

export function IncidentLevel({
  path,
  label,
  description,
  value,
  onValue,
  options,
}: Common & { value: string | undefined; onValue(v: string | undefined): void; options: { value: string; label: string }[] }) {
  const readOnly = useIncidentsReadOnly();
  return (
    <Input.Wrapper label={label} description={description} data-path={path}>
      <SegmentedControl
        mt={6}
        data={[{ value: 'unknown', label: 'Not assessed' }, ...options]}
        value={value ?? 'unknown'}
        onChange={(v) => onValue(v === 'unknown' ? undefined : v)}
        readOnly={readOnly}
        aria-label={label}
        classNames={{ label: classes.segmentLabel }}
      />
    </Input.Wrapper>
  );
}

/**
 * A date and a time read in `timeZone` and stored as ISO 8601 with that zone's offset. With `dayOnly`
 * allowed, a date without a time is stored as the day alone (when something happened is often known only so far).
 */
export function IncidentDateTime({
  path,
  label,
  description,
  value,
  timeZone,
  dayOnly = false,
  required = false,
  onValue,
}: Common & {
  value: string | undefined;
  timeZone: string;
  dayOnly?: boolean;
  required?: boolean;
  onValue(v: string | undefined): void;
}) {
  const readOnly = useIncidentsReadOnly();
  const error = useIncidentError(path);
  const isDay = value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const wall = value === undefined ? '' : isDay ? value : isoToWallTime(value, timeZone);
  const [date = '', time = ''] = wall.split(' ');
  const write = (nextDate: string, nextTime: string) => {
    if (!nextDate) {
      if (!required) onValue(undefined);
      return;
    }
    if (!nextTime) {
      if (dayOnly) onValue(nextDate);
      else onValue(wallTimeToIso(`${nextDate} 00:00`, timeZone));
      return;
    }
    onValue(wallTimeToIso(`${nextDate} ${nextTime}`, timeZone));
  };
  return (
    <Input.Wrapper label={label} description={description} error={error} data-path={path}>
      <Group gap="xs" mt={6} wrap="nowrap" align="flex-start">
        <DateInput
          aria-label={`${label}: date`}
          placeholder="YYYY-MM-DD"
          valueFormat="YYYY-MM-DD"
          value={date || null}
          onChange={(v) => write(v ?? '', time)}
          clearable={!required && !readOnly}
          readOnly={readOnly}
          popoverProps={{ withinPortal: true }}
          w={170}
          error={Boolean(error)}
        />
        <TimeInput
          aria-label={`${label}: time`}
          value={time}
          onChange={(e) => write(date, e.currentTarget.value)}
          readOnly={readOnly}
          disabled={!date}
          w={120}
          error={Boolean(error)}
        />
      </Group>
    </Input.Wrapper>
  );
}

export function FieldGrid({ children }: { children: ReactNode }) {
  return (
    <Stack gap="md">
      <Group grow align="flex-start" gap="md" wrap="wrap">
        {children}
      </Group>
    </Stack>
  );
}
