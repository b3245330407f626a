// Where Candor keeps its own files, and where the files it ships with are.
import { readFileSync } from 'node:fs';
import { chmod, copyFile, constants, mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCode } from './atomic-write';

const APP_FOLDER = 'Candor';
export const SAMPLE_FILE_NAME = 'ridgeline.candor.json';

/**
 * The per-user data folder (backups, the sample copy, state.json). The same folder Electron's
 * app.getPath('userData') gives for an app named Candor, so the desktop app, the CLI and the web
 * mode share backups and the recent list.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CANDOR_DATA_DIR) return env.CANDOR_DATA_DIR;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_FOLDER);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER);
}

let cachedResources: string | undefined;

function isCandorRoot(folder: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: unknown };
    return pkg.name === 'candor';
  } catch {
    return false;
  }
}

/**
 * The project's resources/ folder. Found by walking up from this module to the folder whose
 * package.json is Candor's, so it works from source (electron/services) and from the bundle
 * (out/main) alike.
 */
export function resourcesDir(): string {
  if (cachedResources) return cachedResources;
  const start = dirname(fileURLToPath(import.meta.url));
  let folder = start;
  for (;;) {
    if (isCandorRoot(folder)) {
      cachedResources = join(folder, 'resources');
      return cachedResources;
    }
    const parent = dirname(folder);
    if (parent === folder) {
      throw new Error(`Candor's resources folder was not found above ${start} (no package.json named "candor"); reinstall Candor`);
    }
    folder = parent;
  }
}

export function bundledExamplePath(): string {
  return join(resourcesDir(), 'examples', SAMPLE_FILE_NAME);
}

/**
 * A writable copy of the sample in the data folder, made once: the bundled file may sit in a
 * read-only install location and must never be edited. Returns the copy's path.
 */
export async function ensureSampleCopy(dataDir: string, source: string = bundledExamplePath()): Promise<string> {
  const folder = join(dataDir, 'examples');
  const copy = join(folder, SAMPLE_FILE_NAME);
  await mkdir(folder, { recursive: true });
  try {
    await copyFile(source, copy, constants.COPYFILE_EXCL);
  } catch (error) {
    if (isCode(error, 'EEXIST')) return copy;
    if (isCode(error, 'ENOENT')) {
      throw Object.assign(new Error(`The sample workspace is missing from this installation (${source}); reinstall Candor`), {
        code: 'ENOENT',
      });
    }
    throw error;
  }
  // The install location may be read-only (a mounted disk image, Program Files); the copy is the user's to edit.
  await chmod(copy, 0o644);
  return copy;
}
