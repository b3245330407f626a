import { Badge, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCloudUpload, IconLock, IconPencil } from '@tabler/icons-react';
import { useEditor } from '../../state/store';
import { describePath, routeForPath } from '../../state/paths';
import { navigate } from '../../state/route';
import classes from './SaveStatus.module.css';

function ProblemList() {
  const problems = useEditor((s) => s.problems);
  const workspace = useEditor((s) => s.workspace);
  if (!workspace) return null;
  return (
    <ScrollArea.Autosize mah={360}>
      <Stack gap={4}>
        {problems.map((problem) => (
          <UnstyledButton
            key={`${problem.path}:${problem.message}`}
            className={classes.problem}
            onClick={() => navigate(routeForPath(workspace, problem.path))}
          >
            <Text size="sm" fw={600}>
              {describePath(workspace, problem.path)}
            </Text>
            <Text size="sm" c="dimmed">
              {problem.message}
            </Text>
          </UnstyledButton>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}

/** Tells, at all times, whether the team's work is on disk — and if not, why not and what to do. */
export function SaveStatus() {
  const status = useEditor((s) => s.saveStatus);
  const problems = useEditor((s) => s.problems.length);
  const error = useEditor((s) => s.saveError);

  if (status === 'invalid' || (problems > 0 && status === 'pending')) {
    return (
      <Popover width={420} position="bottom-end" shadow="md">
        <Popover.Target>
          <Badge
            component="button"
            color="red"
            variant="light"
            size="lg"
            leftSection={<IconAlertTriangle size={14} />}
            className={classes.badge}
            data-testid="save-status"
            data-status="invalid"
          >
            Not saved · {problems} {problems === 1 ? 'problem' : 'problems'}
          </Badge>
        </Popover.Target>
        <Popover.Dropdown>
          <Text size="sm" mb="xs">
            Your changes are kept here, but nothing is written to the file until these are fixed:
          </Text>
          <ProblemList />
        </Popover.Dropdown>
      </Popover>
    );
  }

  const view = {
    saved: { color: 'gray', icon: <IconCheck size={14} />, label: 'Saved', title: 'Every change is on disk.' },
    pending: { color: 'gray', icon: <IconPencil size={14} />, label: 'Editing…', title: 'Saving in a moment.' },
    saving: { color: 'gray', icon: <IconCloudUpload size={14} />, label: 'Saving…', title: 'Writing to disk.' },
    error: {
      color: 'red',
      icon: <IconAlertTriangle size={14} />,
      label: 'Save failed',
      title: error?.message ?? 'The last save failed.',
    },
    conflict: {
      color: 'orange',
      icon: <IconAlertTriangle size={14} />,
      label: 'Changed on disk',
      title: error?.message ?? 'The file changed on disk; reload or save a copy.',
    },
    'read-only': { color: 'yellow', icon: <IconLock size={14} />, label: 'Read-only', title: 'This workspace cannot be saved.' },
    invalid: { color: 'red', icon: <IconAlertTriangle size={14} />, label: 'Not saved', title: '' },
  }[status];

  return (
    <Badge
      color={view.color}
      variant={status === 'saved' || status === 'pending' || status === 'saving' ? 'transparent' : 'light'}
      size="lg"
      leftSection={view.icon}
      title={view.title}
      data-testid="save-status"
      data-status={status}
      className={classes.badge}
      role="status"
    >
      {view.label}
    </Badge>
  );
}
