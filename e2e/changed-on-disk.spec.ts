// The workspace is a file a team keeps in git: another program may change it while Candor has it
// open. Candor must notice, offer to reload, and never write over the other program's change.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { editWorkspaceFileOutside, readWorkspaceFile } from './support/workspace-file';

test('a change on disk is offered for reload, and Reload shows it', async ({ app, page, inventory, workspaceFile, savedWorkspace }) => {
  await expect(inventory.row('Password')).toBeVisible();
  await expect(app.changedOnDiskBanner).toHaveCount(0);

  await editWorkspaceFileOutside(workspaceFile, (w) => {
    w.dataTypes.find((d) => d.id === 'password')!.name = 'Passphrase';
    w.organization.name = 'Ridgeline Outdoors';
  });

  await test.step('the banner appears and offers Reload; nothing changes on screen by itself', async () => {
    await expect(app.changedOnDiskBanner).toBeVisible();
    await expect(app.changedOnDiskBanner).toContainText('workspace.candor.json changed on disk');
    await expect(app.changedOnDiskBanner.getByRole('button', { name: 'Reload' })).toBeVisible();
    // Nothing of the team's is at stake, so there is no copy to save.
    await expect(app.changedOnDiskBanner.getByRole('button', { name: /Save mine as a copy/ })).toHaveCount(0);
    await expect(inventory.row('Password')).toBeVisible();
    await expect(page.getByTestId('workspace-name')).toHaveText('Ridgeline');
  });

  await test.step('Reload shows the file as it is now', async () => {
    await app.changedOnDiskBanner.getByRole('button', { name: 'Reload' }).click();
    await expect(app.changedOnDiskBanner).toBeHidden();
    await expect(inventory.row('Passphrase')).toBeVisible();
    await expect(inventory.row('Password')).toHaveCount(0);
    await expect(page.getByTestId('workspace-name')).toHaveText('Ridgeline Outdoors');
    await expect(app.saveStatus).toHaveAttribute('data-status', 'saved');
    // Reload starts a fresh history: there is nothing to undo back into the old file.
    await expect(app.undoButton).toBeDisabled();
  });

  await test.step('editing after the reload saves on top of the outside change', async () => {
    await inventory.open('Passphrase');
    await page.getByRole('textbox', { name: 'Owner' }).fill('Identity team');
    const saved = await savedWorkspace();
    expect(saved.organization.name).toBe('Ridgeline Outdoors');
    expect(saved.dataTypes.find((d) => d.id === 'password')).toMatchObject({ name: 'Passphrase', owner: 'Identity team' });
  });
});

test('a save after an outside change is refused, the file keeps the outside change, and the banner says so', async ({
  app,
  page,
  inventory,
  editor,
  workspaceFile,
  scratch,
}) => {
  const localBenefit = 'Written in Candor while someone else changed the file.';
  await inventory.open('Password');
  await editor.expectOpen('Password');

  // The local edit follows the outside write at once, before the app may have heard of it: the
  // save itself must notice.
  await editWorkspaceFileOutside(workspaceFile, (w) => {
    w.dataTypes.find((d) => d.id === 'password')!.benefit = 'Changed in a text editor.';
  });
  const outside = await readFile(workspaceFile, 'utf8');
  await editor.benefit.fill(localBenefit);

  await test.step('the save is refused and the file keeps the outside change', async () => {
    await expect(app.saveStatus).toHaveAttribute('data-status', 'conflict');
    await expect(app.saveStatus).toHaveText('Changed on disk');
    await expect(app.saveStatus).toHaveAttribute('title', /did not overwrite/);
    expect(await readFile(workspaceFile, 'utf8')).toBe(outside);
    // The edit is still on screen, not lost.
    await expect(editor.benefit).toHaveValue(localBenefit);
  });

  await test.step('the banner says the edits are unsaved and offers both ways out', async () => {
    await expect(app.changedOnDiskBanner).toBeVisible();
    await expect(app.changedOnDiskBanner).toContainText('changed on disk');
    await expect(app.changedOnDiskBanner).toContainText(/unsaved/);
    await expect(app.changedOnDiskBanner.getByRole('button', { name: 'Save mine as a copy…' })).toBeVisible();
    await expect(app.changedOnDiskBanner.getByRole('button', { name: 'Reload' })).toBeVisible();
  });

  await test.step('more edits are not written either', async () => {
    await page.getByRole('textbox', { name: 'Owner' }).fill('Someone else');
    // The edit makes the status "Editing…" at once; it comes back to conflict only after the
    // store has tried to save again and been refused.
    await expect(app.saveStatus).not.toHaveAttribute('data-status', 'conflict', { timeout: 1000 });
    await expect(app.saveStatus).toHaveAttribute('data-status', 'conflict');
    expect(await readFile(workspaceFile, 'utf8')).toBe(outside);
  });

  await test.step('“Save mine as a copy…” writes the local edits to a new file and leaves the original alone', async () => {
    const copy = join(scratch, 'mine.candor.json');
    await app.changedOnDiskBanner.getByRole('button', { name: 'Save mine as a copy…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save a copy as…' });
    const path = dialog.getByRole('textbox', { name: 'New file' });
    await path.click();
    await path.fill(copy);
    await dialog.getByRole('button', { name: 'Save copy' }).click();
    await expect(dialog).toBeHidden();
    await expect(app.header).toContainText('mine.candor.json');
    await expect(app.changedOnDiskBanner).toBeHidden();
    await app.waitForSaved();
    const mine = await readWorkspaceFile(copy);
    expect(mine.dataTypes.find((d) => d.id === 'password')).toMatchObject({ benefit: localBenefit, owner: 'Someone else' });
    expect(await readFile(workspaceFile, 'utf8')).toBe(outside);
  });
});

test('Reload after a refused save discards the local edits and shows the file', async ({ app, inventory, editor, workspaceFile }) => {
  await inventory.open('Password');
  await editWorkspaceFileOutside(workspaceFile, (w) => {
    w.dataTypes.find((d) => d.id === 'password')!.benefit = 'Changed in a text editor.';
  });
  await editor.benefit.fill('Mine, about to be discarded.');
  await expect(app.saveStatus).toHaveAttribute('data-status', 'conflict');

  await app.changedOnDiskBanner.getByRole('button', { name: 'Reload' }).click();
  await expect(app.changedOnDiskBanner).toBeHidden();
  await expect(editor.benefit).toHaveValue('Changed in a text editor.');
  await expect(app.saveStatus).toHaveAttribute('data-status', 'saved');
  expect((await readWorkspaceFile(workspaceFile)).dataTypes.find((d) => d.id === 'password')?.benefit).toBe('Changed in a text editor.');
});
