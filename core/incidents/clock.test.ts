// The 72-hour clock: the deadline is 72 hours of absolute time after awareness, wherever the team sits and
// whichever daylight-saving change falls in between; only how it reads moves with the time zone.
import { describe, expect, it } from 'vitest';
import {
  authorityDeadline,
  clockState,
  describeRemaining,
  formatInstant,
  incidentZone,
  NOTIFICATION_WINDOW_HOURS,
  offsetMinutesOf,
  zoneOffsetMinutes,
} from './clock';
import type { Incident } from './schema';

const HOUR = 3_600_000;

function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'lost-laptop',
    title: 'Lost laptop',
    status: 'open',
    discoveredAt: '2026-12-05T09:30:00+01:00',
    summary: 'A laptop was left on a train.',
    dataTypes: [],
    log: [],
    ...overrides,
  };
}

describe('authorityDeadline', () => {
  it('is 72 hours after awareness', () => {
    expect(NOTIFICATION_WINDOW_HOURS).toBe(72);
    expect(authorityDeadline({ discoveredAt: '2026-12-05T09:30:00+01:00' }).toISOString()).toBe('2026-12-08T08:30:00.000Z');
  });

  it('is the same instant however the moment of awareness is written', () => {
    const written = ['2026-12-05T09:30:00+01:00', '2026-12-05T08:30:00Z', '2026-12-05T03:30:00-05:00', '2026-12-05T14:00:00+05:30'];
    const deadlines = written.map((discoveredAt) => authorityDeadline({ discoveredAt }).getTime());
    expect(new Set(deadlines).size).toBe(1);
  });

  it('reads an hour later on the wall clock across the EU change to summer time (Europe/Berlin, 28 March 2027)', () => {
    const discoveredAt = '2027-03-26T10:00:00+01:00';
    const deadline = authorityDeadline({ discoveredAt });
    expect(deadline.toISOString()).toBe('2027-03-29T09:00:00.000Z');
    expect(formatInstant(discoveredAt, { timeZone: 'Europe/Berlin' })).toBe('26 March 2027, 10:00 (Europe/Berlin, UTC+01:00)');
    expect(formatInstant(deadline, { timeZone: 'Europe/Berlin' })).toBe('29 March 2027, 11:00 (Europe/Berlin, UTC+02:00)');
  });

  it('reads an hour earlier on the wall clock across the EU change back to winter time (Europe/Dublin, 31 October 2027)', () => {
    const deadline = authorityDeadline({ discoveredAt: '2027-10-29T12:00:00+01:00' });
    expect(deadline.toISOString()).toBe('2027-11-01T11:00:00.000Z');
    expect(formatInstant(deadline, { timeZone: 'Europe/Dublin' })).toBe('1 November 2027, 11:00 (Europe/Dublin, UTC+00:00)');
  });

  it('reads an hour earlier on the wall clock across the US change back to standard time (1 November 2026)', () => {
    const deadline = authorityDeadline({ discoveredAt: '2026-10-30T09:00:00-07:00' });
    expect(deadline.toISOString()).toBe('2026-11-02T16:00:00.000Z');
    expect(formatInstant(deadline, { timeZone: 'America/Los_Angeles' })).toBe('2 November 2026, 08:00 (America/Los_Angeles, UTC−08:00)');
    expect(formatInstant(deadline, { timeZone: 'America/New_York' })).toBe('2 November 2026, 11:00 (America/New_York, UTC−05:00)');
  });

  it('reads an hour later on the wall clock across the US change to daylight time (14 March 2027)', () => {
    const deadline = authorityDeadline({ discoveredAt: '2027-03-12T09:00:00-06:00' });
    expect(formatInstant(deadline, { timeZone: 'America/Chicago' })).toBe('15 March 2027, 10:00 (America/Chicago, UTC−05:00)');
    expect(zoneOffsetMinutes(new Date('2027-03-12T15:00:00Z'), 'America/Chicago')).toBe(-360);
  });

  it('falls on different calendar days for teams on either side of the date line', () => {
    const deadline = authorityDeadline({ discoveredAt: '2026-12-05T20:00:00Z' });
    expect(formatInstant(deadline, { timeZone: 'Pacific/Auckland' })).toBe('9 December 2026, 09:00 (Pacific/Auckland, UTC+13:00)');
    expect(formatInstant(deadline, { timeZone: 'Pacific/Honolulu' })).toBe('8 December 2026, 10:00 (Pacific/Honolulu, UTC−10:00)');
  });
});

