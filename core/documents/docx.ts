// A rendered document as a Word file, built with `docx` from the same Markdown as the HTML page, for the
// reader who edits in Word: real Heading 1–4 styles (navigation pane, outline, TOC), a table of contents
// with page numbers worked out as Word lays out the pages, tables whose header row repeats on every page,
// columns wide enough for their longest word, no hyphenation, real list numbering, live links, and the title,
// version and effective date on every page. The text is cleaned before it reaches XML, so control
// characters or markup typed into a field cannot make Word ask to repair the file.
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  InternalHyperlink,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type NumberingDefinition,
  type ParagraphChild,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { ACCENT, baseParagraphStyles, FONT, HEADER_FILL, INK, LINK, MUTED, RULE, titleStyle } from './word-style';
import { walkTokens, type Token, type Tokens } from 'marked';
import type { RenderedDocument } from './types';
import { cleanText, collectHeadings, decodeEntities, prepareDocument, safeLink } from './markdown';

const MONO = 'Courier New';

type Block = Paragraph | Table;

interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: boolean;
}

/** Text still to be joined into runs, or something that is already a run or link. */
type Piece = { text: string; format: RunFormat } | { child: ParagraphChild };

function formatKey(format: RunFormat): string {
  return `${format.bold ? 'b' : ''}${format.italics ? 'i' : ''}${format.strike ? 's' : ''}${format.code ? 'c' : ''}${format.link ? 'l' : ''}`;
}

interface Page {
  width: number;
  height: number;
  margin: number;
}

// Letter where the locale says the reader lives with it; A4 everywhere else.
function pageFor(locale: string): Page {
  return /-(US|CA|MX|PH)\b/i.test(locale) ? { width: 12240, height: 15840, margin: 1440 } : { width: 11906, height: 16838, margin: 1418 };
}

const BULLET_SYMBOLS = ['•', '◦', '▪'];
const NUMBER_FORMATS = [
  { format: LevelFormat.DECIMAL, suffix: '.' },
  { format: LevelFormat.LOWER_LETTER, suffix: ')' },
  { format: LevelFormat.LOWER_ROMAN, suffix: '.' },
];

function listIndent(level: number) {
  return { left: 567 + level * 425, hanging: 340 };
}

function bulletLevels(): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.BULLET,
    text: BULLET_SYMBOLS[level % BULLET_SYMBOLS.length],
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: listIndent(level) } },
  }));
}

function numberLevels(start: number): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => {
    const { format, suffix } = NUMBER_FORMATS[level % NUMBER_FORMATS.length];
    return {
      level,
      format,
      text: `%${level + 1}${suffix}`,
      start: level === 0 ? start : 1,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: listIndent(level) } },
    };
  });
}

/** Word bookmark names: a letter first, then letters, digits and underscores, at most 40 characters. */
function bookmarkNamer(): (slug: string) => string {
  const used = new Set<string>();
  return (slug) => {
    const base = `h_${slug.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '_')}`.slice(0, 34);
    let name = base;
    for (let n = 2; used.has(name); n += 1) name = `${base}_${n}`;
    used.add(name);
    return name;
  };
}

class WordWriter {
  private numberedLists = 0;
  private readonly numbering = new Map<string, NumberingDefinition>([
    ['bullets', { reference: 'bullets', levels: bulletLevels() }],
    ['numbers-1', { reference: 'numbers-1', levels: numberLevels(1) }],
  ]);

  constructor(
    /** heading token → bookmark name, for headings an in-page link points at */
    private readonly bookmarks: Map<Token, string>,
    /** anchor slug → bookmark name */
    private readonly anchors: Map<string, string>,
    /** 1 when the body's top headings are h2s (the title is printed above them), so h2 becomes Heading 1 */
    private readonly headingLevelShift: number,
    private readonly tableWidth: number,
  ) {}

  numberingConfig(): NumberingDefinition[] {
    return [...this.numbering.values()];
  }

  headingLevel(depth: number): number {
    return Math.min(6, Math.max(1, depth - this.headingLevelShift));
  }

  // ---- inline ----

