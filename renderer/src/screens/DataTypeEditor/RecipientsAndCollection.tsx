// Who receives the data, for which of its purposes, and the screens, SDKs or forms that collect it.
import { MultiSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { uniqueId } from '../../../../core/ids';
import { tidyRecipientPurposes } from '../../../../core/recipient-purposes';
import { countryName } from '../../../../core/countries';
import { setOptional } from '../../state/edit';
import { useEditor } from '../../state/store';
import { CreatableMultiSelect } from '../../components/CreatableMultiSelect/CreatableMultiSelect';
import { addServiceAsRecipient, serviceLabel, servicesToOffer } from '../../components/ServiceCatalogue/ServiceCatalogue';
import { PLATFORM_LABELS } from '../CollectionPoints/platform-labels';
import { ROLE_LABELS } from '../Recipients/Recipients';
import { NewCollectionPointForm, NewRecipientForm } from './NewEntityForms';
import { Section } from './Section';
import { useDataTypeEdit, useReferenceError, type SectionProps } from './useDataTypeEdit';
import { pointPlatforms } from '../../../../core/platforms';

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
  const workspace = useEditor((s) => s.workspace);
  const apply = useEditor((s) => s.apply);
  // The line under each name says what it is, so two similar names can be told apart.
  const recipientOptions = (recipients ?? []).map((r) => ({
    value: r.id,
    label: r.name,
    description: [r.role && ROLE_LABELS[r.role], r.country && countryName(r.country)].filter(Boolean).join(' · ') || undefined,
  }));
  const pointOptions = (points ?? []).map((c) => ({
    value: c.id,
    label: c.name,
    description:
      c.description ??
      (pointPlatforms(c)
        .map((p) => PLATFORM_LABELS[p])
        .join(', ') ||
        undefined),
  }));

  /** Adds a new entry to `list` and to this data type's `field`, in one edit. */
  function create(list: 'recipients' | 'collectionPoints', field: 'recipients' | 'collectedAt', label: string, entry: { name: string }) {
    apply(label, (draft) => {
      const entries = draft[list] as { id: string; name: string }[];
      const id = uniqueId(
        entry.name,
        entries.map((e) => e.id),
      );
      entries.push({ id, ...entry });
      const target = draft.dataTypes[index];
      if (!target) return;
      target[field] = [...(target[field] ?? []), id];
      if (field === 'recipients') tidyRecipientPurposes(target);
    });
  }
  const purposeName = new Map((purposes ?? []).map((p) => [p.id, p.name]));
  const ownPurposes = dataType.purposes.map((id) => ({ value: id, label: purposeName.get(id) ?? id }));
  const chosen = (dataType.recipients ?? []).map((id) => ({ id, name: recipients?.find((r) => r.id === id)?.name ?? id }));
  return (
    <Section
      title="Who receives it and where it is collected"
      description="Recipients see it; collection points are the screens, SDKs or forms that gather it."
    >
      {/* One above the other, so a picker's list and its small form have the section's full width. */}
      <Stack gap="md">
        <CreatableMultiSelect
          label="Recipients"
          description="Type a name: pick one, add a known service from the catalogue, or create a new one."
          placeholder="Pick, find or create a recipient"
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
          suggestions={{
            group: "Add from Candor's catalogue",
            search: (query) =>
              servicesToOffer(query, workspace).map((service) => ({
                value: service.id,
                label: serviceLabel(service),
                description: service.description,
              })),
            pick: (serviceId) => addServiceAsRecipient(serviceId, index),
          }}
          creator={{
            label: (text) => `New recipient “${text}”`,
            form: (name, close) => (
              <NewRecipientForm
                initialName={name}
                onCancel={close}
                onCreate={(recipient) => {
                  create('recipients', 'recipients', `Create recipient “${recipient.name}”`, recipient);
                  close();
                }}
              />
            ),
          }}
        />
        <CreatableMultiSelect
          label="Collected at"
          description="Type a name: pick a collection point or create a new one."
          placeholder="Pick or create a collection point"
          data={pointOptions}
          value={dataType.collectedAt ?? []}
          readOnly={readOnly}
          error={pointsError}
          data-path={`${at}.collectedAt`}
          onChange={(value) => edit('Change collection points', (d) => setOptional(d, 'collectedAt', value))}
          creator={{
            label: (text) => `New collection point “${text}”`,
            form: (name, close) => (
              <NewCollectionPointForm
                initialName={name}
                onCancel={close}
                onCreate={(point) => {
                  create('collectionPoints', 'collectedAt', `Create collection point “${point.name}”`, point);
                  close();
                }}
              />
            ),
          }}
        />
      </Stack>
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
