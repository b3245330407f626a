// A redline for lawyers: the new notice with its changes against the old one, as a Word file of tracked
// changes (real w:ins/w:del revisions by "Candor", which Word and LibreOffice show and can accept or reject)
// and as an HTML page with <ins>/<del>. The two rendered Markdown documents are compared block by block
// (headings, paragraphs, list items, table rows) and, inside a changed block, word by word. Changed blocks
// are compared as plain text, so their emphasis and links are not carried; unchanged ones are plain too,
// the redline being for reading the wording side by side, not a second copy of the notice.
import { diffArrays, diffWordsWithSpace } from 'diff';
import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  Document,
  Header,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Token, Tokens } from 'marked';
import { CONTENT_SECURITY_POLICY } from './html';
import { cleanText, decodeEntities, inlineText, prepareDocument } from './markdown';
import type { RenderedDocument } from './types';
import { baseParagraphStyles, HEADER_FILL, RULE, titleStyle } from './word-style';

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'row' | 'code' | 'rule';

/** One block of a document as the redline compares it: its kind and its text (a row: one text per cell). */
export interface RedlineBlock {
  kind: BlockKind;
  /** heading depth (1 is the title), list nesting, or for a row whether it is a header row (1) */
  level: number;
  /** which table a row belongs to, counted from 1 in its document */
  table?: number;
  cells: string[];
}

export type PartOp = 'same' | 'inserted' | 'deleted';

/** A stretch of text in a compared block, kept, inserted or deleted. */
export interface RedlinePart {
  op: PartOp;
  text: string;
}

export interface RedlineEntry {
  kind: BlockKind;
  level: number;
  /** for rows: the table, in the new document (or the old one for a deleted table) */
  table?: string;
  /** the whole block was inserted or deleted; 'changed' when words inside it were */
  status: 'same' | 'inserted' | 'deleted' | 'changed';
  /** one list of parts per cell (one cell for anything but a row) */
  cells: RedlinePart[][];
}

export interface Redline {
  oldTitle: string;
  newTitle: string;
  /** the version facts of each side, "Version 2.1 · Effective 1 March 2027", for headers */
  oldFacts: string;
  newFacts: string;
  entries: RedlineEntry[];
  /** how many blocks were inserted, deleted or changed */
  changes: number;
}

function plain(text: string): string {
  return cleanText(decodeEntities(text)).replace(/\s+/g, ' ').trim();
}

function factsOf(doc: RenderedDocument): { title: string; facts: string; body: Token[] } {
  const meta = prepareDocument(doc);
  const facts = meta.facts.map(({ label, value }) => (label === 'Status' ? value : `${label} ${value}`)).join(' · ');
  return { title: meta.heading || meta.title, facts, body: meta.body };
}

/** A document's blocks in reading order: its title and version facts first, then the body. */
export function documentBlocks(doc: RenderedDocument): RedlineBlock[] {
  const { title, facts, body } = factsOf(doc);
  const out: RedlineBlock[] = [{ kind: 'heading', level: 1, cells: [plain(title)] }];
  if (facts) out.push({ kind: 'paragraph', level: 0, cells: [plain(facts)] });
  let tables = 0;
  const text = (tokens: readonly Token[] | undefined, raw: string) => plain(tokens ? inlineText(tokens) : raw);
  const walk = (tokens: readonly Token[], level: number) => {
    for (const token of tokens) {
      switch (token.type) {
        case 'space':
        case 'def':
          break;
        case 'heading': {
          const heading = token as Tokens.Heading;
          out.push({ kind: 'heading', level: Math.max(2, heading.depth), cells: [text(heading.tokens, heading.text)] });
          break;
        }
        case 'list':
          for (const item of (token as Tokens.List).items) {
            const first = item.tokens.find((t) => t.type === 'paragraph' || t.type === 'text') as Tokens.Paragraph | undefined;
            out.push({ kind: 'item', level, cells: [first ? text(first.tokens, first.text) : ''] });
            const rest = item.tokens.filter((t) => t !== first);
            walk(rest, level + 1);
          }
          break;
        case 'table': {
          const table = token as Tokens.Table;
          tables += 1;
          out.push({ kind: 'row', level: 1, table: tables, cells: table.header.map((c) => text(c.tokens, c.text)) });
          for (const row of table.rows) out.push({ kind: 'row', level: 0, table: tables, cells: row.map((c) => text(c.tokens, c.text)) });
          break;
        }
        case 'blockquote':
          walk((token as Tokens.Blockquote).tokens, level);
          break;
        case 'code':
          out.push({ kind: 'code', level: 0, cells: [cleanText((token as Tokens.Code).text)] });
          break;
        case 'hr':
          out.push({ kind: 'rule', level: 0, cells: [''] });
          break;
        default: {
          const generic = token as Tokens.Generic;
          const value = text(Array.isArray(generic.tokens) ? generic.tokens : undefined, generic.text ?? generic.raw ?? '');
          if (value) out.push({ kind: 'paragraph', level: 0, cells: [value] });
        }
      }
    }
  };
  walk(body, 0);
  return out;
}

