// The shell around every screen: the header (save status, undo/redo, File menu), the section
// navigation, the workspace banner and the notifications.
import { expect, type Locator, type Page } from '@playwright/test';
import type { CandorServer } from '../support/candor-server';

export type Section = 'Data types' | 'Purposes' | 'Recipients' | 'Collection points' | 'Organization & settings';

export class CandorApp {
  readonly header: Locator;
  readonly saveStatus: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly fileMenuButton: Locator;
  readonly sections: Locator;
  readonly changedOnDiskBanner: Locator;

  constructor(
    readonly page: Page,
    readonly server: CandorServer,
  ) {
    this.header = page.getByRole('banner');
    this.saveStatus = this.header.getByTestId('save-status');
    this.undoButton = this.header.getByRole('button', { name: 'Undo', exact: true });
    this.redoButton = this.header.getByRole('button', { name: 'Redo', exact: true });
    this.fileMenuButton = this.header.getByRole('button', { name: 'File', exact: true });
    this.sections = page.getByRole('navigation', { name: 'Sections' });
    this.changedOnDiskBanner = page.getByTestId('banner-changed-on-disk');
  }

  /** Opens the address `candor serve` printed and waits for the workspace to be on screen. */
  async open(): Promise<void> {
    await this.page.goto(this.server.url);
    await expect(this.saveStatus).toBeVisible();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.saveStatus).toBeVisible();
  }

  async waitForSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveAttribute('data-status', 'saved');
  }

  sectionLink(name: Section): Locator {
    // The link's name carries the count badge ("Purposes 18").
    return this.sections.getByRole('link', { name: new RegExp(`^${name.replace(/[&]/g, '\\$&')}( \\d+)?$`) });
  }

  async goTo(name: Section): Promise<void> {
    await this.sectionLink(name).click();
    await expect(this.sectionLink(name)).toHaveAttribute('aria-current', 'page');
  }

  async chooseFileMenuItem(item: string): Promise<void> {
    await this.fileMenuButton.click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  /** A notification (an alert outside the main area) containing this text. */
  notification(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }
}
