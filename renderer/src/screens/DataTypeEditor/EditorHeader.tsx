// The editor's heading: the way back to the list, the data type's name and status, and the actions
// on the whole data type.
import { Anchor, Badge, Button, Group, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconCopy, IconTrash } from '@tabler/icons-react';
import { useReadOnly } from '../../state/edit';
import { navigate } from '../../state/route';
import { useEditor } from '../../state/store';
import { deleteDataTypeWithUndo, duplicateDataType } from '../Inventory/actions';
import { STATUS_LABELS } from './TeamReview';
import { dataTypePath, type SectionProps } from './useDataTypeEdit';
import classes from './DataTypeEditor.module.css';

export function EditorHeader({ dataType }: Pick<SectionProps, 'dataType'>) {
  const readOnly = useReadOnly();
  return (
    <Group justify="space-between" mb="lg" wrap="wrap" align="flex-start" gap="sm">
      {/* The name takes the room it needs before the buttons: in a narrow window they move below it. */}
      <Stack gap={4} miw={0} className={classes.heading}>
        <Anchor
          size="sm"
          href="#/data-types"
          onClick={(e) => {
            e.preventDefault();
            navigate({ screen: 'inventory' });
          }}
        >
          <Group gap={4}>
            <IconArrowLeft size={14} /> Data types
          </Group>
        </Anchor>
        <Group gap="sm" wrap="nowrap">
          <Title order={2} className={classes.title} data-testid="editor-title">
            {dataType.name || 'Untitled data type'}
          </Title>
          {dataType.status && (
            <Badge variant="light" color={dataType.status === 'approved' ? 'green' : dataType.status === 'in-review' ? 'blue' : 'gray'}>
              {STATUS_LABELS[dataType.status]}
            </Badge>
          )}
        </Group>
      </Stack>
      <Group gap="xs" wrap="nowrap">
        <Button
          variant="default"
          leftSection={<IconCopy size={16} />}
          disabled={readOnly}
          onClick={() => {
            const copy = duplicateDataType(dataType.id);
            // The copy sits right after the original, so its name is found by the copy's own index.
            const at = copy ? (useEditor.getState().workspace?.dataTypes.findIndex((d) => d.id === copy) ?? -1) : -1;
            if (copy && at >= 0) navigate({ screen: 'data-type', id: copy, field: `${dataTypePath(at)}.name` });
          }}
        >
          Duplicate
        </Button>
        <Button
          variant="light"
          color="red"
          leftSection={<IconTrash size={16} />}
          disabled={readOnly}
          onClick={() => {
            deleteDataTypeWithUndo(dataType.id);
            navigate({ screen: 'inventory' });
          }}
        >
          Delete
        </Button>
      </Group>
    </Group>
  );
}
