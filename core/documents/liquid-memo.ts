// A `for` tag that remembers what each iteration printed, so that re-rendering a document after one
// edit re-renders only the iterations whose inputs changed. At 2,000 data types the privacy notice
// is some 1.3 MB of Markdown; the live preview renders it on every edit.
//
// An iteration's output is a function of what its body reads: the loop item, the loop counters when
// the body reads `forloop`, every other variable the body reads (found by LiquidJS's static
// analysis), and the values that `assign` and `capture` inside the body see before they run. The tag
// keeps, per loop item, the output of its last iteration together with all of those inputs, and
// reuses the output only when every input is the same value (or, for a list or group of values, the
// same object). Document contexts are built fresh or reused whole (context.ts), never changed in
// place, so the same object means the same content. What `assign` and `capture` leave behind is
// replayed, so the rest of the template sees what a full render would have left.
//
// A body that changes state other than its own variables (increment, decrement, cycle) or that
// leaves its loop early (break, continue) is always rendered afresh, as is an iteration whose inputs
// include anything that is not plain data.
import {
  ForTag,
  Tag,
  type Context,
  type Emitter,
  type Liquid,
  type Parser,
  type TagToken,
  type Template,
  type TopLevelToken,
} from 'liquidjs';

/** Tags whose effect reaches beyond the output and the variables the analysis reports. */
const STATEFUL_TAGS = new Set(['increment', 'decrement', 'cycle', 'break', 'continue', 'include', 'render', 'layout']);

/** What a body reads, and what it may write, found once per `for` tag. */
interface BodyPlan {
  /** paths of the variables the body reads, other than the loop item and `forloop` */
  paths: (readonly string[])[];
  /** whether the body reads `forloop` (index, first, last, …) */
  counters: boolean;
  /** names the body assigns or captures */
  locals: string[];
}

interface Memo {
  inputs: unknown[];
  output: string;
  /** the local variables after the iteration, `ABSENT` for one that was not set */
  after: unknown[];
}

const ABSENT = Symbol('absent');
/** An input that is not plain data: the iteration is rendered afresh. */
const OPAQUE = Symbol('opaque');

function isPlainData(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function stateful(templates: Template[]): boolean {
  for (const template of templates) {
    if (template instanceof Tag) {
      if (STATEFUL_TAGS.has(template.name)) return true;
      // `offset: continue` reads where an earlier loop over the same list stopped.
      if (template instanceof ForTag && Object.keys(template.hash.hash).length > 0) return true;
    }
    const withChildren = template as Template;
    if (withChildren.children && stateful(drain(withChildren.children(false, true)))) return true;
  }
  return false;
}

/** Runs a synchronous LiquidJS generator to its result. */
function drain<T>(generator: Generator<unknown, T>): T {
  let step = generator.next();
  while (!step.done) step = generator.next(step.value);
  return step.value;
}

function planBody(liquid: Liquid, templates: Template[], variable: string): BodyPlan | undefined {
  if (stateful(templates)) return undefined;
  const analysis = liquid.analyzeSync(templates, { partials: false });
  const paths = new Map<string, string[]>();
  let counters = false;
  for (const [root, uses] of Object.entries(analysis.globals)) {
    if (root === variable) continue;
    if (root === 'forloop') {
      counters = true;
      continue;
    }
    for (const use of uses) {
      // The literal part of the path: `a.b[c].d` is keyed on `a.b`, which holds whatever `[c]` picks.
      const literal: string[] = [];
      for (const segment of use.segments) {
        if (typeof segment !== 'string') break;
        literal.push(segment);
      }
      paths.set(literal.join('\u0000'), literal);
    }
  }
  const locals = Object.keys(analysis.locals);
  return { paths: [...paths.values()], counters, locals };
}

/**
 * The value an input path stands for: it follows own properties of plain data as far as they go, so
 * `list.size` is keyed on the list itself, and a value that is not plain data is opaque.
 */
function inputValue(ctx: Context, path: readonly string[]): unknown {
  let value: unknown;
  try {
    value = ctx.getSync([path[0]]);
  } catch {
    // Undefined under strict variables: the body will fail the same way when it is rendered.
    return ABSENT;
  }
  for (let i = 1; i < path.length; i++) {
    if (typeof value !== 'object' || value === null) break;
    if (!isPlainData(value)) return OPAQUE;
    if (Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, path[i])) break;
    value = (value as Record<string, unknown>)[path[i]];
  }
  if (typeof value === 'object' && value !== null && !isPlainData(value)) return OPAQUE;
  return value;
}

