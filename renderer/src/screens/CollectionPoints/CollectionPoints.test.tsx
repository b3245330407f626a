// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { useEditor } from '../../state/store';
import { useRoute } from '../../state/route';
import { current, installBridge, installDomStubs, loadWorkspace, renderScreen, setHash } from '../../testing/test-utils';
import { CollectionPointsScreen } from './CollectionPoints';

function Routed() {
  const route = useRoute();
  if (route.screen !== 'collection-points') return <div data-testid="elsewhere">{window.location.hash}</div>;
  return <CollectionPointsScreen id={route.id} field={route.field} />;
}

const point = (id: string) => current().collectionPoints.find((c) => c.id === id);
const dataType = (id: string) => current().dataTypes.find((d) => d.id === id)!;

beforeAll(() => {
  installDomStubs();
  installBridge();
});

beforeEach(() => {
  setHash('#/collection-points');
  loadWorkspace();
});

afterEach(() => {
  cleanup();
  act(() => notifications.clean());
});

describe('CollectionPointsScreen', () => {
  it('shows platform and permission under each name', () => {
    renderScreen(<Routed />);
    const list = screen.getByRole('listbox', { name: 'Collection points' });
    const camera = within(list).getByTestId('row-camera');
    expect(within(camera).getByText('iOS · Camera permission')).toBeTruthy();
    expect(within(within(list).getByTestId('row-checkout-web')).getByText('Web')).toBeTruthy();
  });

  it('puts a point on one or several platforms, folding an older single platform into the list', () => {
    setHash('#/collection-points/crash-sdk');
    renderScreen(<Routed />);
    // The file says platform: "ios".
    expect(point('crash-sdk')?.platform).toBe('ios');
    expect((screen.getByRole('checkbox', { name: 'iOS' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Android' }) as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Android' }));
    expect(point('crash-sdk')).not.toHaveProperty('platform');
    expect(point('crash-sdk')?.platforms).toEqual(['ios', 'android']);
    expect(useEditor.getState().lastLabel).toBe('Change platforms');
    fireEvent.click(screen.getByRole('checkbox', { name: 'iOS' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Android' }));
    expect(point('crash-sdk')).not.toHaveProperty('platforms');
  });

  it('chooses an OS permission by its plain name, with None removing it', () => {
    setHash('#/collection-points/camera');
    renderScreen(<Routed />);
    const permission = screen.getByLabelText('OS permission', { selector: 'input' }) as HTMLInputElement;
    expect(permission.value).toBe('Camera');
    expect(permission.getAttribute('data-path')).toBe('collectionPoints[3].permission');
    fireEvent.click(permission);
    fireEvent.click(screen.getByRole('option', { name: 'Tracking (App Tracking Transparency)' }));
    expect(point('camera')?.permission).toBe('tracking');
    fireEvent.click(permission);
    fireEvent.click(screen.getByRole('option', { name: 'None' }));
    expect(point('camera')).not.toHaveProperty('permission');
  });

  it('asks before deleting a collection point in use and removes it from those data types', async () => {
    setHash('#/collection-points/signup');
    renderScreen(<Routed />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Email address and Password will no longer list Sign-up screen as a collection point.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete collection point' }));
    expect(point('signup')).toBeUndefined();
    expect(dataType('email-address').collectedAt).toEqual(['signup-android']);
    expect(dataType('password').collectedAt).toEqual(['signup-android']);
    await waitFor(() => expect(window.location.hash).toBe('#/collection-points/signup-android'));
  });

  it('removes the reference list of a data type whose only collection point is deleted', async () => {
    setHash('#/collection-points/checkout-web');
    renderScreen(<Routed />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Payment card and Invoices will no longer list Web checkout as a collection point.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete collection point' }));
    expect(dataType('payment-card')).not.toHaveProperty('collectedAt');
    expect(useEditor.getState().problems).toEqual([]);
  });

  it('edits the description, and removes it when emptied', () => {
    setHash('#/collection-points/invite');
    renderScreen(<Routed />);
    const description = screen.getByLabelText('Description') as HTMLTextAreaElement;
    fireEvent.change(description, { target: { value: 'Type the email address of a family member.' } });
    expect(point('invite')?.description).toBe('Type the email address of a family member.');
    fireEvent.change(description, { target: { value: '' } });
    expect(point('invite')).not.toHaveProperty('description');
  });

  it('adds a data type collected here, from the library or blank with the name typed', async () => {
    setHash('#/collection-points/camera');
    renderScreen(<Routed />);
    const count = current().dataTypes.length;
    fireEvent.click(screen.getByRole('button', { name: 'Add data type collected here' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Search the library' }), { target: { value: 'Baby scan video' } });
    fireEvent.click(within(dialog).getByRole('option', { name: /Blank data type “Baby scan video”/ }));
    expect(current().dataTypes).toHaveLength(count + 1);
    expect(current().dataTypes.at(-1)).toMatchObject({ id: 'baby-scan-video', name: 'Baby scan video', collectedAt: ['camera'] });
    expect(useEditor.getState().lastLabel).toBe('Add blank data type');
    await waitFor(() => expect(window.location.hash).toContain('#/data-types/baby-scan-video'));
  });

  it('lists the cookies a web page sets, and adds, edits and removes one', () => {
    setHash('#/collection-points/checkout-web');
    renderScreen(<Routed />);
    const section = screen.getByRole('region', { name: 'Cookies and similar technologies' });
    expect(within(section).getByRole('region', { name: 'Cookie “__stripe_mid”' })).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Add cookie' }));
    expect(point('checkout-web')?.cookies).toHaveLength(4);
    const card = within(section).getByRole('region', { name: 'Cookie “New cookie”' });
    fireEvent.change(within(card).getByRole('textbox', { name: 'Name' }), { target: { value: '_ga' } });
    fireEvent.change(within(card).getByRole('textbox', { name: 'How long it lasts' }), { target: { value: '2 years' } });
    fireEvent.click(within(card).getByRole('switch', { name: 'Strictly necessary' }));
    expect(point('checkout-web')?.cookies?.[3]).toEqual({ name: '_ga', duration: '2 years', necessary: true });
    fireEvent.change(within(card).getByRole('textbox', { name: 'How long it lasts' }), { target: { value: '' } });
    expect(point('checkout-web')?.cookies?.[3]).not.toHaveProperty('duration');
    fireEvent.click(within(section).getByRole('button', { name: 'Remove cookie “_ga”' }));
    expect(point('checkout-web')?.cookies?.map((c) => c.name)).toEqual(['lm_session', '__stripe_mid', '__stripe_sid']);
    expect(useEditor.getState().lastLabel).toBe('Remove cookie “_ga”');
  });

  it('picks who provides a cookie, or creates that recipient and picks it in one edit', async () => {
    setHash('#/collection-points/checkout-web');
    renderScreen(<Routed />);
    const provider = screen.getAllByLabelText('Provided by', { selector: 'input' })[0] as HTMLInputElement;
    expect(provider.value).toBe('Little Moments (you)');
    expect(provider.getAttribute('data-path')).toBe('collectionPoints[6].cookies[0].provider');
    // Mantine treats a change to an input without focus as autofill, not typing.
    act(() => provider.focus());
    fireEvent.change(provider, { target: { value: 'Cloudflare' } });
    fireEvent.click(await screen.findByRole('option', { name: /New recipient “Cloudflare”/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Create recipient' }));
    expect(current().recipients.at(-1)).toEqual({ id: 'cloudflare', name: 'Cloudflare' });
    expect(point('checkout-web')?.cookies?.[0].provider).toBe('cloudflare');
    expect(useEditor.getState().lastLabel).toBe('Create recipient “Cloudflare”');
    fireEvent.click(provider);
    fireEvent.click(screen.getByRole('option', { name: /^Stripe/ }));
    expect(point('checkout-web')?.cookies?.[0].provider).toBe('stripe');
    // Back to the organisation's own: no provider in the file.
    fireEvent.click(provider);
    fireEvent.click(screen.getByRole('option', { name: 'Little Moments (you)' }));
    expect(point('checkout-web')?.cookies?.[0]).not.toHaveProperty('provider');
  });

  it('offers the cookie list only on the web, with an empty state to start from', () => {
    setHash('#/collection-points/camera');
    renderScreen(<Routed />);
    expect(screen.queryByRole('region', { name: 'Cookies and similar technologies' })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Web' }));
    const section = screen.getByRole('region', { name: 'Cookies and similar technologies' });
    expect(within(section).getByText('No cookies listed yet')).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Add cookie' }));
    expect(point('camera')?.cookies).toEqual([{ name: '' }]);
  });

  it('shows the full name on hover where the list cuts it off', () => {
    renderScreen(<Routed />);
    const row = within(screen.getByRole('listbox', { name: 'Collection points' })).getByTestId('row-camera');
    const name = point('camera')!.name;
    expect(within(row).getByText(name).getAttribute('title')).toBe(name);
  });
});
