// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CandorError, HandlerName, SessionState } from '../../../../core/api';
import { useEditor } from '../../state/store';
import { useUi } from '../../state/ui';
import { openSession, renderUi, resetStores, stubBrowser } from '../Dialogs/testing';
import { OpenError } from './OpenError';
import { NoWorkspace } from './NoWorkspace';
import { problemsAsText } from './ProblemList';

const bridge = vi.hoisted(() => ({ invoke: vi.fn(), on: () => () => undefined, flushed: () => undefined }));
vi.mock('../../transport', () => ({ getBridge: () => bridge, nativeDialogs: () => undefined }));

const PATH = '/home/sam/privacy/acme.candor.json';
const invalid: CandorError = {
  code: 'invalid-workspace',
  file: PATH,
  message: `${PATH} is not a valid Candor workspace (2 problems). Fix them in a text editor, then try again.`,
  problems: [
    { path: 'dataTypes[3].purposes[0]', message: 'refers to purpose "marketing", which does not exist' },
    { path: 'organization.contactEmail', message: 'must be an email address, such as privacy@example.com' },
  ],
};
const errorState: SessionState = { status: 'error', path: PATH, error: invalid };

function calls(name: HandlerName) {
  return bridge.invoke.mock.calls.filter(([n]) => n === name).map(([, arg]) => arg);
}

beforeAll(stubBrowser);
beforeEach(() => {
  resetStores(errorState);
  bridge.invoke.mockReset();
  bridge.invoke.mockResolvedValue({ ok: true, value: [] });
});
afterEach(() => resetStores(null));

describe('OpenError', () => {
  it('lists every problem with its field path, and says the file was not touched', () => {
    renderUi(<OpenError path={PATH} error={invalid} />);
    expect(screen.getByRole('heading', { name: "Candor can't open this workspace" })).toBeTruthy();
    expect(screen.getByTestId('open-error-path').textContent).toBe(PATH);
    expect(screen.getByText(invalid.message)).toBeTruthy();
    const items = within(screen.getByRole('list', { name: 'Problems' })).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('code')?.textContent)).toEqual(['dataTypes[3].purposes[0]', 'organization.contactEmail']);
    expect(items[0].textContent).toContain('refers to purpose "marketing", which does not exist');
    expect(screen.getByText(/Candor didn't write to this file/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy list' })).toBeTruthy();
  });

  it('copies the problems as path: message lines', () => {
    expect(problemsAsText(invalid.problems!)).toBe(
      'dataTypes[3].purposes[0]: refers to purpose "marketing", which does not exist\n' +
        'organization.contactEmail: must be an email address, such as privacy@example.com',
    );
  });

  it('tries again by reloading, and opens the workspace once it is fixed', async () => {
    const fixed = openSession(PATH);
    bridge.invoke.mockResolvedValue({ ok: true, value: fixed });
    renderUi(<OpenError path={PATH} error={invalid} />);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(useEditor.getState().session).toEqual(fixed));
    expect(calls('workspace-reload')).toEqual([{}]);
  });

  it('says so when the file still cannot be opened', async () => {
    bridge.invoke.mockResolvedValue({ ok: true, value: errorState });
    renderUi(<OpenError path={PATH} error={invalid} />);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/the file still can't be opened/)).toBeTruthy();
  });

  it('leads to the backups, another file or a new one', () => {
    renderUi(<OpenError path={PATH} error={invalid} />);
    fireEvent.click(screen.getByRole('button', { name: 'Restore a backup…' }));
    expect(useUi.getState().dialog).toBe('backups');
    fireEvent.click(screen.getByRole('button', { name: 'Open another…' }));
    expect(useUi.getState().dialog).toBe('open-workspace');
    fireEvent.click(screen.getByRole('button', { name: 'New workspace…' }));
    expect(useUi.getState().dialog).toBe('new-workspace');
  });
});

describe('NoWorkspace', () => {
  beforeEach(() => resetStores({ status: 'none' }));

  it('opens a recent file', async () => {
    const opened = openSession('/home/sam/work/globex.candor.json');
    bridge.invoke.mockImplementation(async (name: HandlerName) => {
      if (name === 'workspace-recent') return { ok: true, value: ['/home/sam/work/globex.candor.json'] };
      if (name === 'workspace-open') return { ok: true, value: opened };
      return { ok: false, error: { code: 'io', message: `unexpected ${name}` } };
    });
    renderUi(<NoWorkspace />);
    fireEvent.click(await screen.findByRole('button', { name: /globex\.candor\.json/ }));
    await waitFor(() => expect(useEditor.getState().session).toEqual(opened));
    expect(calls('workspace-open')).toEqual([{ path: '/home/sam/work/globex.candor.json' }]);
  });

  it('opens the sample copy in the data folder, reusing it when it already exists', async () => {
    const sample = openSession('/data/Candor/examples/ridgeline-copy.candor.json');
    bridge.invoke.mockImplementation(async (name: HandlerName) => {
      if (name === 'app-info') return { ok: true, value: { version: '1', shell: 'web', platform: 'linux', dataDir: '/data/Candor' } };
      if (name === 'workspace-new') {
        return { ok: false, error: { code: 'forbidden', file: sample.status === 'open' ? sample.path : '', message: 'already exists' } };
      }
      if (name === 'workspace-open') return { ok: true, value: sample };
      return { ok: true, value: [] };
    });
    renderUi(<NoWorkspace />);
    fireEvent.click(screen.getByRole('button', { name: 'Open the sample' }));
    await waitFor(() => expect(useEditor.getState().session).toEqual(sample));
    expect(calls('workspace-new')).toEqual([{ path: '/data/Candor/examples/ridgeline-copy.candor.json', example: true }]);
    expect(calls('workspace-open')).toEqual([{ path: '/data/Candor/examples/ridgeline-copy.candor.json' }]);
  });
});
