import { IconTarget } from '@tabler/icons-react';
import { Select, Stack, Text, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { APPLE_PURPOSES, PLAY_PURPOSES, type ApplePurpose, type PlayPurpose } from '../../../../core/identifiers';
import { DECISION_GROUNDS, LAWFUL_BASES, type DecisionGround, type LawfulBasis, type Purpose } from '../../../../core/schema';
import { DECISION_GROUND_LABELS, profiles } from '../../../../core/profiling';
import { DATA_USES, USE_BY_KEY } from '../../../../core/taxonomy';
import { dataTypesUsing } from '../../../../core/ids';
import { pruneEmpty, setOptional, useReadOnly } from '../../state/edit';
import { rankOptions, dataUsePickerOptions, type TaxonomyPickerOption } from '../../../../core/picker-search';
import { useEditor } from '../../state/store';
import { EntityListScreen, nameList } from '../../components/EntityList/EntityListScreen';
import { IdField } from '../../components/EntityList/IdField';
import { NameField } from '../../components/EntityList/NameField';
import { Section, SelectField, SwitchField, TextareaField, useLabelledError } from '../../components/EntityList/fields';
import type { EntityEditorProps, EntityScreenConfig } from '../../components/EntityList/types';
import { applePurposeLabel, deriveStorePurposes, playPurposeLabel } from '../../../../core/reference';

export const LAWFUL_BASIS_LABELS: Record<LawfulBasis, string> = {
  consent: 'Consent',
  contract: 'Contract',
  'legal-obligation': 'Legal obligation',
  'vital-interests': 'Vital interests',
  'public-task': 'Public task',
  'legitimate-interests': 'Legitimate interests',
};

export const LAWFUL_BASIS_HINTS = new Map<string, string>([
  ['consent', 'The person agreed to it and can withdraw at any time.'],
  ['contract', 'Needed to provide what the person signed up for.'],
  ['legal-obligation', 'A law requires you to do it.'],
  ['vital-interests', "Needed to protect someone's life."],
  ['public-task', 'A task in the public interest or under official authority.'],
  ['legitimate-interests', "Your interest, weighed against the person's rights and expectations."],
]);

const USE_DESCRIPTIONS = new Map(DATA_USES.map((u) => [u.key, u.description]));

// Grouped by the top of the taxonomy ("Analytics", "Essential", "Marketing", …) so the long list scans.
const DECISION_GROUND_OPTIONS = DECISION_GROUNDS.map((g) => ({ value: g, label: DECISION_GROUND_LABELS[g].label }));
const PROFILING_OPTIONS = [
  { value: 'auto', label: 'Automatic (from the data use)' },
  { value: 'yes', label: 'Yes, it profiles people' },
  { value: 'no', label: 'No, it does not profile people' },
];

const USE_OPTIONS = (() => {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const use of DATA_USES) {
    const root = use.key.split('.')[0];
    const group = USE_BY_KEY.get(root)?.name ?? root;
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push({ value: use.key, label: use.name });
  }
  return [...groups].map(([group, items]) => ({ group, items }));
})();

const AUTOMATIC = 'automatic';

interface UseItem extends ComboboxItem {
  description: string;
  depth: number;
}

const dataUseItem = (o: TaxonomyPickerOption): UseItem => ({ value: o.value, label: o.name, description: o.description, depth: o.depth });

// Plain words first: typing "personal" finds "Personalize" before "First Party Personalized Advertising".
const dataUseFilter: OptionsFilter = ({ options, search }) =>
  search.trim() ? rankOptions(dataUsePickerOptions(), search).map(dataUseItem) : options;

/** The data use, by its name and meaning; the fideslang key is secondary detail. */
function DataUseField({
  path,
  value,
  description,
  onValue,
}: {
  path: string;
  value: string | undefined;
  description: string | undefined;
  onValue(value: string | null): void;
}) {
  const readOnly = useReadOnly();
  const validation = useLabelledError(path, 'Data use');
  return (
    <Select
      label="Data use"
      description={description ?? 'What kind of use this purpose is; it decides the store labels.'}
      placeholder="Search data uses: analytics, advertising, personalize…"
      value={value ?? null}
      data={USE_OPTIONS}
      onChange={onValue}
      error={validation}
      readOnly={readOnly}
      searchable
      clearable={!readOnly}
      allowDeselect={false}
      nothingFoundMessage="No data use matches"
      filter={dataUseFilter}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      data-path={path}
      renderOption={({ option, checked }) => {
        const item = option as UseItem;
        return (
          <Stack gap={0} title={`${item.label}: ${USE_DESCRIPTIONS.get(item.value) ?? ''}`}>
            <Text size="sm" fw={checked ? 600 : undefined}>
              {item.label}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {USE_DESCRIPTIONS.get(item.value)}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace" opacity={0.75}>
              {item.value}
            </Text>
          </Stack>
        );
      }}
    />
  );
}

