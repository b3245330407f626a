// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { HandlerName } from '../../../../core/api';
import { useEditor } from '../../state/store';
import { useUi } from '../../state/ui';
import { Dialogs } from './Dialogs';
import { openSession, renderUi, resetStores, sampleWorkspace, stubBrowser } from './testing';

const bridge = vi.hoisted(() => ({
  invoke: vi.fn(),
  on: () => () => undefined,
  flushed: () => undefined,
}));
const native = vi.hoisted(() => ({ choosePath: undefined as undefined | ((options: unknown) => Promise<string | null>) }));
vi.mock('../../transport', () => ({ getBridge: () => bridge, nativeDialogs: () => native.choosePath }));

function calls(name: HandlerName) {
  return bridge.invoke.mock.calls.filter(([n]) => n === name).map(([, arg]) => arg);
}

beforeAll(stubBrowser);
beforeEach(() => {
  resetStores();
  native.choosePath = undefined;
  bridge.invoke.mockReset();
  bridge.invoke.mockImplementation(async (name: HandlerName) => {
    if (name === 'workspace-recent') return { ok: true, value: [] };
    if (name === 'app-info') {
      return { ok: true, value: { version: '1.2.3', shell: 'web', platform: 'linux', dataDir: '/home/sam/.config/Candor' } };
    }
    return { ok: false, error: { code: 'io', message: `unexpected ${name}` } };
  });
});
afterEach(() => resetStores(null));

