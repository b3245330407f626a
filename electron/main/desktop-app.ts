// The desktop shell around one WorkspaceSession: the window, its title and menu, the native
// dialogs, file-open requests from the OS, and a quit that never loses the last edits.
import { app, dialog, Menu, shell, type BrowserWindow } from 'electron';
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CandorEvent, Handlers, MenuCommand, Result, SessionState } from '../../core/api';
import { ensureSampleCopy } from '../services/paths';
import type { WorkspaceSession } from '../services/session';
import { chooseWorkspacePath, showError, type PathDialogOptions } from './dialogs';
import { createFlushGate, type FlushGate } from './flush-gate';
import { registerIpc, sendEvent } from './ipc';
import { createMainWindow } from './main-window';
import { buildMenuTemplate } from './menu-template';
import { chooseStartupWorkspace } from './startup-workspace';
import { representedFilename, windowTitle } from './window-title';
import type { WindowStateTracker } from './window-state';
import { WORKSPACE_EXTENSION } from './workspace-path';

export interface DesktopAppOptions {
  session: WorkspaceSession;
  handlers: Handlers;
  dataDir: string;
  preloadPath: string;
  entryUrl: string;
  devServerUrl?: string;
  /** files that may explain the workspace format, in order of preference */
  formatGuideCandidates: string[];
  /** how long a quit or file switch waits for the UI to save; FLUSH_TIMEOUT_MS (3 s) by default */
  flushTimeoutMs?: number;
  /** clears the recent-workspaces list; without it the menu offers no Clear item */
  clearRecent?: () => Promise<void>;
  /** told of every path a native dialog returned: the handlers accept only such paths (path-guard.ts) */
  grantPath?: (path: string) => void;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class DesktopApp {
  private window: BrowserWindow | undefined;
  private windowState: WindowStateTracker | undefined;
  private readonly flushGate: FlushGate;
  private started: Promise<void> | undefined;
  private shutdown: Promise<void> | undefined;
  private readyToQuit = false;
  private menuKey = '';
  private lastOpenPath: string | undefined;
  /** session-replaced events the session sent; main sends its own only when the session did not */
  private replacedEvents = 0;
  /** switches run one at a time, so two quick Open commands cannot interleave */
  private switching: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: DesktopAppOptions) {
    this.flushGate = createFlushGate({
      send: () => this.send({ type: 'flush-request' }),
      timeoutMs: options.flushTimeoutMs,
    });
  }

  /** Opens the first workspace, then the window. Call once, after `app` is ready. */
  start(requested: string | undefined): Promise<void> {
    this.started ??= this.run(requested);
    return this.started;
  }

