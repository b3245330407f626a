// What Candor works out about the incident (core/incidents/assessment.ts: the EDPB's factors, the breach-law
// data elements in the affected data types, the proposals with their reasons) beside the team's decisions.
// Candor proposes; the team decides, and the register keeps the decision with its reasons, who and when.
import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, List, Paper, SegmentedControl, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconGavel, IconScale, IconUserExclamation, IconUsers, IconX } from '@tabler/icons-react';
import { assessIncident } from '../../../../core/incidents/assessment';
import { BREACH_ELEMENT_LABELS } from '../../../../core/incidents/elements';
import type { Incident, IncidentDecision } from '../../../../core/incidents/schema';
import type { Art34Exception, Proposal, RiskAssessment, RiskFactor } from '../../../../core/incidents/types';
import type { Workspace } from '../../../../core/schema';
import { useEditor } from '../../state/store';
import { browserTimeZone, nowIso } from '../../state/incidents-time';
import { IncidentDateTime, IncidentText, IncidentTextarea, useIncidentsReadOnly } from './fields';
import type { EditIncident } from './Record';
import classes from './Incidents.module.css';

type DecisionKey = 'authority' | 'people' | 'usStates';

const LEVEL_VIEW: Record<RiskAssessment['level'], { label: string; color: string; text: string }> = {
  high: {
    label: 'High risk',
    color: 'red',
    text: 'Likely to result in a high risk to people’s rights and freedoms: notify the authority and tell the people affected.',
  },
  risk: {
    label: 'Risk',
    color: 'orange',
    text: 'Likely to result in a risk to people’s rights and freedoms: notify the authority; telling people is not required.',
  },
  unlikely: {
    label: 'Risk unlikely',
    color: 'teal',
    text: 'Unlikely to result in a risk to people: no notification required, but the register keeps the breach.',
  },
};

const FACTOR_LABELS: Record<RiskFactor['factor'], string> = {
  sensitivity: 'Sensitivity of the data',
  volume: 'Number of people and records',
  identifiability: 'Ease of identification',
  severity: 'Severity of consequences',
  permanence: 'Permanence of consequences',
  vulnerable: 'Vulnerable people',
  encryption: 'Encryption',
  'breach-kind': 'Kind of breach',
};

const FACTOR_LEVEL_COLORS = { low: 'teal', medium: 'yellow', high: 'red' } as const;

const EXCEPTION_TEXT: Record<Art34Exception, string> = {
  unintelligible: 'Art 34(3)(a): the data was unintelligible to anyone not authorised, such as encrypted with the key safe.',
  'risk-removed': 'Art 34(3)(b): measures taken since mean the high risk is no longer likely.',
  'disproportionate-effort':
    'Art 34(3)(c): telling each person would take disproportionate effort; a public communication takes its place.',
};

const DECISION_TITLES: Record<DecisionKey, { title: string; notify: string; doNot: string; icon: typeof IconGavel }> = {
  authority: { title: 'Notify the supervisory authority', notify: 'Notify', doNot: 'Do not notify', icon: IconGavel },
  people: { title: 'Tell the people affected', notify: 'Tell them', doNot: 'Do not tell them', icon: IconUsers },
  usStates: { title: 'US state breach notices', notify: 'Send notices', doNot: 'No notices', icon: IconScale },
};

function ProposalBadge({ proposal, labels }: { proposal: Proposal; labels: { notify: string; doNot: string } }) {
  return (
    <Badge variant="light" color={proposal === 'notify' ? 'red' : 'teal'} size="lg" tt="none">
      Candor proposes: {proposal === 'notify' ? labels.notify.toLowerCase() : labels.doNot.toLowerCase()}
    </Badge>
  );
}

function rememberedName(): string {
  try {
    return globalThis.localStorage?.getItem('candor-incident-log-by') ?? '';
  } catch {
    return '';
  }
}

