// Which backups to keep, by age rather than by count: twenty saves made while typing one sentence are
// twenty near-identical versions, while a version from last week is worth keeping. Every version of the
// last hour is kept, then the newest of each hour for two days, then the newest of each day for 30 days.

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export const BACKUP_RETENTION = {
  /** every version younger than this is kept */
  everyVersion: HOUR,
  /** then one per hour until this age */
  hourly: 2 * DAY,
  /** then one per day until this age; older versions are removed */
  daily: 30 * DAY,
} as const;

/**
 * The times to keep out of `times` (milliseconds, any order), given the time now. `dayOf` says which
 * calendar day a time falls on (the caller's time zone; UTC by default) so "one a day" follows the days
 * people see in the backup list. A time in the future (a clock set back) is kept.
 */
export function backupsToKeep(
  times: readonly number[],
  now: number,
  dayOf: (time: number) => number = (t) => Math.floor(t / DAY),
): Set<number> {
  const keep = new Set<number>();
  const newestInBucket = new Map<string, number>();
  for (const time of times) {
    const age = now - time;
    if (age < BACKUP_RETENTION.everyVersion) {
      keep.add(time);
      continue;
    }
    if (age >= BACKUP_RETENTION.daily) continue;
    const bucket = age < BACKUP_RETENTION.hourly ? `h${Math.floor(time / HOUR)}` : `d${dayOf(time)}`;
    const best = newestInBucket.get(bucket);
    if (best === undefined || time > best) newestInBucket.set(bucket, time);
  }
  for (const time of newestInBucket.values()) keep.add(time);
  return keep;
}
