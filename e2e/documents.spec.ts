// The documents in the app: the notice follows an edit made on another screen, downloads as Word
// through the browser and exports as HTML to a path typed in the web mode's dialog, and the files open (the .docx as a zip, in LibreOffice
// where it is installed; the HTML page in the browser, inert). The In-app text screen copies and filters.
import { execFile } from 'node:child_process';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { generateInAppText } from '../core/documents/in-app';
import { validateWorkspace } from '../core/validate';
import { DocumentsPage } from './pages/DocumentsPage';
import { InAppPage } from './pages/InAppPage';
import { expect, test } from './support/fixtures';

const run = promisify(execFile);

const DATA_TYPE = 'Payment card';
const NEW_BENEFIT = 'You pay for Ridgeline Plus in one step on any device, and only our payment provider ever sees your card number.';
/** What Chromium may take from an edit to the preview showing it (issue 3, item 15). */
const PREVIEW_BUDGET_MS = 200;

/** The first of these commands on the PATH, or undefined. */
async function which(...names: string[]): Promise<string | undefined> {
  for (const name of names) {
    try {
      const { stdout } = await run('sh', ['-c', `command -v ${name}`]);
      if (stdout.trim()) return stdout.trim();
    } catch {
      // not installed
    }
  }
  return undefined;
}

/** The text of a Word body: the runs' text joined, so a phrase split across runs is still found. */
function wordText(documentXml: string): string {
  return [...documentXml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g)]
    .map((m) => (m[1] === undefined ? '\n' : m[1]))
    .join('')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

test('an edited benefit reaches the preview, the Word file and the web page', async ({
  app,
  page,
  context,
  inventory,
  editor,
  scratch,
  initialWorkspace,
}) => {
  test.setTimeout(180_000);
  const documents = new DocumentsPage(page);
  const before = initialWorkspace.dataTypes.find((d) => d.name === DATA_TYPE);
  expect(before?.benefit, `the sample has a benefit for ${DATA_TYPE}`).toBeTruthy();

  await test.step('The privacy notice is previewed', async () => {
    await documents.open();
    await expect(documents.document('Privacy notice')).toHaveAttribute('aria-current', 'page');
    await expect(documents.document('Notice at collection')).toBeVisible();
    await expect(documents.preview.getByRole('heading', { level: 1 })).toHaveText('Ridgeline privacy notice');
    await expect(documents.preview).toContainText(before!.benefit!);
  });

  await test.step('Edit the benefit of a data type', async () => {
    await app.goTo('Data types');
    await (await inventory.reveal(DATA_TYPE)).getByRole('button', { name: DATA_TYPE, exact: true }).click();
    await editor.expectOpen(DATA_TYPE);
    await editor.benefit.fill(NEW_BENEFIT);
    await app.waitForSaved();
  });

  await test.step('Back on Documents, the preview has the new benefit', async () => {
    const shown = await documents.timeUntilPreviewShows(NEW_BENEFIT, () => documents.navLink.click());
    console.info(`[measure] Chromium: Documents opened with the edited benefit ${shown.toFixed(0)} ms after the click`);
    await expect(documents.preview).not.toContainText(before!.benefit!);
  });

  await test.step('With the preview open, undo and redo reach it (time printed against the 200 ms budget)', async () => {
    // Undo and redo are edits made while the preview is on screen; every other edit happens on another screen.
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      times.push(await documents.timeUntilPreviewShows(before!.benefit!, () => page.keyboard.press('Control+z')));
      times.push(await documents.timeUntilPreviewShows(NEW_BENEFIT, () => page.keyboard.press('Control+Shift+z')));
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.info(
      `[measure] Chromium: edit (undo/redo) to preview: ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${median.toFixed(0)} ms, ` +
        `worst ${sorted.at(-1)!.toFixed(0)} ms (budget ${PREVIEW_BUDGET_MS} ms)`,
    );
    // Printed, never asserted: wall time depends on the machine (each step above already fails if the
    // preview never shows the text).
    test.info().annotations.push({ type: 'preview update (median of 6, ms)', description: median.toFixed(0) });
    await app.waitForSaved();
  });

  const docx = join(scratch, 'exports', 'ridgeline-privacy-notice.docx');
  await test.step('Download Word through the browser', async () => {
    await mkdir(join(scratch, 'exports'));
    const download = await documents.download('Word (.docx)');
    expect(download.suggestedFilename()).toBe('privacy-notice.docx');
    await download.saveAs(docx);
    const bytes = await readFile(docx);
    expect(bytes.subarray(0, 2).toString('latin1'), 'a .docx is a zip').toBe('PK');
    const parts = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    const text = wordText(strFromU8(parts['word/document.xml']));
    expect(text).toContain('Ridgeline privacy notice');
    expect(text).toContain(NEW_BENEFIT);
    expect(text).not.toContain(before!.benefit!);
  });

  await test.step('The Word file opens in LibreOffice and the PDF has the new benefit', async () => {
    const soffice = await which('soffice', 'libreoffice');
    const pdftotext = await which('pdftotext');
    if (!soffice || !pdftotext) {
      const missing = [!soffice && 'LibreOffice (soffice)', !pdftotext && 'pdftotext (poppler-utils)'].filter(Boolean).join(' and ');
      const message = `${missing} not installed: skipped converting the exported .docx to PDF. Install it to check that the file opens in LibreOffice.`;
      console.warn(`[skipped] ${message}`);
      test.info().annotations.push({ type: 'skipped part', description: message });
      return;
    }
    const outDir = join(scratch, 'pdf');
    // Its own profile, so a LibreOffice already running (or another test's) does not swallow the job.
    const profile = pathToFileURL(join(scratch, 'lo-profile')).href;
    await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, docx], {
      timeout: 120_000,
    });
    const pdf = join(outDir, 'ridgeline-privacy-notice.pdf');
    expect((await stat(pdf)).size).toBeGreaterThan(1000);
    const { stdout } = await run(pdftotext, ['-layout', pdf, '-']);
    const flat = stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('Ridgeline privacy notice');
    expect(flat).toContain(NEW_BENEFIT);
  });

  await test.step('Export HTML to a typed path and open it in the browser: inert, with a CSP, nothing fetched', async () => {
    const html = join(scratch, 'exports', 'privacy.html');
    await documents.exportAs('Web page (HTML)', html);
    const source = await readFile(html, 'utf8');
    expect(source).not.toMatch(/<script|javascript:|\son[a-z]+\s*=/i);

    const viewer = await context.newPage();
    const requests: string[] = [];
    viewer.on('request', (request) => requests.push(request.url()));
    await viewer.goto(pathToFileURL(html).href);
    await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('Ridgeline privacy notice');
    await expect(viewer.locator('body')).toContainText(NEW_BENEFIT);
    expect(await viewer.locator('script').count()).toBe(0);
    const csp = await viewer.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe/);
    const handlers = await viewer.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
      ),
    );
    expect(handlers).toEqual([]);
    expect(requests, 'the page loads nothing but itself').toEqual([pathToFileURL(html).href]);
    await viewer.close();
  });

  await test.step('Copy as Markdown puts the notice on the clipboard', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.origin });
    await documents.copyAs('Markdown');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^# Ridgeline privacy notice\n/);
    expect(copied).toContain(NEW_BENEFIT);
  });
});