function PurposeEditor({ entry, index, path, edit }: EntityEditorProps<'purposes'>) {
  const usedBy = useEditor((s) => (s.workspace ? dataTypesUsing(s.workspace, 'purposes', entry.id).length : 0));
  const basis = entry.lawfulBasis;
  const showInterest = basis === 'legitimate-interests' || Boolean(entry.legitimateInterest);
  // What the store purposes would be without overrides, so "Automatic" can say what it means.
  const automatic = deriveStorePurposes({ use: entry.use });
  const useDescription = entry.use ? USE_DESCRIPTIONS.get(entry.use) : undefined;

  return (
    <Stack gap="lg">
      <Section title="Purpose" description="What you do with the data, in words the people it is about will understand.">
        <NameField
          list="purposes"
          screen="purposes"
          singular="purpose"
          index={index}
          id={entry.id}
          name={entry.name}
          usedBy={usedBy}
          placeholder="Send the monthly memories email"
          description="Written as it should read in the privacy notice."
        />
        <IdField list="purposes" screen="purposes" singular="purpose" index={index} id={entry.id} usedBy={usedBy} />
        <TextareaField
          path={`${path}.description`}
          label="Description"
          description="What you do, in plain language."
          value={entry.description}
          onValue={(value) => edit('Edit purpose description', (p) => setOptional(p, 'description', value), `${path}.description`)}
        />
        <DataUseField
          path={`${path}.use`}
          value={entry.use}
          description={useDescription}
          onValue={(value) => edit('Change data use', (p) => setOptional(p, 'use', value))}
        />
      </Section>

      <Section title="Lawful basis" description="The ground in GDPR Article 6 that allows you to use data for this purpose.">
        <SelectField
          path={`${path}.lawfulBasis`}
          label="Lawful basis"
          placeholder="Choose a lawful basis"
          description={basis ? LAWFUL_BASIS_HINTS.get(basis) : undefined}
          value={basis}
          data={LAWFUL_BASES.map((value) => ({ value, label: LAWFUL_BASIS_LABELS[value] }))}
          descriptions={LAWFUL_BASIS_HINTS}
          clearable
          onValue={(value) => edit('Change lawful basis', (p) => setOptional(p, 'lawfulBasis', value as LawfulBasis | null))}
        />
        {showInterest ? (
          <TextareaField
            path={`${path}.legitimateInterest`}
            label="Legitimate interest"
            description="The interest you pursue, as the notice will state it."
            placeholder="Keeping accounts safe from takeover."
            value={entry.legitimateInterest}
            warning={
              basis === 'legitimate-interests' && !entry.legitimateInterest?.trim()
                ? 'Say which interest you pursue: the notice must name it when the basis is legitimate interests.'
                : basis !== 'legitimate-interests'
                  ? 'Only used when the lawful basis is legitimate interests.'
                  : undefined
            }
            onValue={(value) =>
              edit('Edit legitimate interest', (p) => setOptional(p, 'legitimateInterest', value), `${path}.legitimateInterest`)
            }
          />
        ) : null}
      </Section>

      <Section
        title="Automated decisions and profiling"
        description="GDPR Article 22: decisions made without a person that have legal or similarly significant effects; and whether the purpose profiles people."
      >
        <SwitchField
          path={`${path}.automatedDecision`}
          label="Makes automated decisions with legal or similar effect"
          description="Such as refusing an account or a price automatically. The notice then explains the logic and its consequences."
          checked={Boolean(entry.automatedDecision)}
          onValue={(on) =>
            edit(on ? 'Turn on automated decision' : 'Turn off automated decision', (p) => {
              if (on) p.automatedDecision = { logic: '', consequences: '' };
              else delete p.automatedDecision;
            })
          }
        />
        {entry.automatedDecision ? (
          <>
            <TextareaField
              path={`${path}.automatedDecision.logic`}
              label="Logic"
              description="How the decision is made, in terms a person can follow."
              required
              value={entry.automatedDecision.logic}
              onValue={(value) =>
                edit(
                  'Edit decision logic',
                  (p) => {
                    if (p.automatedDecision) p.automatedDecision.logic = value;
                  },
                  `${path}.automatedDecision.logic`,
                )
              }
            />
            <TextareaField
              path={`${path}.automatedDecision.consequences`}
              label="Consequences"
              description="What the decision means for the person."
              required
              value={entry.automatedDecision.consequences}
              onValue={(value) =>
                edit(
                  'Edit decision consequences',
                  (p) => {
                    if (p.automatedDecision) p.automatedDecision.consequences = value;
                  },
                  `${path}.automatedDecision.consequences`,
                )
              }
            />
            <TextareaField
              path={`${path}.automatedDecision.significance`}
              label="Significance"
              description="Optional: why the decision matters to the person, such as whether they get the service or the price."
              value={entry.automatedDecision.significance ?? ''}
              onValue={(value) =>
                edit(
                  'Edit decision significance',
                  (p) => {
                    if (p.automatedDecision) setOptional(p.automatedDecision, 'significance', value);
                  },
                  `${path}.automatedDecision.significance`,
                )
              }
            />
            <SelectField
              path={`${path}.automatedDecision.ground`}
              label="What allows it"
              description="Article 22(2): the decision must be necessary for a contract with the person, authorised by law, or based on their explicit consent. Legitimate interests alone are not enough."
              placeholder="Choose what allows it"
              value={entry.automatedDecision.ground}
              data={DECISION_GROUND_OPTIONS}
              onValue={(value) =>
                edit('Change what allows the decision', (p) => {
                  if (p.automatedDecision) setOptional(p.automatedDecision, 'ground', value as DecisionGround | null);
                })
              }
            />
          </>
        ) : null}
        <SelectField
          path={`${path}.profiling`}
          label="Profiling"
          description={`Whether this purpose evaluates or predicts people's interests, behaviour or reliability. Automatic follows the data use${profiles({ ...entry, profiling: undefined }) ? ', which profiles' : ', which does not say it profiles'}.`}
          value={entry.profiling === undefined ? 'auto' : entry.profiling ? 'yes' : 'no'}
          data={PROFILING_OPTIONS}
          onValue={(value) =>
            edit('Change profiling', (p) => {
              if (value === 'yes') p.profiling = true;
              else if (value === 'no') p.profiling = false;
              else delete p.profiling;
            })
          }
        />
      </Section>

      <Section
        title="Store purpose overrides"
        description="Which Apple and Google Play purpose this counts as. Automatic follows the data use and suits most purposes."
      >
        <SelectField
          path={`${path}.storePurpose.apple`}
          label="Apple purpose"
          value={entry.storePurpose?.apple ?? AUTOMATIC}
          data={[
            { value: AUTOMATIC, label: automaticLabel(applePurposeLabel(automatic.apple), automatic.source.apple) },
            ...APPLE_PURPOSES.map((p) => ({ value: p.id, label: p.label })),
          ]}
          onValue={(value) => edit('Change Apple purpose', (p) => setStorePurpose(p, 'apple', value === AUTOMATIC ? null : value))}
        />
        <SelectField
          path={`${path}.storePurpose.play`}
          label="Google Play purpose"
          value={entry.storePurpose?.play ?? AUTOMATIC}
          data={[
            { value: AUTOMATIC, label: automaticLabel(playPurposeLabel(automatic.play), automatic.source.play) },
            ...PLAY_PURPOSES.map((p) => ({ value: p.id, label: p.label })),
          ]}
          onValue={(value) => edit('Change Google Play purpose', (p) => setStorePurpose(p, 'play', value === AUTOMATIC ? null : value))}
        />
      </Section>
    </Stack>
  );
}

