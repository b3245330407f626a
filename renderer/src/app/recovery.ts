// After a crash: the session took over the lock the last Candor left behind. Say so once, plainly,
// and what it means for the file (it is whole; at most the last moment of typing can be missing).
import { notifications } from '@mantine/notifications';
import type { SessionState } from '../../../core/api';

const announced = new Set<string>();

export const RECOVERY_TITLE = 'The last session ended unexpectedly';

export function recoveryMessage(since?: string): string {
  const when = since && !Number.isNaN(Date.parse(since)) ? ` (opened ${new Date(since).toLocaleString()})` : '';
  return (
    `Candor was not closed normally the last time it had this file open${when}. The file is whole and holds ` +
    'everything that session saved: every save is complete or not made at all, and each edit is saved within ' +
    'a second, so at most the last moment of typing can be missing. Earlier versions are kept under Backups.'
  );
}

/** Shows the notice for a state whose lock was left behind, once per file and lock. */
export function announceRecovery(state: SessionState): void {
  if (state.status !== 'open' || !state.leftoverLock) return;
  const key = `${state.path}\n${state.leftoverLock.since ?? ''}`;
  if (announced.has(key)) return;
  announced.add(key);
  notifications.show({
    id: 'crash-recovery',
    color: 'blue',
    title: RECOVERY_TITLE,
    message: recoveryMessage(state.leftoverLock.since),
    autoClose: false,
  });
}
