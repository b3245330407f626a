// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useEditor } from '../../state/store';
import { RecipientsScreen } from '../../screens/Recipients/Recipients';
import { describedFilter, sentenceFor } from './fields';
import { idProblem } from './IdField';
import { nameList } from './EntityListScreen';
import { current, exampleWorkspace, installBridge, installDomStubs, renderScreen } from '../../testing/test-utils';

beforeAll(() => {
  installDomStubs();
  installBridge();
});

afterEach(() => cleanup());

describe('idProblem', () => {
  const entries = [
    { id: 'aws', name: 'Amazon Web Services' },
    { id: 'stripe', name: 'Stripe' },
  ];
  it('accepts a free slug and the entry’s own id', () => {
    expect(idProblem('postmark', entries, 0)).toBeUndefined();
    expect(idProblem('aws', entries, 0)).toBeUndefined();
  });
  it('refuses an id another entry has, naming it', () => {
    expect(idProblem('stripe', entries, 0)).toBe('"stripe" is already the id of "Stripe"; pick another.');
  });
  it('refuses what is not a slug, suggesting one', () => {
    expect(idProblem('Amazon AWS', entries, 0)).toBe('Id must be lower-case letters a–z, digits and single hyphens, such as "amazon-aws".');
    expect(idProblem('a--b', entries, 0)).toMatch(/^Id must be lower-case/);
    expect(idProblem('', entries, 0)).toMatch(/^Id must not be empty/);
  });
});

describe('nameList', () => {
  it('joins names the way a sentence does', () => {
    expect(nameList(['Email address'])).toBe('Email address');
    expect(nameList(['Email address', 'Photos'])).toBe('Email address and Photos');
    expect(nameList(['Email address', 'Photos', 'Password'])).toBe('Email address, Photos and Password');
  });
});

describe('sentenceFor', () => {
  it('puts the label in front of messages written to follow it', () => {
    expect(sentenceFor('Website', 'must be an absolute https:// address')).toBe('Website must be an absolute https:// address');
    expect(sentenceFor('Name', 'is required')).toBe('Name is required');
  });
  it('leaves messages that stand alone as they are, capitalised', () => {
    expect(sentenceFor('Id', '"aws" is already the id of recipients[0]')).toBe('"aws" is already the id of recipients[0]');
    expect(sentenceFor('Data use', 'pick one')).toBe('Pick one');
    expect(sentenceFor('Name', undefined)).toBeUndefined();
  });
});

describe('describedFilter', () => {
  it('matches labels, values and explanations, and drops empty groups', () => {
    const filter = describedFilter(new Map([['sccs', 'A contract on the standard clauses']]));
    const options = [
      { group: 'Safeguards', items: [{ value: 'sccs', label: 'Standard contractual clauses' }] },
      { group: 'Other', items: [{ value: 'none', label: 'None' }] },
    ];
    expect(filter({ options, search: 'contract clauses', limit: Infinity })).toEqual([options[0]]);
    expect(filter({ options, search: 'SCCS', limit: Infinity })).toEqual([options[0]]);
    expect(filter({ options, search: 'nothing like it', limit: Infinity })).toEqual([]);
  });
});

describe('EntityListScreen in a read-only workspace', () => {
  it('shows the entries but offers no way to change them', () => {
    useEditor.getState().load({
      status: 'open',
      path: '/tmp/x.candor.json',
      revision: 'r',
      workspace: exampleWorkspace(),
      readOnly: { kind: 'locked', message: 'Another Candor window has this workspace open.' },
    });
    const before = current();
    renderScreen(<RecipientsScreen id="stripe" />);
    expect(screen.getByRole('button', { name: 'Add recipient' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveProperty('disabled', true);
    const name = screen.getByLabelText(/^Name/, { selector: 'input' }) as HTMLInputElement;
    expect(name.readOnly).toBe(true);
    const row = within(screen.getByRole('listbox', { name: 'Recipients' })).getByRole('option', { selected: true });
    fireEvent.keyDown(row, { key: 'Delete' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(current()).toBe(before);
  });
});

describe('EntityListScreen opened from a problem', () => {
  it('selects the entry at the problem’s index when two entries share an id, and shows the problem there', async () => {
    const workspace = exampleWorkspace();
    workspace.recipients[1].id = 'aws';
    useEditor.getState().load({ status: 'open', path: '/tmp/x.candor.json', revision: 'r', workspace });
    renderScreen(<RecipientsScreen id="aws" field="recipients[1].id" />);
    const name = screen.getByLabelText(/^Name/, { selector: 'input' }) as HTMLInputElement;
    expect(name.value).toBe('Postmark');
    const id = screen.getByLabelText('Id', { selector: 'input' });
    expect(id.getAttribute('data-path')).toBe('recipients[1].id');
    expect(screen.getByText('"aws" is already the id of recipients[0]; every id in a list must be unique')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(id));
  });
});
