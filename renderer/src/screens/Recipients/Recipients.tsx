import { Stack, TagsInput } from '@mantine/core';
import { IconShare } from '@tabler/icons-react';
import { COUNTRY_CODES, countryName, isInEeaOrUk } from '../../../../core/countries';
import { dataTypesUsing } from '../../../../core/ids';
import { RECIPIENT_ROLES, TRANSFER_SAFEGUARDS, type Recipient } from '../../../../core/schema';
import { setOptional, useReadOnly } from '../../state/edit';
import { useEditor } from '../../state/store';
import { EntityListScreen, nameList } from '../../components/EntityList/EntityListScreen';
import { IdField } from '../../components/EntityList/IdField';
import { NameField } from '../../components/EntityList/NameField';
import { Section, SelectField, SwitchField, TextareaField, TextField, useLabelledError } from '../../components/EntityList/fields';
import type { EntityEditorProps, EntityScreenConfig } from '../../components/EntityList/types';

type Role = (typeof RECIPIENT_ROLES)[number];
type Safeguard = (typeof TRANSFER_SAFEGUARDS)[number];

export const ROLE_LABELS: Record<Role, string> = {
  processor: 'Processor',
  controller: 'Controller',
  'joint-controller': 'Joint controller',
  'public-authority': 'Public authority',
};

const ROLE_HINTS = new Map<string, string>([
  ['processor', 'Acts on your instructions, such as a hosting or email provider.'],
  ['controller', 'Decides for itself what to do with the data, such as an ad network or a bank.'],
  ['joint-controller', 'Decides together with you why and how the data is used.'],
  ['public-authority', 'A government body, such as a tax office or a court.'],
]);

export const SAFEGUARD_LABELS: Record<Safeguard, string> = {
  adequacy: 'Adequacy decision',
  sccs: 'Standard contractual clauses',
  bcrs: 'Binding corporate rules',
  derogation: 'Derogation (Article 49)',
  none: 'None',
};

const SAFEGUARD_HINTS = new Map<string, string>([
  [
    'adequacy',
    'The European Commission (or the UK) has found that the country protects data adequately, such as the EU–US Data Privacy Framework for certified US companies.',
  ],
  ['sccs', "A contract with the recipient on the Commission's standard clauses."],
  ['bcrs', "Approved data protection rules binding the recipient's group of companies."],
  ['derogation', "An exception for a specific case, such as the person's explicit consent or a contract with them."],
  ['none', 'No safeguard. The notice will say so plainly.'],
]);

const COUNTRY_OPTIONS = COUNTRY_CODES.map((code) => ({ value: code, label: `${countryName(code)} (${code})` })).sort((a, b) =>
  a.label.localeCompare(b.label, 'en'),
);

