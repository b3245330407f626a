// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { current, exampleWorkspace, loadWorkspace, renderScreen, sampleScreenTests } from '../../testing/test-utils';
import { OrganizationScreen } from './Organization';

sampleScreenTests();

const section = () => screen.getByRole('region', { name: 'Financial incentives (California)' });
const field = (label: string | RegExp, row: HTMLElement) =>
  within(row).getByLabelText(label, { selector: 'input, textarea' }) as HTMLInputElement;

describe('the financial incentives section', () => {
  it('adds an incentive, records each part of its notice, and removes it again', () => {
    renderScreen(<OrganizationScreen />);
    expect(within(section()).getByText(/No financial incentives/)).toBeTruthy();
    fireEvent.click(within(section()).getByRole('button', { name: 'Add incentive' }));
    expect(current().financialIncentives).toEqual([{ id: 'incentive', name: '' }]);
    const row = section().querySelector<HTMLElement>('[data-path="financialIncentives[0]"]')!;
    fireEvent.change(field(/^Name/, row), { target: { value: '10% off for your email address' } });
    fireEvent.change(field('What you offer', row), { target: { value: 'You get 10% off your first year.' } });
    fireEvent.change(field('How to join', row), { target: { value: 'Tick the box on the sign-up form.' } });
    fireEvent.change(field('How to leave', row), { target: { value: 'Unsubscribe with the link in any email.' } });
    fireEvent.change(field('What the data is worth', row), { target: { value: '$4 a year for each subscriber.' } });
    fireEvent.change(field('How you worked it out', row), { target: { value: 'Extra spending of subscribers over 12 months.' } });
    expect(current().financialIncentives).toEqual([
      {
        id: 'incentive',
        name: '10% off for your email address',
        summary: 'You get 10% off your first year.',
        optIn: 'Tick the box on the sign-up form.',
        withdraw: 'Unsubscribe with the link in any email.',
        value: '$4 a year for each subscriber.',
        valueMethod: 'Extra spending of subscribers over 12 months.',
      },
    ]);
    // Emptied, a field leaves the file.
    fireEvent.change(field('What you offer', row), { target: { value: '' } });
    expect(current().financialIncentives![0]).not.toHaveProperty('summary');
    fireEvent.click(within(row).getByRole('button', { name: 'Remove incentive 10% off for your email address' }));
    expect(current()).not.toHaveProperty('financialIncentives');
  });

  it('is shown only under the CCPA, unless an incentive is already recorded', () => {
    const europe = exampleWorkspace();
    europe.organization.jurisdictions = ['gdpr'];
    loadWorkspace(europe);
    renderScreen(<OrganizationScreen />);
    expect(screen.queryByRole('region', { name: 'Financial incentives (California)' })).toBeNull();
  });
});
