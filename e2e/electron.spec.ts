// The desktop app itself: Electron with the real main process, preload and built renderer, on a
// fresh copy of the sample workspace and a data folder of its own. Needs `npm run build` first
// (`npm run test:e2e` does it). Where no Electron binary is installed the whole file is skipped;
// the same UI flows run in Chromium through the web mode.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { bundledExamplePath } from '../electron/services/paths';
import { lockPathFor } from '../electron/services/workspace-lock';
import { findElectronBinary } from '../scripts/electron-binary';

const binary = findElectronBinary();
const skipReason = binary.found
  ? ''
  : `No Electron binary on this machine (${binary.path}: ${binary.reason}): the Electron e2e spec runs where one exists; the same flows run in Chromium through the web mode.`;
// The list reporter shows a skipped test without its reason, so the reason is printed once too.
if (!binary.found) console.warn(`[electron.spec] ${skipReason}`);
test.skip(!binary.found, skipReason);

const root = resolve(import.meta.dirname, '..');

interface Sample {
  organization: { name: string };
  dataTypes: { id: string; name: string }[];
}

let scratch: string;
let workspacePath: string;
let sample: Sample;
let app: ElectronApplication;
let page: Page;

test.beforeEach(async () => {
  expect(existsSync(join(root, 'out', 'main', 'index.js')), 'the app is not built: run `npm run build` first').toBe(true);
  const source = bundledExamplePath();
  expect(existsSync(source), `the sample workspace ${source} is missing`).toBe(true);
  scratch = await mkdtemp(join(tmpdir(), 'candor-electron-e2e-'));
  workspacePath = join(scratch, basename(source));
  await copyFile(source, workspacePath);
  sample = JSON.parse(await readFile(workspacePath, 'utf8')) as Sample;

  app = await electron.launch({
    args: ['.', workspacePath],
    cwd: root,
    env: { ...process.env, CANDOR_DATA_DIR: join(scratch, 'data') } as Record<string, string>,
  });
  page = await app.firstWindow();
});

test.afterEach(async () => {
  // A test that already quit the app leaves nothing to close.
  await app?.close().catch(() => undefined);
  await rm(scratch, { recursive: true, force: true });
});

function windowTitle(): Promise<string | undefined> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
}

test('opens the workspace named on the command line, with its name in the title', async () => {
  await expect.poll(windowTitle).toBe(`${sample.organization.name} — ${basename(workspacePath)} — Candor`);
  await expect.poll(() => existsSync(lockPathFor(workspacePath)), { message: 'the workspace is locked while open' }).toBe(true);
});

test('the page has no Node.js and exactly the bridge functions', async () => {
  const surface = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const bridge = w.candor as Record<string, unknown> | undefined;
    return {
      require: typeof w.require,
      process: typeof w.process,
      module: typeof w.module,
      bridgeKeys: bridge ? Object.keys(bridge).sort() : null,
      bridgeTypes: bridge ? Object.values(bridge).map((v) => typeof v) : null,
      ipcRenderer: bridge ? 'ipcRenderer' in bridge : null,
    };
  });
  expect(surface).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    bridgeKeys: ['choosePath', 'flushed', 'invoke', 'on'],
    bridgeTypes: ['function', 'function', 'function', 'function'],
    ipcRenderer: false,
  });

  const answers = await page.evaluate(async () => {
    const candor = (window as unknown as { candor: { invoke: (n: string, a: unknown) => Promise<unknown> } }).candor;
    return {
      info: await candor.invoke('app-info', {}),
      unknown: await candor.invoke('shell-exec', { command: 'rm -rf /' }),
    };
  });
  expect(answers.info).toMatchObject({ ok: true, value: { shell: 'electron', dataDir: join(scratch, 'data') } });
  expect(answers.unknown).toMatchObject({ ok: false, error: { code: 'unknown-handler' } });
});

test('the page cannot open windows or navigate away', async () => {
  const before = page.url();
  expect(before).toMatch(/^candor:\/\/app\//);
  const opened = await page.evaluate(() => window.open('http://127.0.0.1:9/') === null);
  expect(opened).toBe(true);
  // Records the navigations the main process is asked about; its own guard, registered first, has
  // decided on each one by the time this listener hears of it.
  await app.evaluate(({ BrowserWindow }) => {
    const asked: string[] = [];
    (globalThis as unknown as { __navigationsAsked: string[] }).__navigationsAsked = asked;
    BrowserWindow.getAllWindows()[0].webContents.on('will-navigate', (event) => asked.push(event.url));
  });
  await page.evaluate(() => {
    window.location.href = 'http://127.0.0.1:9/elsewhere';
  });
  await expect
    .poll(() => app.evaluate(() => (globalThis as unknown as { __navigationsAsked: string[] }).__navigationsAsked))
    .toEqual(['http://127.0.0.1:9/elsewhere']);
  expect(page.url()).toBe(before);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('shows the inventory and opens a data type', async () => {
  const table = page.getByRole('table', { name: 'Data types' });
  for (const dataType of sample.dataTypes.slice(0, 5)) {
    await expect(table.getByText(dataType.name, { exact: true })).toBeVisible();
  }
  const first = sample.dataTypes[0];
  await table.getByText(first.name, { exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/data-types/${encodeURIComponent(first.id)}`));
});

test('closing the window quits the app and releases the workspace', async () => {
  await expect.poll(() => existsSync(lockPathFor(workspacePath))).toBe(true);
  const exited = new Promise<void>((done) => app.once('close', () => done()));
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
  await exited;
  expect(existsSync(lockPathFor(workspacePath)), 'the quit sequence closes the session and its lock').toBe(false);
  expect(JSON.parse(await readFile(workspacePath, 'utf8'))).toMatchObject({ organization: { name: sample.organization.name } });
});
