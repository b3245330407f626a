// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { markdownToSafeHtml } from '../../../../core/documents/html';
import { SectionedHtml, type HtmlSection } from '../../../../core/documents/html-sections';
import { largeNoticeMarkdown } from '../../../../core/documents/testing/large-notice';
import { SectionedPreview } from './SectionedPreview';

afterEach(cleanup);

/** HTML as the page holds it once parsed (`<hr>`, not `<hr />`). */
function asParsed(html: string): string {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  return holder.innerHTML;
}

/** The preview's HTML without its group elements: what the document's own nodes are. */
function ungrouped(container: HTMLElement): string {
  const root = container.firstElementChild as HTMLElement;
  return Array.from(root.children)
    .map((group) => group.innerHTML)
    .join('');
}

function show(markdown: string) {
  const sections = new SectionedHtml();
  const view = render(<SectionedPreview sections={sections.render(markdown)} />);
  return {
    ...view,
    update(next: string) {
      act(() => view.rerender(<SectionedPreview sections={sections.render(next)} />));
    },
  };
}

describe('the sectioned preview', () => {
  it('holds exactly the nodes of the whole HTML, in groups that each start at a section', () => {
    const markdown = largeNoticeMarkdown(300);
    const { container } = show(markdown);
    expect(ungrouped(container)).toBe(asParsed(markdownToSafeHtml(markdown)));
    const groups = Array.from(container.firstElementChild!.children);
    expect(groups.length).toBeGreaterThan(3);
    expect(groups.length).toBeLessThan(100);
    for (const group of groups.slice(1)) expect(group.firstElementChild!.tagName).toMatch(/^H[1-4]$/);
  });

  it('after an edit changes only the nodes of what changed', () => {
    const markdown = largeNoticeMarkdown(200);
    const view = show(markdown);
    const items = Array.from(view.container.querySelectorAll('li, td, h3'));
    // One cell of the summary table: the row of data type 150.
    const edited = markdown
      .split('\n')
      .map((line) => (line.startsWith('| Data type 150 (') ? line.replace('You can sign in', 'You can sign in quickly') : line))
      .join('\n');
    expect(edited).not.toBe(markdown);
    view.update(edited);
    expect(ungrouped(view.container)).toBe(asParsed(markdownToSafeHtml(edited)));
    const after = Array.from(view.container.querySelectorAll('li, td, h3'));
    expect(after).toHaveLength(items.length);
    const replaced = after.filter((node, i) => node !== items[i]);
    // The cell is patched in place: no element is replaced, and the 199 other rows stay as they were.
    expect(replaced).toEqual([]);
    expect(view.container.textContent).toContain('You can sign in quickly');
  });

  it('patches one row of a long table alone, and the whole table when rows come or go', () => {
    const markdown = largeNoticeMarkdown(150);
    const view = show(markdown);
    const lines = markdown.split('\n');
    const rowAt = (name: string) => lines.findIndex((line) => line.startsWith(`| ${name} (`));
    const edit = (change: (rows: string[]) => void): string => {
      const next = [...lines];
      change(next);
      return next.join('\n');
    };
    const first = rowAt('Data type 1');
    const last = rowAt('Data type 150');
    expect(first).toBeGreaterThan(0);
    expect(last).toBeGreaterThan(first);
    const steps = [
      // a cell of the first, a middle and the last row
      edit((rows) => (rows[first] = rows[first].replace('You can sign in', 'You sign in'))),
      edit((rows) => (rows[first + 70] = rows[first + 70].replace('|', '| Renamed'))),
      edit((rows) => (rows[last] = rows[last].replace('You can sign in', 'You can sign in <b>now</b> & then'))),
      // a row added, one removed, two edited at once
      edit((rows) => rows.splice(first + 5, 0, rows[first + 5].replace('Data type', 'Extra type'))),
      edit((rows) => rows.splice(first + 5, 1)),
      edit((rows) => {
        rows[first + 2] = rows[first + 2].replace('You can sign in', 'A');
        rows[first + 3] = rows[first + 3].replace('You can sign in', 'B');
      }),
      markdown,
    ];
    for (const step of steps) {
      const rowsBefore = Array.from(view.container.querySelectorAll('tr'));
      view.update(step);
      expect(ungrouped(view.container)).toBe(asParsed(markdownToSafeHtml(step)));
      const rowsAfter = Array.from(view.container.querySelectorAll('tr'));
      if (rowsAfter.length === rowsBefore.length) {
        // Rows that did not change keep their element.
        const kept = rowsAfter.filter((row, i) => row === rowsBefore[i]).length;
        expect(kept).toBeGreaterThanOrEqual(rowsAfter.length - 2);
      }
    }
  });

  it('follows sections that are added, removed and reordered, and groups that start or stop', () => {
    const sections = (names: string[]): string => `# Notice\n\nIntro.\n\n${names.map((n) => `## ${n}\n\nAbout ${n}.\n`).join('\n')}`;
    const many = Array.from({ length: 120 }, (_, i) => `Part ${i}`);
    const view = show(sections(many));
    const steps = [
      many.slice(10),
      ['New first', ...many.slice(10)],
      [...many.slice(60), ...many.slice(0, 60)],
      many.filter((_, i) => i % 3 !== 0),
      ['Only'],
      many,
    ];
    for (const step of steps) {
      view.update(sections(step));
      expect(ungrouped(view.container)).toBe(asParsed(markdownToSafeHtml(sections(step))));
    }
  });

  it('shows the element catalogue as the whole HTML does', () => {
    const everyElement = readFileSync(resolve('core/documents/fixtures/every-element.md'), 'utf8');
    const { container } = show(everyElement);
    expect(ungrouped(container)).toBe(asParsed(markdownToSafeHtml(everyElement)));
  });

  it('starts a group only at a heading of level 1 to 4, decided by the section itself', () => {
    const sections: HtmlSection[] = Array.from({ length: 400 }, (_, i) => ({ key: `s${i}`, depth: (i % 6) + 1, html: `<p>${i}</p>` }));
    const { container } = render(<SectionedPreview sections={sections} />);
    const starts = Array.from(container.firstElementChild!.children).map((group) => Number(group.firstElementChild!.textContent));
    expect(starts[0]).toBe(0);
    for (const start of starts.slice(1)) expect(sections[start].depth).toBeLessThanOrEqual(4);
  });
});
