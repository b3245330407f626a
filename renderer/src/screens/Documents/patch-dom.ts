// Brings nodes already in the page in line with freshly parsed ones, touching only what differs. The
// document preview uses it when a section's HTML changed: a summary table of 2,000 rows in which one
// cell changed keeps its other 1,999 rows, so the browser neither parses, shapes nor lays out again
// what the reader already sees (replacing the table took half a second at that size).

function sameAttributes(a: Element, b: Element): boolean {
  if (a.attributes.length !== b.attributes.length) return false;
  for (const attribute of Array.from(a.attributes)) if (b.getAttribute(attribute.name) !== attribute.value) return false;
  return true;
}

/** Makes `current` (in the page) look like `next` (not in the page); returns the node that is now in the page. */
function patchNode(current: ChildNode, next: ChildNode): ChildNode {
  if (current.isEqualNode(next)) return current;
  if (current.nodeType === Node.TEXT_NODE && next.nodeType === Node.TEXT_NODE) {
    (current as Text).data = (next as Text).data;
    return current;
  }
  if (current instanceof Element && next instanceof Element && current.tagName === next.tagName && sameAttributes(current, next)) {
    patchChildren(current, Array.from(current.childNodes), Array.from(next.childNodes), null);
    return current;
  }
  current.replaceWith(next);
  return next;
}

/**
 * Makes the run of nodes `current` (children of `parent`, followed there by `end`) look like `next`:
 * nodes equal at the start and at the end stay; those between are patched pairwise; what is left over
 * is removed or inserted. Returns the nodes now in the page, in order.
 */
export function patchChildren(parent: Node, current: ChildNode[], next: ChildNode[], end: ChildNode | null): ChildNode[] {
  let start = 0;
  while (start < current.length && start < next.length && current[start].isEqualNode(next[start])) start++;
  let currentEnd = current.length;
  let nextEnd = next.length;
  while (currentEnd > start && nextEnd > start && current[currentEnd - 1].isEqualNode(next[nextEnd - 1])) {
    currentEnd--;
    nextEnd--;
  }
  const result = current.slice(0, start);
  const paired = Math.min(currentEnd - start, nextEnd - start);
  for (let i = 0; i < paired; i++) result.push(patchNode(current[start + i], next[start + i]));
  for (let i = start + paired; i < currentEnd; i++) current[i].remove();
  // New nodes go where the unchanged end begins (or where the run ended).
  const anchor = currentEnd < current.length ? current[currentEnd] : end;
  for (let i = start + paired; i < nextEnd; i++) {
    parent.insertBefore(next[i], anchor);
    result.push(next[i]);
  }
  result.push(...current.slice(currentEnd));
  return result;
}

/**
 * How many characters `a` and `b` share at their start (or end), up to `limit`. Found by halving, each
 * step comparing one stretch of both strings at once: a summary table's section is some 300 kB, which
 * compared a character at a time took about a millisecond per edit, against 0.01 ms.
 */
export function sharedLength(a: string, b: string, from: 'start' | 'end', limit: number): number {
  const stretch = (s: string, lo: number, hi: number) => (from === 'start' ? s.slice(lo, hi) : s.slice(s.length - hi, s.length - lo));
  let known = 0;
  while (known < limit) {
    const next = (known + limit + 1) >> 1;
    if (stretch(a, known, next) === stretch(b, known, next)) known = next;
    else limit = next - 1;
  }
  return known;
}
