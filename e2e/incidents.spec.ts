// Breach response in the app (issue 13): from "New incident" on an empty register, through the key facts (the
// discovery in the team's time zone, data types picked from the inventory, where the people live), the 72-hour
// countdown in the header turning red once overdue, the assessment and a recorded decision, to the drafts and
// the breach register downloaded through the browser and read back from disk.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Locator, Page } from '@playwright/test';
import { IncidentRegisterSchema, type IncidentRegister } from '../core/incidents/schema';
import { expect, test } from './support/fixtures';

// The browser works in Berlin: the discovery must be stored with Berlin's offset, and shown in its zone.
test.use({ timezoneId: 'Europe/Berlin' });

const TITLE = 'Leaked login database';
const SUMMARY = 'An old backup of the login database was left in a public storage bucket and was downloaded by an unknown party.';

/** Picks an option of a Mantine MultiSelect by typing part of its name. */
async function pick(page: Page, input: Locator, search: string, option: string): Promise<void> {
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
  await input.press('Escape');
}

/** The register as written beside the workspace, once the Incidents area says it is saved. */
async function savedRegister(page: Page, file: string): Promise<IncidentRegister> {
  await expect(page.getByTestId('incidents-save-status')).toHaveAttribute('data-status', 'saved');
  return IncidentRegisterSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}

/** Chooses a format in the Export menu beside a preview and downloads it through the web mode's dialog. */
async function download(page: Page, menu: Locator, item: string) {
  await menu.click();
  await page.getByRole('menuitem', { name: item }).click();
  const dialog = page.getByRole('dialog', { name: /^Export / });
  await expect(dialog).toBeVisible();
  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download', exact: true }).click();
  const file = await downloaded;
  await expect(dialog).toBeHidden();
  return file;
}

async function text(file: Awaited<ReturnType<typeof download>>): Promise<string> {
  return readFile((await file.path())!, 'utf8');
}

