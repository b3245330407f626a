// The team's own review of the data type: status, owner, review date and notes. None of it appears
// in a generated document.
import { Badge, Button, Checkbox, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { DataType } from '../../../../core/schema';
import { STATUSES } from '../../../../core/schema';
import { setOptional, useFieldError } from '../../state/edit';
import { Section } from './Section';
import { useDataTypeEdit, type SectionProps } from './useDataTypeEdit';
import classes from './DataTypeEditor.module.css';

export const STATUS_LABELS: Record<(typeof STATUSES)[number], string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
};

const today = () => new Date().toISOString().slice(0, 10);

export function TeamReview({ dataType, index }: SectionProps) {
  const { at, readOnly, edit, editText } = useDataTypeEdit(index);
  const reviewedOnError = useFieldError(`${at}.reviewedOn`);
  return (
    <Section title="Review" description="For your team only: none of this appears in any generated document.">
      <Stack gap={6} data-path={`${at}.status`}>
        <Text size="sm" fw={500} id={`status-label-${index}`}>
          Status
        </Text>
        <SegmentedControl
          aria-labelledby={`status-label-${index}`}
          readOnly={readOnly}
          value={dataType.status ?? ''}
          onChange={(value) => edit('Change status', (d) => setOptional(d, 'status', value as DataType['status']))}
          data={[{ value: '', label: 'Not set' }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))]}
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TextInput
          label="Owner"
          placeholder="Platform team"
          value={dataType.owner ?? ''}
          readOnly={readOnly}
          data-path={`${at}.owner`}
          onChange={editText('Edit owner', 'owner')}
        />
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label="Reviewed on"
            type="date"
            className={classes.grow}
            value={dataType.reviewedOn ?? ''}
            error={reviewedOnError}
            readOnly={readOnly}
            data-path={`${at}.reviewedOn`}
            onChange={(e) => {
              const value = e.currentTarget.value;
              edit('Change review date', (d) => setOptional(d, 'reviewedOn', value));
            }}
          />
          <Tooltip label="Mark as reviewed today">
            <Button
              variant="default"
              disabled={readOnly}
              onClick={() =>
                edit('Mark as reviewed today', (d) => {
                  d.reviewedOn = today();
                })
              }
            >
              Today
            </Button>
          </Tooltip>
        </Group>
      </SimpleGrid>
      <Textarea
        label={
          <Group gap={6} component="span">
            Notes
            <Badge size="xs" variant="light" color="gray" leftSection={<IconLock size={10} />}>
              Internal
            </Badge>
          </Group>
        }
        description="Internal only: never appears in any generated document."
        value={dataType.notes ?? ''}
        readOnly={readOnly}
        data-path={`${at}.notes`}
        onChange={editText('Edit notes', 'notes')}
      />
      <Checkbox
        label="This data type is complete and accurate"
        description="Sets the status to Approved and the review date to today."
        checked={dataType.status === 'approved'}
        disabled={readOnly}
        onChange={(e) => {
          const approved = e.currentTarget.checked;
          edit(approved ? 'Approve data type' : 'Reopen data type', (d) => {
            d.status = approved ? 'approved' : 'in-review';
            if (approved) d.reviewedOn = today();
          });
        }}
      />
    </Section>
  );
}
