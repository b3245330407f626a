// @vitest-environment jsdom
import type { ReactElement } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { EXPORT_SECTIONS, EXPORTS, exportsIn, type ExportKind, type ExportSection } from '../../../../core/catalogue';
import { lintWorkspace } from '../../../../core/lint';
import { routeForPath } from '../../state/paths';
import { routeHash } from '../../state/route';
import { useEditor } from '../../state/store';
import { Inventory } from '../../screens/Inventory/Inventory';
import { OrganizationScreen } from '../../screens/Organization/Organization';
import { ReviewScreen } from '../../screens/Review/Review';
import { blobText, captureDownloads } from '../../testing/browser-downloads';
import { recordingBridge } from '../../testing/recording-bridge';
import { exampleWorkspace, installDomStubs, loadWorkspace, renderScreen, setHash } from '../../testing/test-utils';
import { ExportButton, ExportMenu } from './ExportMenu';

let exportReply: (arg: { kind: string; path: string }) => unknown;
let downloadReply: (arg: { kind: string; allowErrors?: boolean }) => unknown;
let saveReply: () => unknown;
const bridge = recordingBridge({
  'export-file': (arg: { kind: string; path: string }) => exportReply(arg),
  'export-download': (arg: { kind: string; allowErrors?: boolean }) => downloadReply(arg),
  'workspace-save': () => saveReply(),
});
const { calls, choosePath } = bridge;

function load() {
  const workspace = loadWorkspace(exampleWorkspace());
  useEditor.setState({ session: { status: 'open', path: '/home/ana/moments/moments.candor.json', revision: 'r', workspace } });
  return workspace;
}

beforeAll(() => {
  installDomStubs();
  bridge.install();
});

/** What the backend hands back for a download: a small file of the kind, named as the catalogue names it. */
function fileOf(kind: string): { fileName: string; mediaType: string; text: string } {
  const info = EXPORTS[kind as ExportKind];
  return { fileName: info.fileName, mediaType: info.mediaType, text: `the ${kind} file\n` };
}

let saves = 0;
beforeEach(() => {
  bridge.reset();
  exportReply = ({ path }) => ({ ok: true, value: { path } });
  downloadReply = ({ kind }) => {
    const { fileName, mediaType, text } = fileOf(kind);
    return { ok: true, value: { fileName, mediaType, base64: btoa(text) } };
  };
  saveReply = () => ({ ok: true, value: { revision: `saved-${(saves += 1)}` } });
});

afterEach(() => {
  cleanup();
  act(() => notifications.clean());
});