describe('path modal (web mode)', () => {
  it('prefills the folder, appends .candor.json and keeps a failure visible in the modal', async () => {
    bridge.invoke.mockImplementation(async (name: HandlerName) => {
      if (name === 'workspace-open') {
        return {
          ok: false,
          error: {
            code: 'invalid-workspace',
            message: '/home/sam/privacy/other.candor.json is not a valid workspace: fix the problems below.',
            problems: [{ path: 'dataTypes[0].purposes', message: 'must list at least one purpose' }],
          },
        };
      }
      return { ok: true, value: [] };
    });
    renderUi(<Dialogs />);
    act(() => useUi.getState().setDialog('open-workspace'));

    const input = (await screen.findByLabelText('Workspace file')) as HTMLInputElement;
    expect(input.value).toBe('/home/sam/privacy/');
    fireEvent.change(input, { target: { value: '/home/sam/privacy/other' } });
    expect(screen.getByText('Candor will use /home/sam/privacy/other.candor.json')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));

    await screen.findByText("Candor couldn't open that file");
    expect(calls('workspace-open')).toEqual([{ path: '/home/sam/privacy/other.candor.json' }]);
    expect(screen.getByText(/is not a valid workspace/)).toBeTruthy();
    expect(screen.getByText('dataTypes[0].purposes')).toBeTruthy();
    expect(screen.getByText('must list at least one purpose')).toBeTruthy();
    // Still open, still on the old workspace.
    expect(useUi.getState().dialog).toBe('open-workspace');
    expect(useEditor.getState().session).toMatchObject({ path: '/home/sam/privacy/acme.candor.json' });
  });

  it('refuses an empty path without asking the backend', async () => {
    renderUi(<Dialogs />);
    act(() => useUi.getState().setDialog('open-workspace'));
    const input = await screen.findByLabelText('Workspace file');
    fireEvent.change(input, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByText(/Type the path of the workspace file/)).toBeTruthy();
    expect(calls('workspace-open')).toEqual([]);
  });

  it('creates a new workspace with the organization name and opens it', async () => {
    const created = openSession('/home/sam/privacy/globex.candor.json', sampleWorkspace('Globex'));
    bridge.invoke.mockImplementation(async (name: HandlerName) => {
      if (name === 'workspace-new') return { ok: true, value: created };
      return { ok: true, value: [] };
    });
    renderUi(<Dialogs />);
    act(() => useUi.getState().setDialog('new-workspace'));

    fireEvent.click(await screen.findByRole('button', { name: 'Create workspace' }));
    expect(await screen.findByText(/Type the name of the organization/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Organization name'), { target: { value: 'Globex' } });
    fireEvent.change(screen.getByLabelText('File to create'), { target: { value: '/home/sam/privacy/globex' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create workspace' }));

    await waitFor(() => expect(useEditor.getState().session).toEqual(created));
    expect(calls('workspace-new')).toEqual([{ path: '/home/sam/privacy/globex.candor.json', name: 'Globex' }]);
    expect(useUi.getState().dialog).toBeNull();
  });

  it('saves a copy with the workspace from the editor, after writing pending edits', async () => {
    const copy = openSession('/home/sam/privacy/acme-copy.candor.json');
    bridge.invoke.mockImplementation(async (name: HandlerName) => {
      if (name === 'workspace-save') return { ok: true, value: { revision: 'rev-2' } };
      if (name === 'workspace-save-as') return { ok: true, value: copy };
      return { ok: true, value: [] };
    });
    useEditor.getState().apply('Rename organization', (draft) => {
      draft.organization.name = 'Acme Ltd';
    });
    renderUi(<Dialogs />);
    act(() => useUi.getState().setDialog('save-as'));

    const input = (await screen.findByLabelText('New file')) as HTMLInputElement;
    expect(input.value).toBe('/home/sam/privacy/acme-copy.candor.json');
    fireEvent.click(screen.getByRole('button', { name: 'Save copy' }));

    await waitFor(() => expect(useEditor.getState().session).toEqual(copy));
    const names = bridge.invoke.mock.calls.map(([n]) => n);
    expect(names.indexOf('workspace-save')).toBeLessThan(names.indexOf('workspace-save-as'));
    const [arg] = calls('workspace-save-as') as { path: string; workspace: { organization: { name: string } } }[];
    expect(arg.path).toBe('/home/sam/privacy/acme-copy.candor.json');
    expect(arg.workspace.organization.name).toBe('Acme Ltd');
  });
});

describe('about', () => {
  it('shows the version, the data folder, the offline promise and the taxonomy attribution', async () => {
    renderUi(<Dialogs />);
    act(() => useUi.getState().setDialog('about'));
    expect((await screen.findByTestId('app-version')).textContent).toBe('1.2.3');
    expect(screen.getByTestId('data-dir').textContent).toBe('/home/sam/.config/Candor');
    expect(screen.getByText('Candor works offline: it makes no network request of its own.')).toBeTruthy();
    expect(screen.getByText(/fideslang default taxonomy.*licensed CC BY 4\.0 by Ethyca/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Read the CC BY 4.0 license' }).getAttribute('href')).toBe(
      'https://creativecommons.org/licenses/by/4.0/',
    );
  });
});

describe('desktop app', () => {
  it('uses the system dialog, and shows the modal only to explain a failure', async () => {
    const choosePath = vi.fn(async () => '/home/sam/elsewhere/broken');
    native.choosePath = choosePath;
    bridge.invoke.mockImplementation(async (name: HandlerName) => {
      if (name === 'workspace-open') {
        return { ok: false, error: { code: 'io', message: 'Permission denied reading /home/sam/elsewhere/broken.candor.json.' } };
      }
      return { ok: true, value: [] };
    });
    renderUi(<Dialogs />);
    act(() => useUi.getState().setDialog('open-workspace'));

    await screen.findByText("Candor couldn't open that file");
    expect(choosePath).toHaveBeenCalledTimes(1);
    expect(choosePath).toHaveBeenCalledWith({ kind: 'open', defaultPath: '/home/sam/privacy/' });
    expect(calls('workspace-open')).toEqual([{ path: '/home/sam/elsewhere/broken.candor.json' }]);
    expect(screen.getByText(/Permission denied/)).toBeTruthy();
    expect((screen.getByLabelText('Workspace file') as HTMLInputElement).value).toBe('/home/sam/elsewhere/broken');
  });

  it('closes quietly when the system dialog is cancelled', async () => {
    native.choosePath = vi.fn(async () => null);
    renderUi(<Dialogs />);
    act(() => useUi.getState().setDialog('save-as'));
    await waitFor(() => expect(useUi.getState().dialog).toBeNull());
    expect(calls('workspace-save-as')).toEqual([]);
    expect(screen.queryByLabelText('New file')).toBeNull();
  });
});
