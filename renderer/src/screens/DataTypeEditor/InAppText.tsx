// The data type's own in-app explanations, replacing the generated ones, each against its budget.
import type { ChangeEvent } from 'react';
import { Fieldset, Stack, Text, Textarea } from '@mantine/core';
import { useEditor } from '../../state/store';
import { Section } from './Section';
import { setNested } from '../../state/edit';
import { useDataTypeEdit, type SectionProps } from './useDataTypeEdit';
import classes from './DataTypeEditor.module.css';

function CharacterCount({ text, limit }: { text: string; limit: number }) {
  const over = text.length > limit;
  return (
    <Text size="xs" c={over ? 'red' : 'dimmed'} data-testid="char-count">
      {text.length} / {limit} characters{over ? ' — over budget' : ''}
    </Text>
  );
}

export function InAppText({ dataType, index }: SectionProps) {
  const { at, readOnly, edit } = useDataTypeEdit(index);
  const short = useEditor((s) => s.workspace?.settings.inAppLimits?.short ?? 120);
  const long = useEditor((s) => s.workspace?.settings.inAppLimits?.long ?? 400);
  const onText = (label: string, key: 'short' | 'long') => (e: ChangeEvent<HTMLTextAreaElement>) => {
    const value = e.currentTarget.value;
    edit(label, (d) => setNested(d, 'inApp', key, value), `inApp.${key}`);
  };
  return (
    <Section title="In-app text" description="Leave empty to use the generated explanation; write your own to replace it.">
      <Fieldset legend="In-app text" className={classes.fieldset}>
        <Stack gap="md">
          <Stack gap={4}>
            <Textarea
              label="Short text"
              description={`Shown next to the field or permission prompt. Budget: ${short} characters.`}
              value={dataType.inApp?.short ?? ''}
              readOnly={readOnly}
              data-path={`${at}.inApp.short`}
              onChange={onText('Edit short in-app text', 'short')}
            />
            <CharacterCount text={dataType.inApp?.short ?? ''} limit={short} />
          </Stack>
          <Stack gap={4}>
            <Textarea
              label="Long text"
              description={`Shown behind “Learn more”. Budget: ${long} characters.`}
              value={dataType.inApp?.long ?? ''}
              readOnly={readOnly}
              data-path={`${at}.inApp.long`}
              onChange={onText('Edit long in-app text', 'long')}
            />
            <CharacterCount text={dataType.inApp?.long ?? ''} limit={long} />
          </Stack>
        </Stack>
      </Fieldset>
    </Section>
  );
}
