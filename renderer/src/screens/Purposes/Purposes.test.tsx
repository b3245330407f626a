// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { useEditor } from '../../state/store';
import { useRoute } from '../../state/route';
import { current, exampleWorkspace, installBridge, installDomStubs, loadWorkspace, renderScreen, setHash } from '../../testing/test-utils';
import { PurposesScreen } from './Purposes';

function Routed() {
  const route = useRoute();
  if (route.screen !== 'purposes') return <div data-testid="elsewhere">{window.location.hash}</div>;
  return <PurposesScreen id={route.id} field={route.field} />;
}

function purpose(id: string) {
  return current().purposes.find((p) => p.id === id);
}

function dataType(id: string) {
  return current().dataTypes.find((d) => d.id === id)!;
}

beforeAll(() => {
  installDomStubs();
  installBridge();
});

beforeEach(() => {
  setHash('#/purposes');
  loadWorkspace();
});

afterEach(() => {
  cleanup();
  act(() => notifications.clean());
});

describe('PurposesScreen', () => {
  it('lists every purpose with its lawful basis and how many data types use it, and selects the first', () => {
    renderScreen(<Routed />);
    const list = screen.getByRole('listbox', { name: 'Purposes' });
    const rows = within(list).getAllByRole('option');
    expect(rows).toHaveLength(9);
    const first = rows[0];
    expect(first).toHaveProperty('ariaSelected', 'true');
    expect(within(first).getByText('Keep and sync your family journal')).toBeTruthy();
    expect(within(first).getByText('Contract')).toBeTruthy();
    // email, child's name and birthday, photos, photo location and the push token
    expect(within(first).getByLabelText('used by 6 data types')).toBeTruthy();
    expect((screen.getByLabelText(/^Name/) as HTMLInputElement).value).toBe('Keep and sync your family journal');
  });

  it('renames a purpose in the workspace as the name is typed', () => {
    setHash('#/purposes/billing');
    renderScreen(<Routed />);
    const name = screen.getByLabelText(/^Name/) as HTMLInputElement;
    expect(name.getAttribute('data-path')).toBe('purposes[3].name');
    fireEvent.change(name, { target: { value: 'Charge your Family plan' } });
    expect(purpose('billing')?.name).toBe('Charge your Family plan');
    expect(useEditor.getState().lastLabel).toBe('Edit purpose name');
    expect(screen.getByRole('heading', { name: 'Charge your Family plan' })).toBeTruthy();
  });

  it('changes an id and every reference to it, then follows it in the route', async () => {
    setHash('#/purposes/account-security');
    renderScreen(<Routed />);
    const id = screen.getByLabelText('Id') as HTMLInputElement;
    fireEvent.change(id, { target: { value: 'security' } });
    fireEvent.blur(id);
    expect(purpose('account-security')).toBeUndefined();
    expect(purpose('security')?.name).toBe('Secure your account');
    expect(dataType('email-address').purposes).toEqual(['provide-journal', 'security', 'billing', 'newsletter']);
    expect(dataType('password').purposes).toEqual(['security']);
    await waitFor(() => expect(window.location.hash).toBe('#/purposes/security'));
    expect(useEditor.getState().problems).toEqual([]);
  });

  it('refuses an id that is taken or not a slug, with a message beside the field', () => {
    setHash('#/purposes/account-security');
    renderScreen(<Routed />);
    const before = current();
    const id = screen.getByLabelText('Id') as HTMLInputElement;

    fireEvent.change(id, { target: { value: 'billing' } });
    expect(screen.getByText('"billing" is already the id of "Bill your Family plan"; pick another.')).toBeTruthy();
    fireEvent.blur(id);
    expect(current()).toBe(before);

    fireEvent.change(id, { target: { value: 'Account Security!' } });
    expect(screen.getByText(/Id must be lower-case letters a–z, digits and single hyphens, such as "account-security"/)).toBeTruthy();
    fireEvent.keyDown(id, { key: 'Enter' });
    expect(current()).toBe(before);

    fireEvent.keyDown(id, { key: 'Escape' });
    expect(id.value).toBe('account-security');
  });

  it('warns when the basis is legitimate interests and the interest is not stated', () => {
    setHash('#/purposes/crash-diagnostics');
    renderScreen(<Routed />);
    const interest = screen.getByLabelText('Legitimate interest') as HTMLTextAreaElement;
    expect(interest.value).toBe('Keeping the app stable for everyone who uses it.');
    expect(screen.queryByText(/Say which interest you pursue/)).toBeNull();
    fireEvent.change(interest, { target: { value: '' } });
    expect(purpose('crash-diagnostics')).not.toHaveProperty('legitimateInterest');
    expect(screen.getByText(/Say which interest you pursue/)).toBeTruthy();
  });

  it('hides the legitimate interest for other bases, and picks a basis with plain labels', () => {
    setHash('#/purposes/support');
    renderScreen(<Routed />);
    expect(screen.queryByLabelText('Legitimate interest')).toBeNull();
    const basis = screen.getByLabelText('Lawful basis', { selector: 'input' }) as HTMLInputElement;
    expect(basis.value).toBe('Contract');
    fireEvent.click(basis);
    fireEvent.click(screen.getByRole('option', { name: /^Legitimate interests/ }));
    expect(purpose('support')?.lawfulBasis).toBe('legitimate-interests');
    expect(screen.getByLabelText('Legitimate interest')).toBeTruthy();
    expect(screen.getByText(/Say which interest you pursue/)).toBeTruthy();
  });

  it('asks for logic and consequences once automated decisions are switched on, and drops them when off', () => {
    setHash('#/purposes/account-security');
    renderScreen(<Routed />);
    const toggle = screen.getByRole('switch', { name: /^Makes automated decisions with legal or similar effect/ });
    fireEvent.click(toggle);
    expect(purpose('account-security')?.automatedDecision).toEqual({ logic: '', consequences: '' });
    expect(screen.getByText('Logic must not be empty')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Logic/), { target: { value: 'Sign-ins from a new country are blocked.' } });
    fireEvent.change(screen.getByLabelText(/^Consequences/), { target: { value: 'You confirm by email.' } });
    expect(useEditor.getState().problems).toEqual([]);
    fireEvent.click(toggle);
    expect(purpose('account-security')).not.toHaveProperty('automatedDecision');
  });

  it('records what allows an automated decision, its significance, and whether the purpose profiles', () => {
    setHash('#/purposes/account-security');
    renderScreen(<Routed />);
    fireEvent.click(screen.getByRole('switch', { name: /^Makes automated decisions with legal or similar effect/ }));
    fireEvent.change(screen.getByLabelText(/^Significance/), { target: { value: 'It decides whether you can sign in.' } });
    fireEvent.click(screen.getByLabelText('What allows it', { selector: 'input' }));
    fireEvent.click(screen.getByRole('option', { name: 'Necessary for a contract' }));
    expect(purpose('account-security')?.automatedDecision).toMatchObject({
      significance: 'It decides whether you can sign in.',
      ground: 'contract',
    });
    fireEvent.click(screen.getByLabelText('Profiling', { selector: 'input' }));
    fireEvent.click(screen.getByRole('option', { name: 'Yes, it profiles people' }));
    expect(purpose('account-security')?.profiling).toBe(true);
    fireEvent.click(screen.getByLabelText('Profiling', { selector: 'input' }));
    fireEvent.click(screen.getByRole('option', { name: 'Automatic (from the data use)' }));
    expect(purpose('account-security')).not.toHaveProperty('profiling');
  });

  it('shows what "Automatic" store purposes mean and removes an override chosen back to automatic', () => {
    setHash('#/purposes/newsletter');
    renderScreen(<Routed />);
    const apple = screen.getByLabelText('Apple purpose', { selector: 'input' }) as HTMLInputElement;
    expect(apple.value).toBe("Developer's Advertising or Marketing");
    fireEvent.click(apple);
    fireEvent.click(screen.getByRole('option', { name: /^Automatic \(from the data use\)/ }));
    expect(purpose('newsletter')?.storePurpose).toEqual({ play: 'PSL_DEVELOPER_COMMUNICATIONS' });
    const play = screen.getByLabelText('Google Play purpose', { selector: 'input' }) as HTMLInputElement;
    fireEvent.click(play);
    fireEvent.click(screen.getByRole('option', { name: /^Automatic \(from the data use\)/ }));
    expect(purpose('newsletter')).not.toHaveProperty('storePurpose');
  });

  it('lists the data types that use the purpose, each linking to its editor', async () => {
    setHash('#/purposes/billing');
    renderScreen(<Routed />);
    const usedBy = screen.getByRole('region', { name: 'Used by' });
    const links = within(usedBy).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Email address', 'Payment card', 'Invoices']);
    fireEvent.click(links[1]);
    await waitFor(() => expect(window.location.hash).toBe('#/data-types/payment-card'));
  });

  it('names the data types a delete would leave without a purpose, and deletes only after confirming', async () => {
    setHash('#/purposes/crash-diagnostics');
    renderScreen(<Routed />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain(
      'Crash reports would be left with no purpose. It will need one before the workspace can be saved.',
    );
    expect(purpose('crash-diagnostics')).toBeDefined();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete purpose' }));
    expect(purpose('crash-diagnostics')).toBeUndefined();
    expect(dataType('crash-reports').purposes).toEqual([]);
    expect(useEditor.getState().problemsByPath.has('dataTypes[9].purposes')).toBe(true);
  });

  it('says which data types keep other purposes when the deleted one is not their last', async () => {
    setHash('#/purposes/tax-records');
    renderScreen(<Routed />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Invoices will no longer list “Keep tax records” as a purpose.');
    expect(dialog.textContent).not.toContain('left with no purpose');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(purpose('tax-records')).toBeDefined();
  });

  it('adds a purpose, focuses its name and gives it an id from the name once named', async () => {
    renderScreen(<Routed />);
    fireEvent.click(screen.getByRole('button', { name: 'Add purpose' }));
    expect(current().purposes.at(-1)).toEqual({ id: 'new-purpose', name: 'New purpose' });
    await waitFor(() => expect(window.location.hash).toBe('#/purposes/new-purpose'));
    const name = screen.getByLabelText(/^Name/) as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(name.getAttribute('data-path')).toBe('purposes[9].name');
    fireEvent.change(name, { target: { value: 'Send birthday reminders' } });
    fireEvent.blur(name);
    expect(current().purposes.at(-1)).toEqual({ id: 'send-birthday-reminders', name: 'Send birthday reminders' });
    await waitFor(() => expect(window.location.hash).toBe('#/purposes/send-birthday-reminders'));
  });

  it('is driven from the keyboard: arrows move, Enter edits, Delete removes an unused entry with an undo', async () => {
    const workspace = exampleWorkspace();
    workspace.purposes.push({ id: 'unused', name: 'Nobody uses this' });
    loadWorkspace(workspace);
    setHash('#/purposes/support');
    renderScreen(<Routed />);
    const list = screen.getByRole('listbox', { name: 'Purposes' });
    const support = within(list).getByRole('option', { selected: true });
    support.focus();
    fireEvent.keyDown(support, { key: 'ArrowDown' });
    await waitFor(() => expect(window.location.hash).toBe('#/purposes/unused'));
    const unused = within(list).getByRole('option', { selected: true });
    expect(document.activeElement).toBe(unused);

    fireEvent.keyDown(unused, { key: 'Delete' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(purpose('unused')).toBeUndefined();
    expect(await screen.findByText('Deleted purpose “Nobody uses this”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo deleting purpose “Nobody uses this”' }));
    expect(purpose('unused')?.name).toBe('Nobody uses this');

    await waitFor(() => expect(window.location.hash).toBe('#/purposes/unused'));
    const row = within(list).getByRole('option', { selected: true });
    fireEvent.keyDown(row, { key: 'ArrowUp' });
    await waitFor(() => expect(window.location.hash).toBe('#/purposes/support'));
    fireEvent.keyDown(within(list).getByRole('option', { selected: true }), { key: 'Enter' });
    expect(document.activeElement).toBe(screen.getByLabelText(/^Name/));
  });

  it('filters the list as the search is typed', () => {
    renderScreen(<Routed />);
    fireEvent.change(screen.getByLabelText('Search purposes'), { target: { value: 'consent' } });
    const rows = within(screen.getByRole('listbox', { name: 'Purposes' })).getAllByRole('option');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Understand how the app is used'),
      expect.stringContaining('Send the monthly memories email'),
    ]);
    fireEvent.change(screen.getByLabelText('Search purposes'), { target: { value: 'zzz' } });
    expect(screen.getByText('No purposes match “zzz”.')).toBeTruthy();
  });

  it('explains what a purpose is when there are none, and offers to add one', async () => {
    loadWorkspace({ ...exampleWorkspace(), purposes: [], dataTypes: [] });
    renderScreen(<Routed />);
    expect(screen.getByText('No purposes yet')).toBeTruthy();
    expect(screen.getByText(/A purpose is a reason you use personal data/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add purpose' }));
    expect(current().purposes).toEqual([{ id: 'new-purpose', name: 'New purpose' }]);
    await waitFor(() => expect(screen.getByLabelText(/^Name/)).toBeTruthy());
  });

  it('shows validation problems inline and marks the entry in the list', () => {
    const workspace = exampleWorkspace();
    workspace.purposes[2].use = 'not.a.use';
    loadWorkspace(workspace);
    setHash('#/purposes/account-security');
    renderScreen(<Routed />);
    expect(screen.getByText(/"not.a.use" is not a data use in the fideslang taxonomy/)).toBeTruthy();
    expect(screen.getByLabelText('1 problem')).toBeTruthy();
  });

  it('shows each data use by its plain name and meaning, with the fideslang key as secondary detail', async () => {
    setHash('#/purposes/product-analytics');
    renderScreen(<Routed />);
    const use = screen.getByLabelText('Data use', { selector: 'input' });
    expect((use as HTMLInputElement).value).toBe('Analytics for Reporting');
    fireEvent.click(use);
    const listbox = document.getElementById(use.getAttribute('aria-controls') ?? '');
    const option = [...(listbox?.querySelectorAll<HTMLElement>('[data-combobox-option]') ?? [])].find(
      (o) => o.querySelector('p')?.textContent === 'Personalize',
    );
    expect(option).toBeTruthy();
    const lines = [...option!.querySelectorAll('p')].map((p) => p.textContent);
    expect(lines).toEqual(['Personalize', 'Personalizes the product, service, application or system.', 'personalize']);
  });
});
