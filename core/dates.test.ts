import { describe, expect, it } from 'vitest';
import { formatDate } from './dates';

describe('formatDate', () => {
  it('writes dates in words, day first for plain English', () => {
    expect(formatDate('2025-03-01', 'en')).toBe('1 March 2025');
    expect(formatDate('2025-03-01', 'en-US')).toBe('March 1, 2025');
    expect(formatDate('2025-03-01', 'not a locale!')).toBe('1 March 2025');
  });

  it('is in English, day first, without a locale, and for an empty or differently cased "en"', () => {
    expect(formatDate('2027-01-15')).toBe('15 January 2027');
    expect(formatDate('2027-01-15', '')).toBe('15 January 2027');
    expect(formatDate('2027-01-15', 'EN')).toBe('15 January 2027');
    expect(formatDate('2027-12-31', 'en-GB')).toBe('31 December 2027');
  });

  it("follows other locales' long form", () => {
    expect(formatDate('2025-03-01', 'de')).toBe('1. März 2025');
    expect(formatDate('2025-03-01', 'fr')).toBe('1 mars 2025');
  });

  it('keeps the calendar day whatever the time zone', () => {
    // Midnight UTC is the day before in the Americas; the date must not move.
    expect(formatDate('2026-01-01', 'en')).toBe('1 January 2026');
    expect(formatDate('2024-02-29', 'en')).toBe('29 February 2024');
  });

  it('returns anything that is not a real date unchanged', () => {
    expect(formatDate('2025-02-30', 'en')).toBe('2025-02-30');
    expect(formatDate('2025-13-01', 'en')).toBe('2025-13-01');
    expect(formatDate('2025-3-1', 'en')).toBe('2025-3-1');
    expect(formatDate('soon', 'en')).toBe('soon');
    expect(formatDate('', 'en')).toBe('');
  });
});
