// The frame of one part of the data type form: a titled card. Each card carries its id and title as
// data attributes, so the editor's list of sections (SectionNav) finds them in the page in order.
import type { ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import classes from './DataTypeEditor.module.css';

/** The element id of the section with this title: "What it is" → "section-what-it-is". */
export function sectionId(title: string): string {
  return `section-${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

export function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  const id = sectionId(title);
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      className={classes.section}
      component="section"
      id={id}
      aria-labelledby={`${id}-title`}
      data-editor-section={title}
      // Focusable from code only: the section list moves focus here so Tab continues inside the section.
      tabIndex={-1}
    >
      <Stack gap="md">
        <div>
          <Title order={4} id={`${id}-title`}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
