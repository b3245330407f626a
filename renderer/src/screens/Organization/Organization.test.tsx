// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useEditor } from '../../state/store';
import { current, exampleWorkspace, loadWorkspace, renderScreen, sampleScreenTests } from '../../testing/test-utils';
import { OrganizationScreen } from './Organization';

const org = () => current().organization;
const settings = () => current().settings;
const section = (name: string) => screen.getByRole('region', { name });
const input = (label: string | RegExp, within_: HTMLElement = document.body) =>
  within(within_).getByLabelText(label, { selector: 'input, textarea' }) as HTMLInputElement;

sampleScreenTests();

describe('OrganizationScreen', () => {
  it('shows every section with its fields filled from the workspace', () => {
    renderScreen(<OrganizationScreen />);
    for (const title of [
      'Who you are',
      'Data protection officer',
      'Representatives',
      'Supervisory authority',
      'Jurisdictions',
      'Audience',
      'Security measures',
      'Documents',
      'Google Play answers',
      'Apple required-reason APIs',
    ]) {
      expect(section(title)).toBeTruthy();
    }
    const who = section('Who you are');
    expect(input(/^Name/, who).value).toBe('Little Moments');
    expect(input('Address', who).value).toBe('12 Harbour Street\nDublin D02 XY12\nIreland');
    expect(input('Name', section('Data protection officer')).value).toBe('Aoife Byrne');
    expect(input('Effective date').value).toBe('2026-12-01');
    expect(input('Short').value).toBe('120 characters');
  });

  it('edits the jurisdictions with checkboxes and refuses to leave none', () => {
    renderScreen(<OrganizationScreen />);
    const jurisdictions = section('Jurisdictions');
    fireEvent.click(within(jurisdictions).getByRole('checkbox', { name: /^CCPA\/CPRA \(California\)/ }));
    expect(org().jurisdictions).toEqual(['gdpr', 'uk-gdpr']);
    fireEvent.click(within(jurisdictions).getByRole('checkbox', { name: /^UK GDPR/ }));
    expect(org().jurisdictions).toEqual(['gdpr']);
    fireEvent.click(within(jurisdictions).getByRole('checkbox', { name: /^GDPR \(EU\)/ }));
    expect(org().jurisdictions).toEqual(['gdpr']);
    expect(within(jurisdictions).getByText(/Keep at least one/)).toBeTruthy();
    fireEvent.click(within(jurisdictions).getByRole('checkbox', { name: /^CCPA\/CPRA/ }));
    expect(org().jurisdictions).toEqual(['gdpr', 'ccpa']);
    expect(within(jurisdictions).queryByText(/Keep at least one/)).toBeNull();
  });

  it('chooses US states one by one or all eighteen at once, with the health data laws apart', () => {
    renderScreen(<OrganizationScreen />);
    const jurisdictions = section('Jurisdictions');
    const states = within(jurisdictions).getByRole('group', { name: 'Other US states' });
    expect(within(states).getByText(/0 of 18 chosen/)).toBeTruthy();
    fireEvent.click(within(states).getByRole('checkbox', { name: 'Texas' }));
    expect(org().jurisdictions).toEqual(['gdpr', 'uk-gdpr', 'ccpa', 'us-tx']);
    // Each state names its law for a screen reader as the tooltip does for the eye.
    expect(within(states).getByRole('checkbox', { name: 'Texas' }).getAttribute('aria-description')).toMatch(
      /^Texas Data Privacy and Security Act \(Tex\. Bus\. & Com\. Code § 541\.001 et seq\.\), in force since 1 July 2024$/,
    );
    fireEvent.click(within(states).getByRole('button', { name: 'Select all 18 states' }));
    expect(org().jurisdictions).toHaveLength(3 + 18);
    expect(org().jurisdictions).not.toContain('us-wa');
    expect(within(states).getByText(/18 of 18 chosen/)).toBeTruthy();
    fireEvent.click(within(states).getByRole('checkbox', { name: /^Washington/ }));
    expect(org().jurisdictions.slice(-2)).toEqual(['us-ri', 'us-wa']);
    fireEvent.click(within(states).getByRole('button', { name: 'Clear all 18 states' }));
    expect(org().jurisdictions).toEqual(['gdpr', 'uk-gdpr', 'ccpa', 'us-wa']);
  });

  it('shows an invalid URL or email inline, beside its field', () => {
    renderScreen(<OrganizationScreen />);
    const who = section('Who you are');
    const website = input('Website', who);
    expect(website.getAttribute('data-path')).toBe('organization.website');
    fireEvent.change(website, { target: { value: 'littlemoments' } });
    expect(org().website).toBe('littlemoments');
    expect(within(who).getByText('Website must be an absolute https:// address, such as https://example.com/privacy')).toBeTruthy();
    expect(useEditor.getState().saveStatus).toBe('pending');
    // Without a scheme it is an address all the same, made https:// when the field is left.
    fireEvent.change(website, { target: { value: 'littlemoments.example' } });
    expect(within(who).queryByText(/^Website must be/)).toBeNull();
    fireEvent.blur(website);
    expect(org().website).toBe('https://littlemoments.example');

    const email = input('Email', section('Data protection officer'));
    fireEvent.change(email, { target: { value: 'aoife at littlemoments' } });
    expect(
      within(section('Data protection officer')).getByText('Email must be an email address, such as privacy@example.com'),
    ).toBeTruthy();
  });

  it('drops a nested object once all its fields are emptied', () => {
    renderScreen(<OrganizationScreen />);
    const dpo = section('Data protection officer');
    fireEvent.change(input('Name', dpo), { target: { value: '' } });
    expect(org().dpo).toEqual({ email: 'dpo@littlemoments.example' });
    fireEvent.change(input('Email', dpo), { target: { value: '' } });
    expect(org()).not.toHaveProperty('dpo');

    const authority = section('Supervisory authority');
    fireEvent.change(input('Name', authority), { target: { value: '' } });
    expect(within(authority).getByText('Name is required')).toBeTruthy();
    fireEvent.change(input('URL', authority), { target: { value: '' } });
    expect(org()).not.toHaveProperty('supervisoryAuthority');
  });

  it('adds and removes representatives', () => {
    renderScreen(<OrganizationScreen />);
    const reps = section('Representatives');
    fireEvent.click(within(reps).getByRole('button', { name: 'Add representative' }));
    expect(org().representatives).toHaveLength(2);
    expect(org().representatives?.[1]).toEqual({ region: 'eu', name: '' });
    expect(within(reps).getByText('Name must not be empty')).toBeTruthy();
    const names = within(reps).getAllByLabelText(/^Name/, { selector: 'input' });
    fireEvent.change(names[1], { target: { value: 'Harbour Rep EU' } });
    expect(org().representatives?.[1].name).toBe('Harbour Rep EU');

    fireEvent.click(within(reps).getByRole('button', { name: 'Remove UK representative Harbour Rep UK Ltd' }));
    expect(org().representatives).toEqual([{ region: 'eu', name: 'Harbour Rep EU' }]);
    fireEvent.click(within(reps).getByRole('button', { name: 'Remove EU representative Harbour Rep EU' }));
    expect(org()).not.toHaveProperty('representatives');
    expect(within(reps).getByText(/No representatives/)).toBeTruthy();
  });

  it('keeps audience answers, and removes the text budget when emptied', () => {
    renderScreen(<OrganizationScreen />);
    fireEvent.change(input('Minimum age'), { target: { value: '13' } });
    expect(org().audience).toEqual({ minimumAge: 13, childrenDirected: false });
    fireEvent.click(screen.getByRole('switch', { name: /^Directed at children/ }));
    expect(org().audience?.childrenDirected).toBe(true);

    fireEvent.change(input('Short'), { target: { value: '' } });
    expect(settings().inAppLimits).toEqual({ long: 400 });
    fireEvent.change(input('Long'), { target: { value: '' } });
    expect(settings()).not.toHaveProperty('inAppLimits');
    expect(input('Long').getAttribute('placeholder')).toBe('400');
  });

  it('records the Google Play answers', () => {
    renderScreen(<OrganizationScreen />);
    const play = section('Google Play answers');
    fireEvent.click(within(play).getByRole('switch', { name: /^Complies with the Families Policy/ }));
    expect(settings().store?.familyPolicy).toBe(true);

    const deletion = within(play).getByLabelText('Can people ask for their data to be deleted?', {
      selector: 'input',
    }) as HTMLInputElement;
    expect(deletion.value).toBe('Yes');
    fireEvent.click(deletion);
    fireEvent.click(screen.getByRole('option', { name: 'No, but data is deleted automatically within 90 days' }));
    expect(settings().store?.dataDeletion).toBe('auto-deleted');

    const methods = within(play).getByLabelText('Account creation methods', { selector: 'input' });
    fireEvent.click(methods);
    fireEvent.click(screen.getByRole('option', { name: 'OAuth' }));
    expect(settings().store?.accountCreation).toEqual(['PSL_ACM_USER_ID_PASSWORD', 'PSL_ACM_OAUTH']);
  });

  it('works on a workspace that has no settings yet', () => {
    const workspace = exampleWorkspace();
    workspace.settings = {};
    loadWorkspace(workspace);
    renderScreen(<OrganizationScreen />);
    fireEvent.change(input('Templates folder'), { target: { value: 'templates' } });
    expect(settings()).toEqual({ templatesDir: 'templates' });
    fireEvent.click(screen.getByRole('switch', { name: /^Data is encrypted in transit/ }));
    expect(settings().store).toEqual({ encryptedInTransit: true });
  });

  it('focuses the field a problem points at', async () => {
    renderScreen(<OrganizationScreen field="settings.effectiveDate" />);
    await waitFor(() => expect(document.activeElement).toBe(input('Effective date')));
  });
});
