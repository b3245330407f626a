// Who the documents speak for and the answers every document shares: the organization, its DPO and
// representatives, the regimes to satisfy, and the settings that shape the generated documents.
import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Input,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { Draft } from 'immer';
import { COUNTRY_CODES, countryName } from '../../../../core/countries';
import { PLAY_ACCOUNT_CREATION } from '../../../../core/identifiers';
import { COMPREHENSIVE_STATE_LAWS, HEALTH_STATE_LAWS, US_STATE_LAWS, type UsStateLaw } from '../../../../core/us-states';
import { formatDate } from '../../../../core/dates';
import { DATA_DELETION, JURISDICTIONS, type Jurisdiction, type Organization, type Settings, type Workspace } from '../../../../core/schema';
import { pruneEmpty, setNested, setOptional, useReadOnly } from '../../state/edit';
import { useEditor } from '../../state/store';
import { useFocusField } from '../../state/focus';
import {
  FieldWarning,
  Section,
  SelectField,
  SwitchField,
  TextareaField,
  TextField,
  useLabelledError,
} from '../../components/EntityList/fields';
import { ExportMenu } from '../../components/ExportMenu/ExportMenu';
import { FinancialIncentives } from './FinancialIncentives';
import { RequiredReasonApis } from './RequiredReasonApis';
import { UsPrivacySection } from './UsPrivacy';
import classes from './Organization.module.css';

const COUNTRY_OPTIONS = COUNTRY_CODES.map((code) => ({ value: code, label: `${countryName(code)} (${code})` })).sort((a, b) =>
  a.label.localeCompare(b.label, 'en'),
);

type Representative = NonNullable<Organization['representatives']>[number];
type AccountCreation = NonNullable<NonNullable<Settings['store']>['accountCreation']>[number];
type DataDeletion = (typeof DATA_DELETION)[number];

export const JURISDICTION_LABELS: Record<Jurisdiction, string> = {
  gdpr: 'GDPR (EU)',
  'uk-gdpr': 'UK GDPR',
  ccpa: 'CCPA/CPRA (California)',
  ...Object.fromEntries(US_STATE_LAWS.map((s) => [s.id, s.state])),
} as Record<Jurisdiction, string>;

const JURISDICTION_HINTS: Record<Jurisdiction, string> = {
  gdpr: 'People in the European Union and the EEA.',
  'uk-gdpr': 'People in the United Kingdom.',
  ccpa: 'Residents of California.',
  ...Object.fromEntries(US_STATE_LAWS.map((s) => [s.id, s.law])),
} as Record<Jurisdiction, string>;

const DATA_DELETION_LABELS: Record<DataDeletion, string> = {
  yes: 'Yes',
  no: 'No',
  'auto-deleted': 'No, but data is deleted automatically within 90 days',
};

const DEFAULT_LIMITS = { short: 120, long: 400 };

type EditOrganization = (label: string, recipe: (org: Draft<Organization>) => void, coalesceKey?: string) => void;
type EditSettings = (label: string, recipe: (settings: Draft<Settings>) => void, coalesceKey?: string) => void;

function useEdits(): { editOrg: EditOrganization; editSettings: EditSettings } {
  const apply = useEditor((s) => s.apply);
  return {
    editOrg: (label, recipe, coalesceKey) => apply(label, (d) => recipe(d.organization), { coalesceKey }),
    editSettings: (label, recipe, coalesceKey) =>
      apply(
        label,
        (d: Draft<Workspace>) => {
          d.settings ??= {};
          recipe(d.settings);
        },
        { coalesceKey },
      ),
  };
}

