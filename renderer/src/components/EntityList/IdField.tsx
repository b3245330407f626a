// The id of an entry is what data types refer to and what the file diffs on, so it is edited apart
// from the other fields: the new id is checked as it is typed and applied only when the input is
// left (or Enter is pressed), in one edit that moves every reference along with it.
import { useState } from 'react';
import { TextInput } from '@mantine/core';
import { SLUG_PATTERN } from '../../../../core/schema';
import { isAutoId, renameEntityId, slugify } from '../../../../core/ids';
import { useEditor } from '../../state/store';
import { useReadOnly } from '../../state/edit';
import { navigate } from '../../state/route';
import { useLabelledError } from './fields';
import type { EntityListName, EntityScreen } from './types';

interface IdFieldProps {
  list: EntityListName;
  screen: EntityScreen;
  singular: string;
  index: number;
  id: string;
  /** how many data types refer to this id */
  usedBy: number;
}

/** Why `candidate` cannot become the id of entry `index`, or undefined when it can. */
export function idProblem(candidate: string, entries: readonly { id: string; name: string }[], index: number): string | undefined {
  if (candidate === '') return 'Id must not be empty; it is how data types refer to this entry.';
  if (!SLUG_PATTERN.test(candidate)) {
    return `Id must be lower-case letters a–z, digits and single hyphens, such as "${slugify(candidate)}".`;
  }
  const owner = entries.find((e, i) => i !== index && e.id === candidate);
  if (owner) return `"${candidate}" is already the id of "${owner.name}"; pick another.`;
  return undefined;
}

export function IdField({ list, screen, singular, index, id, usedBy }: IdFieldProps) {
  const readOnly = useReadOnly();
  const entries = useEditor((s) => s.workspace?.[list] ?? []);
  const apply = useEditor((s) => s.apply);
  const auto = useEditor((s) => isAutoId(id, s.workspace?.[list][index]?.name ?? ''));
  const path = `${list}[${index}].id`;
  const validation = useLabelledError(path, 'Id');
  const [draft, setDraft] = useState(id);
  // When the id changes underneath (undo, another window), the draft follows it, in this same render.
  const [draftOf, setDraftOf] = useState(id);
  if (draftOf !== id) {
    setDraftOf(id);
    setDraft(id);
  }

  const problem = draft === id ? undefined : idProblem(draft, entries, index);

  function commit() {
    if (draft === id || problem) return;
    apply(`Change ${singular} id`, (d) => renameEntityId(d, list, id, draft));
    navigate({ screen, id: draft });
  }

  const refers =
    usedBy > 0 ? ` Changing it updates the ${usedBy === 1 ? 'data type that refers' : `${usedBy} data types that refer`} to it.` : '';
  const description = auto
    ? `Follows the name until you change it here.${refers}`
    : usedBy > 0
      ? refers.trim()
      : 'How the workspace file refers to this entry. Lower-case letters, digits and hyphens.';

  return (
    <TextInput
      label="Id"
      description={description}
      value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape' && draft !== id) {
          e.stopPropagation();
          setDraft(id);
        }
      }}
      error={problem ?? validation}
      readOnly={readOnly}
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      data-path={path}
    />
  );
}
