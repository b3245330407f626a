// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { HandlerName } from '../../../../core/api';
import { useEditor } from '../../state/store';
import { useUi } from '../../state/ui';
import { openSession, renderUi, resetStores, stubBrowser } from '../Dialogs/testing';
import { FileMenu } from './FileMenu';

const bridge = vi.hoisted(() => ({ invoke: vi.fn(), on: () => () => undefined, flushed: () => undefined }));
vi.mock('../../transport', () => ({ getBridge: () => bridge, nativeDialogs: () => undefined }));

const CURRENT = '/home/sam/privacy/acme.candor.json';
const OTHER = '/home/sam/work/globex.candor.json';

beforeAll(stubBrowser);
beforeEach(() => {
  resetStores(openSession(CURRENT));
  bridge.invoke.mockReset();
});
afterEach(() => resetStores(null));

async function openRecentSubmenu() {
  fireEvent.click(screen.getByRole('button', { name: 'File' }));
  fireEvent.keyDown(await screen.findByRole('menuitem', { name: 'Open recent' }), { key: 'ArrowRight' });
}

describe('FileMenu', () => {
  it('sets the dialog for each command', async () => {
    bridge.invoke.mockResolvedValue({ ok: true, value: [] });
    renderUi(<FileMenu />);
    const expected = [
      ['New workspace…', 'new-workspace'],
      ['Open…', 'open-workspace'],
      ['Save as…', 'save-as'],
      ['Backups…', 'backups'],
      ['About Candor', 'about'],
    ] as const;
    for (const [label, dialog] of expected) {
      fireEvent.click(screen.getByRole('button', { name: 'File' }));
      fireEvent.click(await screen.findByRole('menuitem', { name: label }));
      expect(useUi.getState().dialog).toBe(dialog);
      useUi.getState().setDialog(null);
    }
  });

  it('lists recent workspaces by file name and folder, and opens one', async () => {
    const opened = openSession(OTHER);
    bridge.invoke.mockImplementation(async (name: HandlerName) => {
      if (name === 'workspace-recent') return { ok: true, value: [CURRENT, OTHER] };
      if (name === 'workspace-open') return { ok: true, value: opened };
      return { ok: false, error: { code: 'io', message: `unexpected ${name}` } };
    });
    renderUi(<FileMenu />);
    await openRecentSubmenu();
    const item = await screen.findByRole('menuitem', { name: /globex\.candor\.json/ });
    expect(item.textContent).toContain('/home/sam/work');
    expect(screen.getByRole('menuitem', { name: /acme\.candor\.json/ }).hasAttribute('data-disabled')).toBe(true);
    fireEvent.click(item);
    await waitFor(() => expect(useEditor.getState().session).toEqual(opened));
    expect(bridge.invoke).toHaveBeenCalledWith('workspace-open', { path: OTHER });
  });

  it('says when there are no recent workspaces', async () => {
    bridge.invoke.mockResolvedValue({ ok: true, value: [] });
    renderUi(<FileMenu />);
    await openRecentSubmenu();
    expect(await screen.findByText('No recent workspaces')).toBeTruthy();
  });
});
