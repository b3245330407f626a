// Data-type actions shared by the inventory and the editor.
import { notifications } from '@mantine/notifications';
import { uniqueId } from '../../../../core/ids';
import { useEditor } from '../../state/store';

/** Copies a data type right after the original, with a fresh id and "(copy)" name; returns the new id. */
export function duplicateDataType(id: string): string | undefined {
  const { workspace, apply } = useEditor.getState();
  const index = workspace?.dataTypes.findIndex((d) => d.id === id) ?? -1;
  if (!workspace || index < 0) return undefined;
  const original = workspace.dataTypes[index];
  const newId = uniqueId(
    `${original.id}-copy`,
    workspace.dataTypes.map((d) => d.id),
  );
  apply(`Duplicate “${original.name}”`, (draft) => {
    const copy = structuredClone(original);
    copy.id = newId;
    copy.name = `${original.name} (copy)`;
    copy.status = 'draft';
    delete copy.reviewedOn;
    draft.dataTypes.splice(index + 1, 0, copy);
  });
  return newId;
}

/** Deletes a data type and offers to bring it back. */
export function deleteDataTypeWithUndo(id: string): void {
  const { workspace, apply } = useEditor.getState();
  const index = workspace?.dataTypes.findIndex((d) => d.id === id) ?? -1;
  if (!workspace || index < 0) return;
  const dataType = workspace.dataTypes[index];
  apply(`Delete “${dataType.name}”`, (draft) => {
    draft.dataTypes.splice(index, 1);
  });
  const afterDelete = useEditor.getState().workspace;
  // Undo from the notification must bring back this data type even if other edits came after it.
  const restore = () => {
    const state = useEditor.getState();
    if (state.workspace === afterDelete) {
      state.undo();
    } else if (state.workspace && !state.workspace.dataTypes.some((d) => d.id === id)) {
      state.apply(`Restore “${dataType.name}”`, (draft) => {
        draft.dataTypes.splice(Math.min(index, draft.dataTypes.length), 0, structuredClone(dataType));
      });
    }
  };
  notifications.show({
    id: `deleted-${id}`,
    title: `Deleted “${dataType.name}”`,
    message: (
      <UndoLink
        onUndo={() => {
          restore();
          notifications.hide(`deleted-${id}`);
        }}
      />
    ),
    autoClose: 8000,
  });
}

function UndoLink({ onUndo }: { onUndo(): void }) {
  return (
    <button
      type="button"
      onClick={onUndo}
      style={{ all: 'unset', cursor: 'pointer', color: 'var(--mantine-primary-color-filled)', fontWeight: 600 }}
    >
      Undo
    </button>
  );
}