function WhoYouAre({ org, editOrg }: { org: Organization; editOrg: EditOrganization }) {
  const text = (key: keyof Organization & string, label: string, value: string | undefined, editLabel: string, props = {}) => (
    <TextField
      path={`organization.${key}`}
      label={label}
      value={value}
      onValue={(v) =>
        editOrg(
          editLabel,
          (o) => setOptional(o as Record<string, unknown>, key, key.endsWith('Url') || key === 'website' ? v.trim() : v),
          `organization.${key}`,
        )
      }
      {...props}
    />
  );
  return (
    <Section id="who" title="Who you are" description="The organization the documents speak for, and where people can reach it.">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextField
          path="organization.name"
          label="Name"
          required
          description="As it reads in running text."
          placeholder="Little Moments"
          value={org.name}
          onValue={(v) =>
            editOrg(
              'Edit organization name',
              (o) => {
                o.name = v;
              },
              'organization.name',
            )
          }
        />
        {text('legalName', 'Legal name', org.legalName, 'Edit legal name', {
          description: 'The controller’s registered name.',
          placeholder: 'Little Moments Labs Ltd',
        })}
      </SimpleGrid>
      <TextareaField
        path="organization.address"
        label="Address"
        description="Postal address; one line per line of the address."
        placeholder={'12 Harbour Street\nDublin D02 XY12\nIreland'}
        minRows={3}
        value={org.address}
        onValue={(v) => editOrg('Edit address', (o) => setOptional(o, 'address', v), 'organization.address')}
      />
      <SelectField
        path="organization.country"
        label="Country"
        placeholder="Search countries"
        description="Where the organization is established. Outside the EU, you name representatives instead of a lead authority."
        value={org.country}
        data={COUNTRY_OPTIONS}
        searchable
        clearable
        nothingFoundMessage="No country matches"
        onValue={(v) => editOrg('Change country', (o) => setOptional(o, 'country', v))}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {text('contactEmail', 'Contact email', org.contactEmail, 'Edit contact email', {
          description: 'Where people send privacy questions and requests.',
          placeholder: 'privacy@example.com',
          inputMode: 'email',
          spellCheck: false,
        })}
        {text('website', 'Website', org.website, 'Edit website', {
          description: 'Your home page.',
          placeholder: 'https://example.com',
          inputMode: 'url',
          spellCheck: false,
        })}
        {text('privacyPolicyUrl', 'Privacy policy URL', org.privacyPolicyUrl, 'Edit privacy policy URL', {
          description: 'Where the published notice lives.',
          placeholder: 'https://example.com/privacy',
          inputMode: 'url',
          spellCheck: false,
        })}
        {text('accountDeletionUrl', 'Account deletion URL', org.accountDeletionUrl, 'Edit account deletion URL', {
          description: 'Where people delete their account (Google Play asks).',
          placeholder: 'https://example.com/account/delete',
          inputMode: 'url',
          spellCheck: false,
        })}
      </SimpleGrid>
    </Section>
  );
}

function DataProtectionOfficer({ org, editOrg }: { org: Organization; editOrg: EditOrganization }) {
  const dpo = org.dpo ?? {};
  const set = (field: 'name' | 'email' | 'address', label: string) => (v: string) =>
    editOrg(label, (o) => setNested(o, 'dpo', field, field === 'email' ? v.trim() : v), `organization.dpo.${field}`);
  return (
    <Section
      id="dpo"
      title="Data protection officer"
      description="If you have appointed one, the notice names them and how to reach them. Leave empty otherwise."
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextField path="organization.dpo.name" label="Name" value={dpo.name} onValue={set('name', 'Edit DPO name')} />
        <TextField
          path="organization.dpo.email"
          label="Email"
          placeholder="dpo@example.com"
          inputMode="email"
          spellCheck={false}
          value={dpo.email}
          onValue={set('email', 'Edit DPO email')}
        />
      </SimpleGrid>
      <TextareaField path="organization.dpo.address" label="Address" value={dpo.address} onValue={set('address', 'Edit DPO address')} />
    </Section>
  );
}