describe('how the incident times read', () => {
  it('in the incident time zone when one is set, following daylight saving', () => {
    const zoned = incident({ discoveredAt: '2027-03-26T10:00:00+01:00', timeZone: 'Europe/Berlin' });
    expect(formatInstant(authorityDeadline(zoned), incidentZone(zoned))).toBe('29 March 2027, 11:00 (Europe/Berlin, UTC+02:00)');
  });

  it('otherwise at the fixed offset the discovery was written with', () => {
    const india = incident({ discoveredAt: '2026-12-05T09:30:00+05:30' });
    expect(incidentZone(india)).toEqual({ offsetMinutes: 330 });
    expect(formatInstant(authorityDeadline(india), incidentZone(india))).toBe('8 December 2026, 09:30 (UTC+05:30)');
    // Without a time zone Candor cannot know a daylight-saving change: the offset stays as written.
    const pacific = incident({ discoveredAt: '2026-10-30T09:00:00-07:00' });
    expect(formatInstant(authorityDeadline(pacific), incidentZone(pacific))).toBe('2 November 2026, 09:00 (UTC−07:00)');
  });

  it('reads offsets, including UTC written as Z', () => {
    expect(offsetMinutesOf('2026-12-05T09:30:00Z')).toBe(0);
    expect(offsetMinutesOf('2026-12-05T09:30:00-03:30')).toBe(-210);
    expect(offsetMinutesOf('2026-12-05T09:30:00+09:00')).toBe(540);
  });
});

describe('clockState', () => {
  const discovered = Date.parse('2026-12-05T09:30:00+01:00');
  const after = (hours: number) => new Date(discovered + hours * HOUR);

  it('runs while no decision on the authority is recorded, and is late once the 72 hours are over', () => {
    const early = clockState(incident(), after(10));
    expect(early).toMatchObject({ phase: 'running', late: false, showCountdown: true, remainingMs: 62 * HOUR });
    const overdue = clockState(incident(), after(75));
    expect(overdue).toMatchObject({ phase: 'running', late: true, showCountdown: true, remainingMs: -3 * HOUR });
  });

  it('keeps the countdown while the team has decided to notify but not recorded sending it', () => {
    const decided = incident({ decisions: { authority: { decision: 'notify', reasons: 'Health data of 300 people.' } } });
    expect(clockState(decided, after(20))).toMatchObject({ phase: 'decided', late: false, showCountdown: true });
    expect(clockState(decided, after(80))).toMatchObject({ phase: 'decided', late: true, showCountdown: true });
  });

  it('stops once the authority is notified, late only if notified after the deadline', () => {
    const onTime = incident({
      decisions: { authority: { decision: 'notify', reasons: 'Risk.', notifiedAt: '2026-12-07T18:00:00+01:00' } },
    });
    expect(clockState(onTime, after(100))).toMatchObject({ phase: 'notified', late: false, showCountdown: false });
    const late = incident({
      decisions: { authority: { decision: 'notify', reasons: 'Risk.', notifiedAt: '2026-12-08T10:30:00+01:00' } },
    });
    expect(clockState(late, after(100))).toMatchObject({ phase: 'notified', late: true, showCountdown: false });
  });

  it('stops when the team decides not to notify, which is never late', () => {
    const notNotifying = incident({ decisions: { authority: { decision: 'do-not-notify', reasons: 'Encrypted, key safe.' } } });
    expect(clockState(notNotifying, after(100))).toMatchObject({ phase: 'not-notifying', late: false, showCountdown: false });
  });

  it('hides the countdown for a closed incident', () => {
    expect(clockState(incident({ status: 'closed' }), after(10))).toMatchObject({ phase: 'running', showCountdown: false });
    expect(clockState(incident({ status: 'contained' }), after(10)).showCountdown).toBe(true);
  });
});

describe('describeRemaining', () => {
  it('says hours and minutes left or overdue', () => {
    expect(describeRemaining(41 * HOUR + 12 * 60_000 + 59_000)).toBe('41 h 12 min left');
    expect(describeRemaining(-(3 * HOUR + 5 * 60_000))).toBe('3 h 5 min overdue');
    expect(describeRemaining(5 * 60_000)).toBe('5 min left');
    expect(describeRemaining(2 * HOUR)).toBe('2 h 0 min left');
  });

  it('says when less than a minute is left, or the deadline has just passed', () => {
    expect(describeRemaining(59_000)).toBe('under a minute left');
    expect(describeRemaining(0)).toBe('under a minute left');
    expect(describeRemaining(-30_000)).toBe('just overdue');
  });
});
