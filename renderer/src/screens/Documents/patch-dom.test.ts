// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patchChildren, sharedLength } from './patch-dom';

function parse(html: string): ChildNode[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return Array.from(template.content.childNodes);
}

/** A container holding `html`, and the nodes it holds. */
function shown(html: string): { container: HTMLDivElement; nodes: ChildNode[] } {
  const container = document.createElement('div');
  container.innerHTML = html;
  return { container, nodes: Array.from(container.childNodes) };
}

const table = (rows: string[]) =>
  `<h2 id="summary">Summary</h2>\n<div class="table-scroll"><table><thead><tr><th>Data</th></tr></thead>\n<tbody>${rows
    .map((row) => `<tr><td>${row}</td></tr>`)
    .join('\n')}</tbody></table></div>\n`;

describe('patching shown nodes to match new HTML', () => {
  it('changes one cell of a table in place, keeping every other row node', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `Row ${i}`);
    const { container, nodes } = shown(table(rows));
    const before = Array.from(container.querySelectorAll('tr'));
    const edited = [...rows];
    edited[20] = 'Row 20, edited';
    const result = patchChildren(container, nodes, parse(table(edited)), null);
    expect(container.innerHTML).toBe(table(edited));
    const after = Array.from(container.querySelectorAll('tr'));
    expect(after.filter((row, i) => row !== before[i])).toEqual([]);
    expect(result).toEqual(Array.from(container.childNodes));
  });

  it('inserts and removes rows and blocks where they belong', () => {
    const rows = ['a', 'b', 'c', 'd'];
    const { container, nodes } = shown(`${table(rows)}<p>after</p>`);
    const kept = container.querySelectorAll('tr')[3];
    const next = `${table(['a', 'new', 'c', 'd', 'e'])}<p>after</p><ul><li>more</li></ul>`;
    const result = patchChildren(container, nodes, parse(next), null);
    expect(container.innerHTML).toBe(next);
    expect(container.querySelectorAll('tr')[3]).toBe(kept);
    expect(result).toEqual(Array.from(container.childNodes));
    const fewer = '<p>after</p>';
    expect(patchChildren(container, result, parse(fewer), null)).toEqual(Array.from(container.childNodes));
    expect(container.innerHTML).toBe(fewer);
  });

  it('replaces an element whose tag or attributes differ, and stays inside its own run of nodes', () => {
    const { container } = shown('<p>before</p><h2 id="a">Title</h2><p>text</p><p>next section</p>');
    const all = Array.from(container.childNodes);
    const run = all.slice(1, 3);
    const result = patchChildren(container, run, parse('<h2 id="b">Title</h2><ol><li>text</li></ol>'), all[3]);
    expect(container.innerHTML).toBe('<p>before</p><h2 id="b">Title</h2><ol><li>text</li></ol><p>next section</p>');
    expect(result).toEqual(Array.from(container.childNodes).slice(1, 3));
    expect(container.firstChild).toBe(all[0]);
    expect(container.lastChild).toBe(all[3]);
  });

  it('matches new HTML for any pair of lists of blocks (property)', () => {
    const block = fc.oneof(
      fc.constantFrom('a', 'b', 'c').map((t) => `<p>${t}</p>`),
      fc.array(fc.constantFrom('x', 'y', 'z'), { maxLength: 4 }).map((items) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`),
      fc.constantFrom('\n', '<h3 id="h">H</h3>', '<h3 id="k">H</h3>'),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), fc.array(block, { maxLength: 8 }), (from, to) => {
        const { container, nodes } = shown(`<hr>${from.join('')}`);
        const run = nodes.slice(1);
        const result = patchChildren(container, run, parse(to.join('')), null);
        expect(container.innerHTML).toBe(`<hr>${to.join('')}`);
        expect(result).toEqual(Array.from(container.childNodes).slice(1));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the length two strings share', () => {
  /** The same, a character at a time. */
  function slowly(a: string, b: string, from: 'start' | 'end', limit: number): number {
    let n = 0;
    const at = (s: string, i: number) => (from === 'start' ? s[i] : s[s.length - 1 - i]);
    while (n < limit && at(a, n) === at(b, n)) n++;
    return n;
  }

  it('is what comparing a character at a time gives, at the start and at the end, within the limit (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '<', 'é'), maxLength: 40 });
    fc.assert(
      fc.property(text, text, fc.nat(50), (a, b, cap) => {
        const shorter = Math.min(a.length, b.length);
        for (const from of ['start', 'end'] as const) {
          for (const limit of [shorter, Math.min(cap, shorter)]) expect(sharedLength(a, b, from, limit)).toBe(slowly(a, b, from, limit));
        }
      }),
    );
  });

  it("finds where a long table's one changed cell starts and ends", () => {
    const rows = (changed: string) =>
      Array.from({ length: 2000 }, (_, i) => `<tr>\n<td>${i === 1500 ? changed : `Row ${i}`}</td>\n</tr>\n`).join('');
    const before = rows('Row 1500');
    const after = rows('Row 1500, edited');
    const start = sharedLength(before, after, 'start', before.length);
    expect(before.slice(0, start)).toBe(after.slice(0, start));
    expect(before[start]).not.toBe(after[start]);
    expect(before.slice(start - 8, start)).toBe('Row 1500');
    expect(sharedLength(before, after, 'end', before.length - start)).toBe(before.length - start);
  });
});
