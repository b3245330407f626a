// What happened, as the register records it: every field of the incident in plain words, grouped as the team
// learns them in the first hours (when, what, whose data, how protected, what it means, what is being done).
import { useMemo } from 'react';
import { Checkbox, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text } from '@mantine/core';
import type { Draft } from 'immer';
import { BREACH_KINDS, LEVELS, RESIDENCES, type Incident, type Level, type Residence } from '../../../../core/incidents/schema';
import { setOptional } from '../../state/edit';
import { useEditor } from '../../state/store';
import { browserTimeZone, isoToWallTime, timeZones, wallTimeToIso } from '../../state/incidents-time';
import { Section } from '../../components/EntityList/fields';
import {
  IncidentDateTime,
  IncidentLevel,
  IncidentNumber,
  IncidentText,
  IncidentTextarea,
  IncidentYesNo,
  useIncidentError,
  useIncidentsReadOnly,
} from './fields';
import { KIND_LABELS, LEVEL_LABELS, residenceLabel } from './labels';

export type EditIncident = (recipe: (incident: Draft<Incident>) => void) => void;

const LEVEL_OPTIONS = LEVELS.map((value) => ({ value, label: LEVEL_LABELS[value] }));

/** Nested optional objects (identity protection, occurred) lose a field, and themselves once empty. */
function setIn<K extends 'occurred' | 'identityProtection'>(
  incident: Draft<Incident>,
  key: K,
  field: keyof NonNullable<Incident[K]>,
  value: unknown,
) {
  const target = { ...(incident[key] ?? {}) } as Record<string, unknown>;
  if (value === undefined || value === '' || value === null) delete target[field as string];
  else target[field as string] = value;
  if (Object.keys(target).length === 0) delete incident[key];
  else incident[key] = target as Draft<Incident>[K];
}

