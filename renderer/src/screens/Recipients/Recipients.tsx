import { useState } from 'react';
import { Button, Stack, TagsInput } from '@mantine/core';
import { IconBooks, IconShare } from '@tabler/icons-react';
import { COUNTRY_CODES, countryName } from '../../../../core/countries';
import { cookiesProvidedBy, dataTypesUsing } from '../../../../core/ids';
import { adequacyFor, type AdequacyStatus } from '../../../../core/adequacy';
import { RECIPIENT_ROLES, TRANSFER_DEROGATIONS, TRANSFER_SAFEGUARDS, type Recipient } from '../../../../core/schema';
import { DEROGATION_TEXT, isTransfer } from '../../../../core/transfers';
import { capitalize, listInWords } from '../../../../core/words';
import { setOptional, useReadOnly } from '../../state/edit';
import { useEditor } from '../../state/store';
import { EntityListScreen, nameList } from '../../components/EntityList/EntityListScreen';
import { IdField } from '../../components/EntityList/IdField';
import { NameField } from '../../components/EntityList/NameField';
import { Section, SelectField, SwitchField, TextareaField, TextField, useLabelledError } from '../../components/EntityList/fields';
import type { EntityEditorProps, EntityScreenConfig } from '../../components/EntityList/types';
import { AddFromCatalogueDialog, CatalogueNote } from '../../components/ServiceCatalogue/ServiceCatalogue';

type Role = (typeof RECIPIENT_ROLES)[number];
type Safeguard = (typeof TRANSFER_SAFEGUARDS)[number];

export const ROLE_LABELS: Record<Role, string> = {
  processor: 'Processor',
  controller: 'Controller',
  'joint-controller': 'Joint controller',
  'public-authority': 'Public authority',
};

export const ROLE_HINTS = new Map<string, string>([
  ['processor', 'Acts on your instructions, such as a hosting or email provider.'],
  ['controller', 'Decides for itself what to do with the data, such as an ad network or a bank.'],
  ['joint-controller', 'Decides together with you why and how the data is used.'],
  ['public-authority', 'A government body, such as a tax office or a court.'],
]);

export const SAFEGUARD_LABELS: Record<Safeguard, string> = {
  adequacy: 'Adequacy decision',
  sccs: 'EU standard contractual clauses',
  idta: 'UK International Data Transfer Agreement (IDTA)',
  'uk-addendum': 'UK Addendum to the EU clauses',
  bcrs: 'Binding corporate rules',
  codes: 'Approved code of conduct',
  certification: 'Approved certification',
  derogation: 'Derogation (Article 49)',
  none: 'None',
};

const SAFEGUARD_HINTS = new Map<string, string>([
  [
    'adequacy',
    'Only where the EU or UK lists find the country adequate. Candor checks this against its dated table; for the United States, mark the certification instead.',
  ],
  ['sccs', "A contract with the recipient on the European Commission's standard clauses. Covers EU transfers only."],
  ['idta', "The UK Information Commissioner's agreement. Covers UK transfers only."],
  ['uk-addendum', "The EU clauses with the UK Information Commissioner's Addendum. Covers UK transfers only."],
  ['bcrs', "Approved data protection rules binding the recipient's group of companies."],
  ['codes', 'An approved code of conduct the recipient has committed to (Art 46(2)(e)).'],
  ['certification', 'An approved certification the recipient holds (Art 46(2)(f)).'],
  [
    'derogation',
    "An exception for an occasional transfer, such as the person's explicit consent or a contract with them. Choose which below.",
  ],
  ['none', 'No mechanism. The review reports this as an error.'],
]);

const DEROGATION_OPTIONS = TRANSFER_DEROGATIONS.map((value) => ({
  value,
  label: `(${DEROGATION_TEXT[value].point}) ${capitalize(DEROGATION_TEXT[value].label)}`,
}));

const ADEQUACY_WORDS: Record<AdequacyStatus, string> = {
  inside: 'no transfer',
  adequate: 'adequate',
  'adequate-if-certified': 'adequate only for certified recipients',
  'not-adequate': 'not adequate',
};

