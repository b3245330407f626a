// Who receives the data, for which of its purposes, and the screens, SDKs or forms that collect it.
import { MultiSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { tidyRecipientPurposes } from '../../../../core/recipient-purposes';
import { setOptional } from '../../state/edit';
import { useEditor } from '../../state/store';
import { Section } from './Section';
import { useDataTypeEdit, useReferenceError, type SectionProps } from './useDataTypeEdit';

export function RecipientsAndCollection({ dataType, index }: SectionProps) {
  const { at, readOnly, edit } = useDataTypeEdit(index);
  const recipients = useEditor((s) => s.workspace?.recipients);
  const purposes = useEditor((s) => s.workspace?.purposes);
  const points = useEditor((s) => s.workspace?.collectionPoints);
  const recipientsError = useReferenceError(at, 'recipients');
  const pointsError = useReferenceError(at, 'collectedAt');
  // The list itself is selected (a stable reference) and filtered here, so the selector never makes a new array.
  const problems = useEditor((s) => s.problems);
  const mapProblems = problems.filter((p) => p.path.startsWith(`${at}.recipientPurposes.`));
  const recipientOptions = (recipients ?? []).map((r) => ({ value: r.id, label: r.name }));
  const pointOptions = (points ?? []).map((c) => ({ value: c.id, label: c.name }));
  const purposeName = new Map((purposes ?? []).map((p) => [p.id, p.name]));
  const ownPurposes = dataType.purposes.map((id) => ({ value: id, label: purposeName.get(id) ?? id }));
  const chosen = (dataType.recipients ?? []).map((id) => ({ id, name: recipients?.find((r) => r.id === id)?.name ?? id }));
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
          onChange={(value) =>
            edit('Change recipients', (d) => {
              setOptional(d, 'recipients', value);
              tidyRecipientPurposes(d);
            })
          }
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
      {chosen.length > 0 && ownPurposes.length > 1 ? (
        <Stack gap="xs" mt="md">
          <div>
            <Text fw={500} size="sm">
              What each recipient receives it for
            </Text>
            <Text c="dimmed" size="sm">
              Each recipient receives it for all of its purposes unless you narrow it here. The record of processing lists, for each
              purpose, only the recipients that receive data for it.
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {chosen.map((r) => {
              const value = dataType.recipientPurposes?.[r.id] ?? dataType.purposes;
              const path = `${at}.recipientPurposes.${r.id}`;
              return (
                <MultiSelect
                  key={r.id}
                  label={`${r.name} receives it for`}
                  description={value.length === dataType.purposes.length ? 'All its purposes' : undefined}
                  data={ownPurposes}
                  value={value}
                  readOnly={readOnly}
                  error={mapProblems.find((p) => p.path === path || p.path.startsWith(`${path}[`))?.message}
                  data-path={path}
                  onChange={(next) => {
                    // A recipient that receives it for no purpose is not a recipient: remove it from Recipients instead.
                    if (next.length === 0) return;
                    edit(`Change what ${r.name} receives it for`, (d) => {
                      d.recipientPurposes = { ...d.recipientPurposes, [r.id]: next };
                      tidyRecipientPurposes(d);
                    });
                  }}
                />
              );
            })}
          </SimpleGrid>
        </Stack>
      ) : null}
    </Section>
  );
}