const key = (b: RedlineBlock) => `${b.kind}:${b.level}:${b.cells.join('\u0000')}`;

function words(block: RedlineBlock): Set<string> {
  return new Set(block.cells.join(' ').toLowerCase().split(/\W+/).filter(Boolean));
}

function alike(old: RedlineBlock, neu: RedlineBlock): boolean {
  if (old.kind !== neu.kind || old.level !== neu.level || old.cells.length !== neu.cells.length) return false;
  if (old.kind === 'row') return old.cells[0] === neu.cells[0];
  const before = words(old);
  const after = words(neu);
  let shared = 0;
  for (const word of before) if (after.has(word)) shared += 1;
  return shared * 2 >= Math.max(before.size, after.size, 1);
}

function wordParts(before: string, after: string): RedlinePart[] {
  return diffWordsWithSpace(before, after).map((c) => ({ op: c.added ? 'inserted' : c.removed ? 'deleted' : 'same', text: c.value }));
}

/** Compares two rendered documents: the blocks of the new one, with those of the old one that went. */
export function compareDocuments(oldDoc: RenderedDocument, newDoc: RenderedDocument): Redline {
  const before = documentBlocks(oldDoc);
  const after = documentBlocks(newDoc);
  const entries: RedlineEntry[] = [];
  const tableName = (side: 'old' | 'new', block: RedlineBlock) => (block.table ? `${side}${block.table}` : undefined);
  const whole = (block: RedlineBlock, status: 'same' | 'inserted' | 'deleted', side: 'old' | 'new'): RedlineEntry => ({
    kind: block.kind,
    level: block.level,
    table: tableName(side, block),
    status,
    cells: block.cells.map((text) => [{ op: status, text }]),
  });
  const changes = diffArrays(before, after, { comparator: (a, b) => key(a) === key(b) });
  let i = 0;
  while (i < changes.length) {
    const change = changes[i];
    if (!change.added && !change.removed) {
      // Equal blocks are taken from the new document (the comparator only says they read the same).
      for (const block of change.value) entries.push(whole(block, 'same', 'new'));
      i += 1;
      continue;
    }
    const removed = change.removed ? change.value : [];
    const added = change.removed && changes[i + 1]?.added ? changes[i + 1].value : change.added ? change.value : [];
    i += change.removed && changes[i + 1]?.added ? 2 : 1;
    // A removed block and an added one that read alike (same kind, and for a row the same first cell, else
    // at least half their words shared) are one changed block, compared word by word, in order; the rest
    // went or came whole.
    let a = 0;
    for (const old of removed) {
      let match = -1;
      for (let j = a; j < added.length && match < 0; j += 1) if (alike(old, added[j])) match = j;
      if (match < 0) {
        entries.push(whole(old, 'deleted', 'old'));
        continue;
      }
      for (; a < match; a += 1) entries.push(whole(added[a], 'inserted', 'new'));
      const neu = added[match];
      entries.push({
        kind: neu.kind,
        level: neu.level,
        table: tableName('new', neu),
        status: 'changed',
        cells: neu.cells.map((cell, c) => wordParts(old.cells[c], cell)),
      });
      a = match + 1;
    }
    for (; a < added.length; a += 1) entries.push(whole(added[a], 'inserted', 'new'));
  }
  // A deleted row is named by the old table; it joins the table of the rows around it, so a table is not
  // cut in two where a row went.
  for (let e = 0; e < entries.length; e += 1) {
    const entry = entries[e];
    if (entry.kind !== 'row' || entry.status !== 'deleted') continue;
    const previous = entries[e - 1];
    const next = entries.slice(e + 1).find((n) => n.kind !== 'row' || n.status !== 'deleted');
    if (previous?.kind === 'row') entry.table = previous.table;
    else if (next?.kind === 'row') entry.table = next.table;
  }
  const oldFacts = factsOf(oldDoc);
  const newFacts = factsOf(newDoc);
  return {
    oldTitle: plain(oldFacts.title),
    newTitle: plain(newFacts.title),
    oldFacts: plain(oldFacts.facts),
    newFacts: plain(newFacts.facts),
    entries,
    changes: entries.filter((e) => e.status !== 'same').length,
  };
}

// ---- Word ----

export interface RedlineOptions {
  /** who the revisions are by; "Candor" */
  author?: string;
  /** when they were made, ISO 8601; now by default */
  date?: string;
}

