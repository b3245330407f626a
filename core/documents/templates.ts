// Document templates: Markdown with YAML front matter and LiquidJS tags. Teams share templates, so the
// engine is locked down: Liquid cannot run code, templates cannot read files (no include, render or
// layout), only own properties of the context are visible, and a misspelt variable or filter is an
// error with its file and line rather than a silent blank. User text enters only as context values;
// Liquid renders once and never parses its output again.
import { Context, Liquid, Tag, toValueSync, type Emitter, type Template, type TagToken, type TopLevelToken } from 'liquidjs';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { JURISDICTIONS, SLUG_PATTERN, type Workspace } from '../schema';
import { listInWords, startSentence } from '../words';
import { buildContext, type DocumentContext } from './context';
import { MemoForTag } from './liquid-memo';
import { sentence } from './text';
import { DOCUMENT_CONDITIONS, type TemplateError, type TemplateInfo, type TemplateSource } from './types';

export interface ParsedTemplate {
  info: TemplateInfo;
  source: TemplateSource;
  /** the compiled Liquid body */
  compiled: Template[];
  /** how many lines (front matter and its delimiters) come before the body */
  bodyLineOffset: number;
}

export type ParseResult = { ok: true; template: ParsedTemplate } | { ok: false; error: TemplateError };

// ---------------------------------------------------------------------------------------------------
// The engine

/** Tags that would read other files; templates stay self-contained. */
class ForbiddenTag extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    throw new Error(
      `the "${token.name}" tag is not available in Candor templates, which cannot read other files; copy the text into this template instead`,
    );
  }
  // Never runs: the constructor throws.
  *render(): Generator<unknown, void, unknown> {}
}

/** What `{{ … }}` may print: text and numbers. Anything else is a mistake in the template. */
function printable(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('this prints a number that is not a number (a calculation went wrong); check the filters');
    return String(value);
  }
  if (typeof value === 'boolean') {
    throw new Error(`this prints "${value}"; test a yes/no value with {% if … %} instead of printing it`);
  }
  if (Array.isArray(value)) {
    throw new Error('this prints a whole list; print its items with {% for … %} or join them with | list or | join: ", "');
  }
  throw new Error('this prints a whole group of values; print one of its fields instead, such as .name');
}

function createEngine(): Liquid {
  const engine = new Liquid({
    strictFilters: true,
    strictVariables: true,
    ownPropertyOnly: true,
    // An empty string or list is "nothing" in a condition, as template authors expect.
    jsTruthy: true,
    // Whitespace control trims one line at most, so blank lines that separate Markdown blocks survive.
    greedy: false,
    // Templates live in memory; an include could never reach the file system even if it were allowed.
    templates: {},
    outputEscape: printable,
    parseLimit: 2_000_000,
    renderLimit: 10_000,
    timezoneOffset: 0,
    locale: 'en',
  });
  for (const name of ['include', 'render', 'layout']) engine.registerTag(name, ForbiddenTag);
  // The same loop, remembering what each iteration printed: the live preview re-renders on every edit.
  engine.registerTag('for', MemoForTag);
  // `raw` would skip the output check; it means nothing here, because every value is already escaped.
  engine.registerFilter('raw', { handler: (value: unknown) => printable(value), raw: true });
  engine.registerFilter('list', (value: unknown, conjunction?: unknown) => {
    if (!Array.isArray(value)) throw new Error('the list filter needs a list, such as dataType.purposeNames');
    return listInWords(value.map(printable), { conjunction: conjunction === 'or' ? 'or' : 'and', oxfordComma: 'when-ambiguous' });
  });
  engine.registerFilter('sentence', (value: unknown) => sentence(printable(value)));
  // A name styled on purpose ("eBay") keeps its letters.
  engine.registerFilter('upper_first', (value: unknown) => startSentence(printable(value)));
  return engine;
}

export const engine: Liquid = createEngine();

/**
 * Renders a parsed template to text, as `engine.renderSync` does, but collects the output as a list of
 * pieces joined once: LiquidJS appends every piece to one string, and a megabyte built from a hundred
 * thousand appends is slow to read afterwards (tidying it took three times as long as tidying a copy).
 */
export function renderTemplate(compiled: Template[], scope: object): string {
  return renderTemplatePieces(compiled, scope).join('');
}

