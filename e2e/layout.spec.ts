// Every screen keeps working in a 1,280×720 window and at 200% zoom. Browser zoom halves the width
// and height the page sees in CSS pixels (a device scale factor would not: it only sharpens), so 200%
// zoom of that window is a 640×360 viewport. The header's buttons, the navigation, the editor's first
// field and its list of sections must be in view and take a click there; nothing overflows sideways;
// an open dropdown never covers its own label.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** In view, and the element a click at its centre lands on is this one (nothing covers it). Retried,
 *  since the navigation slides in. */
async function expectClickable(locator: Locator) {
  await expect(locator).toBeInViewport();
  await expect(async () => {
    const box = (await locator.boundingBox())!;
    const hit = await locator.evaluate(
      (el, [x, y]) => el.contains(document.elementFromPoint(x, y)),
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(hit, 'nothing covers the centre of the control').toBe(true);
  }).toPass({ timeout: 5_000 });
}

async function expectNoSidewaysOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'the page is no wider than the window').toBeLessThanOrEqual(innerWidth);
}

const SIZES = [
  { name: '1,280×720', viewport: { width: 1280, height: 720 }, collapsedNav: false },
  { name: '200% zoom of 1,280×720', viewport: { width: 640, height: 360 }, collapsedNav: true },
];

for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport });

    test('header, navigation and the data type editor stay usable', async ({ app, page, editor }) => {
      await test.step('the header buttons are in view and take clicks', async () => {
        for (const button of [app.fileMenuButton, app.header.getByRole('button', { name: /Switch to (dark|light) theme/ })]) {
          await expectClickable(button);
        }
        await expectClickable(app.saveStatus);
        await expect(app.undoButton).toBeInViewport();
        await expect(app.redoButton).toBeInViewport();
        await app.fileMenuButton.click();
        await expect(page.getByRole('menuitem', { name: /Backups/ })).toBeVisible();
        await page.keyboard.press('Escape');
        await expectNoSidewaysOverflow(page);
      });

      await test.step('the navigation reaches every section', async () => {
        const menu = app.header.getByRole('button', { name: 'Open navigation' });
        if (size.collapsedNav) {
          // Folded behind a menu button, it opens over the page and closes once a section is chosen.
          await expect(app.sectionLink('Purposes')).not.toBeInViewport();
          await expectClickable(menu);
          await menu.click();
        } else {
          await expect(menu).toBeHidden();
        }
        await expectClickable(app.sectionLink('Purposes'));
        await app.sectionLink('Purposes').click();
        await expect(page).toHaveURL(/#\/purposes/);
        if (size.collapsedNav) {
          await expect(app.sectionLink('Purposes')).not.toBeInViewport();
          await menu.click();
        }
        await expectClickable(app.sectionLink('Data types'));
        await app.sectionLink('Data types').click();
        await expect(page.getByTestId('inventory-count')).toBeVisible();
        await expectNoSidewaysOverflow(page);
      });

      await test.step("the inventory's columns are all reachable", async () => {
        const table = page.getByRole('table', { name: 'Data types' });
        await expect(table.getByRole('button', { name: 'Sort by Name' })).toBeVisible();
        // Wider than the window, the table scrolls sideways with its header instead of cutting columns off.
        await page.getByTestId('inventory-rows').evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
        await expectClickable(table.getByRole('button', { name: 'Sort by Status' }));
        await expectNoSidewaysOverflow(page);
      });

      await test.step("the editor's first field takes typing", async () => {
        await page.goto(page.url().replace(/#.*$/, '#/data-types/email-address'));
        await expect(editor.title).toHaveText('Email address');
        await expectClickable(editor.name);
        await editor.name.click();
        await editor.name.press('End');
        await editor.name.type(' (work)');
        await expect(editor.title).toHaveText('Email address (work)');
        await expectClickable(page.getByRole('button', { name: 'Duplicate' }));
        await expectNoSidewaysOverflow(page);
      });

      await test.step('the list of sections jumps to a section and marks it', async () => {
        const parts = page.getByRole('navigation', { name: 'Parts of this data type' });
        const retention = parts.getByRole('button', { name: 'How long it is kept' });
        if (size.collapsedNav) await retention.scrollIntoViewIfNeeded();
        await expectClickable(retention);
        await retention.click();
        await expect(retention).toHaveAttribute('aria-current', 'location');
        await expect(
          page.getByRole('region', { name: 'How long it is kept' }).getByRole('heading', { name: 'How long it is kept' }),
        ).toBeInViewport();
        await expect(page.getByRole('region', { name: 'How long it is kept' })).toBeFocused();
        // The list stays on screen while the form scrolls under it.
        await expect(parts).toBeInViewport();
      });

      await test.step('an open dropdown does not cover its label', async () => {
        const region = page.getByRole('region', { name: 'What it is' });
        const subjects = region.getByRole('combobox', { name: 'Subjects' });
        // Bring the field near the bottom of the window, where its dropdown has to open upwards.
        await subjects.evaluate((el) => el.scrollIntoView({ block: 'end' }));
        await subjects.click();
        const listbox = page.getByRole('listbox').filter({ visible: true }).first();
        await expect(listbox).toBeVisible();
        const label = (await region.getByText('Subjects', { exact: true }).first().boundingBox())!;
        const input = (await subjects.boundingBox())!;
        const list = (await listbox.boundingBox())!;
        const below = list.y >= input.y + input.height - 1;
        const above = list.y + list.height <= label.y + 1;
        expect(
          below || above,
          `dropdown ${JSON.stringify(list)} clears label ${JSON.stringify(label)} and input ${JSON.stringify(input)}`,
        ).toBe(true);
        await page.keyboard.press('Escape');
      });
    });
  });
}