  private text(text: string, format: RunFormat): TextRun {
    return new TextRun({
      // Soft line breaks inside a Markdown paragraph are spaces; tabs would jump to Word's tab stops.
      // Cleaned again here because marked decodes character references (&#xFFFE;) after the source was cleaned.
      text: cleanText(text).replace(/[\n\t]+/g, ' '),
      bold: format.bold || undefined,
      italics: format.italics || undefined,
      strike: format.strike || undefined,
      font: format.code ? MONO : undefined,
      size: format.code ? 20 : undefined,
      style: format.link ? 'Hyperlink' : undefined,
    });
  }

  /**
   * Inline tokens to runs. marked splits text at every escape and entity, so neighbouring pieces with the
   * same formatting are joined into one run: the file is smaller and faster to write, and Word's text
   * is not cut into dozens of runs per sentence.
   */
  inline(tokens: readonly Token[] | undefined, format: RunFormat = {}): ParagraphChild[] {
    const pieces: Piece[] = [];
    this.collect(tokens ?? [], format, pieces);
    const out: ParagraphChild[] = [];
    let text = '';
    let current: RunFormat | undefined;
    const flush = () => {
      if (current && text) out.push(this.text(text, current));
      text = '';
      current = undefined;
    };
    for (const piece of pieces) {
      if ('child' in piece) {
        flush();
        out.push(piece.child);
      } else if (current && formatKey(current) === formatKey(piece.format)) {
        text += piece.text;
      } else {
        flush();
        current = piece.format;
        text = piece.text;
      }
    }
    flush();
    return out;
  }

  private collect(tokens: readonly Token[], format: RunFormat, out: Piece[]): void {
    for (const token of tokens) {
      switch (token.type) {
        case 'text': {
          const t = token as Tokens.Text;
          if (t.tokens && t.tokens.length) this.collect(t.tokens, format, out);
          else out.push({ text: decodeEntities(t.text), format });
          break;
        }
        case 'escape':
          out.push({ text: token.text, format });
          break;
        case 'strong':
          this.collect((token as Tokens.Strong).tokens, { ...format, bold: true }, out);
          break;
        case 'em':
          this.collect((token as Tokens.Em).tokens, { ...format, italics: true }, out);
          break;
        case 'del':
          this.collect((token as Tokens.Del).tokens, { ...format, strike: true }, out);
          break;
        case 'codespan':
          out.push({ text: token.text, format: { ...format, code: true } });
          break;
        case 'br':
          out.push({ child: new TextRun({ break: 1 }) });
          break;
        case 'link':
          for (const child of this.link(token as Tokens.Link, format)) out.push({ child });
          break;
        case 'image':
          // Nothing is fetched or embedded: an image is reduced to its description.
          out.push({ text: token.text, format });
          break;
        case 'html':
          // Raw HTML is shown as the text it is, as in the HTML page.
          out.push({ text: token.text, format });
          break;
        case 'checkbox':
          out.push({ text: (token as Tokens.Checkbox).checked ? '☒ ' : '☐ ', format });
          break;
        default: {
          const generic = token as Tokens.Generic;
          if (Array.isArray(generic.tokens)) this.collect(generic.tokens, format, out);
          else out.push({ text: decodeEntities(typeof generic.text === 'string' ? generic.text : generic.raw), format });
        }
      }
    }
  }

  private link(token: Tokens.Link, format: RunFormat): ParagraphChild[] {
    const link = safeLink(token.href);
    if (!link) return this.inline(token.tokens, format);
    if (link.kind === 'anchor') {
      const anchor = this.anchors.get(link.id);
      if (!anchor) return this.inline(token.tokens, format);
      return [new InternalHyperlink({ anchor, children: this.inline(token.tokens, { ...format, link: true }) })];
    }
    return [new ExternalHyperlink({ link: link.href, children: this.inline(token.tokens, { ...format, link: true }) })];
  }

  // ---- blocks ----

  blocks(tokens: readonly Token[], quote = false): Block[] {
    const out: Block[] = [];
    tokens.forEach((token, i) => {
      out.push(...this.block(token, quote));
      // Word puts no space after a table, so text straight after one would touch its bottom border.
      if (token.type === 'table') {
        const next = tokens.slice(i + 1).find((t) => t.type !== 'space');
        if (next && next.type !== 'heading') out.push(new Paragraph({ style: 'TableGap', children: [] }));
      }
    });
    return out;
  }