function sameInputs(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

interface Forloop {
  index0(): number;
  length: number;
}

/** Limit on remembered iterations over values that are not objects (names, numbers). */
const MAX_PRIMITIVE_MEMOS = 20_000;

/** The body of one `for` tag, rendered per iteration through the memo. */
class MemoBody implements Template {
  private readonly byObject = new WeakMap<object, Memo>();
  private readonly byValue = new Map<unknown, Memo>();

  constructor(
    readonly token: TagToken,
    private readonly liquid: Liquid,
    private readonly templates: Template[],
    private readonly variable: string,
    private readonly plan: BodyPlan,
  ) {}

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const item = ctx.getSync([this.variable]);
    const inputs = this.inputs(ctx);
    const memoable = typeof item !== 'object' || item === null || isPlainData(item);
    const cacheable = memoable && !inputs.includes(OPAQUE);
    const memo = cacheable ? this.recall(item) : undefined;
    const bottom = ctx.bottom() as Record<string, unknown>;
    if (memo && sameInputs(memo.inputs, inputs)) {
      emitter.write(memo.output);
      this.plan.locals.forEach((name, index) => {
        const value = memo.after[index];
        if (value === ABSENT) delete bottom[name];
        else bottom[name] = value;
      });
      return;
    }
    const output = (yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string;
    emitter.write(output);
    if (!cacheable) return;
    const after = this.plan.locals.map((name) => (Object.prototype.hasOwnProperty.call(bottom, name) ? bottom[name] : ABSENT));
    this.remember(item, { inputs, output, after });
  }

  private inputs(ctx: Context): unknown[] {
    const inputs: unknown[] = [];
    if (this.plan.counters) {
      const forloop = ctx.getSync(['forloop']) as Forloop;
      inputs.push(forloop.index0(), forloop.length);
    }
    for (const path of this.plan.paths) inputs.push(inputValue(ctx, path));
    const bottom = ctx.bottom() as Record<string, unknown>;
    for (const name of this.plan.locals) inputs.push(Object.prototype.hasOwnProperty.call(bottom, name) ? bottom[name] : ABSENT);
    return inputs;
  }

  private recall(item: unknown): Memo | undefined {
    return typeof item === 'object' && item !== null ? this.byObject.get(item) : this.byValue.get(item);
  }

  private remember(item: unknown, memo: Memo): void {
    if (typeof item === 'object' && item !== null) {
      this.byObject.set(item, memo);
      return;
    }
    if (this.byValue.size >= MAX_PRIMITIVE_MEMOS) this.byValue.clear();
    this.byValue.set(item, memo);
  }
}

/**
 * LiquidJS's `for`, with each iteration's output remembered (see above). Static analysis still sees
 * the body as written: `children()` gives the parsed templates, not the memo.
 */
export class MemoForTag extends ForTag {
  private readonly body: Template[];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid, parser);
    this.body = this.templates;
    const plan = planBody(liquid, this.templates, this.variable);
    if (plan) this.templates = [new MemoBody(token, liquid, this.body, this.variable, plan)];
  }

  // eslint-disable-next-line require-yield -- LiquidJS reads children() as a generator's result, as its own tags give it
  *children(): Generator<unknown, Template[]> {
    return [...this.body, ...this.elseTemplates];
  }
}
