// The Documents screen: the list of documents, the live preview, and its Export and Copy menus.
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export type ExportFormat = 'Markdown' | 'Web page (HTML)' | 'Word (.docx)';

export class DocumentsPage {
  readonly navLink: Locator;
  readonly main: Locator;
  readonly preview: Locator;
  /** the heading of the document shown, above the preview */
  readonly title: Locator;
  readonly exportButton: Locator;
  readonly copyButton: Locator;
  /** the web mode's export dialog: the browser's download, or a path (the desktop app uses the system's save dialog) */
  readonly exportDialog: Locator;
  readonly saveAs: Locator;

  constructor(readonly page: Page) {
    this.navLink = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Documents', exact: true });
    this.main = page.getByRole('main');
    this.preview = page.getByTestId('document-preview');
    this.title = this.main.getByRole('heading', { level: 3 });
    this.exportButton = this.main.getByRole('button', { name: 'Export', exact: true });
    this.copyButton = this.main.getByRole('button', { name: 'Copy', exact: true });
    this.exportDialog = page.getByRole('dialog', { name: /^Export / });
    this.saveAs = this.exportDialog.getByRole('textbox', { name: 'Save as' });
  }

  async open(): Promise<void> {
    await this.navLink.click();
    await expect(this.navLink).toHaveAttribute('aria-current', 'page');
    await expect(this.preview).toBeVisible();
  }

  /** A document in the list, by its title. */
  document(title: string): Locator {
    return this.main.getByRole('link', { name: new RegExp(`^${title}`) });
  }

  /** Chooses a format in the Export menu and waits for the web mode's export dialog. */
  async startExport(format: ExportFormat): Promise<void> {
    await this.exportButton.click();
    await this.page.getByRole('menuitem', { name: `${format}…` }).click();
    await expect(this.exportDialog).toBeVisible();
  }

  /** Downloads the document shown through the browser, as any web page's download, and waits for the confirmation. */
  async download(format: ExportFormat): Promise<Download> {
    await this.startExport(format);
    const downloaded = this.page.waitForEvent('download');
    await this.exportDialog.getByRole('button', { name: 'Download', exact: true }).click();
    const download = await downloaded;
    await expect(this.exportDialog).toBeHidden();
    await expect(this.page.getByRole('alert').filter({ hasText: `Downloaded ${download.suggestedFilename()}` })).toBeVisible();
    return download;
  }

  /** Exports the document shown to a path on this computer, the web mode's other choice, and waits for the confirmation. */
  async exportAs(format: ExportFormat, path: string): Promise<void> {
    await this.startExport(format);
    await this.exportDialog.getByRole('button', { name: 'Save to a folder on this computer instead' }).click();
    await expect(this.saveAs).toBeVisible();
    await this.saveAs.fill(path);
    await this.exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(this.exportDialog).toBeHidden();
    await expect(this.page.getByRole('alert').filter({ hasText: path })).toBeVisible();
  }

  async copyAs(kind: 'Markdown' | 'rich text'): Promise<void> {
    await this.copyButton.click();
    await this.page.getByRole('menuitem', { name: `Copy as ${kind}` }).click();
    await expect(this.page.getByRole('alert').filter({ hasText: `Copied as ${kind}` })).toBeVisible();
  }

  /**
   * Runs `act` and measures, inside the page, the time from the next keydown or pointerdown to the
   * first frame after the preview contains `text`. Resolves with milliseconds, to be printed: wall time
   * depends on the machine, so nothing may be asserted on it. What is checked is that the text arrives.
   */
  async timeUntilPreviewShows(text: string, act: () => Promise<void>): Promise<number> {
    await this.page.evaluate((expected) => {
      const w = window as unknown as { __previewTiming?: Promise<number> };
      w.__previewTiming = new Promise<number>((resolve) => {
        let started: number | undefined;
        const start = () => (started ??= performance.now());
        window.addEventListener('keydown', start, { capture: true, once: true });
        window.addEventListener('pointerdown', start, { capture: true, once: true });
        const check = () => {
          const preview = document.querySelector('[data-testid="document-preview"]');
          if (started === undefined || !preview?.textContent?.includes(expected)) return false;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started!));
          return true;
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    }, text);
    await act();
    await expect(this.preview).toContainText(text);
    return this.page.evaluate(() => (window as unknown as { __previewTiming: Promise<number> }).__previewTiming);
  }
}
