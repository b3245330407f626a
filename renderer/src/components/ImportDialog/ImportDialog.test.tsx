// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import type { ImportPreview } from '../../../../core/api';
import { parseFideslang } from '../../../../core/interchange/fideslang';
import { inventoryCsv, parseInventoryCsv } from '../../../../core/interchange/inventory-csv';
import type { Workspace } from '../../../../core/schema';
import { useEditor } from '../../state/store';
import { recordingBridge } from '../../testing/recording-bridge';
import { current, exampleWorkspace, installDomStubs, loadWorkspace, renderScreen } from '../../testing/test-utils';
import { ImportButton } from './ImportDialog';

const SYSTEM_YML = resolve(process.cwd(), 'core/interchange/fixtures/system.yml');

/** What the fake backend's import-preview reads for a path: the file's text, or an error. */
let files: Record<string, string> = {};

// The backend's preview, made the way it makes it: the core parsers against the saved workspace.
function previewOf(path: string): ImportPreview {
  const workspace = useEditor.getState().savedWorkspace!;
  const text = files[path];
  return path.endsWith('.csv')
    ? { format: 'inventory-csv', path, preview: parseInventoryCsv(text, workspace) }
    : { format: 'fideslang', path, preview: parseFideslang(text, workspace) };
}

const bridge = recordingBridge({
  'import-preview': ({ path }: { path: string }) => {
    if (!/\.(csv|ya?ml)$/.test(path)) {
      return {
        ok: false,
        error: {
          code: 'invalid-argument',
          message: `${path} cannot be imported: Candor imports an inventory CSV (.csv) or a fideslang system or dataset (.yml or .yaml).`,
        },
      };
    }
    return { ok: true, value: previewOf(path) };
  },
});
const { calls, choosePath } = bridge;

function load(): Workspace {
  const workspace = loadWorkspace(exampleWorkspace());
  useEditor.setState({ session: { status: 'open', path: '/home/ana/moments/moments.candor.json', revision: 'r', workspace } });
  return workspace;
}

/**
 * The sample's inventory CSV with the first row renamed, a new row for a new data type, and a row
 * whose purpose does not exist.
 */
function editedCsv(workspace: Workspace): { text: string; badLine: number } {
  const rows = Papa.parse<string[]>(inventoryCsv(workspace).trimEnd(), { newline: '\r\n' }).data;
  const header = rows[0];
  const col = (name: string) => header.indexOf(name);
  rows[1][col('name')] = 'Email address (sign-in)';
  const added = [...rows[2]];
  added[col('id')] = 'shoe-size';
  added[col('name')] = 'Shoe size';
  const broken = [...rows[3]];
  broken[col('id')] = 'broken-row';
  broken[col('name')] = 'Broken row';
  broken[col('purposes')] = 'no-such-purpose';
  rows.push(added, broken);
  return { text: Papa.unparse(rows, { newline: '\r\n' }), badLine: rows.length };
}

beforeAll(() => {
  installDomStubs();
  bridge.install();
});

beforeEach(() => {
  bridge.reset();
  files = {};
});

afterEach(() => {
  cleanup();
  act(() => notifications.clean());
});

async function openPreview(path: string) {
  choosePath.mockResolvedValue(path);
  renderScreen(<ImportButton />);
  fireEvent.click(screen.getByRole('button', { name: 'Import…' }));
  return screen.findByRole('dialog', { name: `Import ${path.split('/').pop()}` });
}

