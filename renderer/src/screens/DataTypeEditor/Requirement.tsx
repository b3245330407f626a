// Whether people must provide the data, and what happens if they don't (GDPR Art 13(2)(e)).
import { SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { setOptional } from '../../state/edit';
import { Section } from './Section';
import { useDataTypeEdit, type SectionProps } from './useDataTypeEdit';

export function Requirement({ dataType, index }: SectionProps) {
  const { at, readOnly, edit, editText } = useDataTypeEdit(index);
  return (
    <Section
      title="Whether people must provide it"
      description="GDPR Art 13(2)(e): say whether it is required and what happens if it isn't given."
    >
      <Stack gap={6} data-path={`${at}.required`}>
        <Text size="sm" fw={500} id={`required-label-${index}`}>
          Required
        </Text>
        <SegmentedControl
          aria-labelledby={`required-label-${index}`}
          readOnly={readOnly}
          value={dataType.required === undefined ? '' : dataType.required ? 'yes' : 'no'}
          onChange={(value) =>
            edit('Change whether required', (d) => setOptional(d, 'required', value === '' ? undefined : value === 'yes'))
          }
          data={[
            { value: '', label: 'Not stated' },
            { value: 'yes', label: 'Yes, required' },
            { value: 'no', label: 'No, optional' },
          ]}
        />
      </Stack>
      <TextInput
        label="Consequence if not provided"
        placeholder="We can't create your account."
        value={dataType.consequenceIfNotProvided ?? ''}
        readOnly={readOnly}
        data-path={`${at}.consequenceIfNotProvided`}
        onChange={editText('Edit consequence', 'consequenceIfNotProvided')}
      />
    </Section>
  );
}
