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

  it('shows the full name on hover where the list cuts it off', () => {
    renderScreen(<Routed />);
    const row = within(screen.getByRole('listbox', { name: 'Collection points' })).getByTestId('row-camera');
    const name = point('camera')!.name;
    expect(within(row).getByText(name).getAttribute('title')).toBe(name);
  });
});
