// Shared by the workspace UI's component tests: Mantine in jsdom, a valid workspace and sessions.
import type { ReactElement } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { cleanup, render } from '@testing-library/react';
import type { SessionState } from '../../../../core/api';
import type { Workspace } from '../../../../core/schema';
import { useEditor } from '../../state/store';
import { useUi } from '../../state/ui';
import { theme } from '../../theme';

/** jsdom lacks what Mantine's floating and scroll components measure with. */
export function stubBrowser(): void {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!('ResizeObserver' in window)) {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
  Element.prototype.scrollIntoView ??= () => undefined;
}

export function renderUi(ui: ReactElement) {
  return render(
    <MantineProvider theme={theme} env="test">
      <Notifications />
      {ui}
    </MantineProvider>,
  );
}

export function sampleWorkspace(name = 'Acme'): Workspace {
  return {
    format: 'candor/workspace',
    version: 1,
    organization: { name, jurisdictions: ['gdpr'] },
    purposes: [{ id: 'provide', name: 'Provide the service' }],
    recipients: [],
    collectionPoints: [],
    dataTypes: [{ id: 'email', name: 'Email address', category: 'user.contact.email', purposes: ['provide'] }],
    settings: {},
  } as Workspace;
}

export function openSession(path = '/home/sam/privacy/acme.candor.json', workspace = sampleWorkspace()): SessionState {
  return { status: 'open', path, workspace, revision: 'rev-1' };
}

/** Puts the editor and UI stores back to a known state between tests. */
export function resetStores(session: SessionState | null = openSession()): void {
  cleanup();
  useUi.setState({ dialog: null, changedOnDisk: false });
  if (session) useEditor.getState().load(session);
  else useEditor.setState({ session: null, workspace: null });
}
