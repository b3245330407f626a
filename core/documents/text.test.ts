import fc from 'fast-check';
import { marked } from 'marked';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS } from '../testing/arbitraries';
import { headingText, markdownInline, markdownUrl, plainLines, plainText, sentence } from './text';

function decode(html: string): string {
  return html.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
}

/** What a Markdown reader shows for one paragraph, or undefined when the Markdown made anything but plain text. */
function shownAsParagraph(markdown: string): string | undefined {
  const html = marked.parse(markdown, { async: false }).trim();
  const match = /^<p>([\s\S]*)<\/p>$/.exec(html);
  if (!match || /<[a-z/]/i.test(match[1])) return undefined;
  return decode(match[1]);
}

const MARKDOWN_TRAPS = [
  ...HOSTILE_STRINGS,
  '*bold* _em_ __strong__ ~~strike~~ `code` ``two``',
  '[a][b] [c]: https://x.example ![img](https://x.example/i.png)',
  'https://example.com/a_b_c www.example.com mail@example.com <https://x.example>',
  '# h1',
  '## h2',
  '> quote',
  '- item',
  '+ item',
  '* item',
  '1. one',
  '2) two',
  '---',
  '===',
  '***',
  '___',
  '    indented code',
  '```fence',
  '~~~fence',
  '<!-- comment -->',
  '<div>html</div>',
  '&amp; &copy; &#169; &#x41;',
  'back\\slash at end\\',
  'trailing spaces   ',
  'a  \nb',
  'pipe | in | text',
  'snake_case and 5 * 3 and 2*3*4',
  'x^2 {curly} $dollar$ %percent% "quote" \'apos\'',
  '{{ 7*7 }}',
  '{% if true %}x{% endif %}',
  '${1+1}',
];

describe('plainText', () => {
  it('removes control characters and bidi overrides, and makes one trimmed line', () => {
    expect(plainText('a\u0000b\u0007c\u001bd')).toBe('abcd');
    expect(plainText('\u202Egnp.exe\u202C')).toBe('gnp.exe');
    expect(plainText('\u2066isolate\u2069 \u200Emark\u200F')).toBe('isolate mark');
    expect(plainText('  one\n\ttwo\r\nthree\u2028four  ')).toBe('one two three four');
    expect(plainText('\uFEFFbom')).toBe('bom');
    expect(plainText('lone \uD800 surrogate')).toBe('lone surrogate');
    expect(plainText('emoji 👩‍👩‍👧 keeps its joiners')).toBe('emoji 👩‍👩‍👧 keeps its joiners');
    expect(plainText('e\u0301')).toBe('é');
  });

  it('splits an address into clean lines', () => {
    expect(plainLines('Sendlinger Straße 28\n\n80331 München\r\n  Germany \u202E')).toEqual([
      'Sendlinger Straße 28',
      '80331 München',
      'Germany',
    ]);
  });
});

describe('markdownInline', () => {
  it.each(MARKDOWN_TRAPS)('shows %j exactly as typed, as plain text', (text) => {
    const escaped = markdownInline(text);
    expect(escaped).not.toMatch(/\n/);
    // As a paragraph of its own, after other words, and as a list item: always the same plain text.
    expect(shownAsParagraph(escaped)).toBe(plainText(text));
    expect(shownAsParagraph(`Before ${escaped} after`)).toBe(`Before ${plainText(text)} after`.trim());
    const item = marked.parse(`- ${escaped}`, { async: false }).trim();
    expect(item).toBe(
      `<ul>\n<li>${marked
        .parse(escaped, { async: false })
        .trim()
        .replace(/^<p>|<\/p>$/g, '')}</li>\n</ul>`,
    );
  });

  it('keeps the Markdown source readable: only what could take effect is escaped', () => {
    expect(markdownInline('snake_case and 5 % off, 3 - 2 = 1')).toBe('snake_case and 5 % off, 3 - 2 = 1');
    expect(markdownInline('{{ 7*7 }}')).toBe('{{ 7\\*7 }}');
    expect(markdownInline('[click](javascript:alert(1))')).toBe('\\[click\\](javascript:alert(1))');
    expect(markdownInline('<script>alert(1)</script>')).toBe('\\<script>alert(1)\\</script>');
    expect(markdownInline('# Heading')).toBe('\\# Heading');
    expect(markdownInline('1. first')).toBe('1\\. first');
    expect(markdownInline('a | b')).toBe('a \\| b');
    expect(markdownInline('see https://x.example or www.x.example')).toBe('see https\\://x.example or www\\.x.example');
  });

  it('never lets user text become a link, an image, HTML, code or emphasis, in a table cell too', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...MARKDOWN_TRAPS)), (text) => {
        const escaped = markdownInline(text);
        expect(escaped).not.toContain('\n');
        const shown = shownAsParagraph(`x ${escaped} x`);
        expect(shown).toBe(`x ${plainText(text)} x`);
        const table = marked.parse(`| a | b |\n| --- | --- |\n| ${escaped} | end |\n`, { async: false });
        // Two cells in the row, whatever the text: pipes and line breaks cannot split or end it.
        const row = /<tbody><tr>\n([\s\S]*?)<\/tr>/.exec(table)?.[1] ?? '';
        expect(row.match(/<td>/g)?.length).toBe(2);
        expect(row).toContain('<td>end</td>');
      }),
      { numRuns: 300 },
    );
  });
});

describe('small helpers', () => {
  it('ends a sentence once', () => {
    expect(sentence('We keep it')).toBe('We keep it.');
    expect(sentence('We keep it.')).toBe('We keep it.');
    expect(sentence('Really?')).toBe('Really?');
    expect(sentence('(as the law says.)')).toBe('(as the law says.)');
    expect(sentence('ends with an escaped star \\*')).toBe('ends with an escaped star \\*.');
    expect(sentence('')).toBe('');
    expect(sentence('2')).toBe('2\\.');
  });

  it('makes link destinations that cannot break out of the link', () => {
    expect(markdownUrl('https://a.example/x_(y)?q=<z>&amp;w')).toBe('https://a.example/x_%28y%29?q=%3Cz%3E%26amp;w');
    const html = marked.parse(`[t](${markdownUrl('https://a.example/a)b [c] "d"')})`, { async: false });
    expect(html).toBe('<p><a href="https://a.example/a%29b%20%5Bc%5D%20%22d%22">t</a></p>\n');
  });

  it('makes headings that markdownlint accepts from any name', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[ a-z.,;:!?#*_-]{1,8}$/), fc.constantFrom(...MARKDOWN_TRAPS)), (name) => {
        const markdown = `# Title\n\n## ${headingText(markdownInline(name))}\n\nText.\n`;
        const problems = lint({ strings: { doc: markdown }, config: { default: true, MD013: false } }).doc;
        expect(problems.map((p) => `${p.ruleNames[0]} ${p.errorDetail ?? ''}`)).toEqual([]);
        expect(marked.parse(markdown, { async: false })).toMatch(/<h2>[^<]+<\/h2>/);
      }),
      { numRuns: 400 },
    );
  });

  it('makes heading text without trailing punctuation', () => {
    expect(headingText('Email address.')).toBe('Email address');
    expect(headingText('What?!')).toBe('What');
    expect(headingText('1\\.')).toBe('1');
    expect(headingText('!!!')).toBe('“!!!”');
    expect(headingText('. ,')).toBe('“. ,”');
    expect(headingText('Wait . . .')).toBe('Wait');
    expect(headingText('C#')).toBe('C\\#');
    expect(headingText('!#')).toBe('!\\#');
  });
});
