// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { current, exampleWorkspace, loadWorkspace, renderScreen, sampleScreenTests } from '../../testing/test-utils';
import { OrganizationScreen } from './Organization';

const apis = () => current().settings?.apple?.accessedApiTypes;
const section = () => screen.getByRole('region', { name: 'Apple required-reason APIs' });
const checkbox = (name: string | RegExp) => within(section()).getByRole('checkbox', { name }) as HTMLInputElement;

sampleScreenTests();

describe('Apple required-reason APIs', () => {
  it("shows Apple's categories with the sample's declarations ticked, each reason with its meaning and the table's source", () => {
    renderScreen(<OrganizationScreen />);
    for (const label of ['File timestamps', 'System boot time', 'Disk space', 'Active keyboards', 'User defaults']) {
      expect(checkbox(label)).toBeTruthy();
    }
    expect(within(section()).getByText('NSPrivacyAccessedAPICategoryUserDefaults')).toBeTruthy();
    expect(checkbox('User defaults').checked).toBe(true);
    expect(checkbox('Disk space').checked).toBe(false);
    // The sample declares CA92.1 for user defaults; its meaning is shown beside the code.
    expect(checkbox(/^CA92\.1: /).checked).toBe(true);
    expect(checkbox(/^C56D\.1: Third-party SDKs only/).checked).toBe(false);
    // A category not declared shows no reasons.
    expect(within(section()).queryByRole('checkbox', { name: /^E174\.1: / })).toBeNull();
    expect(within(section()).getByText(/checked December 2026/)).toBeTruthy();
  });

  it('declares a category with a reason, and removing its last reason removes the category', () => {
    renderScreen(<OrganizationScreen />);
    fireEvent.click(checkbox('Disk space'));
    // Ticking the category alone writes nothing: an entry needs a reason.
    expect(apis()).toEqual([
      { type: 'UserDefaults', reasons: ['CA92.1'] },
      { type: 'FileTimestamp', reasons: ['C617.1'] },
    ]);
    expect(within(section()).getByText(/Choose at least one reason/)).toBeTruthy();

    fireEvent.click(checkbox(/^E174\.1: /));
    expect(apis()).toEqual([
      { type: 'UserDefaults', reasons: ['CA92.1'] },
      { type: 'FileTimestamp', reasons: ['C617.1'] },
      { type: 'DiskSpace', reasons: ['E174.1'] },
    ]);
    fireEvent.click(checkbox(/^85F4\.1: /));
    // Reasons are kept in Apple's order, whatever order they were ticked in.
    expect(apis()?.[2]).toEqual({ type: 'DiskSpace', reasons: ['85F4.1', 'E174.1'] });

    fireEvent.click(checkbox(/^85F4\.1: /));
    fireEvent.click(checkbox(/^E174\.1: /));
    expect(apis()).toEqual([
      { type: 'UserDefaults', reasons: ['CA92.1'] },
      { type: 'FileTimestamp', reasons: ['C617.1'] },
    ]);

    // Unticking a declared category removes its entry with every reason.
    fireEvent.click(checkbox('File timestamps'));
    expect(apis()).toEqual([{ type: 'UserDefaults', reasons: ['CA92.1'] }]);
    expect(within(section()).queryByRole('checkbox', { name: /^C617\.1: / })).toBeNull();
  });

  it('drops settings.apple once nothing is declared, and shows the review’s warning beside the section', async () => {
    renderScreen(<OrganizationScreen />);
    expect(within(section()).queryByText(/declares no required-reason APIs/)).toBeNull();
    fireEvent.click(checkbox(/^CA92\.1: /));
    fireEvent.click(checkbox(/^C617\.1: /));
    expect(current().settings).not.toHaveProperty('apple');
    await waitFor(() => expect(within(section()).getByText(/The iOS app declares no required-reason APIs/)).toBeTruthy());
    expect(
      within(section())
        .getByText(/The iOS app declares no required-reason APIs/)
        .closest('[data-rule]')
        ?.getAttribute('data-rule'),
    ).toBe('required-reason-apis-missing');
  });

  it('lists an entry or a reason Apple does not accept, and removes it', async () => {
    const workspace = exampleWorkspace();
    workspace.settings.apple = {
      accessedApiTypes: [
        { type: 'NSPrivacyAccessedAPICategoryUserDefaults', reasons: ['CA92.1', 'DDA9.1'] },
        { type: 'Camera', reasons: ['AAAA.1'] },
      ],
    };
    loadWorkspace(workspace);
    renderScreen(<OrganizationScreen />);
    expect(checkbox(/^CA92\.1: /).checked).toBe(true);
    expect(within(section()).getByText(/"DDA9.1" is not a reason Apple accepts for user defaults/)).toBeTruthy();
    await waitFor(() =>
      expect(within(section()).getAllByText(/is not one of Apple's required-reason API categories/).length).toBeGreaterThan(0),
    );

    fireEvent.click(within(section()).getByRole('button', { name: 'Remove DDA9.1' }));
    expect(apis()?.[0]).toEqual({ type: 'NSPrivacyAccessedAPICategoryUserDefaults', reasons: ['CA92.1'] });
    fireEvent.click(within(section()).getByRole('button', { name: 'Remove Camera' }));
    expect(apis()).toEqual([{ type: 'NSPrivacyAccessedAPICategoryUserDefaults', reasons: ['CA92.1'] }]);
  });

  it('is hidden, with the reason, when no collection point is on iOS', () => {
    const workspace = exampleWorkspace();
    workspace.collectionPoints = workspace.collectionPoints.map((p) => (p.platform === 'ios' ? { ...p, platform: 'android' } : p));
    loadWorkspace(workspace);
    renderScreen(<OrganizationScreen />);
    expect(within(section()).queryAllByRole('checkbox')).toHaveLength(0);
    expect(within(section()).getByText(/no collection point is on iOS/)).toBeTruthy();
    expect(within(section()).getByText(/The 2 declarations already recorded are kept/)).toBeTruthy();
  });

  it('focuses the section when a finding points at settings.apple.accessedApiTypes', async () => {
    renderScreen(<OrganizationScreen field="settings.apple.accessedApiTypes" />);
    await waitFor(() => expect(document.activeElement).toBe(checkbox('File timestamps')));
  });
});