  private paragraph(children: ParagraphChild[], quote: boolean): Paragraph {
    return new Paragraph({ children, style: quote ? 'Quote' : undefined });
  }

  private block(token: Token, quote: boolean): Block[] {
    switch (token.type) {
      case 'space':
      case 'def':
        return [];
      case 'heading': {
        const heading = token as Tokens.Heading;
        const level = this.headingLevel(heading.depth);
        const runs = this.inline(heading.tokens);
        const bookmark = this.bookmarks.get(token);
        return [
          new Paragraph({
            heading: HeadingLevel[`HEADING_${level}` as keyof typeof HeadingLevel],
            children: bookmark ? [new Bookmark({ id: bookmark, children: runs })] : runs,
          }),
        ];
      }
      case 'paragraph':
        return [this.paragraph(this.inline((token as Tokens.Paragraph).tokens), quote)];
      case 'text': {
        const t = token as Tokens.Text;
        return [this.paragraph(t.tokens ? this.inline(t.tokens) : [this.text(decodeEntities(t.text), {})], quote)];
      }
      case 'blockquote':
        return this.blocks((token as Tokens.Blockquote).tokens, true);
      case 'list':
        return this.list(token as Tokens.List, 0, quote);
      case 'table':
        return [this.table(token as Tokens.Table)];
      case 'hr':
        return [
          new Paragraph({
            children: [],
            spacing: { before: 120, after: 240 },
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: RULE, space: 1 } },
          }),
        ];
      case 'code': {
        const lines = (token as Tokens.Code).text.split('\n');
        return [
          new Paragraph({
            style: 'CodeBlock',
            children: lines.map((line, i) => new TextRun({ text: cleanText(line).replace(/\t/g, '    '), break: i > 0 ? 1 : undefined })),
          }),
        ];
      }
      case 'html':
        return [this.paragraph([this.text(token.text.trim(), {})], quote)];
      default:
        if ('tokens' in token && Array.isArray(token.tokens)) return [this.paragraph(this.inline(token.tokens), quote)];
        return token.raw.trim() ? [this.paragraph([this.text(decodeEntities(token.raw.trim()), {})], quote)] : [];
    }
  }

  private list(list: Tokens.List, level: number, quote: boolean): Block[] {
    const depth = Math.min(level, 8);
    let numbering: { reference: string; level: number; instance?: number };
    if (list.ordered) {
      const start = typeof list.start === 'number' && list.start >= 0 ? list.start : 1;
      const reference = `numbers-${start}`;
      if (!this.numbering.has(reference)) this.numbering.set(reference, { reference, levels: numberLevels(start) });
      // Each Markdown list counts from its own start, so each gets its own instance of the definition.
      this.numberedLists += 1;
      numbering = { reference, level: depth, instance: this.numberedLists };
    } else {
      numbering = { reference: 'bullets', level: depth };
    }
    const out: Block[] = [];
    for (const item of list.items) {
      let first = true;
      for (const child of item.tokens) {
        if (child.type === 'list') {
          out.push(...this.list(child as Tokens.List, level + 1, quote));
          continue;
        }
        if (child.type === 'space') continue;
        if (child.type === 'checkbox') continue;
        const inline =
          child.type === 'paragraph' || child.type === 'text'
            ? 'tokens' in child && child.tokens
              ? this.inline(child.tokens)
              : [this.text(decodeEntities(child.text ?? ''), {})]
            : null;
        if (inline === null) {
          out.push(...this.block(child, quote));
          continue;
        }
        const task = first && item.task ? [this.text(item.checked ? '☒ ' : '☐ ', {})] : [];
        out.push(
          first
            ? new Paragraph({ children: [...task, ...inline], numbering, style: 'ListParagraph' })
            : new Paragraph({ children: inline, style: 'ListParagraph', indent: { left: listIndent(depth).left } }),
        );
        first = false;
      }
      if (first) out.push(new Paragraph({ children: [], numbering, style: 'ListParagraph' }));
    }
    return out;
  }

  private table(table: Tokens.Table): Table {
    const columns = Math.max(table.header.length, ...table.rows.map((row) => row.length), 1);
    const widths = columnWidths(table, columns, this.tableWidth);
    const alignment = (align: Tokens.TableCell['align']) =>
      align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
    const cell = (c: Tokens.TableCell | undefined, column: number, header: boolean) =>
      new TableCell({
        width: { size: widths[column], type: WidthType.DXA },
        shading: header ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } : undefined,
        children: [
          new Paragraph({
            style: 'TableText',
            alignment: alignment(c?.align ?? null),
            children: c ? this.inline(c.tokens, header ? { bold: true } : {}) : [],
            keepNext: header || undefined,
          }),
        ],
      });
    const row = (cells: Tokens.TableCell[], header: boolean) =>
      new TableRow({
        tableHeader: header || undefined,
        cantSplit: true,
        children: Array.from({ length: columns }, (_, i) => cell(cells[i], i, header)),
      });
    const line = { style: BorderStyle.SINGLE, size: 4, color: RULE };
    return new Table({
      width: { size: this.tableWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      margins: { top: 70, bottom: 70, left: 100, right: 100 },
      borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
      rows: [row(table.header, true), ...table.rows.map((cells) => row(cells, false))],
    });
  }
}

