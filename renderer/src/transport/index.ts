// The renderer reaches the backend through one bridge: Electron's preload exposes `window.candor`;
// in the local web mode the same contract runs over HTTP.
import type { CandorBridge } from '../../../core/api';
import { createWebBridge } from './web';

export interface DesktopBridge extends CandorBridge {
  /** native open/save dialog; only in the desktop app */
  choosePath(options: { kind: 'open' | 'save'; defaultPath?: string; purpose?: 'workspace' | 'export' | 'import' }): Promise<string | null>;
}

declare global {
  interface Window {
    candor?: DesktopBridge;
  }
}

let bridge: CandorBridge | undefined;

export function getBridge(): CandorBridge {
  bridge ??= window.candor ?? createWebBridge();
  return bridge;
}

/** The native dialog when running in Electron; undefined in the web mode, where the UI asks for a path. */
export function nativeDialogs(): DesktopBridge['choosePath'] | undefined {
  return window.candor?.choosePath?.bind(window.candor);
}
