// The incident's log: what was done when, stamped with the time it was written (Art 33(5) asks for the facts
// and the remedial action; a log written as it happens is the team's best evidence of both).
import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { IconNotes, IconPlus } from '@tabler/icons-react';
import { formatInstant, incidentZone } from '../../../../core/incidents/clock';
import type { Incident } from '../../../../core/incidents/schema';
import { nowIso, browserTimeZone } from '../../state/incidents-time';
import { Section } from '../../components/EntityList/fields';
import { useIncidentsReadOnly } from './fields';
import type { EditIncident } from './Record';

const BY_KEY = 'candor-incident-log-by';

function rememberedName(): string {
  try {
    return globalThis.localStorage?.getItem(BY_KEY) ?? '';
  } catch {
    return '';
  }
}

export function LogTab({ incident, path, edit }: { incident: Incident; path: string; edit: EditIncident }) {
  const readOnly = useIncidentsReadOnly();
  const [text, setText] = useState('');
  const [by, setBy] = useState(rememberedName);
  const zone = incidentZone(incident);
  // Newest first: in the middle of an incident the latest step is what people look for.
  const entries = incident.log.map((entry, index) => ({ entry, index })).sort((a, b) => Date.parse(b.entry.at) - Date.parse(a.entry.at));

  const add = () => {
    const note = text.trim();
    if (!note || readOnly) return;
    const at = nowIso(incident.timeZone ?? browserTimeZone());
    const who = by.trim();
    edit((i) => {
      i.log.push({ at, text: note, ...(who ? { by: who } : {}) });
    });
    try {
      globalThis.localStorage?.setItem(BY_KEY, who);
    } catch {
      // Storage disabled: the name is asked again next time.
    }
    setText('');
  };

  return (
    <Stack gap="lg">
      <Section
        title="Add to the log"
        description="Write what was done or learned; the entry is stamped with the time now. Entries are kept as written: to correct one, add another."
      >
        <Textarea
          label="What was done or learned"
          placeholder="Revoked the stolen laptop's VPN certificate and reset the support team's passwords."
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
              e.preventDefault();
              add();
            }
          }}
          autosize
          minRows={2}
          readOnly={readOnly}
          data-path={`${path}.log`}
        />
        <Group align="flex-end" gap="sm">
          <TextInput
            label="By"
            placeholder="Your name"
            value={by}
            onChange={(e) => setBy(e.currentTarget.value)}
            readOnly={readOnly}
            w={240}
          />
          <Button leftSection={<IconPlus size={16} />} onClick={add} disabled={readOnly || !text.trim()}>
            Add entry
          </Button>
        </Group>
      </Section>

      <Paper withBorder radius="md" p="lg">
        {entries.length === 0 ? (
          <Stack align="center" gap={4} py="md">
            <IconNotes size={28} stroke={1.5} color="var(--mantine-color-dimmed)" />
            <Text fw={600}>Nothing logged yet</Text>
            <Text size="sm" c="dimmed" ta="center" maw={420}>
              Each step of the response, with its time, becomes the record the register keeps of this incident.
            </Text>
          </Stack>
        ) : (
          <Timeline bulletSize={14} lineWidth={2} active={entries.length} data-testid="incident-log">
            {entries.map(({ entry, index }) => (
              <Timeline.Item key={`${index}:${entry.at}`} title={<Text size="sm">{entry.text}</Text>}>
                <Text size="xs" c="dimmed" mt={2}>
                  {formatInstant(entry.at, zone)}
                  {entry.by ? ` · ${entry.by}` : ''}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Paper>
    </Stack>
  );
}