function shortText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The redline as a Word file of tracked changes: accept them all for the new notice, reject them all for the old. */
export async function renderRedlineDocx(
  oldDoc: RenderedDocument,
  newDoc: RenderedDocument,
  options: RedlineOptions = {},
): Promise<Uint8Array> {
  const redline = compareDocuments(oldDoc, newDoc);
  const author = options.author ?? 'Candor';
  const date = options.date ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  let id = 0;
  const revision = () => ({ id: (id += 1), author, date });
  const runs = (parts: RedlinePart[]): ParagraphChild[] =>
    parts
      .filter((p) => p.text)
      .map((p) =>
        p.op === 'inserted'
          ? new InsertedTextRun({ ...revision(), text: p.text })
          : p.op === 'deleted'
            ? new DeletedTextRun({ ...revision(), text: p.text })
            : new TextRun({ text: p.text }),
      );
  // The paragraph mark of a block that came or went whole is itself a revision, so accepting or rejecting
  // removes the paragraph, not only its words.
  const mark = (status: RedlineEntry['status']) =>
    status === 'inserted' ? { run: { insertion: revision() } } : status === 'deleted' ? { run: { deletion: revision() } } : {};
  const page = { width: 11906, height: 16838, margin: 1418 };
  const textWidth = page.width - 2 * page.margin;
  const children: (Paragraph | Table)[] = [];
  let e = 0;
  const entries = redline.entries;
  while (e < entries.length) {
    const entry = entries[e];
    if (entry.kind === 'row') {
      const rows: RedlineEntry[] = [];
      while (e < entries.length && entries[e].kind === 'row' && entries[e].table === entry.table) rows.push(entries[e++]);
      const columns = Math.max(...rows.map((r) => r.cells.length), 1);
      const width = Math.floor(textWidth / columns);
      const line = { style: BorderStyle.SINGLE, size: 4, color: RULE };
      children.push(
        new Table({
          width: { size: width * columns, type: WidthType.DXA },
          columnWidths: Array.from({ length: columns }, () => width),
          layout: TableLayoutType.FIXED,
          margins: { top: 60, bottom: 60, left: 100, right: 100 },
          borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
          rows: rows.map(
            (row) =>
              new TableRow({
                tableHeader: row.level === 1 && row === rows[0] ? true : undefined,
                cantSplit: true,
                ...(row.status === 'inserted' ? { insertion: revision() } : row.status === 'deleted' ? { deletion: revision() } : {}),
                children: Array.from(
                  { length: columns },
                  (_, c) =>
                    new TableCell({
                      width: { size: width, type: WidthType.DXA },
                      shading: row.level === 1 ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } : undefined,
                      children: [new Paragraph({ style: 'TableText', ...mark(row.status), children: runs(row.cells[c] ?? []) })],
                    }),
                ),
              }),
          ),
        }),
      );
      children.push(new Paragraph({ style: 'TableGap', children: [] }));
      continue;
    }
    e += 1;
    const parts = runs(entry.cells[0]);
    if (entry.kind === 'heading') {
      const level =
        entry.level === 1 ? HeadingLevel.TITLE : HeadingLevel[`HEADING_${Math.min(6, entry.level - 1)}` as keyof typeof HeadingLevel];
      children.push(new Paragraph({ heading: level, ...mark(entry.status), children: parts }));
    } else if (entry.kind === 'item') {
      children.push(
        new Paragraph({
          style: 'ListParagraph',
          numbering: { reference: 'redline-bullets', level: Math.min(entry.level, 8) },
          ...mark(entry.status),
          children: parts,
        }),
      );
    } else if (entry.kind === 'rule') {
      children.push(
        new Paragraph({
          ...mark(entry.status),
          children: [],
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: RULE, space: 1 } },
        }),
      );
    } else {
      children.push(new Paragraph({ style: entry.kind === 'code' ? 'CodeBlock' : undefined, ...mark(entry.status), children: parts }));
    }
  }
  const header = `Redline: ${shortText(redline.oldFacts || 'old version', 60)} → ${shortText(redline.newFacts || 'new version', 60)}`;
  const file = new Document({
    title: shortText(`Redline of ${redline.newTitle}`, 255),
    creator: author,
    lastModifiedBy: author,
    description: shortText(header, 255),
    hyphenation: { autoHyphenation: false },
    numbering: {
      config: [
        {
          reference: 'redline-bullets',
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.BULLET,
            text: ['•', '◦', '▪'][level % 3],
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 567 + level * 425, hanging: 340 } } },
          })),
        },
      ],
    },
    styles: {
      default: { title: titleStyle(40, 160) },
      paragraphStyles: [
        ...baseParagraphStyles(22, { after: 140, line: 276, organizationAfter: 60, factsAfter: 360 }),
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 19 }, paragraph: { spacing: { before: 0, after: 0 } } },
        {
          id: 'TableGap',
          name: 'Space After Table',
          basedOn: 'Normal',
          run: { size: 12 },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
        { id: 'CodeBlock', name: 'Code Block', basedOn: 'Normal', run: { font: 'Courier New', size: 19 } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin },
          },
        },
        headers: { default: new Header({ children: [new Paragraph({ style: 'Facts', children: [new TextRun(header)] })] }) },
        children,
      },
    ],
  });
  return Packer.pack(file, 'uint8array');
}