describe('Import: inventory CSV', () => {
  it('previews every row with its action and its problems (line and column) before anything changes', async () => {
    const ws = load();
    const { text, badLine } = editedCsv(ws);
    files['/home/ana/inventory.csv'] = text;
    const dialog = await openPreview('/home/ana/inventory.csv');
    expect(choosePath).toHaveBeenCalledWith({ kind: 'open', defaultPath: '/home/ana/moments/', purpose: 'import' });
    expect(current()).toBe(ws);

    // Rows with problems are listed first when there are any.
    const problemRows = within(dialog).getAllByTestId('import-row');
    expect(problemRows).toHaveLength(1);
    expect(problemRows[0].dataset.action).toBe('skipped');
    expect(problemRows[0].textContent).toContain('broken-row');
    expect(problemRows[0].textContent).toContain(`line ${badLine}, column purposes: `);
    expect(problemRows[0].textContent).toContain('no-such-purpose');

    fireEvent.click(within(dialog).getByRole('radio', { name: /^All rows/ }));
    const rows = within(dialog).getAllByTestId('import-row');
    expect(rows).toHaveLength(ws.dataTypes.length + 2);
    const actionOf = (text: string) => rows.find((r) => r.textContent?.includes(text))?.dataset.action;
    expect(actionOf('Email address (sign-in)')).toBe('update');
    expect(actionOf('Shoe size')).toBe('create');
    expect(actionOf(ws.dataTypes[1].name)).toBe('unchanged');
    expect(within(dialog).getByTestId('import-summary').textContent).toMatch(/1 data type will be added, 1 data type will be updated/);
  });

  it('applies only the rows without problems, as one undoable edit, and says what changed', async () => {
    const ws = load();
    files['/home/ana/inventory.csv'] = editedCsv(ws).text;
    const dialog = await openPreview('/home/ana/inventory.csv');
    const historyBefore = useEditor.getState().past.length;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import 2 data types' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const after = current();
    expect(after.dataTypes).toHaveLength(ws.dataTypes.length + 1);
    expect(after.dataTypes[0].name).toBe('Email address (sign-in)');
    expect(after.dataTypes.find((d) => d.id === 'shoe-size')?.name).toBe('Shoe size');
    expect(after.dataTypes.some((d) => d.id === 'broken-row')).toBe(false);
    expect(useEditor.getState().past).toHaveLength(historyBefore + 1);
    expect(useEditor.getState().past.at(-1)?.label).toBe('Import inventory.csv');
    expect(
      await screen.findByText('1 data type added, 1 data type updated. 1 row with problems was skipped. Undo takes it all back.'),
    ).toBeTruthy();

    act(() => useEditor.getState().undo());
    expect(current()).toBe(ws);
  });

  it('asks for the path in the web mode and shows why a file cannot be imported', async () => {
    const ws = load();
    files['/home/ana/inventory.csv'] = editedCsv(ws).text;
    const restore = bridge.webMode();
    try {
      renderScreen(<ImportButton />);
      fireEvent.click(screen.getByRole('button', { name: 'Import…' }));
      const input = (await screen.findByLabelText('File to import')) as HTMLInputElement;
      expect(input.value).toBe('/home/ana/moments/');
      fireEvent.change(input, { target: { value: '/home/ana/inventory.xlsx' } });
      fireEvent.click(within(input.closest('form')!).getByRole('button', { name: 'Preview' }));
      expect(await screen.findByText(/^\/home\/ana\/inventory\.xlsx cannot be imported: Candor imports an inventory CSV/)).toBeTruthy();
      fireEvent.change(input, { target: { value: '/home/ana/inventory.csv' } });
      fireEvent.submit(input.closest('form')!);
      expect(await screen.findByRole('dialog', { name: 'Import inventory.csv' })).toBeTruthy();
      expect(current()).toBe(ws);
    } finally {
      restore();
    }
  });

  it('saves pending edits first, and refuses while the workspace cannot be saved', async () => {
    const ws = load();
    files['/home/ana/inventory.csv'] = inventoryCsv(ws);
    act(() =>
      useEditor.getState().apply('Break a reference', (draft) => {
        draft.dataTypes[0].purposes = ['no-such-purpose'];
      }),
    );
    renderScreen(<ImportButton />);
    fireEvent.click(screen.getByRole('button', { name: 'Import…' }));
    expect(await screen.findByText(/^Nothing was imported: 1 problem stops your latest changes from being saved/)).toBeTruthy();
    expect(choosePath).not.toHaveBeenCalled();
    expect(calls.some((c) => c.name === 'import-preview')).toBe(false);
  });
});

describe('Import: fideslang', () => {
  it('lists the suggested data types with their problems and adds the chosen ones as one edit', async () => {
    const ws = load();
    files['/home/ana/system.yml'] = readFileSync(SYSTEM_YML, 'utf8');
    const expected = parseFideslang(files['/home/ana/system.yml'], ws);
    expect(expected.suggestions.length).toBeGreaterThan(1);
    const dialog = await openPreview('/home/ana/system.yml');

    const rows = within(dialog).getAllByTestId('import-row');
    expect(rows).toHaveLength(expected.suggestions.length);
    const boxes = within(dialog).getAllByRole('checkbox') as HTMLInputElement[];
    expected.suggestions.forEach((suggestion, i) => {
      expect(rows[i].textContent).toContain(suggestion.dataType.name);
      const blocked = suggestion.problems.some((p) => p.severity === 'error');
      expect(boxes[i].disabled, suggestion.dataType.name).toBe(blocked);
      expect(boxes[i].checked, suggestion.dataType.name).toBe(!blocked && suggestion.existing.length === 0);
      for (const problem of suggestion.problems) expect(rows[i].textContent).toContain(problem.message);
    });
    // A category the taxonomy does not know is left out, and the rest can still be imported.
    const skipped = within(dialog).getByRole('alert');
    expect(skipped.textContent).toContain('Parts of this file are left out');
    expect(skipped.textContent).toContain('"user.favourite_colour" is not a data category');

    const chosen = expected.suggestions.filter((s) => s.problems.every((p) => p.severity !== 'error') && s.existing.length === 0);
    expect(chosen.length).toBeGreaterThan(0);
    const historyBefore = useEditor.getState().past.length;
    fireEvent.click(within(dialog).getByRole('button', { name: `Import ${chosen.length} data type${chosen.length === 1 ? '' : 's'}` }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const after = current();
    expect(after.dataTypes.slice(ws.dataTypes.length).map((d) => d.name)).toEqual(chosen.map((s) => s.dataType.name));
    expect(useEditor.getState().past).toHaveLength(historyBefore + 1);
  });
});
