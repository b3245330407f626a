// The announcement of a version to customers (core/what-changed.ts changeAnnouncement): the email's subject
// and body and the in-app banner, each with a copy button, the banner's length against its budget beside
// it. The Versions screen shows what the archive kept for a published version; the Publish dialog shows the
// one that publishing would write.
import type { ReactNode } from 'react';
import { ActionIcon, Badge, Box, CopyButton, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import classes from './Versions.module.css';

export interface AnnouncementTexts {
  subject: string;
  /** the email body as plain text */
  email: string;
  banner: string;
  bannerLength?: number;
  bannerBudget?: number;
}

function Copy({ value, what }: { value: string; what: string }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : `Copy the ${what}`}>
          <ActionIcon variant="subtle" color={copied ? 'green' : 'gray'} onClick={copy} aria-label={`Copy the ${what}`}>
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

function Part({
  label,
  value,
  what,
  extra,
  children,
}: {
  label: string;
  value: string;
  what: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Box>
      <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
        <Group gap="xs" miw={0}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            {label}
          </Text>
          {extra}
        </Group>
        <Copy value={value} what={what} />
      </Group>
      {children}
    </Box>
  );
}

export function AnnouncementView({ texts, testId }: { texts: AnnouncementTexts; testId?: string }) {
  const { bannerLength, bannerBudget } = texts;
  const over = bannerLength !== undefined && bannerBudget !== undefined && bannerLength > bannerBudget;
  return (
    <Stack gap="md" data-testid={testId}>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Part label="Email subject" value={texts.subject} what="email subject">
            <Text size="sm" fw={500} className={classes.announcementText}>
              {texts.subject}
            </Text>
          </Part>
          <Part label="Email" value={texts.email} what="email">
            <Text size="sm" className={classes.announcementEmail} data-testid="announcement-email">
              {texts.email}
            </Text>
          </Part>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Part
          label="In-app banner"
          value={texts.banner}
          what="banner"
          extra={
            bannerLength !== undefined && bannerBudget !== undefined ? (
              <Tooltip label="The banner's length against the workspace's budget for short in-app text (Organization & settings)">
                <Badge size="sm" variant="light" color={over ? 'red' : 'teal'} tt="none">
                  {bannerLength} / {bannerBudget} characters
                </Badge>
              </Tooltip>
            ) : null
          }
        >
          <Text size="sm" className={classes.announcementText} data-testid="announcement-banner">
            {texts.banner}
          </Text>
          {over && (
            <Text size="xs" c="red" mt={4}>
              No wording Candor has fits the budget; shorten the banner before you show it, or raise the budget under Organization &
              settings.
            </Text>
          )}
        </Part>
      </Paper>
    </Stack>
  );
}
