// Whether an Electron binary is installed, found without running `require('electron')`: from
// electron 45 on that require downloads the binary when it is missing, which must not happen in a
// test run (and cannot, offline). The lookup mirrors the electron package's own index.js. Used by the
// Electron e2e spec and by `npm start` (scripts/start-desktop.ts).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; path: string; reason: string };

export function findElectronBinary(): ElectronBinary {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { found: false, path: 'node_modules/electron', reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, executable || 'electron');
    return existsSync(path) ? { found: true, path } : { found: false, path, reason: 'ELECTRON_OVERRIDE_DIST_PATH names no binary' };
  }
  if (!executable) {
    return { found: false, path: join(packageDir, 'dist'), reason: `${pathFile} is missing, so the binary was never downloaded` };
  }
  const path = join(packageDir, 'dist', executable);
  return existsSync(path) ? { found: true, path } : { found: false, path, reason: 'the binary was never downloaded' };
}
