// A stand-in for the parts of Electron's main-process API this folder uses, for unit tests that
// run in Node (vi.mock('electron', () => import('./fake-electron'))). It records what the code
// asked Electron to do; it does not imitate Chromium.
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { vi } from 'vitest';
import type { Rect } from './window-state';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent<T extends object>(extra?: T): FakeEvent & T {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
    ...(extra as T),
  };
}

export class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; payload: unknown }[] = [];
  url = '';
  crashed = false;
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly reload = vi.fn();

  get mainFrame() {
    return { url: this.url, parent: null };
  }
  send(channel: string, payload?: unknown) {
    this.sent.push({ channel, payload });
  }
  isDestroyed() {
    return this.destroyed;
  }
  isCrashed() {
    return this.crashed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly all: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  title: string;
  bounds: Rect;
  maximized = false;
  minimized = false;
  destroyed = false;
  shown = false;
  representedFilename = '';

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    this.title = String(options.title ?? '');
    this.bounds = {
      x: Number(options.x ?? 0),
      y: Number(options.y ?? 0),
      width: Number(options.width ?? 800),
      height: Number(options.height ?? 600),
    };
    BrowserWindow.all.push(this);
  }
  static getAllWindows() {
    return BrowserWindow.all.filter((w) => !w.destroyed);
  }
  /** The fake has no focus: the newest open window stands for the focused one. */
  static getFocusedWindow() {
    return BrowserWindow.getAllWindows().at(-1) ?? null;
  }
  async loadURL(url: string) {
    this.webContents.url = url;
    queueMicrotask(() => this.emit('ready-to-show'));
  }
  setTitle(title: string) {
    this.title = title;
  }
  getTitle() {
    return this.title;
  }
  setRepresentedFilename(path: string) {
    this.representedFilename = path;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMaximized() {
    return this.maximized;
  }
  isMinimized() {
    return this.minimized;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  maximize() {
    this.maximized = true;
  }
  restore() {
    this.minimized = false;
  }
  show() {
    this.shown = true;
  }
  focus() {}
  /** Like Electron: 'close' may be prevented; otherwise the window is destroyed and 'closed' follows. */
  close() {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** What Electron does when the page calls ipcRenderer.invoke. */
  async invoke(event: unknown, channel: string, ...args: unknown[]) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly quit = vi.fn();
  readonly addRecentDocument = vi.fn();
  readonly clearRecentDocuments = vi.fn();
  getName() {
    return 'Candor';
  }
  getVersion() {
    return '0.1.0';
  }
  getPath(_name: string) {
    return tmpdir();
  }
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const Menu = {
  current: undefined as { template: unknown[] } | undefined,
  buildFromTemplate(template: unknown[]) {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown[] }) {
    Menu.current = menu;
  },
};
export const dialog = {
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0 })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showErrorBox: vi.fn(),
};
export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  openPath: vi.fn(async (_path: string) => ''),
  showItemInFolder: vi.fn(),
};
export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};
export const nativeTheme = { shouldUseDarkColors: false };
export const protocol = { registerSchemesAsPrivileged: vi.fn() };

/** A fresh Electron for each test. */
export function resetFakeElectron(): void {
  app.removeAllListeners();
  app.isPackaged = false;
  for (const fn of [app.quit, app.addRecentDocument, app.clearRecentDocuments]) fn.mockReset();
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  BrowserWindow.all.length = 0;
  Menu.current = undefined;
  for (const fn of [...Object.values(dialog), ...Object.values(shell)]) fn.mockClear();
}
