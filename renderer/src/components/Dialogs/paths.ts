// Paths typed by people or returned by the backend, handled without `node:path` (the renderer has none).
// Windows paths are recognised by their backslashes, so the folder a suggestion is built from keeps its style.

export const WORKSPACE_EXTENSION = '.candor.json';

export function separatorOf(path: string): '/' | '\\' {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

/** The last segment of a path ("/a/b/acme.candor.json" → "acme.candor.json"). */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** The folder holding a file, without the trailing separator ("" when the path has no folder). */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut < 0) return '';
  if (cut === 0) return path.slice(0, 1);
  return path.slice(0, cut);
}

/** A folder with a separator at the end, ready for a file name to be typed after it. */
export function folderPrefix(folder: string): string {
  if (!folder) return '';
  return /[\\/]$/.test(folder) ? folder : folder + separatorOf(folder);
}

export function joinPath(folder: string, name: string): string {
  return folderPrefix(folder) + name;
}

/** The name of a workspace file without its extension ("acme.candor.json" → "acme"). */
export function workspaceStem(path: string): string {
  return fileName(path)
    .replace(/\.candor\.json$/i, '')
    .replace(/\.json$/i, '');
}

/** A path as Candor will use it: trimmed, with `.candor.json` added when it doesn't end in `.json`. */
export function withWorkspaceExtension(path: string): string {
  const trimmed = path.trim();
  if (!trimmed || /\.json$/i.test(trimmed)) return trimmed;
  return trimmed + WORKSPACE_EXTENSION;
}

/** Why a typed path can't be used yet, in words the person can act on; undefined when it can. */
export function pathProblem(path: string): string | undefined {
  const trimmed = path.trim();
  if (!trimmed) return 'Type the path of the workspace file, such as /Users/you/privacy/acme.candor.json.';
  if (/[\\/]$/.test(trimmed)) return `Add a file name after the folder, such as ${trimmed}acme.candor.json.`;
  return undefined;
}

/**
 * Text shown in a box truncated at the start (Mantine does it with `direction: rtl`), marked
 * left-to-right so the slashes at its ends stay where they are.
 */
export function ltr(text: string): string {
  return `\u200E${text}\u200E`;
}
