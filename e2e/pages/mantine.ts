// Mantine's Select and Combobox render their options in a portal at the end of <body>, so an
// option is found on the page, not inside the input that opened it.
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens a Select (by its combobox) and clicks the option with exactly this name. */
export async function chooseOption(page: Page, combobox: Locator, option: string): Promise<void> {
  await combobox.click();
  const choice = page.getByRole('option', { name: option, exact: true });
  await expect(choice).toBeVisible();
  await choice.click();
  await expect(page.getByRole('option', { name: option, exact: true })).toBeHidden();
}

/** Clears a clearable Select through its own clear button (the one after the input). */
export async function clearSelect(combobox: Locator): Promise<void> {
  await combobox.focus();
  await combobox.press('Escape');
  await combobox.locator('xpath=..').locator('button').click();
}
