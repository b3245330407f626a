// How long the data is kept.
import { setOptional, useFieldError } from '../../state/edit';
import { RetentionField } from '../../components/RetentionField/RetentionField';
import { Section } from './Section';
import { useDataTypeEdit, type SectionProps } from './useDataTypeEdit';

export function Retention({ dataType, index }: SectionProps) {
  const { at, readOnly, edit } = useDataTypeEdit(index);
  const error = useFieldError(`${at}.retention`);
  return (
    <Section title="How long it is kept" description="A period after an event, an event alone, or the criteria you use.">
      <RetentionField
        value={dataType.retention}
        path={`${at}.retention`}
        error={error}
        readOnly={readOnly}
        onChange={(retention, key) =>
          // The field names its inputs by full path; the edit's key is relative to the data type.
          edit('Change retention', (d) => setOptional(d, 'retention', retention), key ? key.slice(at.length + 1) : undefined)
        }
      />
    </Section>
  );
}