/** The team's decision on one question: recorded from the proposal (its reasons pre-filled), then edited freely. */
function DecisionEditor({
  which,
  incident,
  path,
  edit,
  proposal,
  reasons,
}: {
  which: DecisionKey;
  incident: Incident;
  path: string;
  edit: EditIncident;
  proposal: Proposal;
  reasons: string[];
}) {
  const readOnly = useIncidentsReadOnly();
  const decision = incident.decisions?.[which];
  const labels = DECISION_TITLES[which];
  const zone = incident.timeZone ?? browserTimeZone();
  const base = `${path}.decisions.${which}`;

  const setField = <K extends keyof IncidentDecision>(key: K, value: IncidentDecision[K] | undefined) =>
    edit((i) => {
      const current = i.decisions?.[which];
      if (!current) return;
      if (value === undefined || value === '') delete current[key];
      else current[key] = value;
    });

  const record = (choice: Proposal) => {
    if (readOnly) return;
    const by = rememberedName().trim();
    const at = nowIso(zone);
    edit((i) => {
      i.decisions ??= {};
      i.decisions[which] = {
        decision: choice,
        // The proposal's reasons when the team follows it; its own words when it decides otherwise.
        reasons: choice === proposal ? reasons.join('\n\n') : '',
        decidedAt: at,
        ...(by ? { decidedBy: by } : {}),
      };
      i.log.push({
        at,
        text: `Decision recorded: ${choice === 'notify' ? labels.notify.toLowerCase() : labels.doNot.toLowerCase()} (${labels.title.toLowerCase()}).`,
        ...(by ? { by } : {}),
      });
    });
  };

  if (!decision) {
    return (
      <Group gap="sm" mt="xs" data-path={base}>
        <Text size="sm" c="dimmed" flex={1} miw={200}>
          No decision recorded yet. Recording one starts from Candor’s reasons; change them to the team’s own.
        </Text>
        <Button
          size="xs"
          variant={proposal === 'notify' ? 'filled' : 'default'}
          leftSection={<IconCheck size={14} />}
          onClick={() => record('notify')}
          disabled={readOnly}
        >
          Record: {labels.notify.toLowerCase()}
        </Button>
        <Button
          size="xs"
          variant={proposal === 'do-not-notify' ? 'filled' : 'default'}
          leftSection={<IconX size={14} />}
          onClick={() => record('do-not-notify')}
          disabled={readOnly}
        >
          Record: {labels.doNot.toLowerCase()}
        </Button>
      </Group>
    );
  }

  return (
    <Stack gap="sm" className={classes.decision} data-testid={`decision-${which}`}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" fw={600}>
          The team’s decision
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          disabled={readOnly}
          onClick={() =>
            edit((i) => {
              if (!i.decisions) return;
              delete i.decisions[which];
              if (Object.keys(i.decisions).length === 0) delete i.decisions;
            })
          }
        >
          Withdraw decision
        </Button>
      </Group>
      <SegmentedControl
        data={[
          { value: 'notify', label: labels.notify },
          { value: 'do-not-notify', label: labels.doNot },
        ]}
        value={decision.decision}
        onChange={(v) => setField('decision', v as Proposal)}
        readOnly={readOnly}
        aria-label={`${labels.title}: decision`}
        maw={360}
        data-path={`${base}.decision`}
      />
      <IncidentTextarea
        path={`${base}.reasons`}
        label="Reasons"
        description="Why the team decided so: the register keeps it (Art 33(5))."
        placeholder={
          decision.decision === proposal
            ? 'The facts and the judgement behind the decision.'
            : 'Candor proposed otherwise: say what the team knows that leads it to decide so.'
        }
        value={decision.reasons}
        minRows={3}
        onValue={(v) => setField('reasons', v)}
      />
      <Group grow align="flex-start" gap="md" wrap="wrap">
        <IncidentText
          path={`${base}.decidedBy`}
          label="Decided by"
          placeholder="Name and role"
          value={decision.decidedBy}
          onValue={(v) => setField('decidedBy', v)}
        />
        <IncidentDateTime
          path={`${base}.decidedAt`}
          label="Decided on"
          value={decision.decidedAt}
          timeZone={zone}
          onValue={(v) => setField('decidedAt', v)}
        />
      </Group>
      {decision.decision === 'notify' ? (
        <Group grow align="flex-start" gap="md" wrap="wrap">
          <IncidentDateTime
            path={`${base}.notifiedAt`}
            label={which === 'authority' ? 'Notified on' : 'Sent on'}
            description={which === 'authority' ? 'Stops the 72-hour clock.' : 'When the notice went out.'}
            value={decision.notifiedAt}
            timeZone={zone}
            onValue={(v) => setField('notifiedAt', v)}
          />
          <IncidentText
            path={`${base}.reference`}
            label={which === 'authority' ? 'Case number' : 'How it was sent'}
            description={which === 'authority' ? 'The authority’s reference, once it gives one.' : 'Email, in-app banner, letter.'}
            value={decision.reference}
            onValue={(v) => setField('reference', v)}
          />
        </Group>
      ) : null}
    </Stack>
  );
}

