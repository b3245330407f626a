// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { BackupEntry, HandlerName } from '../../../../core/api';
import { useEditor } from '../../state/store';
import { useUi } from '../../state/ui';
import { openSession, renderUi, resetStores, sampleWorkspace, stubBrowser } from '../Dialogs/testing';
import { BackupsModal, dayHeading, groupByDay } from './BackupsModal';

const bridge = vi.hoisted(() => ({ invoke: vi.fn(), on: () => () => undefined, flushed: () => undefined }));
vi.mock('../../transport', () => ({ getBridge: () => bridge, nativeDialogs: () => undefined }));

const HOUR = 3_600_000;
const older: BackupEntry = {
  id: '20260101T090000000Z-aaaaaaaaaaaa',
  savedAt: new Date(Date.now() - 50 * HOUR).toISOString(),
  bytes: 20_480,
  organizationName: 'Acme Old',
  dataTypes: 3,
};
const newer: BackupEntry = {
  id: '20260103T090000000Z-bbbbbbbbbbbb',
  savedAt: new Date(Date.now() - 2 * HOUR).toISOString(),
  bytes: 812,
  organizationName: 'Acme',
  dataTypes: 1,
};

function calls(name: HandlerName) {
  return bridge.invoke.mock.calls.filter(([n]) => n === name).map(([, arg]) => arg);
}

beforeAll(stubBrowser);
beforeEach(() => {
  resetStores();
  bridge.invoke.mockReset();
});
afterEach(() => resetStores(null));

describe('BackupsModal', () => {
  it('lists backups newest first with when, organization, data types and size', async () => {
    bridge.invoke.mockResolvedValue({ ok: true, value: [older, newer] });
    renderUi(<BackupsModal opened onClose={() => undefined} />);
    const lists = await screen.findAllByRole('list', { name: /^Saved versions, / });
    const rows = lists.flatMap((list) => within(list).getAllByRole('listitem'));
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('2 hours ago');
    expect(rows[0].textContent).toContain('Acme · 1 data type · 812 bytes');
    expect(rows[0].textContent).toContain('Latest');
    expect(rows[1].textContent).toContain('2 days ago');
    expect(rows[1].textContent).toContain('Acme Old · 3 data types · 20 KB');
  });

  it('groups versions by day and says what the save after each one changed', async () => {
    const now = Date.now();
    const today = {
      ...newer,
      id: '20260103T100000000Z-cccccccccccc',
      savedAt: new Date(now - 60_000).toISOString(),
      changes: 'Data type added: Location.',
    };
    const unnamed = { ...newer, changes: '' };
    bridge.invoke.mockResolvedValue({ ok: true, value: [older, unnamed, today] });
    renderUi(<BackupsModal opened onClose={() => undefined} />);
    const lists = await screen.findAllByRole('list', { name: /^Saved versions, / });
    const headings = lists.map((list) => list.getAttribute('aria-label'));
    expect(headings[0]).toBe(`Saved versions, ${dayHeading(today.savedAt, now)}`);
    expect(headings).toHaveLength(new Set([today, unnamed, older].map((e) => dayHeading(e.savedAt, now))).size);
    const lines = screen.getAllByTestId('backup-row-changes').map((el) => el.textContent);
    expect(lines).toEqual([
      'Next save: Data type added: Location.',
      'Next save: nothing Candor can name changed (such as the formatting).',
    ]);
  });

  it('names days in plain words', () => {
    const now = new Date(2026, 11, 5, 12).getTime();
    expect(dayHeading(new Date(2026, 11, 5, 0, 1).toISOString(), now)).toBe('Today');
    expect(dayHeading(new Date(2026, 11, 4, 23, 59).toISOString(), now)).toBe('Yesterday');
    expect(dayHeading(new Date(2026, 11, 1, 9).toISOString(), now)).toMatch(/1/);
    expect(
      groupByDay(
        [
          { ...newer, savedAt: new Date(2026, 11, 5, 11).toISOString() },
          { ...older, savedAt: new Date(2026, 11, 5, 1).toISOString() },
          { ...older, savedAt: new Date(2026, 11, 3, 1).toISOString() },
        ],
        now,
      ).map((g) => [g.heading === 'Today', g.entries.length]),
    ).toEqual([
      [true, 2],
      [false, 1],
    ]);
  });

  it('restores only after confirming, then shows the restored workspace', async () => {
    const restored = openSession('/home/sam/privacy/acme.candor.json', sampleWorkspace('Acme Old'));
    bridge.invoke.mockImplementation(async (name: HandlerName) => {
      if (name === 'backup-list') return { ok: true, value: [newer, older] };
      if (name === 'backup-restore') return { ok: true, value: restored };
      return { ok: false, error: { code: 'io', message: `unexpected ${name}` } };
    });
    useUi.getState().setDialog('backups');
    const onClose = vi.fn(() => useUi.getState().setDialog(null));
    renderUi(<BackupsModal opened onClose={onClose} />);

    const rows = (await screen.findAllByRole('list', { name: /^Saved versions, / })).flatMap((list) =>
      within(list).getAllByRole('listitem'),
    );
    fireEvent.click(within(rows[1]).getByRole('button', { name: 'Restore' }));
    expect(
      screen.getByText('The current file is backed up first, so you can undo this by restoring again.', { exact: false }),
    ).toBeTruthy();
    expect(calls('backup-restore')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Restore this version' }));
    await waitFor(() => expect(useEditor.getState().workspace?.organization.name).toBe('Acme Old'));
    expect(calls('backup-restore')).toEqual([{ id: older.id }]);
    expect(useUi.getState().dialog).toBeNull();
    expect(await screen.findByText('Version restored')).toBeTruthy();
  });

  it('keeps a refused restore on screen with its reason', async () => {
    bridge.invoke.mockImplementation(async (name: HandlerName) => {
      if (name === 'backup-list') return { ok: true, value: [newer] };
      return {
        ok: false,
        error: { code: 'locked', message: 'The backup was not restored: acme.candor.json is open in another Candor window.' },
      };
    });
    renderUi(<BackupsModal opened onClose={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Restore' }));
    fireEvent.click(screen.getByRole('button', { name: 'Restore this version' }));
    expect(await screen.findByText(/open in another Candor window/)).toBeTruthy();
    expect(screen.getByText("Candor couldn't restore this version")).toBeTruthy();
  });

  it('says what a version differs in, by name and id', async () => {
    const backup = sampleWorkspace();
    backup.dataTypes.push({ id: 'phone', name: 'Phone number', category: 'user.contact.phone_number', purposes: ['provide'] });
    bridge.invoke.mockImplementation(async (name: HandlerName) => {
      if (name === 'backup-list') return { ok: true, value: [newer] };
      if (name === 'backup-read') return { ok: true, value: backup };
      return { ok: false, error: { code: 'io', message: `unexpected ${name}` } };
    });
    renderUi(<BackupsModal opened onClose={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Preview' }));
    const changes = await screen.findByTestId('backup-changes');
    expect(changes.textContent).toContain('1 data type removed: Phone number (phone).');
    expect(calls('backup-read')).toEqual([{ id: newer.id }]);
  });

  it('explains the empty list', async () => {
    bridge.invoke.mockResolvedValue({ ok: true, value: [] });
    renderUi(<BackupsModal opened onClose={() => undefined} />);
    expect(
      await screen.findByText('Candor keeps earlier versions of this file here. Make a change and the version it replaces will appear.'),
    ).toBeTruthy();
  });
});
