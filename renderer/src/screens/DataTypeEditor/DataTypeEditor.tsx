// One data type, edited section by section. Each section reads what else it needs from the store
// and edits through `useDataTypeEdit`; this screen finds the data type, lays the sections out, opens
// the field a link points at, and leaves for the list on Escape. A list of the sections stays in
// view beside the form, so the long form can be crossed in one click.
import { useRef } from 'react';
import { Box, Button, EmptyState, ScrollArea, Stack } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearchOff } from '@tabler/icons-react';
import { navigate } from '../../state/route';
import { useEditor } from '../../state/store';
import { useFocusField } from '../../state/focus';
import { EditorHeader } from './EditorHeader';
import { InAppText } from './InAppText';
import { PurposesAndBenefit } from './PurposesAndBenefit';
import { RecipientsAndCollection } from './RecipientsAndCollection';
import { Requirement } from './Requirement';
import { Retention } from './Retention';
import { SectionNav } from './SectionNav';
import { SensitivityAndLabels } from './SensitivityAndLabels';
import { TeamReview } from './TeamReview';
import { WhatItIs } from './WhatItIs';
import classes from './DataTypeEditor.module.css';

export function DataTypeEditor({ id, field }: { id: string; field?: string }) {
  const loaded = useEditor((s) => Boolean(s.workspace));
  const index = useEditor((s) => s.workspace?.dataTypes.findIndex((d) => d.id === id) ?? -1);
  const dataType = useEditor((s) => (index >= 0 ? s.workspace?.dataTypes[index] : undefined));
  useFocusField(field, Boolean(dataType));
  const viewportRef = useRef<HTMLDivElement>(null);
  const sectionsRef = useRef<HTMLDivElement>(null);

  useHotkeys([['Escape', () => navigate({ screen: 'inventory' })]]);

  if (!loaded) return null;
  if (!dataType) {
    return (
      <Box p="xl">
        <EmptyState
          icon={<IconSearchOff size={32} />}
          title="This data type isn't in the workspace"
          description={`No data type has the id “${id}”. It may have been deleted, or its id changed.`}
        >
          <EmptyState.Actions>
            <Button onClick={() => navigate({ screen: 'inventory' })}>Back to data types</Button>
          </EmptyState.Actions>
        </EmptyState>
      </Box>
    );
  }

  const section = { dataType, index };
  return (
    <ScrollArea className={classes.scroll} type="auto" viewportRef={viewportRef} data-testid="editor-scroll">
      <Box className={classes.page}>
        <EditorHeader dataType={dataType} />
        <div className={classes.layout}>
          <SectionNav viewport={viewportRef} content={sectionsRef} dataTypeId={dataType.id} />
          <Stack gap="lg" ref={sectionsRef} className={classes.sections}>
            <WhatItIs {...section} />
            <PurposesAndBenefit {...section} />
            <Retention {...section} />
            <RecipientsAndCollection {...section} />
            <Requirement {...section} />
            <SensitivityAndLabels {...section} />
            <InAppText {...section} />
            <TeamReview {...section} />
          </Stack>
        </div>
      </Box>
    </ScrollArea>
  );
}
