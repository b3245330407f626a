import { describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../../core/api';
import type { Workspace } from '../../../core/schema';

const show = vi.hoisted(() => vi.fn());
vi.mock('@mantine/notifications', () => ({ notifications: { show } }));

const { announceRecovery, RECOVERY_TITLE, recoveryMessage } = await import('./recovery');

function open(path: string, leftoverLock?: { since?: string }): SessionState {
  return { status: 'open', path, workspace: {} as Workspace, revision: 'r', ...(leftoverLock ? { leftoverLock } : {}) };
}

describe('announceRecovery', () => {
  it('says once per file that the last session ended unexpectedly, and what that means for the file', () => {
    announceRecovery(open('/w/a.candor.json'));
    expect(show).not.toHaveBeenCalled();
    announceRecovery(open('/w/a.candor.json', { since: '2026-12-05T09:00:00.000Z' }));
    announceRecovery(open('/w/a.candor.json', { since: '2026-12-05T09:00:00.000Z' }));
    expect(show).toHaveBeenCalledTimes(1);
    expect(show.mock.calls[0][0]).toMatchObject({ title: RECOVERY_TITLE, autoClose: false });
    expect(show.mock.calls[0][0].message).toMatch(/The file is whole and holds everything that session saved/);
    announceRecovery(open('/w/b.candor.json', {}));
    expect(show).toHaveBeenCalledTimes(2);
  });

  it('names when the earlier session began only when it is known', () => {
    expect(recoveryMessage()).not.toMatch(/opened/);
    expect(recoveryMessage('not a date')).not.toMatch(/opened/);
    expect(recoveryMessage('2026-12-05T09:00:00.000Z')).toMatch(/\(opened .*2026.*\)/);
  });
});
