import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyRegister, type Incident, type IncidentRegister } from '../../../core/incidents/schema';

const invoke = vi.fn();
vi.mock('../transport', () => ({ getBridge: () => ({ invoke, on: () => () => {}, flushed: () => {} }) }));

const { useIncidents, incidentsUnsaved, resetIncidentsForTests } = await import('./incidents');
const { useEditor } = await import('./store');

const WORKSPACE = '/tmp/w.candor.json';

function incident(id = 'incident-2026-12-05'): Incident {
  return { id, title: 'Lost laptop', status: 'open', discoveredAt: '2026-12-05T09:30:00+01:00', summary: '', dataTypes: [], log: [] };
}

function answerGet(register: IncidentRegister, revision: string | null, extra: object = {}) {
  return { ok: true, value: { path: '/tmp/w.incidents.candor.json', exists: revision !== null, register, revision, ...extra } };
}

describe('incident register store', () => {
  let onDisk: { register: IncidentRegister; revision: string | null };

  beforeEach(async () => {
    vi.useFakeTimers();
    resetIncidentsForTests();
    onDisk = { register: emptyRegister('w.candor.json'), revision: null };
    invoke.mockReset();
    invoke.mockImplementation(async (name: string, arg: { baseRevision: string | null; register: IncidentRegister }) => {
      if (name === 'incidents-get') return answerGet(onDisk.register, onDisk.revision);
      if (name === 'incidents-save') {
        if (arg.baseRevision !== onDisk.revision)
          return { ok: false, error: { code: 'changed-on-disk', message: 'The file changed on disk.' } };
        onDisk = { register: arg.register, revision: `rev-${invoke.mock.calls.length}` };
        return { ok: true, value: { revision: onDisk.revision } };
      }
      return { ok: false, error: { code: 'unknown-handler', message: name } };
    });
    await useIncidents.getState().load(WORKSPACE);
  });

  it('reads the register of the open workspace, empty until the first save creates it', () => {
    const state = useIncidents.getState();
    expect(state.loading).toBe(false);
    expect(state.exists).toBe(false);
    expect(state.revision).toBeNull();
    expect(state.register?.incidents).toEqual([]);
    expect(state.path).toBe('/tmp/w.incidents.candor.json');
  });

  it('writes a new incident within a second, creating the file (base revision null), then edits against the new revision', async () => {
    useIncidents.getState().add(incident());
    expect(useIncidents.getState().status).toBe('pending');
    expect(incidentsUnsaved()).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(invoke).toHaveBeenCalledWith('incidents-save', expect.objectContaining({ baseRevision: null }));
    expect(useIncidents.getState().status).toBe('saved');
    expect(useIncidents.getState().exists).toBe(true);
    const first = useIncidents.getState().revision;
    expect(first).toMatch(/^rev-/);

    useIncidents.getState().edit('incident-2026-12-05', (i) => void (i.title = 'Stolen laptop'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(invoke).toHaveBeenLastCalledWith('incidents-save', expect.objectContaining({ baseRevision: first }));
    expect(onDisk.register.incidents[0].title).toBe('Stolen laptop');
    expect(incidentsUnsaved()).toBe(false);
  });

  it('saves within a second even while typing goes on without a pause', async () => {
    useIncidents.getState().add(incident());
    for (let t = 0; t < 10; t++) {
      useIncidents.getState().edit('incident-2026-12-05', (i) => void (i.summary += 'x'));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(invoke.mock.calls.some(([name]) => name === 'incidents-save')).toBe(true);
  });

  it('keeps edits but writes nothing while the register has a structural problem', async () => {
    useIncidents.getState().add(incident());
    useIncidents.getState().edit('incident-2026-12-05', (i) => void (i.discoveredAt = 'yesterday'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(invoke.mock.calls.filter(([name]) => name === 'incidents-save')).toHaveLength(0);
    expect(useIncidents.getState().status).toBe('invalid');
    expect(useIncidents.getState().problems.get('incidents[0].discoveredAt')).toMatch(/date and time/);
    expect(useIncidents.getState().register?.incidents[0].discoveredAt).toBe('yesterday');
  });

  it('stops at a file changed on disk, keeps the edits, and writes them only when the person keeps theirs', async () => {
    useIncidents.getState().add(incident());
    await vi.advanceTimersByTimeAsync(1000);
    // Someone else saves the register meanwhile.
    onDisk = {
      register: { ...onDisk.register, incidents: [...onDisk.register.incidents, incident('incident-2026-12-06')] },
      revision: 'theirs',
    };
    useIncidents.getState().edit('incident-2026-12-05', (i) => void (i.title = 'Mine'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(useIncidents.getState().status).toBe('conflict');
    expect(useIncidents.getState().register?.incidents[0].title).toBe('Mine');
    // Further edits are kept, not written over theirs.
    useIncidents.getState().edit('incident-2026-12-05', (i) => void (i.title = 'Mine, still'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(onDisk.revision).toBe('theirs');
    expect(incidentsUnsaved()).toBe(true);

    await useIncidents.getState().keepMine();
    expect(useIncidents.getState().status).toBe('saved');
    expect(onDisk.register.incidents.map((i) => i.title)).toEqual(['Mine, still']);
  });

  it('loads the version on disk when the person chooses theirs', async () => {
    useIncidents.getState().add(incident());
    await vi.advanceTimersByTimeAsync(1000);
    onDisk = { register: { ...onDisk.register, incidents: [{ ...incident(), title: 'Theirs' }] }, revision: 'theirs' };
    useIncidents.getState().edit('incident-2026-12-05', (i) => void (i.title = 'Mine'));
    await vi.advanceTimersByTimeAsync(1000);
    await useIncidents.getState().reload();
    expect(useIncidents.getState().status).toBe('saved');
    expect(useIncidents.getState().register?.incidents[0].title).toBe('Theirs');
  });

  it('edits nothing in a register opened read-only', async () => {
    invoke.mockImplementation(async (name: string) =>
      name === 'incidents-get'
        ? answerGet({ ...emptyRegister(), incidents: [incident()] }, 'rev-a', { readOnly: { kind: 'locked', message: 'Open elsewhere.' } })
        : { ok: false, error: { code: 'io', message: 'no' } },
    );
    await useIncidents.getState().load('/tmp/other.candor.json');
    useIncidents.getState().edit('incident-2026-12-05', (i) => void (i.title = 'Changed'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(useIncidents.getState().status).toBe('read-only');
    expect(useIncidents.getState().register?.incidents[0].title).toBe('Lost laptop');
    expect(invoke.mock.calls.filter(([name]) => name === 'incidents-save')).toHaveLength(0);
  });

  it('writes nothing over a register it could not read', async () => {
    invoke.mockImplementation(async () => ({ ok: false, error: { code: 'invalid-workspace', message: 'Damaged.' } }));
    await useIncidents.getState().load('/tmp/broken.candor.json');
    expect(useIncidents.getState().loadError?.message).toBe('Damaged.');
    useIncidents.getState().add(incident());
    await vi.advanceTimersByTimeAsync(1000);
    expect(invoke.mock.calls.filter(([name]) => name === 'incidents-save')).toHaveLength(0);
  });

  it('never writes a register once the session has moved to another workspace', async () => {
    useIncidents.getState().add(incident());
    useEditor.setState({ session: { status: 'open', path: '/tmp/other.candor.json', workspace: {} as never, revision: 'r' } });
    try {
      await vi.advanceTimersByTimeAsync(1000);
      expect(invoke.mock.calls.filter(([name]) => name === 'incidents-save')).toHaveLength(0);
      expect(incidentsUnsaved()).toBe(true);
    } finally {
      useEditor.setState({ session: null });
    }
  });

  it('does not drop unsaved edits when the screen asks for a fresh read', async () => {
    useIncidents.getState().add(incident());
    await useIncidents.getState().load(WORKSPACE, { force: true });
    expect(useIncidents.getState().register?.incidents).toHaveLength(1);
  });
});