function RepresentativeRow({ rep, index, editOrg }: { rep: Representative; index: number; editOrg: EditOrganization }) {
  const readOnly = useReadOnly();
  const path = `organization.representatives[${index}]`;
  const regionError = useLabelledError(`${path}.region`, 'Region');
  const region = rep.region === 'uk' ? 'UK' : 'EU';
  const edit = (label: string, recipe: (r: Draft<Representative>) => void, key?: string) =>
    editOrg(
      label,
      (o) => {
        const target = o.representatives?.[index];
        if (target) recipe(target);
      },
      key,
    );
  return (
    <Paper withBorder p="md" radius="md" className={classes.row} data-path={path}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <Select
            label="Region"
            value={rep.region}
            data={[
              { value: 'eu', label: 'European Union' },
              { value: 'uk', label: 'United Kingdom' },
            ]}
            onChange={(v) => v && edit('Change representative region', (r) => void (r.region = v as 'eu' | 'uk'))}
            allowDeselect={false}
            readOnly={readOnly}
            error={regionError}
            w={220}
            data-path={`${path}.region`}
          />
          <Tooltip label={`Remove the ${region} representative`}>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={`Remove ${region} representative ${rep.name || index + 1}`}
              disabled={readOnly}
              onClick={() =>
                editOrg('Remove representative', (o) => {
                  o.representatives?.splice(index, 1);
                  setOptional(o, 'representatives', o.representatives);
                })
              }
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextField
            path={`${path}.name`}
            label="Name"
            required
            value={rep.name}
            onValue={(v) => edit('Edit representative name', (r) => void (r.name = v), `${path}.name`)}
          />
          <TextField
            path={`${path}.email`}
            label="Email"
            inputMode="email"
            spellCheck={false}
            value={rep.email}
            onValue={(v) => edit('Edit representative email', (r) => setOptional(r, 'email', v.trim()), `${path}.email`)}
          />
        </SimpleGrid>
        <TextareaField
          path={`${path}.address`}
          label="Address"
          value={rep.address}
          onValue={(v) => edit('Edit representative address', (r) => setOptional(r, 'address', v), `${path}.address`)}
        />
      </Stack>
    </Paper>
  );
}

function Representatives({ org, editOrg }: { org: Organization; editOrg: EditOrganization }) {
  const readOnly = useReadOnly();
  const reps = org.representatives ?? [];
  const next: 'eu' | 'uk' = reps.some((r) => r.region === 'eu') && !reps.some((r) => r.region === 'uk') ? 'uk' : 'eu';
  return (
    <Section
      id="representatives"
      title="Representatives"
      description="Under Article 27, an organization outside the EU or UK that serves people there names a representative in that region."
      actions={
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          disabled={readOnly}
          onClick={() =>
            editOrg('Add representative', (o) => {
              (o.representatives ??= []).push({ region: next, name: '' });
            })
          }
        >
          Add representative
        </Button>
      }
    >
      {reps.length === 0 ? (
        <Text size="sm" c="dimmed">
          No representatives. You need one only if you are established outside the EU (or the UK) and serve people there.
        </Text>
      ) : (
        reps.map((rep, index) => <RepresentativeRow key={index} rep={rep} index={index} editOrg={editOrg} />)
      )}
    </Section>
  );
}

function SupervisoryAuthority({ org, editOrg }: { org: Organization; editOrg: EditOrganization }) {
  const authority = org.supervisoryAuthority;
  return (
    <Section
      id="authority"
      title="Supervisory authority"
      description="The data protection authority people can complain to, named in the notice."
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextField
          path="organization.supervisoryAuthority.name"
          label="Name"
          placeholder="Data Protection Commission (Ireland)"
          value={authority?.name}
          onValue={(v) =>
            editOrg(
              'Edit supervisory authority',
              (o) => setNested(o, 'supervisoryAuthority', 'name', v),
              'organization.supervisoryAuthority.name',
            )
          }
        />
        <TextField
          path="organization.supervisoryAuthority.url"
          label="URL"
          placeholder="https://www.dataprotection.ie"
          inputMode="url"
          spellCheck={false}
          value={authority?.url}
          onValue={(v) =>
            editOrg(
              'Edit supervisory authority URL',
              (o) => setNested(o, 'supervisoryAuthority', 'url', v.trim()),
              'organization.supervisoryAuthority.url',
            )
          }
        />
      </SimpleGrid>
    </Section>
  );
}

// The three regimes with their own sections, then the US states: the eighteen comprehensive laws in a
// compact grid that can be chosen all at once (the law named in each state's tooltip), then the two
// consumer health data laws, which call for a policy of their own.
const MAIN_JURISDICTIONS = ['gdpr', 'uk-gdpr', 'ccpa'] as const satisfies readonly Jurisdiction[];
const COMPREHENSIVE_IDS: Jurisdiction[] = COMPREHENSIVE_STATE_LAWS.map((s) => s.id);

function stateTooltip(s: UsStateLaw): string {
  return `${s.law} (${s.citation}), in force since ${formatDate(s.inForce)}`;
}

