// The Review screen: findings by severity (each a link to its field), the coverage matrix and the
// store labels; and the Review link in the navigation with its error and warning badges.
import { expect, type Locator, type Page } from '@playwright/test';

export type ReviewTab = 'Findings' | 'Coverage' | 'Store labels';

export class ReviewPage {
  readonly navLink: Locator;
  readonly errorBadge: Locator;
  readonly warningBadge: Locator;
  readonly main: Locator;
  readonly findings: Locator;
  readonly exportDialog: Locator;

  constructor(readonly page: Page) {
    this.navLink = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /^Review\b/ });
    this.errorBadge = this.navLink.getByTestId('review-errors');
    this.warningBadge = this.navLink.getByTestId('review-warnings');
    this.main = page.getByRole('main');
    this.findings = this.main.getByTestId('finding');
    this.exportDialog = page.getByRole('dialog', { name: /^Export / });
  }

  async open(): Promise<void> {
    await this.navLink.click();
    await expect(this.navLink).toHaveAttribute('aria-current', 'page');
    await expect(this.main.getByRole('heading', { name: 'Review', level: 2 })).toBeVisible();
  }

  async openTab(tab: ReviewTab): Promise<void> {
    await this.main.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
  }

  /** The group of findings of one severity ("Errors", "Warnings", "Info"). */
  group(title: 'Errors' | 'Warnings' | 'Info'): Locator {
    return this.main.getByRole('region', { name: new RegExp(`^${title}\\b`) });
  }

  /** The findings of a rule, optionally only those whose message contains `text`. */
  finding(rule: string, text?: string): Locator {
    const all = this.main.locator(`[data-testid="finding"][data-rule="${rule}"]`);
    return text ? all.filter({ hasText: text }) : all;
  }
}
