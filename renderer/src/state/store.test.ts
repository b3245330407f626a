import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Workspace } from '../../../core/schema';
import { minimalWorkspace } from '../../../core/testing/fixtures';

const invoke = vi.fn();
vi.mock('../transport', () => ({ getBridge: () => ({ invoke, on: () => () => {}, flushed: () => {} }) }));

const { useEditor } = await import('./store');

function open(workspace: Workspace = minimalWorkspace()) {
  useEditor.getState().load({ status: 'open', path: '/tmp/w.candor.json', workspace, revision: 'rev-0' });
}

describe('editor store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    invoke.mockReset();
    invoke.mockImplementation(async (name: string) =>
      name === 'workspace-save'
        ? { ok: true, value: { revision: `rev-${invoke.mock.calls.length}` } }
        : { ok: false, error: { code: 'io', message: 'x' } },
    );
    open();
  });

  it('applies an edit, validates it and saves it after a pause with the revision it was based on', async () => {
    useEditor.getState().apply('Rename', (d) => {
      d.dataTypes[0].name = 'Work email';
    });
    expect(useEditor.getState().workspace?.dataTypes[0].name).toBe('Work email');
    expect(useEditor.getState().saveStatus).toBe('pending');
    expect(invoke).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(600);
    const workspace = useEditor.getState().workspace!;
    expect(invoke).toHaveBeenCalledWith('workspace-save', {
      changes: { set: {}, unset: [], lists: { dataTypes: { order: ['email-address'], upserts: [workspace.dataTypes[0]] } } },
      baseRevision: 'rev-0',
    });
    expect(useEditor.getState().saveStatus).toBe('saved');
    expect(useEditor.getState().revision).toBe('rev-1');
  });

  it('undoes and redoes every edit, in order', () => {
    const { apply } = useEditor.getState();
    apply('First', (d) => void (d.organization.name = 'One'));
    apply('Second', (d) => void (d.organization.name = 'Two'));
    useEditor.getState().undo();
    expect(useEditor.getState().workspace?.organization.name).toBe('One');
    useEditor.getState().undo();
    expect(useEditor.getState().workspace?.organization.name).toBe('Acme Notes');
    useEditor.getState().undo();
    expect(useEditor.getState().workspace?.organization.name).toBe('Acme Notes');
    useEditor.getState().redo();
    useEditor.getState().redo();
    expect(useEditor.getState().workspace?.organization.name).toBe('Two');
    expect(useEditor.getState().future).toHaveLength(0);
  });

  it('keeps each label with its own step for the Undo/Redo tooltips', () => {
    const { apply } = useEditor.getState();
    apply('Rename organization', (d) => void (d.organization.name = 'One'));
    apply('Edit benefit', (d) => void (d.dataTypes[0].benefit = 'B'));
    expect(useEditor.getState().past.at(-1)?.label).toBe('Edit benefit');
    useEditor.getState().undo();
    expect(useEditor.getState().future[0].label).toBe('Edit benefit');
    expect(useEditor.getState().past.at(-1)?.label).toBe('Rename organization');
  });

  it('merges a burst of typing in one field into one undo step, but not two fields', () => {
    const { apply } = useEditor.getState();
    for (const text of ['Y', 'Yo', 'You']) apply('Edit benefit', (d) => void (d.dataTypes[0].benefit = text), { coalesceKey: 'b' });
    apply('Rename', (d) => void (d.dataTypes[0].name = 'E'), { coalesceKey: 'n' });
    expect(useEditor.getState().past).toHaveLength(2);
    useEditor.getState().undo();
    useEditor.getState().undo();
    expect(useEditor.getState().workspace?.dataTypes[0].benefit).toBe('You can sign in on any device.');
  });

  it('a new edit after undo drops the redo steps', () => {
    const { apply } = useEditor.getState();
    apply('A', (d) => void (d.organization.name = 'A'));
    useEditor.getState().undo();
    apply('B', (d) => void (d.organization.name = 'B'));
    expect(useEditor.getState().future).toHaveLength(0);
  });

  it('never writes a workspace with problems, and says how many there are', async () => {
    useEditor.getState().apply('Break', (d) => {
      d.dataTypes[0].purposes = ['missing'];
    });
    expect(useEditor.getState().problems).toEqual([
      { path: 'dataTypes[0].purposes[0]', message: expect.stringContaining('no purpose has the id "missing"') },
    ]);
    expect(useEditor.getState().problemsByPath.get('dataTypes[0].purposes[0]')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(invoke).not.toHaveBeenCalled();
    expect(useEditor.getState().saveStatus).toBe('invalid');
    useEditor.getState().apply('Fix', (d) => {
      d.dataTypes[0].purposes = ['analytics'];
    });
    await vi.advanceTimersByTimeAsync(600);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(useEditor.getState().saveStatus).toBe('saved');
  });

  it('saves an incomplete workspace, and shows what is missing beside its fields', async () => {
    useEditor.getState().apply('Add a data type', (d) => {
      d.dataTypes.push({ id: 'new-data-type', name: '', category: '', purposes: [] });
      d.organization.website = 'stillwater.app';
      d.organization.contactEmail = 'privacy@';
    });
    const state = useEditor.getState();
    expect(state.problems).toEqual([]);
    expect(state.incomplete.map((p) => p.path)).toEqual([
      'organization.contactEmail',
      'dataTypes[1].name',
      'dataTypes[1].category',
      'dataTypes[1].purposes',
    ]);
    expect(state.problemsByPath.get('dataTypes[1].purposes')).toEqual(['must list at least one entry']);
    expect(state.problemsByPath.get('organization.contactEmail')).toEqual(['must be an email address, such as privacy@example.com']);
    await vi.advanceTimersByTimeAsync(600);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(useEditor.getState().saveStatus).toBe('saved');
    // Filling it in clears it beside the field.
    useEditor.getState().apply('Choose a purpose', (d) => void (d.dataTypes[1].purposes = ['analytics']));
    expect(useEditor.getState().problemsByPath.has('dataTypes[1].purposes')).toBe(false);
  });

  it('keeps what was missing shown while the structure is broken', () => {
    useEditor.getState().apply('Empty name', (d) => void (d.dataTypes[0].name = ''));
    useEditor.getState().apply('Break', (d) => void (d.dataTypes[0].purposes = ['missing']));
    const state = useEditor.getState();
    expect(state.problems.map((p) => p.path)).toEqual(['dataTypes[0].purposes[0]']);
    expect(state.problemsByPath.get('dataTypes[0].name')).toEqual(['must not be empty']);
  });

  it('saves within a second of an edit even while typing never pauses', async () => {
    const { apply } = useEditor.getState();
    for (let i = 0; i < 10; i++) {
      apply('Edit benefit', (d) => void (d.dataTypes[0].benefit = `Typing ${i}`), { coalesceKey: 'b' });
      await vi.advanceTimersByTimeAsync(200);
      if (i === 4) expect(invoke).toHaveBeenCalled();
    }
    // Never more than a second between the first unsaved keystroke and its save.
    expect(invoke.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('stops saving when the file changed on disk, and keeps the edits', async () => {
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'changed-on-disk', message: 'w.candor.json changed on disk' } });
    useEditor.getState().apply('Edit', (d) => void (d.organization.name = 'Mine'));
    await vi.advanceTimersByTimeAsync(600);
    expect(useEditor.getState().saveStatus).toBe('conflict');
    expect(useEditor.getState().workspace?.organization.name).toBe('Mine');
  });

  it('sends the whole workspace when the backend no longer holds the base version', async () => {
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'stale-base', message: 'send it all' } });
    useEditor.getState().apply('Edit', (d) => void (d.organization.name = 'Whole'));
    await vi.advanceTimersByTimeAsync(600);
    expect(invoke).toHaveBeenCalledTimes(2);
    expect(invoke.mock.calls[1][1]).toEqual({ workspace: useEditor.getState().workspace, baseRevision: 'rev-0' });
    expect(useEditor.getState().saveStatus).toBe('saved');
  });

  it('writes nothing when undo returns to the saved version', async () => {
    useEditor.getState().apply('Edit', (d) => void (d.organization.name = 'Temp'));
    useEditor.getState().undo();
    await vi.advanceTimersByTimeAsync(600);
    expect(invoke).not.toHaveBeenCalled();
    expect(useEditor.getState().saveStatus).toBe('saved');
  });

  it('flushes a pending save at once when asked (quit, reload)', async () => {
    useEditor.getState().apply('Edit', (d) => void (d.organization.name = 'Now'));
    await useEditor.getState().flush();
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(useEditor.getState().saveStatus).toBe('saved');
  });

  it('edits nothing in a read-only workspace', () => {
    useEditor.getState().load({
      status: 'open',
      path: '/tmp/w.candor.json',
      workspace: minimalWorkspace(),
      revision: 'r',
      readOnly: { kind: 'locked', message: 'Another Candor has it open' },
    });
    useEditor.getState().apply('Edit', (d) => void (d.organization.name = 'No'));
    expect(useEditor.getState().workspace?.organization.name).toBe('Acme Notes');
    expect(useEditor.getState().saveStatus).toBe('read-only');
  });
});
