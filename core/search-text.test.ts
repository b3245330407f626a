import { describe, expect, it } from 'vitest';
import { allWordsScore, isPlural, searchText, searchWords } from './search-text';

describe('search text', () => {
  it('folds case, accents, apostrophes and punctuation the same way for what is typed and what is searched', () => {
    expect(searchText("  Café  Owner's e-mail! ")).toBe('cafe owners e mail');
    expect(searchWords('user.contact.email')).toEqual(['user', 'contact', 'email']);
    expect(searchWords('  ')).toEqual([]);
  });

  it('treats a singular and its plural as one word', () => {
    expect(isPlural('photos', 'photo')).toBe(true);
    expect(isPlural('photo', 'photos')).toBe(true);
    expect(isPlural('addresses', 'address')).toBe(true);
    expect(isPlural('phone', 'photo')).toBe(false);
  });

  it('scores only when every word matches somewhere', () => {
    const score = (token: string, first: boolean) => (token === 'a' ? (first ? 10 : 5) : token === 'b' ? 1 : 0);
    expect(allWordsScore(['a', 'b', 'a'], score)).toBe(16);
    expect(allWordsScore(['a', 'zzz'], score)).toBe(0);
    expect(allWordsScore([], score)).toBe(0);
  });
});
