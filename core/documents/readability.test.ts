import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS } from '../testing/arbitraries';
import { readabilityCounts, readabilityGrade } from './readability';

describe('readabilityGrade', () => {
  it('counts sentences, words and syllables as the Flesch–Kincaid formula expects', () => {
    const text = 'Privacy notices should be written in plain language. Readers understand short sentences.';
    // Pri-va-cy no-ti-ces should be writ-ten in plain lan-guage (14) · Read-ers un-der-stand short sen-ten-ces (9)
    expect(readabilityCounts(text)).toEqual({ sentence: 2, word: 12, syllable: 23 });
    // 0.39 × 12/2 + 11.8 × 23/12 − 15.59 = 9.37
    expect(readabilityGrade(text)).toBe(9.4);
  });

  it('does not end a sentence at an abbreviation or a decimal point followed by lower case', () => {
    expect(readabilityCounts('We use it, e.g. the map, for 2.5 km.').sentence).toBe(1);
    expect(readabilityCounts('We use it. You see it').sentence).toBe(2);
  });

  it('treats a paragraph break as the end of a sentence', () => {
    expect(readabilityCounts('A heading without a stop\n\nThen the text.').sentence).toBe(2);
  });

  it('is 0 for text without words, and never below 0', () => {
    expect(readabilityGrade('')).toBe(0);
    expect(readabilityGrade('   \n ')).toBe(0);
    expect(readabilityGrade('… — !')).toBe(0);
    expect(readabilityGrade('Go.')).toBe(0);
  });

  it('rates long words in long sentences higher than short words in short sentences', () => {
    const plain = 'You can sign in on any phone. We keep it for a month.';
    const dense =
      'Notwithstanding the aforementioned considerations, personal information is processed exclusively for legitimate organisational purposes, including authentication and administration.';
    expect(readabilityGrade(dense)).toBeGreaterThan(readabilityGrade(plain) + 8);
  });

  it('returns a finite number with at most one decimal for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom(...HOSTILE_STRINGS)), (text) => {
        const grade = readabilityGrade(text);
        expect(Number.isFinite(grade)).toBe(true);
        expect(grade).toBeGreaterThanOrEqual(0);
        expect(Math.round(grade * 10) / 10).toBe(grade);
      }),
    );
  });
});
