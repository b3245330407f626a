// Candor's catalogue of common services (core/services.ts) where recipients are added: the data type's
// recipient picker, and "Add recipient" on the Recipients screen. A service picked from it becomes a
// recipient with every field the catalogue knows filled in, in one undoable edit, and the team is told to
// confirm those details, because the catalogue is a starting point and not their contract.
import { useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Kbd, List, Modal, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBooks, IconSearch } from '@tabler/icons-react';
import { formatDate } from '../../../../core/dates';
import { tidyRecipientPurposes } from '../../../../core/recipient-purposes';
import {
  SERVICE_KINDS,
  recipientFromService,
  recipientName,
  searchServices,
  serviceById,
  SERVICES,
  type Service,
} from '../../../../core/services';
import type { Recipient, Workspace } from '../../../../core/schema';
import { navigate } from '../../state/route';
import { useEditor } from '../../state/store';
import classes from '../AddDataType/AddDataType.module.css';

/** "Stripe — Payments (from Candor's catalogue)" */
export function serviceLabel(service: Service): string {
  return `${service.name} — ${SERVICE_KINDS[service.kind].label} (from Candor's catalogue)`;
}

/** The catalogue service a recipient was made from, judged by its name, if any. */
export function serviceOf(recipient: Pick<Recipient, 'name'>): Service | undefined {
  const name = recipient.name.trim().toLowerCase();
  return SERVICES.find((s) => recipientName(s).toLowerCase() === name);
}

/** Catalogue services matching what was typed that are not recipients of the workspace yet. */
export function servicesToOffer(query: string, workspace: Workspace | null | undefined, limit = 5): Service[] {
  const recipients = workspace?.recipients ?? [];
  const names = new Set(recipients.map((r) => r.name.trim().toLowerCase()));
  const ids = new Set(recipients.map((r) => r.id));
  // Already there under the catalogue's id, its brand or its legal name: the picker lists it as it is.
  const present = (s: Service) => ids.has(s.id) || names.has(s.name.toLowerCase()) || names.has(recipientName(s).toLowerCase());
  const found = searchServices(query, limit + recipients.length).filter((s) => !present(s));
  // When some services are named what was typed ("stri" → Stripe), those alone are offered, not every
  // service whose description happens to contain the letters ("distributes").
  const typed = query.trim().toLowerCase();
  const named = found.filter((s) => s.name.toLowerCase().includes(typed));
  return (named.length > 0 ? named : found).slice(0, limit);
}

/**
 * Adds the catalogue service `serviceId` as a recipient, and to the data type at `dataTypeIndex` when
 * given, in one edit; then says where its details came from and asks the team to confirm them.
 * Returns the new recipient's id.
 */
export function addServiceAsRecipient(serviceId: string, dataTypeIndex?: number): string | undefined {
  const service = serviceById(serviceId);
  const { workspace, apply } = useEditor.getState();
  if (!service || !workspace) return undefined;
  const recipient = recipientFromService(
    service,
    workspace.recipients.map((r) => r.id),
  );
  apply(`Add recipient “${service.name}” from the catalogue`, (draft) => {
    draft.recipients.push(recipient);
    const dataType = dataTypeIndex === undefined ? undefined : draft.dataTypes[dataTypeIndex];
    if (dataType) {
      dataType.recipients = [...(dataType.recipients ?? []), recipient.id];
      tidyRecipientPurposes(dataType);
    }
  });
  const id = `catalogue-${recipient.id}`;
  notifications.show({
    id,
    color: 'blue',
    autoClose: 12000,
    title: `${service.name} added from Candor's catalogue`,
    message: (
      <Stack gap={6} align="flex-start">
        <Text size="sm">
          Filled in from Candor's catalogue (checked {formatDate(service.checked)}): legal entity, role, country, transfer mechanism and
          privacy policy. Confirm these details against your contract with {service.name}.
        </Text>
        {dataTypeIndex !== undefined ? (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              notifications.hide(id);
              navigate({ screen: 'recipients', id: recipient.id });
            }}
          >
            Review {service.name}
          </Button>
        ) : null}
      </Stack>
    ),
  });
  return recipient.id;
}

/** On a recipient made from the catalogue: where its details came from, and that the team confirms them. */
export function CatalogueNote({ recipient }: { recipient: Pick<Recipient, 'name'> }) {
  const service = serviceOf(recipient);
  if (!service) return null;
  return (
    <Alert
      variant="light"
      color="blue"
      icon={<IconBooks size={18} />}
      title="Filled in from Candor's catalogue"
      data-testid="catalogue-note"
    >
      <Text size="sm">
        These details are Candor's catalogue entry for {service.name}, checked {formatDate(service.checked)}. Confirm them against your
        contract: the legal entity you contract with, its role, its country and how transfers are protected.
      </Text>
      <List size="sm" mt={6} spacing={2}>
        {service.sources.map((source) => (
          <List.Item key={source.url}>
            <Anchor href={source.url} target="_blank" rel="noreferrer" size="sm">
              {source.what}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** "Add from catalogue": search the catalogue, pick a service, get a filled-in recipient. */
export function AddFromCatalogueDialog({ opened, onClose, onAdded }: { opened: boolean; onClose(): void; onAdded(id: string): void }) {
  const workspace = useEditor((s) => s.workspace);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => servicesToOffer(query, workspace, 40), [query, workspace]);

  const pick = (service: Service | undefined) => {
    if (!service) return;
    const id = addServiceAsRecipient(service.id);
    setQuery('');
    setActive(0);
    onClose();
    if (id) onAdded(id);
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Add a recipient from Candor's catalogue" size="lg" padding="lg">
      <Stack gap="sm">
        <TextInput
          data-autofocus
          aria-label="Search the catalogue"
          placeholder="Type a service or what it does: stripe, email delivery, crash reporting…"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setActive((a) => Math.min(results.length - 1, a + 1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              pick(results[active]);
            }
          }}
        />
        <ScrollArea.Autosize mah={420} type="auto">
          <Stack gap={2} role="listbox" aria-label="Services in the catalogue">
            {results.map((service, i) => (
              <UnstyledButton
                key={service.id}
                role="option"
                aria-selected={i === active}
                data-active={i === active || undefined}
                className={classes.option}
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(service)}
              >
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <div className={classes.text}>
                    <Text size="sm" fw={600}>
                      {service.name}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1} title={service.description}>
                      {service.description}
                    </Text>
                  </div>
                  <Badge size="xs" variant="default" style={{ flexShrink: 0 }}>
                    {SERVICE_KINDS[service.kind].label}
                  </Badge>
                </Group>
              </UnstyledButton>
            ))}
            {results.length === 0 && (
              <Text size="sm" c="dimmed" p="sm">
                Nothing in the catalogue matches “{query}”. Close this and use Add to type the recipient in yourself.
              </Text>
            )}
          </Stack>
        </ScrollArea.Autosize>
        <Text size="xs" c="dimmed">
          Each entry says where its facts come from and when they were checked; confirm them against your own contract.{' '}
          <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> choose · <Kbd size="xs">Enter</Kbd> add
        </Text>
      </Stack>
    </Modal>
  );
}
