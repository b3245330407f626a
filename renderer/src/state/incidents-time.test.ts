import { describe, expect, it } from 'vitest';
import { isoToWallTime, nowIso, wallTimeToIso } from './incidents-time';

describe('incident times in the team’s zone', () => {
  it('writes a wall time with the offset its zone has on that day', () => {
    expect(wallTimeToIso('2026-01-12 09:30', 'Europe/Berlin')).toBe('2026-01-12T09:30:00+01:00');
    expect(wallTimeToIso('2026-07-12 09:30', 'Europe/Berlin')).toBe('2026-07-12T09:30:00+02:00');
    expect(wallTimeToIso('2026-07-12 09:30', 'America/Los_Angeles')).toBe('2026-07-12T09:30:00-07:00');
    expect(wallTimeToIso('2026-12-05 23:15', 'Asia/Kolkata')).toBe('2026-12-05T23:15:00+05:30');
    expect(wallTimeToIso('2026-12-05 23:15', 'UTC')).toBe('2026-12-05T23:15:00+00:00');
  });

  it('settles the offset next to a daylight-saving change', () => {
    // Berlin moves from +01:00 to +02:00 at 02:00 on 29 March 2026: the hour before and after keep their own offsets.
    expect(wallTimeToIso('2026-03-29 01:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00+01:00');
    expect(wallTimeToIso('2026-03-29 03:30', 'Europe/Berlin')).toBe('2026-03-29T03:30:00+02:00');
    // New York moves back at 02:00 on 1 November 2026.
    expect(wallTimeToIso('2026-11-01 04:00', 'America/New_York')).toBe('2026-11-01T04:00:00-05:00');
    expect(wallTimeToIso('2026-10-31 22:00', 'America/New_York')).toBe('2026-10-31T22:00:00-04:00');
  });

  it('reads an instant back as the wall time of any zone, or of its own offset', () => {
    expect(isoToWallTime('2026-01-12T09:30:00+01:00', 'Europe/Berlin')).toBe('2026-01-12 09:30');
    expect(isoToWallTime('2026-01-12T09:30:00+01:00', 'America/Los_Angeles')).toBe('2026-01-12 00:30');
    expect(isoToWallTime('2026-01-12T09:30:00+01:00', 'Asia/Tokyo')).toBe('2026-01-12 17:30');
    expect(isoToWallTime('2026-01-12T09:30:00+01:00')).toBe('2026-01-12 09:30');
    expect(isoToWallTime('2026-01-12T08:30:00Z')).toBe('2026-01-12 08:30');
    expect(isoToWallTime('not a date')).toBe('');
  });

  it('round-trips a wall time through the stored form', () => {
    for (const zone of ['Europe/London', 'Australia/Sydney', 'Pacific/Kiritimati', 'America/St_Johns']) {
      for (const wall of ['2026-01-01 00:00', '2026-06-30 12:45', '2026-12-31 23:59']) {
        expect(isoToWallTime(wallTimeToIso(wall, zone)!, zone)).toBe(wall);
      }
    }
  });

  it('stamps now with the zone’s offset at that instant', () => {
    const instant = new Date('2026-07-01T10:20:30Z');
    expect(nowIso('Europe/Berlin', instant)).toBe('2026-07-01T12:20:00+02:00');
    expect(nowIso('America/Los_Angeles', instant)).toBe('2026-07-01T03:20:00-07:00');
    expect(Date.parse(nowIso('Asia/Kathmandu', instant))).toBe(Date.parse('2026-07-01T10:20:00Z'));
  });

  it('refuses what is not a date and time', () => {
    expect(wallTimeToIso('12/01/2026 09:30', 'UTC')).toBeUndefined();
    expect(wallTimeToIso('', 'UTC')).toBeUndefined();
  });
});
