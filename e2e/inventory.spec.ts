// The inventory at scale: 2,000 data types open, render as a virtual list, and stay searchable,
// filterable, sortable and keyboard-navigable.
import type { Workspace } from '../core/schema';
import { categoryLabel } from '../core/taxonomy';
import { expect, test } from './support/fixtures';
import { GENERATED_CATEGORIES, pad, writeGeneratedWorkspace } from './support/generate-workspace';

const COUNT = 2000;

test.use({ seed: { write: (file) => writeGeneratedWorkspace(file, COUNT) } });

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });

test('2,000 data types open as a virtual list that search, scrolling and the keyboard can reach', async ({
  app,
  page,
  inventory,
  editor,
  initialWorkspace,
}) => {
  const dataTypes = initialWorkspace.dataTypes;
  expect(dataTypes).toHaveLength(COUNT);

  await test.step('the count says 2000 and far fewer rows are in the page', async () => {
    await expect(inventory.count).toHaveText(String(COUNT));
    await expect(app.sectionLink('Data types')).toContainText(String(COUNT));
    await expect(inventory.row(dataTypes[0].name)).toBeInViewport();
    const rendered = await inventory.rows.count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    await expect(inventory.table).toHaveAttribute('aria-rowcount', String(COUNT + 1));
  });

  await test.step('search narrows the list', async () => {
    const target = dataTypes[1233];
    await inventory.search.fill(`record ${pad(1234)}`);
    await expect(inventory.count).toHaveText(`1 of ${COUNT}`);
    await expect(inventory.rows).toHaveCount(1);
    await expect(inventory.row(target.name)).toBeVisible();
    await inventory.search.fill('Quartz record');
    const quartz = dataTypes.filter((d) => d.name.startsWith('Quartz record')).length;
    await expect(inventory.count).toHaveText(`${quartz} of ${COUNT}`);
    await inventory.search.fill('no such data type anywhere');
    await expect(page.getByText('No data types match')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(inventory.count).toHaveText(String(COUNT));
  });

  await test.step('scrolling to the end shows the last data type', async () => {
    const last = dataTypes[COUNT - 1];
    await expect(inventory.row(last.name)).toHaveCount(0);
    await inventory.body.evaluate((body) => body.scrollTo({ top: body.scrollHeight }));
    await expect(inventory.row(last.name)).toBeInViewport();
    await expect(inventory.row(dataTypes[0].name)).toHaveCount(0);
    expect(await inventory.rows.count()).toBeLessThan(100);
    await inventory.body.evaluate((body) => body.scrollTo({ top: 0 }));
    await expect(inventory.row(dataTypes[0].name)).toBeInViewport();
  });

  await test.step('↓ and Enter open the data type the keyboard is on', async () => {
    await inventory.body.focus();
    await expect(inventory.body.getByRole('row', { selected: true })).toContainText(dataTypes[0].name);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(inventory.body.getByRole('row', { selected: true })).toContainText(dataTypes[2].name);
    await page.keyboard.press('Enter');
    await editor.expectOpen(dataTypes[2].name);
    await expect(editor.idField).toHaveValue(dataTypes[2].id);
    await page.keyboard.press('Escape');
    await inventory.expectOpen();
  });

  await test.step('End jumps to the last data type, which Enter opens', async () => {
    await inventory.body.focus();
    await page.keyboard.press('End');
    const last = dataTypes[COUNT - 1];
    await expect(inventory.body.getByRole('row', { selected: true })).toContainText(last.name);
    await expect(inventory.row(last.name)).toBeInViewport();
    await page.keyboard.press('Enter');
    await editor.expectOpen(last.name);
  });

  await test.step('Enter in the search box opens the first match', async () => {
    await editor.backLink.click();
    await inventory.search.fill(`record ${pad(777)}`);
    await expect(inventory.count).toHaveText(`1 of ${COUNT}`);
    await inventory.search.press('Enter');
    await editor.expectOpen(dataTypes[776].name);
  });
});

test('filters by category, purpose, recipient and status', async ({ inventory, initialWorkspace }) => {
  const dataTypes = initialWorkspace.dataTypes;
  const expectFiltered = async (matching: Workspace['dataTypes'], check: (row: ReturnType<typeof inventory.row>) => Promise<void>) => {
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.length).toBeLessThan(COUNT);
    await expect(inventory.count).toHaveText(`${matching.length} of ${COUNT}`);
    // The top of the list is the first matches in file order, and each shows why it matched.
    const names = await inventory.columnTexts('Name');
    expect(names.slice(0, 5)).toEqual(matching.slice(0, 5).map((d) => d.name));
    for (const dataType of matching.slice(0, 3)) await check(inventory.row(dataType.name));
  };

  await test.step('category', async () => {
    const category = GENERATED_CATEGORIES[2];
    await inventory.filterBy('category', categoryLabel(category));
    await expectFiltered(
      dataTypes.filter((d) => d.category === category),
      (row) => expect(inventory.cell(row, 'Category')).toHaveText(categoryLabel(category)),
    );
    await inventory.clearFilters();
    await expect(inventory.count).toHaveText(String(COUNT));
  });

  await test.step('purpose', async () => {
    const purpose = initialWorkspace.purposes[4];
    await inventory.filterBy('purpose', purpose.name);
    await expectFiltered(
      dataTypes.filter((d) => d.purposes.includes(purpose.id)),
      (row) => expect(inventory.cell(row, 'Purposes')).toContainText(purpose.name),
    );
    await inventory.clearFilters();
  });

  await test.step('recipient', async () => {
    const recipient = initialWorkspace.recipients[3];
    await inventory.filterBy('recipient', recipient.name);
    await expectFiltered(
      dataTypes.filter((d) => d.recipients?.includes(recipient.id)),
      (row) => expect(inventory.cell(row, 'Recipients')).toHaveText(recipient.name),
    );
    await inventory.clearFilters();
  });

  await test.step('status, and no status', async () => {
    await inventory.filterBy('status', 'In review');
    await expectFiltered(
      dataTypes.filter((d) => d.status === 'in-review'),
      (row) => expect(inventory.cell(row, 'Status')).toHaveText('In review'),
    );
    await inventory.filterBy('status', 'No status');
    await expectFiltered(
      dataTypes.filter((d) => d.status === undefined),
      (row) => expect(inventory.cell(row, 'Status')).toHaveText('—'),
    );
  });

  await test.step('filters combine', async () => {
    await inventory.clearFilters();
    const purpose = initialWorkspace.purposes[1];
    await inventory.filterBy('purpose', purpose.name);
    await inventory.filterBy('status', 'Approved');
    const matching = dataTypes.filter((d) => d.purposes.includes(purpose.id) && d.status === 'approved');
    await expect(inventory.count).toHaveText(`${matching.length} of ${COUNT}`);
    await inventory.clearFilters();
    await expect(inventory.count).toHaveText(String(COUNT));
  });
});

test('sorts by name both ways', async ({ inventory, initialWorkspace }) => {
  const names = initialWorkspace.dataTypes.map((d) => d.name);
  const ascending = [...names].sort(byName);
  // The file order is not already sorted, so a sort that did nothing would fail.
  expect(names.slice(0, 8)).not.toEqual(ascending.slice(0, 8));

  await inventory.sortBy('Name', 'ascending');
  expect((await inventory.columnTexts('Name')).slice(0, 8)).toEqual(ascending.slice(0, 8));

  await inventory.sortBy('Name', 'descending');
  expect((await inventory.columnTexts('Name')).slice(0, 8)).toEqual([...ascending].reverse().slice(0, 8));

  // Scrolled to the end of the descending list: the name that sorts first.
  await inventory.body.evaluate((body) => body.scrollTo({ top: body.scrollHeight }));
  await expect(inventory.row(ascending[0])).toBeInViewport();
  await expect(inventory.count).toHaveText(String(names.length));
});
