import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../core/api';
import { createEmptyWorkspace } from '../../core/new-workspace';
import { representedFilename, windowTitle } from './window-title';

const open = (extra: Partial<Extract<SessionState, { status: 'open' }>> = {}): SessionState => ({
  status: 'open',
  path: '/home/me/privacy/ridgeline.candor.json',
  workspace: createEmptyWorkspace('Ridgeline'),
  revision: 'abc',
  ...extra,
});

describe('windowTitle', () => {
  it('names the workspace, the file and the app', () => {
    expect(windowTitle(open())).toBe('Ridgeline — ridgeline.candor.json — Candor');
  });

  it('says when the workspace is read-only', () => {
    expect(windowTitle(open({ readOnly: { kind: 'locked', message: 'open elsewhere' } }))).toBe(
      'Ridgeline — ridgeline.candor.json — Candor (read-only)',
    );
  });

  it('names the file that failed to open', () => {
    const state: SessionState = {
      status: 'error',
      path: '/tmp/broken.candor.json',
      error: { code: 'unreadable', message: 'not JSON' },
    };
    expect(windowTitle(state)).toBe('broken.candor.json — Candor');
  });

  it('is just the app name with nothing open', () => {
    expect(windowTitle({ status: 'none' })).toBe('Candor');
  });

  it('leaves out an empty organization name (a newer-version file may lack one)', () => {
    const workspace = { ...createEmptyWorkspace('x'), organization: { name: '  ', jurisdictions: ['gdpr' as const] } };
    expect(windowTitle(open({ workspace }))).toBe('ridgeline.candor.json — Candor');
  });
});

describe('representedFilename', () => {
  it('is the file path, or empty with nothing open', () => {
    expect(representedFilename(open())).toBe('/home/me/privacy/ridgeline.candor.json');
    expect(representedFilename({ status: 'none' })).toBe('');
  });
});
