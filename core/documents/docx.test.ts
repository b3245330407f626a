// @vitest-environment jsdom
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
// fflate is docx's own zip library (a transitive dependency); tests may read the file with it.
import { strFromU8, unzipSync } from 'fflate';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYOUT_LIMIT, renderDocx } from './docx';
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

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface Unpacked {
  files: Record<string, string>;
  xml(name: string): Document;
}

function unpack(bytes: Uint8Array): Unpacked {
  const raw = unzipSync(bytes);
  const files = Object.fromEntries(Object.entries(raw).map(([name, data]) => [name, strFromU8(data)]));
  return {
    files,
    xml(name) {
      expect(files[name], `${name} is in the package`).toBeDefined();
      return strictXml(files[name], name);
    },
  };
}

/** jsdom (this file's environment) parses XML with a strict parser: anything malformed gives a <parsererror> document. */
function strictXml(text: string, name: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  expect(doc.getElementsByTagName('parsererror').length, `${name} is well-formed XML`).toBe(0);
  return doc;
}

/** Every XML part of the package must be well-formed, or Word offers to repair the file. */
function assertWellFormed(unpacked: Unpacked) {
  const parts = Object.keys(unpacked.files).filter((name) => name.endsWith('.xml') || name.endsWith('.rels'));
  expect(parts).toEqual(
    expect.arrayContaining([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/styles.xml',
      'word/numbering.xml',
      'docProps/core.xml',
    ]),
  );
  for (const name of parts) strictXml(unpacked.files[name], name);
  // XML 1.0 forbids these even as character references.
  for (const name of parts)
    expect(unpacked.files[name], name).not.toMatch(
      // eslint-disable-next-line no-control-regex -- the characters XML forbids are what this looks for
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|&#(x0*[0-8bcef]|x0*1[0-9a-f]|0*([0-8]|1[1-24-9]|2[0-9]|3[01]));/i,
    );
}

function texts(doc: Document, tag = 't'): string {
  return [...doc.getElementsByTagNameNS(W, tag)].map((t) => t.textContent).join('');
}

