// The live preview's HTML, section by section. A document of 2,000 data types is some 1.3 MB of
// Markdown; turning all of it into sanitised HTML takes several hundred milliseconds, and one edit
// changes one section of it. So the Markdown is cut before every top-level `#` heading, each piece is
// lexed, rendered and sanitised once, and a piece that comes back unchanged (with the same heading
// anchors) reuses its HTML. The pieces joined are exactly what `markdownToSafeHtml` makes of the whole
// (html-sections.test.ts holds it to that).
//
// Cutting is only safe where a heading at the start of a line cannot belong to the block before it.
// That holds for paragraphs, lists, quotes, tables and indented code, which a heading ends; it does not
// hold inside a fenced code block or an HTML block, and a link reference definition (`[name]: url`)
// reaches across the whole document. A document with any of those is rendered whole, as before.
import { Lexer, type Token } from 'marked';
import { cleanText, collectHeadings, createSlugger, slugBase, type HeadingInfo } from './markdown';
import { headingsToSafeHtml } from './html';

export interface HtmlSection {
  /**
   * stable while the section exists, and unique: the anchor of the heading it starts with ('' for what
   * comes before the first heading)
   */
  key: string;
  /** the level of the heading it starts with (1 to 6), 0 for what comes before the first heading */
  depth: number;
  html: string;
}

interface Piece {
  tokens: Token[];
  /** the texts of its headings, in order, which the anchors are made from (`base`: see slugBase) */
  headings: (Omit<HeadingInfo, 'slug'> & { base: string })[];
  /** its HTML for the anchors it was last rendered with */
  html?: { slugs: string; html: string };
  /** the render it was last used in */
  used: number;
}

// A line that opens a fence, an HTML block or a link reference definition (up to three spaces in).
const UNSAFE_LINE = /^ {0,3}(?:```|~~~|<|\[[^\]\n]*\]:)/m;

/** Offsets at which a line starts with an ATX heading (`#` to `######`, then a space, a tab or the line's end). */
function cutPoints(markdown: string): number[] {
  const cuts: number[] = [];
  for (let at = markdown.indexOf('\n#'); at >= 0; at = markdown.indexOf('\n#', at + 1)) {
    const start = at + 1;
    let level = 0;
    while (markdown.charCodeAt(start + level) === 0x23) level++;
    const next = markdown.charCodeAt(start + level);
    if (level <= 6 && (next === 0x20 || next === 0x09 || next === 0x0a || Number.isNaN(next))) cuts.push(start);
  }
  return cuts;
}

/**
 * Makes the preview's HTML from one render to the next, reusing each section whose Markdown and
 * anchors did not change. Keeps what the last two renders used, so an undo and its redo both reuse.
 */
export class SectionedHtml {
  private readonly pieces = new Map<string, Piece>();
  private generation = 0;
  /** how many sections the last call rendered afresh and how many it reused */
  lastRun = { rendered: 0, reused: 0 };

  render(markdown: string): HtmlSection[] {
    this.generation++;
    const text = markdown.includes('\r') ? markdown.replace(/\r\n?/g, '\n') : markdown;
    const sources: string[] = [];
    if (UNSAFE_LINE.test(text)) sources.push(text);
    else {
      let start = 0;
      for (const cut of cutPoints(text)) {
        sources.push(text.slice(start, cut));
        start = cut;
      }
      sources.push(text.slice(start));
    }

    // Anchors run across the whole document: the second "Email" heading is #email-1 wherever it is.
    const slug = createSlugger();
    let rendered = 0;
    let reused = 0;
    const sections: HtmlSection[] = sources.map((source) => {
      let piece = this.pieces.get(source);
      if (!piece) {
        const tokens = new Lexer({ gfm: true, breaks: false }).lex(cleanText(source));
        piece = {
          tokens,
          headings: collectHeadings(tokens).map(({ token, depth, text }) => ({ token, depth, text, base: slugBase(text) })),
          used: 0,
        };
        this.pieces.set(source, piece);
      }
      piece.used = this.generation;
      const headings = piece.headings.map(({ token, depth, text, base }) => ({ token, depth, text, slug: slug(text, base) }));
      const slugs = headings.map((h) => h.slug).join('\n');
      if (piece.html?.slugs === slugs) reused++;
      else {
        piece.html = { slugs, html: headingsToSafeHtml(piece.tokens, headings) };
        rendered++;
      }
      return { key: headings[0]?.slug ?? '', depth: source.startsWith('#') ? (headings[0]?.depth ?? 0) : 0, html: piece.html.html };
    });
    for (const [source, piece] of this.pieces) if (piece.used < this.generation - 1) this.pieces.delete(source);
    this.lastRun = { rendered, reused };
    return sections;
  }
}
