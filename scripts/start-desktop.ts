// `npm start`, after the build: launches the desktop app. Electron's npm package downloads its binary at
// first launch; where that cannot happen (no network, a blocked proxy, an old Node.js) the user gets one
// plain sentence and the way to the same app in a browser, instead of the downloader's stack traces.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What the downloader said went wrong, in one line without its stack: "fetch failed". */
export function downloadFailureReason(output: string): string {
  const line = output
    .split('\n')
    .map((text) => text.trim())
    .find((text) => /error|failed|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN/i.test(text) && !text.startsWith('at '));
  return line ? line.replace(/^\w*Error: /, '').replace(/\.$/, '') : '';
}

/** The one sentence `npm start` prints when the binary cannot be had. */
export function downloadFailureSentence(reason: string, nodeVersion: string): string {
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  const oldNode = major < 22 || (major === 22 && minor < 12);
  const details = [reason, oldNode ? `Electron's downloader also needs Node.js 22.12 or later, and this is ${nodeVersion}` : ''].filter(
    Boolean,
  );
  return (
    `Candor could not start the desktop app: the Electron binary could not be downloaded${details.length ? ` (${details.join('; ')})` : ''}; ` +
    '"npm run web" opens the same app in your browser.'
  );
}

function download(): string | undefined {
  const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string };
  process.stderr.write(`Downloading Electron ${version} for ${process.platform}-${process.arch} (first launch only)…\n`);
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8' });
  const binary = findElectronBinary();
  if (result.status === 0 && binary.found) return binary.path;
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}\n${result.error?.message ?? ''}`;
  process.stderr.write(`${downloadFailureSentence(downloadFailureReason(output), process.versions.node)}\n`);
  return undefined;
}

function launch(binary: string): void {
  const child = spawn(binary, [ROOT, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`Candor could not start the desktop app (${error.message}); "npm run web" opens the same app in your browser.\n`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const installed = findElectronBinary();
  const binary = installed.found ? installed.path : download();
  if (binary) launch(binary);
  else process.exitCode = 1;
}
