import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvText, neutralizeFormula } from './spreadsheet';

describe('neutralizeFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("https://evil.example","click")', `'=HYPERLINK("https://evil.example","click")`],
    ["=cmd|'/c calc'!A1", "'=cmd|'/c calc'!A1"],
    ['+1', "'+1"],
    ['+', "'+"],
    ['-2+3', "'-2+3"],
    ['-', "'-"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['\0=1+1', "'\0=1+1"],
  ])('puts a quote before %j', (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });

  it.each([
    '',
    'Email address',
    'https://ridgeline.example/account/delete',
    'TRUE',
    'PSL_DATA_USAGE_RESPONSES:PSL_EMAIL:PSL_DATA_USAGE_EPHEMERAL',
    'a = b',
    'Costs 5 - 3 = 2',
    "'already text",
    ' =1+1 has a leading space',
    'Ünïcödé, "quoted", commas',
  ])('leaves harmless text %j unchanged', (input) => {
    expect(neutralizeFormula(input)).toBe(input);
  });

  it('never leaves a trigger in first place and keeps the rest of the text intact', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = neutralizeFormula(s);
        expect(['=', '+', '-', '@', '\t', '\r', '\0']).not.toContain(out[0]);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
    );
  });
});

describe('csvText', () => {
  // The delimiter is stated, as a spreadsheet opening a .csv knows it: left to guess, papaparse took
  // `|` for it in `,,|||` (the row ['', '', '|||']) and split that row wrongly.
  const parse = (text: string) => Papa.parse<string[]>(text, { header: false, delimiter: ',', newline: '\r\n', skipEmptyLines: false });

  it('quotes commas, quotes, line breaks and edge spaces, and ends every record with CRLF', () => {
    const text = csvText([
      ['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded ', ''],
      ['x', 'y', 'z', 'w', 'v', 'u'],
    ]);
    expect(text).toBe('plain,"a,b","say ""hi""","two\nlines"," padded ",\r\nx,y,z,w,v,u\r\n');
  });

  it('neutralises formulas in every cell', () => {
    expect(csvText([['=1+1', '@SUM(A1)', '-3', 'ok']])).toBe("'=1+1,'@SUM(A1),'-3,ok\r\n");
  });

  it('writes empty cells and a cell of pipes as they are', () => {
    expect(csvText([['', '', '|||']])).toBe(',,|||\r\n');
    expect(parse(',,|||').data).toEqual([['', '', '|||']]);
  });

  it('can write LF line endings', () => {
    expect(csvText([['a'], ['b']], '\n')).toBe('a\nb\n');
  });

  it('round-trips any text through papaparse, with formulas neutralised', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = csvText(rows);
        expect(text.endsWith('\r\n')).toBe(true);
        const parsed = parse(text.slice(0, -2));
        expect(parsed.errors).toEqual([]);
        expect(parsed.data).toEqual(rows.map((row) => row.map(neutralizeFormula)));
      }),
      // Found by this property once, when the parse above guessed the delimiter.
      { examples: [[[['', '', '|||']]]] },
    );
  });
});