/**
 * What `renderTemplate` returns, as the pieces the template printed, not joined: a caller that reworks
 * the text line by line (`tidyMarkdown`) then builds one string of the document, not two. At 2,000 data
 * types a notice is 1.3 MB, and each whole copy of it costs several milliseconds on every edit.
 */
export function renderTemplatePieces(compiled: Template[], scope: object): string[] {
  const context = new Context(scope, engine.options, { sync: true }, { liquid: engine });
  const pieces: string[] = [];
  const emitter: Emitter = {
    buffer: '',
    write(html: unknown) {
      pieces.push(typeof html === 'string' ? html : printable(html));
    },
  };
  toValueSync(engine.renderer.renderTemplates(compiled, context, emitter));
  return pieces;
}

// ---------------------------------------------------------------------------------------------------
// Front matter

const FrontMatterSchema = z.strictObject({
  id: z.string().regex(SLUG_PATTERN, 'must be a lower-case slug such as "privacy-notice"'),
  title: z.string().trim().min(1, 'must not be empty'),
  kind: z.literal('notice', { error: 'must be "notice"' }),
  jurisdictions: z
    .array(z.enum(JURISDICTIONS, { error: `must be one of ${JURISDICTIONS.join(', ')}` }), {
      error: `must be a list such as [gdpr, uk-gdpr, ccpa]`,
    })
    .min(1, 'must name at least one of gdpr, uk-gdpr, ccpa'),
  locale: z.string().trim().min(1, 'must not be empty, such as "en"'),
  when: z.enum(DOCUMENT_CONDITIONS, { error: `must be one of ${DOCUMENT_CONDITIONS.join(', ')}` }).optional(),
});

const FIELDS = ['id', 'title', 'kind', 'jurisdictions', 'locale', 'when'];

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

function suggestion(key: string): string {
  const near = FIELDS.find((field) => distance(key.toLowerCase(), field) <= 2);
  return near ? ` (did you mean "${near}"?)` : '';
}

const FIELD_HINT = 'The front matter needs id, title, kind, jurisdictions and locale, and may have when; see templates/README.md.';

interface Split {
  frontMatter: string;
  /** line of the first front matter line (1-based, after the opening ---) */
  frontMatterLine: number;
  body: string;
  bodyLineOffset: number;
}

function splitFrontMatter(text: string): Split | { error: string; line: number } {
  const lines = text.split('\n');
  if (lines[0]?.replace(/\r$/, '').trimEnd() !== '---') {
    return { error: `the template must start with front matter: a line "---", the fields, then another "---". ${FIELD_HINT}`, line: 1 };
  }
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '').trimEnd();
    if (line === '---' || line === '...') {
      return {
        frontMatter: lines.slice(1, i).join('\n'),
        frontMatterLine: 2,
        body: lines.slice(i + 1).join('\n'),
        bodyLineOffset: i + 1,
      };
    }
  }
  return { error: 'the front matter is not closed: add a line "---" after its last field', line: 1 };
}

/** The id the file declares, read leniently, for a file whose front matter does not parse. */
function declaredId(source: TemplateSource): string {
  const match = /^id:[ \t]*["']?([a-z0-9]+(?:-[a-z0-9]+)*)["']?[ \t]*$/m.exec(source.text.slice(0, 4000));
  if (match) return match[1];
  const base = source.file.split(/[\\/]/).pop() ?? source.file;
  return base.replace(/\.(liquid|md|markdown)$/i, '').replace(/\.(liquid|md|markdown)$/i, '');
}

function parseFrontMatter(source: TemplateSource, split: Split): { ok: true; info: TemplateInfo } | { ok: false; error: TemplateError } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(split.frontMatter, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): number =>
    offset === undefined ? split.frontMatterLine - 1 : lineCounter.linePos(offset).line + split.frontMatterLine - 1;
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const message = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, error: { file: source.file, line: at(first.pos[0]), message: `the front matter is not valid YAML: ${message}` } };
  }
  const data = doc.toJS() ?? {};
  const parsed = FrontMatterSchema.safeParse(data);
  if (!parsed.success) {
    // An unknown field is usually a misspelt one, so it is the more useful thing to report.
    const issue = parsed.error.issues.find((i) => i.code === 'unrecognized_keys') ?? parsed.error.issues[0];
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0];
      const node = doc.getIn([...path, key], true) as { range?: [number, number, number] } | undefined;
      const pair = (doc.contents as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items?.find(
        (item) => item.key?.value === key,
      );
      return {
        ok: false,
        error: {
          file: source.file,
          line: at(pair?.key?.range?.[0] ?? node?.range?.[0]),
          message: `the front matter has an unknown field "${key}"${suggestion(key)}. ${FIELD_HINT}`,
        },
      };
    }
    const node = path.length > 0 ? (doc.getIn(path, true) as { range?: [number, number, number] } | undefined) : undefined;
    const field = path.length > 0 ? path.join('.') : '';
    const missing = issue.code === 'invalid_type' && node === undefined && path.length === 1;
    const message = missing
      ? `the front matter has no "${field}". ${FIELD_HINT}`
      : field
        ? `the front matter field "${field}" ${issue.message}`
        : `the front matter must be a list of fields. ${FIELD_HINT}`;
    return { ok: false, error: { file: source.file, line: at(node?.range?.[0]), message } };
  }
  return { ok: true, info: { ...parsed.data, title: parsed.data.title.trim(), locale: parsed.data.locale.trim() } };
}

