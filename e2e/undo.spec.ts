// Undo and redo are the app's, not the text field's: Ctrl+Z steps back through whole edits wherever
// the focus is, the header's buttons do the same, and each step is saved like any other edit.
import type { DataType } from '../core/schema';
import { expect, test } from './support/fixtures';

const NEW_NAME = 'Account password';
const NEW_BENEFIT = 'Nobody else can open your routes, not even on a shared phone.';

test('Ctrl+Z, Ctrl+Shift+Z and the header buttons step through edits, and the file follows', async ({
  app,
  page,
  inventory,
  editor,
  initialWorkspace,
  savedWorkspace,
}) => {
  const original = initialWorkspace.dataTypes.find((d) => d.id === 'password')!;
  expect(original.name).toBe('Password');
  const oldBenefit = original.benefit!;
  // Its id follows its name while it is the name's slug: "password" while it is Password, "account-password" after the rename.
  const savedPassword = async (): Promise<DataType | undefined> =>
    (await savedWorkspace()).dataTypes.find((d) => d.id === 'password' || d.id === 'account-password');

  await test.step('Rename the data type, then change its benefit', async () => {
    await expect(app.undoButton).toBeDisabled();
    await inventory.open('Password');
    await editor.expectOpen('Password');
    await editor.name.fill(NEW_NAME);
    await expect(editor.title).toHaveText(NEW_NAME);
    await editor.benefit.fill(NEW_BENEFIT);
    expect(await savedPassword()).toMatchObject({ name: NEW_NAME, benefit: NEW_BENEFIT });
    await expect(app.redoButton).toBeDisabled();
  });

  await test.step('Ctrl+Z with the focus outside any input undoes the benefit only', async () => {
    await editor.title.click();
    await expect(page.locator('input:focus, textarea:focus')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(editor.benefit).toHaveValue(oldBenefit);
    await expect(editor.name).toHaveValue(NEW_NAME);
    await expect(app.notification('Undid: Edit benefit')).toBeVisible();
    expect(await savedPassword()).toMatchObject({ name: NEW_NAME, benefit: oldBenefit });
  });

  await test.step('Ctrl+Z inside a text field undoes the rename, not just the typing', async () => {
    await editor.benefit.click();
    await page.keyboard.press('Control+z');
    await expect(editor.name).toHaveValue('Password');
    await expect(editor.title).toHaveText('Password');
    // The field the focus was in is unchanged: the app's undo ran, not the browser's text undo.
    await expect(editor.benefit).toHaveValue(oldBenefit);
    await expect(editor.benefit).toBeFocused();
    await expect(app.undoButton).toBeDisabled();
    await expect(app.redoButton).toBeEnabled();
    expect(await savedPassword()).toEqual(original);
    expect(await savedWorkspace()).toEqual(initialWorkspace);
  });

  await test.step('Ctrl+Shift+Z redoes the rename; the Redo button redoes the benefit', async () => {
    await editor.title.click();
    await page.keyboard.press('Control+Shift+z');
    await expect(editor.name).toHaveValue(NEW_NAME);
    await expect(editor.benefit).toHaveValue(oldBenefit);
    await app.redoButton.click();
    await expect(editor.benefit).toHaveValue(NEW_BENEFIT);
    await expect(app.redoButton).toBeDisabled();
    expect(await savedPassword()).toMatchObject({ name: NEW_NAME, benefit: NEW_BENEFIT });
  });

  await test.step('The Undo button undoes the benefit; Ctrl+Shift+Z in a field redoes it', async () => {
    await app.undoButton.click();
    await expect(editor.benefit).toHaveValue(oldBenefit);
    expect(await savedPassword()).toMatchObject({ name: NEW_NAME, benefit: oldBenefit });
    await editor.name.click();
    await page.keyboard.press('Control+Shift+z');
    await expect(editor.benefit).toHaveValue(NEW_BENEFIT);
    await expect(editor.name).toHaveValue(NEW_NAME);
    expect(await savedPassword()).toMatchObject({ name: NEW_NAME, benefit: NEW_BENEFIT });
  });

  await test.step('The inventory shows the state the history ended in', async () => {
    await editor.backLink.click();
    await expect(inventory.row(NEW_NAME)).toHaveCount(1);
    await expect(inventory.row('Password')).toHaveCount(0);
  });
});

test('a data type deleted from the inventory comes back with Undo in the notification', async ({
  app,
  inventory,
  initialWorkspace,
  savedWorkspace,
}) => {
  const total = initialWorkspace.dataTypes.length;

  await test.step('Delete it from the row’s menu', async () => {
    await expect(inventory.count).toHaveText(String(total));
    await inventory.deleteFromMenu('Crash logs');
    await expect(inventory.row('Crash logs')).toHaveCount(0);
    await expect(inventory.count).toHaveText(String(total - 1));
    const saved = await savedWorkspace();
    expect(saved.dataTypes.map((d) => d.id)).toEqual(initialWorkspace.dataTypes.filter((d) => d.id !== 'crash-logs').map((d) => d.id));
  });

  await test.step('Undo in the notification brings it back, in its place and whole', async () => {
    const notice = app.notification('Deleted “Crash logs”');
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect(notice).toBeHidden();
    await expect(inventory.row('Crash logs')).toHaveCount(1);
    await expect(inventory.count).toHaveText(String(total));
    await expect(inventory.cell(inventory.row('Crash logs'), 'Recipients')).toHaveText('Functional Software, Inc. (Sentry)');
    expect(await savedWorkspace()).toEqual(initialWorkspace);
  });
});
