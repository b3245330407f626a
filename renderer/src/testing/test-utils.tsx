// Shared set-up for the renderer's component tests: the jsdom gaps
// Mantine needs filled, a recording bridge instead of a server (recording-bridge.ts), and the sample
// workspace loaded into the real editor store.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReactNode } from 'react';
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { Workspace } from '../../../core/schema';
import { readWorkspaceText } from '../../../core/read';
import { useEditor } from '../state/store';
import { theme } from '../theme';
import { recordingBridge, type RecordingBridge } from './recording-bridge';

// The sample lives beside the repository (tests run from its root).
const EXAMPLE = resolve(process.cwd(), 'resources/examples/little-moments.candor.json');

export function installDomStubs(): void {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!('ResizeObserver' in window)) {
    class ResizeObserverStub {
      observe() {}
      unobserve() {}
      disconnect() {}
    }
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
  }
  Element.prototype.scrollIntoView ??= function scrollIntoView() {};
  // Autosizing textareas listen for web fonts loading.
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', { value: new EventTarget(), configurable: true });
  }
  // jsdom has no CSS.escape; the focus helper quotes paths with it.
  const css = (globalThis as { CSS?: { escape?: (v: string) => string } }).CSS ?? {};
  css.escape ??= (value: string) => value.replace(/["\\]/g, '\\$&');
  (globalThis as { CSS?: unknown }).CSS = css;
}

/** Installs a recording bridge on which saves succeed and the native path dialog is cancelled. */
export function installBridge(): RecordingBridge {
  const bridge = recordingBridge();
  bridge.choosePath.mockResolvedValue(null);
  bridge.install();
  return bridge;
}

export function exampleWorkspace(): Workspace {
  const result = readWorkspaceText(readFileSync(EXAMPLE, 'utf8'));
  if (result.kind !== 'ok') throw new Error(`the sample workspace at ${EXAMPLE} did not read as valid: ${result.kind}`);
  return result.workspace;
}

export function loadWorkspace(workspace: Workspace = exampleWorkspace()): Workspace {
  useEditor.getState().load({ status: 'open', path: '/tmp/x.candor.json', revision: 'r', workspace });
  return workspace;
}

export function current(): Workspace {
  const workspace = useEditor.getState().workspace;
  if (!workspace) throw new Error('no workspace is loaded');
  return workspace;
}

export function renderScreen(ui: ReactNode) {
  return render(
    <MantineProvider theme={theme} env="test">
      <Notifications />
      {ui}
    </MantineProvider>,
  );
}

export function setHash(hash: string): void {
  window.location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/**
 * The hooks of a screen test that edits the sample: the DOM stubs and a recording bridge once, the sample
 * loaded fresh before each test, the rendered tree removed after it.
 */
export function sampleScreenTests(): void {
  beforeAll(() => {
    installDomStubs();
    installBridge();
  });
  beforeEach(() => {
    loadWorkspace();
  });
  afterEach(() => cleanup());
}
