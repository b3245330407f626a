// The In-app text screen: snippets per collection point and data type, with filters.
import { expect, type Locator, type Page } from '@playwright/test';

export class InAppPage {
  readonly navLink: Locator;
  readonly main: Locator;
  readonly heading: Locator;
  readonly pointFilter: Locator;
  readonly platformFilter: Locator;
  /** one card per collection point shown */
  readonly points: Locator;
  readonly snippets: Locator;

  constructor(readonly page: Page) {
    this.navLink = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'In-app text', exact: true });
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { name: 'In-app text', level: 2 });
    this.pointFilter = this.main.getByRole('combobox', { name: 'Collection point' });
    this.platformFilter = this.main.getByRole('radiogroup', { name: 'Platform' });
    this.points = this.main.getByTestId('in-app-point');
    this.snippets = this.main.getByTestId('snippet');
  }

  async open(): Promise<void> {
    await this.navLink.click();
    await expect(this.heading).toBeVisible();
  }

  /** The card of one collection point, by its name. */
  point(name: string): Locator {
    return this.points.filter({ has: this.page.getByRole('heading', { name, exact: true, level: 4 }) });
  }

  /** The snippets (anywhere on the screen) whose text is exactly `text`. */
  snippet(text: string): Locator {
    return this.snippets.filter({ has: this.page.getByText(text, { exact: true }) });
  }

  async choosePlatform(label: 'All' | 'iOS' | 'Android' | 'Web'): Promise<void> {
    await this.platformFilter.getByText(label, { exact: true }).click();
  }

  /** The names of the collection points shown, top to bottom. */
  async pointNames(): Promise<string[]> {
    return this.points.getByRole('heading', { level: 4 }).allInnerTexts();
  }
}
