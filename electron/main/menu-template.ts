// The native menu. Commands that edit the workspace (undo, redo, find, theme) go to the UI as menu
// commands, because the UI owns the edit history; undo in a text field is the UI's decision too.
// File commands that need a native dialog are carried out here.
import { basename, dirname } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, SessionState } from '../../core/api';

export interface MenuActions {
  newWorkspace(): void;
  openWorkspace(): void;
  openRecent(path: string): void;
  /** absent when the recent list cannot be cleared; the menu then has no Clear item */
  clearRecent?: () => void;
  revealInFolder(): void;
  /** reloads the page after the UI has saved what it has */
  reload(): void;
  openFormatGuide(): void;
  showDataFolder(): void;
  /** asks the UI to carry out a command */
  command(command: MenuCommand): void;
}

export interface MenuContext {
  platform: NodeJS.Platform;
  /** developer tools are offered only in development */
  packaged: boolean;
  /** most recent first */
  recent: readonly string[];
  /**
   * What the session holds: Save As needs an open workspace; Reveal and Backups also work for a
   * file that failed to open (restoring a backup is the way out of a damaged file).
   */
  session: SessionState['status'];
  appName: string;
}

/** How the file manager is called where the user is. */
export function fileManagerName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Finder';
  if (platform === 'win32') return 'File Explorer';
  return 'File Manager';
}

/** "little-moments.candor.json — ~/work/privacy": the name first, since that is what users scan for. */
export function recentLabel(path: string): string {
  return `${basename(path)} — ${dirname(path)}`;
}

export function buildMenuTemplate(ctx: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const open = ctx.session === 'open';
  const hasFile = ctx.session !== 'none';
  const send = (command: MenuCommand) => () => actions.command(command);
  // Windows and Linux underline the letter after "&" for Alt navigation; macOS has no such thing.
  const top = (label: string) => (mac ? label : `&${label}`);

  const recentItems: MenuItemConstructorOptions[] =
    ctx.recent.length === 0
      ? [{ label: 'No Recent Workspaces', enabled: false }]
      : ctx.recent.map((path) => ({ label: recentLabel(path), click: () => actions.openRecent(path) }));

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: ctx.appName,
          submenu: [
            { label: `About ${ctx.appName}`, click: send('about') },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: top('File'),
    submenu: [
      { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: () => actions.newWorkspace() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspace() },
      {
        label: 'Open Recent',
        submenu: [
          ...recentItems,
          ...(actions.clearRecent
            ? [{ type: 'separator' } as const, { label: 'Clear Recent', enabled: ctx.recent.length > 0, click: actions.clearRecent }]
            : []),
        ],
      },
      { type: 'separator' },
      { label: 'Save As…', accelerator: 'Shift+CmdOrCtrl+S', enabled: open, click: send('save-as') },
      { label: `Reveal in ${fileManagerName(ctx.platform)}`, enabled: hasFile, click: () => actions.revealInFolder() },
      { label: 'Backups…', enabled: hasFile, click: send('backups') },
      { label: 'Publish Version…', accelerator: 'Shift+CmdOrCtrl+P', enabled: open, click: send('publish-version') },
      { type: 'separator' },
      { role: 'close' },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: top('Edit'),
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
      { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', click: send('redo') },
      // Windows and Linux users also expect Ctrl+Y; a hidden item's accelerator still works there.
      ...(mac ? [] : [{ label: 'Redo', accelerator: 'Ctrl+Y', visible: false, click: send('redo') }]),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: send('find') },
      { label: 'Add Data Type', accelerator: 'CmdOrCtrl+Shift+N', enabled: open, click: send('add-data-type') },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: top('View'),
    submenu: [
      { label: 'Toggle Dark Mode', click: send('toggle-theme') },
      { type: 'separator' },
      // Chromium's own reload would drop edits the UI has not saved yet.
      { label: 'Reload', accelerator: 'CmdOrCtrl+R', click: () => actions.reload() },
      ...(ctx.packaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions[] = mac ? [{ role: 'windowMenu' }] : [];

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: top('Help'),
    submenu: [
      { label: `About ${ctx.appName}`, click: send('about') },
      { label: 'Learn About the Workspace Format', click: () => actions.openFormatGuide() },
      { label: 'Show Data Folder', click: () => actions.showDataFolder() },
    ],
  };

  return [...appMenu, file, edit, view, ...windowMenu, help];
}
