// Links that leave the app. Only https URLs go to the browser, and the user sees where a link goes
// before it opens, unless its host is one Candor itself links to (a store's rules, a data-protection
// authority) or the open workspace's own organisation (its website, privacy policy, lead authority).
import { BrowserWindow, dialog, shell, type MessageBoxOptions } from 'electron';

/**
 * Hosts of the stores' rules and the authorities' pages that Candor's own screens, resources and
 * templates link to; external-links.test.ts checks that each one is still linked from the app, so the
 * list stays short and true. Everything else asks first.
 */
export const CANDOR_LINK_HOSTS: readonly string[] = Object.freeze([
  // Apple's list of required-reason APIs (resources/apple-required-reason-apis.json)
  'developer.apple.com',
  // Google Play's Data safety help (core/stores/play.ts)
  'support.google.com',
  // The European Commission's adequacy decisions (resources/adequacy.json)
  'commission.europa.eu',
  // The UK's Information Commissioner's Office (resources/adequacy.json, templates/privacy-notice.md)
  'ico.org.uk',
  // The Data Privacy Framework list of certified US companies (resources/adequacy.json)
  'www.dataprivacyframework.gov',
]);

/** The parts of a workspace whose hosts are the organisation's own. */
export interface OrganisationLinks {
  organization?: {
    website?: string;
    privacyPolicyUrl?: string;
    supervisoryAuthority?: { url?: string };
  };
}

function httpsHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}

/** The hosts that open without asking: Candor's own list plus the open workspace's organisation. */
export function trustedLinkHosts(workspace: OrganisationLinks | undefined): Set<string> {
  const hosts = new Set(CANDOR_LINK_HOSTS);
  const org = workspace?.organization;
  for (const url of [org?.website, org?.privacyPolicyUrl, org?.supervisoryAuthority?.url]) {
    const host = httpsHost(url);
    if (host) hosts.add(host);
  }
  return hosts;
}

export type LinkDecision = { action: 'refuse' } | { action: 'open'; url: string } | { action: 'ask'; url: string; host: string };

/**
 * What to do with a link: anything but https is refused; a trusted host opens; any other host asks.
 * A URL carrying a user name or password always asks, since "https://ico.org.uk@x.example" reads as
 * one host and goes to another.
 */
export function decideLink(url: string, trusted: ReadonlySet<string>): LinkDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { action: 'refuse' };
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname) return { action: 'refuse' };
  // The URL as the browser will receive it (normalised, international names in punycode).
  const href = parsed.href;
  if (!parsed.username && !parsed.password && trusted.has(parsed.hostname)) return { action: 'open', url: href };
  return { action: 'ask', url: href, host: parsed.host };
}

/** The native question before a link to an unfamiliar host opens. */
export function confirmLinkOptions(host: string, url: string): MessageBoxOptions {
  return {
    type: 'question',
    title: 'Candor',
    message: `Open ${host} in your browser?`,
    detail: url,
    buttons: ['Open', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
}

export interface ExternalLinkOptions {
  /** the open workspace, whose organisation's hosts open without asking */
  workspace: () => OrganisationLinks | undefined;
  /** the window the question belongs to */
  parent: () => BrowserWindow | undefined;
}

/** Opens a link in the browser, or not; resolves to whether it did. */
export type OpenExternalLink = (url: string) => Promise<boolean>;

/**
 * The one way Candor calls shell.openExternal. One question at a time: links asked for while a
 * question is showing are dropped, so a page cannot stack up dialogs.
 */
export function createExternalLinkOpener(options: ExternalLinkOptions): OpenExternalLink {
  let asking = false;
  return async (url) => {
    const decision = decideLink(url, trustedLinkHosts(options.workspace()));
    if (decision.action === 'refuse') return false;
    if (decision.action === 'ask') {
      if (asking) return false;
      asking = true;
      try {
        const parent = options.parent();
        const question = confirmLinkOptions(decision.host, decision.url);
        const { response } =
          parent && !parent.isDestroyed() ? await dialog.showMessageBox(parent, question) : await dialog.showMessageBox(question);
        if (response !== 0) return false;
      } finally {
        asking = false;
      }
    }
    try {
      await shell.openExternal(decision.url);
      return true;
    } catch {
      // No browser, or the OS refused: nothing in the app depends on the link having opened.
      return false;
    }
  };
}

let workspaceSource: () => OrganisationLinks | undefined = () => undefined;

/** Tells the app's opener where the open workspace is (main/index.ts, once the session exists). */
export function linkWorkspaceFrom(source: () => OrganisationLinks | undefined): void {
  workspaceSource = source;
}

/**
 * The app's opener, for every webContents (new-window requests arrive before the session exists, so it
 * asks for the workspace at each click rather than holding one).
 */
export const openExternalLink: OpenExternalLink = createExternalLinkOpener({
  workspace: () => workspaceSource(),
  parent: () => BrowserWindow.getFocusedWindow() ?? undefined,
});