export function RecordTab({ incident, path, edit }: { incident: Incident; path: string; edit: EditIncident }) {
  const workspace = useEditor((s) => s.workspace);
  const readOnly = useIncidentsReadOnly();
  const zone = incident.timeZone ?? browserTimeZone();
  const zoneOptions = useMemo(() => timeZones(), []);
  const dataTypeOptions = useMemo(
    () =>
      (workspace?.dataTypes ?? [])
        .map((d) => ({ value: d.id, label: d.name || d.id }))
        .sort((a, b) => a.label.localeCompare(b.label, 'en')),
    [workspace],
  );
  const recipientOptions = useMemo(
    () =>
      (workspace?.recipients ?? [])
        .map((r) => ({ value: r.id, label: r.name || r.id }))
        .sort((a, b) => a.label.localeCompare(b.label, 'en')),
    [workspace],
  );
  // An id the inventory no longer has stays listed (by its id) so it is not silently dropped.
  const withUnknown = (options: { value: string; label: string }[], ids: readonly string[] = []) => [
    ...options,
    ...ids.filter((id) => !options.some((o) => o.value === id)).map((id) => ({ value: id, label: `${id} (not in the inventory)` })),
  ];
  const jurisdictions = workspace?.organization.jurisdictions ?? [];
  const residenceOptions = [
    {
      group: 'Where your workspace applies',
      items: RESIDENCES.filter((r) => (jurisdictions as readonly string[]).includes(r)).map((value) => ({
        value,
        label: residenceLabel(value),
      })),
    },
    {
      group: 'Elsewhere',
      items: RESIDENCES.filter((r) => !(jurisdictions as readonly string[]).includes(r))
        .map((value) => ({ value, label: residenceLabel(value) }))
        .sort((a, b) => (a.value === 'other' ? 1 : b.value === 'other' ? -1 : a.label.localeCompare(b.label, 'en'))),
    },
  ].filter((g) => g.items.length > 0);
  const dataTypesError = useIncidentError(`${path}.dataTypes`);

  return (
    <Stack gap="lg">
      <Section title="When" description="The 72 hours run from the moment your organisation became aware of the breach, in absolute time.">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <IncidentDateTime
            path={`${path}.discoveredAt`}
            label="Discovered"
            description="When you became reasonably certain that personal data was affected: not the first alert, nor the end of the investigation."
            value={incident.discoveredAt}
            timeZone={zone}
            required
            onValue={(v) => v && edit((i) => void (i.discoveredAt = v))}
          />
          <Select
            label="Time zone"
            description="The zone the team works in: times and the deadline are shown in it. Changing it keeps the times as typed."
            data={zoneOptions}
            value={zone}
            searchable
            readOnly={readOnly}
            allowDeselect={false}
            nothingFoundMessage="No time zone matches"
            maxDropdownHeight={320}
            comboboxProps={{ withinPortal: true }}
            data-path={`${path}.timeZone`}
            onChange={(next) => {
              if (!next) return;
              edit((i) => {
                const wall = isoToWallTime(i.discoveredAt, zone);
                i.discoveredAt = wallTimeToIso(wall, next) ?? i.discoveredAt;
                for (const key of ['from', 'to'] as const) {
                  const at = i.occurred?.[key];
                  if (at && at.includes('T')) i.occurred![key] = wallTimeToIso(isoToWallTime(at, zone), next) ?? at;
                }
                i.timeZone = next;
              });
            }}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <IncidentDateTime
            path={`${path}.occurred.from`}
            label="Happened on or from"
            description="The day, or the time if known, the breach began."
            value={incident.occurred?.from}
            timeZone={zone}
            dayOnly
            onValue={(v) => edit((i) => setIn(i, 'occurred', 'from', v))}
          />
          <IncidentDateTime
            path={`${path}.occurred.to`}
            label="Until"
            description="Leave empty for a single day or if it is still going on."
            value={incident.occurred?.to}
            timeZone={zone}
            dayOnly
            onValue={(v) => edit((i) => setIn(i, 'occurred', 'to', v))}
          />
        </SimpleGrid>
      </Section>

      <Section title="What happened" description="In plain words: the drafts and the register use them as written.">
        <IncidentTextarea
          path={`${path}.summary`}
          label="What happened"
          description="What happened, how it was found, and what is known so far. Short sentences read best in the notices."
          placeholder="A laptop with the support team's exports was stolen from a car on 4 December."
          value={incident.summary}
          onValue={(v) => edit((i) => void (i.summary = v))}
        />
        <Checkbox.Group
          label="Kind of breach"
          description="The EDPB's three kinds; choose every one that applies."
          value={incident.kinds ?? []}
          onChange={(v) =>
            !readOnly && edit((i) => setOptional(i, 'kinds', BREACH_KINDS.filter((k) => v.includes(k)) as Incident['kinds']))
          }
          data-path={`${path}.kinds`}
        >
          <Stack gap="xs" mt="xs">
            {BREACH_KINDS.map((kind) => (
              <Checkbox key={kind} value={kind} label={KIND_LABELS[kind].label} description={KIND_LABELS[kind].hint} readOnly={readOnly} />
            ))}
          </Stack>
        </Checkbox.Group>
        <IncidentTextarea
          path={`${path}.cause`}
          label="Cause"
          description="Optional. What made it possible, if known: a phishing email, a misconfigured bucket, a processor's error."
          minRows={2}
          value={incident.cause}
          onValue={(v) => edit((i) => setOptional(i, 'cause', v))}
        />
      </Section>

      <Section
        title="Whose data, and which"
        description="Picked from the inventory, so the assessment knows how sensitive the data is and the notices name it as the privacy notice does."
      >
        <MultiSelect
          label="Data types affected"
          description="Every data type that was disclosed, altered or lost."
          placeholder={incident.dataTypes.length === 0 ? 'Search the inventory' : undefined}
          data={withUnknown(dataTypeOptions, incident.dataTypes)}
          value={incident.dataTypes}
          onChange={(v) => edit((i) => void (i.dataTypes = v))}
          searchable
          clearable={!readOnly}
          readOnly={readOnly}
          hidePickedOptions
          nothingFoundMessage="No data type with that name"
          maxDropdownHeight={320}
          comboboxProps={{ withinPortal: true }}
          error={dataTypesError}
          data-path={`${path}.dataTypes`}
        />
        <MultiSelect
          label="Recipients involved"
          description="A processor or partner where the breach happened: its breach is yours to report."
          placeholder={(incident.recipients ?? []).length === 0 ? 'None' : undefined}
          data={withUnknown(recipientOptions, incident.recipients)}
          value={incident.recipients ?? []}
          onChange={(v) => edit((i) => setOptional(i, 'recipients', v))}
          searchable
          clearable={!readOnly}
          readOnly={readOnly}
          hidePickedOptions
          nothingFoundMessage="No recipient with that name"
          comboboxProps={{ withinPortal: true }}
          data-path={`${path}.recipients`}
        />
        <TagsInput
          label="Systems"
          description="The systems, databases or devices affected. Press Enter after each."
          placeholder={(incident.systems ?? []).length === 0 ? 'Support laptop, orders database' : undefined}
          value={incident.systems ?? []}
          onChange={(v) => edit((i) => setOptional(i, 'systems', v.map((s) => s.trim()).filter(Boolean)))}
          acceptValueOnBlur
          clearable={!readOnly}
          readOnly={readOnly}
          data-path={`${path}.systems`}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <IncidentNumber
            path={`${path}.people`}
            label="People affected (approximately)"
            description="An estimate is fine; update it as you learn more."
            value={incident.people}
            onValue={(v) => edit((i) => setOptional(i, 'people', v))}
          />
          <IncidentNumber
            path={`${path}.records`}
            label="Records affected (approximately)"
            description="Rows, files or messages, as you count them."
            value={incident.records}
            onValue={(v) => edit((i) => setOptional(i, 'records', v))}
          />
        </SimpleGrid>
        <MultiSelect
          label="Where the people live"
          description="Each place has its own rules on telling people: the EU and UK GDPR, and every US state's breach law."
          placeholder={(incident.residence ?? []).length === 0 ? 'Choose places' : undefined}
          data={residenceOptions}
          value={incident.residence ?? []}
          onChange={(v) =>
            edit((i) => {
              setOptional(i, 'residence', v as Residence[]);
              // Counts for a place no longer chosen would be kept unseen; they go with it.
              if (i.residents) {
                for (const key of Object.keys(i.residents) as Residence[]) if (!v.includes(key)) delete i.residents[key];
                if (Object.keys(i.residents).length === 0) delete i.residents;
              }
            })
          }
          searchable
          clearable={!readOnly}
          readOnly={readOnly}
          hidePickedOptions
          maxDropdownHeight={320}
          comboboxProps={{ withinPortal: true }}
          data-path={`${path}.residence`}
        />
        {(incident.residence ?? []).length > 0 ? (
          <div>
            <Text size="sm" fw={500}>
              People per place
            </Text>
            <Text size="xs" c="dimmed" mb={6}>
              Where known. California asks for a copy to its Attorney General when more than 500 residents are notified.
            </Text>
            <Group gap="sm" align="flex-end">
              {(incident.residence ?? []).map((place) => (
                <NumberInput
                  key={place}
                  label={residenceLabel(place)}
                  size="xs"
                  w={150}
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator=","
                  readOnly={readOnly}
                  value={incident.residents?.[place] ?? ''}
                  data-path={`${path}.residents.${place}`}
                  onChange={(v) =>
                    edit((i) => {
                      const residents = { ...(i.residents ?? {}) };
                      if (typeof v === 'number' && Number.isFinite(v)) residents[place] = Math.max(0, Math.round(v));
                      else delete residents[place];
                      setOptional(i, 'residents', Object.keys(residents).length ? residents : undefined);
                    })
                  }
                />
              ))}
            </Group>
          </div>
        ) : null}
      </Section>

      <Section
        title="Protection"
        description="Data that was encrypted, with the key safe, is unintelligible to whoever got it: often no notice to people is needed (Art 34(3)(a))."
      >
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <IncidentYesNo
            path={`${path}.encrypted`}
            label="Encrypted or otherwise unintelligible"
            description="To whoever got it: full-disk encryption, strong hashing."
            value={incident.encrypted}
            onValue={(v) => edit((i) => setOptional(i, 'encrypted', v))}
          />
          <IncidentYesNo
            path={`${path}.keySafe`}
            label="The key was safe"
            description="The key, password or whatever undoes the protection was not exposed."
            value={incident.keySafe}
            onValue={(v) => edit((i) => setOptional(i, 'keySafe', v))}
          />
        </SimpleGrid>
        <IncidentText
          path={`${path}.protection`}
          label="How it was protected"
          description="Optional, in words: “full-disk encryption (FileVault)”, “passwords hashed with bcrypt, salted”."
          value={incident.protection}
          onValue={(v) => edit((i) => setOptional(i, 'protection', v))}
        />
      </Section>

      <Section
        title="What it means for the people"
        description="Your judgement of what the inventory cannot know (EDPB Guidelines 9/2022). The assessment weighs these with the data's sensitivity."
      >
        <IncidentLevel
          path={`${path}.identifiability`}
          label="How easily people can be identified"
          description="Low: pseudonymous ids only. High: names, emails or ID numbers alongside the data."
          value={incident.identifiability}
          options={LEVEL_OPTIONS}
          onValue={(v) => edit((i) => setOptional(i, 'identifiability', v as Level | undefined))}
        />
        <IncidentLevel
          path={`${path}.severity`}
          label="How severe the consequences could be"
          description="Low: inconvenience. Medium: significant but surmountable. High: fraud, discrimination, danger, lasting harm."
          value={incident.severity}
          options={LEVEL_OPTIONS}
          onValue={(v) => edit((i) => setOptional(i, 'severity', v as Level | undefined))}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <IncidentYesNo
            path={`${path}.permanent`}
            label="The harm cannot be undone"
            description="A published ID document or diagnosis; not a password that can be changed."
            value={incident.permanent}
            onValue={(v) => edit((i) => setOptional(i, 'permanent', v))}
          />
          <IncidentYesNo
            path={`${path}.vulnerable`}
            label="Children or vulnerable people affected"
            description="Children, patients, people in hardship or at risk."
            value={incident.vulnerable}
            onValue={(v) => edit((i) => setOptional(i, 'vulnerable', v))}
          />
        </SimpleGrid>
        <IncidentTextarea
          path={`${path}.consequences`}
          label="Likely consequences"
          description="For the people affected, in your words: phishing emails, account takeover, fraud, embarrassment."
          value={incident.consequences}
          onValue={(v) => edit((i) => setOptional(i, 'consequences', v))}
        />
      </Section>

      <Section title="What you are doing" description="The notices tell people and the authority what was done and what will be.">
        <IncidentTextarea
          path={`${path}.actionsTaken`}
          label="Actions taken"
          description="What has been done to stop it and limit the harm."
          value={incident.actionsTaken}
          onValue={(v) => edit((i) => setOptional(i, 'actionsTaken', v))}
        />
        <IncidentTextarea
          path={`${path}.actionsPlanned`}
          label="Actions planned"
          description="What will be done, and what will stop it happening again."
          value={incident.actionsPlanned}
          onValue={(v) => edit((i) => setOptional(i, 'actionsPlanned', v))}
        />
        <Text size="sm" fw={600} mt="xs">
          Identity protection offered
        </Text>
        <Text size="xs" c="dimmed" mt={-10}>
          Identity theft prevention and mitigation services, if you offer them. California requires an offer of at least 12 months when your
          business was the source of the breach and Social Security, driver’s licence or California ID numbers were exposed; the US notice
          says how to enrol.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <IncidentText
            path={`${path}.identityProtection.provider`}
            label="Provider"
            placeholder="Experian IdentityWorks"
            value={incident.identityProtection?.provider}
            onValue={(v) => edit((i) => setIn(i, 'identityProtection', 'provider', v))}
          />
          <IncidentNumber
            path={`${path}.identityProtection.months`}
            label="Months offered, free of charge"
            value={incident.identityProtection?.months}
            onValue={(v) => edit((i) => setIn(i, 'identityProtection', 'months', v))}
          />
        </SimpleGrid>
        <IncidentTextarea
          path={`${path}.identityProtection.howToEnroll`}
          label="How to enrol"
          minRows={2}
          value={incident.identityProtection?.howToEnroll}
          onValue={(v) => edit((i) => setIn(i, 'identityProtection', 'howToEnroll', v))}
        />
      </Section>

      <Section title="When notices may wait" description="What the notices say about their own timing.">
        <IncidentYesNo
          path={`${path}.lawEnforcementDelay`}
          label="A law enforcement agency asked for notice to wait"
          description="The US notice must say whether it was delayed by law enforcement (Cal. Civ. Code 1798.82)."
          value={incident.lawEnforcementDelay}
          onValue={(v) => edit((i) => setOptional(i, 'lawEnforcementDelay', v))}
        />
        <IncidentTextarea
          path={`${path}.delayReasons`}
          label="Reasons for a late notification"
          description="Needed when the authority is notified more than 72 hours after discovery (Art 33(1)); the authority draft gives them."
          minRows={2}
          value={incident.delayReasons}
          onValue={(v) => edit((i) => setOptional(i, 'delayReasons', v))}
        />
      </Section>
    </Stack>
  );
}
