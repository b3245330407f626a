import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalizeRegister, readRegisterText, serializeRegister } from '../../core/incidents/register-file';
import {
  DecisionSchema,
  IncidentRegisterSchema,
  IncidentSchema,
  LogEntrySchema,
  type Incident,
  type IncidentRegister,
} from '../../core/incidents/schema';
import { fieldsOf } from '../../core/schema-fields';
import { backupFolderFor } from './backups';
import { IncidentRegisterStore, readRegisterFile, registerPathFor, SessionIncidents } from './incidents';
import { WorkspaceSession } from './session';
import { canonical, SAMPLE_PATH, sampleWorkspace, tempDirs } from './test-support';
import { acquireWorkspaceLock, lockPathFor } from './workspace-lock';

const dirs = tempDirs();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await dirs.cleanup();
});

function laptopIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'lost-laptop',
    title: 'Laptop lost on a train',
    status: 'open',
    discoveredAt: '2026-12-05T09:30:00+01:00',
    timeZone: 'Europe/Berlin',
    summary: 'A support laptop with an export of support messages was left on a train.',
    dataTypes: ['email-address', 'support-messages'],
    people: 1200,
    encrypted: true,
    keySafe: true,
    log: [{ at: '2026-12-05T09:45:00+01:00', text: 'Remote wipe requested.' }],
    ...overrides,
  };
}

function registerWith(...incidents: Incident[]): IncidentRegister {
  return { format: 'candor/incidents', version: 1, workspace: 'w.candor.json', incidents };
}

async function setup() {
  const root = await dirs.make();
  const dataDir = join(root, 'data');
  const folder = join(root, 'repo');
  await mkdir(folder);
  const workspace = join(folder, 'w.candor.json');
  await writeFile(workspace, canonical(await sampleWorkspace()));
  const path = registerPathFor(workspace);
  const store = new IncidentRegisterStore(path, { dataDir });
  closers.push(() => store.close());
  return { root, dataDir, folder, workspace, path, store };
}

describe('the register file name', () => {
  it('is <name>.incidents.candor.json beside the workspace', () => {
    expect(registerPathFor('/home/ana/privacy/ridgeline.candor.json')).toBe('/home/ana/privacy/ridgeline.incidents.candor.json');
  });
});

describe('canonical register text', () => {
  it('orders keys as the schema declares, leaves out empty optional fields, keeps unknown keys last and ends with a newline', () => {
    const shuffled = {
      incidents: [
        {
          log: [{ text: 'Noticed', at: '2026-12-05T09:30:00Z' }],
          future: 'kept',
          dataTypes: ['email-address'],
          residents: { ccpa: 3, gdpr: 10 },
          cause: '',
          summary: 'S',
          discoveredAt: '2026-12-05T09:30:00Z',
          status: 'open',
          title: 'T',
          id: 'a',
        },
      ],
      version: 1,
      format: 'candor/incidents',
    };
    const text = serializeRegister(shuffled);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "format": "candor/incidents",');
    const out = JSON.parse(text);
    expect(Object.keys(out)).toEqual(['format', 'version', 'incidents']);
    expect(Object.keys(out.incidents[0])).toEqual([
      'id',
      'title',
      'status',
      'discoveredAt',
      'summary',
      'dataTypes',
      'residents',
      'log',
      'future',
    ]);
    expect(Object.keys(out.incidents[0].residents)).toEqual(['gdpr', 'ccpa']);
    expect(Object.keys(out.incidents[0].log[0])).toEqual(['at', 'text']);
    // Idempotent: what it wrote reads back and writes the same.
    const read = readRegisterText(text);
    expect(read.kind).toBe('ok');
    if (read.kind === 'ok') expect(serializeRegister(read.register)).toBe(text);
    expect(canonicalizeRegister(JSON.parse(text))).toEqual(out);
  });
});

