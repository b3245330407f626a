import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanText, collectHeadings, createSlugger, decodeEntities, inlineText, lexMarkdown, prepareDocument, safeLink } from './markdown';
import type { Tokens } from 'marked';

describe('cleanText', () => {
  it('drops controls, bidi overrides, lone surrogates and non-characters but keeps tab, newline and real text', () => {
    expect(cleanText('a\u0000b\u0007c\u001bd\u007f\u0085e')).toBe('abcde');
    expect(cleanText('\u202Egnp.exe\u202C and \u2066x\u2069')).toBe('gnp.exe and x');
    expect(cleanText('lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00')).toBe('lone  high, lone  low, pair 😀');
    expect(cleanText('\uFFFE\uFFFFok')).toBe('ok');
    expect(cleanText('tab\tnew\nline\r\nwindows\rmac')).toBe('tab\tnew\nline\nwindows\nmac');
    expect(cleanText('Zoë, Ærøskøbing, 東京, مرحبا')).toBe('Zoë, Ærøskøbing, 東京, مرحبا');
  });

  it('leaves only characters XML 1.0 allows, whatever it is given', () => {
    const xmlChar = /^[\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(cleanText(s)).toMatch(xmlChar);
      }),
    );
  });
});

describe('safeLink', () => {
  it('accepts http, https, mailto and in-page anchors', () => {
    expect(safeLink('https://ridgeline.example/privacy')).toEqual({ kind: 'external', href: 'https://ridgeline.example/privacy' });
    expect(safeLink('http://ridgeline.example')).toEqual({ kind: 'external', href: 'http://ridgeline.example/' });
    expect(safeLink('mailto:privacy@ridgeline.example')).toEqual({ kind: 'mailto', href: 'mailto:privacy@ridgeline.example' });
    expect(safeLink('#your-rights')).toEqual({ kind: 'anchor', href: '#your-rights', id: 'your-rights' });
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'javascript&#58;alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    'privacy.html',
    '/privacy',
    'https://',
    'mailto:',
    '#',
    '#a"onmouseover="x',
  ])('refuses %j', (href) => {
    expect(safeLink(href)).toBeNull();
  });
});

describe('headings', () => {
  it('names anchors as GitHub does, unique in order', () => {
    const slug = createSlugger();
    expect(slug('Who we are & how to reach us')).toBe('who-we-are--how-to-reach-us');
    expect(slug('Your rights')).toBe('your-rights');
    expect(slug('Your rights')).toBe('your-rights-1');
    expect(slug('Your rights')).toBe('your-rights-2');
    expect(slug('Your rights-1')).toBe('your-rights-1-1');
    expect(slug('Données de santé')).toBe('données-de-santé');
    expect(slug('!!!')).toBe('section');
  });

  it('collects headings in lists and quotes too, with their plain text', () => {
    const tokens = lexMarkdown('# Title\n\n## **Bold** `code` [link](https://x.example)\n\n> ### Quoted\n\n- #### In a list\n');
    expect(collectHeadings(tokens).map((h) => [h.depth, h.text, h.slug])).toEqual([
      [1, 'Title', 'title'],
      [2, 'Bold code link', 'bold-code-link'],
      [3, 'Quoted', 'quoted'],
      [4, 'In a list', 'in-a-list'],
    ]);
  });
});

