// Workspace file paths: the one a launch asks for, and the name a dialog returns.
// Electron's argv holds the executable, in development the
// app folder ("electron ."), and Chromium switches that may sit anywhere (a second instance's argv
// even gets switches appended), so the workspace is the last plain argument naming a .json file.
import { isAbsolute, resolve } from 'node:path';

export const WORKSPACE_EXTENSION = '.candor.json';

export function isWorkspaceFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.json');
}

/** A name typed without an extension gets `.candor.json`, so the file opens in Candor next time. */
export function withWorkspaceExtension(path: string): string {
  return isWorkspaceFileName(path) ? path : `${path}${WORKSPACE_EXTENSION}`;
}

/**
 * The workspace path in `argv`, made absolute against `cwd`, or undefined when none is given.
 * `packaged` says whether argv[1] is already a user argument (a packaged app) or the app folder.
 */
export function workspacePathFromArgv(argv: readonly string[], cwd: string, packaged: boolean): string | undefined {
  const plain = argv.slice(1).filter((arg) => arg !== '' && !arg.startsWith('-'));
  const userArgs = packaged ? plain : plain.slice(1);
  const found = userArgs.filter(isWorkspaceFileName).at(-1);
  if (found === undefined) return undefined;
  return isAbsolute(found) ? found : resolve(cwd, found);
}

/** What a second launch hands to the running instance (argv may be reordered on the way). */
export interface SecondInstanceData {
  workspacePath?: string;
}

export function readSecondInstanceData(data: unknown): SecondInstanceData {
  if (typeof data !== 'object' || data === null) return {};
  const path = (data as { workspacePath?: unknown }).workspacePath;
  return typeof path === 'string' && isAbsolute(path) && isWorkspaceFileName(path) ? { workspacePath: path } : {};
}