describe('reading a register file', () => {
  it('refuses what is not a register of this version, with the reason and without changing it', async () => {
    const { path, workspace } = await setup();
    const cases: [string, Buffer | string, string, RegExp][] = [
      ['empty', '', 'unreadable', /is empty/],
      ['not JSON', '{ "format": ', 'unreadable', /not complete JSON/],
      ['a list', '[]', 'unreadable', /contains a list/],
      ['not UTF-8', Buffer.from([0xff, 0xfe, 0x7b, 0x7d]), 'unreadable', /not UTF-8/],
      ['a workspace', await readFile(workspace), 'unreadable', /is a Candor workspace, not an incident register/],
      ['another format', '{"format":"acme/breaches","version":1}', 'unreadable', /"format" is "acme\/breaches"/],
      [
        'a newer version',
        '{"format":"candor/incidents","version":2,"incidents":[{"shape":"new"}]}',
        'newer-version',
        /newer version of Candor.*version 2.*never writes over it/,
      ],
      [
        'an invalid incident',
        JSON.stringify(registerWith(laptopIncident({ discoveredAt: '5 December 2026' }))),
        'invalid-workspace',
        /incidents\[0\]\.discoveredAt must be a date and time with its offset/,
      ],
      [
        'two incidents with one id',
        JSON.stringify(registerWith(laptopIncident(), laptopIncident())),
        'invalid-workspace',
        /incidents\[1\]\.id "lost-laptop" is already the id of incidents\[0\]/,
      ],
    ];
    for (const [name, bytes, code, reason] of cases) {
      await writeFile(path, bytes);
      const content = await readRegisterFile(path);
      expect(content.kind, name).toBe('refused');
      if (content.kind !== 'refused') continue;
      expect(content.error.code, name).toBe(code);
      expect(content.error.message, name).toMatch(reason);
      expect(content.error.message, name).toContain(path);
    }
  });

  it('lists every problem of an invalid register with its path', async () => {
    const { path } = await setup();
    await writeFile(
      path,
      JSON.stringify(registerWith(laptopIncident({ people: -1, status: 'lost' as never, residence: ['mars' as never] }))),
    );
    const content = await readRegisterFile(path);
    expect(content.kind).toBe('refused');
    if (content.kind !== 'refused') return;
    expect(content.error.problems?.map((p) => p.path)).toEqual(
      expect.arrayContaining(['incidents[0].status', 'incidents[0].people', 'incidents[0].residence[0]']),
    );
  });

  it('says a folder or an oversized file is not a register', async () => {
    const { path } = await setup();
    await mkdir(path);
    const content = await readRegisterFile(path);
    expect(content).toMatchObject({
      kind: 'refused',
      error: { code: 'unreadable', message: expect.stringMatching(/is a folder, not a file/) },
    });
  });
});

