import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HANDLER_NAMES, type Handlers, type SessionState } from '../../core/api';
import type { Workspace } from '../../core/schema';
import { unrestrictedPaths } from './path-guard';
import { createHandlers, invokeHandler } from './handlers';
import { WorkspaceSession } from './session';
import { canonical, SAMPLE_PATH, sampleWorkspace, tempDirs, variant } from './test-support';

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

async function setup() {
  const root = await dirs.make();
  const dataDir = join(root, 'data');
  const folder = join(root, 'repo');
  await mkdir(folder);
  const file = join(folder, 'w.candor.json');
  await writeFile(file, canonical(sample));
  const session = new WorkspaceSession({ dataDir, examplePath: SAMPLE_PATH });
  sessions.push(session);
  const handlers = createHandlers(session, { shell: 'web', version: '0.1.0', platform: 'linux', dataDir }, unrestrictedPaths());
  return { dataDir, folder, file, session, handlers };
}

function openState(value: unknown) {
  const state = value as SessionState;
  if (state.status !== 'open') throw new Error(`not open: ${JSON.stringify(state).slice(0, 200)}`);
  return state;
}

describe('invokeHandler', () => {
  it('rejects unknown names, including inherited property names, with a plain message', async () => {
    const { handlers } = await setup();
    for (const name of ['workspace-delete', 'constructor', '__proto__', 'toString', '', 42, null, undefined, { name: 'app-info' }]) {
      const result = await invokeHandler(handlers, name, {});
      expect(result, String(name)).toMatchObject({ ok: false, error: { code: 'unknown-handler' } });
      if (!result.ok) {
        expect(result.error.message).toMatch(/^Candor has no handler/);
        expect(result.error.message).toContain('workspace-open');
      }
    }
  });

  it('rejects bad arguments with a plain message naming the field, before the handler runs', async () => {
    const { handlers, file } = await setup();
    const cases: [string, unknown, RegExp][] = [
      ['workspace-open', {}, /"path" is required/],
      ['workspace-open', { path: 42 }, /"path" must be text, not a whole number/],
      ['workspace-open', { path: 'relative/w.candor.json' }, /"path" must be an absolute file path/],
      ['workspace-open', { path: `${file}\0.txt` }, /NUL/],
      ['workspace-open', { path: file, extra: true }, /unknown field "extra"/],
      ['workspace-open', null, /the argument must be an object, not null/],
      ['workspace-open', 'w.candor.json', /the argument must be an object, not text/],
      ['workspace-save', { workspace: [], baseRevision: 'x'.repeat(64) }, /"workspace" must be a workspace object/],
      ['workspace-save', { workspace: sample, baseRevision: 'abc' }, /"baseRevision" must be the revision/],
      ['workspace-save', { baseRevision: 'a'.repeat(64) }, /the argument must carry either the whole "workspace" or its "changes"/],
      [
        'workspace-save',
        { workspace: sample, changes: { set: {}, unset: [], lists: {} }, baseRevision: 'a'.repeat(64) },
        /the argument must carry either the whole "workspace" or its "changes", not both/,
      ],
      ['workspace-new', { path: file, example: 'yes' }, /"example" must be true or false, not text/],
      ['workspace-new', { path: file, name: '   ' }, /"name" must not be empty/],
      ['backup-read', { id: '../../../etc/passwd' }, /"id" must be a backup id/],
      ['workspace-new', { path: file, name: 'x'.repeat(301) }, /"name" must be at most 300 characters/],
      ['export-download', { kind: 'ropa-csv', path: file }, /unknown field "path"/],
      ['export-download', { kind: 'ropa-csv', allowErrors: 'true' }, /"allowErrors" must be true or false/],
      ['document-download', { id: 'privacy-notice', format: 'docx', path: file }, /unknown field "path"/],
      ['document-download', { id: 'a'.repeat(201), format: 'docx' }, /"id" must be at most 200 characters/],
      ['document-export', { id: 'a'.repeat(201), format: 'docx', path: file }, /"id" must be at most 200 characters/],
      ['app-info', { one: 1, two: 2 }, /the argument has unknown fields "one", "two"/],
      ['app-info', { anything: 1 }, /unknown field "anything"/],
    ];
    for (const [name, arg, message] of cases) {
      const result = await invokeHandler(handlers, name, arg);
      expect(result, `${name} ${JSON.stringify(arg)}`).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      if (!result.ok) {
        expect(result.error.message, name).toMatch(message);
        expect(result.error.message).toMatch(new RegExp(`^${name} was called with a wrong argument`));
        expect(result.error.message).not.toMatch(/\n\s+at /);
      }
    }
    // Nothing ran: the session is still empty.
    expect(await invokeHandler(handlers, 'workspace-get', {})).toEqual({ ok: true, value: { status: 'none' } });
  });

  it('turns an exception into an io error without a stack trace', async () => {
    const { handlers } = await setup();
    const throwing: Handlers = {
      ...handlers,
      'workspace-recent': async () => {
        throw new Error('state file exploded\n    at secret (/internal/path.ts:1:1)');
      },
      'backup-list': async () => {
        throw Object.assign(new Error("EACCES: permission denied, scandir '/data/backups'"), { code: 'EACCES', path: '/data/backups' });
      },
    };
    const recent = await invokeHandler(throwing, 'workspace-recent', undefined);
    expect(recent).toEqual({
      ok: false,
      error: { code: 'io', message: 'workspace-recent failed: state file exploded. Try again; if it keeps failing, restart Candor.' },
    });
    const list = await invokeHandler(throwing, 'backup-list', {});
    expect(list).toMatchObject({ ok: false, error: { code: 'io', file: '/data/backups' } });
    if (!list.ok) expect(list.error.message).toMatch(/permission denied; check the permissions/);
  });

  it('answers app-info and accepts a missing argument for handlers that take none', async () => {
    const { handlers, dataDir } = await setup();
    expect(await invokeHandler(handlers, 'app-info', undefined)).toEqual({
      ok: true,
      value: { version: '0.1.0', shell: 'web', platform: 'linux', dataDir },
    });
  });

  it('saves only the changes since a revision, passed on by the argument schema as the handler takes them', async () => {
    const { handlers, file } = await setup();
    const opened = await invokeHandler(handlers, 'workspace-open', { path: file });
    const state = openState(opened.ok && opened.value);
    const renamed = variant(sample, 3);
    const saved = await invokeHandler(handlers, 'workspace-save', {
      changes: { set: { organization: renamed.organization }, unset: [], lists: {} },
      baseRevision: state.revision,
    });
    expect(saved.ok).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(canonical(renamed));
  });

  it('round-trips open, save, reload, backups and recent', async () => {
    const { handlers, file } = await setup();
    const opened = await invokeHandler(handlers, 'workspace-open', { path: file });
    expect(opened.ok).toBe(true);
    const state = openState(opened.ok && opened.value);
    expect(state.workspace.organization.name).toBe(sample.organization.name);

    const saved = await invokeHandler(handlers, 'workspace-save', { workspace: variant(sample, 1), baseRevision: state.revision });
    expect(saved.ok).toBe(true);
    const revision = saved.ok ? (saved.value as { revision: string }).revision : '';
    expect(await readFile(file, 'utf8')).toBe(canonical(variant(sample, 1)));

    const stale = await invokeHandler(handlers, 'workspace-save', { workspace: variant(sample, 2), baseRevision: state.revision });
    expect(stale).toMatchObject({ ok: false, error: { code: 'changed-on-disk', file } });

    const invalid = await invokeHandler(handlers, 'workspace-save', {
      workspace: { ...sample, organization: { name: 7 } },
      baseRevision: revision,
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-workspace' } });
    if (!invalid.ok) expect(invalid.error.problems?.map((p) => p.path)).toContain('organization.name');

    const reloaded = await invokeHandler(handlers, 'workspace-reload', {});
    expect(openState(reloaded.ok && reloaded.value).revision).toBe(revision);
    expect(openState(reloaded.ok && reloaded.value).workspace.organization.name).toBe(variant(sample, 1).organization.name);

    const got = await invokeHandler(handlers, 'workspace-get', {});
    expect(openState(got.ok && got.value).revision).toBe(revision);

    const backups = await invokeHandler(handlers, 'backup-list', {});
    const list = backups.ok ? (backups.value as { id: string }[]) : [];
    expect(list).toHaveLength(1);
    const preview = await invokeHandler(handlers, 'backup-read', { id: list[0].id });
    expect(preview.ok && (preview.value as Workspace).organization.name).toBe(sample.organization.name);
    const restored = await invokeHandler(handlers, 'backup-restore', { id: list[0].id });
    expect(openState(restored.ok && restored.value).workspace.organization.name).toBe(sample.organization.name);

    expect(await invokeHandler(handlers, 'workspace-recent', {})).toEqual({ ok: true, value: [file] });
  });

  it('reports a file that cannot be opened as a state, and refuses to create over an existing file as an error', async () => {
    const { handlers, folder, file } = await setup();
    const broken = join(folder, 'broken.candor.json');
    await writeFile(broken, '[]');
    const opened = await invokeHandler(handlers, 'workspace-open', { path: broken });
    expect(opened).toMatchObject({ ok: true, value: { status: 'error', path: broken, error: { code: 'unreadable' } } });

    const refused = await invokeHandler(handlers, 'workspace-new', { path: file });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', file } });
    const created = await invokeHandler(handlers, 'workspace-new', { path: join(folder, 'new.candor.json'), name: 'New Co' });
    expect(openState(created.ok && created.value).workspace.organization.name).toBe('New Co');

    const savedAs = await invokeHandler(handlers, 'workspace-save-as', { path: join(folder, 'copy.candor.json'), workspace: sample });
    expect(openState(savedAs.ok && savedAs.value).path).toBe(join(folder, 'copy.candor.json'));
  });

  it('has a schema for every handler name in the contract', async () => {
    const { handlers } = await setup();
    for (const name of HANDLER_NAMES) {
      const result = await invokeHandler(handlers, name, { unexpected: true });
      expect(result, name).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
  });
});
