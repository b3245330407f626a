import { useMemo } from 'react';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  EmptyState,
  Fieldset,
  Group,
  MultiSelect,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowLeft, IconCopy, IconLock, IconSearchOff, IconTrash } from '@tabler/icons-react';
import type { Draft } from 'immer';
import type { DataType, Workspace } from '../../../../core/schema';
import { SOURCES, SPECIAL_CONDITIONS, STATUSES, SLUG_PATTERN } from '../../../../core/schema';
import { APPLE_DATA_TYPES, CCPA_CATEGORIES, PLAY_DATA_TYPES } from '../../../../core/identifiers';
import { DATA_SUBJECTS } from '../../../../core/taxonomy';
import { renameEntityId, uniqueId } from '../../../../core/ids';
import { appleDataTypeLabel, ccpaCategoryLabel, deriveClassification, playDataTypeLabel } from '../../../../core/reference';
import { useEditor } from '../../state/store';
import { setOptional, pruneEmpty, useFieldError, useReadOnly } from '../../state/edit';
import { navigate } from '../../state/route';
import { useFocusField } from '../../state/focus';
import { CreatableMultiSelect } from '../../components/CreatableMultiSelect/CreatableMultiSelect';
import { RetentionField } from '../../components/RetentionField/RetentionField';
import { CategoryPicker } from '../../components/CategoryPicker/CategoryPicker';
import { duplicateDataType, deleteDataTypeWithUndo } from '../Inventory/actions';
import classes from './DataTypeEditor.module.css';

const SOURCE_LABELS: Record<(typeof SOURCES)[number], string> = {
  user: 'The person provides it',
  automatic: 'Observed by the product',
  'third-party': 'Obtained from someone else',
};

const CONDITION_LABELS: Record<(typeof SPECIAL_CONDITIONS)[number], string> = {
  'explicit-consent': 'Explicit consent — Art 9(2)(a)',
  employment: 'Employment and social security law — Art 9(2)(b)',
  'vital-interests': 'Vital interests — Art 9(2)(c)',
  'not-for-profit': 'Not-for-profit body — Art 9(2)(d)',
  'made-public': 'Made public by the person — Art 9(2)(e)',
  'legal-claims': 'Legal claims — Art 9(2)(f)',
  'substantial-public-interest': 'Substantial public interest — Art 9(2)(g)',
  'health-care': 'Health or social care — Art 9(2)(h)',
  'public-health': 'Public health — Art 9(2)(i)',
  research: 'Archiving, research or statistics — Art 9(2)(j)',
};

const STATUS_LABELS: Record<(typeof STATUSES)[number], string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
};

type Edit = (label: string, recipe: (dataType: Draft<DataType>, workspace: Draft<Workspace>) => void, key?: string) => void;

