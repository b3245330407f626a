// The data types screen: a virtualised table with search, filters and sortable columns.
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './mantine';

export const INVENTORY_COLUMNS = ['Name', 'Category', 'Purposes', 'Retention', 'Recipients', 'Status'] as const;
export type InventoryColumn = (typeof INVENTORY_COLUMNS)[number];
export type InventoryFilter = 'category' | 'purpose' | 'recipient' | 'status';

export class InventoryPage {
  readonly heading: Locator;
  readonly count: Locator;
  readonly search: Locator;
  readonly addButton: Locator;
  readonly table: Locator;
  /** the scrolling body of the table, which holds the keyboard focus */
  readonly body: Locator;
  /** the data rows currently in the DOM (the header row is outside the body) */
  readonly rows: Locator;
  readonly addDialog: Locator;
  readonly librarySearch: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: 'Data types', level: 2 });
    this.count = page.getByTestId('inventory-count');
    this.search = page.getByRole('textbox', { name: 'Search data types' });
    this.addButton = main.getByRole('button', { name: /^Add (a )?data type$/ });
    this.table = page.getByRole('table', { name: 'Data types' });
    this.body = page.getByTestId('inventory-rows');
    this.rows = this.body.getByRole('row');
    this.addDialog = page.getByRole('dialog', { name: 'Add a data type' });
    this.librarySearch = this.addDialog.getByRole('textbox', { name: 'Search the library' });
  }

  async expectOpen(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  filter(kind: InventoryFilter): Locator {
    return this.page.getByRole('combobox', { name: `Filter by ${kind}` });
  }

  async filterBy(kind: InventoryFilter, option: string): Promise<void> {
    await chooseOption(this.page, this.filter(kind), option);
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: 'Clear', exact: true }).click();
  }

  /** The row whose Name cell is exactly this name. */
  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('button', { name, exact: true }) });
  }

  /**
   * Scrolls the virtual list down, half a window at a time as a person would, until the row named
   * `name` is in the page (rows far below the window are not rendered until then).
   */
  async reveal(name: string): Promise<Locator> {
    const row = this.row(name);
    for (let step = 0; step < 100 && (await row.count()) === 0; step++) {
      const atEnd = await this.body.evaluate((body) => {
        const before = body.scrollTop;
        body.scrollBy(0, body.clientHeight / 2);
        return body.scrollTop === before;
      });
      if (atEnd) break;
    }
    await expect(row).toHaveCount(1);
    return row;
  }

  cell(row: Locator, column: InventoryColumn): Locator {
    return row.getByRole('cell').nth(INVENTORY_COLUMNS.indexOf(column));
  }

  /** The text of one column for every row now in the DOM, top to bottom. */
  async columnTexts(column: InventoryColumn): Promise<string[]> {
    const index = INVENTORY_COLUMNS.indexOf(column);
    // Rows are absolutely positioned by the virtualiser, so DOM order is not screen order.
    return this.body.evaluate((body, i) => {
      const rows = [...body.querySelectorAll<HTMLElement>('[role="row"]')];
      const top = (row: HTMLElement) => new DOMMatrixReadOnly(getComputedStyle(row).transform).m42;
      rows.sort((a, b) => top(a) - top(b));
      return rows.map((row) => (row.querySelectorAll('[role="cell"]')[i] as HTMLElement).innerText.trim());
    }, index);
  }

  columnHeader(column: InventoryColumn): Locator {
    const button = this.page.getByRole('button', { name: new RegExp(`^(Sort by )?${column}$`) });
    return this.table.getByRole('columnheader').filter({ has: button });
  }

  sortButton(column: InventoryColumn): Locator {
    return this.columnHeader(column).getByRole('button');
  }

  async sortBy(column: InventoryColumn, direction: 'ascending' | 'descending'): Promise<void> {
    const header = this.columnHeader(column);
    for (let i = 0; i < 3 && (await header.getAttribute('aria-sort')) !== direction; i++) {
      await this.sortButton(column).click();
    }
    await expect(header).toHaveAttribute('aria-sort', direction);
  }

  async open(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name, exact: true }).click();
  }

  async deleteFromMenu(name: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: `Actions for ${name}` })
      .click();
    await this.page.getByRole('menuitem', { name: 'Delete' }).click();
  }

  /** Add data type → search the library → pick an entry. */
  async addFromLibrary(query: string, entry: string): Promise<void> {
    await this.addButton.click();
    await expect(this.addDialog).toBeVisible();
    await this.librarySearch.fill(query);
    await this.addDialog
      .getByRole('option')
      .filter({ has: this.page.getByText(entry, { exact: true }) })
      .click();
    await expect(this.addDialog).toBeHidden();
  }
}
