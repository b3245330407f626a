// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { useEditor } from '../../state/store';
import { useRoute } from '../../state/route';
import { current, installBridge, installDomStubs, loadWorkspace, renderScreen, setHash } from '../../testing/test-utils';
import { normaliseDomain, RecipientsScreen } from './Recipients';

function Routed() {
  const route = useRoute();
  if (route.screen !== 'recipients') return <div data-testid="elsewhere">{window.location.hash}</div>;
  return <RecipientsScreen id={route.id} field={route.field} />;
}

const recipient = (id: string) => current().recipients.find((r) => r.id === id);
const dataType = (id: string) => current().dataTypes.find((d) => d.id === id)!;
const input = (label: string) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;

beforeAll(() => {
  installDomStubs();
  installBridge();
});

beforeEach(() => {
  setHash('#/recipients');
  loadWorkspace();
});

afterEach(() => {
  cleanup();
  act(() => notifications.clean());
});

describe('RecipientsScreen', () => {
  it('lists recipients with their role, country and usage', () => {
    renderScreen(<Routed />);
    const rows = within(screen.getByRole('listbox', { name: 'Recipients' })).getAllByRole('option');
    expect(rows).toHaveLength(6);
    expect(within(rows[1]).getByText('Processor · United States')).toBeTruthy();
    expect(within(rows[1]).getByLabelText('used by 2 data types')).toBeTruthy();
  });

  it('asks before deleting a recipient in use, naming the data types, and removes the references once confirmed', async () => {
    setHash('#/recipients/postmark');
    renderScreen(<Routed />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete recipient “Postmark”?' });
    expect(dialog.textContent).toContain("Email address and Family member's email address will no longer list Postmark as a recipient.");
    expect(recipient('postmark')).toBeDefined();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete recipient' }));
    expect(recipient('postmark')).toBeUndefined();
    expect(dataType('email-address').recipients).toEqual(['aws']);
    expect(dataType('invitee-email').recipients).toEqual(['aws']);
    expect(useEditor.getState().problems).toEqual([]);
    // The next recipient is selected, and the notification offers to undo.
    await waitFor(() => expect(window.location.hash).toBe('#/recipients/stripe'));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo deleting recipient “Postmark”' }));
    expect(dataType('email-address').recipients).toEqual(['aws', 'postmark']);
  });

  it('asks before deleting a recipient that provides cookies, and removes its cookies with it', async () => {
    // Stripe sets two cookies at the web checkout and receives the payment card and invoices.
    setHash('#/recipients/stripe');
    renderScreen(<Routed />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete recipient “Stripe”?' });
    expect(dialog.textContent).toContain(
      'Its cookies “__stripe_mid” at Web checkout and “__stripe_sid” at Web checkout will be removed too: without their provider they would read as your own.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete recipient' }));
    expect(
      current()
        .collectionPoints.find((c) => c.id === 'checkout-web')
        ?.cookies?.map((c) => c.name),
    ).toEqual(['lm_session']);
    expect(useEditor.getState().problems).toEqual([]);
  });

  it('keeps everything when the confirmation is cancelled', async () => {
    setHash('#/recipients/aws');
    renderScreen(<Routed />);
    const before = current();
    const row = within(screen.getByRole('listbox', { name: 'Recipients' })).getByRole('option', { selected: true });
    fireEvent.keyDown(row, { key: 'Delete' });
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain(
      "Email address, Password, Child's first name, Child's birthday, Photos and videos, Photo location, Family member's email address, Invoices and Push notification token will no longer list Amazon Web Services as a recipient.",
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(current()).toBe(before);
  });

  it('shows the validation message beside a privacy policy URL that is not https', () => {
    setHash('#/recipients/stripe');
    renderScreen(<Routed />);
    const url = input('Privacy policy URL');
    expect(url.getAttribute('data-path')).toBe('recipients[2].privacyPolicyUrl');
    fireEvent.change(url, { target: { value: 'http://stripe.com/privacy' } });
    expect(recipient('stripe')?.privacyPolicyUrl).toBe('http://stripe.com/privacy');
    expect(screen.getByText('Privacy policy URL must be an absolute https:// address, such as https://example.com/privacy')).toBeTruthy();
    fireEvent.change(url, { target: { value: '' } });
    expect(recipient('stripe')).not.toHaveProperty('privacyPolicyUrl');
    expect(screen.queryByText(/must be an absolute https/)).toBeNull();
  });

  it('asks for a transfer mechanism only for countries outside the EEA and the UK', () => {
    setHash('#/recipients/posthog');
    renderScreen(<Routed />);
    expect(input('Country').value).toBe('Germany (DE)');
    expect(screen.queryByLabelText('Transfer mechanism', { selector: 'input' })).toBeNull();

    input('Country').focus();
    fireEvent.click(input('Country'));
    fireEvent.change(input('Country'), { target: { value: 'india' } });
    fireEvent.click(screen.getByRole('option', { name: 'India (IN)' }));
    expect(recipient('posthog')?.country).toBe('IN');
    expect(input('Transfer mechanism')).toBeTruthy();
    expect(screen.getByText(/Say how transfers to India are protected/)).toBeTruthy();

    fireEvent.click(input('Transfer mechanism'));
    fireEvent.click(screen.getByRole('option', { name: /^EU standard contractual clauses/ }));
    expect(recipient('posthog')?.transferSafeguard).toBe('sccs');
    expect(screen.queryByText(/Say how transfers to India are protected/)).toBeNull();

    // The EU clauses do not cover a UK transfer: the UK mechanism is chosen apart.
    fireEvent.click(input('Mechanism for UK transfers, if different'));
    fireEvent.click(screen.getByRole('option', { name: /^UK International Data Transfer Agreement/ }));
    expect(recipient('posthog')?.ukTransferSafeguard).toBe('idta');
  });

  it('records Data Privacy Framework certification for a US recipient, per framework', () => {
    setHash('#/recipients/sentry');
    renderScreen(<Routed />);
    const eu = screen.getByRole('switch', { name: /^Certified under the EU-US Data Privacy Framework/ });
    fireEvent.click(eu);
    expect(recipient('sentry')?.dpf).toEqual({ eu: true });
    fireEvent.click(screen.getByRole('switch', { name: /^Certified under the UK Extension/ }));
    expect(recipient('sentry')?.dpf).toEqual({ eu: true, uk: true });
    fireEvent.click(eu);
    fireEvent.click(screen.getByRole('switch', { name: /^Certified under the UK Extension/ }));
    expect(recipient('sentry')).not.toHaveProperty('dpf');
  });

  it('records CCPA sale and sharing with switches, removing them when off', () => {
    setHash('#/recipients/sentry');
    renderScreen(<Routed />);
    const sells = screen.getByRole('switch', { name: /^Sells personal information/ });
    fireEvent.click(sells);
    expect(recipient('sentry')?.sells).toBe(true);
    fireEvent.click(sells);
    expect(recipient('sentry')).not.toHaveProperty('sells');
    fireEvent.click(screen.getByRole('switch', { name: /^Shares for cross-context behavioural advertising/ }));
    expect(recipient('sentry')?.sharesForAds).toBe(true);
  });

  it('keeps tracking domains as bare domains', () => {
    setHash('#/recipients/posthog');
    renderScreen(<Routed />);
    const domains = input('Tracking domains');
    domains.focus();
    fireEvent.change(domains, { target: { value: 'https://EU.i.PostHog.com/capture' } });
    fireEvent.keyDown(domains, { key: 'Enter' });
    expect(recipient('posthog')?.trackingDomains).toEqual(['eu.i.posthog.com']);
  });

  it('picks a role from plain labels with what each means', () => {
    setHash('#/recipients/help-scout');
    renderScreen(<Routed />);
    expect(input('Role').value).toBe('Processor');
    // The chosen role is explained under the field (the dropdown, closed, holds the same words).
    expect(input('Role').getAttribute('aria-describedby')).toBeTruthy();
    const describedBy = document.getElementById(input('Role').getAttribute('aria-describedby')!.split(' ')[0]);
    expect(describedBy?.textContent).toBe('Acts on your instructions, such as a hosting or email provider.');
    fireEvent.click(input('Role'));
    fireEvent.click(screen.getByRole('option', { name: /^Joint controller/ }));
    expect(recipient('help-scout')?.role).toBe('joint-controller');
  });
});

describe('normaliseDomain', () => {
  it('strips scheme, path, port and case', () => {
    expect(normaliseDomain(' https://Ads.Example.com:443/pixel?x=1 ')).toBe('ads.example.com');
    expect(normaliseDomain('tracker.example.net.')).toBe('tracker.example.net');
    expect(normaliseDomain('   ')).toBe('');
  });
});

describe('RecipientsScreen: the catalogue and ids that follow names', () => {
  it('adds a recipient from Candor’s catalogue with every field filled, and says to confirm them', async () => {
    renderScreen(<Routed />);
    fireEvent.click(screen.getByRole('button', { name: "Add recipient from Candor's catalogue" }));
    const dialog = await screen.findByRole('dialog', { name: "Add a recipient from Candor's catalogue" });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Search the catalogue' }), { target: { value: 'twilio' } });
    // Services already in the workspace are not offered again.
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Search the catalogue' }), { target: { value: 'stripe' } });
    expect(within(dialog).queryByRole('option', { name: /^Stripe/ })).toBeNull();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Search the catalogue' }), { target: { value: 'twilio' } });
    fireEvent.click(within(dialog).getAllByRole('option')[0]);
    expect(recipient('twilio')).toMatchObject({ name: 'Twilio Inc.', role: 'processor', country: 'US' });
    expect(useEditor.getState().lastLabel).toBe('Add recipient “Twilio” from the catalogue');
    await waitFor(() => expect(window.location.hash).toBe('#/recipients/twilio'));
    expect(screen.getByTestId('catalogue-note').textContent).toContain('checked 5 December 2026');
    expect(screen.getByText(/Filled in from Candor's catalogue \(checked 5 December 2026\)/)).toBeTruthy();
  });

  it('moves an id made from the name along when the name changes, in every data type that uses it', async () => {
    // "stripe" is the slug of "Stripe": the id was never edited by hand.
    const users = current()
      .dataTypes.filter((d) => d.recipients?.includes('stripe'))
      .map((d) => d.id);
    expect(users.length).toBeGreaterThan(0);
    setHash('#/recipients/stripe');
    renderScreen(<Routed />);
    expect(screen.getByText(/Follows the name until you change it here/)).toBeTruthy();
    const name = screen.getByLabelText(/^Name/) as HTMLInputElement;
    fireEvent.focus(name);
    fireEvent.change(name, { target: { value: 'Stripe Payments' } });
    expect(recipient('stripe')).toBeUndefined();
    expect(recipient('stripe-payments')?.name).toBe('Stripe Payments');
    for (const id of users) expect(dataType(id).recipients).toContain('stripe-payments');
    expect(JSON.stringify(current().dataTypes)).not.toContain('"stripe"');
    expect(window.location.hash).toBe('#/recipients/stripe-payments');
  });

  it('keeps an id edited by hand when the name changes', () => {
    setHash('#/recipients/aws');
    renderScreen(<Routed />);
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Amazon Web Services EMEA SARL' } });
    expect(recipient('aws')?.name).toBe('Amazon Web Services EMEA SARL');
  });
});