function QuestionCard({
  which,
  children,
  proposal,
  ...props
}: {
  which: DecisionKey;
  children: React.ReactNode;
  incident: Incident;
  path: string;
  edit: EditIncident;
  proposal: Proposal;
  reasons: string[];
}) {
  const labels = DECISION_TITLES[which];
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={labels.title}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon variant="light" color="gray" size={32} radius="md">
              <labels.icon size={18} />
            </ThemeIcon>
            <Title order={4}>{labels.title}</Title>
          </Group>
          <ProposalBadge proposal={proposal} labels={labels} />
        </Group>
        {children}
        <DecisionEditor which={which} proposal={proposal} {...props} />
      </Stack>
    </Paper>
  );
}

export function AssessmentTab({ incident, path, edit }: { incident: Incident; path: string; edit: EditIncident }) {
  const workspace = useEditor((s) => s.workspace) as Workspace;
  const assessment = useMemo(() => assessIncident(incident, workspace), [incident, workspace]);
  const level = LEVEL_VIEW[assessment.level];
  const usReasons = assessment.usStates.map((s) => `${s.state}: ${s.reason}`);
  const usProposal: Proposal = assessment.usStates.some((s) => s.triggered === 'yes') ? 'notify' : 'do-not-notify';
  const [showAllElements, setShowAllElements] = useState(false);
  const matches = showAllElements ? assessment.matches : assessment.matches.slice(0, 6);

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg" data-testid="assessment-level">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ThemeIcon size={44} radius="md" variant="light" color={level.color}>
            <IconUserExclamation size={24} />
          </ThemeIcon>
          <Stack gap={4} flex={1}>
            <Group gap="xs">
              <Text size="xs" tt="uppercase" fw={700} c="dimmed" lts="0.04em">
                Risk to the people affected
              </Text>
              <Badge color={level.color} variant="filled">
                {level.label}
              </Badge>
            </Group>
            <Text size="sm">{level.text}</Text>
            <Text size="xs" c="dimmed">
              Candor’s proposal from the inventory and what you recorded, after the EDPB’s guidelines on breach notification. The team
              decides; Candor records the decision and its reasons.
            </Text>
          </Stack>
        </Group>
      </Paper>

      {assessment.unknownDataTypes.length > 0 ? (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
          The incident names data types the inventory does not have ({assessment.unknownDataTypes.join(', ')}); Candor could not weigh them.
        </Alert>
      ) : null}

      <Paper withBorder radius="md" p="lg" component="section" aria-label="Risk factors">
        <Title order={4}>Risk factors</Title>
        <Text size="sm" c="dimmed" mt={2} mb="sm">
          What weighs towards risk, and why.
        </Text>
        <Table verticalSpacing="xs" data-testid="risk-factors">
          <Table.Tbody>
            {assessment.factors.map((factor) => (
              <Table.Tr key={factor.factor}>
                <Table.Td w={210} valign="top">
                  <Text size="sm" fw={500}>
                    {FACTOR_LABELS[factor.factor]}
                  </Text>
                </Table.Td>
                <Table.Td w={90} valign="top">
                  <Badge size="sm" variant="light" color={FACTOR_LEVEL_COLORS[factor.level]}>
                    {factor.level}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{factor.reason}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {assessment.matches.length > 0 ? (
          <>
            <Text size="sm" fw={600} mt="md">
              Data elements breach laws name
            </Text>
            <Text size="xs" c="dimmed" mb={6}>
              Found in the affected data types; “may hold” means Candor could not tell from the inventory, so check.
            </Text>
            <List size="sm" spacing={4}>
              {matches.map((m) => (
                <List.Item key={`${m.element}:${m.dataTypes.join(',')}`}>
                  <b>{BREACH_ELEMENT_LABELS[m.element]}</b>
                  {m.certainty === 'possible' ? (
                    <Badge size="xs" variant="outline" color="yellow" ml={6}>
                      may hold
                    </Badge>
                  ) : null}{' '}
                  <Text span size="sm" c="dimmed">
                    {m.reason}
                  </Text>
                </List.Item>
              ))}
            </List>
            {assessment.matches.length > 6 ? (
              <Button size="compact-xs" variant="subtle" mt={4} onClick={() => setShowAllElements((v) => !v)}>
                {showAllElements ? 'Show fewer' : `Show all ${assessment.matches.length}`}
              </Button>
            ) : null}
          </>
        ) : null}
      </Paper>

      <QuestionCard
        which="authority"
        incident={incident}
        path={path}
        edit={edit}
        proposal={assessment.authority.proposal}
        reasons={assessment.authority.reasons}
      >
        <List size="sm" spacing={4}>
          {assessment.authority.reasons.map((r) => (
            <List.Item key={r}>{r}</List.Item>
          ))}
        </List>
      </QuestionCard>

      <QuestionCard
        which="people"
        incident={incident}
        path={path}
        edit={edit}
        proposal={assessment.people.proposal}
        reasons={assessment.people.reasons}
      >
        <List size="sm" spacing={4}>
          {assessment.people.reasons.map((r) => (
            <List.Item key={r}>{r}</List.Item>
          ))}
        </List>
        {assessment.people.exception ? (
          <Alert color="teal" variant="light" p="xs">
            <Text size="sm">Exception: {EXCEPTION_TEXT[assessment.people.exception]}</Text>
          </Alert>
        ) : null}
      </QuestionCard>

      {assessment.usStates.length > 0 || incident.decisions?.usStates ? (
        <QuestionCard which="usStates" incident={incident} path={path} edit={edit} proposal={usProposal} reasons={usReasons}>
          {assessment.usStates.length === 0 ? (
            <Text size="sm" c="dimmed">
              No US residents are recorded for this incident.
            </Text>
          ) : (
            <Table verticalSpacing="xs" data-testid="us-states">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Law triggered</Table.Th>
                  <Table.Th>Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {assessment.usStates.map((s) => (
                  <Table.Tr key={s.residence}>
                    <Table.Td valign="top">
                      <Text size="sm" fw={500}>
                        {s.state}
                      </Text>
                    </Table.Td>
                    <Table.Td valign="top">
                      <Badge size="sm" variant="light" color={s.triggered === 'yes' ? 'red' : s.triggered === 'no' ? 'teal' : 'yellow'}>
                        {s.triggered === 'yes' ? 'Yes' : s.triggered === 'no' ? 'No' : 'Check'}
                      </Badge>
                      {s.attorneyGeneral && s.attorneyGeneral !== 'no' ? (
                        <Badge size="sm" variant="outline" color={s.attorneyGeneral === 'yes' ? 'red' : 'yellow'} mt={4} display="block">
                          {s.attorneyGeneral === 'yes' ? 'Copy to Attorney General' : 'Attorney General? Check'}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{s.reason}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QuestionCard>
      ) : null}
    </Stack>
  );
}
