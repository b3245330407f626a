// The app's version handlers: arguments checked as hostile before anything runs, publishing the saved
// workspace into the archive exactly as `candor publish` does (electron/cli/publish.test.ts covers the
// archive's layout), the refusals the command line makes, and reading a version back read-only.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ArchivedVersion, VersionList } from '../../core/api';
import { serializeWorkspace } from '../../core/canonical';
import { inventoryVersion } from '../../core/documents/context';
import { reviewErrors } from '../../core/publish';
import type { Workspace } from '../../core/schema';
import type { PublishedVersion } from '../../core/versions';
import { createHandlers, invokeHandler } from './handlers';
import { unrestrictedPaths } from './path-guard';
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
  // The tests below publish the sample as it is; the review must let it through.
  expect(reviewErrors(sample)).toEqual([]);
});

async function setup(workspace: Workspace = sample) {
  const root = await dirs.make('candor-versions-');
  const dataDir = join(root, 'data');
  const folder = join(root, 'repo');
  await mkdir(folder);
  const file = join(folder, 'trails.candor.json');
  await writeFile(file, canonical(workspace));
  const session = new WorkspaceSession({ dataDir, examplePath: SAMPLE_PATH });
  sessions.push(session);
  const handlers = createHandlers(session, { shell: 'web', version: '0.1.0', platform: 'linux', dataDir }, unrestrictedPaths());
  const call = (name: string, arg: unknown) => invokeHandler(handlers, name, arg);
  return { file, folder, archive: join(folder, 'trails.versions'), session, call };
}

async function listArchive(archive: string): Promise<string[]> {
  const entries = await readdir(archive, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(archive.length + 1))
    .sort();
}

