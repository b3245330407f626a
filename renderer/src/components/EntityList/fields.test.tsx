// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { setOptional } from '../../state/edit';
import { useEditor } from '../../state/store';
import { current, renderScreen, sampleScreenTests } from '../../testing/test-utils';
import { TextField } from './fields';

function Website() {
  const website = useEditor((s) => s.workspace?.organization.website);
  const email = useEditor((s) => s.workspace?.organization.contactEmail);
  const apply = useEditor((s) => s.apply);
  return (
    <>
      <TextField
        path="organization.website"
        label="Website"
        inputMode="url"
        value={website}
        onValue={(v) => apply('Edit website', (d) => setOptional(d.organization, 'website', v))}
      />
      <TextField
        path="organization.contactEmail"
        label="Contact email"
        inputMode="email"
        value={email}
        onValue={(v) => apply('Edit contact email', (d) => setOptional(d.organization, 'contactEmail', v))}
      />
    </>
  );
}

sampleScreenTests();

describe('TextField', () => {
  it('keeps an address as typed while typing, and tidies it to https:// when the field is left', () => {
    renderScreen(<Website />);
    const website = screen.getByLabelText('Website') as HTMLInputElement;
    fireEvent.change(website, { target: { value: 'stillwater.app' } });
    expect(current().organization.website).toBe('stillwater.app');
    // Read as https://stillwater.app, it is complete: nothing is shown beside the field.
    expect(screen.queryByText(/Website must be/)).toBeNull();
    fireEvent.blur(website);
    expect(current().organization.website).toBe('https://stillwater.app');
    expect(website.value).toBe('https://stillwater.app');
  });

  it('tidies an e-mail address, and shows beside the field what is still wrong', () => {
    renderScreen(<Website />);
    const email = screen.getByLabelText('Contact email') as HTMLInputElement;
    fireEvent.change(email, { target: { value: ' Hello@Stillwater.APP ' } });
    fireEvent.blur(email);
    expect(current().organization.contactEmail).toBe('Hello@stillwater.app');
    fireEvent.change(email, { target: { value: 'hello@' } });
    fireEvent.blur(email);
    expect(current().organization.contactEmail).toBe('hello@');
    expect(screen.getByText('Contact email must be an email address, such as privacy@example.com')).toBeTruthy();
    expect(useEditor.getState().problems).toEqual([]);
  });
});