function paragraphsWithStyle(doc: Document, style: string): string[] {
  return [...doc.getElementsByTagNameNS(W, 'p')]
    .filter((p) => [...p.getElementsByTagNameNS(W, 'pStyle')].some((s) => s.getAttributeNS(W, 'val') === style))
    .map((p) => [...p.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join(''));
}

function partsMatching(unpacked: Unpacked, pattern: RegExp): Document[] {
  return Object.keys(unpacked.files)
    .filter((n) => pattern.test(n))
    .map((n) => unpacked.xml(n));
}

describe('renderDocx', () => {
  let unpacked: Unpacked;
  let body: Document;
  beforeAll(async () => {
    const bytes = await renderDocx({ meta, markdown: fixture });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    unpacked = unpack(bytes);
    body = unpacked.xml('word/document.xml');
  });

  it('is a package of well-formed XML parts', () => {
    assertWellFormed(unpacked);
  });

  it('uses the real heading styles, the body h2s as Heading 1 under the title', () => {
    expect(paragraphsWithStyle(body, 'Title')).toEqual(['Privacy notice']);
    expect(paragraphsWithStyle(body, 'Heading1')).toEqual([
      'Summary',
      'Who we are and how to reach us',
      'What we collect and why',
      'Your rights',
      'Changes to this notice',
    ]);
    expect(paragraphsWithStyle(body, 'Heading2')).toEqual(['Email address', 'Precise location']);
    expect(paragraphsWithStyle(body, 'Heading3')).toEqual(['Where it comes from']);
    const styles = unpacked.xml('word/styles.xml');
    const names = [...styles.getElementsByTagNameNS(W, 'style')].map((s) => [
      s.getAttributeNS(W, 'styleId'),
      s.getElementsByTagNameNS(W, 'name')[0]?.getAttributeNS(W, 'val'),
    ]);
    for (const level of [1, 2, 3, 4]) expect(names).toContainEqual([`Heading${level}`, `Heading ${level}`]);
  });

  it('has a table of contents field listing the sections with their page numbers, written clean so nothing asks to update fields', () => {
    const instructions = texts(body, 'instrText');
    expect(instructions).toMatch(/TOC \\h \\o "1-2"/);
    const entries = (style: string) => paragraphsWithStyle(body, style).map((text) => text.replace(/\d+$/, ''));
    expect(entries('TOC1')).toEqual([
      'Summary',
      'Who we are and how to reach us',
      'What we collect and why',
      'Your rights',
      'Changes to this notice',
    ]);
    expect(entries('TOC2')).toEqual(['Email address', 'Precise location']);
    // Each entry ends with the page its section starts on, worked out when the file is written.
    const pages = paragraphsWithStyle(body, 'TOC1').map((text) => Number(/(\d+)$/.exec(text)?.[1]));
    expect(pages[0]).toBe(1);
    for (let i = 1; i < pages.length; i += 1) expect(pages[i]).toBeGreaterThanOrEqual(pages[i - 1]);
    for (const begin of [...body.getElementsByTagNameNS(W, 'fldChar')].filter((f) => f.getAttributeNS(W, 'fldCharType') === 'begin'))
      expect(begin.getAttributeNS(W, 'dirty')).not.toBe('true');
    const settings = unpacked.xml('word/settings.xml');
    expect(settings.getElementsByTagNameNS(W, 'updateFields').length).toBe(0);
  });

  it('turns hyphenation off', () => {
    const settings = unpacked.xml('word/settings.xml');
    expect(settings.getElementsByTagNameNS(W, 'autoHyphenation')[0]?.getAttributeNS(W, 'val')).toBe('false');
  });

  it('puts the title, version, effective date, opening text and summary on page one, the contents after them', () => {
    const order = [...body.getElementsByTagNameNS(W, 'p')].map((p) => ({
      style: p.getElementsByTagNameNS(W, 'pStyle')[0]?.getAttributeNS(W, 'val') ?? '',
      text: [...p.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join(''),
    }));
    const at = (test: (p: { style: string; text: string }) => boolean) => order.findIndex(test);
    const title = at((p) => p.style === 'Title');
    const facts = at((p) => p.style === 'Facts');
    const opening = at((p) => p.text.startsWith('Effective 1 March 2025. This notice explains'));
    const summary = at((p) => p.style === 'Heading1' && p.text === 'Summary');
    const contents = at((p) => p.style === 'ContentsHeading');
    const second = at((p) => p.style === 'Heading1' && p.text === 'Who we are and how to reach us');
    expect(order.slice(0, title).map((p) => p.style)).toEqual(['Organization']);
    expect(order[facts].text).toBe('Effective 1 March 2025   ·   Version a1b2c3d');
    expect([title, facts, opening, summary, contents, second].every((n, i, all) => n >= 0 && (i === 0 || n > all[i - 1]))).toBe(true);
  });

  it('writes tables with a repeating, bold, shaded header row', () => {
    const tables = body.getElementsByTagNameNS(W, 'tbl');
    expect(tables.length).toBe(1);
    const rows = [...tables[0].getElementsByTagNameNS(W, 'tr')];
    expect(rows).toHaveLength(4);
    const header = rows[0];
    expect(header.getElementsByTagNameNS(W, 'tblHeader').length).toBe(1);
    expect(rows[1].getElementsByTagNameNS(W, 'tblHeader').length).toBe(0);
    const headerCells = [...header.getElementsByTagNameNS(W, 'tc')];
    expect(headerCells.map((c) => texts(c as unknown as Document))).toEqual([
      'Data type',
      'Why we collect it',
      'What you get',
      'How long we keep it',
    ]);
    for (const cell of headerCells) {
      expect(cell.getElementsByTagNameNS(W, 'shd')[0]?.getAttributeNS(W, 'fill')).toBe('E6ECF2');
      for (const run of cell.getElementsByTagNameNS(W, 'r')) expect(run.getElementsByTagNameNS(W, 'b').length).toBe(1);
    }
    expect(texts(rows[3] as unknown as Document)).toContain('Payment details <script>alert(1)</script>');
    // The fixed grid spans the text width, so a long word cannot push the table off the page.
    const grid = [...tables[0].getElementsByTagNameNS(W, 'gridCol')].map((c) => Number(c.getAttributeNS(W, 'w')));
    expect(grid).toHaveLength(4);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 2 * 1418);
    expect(tables[0].getElementsByTagNameNS(W, 'tblLayout')[0]?.getAttributeNS(W, 'type')).toBe('fixed');
    // Wide enough for its longest word ("Precise", "address", "location"), so no word breaks mid-word.
    expect(grid[0]).toBeGreaterThanOrEqual(1100);
  });

  it('makes a column wide enough for its longest word, even beside long prose', async () => {
    const prose = 'This column holds a long explanation that goes on and on. '.repeat(8);
    const unpacked = unpack(
      await renderDocx({
        meta,
        markdown: `| Data | Why | What you get | Kept |\n| --- | --- | --- | --- |\n| Approximate location | ${prose} | ${prose} | ${prose} |\n`,
      }),
    );
    const table = unpacked.xml('word/document.xml').getElementsByTagNameNS(W, 'tbl')[0];
    const grid = [...table.getElementsByTagNameNS(W, 'gridCol')].map((c) => Number(c.getAttributeNS(W, 'w')));
    // "Approximate" in 9.5 pt Calibri is about 1,000 twips, plus the cell's padding.
    expect(grid[0]).toBeGreaterThanOrEqual(1300);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 2 * 1418);
    expect(table.getElementsByTagNameNS(W, 'tr')[0].getElementsByTagNameNS(W, 'tblHeader').length).toBe(1);
  });

  it('numbers lists with real numbering definitions, nested levels and restarts', () => {
    const numbering = unpacked.xml('word/numbering.xml');
    const formats = [...numbering.getElementsByTagNameNS(W, 'numFmt')].map((f) => f.getAttributeNS(W, 'val'));
    expect(formats).toContain('bullet');
    expect(formats).toContain('decimal');
    expect(formats).toContain('lowerLetter');
    const items = [...body.getElementsByTagNameNS(W, 'p')]
      .filter((p) => p.getElementsByTagNameNS(W, 'numPr').length)
      .map((p) => ({
        text: [...p.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join(''),
        level: p.getElementsByTagNameNS(W, 'ilvl')[0]?.getAttributeNS(W, 'val'),
        num: p.getElementsByTagNameNS(W, 'numId')[0]?.getAttributeNS(W, 'val'),
      }));
    const find = (text: string) => items.find((i) => i.text.startsWith(text));
    expect(find('What:')?.level).toBe('0');
    expect(find('to create your account')?.level).toBe('1');
    expect(find('We record your route')?.level).toBe('0');
    expect(find('from the app')?.level).toBe('1');
    // the numbered list and the bullet list are different lists
    expect(find('We record your route')?.num).not.toBe(find('What:')?.num);
    expect(find('A partner named')?.num).toBe(find('We record your route')?.num);
    expect(find('A partner named')?.text).toBe('A partner named [x](javascript:alert(1)) receives nothing.');
  });

  it('links: external links blue and underlined through the Hyperlink style, anchors to bookmarks, nothing else', () => {
    const rels = unpacked.xml('word/_rels/document.xml.rels');
    const external = [...rels.getElementsByTagName('Relationship')]
      .filter((r) => r.getAttribute('TargetMode') === 'External')
      .map((r) => r.getAttribute('Target'));
    expect(external).toEqual(
      expect.arrayContaining([
        'https://ridgeline.example/reset',
        'mailto:privacy@ridgeline.example',
        'https://ridgeline.example/contact',
        'mailto:dpo@ridgeline.example',
      ]),
    );
    for (const target of external) expect(target).toMatch(/^(https?:|mailto:)/);
    expect(unpacked.files['word/_rels/document.xml.rels']).not.toMatch(/javascript:/i);
    const links = [...body.getElementsByTagNameNS(W, 'hyperlink')].filter((h) => !h.getAttributeNS(W, 'anchor')?.startsWith('_Toc'));
    const linkTexts = links.map((l) => texts(l as unknown as Document));
    expect(linkTexts).toEqual(
      expect.arrayContaining([
        'reset your password',
        'privacy@ridgeline.example',
        'our contact form',
        'dpo@ridgeline.example',
        'What we collect and why',
      ]),
    );
    for (const link of links) {
      for (const style of link.getElementsByTagNameNS(W, 'rStyle')) expect(style.getAttributeNS(W, 'val')).toBe('Hyperlink');
    }
    const inPage = links.find((l) => l.getAttributeNS(W, 'anchor'));
    const anchor = inPage?.getAttributeNS(W, 'anchor');
    const bookmarks = [...body.getElementsByTagNameNS(W, 'bookmarkStart')].map((b) => b.getAttributeNS(W, 'name'));
    expect(bookmarks).toContain(anchor);
    const hyperlinkStyle = [...unpacked.xml('word/styles.xml').getElementsByTagNameNS(W, 'style')].find(
      (s) => s.getAttributeNS(W, 'styleId') === 'Hyperlink',
    );
    expect(hyperlinkStyle?.getElementsByTagNameNS(W, 'color')[0]?.getAttributeNS(W, 'val')).toBe('0563C1');
    expect(hyperlinkStyle?.getElementsByTagNameNS(W, 'u')[0]?.getAttributeNS(W, 'val')).toBe('single');
  });

  it('keeps bold, italic, code and block quotes', () => {
    const runs = [...body.getElementsByTagNameNS(W, 'r')];
    const run = (text: string) => runs.find((r) => texts(r as unknown as Document) === text);
    const bold = runs.filter((r) => r.getElementsByTagNameNS(W, 'b').length === 1).map((r) => texts(r as unknown as Document));
    expect(bold).toEqual(expect.arrayContaining(['Ridgeline Outdoor Ltd', 'What:', 'Why:', 'The benefit to you:']));
    expect(bold).not.toContain('Effective 1 March 2025. This notice explains what ');
    expect(run('why')?.getElementsByTagNameNS(W, 'i').length).toBe(1);
    expect(run('order-id')?.getElementsByTagNameNS(W, 'rFonts')[0]?.getAttributeNS(W, 'ascii')).toBe('Courier New');
    expect(paragraphsWithStyle(body, 'Quote')).toEqual([
      'You can also reach our data protection officer, Aoife Byrne, at dpo@ridgeline.example.',
    ]);
  });

  it('puts the title, version and effective date in the header and the organisation and page numbers in the footer', () => {
    const headers = partsMatching(unpacked, /^word\/header\d+\.xml$/).map((d) => texts(d));
    expect(headers).toContain('Privacy noticeEffective 1 March 2025  ·  Version a1b2c3d');
    const footers = partsMatching(unpacked, /^word\/footer\d+\.xml$/);
    expect(footers.length).toBeGreaterThan(0);
    for (const footer of footers) {
      expect(texts(footer)).toContain('Ridgeline Outdoor Ltd');
      const fields = texts(footer, 'instrText');
      expect(fields).toMatch(/PAGE/);
      expect(fields).toMatch(/NUMPAGES/);
    }
  });

  it('records the title and "Candor" as the creator in the document properties', () => {
    const core = unpacked.xml('docProps/core.xml');
    expect(core.getElementsByTagName('dc:title')[0]?.textContent).toBe('Privacy notice');
    expect(core.getElementsByTagName('dc:creator')[0]?.textContent).toBe('Candor');
  });
});

describe('renderDocx with hostile and huge content', () => {
  it('keeps markup, control characters, lone surrogates and bidi overrides out of the XML, in every field', async () => {
    const nasty = 'a\u0000b\u0007c\u001bd\u000be\u000cf <w:p> </w:t> ]]> & "q" \u202Egnp.exe\u202C \uD800 \uDFFF \uFFFE 😀';
    const escaped = markdownInline(nasty);
    const markdown = [
      `# ${nasty} &#xFFFE;&#x1;`,
      `## ${escaped}`,
      nasty,
      `- ${nasty}\n  - ${escaped}`,
      `| ${escaped} | b |\n| --- | --- |\n| ${escaped} | [${escaped}](https://ridgeline.example/?q=a%00b<w:p>) |`,
      '<script>alert(1)</script>',
      '[x](javascript:alert(1)) <img src=x onerror=alert(1)> &#0; &#x1; &#xD800; &#xFFFE;',
    ].join('\n\n');
    const bytes = await renderDocx({
      meta: { ...meta, title: nasty, organization: nasty, version: nasty, effectiveDate: nasty, locale: nasty },
      markdown,
    });
    const unpacked = unpack(bytes);
    assertWellFormed(unpacked);
    const text = texts(unpacked.xml('word/document.xml'));
    expect(text).toContain('abcdef <w:p> </w:t> ]]> & "q" gnp.exe');
    expect(text).toContain('😀');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(unpacked.files['word/_rels/document.xml.rels']).not.toMatch(/javascript:/i);
  });

  it('handles a 20,000-character field and a 20,000-character word everywhere', async () => {
    const prose = 'All work and no play makes a long field. '.repeat(500).slice(0, 20_000);
    const word = 'x'.repeat(20_000);
    const markdown = `## ${word}\n\n${prose}\n\n${word}\n\n| Short | Long |\n| --- | --- |\n| a | ${word} |\n| ${prose} | b |\n\n- ${word}\n`;
    const bytes = await renderDocx({ meta: { ...meta, title: prose, organization: word, version: word }, markdown });
    const unpacked = unpack(bytes);
    assertWellFormed(unpacked);
    const text = texts(unpacked.xml('word/document.xml'));
    expect(text).toContain(prose.trim());
    expect(text.split(word).length - 1).toBeGreaterThanOrEqual(4);
    // The page header and footer and the properties hold a shortened title, so they do not fill the page.
    for (const part of partsMatching(unpacked, /^word\/(header|footer)\d+\.xml$/)) expect(texts(part).length).toBeLessThan(250);
    const title = unpacked.xml('docProps/core.xml').getElementsByTagName('dc:title')[0]?.textContent ?? '';
    expect(title.length).toBeLessThanOrEqual(255);
    expect(title.endsWith('…')).toBe(true);
  });

  it('never splits a character when it shortens a long title', async () => {
    const unpacked = unpack(
      await renderDocx({ meta: { ...meta, title: `x${'😀'.repeat(300)}`, organization: 'a😀'.repeat(100) }, markdown: 'Text' }),
    );
    assertWellFormed(unpacked);
    const title = unpacked.xml('docProps/core.xml').getElementsByTagName('dc:title')[0]?.textContent ?? '';
    expect(title).toMatch(/^x(😀)+…$/u);
  });

  it('produces well-formed XML for any text embedded in Markdown and metadata', async () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom(
        ...HOSTILE_STRINGS.filter((s) => s.length < 100),
        '<',
        '&',
        ']]>',
        '\u0000',
        '\uD800',
        '\uFFFF',
        '\n\n',
        '| x |',
        '# ',
        '- ',
        '1. ',
        '> ',
        '`',
        '**',
        '[a](#b)',
        '&#x1;',
        '&#xFFFE;',
        '&#0;',
      ),
    );
    const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, text, async (a, b) => {
        const markdown = `# ${a}\n\n## ${b}\n\n${a} [${b}](https://x.example) ${b}\n\n| ${a} | ${b} |\n| --- | --- |\n| ${b} | ${a} |\n\n- ${a}\n  1. ${b}\n\n> ${a}\n`;
        const unpacked = unpack(await renderDocx({ meta: { ...meta, title: a, organization: b, version: a, effectiveDate: b }, markdown }));
        assertWellFormed(unpacked);
      }),
      { numRuns: 40 },
    );
  });
});