function Jurisdictions({ org, editOrg }: { org: Organization; editOrg: EditOrganization }) {
  const readOnly = useReadOnly();
  const validation = useLabelledError('organization.jurisdictions', 'Jurisdictions');
  const [refused, setRefused] = useState(false);
  const choose = (values: readonly string[]) => {
    if (values.length === 0) {
      setRefused(true);
      return;
    }
    setRefused(false);
    const ordered = JURISDICTIONS.filter((j) => values.includes(j));
    editOrg('Change jurisdictions', (o) => {
      o.jurisdictions = ordered;
    });
  };
  const chosenStates = COMPREHENSIVE_IDS.filter((j) => org.jurisdictions.includes(j));
  const allStates = chosenStates.length === COMPREHENSIVE_IDS.length;
  return (
    <Section
      id="jurisdictions"
      title="Jurisdictions"
      description="The privacy laws the documents must satisfy. Choose every one that applies to the people you serve."
    >
      <Checkbox.Group
        label="Laws to satisfy"
        value={org.jurisdictions}
        onChange={choose}
        error={validation ?? (refused ? 'Keep at least one: the documents have to follow some law.' : undefined)}
        wrapperProps={{ 'data-path': 'organization.jurisdictions' }}
      >
        <Stack gap="sm" mt="xs">
          {MAIN_JURISDICTIONS.map((j) => (
            <Checkbox key={j} value={j} label={JURISDICTION_LABELS[j]} description={JURISDICTION_HINTS[j]} disabled={readOnly} />
          ))}
        </Stack>
        <Paper withBorder radius="md" p="sm" mt="md" className={classes.states} role="group" aria-labelledby="us-states-heading">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
            <div>
              <Text id="us-states-heading" fw={500} size="sm">
                Other US states
              </Text>
              <Text size="xs" c="dimmed">
                States with a comprehensive consumer privacy law: the notice gets a section on their rights, appeals and opt-outs. Point at
                a state for its law. {chosenStates.length} of {COMPREHENSIVE_IDS.length} chosen.
              </Text>
            </div>
            <Button
              variant="light"
              size="compact-sm"
              disabled={readOnly}
              style={{ flexShrink: 0 }}
              onClick={() =>
                choose(
                  allStates
                    ? org.jurisdictions.filter((j) => !COMPREHENSIVE_IDS.includes(j))
                    : [...org.jurisdictions, ...COMPREHENSIVE_IDS.filter((j) => !org.jurisdictions.includes(j))],
                )
              }
            >
              {allStates ? `Clear all ${COMPREHENSIVE_IDS.length} states` : `Select all ${COMPREHENSIVE_IDS.length} states`}
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 2, xs: 3, sm: 4 }} spacing="xs" verticalSpacing={6} mt="sm">
            {COMPREHENSIVE_STATE_LAWS.map((s) => (
              <Tooltip key={s.id} label={stateTooltip(s)} openDelay={300} multiline maw={320} withinPortal>
                <div>
                  <Checkbox value={s.id} label={s.state} size="sm" disabled={readOnly} aria-description={stateTooltip(s)} />
                </div>
              </Tooltip>
            ))}
          </SimpleGrid>
          <Text fw={500} size="sm" mt="md">
            Consumer health data
          </Text>
          <Text size="xs" c="dimmed">
            With consumer health data (health, fitness, biometric data, or location that could reveal health care visits), these laws call
            for a separate Consumer Health Data Privacy Policy.
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
            {HEALTH_STATE_LAWS.map((s) => (
              <Checkbox key={s.id} value={s.id} label={s.state} description={s.law} size="sm" disabled={readOnly} />
            ))}
          </SimpleGrid>
        </Paper>
      </Checkbox.Group>
    </Section>
  );
}

function intOrRemove<T extends object, K extends keyof T>(target: T, key: K, value: number | string) {
  setOptional(target, key, (typeof value === 'number' && Number.isFinite(value) ? value : null) as T[K] | null);
}

