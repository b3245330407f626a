// Two people edited the workspace in two clones and git's merge driver (`candor merge`) found the same
// fields changed both ways: the file it wrote opens in Candor, which shows each conflict with its values
// to choose from, and the choices reach the file on disk with no conflict left in it.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Workspace } from '../core/schema';
import { REPO_ROOT } from './support/candor-server';
import { expect, test } from './support/fixtures';

const run = promisify(execFile);

async function sample(): Promise<Workspace> {
  return JSON.parse(await readFile(join(REPO_ROOT, 'resources', 'examples', 'ridgeline.candor.json'), 'utf8')) as Workspace;
}

test.use({
  seed: {
    async write(file: string) {
      const [base, ours, theirs] = [await sample(), await sample(), await sample()];
      ours.dataTypes[0].retention = { period: { value: 90, unit: 'days' }, after: 'account-closure' };
      theirs.dataTypes[0].retention = { period: { value: 60, unit: 'days' }, after: 'account-closure' };
      ours.dataTypes[0].benefit = 'You can sign in on any device.';
      theirs.dataTypes[0].benefit = 'You can sign in on any device and get your receipts by email.';
      theirs.dataTypes[0].owner = 'Growth team';
      const sides = { base, ours, theirs };
      const files: string[] = [];
      for (const [name, workspace] of Object.entries(sides)) {
        const path = join(dirname(file), `${name}.json`);
        await writeFile(path, JSON.stringify(workspace));
        files.push(path);
      }
      // Exit 1: conflicts, as git's merge driver reports them.
      const exit = await run(process.execPath, [join(REPO_ROOT, 'bin', 'candor.js'), 'merge', ...files, '-o', file]).then(
        () => 0,
        (error: { code?: number }) => error.code,
      );
      expect(exit).toBe(1);
    },
  },
});

test('a conflicted merge result opens with its conflicts, and choosing each saves the chosen values', async ({
  app,
  page,
  initialWorkspace,
  savedWorkspace,
  workspaceFile,
}) => {
  expect(initialWorkspace.mergeConflicts?.map((c) => c.path)).toEqual([
    '/dataTypes/email-address/benefit',
    '/dataTypes/email-address/retention',
  ]);
  const banner = page.getByTestId('banner-merge-conflicts');
  const cards = page.getByTestId('merge-conflict');

  await test.step('the banner says how many and leads to the list', async () => {
    await expect(banner).toContainText('This file has 2 merge conflicts from git.');
    await banner.getByRole('button', { name: 'Choose values' }).click();
    await expect(page).toHaveURL(/#\/review\/conflicts$/);
    await expect(cards).toHaveCount(2);
    await expect(cards.nth(0).getByRole('heading')).toHaveText('Email address: benefit');
    await expect(cards.nth(0).getByTestId('conflict-theirs')).toHaveText('You can sign in on any device and get your receipts by email.');
    await expect(cards.nth(1).getByTestId('conflict-ours')).toHaveText('90 days after account closure');
    await expect(cards.nth(1).getByTestId('conflict-theirs')).toHaveText('60 days after account closure');
  });

  await test.step('theirs for the benefit, with the mouse; base for the retention, with the keyboard', async () => {
    await cards.nth(0).getByRole('button', { name: 'Use theirs' }).click();
    await expect(cards).toHaveCount(1);
    await expect(banner).toContainText('This file has 1 merge conflict from git.');
    // The focus is on the remaining conflict's first button, Use base.
    await expect(cards.nth(0).getByRole('button', { name: 'Use base' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('merge-conflicts-none')).toContainText('No merge conflicts left');
    await expect(banner).toHaveCount(0);
    await expect(app.saveStatus).toHaveAttribute('data-status', 'saved');
  });

  await test.step('the file on disk has the chosen values and no conflicts left', async () => {
    const saved = await savedWorkspace();
    expect(saved).not.toHaveProperty('mergeConflicts');
    expect(saved.dataTypes[0]).toMatchObject({
      benefit: 'You can sign in on any device and get your receipts by email.',
      retention: { period: { value: 30, unit: 'days' }, after: 'account-closure' },
      // Merged cleanly: theirs alone changed it.
      owner: 'Growth team',
    });
    const text = await readFile(workspaceFile, 'utf8');
    expect(text).not.toContain('mergeConflicts');
    expect(text).not.toMatch(/^(<{7}|={7}|>{7})/m);
  });
});
