// The first-time flow of issue 9, from an empty workspace, without leaving the data type's editor: add
// "Email address" from the library, create a purpose with its lawful basis, add Stripe from Candor's
// catalogue as a recipient, create a collection point, all inline, no dead end; the id follows the
// name; then a data type is added from the collection point, named as typed.
import { expect, test } from './support/fixtures';

test.use({ seed: 'empty' });

test('a first data type gets its purpose, recipient and collection point without leaving the editor', async ({
  app,
  page,
  inventory,
  editor,
  savedWorkspace,
}) => {
  await test.step('Add “Email address” from the library', async () => {
    await inventory.addFromLibrary('email', 'Email address');
    await editor.expectOpen('Email address');
    await expect(editor.idField).toHaveValue('email-address');
  });

  await test.step('No picker sends the person elsewhere first', async () => {
    await expect(editor.main).not.toContainText('first');
    await editor.pickerInput('Recipients').click();
    await expect(page.getByText('Nothing yet: type a name to create one').filter({ visible: true })).toHaveCount(1);
    await page.keyboard.press('Escape');
  });

  await test.step('Create a purpose inline, with its lawful basis', async () => {
    await editor.purposesInput.click();
    await editor.purposesInput.fill('Send account emails');
    await page.getByRole('option', { name: 'New purpose “Send account emails”' }).click();
    const form = editor.newEntityForm('New purpose');
    // Each basis comes with a one-line meaning.
    await expect(form.getByText('Needed to provide what the person signed up for.')).toBeVisible();
    await form.getByRole('radio', { name: 'Contract' }).check();
    await form.getByRole('button', { name: 'Create purpose' }).click();
    await expect(form).toBeHidden();
    expect(await editor.pickedNames('purposes')).toEqual(['Send account emails']);
  });

  await test.step('Add Stripe from the catalogue as a recipient: every field filled, to be confirmed', async () => {
    const input = editor.pickerInput('Recipients');
    await input.click();
    await input.fill('stri');
    await page.getByRole('option', { name: /^Stripe — Payments \(from Candor's catalogue\)/ }).click();
    expect(await editor.pickedNames('recipients')).toEqual(['Stripe Payments Europe, Limited']);
    await expect(page.getByText(/Filled in from Candor's catalogue \(checked 5 December 2026\)/)).toBeVisible();
  });

  await test.step('Create a collection point inline, with its platform', async () => {
    const input = editor.pickerInput('Collected at');
    await input.click();
    await input.fill('Sign-up screen');
    await page.getByRole('option', { name: 'New collection point “Sign-up screen”' }).click();
    const form = editor.newEntityForm('New collection point');
    await form.getByText('iOS', { exact: true }).click();
    await form.getByRole('button', { name: 'Create collection point' }).click();
    await expect(form).toBeHidden();
    expect(await editor.pickedNames('collectedAt')).toEqual(['Sign-up screen']);
  });

  await test.step('Renaming the data type moves its automatic id along', async () => {
    await editor.name.fill('Account email');
    await expect(editor.idField).toHaveValue('account-email');
    await expect(page).toHaveURL(/#\/data-types\/account-email/);
    await expect(editor.name).toBeFocused();
  });

  await test.step('The file holds all of it, linked by id', async () => {
    const saved = await savedWorkspace();
    expect(saved.purposes).toEqual([{ id: 'send-account-emails', name: 'Send account emails', lawfulBasis: 'contract' }]);
    expect(saved.recipients).toHaveLength(1);
    expect(saved.recipients[0]).toMatchObject({
      id: 'stripe',
      name: 'Stripe Payments Europe, Limited',
      role: 'processor',
      country: 'IE',
      privacyPolicyUrl: 'https://stripe.com/privacy',
    });
    expect(saved.collectionPoints).toEqual([{ id: 'sign-up-screen', name: 'Sign-up screen', platform: 'ios' }]);
    expect(saved.dataTypes[0]).toMatchObject({
      id: 'account-email',
      name: 'Account email',
      purposes: ['send-account-emails'],
      recipients: ['stripe'],
      collectedAt: ['sign-up-screen'],
    });
  });

  await test.step('The recipient says its details came from the catalogue', async () => {
    await app.goTo('Recipients');
    await expect(page.getByTestId('catalogue-note')).toContainText('checked 5 December 2026');
  });

  await test.step('A data type added from the collection point is collected there, named as typed', async () => {
    await app.goTo('Collection points');
    await page.getByRole('button', { name: 'Add data type collected here' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Search the library' }).fill('Meditation history');
    await dialog.getByRole('option', { name: /Blank data type “Meditation history”/ }).click();
    await editor.expectOpen('Meditation history');
    await expect(editor.idField).toHaveValue('meditation-history');
    expect(await editor.pickedNames('collectedAt')).toEqual(['Sign-up screen']);
  });
});
