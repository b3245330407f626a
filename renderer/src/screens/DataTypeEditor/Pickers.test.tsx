// @vitest-environment jsdom
// The data type editor's pickers create what they pick (issue 9): a purpose with its lawful basis, a
// recipient from Candor's catalogue or from a small form, a collection point with its platform, each in
// one undoable edit; and the data type's automatic id follows its name.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useEditor } from '../../state/store';
import { useRoute } from '../../state/route';
import { current, exampleWorkspace, installBridge, installDomStubs, loadWorkspace, renderScreen, setHash } from '../../testing/test-utils';
import { DataTypeEditor } from './DataTypeEditor';

// The editor as the app shows it: the id comes from the route, which follows a renamed id.
function Routed() {
  const route = useRoute();
  return route.screen === 'data-type' ? <DataTypeEditor id={route.id} /> : null;
}

function openPicker(label: string, text: string) {
  const input = screen.getByRole('textbox', { name: label });
  fireEvent.focus(input);
  fireEvent.click(input);
  fireEvent.change(input, { target: { value: text } });
  return input;
}

function choose(name: string | RegExp) {
  fireEvent.click(screen.getByRole('option', { name }));
}

const undo = () => act(() => useEditor.getState().undo());

describe('the data type editor’s pickers', () => {
  beforeAll(() => {
    installDomStubs();
    installBridge();
  });
  afterEach(() => cleanup());

  it('creates a purpose with its lawful basis and adds it, as one undo step', () => {
    const before = loadWorkspace();
    renderScreen(<DataTypeEditor id="email-address" />);
    openPicker('Purposes', 'Send birthday cards');
    choose('New purpose “Send birthday cards”');
    const form = screen.getByRole('form', { name: 'New purpose' });
    expect((within(form).getByRole('textbox', { name: 'Purpose' }) as HTMLInputElement).value).toBe('Send birthday cards');
    // Every basis carries its one-line meaning.
    expect(within(form).getByText('The person agreed to it and can withdraw at any time.')).toBeTruthy();
    fireEvent.click(within(form).getByRole('radio', { name: /^Consent/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Create purpose' }));
    expect(screen.queryByRole('form', { name: 'New purpose' })).toBeNull();
    expect(current().purposes.at(-1)).toEqual({ id: 'send-birthday-cards', name: 'Send birthday cards', lawfulBasis: 'consent' });
    expect(current().dataTypes[0].purposes.at(-1)).toBe('send-birthday-cards');
    undo();
    expect(current().purposes).toEqual(before.purposes);
    expect(current().dataTypes[0].purposes).toEqual(before.dataTypes[0].purposes);
  });

  it('leaves everything as it was when the form is cancelled', () => {
    const before = loadWorkspace();
    renderScreen(<DataTypeEditor id="email-address" />);
    openPicker('Purposes', 'Something new');
    choose('New purpose “Something new”');
    fireEvent.click(within(screen.getByRole('form', { name: 'New purpose' })).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'New purpose' })).toBeNull();
    expect(current()).toEqual(before);
  });

  it('offers Stripe from the catalogue and adds it with every field filled, as one undo step', async () => {
    const workspace = exampleWorkspace();
    workspace.recipients = workspace.recipients.filter((r) => r.id !== 'stripe');
    for (const d of workspace.dataTypes) {
      if (d.recipients) d.recipients = d.recipients.filter((r) => r !== 'stripe');
      if (d.recipients?.length === 0) delete d.recipients;
      if (d.recipientPurposes) delete d.recipientPurposes.stripe;
    }
    loadWorkspace(workspace);
    const before = current();
    renderScreen(<DataTypeEditor id="email-address" />);
    openPicker('Recipients', 'stri');
    expect(screen.getByText("Add from Candor's catalogue")).toBeTruthy();
    choose(/^Stripe — Payments \(from Candor's catalogue\)/);
    const stripe = current().recipients.at(-1);
    expect(stripe).toMatchObject({
      id: 'stripe',
      name: 'Stripe Payments Europe, Limited',
      role: 'processor',
      country: 'IE',
      privacyPolicyUrl: 'https://stripe.com/privacy',
    });
    expect(current().dataTypes[0].recipients).toContain('stripe');
    expect(await screen.findByText(/Filled in from Candor's catalogue \(checked 5 December 2026\)/)).toBeTruthy();
    expect(useEditor.getState().lastLabel).toBe('Add recipient “Stripe” from the catalogue');
    undo();
    expect(current()).toEqual(before);
  });

  it('does not offer a catalogue service that is already a recipient', () => {
    loadWorkspace();
    renderScreen(<DataTypeEditor id="email-address" />);
    openPicker('Recipients', 'stripe');
    expect(screen.queryByRole('option', { name: /from Candor's catalogue/ })).toBeNull();
    expect(screen.getByRole('option', { name: /^Stripe/ })).toBeTruthy();
  });

  it('creates a recipient from its role and country when the catalogue has nothing', () => {
    loadWorkspace();
    renderScreen(<DataTypeEditor id="email-address" />);
    openPicker('Recipients', 'Acme Print Shop');
    choose('New recipient “Acme Print Shop”');
    const form = screen.getByRole('form', { name: 'New recipient' });
    fireEvent.click(within(form).getByRole('radio', { name: /^Processor/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Create recipient' }));
    expect(current().recipients.at(-1)).toEqual({ id: 'acme-print-shop', name: 'Acme Print Shop', role: 'processor' });
    expect(current().dataTypes[0].recipients).toContain('acme-print-shop');
  });

  it('creates a collection point with its platform, as one undo step', () => {
    const before = loadWorkspace();
    renderScreen(<DataTypeEditor id="email-address" />);
    openPicker('Collected at', 'Newsletter form');
    choose('New collection point “Newsletter form”');
    const form = screen.getByRole('form', { name: 'New collection point' });
    fireEvent.click(within(form).getByText('Web'));
    fireEvent.click(within(form).getByRole('button', { name: 'Create collection point' }));
    expect(current().collectionPoints.at(-1)).toEqual({ id: 'newsletter-form', name: 'Newsletter form', platform: 'web' });
    expect(current().dataTypes[0].collectedAt).toEqual([...(before.dataTypes[0].collectedAt ?? []), 'newsletter-form']);
    undo();
    expect(current()).toEqual(before);
  });

  it('ranks the workspace’s own entries by plain name', () => {
    loadWorkspace();
    renderScreen(<DataTypeEditor id="email-address" />);
    openPicker('Purposes', 'bill');
    const options = screen.getAllByRole('option').map((o) => o.textContent ?? '');
    expect(options[0]).toMatch(/^Bill your Family plan/);
  });

  it('moves an automatic id along with the name and the route, as one undo step', () => {
    const workspace = exampleWorkspace();
    loadWorkspace(workspace);
    setHash('#/data-types/email-address');
    renderScreen(<Routed />);
    const name = screen.getByRole('textbox', { name: 'Name' });
    // A burst of typing, however slowly jsdom renders it.
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.now());
    fireEvent.focus(name);
    fireEvent.change(name, { target: { value: 'Email' } });
    expect(current().dataTypes[0].id).toBe('email');
    // The same input stays on screen while the id moves under it.
    expect(screen.getByRole('textbox', { name: 'Name' })).toBe(name);
    fireEvent.change(name, { target: { value: 'Email for sign-in' } });
    expect(current().dataTypes[0]).toMatchObject({ id: 'email-for-sign-in', name: 'Email for sign-in' });
    expect(window.location.hash).toBe('#/data-types/email-for-sign-in');
    expect((screen.getByRole('textbox', { name: 'Id' }) as HTMLInputElement).value).toBe('email-for-sign-in');
    clock.mockRestore();
    undo();
    expect(current().dataTypes[0]).toMatchObject({ id: 'email-address', name: 'Email address' });
  });

  it('keeps an id that was edited by hand', () => {
    const workspace = exampleWorkspace();
    workspace.dataTypes[0].id = 'login-email';
    loadWorkspace(workspace);
    renderScreen(<DataTypeEditor id="login-email" />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Sign-in email' } });
    expect(current().dataTypes[0]).toMatchObject({ id: 'login-email', name: 'Sign-in email' });
  });
});
