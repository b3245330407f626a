// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { HandlerName } from '../../../../core/api';
import { useEditor } from '../../state/store';
import { useUi } from '../../state/ui';
import { openSession, renderUi, resetStores, sampleWorkspace, stubBrowser } from '../Dialogs/testing';
import { WorkspaceBanner } from './WorkspaceBanner';

const bridge = vi.hoisted(() => ({ invoke: vi.fn(), on: () => () => undefined, flushed: () => undefined }));
vi.mock('../../transport', () => ({ getBridge: () => bridge, nativeDialogs: () => undefined }));

function calls(name: HandlerName) {
  return bridge.invoke.mock.calls.filter(([n]) => n === name).map(([, arg]) => arg);
}

beforeAll(stubBrowser);
beforeEach(() => {
  resetStores();
  bridge.invoke.mockReset();
});
afterEach(() => resetStores(null));

describe('WorkspaceBanner', () => {
  it('shows nothing while all is well', () => {
    renderUi(<WorkspaceBanner />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers Reload when the file changed on disk, and shows the file read again', async () => {
    const fromDisk = openSession('/home/sam/privacy/acme.candor.json', sampleWorkspace('Acme after pull'));
    bridge.invoke.mockResolvedValue({ ok: true, value: fromDisk });
    useUi.getState().setChangedOnDisk(true);
    renderUi(<WorkspaceBanner />);

    expect(screen.getByTestId('banner-changed-on-disk').textContent).toContain(
      'acme.candor.json changed on disk (for example after a git pull). Reload to see the new version.',
    );
    expect(screen.queryByRole('button', { name: 'Save mine as a copy…' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));

    await waitFor(() => expect(useEditor.getState().workspace?.organization.name).toBe('Acme after pull'));
    expect(calls('workspace-reload')).toEqual([{}]);
    expect(useUi.getState().changedOnDisk).toBe(false);
    expect(screen.queryByTestId('banner-changed-on-disk')).toBeNull();
  });

  it('warns that reloading drops unsaved edits and offers to save them as a copy', () => {
    useEditor.setState({ saveStatus: 'conflict' });
    renderUi(<WorkspaceBanner />);
    expect(screen.getByTestId('banner-changed-on-disk').textContent).toContain('reloading discards your unsaved changes');
    fireEvent.click(screen.getByRole('button', { name: 'Save mine as a copy…' }));
    expect(useUi.getState().dialog).toBe('save-as');
  });

  it('keeps a refused reload visible', async () => {
    bridge.invoke.mockResolvedValue({
      ok: false,
      error: { code: 'io', message: 'acme.candor.json could not be read: permission denied.' },
    });
    useUi.getState().setChangedOnDisk(true);
    renderUi(<WorkspaceBanner />);
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(await screen.findByText('acme.candor.json could not be read: permission denied.')).toBeTruthy();
  });

  it('reports a failed save with its reason and retries it', async () => {
    bridge.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'io', message: 'The disk is full.' } });
    useEditor.getState().apply('Rename organization', (draft) => {
      draft.organization.name = 'Acme Ltd';
    });
    renderUi(<WorkspaceBanner />);
    await act(() => useEditor.getState().flush());
    expect(screen.getByTestId('banner-save-error').textContent).toContain('The disk is full.');

    bridge.invoke.mockResolvedValueOnce({ ok: true, value: { revision: 'rev-2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(useEditor.getState().saveStatus).toBe('saved'));
    expect(calls('workspace-save')).toHaveLength(2);
    expect(screen.queryByTestId('banner-save-error')).toBeNull();
  });

  it('explains a read-only workspace', () => {
    useEditor.getState().load({
      ...openSession(),
      readOnly: { kind: 'newer-version', message: 'acme.candor.json was written by a newer version of Candor.' },
    } as ReturnType<typeof openSession>);
    renderUi(<WorkspaceBanner />);
    const banner = screen.getByTestId('banner-read-only');
    expect(banner.textContent).toContain('Read-only: this file was written by a newer version of Candor.');
    expect(banner.textContent).toContain('Editing is disabled');
    fireEvent.click(screen.getByRole('button', { name: 'Details' }));
    expect(screen.getByText('acme.candor.json was written by a newer version of Candor.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save as…' })).toBeNull();
  });

  it('offers Reload and Save as when another Candor holds the file', async () => {
    useEditor.getState().load({
      ...openSession(),
      readOnly: { kind: 'locked', message: 'acme.candor.json is open in another Candor window or process.' },
    } as ReturnType<typeof openSession>);
    bridge.invoke.mockResolvedValue({ ok: true, value: openSession() });
    renderUi(<WorkspaceBanner />);
    fireEvent.click(screen.getByRole('button', { name: 'Save as…' }));
    expect(useUi.getState().dialog).toBe('save-as');
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(useEditor.getState().readOnly).toBeUndefined());
    expect(calls('workspace-reload')).toEqual([{}]);
  });
});
