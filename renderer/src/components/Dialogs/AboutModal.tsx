import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Code, Divider, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck, IconWifiOff } from '@tabler/icons-react';
import type { AppInfo, CandorError } from '../../../../core/api';
import { TAXONOMY_ATTRIBUTION } from '../../../../core/taxonomy';
import classes from './Dialogs.module.css';
import { getBridge } from '../../transport';

const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

export function AboutModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const [info, setInfo] = useState<AppInfo | undefined>();
  const [error, setError] = useState<CandorError | undefined>();

  useEffect(() => {
    if (!opened || info) return;
    let cancelled = false;
    void getBridge()
      .invoke('app-info', {})
      .then((result) => {
        if (cancelled) return;
        if (result.ok) setInfo(result.value);
        else setError(result.error);
      });
    return () => {
      cancelled = true;
    };
  }, [opened, info]);

  return (
    <Modal opened={opened} onClose={onClose} title="About Candor" size="md" centered classNames={{ title: classes.modalTitle }}>
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconShieldCheck size={36} stroke={1.6} color="var(--mantine-primary-color-filled)" style={{ flexShrink: 0 }} aria-hidden />
          <div>
            <Group gap="xs">
              <Title order={2} size="h3">
                Candor
              </Title>
              {info && (
                <Badge variant="light" size="sm" data-testid="app-version">
                  {info.version}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              The personal data your product collects, in one inventory, and the privacy documents that follow from it.
            </Text>
          </div>
        </Group>

        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconWifiOff size={18} stroke={1.7} style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
          <Text size="sm">Candor works offline: it makes no network request of its own.</Text>
        </Group>

        {error && (
          <Alert color="red" variant="light" title="Candor couldn't read its own details">
            {error.message}
          </Alert>
        )}
        {!info && !error && <Loader size="xs" />}
        {info && (
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              Data folder
            </Text>
            <Code block data-testid="data-dir">
              {info.dataDir}
            </Code>
            <Text size="xs" c="dimmed">
              Backups of your workspaces and the copy of the sample live here.{' '}
              {info.shell === 'web' ? 'Running in the browser (candor serve)' : 'Desktop app'} on {info.platform}.
            </Text>
          </Stack>
        )}

        <Divider />
        <Stack gap={4}>
          <Text size="xs" fw={600}>
            Acknowledgements
          </Text>
          <Text size="xs" c="dimmed">
            Data categories, uses and subjects: {TAXONOMY_ATTRIBUTION}.{' '}
            <Anchor href={CC_BY} target="_blank" rel="noreferrer" size="xs">
              Read the CC BY 4.0 license
            </Anchor>
          </Text>
        </Stack>
      </Stack>
    </Modal>
  );
}
