import { describe, expect, it } from 'vitest';
import {
  capitalize,
  count,
  countInWords,
  endsSentence,
  isSentence,
  isStyledWord,
  isVerbPhrase,
  listInWords,
  readsAsClause,
  startSentence,
  yourData,
} from './words';

describe('count', () => {
  it('uses the singular for exactly one and the plural for zero and many', () => {
    expect(count(0, 'purpose')).toBe('0 purposes');
    expect(count(1, 'purpose')).toBe('1 purpose');
    expect(count(2, 'purpose')).toBe('2 purposes');
    expect(count(2000, 'data type')).toBe('2000 data types');
  });

  it('takes an irregular plural from the caller', () => {
    expect(count(1, 'CCPA category', 'CCPA categories')).toBe('1 CCPA category');
    expect(count(3, 'CCPA category', 'CCPA categories')).toBe('3 CCPA categories');
    expect(count(1, 'row is', 'rows are')).toBe('1 row is');
    expect(count(0, 'row is', 'rows are')).toBe('0 rows are');
  });

  it('treats anything but exactly 1 as plural', () => {
    expect(count(1.5, 'day')).toBe('1.5 days');
    expect(count(-1, 'day')).toBe('-1 days');
  });
});

describe('countInWords', () => {
  it('spells the numbers below ten and writes the rest in digits', () => {
    expect(countInWords(0, 'more purpose', 'more purposes')).toBe('zero more purposes');
    expect(countInWords(1, 'more purpose', 'more purposes')).toBe('one more purpose');
    expect(countInWords(3, 'purpose')).toBe('three purposes');
    expect(countInWords(9, 'purpose')).toBe('nine purposes');
    expect(countInWords(10, 'purpose')).toBe('10 purposes');
    expect(countInWords(2.5, 'hour')).toBe('2.5 hours');
  });
});

describe('listInWords', () => {
  it('joins none, one, two and three items', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b'])).toBe('a and b');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listInWords(['a', 'b', 'c', 'd'])).toBe('a, b, c and d');
  });

  it('joins with "or" when asked', () => {
    expect(listInWords(['"gdpr"', '"ccpa"'], { conjunction: 'or' })).toBe('"gdpr" or "ccpa"');
    expect(listInWords(['a', 'b', 'c'], { conjunction: 'or' })).toBe('a, b or c');
  });

  it('leaves out empty items, and says nothing for a list of empty items', () => {
    expect(listInWords(['a', '', 'b'])).toBe('a and b');
    expect(listInWords(['', 'b'])).toBe('b');
    expect(listInWords(['', ''])).toBe('');
  });

  it('has no Oxford comma, even where an item holds an "and", unless asked', () => {
    const items = ['your map area and nearby search', 'activity statistics'];
    expect(listInWords(items)).toBe('your map area and nearby search and activity statistics');
    expect(listInWords(items, { oxfordComma: 'never' })).toBe('your map area and nearby search and activity statistics');
    expect(listInWords(items, { oxfordComma: 'when-ambiguous' })).toBe('your map area and nearby search, and activity statistics');
  });

  it('adds the Oxford comma only when an item holds the conjunction as a word', () => {
    expect(listInWords(['email', 'name', 'phone'], { oxfordComma: 'when-ambiguous' })).toBe('email, name and phone');
    // "brand" and "android" hold the letters, not the word.
    expect(listInWords(['brand', 'android', 'ios'], { oxfordComma: 'when-ambiguous' })).toBe('brand, android and ios');
    expect(listInWords(['to sell or share', 'to analyse'], { conjunction: 'or', oxfordComma: 'when-ambiguous' })).toBe(
      'to sell or share, or to analyse',
    );
    // An "and" inside an item does not call for a comma before "or".
    expect(listInWords(['name and email', 'phone'], { conjunction: 'or', oxfordComma: 'when-ambiguous' })).toBe('name and email or phone');
  });

  it('joins the in-app texts\' lists without the Oxford comma unless an item holds an "and"', () => {
    const inApp = { oxfordComma: 'when-ambiguous' } as const;
    expect(listInWords(['a'], inApp)).toBe('a');
    expect(listInWords(['a', 'b', 'c'], inApp)).toBe('a, b and c');
    expect(listInWords(['to a and b', 'to c'], inApp)).toBe('to a and b, and to c');
  });

  it("lists the documents' template items, leaving out empty ones", () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b'])).toBe('a and b');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listInWords(['a', '', 'c'], { conjunction: 'or' })).toBe('a or c');
  });

  it('names at most `atMost` items and counts the rest, but never "and 1 more"', () => {
    const items = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    expect(listInWords(items.slice(0, 3), { atMost: 3 })).toBe('A, B and C');
    expect(listInWords(items.slice(0, 4), { atMost: 3 })).toBe('A, B, C and D');
    expect(listInWords(items.slice(0, 5), { atMost: 3 })).toBe('A, B, C and 2 more');
    expect(listInWords(items, { atMost: 3 })).toBe('A, B, C and 4 more');
    expect(listInWords(items, { atMost: 3, conjunction: 'or' })).toBe('A, B, C or 4 more');
    expect(listInWords(['A', '', 'B', '', 'C', 'D'], { atMost: 2 })).toBe('A, B and 2 more');
  });
});

