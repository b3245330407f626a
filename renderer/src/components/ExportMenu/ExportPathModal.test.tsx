// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderUi, stubBrowser } from '../Dialogs/testing';
import { ExportPathModal } from './ExportPathModal';

beforeAll(stubBrowser);
afterEach(cleanup);

describe('ExportPathModal', () => {
  it('asks before replacing an existing file, and replaces it only when told to', async () => {
    const onExport = vi.fn(async (_path: string, overwrite: boolean) =>
      overwrite ? undefined : { exists: '/home/ana/ropa.csv already exists. Replace it, or choose another name.' },
    );
    const onClose = vi.fn();
    renderUi(<ExportPathModal opened suggestion="/home/ana/ropa.csv" onClose={onClose} onExport={onExport} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const warning = await screen.findByTestId('export-exists');
    expect(warning.textContent).toContain('already exists');
    expect(onExport).toHaveBeenCalledTimes(1);
    expect(onExport).toHaveBeenLastCalledWith('/home/ana/ropa.csv', false);
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Replace it' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onExport).toHaveBeenLastCalledWith('/home/ana/ropa.csv', true);
  });

  it('forgets the question once the path changes', async () => {
    const onExport = vi.fn(async () => ({ exists: 'It exists.' }));
    renderUi(<ExportPathModal opened suggestion="/tmp/a.csv" onClose={() => undefined} onExport={onExport} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await screen.findByTestId('export-exists');
    fireEvent.change(screen.getByRole('textbox', { name: /Save as/ }), { target: { value: '/tmp/b.csv' } });
    expect(screen.queryByTestId('export-exists')).toBeNull();
  });
});
