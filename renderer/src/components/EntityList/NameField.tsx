import { uniqueId, renameEntityId } from '../../../../core/ids';
import { useEditor } from '../../state/store';
import { navigate } from '../../state/route';
import { isFresh, useFreshIds } from './fresh-ids';
import { TextField } from './fields';
import type { EntityListName, EntityScreen } from './types';

interface NameFieldProps {
  list: EntityListName;
  screen: EntityScreen;
  singular: string;
  index: number;
  id: string;
  name: string;
  usedBy: number;
  placeholder?: string;
  description?: string;
}

/** The entry's name; for an entry just added, leaving the field also gives it an id made from the name. */
export function NameField({ list, screen, singular, index, id, name, usedBy, placeholder, description }: NameFieldProps) {
  const apply = useEditor((s) => s.apply);
  const path = `${list}[${index}].name`;

  function followName() {
    const { ids } = useFreshIds.getState();
    if (!isFresh(ids, list, id) || usedBy > 0 || name.trim() === '') return;
    const workspace = useEditor.getState().workspace;
    if (!workspace) return;
    const others = workspace[list].filter((_, i) => i !== index).map((e) => e.id);
    const next = uniqueId(name, others);
    if (next === id) return;
    apply(`Change ${singular} id`, (d) => renameEntityId(d, list, id, next));
    useFreshIds.getState().rename(list, id, next);
    navigate({ screen, id: next });
  }

  return (
    <TextField
      path={path}
      label="Name"
      required
      value={name}
      placeholder={placeholder}
      description={description}
      onValue={(value) =>
        apply(
          `Edit ${singular} name`,
          (d) => {
            d[list][index].name = value;
          },
          { coalesceKey: path },
        )
      }
      onBlur={followName}
    />
  );
}
