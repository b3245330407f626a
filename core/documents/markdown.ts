// Markdown helpers shared by the HTML and Word writers: one lexer configuration, one notion of a safe
// link, one way to name headings, so both formats read the same Markdown the same way.
import { Lexer, walkTokens, type Token, type Tokens, type TokensList } from 'marked';
import { formatDate } from '../dates';
import type { RenderedDocument } from './types';

/**
 * Removes what must not reach XML or a page: C0 controls other than tab and newline (XML 1.0 forbids them),
 * C1 controls and DEL (invisible, and Word warns about some), lone surrogates (not encodable as UTF-8),
 * U+FFFE/U+FFFF (not XML characters), and bidi embeddings, overrides and isolates (they can reorder what a
 * reader sees, e.g. make "gpj.exe" look like "exe.jpg"). Carriage returns become newlines.
 */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(
    // eslint-disable-next-line no-control-regex -- removing these control characters is the point
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
}

/** Lexes Markdown the way both writers read it: GitHub-flavoured (tables, autolinks), no line-break magic. */
export function lexMarkdown(markdown: string): TokensList {
  return new Lexer({ gfm: true, breaks: false }).lex(cleanText(markdown));
}

// marked resolves numeric character references in text but leaves named ones for the HTML it writes;
// Word has no entities, so the writer of a .docx resolves the names Markdown authors actually use.
// Anything else stays as typed, which is how a reader of the Markdown source would see it.
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  middot: '·',
  bull: '•',
  times: '×',
  divide: '÷',
  deg: '°',
  plusmn: '±',
  shy: '\u00AD',
  zwj: '\u200D',
  zwnj: '\u200C',
};

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
      return cleanText(String.fromCodePoint(code));
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

/** The plain text of inline tokens, as a heading reads in a table of contents. */
export function inlineText(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        out += 'tokens' in token && token.tokens ? inlineText(token.tokens) : decodeEntities(token.text);
        break;
      case 'escape':
      case 'codespan':
        out += token.text;
        break;
      case 'br':
        out += ' ';
        break;
      case 'html':
        out += token.raw;
        break;
      case 'checkbox':
        break;
      default:
        out +=
          'tokens' in token && token.tokens
            ? inlineText(token.tokens)
            : decodeEntities('text' in token && typeof token.text === 'string' ? token.text : token.raw);
    }
  }
  // Cleaned: marked decodes character references such as &#xFFFE; after the source was cleaned.
  return cleanText(out).replace(/\s+/g, ' ').trim();
}

export type SafeLink = { kind: 'external'; href: string } | { kind: 'mailto'; href: string } | { kind: 'anchor'; href: string; id: string };

/**
 * Decides whether a link may be followed, and how it is written. Only http(s), mailto and in-page anchors
 * pass; everything else (javascript:, data:, vbscript:, file:, relative paths, protocol-relative URLs) is
 * refused, and the link is shown as its text. Browsers ignore tabs, newlines and controls inside a URL
 * ("java\tscript:"), so those are removed before the scheme is read.
 */
