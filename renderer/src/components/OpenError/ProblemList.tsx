import { Button, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { Problem } from '../../../../core/validate';
import classes from './ProblemList.module.css';

/** The text put on the clipboard: one `path: message` line per problem, as a bug report or a chat wants it. */
export function problemsAsText(problems: Problem[]): string {
  return problems.map((p) => `${p.path || '(whole file)'}: ${p.message}`).join('\n');
}

/**
 * Problems that stopped a file from being read or written, each with the field path it concerns.
 * The paths are shown raw (not as names) because the file could not be read into names.
 */
export function ProblemList({ problems, maxHeight = 280 }: { problems: Problem[]; maxHeight?: number }) {
  const clipboard = useClipboard({ timeout: 1800 });
  const count = problems.length;
  return (
    <Stack gap={6}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {count} {count === 1 ? 'problem' : 'problems'}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          color={clipboard.copied ? 'teal' : 'gray'}
          leftSection={clipboard.copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          onClick={() => clipboard.copy(problemsAsText(problems))}
        >
          {clipboard.copied ? 'Copied' : 'Copy list'}
        </Button>
      </Group>
      {clipboard.error && (
        <Text size="xs" c="red">
          The clipboard refused the copy ({clipboard.error.message}); select the list and copy it by hand.
        </Text>
      )}
      <Paper withBorder radius="sm" className={classes.frame}>
        <ScrollArea.Autosize mah={maxHeight} type="auto">
          <ul className={classes.list} aria-label="Problems">
            {problems.map((problem, index) => (
              <li key={`${index}:${problem.path}`} className={classes.item}>
                <Text component="code" className={classes.path}>
                  {problem.path || '(whole file)'}
                </Text>
                <Text size="sm" className={classes.message}>
                  {problem.message}
                </Text>
              </li>
            ))}
          </ul>
        </ScrollArea.Autosize>
      </Paper>
    </Stack>
  );
}
