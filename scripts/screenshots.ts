// `npm run screenshots`: screenshots of every screen, light and dark, in a 1,440×900 and a 1,280×720
// window, taken from the real app in the local web mode on a copy of the bundled sample. They go to
// docs/screenshots/ as `<screen>-<light|dark>-<width>x<height>.png`; the README shows some of them.
import { execFileSync, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import type { DataType, Workspace } from '../core/schema';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'docs', 'screenshots');

async function startServer(workspace: string, dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [join(root, 'bin', 'candor.js'), 'serve', workspace, '--port', '0'], {
    env: { ...process.env, CANDOR_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Candor is running at (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`candor serve exited with ${code} before it was ready`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** An open breach discovered 30 hours before the screenshots, and a closed one: the Incidents area with its clock running. */
function sampleIncidents(now = Date.now()) {
  const hour = 3_600_000;
  return {
    format: 'candor/incidents',
    version: 1,
    workspace: 'ridgeline.candor.json',
    incidents: [
      {
        id: 'login-backup-exposed',
        title: 'Login database backup exposed',
        status: 'open',
        discoveredAt: new Date(now - 30 * hour).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        timeZone: 'Europe/Berlin',
        summary:
          'An old backup of the login database was left in a public storage bucket. Access logs show it was downloaded twice by an unknown party.',
        kinds: ['confidentiality'],
        dataTypes: ['email-address', 'password', 'display-name'],
        systems: ['Login database', 'Migration bucket'],
        people: 12400,
        records: 12400,
        residence: ['gdpr', 'uk-gdpr', 'ccpa'],
        residents: { gdpr: 9800, 'uk-gdpr': 1900, ccpa: 700 },
        encrypted: false,
        identifiability: 'high',
        severity: 'medium',
        consequences: 'Phishing emails that look like they come from us; attempts to sign in with the leaked passwords.',
        actionsTaken: 'Bucket made private and the backup deleted. Sessions revoked.',
        actionsPlanned: 'Force a password reset for every affected account; scan storage for public buckets every night.',
        log: [{ at: new Date(now - 30 * hour).toISOString().replace(/\.\d{3}Z$/, 'Z'), text: 'Incident recorded in Candor.' }],
      },
      {
        id: 'support-laptop-stolen',
        title: 'Support laptop stolen',
        status: 'closed',
        discoveredAt: '2026-11-02T17:05:00+01:00',
        timeZone: 'Europe/Berlin',
        summary: "A support engineer's laptop was stolen from a car. It held exports of support tickets.",
        dataTypes: ['support-messages', 'email-address'],
        people: 340,
        encrypted: true,
        keySafe: true,
        decisions: {
          authority: {
            decision: 'do-not-notify',
            reasons: 'Full-disk encryption with the key safe: the breach is unlikely to result in a risk.',
          },
          people: { decision: 'do-not-notify', reasons: 'Art 34(3)(a): the data was unintelligible.' },
        },
        log: [],
      },
    ],
  };
}

const candor = (...args: string[]) => execFileSync(process.execPath, [join(root, 'bin', 'candor.js'), ...args], { stdio: 'pipe' });

/** The same retention kept `days` days (after the same event). */
function longer(retention: DataType['retention'], days: number): DataType['retention'] {
  return { ...retention, period: { value: days, unit: 'days' } };
}

/** Rewrites a workspace file through `change`, canonically (candor format). */
async function edit(file: string, change: (workspace: Workspace) => void): Promise<void> {
  const workspace = JSON.parse(await readFile(file, 'utf8')) as Workspace;
  change(workspace);
  await writeFile(file, JSON.stringify(workspace));
  candor('format', file);
}

/** Version 1.0 of the sample, in force, and a 1.1 to come that keeps email addresses longer: the Versions screen with something to compare. */
async function publishSampleVersions(workspace: string): Promise<void> {
  candor('publish', workspace, '--version', '1.0', '--effective', '2026-11-01', '--note', 'First published notice.');
  await edit(workspace, (w) => {
    const email = w.dataTypes.find((d) => d.id === 'email-address')!;
    email.retention = longer(email.retention, 90);
  });
  candor('publish', workspace, '--version', '1.1', '--effective', '2027-01-15', '--note', 'Email addresses kept 90 days after closure.');
}

/**
 * A merge result with conflicts, as `candor merge` writes it when two people changed the same fields:
 * the Review screen's Merge conflicts tab and the banner.
 */
async function conflictedMerge(dir: string): Promise<string> {
  const base = join(dir, 'base.candor.json');
  const ours = join(dir, 'ours.candor.json');
  const theirs = join(dir, 'theirs.candor.json');
  const out = join(dir, 'ridgeline.candor.json');
  for (const file of [base, ours, theirs]) await copyFile(join(root, 'resources', 'examples', 'ridgeline.candor.json'), file);
  await edit(ours, (w) => {
    w.dataTypes[0].retention = longer(w.dataTypes[0].retention, 60);
    w.organization.contactEmail = 'privacy@ridgeline.example';
  });
  await edit(theirs, (w) => {
    w.dataTypes[0].retention = longer(w.dataTypes[0].retention, 90);
    w.organization.contactEmail = 'dpo@ridgeline.example';
  });
  try {
    candor('merge', base, ours, theirs, '-o', out);
  } catch {
    // Exit 1: the conflicts are in the file, which is what the screenshots show.
  }
  return out;
}

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

async function shoot(page: Page, name: string, scheme: string) {
  await page.waitForTimeout(500);
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: join(outDir, `${name}-${scheme}-${width}x${height}.png`) });
}

async function main() {
  await mkdir(outDir, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'candor-shots-'));
  const workspace = join(work, 'ridgeline.candor.json');
  await copyFile(join(root, 'resources', 'examples', 'ridgeline.candor.json'), workspace);
  await writeFile(join(work, 'ridgeline.incidents.candor.json'), `${JSON.stringify(sampleIncidents(), null, 2)}\n`);
  await publishSampleVersions(workspace);
  await mkdir(join(work, 'merge'));
  const merged = await conflictedMerge(join(work, 'merge'));
  const server = await startServer(workspace, join(work, 'data'));
  const mergeServer = await startServer(merged, join(work, 'merge-data'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const viewport of SIZES)
      for (const scheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport, colorScheme: scheme });
        const page = await context.newPage();
        await page.goto(server.url);
        await page.getByTestId('inventory-rows').waitFor();
        const base = server.url.split('?')[0];
        await shoot(page, 'inventory', scheme);
        for (const [name, hash] of [
          ['data-type-editor', '#/data-types/heart-rate'],
          ['purposes', '#/purposes'],
          ['recipients', '#/recipients'],
          ['collection-points', '#/collection-points'],
          ['organization', '#/organization'],
          ['organization-required-reason-apis', `#/organization?field=${encodeURIComponent('settings.apple.accessedApiTypes')}`],
          ['documents', '#/documents/privacy-notice'],
          ['in-app-text', '#/in-app'],
          ['review', '#/review'],
          ['incidents', '#/incidents/login-backup-exposed'],
          ['incident-assessment', '#/incidents/login-backup-exposed/assessment'],
          ['incident-drafts', '#/incidents/login-backup-exposed/drafts'],
        ]) {
          await page.goto(base + hash);
          await shoot(page, name, scheme);
        }
        for (const [name, tab] of [
          ['versions', 'Documents'],
          ['versions-announcement', 'Announcement'],
          ['versions-compare', 'Compare with…'],
        ]) {
          await page.goto(`${base}#/versions/1.1`);
          await page.getByRole('tab', { name: tab }).click();
          await shoot(page, name, scheme);
        }
        await page.goto(`${base}#/data-types`);
        await page.getByRole('button', { name: 'Add data type' }).click();
        await page.keyboard.type('email');
        await shoot(page, 'add-data-type', scheme);
        await page.keyboard.press('Escape');
        // Two saves, so the Backups dialog has versions to list.
        for (const owner of ['Health team', 'Health features team']) {
          await page.goto(`${base}#/data-types/heart-rate`);
          await page.getByLabel('Owner').fill(owner);
          await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
          await page.waitForTimeout(700);
        }
        await page.getByRole('button', { name: 'File' }).click();
        await page.getByRole('menuitem', { name: /Backups/ }).click();
        await shoot(page, 'backups', scheme);
        await page.goto(mergeServer.url);
        await page.getByRole('button', { name: 'Choose values' }).waitFor();
        await shoot(page, 'merge-conflict-banner', scheme);
        await page.getByRole('button', { name: 'Choose values' }).click();
        await shoot(page, 'merge-conflicts', scheme);
        await context.close();
      }
  } finally {
    await browser.close();
    await server.stop();
    await mergeServer.stop();
    await rm(work, { recursive: true, force: true });
  }
  console.log(`Screenshots written to ${outDir}`);
}

await main();
