// Links leaving the app: which open at once, which ask first (and what the question says), which are
// refused; and that the short list of hosts Candor trusts is exactly the hosts Candor links to.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ADEQUACY_LISTS, ADEQUACY_SOURCES } from '../../core/adequacy';
import { REQUIRED_REASON_API_SOURCE } from '../../core/required-reason-apis';
import {
  CANDOR_LINK_HOSTS,
  confirmLinkOptions,
  createExternalLinkOpener,
  decideLink,
  linkWorkspaceFrom,
  openExternalLink,
  trustedLinkHosts,
  type OrganisationLinks,
} from './external-links';
import { BrowserWindow, dialog, resetFakeElectron, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const ROOT = resolve(__dirname, '../..');

beforeEach(() => {
  resetFakeElectron();
  dialog.showMessageBox.mockResolvedValue({ response: 0 });
  linkWorkspaceFrom(() => undefined);
});

const RIDGE: OrganisationLinks = {
  organization: {
    website: 'https://ridgeline.example',
    privacyPolicyUrl: 'https://legal.ridgeline.example/privacy',
    supervisoryAuthority: { url: 'https://www.dataprotection.ie' },
  },
};

describe('decideLink', () => {
  const trusted = trustedLinkHosts(RIDGE);

  it('refuses everything that is not https', () => {
    for (const url of [
      'http://ico.org.uk/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'candor://app/index.html',
      'mailto:dpo@ridgeline.example',
      'nonsense',
      '',
    ]) {
      expect(decideLink(url, trusted), url).toEqual({ action: 'refuse' });
    }
  });

  it("opens Candor's own hosts and the organisation's at once", () => {
    expect(decideLink('https://ico.org.uk/make-a-complaint/', trusted)).toEqual({
      action: 'open',
      url: 'https://ico.org.uk/make-a-complaint/',
    });
    expect(decideLink('https://ridgeline.example', trusted)).toEqual({ action: 'open', url: 'https://ridgeline.example/' });
    expect(decideLink('https://legal.ridgeline.example/privacy#cookies', trusted).action).toBe('open');
    expect(decideLink('https://www.dataprotection.ie/en/contact', trusted).action).toBe('open');
    // Host names are case-insensitive; the URL parser lower-cases them before the comparison.
    expect(decideLink('https://ICO.org.UK/', trusted).action).toBe('open');
  });

  it('asks for any other host, naming the host the browser will really go to', () => {
    expect(decideLink('https://gdpr.eu/art-13', trusted)).toEqual({ action: 'ask', url: 'https://gdpr.eu/art-13', host: 'gdpr.eu' });
    // Look-alikes of a trusted host are other hosts.
    expect(decideLink('https://ico.org.uk.evil.example/', trusted)).toMatchObject({ action: 'ask', host: 'ico.org.uk.evil.example' });
    expect(decideLink('https://evil.ico.org.uk/', trusted)).toMatchObject({ action: 'ask', host: 'evil.ico.org.uk' });
    expect(decideLink('https://ridgeline.example:8443/', trusted)).toMatchObject({ action: 'open' });
    // A user name before the host reads like the trusted host; it always asks, naming the real one.
    expect(decideLink('https://ico.org.uk@evil.example/', trusted)).toMatchObject({ action: 'ask', host: 'evil.example' });
    expect(decideLink('https://user:pw@ico.org.uk/', trusted)).toMatchObject({ action: 'ask', host: 'ico.org.uk' });
    // An international name is shown as the browser resolves it (punycode), so a homograph shows up.
    // (The first letter here is the Cyrillic і, U+0456.)
    expect(decideLink('https://\u0456co.org.uk/', trusted)).toMatchObject({ action: 'ask', host: 'xn--co-goc.org.uk' });
  });
});

describe('trustedLinkHosts', () => {
  it("adds the organisation's website, privacy policy and authority hosts to Candor's list", () => {
    const hosts = trustedLinkHosts(RIDGE);
    expect([...hosts].sort()).toEqual(
      [...CANDOR_LINK_HOSTS, 'ridgeline.example', 'legal.ridgeline.example', 'www.dataprotection.ie'].sort(),
    );
  });

  it('adds nothing for a missing workspace, missing fields, http or broken addresses', () => {
    expect([...trustedLinkHosts(undefined)]).toEqual([...CANDOR_LINK_HOSTS]);
    expect([...trustedLinkHosts({ organization: {} })]).toEqual([...CANDOR_LINK_HOSTS]);
    const odd = trustedLinkHosts({ organization: { website: 'http://plain.example', privacyPolicyUrl: 'not a url' } });
    expect([...odd]).toEqual([...CANDOR_LINK_HOSTS]);
  });

  it('takes the hosts from the sample workspaces as they are written', () => {
    const sample = JSON.parse(readFileSync(resolve(ROOT, 'resources/examples/little-moments.candor.json'), 'utf8')) as OrganisationLinks;
    const hosts = trustedLinkHosts(sample);
    expect(hosts.has('littlemoments.example')).toBe(true);
    expect(hosts.has('aws.amazon.com')).toBe(false);
  });
});

describe("Candor's list of hosts", () => {
  /** Every link written in what the app shows or ships: resources, templates, core and the screens. */
  function linkedHosts(): Set<string> {
    const files = execFileSync('git', ['ls-files', '-z', 'resources', 'templates', 'core', 'renderer/src'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((file) => file && !/\.test\.tsx?$|__golden__|fixtures|\/testing|\/examples\//.test(file));
    const hosts = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(resolve(ROOT, file), 'utf8').matchAll(/https:\/\/([a-z0-9.-]+)/gi))
        hosts.add(match[1]!.toLowerCase());
    }
    return hosts;
  }

  it('names only hosts that Candor links to', () => {
    const linked = linkedHosts();
    expect(linked.size).toBeGreaterThan(20);
    expect(CANDOR_LINK_HOSTS.filter((host) => !linked.has(host))).toEqual([]);
  });

  it("opens the stores' and authorities' pages Candor cites without asking", () => {
    const cited = [
      REQUIRED_REASON_API_SOURCE.url,
      ADEQUACY_SOURCES.gdpr.url,
      ADEQUACY_SOURCES['uk-gdpr'].url,
      ...Object.values(ADEQUACY_LISTS).flatMap((list) =>
        list.countries.flatMap((entry) => (entry.certification ? [entry.certification.url] : [])),
      ),
      'https://support.google.com/googleplay/android-developer/answer/9893335',
      'https://ico.org.uk',
    ];
    const trusted = trustedLinkHosts(undefined);
    expect(cited.filter((url) => decideLink(url, trusted).action !== 'open')).toEqual([]);
  });

  it('is short and cannot be changed at run time', () => {
    expect(CANDOR_LINK_HOSTS.length).toBeLessThanOrEqual(10);
    expect(Object.isFrozen(CANDOR_LINK_HOSTS)).toBe(true);
  });
});

describe('createExternalLinkOpener', () => {
  function opener(workspace?: OrganisationLinks) {
    const win = new BrowserWindow();
    return { win, open: createExternalLinkOpener({ workspace: () => workspace, parent: () => win as never }) };
  }

  it('opens a trusted host without a question', async () => {
    const { open } = opener(RIDGE);
    await expect(open('https://ridgeline.example/privacy')).resolves.toBe(true);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(shell.openExternal).toHaveBeenCalledWith('https://ridgeline.example/privacy');
  });

  it('asks "Open <host> in your browser?" with the full URL, and opens on Open', async () => {
    const { win, open } = opener(RIDGE);
    await expect(open('https://gdpr.eu/art-13/?x=1')).resolves.toBe(true);
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const [parent, options] = dialog.showMessageBox.mock.calls[0]!;
    expect(parent).toBe(win);
    expect(options).toEqual(confirmLinkOptions('gdpr.eu', 'https://gdpr.eu/art-13/?x=1'));
    expect(options).toMatchObject({
      message: 'Open gdpr.eu in your browser?',
      detail: 'https://gdpr.eu/art-13/?x=1',
      buttons: ['Open', 'Cancel'],
      cancelId: 1,
    });
    expect(shell.openExternal).toHaveBeenCalledWith('https://gdpr.eu/art-13/?x=1');
  });

  it('opens nothing when the user cancels', async () => {
    dialog.showMessageBox.mockResolvedValue({ response: 1 });
    const { open } = opener(RIDGE);
    await expect(open('https://tracker.example/')).resolves.toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('neither asks nor opens for anything but https', async () => {
    const { open } = opener(RIDGE);
    for (const url of ['http://ridgeline.example/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      await expect(open(url)).resolves.toBe(false);
    }
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('shows one question at a time: links asked for meanwhile are dropped', async () => {
    let answer: (value: { response: number }) => void = () => {};
    dialog.showMessageBox.mockImplementationOnce(() => new Promise((done) => (answer = done)));
    const { open } = opener(undefined);
    const first = open('https://one.example/');
    await expect(open('https://two.example/')).resolves.toBe(false);
    answer({ response: 0 });
    await expect(first).resolves.toBe(true);
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(shell.openExternal.mock.calls).toEqual([['https://one.example/']]);
    // Once answered, the next link asks again.
    await expect(open('https://two.example/')).resolves.toBe(true);
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('says the link did not open when the OS refuses it', async () => {
    shell.openExternal.mockRejectedValueOnce(new Error('no browser'));
    const { open } = opener(undefined);
    await expect(open('https://ico.org.uk/')).resolves.toBe(false);
  });

  it('asks without a parent window when there is none', async () => {
    const open = createExternalLinkOpener({ workspace: () => undefined, parent: () => undefined });
    await open('https://gdpr.eu/');
    expect(dialog.showMessageBox.mock.calls[0]).toEqual([confirmLinkOptions('gdpr.eu', 'https://gdpr.eu/')]);
  });
});

describe('openExternalLink (the app-wide opener)', () => {
  it("trusts the open workspace's organisation as soon as the session says which it is", async () => {
    await openExternalLink('https://ridgeline.example/');
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    linkWorkspaceFrom(() => RIDGE);
    dialog.showMessageBox.mockClear();
    await openExternalLink('https://ridgeline.example/');
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(shell.openExternal).toHaveBeenLastCalledWith('https://ridgeline.example/');
  });
});
