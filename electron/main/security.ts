// Electron's security checklist, applied in one place: an isolated, sandboxed page without Node,
// no new windows, no navigation away from the app, no permissions, and no network traffic of its own.
import type { Session, WebContents, WebPreferences } from 'electron';
import { isAppUrl } from './app-url';
import { withSecurityHeaders } from './content-security-policy';
import { openExternalLink, type OpenExternalLink } from './external-links';

export function secureWebPreferences(preloadPath: string, platform: NodeJS.Platform): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // On Windows and Linux Chromium's spellchecker downloads dictionaries from Google's CDN; the app
    // makes no network request of its own, so it checks spelling only where the OS does it (macOS).
    spellcheck: platform === 'darwin',
  };
}

/** Only https links leave the app, and only into the user's browser. */
export function isExternalLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Schemes the page itself may load from; anything else (http, ws, ftp…) is cancelled. */
function isLocalRequest(url: string, devServerUrl: string | undefined): boolean {
  if (isAppUrl(url, devServerUrl)) return true;
  const scheme = url.slice(0, url.indexOf(':') + 1);
  if (['data:', 'blob:', 'devtools:', 'chrome-extension:'].includes(scheme)) return true;
  // In development the dev server's hot reload talks over a WebSocket on the same host and port.
  return devServerUrl !== undefined && (scheme === 'ws:' || scheme === 'wss:') && sameHost(url, devServerUrl);
}

function sameHost(a: string, b: string): boolean {
  try {
    return new URL(a).host === new URL(b).host;
  } catch {
    return false;
  }
}

export function hardenSession(ses: Session, options: { devServerUrl?: string; platform: NodeJS.Platform }): void {
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  if (options.platform !== 'darwin') ses.setSpellCheckerEnabled(false);
  ses.on('will-download', (event) => event.preventDefault());

  // Nothing the page does may reach the network (the CSP says so too; this holds even if it failed).
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isLocalRequest(details.url, options.devServerUrl) });
  });
  // The built page is served by our protocol handler with the CSP header already; adding it here too
  // covers any response of ours the handler did not produce. The dev server is left alone: its hot
  // reload needs inline scripts the policy forbids.
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (isAppUrl(details.url)) callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
    else callback({});
  });
}

/** For every webContents (the window, DevTools): no new windows, no <webview>; https links go through `openLink`. */
export function denyNewWindows(contents: WebContents, openLink: OpenExternalLink = openExternalLink): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void openLink(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** For the app window: it shows our page and nothing else; https links go through `openLink` to the browser. */
export function lockNavigation(
  contents: WebContents,
  devServerUrl: string | undefined,
  openLink: OpenExternalLink = openExternalLink,
): void {
  const stayInApp = (event: { preventDefault(): void; url: string }) => {
    if (isAppUrl(event.url, devServerUrl)) return;
    event.preventDefault();
    if (isExternalLink(event.url)) void openLink(event.url);
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  // will-navigate covers the main frame; an iframe of ours may not wander off either.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url, devServerUrl)) event.preventDefault();
  });
}
