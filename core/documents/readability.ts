// How hard a text is to read, as a Flesch–Kincaid grade level, for the in-app texts a designer copies.
// The formula and the syllable counts come from the maintained wooorm packages; only the splitting of a
// text into sentences and words is ours, because the formula needs counts, not text.
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

export interface ReadabilityCounts {
  sentence: number;
  word: number;
  syllable: number;
}

// A word is a run of letters or digits, with inner apostrophes, hyphens and dots kept ("don't",
// "heart-rate", "e.V."), so contractions and compounds count once, as a reader says them.
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
// A sentence ends at terminal punctuation (optionally closed by a quote or bracket) followed by the end
// of the text or by a space and something that is not a lower-case letter: "Dr. Albrecht" still splits,
// as the formula's authors counted, but "e.g. the" and "2.5 km" do not.
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s+[^\s\p{Ll}]|\s*$)/gu;
// A paragraph that ends without punctuation (a heading-like line in an override) still ends a sentence.
const OPEN_PARAGRAPH_END = /([^.!?…\s])[ \t]*\n\s*\n(?=\S)/gu;

// Syllable counting is the expensive part; texts for 2,000 data types share most of their words.
const syllableCache = new Map<string, number>();
const CACHE_LIMIT = 20_000;

function syllablesOf(word: string): number {
  const key = word.toLowerCase();
  let count = syllableCache.get(key);
  if (count === undefined) {
    // Every spoken word has at least one syllable; digits ("30") and symbols count zero in the package.
    count = Math.max(1, syllable(key));
    if (syllableCache.size >= CACHE_LIMIT) syllableCache.clear();
    syllableCache.set(key, count);
  }
  return count;
}

export function readabilityCounts(text: string): ReadabilityCounts {
  const words = text.match(WORD) ?? [];
  if (words.length === 0) return { sentence: 0, word: 0, syllable: 0 };
  let syllables = 0;
  for (const word of words) syllables += syllablesOf(word);
  const trimmed = text.trim().replace(OPEN_PARAGRAPH_END, '$1.\n\n');
  const ends = trimmed.match(SENTENCE_END)?.length ?? 0;
  // A last sentence without a full stop still counts.
  const closed = /[.!?…]["'”’)\]]*$/u.test(trimmed);
  const sentences = Math.max(1, ends + (closed ? 0 : 1));
  return { sentence: sentences, word: words.length, syllable: syllables };
}

/**
 * The Flesch–Kincaid grade level of a text, rounded to one decimal: roughly the US school year a reader
 * needs. Never NaN: a text without words is grade 0, and the formula's floor (−3.4 for one-syllable,
 * one-word sentences) is shown as 0, since there is no grade below the first.
 */
export function readabilityGrade(text: string): number {
  const counts = readabilityCounts(text);
  if (counts.word === 0) return 0;
  const grade = fleschKincaid({ sentence: counts.sentence, word: counts.word, syllable: counts.syllable });
  if (!Number.isFinite(grade) || grade <= 0) return 0;
  return Math.round(grade * 10) / 10;
}