describe('IncidentRegisterStore', () => {
  it('answers an empty register before the file exists, creates it on the first save, and reads back what it wrote', async () => {
    const { path, store } = await setup();
    const empty = await store.get('w.candor.json');
    expect(empty).toEqual({
      ok: true,
      value: {
        path,
        exists: false,
        register: { format: 'candor/incidents', version: 1, workspace: 'w.candor.json', incidents: [] },
        revision: null,
      },
    });
    const register = registerWith(laptopIncident());
    const saved = await store.save(register, null);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const text = await readFile(path, 'utf8');
    expect(text).toBe(serializeRegister(register));
    // Incidents stay with the few who handle them: a new register is readable by its owner only.
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    const again = await store.get('w.candor.json');
    expect(again).toMatchObject({ ok: true, value: { exists: true, revision: saved.value.revision, register } });
  });

  it('saves only over the version it was given, and keeps the version it replaces as a backup', async () => {
    const { path, store, dataDir } = await setup();
    const first = await store.save(registerWith(laptopIncident()), null);
    if (!first.ok) throw new Error(first.error.message);
    const before = await readFile(path, 'utf8');

    const twice = await store.save(registerWith(laptopIncident()), null);
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'changed-on-disk', message: expect.stringMatching(/was created by another program/) },
    });
    const stale = await store.save(registerWith(laptopIncident({ title: 'Changed' })), 'a'.repeat(64));
    expect(stale).toMatchObject({ ok: false, error: { code: 'changed-on-disk', file: path } });
    expect(await readFile(path, 'utf8')).toBe(before);

    const second = await store.save(registerWith(laptopIncident({ status: 'contained' })), first.value.revision);
    expect(second.ok).toBe(true);
    expect(await readFile(path, 'utf8')).toContain('"status": "contained"');
    const backups = backupFolderFor(dataDir, path);
    const names = (await readdir(backups)).filter((n) => n.endsWith('.candor.json'));
    expect(names).toHaveLength(1);
    expect(await readFile(join(backups, names[0]), 'utf8')).toBe(before);

    // Saving the same content again writes nothing and makes no backup.
    if (!second.ok) return;
    const same = await store.save(registerWith(laptopIncident({ status: 'contained' })), second.value.revision);
    expect(same).toMatchObject({ ok: true, value: { revision: second.value.revision } });
    expect((await readdir(backups)).filter((n) => n.endsWith('.candor.json'))).toHaveLength(1);
  });

  it('refuses an invalid register with every problem and its path, and writes nothing', async () => {
    const { path, store } = await setup();
    const result = await store.save({ ...registerWith(laptopIncident({ discoveredAt: 'yesterday' })), version: 1 }, null);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-workspace', problems: [{ path: 'incidents[0].discoveredAt' }] } });
    if (!result.ok) expect(result.error.message).toMatch(/was not saved to .*incidents\[0\]\.discoveredAt/);
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('never writes over a register of a newer version or another format, even at its revision', async () => {
    const { path, store } = await setup();
    const newer = '{"format":"candor/incidents","version":2,"incidents":[]}';
    await writeFile(path, newer);
    expect(await store.get()).toMatchObject({ ok: false, error: { code: 'newer-version', file: path } });
    const { revisionOf } = await import('./workspace-file');
    const saved = await store.save(registerWith(), revisionOf(newer));
    expect(saved).toMatchObject({ ok: false, error: { code: 'newer-version' } });
    expect(await readFile(path, 'utf8')).toBe(newer);
  });

  it('is read-only while another Candor holds the register, and writable once it lets go', async () => {
    const { path, store } = await setup();
    await writeFile(path, serializeRegister(registerWith(laptopIncident())));
    const other = await acquireWorkspaceLock(path, () => undefined);
    if (!other.ok) throw new Error('the other lock was not taken');
    const got = await store.get();
    expect(got).toMatchObject({
      ok: true,
      value: { exists: true, readOnly: { kind: 'locked', message: expect.stringContaining(lockPathFor(path)) } },
    });
    if (!got.ok) return;
    const refused = await store.save(registerWith(), got.value.revision);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'locked', message: expect.stringMatching(/^Nothing was saved: .* is open in another Candor/) },
    });
    await other.lock.release();
    const later = await store.get();
    expect(later.ok && later.value.readOnly).toBeUndefined();
    expect((await store.save(registerWith(), got.value.revision)).ok).toBe(true);
  });
});

describe('SessionIncidents', () => {
  it('follows the open workspace and lets go of the register lock when it closes', async () => {
    const { workspace, dataDir, path } = await setup();
    const session = new WorkspaceSession({ dataDir, examplePath: SAMPLE_PATH });
    closers.push(() => session.close());
    const incidents = new SessionIncidents(session, { dataDir });
    expect(incidents.current()).toMatchObject({ ok: false, error: { code: 'no-workspace' } });
    await session.open(workspace);
    const current = incidents.current();
    if (!current.ok) throw new Error(current.error.message);
    expect(current.value.store.path).toBe(path);
    await current.value.store.get();
    await expect(stat(lockPathFor(path))).resolves.toBeDefined();
    await session.close();
    await expect(stat(lockPathFor(path))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('the format page (docs/workspace-format.md, "The incident register")', () => {
  const page = readFileSync(new URL('../../docs/workspace-format.md', import.meta.url), 'utf8');
  const start = page.indexOf('\n## The incident register\n');
  const end = page.indexOf('\n## ', start + 1);
  const section = page.slice(start, end === -1 ? undefined : end);
  /** The first cells of each table in the section, table by table. */
  const tables = section
    .split(/\n(?=\| key \|)/)
    .slice(1)
    .map((table) =>
      table
        .split('\n')
        .filter((line) => line.startsWith('| ') && !line.startsWith('| key ') && !line.startsWith('|---'))
        .map((line) => line.slice(2).split(' | ')[0].trim()),
    );
  const keys = (schema: Parameters<typeof fieldsOf>[0]) => fieldsOf(schema).map(([key]) => key);

  it('lists every field of the register, an incident and a decision, in the order they are written', () => {
    expect(start).toBeGreaterThan(-1);
    expect(tables).toEqual([keys(IncidentRegisterSchema), keys(IncidentSchema), keys(DecisionSchema)]);
    expect(keys(LogEntrySchema)).toEqual(['at', 'text', 'by']);
    expect(section).toContain('| log | [{ at: date-time, text, by? }] |');
  });
});
