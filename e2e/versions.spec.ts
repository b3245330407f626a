// Versions in the app: publish 1.0 from the Documents screen, change a retention period, publish 1.1 from
// the keyboard (the dialog proposing the number and showing the change), then open the Versions screen, read
// 1.0's archived notice, compare 1.0 with 1.1 and download the redline, and read each version's announcement.
// The archive beside the workspace holds both, and 1.1's announcement.
// SCREENSHOTS=<folder> also saves each screen and dialog, light and dark, for looking at.
import { strFromU8, unzipSync } from 'fflate';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseAnnouncementFile } from '../core/announcement';
import { parseVersionIndex } from '../core/versions';
import { expect, test } from './support/fixtures';

const SHOTS = process.env.SCREENSHOTS;
/** What customers are told about the one change between 1.0 and 1.1. */
const RETENTION_SENTENCE = 'We now keep your email address for 90 days after you close your account, instead of 30 days.';
/** Publishing renders every document on the server: seconds on a busy two-core machine. */
const PUBLISH_MS = 30_000;

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.evaluate((s) => document.documentElement.setAttribute('data-mantine-color-scheme', s), scheme);
    await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`) });
  }
  await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'light'));
}

test('publish 1.0, change a retention, publish 1.1 and compare the two on the Versions screen', async ({
  app,
  page,
  editor,
  workspaceFile,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1360, height: 900 });
  const versionsLink = app.sections.getByRole('link', { name: 'Versions' });
  const dialog = page.getByRole('dialog', { name: 'Publish version' });

  await test.step('the Versions screen explains publishing and where the archive lives', async () => {
    await versionsLink.click();
    await expect(page.getByRole('heading', { name: 'No version published yet' })).toBeVisible();
    await expect(page.getByTestId('versions-archive-path')).toHaveText(join(workspaceFile, '..', 'workspace.versions'));
    await shoot(page, 'versions-empty');
  });

  await test.step('publish 1.0 from the Documents screen', async () => {
    await app.sections.getByRole('link', { name: 'Documents' }).click();
    await page.getByRole('button', { name: 'Publish version…' }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Version number' })).toHaveValue('1.0');
    await expect(dialog).toContainText('Nothing was published before');
    await expect(dialog.getByTestId('publish-no-announcement')).toHaveText(
      'This is the first version: there is nothing earlier to compare it with, so there are no changes to announce.',
    );
    await dialog.getByRole('textbox', { name: 'Internal note' }).fill('First public notice');
    await shoot(page, 'publish-first');
    await dialog.getByRole('button', { name: 'Publish version 1.0' }).click();
    await expect(app.notification('Published version 1.0')).toBeVisible({ timeout: PUBLISH_MS });
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Version 1.0', level: 3 })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('First public notice');
  });

  await test.step('change how long email addresses are kept', async () => {
    await page.evaluate(() => (window.location.hash = '#/data-types/email-address'));
    await expect(editor.retentionPeriod).toHaveValue('30');
    await editor.retentionPeriod.fill('90');
    await app.waitForSaved();
  });

  await test.step('publish 1.1 from the keyboard: the dialog proposes it and shows what changed', async () => {
    // Shortcuts are not taken from inside a text field.
    await editor.retentionPeriod.blur();
    await page.keyboard.press('Control+Shift+P');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Version number' })).toHaveValue('1.1');
    await expect(dialog.getByRole('button', { name: 'Next major · 2.0' })).toBeVisible();
    const changes = dialog.getByTestId('change-list');
    await expect(changes).toContainText('Email address');
    await expect(changes).toContainText('retention');
    await expect(changes).toContainText('30 days after account closure');
    await expect(changes).toContainText('90 days after account closure');
    // A number that is not greater than 1.0 is refused before anything is sent.
    await dialog.getByRole('textbox', { name: 'Version number' }).fill('0.9');
    await expect(dialog.getByTestId('publish-problems')).toContainText('Version 0.9 is not greater than the last published version, 1.0.');
    await expect(dialog.getByRole('button', { name: /^Publish version/ })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Next minor · 1.1' }).click();
    // The announcement publishing will keep: the email says the version, the date and the change.
    const announcement = dialog.getByTestId('publish-announcement');
    await expect(announcement.getByTestId('announcement-email')).toContainText('We are updating our privacy notice to version 1.1.');
    await expect(announcement.getByTestId('announcement-email')).toContainText(RETENTION_SENTENCE);
    await shoot(page, 'publish-next');
    await dialog.getByRole('button', { name: 'Publish version 1.1' }).click();
    await expect(app.notification('Published version 1.1')).toBeVisible({ timeout: PUBLISH_MS });
  });

  await test.step('the Versions screen lists both, opens 1.0 read-only and compares it with 1.1', async () => {
    await expect(versionsLink).toHaveAttribute('aria-current', 'page');
    const list = page.getByRole('main');
    await expect(list.getByRole('link', { name: /^Version 1\.1/ })).toBeVisible();
    // 1.1 takes effect the same day as 1.0, so 1.0 never will.
    await expect(list.getByRole('link', { name: /^Version 1\.0/ })).toContainText('Replaced by 1.1 before taking effect');
    await expect(list.getByRole('link', { name: /^Version 1\.1/ })).toContainText('Not yet in force');
    await list.getByRole('link', { name: /^Version 1\.0/ }).click();
    await expect(page.getByRole('heading', { name: 'Version 1.0', level: 3 })).toBeVisible();
    const preview = page.getByTestId('version-document');
    await expect(preview).toContainText('Version 1.0 · effective 15 January 2027');
    await expect(preview).toContainText('30 days');
    await shoot(page, 'versions-documents');

    await page.getByRole('tab', { name: 'Compare with…' }).click();
    // The version after 1.0 is proposed, since none came before it; the working copy is another choice.
    const compareWith = page.getByTestId('compare-with');
    await expect(compareWith).toHaveValue('Version 1.1');
    await compareWith.click();
    await page.getByRole('option', { name: 'Working copy (not published)' }).click();
    await expect(page.getByRole('main')).toContainText('What changed from Version 1.0 to Working copy');
    await compareWith.click();
    await page.getByRole('option', { name: 'Version 1.1' }).click();
    const changes = page.getByTestId('change-list');
    await expect(page.getByRole('main')).toContainText('What changed from Version 1.0 to Version 1.1');
    await expect(changes.getByRole('heading', { name: 'Data types' })).toBeVisible();
    const row = changes.getByRole('row').filter({ hasText: 'retention' });
    await expect(row).toContainText('30 days after account closure');
    await expect(row).toContainText('90 days after account closure');
    await expect(row.getByRole('cell').nth(1)).toHaveText('30 days after account closure');
    await expect(row.getByRole('cell').nth(2)).toHaveText('90 days after account closure');
    await shoot(page, 'versions-compare');
  });

  await test.step('Export redline downloads the notice of 1.1 as Word tracked changes against 1.0', async () => {
    await page.getByTestId('export-redline').click();
    await page.getByRole('menuitem', { name: 'Word with tracked changes (.docx)…' }).click();
    const exportDialog = page.getByRole('dialog', { name: /Word redline of “Privacy notice”, version 1\.0 to version 1\.1/ });
    await expect(exportDialog).toContainText('privacy-notice-redline-1.0-to-1.1.docx');
    const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe('privacy-notice-redline-1.0-to-1.1.docx');
    const saved = join(workspaceFile, '..', 'downloaded-redline.docx');
    await download.saveAs(saved);
    const xml = strFromU8(unzipSync(new Uint8Array(await readFile(saved)))['word/document.xml']);
    // 30 days became 90 days: revisions by Candor that Word and LibreOffice can accept or reject.
    expect(xml).toMatch(/<w:del [^>]*w:author="Candor"[^>]*>(?:(?!<\/w:del>).)*<w:delText[^>]*>[^<]*30[^<]*<\/w:delText>/s);
    expect(xml).toMatch(/<w:ins [^>]*w:author="Candor"[^>]*>(?:(?!<\/w:ins>).)*<w:t[^>]*>[^<]*90[^<]*<\/w:t>/s);
    await expect(app.notification('Downloaded privacy-notice-redline-1.0-to-1.1.docx')).toBeVisible();
  });

  await test.step('each version shows its announcement; the first has nothing to announce', async () => {
    await page.getByRole('tab', { name: 'Announcement' }).click();
    await expect(page.getByTestId('no-announcement')).toHaveText(
      'Version 1.0 is the first published version: there is nothing earlier to compare it with, so there are no changes to announce.',
    );
    await page
      .getByRole('main')
      .getByRole('link', { name: /^Version 1\.1/ })
      .click();
    await page.getByRole('tab', { name: 'Announcement' }).click();
    const shown = page.getByTestId('version-announcement');
    await expect(shown.getByTestId('announcement-email')).toContainText('We are updating our privacy notice to version 1.1.');
    await expect(shown.getByTestId('announcement-email')).toContainText(RETENTION_SENTENCE);
    await expect(shown.getByRole('button', { name: 'Copy the banner' })).toBeVisible();
    await shoot(page, 'versions-announcement');
  });

  await test.step('the archive beside the workspace holds both versions', async () => {
    const parsed = parseVersionIndex(JSON.parse(await readFile(join(workspaceFile, '..', 'workspace.versions', 'versions.json'), 'utf8')));
    expect(parsed.ok && parsed.index.versions.map((v) => [v.version, v.effective, v.note])).toEqual([
      ['1.0', '2027-01-15', 'First public notice'],
      ['1.1', '2027-01-15', undefined],
    ]);
    const notice = await readFile(join(workspaceFile, '..', 'workspace.versions', '1.1', 'privacy-notice.md'), 'utf8');
    expect(notice).toContain('Version 1.1 · effective 15 January 2027');
    const archived = await readdir(join(workspaceFile, '..', 'workspace.versions'));
    expect(archived).toContain('1.1.announcement.md');
    expect(archived).not.toContain('1.0.announcement.md');
    const announcement = parseAnnouncementFile(
      await readFile(join(workspaceFile, '..', 'workspace.versions', '1.1.announcement.md'), 'utf8'),
    );
    expect(announcement?.email).toContain(RETENTION_SENTENCE);
  });
});
