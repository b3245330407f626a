// Native file dialogs for workspaces. Electron's filters take bare extensions ("json", not
// "candor.json"), so the filter shows every JSON file and a typed name without one gets .candor.json.
import {
  app,
  dialog,
  type BrowserWindow,
  type FileFilter,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { join } from 'node:path';
import { withWorkspaceExtension, WORKSPACE_EXTENSION } from './workspace-path';

const WORKSPACE_FILTERS: FileFilter[] = [
  { name: `Candor workspace (*${WORKSPACE_EXTENSION})`, extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

export interface PathDialogOptions {
  kind: 'open' | 'save';
  defaultPath?: string;
  /** a workspace (the default), an export (its extension comes from the suggested name), an import */
  purpose?: 'workspace' | 'export' | 'import';
  title?: string;
  buttonLabel?: string;
}

const IMPORT_FILTERS: FileFilter[] = [
  { name: 'Inventory CSV or fideslang YAML', extensions: ['csv', 'yml', 'yaml'] },
  { name: 'All files', extensions: ['*'] },
];

/** "ropa.xlsx" → "xlsx"; "notes" → "" */
function extensionOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** An export's save dialog: filtered by the suggested file's extension, which a typed name without one gets. */
async function chooseExportPath(parent: BrowserWindow | undefined, options: PathDialogOptions): Promise<string | null> {
  const extension = options.defaultPath ? extensionOf(options.defaultPath) : '';
  const saveOptions: SaveDialogOptions = {
    title: options.title ?? 'Export',
    buttonLabel: options.buttonLabel ?? 'Export',
    defaultPath: options.defaultPath,
    filters: extension
      ? [
          { name: `${extension.toUpperCase()} file`, extensions: [extension] },
          { name: 'All files', extensions: ['*'] },
        ]
      : undefined,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = parent ? await dialog.showSaveDialog(parent, saveOptions) : await dialog.showSaveDialog(saveOptions);
  if (result.canceled || !result.filePath) return null;
  return extension && !extensionOf(result.filePath) ? `${result.filePath}.${extension}` : result.filePath;
}

function defaultSavePath(): string {
  return join(app.getPath('documents'), `Untitled${WORKSPACE_EXTENSION}`);
}

/** The path the user picked, or null when the dialog was cancelled. */
export async function chooseWorkspacePath(parent: BrowserWindow | undefined, options: PathDialogOptions): Promise<string | null> {
  if (options.purpose === 'export' && options.kind === 'save') return chooseExportPath(parent, options);
  if (options.kind === 'save') {
    const saveOptions: SaveDialogOptions = {
      title: options.title ?? 'Save Workspace As',
      buttonLabel: options.buttonLabel,
      defaultPath: options.defaultPath ?? defaultSavePath(),
      filters: WORKSPACE_FILTERS,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const result = parent ? await dialog.showSaveDialog(parent, saveOptions) : await dialog.showSaveDialog(saveOptions);
    return result.canceled || !result.filePath ? null : withWorkspaceExtension(result.filePath);
  }
  const importing = options.purpose === 'import';
  const openOptions: OpenDialogOptions = {
    title: options.title ?? (importing ? 'Import Data Types' : 'Open Workspace'),
    buttonLabel: options.buttonLabel ?? (importing ? 'Import' : undefined),
    defaultPath: options.defaultPath,
    filters: importing ? IMPORT_FILTERS : WORKSPACE_FILTERS,
    properties: ['openFile'],
  };
  const result = parent ? await dialog.showOpenDialog(parent, openOptions) : await dialog.showOpenDialog(openOptions);
  return result.canceled || result.filePaths.length === 0 ? null : (result.filePaths[0] ?? null);
}

/** A plain error box: what went wrong (message) and the details (where, what to do). */
export async function showError(parent: BrowserWindow | undefined, message: string, detail: string): Promise<void> {
  const options: MessageBoxOptions = { type: 'error', title: 'Candor', message, detail, buttons: ['OK'] };
  if (parent) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}
