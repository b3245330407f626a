// How sensitive the data is and how the stores label it: each derived from the category unless
// overridden here.
import { useMemo } from 'react';
import { Fieldset, MultiSelect, Select, SimpleGrid, Switch } from '@mantine/core';
import type { DataType } from '../../../../core/schema';
import { SPECIAL_CONDITIONS } from '../../../../core/schema';
import { APPLE_DATA_TYPES, CCPA_CATEGORIES, PLAY_DATA_TYPES } from '../../../../core/identifiers';
import { appleDataTypeLabel, ccpaCategoryLabel, deriveClassification, playDataTypeLabel } from '../../../../core/reference';
import { setNested, setOptional } from '../../state/edit';
import { ConsentRecord } from './ConsentRecord';
import { Section } from './Section';
import { useDataTypeEdit, type SectionProps } from './useDataTypeEdit';
import classes from './DataTypeEditor.module.css';

const CONDITION_LABELS: Record<(typeof SPECIAL_CONDITIONS)[number], string> = {
  'explicit-consent': 'Explicit consent — Art 9(2)(a)',
  employment: 'Employment and social security law — Art 9(2)(b)',
  'vital-interests': 'Vital interests — Art 9(2)(c)',
  'not-for-profit': 'Not-for-profit body — Art 9(2)(d)',
  'made-public': 'Made public by the person — Art 9(2)(e)',
  'legal-claims': 'Legal claims — Art 9(2)(f)',
  'substantial-public-interest': 'Substantial public interest — Art 9(2)(g)',
  'health-care': 'Health or social care — Art 9(2)(h)',
  'public-health': 'Public health — Art 9(2)(i)',
  research: 'Archiving, research or statistics — Art 9(2)(j)',
};

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** A boolean override that falls back to what the category implies: Automatic / Yes / No. */
function OverrideSelect({
  label,
  description,
  value,
  derived,
  onChange,
  path,
  readOnly,
}: {
  label: string;
  description?: string;
  value: boolean | undefined;
  derived: boolean;
  onChange(value: boolean | undefined): void;
  path: string;
  readOnly: boolean;
}) {
  return (
    <Select
      label={label}
      description={description}
      data={[
        { value: 'auto', label: `Automatic (${yesNo(derived)}, from the category)` },
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ]}
      allowDeselect={false}
      value={value === undefined ? 'auto' : value ? 'yes' : 'no'}
      onChange={(v) => onChange(v === 'auto' ? undefined : v === 'yes')}
      readOnly={readOnly}
      data-path={path}
    />
  );
}