// ---- HTML ----

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function htmlParts(parts: RedlinePart[]): string {
  return parts
    .map((p) =>
      p.op === 'inserted'
        ? `<ins>${escapeHtml(p.text)}</ins>`
        : p.op === 'deleted'
          ? `<del>${escapeHtml(p.text)}</del>`
          : escapeHtml(p.text),
    )
    .join('');
}

/** The redline as a standalone page: every word of both documents escaped, insertions and deletions marked. */
export function renderRedlineHtml(oldDoc: RenderedDocument, newDoc: RenderedDocument): string {
  const redline = compareDocuments(oldDoc, newDoc);
  const out: string[] = [];
  const entries = redline.entries;
  let e = 0;
  while (e < entries.length) {
    const entry = entries[e];
    const cls = entry.status === 'same' ? '' : ` class="${entry.status}"`;
    if (entry.kind === 'row') {
      const rows: string[] = [];
      while (e < entries.length && entries[e].kind === 'row' && entries[e].table === entry.table) {
        const row = entries[e++];
        const tag = row.level === 1 ? 'th' : 'td';
        rows.push(
          `<tr${row.status === 'same' ? '' : ` class="${row.status}"`}>${row.cells.map((c) => `<${tag}>${htmlParts(c)}</${tag}>`).join('')}</tr>`,
        );
      }
      out.push(`<table>\n${rows.join('\n')}\n</table>`);
      continue;
    }
    e += 1;
    const inner = htmlParts(entry.cells[0]);
    if (entry.kind === 'heading') out.push(`<h${Math.min(6, entry.level)}${cls}>${inner}</h${Math.min(6, entry.level)}>`);
    else if (entry.kind === 'item')
      out.push(`<p class="item level-${Math.min(entry.level, 8)}${entry.status === 'same' ? '' : ` ${entry.status}`}">${inner}</p>`);
    else if (entry.kind === 'code') out.push(`<pre${cls}>${inner}</pre>`);
    else if (entry.kind === 'rule') out.push(`<hr${cls}>`);
    else out.push(`<p${cls}>${inner}</p>`);
  }
  const summary = `${redline.changes} ${redline.changes === 1 ? 'block' : 'blocks'} changed: ${redline.oldFacts || 'old version'} → ${redline.newFacts || 'new version'}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Candor">
<title>${escapeHtml(`Changes to ${redline.newTitle}`)}</title>
<style>
${REDLINE_CSS}</style>
</head>
<body>
<p class="legend">${escapeHtml(summary)}. <ins>Inserted text</ins> <del>Deleted text</del></p>
<main>
${out.join('\n')}
</main>
</body>
</html>
`;
}

const REDLINE_CSS = `body { margin: 0 auto; padding: 2rem 1.5rem; max-width: 52rem; font-family: -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.55; color: #1c2227; background: #fff; }
ins { background: #d9f2dd; color: #0b5a1a; text-decoration: underline; }
del { background: #fbe0e0; color: #8a1010; text-decoration: line-through; }
.inserted { border-left: 4px solid #3a9b4f; padding-left: 0.5em; }
.deleted { border-left: 4px solid #c24040; padding-left: 0.5em; }
.changed { border-left: 4px solid #c29a2a; padding-left: 0.5em; }
.legend { padding: 0.6em 0.8em; background: #f3f5f7; border: 1px solid #d3d9df; border-radius: 4px; }
.legend ins, .legend del { margin-left: 0.6em; }
.item { margin: 0.2em 0 0.2em 1.2em; }
.item::before { content: "• "; }
${Array.from({ length: 8 }, (_, i) => `.level-${i + 1} { margin-left: ${1.2 + (i + 1) * 1.4}em; }`).join('\n')}
table { width: 100%; border-collapse: collapse; margin: 0 0 1em; font-size: 0.95rem; }
th, td { border: 1px solid #d3d9df; padding: 0.4em 0.6em; text-align: left; vertical-align: top; }
th { background: #edf1f5; }
tr.inserted td { background: #eef9f0; }
tr.deleted td { background: #fdf0f0; }
pre { white-space: pre-wrap; background: #f0f2f4; padding: 0.6em; }
@media print { ins, del, tr.inserted td, tr.deleted td { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;
