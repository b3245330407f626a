// A rendered document as a standalone web page: one file that opens offline, prints well and can be put on
// a website as it is. Everything in it that came from the Markdown (and so, through the templates, from what
// people typed) is escaped by the renderer below and then sanitised again with sanitize-html, which keeps
// only the tags and attributes this renderer writes. The page fetches nothing and runs nothing; its
// Content-Security-Policy says so, for the day a bug lets something through.
import { Marked, type RendererObject, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { RenderedDocument } from './types';
import { type HeadingInfo, cleanText, collectHeadings, inlineText, lexMarkdown, prepareDocument, safeLink } from './markdown';

export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const ALIGN_CLASSES = ['align-left', 'align-center', 'align-right'];

/** Only what the renderer writes; anything else is shown as text, so a slip is visible rather than live. */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'span',
    'div',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    // No title attribute: its text would be the one place user text sits inside a tag.
    a: ['href', 'rel', 'class'],
    h1: ['id'],
    h2: ['id'],
    h3: ['id'],
    h4: ['id'],
    h5: ['id'],
    h6: ['id'],
    ol: ['start'],
    th: ['class', 'scope'],
    td: ['class'],
    div: ['class'],
    span: ['class'],
  },
  allowedClasses: {
    a: ['shows-url'],
    th: ALIGN_CLASSES,
    td: ALIGN_CLASSES,
    div: ['table-scroll'],
    span: ['task'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  enforceHtmlBoundary: false,
  parseStyleAttributes: false,
  transformTags: {
    a: (tagName, attribs) => {
      const { rel: _rel, ...rest } = attribs;
      const external = /^https?:/i.test(rest.href ?? '');
      return { tagName, attribs: external ? { ...rest, rel: 'noopener noreferrer' } : rest };
    },
  },
};

function renderer(headingIds: WeakMap<Token, string>): RendererObject {
  return {
    // Raw HTML in Markdown is text, never markup: templates are shared and user text reaches them.
    html(token) {
      const text = escapeHtml(token.text);
      return token.block ? `<p>${text.trim()}</p>\n` : text;
    },
    heading(token) {
      const id = headingIds.get(token);
      const inner = this.parser.parseInline(token.tokens);
      return `<h${token.depth}${id ? ` id="${escapeHtml(id)}"` : ''}>${inner}</h${token.depth}>\n`;
    },
    link(token) {
      const inner = this.parser.parseInline(token.tokens);
      const link = safeLink(token.href);
      if (!link) return inner;
      // Printed pages show where an external link goes, unless its text already is the address.
      const text = inlineText(token.tokens);
      const showsUrl = link.kind !== 'anchor' && (text === token.href || `mailto:${text}` === link.href || text === link.href);
      const rel = link.kind === 'external' ? ' rel="noopener noreferrer"' : '';
      return `<a href="${escapeHtml(link.href)}"${rel}${showsUrl ? ' class="shows-url"' : ''}>${inner}</a>`;
    },
    // Nothing is fetched: an image is reduced to its description.
    image(token) {
      return escapeHtml(token.text);
    },
    checkbox(token) {
      return `<span class="task">${token.checked ? '☑' : '☐'}</span> `;
    },
    table(token) {
      const cell = (c: Tokens.TableCell, tag: 'th' | 'td') => {
        const align = c.align ? ` class="align-${c.align}"` : '';
        const scope = tag === 'th' ? ' scope="col"' : '';
        return `<${tag}${scope}${align}>${this.parser.parseInline(c.tokens)}</${tag}>`;
      };
      const head = `<thead><tr>${token.header.map((c) => cell(c, 'th')).join('')}</tr></thead>`;
      const body = token.rows.length
        ? `<tbody>${token.rows.map((row) => `<tr>${row.map((c) => cell(c, 'td')).join('')}</tr>`).join('\n')}</tbody>`
        : '';
      return `<div class="table-scroll"><table>${head}\n${body}</table></div>\n`;
    },
  };
}

function toHtml(tokens: Token[], headings: HeadingInfo[]): string {
  const ids = new WeakMap<Token, string>();
  for (const heading of headings) ids.set(heading.token, heading.slug);
  const marked = new Marked({ gfm: true, breaks: false, renderer: renderer(ids) });
  return marked.parser(tokens);
}

function sanitize(html: string): string {
  // cleanText again: marked decodes character references (&#x1;, &#xFFFE;) after the source was cleaned.
  return cleanText(sanitizeHtml(html, SANITIZE_OPTIONS));
}

/** Lexed Markdown to a sanitised HTML fragment, its headings anchored as `headings` says. */
export function headingsToSafeHtml(tokens: Token[], headings: HeadingInfo[]): string {
  return sanitize(toHtml(tokens, headings));
}

/** Markdown to a sanitised HTML fragment (what the app's live preview shows, section by section: html-sections.ts). */
export function markdownToSafeHtml(markdown: string): string {
  const tokens = lexMarkdown(markdown);
  return sanitize(toHtml(tokens, collectHeadings(tokens)));
}

/** A complete page: header with organisation, title, effective date and version; contents; the body. */
export function renderHtmlPage(doc: RenderedDocument): string {
  const meta = prepareDocument(doc);
  const tokens = meta.body;
  const headings = collectHeadings(tokens);
  const body = sanitize(toHtml(tokens, headings));

  const topLevel = new Set<Token>(tokens);
  const sections = headings.filter((h) => h.depth === 2 && topLevel.has(h.token));
  const contents = sections.length
    ? sanitize(`<ol>${sections.map((h) => `<li><a href="#${escapeHtml(h.slug)}">${escapeHtml(h.text)}</a></li>`).join('')}</ol>`)
    : '';

  const facts = meta.facts.map(({ label, value }) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`);
  const named = !meta.organization || meta.heading.toLowerCase().includes(meta.organization.toLowerCase());
  const pageTitle = named ? meta.heading : `${meta.heading} · ${meta.organization}`;

  return `<!doctype html>
<html lang="${escapeHtml(meta.locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="Candor">
<title>${escapeHtml(pageTitle)}</title>
<style>
${PAGE_CSS}</style>
</head>
<body>
<header class="doc-header">
${meta.organization ? `<p class="organization">${escapeHtml(meta.organization)}</p>\n` : ''}<h1>${escapeHtml(meta.heading)}</h1>
${facts.length ? `<dl class="facts">${facts.join('')}</dl>\n` : ''}</header>
${contents ? `<nav class="contents" aria-label="Contents">\n<p class="contents-title">Contents</p>\n${contents}\n</nav>\n` : ''}<main>
${body}</main>
<footer class="doc-footer"><p>${escapeHtml([meta.organization, meta.title, meta.version ? `version ${meta.version}` : meta.facts[0]?.label === 'Status' && 'draft'].filter(Boolean).join(' · '))}</p></footer>
</body>
</html>
`;
}

const PAGE_CSS = `:root {
  color-scheme: light dark;
  --text: #1c2227;
  --muted: #57626d;
  --page: #ffffff;
  --link: #0a58ca;
  --rule: #d3d9df;
  --head: #edf1f5;
  --stripe: #f8f9fb;
  --quote: #c4ccd4;
  --code: #f0f2f4;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e2e6ea;
    --muted: #9ba6b1;
    --page: #14181c;
    --link: #8ab4f8;
    --rule: #3a424a;
    --head: #222930;
    --stripe: #191e23;
    --quote: #4a545e;
    --code: #242b32;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0 auto;
  padding: 2.5rem 1.5rem 3rem;
  max-width: 48rem;
  background: var(--page);
  color: var(--text);
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "Noto Sans", sans-serif;
  font-size: 1.0625rem;
  line-height: 1.6;
  overflow-wrap: break-word;
  hyphens: manual;
}
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 2em 0 0.6em; font-weight: 650; }
h1 { font-size: 2.1rem; margin-top: 0.2em; letter-spacing: -0.01em; }
h2 { font-size: 1.5rem; padding-top: 0.6em; border-top: 1px solid var(--rule); }
h3 { font-size: 1.2rem; }
h4 { font-size: 1.05rem; }
h5, h6 { font-size: 1rem; }
main > h2:first-child, main > h3:first-child { margin-top: 1em; }
p, ul, ol, blockquote, pre, .table-scroll { margin: 0 0 1em; }
ul, ol { padding-left: 1.6em; }
ol ol { list-style-type: lower-alpha; }
ol ol ol { list-style-type: lower-roman; }
li { margin: 0.25em 0; }
li > ul, li > ol { margin: 0.25em 0 0.4em; }
a { color: var(--link); text-decoration-thickness: 0.06em; text-underline-offset: 0.15em; }
strong { font-weight: 650; }
hr { border: 0; border-top: 1px solid var(--rule); margin: 2em 0; }
hr + h2 { border-top: 0; padding-top: 0; margin-top: 0; }
blockquote { margin-left: 0; padding: 0.1em 0 0.1em 1em; border-left: 4px solid var(--quote); color: var(--muted); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; background: var(--code); padding: 0.1em 0.3em; border-radius: 3px; }
pre { background: var(--code); padding: 0.8em 1em; border-radius: 4px; overflow-x: auto; white-space: pre-wrap; }
pre code { background: none; padding: 0; }
.table-scroll { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 0.95rem; line-height: 1.45; }
th, td { padding: 0.5em 0.7em; border: 1px solid var(--rule); text-align: left; vertical-align: top; overflow-wrap: anywhere; hyphens: auto; min-width: 5em; }
th { background: var(--head); font-weight: 650; }
tbody tr:nth-child(even) td { background: var(--stripe); }
.align-center { text-align: center; }
.align-right { text-align: right; }
.doc-header { margin-bottom: 2rem; }
.organization { margin: 0 0 0.3rem; color: var(--muted); font-size: 0.95rem; letter-spacing: 0.02em; text-transform: uppercase; }
.facts { display: flex; flex-wrap: wrap; gap: 0.4rem 2rem; margin: 0.8rem 0 0; color: var(--muted); font-size: 0.95rem; }
.facts div { display: flex; gap: 0.4em; }
.facts dt { font-weight: 600; }
.facts dt::after { content: ":"; }
.facts dd { margin: 0; }
.contents { margin: 0 0 2.5rem; padding: 1rem 1.25rem; border: 1px solid var(--rule); border-radius: 6px; }
.contents-title { margin: 0 0 0.4rem; font-weight: 650; }
.contents ol { margin: 0; columns: 2 16rem; column-gap: 2rem; }
.contents li { margin: 0; padding: 0.12em 0; break-inside: avoid; }
.doc-footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.85rem; }
@page { margin: 20mm 18mm; }
@media print {
  :root { color-scheme: light; --text: #000; --muted: #333; --page: #fff; --link: #000; --rule: #888; --head: #e6e6e6; --stripe: #fff; --quote: #999; --code: #f2f2f2; }
  body { max-width: none; padding: 0; font-size: 10.5pt; line-height: 1.45; }
  h1 { font-size: 20pt; }
  h2 { font-size: 14pt; border-top: 0; padding-top: 0; }
  h3 { font-size: 12pt; }
  h4 { font-size: 11pt; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
  p, li, blockquote { orphans: 3; widows: 3; }
  a { text-decoration: underline; }
  main a[href^="http"]:not(.shows-url)::after, main a[href^="mailto:"]:not(.shows-url)::after {
    content: " (" attr(href) ")";
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .table-scroll { overflow: visible; }
  table { font-size: 9.5pt; }
  thead { display: table-header-group; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .contents { border: 0; padding: 0; }
  .doc-footer { font-size: 8.5pt; }
}
`;