describe("renderDocx with the template's own heading", () => {
  it('uses the heading as the title on the first page and in the properties, the short title in the page header', async () => {
    const unpacked = unpack(
      await renderDocx({
        meta,
        markdown: '# Ridgeline privacy notice\n\nEffective 1 March 2025. Version a1b2c3d.\n\n## Summary\n\nText\n',
      }),
    );
    const body = unpacked.xml('word/document.xml');
    expect(paragraphsWithStyle(body, 'Title')).toEqual(['Ridgeline privacy notice']);
    expect(paragraphsWithStyle(body, 'Heading1')).toEqual(['Summary']);
    expect(texts(body)).not.toContain('Version a1b2c3d.');
    expect(unpacked.xml('docProps/core.xml').getElementsByTagName('dc:title')[0]?.textContent).toBe('Ridgeline privacy notice');
    expect(partsMatching(unpacked, /^word\/header\d+\.xml$/).map((d) => texts(d))).toContain(
      'Privacy noticeEffective 1 March 2025  ·  Version a1b2c3d',
    );
  });
});

describe('renderDocx with many data types', () => {
  it('keeps the contents to the sections once the data types would make it long', async () => {
    const few = unpack(await renderDocx({ meta, markdown: largeNoticeMarkdown(30) }));
    expect(texts(few.xml('word/document.xml'), 'instrText')).toMatch(/TOC \\h \\o "1-2"/);
    const many = unpack(await renderDocx({ meta, markdown: largeNoticeMarkdown(300) }));
    // Too long to lay out in good time: the contents stay linked, without page numbers and without a prompt.
    expect(largeNoticeMarkdown(300).length).toBeGreaterThan(LAYOUT_LIMIT);
    assertWellFormed(many);
    const body = many.xml('word/document.xml');
    expect(texts(body, 'instrText')).toMatch(/TOC \\h \\o "1-1"/);
    expect(paragraphsWithStyle(body, 'TOC1').map((entry) => entry.replace(/\d+$/, ''))).toEqual([
      'Summary',
      'Who we are and how to reach us',
      'What we collect and why',
      'Your rights',
      'Changes to this notice',
    ]);
    expect(paragraphsWithStyle(body, 'TOC1').every((entry) => !/\d$/.test(entry))).toBe(true);
    expect(many.files['word/settings.xml']).not.toContain('updateFields');
    expect(paragraphsWithStyle(body, 'Heading2')).toHaveLength(300);
    // one summary table and one recipients table per data type, each with its header row repeating
    expect(body.getElementsByTagNameNS(W, 'tbl').length).toBe(301);
    expect(body.getElementsByTagNameNS(W, 'tblHeader').length).toBe(301);
  });
});

