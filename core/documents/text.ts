// Text helpers shared by every generator. User text is data: before it reaches a document it is made
// plain (no control characters, no bidi overrides, one line) and, for Markdown, escaped so that no
// character in it can start a heading, a list, a link, emphasis, HTML or a table cell.

// C0 and C1 controls, DEL, the bidi embedding/override/isolate characters and marks, the Arabic letter
// mark, the byte-order mark and noncharacters. Tabs, line feeds and the Unicode line/paragraph
// separators are whitespace, handled below.
// eslint-disable-next-line no-control-regex -- matching these control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\uFFFE\uFFFF]/g;
// A surrogate that is not half of a pair cannot be written as UTF-8 (it would become U+FFFD, or break XML).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
const WHITESPACE_RUN = /[ \t\n\r\u2028\u2029]+/g;

/**
 * User text as one clean line: control characters, bidi overrides and stray surrogates removed,
 * every run of spaces, tabs and line breaks turned into one space, ends trimmed, NFC-normalised.
 */
export function plainText(userText: string): string {
  // Most text is printable ASCII: nothing to remove or normalise but runs of spaces.
  if (PRINTABLE_ASCII.test(userText)) return userText.replace(/ {2,}/g, ' ').trim();
  return userText.replace(INVISIBLE, '').replace(LONE_SURROGATE, '').normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
}

/** Multi-line user text (a postal address) as clean, non-empty lines. */
export function plainLines(userText: string): string[] {
  return userText
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map(plainText)
    .filter((line) => line.length > 0);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * User text escaped for Markdown, so that it reads exactly as typed and can never become markup.
 * Applies `plainText` first, so the result is always one line and safe inside a table cell.
 * Only what could take effect is escaped, which keeps the Markdown source readable: `snake_case`
 * and `5 % off` stay as they are, `[x](javascript:…)`, `<script>`, `*`, `|` and a leading `#` do not.
 * Bare web addresses and email addresses are escaped too, so that user text never turns into a link.
 */
export function markdownInline(userText: string): string {
  const text = plainText(userText);
  const escaped = text.replace(SPECIAL, (ch, i: number) => {
    switch (ch) {
      case '_':
        // An underscore between two letters or digits can neither open nor close emphasis.
        return i > 0 && LETTER_OR_DIGIT.test(text[i - 1]) && i + 1 < text.length && LETTER_OR_DIGIT.test(text[i + 1]) ? ch : '\\_';
      case '&':
        // Only an entity reference would be decoded ("&amp;" → "&"); a lone ampersand is plain text.
        return ENTITY.test(text.slice(i, i + 40)) ? '\\&' : ch;
      case ':':
        // "https://…" would become a link (GFM autolink literal).
        return text.startsWith('//', i + 1) ? '\\:' : ch;
      case '.':
        // So would "www.example.com".
        return i >= 3 && /www$/i.test(text.slice(i - 3, i)) && (i === 3 || !LETTER_OR_DIGIT.test(text[i - 4])) ? '\\.' : ch;
      default:
        return `\\${ch}`;
    }
  });
  // What only matters at the start of a line: the template may put the value there.
  return escaped.replace(/^([#>+=-])/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

// Always escaped: \ ` * [ ] < | ~ @; escaped where they could take effect: _ & : .
const SPECIAL = /[\\`*[\]<|~@_&:.]/g;
const ENTITY = /^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/;

/**
 * Ends the text with a full stop unless it already ends a sentence ("…", "?", "!", ".", also inside
 * closing quotes or brackets). Works on escaped Markdown too: an escaped "\*" is not an ending.
 */
export function sentence(text: string): string {
  const trimmed = text.trimEnd();
  if (trimmed.length === 0) return trimmed;
  const core = trimmed.replace(/[)"'’”»\]]+$/u, '');
  if (/[.!?…]$/u.test(core) && !/\\[.!?]$/.test(core)) return trimmed;
  // "2" would become "2.", the start of a numbered list when it begins a line.
  return /^\d{1,9}$/.test(trimmed) ? `${trimmed}\\.` : `${trimmed}.`;
}

/**
 * A Markdown link destination that cannot break out of `(…)` or `<…>`: spaces, brackets, angle
 * brackets, quotes, backslashes and entity-like ampersands are percent-encoded. Input is an absolute
 * URL the schema has already checked (https:// or mailto:).
 */
export function markdownUrl(url: string): string {
  return plainText(url)
    .replace(/[\s()<>"'`\\[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '%26');
}

/**
 * Heading text from a name: trailing sentence punctuation is dropped (a heading is not a sentence).
 * Input is already escaped Markdown.
 */
export function headingText(escapedName: string): string {
  const stripped = escapedName.replace(/(?:\\?[.,;:!?。，；：！]|\s)+$/u, '');
  const text = stripped.length > 0 && !stripped.endsWith('\\') ? stripped : `“${escapedName}”`;
  // A run of # at the end of a heading line would be read as its closing sequence and dropped.
  return text.replace(/(?<!\\)#+$/, (hashes) => hashes.replace(/#/g, '\\#'));
}
