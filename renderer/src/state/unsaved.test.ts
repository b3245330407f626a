import { describe, expect, it } from 'vitest';
import { flushReport, hasUnsavedWork } from './unsaved';

describe('hasUnsavedWork and flushReport', () => {
  it('counts everything not on disk as unsaved, and says why when it knows', () => {
    expect(hasUnsavedWork({ saveStatus: 'saved' })).toBe(false);
    expect(flushReport({ saveStatus: 'saved' })).toEqual({ saved: true });
    for (const saveStatus of ['pending', 'saving', 'error', 'conflict'] as const) {
      expect(hasUnsavedWork({ saveStatus })).toBe(true);
      expect(flushReport({ saveStatus })).toEqual({ saved: false });
    }
    const error = { code: 'changed-on-disk' as const, message: 'The file changed on disk since Candor opened it.' };
    expect(flushReport({ saveStatus: 'conflict', saveError: error })).toEqual({ saved: false, problem: error.message });
    expect(flushReport({ saveStatus: 'invalid' }).problem).toMatch(/beside its field/);
  });

  it('treats a file opened read-only as saved, but not edits refused because the file turned read-only', () => {
    expect(hasUnsavedWork({ saveStatus: 'read-only' })).toBe(false);
    expect(hasUnsavedWork({ saveStatus: 'read-only', saveError: { code: 'read-only', message: 'Locked by another Candor.' } })).toBe(true);
  });
});
