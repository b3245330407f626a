import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BACKUP_RETENTION, backupsToKeep, DAY, HOUR } from './backup-retention';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const MINUTE = 60 * 1000;

describe('backupsToKeep', () => {
  it('keeps every version of the last hour', () => {
    const times = Array.from({ length: 120 }, (_, i) => NOW - i * 29 * 1000);
    const kept = backupsToKeep(times, NOW);
    expect([...kept].sort()).toEqual(times.filter((t) => NOW - t < HOUR).sort());
    expect(kept.size).toBe(times.filter((t) => NOW - t < HOUR).length);
  });

  it('keeps the newest version of each hour for two days, then the newest of each day for 30 days', () => {
    // A save every ten minutes for 40 days.
    const times = Array.from({ length: 40 * 24 * 6 }, (_, i) => NOW - i * 10 * MINUTE);
    const kept = [...backupsToKeep(times, NOW)].sort((a, b) => b - a);
    const hourly = kept.filter((t) => NOW - t >= HOUR && NOW - t < 2 * DAY);
    const daily = kept.filter((t) => NOW - t >= 2 * DAY);
    expect(kept.filter((t) => NOW - t < HOUR)).toHaveLength(6);
    // One per clock hour: the hours between 1 h and 48 h ago (the hour at each edge may be split).
    expect(new Set(hourly.map((t) => Math.floor(t / HOUR))).size).toBe(hourly.length);
    expect(hourly.length).toBeGreaterThanOrEqual(47);
    expect(hourly.length).toBeLessThanOrEqual(48);
    // The last save of each whole hour (the hour cut by the one-hour line keeps what is left of it).
    for (const t of hourly.filter((u) => Math.floor(u / HOUR) < Math.floor((NOW - HOUR) / HOUR))) expect(t % HOUR).toBe(HOUR - 10 * MINUTE);
    expect(new Set(daily.map((t) => Math.floor(t / DAY))).size).toBe(daily.length);
    expect(daily.length).toBeGreaterThanOrEqual(28);
    expect(daily.length).toBeLessThanOrEqual(29);
    expect(Math.max(...kept.map((t) => NOW - t))).toBeLessThan(BACKUP_RETENTION.daily);
  });

  it('forgets versions older than 30 days and keeps times from a clock set back', () => {
    const old = NOW - 31 * DAY;
    const future = NOW + 5 * MINUTE;
    expect([...backupsToKeep([old, future], NOW)]).toEqual([future]);
  });

  it('groups days by the calendar day it is given', () => {
    // Two saves 3 and 4 days ago, an hour apart across midnight UTC, which is one day in UTC−5.
    const a = Date.UTC(2026, 11, 1, 23, 30);
    const b = Date.UTC(2026, 11, 2, 0, 30);
    expect(backupsToKeep([a, b], NOW).size).toBe(2);
    const newYork = (t: number) => Math.floor((t - 5 * HOUR) / DAY);
    expect([...backupsToKeep([a, b], NOW, newYork)]).toEqual([b]);
  });

  it('never keeps two versions from one hour or one day outside the last hour, and always keeps the newest of each', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 35 * 24 * 60 }), { maxLength: 300 }), (minutesAgo) => {
        const times = minutesAgo.map((m) => NOW - m * MINUTE);
        const kept = backupsToKeep(times, NOW);
        for (const t of kept) expect(times).toContain(t);
        const bucket = (t: number) => (NOW - t < 2 * DAY ? `h${Math.floor(t / HOUR)}` : `d${Math.floor(t / DAY)}`);
        const seen = new Set<string>();
        for (const t of kept) {
          if (NOW - t < HOUR) continue;
          expect(seen.has(bucket(t))).toBe(false);
          seen.add(bucket(t));
        }
        for (const t of times) {
          if (NOW - t >= BACKUP_RETENTION.daily || NOW - t < HOUR) continue;
          const newest = Math.max(...times.filter((u) => NOW - u >= HOUR && bucket(u) === bucket(t)));
          expect(kept.has(newest)).toBe(true);
        }
      }),
    );
  });
});
