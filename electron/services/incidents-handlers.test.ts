// The incident handlers as the app and the web mode call them: arguments checked as hostile before anything
// runs, the register beside the open workspace read and saved, the drafts and the breach register rendered
// from what is saved, and written only where the path guard allows.
import { mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExportDownload, IncidentRegisterState } from '../../core/api';
import type { Incident, IncidentRegister } from '../../core/incidents/schema';
import type { Workspace } from '../../core/schema';
import { createHandlers, invokeHandler } from './handlers';
import { pathsInside, unrestrictedPaths, type PathGuard } from './path-guard';
import { WorkspaceSession } from './session';
import { canonical, SAMPLE_PATH, sampleWorkspace, tempDirs } from './test-support';

const dirs = tempDirs();
const sessions: WorkspaceSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await dirs.cleanup();
});

let sample: Workspace;
beforeAll(async () => {
  sample = await sampleWorkspace();
});

const leak: Incident = {
  id: 'leak',
  title: 'Leaked password hashes',
  status: 'open',
  discoveredAt: '2026-12-01T09:30:00+01:00',
  summary: 'Password hashes and email addresses were copied from a database backup.',
  dataTypes: ['email-address', 'password'],
  people: 48000,
  residence: ['gdpr', 'ccpa'],
  log: [],
};

async function setup(guard?: (folder: string) => PathGuard) {
  const root = await dirs.make();
  const dataDir = join(root, 'data');
  const folder = join(root, 'repo');
  await mkdir(folder);
  const file = join(folder, 'w.candor.json');
  await writeFile(file, canonical(sample));
  const session = new WorkspaceSession({ dataDir, examplePath: SAMPLE_PATH });
  sessions.push(session);
  const handlers = createHandlers(
    session,
    { shell: 'web', version: '0.1.0', platform: 'linux', dataDir },
    guard ? guard(folder) : unrestrictedPaths(),
  );
  const call = (name: string, arg: unknown) => invokeHandler(handlers, name, arg);
  return { root, folder, file, session, call, register: join(folder, 'w.incidents.candor.json') };
}

/** Opens the workspace and saves a register holding `incidents`. */
async function withRegister(setupResult: Awaited<ReturnType<typeof setup>>, incidents: Incident[] = [leak]) {
  await setupResult.session.open(setupResult.file);
  const register: IncidentRegister = { format: 'candor/incidents', version: 1, workspace: 'w.candor.json', incidents };
  const saved = await setupResult.call('incidents-save', { baseRevision: null, register });
  if (!saved.ok) throw new Error(saved.error.message);
  return (saved.value as { revision: string }).revision;
}

describe('the incident handlers check their arguments before anything runs', () => {
  it('refuses what is not an id, a draft, a format, a revision, a register or an absolute path, naming the field', async () => {
    const { call, file } = await setup();
    const draft = { incidentId: 'leak', draft: 'people-notice', format: 'markdown' };
    const cases: [string, unknown, RegExp][] = [
      ['incidents-get', { path: file }, /unknown field "path"/],
      ['incidents-save', { baseRevision: 'abc', register: {} }, /"baseRevision" must be the revision the register was loaded at/],
      ['incidents-save', { baseRevision: null, register: [] }, /"register" must be an incident register object/],
      ['incidents-save', { register: {} }, /"baseRevision" is required/],
      ['incident-draft-download', { ...draft, incidentId: '../../etc/passwd' }, /"incidentId" must be an incident id/],
      ['incident-draft-download', { ...draft, incidentId: 'a'.repeat(201) }, /"incidentId" must be at most 200 characters/],
      [
        'incident-draft-download',
        { ...draft, draft: 'toString' },
        /"draft" must be one of authority-notification, people-notice, us-notice-of-data-breach/,
      ],
      ['incident-draft-download', { ...draft, format: 'pdf' }, /"format" must be one of/],
      ['incident-draft-download', { ...draft, path: file }, /unknown field "path"/],
      ['incident-draft-export', { ...draft, path: 'drafts/notice.md' }, /"path" must be an absolute file path/],
      ['incident-draft-export', { ...draft, path: `${file}\0.md` }, /NUL/],
      ['incident-draft-export', { ...draft, path: '/tmp/x.md', overwrite: 'yes' }, /"overwrite" must be true or false/],
      ['incident-register-download', { format: 'ods' }, /"format" must be "csv" or "xlsx"/],
      ['incident-register-export', { format: 'csv' }, /"path" is required/],
    ];
    for (const [name, arg, message] of cases) {
      const result = await call(name, arg);
      expect(result, `${name} ${JSON.stringify(arg).slice(0, 80)}`).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      if (!result.ok) expect(result.error.message, name).toMatch(message);
    }
  });

  it('answers "no workspace" while none is open', async () => {
    const { call } = await setup();
    expect(await call('incidents-get', {})).toMatchObject({
      ok: false,
      error: { code: 'no-workspace', message: expect.stringMatching(/Open a workspace first/) },
    });
    expect(await call('incident-register-download', { format: 'csv' })).toMatchObject({ ok: false, error: { code: 'no-workspace' } });
  });
});

