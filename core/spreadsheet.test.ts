import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula } from './spreadsheet';

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
