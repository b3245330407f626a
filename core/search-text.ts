// The text side of every search box (the data type library, the services catalogue, the pickers):
// what is typed and what is searched are both folded the same way, so "Café", "cafe" and "CAFÉ's" meet.

/** Lower case, accents and apostrophes gone, anything else that is not a letter or digit a single space. */
export function searchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words of `searchText(text)`; none for blank text. */
export function searchWords(text: string): string[] {
  const folded = searchText(text);
  return folded ? folded.split(' ') : [];
}

/** "photos" for "photo", "photo" for "photos": singular and plural are the same word to a searcher. */
export function isPlural(word: string, token: string): boolean {
  return word === `${token}s` || word === `${token}es` || token === `${word}s`;
}

/**
 * The sum of each typed word's score, or 0 when one of them matches nowhere: every word typed must
 * match somewhere. `score` gets the word and whether it is the first.
 */
export function allWordsScore(tokens: readonly string[], score: (token: string, first: boolean) => number): number {
  let total = 0;
  for (const [i, token] of tokens.entries()) {
    const s = score(token, i === 0);
    if (s === 0) return 0;
    total += s;
  }
  return total;
}