test('an incident from "New incident" to the countdown, the assessment and the downloaded drafts', async ({ app, page, workspaceFile }) => {
  test.setTimeout(120_000);
  const registerFile = join(workspaceFile, '..', 'workspace.incidents.candor.json');
  const main = page.getByRole('main');
  const clock = app.header.getByTestId('incident-clock');

  await test.step('The empty Incidents area says what it is for and where incidents are kept', async () => {
    await expect(clock).toHaveCount(0);
    await app.sections.getByRole('link', { name: /^Incidents/ }).click();
    await expect(main.getByRole('heading', { name: 'No incidents recorded' })).toBeVisible();
    await expect(main.getByTestId('incidents-register-path')).toHaveText(registerFile);
    await expect(main).toContainText('share the inventory widely while incidents stay with the few who handle them');
  });

  await test.step('New incident: the clock starts at once, in the header and the editor', async () => {
    await main.getByRole('button', { name: 'New incident' }).click();
    await expect(main.getByRole('textbox', { name: 'Incident title' })).toBeFocused();
    await expect(clock).toHaveText(/^7[12] h \d+ min left$/);
    await expect(clock).toHaveAttribute('data-overdue', 'false');
    await expect(main.getByTestId('incident-countdown')).toHaveText(/^7[12] h \d+ min left$/);
    await expect(main.getByTestId('incident-clock-card')).toContainText('(Europe/Berlin, UTC+01:00)');
  });

  await test.step('Fill the key facts', async () => {
    await main.getByRole('textbox', { name: 'Incident title' }).fill(TITLE);
    await main.getByRole('textbox', { name: 'What happened' }).fill(SUMMARY);
    await main.getByRole('checkbox', { name: 'Disclosed or accessed' }).check();
    const dataTypes = main.getByRole('combobox', { name: 'Data types affected' });
    await pick(page, dataTypes, 'Email', 'Email address');
    await pick(page, dataTypes, 'Pass', 'Password');
    await main.getByRole('textbox', { name: 'People affected (approximately)' }).fill('1200');
    await pick(page, main.getByRole('combobox', { name: 'Where the people live' }), 'Calif', 'California');
    await main.getByRole('textbox', { name: 'California' }).fill('800');
    await main.getByRole('radiogroup', { name: 'Encrypted or otherwise unintelligible' }).getByText('No', { exact: true }).click();
    // Discovered long ago in Berlin: stored with Berlin's winter offset, and the clock is overdue.
    await main.getByRole('textbox', { name: 'Discovered: date' }).fill('2026-01-12');
    await main.getByRole('textbox', { name: 'Discovered: date' }).press('Tab');
    await main.getByLabel('Discovered: time').fill('09:30');

    const register = await savedRegister(page, registerFile);
    expect(register.incidents).toHaveLength(1);
    const [incident] = register.incidents;
    expect(incident).toMatchObject({
      title: TITLE,
      status: 'open',
      summary: SUMMARY,
      kinds: ['confidentiality'],
      discoveredAt: '2026-01-12T09:30:00+01:00',
      timeZone: 'Europe/Berlin',
      dataTypes: ['email-address', 'password'],
      people: 1200,
      residence: ['ccpa'],
      residents: { ccpa: 800 },
      encrypted: false,
    });
    expect(incident.log[0].text).toBe('Incident recorded in Candor.');
  });

  await test.step('Past 72 hours the header badge turns red and links to the incident', async () => {
    await expect(clock).toHaveAttribute('data-overdue', 'true');
    await expect(clock).toHaveText(/ overdue$/);
    await expect(main.getByTestId('incident-clock-card')).toContainText('15 January 2026, 09:30 (Europe/Berlin, UTC+01:00)');
    await app.goTo('Data types');
    await clock.click();
    await expect(main.getByRole('textbox', { name: 'Incident title' })).toHaveValue(TITLE);
  });

  await test.step('The assessment proposes; the team records its decision with the reasons', async () => {
    await main.getByRole('tab', { name: 'Assessment and decisions' }).click();
    await expect(main.getByTestId('assessment-level')).toBeVisible();
    const california = main.getByTestId('us-states').getByRole('row', { name: /California/ });
    await expect(california).toContainText('Yes');
    await expect(california).toContainText('Copy to Attorney General');
    const authority = main.getByRole('region', { name: 'Notify the supervisory authority' });
    await expect(authority).toContainText('Candor proposes: notify');
    await authority.getByRole('button', { name: 'Record: notify' }).click();
    await expect(authority.getByRole('textbox', { name: 'Reasons' })).toHaveValue(/Art 33\(1\)/);
    const register = await savedRegister(page, registerFile);
    expect(register.incidents[0].decisions?.authority).toMatchObject({ decision: 'notify', reasons: expect.stringContaining('Art 33(1)') });
    expect(register.incidents[0].decisions?.authority?.decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+0[12]:00$/);
    // Decided but not yet sent: the clock still runs.
    await expect(clock).toBeVisible();
  });

  await test.step('The log stamps an entry with the time it was written', async () => {
    await main.getByRole('tab', { name: /^Log/ }).click();
    await main.getByRole('textbox', { name: 'What was done or learned' }).fill('Bucket made private and the backup deleted.');
    await main.getByRole('button', { name: 'Add entry' }).click();
    await expect(main.getByTestId('incident-log')).toContainText('Bucket made private and the backup deleted.');
    const register = await savedRegister(page, registerFile);
    const entry = register.incidents[0].log.find((e) => e.text === 'Bucket made private and the backup deleted.');
    expect(Math.abs(Date.parse(entry!.at) - Date.now())).toBeLessThan(5 * 60_000);
  });

  await test.step('The drafts are previewed and downloaded in Markdown, HTML and Word', async () => {
    await main.getByRole('tab', { name: 'Drafts' }).click();
    const exportMenu = main.getByRole('button', { name: 'Export', exact: true }).last();

    await main.getByRole('tab', { name: /Notice of Data Breach \(US\)/ }).click();
    const preview = main.getByTestId('draft-preview');
    await expect(preview.getByRole('heading', { name: 'What Happened', exact: true })).toBeVisible();
    const markdown = await download(page, exportMenu, 'Markdown…');
    expect(markdown.suggestedFilename()).toMatch(/us-notice-of-data-breach\.md$/);
    const us = await text(markdown);
    expect(us).toMatch(/^# Notice of Data Breach$/m);
    for (const heading of [
      'What Happened',
      'What Information Was Involved',
      'What We Are Doing',
      'What You Can Do',
      'For More Information',
    ]) {
      expect(us, heading).toMatch(new RegExp(`^## ${heading}$`, 'm'));
    }
    expect(us).toContain('old backup of the login database');

    await main.getByRole('tab', { name: /Notification to the supervisory authority/ }).click();
    const html = await download(page, exportMenu, 'Web page (HTML)…');
    expect(html.suggestedFilename()).toMatch(/authority-notification\.html$/);
    const page33 = await text(html);
    expect(page33).toContain('<html');
    expect(page33).toContain('Bayerisches Landesamt für Datenschutzaufsicht');
    // Past the deadline the notification asks for the reasons for the delay (Art 33(1)).
    expect(page33).toMatch(/reasons for the delay/i);

    await main.getByRole('tab', { name: /Notice to the people affected/ }).click();
    const word = await download(page, exportMenu, 'Word (.docx)…');
    expect(word.suggestedFilename()).toMatch(/people-notice\.docx$/);
    const parts = unzipSync(new Uint8Array(await readFile((await word.path())!)));
    const body = strFromU8(parts['word/document.xml']);
    expect(body).toContain('password');
  });

  await test.step('The breach register downloads as CSV with the incident and its decision', async () => {
    const csv = await download(page, main.getByRole('button', { name: 'Export', exact: true }).first(), 'CSV…');
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const content = await text(csv);
    expect(content).toContain(TITLE);
    expect(content).toContain('12 January 2026, 09:30 (Europe/Berlin, UTC+01:00)');
  });

  await test.step('After a reload everything is still there', async () => {
    await app.reload();
    await expect(clock).toHaveAttribute('data-overdue', 'true');
    await clock.click();
    await expect(main.getByRole('textbox', { name: 'Incident title' })).toHaveValue(TITLE);
    await expect(main.getByRole('textbox', { name: 'What happened' })).toHaveValue(SUMMARY);
  });
});
