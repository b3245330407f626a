// What the data is: its name, category, description, whose it is, its id and where it comes from.
import { useRef } from 'react';
import { MultiSelect, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { DataType } from '../../../../core/schema';
import { SLUG_PATTERN, SOURCES } from '../../../../core/schema';
import { DATA_SUBJECTS } from '../../../../core/taxonomy';
import { isAutoId, renameEntity, renameEntityId } from '../../../../core/ids';
import { setOptional, useFieldError } from '../../state/edit';
import { navigate } from '../../state/route';
import { useEditor } from '../../state/store';
import { CategoryPicker } from '../../components/CategoryPicker/CategoryPicker';
import { Section } from './Section';
import { useDataTypeEdit, type SectionProps } from './useDataTypeEdit';

const SOURCE_LABELS: Record<(typeof SOURCES)[number], string> = {
  user: 'The person provides it',
  automatic: 'Observed by the product',
  'third-party': 'Obtained from someone else',
};

export function WhatItIs({ dataType, index }: SectionProps) {
  const { at, readOnly, edit, editText } = useDataTypeEdit(index);
  const apply = useEditor((s) => s.apply);
  const nameError = useFieldError(`${at}.name`);
  const idError = useFieldError(`${at}.id`);
  const categoryError = useFieldError(`${at}.category`);
  const autoId = useRef<boolean | null>(null);
  return (
    <Section title="What it is" description="Name it the way your customers would, and say exactly what is collected.">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TextInput
          label="Name"
          required
          value={dataType.name}
          error={nameError}
          readOnly={readOnly}
          data-path={`${at}.name`}
          onFocus={() => {
            autoId.current = isAutoId(dataType.id, dataType.name);
          }}
          onBlur={() => {
            autoId.current = null;
          }}
          onChange={(e) => {
            const value = e.currentTarget.value;
            // An id Candor made from the name follows it, in the same undo step (see NameField).
            const follows = autoId.current ?? isAutoId(dataType.id, dataType.name);
            let next = dataType.id;
            apply(
              'Rename data type',
              (draft) => {
                next = renameEntity(draft, 'dataTypes', index, value, follows);
              },
              { coalesceKey: `${at}.name` },
            );
            if (next !== dataType.id) navigate({ screen: 'data-type', id: next }, { replace: true });
          }}
        />
        <CategoryPicker
          label="Category"
          value={dataType.category}
          error={categoryError}
          readOnly={readOnly}
          path={`${at}.category`}
          onChange={(category) =>
            edit('Change category', (d) => {
              d.category = category;
            })
          }
        />
      </SimpleGrid>
      <Textarea
        label="Description"
        description="What exactly is collected, in plain words."
        value={dataType.description ?? ''}
        readOnly={readOnly}
        data-path={`${at}.description`}
        onChange={editText('Edit description', 'description')}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <MultiSelect
          label="Subjects"
          description="Whose data it is. Empty means your customers."
          placeholder={dataType.subjects?.length ? undefined : 'Customers'}
          searchable
          data={DATA_SUBJECTS.map((s) => ({ value: s.key, label: s.name }))}
          value={dataType.subjects ?? []}
          readOnly={readOnly}
          data-path={`${at}.subjects`}
          onChange={(value) => edit('Change subjects', (d) => setOptional(d, 'subjects', value))}
        />
        <TextInput
          label="Id"
          description={
            isAutoId(dataType.id, dataType.name)
              ? 'Follows the name until you change it here. Used in the file and in generated keys.'
              : 'Stable key used in the file and in generated keys. Changing it updates every reference.'
          }
          defaultValue={dataType.id}
          key={dataType.id}
          error={idError}
          readOnly={readOnly}
          data-path={`${at}.id`}
          onBlur={(e) => {
            const next = e.currentTarget.value.trim();
            if (next === dataType.id) return;
            const taken = useEditor.getState().workspace?.dataTypes.some((d, i) => i !== index && d.id === next);
            if (!SLUG_PATTERN.test(next) || taken) {
              e.currentTarget.value = dataType.id;
              return;
            }
            apply('Change data type id', (draft) => renameEntityId(draft, 'dataTypes', dataType.id, next));
            navigate({ screen: 'data-type', id: next });
          }}
        />
      </SimpleGrid>
      <Stack gap={6} data-path={`${at}.source`}>
        <Text size="sm" fw={500} component="label" id={`source-label-${index}`}>
          Source
        </Text>
        <SegmentedControl
          aria-labelledby={`source-label-${index}`}
          readOnly={readOnly}
          value={dataType.source ?? ''}
          onChange={(value) => edit('Change source', (d) => setOptional(d, 'source', value as DataType['source']))}
          data={[{ value: '', label: 'Not stated' }, ...SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))]}
        />
      </Stack>
      <TextInput
        label="Source detail"
        description="For data obtained from someone else: from whom, and whether the source is public (GDPR Art 14(2)(f))."
        value={dataType.sourceDetail ?? ''}
        readOnly={readOnly}
        disabled={dataType.source !== 'third-party' && !dataType.sourceDetail}
        data-path={`${at}.sourceDetail`}
        onChange={editText('Edit source detail', 'sourceDetail')}
      />
    </Section>
  );
}
