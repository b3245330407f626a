// Dates as people read them. Workspaces store calendar dates as YYYY-MM-DD; documents print them in
// words through Intl, so a template's locale ("en-US", "de") gets its own long form.
import { isCalendarDate } from './schema';

/**
 * "2025-03-01" → "1 March 2025" (or the locale's long form); anything that is not a real date is
 * returned as given. The date is a calendar day, not an instant, so it is formatted in UTC: the
 * reader's time zone never moves it to the day before.
 */
export function formatDate(isoDate: string, locale = 'en'): string {
  if (!isCalendarDate(isoDate)) return isoDate;
  const [year, month, day] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  // "en" alone would give the American "March 1, 2025"; a day-first long date reads unambiguously everywhere
  // English is written, so plain "en" is treated as British English.
  const tag = locale.trim() === '' || locale.toLowerCase() === 'en' ? 'en-GB' : locale;
  try {
    return new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
}