  private async run(requested: string | undefined): Promise<void> {
    const { session } = this.options;
    session.onEvent((event) => this.onSessionEvent(event));
    registerIpc({
      handlers: this.options.handlers,
      window: () => this.window,
      devServerUrl: this.options.devServerUrl,
      afterInvoke: (name, result) => this.afterInvoke(name, result),
      flushed: (report) => this.flushGate.flushed(report),
      choosePath: (options) => this.choosePath(options),
    });

    try {
      const choice = await chooseStartupWorkspace({
        requested,
        recent: () => session.recent(),
        exists,
        sampleCopy: () => ensureSampleCopy(this.options.dataDir),
      });
      await session.open(choice.path);
    } catch (error) {
      // The window still opens (on an empty session) and says what went wrong.
      await showError(undefined, 'Candor could not open a workspace at start-up.', describe(error));
    }

    const created = await createMainWindow({
      preloadPath: this.options.preloadPath,
      entryUrl: this.options.entryUrl,
      devServerUrl: this.options.devServerUrl,
      windowStateFile: join(this.options.dataDir, 'window-state.json'),
      title: windowTitle(session.state()),
      platform: process.platform,
      onStateSaveError: (error) => console.error(`Candor could not save the window position: ${describe(error)}`),
    });
    this.window = created.window;
    this.windowState = created.windowState;
    created.window.on('close', (event) => {
      if (this.readyToQuit) return;
      event.preventDefault();
      void this.quit();
    });
    created.window.on('closed', () => {
      this.window = undefined;
    });
    created.window.webContents.on('will-prevent-unload', (event) => {
      // The page's beforeunload guard holds back a close while a save is pending. Once the quit
      // sequence has asked it to save and waited, that guard must not keep the app open; before
      // then (a reload with edits typed after the flush) the veto stands, so nothing is dropped.
      if (this.readyToQuit) event.preventDefault();
    });
    created.window.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason !== 'clean-exit' && !this.shutdown) void this.offerReload(details.reason);
    });
    await this.refreshChrome();
    await created.loaded;
  }

  /** Focuses the window (a second launch, a dock click) and opens `path` if one was asked for. */
  async reveal(path?: string): Promise<void> {
    await this.started;
    if (this.shutdown) return;
    const win = this.window;
    if (win && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    }
    if (path) await this.openPath(path);
  }

  /** Opens `path` in the session, after the UI has saved what it had for the current file. */
  openPath(path: string): Promise<void> {
    return this.switchWorkspace(() => this.options.session.open(path), 'Candor could not open the workspace.');
  }

  /**
   * The quit sequence: ask the UI to save, wait for its answer (3 s at most), save the window's
   * place, close the session (releasing the file lock), then quit for real. Runs once.
   */
  quit(): Promise<void> {
    this.shutdown ??= (async () => {
      await this.switching.catch(() => undefined);
      if ((await this.flushGate.request()) === 'unsaved' && !(await this.confirmQuitUnsaved())) {
        // Staying open: a later quit runs the whole sequence again.
        this.shutdown = undefined;
        return;
      }
      await this.windowState?.flush();
      try {
        await this.options.session.close();
      } catch (error) {
        console.error(`Candor could not close the workspace cleanly: ${describe(error)}`);
      }
      this.readyToQuit = true;
      app.quit();
    })();
    return this.shutdown;
  }

  /** The last edits could not be written: say why, and quit only if the person chooses to lose them. */
  private async confirmQuitUnsaved(): Promise<boolean> {
    const win = this.window;
    const options = {
      type: 'warning' as const,
      title: 'Candor',
      message: 'Your last changes are not saved.',
      detail: `${this.flushGate.problem() ?? 'Candor could not write them to the workspace file.'} If you quit now, they are lost; keep Candor open to fix this (or use File › Save As…).`,
      buttons: ['Keep Candor open', 'Quit without saving'],
      defaultId: 0,
      cancelId: 0,
    };
    const { response } = win && !win.isDestroyed() ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    return response === 1;
  }

  /** `before-quit` calls this: quitting waits for the sequence above unless it has finished. */
  interceptQuit(event: { preventDefault(): void }): void {
    if (this.readyToQuit) return;
    event.preventDefault();
    void this.quit();
  }

  private send(event: CandorEvent): boolean {
    return sendEvent(this.window, event);
  }

  private onSessionEvent(event: CandorEvent): void {
    if (event.type === 'session-replaced') this.replacedEvents += 1;
    this.send(event);
    if (event.type === 'session-replaced') void this.refreshChrome();
  }

  private afterInvoke(_name: unknown, result: Result<unknown>): void {
    // A save may rename the organization, an open switches files: the title follows every call.
    if (result.ok) void this.refreshChrome();
  }

  /**
   * Runs `change` (open, create) after the UI has saved what it had for the current file. A change
   * that fails with a Result leaves the session as it was and is reported in a dialog headed
   * `failure`; a file that opens with a problem is a session state the UI shows itself.
   */
  private switchWorkspace(change: () => Promise<SessionState | Result<SessionState>>, failure: string): Promise<void> {
    const run = async () => {
      await this.flushGate.request();
      const before = this.replacedEvents;
      try {
        const outcome = await change();
        if ('ok' in outcome && !outcome.ok) {
          await showError(this.window, failure, outcome.error.message);
          return;
        }
      } catch (error) {
        await showError(this.window, failure, describe(error));
        return;
      }
      // The UI learns of the new file from the session's event; if the session sent none, from us.
      if (this.replacedEvents === before) this.send({ type: 'session-replaced', state: this.options.session.state() });
      await this.refreshChrome();
    };
    const next = this.switching.then(run, run);
    this.switching = next;
    return next;
  }

  private async refreshChrome(): Promise<void> {
    const state = this.options.session.state();
    const win = this.window;
    if (win && !win.isDestroyed()) {
      win.setTitle(windowTitle(state));
      if (process.platform === 'darwin') win.setRepresentedFilename(representedFilename(state));
    }
    // The OS's own recent list (Dock menu, Windows jump list); Linux has none.
    if (state.status === 'open' && state.path !== this.lastOpenPath && process.platform !== 'linux') {
      app.addRecentDocument(state.path);
    }
    this.lastOpenPath = state.status === 'open' ? state.path : undefined;
    let recent: string[] = [];
    try {
      recent = await this.options.session.recent();
    } catch (error) {
      console.error(`Candor could not read the recent-workspaces list: ${describe(error)}`);
    }
    const key = JSON.stringify([recent, state.status]);
    if (key === this.menuKey) return;
    this.menuKey = key;
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate(
          { platform: process.platform, packaged: app.isPackaged, recent, session: state.status, appName: app.getName() },
          {
            newWorkspace: () => void this.newWorkspace(),
            openWorkspace: () => void this.openWorkspace(),
            openRecent: (path) => void this.openPath(path),
            clearRecent: this.options.clearRecent ? () => void this.clearRecent() : undefined,
            revealInFolder: () => this.revealInFolder(),
            reload: () => void this.reload(),
            openFormatGuide: () => void this.openFormatGuide(),
            showDataFolder: () => void this.openFolder(this.options.dataDir),
            command: (command) => this.command(command),
          },
        ),
      ),
    );
  }

  private command(command: MenuCommand): void {
    this.send({ type: 'menu', command });
  }

  private currentPath(): string | undefined {
    const state = this.options.session.state();
    return state.status === 'none' ? undefined : state.path;
  }

  private async choosePath(options: PathDialogOptions): Promise<string | null> {
    const path = await chooseWorkspacePath(this.window, options);
    if (path) this.options.grantPath?.(path);
    return path;
  }

  private async newWorkspace(): Promise<void> {
    const current = this.currentPath();
    const path = await this.choosePath({
      kind: 'save',
      title: 'New Workspace',
      buttonLabel: 'Create',
      defaultPath: current ? join(dirname(current), `Untitled${WORKSPACE_EXTENSION}`) : undefined,
    });
    // createWorkspace refuses (and keeps the current file open) when the path exists.
    if (path) {
      await this.switchWorkspace(() => this.options.session.createWorkspace(path), 'The new workspace was not created.');
    }
  }

  private async openWorkspace(): Promise<void> {
    const current = this.currentPath();
    const path = await this.choosePath({ kind: 'open', defaultPath: current ? dirname(current) : undefined });
    if (path) await this.openPath(path);
  }

  private async clearRecent(): Promise<void> {
    try {
      await this.options.clearRecent?.();
      app.clearRecentDocuments();
    } catch (error) {
      await showError(this.window, 'Candor could not clear the recent-workspaces list.', describe(error));
    }
    await this.refreshChrome();
  }

  private revealInFolder(): void {
    const path = this.currentPath();
    if (path) shell.showItemInFolder(path);
  }

  private async offerReload(reason: string): Promise<void> {
    const win = this.window;
    if (!win || win.isDestroyed()) return;
    const { response } = await dialog.showMessageBox(win, {
      type: 'error',
      title: 'Candor',
      message: `Candor's window stopped unexpectedly (${reason}).`,
      detail: 'Edits saved before this are safe in the workspace file. Reload the window to go on working, or quit.',
      buttons: ['Reload', 'Quit'],
      defaultId: 0,
      cancelId: 1,
    });
    if (response === 0 && !win.isDestroyed()) win.webContents.reload();
    else void this.quit();
  }

  private async reload(): Promise<void> {
    await this.flushGate.request();
    const win = this.window;
    if (win && !win.isDestroyed()) win.webContents.reload();
  }

  private async openFolder(path: string): Promise<void> {
    const problem = await shell.openPath(path);
    if (problem) await showError(this.window, `Candor could not open ${path}.`, problem);
  }

  private async openFormatGuide(): Promise<void> {
    for (const candidate of this.options.formatGuideCandidates) {
      // Files inside the app archive exist for Node but not for the OS, which cannot open them.
      if (candidate.includes('.asar') || !(await exists(candidate))) continue;
      await this.openFolder(candidate);
      return;
    }
    await showError(
      this.window,
      'The guide to the workspace format is not in this installation.',
      `Looked for: ${this.options.formatGuideCandidates.join(', ')}. Reinstall Candor to restore it.`,
    );
  }
}