describe('prepareDocument', () => {
  const meta = {
    id: 'privacy-notice',
    title: 'Privacy notice',
    organization: ' Ridgeline\u0007 ',
    effectiveDate: '2027-01-15',
    version: '5bc562a5',
    locale: 'en',
  };
  const kinds = (tokens: { type: string }[]) => tokens.filter((t) => t.type !== 'space').map((t) => t.type);

  it('takes the leading h1 as the title and drops the line that only repeats the date and version', () => {
    const prepared = prepareDocument({
      meta,
      markdown: '# Ridgeline privacy notice\n\nEffective 15 January 2027. Version 5bc562a5.\n\nThis notice explains.\n\n## Summary\n',
    });
    expect(prepared).toMatchObject({
      title: 'Privacy notice',
      heading: 'Ridgeline privacy notice',
      organization: 'Ridgeline',
      version: '5bc562a5',
      effectiveDate: '15 January 2027',
      locale: 'en',
    });
    expect(kinds(prepared.body)).toEqual(['paragraph', 'heading']);
    expect((prepared.body.find((t) => t.type === 'paragraph') as Tokens.Paragraph).text).toBe('This notice explains.');
  });

  it('keeps a first paragraph that says more than the date and version', () => {
    const prepared = prepareDocument({
      meta,
      markdown: '# Title\n\nEffective 15 January 2027. Version 5bc562a5. We changed the retention of photos.\n',
    });
    expect(kinds(prepared.body)).toEqual(['paragraph']);
    const other = prepareDocument({ meta, markdown: 'Effective 15 January 2027.\n\nText' });
    expect(kinds(other.body)).toEqual(['paragraph', 'paragraph']);
  });

  it("drops the version line the template printed and lists a published version's number, effective date and last update", () => {
    const versionLine = 'Version 2.1 · effective 1 March 2027 · last updated 5 December 2026.';
    const prepared = prepareDocument({
      meta: { ...meta, version: '2.1', effectiveDate: '2027-03-01', lastUpdated: '2026-12-05', versionLine, buildId: '5bc562a5' },
      markdown: `# Ridgeline privacy notice\n\n${versionLine}\n\nThis notice explains.\n`,
    });
    expect(prepared.facts).toEqual([
      { label: 'Version', value: '2.1' },
      { label: 'Effective', value: '1 March 2027' },
      { label: 'Last updated', value: '5 December 2026' },
    ]);
    expect(kinds(prepared.body)).toEqual(['paragraph']);
  });

  it('says a draft is one, with its planned effective date, and never shows the build id', () => {
    const versionLine = 'Draft, not yet published; planned to take effect on 15 January 2027.';
    const prepared = prepareDocument({
      meta: { ...meta, version: '', versionLine, buildId: '5bc562a5' },
      markdown: `# Ridgeline privacy notice\n\n${versionLine}\n\nThis notice explains.\n`,
    });
    expect(prepared.facts).toEqual([
      { label: 'Status', value: 'Draft, not yet published' },
      { label: 'Planned effective date', value: '15 January 2027' },
    ]);
    expect(kinds(prepared.body)).toEqual(['paragraph']);
    expect(JSON.stringify(prepared)).not.toContain('5bc562a5');
    // A line that says more than the version line stays.
    const more = prepareDocument({ meta: { ...meta, version: '', versionLine }, markdown: `# T\n\n${versionLine} We changed things.\n` });
    expect(kinds(more.body)).toEqual(['paragraph']);
    expect((more.body.find((t) => t.type === 'paragraph') as Tokens.Paragraph).text).toContain('We changed things.');
  });

  it('falls back to the template title, and to "Untitled"', () => {
    expect(prepareDocument({ meta, markdown: '## Section\n' })).toMatchObject({ title: 'Privacy notice', heading: 'Privacy notice' });
    expect(prepareDocument({ meta: { ...meta, title: '\u0000 ' }, markdown: '# Own title' })).toMatchObject({
      title: 'Own title',
      heading: 'Own title',
    });
    expect(prepareDocument({ meta: { ...meta, title: '\u0000 ' }, markdown: 'Text' })).toMatchObject({
      title: 'Untitled',
      heading: 'Untitled',
    });
    expect(kinds(prepareDocument({ meta, markdown: '## Section\n' }).body)).toEqual(['heading']);
  });

  it('refuses a locale that is not a language tag and leaves an impossible date as given', () => {
    const prepared = prepareDocument({ meta: { ...meta, locale: '"><script>', effectiveDate: '2027-02-30' }, markdown: '' });
    expect(prepared.locale).toBe('en');
    expect(prepared.effectiveDate).toBe('2027-02-30');
  });
});

describe('entities and text', () => {
  it('decodes the named and numeric references Markdown authors use and keeps unknown ones', () => {
    expect(decodeEntities('Tom &amp; Jerry &copy; 2025 &mdash; &#x41;&#66; &bogus; &#0; &#xD800;')).toBe(
      'Tom & Jerry © 2025 — AB &bogus; \uFFFD \uFFFD',
    );
  });

  it('reads escaped user text back as the characters typed', () => {
    const tokens = lexMarkdown('\\<script\\>alert(1)\\</script\\> \\[x\\](javascript:alert(1)) a\\&amp;b');
    expect(inlineText((tokens[0] as Tokens.Paragraph).tokens)).toBe('<script>alert(1)</script> [x](javascript:alert(1)) a&amp;b');
  });
});