// LibreOffice proves the file opens in a real word processor. Install it with
// `apt-get install -y libreoffice-writer poppler-utils`; without it the check is skipped and says why.
function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
const office = onPath('soffice') ?? onPath('libreoffice');
const pdftotext = onPath('pdftotext');
const run = promisify(execFile);

describe('opening in LibreOffice', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'candor-docx-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  // Starting LibreOffice takes seconds, so both files are written and converted in one run, by the first
  // test that needs them; each test then reads its own PDF.
  let converted: Promise<void> | undefined;
  function convertBoth(): Promise<void> {
    converted ??= (async () => {
      const hostile = HOSTILE_STRINGS.map((s) => markdownInline(s)).join('\n\n');
      await writeFile(
        join(dir, 'notice.docx'),
        await renderDocx({
          meta: { ...meta, organization: 'Ridgeline <Outdoor> & Co\u0007' },
          markdown: `${fixture}\n\n## Hostile\n\n${hostile}\n`,
        }),
      );
      await writeFile(
        join(dir, 'contents.docx'),
        await renderDocx({ meta, markdown: `${fixture}\n\n## Appendix\n\n${'A paragraph of text to fill the page. '.repeat(400)}\n` }),
      );
      // A profile of its own, so a LibreOffice already running on the machine does not take the job.
      await run(
        office as string,
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          join(dir, 'notice.docx'),
          join(dir, 'contents.docx'),
        ],
        { timeout: 120_000 },
      );
    })();
    return converted;
  }

  it.skipIf(!office)(
    `converts the Word file to PDF with the title in it${office ? '' : ' (skipped: neither soffice nor libreoffice is on PATH)'}`,
    async () => {
      await convertBoth();
      const pdf = join(dir, 'notice.pdf');
      expect(existsSync(pdf)).toBe(true);
      expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
      if (!pdftotext) {
        console.warn('pdftotext is not on PATH (apt-get install poppler-utils): the PDF was made but its text is not checked');
        return;
      }
      const { stdout } = await run(pdftotext, ['-layout', pdf, '-'], { timeout: 60_000, maxBuffer: 20_000_000 });
      expect(stdout).toContain('Privacy notice');
      expect(stdout).toContain('Ridgeline <Outdoor> & Co');
      expect(stdout).toContain('Who we are and how to reach us');
      expect(stdout).toMatch(/Page 1 of \d/);
      expect(stdout).toContain('<script>alert(1)</script>');
    },
    150_000,
  );

  it.skipIf(!office || !pdftotext)(
    `shows the contents with the page each section is on, without updating fields${office && pdftotext ? '' : ' (skipped: soffice or pdftotext is not on PATH)'}`,
    async () => {
      await convertBoth();
      const { stdout } = await run(pdftotext as string, ['-layout', join(dir, 'contents.pdf'), '-'], {
        timeout: 60_000,
        maxBuffer: 20_000_000,
      });
      // The contents show page numbers without any field update, and each is the page LibreOffice put the
      // section on (pdftotext separates pages with form feeds).
      const pages = stdout.split('\f');
      const contents = [
        ...stdout.matchAll(/^\s*(Who we are and how to reach us|Your rights|Changes to this notice|Appendix)\.{3,}\s*(\d+)\s*$/gm),
      ];
      expect(contents.map((m) => m[1])).toEqual(['Who we are and how to reach us', 'Your rights', 'Changes to this notice', 'Appendix']);
      for (const [, title, page] of contents) {
        const onPage = pages.findIndex((text) => new RegExp(`^\\s*${title}\\s*$`, 'm').test(text));
        expect(onPage + 1, title).toBe(Number(page));
      }
      // the appendix starts on a later page than the first sections, so the numbers are not all the same
      expect(new Set(contents.map((m) => m[2])).size).toBeGreaterThan(1);
    },
    150_000,
  );
});
