// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { useEditor } from '../../state/store';
import { current, installBridge, installDomStubs, loadWorkspace, renderScreen } from '../../testing/test-utils';
import { DataTypeEditor } from './DataTypeEditor';

const LABELS = [
  'Name',
  'Category',
  'Description',
  'Subjects',
  'Source',
  'Source detail',
  'Purposes',
  'Benefit to the customer',
  'Retention',
  'Recipients',
  'Collected at',
  'Required',
  'Consequence if not provided',
  'Sensitivity',
  'Special-category condition',
  'Linked to identity',
  'Used for tracking',
  'Processed ephemerally',
  'Classification',
  'In-app text',
  'Status',
  'Owner',
  'Reviewed on',
  'Notes',
];

describe('DataTypeEditor', () => {
  beforeAll(() => {
    installDomStubs();
    installBridge();
  });
  afterEach(() => cleanup());

  it('shows every field of the format with its visible label', () => {
    loadWorkspace();
    renderScreen(<DataTypeEditor id="email-address" />);
    for (const label of LABELS) {
      expect(screen.getAllByText(label, { exact: true }).length, label).toBeGreaterThan(0);
    }
    expect(screen.getByText('Internal')).toBeTruthy();
  });

  it('Duplicate opens the copy with its own name field to focus, wherever the original stands', () => {
    loadWorkspace();
    renderScreen(<DataTypeEditor id="email-address" />);
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate' }));
    const at = current().dataTypes.findIndex((d) => d.id === 'email-address-copy');
    // The copy goes right after the original (the first entry), not at the end of the list.
    expect(at).toBe(1);
    expect(current().dataTypes.length).toBeGreaterThan(2);
    expect(decodeURIComponent(window.location.hash)).toBe(`#/data-types/email-address-copy?field=dataTypes[${at}].name`);
  });

  it('edits the benefit, as one undo step for a burst of typing', () => {
    loadWorkspace();
    renderScreen(<DataTypeEditor id="email-address" />);
    const benefit = screen.getByLabelText('Benefit to the customer');
    fireEvent.change(benefit, { target: { value: 'You' } });
    fireEvent.change(benefit, { target: { value: 'You can sign in anywhere.' } });
    expect(current().dataTypes[0].benefit).toBe('You can sign in anywhere.');
    act(() => useEditor.getState().undo());
    expect(current().dataTypes[0].benefit).toBe('You can sign in on any device, recover your account and get your receipts.');
  });

  it('says the retention in words, live', () => {
    loadWorkspace();
    renderScreen(<DataTypeEditor id="email-address" />);
    expect(screen.getByTestId('retention-sentence').textContent).toBe('Kept for 30 days after you close your account.');
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: '90' } });
    expect(current().dataTypes[0].retention).toEqual({ period: { value: 90, unit: 'days' }, after: 'account-closure' });
    expect(screen.getByTestId('retention-sentence').textContent).toBe('Kept for 90 days after you close your account.');
    fireEvent.click(screen.getByText('Until an event'));
    expect(current().dataTypes[0].retention).toEqual({ after: 'account-closure' });
    expect(screen.getByTestId('retention-sentence').textContent).toBe('Kept until you close your account.');
  });

  it('shows a problem inline beside its field', () => {
    loadWorkspace();
    renderScreen(<DataTypeEditor id="email-address" />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: '' } });
    expect(screen.getByText('must not be empty')).toBeTruthy();
    // A date picker cannot produce an impossible date, but a hand-edited file can.
    act(() =>
      useEditor.getState().apply('Break date', (d) => {
        d.dataTypes[0].reviewedOn = '2026-02-30';
      }),
    );
    expect(screen.getByText('is not a real calendar date')).toBeTruthy();
  });

  it('removes an optional field when it is emptied, so the file keeps only what was said', () => {
    loadWorkspace();
    renderScreen(<DataTypeEditor id="email-address" />);
    fireEvent.change(screen.getByLabelText('Consequence if not provided'), { target: { value: '' } });
    expect(current().dataTypes[0]).not.toHaveProperty('consequenceIfNotProvided');
  });

  it('asks, per recipient, which of the purposes it receives the data for, all by default', () => {
    const ws = loadWorkspace();
    const [p1, p2] = ws.purposes.map((p) => p.id);
    const [r1, r2] = ws.recipients.map((r) => r.id);
    act(() =>
      useEditor.getState().apply('Set up', (d) => {
        Object.assign(d.dataTypes[0], { purposes: [p1, p2], recipients: [r1, r2], recipientPurposes: { [r2]: [p2] } });
      }),
    );
    renderScreen(<DataTypeEditor id={ws.dataTypes[0].id} />);
    expect(screen.getByText('What each recipient receives it for')).toBeTruthy();
    const field = (recipient: string) => document.querySelector(`[data-path="dataTypes[0].recipientPurposes.${recipient}"]`);
    expect(field(r1)).toBeTruthy();
    expect(field(r2)).toBeTruthy();
    // Only the recipient that is not narrowed says it gets the data for all its purposes.
    expect(screen.getAllByText('All its purposes')).toHaveLength(1);
    // With a single purpose there is nothing to narrow.
    act(() =>
      useEditor.getState().apply('Drop a purpose', (d) => {
        d.dataTypes[0].purposes = [p1];
      }),
    );
    expect(screen.queryByText('What each recipient receives it for')).toBeNull();
  });

  it('says when a data type is not in the workspace', () => {
    loadWorkspace();
    renderScreen(<DataTypeEditor id="no-such-thing" />);
    expect(screen.getByText("This data type isn't in the workspace")).toBeTruthy();
  });
});
