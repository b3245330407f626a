// From nothing to a saved data type: create a workspace in the web mode's path modal, add a data
// type from the library, give it a purpose, a benefit and a retention, and see all of it survive a
// reload — on screen and in the file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { readWorkspaceFile } from './support/workspace-file';

test.use({ seed: 'empty' });

test('a new workspace keeps a data type with its purpose, benefit and retention across a reload', async ({
  app,
  page,
  inventory,
  editor,
  scratch,
}) => {
  const benefit = 'You get your receipts and can reset your password.';
  const purposeName = 'Send order receipts';
  const file = join(scratch, 'harbor-books.candor.json');

  await test.step('File → New workspace… creates the file and opens it', async () => {
    await app.chooseFileMenuItem('New workspace…');
    const dialog = page.getByRole('dialog', { name: 'New workspace' });
    await dialog.getByRole('textbox', { name: 'Organization name' }).fill('Harbor Books');
    // The field suggests the current folder and puts the caret after it on focus; replace it all.
    const path = dialog.getByRole('textbox', { name: 'File to create' });
    await path.click();
    await path.fill(file);
    await expect(path).toHaveValue(file);
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('workspace-name')).toHaveText('Harbor Books');
    await expect(app.header).toContainText('harbor-books.candor.json');
    expect(existsSync(file)).toBe(true);
    const created = await readWorkspaceFile(file);
    expect(created.organization.name).toBe('Harbor Books');
    expect(created.dataTypes).toEqual([]);
    expect(created.purposes).toEqual([]);
  });

  await test.step('Add a data type from the library: its defaults fill the editor', async () => {
    await expect(page.getByRole('main').getByText('Catalogue the first kind of personal data you collect')).toBeVisible();
    await inventory.addFromLibrary('email', 'Email address');
    await editor.expectOpen('Email address');
    await expect(editor.name).toHaveValue('Email address');
    await expect(editor.category).toHaveValue('Email');
    await expect(editor.main.getByText('user.contact.email', { exact: true })).toBeVisible();
    // With no purpose yet the data type is incomplete: it is saved as it is, and the review asks for one.
    await app.waitForSaved();
    expect((await readWorkspaceFile(file)).dataTypes).toMatchObject([{ id: 'email-address', name: 'Email address', purposes: [] }]);
  });

  await test.step('Create a purpose inline and write the benefit and retention', async () => {
    await editor.addPurpose(purposeName, { create: true });
    expect(await editor.purposeNames()).toEqual([purposeName]);
    await editor.benefit.fill(benefit);
    await editor.setRetentionPeriod(30, 'days', 'the account is closed');
    await expect(editor.retentionSentence).toHaveText('Kept for 30 days after you close your account.');
  });

  await test.step('The file holds exactly what the screen shows', async () => {
    await app.waitForSaved();
    const saved = await readWorkspaceFile(file);
    expect(saved.purposes).toEqual([{ id: 'send-order-receipts', name: purposeName }]);
    expect(saved.dataTypes).toHaveLength(1);
    expect(saved.dataTypes[0]).toMatchObject({
      id: 'email-address',
      name: 'Email address',
      category: 'user.contact.email',
      purposes: ['send-order-receipts'],
      benefit,
      retention: { period: { value: 30, unit: 'days' }, after: 'account-closure' },
    });
  });

  await test.step('After a reload the editor shows the same benefit and retention', async () => {
    await app.reload();
    await editor.expectOpen('Email address');
    await expect(editor.benefit).toHaveValue(benefit);
    await expect(editor.retentionPeriod).toHaveValue('30');
    await expect(editor.retentionUnit).toHaveValue('days');
    await expect(editor.retentionAfter).toHaveValue('the account is closed');
    await expect(editor.retentionSentence).toHaveText('Kept for 30 days after you close your account.');
    expect(await editor.purposeNames()).toEqual([purposeName]);
    await expect(page.getByTestId('workspace-name')).toHaveText('Harbor Books');
  });

  await test.step('The inventory lists it with its purpose and retention', async () => {
    await editor.backLink.click();
    const row = inventory.row('Email address');
    await expect(inventory.cell(row, 'Purposes')).toHaveText(purposeName);
    await expect(inventory.cell(row, 'Retention')).toHaveText('30 days after account closure');
    await expect(inventory.count).toHaveText('1');
  });
});
