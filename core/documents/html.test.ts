// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, markdownToSafeHtml, renderHtmlPage } from './html';
import { markdownInline } from './text';
import type { RenderedDocument } from './types';
import { largeNoticeMarkdown } from './testing/large-notice';
import { HOSTILE_STRINGS } from '../testing/arbitraries';

// Not new URL(…, import.meta.url): Vite rewrites that pattern into an asset URL under jsdom.
const fixture = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'every-element.md'), 'utf8');

const meta: RenderedDocument['meta'] = {
  id: 'privacy-notice',
  title: 'Privacy notice',
  organization: 'Ridgeline Outdoor Ltd',
  effectiveDate: '2025-03-01',
  version: 'a1b2c3d',
  locale: 'en',
};

// The jsdom environment gives a real HTML parser; nothing from the page is run or fetched by it.
function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const HOSTILE_MARKDOWN = [
  '<script>alert(1)</script>',
  'Inline <script>alert(1)</script> script',
  '<img src=x onerror=alert(1)>',
  'Text <img src="http://tracker.example/p.gif"> here',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java\tscript:alert(1))',
  '[x](javascript&#58;alert(1))',
  '<a href="data:text/html,<script>alert(1)</script>">d</a>',
  '[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[v](vbscript:msgbox(1))',
  '<iframe src="https://evil.example"></iframe>',
  '<style>@import url(http://x.example/a.css); body{background:url(http://x.example/b.png)}</style>',
  '<link rel="stylesheet" href="http://x.example/c.css">',
  '<object data="http://x.example/o.swf"></object><embed src="http://x.example/e">',
  '<svg onload=alert(1)><use href="http://x.example/s.svg#a"/></svg>',
  '<form action="http://x.example"><input name=a></form>',
  '<meta http-equiv="refresh" content="0;url=http://x.example">',
  '<base href="http://x.example/">',
  '<div style="background:url(http://x.example/d.png)" onclick="alert(1)">x</div>',
  '![tracker](http://x.example/t.png)',
  '<a href="#" onmouseover="alert(1)">hover</a>',
  '" onmouseover="alert(1)',
  '[ok](https://ridgeline.example "t\\" onmouseover=\\"alert(1)")',
  '<!-- comment --><![CDATA[x]]>',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '| a | b |\n| --- | --- |\n| <script>alert(1)</script> | [x](javascript:alert(1)) |',
  '## <img src=x onerror=alert(1)> heading',
  '- <iframe src=//x.example>',
  'References: &#0; &#x1; &#xD800; &#xFFFE; \u0007 \u202Egnp.exe',
  '# Title &#xFFFE; &#x1; &#x202E;\n\n## Section &#xFFFF; &#x7;',
];