export const COUNTRY_OPTIONS = COUNTRY_CODES.map((code) => ({ value: code, label: `${countryName(code)} (${code})` })).sort((a, b) =>
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
  const jurisdictions = useEditor((s) => s.workspace?.organization.jurisdictions);
  const gdpr = jurisdictions?.includes('gdpr') ?? true;
  const ukGdpr = jurisdictions?.includes('uk-gdpr') ?? true;
  const country = entry.country;
  const euTransfer = gdpr && isTransfer('gdpr', country);
  const ukTransfer = ukGdpr && isTransfer('uk-gdpr', country);
  const abroad = euTransfer || ukTransfer;
  const showSafeguard = abroad || Boolean(entry.transferSafeguard);
  // What the dated adequacy table says, so nobody has to guess (or claim) adequacy.
  const adequacy = country
    ? [
        ...(euTransfer ? [`EU: ${ADEQUACY_WORDS[adequacyFor('gdpr', country, { dpfCertified: entry.dpf?.eu }).status]}`] : []),
        ...(ukTransfer ? [`UK: ${ADEQUACY_WORDS[adequacyFor('uk-gdpr', country, { dpfCertified: entry.dpf?.uk }).status]}`] : []),
      ].join('; ')
    : '';
  const certifiable = country === 'US' && abroad;
  const needsMechanism =
    (euTransfer && adequacyFor('gdpr', country!, { dpfCertified: entry.dpf?.eu }).status !== 'adequate') ||
    (ukTransfer && adequacyFor('uk-gdpr', country!, { dpfCertified: entry.dpf?.uk }).status !== 'adequate');
  const safeguardWarning = !country
    ? undefined
    : needsMechanism && !entry.transferSafeguard && !entry.ukTransferSafeguard
      ? `Say how transfers to ${countryName(country)} are protected: it is not adequate under the laws that apply, so the notice must name a mechanism.`
      : !abroad && entry.transferSafeguard
        ? `${countryName(country)} is not a transfer under the laws that apply, so no mechanism is needed; you can clear this.`
        : undefined;
  const setDpf = (key: 'eu' | 'uk', on: boolean) =>
    edit(on ? 'Mark recipient as DPF-certified' : 'Unmark recipient as DPF-certified', (r) => {
      const dpf = { ...r.dpf };
      setOptional(dpf, key, on || null);
      setOptional(r, 'dpf', Object.keys(dpf).length ? dpf : null);
    });

  return (
    <Stack gap="lg">
      <CatalogueNote recipient={entry} />
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
        {certifiable && gdpr ? (
          <SwitchField
            path={`${path}.dpf.eu`}
            label="Certified under the EU-US Data Privacy Framework"
            description="Check the recipient on dataprivacyframework.gov/list. If certified, an EU transfer needs no other mechanism."
            checked={entry.dpf?.eu === true}
            onValue={(on) => setDpf('eu', on)}
          />
        ) : null}
        {certifiable && ukGdpr ? (
          <SwitchField
            path={`${path}.dpf.uk`}
            label="Certified under the UK Extension to the Data Privacy Framework"
            description="The same list says whether it has joined the UK Extension. If so, a UK transfer needs no other mechanism."
            checked={entry.dpf?.uk === true}
            onValue={(on) => setDpf('uk', on)}
          />
        ) : null}
        {showSafeguard ? (
          <SelectField
            path={`${path}.transferSafeguard`}
            label="Transfer mechanism"
            placeholder="Choose a mechanism"
            description={
              entry.transferSafeguard
                ? SAFEGUARD_HINTS.get(entry.transferSafeguard)
                : `What protects the transfer when the country is not adequate (GDPR Chapter V).${adequacy ? ` Adequacy by Candor's table: ${adequacy}.` : ''}`
            }
            value={entry.transferSafeguard}
            data={TRANSFER_SAFEGUARDS.map((value) => ({ value, label: SAFEGUARD_LABELS[value] }))}
            descriptions={SAFEGUARD_HINTS}
            clearable
            warning={safeguardWarning}
            onValue={(value) => edit('Change transfer mechanism', (r) => setOptional(r, 'transferSafeguard', value as Safeguard | null))}
          />
        ) : null}
        {(ukTransfer && euTransfer) || entry.ukTransferSafeguard ? (
          <SelectField
            path={`${path}.ukTransferSafeguard`}
            label="Mechanism for UK transfers, if different"
            placeholder="Same as the EU mechanism"
            description="The EU clauses alone do not cover a UK transfer: choose the IDTA or the UK Addendum here."
            value={entry.ukTransferSafeguard}
            data={TRANSFER_SAFEGUARDS.map((value) => ({ value, label: SAFEGUARD_LABELS[value] }))}
            descriptions={SAFEGUARD_HINTS}
            clearable
            onValue={(value) =>
              edit('Change UK transfer mechanism', (r) => setOptional(r, 'ukTransferSafeguard', value as Safeguard | null))
            }
          />
        ) : null}
        {entry.transferSafeguard === 'derogation' || entry.ukTransferSafeguard === 'derogation' || entry.transferDerogation ? (
          <SelectField
            path={`${path}.transferDerogation`}
            label="Derogation relied on"
            placeholder="Choose the Article 49(1) ground"
            description="The notice names it. Derogations are for occasional transfers only."
            value={entry.transferDerogation}
            data={DEROGATION_OPTIONS}
            clearable
            onValue={(value) =>
              edit('Change transfer derogation', (r) =>
                setOptional(r, 'transferDerogation', value as (typeof TRANSFER_DEROGATIONS)[number] | null),
              )
            }
          />
        ) : null}
        {showSafeguard ? (
          <TextField
            path={`${path}.safeguardsUrl`}
            label="Where a copy of the safeguards is published"
            description="Optional. Without it, the notice tells people to ask your privacy contact for a copy."
            placeholder="https://example.com/transfer-safeguards"
            inputMode="url"
            spellCheck={false}
            value={entry.safeguardsUrl}
            onValue={(value) =>
              edit('Edit safeguards address', (r) => setOptional(r, 'safeguardsUrl', value.trim()), `${path}.safeguardsUrl`)
            }
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
        description="Whether giving data to this recipient counts as selling or sharing it under the CCPA, and whether it markets to people itself."
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
        <SwitchField
          path={`${path}.directMarketing`}
          label="Uses the data for its own direct marketing"
          description="They send people their own offers, such as a partner's emails. California's “Shine the Light” law then lets people ask who received their data."
          checked={entry.directMarketing === true}
          onValue={(on) =>
            edit(on ? 'Mark recipient as direct marketer' : 'Unmark recipient as direct marketer', (r) =>
              setOptional(r, 'directMarketing', on || null),
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

/** "Add" from Candor's catalogue of common services: a recipient with every known field filled in. */
function AddFromCatalogue({ disabled, onAdded }: { disabled: boolean; onAdded(id: string): void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="compact-sm"
        variant="default"
        leftSection={<IconBooks size={14} />}
        onClick={() => setOpen(true)}
        disabled={disabled}
        aria-label="Add recipient from Candor's catalogue"
      >
        From catalogue
      </Button>
      <AddFromCatalogueDialog opened={open} onClose={() => setOpen(false)} onAdded={onAdded} />
    </>
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
  AddMore: AddFromCatalogue,
  Editor: RecipientEditor,
  usedByDescription: 'Data types this recipient receives.',
  unusedDescription: 'No data type is shared with this recipient yet. Add it to a data type in the data type’s editor.',
  otherUses: (recipient, workspace) => cookiesProvidedBy(workspace, recipient.id).length,
  deleteConsequences(recipient, users, workspace) {
    const cookies = cookiesProvidedBy(workspace, recipient.id);
    return (
      <>
        {users.length > 0 ? (
          <p>
            <strong>{nameList(users.map((u) => u.name))}</strong> will no longer list {recipient.name || recipient.id} as a recipient.
          </p>
        ) : null}
        {cookies.length > 0 ? (
          <p>
            {cookies.length === 1 ? 'Its cookie ' : 'Its cookies '}
            <strong>{listInWords(cookies.map((c) => `“${c.name || 'unnamed'}” at ${c.point}`))}</strong>{' '}
            {cookies.length === 1
              ? 'will be removed too: without its provider it would read as your own.'
              : 'will be removed too: without their provider they would read as your own.'}
          </p>
        ) : null}
      </>
    );
  },
};

export function RecipientsScreen({ id, field }: { id?: string; field?: string }) {
  return <EntityListScreen config={RECIPIENTS_CONFIG} id={id} field={field} />;
}