export function safeLink(href: string): SafeLink | null {
  // eslint-disable-next-line no-control-regex -- browsers ignore these characters inside a scheme, so they go first
  const compact = decodeEntities(href).replace(/[\u0000-\u0020\u007F-\u009F]+/g, '');
  if (compact.startsWith('#')) {
    let id: string;
    try {
      id = decodeURIComponent(compact.slice(1));
    } catch {
      return null;
    }
    if (id === '' || /[\s"'<>`]/.test(id)) return null;
    return { kind: 'anchor', href: `#${encodeURIComponent(id).replace(/%2D/gi, '-')}`, id };
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(compact)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'mailto') return null;
  let url: URL;
  try {
    url = new URL(compact);
  } catch {
    return null;
  }
  if (scheme === 'mailto') return url.pathname === '' ? null : { kind: 'mailto', href: url.href };
  if (url.hostname === '') return null;
  return { kind: 'external', href: url.href };
}

/** A heading's anchor before it is made unique: lower case, letters, digits, `_` and `-`, spaces as `-`. */
export function slugBase(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-') || 'section'
  );
}

/**
 * Heading anchors as GitHub names them (lower case, punctuation dropped, spaces to hyphens, "-1", "-2" for
 * repeats), so a template's `[your rights](#your-rights)` works in the HTML page, in Word and on GitHub.
 * One slugger per document; `base`, when the caller has it, is `slugBase(text)` worked out earlier.
 */
export function createSlugger(): (text: string, base?: string) => string {
  const seen = new Map<string, number>();
  return (text: string, base = slugBase(text)) => {
    let slug = base;
    while (seen.has(slug)) {
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      slug = `${base}-${count}`;
    }
    seen.set(slug, 0);
    return slug;
  };
}

export interface HeadingInfo {
  token: Tokens.Heading;
  depth: number;
  text: string;
  slug: string;
}

/** Every heading in reading order, nested ones (in lists and quotes) included, with its unique anchor. */
export function collectHeadings(tokens: readonly Token[]): HeadingInfo[] {
  const slug = createSlugger();
  const headings: HeadingInfo[] = [];
  walkTokens(tokens as Token[], (token) => {
    if (token.type !== 'heading') return;
    const heading = token as Tokens.Heading;
    const text = inlineText(heading.tokens);
    headings.push({ token: heading, depth: heading.depth, text, slug: slug(text) });
  });
  return headings;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What both writers print around the body, cleaned of anything that must not reach a page or XML. */
export interface PreparedDocument {
  /** the template's title, short ("Privacy notice"): for page headers */
  title: string;
  /** the document's own title, its leading `# heading` ("Ridgeline privacy notice"), else the template's */
  heading: string;
  organization: string;
  version: string;
  /** in words ("15 January 2027"), or '' */
  effectiveDate: string;
  /**
   * what the header says about the version, in order: for a published version its number, effective date
   * and last update; for a draft that it is one, and the planned effective date if any
   */
  facts: { label: string; value: string }[];
  /** a BCP 47 tag, 'en' when the given one is not one */
  locale: string;
  /** the Markdown's blocks without the title and the line that only repeats the date and version */
  body: Token[];
}

function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/**
 * Splits a rendered document into what the writers print themselves and the body. Templates open with
 * `# <title>` and usually a line such as "Effective 15 January 2027. Version 5bc562a5."; both writers
 * print the title, date and version in their own header (and Word in every page's header), so those are
 * taken out of the body rather than shown twice. A line that says anything besides the date and version
 * stays.
 */
export function prepareDocument(doc: RenderedDocument): PreparedDocument {
  const locale = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(doc.meta.locale) ? doc.meta.locale : 'en';
  const version = oneLine(doc.meta.version);
  const isoDate = doc.meta.effectiveDate ? oneLine(doc.meta.effectiveDate) : '';
  const effectiveDate = isoDate ? formatDate(isoDate, locale) : '';
  const tokens = lexMarkdown(doc.markdown);
  let heading = '';

  let index = tokens.findIndex((token) => token.type !== 'space');
  const skip = new Set<number>();
  const first = tokens[index];
  if (first?.type === 'heading' && (first as Tokens.Heading).depth === 1) {
    heading = inlineText((first as Tokens.Heading).tokens);
    skip.add(index);
    index = tokens.findIndex((token, i) => i > index && token.type !== 'space');
  }
  const factsToken = tokens[index];
  const versionLine = doc.meta.versionLine ? oneLine(doc.meta.versionLine) : '';
  if (versionLine && factsToken?.type === 'paragraph' && oneLine(inlineText((factsToken as Tokens.Paragraph).tokens)) === versionLine) {
    skip.add(index);
  } else if (version && factsToken?.type === 'paragraph') {
    // A template of its own may still print the date and version in words of its own.
    const text = inlineText((factsToken as Tokens.Paragraph).tokens);
    const known = [version, isoDate, effectiveDate].filter(Boolean).map(escapeRegExp).join('|');
    const rest = text
      .replace(new RegExp(known, 'g'), '')
      .replace(/\b(effective|from|date|version|last|updated)\b/gi, '')
      .replace(/[\s.,:;·|()—–-]+/g, '');
    if (text.includes(version) && rest === '') skip.add(index);
  }
  const title = oneLine(doc.meta.title) || heading || 'Untitled';
  const lastUpdated = doc.meta.lastUpdated ? formatDate(oneLine(doc.meta.lastUpdated), locale) : '';
  // A document rendered with a version line but no version number is a draft, and its header says so.
  const draft = !version && Boolean(versionLine);
  const facts = draft
    ? [
        { label: 'Status', value: 'Draft, not yet published' },
        ...(effectiveDate ? [{ label: 'Planned effective date', value: effectiveDate }] : []),
      ]
    : versionLine
      ? [
          ...(version ? [{ label: 'Version', value: version }] : []),
          ...(effectiveDate ? [{ label: 'Effective', value: effectiveDate }] : []),
          ...(lastUpdated ? [{ label: 'Last updated', value: lastUpdated }] : []),
        ]
      : [
          ...(effectiveDate ? [{ label: 'Effective', value: effectiveDate }] : []),
          ...(version ? [{ label: 'Version', value: version }] : []),
        ];
  return {
    title,
    heading: heading || title,
    organization: oneLine(doc.meta.organization),
    version,
    effectiveDate,
    facts,
    locale,
    body: tokens.filter((_, i) => !skip.has(i)),
  };
}
