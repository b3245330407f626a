// Each web test gets its own folder, its own workspace file and its own `candor serve`, so tests
// never share state and can run in parallel. The server is stopped with SIGTERM the way a person's
// Ctrl+C would, and the test fails if it does not exit cleanly.
import { test as base, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Workspace } from '../../core/schema';
import { CandorApp } from '../pages/CandorApp';
import { DataTypeEditorPage } from '../pages/DataTypeEditorPage';
import { PurposesPage, RecipientsPage } from '../pages/EntityListPage';
import { InventoryPage } from '../pages/InventoryPage';
import { REPO_ROOT, startCandorServer, type CandorServer } from './candor-server';
import { readWorkspaceFile } from './workspace-file';

const run = promisify(execFile);

/**
 * What the test's workspace starts as: the bundled sample (`candor new --example`), an empty one
 * (`candor new`), or whatever `write` puts at the given path. (A bare function would be taken by
 * Playwright for a fixture, hence the object.)
 */
export type Seed = 'example' | 'empty' | { write(file: string): Promise<unknown> };

export interface CandorFixtures {
  seed: Seed;
  /** a fresh temporary folder, removed after the test */
  scratch: string;
  workspaceFile: string;
  /** the workspace as it was on disk before the app opened it */
  initialWorkspace: Workspace;
  candor: CandorServer;
  /** the shell, with the workspace open in the page */
  app: CandorApp;
  inventory: InventoryPage;
  editor: DataTypeEditorPage;
  purposes: PurposesPage;
  recipients: RecipientsPage;
  /** waits for the header to say Saved, then reads the workspace file from disk */
  savedWorkspace: () => Promise<Workspace>;
}

export interface CandorWorkerFixtures {
  /** writes the seed's workspace at `file`: made once per worker by `candor new`, then copied */
  newWorkspace: (seed: 'example' | 'empty', file: string) => Promise<void>;
}

async function candorNew(file: string, example: boolean): Promise<void> {
  await run(process.execPath, [join(REPO_ROOT, 'bin', 'candor.js'), 'new', file, ...(example ? ['--example'] : [])], {
    cwd: REPO_ROOT,
  });
}

export const test = base.extend<CandorFixtures, CandorWorkerFixtures>({
  seed: ['example', { option: true }],

  // `candor new` writes the same bytes every time and starting it costs a second or more, so each worker
  // runs it once per kind of seed and every test gets its own copy of that file.
  newWorkspace: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern, so it must be there even when empty
    async ({}, use) => {
      const dir = await mkdtemp(join(tmpdir(), 'candor-web-e2e-seeds-'));
      const made = new Map<string, Promise<string>>();
      await use(async (seed, file) => {
        let source = made.get(seed);
        if (!source) {
          const path = join(dir, `${seed}.candor.json`);
          source = candorNew(path, seed === 'example').then(() => path);
          made.set(seed, source);
        }
        await copyFile(await source, file);
      });
      await rm(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern, so it must be there even when empty
  scratch: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'candor-web-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  workspaceFile: async ({ seed, scratch, newWorkspace }, use) => {
    const file = join(scratch, 'workspace.candor.json');
    if (seed === 'example' || seed === 'empty') await newWorkspace(seed, file);
    else await seed.write(file);
    await use(file);
  },

  initialWorkspace: async ({ workspaceFile }, use) => {
    await use(await readWorkspaceFile(workspaceFile));
  },

  candor: async ({ workspaceFile, scratch }, use) => {
    const server = await startCandorServer({ workspace: workspaceFile, dataDir: join(scratch, 'data') });
    try {
      await use(server);
    } finally {
      const code = await server.stop();
      expect(code, `candor serve should exit with 0 after SIGTERM; stderr:\n${server.stderr()}`).toBe(0);
    }
  },

  app: async ({ page, candor }, use) => {
    const app = new CandorApp(page, candor);
    await app.open();
    await use(app);
  },

  // The screens need the app open: asking for one opens it.
  inventory: async ({ app }, use) => use(new InventoryPage(app.page)),
  editor: async ({ app }, use) => use(new DataTypeEditorPage(app.page)),
  purposes: async ({ app }, use) => use(new PurposesPage(app.page)),
  recipients: async ({ app }, use) => use(new RecipientsPage(app.page)),

  savedWorkspace: async ({ page, workspaceFile }, use) => {
    await use(async () => {
      await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
      return readWorkspaceFile(workspaceFile);
    });
  },
});

export { expect };
