// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { current, exampleWorkspace, installBridge, installDomStubs, loadWorkspace, renderScreen } from '../../testing/test-utils';
import { DataTypeEditor } from './DataTypeEditor';

describe('consumer health data and the consent record', () => {
  beforeAll(() => {
    installDomStubs();
    installBridge();
  });
  afterEach(() => cleanup());

  const withStates = (jurisdictions: string[]) => {
    const ws = exampleWorkspace();
    ws.organization.jurisdictions = jurisdictions as typeof ws.organization.jurisdictions;
    loadWorkspace(ws);
  };

  it('stays out of the way of a workspace without a US law that asks for it', () => {
    withStates(['gdpr', 'uk-gdpr']);
    renderScreen(<DataTypeEditor id="email-address" />);
    expect(screen.queryByText('US health data and consent')).toBeNull();
  });

  it('marks data as consumer health data under Washington, and records the consent it then needs', () => {
    withStates(['gdpr', 'us-wa']);
    renderScreen(<DataTypeEditor id="email-address" />);
    expect(screen.getByText('US health data and consent')).toBeTruthy();
    const health = screen.getAllByLabelText('Consumer health data (Washington, Nevada)')[0] as HTMLInputElement;
    expect(health.value).toBe('Automatic (no, from the category)');
    // No consent is asked about until the data is consumer health data.
    expect(screen.queryByRole('switch', { name: /^Consent asked before collecting it/ })).toBeNull();
    fireEvent.click(health);
    fireEvent.click(screen.getByRole('option', { name: 'Yes' }));
    expect(current().dataTypes[0].sensitivity?.consumerHealth).toBe(true);
    fireEvent.click(screen.getByRole('switch', { name: /^Consent asked before collecting it/ }));
    fireEvent.click(screen.getByRole('switch', { name: /^Separate consent asked before sharing it/ }));
    fireEvent.change(screen.getByLabelText('How consent is asked'), { target: { value: 'The app asks first.' } });
    expect(current().dataTypes[0].consent).toEqual({ collection: true, sharing: true, how: 'The app asks first.' });
    fireEvent.click(screen.getByRole('switch', { name: /^Consent asked before collecting it/ }));
    expect(current().dataTypes[0].consent).toEqual({ sharing: true, how: 'The app asks first.' });
  });
});
