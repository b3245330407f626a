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