// ---------------------------------------------------------------------------------------------------
// Body

const STANDALONE_TAGS = /^[ \t]*(?:\{%-?(?:[^%]|%(?!\}))*-?%\}[ \t]*)+\r?$/;

/**
 * A line that holds only tags produces no output, not even its line break, so that `{% if %}` and
 * `{% for %}` on lines of their own leave no blank lines inside lists and tables. The line count is
 * unchanged, so error lines stay right.
 */
function trimStandaloneTags(body: string): string {
  let inRaw = false;
  return body
    .split('\n')
    .map((line) => {
      if (inRaw) {
        if (/\{%-?\s*endraw\s*-?%\}/.test(line)) inRaw = false;
        return line;
      }
      if (/\{%-?\s*raw\s*-?%\}/.test(line) && !/\{%-?\s*endraw\s*-?%\}/.test(line)) {
        inRaw = true;
        return line;
      }
      if (!STANDALONE_TAGS.test(line)) return line;
      return line.replace(/\{%(?!-)/, '{%-').replace(/(?<!-)%\}(?=[ \t]*\r?$)/, '-%}');
    })
    .join('\n');
}

interface LiquidErrorLike {
  message: string;
  token?: { getPosition?: () => [number, number] };
  originalError?: Error;
}

/** A Liquid error as a TemplateError: the line counted from the top of the file, the message in words. */
export function liquidError(source: TemplateSource, bodyLineOffset: number, error: unknown): TemplateError {
  const e = error as LiquidErrorLike;
  const position = e?.token?.getPosition?.();
  let message = (e?.originalError?.message ?? e?.message ?? String(error)).replace(/, file:.*$/, '').replace(/, line:\d+, col:\d+$/, '');
  const variable = /^undefined variable: (.+)$/.exec(message);
  const filter = /^undefined filter: (.+)$/.exec(message);
  if (variable) message = `unknown variable "${variable[1]}": check its spelling; templates/README.md lists every variable`;
  else if (filter) message = `unknown filter "${filter[1]}": check its spelling; templates/README.md lists the filters`;
  else if (/^Failed to lookup|ENOENT/.test(message)) message = 'templates cannot read other files';
  // Tags on lines of their own get whitespace control added before parsing (trimStandaloneTags); an
  // error quotes the tag as the author wrote it.
  else message = message.replace(/\{%-\s?/g, '{% ').replace(/\s?-%\}/g, ' %}');
  return {
    file: source.file,
    ...(position ? { line: position[0] + bodyLineOffset, column: position[1] } : {}),
    message,
  };
}

// The shape of the context, from a workspace with nothing in it: every key a template may use exists
// there, so a global path that is not in it is a typo, found when the template is parsed, even
// inside a branch the current workspace never takes.
const EMPTY_WORKSPACE: Workspace = {
  format: 'candor/workspace',
  version: 1,
  organization: { name: 'x', jurisdictions: ['gdpr'] },
  purposes: [],
  recipients: [],
  collectionPoints: [],
  dataTypes: [],
  settings: {},
};
let shapeCache: DocumentContext | undefined;
function contextShape(): DocumentContext {
  shapeCache ??= buildContext(EMPTY_WORKSPACE, { id: 'shape', title: 'shape', locale: 'en' });
  return shapeCache;
}

