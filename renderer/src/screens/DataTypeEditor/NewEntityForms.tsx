// The small forms a picker opens to create what it picks, right under the field: a purpose with its lawful
// basis, a recipient with its role and country, a collection point with its platform. Each asks only for
// what the entry needs to mean something; everything else waits on the entry's own screen. Each creates
// the entry and adds it to the data type in one undoable edit.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Group, Paper, Radio, Select, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { LAWFUL_BASES, PLATFORMS, RECIPIENT_ROLES, type LawfulBasis, type Recipient } from '../../../../core/schema';
import { LAWFUL_BASIS_HINTS, LAWFUL_BASIS_LABELS } from '../Purposes/Purposes';
import { COUNTRY_OPTIONS, ROLE_HINTS, ROLE_LABELS } from '../Recipients/Recipients';
import { PLATFORM_LABELS } from '../CollectionPoints/platform-labels';

type Platform = (typeof PLATFORMS)[number];
type Role = NonNullable<Recipient['role']>;

interface FrameProps {
  title: string;
  description: string;
  submitLabel: string;
  name: string;
  onName(name: string): void;
  nameLabel: string;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}

function Frame({ title, description, submitLabel, name, onName, nameLabel, onSubmit, onCancel, children }: FrameProps) {
  const blank = name.trim() === '';
  return (
    <Paper
      withBorder
      p="md"
      mt="xs"
      radius="md"
      component="form"
      aria-label={title}
      bg="var(--mantine-color-default-hover)"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (!blank) onSubmit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <Stack gap="sm">
        <div>
          <Title order={5}>{title}</Title>
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        </div>
        <TextInput label={nameLabel} required value={name} onChange={(e) => onName(e.currentTarget.value)} data-autofocus />
        {children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={blank}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export interface NewPurpose {
  name: string;
  lawfulBasis?: LawfulBasis;
}

export function NewPurposeForm({
  initialName,
  onCreate,
  onCancel,
}: {
  initialName: string;
  onCreate(p: NewPurpose): void;
  onCancel(): void;
}) {
  const [name, setName] = useState(initialName);
  const [basis, setBasis] = useState<LawfulBasis | ''>('');
  return (
    <Frame
      title="New purpose"
      description="What you do with the data, as the privacy notice should say it, and the ground that allows it."
      submitLabel="Create purpose"
      nameLabel="Purpose"
      name={name}
      onName={setName}
      onSubmit={() => onCreate({ name: name.trim(), ...(basis ? { lawfulBasis: basis } : {}) })}
      onCancel={onCancel}
    >
      <Radio.Group
        label="Lawful basis"
        description="The ground in GDPR Article 6 that allows it. Not sure yet? Leave it; the review will remind you."
        value={basis}
        onChange={(v) => setBasis(v as LawfulBasis)}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs" mt={6}>
          {LAWFUL_BASES.map((b) => (
            <Radio key={b} value={b} label={LAWFUL_BASIS_LABELS[b]} description={LAWFUL_BASIS_HINTS.get(b)} />
          ))}
        </SimpleGrid>
      </Radio.Group>
    </Frame>
  );
}

export interface NewRecipient {
  name: string;
  role?: Role;
  country?: Recipient['country'];
}

export function NewRecipientForm({
  initialName,
  onCreate,
  onCancel,
}: {
  initialName: string;
  onCreate(r: NewRecipient): void;
  onCancel(): void;
}) {
  const [name, setName] = useState(initialName);
  const [role, setRole] = useState<Role | ''>('');
  const [country, setCountry] = useState<string | null>(null);
  return (
    <Frame
      title="New recipient"
      description="Who receives the data from you. Its transfer safeguards and policy can wait for the Recipients screen."
      submitLabel="Create recipient"
      nameLabel="Recipient"
      name={name}
      onName={setName}
      onSubmit={() =>
        onCreate({
          name: name.trim(),
          ...(role ? { role } : {}),
          ...(country ? { country: country as Recipient['country'] } : {}),
        })
      }
      onCancel={onCancel}
    >
      <Radio.Group label="Role" description="Whether they act for you or for themselves." value={role} onChange={(v) => setRole(v as Role)}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs" mt={6}>
          {RECIPIENT_ROLES.map((r) => (
            <Radio key={r} value={r} label={ROLE_LABELS[r]} description={ROLE_HINTS.get(r)} />
          ))}
        </SimpleGrid>
      </Radio.Group>
      <Select
        label="Country"
        description="Where they process the data."
        placeholder="Search countries"
        data={COUNTRY_OPTIONS}
        value={country}
        onChange={setCountry}
        searchable
        clearable
        nothingFoundMessage="No country matches"
        comboboxProps={{ withinPortal: true }}
      />
    </Frame>
  );
}

export interface NewCollectionPoint {
  name: string;
  platform?: Platform;
}

export function NewCollectionPointForm({
  initialName,
  onCreate,
  onCancel,
}: {
  initialName: string;
  onCreate(c: NewCollectionPoint): void;
  onCancel(): void;
}) {
  const [name, setName] = useState(initialName);
  const [platform, setPlatform] = useState<Platform | ''>('');
  return (
    <Frame
      title="New collection point"
      description="A place in your product where the data is collected: a screen, a form, an SDK."
      submitLabel="Create collection point"
      nameLabel="Collection point"
      name={name}
      onName={setName}
      onSubmit={() => onCreate({ name: name.trim(), ...(platform ? { platform } : {}) })}
      onCancel={onCancel}
    >
      <Stack gap={4}>
        <Text size="sm" fw={500} id="new-collection-point-platform">
          Platform
        </Text>
        <Text size="xs" c="dimmed">
          Where in your product this happens.
        </Text>
        <SegmentedControl
          fullWidth
          aria-labelledby="new-collection-point-platform"
          value={platform}
          onChange={(v) => setPlatform(v as Platform)}
          data={PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] }))}
        />
      </Stack>
    </Frame>
  );
}
