// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { current, exampleWorkspace, loadWorkspace, renderScreen, sampleScreenTests } from '../../testing/test-utils';
import { OrganizationScreen } from './Organization';

sampleScreenTests();

const section = () => screen.getByRole('region', { name: 'Privacy requests and US opt-outs' });
const field = (label: string | RegExp) => within(section()).getByLabelText(label, { selector: 'input, textarea' }) as HTMLInputElement;

describe('the privacy requests and US opt-outs section', () => {
  it('records the request methods, the links and the US answers, and drops what is emptied', () => {
    renderScreen(<OrganizationScreen />);
    fireEvent.change(field('Toll-free phone number'), { target: { value: '1-800-555-0100' } });
    fireEvent.change(field('Request form URL'), { target: { value: 'https://littlemoments.example/privacy/request' } });
    fireEvent.change(field(/^“Limit the Use of My Sensitive Personal Information”/), {
      target: { value: 'https://littlemoments.example/limit' },
    });
    expect(current().organization.requests).toMatchObject({
      phone: '1-800-555-0100',
      webFormUrl: 'https://littlemoments.example/privacy/request',
      onlineOnly: true,
    });
    expect(current().organization.limitUseUrl).toBe('https://littlemoments.example/limit');
    fireEvent.click(within(section()).getByRole('switch', { name: /We operate only online/ }));
    expect(current().organization.requests).not.toHaveProperty('onlineOnly');
    fireEvent.click(within(section()).getByRole('switch', { name: /Sensitive personal information is used only/ }));
    expect(current().organization.usPrivacy).not.toHaveProperty('sensitiveUseLimited');
    fireEvent.change(field('Toll-free phone number'), { target: { value: '' } });
    expect(current().organization.requests).not.toHaveProperty('phone');
  });

  it('asks California for its links and answers, not for an appeal or a health data policy', () => {
    renderScreen(<OrganizationScreen />);
    expect(within(section()).queryByLabelText('How to appeal a refused request')).toBeNull();
    expect(within(section()).queryByLabelText(/Consumer Health Data Privacy Policy URL/)).toBeNull();
    expect(field(/Do Not Sell or Share/)).toBeTruthy();
  });

  it('asks the other US states for an appeal, without the California links', () => {
    const virginia = exampleWorkspace();
    virginia.organization.jurisdictions = ['gdpr', 'us-va'];
    loadWorkspace(virginia);
    renderScreen(<OrganizationScreen />);
    expect(field('How to appeal a refused request')).toBeTruthy();
    expect(within(section()).queryByLabelText(/Do Not Sell or Share/)).toBeNull();
  });

  it('asks for the Consumer Health Data Privacy Policy address only with Washington or Nevada', () => {
    const washington = exampleWorkspace();
    washington.organization.jurisdictions = ['ccpa', 'us-wa'];
    loadWorkspace(washington);
    renderScreen(<OrganizationScreen />);
    fireEvent.change(field('Consumer Health Data Privacy Policy URL'), { target: { value: ' https://littlemoments.example/health ' } });
    expect(current().organization.consumerHealthPolicyUrl).toBe('https://littlemoments.example/health');
  });

  it('is not shown without a US jurisdiction', () => {
    const europe = exampleWorkspace();
    europe.organization.jurisdictions = ['gdpr'];
    loadWorkspace(europe);
    renderScreen(<OrganizationScreen />);
    expect(screen.queryByRole('region', { name: 'Privacy requests and US opt-outs' })).toBeNull();
  });
});
