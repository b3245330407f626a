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

/** Whether an ATX heading starts at `start` (`#` to `######`, then a space, a tab or the line's end). */
function isHeadingStart(text: string, start: number): boolean {
  let level = 0;
  while (text.charCodeAt(start + level) === 0x23) level++;
  const next = text.charCodeAt(start + level);
  return level >= 1 && level <= 6 && (next === 0x20 || next === 0x09 || next === 0x0a || Number.isNaN(next));
}

/** Offsets at which a line starts with an ATX heading. */
function cutPoints(markdown: string): number[] {
  const cuts: number[] = [];
  for (let at = markdown.indexOf('\n#'); at >= 0; at = markdown.indexOf('\n#', at + 1)) {
    if (isHeadingStart(markdown, at + 1)) cuts.push(at + 1);
  }
  return cuts;
}

function sourcesOfText(markdown: string): string[] {
  const text = markdown.includes('\r') ? markdown.replace(/\r\n?/g, '\n') : markdown;
  if (UNSAFE_LINE.test(text)) return [text];
  const sources: string[] = [];
  let start = 0;
  for (const cut of cutPoints(text)) {
    sources.push(text.slice(start, cut));
    start = cut;
  }
  sources.push(text.slice(start));
  return sources;
}

/** What `sourcesOfText` gives for `lines.join('\n')`, cut from the lines (which hold no line breaks, as tidied). */
function sourcesOfLines(lines: readonly string[]): string[] {
  const cuts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const first = line.charCodeAt(0);
    // Only a line starting with a space, `, ~, < or [ can open a fence, an HTML block or a definition.
    if ((first === 0x20 || first === 0x60 || first === 0x7e || first === 0x3c || first === 0x5b) && UNSAFE_LINE.test(line)) {
      return sourcesOfText(lines.join('\n'));
    }
    if (i > 0 && first === 0x23 && isHeadingStart(line, 0)) cuts.push(i);
  }
  const sources: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    // The line break before the heading belongs to the section before it, as in the text.
    sources.push(`${lines.slice(start, cut).join('\n')}\n`);
    start = cut;
  }
  sources.push(lines.slice(start).join('\n'));
  return sources;
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

  /**
   * The sections of `markdown`: its text, or its lines as `tidyMarkdownLines` gives them (no line break
   * or carriage return inside a line), from which the sections are cut without making the whole text.
   */
  render(markdown: string | readonly string[]): HtmlSection[] {
    this.generation++;
    const sources = typeof markdown === 'string' ? sourcesOfText(markdown) : sourcesOfLines(markdown);

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