function Audience({ org, editOrg }: { org: Organization; editOrg: EditOrganization }) {
  const readOnly = useReadOnly();
  const ageError = useLabelledError('organization.audience.minimumAge', 'Minimum age');
  return (
    <Section id="audience" title="Audience" description="Who the product is for, which decides how the documents talk about children.">
      <NumberInput
        label="Minimum age"
        description="The youngest age allowed to use the product."
        placeholder="16"
        min={0}
        max={120}
        allowDecimal={false}
        allowNegative={false}
        value={org.audience?.minimumAge ?? ''}
        onChange={(v) =>
          editOrg(
            'Edit minimum age',
            (o) => {
              const audience = o.audience ?? {};
              intOrRemove(audience, 'minimumAge', v);
              o.audience = audience;
              pruneEmpty(o, 'audience');
            },
            'organization.audience.minimumAge',
          )
        }
        error={ageError}
        readOnly={readOnly}
        maw={280}
        data-path="organization.audience.minimumAge"
      />
      <SwitchField
        path="organization.audience.childrenDirected"
        label="Directed at children"
        description="The product is meant for children, not only used by some."
        checked={org.audience?.childrenDirected === true}
        onValue={(on) => editOrg('Change directed at children', (o) => setNested(o, 'audience', 'childrenDirected', on))}
      />
    </Section>
  );
}

function SecurityMeasures({ org, editOrg }: { org: Organization; editOrg: EditOrganization }) {
  return (
    <Section
      id="security"
      title="Security measures"
      description="How you protect personal data in general, for the record of processing (Article 30)."
    >
      <TextareaField
        path="organization.securityMeasures"
        label="Technical and organisational measures"
        placeholder="Encryption in transit and at rest, role-based access for staff, yearly penetration tests…"
        minRows={3}
        value={org.securityMeasures}
        onValue={(v) => editOrg('Edit security measures', (o) => setOptional(o, 'securityMeasures', v), 'organization.securityMeasures')}
      />
    </Section>
  );
}

function Documents({ settings, editSettings }: { settings: Settings; editSettings: EditSettings }) {
  const readOnly = useReadOnly();
  const dateError = useLabelledError('settings.effectiveDate', 'Effective date');
  const shortError = useLabelledError('settings.inAppLimits.short', 'Short text budget');
  const longError = useLabelledError('settings.inAppLimits.long', 'Long text budget');
  const setLimit = (key: 'short' | 'long') => (v: number | string) =>
    editSettings(
      `Edit ${key} text budget`,
      (s) => {
        const limits = s.inAppLimits ?? {};
        intOrRemove(limits, key, v);
        s.inAppLimits = limits;
        pruneEmpty(s, 'inAppLimits');
      },
      `settings.inAppLimits.${key}`,
    );
  return (
    <Section id="documents" title="Documents" description="Settings that shape every generated document and in-app text.">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <DateInput
          label="Effective date"
          description="Printed on the documents."
          placeholder="2026-12-01"
          valueFormat="YYYY-MM-DD"
          value={settings.effectiveDate ?? null}
          onChange={(v) => editSettings('Change effective date', (s) => setOptional(s, 'effectiveDate', v))}
          clearable={!readOnly}
          readOnly={readOnly}
          error={dateError}
          popoverProps={{ withinPortal: true }}
          data-path="settings.effectiveDate"
        />
        <SelectField
          path="settings.locale"
          label="Locale"
          description="The language of the documents."
          value={settings.locale ?? 'en'}
          data={[{ value: 'en', label: 'English (en)' }]}
          onValue={(v) => editSettings('Change locale', (s) => setOptional(s, 'locale', v))}
        />
      </SimpleGrid>
      <TextField
        path="settings.templatesDir"
        label="Templates folder"
        description="A folder, relative to the workspace file, whose templates replace the built-in ones with the same id."
        placeholder="templates"
        spellCheck={false}
        value={settings.templatesDir}
        onValue={(v) => editSettings('Edit templates folder', (s) => setOptional(s, 'templatesDir', v), 'settings.templatesDir')}
      />
      <Input.Wrapper
        label="In-app text budgets"
        description="How many characters the short and long in-app explanations may use. Empty means the default."
        labelElement="div"
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt={6}>
          <NumberInput
            label="Short"
            placeholder={String(DEFAULT_LIMITS.short)}
            suffix=" characters"
            min={1}
            allowDecimal={false}
            allowNegative={false}
            value={settings.inAppLimits?.short ?? ''}
            onChange={setLimit('short')}
            error={shortError}
            readOnly={readOnly}
            data-path="settings.inAppLimits.short"
          />
          <NumberInput
            label="Long"
            placeholder={String(DEFAULT_LIMITS.long)}
            suffix=" characters"
            min={1}
            allowDecimal={false}
            allowNegative={false}
            value={settings.inAppLimits?.long ?? ''}
            onChange={setLimit('long')}
            error={longError}
            readOnly={readOnly}
            data-path="settings.inAppLimits.long"
          />
        </SimpleGrid>
      </Input.Wrapper>
    </Section>
  );
}

