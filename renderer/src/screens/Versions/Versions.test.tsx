// @vitest-environment jsdom
// The Versions screen's announcement and redline: each version shows the email and banner the archive kept
// (the first says there is nothing to announce), and Compare exports the redline of the two sides shown, in
// the desktop app to the path chosen in the save dialog and in the web mode as a browser download.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { announcementFile } from '../../../../core/announcement';
import type { ArchivedVersion, RedlineArg, VersionList } from '../../../../core/api';
import { inventoryVersion } from '../../../../core/documents/context';
import type { Workspace } from '../../../../core/schema';
import type { PublishedVersion } from '../../../../core/versions';
import { changeAnnouncement, whatChanged } from '../../../../core/what-changed';
import { useEditor } from '../../state/store';
import { useVersions } from '../../state/versions';
import { blobText, captureDownloads } from '../../testing/browser-downloads';
import { recordingBridge } from '../../testing/recording-bridge';
import { exampleWorkspace, installDomStubs, loadWorkspace, renderScreen } from '../../testing/test-utils';
import { VersionsScreen } from './Versions';

const PATH = '/home/ana/trails/trails.candor.json';
let first: Workspace;
let second: Workspace;
let published: PublishedVersion[];
let announcement: string;

const bridge = recordingBridge({
  'versions-list': () => ({ ok: true, value: { archive: '/home/ana/trails/trails.versions', versions: published } satisfies VersionList }),
  'version-read': ({ version }: { version: string }) => {
    const entry = published.find((v) => v.version === version);
    if (!entry) return { ok: false, error: { code: 'not-found', message: `no ${version}` } };
    const value: ArchivedVersion = {
      entry,
      workspace: version === '1.0' ? first : second,
      documents: [],
      ...(version === '1.1' ? { announcement } : {}),
    };
    return { ok: true, value };
  },
  'version-redline-download': (arg: RedlineArg) => ({
    ok: true,
    value: {
      fileName: `privacy-notice-redline-${arg.from}-to-${arg.to === 'working' ? 'working-copy' : arg.to}.${arg.format}`,
      mediaType: 'text/html',
      base64: btoa('<ins>x</ins>'),
    },
  }),
  'version-redline-export': (arg: RedlineArg & { path: string }) => ({ ok: true, value: { path: arg.path } }),
});

beforeAll(() => {
  installDomStubs();
  bridge.install();
});
beforeEach(() => {
  bridge.reset();
  first = exampleWorkspace();
  second = exampleWorkspace();
  second.dataTypes = second.dataTypes.slice(1);
  published = [
    { version: '1.0', effective: '2026-01-01', publishedAt: '2025-12-01T09:00:00Z', buildId: inventoryVersion(first), documents: [] },
    { version: '1.1', effective: '2026-03-01', publishedAt: '2026-02-01T09:00:00Z', buildId: inventoryVersion(second), documents: [] },
  ];
  const made = changeAnnouncement(whatChanged(first, second), second, { version: '1.1', effective: '2026-03-01' });
  announcement = announcementFile(made, { version: '1.1', previous: '1.0', effective: '2026-03-01', nothingChanged: false });
  useVersions.setState({ list: { status: 'loading' } });
});
afterEach(() => {
  cleanup();
  act(() => notifications.clean());
});

function open(version: string, compare?: string) {
  loadWorkspace(second);
  useEditor.setState({ session: { status: 'open', path: PATH, revision: 'r', workspace: second } });
  return renderScreen(<VersionsScreen version={version} compare={compare} />);
}

