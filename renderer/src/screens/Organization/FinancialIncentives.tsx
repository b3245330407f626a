// Financial incentives (issue 8, item 5): offers made in return for personal information, such as a free
// plan paid for by selling data or a discount for an email address. Candor writes the California notice of
// financial incentive (11 CCR 7016) from them, so each field here is one thing that notice must say.
import { ActionIcon, Button, Group, MultiSelect, Paper, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { Draft } from 'immer';
import { uniqueId } from '../../../../core/ids';
import type { FinancialIncentive, Workspace } from '../../../../core/schema';
import { setOptional, useReadOnly } from '../../state/edit';
import { useEditor } from '../../state/store';
import { Section, TextareaField, TextField, useLabelledError } from '../../components/EntityList/fields';
import classes from './Organization.module.css';

type EditIncentives = (label: string, recipe: (incentives: Draft<FinancialIncentive>[]) => void, coalesceKey?: string) => void;

function useEditIncentives(): EditIncentives {
  const apply = useEditor((s) => s.apply);
  return (label, recipe, coalesceKey) =>
    apply(
      label,
      (d: Draft<Workspace>) => {
        const list = (d.financialIncentives ??= []);
        recipe(list);
        // An empty list leaves the file as it was before incentives were recorded.
        if (list.length === 0) delete d.financialIncentives;
      },
      { coalesceKey },
    );
}

function IncentiveRow({
  incentive,
  index,
  dataTypes,
  edit,
}: {
  incentive: FinancialIncentive;
  index: number;
  dataTypes: Workspace['dataTypes'];
  edit: EditIncentives;
}) {
  const readOnly = useReadOnly();
  const path = `financialIncentives[${index}]`;
  const dataTypesError = useLabelledError(`${path}.dataTypes`, 'Personal information involved');
  const set = (label: string, field: 'summary' | 'terms' | 'optIn' | 'withdraw' | 'value' | 'valueMethod') => (value: string) =>
    edit(
      label,
      (list) => {
        if (list[index]) setOptional(list[index], field, value);
      },
      `${path}.${field}`,
    );
  return (
    <Paper withBorder p="md" radius="md" className={classes.row} data-path={path}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <TextField
            path={`${path}.name`}
            label="Name"
            description="What people know the offer as."
            placeholder="10% off for your email address"
            required
            value={incentive.name}
            onValue={(v) =>
              edit(
                'Edit incentive name',
                (list) => {
                  if (list[index]) list[index].name = v;
                },
                `${path}.name`,
              )
            }
            style={{ flex: 1 }}
          />
          <Tooltip label="Remove this incentive">
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={`Remove incentive ${incentive.name || index + 1}`}
              disabled={readOnly}
              onClick={() => edit('Remove incentive', (list) => void list.splice(index, 1))}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <TextareaField
          path={`${path}.summary`}
          label="What you offer"
          description="A short summary, in a sentence or two."
          placeholder="You get 10% off your first year when you sign up for our newsletter."
          value={incentive.summary}
          onValue={set('Edit incentive summary', 'summary')}
        />
        <MultiSelect
          label="Personal information involved"
          description="The notice names these data types with their CCPA categories."
          placeholder={incentive.dataTypes?.length ? undefined : 'Pick data types'}
          data={dataTypes.map((d) => ({ value: d.id, label: d.name || d.id }))}
          value={incentive.dataTypes ?? []}
          searchable
          readOnly={readOnly}
          error={dataTypesError}
          data-path={`${path}.dataTypes`}
          onChange={(value) =>
            edit('Change incentive data types', (list) => {
              if (list[index]) setOptional(list[index], 'dataTypes', value.length > 0 ? value : undefined);
            })
          }
        />
        <TextareaField
          path={`${path}.terms`}
          label="Other terms"
          description="Anything else people should know before they join: how long it runs, what the alternative costs."
          value={incentive.terms}
          onValue={set('Edit incentive terms', 'terms')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextareaField
            path={`${path}.optIn`}
            label="How to join"
            placeholder="Tick the box on the sign-up form."
            value={incentive.optIn}
            onValue={set('Edit how to join', 'optIn')}
          />
          <TextareaField
            path={`${path}.withdraw`}
            label="How to leave"
            description="People can leave at any time; say how."
            placeholder="Unsubscribe with the link in any email."
            value={incentive.withdraw}
            onValue={set('Edit how to leave', 'withdraw')}
          />
          <TextareaField
            path={`${path}.value`}
            label="What the data is worth"
            description="Your good-faith estimate of the value of a person’s data."
            placeholder="$4 a year for each subscriber."
            value={incentive.value}
            onValue={set('Edit value estimate', 'value')}
          />
          <TextareaField
            path={`${path}.valueMethod`}
            label="How you worked it out"
            description="The method behind the estimate."
            placeholder="What subscribers spend more than other customers, on average, over the last 12 months."
            value={incentive.valueMethod}
            onValue={set('Edit value method', 'valueMethod')}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/** Shown when the workspace includes California, or already records an incentive. */
export function FinancialIncentives({ workspace }: { workspace: Workspace }) {
  const readOnly = useReadOnly();
  const edit = useEditIncentives();
  const incentives = workspace.financialIncentives ?? [];
  if (!workspace.organization.jurisdictions.includes('ccpa') && incentives.length === 0) return null;
  return (
    <Section
      id="incentives"
      title="Financial incentives (California)"
      description="Offers you make in return for personal information: a free plan paid for by selling data, a loyalty programme, a discount for an email address. Candor writes the notice of financial incentive from them."
      actions={
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          disabled={readOnly}
          onClick={() =>
            edit('Add incentive', (list) => {
              list.push({
                id: uniqueId(
                  'incentive',
                  list.map((i) => i.id),
                ),
                name: '',
              });
            })
          }
        >
          Add incentive
        </Button>
      }
    >
      {incentives.length === 0 ? (
        <Text size="sm" c="dimmed">
          No financial incentives. Add one if people get a discount, a free plan or another benefit for their personal information.
        </Text>
      ) : (
        incentives.map((incentive, index) => (
          <IncentiveRow key={index} incentive={incentive} index={index} dataTypes={workspace.dataTypes} edit={edit} />
        ))
      )}
    </Section>
  );
}