describe('capitalize', () => {
  it('upper-cases a lower-case first letter and leaves the rest', () => {
    expect(capitalize('heart rate')).toBe('Heart rate');
    expect(capitalize('élan vital')).toBe('Élan vital');
    expect(capitalize('iPhone users')).toBe('IPhone users');
    expect(capitalize('a')).toBe('A');
  });

  it('leaves empty text, capitals, digits and punctuation as they are', () => {
    expect(capitalize('')).toBe('');
    expect(capitalize('Heart rate')).toBe('Heart rate');
    expect(capitalize('3 purposes')).toBe('3 purposes');
    expect(capitalize('"quoted" text')).toBe('"quoted" text');
    expect(capitalize(' leading space')).toBe(' leading space');
  });

  it('starts a retention sentence', () => {
    expect(capitalize('for 30 days')).toBe('For 30 days');
  });

  it('handles a letter outside the Basic Multilingual Plane as one letter', () => {
    expect(capitalize('𐐨 word')).toBe('𐐀 word');
  });
});

describe('startSentence', () => {
  it('capitalises a plain first word, as capitalize does', () => {
    expect(startSentence('until account closure')).toBe('Until account closure');
    expect(startSentence('Heart rate')).toBe('Heart rate');
  });

  it('keeps names styled on purpose and the names it is given exactly as entered', () => {
    expect(startSentence('eBay keeps the card')).toBe('eBay keeps the card');
    expect(startSentence('iCloud backups')).toBe('iCloud backups');
    expect(startSentence('macOS crash logs')).toBe('macOS crash logs');
    expect(startSentence('npm Inc. hosts the registry', ['npm Inc.'])).toBe('npm Inc. hosts the registry');
    expect(startSentence('npm hosts it')).toBe('Npm hosts it');
  });
});

describe('isStyledWord', () => {
  it('tells names with inner capitals from ordinary words', () => {
    for (const word of ['eBay', 'iCloud', 'macOS', 'ACME', 'PayPal', 'McDonald']) expect([word, isStyledWord(word)]).toEqual([word, true]);
    for (const word of ['heart', 'Heart', 'a', 'I']) expect([word, isStyledWord(word)]).toEqual([word, false]);
  });
});

describe('isSentence and endsSentence', () => {
  it('calls text a sentence when it starts with a capital and ends with . ! ? or …', () => {
    expect(isSentence('We keep it until you close your account.')).toBe(true);
    expect(isSentence('Is it yours?')).toBe(true);
    expect(isSentence('"Quoted," she said.')).toBe(true);
    expect(isSentence('eBay keeps it (see its notice).')).toBe(true);
    expect(isSentence('30 days after the order.')).toBe(true);
  });

  it('calls fragments fragments', () => {
    expect(isSentence('until account closure')).toBe(false);
    expect(isSentence('until account closure.')).toBe(false);
    expect(isSentence('Crash reporting')).toBe(false);
    expect(isSentence('')).toBe(false);
    expect(isSentence('...')).toBe(false);
  });

  it('finds the end of a sentence inside closing quotes and brackets', () => {
    expect(endsSentence('It ends (here.)')).toBe(true);
    expect(endsSentence('It says "stop."')).toBe(true);
    expect(endsSentence('It does not (here)')).toBe(false);
  });
});

describe('isVerbPhrase', () => {
  it('reads imperative purpose names as verb phrases', () => {
    for (const name of [
      'Create your account',
      'Send you receipts',
      'Process payments',
      'Show ads',
      'Support your team',
      'Advertise',
      'Guide your meditation sessions',
      'Take parking payments',
      'Predict your cycle',
    ])
      expect([name, isVerbPhrase(name)]).toEqual([name, true]);
  });

  it('reads other purpose names as noun phrases', () => {
    for (const name of [
      'Account and sign-in',
      'Crash reporting',
      'Analytics',
      'Support',
      'Research',
      'Sign-in',
      'Report generation',
      'Check-in reminders',
      'CREATE',
      'Search',
      'Order history',
      'Licence check',
    ])
      expect([name, isVerbPhrase(name)]).toEqual([name, false]);
  });
});

describe('yourData', () => {
  it('puts "your" before a data type name', () => {
    expect(yourData('email address')).toBe('your email address');
    expect(yourData('Email address', (t) => t.toLowerCase())).toBe('your email address');
  });

  it('keeps a determiner the name has and uses "the" for a name that already speaks of the reader', () => {
    expect(yourData('The map area')).toBe('the map area');
    expect(yourData('Your location')).toBe('your location');
    expect(yourData('invoices you issue')).toBe('the invoices you issue');
    expect(yourData("photos you've taken")).toBe("the photos you've taken");
    expect(yourData('photos of your receipts')).toBe('the photos of your receipts');
  });
});

describe('readsAsClause', () => {
  it('accepts sentences and fragments that start with a subject', () => {
    for (const text of [
      'Activities are recorded without heart rate.',
      'you can sign in on any device',
      'we cannot create your account',
      "you'll get receipts",
    ])
      expect([text, readsAsClause(text)]).toEqual([text, true]);
  });

  it('refuses fragments that have no subject', () => {
    for (const text of [
      'faster sign-in',
      'no account, so no sync',
      'answers to your questions',
      'Fewer crashes',
      'the same notes on every device',
    ])
      expect([text, readsAsClause(text)]).toEqual([text, false]);
  });
});

describe('listInWords with names that hold commas', () => {
  it('separates three or more items with semicolons when one holds a comma', () => {
    expect(listInWords(['Brevo SAS', 'Stripe Payments Europe, Limited', 'Twilio Inc.'], { oxfordComma: 'when-ambiguous' })).toBe(
      'Brevo SAS; Stripe Payments Europe, Limited; and Twilio Inc.',
    );
    expect(listInWords(['Brevo SAS', 'Stripe Payments Europe, Limited'], { oxfordComma: 'when-ambiguous' })).toBe(
      'Brevo SAS and Stripe Payments Europe, Limited',
    );
    expect(listInWords(['A, Inc.', 'B', 'C'])).toBe('A, Inc., B and C');
  });
});
