// One data type's editor.
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './mantine';

export class DataTypeEditorPage {
  readonly main: Locator;
  readonly title: Locator;
  readonly name: Locator;
  readonly category: Locator;
  readonly idField: Locator;
  /** the text box of the Purposes multi-select, where a new purpose is typed */
  readonly purposesInput: Locator;
  readonly benefit: Locator;
  readonly retention: Locator;
  readonly retentionKind: Locator;
  readonly retentionPeriod: Locator;
  readonly retentionUnit: Locator;
  readonly retentionAfter: Locator;
  readonly retentionSentence: Locator;
  readonly backLink: Locator;
  readonly deleteButton: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.title = page.getByTestId('editor-title');
    this.name = this.main.getByRole('textbox', { name: 'Name', exact: true });
    this.category = this.main.getByRole('combobox', { name: 'Category', exact: true });
    this.idField = this.main.getByRole('textbox', { name: 'Id', exact: true });
    this.purposesInput = this.main.getByRole('textbox', { name: 'Purposes', exact: true });
    this.benefit = this.main.getByRole('textbox', { name: 'Benefit to the customer' });
    this.retention = this.main.getByRole('group', { name: 'Retention' });
    this.retentionKind = this.retention.getByRole('radiogroup', { name: 'Kind of retention' });
    this.retentionPeriod = this.retention.getByRole('textbox', { name: 'Period' });
    this.retentionUnit = this.retention.getByRole('combobox', { name: 'Unit' });
    this.retentionAfter = this.retention.getByRole('combobox', { name: 'After' });
    this.retentionSentence = page.getByTestId('retention-sentence');
    this.backLink = this.main.getByRole('link', { name: 'Data types' });
    this.deleteButton = this.main.getByRole('button', { name: 'Delete', exact: true });
  }

  async expectOpen(name: string): Promise<void> {
    await expect(this.title).toHaveText(name);
  }

  /** The Purposes field with its chosen purposes (shown as pills) — located by its validation path. */
  purposesField(): Locator {
    return this.main.locator('[data-path$=".purposes"]');
  }

  async purposeNames(): Promise<string[]> {
    const pills = this.purposesField().locator('.mantine-Pill-label');
    return pills.allInnerTexts();
  }

  /**
   * Picks an existing purpose from the list, or creates one with this name when none matches, in the
   * small form under the field, with its lawful basis when given.
   */
  async addPurpose(name: string, { create = false, lawfulBasis }: { create?: boolean; lawfulBasis?: string } = {}): Promise<void> {
    await this.purposesInput.click();
    await this.purposesInput.fill(name);
    if (!create) {
      await this.page.getByRole('option', { name, exact: true }).click();
      await expect(this.purposesInput).toHaveValue('');
      return;
    }
    await this.page.getByRole('option', { name: `New purpose “${name}”` }).click();
    const form = this.main.getByRole('form', { name: 'New purpose' });
    await expect(form.getByRole('textbox', { name: 'Purpose' })).toHaveValue(name);
    if (lawfulBasis) await form.getByRole('radio', { name: lawfulBasis }).check();
    await form.getByRole('button', { name: 'Create purpose' }).click();
    await expect(form).toBeHidden();
    await expect(this.purposesInput).toHaveValue('');
  }

  /** The form a picker opens under itself to create a new entry ("New recipient", "New collection point"). */
  newEntityForm(title: string): Locator {
    return this.main.getByRole('form', { name: title });
  }

  /** The text box of a creatable picker ("Recipients", "Collected at"). */
  pickerInput(label: string): Locator {
    return this.main.getByRole('textbox', { name: label, exact: true });
  }

  /** The names shown as pills in a picker, located by its validation path's last segment. */
  async pickedNames(field: 'purposes' | 'recipients' | 'collectedAt'): Promise<string[]> {
    return this.main.locator(`[data-path$=".${field}"] .mantine-Pill-label`).allInnerTexts();
  }

  async setRetentionPeriod(value: number, unit: 'days' | 'weeks' | 'months' | 'years', after: string): Promise<void> {
    await this.retentionKind.getByText('A period after an event', { exact: true }).click();
    await this.retentionPeriod.fill(String(value));
    await chooseOption(this.page, this.retentionUnit, unit);
    await chooseOption(this.page, this.retentionAfter, after);
  }
}
