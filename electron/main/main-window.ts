// The one window. It opens hidden and shows once painted (no white flash), where it was last left.
import { BrowserWindow, nativeTheme, screen } from 'electron';
import { lockNavigation, secureWebPreferences } from './security';
import { loadWindowState, MIN_SIZE, placeWindow, trackWindowState, type WindowStateTracker } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  entryUrl: string;
  devServerUrl?: string;
  windowStateFile: string;
  title: string;
  platform: NodeJS.Platform;
  onStateSaveError: (error: unknown) => void;
}

export interface MainWindow {
  window: BrowserWindow;
  windowState: WindowStateTracker;
  /** resolves when the page has loaded (rejects if it could not be loaded) */
  loaded: Promise<void>;
}

export async function createMainWindow(options: MainWindowOptions): Promise<MainWindow> {
  const saved = await loadWindowState(options.windowStateFile);
  const placement = placeWindow(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    width: placement.width,
    height: placement.height,
    ...(placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : {}),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: options.title,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1a1b1e' : '#ffffff',
    webPreferences: {
      ...secureWebPreferences(options.preloadPath, options.platform),
      // The two settings everything else rests on, spelled out where the window is made: nothing
      // secureWebPreferences returns can turn them off, and a reviewer (or Electronegativity, which
      // reads only this literal) sees them here.
      contextIsolation: true,
      sandbox: true,
    },
  });
  // The title is ours (workspace, file, read-only); the page's <title> must not replace it.
  window.on('page-title-updated', (event) => event.preventDefault());
  lockNavigation(window.webContents, options.devServerUrl);
  const windowState = trackWindowState(window, options.windowStateFile, { onError: options.onStateSaveError });
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  const loaded = window.loadURL(options.entryUrl);
  return { window, windowState, loaded };
}
