// English for messages, screens and generated text: a count with its noun in the right number, a list
// joined with "and" or "or", and a capital for a phrase that starts a sentence. One place, so that
// the command line, the app and the documents say "1 data type" and "A, B and C" the same way.
// There is no article helper (a/an): no text picks one at run time.

/**
 * "1 purpose", "0 purposes", "2 purposes". `plural` is for nouns that do not just add an s:
 * `count(n, 'category', 'categories')`, `count(n, 'row is', 'rows are')`.
 */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/**
 * Like `count`, with the numbers below ten in words ("one purpose", "three purposes", "12 purposes"),
 * as plain-language guides ask for text that people read rather than scan.
 */
export function countInWords(n: number, noun: string, plural = `${noun}s`): string {
  return `${NUMBER_WORDS[n] ?? String(n)} ${n === 1 ? noun : plural}`;
}

export interface ListOptions {
  /** "and" (the default) or "or" before the last item */
  conjunction?: 'and' | 'or';
  /**
   * The comma before the conjunction. The house style has none ("a, b and c"); `'when-ambiguous'`
   * adds it where an item holds the conjunction word of its own, so the reader can tell where the
   * items end: "your map area and nearby search, and activity statistics".
   */
  oxfordComma?: 'never' | 'when-ambiguous';
  /**
   * Names at most this many items and counts the rest: "A, B, C and 4 more". A list only one item
   * longer is named whole, since "and 1 more" would be no shorter.
   */
  atMost?: number;
}

/**
 * A list in words: "a", "a and b", "a, b and c" (or "a, b or c"). Empty items are left out, as they
 * would only leave a stray comma; no items give "".
 */
export function listInWords(items: readonly string[], options: ListOptions = {}): string {
  const conjunction = options.conjunction ?? 'and';
  const present = items.filter((item) => item.length > 0);
  const atMost = options.atMost;
  if (atMost !== undefined && present.length > atMost + 1) {
    return `${present.slice(0, atMost).join(', ')} ${conjunction} ${present.length - atMost} more`;
  }
  if (present.length <= 1) return present[0] ?? '';
  const own = new RegExp(`\\b${conjunction}\\b`);
  const serial = options.oxfordComma === 'when-ambiguous' && present.some((item) => own.test(item)) ? ',' : '';
  return `${present.slice(0, -1).join(', ')}${serial} ${conjunction} ${present[present.length - 1]}`;
}

/** "heart rate" → "Heart rate": a phrase that starts a sentence or a label. Only a lower-case first letter changes. */
export function capitalize(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}