test('in-app text: Copy puts a snippet on the clipboard, and the filters narrow the list', async ({
  app,
  page,
  context,
  initialWorkspace,
}) => {
  const verdict = validateWorkspace(initialWorkspace);
  if (!verdict.ok) throw new Error('the sample workspace is not valid');
  const text = generateInAppText(verdict.workspace);
  const inApp = new InAppPage(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.origin });
  await inApp.open();
  await expect(inApp.points).toHaveCount(initialWorkspace.collectionPoints.length);

  await test.step('Copy a data type’s short text', async () => {
    const short = text.dataTypes['email-address'].short.text;
    const signUp = initialWorkspace.collectionPoints.find((p) => p.id === 'ios-sign-up')!;
    const target = inApp
      .point(signUp.name)
      .getByTestId('snippet')
      .filter({ has: page.getByText(short, { exact: true }) });
    await expect(target).toHaveCount(1);
    await expect(target.getByTestId('snippet-count')).toHaveText(`${text.dataTypes['email-address'].short.length} / 140`);
    await expect(target.getByTestId('snippet-grade')).toHaveText(/^Grade \d+(\.\d)?$/);
    await target.getByRole('button', { name: 'Copy this text' }).click();
    await expect(target.getByRole('button', { name: 'Copy this text' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(short);
  });

  await test.step('Copy an iOS usage description', async () => {
    const camera = text.collectionPoints['ios-report'].ios!.text.text;
    await inApp.snippet(camera).first().getByRole('button', { name: 'Copy this text' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(camera);
  });

  await test.step('The platform filter shows only that platform', async () => {
    await inApp.choosePlatform('Android');
    const android = initialWorkspace.collectionPoints.filter((p) => p.platform === 'android').map((p) => p.name);
    await expect(inApp.points).toHaveCount(android.length);
    expect(await inApp.pointNames()).toEqual(android);
    await expect(inApp.main.getByText(/UsageDescription/)).toHaveCount(0);
    await expect(inApp.main.getByText(/Android rationale · /).first()).toBeVisible();

    await inApp.choosePlatform('iOS');
    const ios = initialWorkspace.collectionPoints.filter((p) => p.platform === 'ios').map((p) => p.name);
    await expect(inApp.points).toHaveCount(ios.length);
    expect(await inApp.pointNames()).toEqual(ios);
    await expect(inApp.main.getByText(/Android rationale · /)).toHaveCount(0);

    await inApp.choosePlatform('All');
    await expect(inApp.points).toHaveCount(initialWorkspace.collectionPoints.length);
  });

  await test.step('The collection-point filter shows one point', async () => {
    const point = initialWorkspace.collectionPoints.find((p) => p.id === 'ios-health')!;
    await inApp.pointFilter.click();
    await page.getByRole('option', { name: point.name, exact: true }).click();
    await expect(inApp.points).toHaveCount(1);
    expect(await inApp.pointNames()).toEqual([point.name]);
    await expect(page).toHaveURL(/#\/in-app\/ios-health$/);
  });
});