function Section({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md" className={classes.section}>
      <Stack gap="md">
        <div>
          <Title order={4}>{title}</Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** A boolean override that falls back to what the category implies: Automatic / Yes / No. */
function OverrideSelect({
  label,
  description,
  value,
  derived,
  onChange,
  path,
  readOnly,
}: {
  label: string;
  description?: string;
  value: boolean | undefined;
  derived: boolean;
  onChange(value: boolean | undefined): void;
  path: string;
  readOnly: boolean;
}) {
  return (
    <Select
      label={label}
      description={description}
      data={[
        { value: 'auto', label: `Automatic (${yesNo(derived)}, from the category)` },
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ]}
      allowDeselect={false}
      value={value === undefined ? 'auto' : value ? 'yes' : 'no'}
      onChange={(v) => onChange(v === 'auto' ? undefined : v === 'yes')}
      readOnly={readOnly}
      data-path={path}
    />
  );
}

function CharacterCount({ text, limit }: { text: string; limit: number }) {
  const over = text.length > limit;
  return (
    <Text size="xs" c={over ? 'red' : 'dimmed'} data-testid="char-count">
      {text.length} / {limit} characters{over ? ' — over budget' : ''}
    </Text>
  );
}

export function DataTypeEditor({ id, field }: { id: string; field?: string }) {
  const workspace = useEditor((s) => s.workspace);
  const apply = useEditor((s) => s.apply);
  const readOnly = useReadOnly();
  const index = workspace ? workspace.dataTypes.findIndex((d) => d.id === id) : -1;
  const dataType = index >= 0 ? workspace!.dataTypes[index] : undefined;
  const at = `dataTypes[${index}]`;
  useFocusField(field, Boolean(dataType));

  const edit: Edit = (label, recipe, key) =>
    apply(
      label,
      (draft) => {
        const target = draft.dataTypes[index];
        if (target) recipe(target, draft);
      },
      key ? { coalesceKey: `${at}.${key}` } : undefined,
    );

  const err = {
    name: useFieldError(`${at}.name`),
    id: useFieldError(`${at}.id`),
    category: useFieldError(`${at}.category`),
    purposes: useFieldError(`${at}.purposes`),
    retention: useFieldError(`${at}.retention`),
    reviewedOn: useFieldError(`${at}.reviewedOn`),
  };
  const problems = useEditor((s) => s.problems);
  const refErrors = useMemo(
    () => problems.filter((p) => p.path.startsWith(`${at}.`) && /\.(purposes|recipients|collectedAt|subjects)\[\d+\]$/.test(p.path)),
    [problems, at],
  );

  const derived = useMemo(() => (dataType ? deriveClassification(dataType) : undefined), [dataType]);

  useHotkeys([['Escape', () => navigate({ screen: 'inventory' })]]);

  if (!workspace) return null;
  if (!dataType || !derived) {
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

  const limits = { short: workspace.settings.inAppLimits?.short ?? 120, long: workspace.settings.inAppLimits?.long ?? 400 };
  const purposeOptions = workspace.purposes.map((p) => ({ value: p.id, label: p.name, description: p.description }));
  const recipientOptions = workspace.recipients.map((r) => ({ value: r.id, label: r.name }));
  const pointOptions = workspace.collectionPoints.map((c) => ({ value: c.id, label: c.name }));

  const createPurpose = (name: string): string => {
    const newId = uniqueId(
      name,
      workspace.purposes.map((p) => p.id),
    );
    apply(`Create purpose “${name}”`, (draft) => {
      draft.purposes.push({ id: newId, name });
    });
    return newId;
  };

  const otherIds = new Set(workspace.dataTypes.filter((_, i) => i !== index).map((d) => d.id));

  return (
    <ScrollArea className={classes.scroll} type="auto">
      <Box className={classes.page}>
        <Group justify="space-between" mb="lg" wrap="nowrap" align="flex-start">
          <Stack gap={4} miw={0}>
            <Anchor
              size="sm"
              href="#/data-types"
              onClick={(e) => {
                e.preventDefault();
                navigate({ screen: 'inventory' });
              }}
            >
              <Group gap={4}>
                <IconArrowLeft size={14} /> Data types
              </Group>
            </Anchor>
            <Group gap="sm" wrap="nowrap">
              <Title order={2} className={classes.title} data-testid="editor-title">
                {dataType.name || 'Untitled data type'}
              </Title>
              {dataType.status && (
                <Badge variant="light" color={dataType.status === 'approved' ? 'green' : dataType.status === 'in-review' ? 'blue' : 'gray'}>
                  {STATUS_LABELS[dataType.status]}
                </Badge>
              )}
            </Group>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="default"
              leftSection={<IconCopy size={16} />}
              disabled={readOnly}
              onClick={() => {
                const copy = duplicateDataType(dataType.id);
                if (copy) navigate({ screen: 'data-type', id: copy, field: `dataTypes[${workspace.dataTypes.length}].name` });
              }}
            >
              Duplicate
            </Button>
            <Button
              variant="light"
              color="red"
              leftSection={<IconTrash size={16} />}
              disabled={readOnly}
              onClick={() => {
                deleteDataTypeWithUndo(dataType.id);
                navigate({ screen: 'inventory' });
              }}
            >
              Delete
            </Button>
          </Group>
        </Group>

        <Stack gap="lg">
          <Section title="What it is" description="Name it the way your customers would, and say exactly what is collected.">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <TextInput
                label="Name"
                required
                value={dataType.name}
                error={err.name}
                readOnly={readOnly}
                data-path={`${at}.name`}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  edit(
                    'Rename data type',
                    (d) => {
                      d.name = value;
                    },
                    'name',
                  );
                }}
              />
              <CategoryPicker
                label="Category"
                value={dataType.category}
                error={err.category}
                readOnly={readOnly}
                path={`${at}.category`}
                onChange={(category) =>
                  edit('Change category', (d) => {
                    d.category = category;
                  })
                }
              />
            </SimpleGrid>
            <Textarea
              label="Description"
              description="What exactly is collected, in plain words."
              value={dataType.description ?? ''}
              readOnly={readOnly}
              data-path={`${at}.description`}
              onChange={(e) => {
                const value = e.currentTarget.value;
                edit('Edit description', (d) => setOptional(d, 'description', value), 'description');
              }}
            />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <MultiSelect
                label="Subjects"
                description="Whose data it is. Empty means your customers."
                placeholder={dataType.subjects?.length ? undefined : 'Customers'}
                searchable
                data={DATA_SUBJECTS.map((s) => ({ value: s.key, label: s.name }))}
                value={dataType.subjects ?? []}
                readOnly={readOnly}
                data-path={`${at}.subjects`}
                onChange={(value) => edit('Change subjects', (d) => setOptional(d, 'subjects', value))}
              />
              <TextInput
                label="Id"
                description="Stable key used in the file. Changing it updates every reference."
                defaultValue={dataType.id}
                key={dataType.id}
                error={err.id}
                readOnly={readOnly}
                data-path={`${at}.id`}
                onBlur={(e) => {
                  const next = e.currentTarget.value.trim();
                  if (next === dataType.id) return;
                  if (!SLUG_PATTERN.test(next) || otherIds.has(next)) {
                    e.currentTarget.value = dataType.id;
                    return;
                  }
                  apply('Change data type id', (draft) => renameEntityId(draft, 'dataTypes', dataType.id, next));
                  navigate({ screen: 'data-type', id: next });
                }}
              />
            </SimpleGrid>
            <Stack gap={6} data-path={`${at}.source`}>
              <Text size="sm" fw={500} component="label" id={`source-label-${index}`}>
                Source
              </Text>
              <SegmentedControl
                aria-labelledby={`source-label-${index}`}
                readOnly={readOnly}
                value={dataType.source ?? ''}
                onChange={(value) => edit('Change source', (d) => setOptional(d, 'source', value as DataType['source']))}
                data={[{ value: '', label: 'Not stated' }, ...SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))]}
              />
            </Stack>
            <TextInput
              label="Source detail"
              description="For data obtained from someone else: from whom, and whether the source is public (GDPR Art 14(2)(f))."
              value={dataType.sourceDetail ?? ''}
              readOnly={readOnly}
              disabled={dataType.source !== 'third-party' && !dataType.sourceDetail}
              data-path={`${at}.sourceDetail`}
              onChange={(e) => {
                const value = e.currentTarget.value;
                edit('Edit source detail', (d) => setOptional(d, 'sourceDetail', value), 'sourceDetail');
              }}
            />
          </Section>

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
              error={err.purposes ?? refErrors.find((p) => p.path.includes('.purposes['))?.message}
              readOnly={readOnly}
              data-path={`${at}.purposes`}
              onChange={(value) =>
                edit('Change purposes', (d) => {
                  d.purposes = value;
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
              onChange={(e) => {
                const value = e.currentTarget.value;
                edit('Edit benefit', (d) => setOptional(d, 'benefit', value), 'benefit');
              }}
            />
          </Section>

          <Section title="How long it is kept" description="A period after an event, an event alone, or the criteria you use.">
            <RetentionField
              value={dataType.retention}
              path={`${at}.retention`}
              error={err.retention}
              readOnly={readOnly}
              onChange={(retention, key) =>
                edit('Change retention', (d) => setOptional(d, 'retention', retention), key ? key.slice(at.length + 1) : undefined)
              }
            />
          </Section>

          <Section
            title="Who receives it and where it is collected"
            description="Recipients see it; collection points are the screens, SDKs or forms that gather it."
          >
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <MultiSelect
                label="Recipients"
                searchable
                placeholder={recipientOptions.length ? 'Pick recipients' : 'Add recipients under Recipients first'}
                data={recipientOptions}
                value={dataType.recipients ?? []}
                readOnly={readOnly}
                error={refErrors.find((p) => p.path.includes('.recipients['))?.message}
                data-path={`${at}.recipients`}
                onChange={(value) => edit('Change recipients', (d) => setOptional(d, 'recipients', value))}
              />
              <MultiSelect
                label="Collected at"
                searchable
                placeholder={pointOptions.length ? 'Pick collection points' : 'Add collection points first'}
                data={pointOptions}
                value={dataType.collectedAt ?? []}
                readOnly={readOnly}
                error={refErrors.find((p) => p.path.includes('.collectedAt['))?.message}
                data-path={`${at}.collectedAt`}
                onChange={(value) => edit('Change collection points', (d) => setOptional(d, 'collectedAt', value))}
              />
            </SimpleGrid>
          </Section>

          <Section
            title="Whether people must provide it"
            description="GDPR Art 13(2)(e): say whether it is required and what happens if it isn't given."
          >
            <Stack gap={6} data-path={`${at}.required`}>
              <Text size="sm" fw={500} id={`required-label-${index}`}>
                Required
              </Text>
              <SegmentedControl
                aria-labelledby={`required-label-${index}`}
                readOnly={readOnly}
                value={dataType.required === undefined ? '' : dataType.required ? 'yes' : 'no'}
                onChange={(value) =>
                  edit('Change whether required', (d) => setOptional(d, 'required', value === '' ? undefined : value === 'yes'))
                }
                data={[
                  { value: '', label: 'Not stated' },
                  { value: 'yes', label: 'Yes, required' },
                  { value: 'no', label: 'No, optional' },
                ]}
              />
            </Stack>
            <TextInput
              label="Consequence if not provided"
              placeholder="We can't create your account."
              value={dataType.consequenceIfNotProvided ?? ''}
              readOnly={readOnly}
              data-path={`${at}.consequenceIfNotProvided`}
              onChange={(e) => {
                const value = e.currentTarget.value;
                edit('Edit consequence', (d) => setOptional(d, 'consequenceIfNotProvided', value), 'consequenceIfNotProvided');
              }}
            />
          </Section>

          <Section title="Sensitivity and store labels" description="Derived from the category unless you override it here.">
            <Fieldset legend="Sensitivity" className={classes.fieldset}>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <OverrideSelect
                  label="GDPR special category (Art 9)"
                  value={dataType.sensitivity?.gdprSpecial}
                  derived={derived.gdprSpecial}
                  path={`${at}.sensitivity.gdprSpecial`}
                  readOnly={readOnly}
                  onChange={(value) =>
                    edit('Change GDPR sensitivity', (d) => {
                      d.sensitivity ??= {};
                      setOptional(d.sensitivity, 'gdprSpecial', value);
                      pruneEmpty(d, 'sensitivity');
                    })
                  }
                />
                <OverrideSelect
                  label="CCPA sensitive personal information"
                  value={dataType.sensitivity?.ccpaSensitive}
                  derived={derived.ccpaSensitive}
                  path={`${at}.sensitivity.ccpaSensitive`}
                  readOnly={readOnly}
                  onChange={(value) =>
                    edit('Change CCPA sensitivity', (d) => {
                      d.sensitivity ??= {};
                      setOptional(d.sensitivity, 'ccpaSensitive', value);
                      pruneEmpty(d, 'sensitivity');
                    })
                  }
                />
              </SimpleGrid>
            </Fieldset>
            <Select
              label="Special-category condition"
              description="The GDPR Art 9(2) ground that allows processing special-category data."
              placeholder={
                (dataType.sensitivity?.gdprSpecial ?? derived.gdprSpecial)
                  ? 'Pick the Art 9(2) condition'
                  : 'Only for special-category data'
              }
              clearable
              data={SPECIAL_CONDITIONS.map((c) => ({ value: c, label: CONDITION_LABELS[c] }))}
              value={dataType.specialCondition ?? null}
              readOnly={readOnly}
              data-path={`${at}.specialCondition`}
              onChange={(value) =>
                edit('Change special-category condition', (d) => setOptional(d, 'specialCondition', value as DataType['specialCondition']))
              }
            />
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              <Switch
                label="Linked to identity"
                description="Apple: “Data linked to you”."
                checked={dataType.linkedToIdentity ?? true}
                readOnly={readOnly}
                data-path={`${at}.linkedToIdentity`}
                onChange={(e) => {
                  const value = e.currentTarget.checked;
                  edit('Change linked to identity', (d) => setOptional(d, 'linkedToIdentity', value ? undefined : false));
                }}
              />
              <Switch
                label="Used for tracking"
                description="Apple: linked with third-party data for ads, or shared with a data broker."
                checked={dataType.tracking ?? false}
                readOnly={readOnly}
                data-path={`${at}.tracking`}
                onChange={(e) => {
                  const value = e.currentTarget.checked;
                  edit('Change tracking', (d) => setOptional(d, 'tracking', value ? true : undefined));
                }}
              />
              <Switch
                label="Processed ephemerally"
                description="Google Play: held in memory only for the request."
                checked={dataType.ephemeral ?? false}
                readOnly={readOnly}
                data-path={`${at}.ephemeral`}
                onChange={(e) => {
                  const value = e.currentTarget.checked;
                  edit('Change ephemeral processing', (d) => setOptional(d, 'ephemeral', value ? true : undefined));
                }}
              />
            </SimpleGrid>
            <Fieldset legend="Classification" className={classes.fieldset}>
              <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
                <Select
                  label="Apple data type"
                  searchable
                  allowDeselect={false}
                  data={[
                    { value: 'auto', label: `Automatic (${appleDataTypeLabel(derived.apple)})` },
                    { value: 'none', label: 'Not declared to Apple' },
                    ...APPLE_DATA_TYPES.map((t) => ({ value: t.id, label: `${t.label} · ${t.group}` })),
                  ]}
                  value={dataType.classification?.apple ?? 'auto'}
                  readOnly={readOnly}
                  data-path={`${at}.classification.apple`}
                  onChange={(value) =>
                    edit('Change Apple data type', (d) => {
                      d.classification ??= {};
                      setOptional(d.classification, 'apple', value === 'auto' ? undefined : value);
                      pruneEmpty(d, 'classification');
                    })
                  }
                />
                <Select
                  label="Google Play data type"
                  searchable
                  allowDeselect={false}
                  data={[
                    { value: 'auto', label: `Automatic (${playDataTypeLabel(derived.play)})` },
                    { value: 'none', label: 'Not declared to Google Play' },
                    ...PLAY_DATA_TYPES.map((t) => ({ value: t.id, label: `${t.label} · ${t.category}` })),
                  ]}
                  value={dataType.classification?.play ?? 'auto'}
                  readOnly={readOnly}
                  data-path={`${at}.classification.play`}
                  onChange={(value) =>
                    edit('Change Google Play data type', (d) => {
                      d.classification ??= {};
                      setOptional(d.classification, 'play', value === 'auto' ? undefined : value);
                      pruneEmpty(d, 'classification');
                    })
                  }
                />
                <MultiSelect
                  label="CCPA categories"
                  placeholder={
                    dataType.classification?.ccpa ? undefined : `Automatic: ${derived.ccpa.map(ccpaCategoryLabel).join(', ') || 'none'}`
                  }
                  data={CCPA_CATEGORIES.map((c) => ({ value: c.id, label: `${c.code}. ${c.label}` }))}
                  value={dataType.classification?.ccpa ?? []}
                  readOnly={readOnly}
                  data-path={`${at}.classification.ccpa`}
                  onChange={(value) =>
                    edit('Change CCPA categories', (d) => {
                      d.classification ??= {};
                      setOptional(d.classification, 'ccpa', value as NonNullable<DataType['classification']>['ccpa']);
                      pruneEmpty(d, 'classification');
                    })
                  }
                />
              </SimpleGrid>
            </Fieldset>
          </Section>

          <Section title="In-app text" description="Leave empty to use the generated explanation; write your own to replace it.">
            <Fieldset legend="In-app text" className={classes.fieldset}>
              <Stack gap="md">
                <Stack gap={4}>
                  <Textarea
                    label="Short text"
                    description={`Shown next to the field or permission prompt. Budget: ${limits.short} characters.`}
                    value={dataType.inApp?.short ?? ''}
                    readOnly={readOnly}
                    data-path={`${at}.inApp.short`}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      edit(
                        'Edit short in-app text',
                        (d) => {
                          d.inApp ??= {};
                          setOptional(d.inApp, 'short', value);
                          pruneEmpty(d, 'inApp');
                        },
                        'inApp.short',
                      );
                    }}
                  />
                  <CharacterCount text={dataType.inApp?.short ?? ''} limit={limits.short} />
                </Stack>
                <Stack gap={4}>
                  <Textarea
                    label="Long text"
                    description={`Shown behind “Learn more”. Budget: ${limits.long} characters.`}
                    value={dataType.inApp?.long ?? ''}
                    readOnly={readOnly}
                    data-path={`${at}.inApp.long`}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      edit(
                        'Edit long in-app text',
                        (d) => {
                          d.inApp ??= {};
                          setOptional(d.inApp, 'long', value);
                          pruneEmpty(d, 'inApp');
                        },
                        'inApp.long',
                      );
                    }}
                  />
                  <CharacterCount text={dataType.inApp?.long ?? ''} limit={limits.long} />
                </Stack>
              </Stack>
            </Fieldset>
          </Section>

          <Section title="Review" description="For your team only: none of this appears in any generated document.">
            <Stack gap={6} data-path={`${at}.status`}>
              <Text size="sm" fw={500} id={`status-label-${index}`}>
                Status
              </Text>
              <SegmentedControl
                aria-labelledby={`status-label-${index}`}
                readOnly={readOnly}
                value={dataType.status ?? ''}
                onChange={(value) => edit('Change status', (d) => setOptional(d, 'status', value as DataType['status']))}
                data={[{ value: '', label: 'Not set' }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))]}
              />
            </Stack>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <TextInput
                label="Owner"
                placeholder="Platform team"
                value={dataType.owner ?? ''}
                readOnly={readOnly}
                data-path={`${at}.owner`}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  edit('Edit owner', (d) => setOptional(d, 'owner', value), 'owner');
                }}
              />
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  label="Reviewed on"
                  type="date"
                  className={classes.grow}
                  value={dataType.reviewedOn ?? ''}
                  error={err.reviewedOn}
                  readOnly={readOnly}
                  data-path={`${at}.reviewedOn`}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    edit('Change review date', (d) => setOptional(d, 'reviewedOn', value));
                  }}
                />
                <Tooltip label="Mark as reviewed today">
                  <Button
                    variant="default"
                    disabled={readOnly}
                    onClick={() =>
                      edit('Mark as reviewed today', (d) => {
                        d.reviewedOn = new Date().toISOString().slice(0, 10);
                      })
                    }
                  >
                    Today
                  </Button>
                </Tooltip>
              </Group>
            </SimpleGrid>
            <Textarea
              label={
                <Group gap={6} component="span">
                  Notes
                  <Badge size="xs" variant="light" color="gray" leftSection={<IconLock size={10} />}>
                    Internal
                  </Badge>
                </Group>
              }
              description="Internal only: never appears in any generated document."
              value={dataType.notes ?? ''}
              readOnly={readOnly}
              data-path={`${at}.notes`}
              onChange={(e) => {
                const value = e.currentTarget.value;
                edit('Edit notes', (d) => setOptional(d, 'notes', value), 'notes');
              }}
            />
            <Checkbox
              label="This data type is complete and accurate"
              description="Sets the status to Approved and the review date to today."
              checked={dataType.status === 'approved'}
              disabled={readOnly}
              onChange={(e) => {
                const approved = e.currentTarget.checked;
                edit(approved ? 'Approve data type' : 'Reopen data type', (d) => {
                  d.status = approved ? 'approved' : 'in-review';
                  if (approved) d.reviewedOn = new Date().toISOString().slice(0, 10);
                });
              }}
            />
          </Section>
        </Stack>
      </Box>
    </ScrollArea>
  );
}
