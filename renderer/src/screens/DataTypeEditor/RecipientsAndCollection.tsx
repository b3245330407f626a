// Who receives the data, and the screens, SDKs or forms that collect it.
import { MultiSelect, SimpleGrid } from '@mantine/core';
import { setOptional } from '../../state/edit';
import { useEditor } from '../../state/store';
import { Section } from './Section';
import { useDataTypeEdit, useReferenceError, type SectionProps } from './useDataTypeEdit';

export function RecipientsAndCollection({ dataType, index }: SectionProps) {
  const { at, readOnly, edit } = useDataTypeEdit(index);
  const recipients = useEditor((s) => s.workspace?.recipients);
  const points = useEditor((s) => s.workspace?.collectionPoints);
  const recipientsError = useReferenceError(at, 'recipients');
  const pointsError = useReferenceError(at, 'collectedAt');
  const recipientOptions = (recipients ?? []).map((r) => ({ value: r.id, label: r.name }));
  const pointOptions = (points ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Section
      title="Who receives it and where it is collected"
      description="Recipients see it; collection points are the screens, SDKs or forms that gather it."
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <MultiSelect
          label="Recipients"
          searchable
          placeholder={recipientOptions.length ? 'Pick recipients' : 'Add recipients under Recipients first'}
          data={recipientOptions}
          value={dataType.recipients ?? []}
          readOnly={readOnly}
          error={recipientsError}
          data-path={`${at}.recipients`}
          onChange={(value) => edit('Change recipients', (d) => setOptional(d, 'recipients', value))}
        />
        <MultiSelect
          label="Collected at"
          searchable
          placeholder={pointOptions.length ? 'Pick collection points' : 'Add collection points first'}
          data={pointOptions}
          value={dataType.collectedAt ?? []}
          readOnly={readOnly}
          error={pointsError}
          data-path={`${at}.collectedAt`}
          onChange={(value) => edit('Change collection points', (d) => setOptional(d, 'collectedAt', value))}
        />
      </SimpleGrid>
    </Section>
  );
}
