// Loaded before every test file (vitest.config.ts setupFiles); does nothing outside the jsdom environment.
// Two of jsdom's answers are made faster here without changing them.
//
// jsdom finds a <label for="…">'s control by walking the whole document, and finds an input's labels by asking
// every node for its control: each getByLabelText after a change walks the tree once per label per input, which
// took seconds on the Organization screen (78 labels, 1,500 elements). A document already keeps an index of
// ids, so a label in a document asks it, and only when exactly one attached element has that id; anything else
// (duplicate ids, a label in a fragment or a shadow root) takes jsdom's own walk, so the answer is the same.
import { createRequire } from 'node:module';

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  const require = createRequire(import.meta.url);
  const { implementation: LabelImpl } = require('jsdom/lib/jsdom/living/nodes/HTMLLabelElement-impl.js') as {
    implementation: { prototype: object };
  };
  const { isLabelable } = require('jsdom/lib/jsdom/living/helpers/form-controls.js') as { isLabelable: (node: unknown) => boolean };
  const descriptor = Object.getOwnPropertyDescriptor(LabelImpl.prototype, 'control');
  const walk = descriptor?.get;
  if (walk && !(walk as { fast?: boolean }).fast) {
    type Node = {
      parentNode: Node | null;
      getAttributeNS(ns: null, name: string): string | null;
      hasAttributeNS(ns: null, name: string): boolean;
    };
    type Doc = Node & { _ids?: Record<string, Node[]>; nodeType: number };
    const fast = function control(this: Node & { getRootNode(options: object): Doc }) {
      const id = this.hasAttributeNS(null, 'for') ? this.getAttributeNS(null, 'for') : null;
      if (id) {
        const root = this.getRootNode({});
        // 9: a document, the only kind of root that keeps the id index.
        const candidates = root.nodeType === 9 ? root._ids?.[id] : undefined;
        if (candidates) {
          const attached = candidates.filter(
            (candidate) => (candidate as { getRootNode?(options: object): unknown }).getRootNode?.({}) === root,
          );
          if (attached.length === 1) return isLabelable(attached[0]) ? attached[0] : null;
        }
      }
      return walk.call(this);
    };
    (fast as { fast?: boolean }).fast = true;
    Object.defineProperty(LabelImpl.prototype, 'control', { ...descriptor, get: fast });
  }
}

// jsdom computes getComputedStyle afresh on every call, matching every style rule for the element and each
// of its ancestors, about 30 ms each on these screens; Mantine's popovers, scroll areas and autosizing text
// boxes ask hundreds of times per test (a third of the renderer tests' time). jsdom already keeps the matched
// declarations per element until anything in the document or its style sheets changes, by replacing the
// document's cache; the answer is kept for exactly as long, so it is the one jsdom would compute again.
// Elements outside the document, and pseudo-elements, are always computed afresh.
if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  const require = createRequire(import.meta.url);
  const { implForWrapper } = require('jsdom/lib/jsdom/living/generated/utils.js') as { implForWrapper: (wrapper: unknown) => unknown };
  const compute = window.getComputedStyle as typeof window.getComputedStyle & { memo?: boolean };
  if (!compute.memo) {
    type Impl = { _attached?: boolean; _ownerDocument?: { _styleCache?: object | null } };
    const answers = new WeakMap<object, WeakMap<object, CSSStyleDeclaration>>();
    const memo = function getComputedStyle(element: Element, pseudoElement?: string | null): CSSStyleDeclaration {
      const impl = implForWrapper(element) as Impl | undefined;
      if ((pseudoElement !== undefined && pseudoElement !== null && pseudoElement !== '') || !impl?._attached || !impl._ownerDocument) {
        return compute(element, pseudoElement);
      }
      const epoch = impl._ownerDocument._styleCache;
      const known = epoch ? answers.get(epoch)?.get(impl) : undefined;
      if (known) return known;
      const answer = compute(element, pseudoElement);
      // Computing it made jsdom's cache for this state of the document, if there was none.
      const now = impl._ownerDocument._styleCache;
      if (now) {
        let forEpoch = answers.get(now);
        if (!forEpoch) answers.set(now, (forEpoch = new WeakMap()));
        forEpoch.set(impl, answer);
      }
      return answer;
    };
    (memo as { memo?: boolean }).memo = true;
    window.getComputedStyle = memo as typeof window.getComputedStyle;
  }
}
