// Candor's main process: set up the app's identity and data folder, claim the single-instance
// lock, harden the session, then hand over to DesktopApp.
import { app, dialog, session as electronSession } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../services/handlers';
import { GrantedPaths } from '../services/path-guard';
import { defaultDataDir, resourcesDir } from '../services/paths';
import { WorkspaceSession } from '../services/session';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { appEntryUrl } from './app-url';
import { DesktopApp } from './desktop-app';
import { linkWorkspaceFrom } from './external-links';
import { denyNewWindows, hardenSession } from './security';
import { readSecondInstanceData, workspacePathFromArgv } from './workspace-path';

const mainDir = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(mainDir, '../preload/index.cjs');
const rendererDir = join(mainDir, '../renderer');

// The name decides app.getPath('userData'); "Candor" matches the services' data folder.
app.setName('Candor');
const dataDir = defaultDataDir();
// The single-instance lock and Chromium's profile live in userData: keeping them in the data folder
// means a CANDOR_DATA_DIR (tests, a second profile) gets its own lock and nothing is shared by accident.
app.setPath('userData', dataDir);

// The dev server is trusted only in development; a packaged app ignores the variable.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined;
const requested = workspacePathFromArgv(process.argv, process.cwd(), app.isPackaged);

if (!app.requestSingleInstanceLock({ workspacePath: requested })) {
  // Another Candor is running: it received our workspace path through the lock and opens it.
  app.quit();
} else {
  registerAppScheme();

  let desktop: DesktopApp | undefined;
  let pendingOpen: string | undefined = requested;

  // macOS hands over files (Finder, Dock) through open-file, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (desktop) void desktop.reveal(path);
    else pendingOpen = path;
  });
  app.on('second-instance', (_event, _argv, _cwd, additionalData) => {
    void desktop?.reveal(readSecondInstanceData(additionalData).workspacePath);
  });
  app.on('web-contents-created', (_event, contents) => denyNewWindows(contents));
  app.on('before-quit', (event) => {
    if (desktop) desktop.interceptQuit(event);
  });
  app.on('window-all-closed', () => app.quit());

  void app
    .whenReady()
    .then(async () => {
      const ses = electronSession.defaultSession;
      hardenSession(ses, { devServerUrl, platform: process.platform });
      serveRenderer(ses, rendererDir);

      const session = new WorkspaceSession({ dataDir });
      // Links to the open workspace's own organisation (its website, privacy policy) open without asking.
      linkWorkspaceFrom(() => {
        const state = session.state();
        return state.status === 'open' ? state.workspace : undefined;
      });
      // The page may use only paths this process obtained: its dialogs, the recent list, the open file.
      const paths = new GrantedPaths(async () => {
        const state = session.state();
        return [...(state.status === 'none' ? [] : [state.path]), ...(await session.recent())];
      });
      const handlers = createHandlers(
        session,
        {
          shell: 'electron',
          version: app.getVersion(),
          platform: process.platform,
          dataDir,
        },
        paths,
      );
      desktop = new DesktopApp({
        session,
        handlers,
        dataDir,
        preloadPath,
        entryUrl: appEntryUrl(devServerUrl),
        devServerUrl,
        clearRecent: () => session.clearRecent(),
        grantPath: (path) => paths.grant(path),
        formatGuideCandidates: [
          join(dirname(resourcesDir()), 'docs', 'workspace-format.md'),
          join(app.getAppPath(), 'README.md'),
          join(dirname(resourcesDir()), 'README.md'),
        ],
      });
      const first = pendingOpen;
      pendingOpen = undefined;
      await desktop.start(first);
    })
    .catch(async (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(
        'Candor could not start',
        `${reason}\n\nIf you run Candor from its source folder, build it first with "npm run build". Your workspace files were not changed.`,
      );
      // Through the quit sequence when a session exists, so its file lock is released.
      if (desktop) await desktop.quit();
      else app.exit(1);
    });
}