describe('the version handlers check their arguments before anything runs', () => {
  it('refuses what is not a version number, a date or a short note, naming the field', async () => {
    const { call, session, file, archive } = await setup();
    await session.open(file);
    const good = { version: '1.0', effective: '2027-01-01' };
    const cases: [string, unknown, RegExp][] = [
      ['versions-list', { path: file }, /unknown field "path"/],
      ['version-publish', { effective: '2027-01-01' }, /"version" is required/],
      ['version-publish', { ...good, version: 'v2' }, /"version" must be a version number/],
      ['version-publish', { ...good, version: '../1.0' }, /"version" must be a version number/],
      ['version-publish', { ...good, version: '1.0.0.0' }, /"version" must be a version number/],
      ['version-publish', { ...good, version: 2 }, /"version" must be text/],
      ['version-publish', { ...good, effective: '2027-02-30' }, /"effective" must be a date as YYYY-MM-DD/],
      ['version-publish', { ...good, effective: '1 March 2027' }, /"effective" must be/],
      ['version-publish', { ...good, note: 'x'.repeat(501) }, /"note" must be at most 500 characters/],
      ['version-publish', { ...good, note: 'bell\u0007' }, /"note" must not contain control characters/],
      ['version-publish', { ...good, allowErrors: 'yes' }, /"allowErrors" must be true or false/],
      ['version-publish', { ...good, path: '/tmp/x' }, /unknown field "path"/],
      ['version-read', { version: '1.0/../../etc' }, /"version" must be a version number/],
      ['version-read', {}, /"version" is required/],
    ];
    for (const [name, arg, message] of cases) {
      const result = await call(name, arg);
      expect(result, `${name} ${JSON.stringify(arg).slice(0, 80)}`).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      if (!result.ok) expect(result.error.message, name).toMatch(message);
    }
    await expect(readdir(archive)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('answers "no workspace" while none is open', async () => {
    const { call } = await setup();
    for (const [name, arg] of [
      ['versions-list', {}],
      ['version-publish', { version: '1.0', effective: '2027-01-01' }],
      ['version-read', { version: '1.0' }],
    ] as const) {
      expect(await call(name, arg), name).toMatchObject({
        ok: false,
        error: { code: 'no-workspace', message: expect.stringMatching(/Open a workspace first\.$/) },
      });
    }
  });
});

describe('version-publish, versions-list and version-read', () => {
  it('publish the saved workspace into the archive beside it, list it and read it back with its documents', async () => {
    const { call, session, file, archive } = await setup();
    await session.open(file);
    const empty = await call('versions-list', {});
    expect(empty).toEqual({ ok: true, value: { archive, versions: [] } });

    const published = await call('version-publish', { version: '1.0', effective: '2027-01-01', note: '  First public notice  ' });
    expect(published.ok, JSON.stringify(published)).toBe(true);
    const entry = (published as { value: PublishedVersion }).value;
    expect(entry).toMatchObject({
      version: '1.0',
      effective: '2027-01-01',
      note: 'First public notice',
      buildId: inventoryVersion(sample),
    });
    expect(entry.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(await listArchive(archive)).toEqual(['1.0.candor.json', ...entry.documents, 'versions.json'].sort());
    expect(entry.documents).toContain('1.0/privacy-notice.md');
    expect(entry.documents).toContain('1.0/privacy-notice.html');
    expect(await readFile(join(archive, '1.0.candor.json'), 'utf8')).toBe(serializeWorkspace(sample));

    const listed = await call('versions-list', {});
    expect((listed as { value: VersionList }).value.versions).toEqual([entry]);

    const read = await call('version-read', { version: '1.0' });
    expect(read.ok, JSON.stringify(read).slice(0, 300)).toBe(true);
    const archived = (read as { value: ArchivedVersion }).value;
    expect(archived.entry).toEqual(entry);
    expect(serializeWorkspace(archived.workspace)).toBe(serializeWorkspace(sample));
    const notice = archived.documents.find((d) => d.id === 'privacy-notice');
    expect(notice?.markdown).toBe(await readFile(join(archive, '1.0', 'privacy-notice.md'), 'utf8'));
    expect(notice?.markdown).toContain('Version 1.0 · effective 1 January 2027 · last updated');
    expect(notice?.html).toBe(await readFile(join(archive, '1.0', 'privacy-notice.html'), 'utf8'));
    // The app's exports of the unchanged working copy carry the published version, as `candor build` does.
    const download = await call('document-download', { id: 'privacy-notice', format: 'markdown' });
    expect(download.ok).toBe(true);
    const exported = Buffer.from((download as { value: { base64: string } }).value.base64, 'base64').toString('utf8');
    expect(exported).toBe(notice?.markdown);
    // "1.0.0" names the same version.
    expect(await call('version-read', { version: '1.0.0' })).toMatchObject({ ok: true, value: { entry: { version: '1.0' } } });
  });

  it('refuse a number not greater than the last, an effective date before it, or one published again, and write nothing', async () => {
    const { call, session, file, archive } = await setup();
    await session.open(file);
    expect(await call('version-publish', { version: '2.1', effective: '2027-03-01' })).toMatchObject({ ok: true });
    const before = await listArchive(archive);
    const index = await readFile(join(archive, 'versions.json'), 'utf8');
    const refusals: [unknown, string][] = [
      [{ version: '2.0.9', effective: '2027-04-01' }, 'Version 2.0.9 is not greater than the last published version, 2.1.'],
      [{ version: '2.2', effective: '2027-02-28' }, 'The effective date 2027-02-28 is before 2027-03-01, when version 2.1 took effect.'],
      [{ version: '2.1.0', effective: '2027-03-01' }, 'Version 2.1 is already published; a published version is never replaced.'],
    ];
    for (const [arg, sentence] of refusals) {
      const result = await call('version-publish', arg);
      expect(result, JSON.stringify(arg)).toMatchObject({ ok: false, error: { code: 'invalid-argument', file: archive } });
      if (!result.ok) {
        expect(result.error.message).toMatch(/^Nothing was published: /);
        expect(result.error.message).toContain(sentence);
      }
    }
    expect(await listArchive(archive)).toEqual(before);
    expect(await readFile(join(archive, 'versions.json'), 'utf8')).toBe(index);
  });

  it('refuses a workspace the review finds errors in with the errors as problems, unless allowErrors', async () => {
    const broken = structuredClone(sample);
    delete broken.organization.contactEmail;
    delete broken.organization.supervisoryAuthority;
    const errors = reviewErrors(broken);
    expect(errors.length).toBeGreaterThan(0);
    const { call, session, file, archive } = await setup(broken);
    await session.open(file);
    const refused = await call('version-publish', { version: '1.0', effective: '2027-01-01' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'review-errors', file } });
    if (!refused.ok) {
      expect(refused.error.problems).toEqual(errors.map(({ path, message }) => ({ path, message })));
      expect(refused.error.message).toMatch(/^Nothing was published: the review finds \d+ errors? .*or choose to publish anyway\.$/);
    }
    await expect(readdir(archive)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await call('version-publish', { version: '1.0', effective: '2027-01-01', allowErrors: true })).toMatchObject({
      ok: true,
      value: { version: '1.0' },
    });
  });

  it('say which versions exist when asked for another, and read only the documents Candor writes', async () => {
    const { call, session, file, archive } = await setup();
    await session.open(file);
    expect(await call('version-read', { version: '1.0' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('no version of this workspace has been published yet') },
    });
    expect(await call('version-publish', { version: '1.0', effective: '2027-01-01' })).toMatchObject({ ok: true });
    const missing = await call('version-read', { version: '3.0' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found', file: join(archive, 'versions.json') } });
    if (!missing.ok)
      expect(missing.error.message).toBe(`Version 3.0 is not published: ${join(archive, 'versions.json')} lists 1.0. Choose one of those.`);

    // A hand-edited index naming a file outside the version's folder: that file is never read.
    await writeFile(join(file, '..', 'secret.md'), 'not a notice');
    const indexPath = join(archive, 'versions.json');
    const index = JSON.parse(await readFile(indexPath, 'utf8')) as { versions: PublishedVersion[] };
    index.versions[0].documents.push('1.0/../../secret.md', '../secret.md', '1.0/secret.txt');
    await writeFile(indexPath, JSON.stringify(index));
    const read = await call('version-read', { version: '1.0' });
    expect(read.ok).toBe(true);
    const ids = (read as { value: ArchivedVersion }).value.documents.map((d) => d.id);
    expect(ids).not.toContain('secret');
    expect(ids).toContain('privacy-notice');
  });

  it('refuses to list, read or publish over an index it cannot read, saying where and what to do', async () => {
    const { call, session, file, archive } = await setup();
    await session.open(file);
    await mkdir(archive);
    await writeFile(join(archive, 'versions.json'), '{"format": 1, "versions": [{"version": "x"}]}');
    for (const [name, arg] of [
      ['versions-list', {}],
      ['version-read', { version: '1.0' }],
      ['version-publish', { version: '1.0', effective: '2027-01-01' }],
    ] as const) {
      const result = await call(name, arg);
      expect(result, name).toMatchObject({ ok: false, error: { code: 'unreadable', file: join(archive, 'versions.json') } });
      if (!result.ok) expect(result.error.message, name).toMatch(/versions\.json cannot be used: .*Restore it from version control\.$/);
    }
    expect(await listArchive(archive)).toEqual(['versions.json']);
  });
});
