// DesktopApp against a real WorkspaceSession on temporary files, with Electron replaced by the
// recording fake: start-up, the title, IPC through the sender check, file switches and the quit
// sequence. What Chromium itself does is covered by e2e/electron.spec.ts where Electron exists.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CandorEvent, Result, SessionState } from '../../core/api';
import { serializeWorkspace } from '../../core/canonical';
import { createEmptyWorkspace } from '../../core/new-workspace';
import { createHandlers } from '../services/handlers';
import { GrantedPaths } from '../services/path-guard';
import { WorkspaceSession } from '../services/session';
import { lockPathFor } from '../services/workspace-lock';
import { IPC } from '../preload/channels';
import { APP_ENTRY_URL } from './app-url';
import { DesktopApp } from './desktop-app';
import { app, BrowserWindow, dialog, ipcMain, Menu, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let dir: string;
let dataDir: string;
let session: WorkspaceSession;

async function writeWorkspace(name: string, org: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, serializeWorkspace(createEmptyWorkspace(org)));
  return path;
}

function makeApp(extra: Partial<ConstructorParameters<typeof DesktopApp>[0]> = {}) {
  session = new WorkspaceSession({ dataDir });
  const current = session;
  const paths = new GrantedPaths(async () => {
    const state = current.state();
    return [...(state.status === 'none' ? [] : [state.path]), ...(await current.recent())];
  });
  return new DesktopApp({
    session,
    handlers: createHandlers(session, { shell: 'electron', version: '0.1.0', platform: 'linux', dataDir }, paths),
    grantPath: (path) => paths.grant(path),
    dataDir,
    preloadPath: '/app/out/preload/index.cjs',
    entryUrl: APP_ENTRY_URL,
    formatGuideCandidates: [],
    flushTimeoutMs: 200,
    ...extra,
  });
}

function theWindow(): BrowserWindow {
  const [win] = BrowserWindow.getAllWindows();
  if (!win) throw new Error('no window was created');
  return win;
}

/** An IPC event as Electron builds it for a message from our page. */
function fromPage(win = theWindow(), url = APP_ENTRY_URL) {
  return { sender: win.webContents, senderFrame: { url, parent: null } };
}

function eventsSent(win = theWindow()): CandorEvent[] {
  return win.webContents.sent.filter((m) => m.channel === IPC.event).map((m) => m.payload as CandorEvent);
}

function menuItem(label: string): { click?: () => void } | undefined {
  const walk = (items: unknown[]): { label?: string; click?: () => void; submenu?: unknown[] }[] =>
    (items as { label?: string; submenu?: unknown[] }[]).flatMap((item) => [
      item,
      ...(Array.isArray(item.submenu) ? walk(item.submenu) : []),
    ]);
  return walk(Menu.current?.template ?? []).find((item) => item.label === label);
}

/** Answers every flush request the way the renderer does, after it has saved. */
function answerFlushRequests(win = theWindow()) {
  const send = win.webContents.send.bind(win.webContents);
  win.webContents.send = (channel: string, payload?: unknown) => {
    send(channel, payload);
    if (channel === IPC.event && (payload as CandorEvent).type === 'flush-request') {
      queueMicrotask(() => ipcMain.emit(IPC.flushed, fromPage(win)));
    }
  };
}

beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(join(tmpdir(), 'candor-desktop-'));
  dataDir = join(dir, 'data');
  await mkdir(dataDir);
});