/** About how wide a character of the table text (Calibri 9.5 pt, bold in the header) is, in twips. */
function characterWidth(c: string, bold: boolean): number {
  const base = /[MWmw@%]/.test(c) ? 170 : /[A-Z0-9#&]/.test(c) ? 125 : /[ilj.,;:'|!()[\]]/.test(c) ? 50 : 100;
  return bold ? base * 1.08 : base;
}

/** The cell padding on both sides (see the table's margins) and a little room for rounding. */
const CELL_PADDING = 260;

/** How wide a column must be for its longest word to fit on one line, so Word never breaks a word in two. */
function longestWord(texts: readonly string[], bold: boolean): number {
  let widest = 0;
  for (const text of texts)
    for (const word of text.split(/[\s\-–—/]+/)) {
      if (!word) continue;
      // A 20,000-character word cannot fit anyway; measuring it all would only cost time.
      let width = 0;
      for (const c of word.slice(0, 60)) width += characterWidth(c, bold);
      widest = Math.max(widest, width);
    }
  return Math.ceil(widest) + CELL_PADDING;
}

/**
 * Column widths that fit the text: each column is at least as wide as its longest word (so no word breaks
 * mid-word: "Approximate", not "Approxim-ate"), and the rest of the width is shared by how much text each
 * column holds (long prose columns wider). The grid is fixed at the text width, so a 20,000-character word
 * cannot push the table off the page; only a word longer than a third of the page is left to wrap.
 */
function columnWidths(table: Tokens.Table, columns: number, total: number): number[] {
  const weight = (i: number) => {
    const cells = table.rows.map((row) => row[i]?.text.length ?? 0);
    const average = cells.length ? cells.reduce((a, b) => a + b, 0) / cells.length : 0;
    const header = table.header[i]?.text.length ?? 0;
    return Math.min(Math.max(average, header, 6), 120);
  };
  const cap = Math.floor(total / Math.max(3, columns));
  const minimums = Array.from({ length: columns }, (_, i) =>
    Math.min(
      cap,
      Math.max(
        700,
        longestWord([table.header[i]?.text ?? ''], true),
        longestWord(
          table.rows.map((row) => row[i]?.text ?? ''),
          false,
        ),
      ),
    ),
  );
  // When the words alone need more than the page, every column gets its share of what there is.
  const needed = minimums.reduce((a, b) => a + b, 0);
  const floors = needed > total ? minimums.map((m) => Math.floor((m / needed) * total)) : minimums;
  const spare = total - floors.reduce((a, b) => a + b, 0);
  const weights = Array.from({ length: columns }, (_, i) => Math.sqrt(weight(i)));
  const sum = weights.reduce((a, b) => a + b, 0);
  // The spare width goes where the text is long, but a column already wider than its share keeps its floor.
  const shares = weights.map((w) => (w / sum) * total);
  const wants = shares.map((share, i) => Math.max(0, share - floors[i]));
  const wanted = wants.reduce((a, b) => a + b, 0);
  const raw = floors.map((floor, i) => floor + Math.floor(wanted > 0 ? (wants[i] / wanted) * spare : (weights[i] / sum) * spare));
  raw[raw.length - 1] += total - raw.reduce((a, b) => a + b, 0);
  return raw;
}

/**
 * A page header or footer that grows with a 20,000-character title would push the body off every page, and
 * Word's property dialogs hold 255 characters: long values are cut there, whole words where possible.
 */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // cleanText drops half of a surrogate pair the cut may have split.
  return `${cleanText(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function headerParagraph(left: string, right: ParagraphChild[], width: number, position: 'top' | 'bottom'): Paragraph {
  const rule = { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 };
  return new Paragraph({
    style: position === 'top' ? 'Header' : 'Footer',
    tabStops: [{ type: TabStopType.RIGHT, position: width }],
    border: position === 'top' ? { bottom: rule } : { top: rule },
    children: [new TextRun({ text: left }), new TextRun({ children: [new Tab()] }), ...right],
  });
}

/**
 * Whether the pages can be laid out in good time (about 4 ms per 100 characters): a notice of up to some
 * hundred data types, and no unbroken run of text longer than a few lines, which takes minutes to lay out.
 */
function layoutIsQuick(...texts: string[]): boolean {
  return texts.reduce((sum, text) => sum + text.length, 0) <= LAYOUT_LIMIT && texts.every((text) => !/\S{200}/.test(text));
}

/** Beyond this many characters of Markdown the contents are written without page numbers (still linked). */
export const LAYOUT_LIMIT = 160_000;

/** Bytes of a .docx file (a zip), the same in Node and in the browser. */
export async function renderDocx(doc: RenderedDocument): Promise<Uint8Array> {
  const meta = prepareDocument(doc);
  const page = pageFor(meta.locale);
  const textWidth = page.width - 2 * page.margin;
  const tokens = meta.body;
  const headings = collectHeadings(tokens);
  // The title is printed above the body, so when the body's sections are h2s they become Heading 1.
  const shift = headings.length > 0 && headings.every((h) => h.depth >= 2) ? 1 : 0;

  // Only headings that an in-page link points at get a bookmark of their own.
  const targets = new Set<string>();
  walkTokens(tokens, (token) => {
    if (token.type !== 'link') return;
    const link = safeLink((token as Tokens.Link).href);
    if (link?.kind === 'anchor') targets.add(link.id);
  });
  const bookmarks = new Map<Token, string>();
  const anchors = new Map<string, string>();
  const name = bookmarkNamer();
  for (const heading of headings) {
    if (!targets.has(heading.slug)) continue;
    const bookmark = name(heading.slug);
    bookmarks.set(heading.token, bookmark);
    anchors.set(heading.slug, bookmark);
  }

  const writer = new WordWriter(bookmarks, anchors, shift, textWidth);
  // Page one is the reader's: the title, the version and the opening text and first section (the summary)
  // come before the contents, which follow them rather than filling the first page.
  const topDepth = Math.min(...headings.map((h) => h.depth));
  const sectionStarts = tokens.flatMap((token, i) => (token.type === 'heading' && (token as Tokens.Heading).depth === topDepth ? [i] : []));
  const split = sectionStarts.length >= 2 ? sectionStarts[1] : sectionStarts.length === 1 ? sectionStarts[0] : tokens.length;
  const opening = writer.blocks(tokens.slice(0, split));
  const rest = writer.blocks(tokens.slice(split));

  // A contents list of a few dozen lines helps; one of two thousand data types does not, so the second
  // level joins the contents only while it stays short.
  const secondLevel = headings.filter((h) => writer.headingLevel(h.depth) === 2).length;
  const contentsRange = secondLevel > 0 && secondLevel <= 40 ? '1-2' : '1-1';

  const facts = meta.facts.map(({ label, value }) => (label === 'Status' ? value : `${label} ${value}`));

  const titleBlock: Block[] = [
    ...(meta.organization ? [new Paragraph({ style: 'Organization', children: [new TextRun(meta.organization)] })] : []),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(meta.heading)] }),
    ...(facts.length ? [new Paragraph({ style: 'Facts', children: [new TextRun(facts.join('   ·   '))] })] : []),
  ];
  const contents: (Block | TableOfContents)[] = headings.length
    ? [
        new Paragraph({ style: 'ContentsHeading', children: [new TextRun('Contents')] }),
        // Written with its entries and page numbers (laid out as Word lays out the pages), and clean, so
        // neither Word nor LibreOffice asks to update fields before showing them.
        new TableOfContents('Contents', { hyperlink: true, headingStyleRange: contentsRange, beginDirty: false }),
        new Paragraph({
          children: [],
          spacing: { before: 0, after: 240 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: RULE, space: 1 } },
        }),
      ]
    : [];

  const headerRight = [new TextRun(shorten(facts.join('  ·  '), 90))];
  const footerRight = [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })];
  const footer = new Footer({ children: [headerParagraph(shorten(meta.organization, 90), footerRight, textWidth, 'bottom')] });

  const file = new Document({
    title: shorten(meta.heading, 255),
    creator: 'Candor',
    lastModifiedBy: 'Candor',
    subject: shorten(meta.organization ? `${meta.title} of ${meta.organization}` : meta.title, 255),
    description: shorten([meta.heading, ...facts].join(' · '), 255),
    // A very long notice, or a word of thousands of characters, takes too long to lay out, so such a file
    // gets its contents without page numbers (still linked, still without a prompt).
    ...(layoutIsQuick(doc.markdown, meta.heading) ? { pageNumbers: estimatePageNumbers } : {}),
    // No hyphenation anywhere: a word split in a table cell or a legal sentence reads as a typo.
    hyphenation: { autoHyphenation: false },
    numbering: { config: writer.numberingConfig() },
    styles: styles(),
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin, header: 680, footer: 680 },
          },
        },
        headers: {
          default: new Header({ children: [headerParagraph(shorten(meta.title, 90), headerRight, textWidth, 'top')] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        footers: { default: footer, first: footer },
        children: [...titleBlock, ...opening, ...contents, ...rest],
      },
    ],
  });
  return Packer.pack(file, 'uint8array');
}

function styles() {
  const heading = (size: number, before: number, after: number, extra: { italics?: boolean; color?: string } = {}) => ({
    run: { font: FONT, size, bold: true, color: extra.color ?? ACCENT, italics: extra.italics },
    paragraph: { spacing: { before, after, line: 259, lineRule: LineRuleType.AUTO }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      title: titleStyle(48, 120),
      heading1: heading(32, 480, 160),
      heading2: heading(26, 320, 100),
      heading3: heading(23, 240, 80, { color: INK }),
      heading4: heading(22, 200, 60, { italics: true, color: INK }),
      heading5: heading(22, 160, 60, { color: MUTED }),
      heading6: heading(22, 160, 60, { italics: true, color: MUTED }),
      hyperlink: { run: { color: LINK, underline: { type: 'single' as const } } },
      listParagraph: { paragraph: { spacing: { after: 60 }, contextualSpacing: true } },
    },
    paragraphStyles: [
      ...baseParagraphStyles(22, { after: 140, line: 276, organizationAfter: 60, factsAfter: 360 }),
      {
        id: 'ContentsHeading',
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: FONT, size: 26, bold: true, color: ACCENT },
        paragraph: { spacing: { before: 120, after: 120 }, keepNext: true },
      },
      { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { before: 60, after: 40 } } },
      {
        id: 'TOC2',
        name: 'toc 2',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 20 },
        paragraph: { indent: { left: 340 }, spacing: { after: 20 } },
      },
      {
        id: 'Quote',
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        run: { color: '3E4852' },
        paragraph: {
          indent: { left: 425, right: 425 },
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: RULE, space: 10 } },
        },
      },
      {
        id: 'TableGap',
        name: 'Space After Table',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 12 },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: 'TableText',
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: 19 },
        paragraph: { spacing: { before: 0, after: 0, line: 252, lineRule: LineRuleType.AUTO } },
      },
      {
        id: 'CodeBlock',
        name: 'Code Block',
        basedOn: 'Normal',
        run: { font: MONO, size: 19 },
        paragraph: {
          spacing: { line: 240, lineRule: LineRuleType.AUTO },
          shading: { type: ShadingType.CLEAR, fill: 'F2F4F6', color: 'auto' },
        },
      },
      { id: 'Header', name: 'header', basedOn: 'Normal', run: { size: 17, color: MUTED }, paragraph: { spacing: { after: 0 } } },
      { id: 'Footer', name: 'footer', basedOn: 'Normal', run: { size: 17, color: MUTED }, paragraph: { spacing: { after: 0 } } },
    ],
  };
}
