// `npm run screenshots`: screenshots of every screen, light and dark, in a 1,440×900 and a 1,280×720
// window, taken from the real app in the local web mode on a copy of the bundled sample. They go to
// docs/screenshots/ as `<screen>-<light|dark>-<width>x<height>.png`; the README shows some of them.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';

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
  const server = await startServer(workspace, join(work, 'data'));
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
        ]) {
          await page.goto(base + hash);
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
        await context.close();
      }
  } finally {
    await browser.close();
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
  console.log(`Screenshots written to ${outDir}`);
}

await main();
