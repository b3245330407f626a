// Times as the incident editor shows and stores them: a wall-clock date and time in the incident's time
// zone, written to the register as an instant with the offset that zone had then (2026-03-29T09:30:00+02:00),
// so the file reads the same anywhere and the 72 hours count in absolute time.
import { offsetMinutesOf, zoneOffsetMinutes } from '../../../core/incidents/clock';
import { isTimeZone } from '../../../core/incidents/schema';

const MINUTE = 60_000;

/** The browser's own time zone, or UTC when it does not say. */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : 'UTC';
}

/** Every IANA zone the browser knows, with UTC first. */
export function timeZones(): string[] {
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...supported.filter((z) => z !== 'UTC')];
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function offsetText(minutes: number): string {
  if (minutes === 0) return '+00:00';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2026-12-05 09:30" read as wall time in `timeZone`, written as ISO 8601 with that zone's offset then. */
export function wallTimeToIso(wall: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/.exec(wall);
  if (!match) return undefined;
  const [y, mo, d, h, mi] = match.slice(1).map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The offset depends on the instant, which depends on the offset: two passes settle it, also next to a
  // daylight-saving change (a wall time that does not exist moves forward by the gap, as clocks do).
  let offset = zoneOffsetMinutes(new Date(asUtc), timeZone);
  offset = zoneOffsetMinutes(new Date(asUtc - offset * MINUTE), timeZone);
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:00${offsetText(offset)}`;
}

/** An ISO instant as wall time ("2026-12-05 09:30") in `timeZone`, or at the offset it was written with. */
export function isoToWallTime(iso: string, timeZone?: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  const offset = timeZone ? zoneOffsetMinutes(new Date(instant), timeZone) : offsetMinutesOf(iso);
  const shifted = new Date(instant + offset * MINUTE);
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

/** Now, to the minute, as ISO 8601 with the offset of `timeZone`: what a log entry or a decision is stamped with. */
export function nowIso(timeZone: string, now = new Date()): string {
  const offset = zoneOffsetMinutes(now, timeZone);
  return `${isoToWallTime(now.toISOString(), timeZone).replace(' ', 'T')}:00${offsetText(offset)}`;
}
