// The list-and-editor screens (purposes, recipients, collection points): a searchable list on the
// left, the selected entry's fields on the right, a confirmation before deleting a used entry.
import { expect, type Locator, type Page } from '@playwright/test';

export class EntityListPage {
  readonly list: Locator;
  readonly search: Locator;
  readonly editorTitle: Locator;
  readonly name: Locator;
  readonly idField: Locator;
  readonly deleteButton: Locator;
  readonly usedBy: Locator;
  readonly confirmation: Locator;

  constructor(
    readonly page: Page,
    readonly title: string,
    readonly singular: string,
  ) {
    const main = page.getByRole('main');
    this.list = main.getByRole('listbox', { name: title });
    this.search = main.getByRole('textbox', { name: `Search ${title.toLowerCase()}` });
    this.editorTitle = main.getByRole('heading', { level: 2 }).last();
    this.name = main.getByRole('textbox', { name: 'Name', exact: true });
    this.idField = main.getByRole('textbox', { name: 'Id', exact: true });
    this.deleteButton = main.getByRole('button', { name: 'Delete', exact: true });
    this.usedBy = main.getByRole('region', { name: 'Used by' });
    this.confirmation = page.getByRole('dialog', { name: new RegExp(`^Delete ${singular} “`) });
  }

  async expectOpen(): Promise<void> {
    await expect(this.list).toBeVisible();
  }

  /** The list entry whose first line is exactly this name. */
  entry(name: string): Locator {
    return this.list.getByRole('option').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async select(name: string): Promise<void> {
    await this.entry(name).click();
    await expect(this.entry(name)).toHaveAttribute('aria-selected', 'true');
    await expect(this.name).toHaveValue(name);
  }

  /** The names of every entry in the list, top to bottom. */
  async names(): Promise<string[]> {
    return this.list
      .getByRole('option')
      .evaluateAll((options) => options.map((option) => (option.querySelector('p') as HTMLElement).innerText.trim()));
  }

  async rename(to: string): Promise<void> {
    await this.name.fill(to);
    await this.name.blur();
  }
}

export class PurposesPage extends EntityListPage {
  constructor(page: Page) {
    super(page, 'Purposes', 'purpose');
  }
}

export class RecipientsPage extends EntityListPage {
  constructor(page: Page) {
    super(page, 'Recipients', 'recipient');
  }
}