afterEach(async () => {
  vi.useRealTimers();
  await session?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('start-up', () => {
  it('opens the requested workspace, then a window titled with it, loading our page', async () => {
    const path = await writeWorkspace('team.candor.json', 'Ridgeline');
    const desktop = makeApp();
    await desktop.start(path);
    const win = theWindow();
    expect(session.state()).toMatchObject({ status: 'open', path });
    expect(win.getTitle()).toBe('Ridgeline — team.candor.json — Candor');
    expect(win.webContents.url).toBe(APP_ENTRY_URL);
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(existsSync(lockPathFor(path))).toBe(true);
    expect(menuItem('Save As…')).toBeDefined();
  });

  it('reopens the most recent workspace when none is requested', async () => {
    const path = await writeWorkspace('recent.candor.json', 'Recent Co');
    const first = makeApp();
    await first.start(path);
    await session.close();
    resetFakeElectron();
    const second = makeApp();
    await second.start(undefined);
    expect(session.state()).toMatchObject({ status: 'open', path });
  });

  it('keeps the page title from replacing the window title', async () => {
    const desktop = makeApp();
    await desktop.start(await writeWorkspace('t.candor.json', 'Title Co'));
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    theWindow().emit('page-title-updated', event, 'Candor');
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('IPC', () => {
  it('answers handler calls from our page and refuses any other sender', async () => {
    const path = await writeWorkspace('ipc.candor.json', 'IPC Co');
    await makeApp().start(path);
    const win = theWindow();
    const fromUs = (await ipcMain.invoke(fromPage(win), IPC.invoke, 'workspace-get', {})) as Result<SessionState>;
    expect(fromUs).toMatchObject({ ok: true, value: { status: 'open', path } });
    const fromElsewhere = await ipcMain.invoke(fromPage(win, 'https://evil.example/'), IPC.invoke, 'workspace-get', {});
    expect(fromElsewhere).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const fromIframe = await ipcMain.invoke(
      { sender: win.webContents, senderFrame: { url: APP_ENTRY_URL, parent: {} } },
      IPC.invoke,
      'workspace-get',
      {},
    );
    expect(fromIframe).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('updates the title after a save renames the organization', async () => {
    const path = await writeWorkspace('rename.candor.json', 'Old Name');
    await makeApp().start(path);
    const state = session.state() as Extract<SessionState, { status: 'open' }>;
    const renamed = { ...state.workspace, organization: { ...state.workspace.organization, name: 'New Name' } };
    const saved = await ipcMain.invoke(fromPage(), IPC.invoke, 'workspace-save', { workspace: renamed, baseRevision: state.revision });
    expect(saved).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(theWindow().getTitle()).toBe('New Name — rename.candor.json — Candor'));
  });

  it('lets the page pick a path through the native dialog, and rejects malformed requests', async () => {
    await makeApp().start(await writeWorkspace('p.candor.json', 'Path Co'));
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'copy') });
    const chosen = await ipcMain.invoke(fromPage(), IPC.choosePath, { kind: 'save' });
    expect(chosen).toBe(join(dir, 'copy.candor.json'));
    await expect(ipcMain.invoke(fromPage(), IPC.choosePath, { kind: 'delete' })).rejects.toThrow(/choosePath takes/);
    expect(await ipcMain.invoke(fromPage(theWindow(), 'https://evil.example/'), IPC.choosePath, { kind: 'open' })).toBeNull();
  });

  it('accepts from the page only paths its dialogs returned, the recent list or the open file', async () => {
    const home = join(dir, 'home');
    await mkdir(home);
    await makeApp().start(await writeWorkspace('mine.candor.json', 'Mine Co'));
    const invoke = (name: string, arg: unknown) => ipcMain.invoke(fromPage(), IPC.invoke, name, arg) as Promise<Result<unknown>>;
    // What a compromised page would try: a shell start-up file, a stranger's export target, a system file.
    const aliases = join(home, '.bash_aliases');
    expect(await invoke('workspace-new', { path: aliases, name: '$(touch /tmp/pwned)' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(existsSync(aliases)).toBe(false);
    const notes = join(home, 'notes.md');
    await writeFile(notes, 'my notes');
    expect(await invoke('export-file', { kind: 'app-store-answers', path: notes, allowErrors: true, overwrite: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await readFile(notes, 'utf8')).toBe('my notes');
    expect(await invoke('workspace-open', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke('import-preview', { path: join(home, 'secret.csv') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(existsSync(join(home, '.notes.md.lock'))).toBe(false);

    // Chosen in the dialog, the same export goes through.
    const chosen = join(home, 'answers.md');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    expect(await ipcMain.invoke(fromPage(), IPC.choosePath, { kind: 'save', purpose: 'export' })).toBe(chosen);
    expect(await invoke('export-file', { kind: 'app-store-answers', path: chosen, allowErrors: true, overwrite: true })).toMatchObject({
      ok: true,
    });
    // The open file is known without a dialog (a reload, Save As over itself).
    expect(await invoke('workspace-open', { path: join(dir, 'mine.candor.json') })).toMatchObject({ ok: true });
  });
});

describe('switching files', () => {
  it('asks the page to save first, then opens the file and tells the page', async () => {
    const first = await writeWorkspace('first.candor.json', 'First Co');
    const second = await writeWorkspace('second.candor.json', 'Second Co');
    const desktop = makeApp();
    await desktop.start(first);
    answerFlushRequests();
    await desktop.openPath(second);
    const events = eventsSent();
    const flushAt = events.findIndex((e) => e.type === 'flush-request');
    const replacedAt = events.findIndex((e) => e.type === 'session-replaced');
    expect(flushAt).toBeGreaterThanOrEqual(0);
    expect(replacedAt).toBeGreaterThan(flushAt);
    expect(events[replacedAt]).toMatchObject({ state: { status: 'open', path: second } });
    expect(theWindow().getTitle()).toBe('Second Co — second.candor.json — Candor');
    expect(existsSync(lockPathFor(first))).toBe(false);
    expect(existsSync(lockPathFor(second))).toBe(true);
  });

  it('refuses File → New over an existing file, keeping the current workspace open', async () => {
    const current = await writeWorkspace('current.candor.json', 'Current Co');
    const taken = await writeWorkspace('taken.candor.json', 'Taken Co');
    const desktop = makeApp();
    await desktop.start(current);
    answerFlushRequests();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: taken });
    menuItem('New Workspace…')?.click?.();
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalled());
    const [, options] = dialog.showMessageBox.mock.calls[0] as [unknown, { detail: string }];
    expect(options.detail).toContain(taken);
    expect(options.detail).toMatch(/already exists/);
    expect(session.state()).toMatchObject({ status: 'open', path: current });
    expect(eventsSent().some((e) => e.type === 'session-replaced')).toBe(false);
  });

  it('creates a new workspace from File → New and switches to it', async () => {
    const desktop = makeApp();
    await desktop.start(await writeWorkspace('a.candor.json', 'A Co'));
    answerFlushRequests();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'fresh') });
    menuItem('New Workspace…')?.click?.();
    const created = join(dir, 'fresh.candor.json');
    await vi.waitFor(() => expect(session.state()).toMatchObject({ status: 'open', path: created }));
    expect(JSON.parse(await readFile(created, 'utf8'))).toMatchObject({ format: 'candor/workspace' });
  });
});

describe('quitting', () => {
  it('waits for the page to save, then saves the window place, releases the lock and quits', async () => {
    const path = await writeWorkspace('quit.candor.json', 'Quit Co');
    const desktop = makeApp({ flushTimeoutMs: 60_000 });
    await desktop.start(path);
    const beforeQuit = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    // What the quit does, in order: reading the window's place (to save it) and closing the session
    // (which releases the lock) must both come after the page's answer.
    const steps: string[] = [];
    const win = theWindow();
    const readPlace = win.getNormalBounds.bind(win);
    vi.spyOn(win, 'getNormalBounds').mockImplementation(() => {
      steps.push('window place');
      return readPlace();
    });
    const close = session.close.bind(session);
    vi.spyOn(session, 'close').mockImplementation(() => {
      steps.push('session closed');
      return close();
    });
    desktop.interceptQuit(beforeQuit);
    expect(beforeQuit.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(eventsSent().some((e) => e.type === 'flush-request')).toBe(true));
    // Nothing is released while the page has not answered.
    expect(existsSync(lockPathFor(path))).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();

    steps.push('page answered');
    ipcMain.emit(IPC.flushed, fromPage());
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(steps).toEqual(['page answered', 'window place', 'session closed']);
    expect(existsSync(lockPathFor(path))).toBe(false);
    expect(JSON.parse(await readFile(join(dataDir, 'window-state.json'), 'utf8'))).toMatchObject({ maximized: false });
    // The real quit that follows is let through.
    const again = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    desktop.interceptQuit(again);
    expect(again.defaultPrevented).toBe(false);
  });

  it('says so when the last save failed, and stays open unless the person chooses to lose the changes', async () => {
    const path = await writeWorkspace('unsaved.candor.json', 'Unsaved Co');
    const desktop = makeApp({ flushTimeoutMs: 60_000 });
    await desktop.start(path);
    const problem = 'The file changed on disk since Candor opened it.';
    const quitOnce = async (response: number) => {
      dialog.showMessageBox.mockResolvedValueOnce({ response });
      const requests = eventsSent().filter((e) => e.type === 'flush-request').length;
      const done = desktop.quit();
      await vi.waitFor(() => expect(eventsSent().filter((e) => e.type === 'flush-request').length).toBe(requests + 1));
      ipcMain.emit(IPC.flushed, fromPage(), { saved: false, problem });
      await done;
    };
    await quitOnce(0);
    const [, options] = dialog.showMessageBox.mock.calls.at(-1) as [unknown, { message: string; detail: string; buttons: string[] }];
    expect(options.message).toBe('Your last changes are not saved.');
    expect(options.detail).toContain(problem);
    expect(options.buttons).toEqual(['Keep Candor open', 'Quit without saving']);
    // Kept open: the lock is still held and nothing quit.
    expect(app.quit).not.toHaveBeenCalled();
    expect(existsSync(lockPathFor(path))).toBe(true);

    await quitOnce(1);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  it('ignores a flush report that is not the expected shape and quits as before', async () => {
    const desktop = makeApp({ flushTimeoutMs: 60_000 });
    await desktop.start(await writeWorkspace('odd.candor.json', 'Odd Co'));
    const done = desktop.quit();
    await vi.waitFor(() => expect(eventsSent().some((e) => e.type === 'flush-request')).toBe(true));
    ipcMain.emit(IPC.flushed, fromPage(), { saved: 'no', problem: 'x'.repeat(5000), extra: 1 });
    await done;
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  it("overrides the page's beforeunload veto only once the quit sequence has run", async () => {
    const desktop = makeApp({ flushTimeoutMs: 50 });
    await desktop.start(await writeWorkspace('veto.candor.json', 'Veto Co'));
    const early = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    theWindow().webContents.emit('will-prevent-unload', early);
    expect(early.defaultPrevented).toBe(false);
    await desktop.quit();
    const late = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    theWindow().webContents.emit('will-prevent-unload', late);
    expect(late.defaultPrevented).toBe(true);
  });

  it('quits after the timeout when the page never answers', async () => {
    const path = await writeWorkspace('stuck.candor.json', 'Stuck Co');
    const desktop = makeApp({ flushTimeoutMs: 100 });
    await desktop.start(path);
    await desktop.quit();
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  it('ignores a flush answer from another sender', async () => {
    const path = await writeWorkspace('s.candor.json', 'S Co');
    const desktop = makeApp({ flushTimeoutMs: 60_000 });
    await desktop.start(path);
    // Only the flush timeout runs on the fake clock; the files are real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const quitting = desktop.quit();
    await vi.waitFor(() => expect(eventsSent().some((e) => e.type === 'flush-request')).toBe(true));
    const pendingTimers = vi.getTimerCount();
    ipcMain.emit(IPC.flushed, fromPage(theWindow(), 'https://evil.example/'));
    // An accepted answer would end the wait at once, clearing its timeout; this one leaves it running.
    expect(vi.getTimerCount()).toBe(pendingTimers);
    expect(app.quit).not.toHaveBeenCalled();
    // The quit goes ahead when the timeout ends.
    await vi.advanceTimersByTimeAsync(60_000);
    vi.useRealTimers();
    await quitting;
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  it('closing the window goes through the same sequence', async () => {
    const path = await writeWorkspace('close.candor.json', 'Close Co');
    const desktop = makeApp();
    await desktop.start(path);
    answerFlushRequests();
    const win = theWindow();
    win.close();
    expect(win.isDestroyed()).toBe(false);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(existsSync(lockPathFor(path))).toBe(false);
    // Electron then closes the window for real; it is not held back a second time.
    const stateFile = join(dataDir, 'window-state.json');
    await rm(stateFile);
    win.close();
    expect(win.isDestroyed()).toBe(true);
    // That close saves the window's place once more (and must land before the folder is removed).
    await vi.waitFor(() => expect(existsSync(stateFile)).toBe(true));
  });
});