export function SensitivityAndLabels({ dataType, index }: SectionProps) {
  const { at, readOnly, edit } = useDataTypeEdit(index);
  const derived = useMemo(() => deriveClassification(dataType), [dataType]);
  return (
    <Section title="Sensitivity and store labels" description="Derived from the category unless you override it here.">
      <Fieldset legend="Sensitivity" className={classes.fieldset}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <OverrideSelect
            label="GDPR special category (Art 9)"
            value={dataType.sensitivity?.gdprSpecial}
            derived={derived.gdprSpecial}
            path={`${at}.sensitivity.gdprSpecial`}
            readOnly={readOnly}
            onChange={(value) => edit('Change GDPR sensitivity', (d) => setNested(d, 'sensitivity', 'gdprSpecial', value))}
          />
          <OverrideSelect
            label="CCPA sensitive personal information"
            value={dataType.sensitivity?.ccpaSensitive}
            derived={derived.ccpaSensitive}
            path={`${at}.sensitivity.ccpaSensitive`}
            readOnly={readOnly}
            onChange={(value) => edit('Change CCPA sensitivity', (d) => setNested(d, 'sensitivity', 'ccpaSensitive', value))}
          />
        </SimpleGrid>
      </Fieldset>
      <Select
        label="Special-category condition"
        description="The GDPR Art 9(2) ground that allows processing special-category data."
        placeholder={
          (dataType.sensitivity?.gdprSpecial ?? derived.gdprSpecial) ? 'Pick the Art 9(2) condition' : 'Only for special-category data'
        }
        clearable
        data={SPECIAL_CONDITIONS.map((c) => ({ value: c, label: CONDITION_LABELS[c] }))}
        value={dataType.specialCondition ?? null}
        readOnly={readOnly}
        data-path={`${at}.specialCondition`}
        onChange={(value) =>
          edit('Change special-category condition', (d) => setOptional(d, 'specialCondition', value as DataType['specialCondition']))
        }
      />
      <ConsentRecord dataType={dataType} index={index} />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Switch
          label="Linked to identity"
          description="Apple: “Data linked to you”."
          checked={dataType.linkedToIdentity ?? true}
          readOnly={readOnly}
          data-path={`${at}.linkedToIdentity`}
          onChange={(e) => {
            const value = e.currentTarget.checked;
            edit('Change linked to identity', (d) => setOptional(d, 'linkedToIdentity', value ? undefined : false));
          }}
        />
        <Switch
          label="Used for tracking"
          description="Apple: linked with third-party data for ads, or shared with a data broker."
          checked={dataType.tracking ?? false}
          readOnly={readOnly}
          data-path={`${at}.tracking`}
          onChange={(e) => {
            const value = e.currentTarget.checked;
            edit('Change tracking', (d) => setOptional(d, 'tracking', value ? true : undefined));
          }}
        />
        <Switch
          label="Processed ephemerally"
          description="Google Play: held in memory only for the request."
          checked={dataType.ephemeral ?? false}
          readOnly={readOnly}
          data-path={`${at}.ephemeral`}
          onChange={(e) => {
            const value = e.currentTarget.checked;
            edit('Change ephemeral processing', (d) => setOptional(d, 'ephemeral', value ? true : undefined));
          }}
        />
      </SimpleGrid>
      <Fieldset legend="Classification" className={classes.fieldset}>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Select
            label="Apple data type"
            searchable
            allowDeselect={false}
            data={[
              { value: 'auto', label: `Automatic (${appleDataTypeLabel(derived.apple)})` },
              { value: 'none', label: 'Not declared to Apple' },
              ...APPLE_DATA_TYPES.map((t) => ({ value: t.id, label: `${t.label} · ${t.group}` })),
            ]}
            value={dataType.classification?.apple ?? 'auto'}
            readOnly={readOnly}
            data-path={`${at}.classification.apple`}
            onChange={(value) =>
              edit('Change Apple data type', (d) => setNested(d, 'classification', 'apple', value === 'auto' ? undefined : value))
            }
          />
          <Select
            label="Google Play data type"
            searchable
            allowDeselect={false}
            data={[
              { value: 'auto', label: `Automatic (${playDataTypeLabel(derived.play)})` },
              { value: 'none', label: 'Not declared to Google Play' },
              ...PLAY_DATA_TYPES.map((t) => ({ value: t.id, label: `${t.label} · ${t.category}` })),
            ]}
            value={dataType.classification?.play ?? 'auto'}
            readOnly={readOnly}
            data-path={`${at}.classification.play`}
            onChange={(value) =>
              edit('Change Google Play data type', (d) => setNested(d, 'classification', 'play', value === 'auto' ? undefined : value))
            }
          />
          <MultiSelect
            label="CCPA categories"
            placeholder={
              dataType.classification?.ccpa ? undefined : `Automatic: ${derived.ccpa.map(ccpaCategoryLabel).join(', ') || 'none'}`
            }
            data={CCPA_CATEGORIES.map((c) => ({ value: c.id, label: c.code ? `${c.code}. ${c.label}` : c.label }))}
            value={dataType.classification?.ccpa ?? []}
            readOnly={readOnly}
            data-path={`${at}.classification.ccpa`}
            onChange={(value) =>
              edit('Change CCPA categories', (d) =>
                setNested(d, 'classification', 'ccpa', value as NonNullable<DataType['classification']>['ccpa']),
              )
            }
          />
        </SimpleGrid>
      </Fieldset>
    </Section>
  );
}
