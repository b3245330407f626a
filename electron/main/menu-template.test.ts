import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../core/api';
import { buildMenuTemplate, recentLabel, type MenuActions, type MenuContext } from './menu-template';

function actions(): MenuActions & { commands: MenuCommand[] } {
  const commands: MenuCommand[] = [];
  return {
    commands,
    newWorkspace: vi.fn(),
    openWorkspace: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    revealInFolder: vi.fn(),
    reload: vi.fn(),
    openFormatGuide: vi.fn(),
    showDataFolder: vi.fn(),
    command: (command) => commands.push(command),
  };
}

const context = (extra: Partial<MenuContext> = {}): MenuContext => ({
  platform: 'linux',
  packaged: true,
  recent: ['/w/a.candor.json', '/w/b.candor.json'],
  session: 'open',
  appName: 'Candor',
  ...extra,
});

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}
const byLabel = (template: MenuItemConstructorOptions[], label: string) => items(template).filter((item) => item.label === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('buildMenuTemplate', () => {
  it('sends undo and redo to the UI with the usual shortcuts, and Ctrl+Y on Windows and Linux', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const a = actions();
      const template = buildMenuTemplate(context({ platform }), a);
      const [undo] = byLabel(template, 'Undo');
      const redos = byLabel(template, 'Redo');
      expect(undo.accelerator).toBe('CmdOrCtrl+Z');
      expect(undo.role).toBeUndefined();
      expect(redos.map((r) => r.accelerator)).toEqual(['Shift+CmdOrCtrl+Z', 'Ctrl+Y']);
      expect(redos[1].visible).toBe(false);
      click(undo);
      redos.forEach(click);
      expect(a.commands).toEqual(['undo', 'redo', 'redo']);
    }
    const mac = buildMenuTemplate(context({ platform: 'darwin' }), actions());
    expect(byLabel(mac, 'Redo').map((r) => r.accelerator)).toEqual(['Shift+CmdOrCtrl+Z']);
  });

  it('sends find, theme, save-as, backups and about to the UI', () => {
    const a = actions();
    const template = buildMenuTemplate(context(), a);
    expect(byLabel(template, 'Find…')[0].accelerator).toBe('CmdOrCtrl+F');
    for (const label of ['Find…', 'Toggle Dark Mode', 'Save As…', 'Backups…', 'About Candor']) click(byLabel(template, label)[0]);
    expect(a.commands).toEqual(['find', 'toggle-theme', 'save-as', 'backups', 'about']);
  });

  it('sends Publish Version to the UI, only while a workspace is open', () => {
    const a = actions();
    const [item] = byLabel(buildMenuTemplate(context(), a), 'Publish Version…');
    expect(item.accelerator).toBe('Shift+CmdOrCtrl+P');
    click(item);
    expect(a.commands).toEqual(['publish-version']);
    expect(byLabel(buildMenuTemplate(context({ session: 'none' }), actions()), 'Publish Version…')[0].enabled).toBe(false);
  });

  it('uses roles for clipboard, zoom and full screen', () => {
    const roles = items(buildMenuTemplate(context(), actions())).map((item) => item.role);
    for (const role of ['cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'close', 'quit']) {
      expect(roles).toContain(role);
    }
    expect(roles).not.toContain('undo');
    expect(roles).not.toContain('redo');
    expect(roles).not.toContain('reload');
  });

  it('offers developer tools only when not packaged', () => {
    const roles = (packaged: boolean) => items(buildMenuTemplate(context({ packaged }), actions())).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('lists recent workspaces, opens the one clicked, and clears them', () => {
    const a = actions();
    const template = buildMenuTemplate(context(), a);
    click(byLabel(template, recentLabel('/w/b.candor.json'))[0]);
    expect(a.openRecent).toHaveBeenCalledWith('/w/b.candor.json');
    const clear = byLabel(template, 'Clear Recent')[0];
    expect(clear.enabled).toBe(true);
    click(clear);
    expect(a.clearRecent).toHaveBeenCalled();
  });

  it('says when there is nothing recent, and leaves Clear out when the list cannot be cleared', () => {
    const empty = buildMenuTemplate(context({ recent: [] }), actions());
    expect(byLabel(empty, 'No Recent Workspaces')[0].enabled).toBe(false);
    expect(byLabel(empty, 'Clear Recent')[0].enabled).toBe(false);
    const noClear = buildMenuTemplate(context(), { ...actions(), clearRecent: undefined });
    expect(byLabel(noClear, 'Clear Recent')).toEqual([]);
  });

  it('disables the commands that need an open workspace', () => {
    const none = buildMenuTemplate(context({ session: 'none' }), actions());
    for (const label of ['Save As…', 'Backups…', 'Reveal in File Manager', 'Add Data Type']) {
      expect(byLabel(none, label)[0].enabled).toBe(false);
    }
    expect(byLabel(none, 'Open…')[0].enabled).not.toBe(false);
  });

  it('keeps Backups and Reveal for a file that failed to open, where a backup is the way out', () => {
    const failed = buildMenuTemplate(context({ session: 'error' }), actions());
    expect(byLabel(failed, 'Backups…')[0].enabled).toBe(true);
    expect(byLabel(failed, 'Reveal in File Manager')[0].enabled).toBe(true);
    expect(byLabel(failed, 'Save As…')[0].enabled).toBe(false);
  });

  it('has the macOS app menu only on macOS, and Quit in File elsewhere', () => {
    const mac = buildMenuTemplate(context({ platform: 'darwin' }), actions());
    expect(mac[0].label).toBe('Candor');
    expect(mac.map((m) => m.label ?? m.role)).toEqual(['Candor', 'File', 'Edit', 'View', 'windowMenu', 'Help']);
    const linux = buildMenuTemplate(context(), actions());
    expect(linux.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('names the file manager of the platform', () => {
    expect(byLabel(buildMenuTemplate(context({ platform: 'darwin' }), actions()), 'Reveal in Finder')).toHaveLength(1);
    expect(byLabel(buildMenuTemplate(context({ platform: 'win32' }), actions()), 'Reveal in File Explorer')).toHaveLength(1);
  });

  it('wires the file and help commands to their actions', () => {
    const a = actions();
    const template = buildMenuTemplate(context(), a);
    click(byLabel(template, 'New Workspace…')[0]);
    click(byLabel(template, 'Open…')[0]);
    click(byLabel(template, 'Reveal in File Manager')[0]);
    click(byLabel(template, 'Reload')[0]);
    click(byLabel(template, 'Learn About the Workspace Format')[0]);
    click(byLabel(template, 'Show Data Folder')[0]);
    expect(a.newWorkspace).toHaveBeenCalled();
    expect(a.openWorkspace).toHaveBeenCalled();
    expect(a.revealInFolder).toHaveBeenCalled();
    expect(a.reload).toHaveBeenCalled();
    expect(a.openFormatGuide).toHaveBeenCalled();
    expect(a.showDataFolder).toHaveBeenCalled();
    expect(byLabel(template, 'New Workspace…')[0].accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel(template, 'Open…')[0].accelerator).toBe('CmdOrCtrl+O');
  });
});
