import { Fieldset, Group, NumberInput, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { RETENTION_UNITS, type Retention, type RetentionEvent, type RetentionUnit } from '../../../../core/schema';
import { retentionSentence } from '../../../../core/retention';
import classes from './RetentionField.module.css';

type Mode = 'period' | 'event' | 'criteria';

const EVENT_OPTIONS: { value: RetentionEvent; label: string }[] = [
  { value: 'account-closure', label: 'the account is closed' },
  { value: 'collection', label: 'collection' },
  { value: 'last-activity', label: 'the last activity' },
  { value: 'consent-withdrawal', label: 'consent is withdrawn' },
  { value: 'purpose-fulfilled', label: 'the purpose is fulfilled' },
  { value: 'contract-end', label: 'the contract ends' },
];

function modeOf(retention: Retention | undefined): Mode {
  if (!retention) return 'period';
  if (retention.period) return 'period';
  if (retention.after) return 'event';
  if (retention.criteria) return 'criteria';
  return 'period';
}

interface Props {
  value: Retention | undefined;
  onChange(value: Retention | undefined, coalesceKey?: string): void;
  /** validation path of the retention object, e.g. `dataTypes[2].retention` */
  path: string;
  error?: string;
  readOnly?: boolean;
}

/** Retention as a period after an event, an event alone, or criteria — with the sentence people will read. */
export function RetentionField({ value, onChange, path, error, readOnly }: Props) {
  const mode = modeOf(value);
  const current = value ?? {};

  const setMode = (next: string) => {
    const { criteria } = current;
    if (next === 'period') {
      onChange({ period: { value: 30, unit: 'days' }, after: current.after ?? 'account-closure', ...(criteria ? { criteria } : {}) });
    } else if (next === 'event') {
      onChange({ after: current.after ?? 'account-closure', ...(criteria ? { criteria } : {}) });
    } else {
      onChange({ criteria: criteria ?? '' });
    }
  };

  const update = (patch: Partial<Retention>, key?: string) => {
    const next: Retention = { ...current, ...patch };
    for (const k of Object.keys(next) as (keyof Retention)[]) {
      if (next[k] === undefined || next[k] === '') delete next[k];
    }
    onChange(Object.keys(next).length ? next : undefined, key);
  };

  return (
    <Fieldset legend="Retention" className={classes.fieldset} data-path={path}>
      <Stack gap="sm">
        <SegmentedControl
          value={mode}
          onChange={setMode}
          readOnly={readOnly}
          data={[
            { value: 'period', label: 'A period after an event' },
            { value: 'event', label: 'Until an event' },
            { value: 'criteria', label: 'Criteria in words' },
          ]}
          aria-label="Kind of retention"
        />
        {mode === 'period' && (
          <Group gap="sm" align="flex-end" wrap="wrap">
            <NumberInput
              label="Period"
              min={1}
              max={1000}
              allowDecimal={false}
              w={110}
              value={current.period?.value ?? ''}
              readOnly={readOnly}
              data-path={`${path}.period.value`}
              onChange={(v) =>
                update(
                  { period: { value: typeof v === 'number' ? v : Number(v) || 1, unit: current.period?.unit ?? 'days' } },
                  `${path}.period.value`,
                )
              }
            />
            <Select
              label="Unit"
              w={130}
              allowDeselect={false}
              data={RETENTION_UNITS.map((u) => ({ value: u, label: u }))}
              value={current.period?.unit ?? 'days'}
              readOnly={readOnly}
              data-path={`${path}.period.unit`}
              onChange={(u) => u && update({ period: { value: current.period?.value ?? 1, unit: u as RetentionUnit } })}
            />
            <Select
              label="After"
              w={240}
              allowDeselect={false}
              data={EVENT_OPTIONS}
              value={current.after ?? null}
              readOnly={readOnly}
              data-path={`${path}.after`}
              onChange={(a) => update({ after: (a as RetentionEvent) ?? undefined })}
            />
          </Group>
        )}
        {mode === 'event' && (
          <Select
            label="Until"
            w={300}
            allowDeselect={false}
            data={EVENT_OPTIONS.filter((o) => o.value !== 'collection')}
            value={current.after ?? null}
            readOnly={readOnly}
            data-path={`${path}.after`}
            onChange={(a) => update({ after: (a as RetentionEvent) ?? undefined })}
          />
        )}
        <Textarea
          label={mode === 'criteria' ? 'Criteria' : 'Reason or criteria (optional)'}
          description={
            mode === 'criteria'
              ? 'When a fixed period is impossible, say how the period is decided.'
              : 'Explain the period, e.g. the law that requires it.'
          }
          value={current.criteria ?? ''}
          readOnly={readOnly}
          data-path={`${path}.criteria`}
          onChange={(e) => update({ criteria: e.currentTarget.value || undefined }, `${path}.criteria`)}
        />
        <Group gap={6} wrap="nowrap" className={classes.sentence} data-testid="retention-sentence">
          <IconClockHour4 size={16} />
          <Text size="sm">{retentionSentence(value)}</Text>
        </Group>
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
