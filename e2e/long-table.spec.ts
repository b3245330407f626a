// The preview of a large inventory: the summary's table of 150 rows is laid out row by row (see
// Documents.module.css) and must still read and look as one table: table semantics for assistive
// technology, columns that line up from the header to the last row, borders drawn once between cells.
import { expect, test } from './support/fixtures';
import { writeGeneratedWorkspace } from './support/generate-workspace';
import { DocumentsPage } from './pages/DocumentsPage';

const COUNT = 150;

test.use({ seed: { write: (file) => writeGeneratedWorkspace(file, COUNT) } });

test('the summary table of 150 data types reads and lines up as one table', async ({ app, page, initialWorkspace }) => {
  await expect(app.sectionLink('Data types')).toContainText(String(COUNT));
  const documents = new DocumentsPage(page);
  await documents.open();
  const table = documents.preview.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'What you get' }) });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(COUNT + 1);
  await expect(table.getByRole('columnheader')).toHaveCount(4);
  const last = initialWorkspace.dataTypes.at(-1)!;
  await expect(rows.last().getByRole('cell').first()).toHaveText(new RegExp(`^${last.name}`));

  /** Each cell's left and right edge and its border widths, for one row. */
  const edges = (index: number) =>
    rows.nth(index).evaluate((row) =>
      Array.from(row.children).map((cell) => {
        const box = cell.getBoundingClientRect();
        const style = getComputedStyle(cell);
        return {
          left: Math.round(box.left),
          right: Math.round(box.right),
          borderLeft: style.borderLeftWidth,
          borderTop: style.borderTopWidth,
        };
      }),
    );
  const header = await edges(0);
  expect(header).toHaveLength(4);
  // Columns of equal width that meet, as a table's with fixed layout.
  const widths = header.map((cell) => cell.right - cell.left);
  for (const width of widths) expect(Math.abs(width - widths[0])).toBeLessThanOrEqual(1);
  for (let i = 1; i < header.length; i++) expect(header[i].left).toBe(header[i - 1].right);
  expect(header.map((cell) => cell.borderLeft)).toEqual(['1px', '0px', '0px', '0px']);
  expect(header.map((cell) => cell.borderTop)).toEqual(['1px', '1px', '1px', '1px']);

  for (const index of [1, 75, COUNT]) {
    await rows.nth(index).scrollIntoViewIfNeeded();
    // Asked again until it holds: a row that has just come into view is laid out in a coming frame (a
    // full npm test once measured the first cell of one at 0 × 0). Columns that never line up still fail.
    await expect
      .poll(async () => (await edges(index)).map(({ left, right }) => [left, right]))
      .toEqual(header.map(({ left, right }) => [left, right]));
    const row = await edges(index);
    // One border between cells and between rows, not two.
    expect(row.map((cell) => cell.borderLeft)).toEqual(['1px', '0px', '0px', '0px']);
    expect(row.map((cell) => cell.borderTop)).toEqual(['0px', '0px', '0px', '0px']);
    const top = await rows.nth(index).boundingBox();
    const above = await rows.nth(index - 1).boundingBox();
    expect(Math.round(top!.y)).toBe(Math.round(above!.y + above!.height));
  }
});
