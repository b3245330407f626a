// Why the data is collected, and what the person gets in return.
import { Textarea } from '@mantine/core';
import { uniqueId } from '../../../../core/ids';
import { tidyRecipientPurposes } from '../../../../core/recipient-purposes';
import { useFieldError } from '../../state/edit';
import { useEditor } from '../../state/store';
import { CreatableMultiSelect } from '../../components/CreatableMultiSelect/CreatableMultiSelect';
import { LAWFUL_BASIS_HINTS, LAWFUL_BASIS_LABELS } from '../Purposes/Purposes';
import { NewPurposeForm, type NewPurpose } from './NewEntityForms';
import { Section } from './Section';
import { useDataTypeEdit, useReferenceError, type SectionProps } from './useDataTypeEdit';

export function PurposesAndBenefit({ dataType, index }: SectionProps) {
  const { at, readOnly, edit, editText } = useDataTypeEdit(index);
  const apply = useEditor((s) => s.apply);
  const purposes = useEditor((s) => s.workspace?.purposes);
  const purposesError = useFieldError(`${at}.purposes`);
  const referenceError = useReferenceError(at, 'purposes');
  const purposeOptions = (purposes ?? []).map((p) => ({
    value: p.id,
    label: p.name,
    description:
      p.description ?? (p.lawfulBasis ? `${LAWFUL_BASIS_LABELS[p.lawfulBasis]}: ${LAWFUL_BASIS_HINTS.get(p.lawfulBasis)}` : undefined),
  }));

  // The new purpose, with the lawful basis asked for in its form, and its place in this data type: one edit.
  const createPurpose = ({ name, lawfulBasis }: NewPurpose) => {
    apply(`Create purpose “${name}”`, (draft) => {
      const newId = uniqueId(
        name,
        draft.purposes.map((p) => p.id),
      );
      draft.purposes.push({ id: newId, name, ...(lawfulBasis ? { lawfulBasis } : {}) });
      const target = draft.dataTypes[index];
      if (!target) return;
      target.purposes = [...target.purposes, newId];
      tidyRecipientPurposes(target);
    });
  };

  return (
    <Section
      title="Why, and what the customer gets"
      description="The purposes you collect it for, and the benefit to the person in return."
    >
      <CreatableMultiSelect
        label="Purposes"
        description="Pick every purpose; type a new one to create it with its lawful basis."
        placeholder="Pick or create a purpose"
        required
        data={purposeOptions}
        value={dataType.purposes}
        error={purposesError ?? referenceError}
        readOnly={readOnly}
        data-path={`${at}.purposes`}
        onChange={(value) =>
          edit('Change purposes', (d) => {
            d.purposes = value;
            // Which purposes each recipient receives it for follows the purposes it has.
            tidyRecipientPurposes(d);
          })
        }
        creator={{
          label: (text) => `New purpose “${text}”`,
          form: (name, close) => (
            <NewPurposeForm
              initialName={name}
              onCancel={close}
              onCreate={(purpose) => {
                createPurpose(purpose);
                close();
              }}
            />
          ),
        }}
      />
      <Textarea
        label="Benefit to the customer"
        description="What the person gets in return — the heart of every in-app explanation. Start with “You…”."
        placeholder="You can sign in on any device and recover your account."
        value={dataType.benefit ?? ''}
        readOnly={readOnly}
        data-path={`${at}.benefit`}
        onChange={editText('Edit benefit', 'benefit')}
      />
    </Section>
  );
}