function automaticLabel(derived: string, source: 'override' | 'use' | 'default'): string {
  return source === 'use' ? `Automatic (from the data use): ${derived}` : `Automatic: ${derived} (no data use chosen yet)`;
}

function setStorePurpose(purpose: Purpose, store: 'apple' | 'play', value: string | null) {
  const overrides: NonNullable<Purpose['storePurpose']> = { ...purpose.storePurpose };
  if (store === 'apple') setOptional(overrides, 'apple', value as ApplePurpose['id'] | null);
  else setOptional(overrides, 'play', value as PlayPurpose['id'] | null);
  purpose.storePurpose = overrides;
  pruneEmpty(purpose, 'storePurpose');
}

function secondary(purpose: Purpose): string {
  return purpose.lawfulBasis ? LAWFUL_BASIS_LABELS[purpose.lawfulBasis] : 'No lawful basis yet';
}

export const PURPOSES_CONFIG: EntityScreenConfig<'purposes'> = {
  list: 'purposes',
  screen: 'purposes',
  title: 'Purposes',
  singular: 'purpose',
  plural: 'purposes',
  intro: 'Why you use personal data',
  icon: IconTarget,
  emptyDescription:
    'A purpose is a reason you use personal data, such as “Send the monthly newsletter” or “Find and fix crashes”. Every data type names at least one, and the privacy notice explains each with its lawful basis.',
  newName: 'New purpose',
  secondary,
  Editor: PurposeEditor,
  usedByDescription: 'Data types collected or used for this purpose.',
  unusedDescription: 'No data type uses this purpose yet. Add it to a data type in the data type’s editor.',
  deleteConsequences(purpose, users, workspace) {
    const orphaned = users.filter((u) => (workspace.dataTypes[u.index]?.purposes ?? []).filter((p) => p !== purpose.id).length === 0);
    const others = users.filter((u) => !orphaned.includes(u));
    const name = purpose.name || purpose.id;
    return (
      <>
        {orphaned.length > 0 ? (
          <p>
            <strong>{nameList(orphaned.map((u) => u.name))}</strong>{' '}
            {orphaned.length === 1 ? 'would be left with no purpose. It' : 'would be left with no purpose. They'} will need one before the
            workspace can be saved.
          </p>
        ) : null}
        {others.length > 0 ? (
          <p>
            <strong>{nameList(others.map((u) => u.name))}</strong> will no longer list “{name}” as a purpose.
          </p>
        ) : null}
      </>
    );
  },
};

export function PurposesScreen({ id, field }: { id?: string; field?: string }) {
  return <EntityListScreen config={PURPOSES_CONFIG} id={id} field={field} />;
}
