import { useDeferredValue, useMemo, useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  CopyButton,
  EmptyState,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import {
  IconBrandAndroid,
  IconBrandApple,
  IconCheck,
  IconCopy,
  IconDeviceMobileMessage,
  IconPencil,
  IconRestore,
} from '@tabler/icons-react';
import { generateInAppText, type Snippet } from '../../../../core/documents/in-app';
import type { CollectionPoint, DataType } from '../../../../core/schema';
import { useEditor } from '../../state/store';
import { setOptional, pruneEmpty, useReadOnly } from '../../state/edit';
import { navigate } from '../../state/route';
import classes from './InApp.module.css';
import { pointIsOn, pointPlatforms } from '../../../../core/platforms';

type Platform = 'all' | 'ios' | 'android' | 'web';

function gradeColor(grade: number): string {
  if (grade <= 8) return 'green';
  if (grade <= 10) return 'yellow';
  return 'red';
}

function SnippetView({ label, snippet, onEdit, mono }: { label: React.ReactNode; snippet: Snippet; onEdit?: () => void; mono?: boolean }) {
  return (
    <div className={classes.snippet} data-testid="snippet">
      <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          {label}
        </Text>
        <Group gap={6} wrap="nowrap">
          {snippet.source === 'override' && (
            <Badge size="xs" variant="light" color="blue">
              Written by you
            </Badge>
          )}
          <Tooltip label="Characters used of the budget">
            <Badge size="sm" variant="light" color={snippet.overBudget ? 'red' : 'gray'} data-testid="snippet-count">
              {snippet.length} / {snippet.budget}
            </Badge>
          </Tooltip>
          <Tooltip label="Reading grade (Flesch–Kincaid): aim for 8 or lower">
            <Badge size="sm" variant="light" color={gradeColor(snippet.grade)} data-testid="snippet-grade">
              Grade {snippet.grade.toFixed(1)}
            </Badge>
          </Tooltip>
          {onEdit && (
            <Tooltip label="Write your own">
              <ActionIcon variant="subtle" color="gray" onClick={onEdit} aria-label="Edit this text">
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          <CopyButton value={snippet.text}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy'}>
                <ActionIcon variant="subtle" color={copied ? 'green' : 'gray'} onClick={copy} aria-label="Copy this text">
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Group>
      <Text size="sm" className={mono ? classes.mono : undefined}>
        {snippet.text}
      </Text>
      {snippet.overBudget && (
        <Text size="xs" c="red" mt={4} data-testid="snippet-over">
          {snippet.source === 'override'
            ? `${snippet.length - snippet.budget} characters over the budget: shorten it, or raise the budget under Organization & settings.`
            : // Generated texts are never cut short, so the only way into the budget is a person's shorter text.
              `No complete text fits ${snippet.budget} characters, so this is the shortest whole one, ${snippet.length - snippet.budget} over. ${
                onEdit ? 'Write your own with the pencil' : 'Write a shorter one when you put it into the app'
              }, or raise the budget under Organization & settings.`}
        </Text>
      )}
    </div>
  );
}

function OverrideEditor({
  dataType,
  index,
  kind,
  budget,
  generated,
  onDone,
}: {
  dataType: DataType;
  index: number;
  kind: 'short' | 'long';
  budget: number;
  generated: string;
  onDone(): void;
}) {
  const apply = useEditor((s) => s.apply);
  const value = dataType.inApp?.[kind] ?? '';
  const set = (text: string | undefined) =>
    apply(
      `Edit ${kind} in-app text`,
      (draft) => {
        const target = draft.dataTypes[index];
        target.inApp ??= {};
        setOptional(target.inApp, kind, text);
        pruneEmpty(target, 'inApp');
      },
      { coalesceKey: `dataTypes[${index}].inApp.${kind}` },
    );
  return (
    <Stack gap={6} className={classes.snippet}>
      <Textarea
        label={`${kind === 'short' ? 'Short' : 'Long'} text for ${dataType.name}`}
        description={`Replaces the generated text. Budget: ${budget} characters.`}
        value={value || generated}
        autosize
        minRows={2}
        onChange={(e) => set(e.currentTarget.value)}
        data-path={`dataTypes[${index}].inApp.${kind}`}
        data-autofocus
        autoFocus
      />
      <Group justify="space-between">
        <Text size="xs" c={(value || generated).length > budget ? 'red' : 'dimmed'}>
          {(value || generated).length} / {budget} characters
        </Text>
        <Group gap="xs">
          {value && (
            <Button size="xs" variant="subtle" color="gray" leftSection={<IconRestore size={14} />} onClick={() => set(undefined)}>
              Use the generated text
            </Button>
          )}
          <Button size="xs" onClick={onDone}>
            Done
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

function matchesPlatform(point: CollectionPoint, platform: Platform): boolean {
  if (platform === 'all') return true;
  return pointIsOn(point, platform);
}

export function InAppScreen({ point }: { point?: string }) {
  const workspace = useEditor((s) => s.workspace)!;
  const readOnly = useReadOnly();
  const deferred = useDeferredValue(workspace);
  const text = useMemo(() => generateInAppText(deferred), [deferred]);
  const [platform, setPlatform] = useState<Platform>('all');
  const [editing, setEditing] = useState<string>();
  const limits = { short: workspace.settings.inAppLimits?.short ?? 120, long: workspace.settings.inAppLimits?.long ?? 400 };

  const points = workspace.collectionPoints.filter((p) => (!point || p.id === point) && matchesPlatform(p, platform));
  const indexById = new Map(workspace.dataTypes.map((d, i) => [d.id, i]));
  const uncollected = point || platform !== 'all' ? [] : workspace.dataTypes.filter((d) => !d.collectedAt?.length);

  const dataTypeBlock = (dataType: DataType) => {
    const index = indexById.get(dataType.id) ?? -1;
    const snippets = text.dataTypes[dataType.id];
    if (!snippets) return null;
    return (
      <Box key={dataType.id} className={classes.dataType}>
        <Anchor size="sm" fw={600} onClick={() => navigate({ screen: 'data-type', id: dataType.id })}>
          {dataType.name}
        </Anchor>
        {(['short', 'long'] as const).map((kind) =>
          editing === `${dataType.id}:${kind}` ? (
            <OverrideEditor
              key={kind}
              dataType={dataType}
              index={index}
              kind={kind}
              budget={limits[kind]}
              generated={snippets[kind].text}
              onDone={() => setEditing(undefined)}
            />
          ) : (
            <SnippetView
              key={kind}
              label={kind === 'short' ? 'Short' : 'Long'}
              snippet={snippets[kind]}
              onEdit={readOnly ? undefined : () => setEditing(`${dataType.id}:${kind}`)}
            />
          ),
        )}
      </Box>
    );
  };

  return (
    <Box className={classes.page}>
      <Group justify="space-between" className={classes.toolbar} wrap="wrap">
        <div>
          <Title order={2}>In-app text</Title>
          <Text size="sm" c="dimmed">
            Explanations to put where the data is collected, and the permission strings for iOS and Android. Copy them into your UI.
          </Text>
        </div>
        <Group gap="sm">
          <Select
            aria-label="Collection point"
            placeholder="Every collection point"
            clearable
            searchable
            w={260}
            data={workspace.collectionPoints.map((p) => ({ value: p.id, label: p.name }))}
            value={point ?? null}
            onChange={(value) => navigate({ screen: 'in-app', point: value ?? undefined })}
          />
          <SegmentedControl
            aria-label="Platform"
            value={platform}
            onChange={(value) => setPlatform(value as Platform)}
            data={[
              { value: 'all', label: 'All' },
              { value: 'ios', label: 'iOS' },
              { value: 'android', label: 'Android' },
              { value: 'web', label: 'Web' },
            ]}
          />
        </Group>
      </Group>
      <ScrollArea className={classes.scroll} type="auto">
        <Stack gap="lg" className={classes.content}>
          {points.length === 0 && uncollected.length === 0 && (
            <EmptyState
              icon={<IconDeviceMobileMessage size={30} />}
              title="Nothing to show here"
              description={
                workspace.collectionPoints.length === 0
                  ? 'Add collection points (the screens, forms and SDKs that gather data) and say which data types each one collects.'
                  : 'No collection point matches this filter.'
              }
              mt="xl"
            />
          )}
          {points.map((p) => {
            const entry = text.collectionPoints[p.id];
            const types = workspace.dataTypes.filter((d) => d.collectedAt?.includes(p.id));
            return (
              <Paper key={p.id} withBorder p="lg" radius="md" data-testid="in-app-point">
                <Group justify="space-between" mb="sm">
                  <div>
                    <Title order={4}>{p.name}</Title>
                    <Text size="sm" c="dimmed">
                      {[
                        pointPlatforms(p)
                          .map(
                            (x) =>
                              ({ web: 'Web', ios: 'iOS', android: 'Android', desktop: 'Desktop', backend: 'Backend', other: 'Other' })[x],
                          )
                          .join(', '),
                        p.description,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </div>
                  {p.permission && <Badge variant="outline">Permission: {p.permission}</Badge>}
                </Group>
                <Stack gap="sm">
                  {entry && <SnippetView label="Just-in-time disclosure" snippet={entry.disclosure} />}
                  {entry?.ios && (platform === 'all' || platform === 'ios') && (
                    <SnippetView
                      label={
                        <Group gap={4} component="span">
                          <IconBrandApple size={12} /> iOS · {entry.ios.keys.join(', ')}
                        </Group>
                      }
                      snippet={entry.ios.text}
                    />
                  )}
                  {entry?.android && (platform === 'all' || platform === 'android') && (
                    <SnippetView
                      label={
                        <Group gap={4} component="span">
                          <IconBrandAndroid size={12} /> Android rationale · {entry.android.permissions.join(', ')}
                        </Group>
                      }
                      snippet={entry.android.rationale}
                    />
                  )}
                  {types.length > 0 && (
                    <Text size="xs" fw={700} tt="uppercase" c="dimmed" mt="xs">
                      Data collected here
                    </Text>
                  )}
                  {types.map(dataTypeBlock)}
                </Stack>
              </Paper>
            );
          })}
          {uncollected.length > 0 && (
            <Paper withBorder p="lg" radius="md">
              <Title order={4}>Not collected at any point</Title>
              <Text size="sm" c="dimmed" mb="sm">
                These data types have their texts too; say where each is collected to show them with the right screen.
              </Text>
              <Stack gap="sm">{uncollected.map(dataTypeBlock)}</Stack>
            </Paper>
          )}
        </Stack>
      </ScrollArea>
    </Box>
  );
}
