// The Review screen in the browser: a finding opens the field it is about, fixing the field makes the
// finding go and the badge count drop; and a store label exports through the web mode's path dialog.
import { readFile, writeFile } from 'node:fs/promises';
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

test('the Play Data safety CSV exports from Store labels through the path dialog', async ({ app, page, scratch }) => {
  const review = new ReviewPage(page);
  const target = join(scratch, 'data-safety.csv');
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
  const saveAs = review.exportDialog.getByRole('textbox', { name: 'Save as' });
  await expect(saveAs).toHaveValue(join(scratch, 'data-safety.csv'));
  await saveAs.fill(target);
  await review.exportDialog.getByRole('button', { name: 'Export' }).click();
  await expect(review.exportDialog).toBeHidden();
  await expect(app.notification('Exported the Google Play Data safety CSV')).toBeVisible();
  const text = await readFile(target, 'utf8');
  const rows = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data;
  expect(rows[0]).toEqual([...PLAY_CSV_HEADER]);
  expect(rows.length).toBeGreaterThan(100);
});