type Segments = Array<string | number | Segments>;

function unknownPath(segments: Segments): string | undefined {
  let current: unknown = contextShape();
  const walked: string[] = [];
  for (const segment of segments) {
    if (typeof segment !== 'string') return undefined;
    if (Array.isArray(current) || typeof current === 'string') {
      return ['size', 'first', 'last'].includes(segment) ? undefined : [...walked, segment].join('.');
    }
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, segment)) {
      return [...walked, segment].join('.');
    }
    current = (current as Record<string, unknown>)[segment];
    walked.push(segment);
  }
  return undefined;
}

function checkVariables(source: TemplateSource, compiled: Template[], bodyLineOffset: number): TemplateError | undefined {
  const analysis = engine.analyzeSync(compiled, { partials: false });
  const problems: TemplateError[] = [];
  for (const variables of Object.values(analysis.globals)) {
    for (const variable of variables) {
      const path = unknownPath(variable.toArray());
      if (path) {
        problems.push({
          file: source.file,
          line: variable.location.row + bodyLineOffset,
          column: variable.location.col,
          message: `unknown variable "${path}": check its spelling; templates/README.md lists every variable`,
        });
      }
    }
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return problems[0];
}

// ---------------------------------------------------------------------------------------------------
// Public API

/** Parses one template: its front matter (checked) and its Liquid body (compiled and checked). */
export function parseTemplate(source: TemplateSource): ParseResult {
  const text = source.text.replace(/^\uFEFF/, '');
  const split = splitFrontMatter(text);
  if ('error' in split) return { ok: false, error: { file: source.file, line: split.line, message: split.error } };
  const front = parseFrontMatter(source, split);
  if (!front.ok) return front;
  let compiled: Template[];
  try {
    compiled = engine.parse(trimStandaloneTags(split.body), source.file);
  } catch (error) {
    return { ok: false, error: liquidError(source, split.bodyLineOffset, error) };
  }
  const problem = checkVariables(source, compiled, split.bodyLineOffset);
  if (problem) return { ok: false, error: problem };
  return { ok: true, template: { info: front.info, source, compiled, bodyLineOffset: split.bodyLineOffset } };
}

/**
 * The templates in use: the built-in ones, each replaced by a workspace template with the same id
 * (workspace templates with a new id are added). A workspace template that does not parse is reported
 * and takes its built-in out of use too, so a document never silently comes from the wrong template;
 * its id is read from its front matter, or else from its file name (`privacy-notice.md`).
 */
export function resolveTemplates(
  builtIn: TemplateSource[],
  overrides: TemplateSource[],
): { templates: ParsedTemplate[]; errors: TemplateError[] } {
  const errors: TemplateError[] = [];
  const byId = new Map<string, ParsedTemplate>();
  const order: string[] = [];
  const place = (template: ParsedTemplate) => {
    if (!byId.has(template.info.id)) order.push(template.info.id);
    byId.set(template.info.id, template);
  };
  const seenBuiltIn = new Map<string, string>();
  for (const source of builtIn) {
    const result = parseTemplate(source);
    if (!result.ok) {
      errors.push(result.error);
      continue;
    }
    const first = seenBuiltIn.get(result.template.info.id);
    if (first) {
      errors.push({
        file: source.file,
        line: 1,
        message: `the id "${result.template.info.id}" is already used by ${first}; give each template its own id`,
      });
      continue;
    }
    seenBuiltIn.set(result.template.info.id, source.file);
    place(result.template);
  }
  const seenOverride = new Map<string, string>();
  const broken = new Set<string>();
  for (const source of overrides) {
    const result = parseTemplate(source);
    if (!result.ok) {
      errors.push(result.error);
      broken.add(declaredId(source));
      continue;
    }
    const id = result.template.info.id;
    const first = seenOverride.get(id);
    if (first) {
      errors.push({
        file: source.file,
        line: 1,
        message: `the id "${id}" is already used by ${first} in the same folder; give each template its own id`,
      });
      continue;
    }
    seenOverride.set(id, source.file);
    place(result.template);
  }
  for (const id of broken) if (!seenOverride.has(id)) byId.delete(id);
  return { templates: order.filter((id) => byId.has(id)).map((id) => byId.get(id)!), errors };
}
