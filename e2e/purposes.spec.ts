// A purpose is referred to by id, so renaming it on the Purposes screen must show the new name
// wherever the purpose appears, and keep the id (and every data type's reference) as it was.
import { expect, test } from './support/fixtures';

const OLD_NAME = 'Create your account and sign you in';
const NEW_NAME = 'Sign you in and look after your account';

test('renaming a purpose shows the new name everywhere and keeps its id', async ({
  app,
  page,
  purposes,
  inventory,
  editor,
  initialWorkspace,
  savedWorkspace,
}) => {
  const before = initialWorkspace.purposes.find((p) => p.name === OLD_NAME);
  expect(before, `the sample has the purpose “${OLD_NAME}”`).toBeDefined();
  const users = initialWorkspace.dataTypes.filter((d) => d.purposes.includes(before!.id)).map((d) => d.name);
  expect(users).toEqual(['Email address', 'Password', 'Display name']);

  await test.step('Rename it on the Purposes screen', async () => {
    await app.goTo('Purposes');
    await purposes.select(OLD_NAME);
    await expect(purposes.idField).toHaveValue(before!.id);
    await purposes.rename(NEW_NAME);
    await expect(purposes.editorTitle).toHaveText(NEW_NAME);
    await expect(purposes.entry(NEW_NAME)).toHaveAttribute('aria-selected', 'true');
    await expect(purposes.entry(OLD_NAME)).toHaveCount(0);
    // A purpose in use keeps its id when renamed, so references in other files stay valid.
    await expect(purposes.idField).toHaveValue(before!.id);
    await expect(purposes.usedBy.getByRole('link')).toHaveText(users);
  });

  await test.step('The file has the new name under the same id', async () => {
    const saved = await savedWorkspace();
    expect(saved.purposes.map((p) => p.id)).toEqual(initialWorkspace.purposes.map((p) => p.id));
    expect(saved.purposes.find((p) => p.id === before!.id)?.name).toBe(NEW_NAME);
    expect(saved.purposes.some((p) => p.name === OLD_NAME)).toBe(false);
    expect(saved.dataTypes.filter((d) => d.purposes.includes(before!.id)).map((d) => d.name)).toEqual(users);
  });

  await test.step('The inventory’s Purposes column shows the new name', async () => {
    await app.goTo('Data types');
    await expect(inventory.cell(inventory.row('Password'), 'Purposes')).toHaveText(NEW_NAME);
    await expect(inventory.cell(inventory.row('Email address'), 'Purposes')).toContainText(NEW_NAME);
    await expect(inventory.cell(inventory.row('Display name'), 'Purposes')).toContainText(NEW_NAME);
    await expect(inventory.table).not.toContainText(OLD_NAME);
  });

  await test.step('The purpose filter offers the new name and filters by it', async () => {
    await inventory.filter('purpose').click();
    await expect(page.getByRole('option', { name: NEW_NAME, exact: true })).toBeVisible();
    await expect(page.getByRole('option', { name: OLD_NAME, exact: true })).toHaveCount(0);
    await page.getByRole('option', { name: NEW_NAME, exact: true }).click();
    await expect(inventory.filter('purpose')).toHaveValue(NEW_NAME);
    await expect(inventory.count).toHaveText(`${users.length} of ${initialWorkspace.dataTypes.length}`);
    expect((await inventory.columnTexts('Name')).sort()).toEqual([...users].sort());
  });

  await test.step('The data type editor’s Purposes field shows the new name', async () => {
    await inventory.open('Password');
    await editor.expectOpen('Password');
    expect(await editor.purposeNames()).toEqual([NEW_NAME]);
    await editor.purposesInput.click();
    await expect(page.getByRole('option', { name: new RegExp(`^${NEW_NAME}`) })).toBeVisible();
    await expect(page.getByRole('option', { name: new RegExp(`^${OLD_NAME}`) })).toHaveCount(0);
  });
});
