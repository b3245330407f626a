import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../core/schema';
import type { SaveStatus } from './store';
import { flushReport, hasUnsavedWork } from './unsaved';

const onDisk = { organization: { name: 'On disk' } } as Workspace;
const edited = { organization: { name: 'Edited' } } as Workspace;
// The editor's state after edits: the workspace differs from the one saved, whatever the status says.
const state = (saveStatus: SaveStatus, saveError?: { code: 'read-only' | 'changed-on-disk'; message: string }) => ({
  saveStatus,
  workspace: saveStatus === 'saved' ? onDisk : edited,
  savedWorkspace: onDisk,
  ...(saveError ? { saveError } : {}),
});

describe('hasUnsavedWork and flushReport', () => {
  it('counts everything not on disk as unsaved, and says why when it knows', () => {
    expect(hasUnsavedWork(state('saved'))).toBe(false);
    expect(flushReport(state('saved'))).toEqual({ saved: true });
    for (const saveStatus of ['pending', 'saving', 'error', 'conflict'] as const) {
      expect(hasUnsavedWork(state(saveStatus))).toBe(true);
      expect(flushReport(state(saveStatus))).toEqual({ saved: false });
    }
    const error = { code: 'changed-on-disk' as const, message: 'The file changed on disk since Candor opened it.' };
    expect(flushReport(state('conflict', error))).toEqual({ saved: false, problem: error.message });
    expect(flushReport(state('invalid')).problem).toMatch(/beside its field/);
  });

  it('treats a file opened read-only as saved, but not edits refused because the file turned read-only', () => {
    expect(hasUnsavedWork({ saveStatus: 'read-only', workspace: onDisk, savedWorkspace: onDisk })).toBe(false);
    expect(hasUnsavedWork(state('read-only', { code: 'read-only', message: 'Locked by another Candor.' }))).toBe(true);
  });
});