describe("a version's announcement", () => {
  it('shows the email and the banner the archive kept, each to copy, with the banner against its budget', async () => {
    open('1.1');
    fireEvent.click(await screen.findByRole('tab', { name: 'Announcement' }));
    const shown = await screen.findByTestId('version-announcement');
    const made = changeAnnouncement(whatChanged(first, second), second, { version: '1.1', effective: '2026-03-01' });
    expect(within(shown).getByText(made.subject)).toBeTruthy();
    expect(within(shown).getByTestId('announcement-email').textContent).toBe(made.text);
    expect(within(shown).getByTestId('announcement-banner').textContent).toBe(made.banner.text);
    expect(within(shown).getByText(`${made.banner.length} / ${made.banner.budget} characters`)).toBeTruthy();
    for (const what of ['email subject', 'email', 'banner'])
      expect(within(shown).getByRole('button', { name: `Copy the ${what}` })).toBeTruthy();
  });

  it('says plainly that the first version has nothing to announce', async () => {
    open('1.0');
    fireEvent.click(await screen.findByRole('tab', { name: 'Announcement' }));
    expect((await screen.findByTestId('no-announcement')).textContent).toBe(
      'Version 1.0 is the first published version: there is nothing earlier to compare it with, so there are no changes to announce.',
    );
  });
});

describe('Export redline', () => {
  it('writes the Word redline of the two versions compared, older first, where the save dialog says', async () => {
    bridge.choosePath.mockResolvedValue('/home/ana/for-counsel.docx');
    open('1.1', '1.0');
    fireEvent.click(await screen.findByTestId('export-redline'));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Word with tracked changes (.docx)…' }));
    await waitFor(() => expect(bridge.calls.filter((c) => c.name === 'version-redline-export')).toHaveLength(1));
    expect(bridge.choosePath).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'save', defaultPath: '/home/ana/trails/privacy-notice-redline-1.0-to-1.1.docx' }),
    );
    expect(bridge.calls.find((c) => c.name === 'version-redline-export')?.arg).toEqual({
      from: '1.0',
      to: '1.1',
      format: 'docx',
      path: '/home/ana/for-counsel.docx',
      overwrite: true,
    });
  });

  it('exports the redline of the document chosen beside the button, named after it', async () => {
    bridge.choosePath.mockResolvedValue('/home/ana/collection.docx');
    open('1.1', '1.0');
    const select = await screen.findByRole('combobox', { name: 'Document' });
    expect((select as HTMLInputElement).value).toBe('Privacy notice');
    fireEvent.click(select);
    fireEvent.click(await screen.findByRole('option', { name: 'Notice at collection' }));
    fireEvent.click(screen.getByTestId('export-redline'));
    expect((await screen.findByText(/“Notice at collection”, version 1\.0 to version 1\.1/)).textContent).toBeTruthy();
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Word with tracked changes (.docx)…' }));
    await waitFor(() => expect(bridge.calls.filter((c) => c.name === 'version-redline-export')).toHaveLength(1));
    expect(bridge.choosePath).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'save', defaultPath: '/home/ana/trails/notice-at-collection-redline-1.0-to-1.1.docx' }),
    );
    expect(bridge.calls.find((c) => c.name === 'version-redline-export')?.arg).toMatchObject({
      from: '1.0',
      to: '1.1',
      format: 'docx',
      document: 'notice-at-collection',
    });
  });

  it('downloads the HTML comparison of a version and the working copy in the web mode', async () => {
    const restore = bridge.webMode();
    const capture = captureDownloads();
    try {
      open('1.1', 'working');
      fireEvent.click(await screen.findByTestId('export-redline'));
      fireEvent.click(await screen.findByRole('menuitem', { name: 'Comparison page (.html)…' }));
      const dialog = await screen.findByRole('dialog');
      fireEvent.click(within(dialog).getByRole('button', { name: 'Download' }));
      await waitFor(() => expect(capture.downloads).toHaveLength(1));
      expect(bridge.calls.find((c) => c.name === 'version-redline-download')?.arg).toEqual({ from: '1.1', to: 'working', format: 'html' });
      expect(capture.downloads[0].fileName).toBe('privacy-notice-redline-1.1-to-working-copy.html');
      expect(await blobText(capture.downloads[0].blob)).toBe('<ins>x</ins>');
    } finally {
      capture.restore();
      restore();
    }
  });
});
