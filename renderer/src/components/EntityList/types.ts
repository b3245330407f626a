import type { ComponentType, ReactNode } from 'react';
import type { Draft } from 'immer';
import type { Icon } from '@tabler/icons-react';
import type { Workspace } from '../../../../core/schema';

/** The three lists of a workspace whose entries data types refer to. */
export type EntityListName = 'purposes' | 'recipients' | 'collectionPoints';
export type EntryOf<L extends EntityListName> = Workspace[L][number];
export type EntityScreen = 'purposes' | 'recipients' | 'collection-points';

export interface DataTypeRef {
  index: number;
  id: string;
  name: string;
}

export interface EntityEditorProps<L extends EntityListName> {
  entry: EntryOf<L>;
  index: number;
  /** the entry's validation path, such as `purposes[2]` */
  path: string;
  /** One undoable edit of this entry; text inputs pass their path as `coalesceKey`. */
  edit(label: string, recipe: (entry: Draft<EntryOf<L>>) => void, coalesceKey?: string): void;
}

export interface EntityScreenConfig<L extends EntityListName> {
  list: L;
  screen: EntityScreen;
  /** "Purposes" */
  title: string;
  /** "purpose" */
  singular: string;
  /** "purposes" */
  plural: string;
  /** one line under the list's title */
  intro: string;
  icon: Icon;
  /** what such an entry is, in plain words, for the empty state */
  emptyDescription: ReactNode;
  /** placeholder name of a new entry: "New purpose" */
  newName: string;
  /** the line under the name in the list */
  secondary(entry: EntryOf<L>): string;
  /** Another way to add entries, shown beside "Add" (the recipients' catalogue); it reports the id it added. */
  AddMore?: ComponentType<{ disabled: boolean; onAdded(id: string): void }>;
  /** the fields of one entry (everything above "Used by") */
  Editor: ComponentType<EntityEditorProps<L>>;
  /** "Data types collected for this purpose" — what "Used by" lists */
  usedByDescription: string;
  /** what a data type using the entry is told when there is none: "No data type is collected for this purpose yet." */
  unusedDescription: string;
  /** How many other things refer to the entry (a recipient's cookies), so deleting it asks first. */
  otherUses?(entry: EntryOf<L>, workspace: Workspace): number;
  /** What deleting an entry that data types use does to them, in sentences. */
  deleteConsequences(entry: EntryOf<L>, users: DataTypeRef[], workspace: Workspace): ReactNode;
}
