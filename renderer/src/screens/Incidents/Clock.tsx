// The 72-hour clock of GDPR Art 33(1) on screen: a badge in the shell's header for as long as any incident's
// clock runs (it links to the most urgent one and turns red once the deadline has passed), and the card at the
// top of the incident editor with the deadline in the incident's own time zone.
import { useSyncExternalStore } from 'react';
import { Badge, Group, Paper, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlarm, IconAlertTriangle, IconCircleCheck, IconClockPause } from '@tabler/icons-react';
import { clockState, describeRemaining, formatInstant, incidentZone, type ClockState } from '../../../../core/incidents/clock';
import type { Incident } from '../../../../core/incidents/schema';
import { useIncidents } from '../../state/incidents';
import { navigate, routeHash } from '../../state/route';
import classes from './Incidents.module.css';

// One ticking clock for every countdown on screen, so they all move together and only once a tick.
const TICK_MS = 15_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, updated every 15 seconds while something shows it. */
export function useNow(): Date {
  const value = useSyncExternalStore(subscribe, () => now);
  return new Date(value);
}

/** The incident whose clock is closest to (or furthest past) its deadline, and how many others run. */
export function mostUrgent(
  incidents: readonly Incident[],
  at: Date,
): { incident: Incident; clock: ClockState; others: number } | undefined {
  const running = incidents
    .map((incident) => ({ incident, clock: clockState(incident, at) }))
    .filter(({ clock }) => clock.showCountdown)
    .sort((a, b) => a.clock.remainingMs - b.clock.remainingMs);
  return running[0] ? { ...running[0], others: running.length - 1 } : undefined;
}

export function clockColor(clock: ClockState): string {
  if (clock.remainingMs < 0) return 'red';
  return clock.remainingMs < 24 * 3_600_000 ? 'orange' : 'yellow';
}

/** The header's badge: shown only while an incident's clock runs. */
export function IncidentClockBadge() {
  const incidents = useIncidents((s) => s.register?.incidents);
  const at = useNow();
  const urgent = incidents ? mostUrgent(incidents, at) : undefined;
  if (!urgent) return null;
  const { incident, clock, others } = urgent;
  const overdue = clock.remainingMs < 0;
  const name = incident.title || 'Untitled incident';
  return (
    <Tooltip
      label={`${name}: the supervisory authority must be notified by ${formatInstant(clock.deadline, incidentZone(incident))}${
        others > 0 ? ` (and ${others} more incident${others === 1 ? '' : 's'} with a running clock)` : ''
      }`}
      multiline
      w={320}
    >
      <Badge
        component="a"
        href={routeHash({ screen: 'incidents', id: incident.id })}
        onClick={(e) => {
          e.preventDefault();
          navigate({ screen: 'incidents', id: incident.id });
        }}
        color={clockColor(clock)}
        variant={overdue ? 'filled' : 'light'}
        size="lg"
        leftSection={overdue ? <IconAlertTriangle size={14} /> : <IconAlarm size={14} />}
        className={classes.clockBadge}
        data-testid="incident-clock"
        data-overdue={overdue ? 'true' : 'false'}
        aria-label={`Incident “${name}”: ${describeRemaining(clock.remainingMs)} to notify the supervisory authority`}
      >
        <span className={classes.clockBadgeText}>{describeRemaining(clock.remainingMs)}</span>
        {others > 0 ? ` +${others}` : ''}
      </Badge>
    </Tooltip>
  );
}

const PHASE_TEXT: Record<ClockState['phase'], string> = {
  running: 'No decision yet on notifying the supervisory authority.',
  decided: 'The team decided to notify the authority; record when it was sent under Assessment.',
  notified: 'The supervisory authority was notified.',
  'not-notifying': 'The team decided not to notify the authority, with its reasons (kept in the register).',
};

/** The editor's clock card: the deadline in the incident's zone, what is left, and what stops the clock. */
export function ClockCard({ incident }: { incident: Incident }) {
  const at = useNow();
  const clock = clockState(incident, at);
  const zone = incidentZone(incident);
  const deadline = formatInstant(clock.deadline, zone);
  const authority = incident.decisions?.authority;
  const running = clock.showCountdown;
  const color = running ? clockColor(clock) : clock.late ? 'red' : 'teal';
  const Icon = running
    ? clock.remainingMs < 0
      ? IconAlertTriangle
      : IconAlarm
    : clock.phase === 'running'
      ? IconClockPause
      : IconCircleCheck;
  let headline: string;
  if (running) headline = describeRemaining(clock.remainingMs);
  else if (clock.phase === 'notified')
    headline = clock.late ? 'Authority notified after the deadline' : 'Authority notified within 72 hours';
  else if (clock.phase === 'not-notifying') headline = 'Not notifying the authority';
  else headline = 'Clock stopped: incident closed';
  return (
    <Paper withBorder radius="md" p="md" className={classes.clockCard} data-color={color} data-testid="incident-clock-card">
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon size={40} radius="md" variant="light" color={color}>
          <Icon size={22} />
        </ThemeIcon>
        <Stack gap={2} miw={0} flex={1}>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed" lts="0.04em">
            72 hours to notify the supervisory authority (GDPR Art 33(1))
          </Text>
          <Text fw={700} size="lg" c={running && clock.remainingMs < 0 ? 'red' : undefined} data-testid="incident-countdown">
            {headline}
          </Text>
          <Text size="sm">
            Deadline <b>{deadline}</b>
          </Text>
          <Text size="xs" c="dimmed">
            {clock.phase === 'notified' && authority?.notifiedAt
              ? `Notified ${formatInstant(authority.notifiedAt, zone)}.`
              : PHASE_TEXT[clock.phase]}
            {running && clock.remainingMs < 0
              ? ' Past the deadline the notification must give the reasons for the delay (Art 33(1)): write them under “When notices may wait”.'
              : ''}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

/** The navigation's badge: how many incidents are not closed, red while any clock runs. */
export function IncidentsNavBadge() {
  const incidents = useIncidents((s) => s.register?.incidents);
  const at = useNow();
  if (!incidents) return null;
  const unclosed = incidents.filter((i) => i.status !== 'closed').length;
  if (unclosed === 0) return null;
  const running = incidents.some((i) => clockState(i, at).showCountdown);
  return (
    <Badge size="sm" variant={running ? 'filled' : 'light'} color={running ? 'red' : 'gray'} aria-label={`${unclosed} not closed`}>
      {unclosed}
    </Badge>
  );
}