function GooglePlay({ settings, editSettings }: { settings: Settings; editSettings: EditSettings }) {
  const readOnly = useReadOnly();
  const store = settings.store ?? {};
  const methodsError = useLabelledError('settings.store.accountCreation', 'Account creation methods');
  const methods = store.accountCreation ?? [];
  const noneWithOthers = methods.includes('PSL_ACM_NONE') && methods.length > 1;
  const setStore = <K extends keyof NonNullable<Settings['store']>>(
    label: string,
    key: K,
    value: NonNullable<Settings['store']>[K] | null,
  ) => editSettings(label, (s) => setNested(s, 'store', key, value));
  return (
    <Section id="play" title="Google Play answers" description="Answers to the general questions of Google Play’s Data safety form.">
      <SwitchField
        path="settings.store.encryptedInTransit"
        label="Data is encrypted in transit"
        description="All personal data travels over encrypted connections (HTTPS/TLS)."
        checked={store.encryptedInTransit === true}
        onValue={(on) => setStore('Change encrypted in transit', 'encryptedInTransit', on)}
      />
      <Stack gap={4}>
        <MultiSelect
          label="Account creation methods"
          description="How people create an account in your app."
          placeholder={methods.length === 0 ? 'Choose methods' : undefined}
          data={PLAY_ACCOUNT_CREATION.map((a) => ({ value: a.id, label: a.label }))}
          value={methods}
          onChange={(values) => setStore('Change account creation methods', 'accountCreation', values as AccountCreation[])}
          clearable={!readOnly}
          readOnly={readOnly}
          error={methodsError}
          comboboxProps={{ withinPortal: true }}
          data-path="settings.store.accountCreation"
        />
        {!methodsError && noneWithOthers ? (
          <FieldWarning>
            “My app does not allow users to create an account” contradicts the other methods; keep one or the other.
          </FieldWarning>
        ) : null}
      </Stack>
      <SelectField
        path="settings.store.dataDeletion"
        label="Can people ask for their data to be deleted?"
        placeholder="Choose an answer"
        value={store.dataDeletion}
        data={DATA_DELETION.map((value) => ({ value, label: DATA_DELETION_LABELS[value] }))}
        clearable
        onValue={(v) => setStore('Change data deletion answer', 'dataDeletion', v as DataDeletion | null)}
      />
      <SwitchField
        path="settings.store.familyPolicy"
        label="Complies with the Families Policy"
        description="Your app follows Google Play’s Families Policy requirements."
        checked={store.familyPolicy === true}
        onValue={(on) => setStore('Change Families Policy answer', 'familyPolicy', on)}
      />
    </Section>
  );
}

export function OrganizationScreen({ field }: { field?: string }) {
  const workspace = useEditor((s) => s.workspace);
  const { editOrg, editSettings } = useEdits();
  useFocusField(field, Boolean(workspace));
  if (!workspace) return null;
  const org = workspace.organization;
  const settings = workspace.settings ?? {};
  return (
    <div className={classes.scroll}>
      <Stack gap="lg" className={classes.page}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2}>Organization & settings</Title>
            <Text c="dimmed" size="sm" mt={4}>
              Who the documents speak for, the laws they follow and the answers they share.
            </Text>
          </div>
          <ExportMenu label="Record of processing" section="ropa" />
        </Group>
        <WhoYouAre org={org} editOrg={editOrg} />
        <DataProtectionOfficer org={org} editOrg={editOrg} />
        <Representatives org={org} editOrg={editOrg} />
        <SupervisoryAuthority org={org} editOrg={editOrg} />
        <Jurisdictions org={org} editOrg={editOrg} />
        <UsPrivacySection org={org} editOrg={editOrg} />
        <Audience org={org} editOrg={editOrg} />
        <FinancialIncentives workspace={workspace} />
        <SecurityMeasures org={org} editOrg={editOrg} />
        <Documents settings={settings} editSettings={editSettings} />
        <GooglePlay settings={settings} editSettings={editSettings} />
        <RequiredReasonApis workspace={workspace} editSettings={editSettings} />
      </Stack>
    </div>
  );
}
