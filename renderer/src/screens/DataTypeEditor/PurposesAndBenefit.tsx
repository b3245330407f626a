// Why the data is collected, and what the person gets in return.
import { Textarea } from '@mantine/core';
import { uniqueId } from '../../../../core/ids';
import { tidyRecipientPurposes } from '../../../../core/recipient-purposes';
import { useFieldError } from '../../state/edit';
import { useEditor } from '../../state/store';
import { CreatableMultiSelect } from '../../components/CreatableMultiSelect/CreatableMultiSelect';
import { Section } from './Section';
import { useDataTypeEdit, useReferenceError, type SectionProps } from './useDataTypeEdit';

export function PurposesAndBenefit({ dataType, index }: SectionProps) {
  const { at, readOnly, edit, editText } = useDataTypeEdit(index);
  const apply = useEditor((s) => s.apply);
  const purposes = useEditor((s) => s.workspace?.purposes);
  const purposesError = useFieldError(`${at}.purposes`);
  const referenceError = useReferenceError(at, 'purposes');
  const purposeOptions = (purposes ?? []).map((p) => ({ value: p.id, label: p.name, description: p.description }));

  const createPurpose = (name: string): string => {
    const newId = uniqueId(
      name,
      (purposes ?? []).map((p) => p.id),
    );
    apply(`Create purpose “${name}”`, (draft) => {
      draft.purposes.push({ id: newId, name });
    });
    return newId;
  };

  return (
    <Section
      title="Why, and what the customer gets"
      description="The purposes you collect it for, and the benefit to the person in return."
    >
      <CreatableMultiSelect
        label="Purposes"
        description="Pick every purpose; type a new one to create it."
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
        onCreate={createPurpose}
        createLabel={(text) => `Create purpose “${text}”`}
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
