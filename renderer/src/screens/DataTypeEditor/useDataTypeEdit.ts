// How the editor's sections change their data type. Every edit is one undo step; edits that share a
// key (a burst of typing in one field) merge into one.
import type { ChangeEvent } from 'react';
import type { Draft } from 'immer';
import type { DataType } from '../../../../core/schema';
import { setOptional, useReadOnly } from '../../state/edit';
import { useEditor } from '../../state/store';

/** What every section is given: the data type and its place in the workspace. */
export interface SectionProps {
  dataType: DataType;
  index: number;
}

export type EditDataType = (label: string, recipe: (dataType: Draft<DataType>) => void, key?: string) => void;

/** The free-text fields that are dropped from the file once emptied. */
type TextKey = 'description' | 'sourceDetail' | 'benefit' | 'consequenceIfNotProvided' | 'owner' | 'notes';

/** The validation path of the data type at `index` (`dataTypes[3]`); its fields' paths extend it. */
export function dataTypePath(index: number): string {
  return `dataTypes[${index}]`;
}

export function useDataTypeEdit(index: number) {
  const apply = useEditor((s) => s.apply);
  const readOnly = useReadOnly();
  const at = dataTypePath(index);
  /** `key` is the field's path inside the data type (`inApp.short`); edits with the same key coalesce. */
  const edit: EditDataType = (label, recipe, key) =>
    apply(
      label,
      (draft) => {
        const target = draft.dataTypes[index];
        if (target) recipe(target);
      },
      key ? { coalesceKey: `${at}.${key}` } : undefined,
    );
  /** The change handler of a free-text input bound to `key`. */
  const editText = (label: string, key: TextKey) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const value = e.currentTarget.value;
    edit(label, (d) => setOptional(d, key, value), key);
  };
  return { at, readOnly, edit, editText };
}

const REFERENCE = /\.(purposes|recipients|collectedAt|subjects)\[\d+\]$/;

/** The message for an entry of `list` that names nothing in the workspace (`dataTypes[0].purposes[2]`). */
export function useReferenceError(at: string, list: 'purposes' | 'recipients' | 'collectedAt'): string | undefined {
  return useEditor(
    (s) => s.problems.find((p) => p.path.startsWith(`${at}.`) && REFERENCE.test(p.path) && p.path.includes(`.${list}[`))?.message,
  );
}