/** Everything a hostile page could use to run code or reach the network, checked on the parsed page. */
function assertInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  // eslint-disable-next-line no-control-regex -- control and bidi characters must not reach the page
  expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\uFFFE\uFFFF]/);
  // Outside text (where "<" is always escaped), no tag carries an event handler or a source.
  expect(html).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
  expect(html).not.toMatch(/<[a-z][^>]*\s(src|srcset|data|action|formaction|poster|background|style)\s*=/i);
  const doc = parse(html);
  expect(
    doc.querySelectorAll('script, iframe, object, embed, img, link, base, form, input, svg, video, audio, source, frame, frameset, picture')
      .length,
  ).toBe(0);
  for (const meta of doc.querySelectorAll('meta[http-equiv]')) {
    expect(meta.getAttribute('http-equiv')).toBe('Content-Security-Policy');
  }
  for (const element of doc.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) {
      expect(attribute.startsWith('on'), `${element.tagName} has ${attribute}`).toBe(false);
      expect(attribute).not.toBe('style');
    }
  }
  for (const anchor of doc.querySelectorAll('[href]')) {
    const href = anchor.getAttribute('href') as string;
    expect(href).toMatch(/^(https?:\/\/|mailto:|#)/);
  }
  const styles = [...doc.querySelectorAll('style')];
  expect(styles.length).toBeLessThanOrEqual(1);
  for (const style of styles) {
    expect(style.textContent).not.toMatch(/@import|url\(/i);
  }
}

describe('renderHtmlPage', () => {
  const html = renderHtmlPage({ meta, markdown: fixture });
  const doc = parse(html);

  it('is a complete standalone page', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(doc.querySelector('meta[name=viewport]')?.getAttribute('content')).toBe('width=device-width, initial-scale=1');
    expect(doc.title).toBe('Privacy notice · Ridgeline Outdoor Ltd');
  });

  it('declares a Content-Security-Policy that allows no script, no fetch, only inline styles, before any style', () => {
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(csp?.getAttribute('content')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src|https?:|\*/);
    const headChildren = [...doc.head.children];
    expect(headChildren.indexOf(csp as Element)).toBeLessThan(headChildren.findIndex((e) => e.tagName === 'STYLE'));
  });

  it('has a header with the organisation, title, effective date and version, and the title only once', () => {
    const header = doc.querySelector('header.doc-header');
    expect(header?.querySelector('.organization')?.textContent).toBe('Ridgeline Outdoor Ltd');
    expect(header?.querySelector('h1')?.textContent).toBe('Privacy notice');
    expect(header?.querySelector('.facts')?.textContent).toBe('Effective1 March 2025Versiona1b2c3d');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
  });

  it('builds the contents from the h2s, each linking to a heading that exists', () => {
    const links = [...doc.querySelectorAll('nav.contents a')];
    expect(links.map((a) => a.textContent)).toEqual([
      'Summary',
      'Who we are and how to reach us',
      'What we collect and why',
      'Your rights',
      'Changes to this notice',
    ]);
    for (const link of links) {
      const target = doc.getElementById((link.getAttribute('href') as string).slice(1));
      expect(target?.tagName).toBe('H2');
      expect(target?.textContent).toBe(link.textContent);
    }
  });

  it('renders every element a notice uses', () => {
    const main = doc.querySelector('main') as Element;
    for (const tag of [
      'h2',
      'h3',
      'h4',
      'p',
      'strong',
      'em',
      'a',
      'ul',
      'ol',
      'li',
      'table',
      'thead',
      'tbody',
      'th',
      'td',
      'blockquote',
      'hr',
      'code',
    ]) {
      expect(main.querySelector(tag), tag).not.toBeNull();
    }
    expect(main.querySelector('ul li ul li')?.textContent).toBe('to create your account;');
    expect(main.querySelector('ol li ol li')?.textContent).toBe('from the app;');
    expect([...main.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Data type',
      'Why we collect it',
      'What you get',
      'How long we keep it',
    ]);
    expect(main.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(main.querySelector('td a')?.getAttribute('href')).toBe('https://ridgeline.example/reset');
    expect(main.querySelector('blockquote a')?.getAttribute('href')).toBe('mailto:dpo@ridgeline.example');
    expect(main.querySelector('a[href="#what-we-collect-and-why"]')?.textContent).toBe('What we collect and why');
    expect(main.querySelector('#what-we-collect-and-why')?.tagName).toBe('H2');
    expect(main.querySelector('code')?.textContent).toBe('order-id');
  });

  it('marks external links noopener noreferrer, and only those', () => {
    for (const a of doc.querySelectorAll('a[href^="http"]')) expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    for (const a of doc.querySelectorAll('a[href^="#"], a[href^="mailto:"]')) expect(a.hasAttribute('rel')).toBe(false);
  });

  it('shows escaped user text as the characters typed, never as markup or links', () => {
    const main = doc.querySelector('main') as Element;
    expect(main.textContent).toContain('Payment details <script>alert(1)</script>');
    expect(main.textContent).toContain('A partner named [x](javascript:alert(1)) receives nothing.');
    assertInert(html);
  });

  it('has light and dark colours and print rules, and no web fonts', () => {
    const css = doc.querySelector('style')?.textContent ?? '';
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    expect(css).toContain('@media print');
    expect(css).toContain('thead { display: table-header-group; }');
    expect(css).not.toMatch(/@font-face|@import|url\(/);
  });

  it('escapes the metadata', () => {
    const page = renderHtmlPage({
      meta: {
        ...meta,
        title: '<script>alert(1)</script>',
        organization: '"><img src=x onerror=alert(1)>',
        version: '</title><script>',
        effectiveDate: '<b>',
        locale: '"><script>',
      },
      markdown: '# <script>alert(1)</script>\n\nBody',
    });
    assertInert(page);
    const d = parse(page);
    expect(d.title).toBe('<script>alert(1)</script> · "><img src=x onerror=alert(1)>');
    expect(d.documentElement.getAttribute('lang')).toBe('en');
    expect(d.querySelector('.facts')?.textContent).toBe('Effective<b>Version</title><script>');
  });

  it("prints the document's own heading as its title, and names the organisation in the tab only when the heading does not", () => {
    const page = parse(
      renderHtmlPage({
        meta: { ...meta, organization: 'Ridgeline' },
        markdown: '# Ridgeline privacy notice\n\nEffective 1 March 2025. Version a1b2c3d.\n\n## Summary\n',
      }),
    );
    expect(page.title).toBe('Ridgeline privacy notice');
    expect(page.querySelector('header h1')?.textContent).toBe('Ridgeline privacy notice');
    expect(page.querySelectorAll('h1')).toHaveLength(1);
    expect(page.querySelector('main')?.textContent).not.toContain('Version');
  });

  it('leaves out the date and the contents when there are none', () => {
    const page = parse(renderHtmlPage({ meta: { ...meta, effectiveDate: undefined }, markdown: 'Just a paragraph.' }));
    expect(page.querySelector('.facts')?.textContent).toBe('Versiona1b2c3d');
    expect(page.querySelector('nav')).toBeNull();
  });
});

describe('hostile Markdown', () => {
  it.each(HOSTILE_MARKDOWN)('%j stays inert in the page and in the fragment', (markdown) => {
    assertInert(renderHtmlPage({ meta, markdown }));
    assertInert(markdownToSafeHtml(markdown));
  });

  it('shows raw HTML as text rather than dropping it silently', () => {
    const fragment = parse(markdownToSafeHtml('Before <b onclick="x()">bold</b> after\n\n<script>alert(1)</script>'));
    expect(fragment.body.textContent).toContain('Before <b onclick="x()">bold</b> after');
    expect(fragment.body.textContent).toContain('<script>alert(1)</script>');
  });

  it('keeps the text of refused links and images', () => {
    const fragment = parse(markdownToSafeHtml('[click me](javascript:alert(1)) and ![a tracker](http://x.example/t.png)'));
    expect(fragment.body.textContent?.trim()).toBe('click me and a tracker');
    expect(fragment.querySelector('a')).toBeNull();
  });

  it('keeps every hostile string a user could type inert once escaped, in every position', () => {
    for (const text of HOSTILE_STRINGS) {
      const escaped = markdownInline(text);
      const markdown = `## ${escaped}\n\n${escaped}\n\n- ${escaped}\n\n| ${escaped} | b |\n| --- | --- |\n| ${escaped} | [${escaped}](https://ridgeline.example) |\n\n> ${escaped}\n`;
      const page = renderHtmlPage({ meta: { ...meta, organization: text, title: text }, markdown });
      assertInert(page);
      // What was typed is shown (after the escaping drops controls and bidi overrides and folds whitespace).
      const shown = (parse(page).querySelector('main')?.textContent ?? '').replace(/\s+/g, ' ');
      const typed = text
        // eslint-disable-next-line no-control-regex -- the oracle drops the control characters the escaping drops
        .replace(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/g, (c) => (c === '\n' ? ' ' : ''))
        .replace(/\s+/g, ' ')
        .trim();
      expect(shown).toContain(typed.slice(0, 50));
    }
  });

  it('never lets random text embedded in Markdown produce a script, an event handler or a javascript: link', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(
        ...HOSTILE_STRINGS.filter((s) => s.length < 100),
        ...HOSTILE_MARKDOWN,
        '<',
        '>',
        '"',
        "'",
        '`',
        '[',
        '](',
        ')',
        'javascript:',
        ' on',
        'click=',
        '\n\n',
        '|',
        '# ',
        '- ',
        '&#',
        '&#x1;',
        '&#xFFFE;',
      ),
    );
    const text = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const markdown = `# ${a}\n\n${b} [${a}](${b}) <${a}>\n\n| ${a} | ${b} |\n| --- | --- |\n| ${b} | ${a} |\n\n- ${a}\n  - ${b}\n`;
        const page = renderHtmlPage({ meta: { ...meta, title: a, organization: b }, markdown });
        expect(page).not.toMatch(/<script/i);
        expect(page).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
        for (const anchor of parse(page).querySelectorAll('[href]')) {
          expect((anchor.getAttribute('href') as string).toLowerCase()).not.toContain('javascript:');
        }
        const fragment = markdownToSafeHtml(markdown);
        expect(fragment).not.toMatch(/<script/i);
        expect(fragment).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
        expect(fragment).not.toMatch(/href="\s*javascript:/i);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a notice with many data types', () => {
  it('lists only the sections in the contents and gives every data type a unique anchor', () => {
    const page = parse(renderHtmlPage({ meta, markdown: largeNoticeMarkdown(300) }));
    expect([...page.querySelectorAll('nav.contents a')].map((a) => a.textContent)).toEqual([
      'Summary',
      'Who we are and how to reach us',
      'What we collect and why',
      'Your rights',
      'Changes to this notice',
    ]);
    const ids = [...page.querySelectorAll('main h3')].map((h) => h.id);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    expect(page.querySelectorAll('main table')).toHaveLength(301);
  });
});

describe('markdownToSafeHtml', () => {
  it('gives the sanitised fragment with heading anchors, no page around it', () => {
    const fragment = markdownToSafeHtml('# Title\n\n## Your rights\n\nSee [rights](#your-rights).');
    expect(fragment).toBe(
      '<h1 id="title">Title</h1>\n<h2 id="your-rights">Your rights</h2>\n<p>See <a href="#your-rights">rights</a>.</p>\n',
    );
  });
});
