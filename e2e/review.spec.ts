// The Review screen in the browser: a finding opens the field it is about, fixing the field makes the
// finding go and the badge count drop; a store label downloads through the browser, and the record of
// processing saves to a typed path, the web mode's other choice.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { serializeWorkspace } from '../core/canonical';
import { countFindings, lintWorkspace } from '../core/lint';
import type { Workspace } from '../core/schema';
import { PLAY_CSV_HEADER } from '../core/stores/play';
import { count } from '../core/words';
import { ReviewPage } from './pages/ReviewPage';
import { REPO_ROOT } from './support/candor-server';
import { expect, test } from './support/fixtures';

/** Two data types of the sample lose their benefit: two "No benefit" errors. */
const WITHOUT_BENEFIT = ['display-name', 'emergency-contact'];
const NEW_BENEFIT = 'Friends see who wrote a trail report, so they know whom to thank.';

test.use({
  seed: {
    async write(file: string) {
      const sample = JSON.parse(await readFile(join(REPO_ROOT, 'resources', 'examples', 'ridgeline.candor.json'), 'utf8')) as Workspace;
      for (const id of WITHOUT_BENEFIT) {
        const dataType = sample.dataTypes.find((d) => d.id === id);
        if (!dataType?.benefit) throw new Error(`the sample has no data type "${id}" with a benefit to remove`);
        delete dataType.benefit;
      }
      await writeFile(file, serializeWorkspace(sample));
    },
  },
});

test('fixing a finding from the Review screen makes it disappear and the badge count drop', async ({
  app,
  page,
  editor,
  initialWorkspace,
  savedWorkspace,
}) => {
  const review = new ReviewPage(page);
  const counts = countFindings(lintWorkspace(initialWorkspace));
  const index = initialWorkspace.dataTypes.findIndex((d) => d.id === WITHOUT_BENEFIT[0]);
  const target = initialWorkspace.dataTypes[index];
  const other = initialWorkspace.dataTypes.find((d) => d.id === WITHOUT_BENEFIT[1])!;
  expect(counts.error, 'the seeded workspace has an error for each missing benefit').toBeGreaterThanOrEqual(2);

  await test.step('The navigation counts the errors and warnings', async () => {
    await expect(review.errorBadge).toContainText(count(counts.error, 'error'));
    await expect(review.warningBadge).toContainText(count(counts.warning, 'warning'));
  });

  await test.step('The Review screen lists the missing benefits among the errors', async () => {
    await review.open();
    const errors = review.group('Errors');
    await expect(errors.getByTestId('finding')).toHaveCount(counts.error);
    await expect(review.finding('missing-benefit')).toHaveCount(2);
    await expect(review.finding('missing-benefit', target.name)).toContainText(`${target.name} › benefit`);
  });

  await test.step('Clicking the finding opens the data type with the Benefit field focused', async () => {
    await review.finding('missing-benefit', `"${target.name}" has no benefit`).click();
    await editor.expectOpen(target.name);
    await expect(page).toHaveURL(
      new RegExp(`#/data-types/${target.id}\\?field=${encodeURIComponent(`dataTypes[${index}].benefit`).replace(/[[\]]/g, '\\$&')}$`),
    );
    await expect(editor.benefit).toBeFocused();
  });

  await test.step('Type the benefit where the focus already is', async () => {
    await page.keyboard.type(NEW_BENEFIT);
    await app.waitForSaved();
    expect((await savedWorkspace()).dataTypes[index].benefit).toBe(NEW_BENEFIT);
  });

  await test.step('Back on Review, the finding is gone and the error count dropped by one', async () => {
    await review.open();
    await expect(review.finding('missing-benefit')).toHaveCount(1);
    await expect(review.finding('missing-benefit', target.name)).toHaveCount(0);
    await expect(review.finding('missing-benefit', other.name)).toHaveCount(1);
    await expect(review.errorBadge).toContainText(count(counts.error - 1, 'error'));
    await expect(review.main.getByTestId('review-count-error')).toHaveText(
      `${counts.error - 1}${counts.error - 1 === 1 ? 'error' : 'errors'}`,
    );
  });
});

test('the Play Data safety CSV downloads from Store labels through the browser', async ({ app, page }) => {
  const review = new ReviewPage(page);
  await review.open();
  await review.openTab('Store labels');
  await review.main.getByRole('region', { name: 'Google Play' }).getByRole('button', { name: 'Data safety form (CSV)…' }).click();
  // The seeded workspace has review errors (missing benefits): the export shows them first and waits.
  const gate = page.getByRole('dialog', { name: /problems? the review calls (an )?errors?$/ });
  await expect(gate).toBeVisible();
  await expect(gate.getByText('has no benefit').first()).toBeVisible();
  await gate.getByRole('button', { name: 'Export anyway' }).click();
  await expect(gate).toBeHidden();
  await expect(review.exportDialog).toBeVisible();
  await expect(review.exportDialog).toContainText('data-safety.csv');
  const downloaded = page.waitForEvent('download');
  await review.exportDialog.getByRole('button', { name: 'Download', exact: true }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('data-safety.csv');
  await expect(review.exportDialog).toBeHidden();
  await expect(app.notification('Downloaded data-safety.csv')).toBeVisible();
  const text = await readFile(await download.path(), 'utf8');
  const rows = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data;
  expect(rows[0]).toEqual([...PLAY_CSV_HEADER]);
  expect(rows.length).toBeGreaterThan(100);
  for (const row of rows.slice(1)) expect(row).toHaveLength(PLAY_CSV_HEADER.length);
});

test("the record of processing still saves to a folder on this computer, the web mode's other choice", async ({ app, page, scratch }) => {
  const target = join(scratch, 'records', 'ropa.csv');
  await mkdir(join(scratch, 'records'));
  await app.goTo('Organization & settings');
  await page.getByRole('main').getByRole('button', { name: 'Record of processing' }).click();
  await page.getByRole('menuitem', { name: 'CSV…' }).click();
  // The same review errors come first.
  await page
    .getByRole('dialog', { name: /the review calls/ })
    .getByRole('button', { name: 'Export anyway' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Export the record of processing activities (CSV)' });
  await dialog.getByRole('button', { name: 'Save to a folder on this computer instead' }).click();
  const saveAs = dialog.getByRole('textbox', { name: 'Save as' });
  await expect(saveAs).toHaveValue(join(scratch, 'ropa.csv'));
  await saveAs.fill(target);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(app.notification('Exported the record of processing activities (CSV)')).toBeVisible();
  const rows = Papa.parse<string[]>((await readFile(target, 'utf8')).trimEnd(), { newline: '\r\n' }).data;
  expect(rows.length).toBeGreaterThan(1);
});