describe('incidents-get and incidents-save', () => {
  it('read the register beside the open workspace, create it on the first save and refuse a stale revision', async () => {
    const s = await setup();
    await s.session.open(s.file);
    const empty = await s.call('incidents-get', {});
    expect(empty).toEqual({
      ok: true,
      value: {
        path: s.register,
        exists: false,
        register: { format: 'candor/incidents', version: 1, workspace: 'w.candor.json', incidents: [] },
        revision: null,
      },
    });
    const register: IncidentRegister = { format: 'candor/incidents', version: 1, workspace: 'w.candor.json', incidents: [leak] };
    const saved = await s.call('incidents-save', { baseRevision: null, register });
    expect(saved.ok).toBe(true);
    const got = (await s.call('incidents-get', {})) as { ok: true; value: IncidentRegisterState };
    expect(got.value).toMatchObject({ exists: true, register, revision: (saved as { value: { revision: string } }).value.revision });

    const edited = { ...register, incidents: [{ ...leak, status: 'contained' }] };
    const stale = await s.call('incidents-save', { baseRevision: 'f'.repeat(64), register: edited });
    expect(stale).toMatchObject({ ok: false, error: { code: 'changed-on-disk', file: s.register } });
    const invalid = await s.call('incidents-save', {
      baseRevision: got.value.revision,
      register: { ...register, incidents: [{ ...leak, people: 'many' }] },
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-workspace', problems: [{ path: 'incidents[0].people' }] } });
    expect(await s.call('incidents-save', { baseRevision: got.value.revision, register: edited })).toMatchObject({ ok: true });
    expect(await readFile(s.register, 'utf8')).toContain('"status": "contained"');
  });
});

function decoded(result: unknown): ExportDownload & { bytes: Buffer } {
  const value = (result as { ok: true; value: ExportDownload }).value;
  return { ...value, bytes: Buffer.from(value.base64, 'base64') };
}

describe('the drafts and the breach register', () => {
  it('hand back each draft in each format, named after the incident and the draft', async () => {
    const s = await setup();
    await withRegister(s);
    const markdown = decoded(
      await s.call('incident-draft-download', { incidentId: 'leak', draft: 'authority-notification', format: 'markdown' }),
    );
    expect(markdown.fileName).toBe('leak-authority-notification.md');
    expect(markdown.mediaType).toBe('text/markdown; charset=utf-8');
    expect(markdown.bytes.toString('utf8')).toMatch(/^# Notification of a personal data breach\n/);
    const html = decoded(await s.call('incident-draft-download', { incidentId: 'leak', draft: 'people-notice', format: 'html' }));
    expect(html.fileName).toBe('leak-people-notice.html');
    expect(html.bytes.toString('utf8')).toMatch(/^<!doctype html>/i);
    const docx = decoded(
      await s.call('incident-draft-download', { incidentId: 'leak', draft: 'us-notice-of-data-breach', format: 'docx' }),
    );
    expect(docx.fileName).toBe('leak-us-notice-of-data-breach.docx');
    expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('say which incidents there are when the id is not one of them, and that there is no register yet', async () => {
    const s = await setup();
    await s.session.open(s.file);
    const none = await s.call('incident-draft-download', { incidentId: 'leak', draft: 'people-notice', format: 'markdown' });
    expect(none).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/there is no incident register yet/) },
    });
    await withRegister(s);
    const unknown = await s.call('incident-draft-download', { incidentId: 'other', draft: 'people-notice', format: 'markdown' });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/has no incident "other" \(its incidents are leak\)/) },
    });
  });

  it('write a draft with its extension, never over a file without consent, the register or the workspace', async () => {
    const s = await setup();
    await withRegister(s);
    const target = join(s.folder, 'drafts-notice');
    const written = await s.call('incident-draft-export', { incidentId: 'leak', draft: 'people-notice', format: 'markdown', path: target });
    expect(written).toEqual({ ok: true, value: { path: `${target}.md` } });
    expect(await readFile(`${target}.md`, 'utf8')).toContain('Notice to the people affected');
    if (process.platform !== 'win32') expect((await stat(`${target}.md`)).mode & 0o777).toBe(0o600);
    const again = await s.call('incident-draft-export', {
      incidentId: 'leak',
      draft: 'people-notice',
      format: 'markdown',
      path: `${target}.md`,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'exists' } });
    const replaced = await s.call('incident-draft-export', {
      incidentId: 'leak',
      draft: 'people-notice',
      format: 'markdown',
      path: `${target}.md`,
      overwrite: true,
    });
    expect(replaced.ok).toBe(true);
    // A file name with the right extension can still lead to the register through a link.
    const before = await readFile(s.register, 'utf8');
    const link = join(s.folder, 'breaches.csv');
    await symlink(s.register, link);
    const onRegister = await s.call('incident-register-export', { format: 'csv', path: link, overwrite: true });
    expect(onRegister).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/is the incident register/) },
    });
    expect(await readFile(s.register, 'utf8')).toBe(before);
  });

  it('export the breach register as CSV and as a workbook', async () => {
    const s = await setup();
    await withRegister(s);
    const csv = decoded(await s.call('incident-register-download', { format: 'csv' }));
    expect(csv.fileName).toBe('breach-register.csv');
    expect(csv.bytes.toString('utf8')).toContain('Leaked password hashes');
    const xlsx = decoded(await s.call('incident-register-download', { format: 'xlsx' }));
    expect(xlsx.fileName).toBe('breach-register.xlsx');
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const path = join(s.folder, 'register');
    expect(await s.call('incident-register-export', { format: 'xlsx', path })).toEqual({ ok: true, value: { path: `${path}.xlsx` } });
  });

  it('write only inside the web mode root', async () => {
    const s = await setup((folder) => pathsInside(folder));
    await withRegister(s);
    const outside = join(s.root, 'outside.md');
    const result = await s.call('incident-draft-export', { incidentId: 'leak', draft: 'people-notice', format: 'markdown', path: outside });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(stat(outside)).rejects.toMatchObject({ code: 'ENOENT' });
    const register = await s.call('incident-register-export', { format: 'csv', path: join(s.root, 'breaches.csv') });
    expect(register).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the register name', () => {
  it('is never given to a new workspace, nor to one saved under another name', async () => {
    const s = await setup();
    const named = join(s.folder, 'acme.incidents.candor.json');
    const created = await s.call('workspace-new', { path: named, name: 'Acme' });
    expect(created).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/kept for incident registers.*acme\.candor\.json/) },
    });
    await s.session.open(s.file);
    expect(await s.call('workspace-save-as', { path: named, workspace: sample })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await expect(stat(named)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
