import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToSafeHtml } from './html';
import { SectionedHtml } from './html-sections';
import { tidyMarkdown, tidyMarkdownLines } from './render';
import { largeNoticeMarkdown } from './testing/large-notice';

const joined = (markdown: string, renderer = new SectionedHtml()) =>
  renderer
    .render(markdown)
    .map((section) => section.html)
    .join('');

// Markdown that a cut before a heading could get wrong if the cutting were careless.
const TRICKY = [
  '# Title\n\nIntro paragraph\n# Heading right after a paragraph line\n\ntext',
  '## List\n\n- one\n- two\n## Heading ending the list\n\n1. first\n2. second\n\n### Numbered again\n\n3. third',
  '## Table\n\n| a | b |\n| --- | :-: |\n| 1 | 2 |\n## After the table\n\n| c |\n| --- |\n| 3 |',
  '## Quote\n\n> quoted\n> # heading in a quote\n## Out of the quote',
  '## Same name\n\ntext\n\n## Same name\n\nmore\n\n## Same name\n\nSetext heading\n---\n\n## Setext heading',
  '#hashtag is not a heading\n\n####### seven is not a heading\n\n#\n\n## Empty heading above',
  '## Code\n\n    # indented code, not a heading\n    more code\n# A heading after indented code',
  '## Links\n\n[to the list](#list) and <https://example.com> and [mail](mailto:a@example.com)\n\n## List',
  'No heading at all\n\n- a list\n\n> a quote',
  '',
  '## Windows line ends\r\n\r\ntext\r\n## Next\r\n',
];

// Markdown a cut could break: fences, HTML blocks and link reference definitions; these are rendered whole.
const WHOLE = [
  '## Fence\n\n```\n# not a heading\n```\n\n## After',
  '## Tilde fence\n\n~~~md\n# not a heading\n~~~\n## After',
  '## Html\n\n<div>\n# inside an html block\n</div>\n\n## After',
  '## Reference\n\nSee [the policy][policy].\n\n## Later\n\n[policy]: https://example.com/policy',
];

describe('the preview HTML by section', () => {
  it.each(TRICKY.map((markdown, index) => [index, markdown]))('joins to exactly the HTML of the whole (%i)', (_index, markdown) => {
    expect(joined(markdown)).toBe(markdownToSafeHtml(markdown));
  });

  it.each(WHOLE.map((markdown, index) => [index, markdown]))('renders a document it cannot cut safely whole (%i)', (_index, markdown) => {
    const sections = new SectionedHtml().render(markdown);
    expect(sections).toHaveLength(1);
    expect(sections[0].html).toBe(markdownToSafeHtml(markdown));
  });

  it('joins to exactly the HTML of the whole for the element catalogue and a 2,000-data-type notice', () => {
    const everyElement = readFileSync(new URL('./fixtures/every-element.md', import.meta.url), 'utf8');
    expect(joined(everyElement)).toBe(markdownToSafeHtml(everyElement));
    const large = largeNoticeMarkdown(300);
    const sections = new SectionedHtml().render(large);
    expect(sections.length).toBeGreaterThan(300);
    expect(sections.map((s) => s.html).join('')).toBe(markdownToSafeHtml(large));
  });

  it('cuts the same sections from the lines of a text as from the text', () => {
    const everyElement = readFileSync(new URL('./fixtures/every-element.md', import.meta.url), 'utf8');
    for (const markdown of [...TRICKY, ...WHOLE, everyElement, largeNoticeMarkdown(50)]) {
      if (markdown.includes('\r')) continue;
      expect(new SectionedHtml().render(markdown.split('\n'))).toEqual(new SectionedHtml().render(markdown));
      expect(new SectionedHtml().render(tidyMarkdownLines(markdown))).toEqual(new SectionedHtml().render(tidyMarkdown(markdown)));
    }
    const line = fc
      .array(fc.constantFrom('#', '## ', '####### ', ' ', '   ```', '~~~', '<div>', '[a]: /b', '[a]', 'x', '| c |', '- d', '\t'), {
        maxLength: 5,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        expect(new SectionedHtml().render(lines)).toEqual(new SectionedHtml().render(lines.join('\n')));
      }),
      { numRuns: 500 },
    );
  });

  it('cuts before each heading, keys each section by its anchor, and keeps the keys unique', () => {
    const sections = new SectionedHtml().render('Intro\n\n## Email\n\na\n\n## Email\n\nb\n\n### Why\n\nc');
    expect(sections.map((s) => s.key)).toEqual(['', 'email', 'email-1', 'why']);
    expect(sections[2].html).toContain('id="email-1"');
  });

  it('renders again only the sections that changed, and those whose anchors moved', () => {
    const renderer = new SectionedHtml();
    const before = '# Notice\n\n## Email\n\nWe keep it.\n\n## Phone\n\nWe keep it too.\n\n## Location\n\nNot kept.';
    renderer.render(before);
    expect(renderer.lastRun).toEqual({ rendered: 4, reused: 0 });
    const edited = before.replace('We keep it too.', 'We keep it for a year.');
    expect(joined(edited, renderer)).toBe(markdownToSafeHtml(edited));
    expect(renderer.lastRun).toEqual({ rendered: 1, reused: 3 });
    // Undo: the earlier version of the section is still known.
    renderer.render(before);
    expect(renderer.lastRun).toEqual({ rendered: 0, reused: 4 });
    // A new "Email" heading before the old one renames the old one's anchor, so that section is made again.
    const renamed = before.replace('# Notice\n\n', '# Notice\n\n## Email\n\nFirst.\n\n');
    expect(joined(renamed, renderer)).toBe(markdownToSafeHtml(renamed));
    expect(renderer.lastRun).toEqual({ rendered: 2, reused: 3 });
  });

  it('forgets sections neither of the last two renders used', () => {
    const renderer = new SectionedHtml();
    renderer.render('## A\n\none');
    renderer.render('## A\n\ntwo');
    renderer.render('## A\n\nthree');
    renderer.render('## A\n\none');
    expect(renderer.lastRun).toEqual({ rendered: 1, reused: 0 });
  });
});
