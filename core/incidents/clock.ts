// The 72-hour clock of GDPR Art 33(1): it runs from the moment the organisation became aware of the breach,
// in absolute time, so time zones and daylight-saving changes move how the deadline reads, never when it is.
import type { Incident } from './schema';

export const NOTIFICATION_WINDOW_HOURS = 72;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** When the supervisory authority must have been notified, where feasible (Art 33(1)). */
export function authorityDeadline(incident: Pick<Incident, 'discoveredAt'>): Date {
  return new Date(Date.parse(incident.discoveredAt) + NOTIFICATION_WINDOW_HOURS * HOUR);
}

export type ClockPhase =
  /** no decision on notifying the authority yet: the countdown runs (or is overdue) */
  | 'running'
  /** the authority was notified; `late` says whether after the deadline */
  | 'notified'
  /** the team decided not to notify the authority, with its reasons */
  | 'not-notifying'
  /** the team decided to notify but has not recorded when it did */
  | 'decided';

export interface ClockState {
  phase: ClockPhase;
  deadline: Date;
  /** milliseconds from `now` to the deadline; negative once it has passed */
  remainingMs: number;
  /** the deadline has passed without the authority having been notified in time */
  late: boolean;
  /** the countdown belongs on screen: the incident is not closed and the authority question is open */
  showCountdown: boolean;
}

export function clockState(incident: Incident, now: Date): ClockState {
  const deadline = authorityDeadline(incident);
  const remainingMs = deadline.getTime() - now.getTime();
  const authority = incident.decisions?.authority;
  let phase: ClockPhase = 'running';
  let late = remainingMs < 0;
  if (authority?.decision === 'do-not-notify') {
    phase = 'not-notifying';
    late = false;
  } else if (authority?.decision === 'notify' && authority.notifiedAt) {
    phase = 'notified';
    late = Date.parse(authority.notifiedAt) > deadline.getTime();
  } else if (authority?.decision === 'notify') {
    phase = 'decided';
  }
  const showCountdown = incident.status !== 'closed' && (phase === 'running' || phase === 'decided');
  return { phase, deadline, remainingMs, late, showCountdown };
}

/** "41 h 12 min left", "3 h 5 min overdue", "under a minute left". */
export function describeRemaining(remainingMs: number): string {
  const overdue = remainingMs < 0;
  const total = Math.floor(Math.abs(remainingMs) / MINUTE);
  if (total === 0) return overdue ? 'just overdue' : 'under a minute left';
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const span = hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
  return overdue ? `${span} overdue` : `${span} left`;
}

/** The offset written at the end of an ISO date-time, in minutes east of UTC (`Z` is 0). */
export function offsetMinutesOf(dateTime: string): number {
  const match = /(Z|([+-])(\d{2}):(\d{2}))$/.exec(dateTime);
  if (!match || match[1] === 'Z') return 0;
  const minutes = Number(match[3]) * 60 + Number(match[4]);
  return match[2] === '-' ? -minutes : minutes;
}

function utcOffsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const DATE_TIME_PARTS: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/** The offset of `timeZone` at `instant`, in minutes east of UTC. */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(instant.getTime() / MINUTE) * MINUTE) / MINUTE);
}

/**
 * An instant as people read it: "8 December 2026, 09:30 (Europe/Berlin, UTC+01:00)". In `timeZone` when
 * given (so the offset follows daylight saving at that instant), otherwise at the fixed `offsetMinutes`.
 */
export function formatInstant(instant: Date | string, where: { timeZone?: string; offsetMinutes?: number } = {}): string {
  const date = typeof instant === 'string' ? new Date(Date.parse(instant)) : instant;
  if (where.timeZone) {
    const offset = zoneOffsetMinutes(date, where.timeZone);
    const text = new Intl.DateTimeFormat('en-GB', { ...DATE_TIME_PARTS, timeZone: where.timeZone }).format(date);
    return `${text.replace(' at ', ', ')} (${where.timeZone}, ${utcOffsetLabel(offset)})`;
  }
  const offset = where.offsetMinutes ?? (typeof instant === 'string' ? offsetMinutesOf(instant) : 0);
  const shifted = new Date(date.getTime() + offset * MINUTE);
  const text = new Intl.DateTimeFormat('en-GB', { ...DATE_TIME_PARTS, timeZone: 'UTC' }).format(shifted);
  return `${text.replace(' at ', ', ')} (${utcOffsetLabel(offset)})`;
}

/** How the incident's own times are shown: in its time zone, else at the offset its discovery was written with. */
export function incidentZone(incident: Pick<Incident, 'timeZone' | 'discoveredAt'>): { timeZone?: string; offsetMinutes?: number } {
  return incident.timeZone ? { timeZone: incident.timeZone } : { offsetMinutes: offsetMinutesOf(incident.discoveredAt) };
}