describe('ExportButton', () => {
  it('asks where to save with the native dialog, suggesting a file beside the workspace, then exports there', async () => {
    load();
    choosePath.mockResolvedValue('/home/ana/release/data-safety.csv');
    renderScreen(<ExportButton kind="play-data-safety" />);
    fireEvent.click(screen.getByRole('button', { name: 'Data safety form (CSV)…' }));
    await waitFor(() => expect(calls.some((c) => c.name === 'export-file')).toBe(true));
    expect(choosePath).toHaveBeenCalledWith({ kind: 'save', defaultPath: '/home/ana/moments/data-safety.csv', purpose: 'export' });
    expect(calls.find((c) => c.name === 'export-file')?.arg).toEqual({
      kind: 'play-data-safety',
      path: '/home/ana/release/data-safety.csv',
      overwrite: true,
    });
    expect(await screen.findByText('Exported the Google Play Data safety CSV')).toBeTruthy();
    expect(screen.getByText('/home/ana/release/data-safety.csv')).toBeTruthy();
  });

  it('exports nothing when the dialog is cancelled', async () => {
    load();
    choosePath.mockResolvedValue(null);
    renderScreen(<ExportButton kind="apple-privacy-manifest" />);
    fireEvent.click(screen.getByRole('button', { name: 'Privacy manifest (PrivacyInfo.xcprivacy)…' }));
    await waitFor(() =>
      expect(choosePath).toHaveBeenCalledWith({ kind: 'save', defaultPath: '/home/ana/moments/PrivacyInfo.xcprivacy', purpose: 'export' }),
    );
    await act(async () => {});
    expect(calls.filter((c) => c.name === 'export-file')).toEqual([]);
  });

  it('saves the last edit before exporting, so the file has it', async () => {
    load();
    choosePath.mockResolvedValue('/tmp/ropa.csv');
    act(() =>
      useEditor.getState().apply('Rename', (draft) => {
        draft.organization.name = 'Little Moments Group';
      }),
    );
    renderScreen(<ExportButton kind="ropa-csv" label="Record of processing (CSV)" />);
    fireEvent.click(screen.getByRole('button', { name: 'Record of processing (CSV)…' }));
    await waitFor(() => expect(calls.some((c) => c.name === 'export-file')).toBe(true));
    expect(calls.map((c) => c.name)).toEqual(['workspace-save', 'export-file']);
  });

  it('refuses, saying why, while the workspace has problems that stop it from being saved', async () => {
    load();
    act(() =>
      useEditor.getState().apply('Break a reference', (draft) => {
        draft.dataTypes[0].purposes = ['no-such-purpose'];
      }),
    );
    renderScreen(<ExportButton kind="inventory-csv" />);
    fireEvent.click(screen.getByRole('button', { name: 'Inventory as CSV…' }));
    expect(
      await screen.findByText(
        'Nothing was exported: 1 problem stops your latest changes from being saved (Email address › purposes: no purpose has the id "no-such-purpose"; add it under Purposes or remove the reference). Fix it, then export again.',
      ),
    ).toBeTruthy();
    expect(choosePath).not.toHaveBeenCalled();
    expect(calls.filter((c) => c.name === 'export-file')).toEqual([]);
  });

  it("shows the backend's reason when the export fails", async () => {
    load();
    choosePath.mockResolvedValue('/mnt/cd/ropa.xlsx');
    exportReply = ({ path }) => ({ ok: false, error: { code: 'io', message: `Nothing was exported: ${path} is on a read-only disk.` } });
    renderScreen(<ExportButton kind="ropa-xlsx" />);
    fireEvent.click(screen.getByRole('button', { name: 'Excel workbook (.xlsx)…' }));
    expect(await screen.findByText('Nothing was exported: /mnt/cd/ropa.xlsx is on a read-only disk.')).toBeTruthy();
    expect(screen.getByText('Not exported')).toBeTruthy();
  });

  it('in the web mode, saves to a typed path when asked to instead, and keeps the modal open with the reason when that fails', async () => {
    load();
    const restore = bridge.webMode();
    try {
      exportReply = ({ path }) =>
        path === '/srv'
          ? { ok: false, error: { code: 'io', message: 'Nothing was exported: /srv is a folder, not a file.' } }
          : { ok: true, value: { path } };
      renderScreen(<ExportButton kind="fideslang" />);
      fireEvent.click(screen.getByRole('button', { name: 'fideslang system (YAML)…' }));
      fireEvent.click(await screen.findByRole('button', { name: 'Save to a folder on this computer instead' }));
      const input = (await screen.findByLabelText('Save as')) as HTMLInputElement;
      expect(input.value).toBe('/home/ana/moments/candor-system.yml');
      fireEvent.change(input, { target: { value: '/srv' } });
      fireEvent.click(within(input.closest('form')!).getByRole('button', { name: 'Export' }));
      expect(await screen.findByText('Nothing was exported: /srv is a folder, not a file.')).toBeTruthy();
      fireEvent.change(input, { target: { value: '/srv/fides/system.yml' } });
      fireEvent.submit(input.closest('form')!);
      await waitFor(() => expect(screen.queryByLabelText('Save as')).toBeNull());
      expect(calls.filter((c) => c.name === 'export-file').map((c) => c.arg)).toEqual([
        { kind: 'fideslang', path: '/srv' },
        { kind: 'fideslang', path: '/srv/fides/system.yml' },
      ]);
    } finally {
      restore();
    }
  });
});

describe('ExportMenu', () => {
  it('offers each kind and exports the one chosen to the chosen path', async () => {
    load();
    choosePath.mockResolvedValue('/home/ana/records/ropa.docx');
    renderScreen(<ExportMenu label="Record of processing" section="ropa" />);
    fireEvent.click(screen.getByRole('button', { name: 'Record of processing' }));
    expect((await screen.findAllByRole('menuitem')).map((item) => item.textContent)).toEqual([
      'CSV…',
      'Excel workbook (.xlsx)…',
      'Word table (.docx)…',
    ]);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Word table (.docx)…' }));
    await waitFor(() => expect(calls.some((c) => c.name === 'export-file')).toBe(true));
    expect(choosePath).toHaveBeenCalledWith({ kind: 'save', defaultPath: '/home/ana/moments/ropa.docx', purpose: 'export' });
    expect(calls.find((c) => c.name === 'export-file')?.arg).toEqual({
      kind: 'ropa-docx',
      path: '/home/ana/records/ropa.docx',
      overwrite: true,
    });
  });
});

