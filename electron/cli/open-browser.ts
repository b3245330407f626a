// Opens a link in the default web browser for `candor serve --open` (what `npm run web` runs). The
// caller prints the link either way, so a machine without a browser loses nothing.
import { spawn } from 'node:child_process';

export interface Opener {
  command: string;
  args: string[];
}

/**
 * The system's own "open this URL" command, or undefined where there is none to use: on Linux and the
 * BSDs only with a graphical session, because without one xdg-open falls back to a text browser in
 * this very terminal.
 */
export function browserOpener(url: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Opener | undefined {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is the window title.
  if (platform === 'win32') return { command: 'cmd', args: ['/d', '/s', '/c', 'start', '""', url.replace(/&/g, '^&')] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  return { command: 'xdg-open', args: [url] };
}

/** Resolves true when the opener ran and reported success, false when there is no browser to open. */
export function openInBrowser(
  url: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  const opener = browserOpener(url, platform, env);
  if (!opener) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(opener.command, opener.args, { env, stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
    // The browser outlives us; the opener itself returns as soon as it has handed the link over.
    child.unref();
  });
}
