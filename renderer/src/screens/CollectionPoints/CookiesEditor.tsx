// The cookies and similar technologies a web page sets: one card per cookie with its name, who provides
// it (the organisation or a recipient, which can be created from here), what it is for, how long it
// lasts, first or third party and whether it is strictly necessary. The privacy notice prints them as a table.
import { useState } from 'react';
import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconCookie, IconPlus, IconTrash } from '@tabler/icons-react';
import { countryName } from '../../../../core/countries';
import { uniqueId } from '../../../../core/ids';
import { COOKIE_PARTIES, type Cookie } from '../../../../core/schema';
import { setOptional, useReadOnly } from '../../state/edit';
import { useEditor } from '../../state/store';
import { Section, SelectField, SwitchField, TextField, useLabelledError } from '../../components/EntityList/fields';
import type { EntityEditorProps } from '../../components/EntityList/types';
import { NewRecipientForm } from '../DataTypeEditor/NewEntityForms';
import { ROLE_LABELS } from '../Recipients/Recipients';

type Party = (typeof COOKIE_PARTIES)[number];

const PARTY_LABELS: Record<Party, string> = {
  first: 'First party',
  third: 'Third party',
};

const PARTY_HINTS = new Map<string, string>([
  ['first', 'Stored under your own website’s domain, even when a partner’s script sets it (Google Analytics’ _ga is one).'],
  ['third', 'Stored under another organisation’s domain, which can recognise the browser on other websites.'],
]);

// Option values that can never be a recipient id (ids are lower-case slugs).
const OWN = '$own';
const CREATE = '$create';

/** Who provides a cookie: the organisation itself, a recipient, or a new recipient made from what was typed. */
function ProviderField({
  path,
  value,
  help,
  onValue,
  onCreate,
}: {
  path: string;
  value: string | undefined;
  help: boolean;
  onValue(value: string | undefined): void;
  /** what was typed, to become a new recipient */
  onCreate(name: string): void;
}) {
  const readOnly = useReadOnly();
  const recipients = useEditor((s) => s.workspace?.recipients);
  const orgName = useEditor((s) => s.workspace?.organization.name);
  const error = useLabelledError(path, 'Provided by');
  const options = [
    { value: OWN, label: `${orgName?.trim() || 'Your organisation'} (you)` },
    ...(recipients ?? []).map((r) => ({ value: r.id, label: r.name || r.id })),
  ];
  const selectedLabel = options.find((o) => o.value === (value ?? OWN))?.label ?? '';
  // The search box shows the chosen provider until something else is typed.
  const [search, setSearch] = useState(selectedLabel);
  // Another provider chosen elsewhere (undo, a removed card shifting this one up) shows at once.
  const [shown, setShown] = useState(selectedLabel);
  if (shown !== selectedLabel) {
    setShown(selectedLabel);
    setSearch(selectedLabel);
  }
  const typed = search.trim();
  // What was typed can become a new recipient, unless it already names one.
  const offerCreate = typed !== '' && typed !== selectedLabel && !options.some((o) => o.label.toLowerCase() === typed.toLowerCase());
  const data = offerCreate ? [...options, { value: CREATE, label: `New recipient “${typed}”` }] : options;
  const descriptions = new Map(
    (recipients ?? []).map((r) => [r.id, [r.role && ROLE_LABELS[r.role], r.country && countryName(r.country)].filter(Boolean).join(' · ')]),
  );

  return (
    <Select
      label="Provided by"
      description={help ? 'Who sets or reads it: you, or a recipient such as Google. Type a new name to create a recipient.' : undefined}
      value={value ?? OWN}
      data={data}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(next) => {
        if (next === CREATE) {
          onCreate(typed);
          return;
        }
        onValue(next === OWN || next === null ? undefined : next);
      }}
      renderOption={({ option }) => (
        <div>
          <Text size="sm">
            {option.value === CREATE ? <IconPlus size={12} style={{ marginRight: 4 }} /> : null}
            {option.label}
          </Text>
          {descriptions.get(option.value) ? (
            <Text size="xs" c="dimmed">
              {descriptions.get(option.value)}
            </Text>
          ) : null}
        </div>
      )}
      allowDeselect={false}
      readOnly={readOnly}
      error={error}
      nothingFoundMessage="No recipient matches"
      comboboxProps={{ withinPortal: true }}
      data-path={path}
    />
  );
}