describe('Store labels on the Review screen', () => {
  it('exports the Apple manifest, the App Store answers and the Play CSV in one click each', async () => {
    load();
    choosePath.mockImplementation(async ({ defaultPath }) => defaultPath ?? null);
    renderScreen(<ReviewScreen tab="store-labels" />);
    const apple = await screen.findByRole('region', { name: 'Apple App Store' });
    const play = screen.getByRole('region', { name: 'Google Play' });
    const exports = () => calls.filter((c) => c.name === 'export-file');
    let clicked = 0;
    for (const [region, button] of [
      [apple, 'Privacy manifest (PrivacyInfo.xcprivacy)…'],
      [apple, 'App Privacy answers (Markdown)…'],
      [play, 'Data safety form (CSV)…'],
    ] as const) {
      fireEvent.click(within(region).getByRole('button', { name: button }));
      clicked += 1;
      await waitFor(() => expect(exports()).toHaveLength(clicked));
    }
    expect(exports().map((c) => c.arg)).toEqual([
      { kind: 'apple-privacy-manifest', path: '/home/ana/moments/PrivacyInfo.xcprivacy', overwrite: true },
      { kind: 'app-store-answers', path: '/home/ana/moments/app-privacy-answers.md', overwrite: true },
      { kind: 'play-data-safety', path: '/home/ana/moments/data-safety.csv', overwrite: true },
    ]);
  });
});

describe('Every export of the catalogue in the app', () => {
  const labels = (section: ExportSection) => exportsIn(section).map((kind) => `${EXPORTS[kind].label}…`);

  async function menuItems(screenElement: ReactElement, button: string): Promise<(string | null)[]> {
    renderScreen(screenElement);
    fireEvent.click(await screen.findByRole('button', { name: button }));
    const items = (await screen.findAllByRole('menuitem')).map((item) => item.textContent);
    cleanup();
    return items;
  }

  async function storeButtons(region: string): Promise<string[]> {
    renderScreen(<ReviewScreen tab="store-labels" />);
    const card = await screen.findByRole('region', { name: region });
    const names = within(card)
      .getAllByRole('button')
      .map((button) => button.textContent ?? '')
      .filter((name) => name.endsWith('…'));
    cleanup();
    return names;
  }

  it('offers each section where it belongs, every export of the section in catalogue order', async () => {
    load();
    const offered: Record<ExportSection, (string | null)[]> = {
      apple: await storeButtons('Apple App Store'),
      'google-play': await storeButtons('Google Play'),
      ropa: await menuItems(<OrganizationScreen />, 'Record of processing'),
      inventory: await menuItems(<Inventory />, 'Export'),
    };
    for (const section of EXPORT_SECTIONS) expect(offered[section], section).toEqual(labels(section));
  });
});

