// Deleting a recipient that data types still use: the app names what will change, asks, and then
// removes the recipient and every reference to it — on screen and in the file.
import { expect, test } from './support/fixtures';

const RECIPIENT = 'Brevo SAS';

test('deleting a used recipient names the data types, then removes it everywhere', async ({
  app,
  recipients,
  inventory,
  initialWorkspace,
  savedWorkspace,
}) => {
  const recipient = initialWorkspace.recipients.find((r) => r.name === RECIPIENT)!;
  expect(recipient, `the sample has the recipient “${RECIPIENT}”`).toBeDefined();
  const users = initialWorkspace.dataTypes.filter((d) => d.recipients?.includes(recipient.id)).map((d) => d.name);
  expect(users).toEqual(['Email address', 'Recorded routes', 'Emergency contact']);

  await test.step('The inventory lists it before the delete', async () => {
    await expect(inventory.cell(inventory.row('Email address'), 'Recipients')).toHaveText('Hetzner Online GmbH, Brevo SAS');
  });

  await test.step('Delete asks first and names the affected data types', async () => {
    await app.goTo('Recipients');
    await recipients.select(RECIPIENT);
    await recipients.deleteButton.click();
    await expect(recipients.confirmation).toBeVisible();
    await expect(recipients.confirmation).toContainText(`Delete recipient “${RECIPIENT}”?`);
    await expect(recipients.confirmation).toContainText(
      'Email address, Recorded routes and Emergency contact will no longer list Brevo SAS as a recipient.',
    );
  });

  await test.step('Cancel keeps it', async () => {
    await recipients.confirmation.getByRole('button', { name: 'Cancel' }).click();
    await expect(recipients.confirmation).toBeHidden();
    await expect(recipients.entry(RECIPIENT)).toBeVisible();
    await expect(app.undoButton).toBeDisabled();
  });

  await test.step('Confirming removes it from the list', async () => {
    await recipients.deleteButton.click();
    await recipients.confirmation.getByRole('button', { name: 'Delete recipient' }).click();
    await expect(recipients.confirmation).toBeHidden();
    await expect(recipients.entry(RECIPIENT)).toHaveCount(0);
    expect(await recipients.names()).toEqual(initialWorkspace.recipients.filter((r) => r.id !== recipient.id).map((r) => r.name));
    await expect(app.sectionLink('Recipients')).toHaveText(`Recipients${initialWorkspace.recipients.length - 1}`);
  });

  await test.step('The file no longer has the recipient nor any reference to it', async () => {
    const saved = await savedWorkspace();
    expect(saved.recipients.map((r) => r.id)).not.toContain(recipient.id);
    expect(saved.recipients).toHaveLength(initialWorkspace.recipients.length - 1);
    for (const dataType of saved.dataTypes) {
      expect(dataType.recipients ?? [], `${dataType.id} still lists ${recipient.id}`).not.toContain(recipient.id);
    }
    // The other recipients of those data types are untouched.
    expect(saved.dataTypes.find((d) => d.id === 'email-address')?.recipients).toEqual(['hetzner']);
    expect(saved.dataTypes.find((d) => d.id === 'emergency-contact')?.recipients).toEqual(['hetzner', 'twilio']);
  });

  await test.step('The inventory’s Recipients column no longer shows it', async () => {
    await app.goTo('Data types');
    await expect(inventory.cell(inventory.row('Email address'), 'Recipients')).toHaveText('Hetzner Online GmbH');
    await expect(inventory.cell(inventory.row('Emergency contact'), 'Recipients')).toHaveText('Hetzner Online GmbH, Twilio Inc.');
    await expect(inventory.table).not.toContainText(RECIPIENT);
    await inventory.filter('recipient').click();
    await expect(app.page.getByRole('option', { name: RECIPIENT, exact: true })).toHaveCount(0);
  });
});