/** "https://Ads.Example.com/pixel" → "ads.example.com": Apple wants bare domains. */
export function normaliseDomain(text: string): string {
  return text
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[/?#:].*$/, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

function TrackingDomainsField({ path, domains, onValue }: { path: string; domains: string[]; onValue(v: string[]): void }) {
  const readOnly = useReadOnly();
  const error = useLabelledError(`${path}.trackingDomains`, 'Tracking domains');
  return (
    <TagsInput
      label="Tracking domains"
      description="Press Enter or comma after each domain, such as ads.example.com."
      placeholder={domains.length === 0 ? 'Add a domain' : undefined}
      value={domains}
      onChange={(values) => {
        const cleaned = [...new Set(values.map(normaliseDomain).filter(Boolean))];
        onValue(cleaned);
      }}
      splitChars={[',', ' ']}
      acceptValueOnBlur
      clearable={!readOnly}
      readOnly={readOnly}
      error={error}
      data-path={`${path}.trackingDomains`}
    />
  );
}

function RecipientEditor({ entry, index, path, edit }: EntityEditorProps<'recipients'>) {
  const usedBy = useEditor((s) => (s.workspace ? dataTypesUsing(s.workspace, 'recipients', entry.id).length : 0));
  const country = entry.country;
  const abroad = Boolean(country && !isInEeaOrUk(country));
  const showSafeguard = abroad || Boolean(entry.transferSafeguard);
  const safeguardWarning = !country
    ? undefined
    : abroad && !entry.transferSafeguard
      ? `Say how transfers to ${countryName(country)} are protected: the notice must name the safeguard for countries outside the EEA and UK.`
      : !abroad && entry.transferSafeguard
        ? `${countryName(country)} is in the EEA or the UK, so no safeguard is needed; you can clear this.`
        : undefined;

  return (
    <Stack gap="lg">
      <Section title="Recipient" description="Who receives personal data from you, and what they do with it.">
        <NameField
          list="recipients"
          screen="recipients"
          singular="recipient"
          index={index}
          id={entry.id}
          name={entry.name}
          usedBy={usedBy}
          placeholder="Amazon Web Services"
        />
        <IdField list="recipients" screen="recipients" singular="recipient" index={index} id={entry.id} usedBy={usedBy} />
        <SelectField
          path={`${path}.role`}
          label="Role"
          placeholder="Choose a role"
          description={entry.role ? ROLE_HINTS.get(entry.role) : 'Whether they act for you or for themselves.'}
          value={entry.role}
          data={RECIPIENT_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))}
          descriptions={ROLE_HINTS}
          clearable
          onValue={(value) => edit('Change recipient role', (r) => setOptional(r, 'role', value as Role | null))}
        />
        <TextareaField
          path={`${path}.description`}
          label="Description"
          description="What they do with the data, for you or for themselves."
          placeholder="Hosts our servers and stores photos and videos, encrypted."
          value={entry.description}
          onValue={(value) => edit('Edit recipient description', (r) => setOptional(r, 'description', value), `${path}.description`)}
        />
      </Section>

      <Section
        title="Where the data goes"
        description="The country where they process the data, and how a transfer out of Europe is protected."
      >
        <SelectField
          path={`${path}.country`}
          label="Country"
          placeholder="Search countries"
          description="Where they process the data."
          value={country}
          data={COUNTRY_OPTIONS}
          searchable
          clearable
          nothingFoundMessage="No country matches"
          onValue={(value) => edit('Change recipient country', (r) => setOptional(r, 'country', value))}
        />
        {showSafeguard ? (
          <SelectField
            path={`${path}.transferSafeguard`}
            label="Transfer safeguard"
            placeholder="Choose a safeguard"
            description={
              entry.transferSafeguard
                ? SAFEGUARD_HINTS.get(entry.transferSafeguard)
                : 'How a transfer outside the EEA and UK is protected (GDPR Chapter V): an adequacy decision, standard contractual clauses, binding corporate rules, a derogation, or none.'
            }
            value={entry.transferSafeguard}
            data={TRANSFER_SAFEGUARDS.map((value) => ({ value, label: SAFEGUARD_LABELS[value] }))}
            descriptions={SAFEGUARD_HINTS}
            clearable
            warning={safeguardWarning}
            onValue={(value) => edit('Change transfer safeguard', (r) => setOptional(r, 'transferSafeguard', value as Safeguard | null))}
          />
        ) : null}
        <TextField
          path={`${path}.privacyPolicyUrl`}
          label="Privacy policy URL"
          placeholder="https://example.com/privacy"
          inputMode="url"
          spellCheck={false}
          value={entry.privacyPolicyUrl}
          onValue={(value) =>
            edit('Edit recipient privacy policy URL', (r) => setOptional(r, 'privacyPolicyUrl', value.trim()), `${path}.privacyPolicyUrl`)
          }
        />
      </Section>

      <Section
        title="California (CCPA)"
        description="Whether giving data to this recipient counts as selling or sharing it under the CCPA."
      >
        <SwitchField
          path={`${path}.sells`}
          label="Sells personal information"
          description="You receive money or something else of value in exchange for the data."
          checked={entry.sells === true}
          onValue={(on) => edit(on ? 'Mark recipient as a sale' : 'Unmark recipient as a sale', (r) => setOptional(r, 'sells', on || null))}
        />
        <SwitchField
          path={`${path}.sharesForAds`}
          label="Shares for cross-context behavioural advertising"
          description="They use the data to target ads across other companies' apps and websites."
          checked={entry.sharesForAds === true}
          onValue={(on) =>
            edit(on ? 'Mark recipient as sharing for ads' : 'Unmark recipient as sharing for ads', (r) =>
              setOptional(r, 'sharesForAds', on || null),
            )
          }
        />
      </Section>

      <Section
        title="Tracking"
        description="Internet domains this recipient uses to track people across apps and websites, for Apple's privacy manifest."
      >
        <TrackingDomainsField
          path={path}
          domains={entry.trackingDomains ?? []}
          onValue={(domains) => edit('Edit tracking domains', (r) => setOptional(r, 'trackingDomains', domains))}
        />
      </Section>
    </Stack>
  );
}

function secondary(recipient: Recipient): string {
  const role = recipient.role ? ROLE_LABELS[recipient.role] : 'No role yet';
  return recipient.country ? `${role} · ${countryName(recipient.country)}` : role;
}

export const RECIPIENTS_CONFIG: EntityScreenConfig<'recipients'> = {
  list: 'recipients',
  screen: 'recipients',
  title: 'Recipients',
  singular: 'recipient',
  plural: 'recipients',
  intro: 'Who receives personal data from you',
  icon: IconShare,
  emptyDescription:
    'A recipient is a company or body that receives personal data from you: a hosting provider, an email service, a payment processor, an analytics tool. The privacy notice lists them, where they are and how transfers abroad are protected.',
  newName: 'New recipient',
  secondary,
  Editor: RecipientEditor,
  usedByDescription: 'Data types this recipient receives.',
  unusedDescription: 'No data type is shared with this recipient yet. Add it to a data type in the data type’s editor.',
  deleteConsequences(recipient, users) {
    return (
      <p>
        <strong>{nameList(users.map((u) => u.name))}</strong> will no longer list {recipient.name || recipient.id} as a recipient.
      </p>
    );
  },
};

export function RecipientsScreen({ id, field }: { id?: string; field?: string }) {
  return <EntityListScreen config={RECIPIENTS_CONFIG} id={id} field={field} />;
}