describe('the review before an export', () => {
  /** The sample without its privacy contact: valid, saved, and one review error. */
  function loadWithErrors(remove: ('contactEmail' | 'supervisoryAuthority')[] = ['contactEmail', 'supervisoryAuthority']) {
    const workspace = exampleWorkspace();
    // Privacy requests keep their own email, so that only the missing contact is an error (without
    // it, the contact email is also the request method the CCPA rule counts).
    workspace.organization.requests = { ...workspace.organization.requests, email: workspace.organization.contactEmail };
    for (const field of remove) delete workspace.organization[field];
    loadWorkspace(workspace);
    useEditor.setState({ session: { status: 'open', path: '/home/ana/moments/moments.candor.json', revision: 'r', workspace } });
    const errors = lintWorkspace(workspace).filter((f) => f.severity === 'error');
    expect(errors.length).toBe(remove.length);
    return { workspace, errors };
  }

  const exports = () => calls.filter((c) => c.name === 'export-file');

  it('exports straight away when the review finds no error (warnings do not count)', async () => {
    const workspace = load();
    expect(lintWorkspace(workspace).some((f) => f.severity === 'error')).toBe(false);
    choosePath.mockResolvedValue('/home/ana/release/data-safety.csv');
    renderScreen(<ExportButton kind="play-data-safety" />);
    fireEvent.click(screen.getByRole('button', { name: 'Data safety form (CSV)…' }));
    await waitFor(() => expect(exports()).toHaveLength(1));
    expect(exports()[0].arg).toEqual({ kind: 'play-data-safety', path: '/home/ana/release/data-safety.csv', overwrite: true });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('lists the errors before asking for a path; "Export anyway" exports with allowErrors', async () => {
    const { workspace, errors } = loadWithErrors();
    choosePath.mockResolvedValue('/home/ana/release/data-safety.csv');
    renderScreen(<ExportButton kind="play-data-safety" />);
    fireEvent.click(screen.getByRole('button', { name: 'Data safety form (CSV)…' }));
    const dialog = await screen.findByRole('dialog', { name: '2 problems the review calls errors' });
    expect(choosePath).not.toHaveBeenCalled();
    const links = within(dialog).getAllByRole('link');
    expect(links).toHaveLength(2);
    errors.forEach((error, i) => {
      expect(links[i].textContent).toContain(error.message);
      expect(links[i].getAttribute('href')).toBe(routeHash(routeForPath(workspace, error.path)));
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export anyway' }));
    await waitFor(() => expect(exports()).toHaveLength(1));
    expect(choosePath).toHaveBeenCalledWith({ kind: 'save', defaultPath: '/home/ana/moments/data-safety.csv', purpose: 'export' });
    expect(exports()[0].arg).toEqual({
      kind: 'play-data-safety',
      path: '/home/ana/release/data-safety.csv',
      allowErrors: true,
      overwrite: true,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('"Fix it first" closes the list and exports nothing', async () => {
    loadWithErrors(['contactEmail']);
    renderScreen(<ExportMenu label="Record of processing" section="ropa" />);
    fireEvent.click(screen.getByRole('button', { name: 'Record of processing' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'CSV…' }));
    const dialog = await screen.findByRole('dialog', { name: '1 problem the review calls an error' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Fix it first' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await act(async () => {});
    expect(choosePath).not.toHaveBeenCalled();
    expect(exports()).toEqual([]);
  });

  it('opens the field of an error, closing the list, and exports nothing', async () => {
    const { workspace, errors } = loadWithErrors(['contactEmail']);
    setHash('#/review');
    renderScreen(<ExportButton kind="apple-privacy-manifest" />);
    fireEvent.click(screen.getByRole('button', { name: 'Privacy manifest (PrivacyInfo.xcprivacy)…' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('link'));
    expect(window.location.hash).toBe(routeHash(routeForPath(workspace, errors[0].path)));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(choosePath).not.toHaveBeenCalled();
    expect(exports()).toEqual([]);
  });

  it('does not hold back the interchange files: the inventory CSV exports straight away', async () => {
    loadWithErrors();
    choosePath.mockResolvedValue('/home/ana/inventory.csv');
    renderScreen(<ExportButton kind="inventory-csv" />);
    fireEvent.click(screen.getByRole('button', { name: 'Inventory as CSV…' }));
    await waitFor(() => expect(exports()).toHaveLength(1));
    expect(exports()[0].arg).toEqual({ kind: 'inventory-csv', path: '/home/ana/inventory.csv', overwrite: true });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('in the web mode, "Export anyway" then offers the path, and exports there with allowErrors', async () => {
    loadWithErrors();
    const restore = bridge.webMode();
    try {
      renderScreen(<ExportButton kind="ropa-xlsx" />);
      fireEvent.click(screen.getByRole('button', { name: 'Excel workbook (.xlsx)…' }));
      fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Export anyway' }));
      fireEvent.click(await screen.findByRole('button', { name: 'Save to a folder on this computer instead' }));
      const input = (await screen.findByLabelText('Save as')) as HTMLInputElement;
      fireEvent.submit(input.closest('form')!);
      await waitFor(() => expect(exports()).toHaveLength(1));
      expect(exports()[0].arg).toEqual({ kind: 'ropa-xlsx', path: '/home/ana/moments/ropa.xlsx', allowErrors: true });
    } finally {
      restore();
    }
  });
});

describe('in the web mode', () => {
  let restoreWeb: () => void;
  let capture: ReturnType<typeof captureDownloads>;
  beforeEach(() => {
    restoreWeb = bridge.webMode();
    capture = captureDownloads();
  });
  afterEach(() => {
    capture.restore();
    restoreWeb();
  });

  const downloads = () => calls.filter((c) => c.name === 'export-download');
  const written = () => calls.filter((c) => c.name === 'export-file');

  it('downloads through the browser: the file the backend hands back, as a Blob of its media type under its name', async () => {
    load();
    renderScreen(<ExportButton kind="play-data-safety" />);
    fireEvent.click(screen.getByRole('button', { name: 'Data safety form (CSV)…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export the Google Play Data safety CSV' });
    expect(within(dialog).getByTestId('download-file-name').textContent).toBe('data-safety.csv');
    // The path field is the other choice, not shown until asked for.
    expect(within(dialog).queryByLabelText('Save as')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(capture.downloads).toHaveLength(1));
    expect(downloads().map((c) => c.arg)).toEqual([{ kind: 'play-data-safety' }]);
    expect(written()).toEqual([]);
    const [download] = capture.downloads;
    expect(download.fileName).toBe('data-safety.csv');
    expect(download.blob.type).toBe('text/csv; charset=utf-8');
    expect(await blobText(download.blob)).toBe(fileOf('play-data-safety').text);
    expect(await screen.findByText('Downloaded data-safety.csv')).toBeTruthy();
    expect(screen.getByText('Exported the Google Play Data safety CSV.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('downloads the kind chosen in a menu', async () => {
    load();
    renderScreen(<ExportMenu label="Record of processing" section="ropa" />);
    fireEvent.click(screen.getByRole('button', { name: 'Record of processing' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Word table (.docx)…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Download' }));
    await waitFor(() => expect(capture.downloads).toHaveLength(1));
    expect(downloads().map((c) => c.arg)).toEqual([{ kind: 'ropa-docx' }]);
    expect(capture.downloads[0].fileName).toBe('ropa.docx');
    expect(capture.downloads[0].blob.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('runs the review first: "Export anyway" then downloads with allowErrors', async () => {
    const workspace = exampleWorkspace();
    workspace.organization.requests = { ...workspace.organization.requests, email: workspace.organization.contactEmail };
    delete workspace.organization.contactEmail;
    loadWorkspace(workspace);
    useEditor.setState({ session: { status: 'open', path: '/home/ana/moments/moments.candor.json', revision: 'r', workspace } });
    renderScreen(<ExportButton kind="apple-privacy-manifest" />);
    fireEvent.click(screen.getByRole('button', { name: 'Privacy manifest (PrivacyInfo.xcprivacy)…' }));
    const review = await screen.findByRole('dialog', { name: '1 problem the review calls an error' });
    expect(screen.queryByRole('button', { name: 'Download' })).toBeNull();
    fireEvent.click(within(review).getByRole('button', { name: 'Export anyway' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Download' }));
    await waitFor(() => expect(capture.downloads).toHaveLength(1));
    expect(downloads().map((c) => c.arg)).toEqual([{ kind: 'apple-privacy-manifest', allowErrors: true }]);
    expect(capture.downloads[0].blob.type).toBe('application/x-plist');
  });

  it('keeps the dialog open with the reason when the backend refuses, and downloads nothing', async () => {
    load();
    downloadReply = () => ({
      ok: false,
      error: { code: 'no-workspace', message: 'Nothing was exported: no workspace is open. Open a workspace first.' },
    });
    renderScreen(<ExportButton kind="inventory-csv" />);
    fireEvent.click(screen.getByRole('button', { name: 'Inventory as CSV…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Download' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export the inventory CSV' });
    expect(await within(dialog).findByText('Nothing was exported: no workspace is open. Open a workspace first.')).toBeTruthy();
    expect(within(dialog).getByText('Not exported')).toBeTruthy();
    expect(capture.downloads).toEqual([]);
  });

  it('refuses before the dialog while the latest edits cannot be saved', async () => {
    load();
    saveReply = () => ({ ok: false, error: { code: 'io', message: 'The disk is full.' } });
    act(() =>
      useEditor.getState().apply('Rename', (draft) => {
        draft.organization.name = 'Little Moments Group';
      }),
    );
    renderScreen(<ExportButton kind="ropa-csv" label="Record of processing (CSV)" />);
    fireEvent.click(screen.getByRole('button', { name: 'Record of processing (CSV)…' }));
    expect(
      await screen.findByText(
        'Nothing was exported: your latest changes could not be saved (The disk is full). Fix that, then export again.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Download' })).toBeNull();
    expect(downloads()).toEqual([]);
    expect(capture.downloads).toEqual([]);
  });

  it('still saves to a path on this computer when asked to, through export-file, and can go back to the download', async () => {
    load();
    renderScreen(<ExportButton kind="ropa-xlsx" />);
    fireEvent.click(screen.getByRole('button', { name: 'Excel workbook (.xlsx)…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save to a folder on this computer instead' }));
    const input = (await screen.findByLabelText('Save as')) as HTMLInputElement;
    expect(input.value).toBe('/home/ana/moments/ropa.xlsx');
    expect(document.activeElement).toBe(input);
    fireEvent.click(screen.getByRole('button', { name: 'Download instead' }));
    expect(screen.queryByLabelText('Save as')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save to a folder on this computer instead' }));
    fireEvent.change(screen.getByLabelText('Save as'), { target: { value: '/home/ana/records/ropa.xlsx' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(written()).toHaveLength(1));
    expect(written()[0].arg).toEqual({ kind: 'ropa-xlsx', path: '/home/ana/records/ropa.xlsx' });
    expect(await screen.findByText('/home/ana/records/ropa.xlsx')).toBeTruthy();
    expect(downloads()).toEqual([]);
    expect(capture.downloads).toEqual([]);
  });
});
