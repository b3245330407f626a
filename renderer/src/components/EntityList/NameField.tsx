import { useRef } from 'react';
import { isAutoId, renameEntity } from '../../../../core/ids';
import { useEditor } from '../../state/store';
import { navigate } from '../../state/route';
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

/**
 * The entry's name. While the id is the one Candor made from the name ("new-purpose" for "New purpose"),
 * the id follows the name as it is typed, with every reference to it, in the same undo step; an id
 * edited by hand stays put.
 */
export function NameField({ list, screen, singular, index, id, name, placeholder, description }: NameFieldProps) {
  const apply = useEditor((s) => s.apply);
  const path = `${list}[${index}].name`;
  // Judged when typing starts, so emptying the field on the way to a new name does not lose it.
  const auto = useRef<boolean | null>(null);

  return (
    <TextField
      path={path}
      label="Name"
      required
      value={name}
      placeholder={placeholder}
      description={description}
      onFocus={() => {
        auto.current = isAutoId(id, name);
      }}
      onBlur={() => {
        auto.current = null;
      }}
      onValue={(value) => {
        const follows = auto.current ?? isAutoId(id, name);
        let next = id;
        apply(
          `Edit ${singular} name`,
          (d) => {
            next = renameEntity(d, list, index, value, follows);
          },
          { coalesceKey: path },
        );
        if (next !== id) navigate({ screen, id: next }, { replace: true });
      }}
    />
  );
}