function CookieCard({
  cookie,
  at,
  pointIndex,
  cookieIndex,
  editCookie,
  remove,
  help,
}: {
  cookie: Cookie;
  at: string;
  pointIndex: number;
  cookieIndex: number;
  editCookie(label: string, recipe: (c: Cookie) => void, coalesceKey?: string): void;
  remove(): void;
  /** field help on the first card only, so a long list stays readable */
  help: boolean;
}) {
  const readOnly = useReadOnly();
  const apply = useEditor((s) => s.apply);
  const [creating, setCreating] = useState<string | null>(null);
  const title = cookie.name.trim() || 'New cookie';
  return (
    <Paper withBorder radius="md" p="md" data-path={at} aria-label={`Cookie “${title}”`} component="section">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm">
            {title}
          </Text>
          <Tooltip label="Remove this cookie">
            <ActionIcon variant="subtle" color="red" onClick={remove} disabled={readOnly} aria-label={`Remove cookie “${title}”`}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextField
            path={`${at}.name`}
            label="Name"
            description={help ? 'As the browser shows it, such as _ga; or the tag or storage key.' : undefined}
            placeholder="_ga"
            spellCheck={false}
            value={cookie.name}
            onValue={(value) => editCookie('Edit cookie name', (c) => (c.name = value), `${at}.name`)}
          />
          <ProviderField
            path={`${at}.provider`}
            value={cookie.provider}
            help={help}
            onValue={(value) => editCookie('Change cookie provider', (c) => setOptional(c, 'provider', value))}
            onCreate={setCreating}
          />
        </SimpleGrid>
        {creating !== null ? (
          <NewRecipientForm
            initialName={creating}
            onCancel={() => setCreating(null)}
            onCreate={(recipient) => {
              // The recipient and the cookie's provider in one edit, so one Undo takes both back.
              apply(`Create recipient “${recipient.name}”`, (draft) => {
                const id = uniqueId(
                  recipient.name,
                  draft.recipients.map((r) => r.id),
                );
                draft.recipients.push({ id, ...recipient });
                const target = draft.collectionPoints[pointIndex]?.cookies?.[cookieIndex];
                if (target) target.provider = id;
              });
              setCreating(null);
            }}
          />
        ) : null}
        <TextField
          path={`${at}.purpose`}
          label="What it is for"
          description={help ? "In plain words, for the notice's table." : undefined}
          placeholder="Tells visits from the same browser apart, to count visitors."
          value={cookie.purpose}
          onValue={(value) => editCookie('Edit cookie purpose', (c) => setOptional(c, 'purpose', value), `${at}.purpose`)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextField
            path={`${at}.duration`}
            label="How long it lasts"
            description={help ? 'Such as “Until you close your browser” or “13 months”.' : undefined}
            placeholder="13 months"
            value={cookie.duration}
            onValue={(value) => editCookie('Edit cookie duration', (c) => setOptional(c, 'duration', value), `${at}.duration`)}
          />
          <SelectField
            path={`${at}.party`}
            label="First or third party"
            placeholder="Choose"
            description={help ? 'Whose domain it is stored under: yours, or another organisation’s.' : undefined}
            value={cookie.party}
            data={COOKIE_PARTIES.map((value) => ({ value, label: PARTY_LABELS[value] }))}
            descriptions={PARTY_HINTS}
            clearable
            onValue={(value) => editCookie('Change cookie party', (c) => setOptional(c, 'party', value as Party | null))}
          />
        </SimpleGrid>
        <SwitchField
          path={`${at}.necessary`}
          label="Strictly necessary"
          description={
            help
              ? 'Needed for the service the person asked for, such as signing in or remembering their cookie choices. In the EU and UK only these may be set without consent.'
              : undefined
          }
          checked={cookie.necessary === true}
          onValue={(on) =>
            editCookie(on ? 'Mark cookie strictly necessary' : 'Mark cookie not strictly necessary', (c) => (c.necessary = on))
          }
        />
      </Stack>
    </Paper>
  );
}

/** Shown for a point on the web, or one that already lists cookies. */
export function CookiesEditor({ entry, index, path, edit }: EntityEditorProps<'collectionPoints'>) {
  const readOnly = useReadOnly();
  const cookies = entry.cookies ?? [];
  const add = () =>
    edit('Add cookie', (c) => {
      c.cookies = [...(c.cookies ?? []), { name: '' }];
    });
  const addButton = (
    <Button variant="light" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={add} disabled={readOnly}>
      Add cookie
    </Button>
  );
  return (
    <Section
      id="cookies"
      title="Cookies and similar technologies"
      description="What this page stores or reads in the browser: cookies, local storage, pixels and tags, yours and your partners’. The privacy notice lists them in a table, with how to refuse them."
      actions={cookies.length > 0 ? addButton : undefined}
    >
      {cookies.length === 0 ? (
        <Paper withBorder radius="md" p="lg" style={{ borderStyle: 'dashed' }}>
          <Stack gap="xs" align="flex-start">
            <Group gap="xs">
              <IconCookie size={18} aria-hidden />
              <Text fw={500} size="sm">
                No cookies listed yet
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              Add each cookie or tag this page sets. Your browser’s developer tools (Application, then Cookies) show what a page stores.
            </Text>
            {addButton}
          </Stack>
        </Paper>
      ) : (
        cookies.map((cookie, j) => (
          <CookieCard
            // Cookies have no id; the position is their identity, as in the file.
            key={j}
            cookie={cookie}
            at={`${path}.cookies[${j}]`}
            pointIndex={index}
            cookieIndex={j}
            help={j === 0}
            editCookie={(label, recipe, coalesceKey) =>
              edit(
                label,
                (c) => {
                  const target = c.cookies?.[j];
                  if (target) recipe(target);
                },
                coalesceKey,
              )
            }
            remove={() =>
              edit(`Remove cookie “${cookie.name || 'New cookie'}”`, (c) => {
                const rest = (c.cookies ?? []).filter((_, k) => k !== j);
                setOptional(c, 'cookies', rest);
              })
            }
          />
        ))
      )}
    </Section>
  );
}
