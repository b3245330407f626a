// The redline handlers (version-redline-download, version-redline-export): every argument checked as hostile,
// versions that the archive does not list refused by name, the Word file a real one with tracked changes and
// the HTML a comparison page; and what publishing writes besides the documents: the announcement of what
// changed (none for a first version), never a Word file it would throw away.
import { strFromU8, unzipSync } from 'fflate';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ArchivedVersion, ExportDownload } from '../../core/api';
import { parseAnnouncementFile } from '../../core/announcement';
import { DOCUMENT_WRITERS } from '../../core/documents/formats';
import type { Workspace } from '../../core/schema';
import { createHandlers, invokeHandler } from './handlers';
import { unrestrictedPaths } from './path-guard';
import { WorkspaceSession } from './session';
import { canonical, SAMPLE_PATH, sampleWorkspace, tempDirs } from './test-support';

const dirs = tempDirs();
const sessions: WorkspaceSession[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await dirs.cleanup();
});

let sample: Workspace;
beforeAll(async () => {
  sample = await sampleWorkspace();
});

/** The sample published as 1.0, then edited (one kind of data dropped, crash logs kept longer) and published as 1.1. */
async function twoVersions() {
  const root = await dirs.make('candor-redline-');
  const folder = join(root, 'repo');
  await mkdir(folder);
  const file = join(folder, 'trails.candor.json');
  await writeFile(file, canonical(sample));
  const session = new WorkspaceSession({ dataDir: join(root, 'data'), examplePath: SAMPLE_PATH });
  sessions.push(session);
  const handlers = createHandlers(
    session,
    { shell: 'web', version: '0.1.0', platform: 'linux', dataDir: join(root, 'data') },
    unrestrictedPaths(),
  );
  const call = (name: string, arg: unknown) => invokeHandler(handlers, name, arg);
  await session.open(file);
  const docx = vi.spyOn(DOCUMENT_WRITERS, 'docx');
  expect(await call('version-publish', { version: '1.0', effective: '2027-01-01' })).toMatchObject({ ok: true });
  const edited = structuredClone(sample);
  edited.dataTypes = edited.dataTypes.filter((d) => d.id !== 'push-token');
  edited.dataTypes.find((d) => d.id === 'crash-logs')!.retention = { period: { value: 180, unit: 'days' }, after: 'collection' };
  const state = session.state();
  if (state.status !== 'open') throw new Error('not open');
  expect(await session.save(edited, state.revision)).toMatchObject({ ok: true });
  expect(await call('version-publish', { version: '1.1', effective: '2027-03-01' })).toMatchObject({ ok: true });
  // The archive keeps Markdown and HTML only: publishing renders no Word file.
  expect(docx).not.toHaveBeenCalled();
  return { call, session, file, folder, archive: join(folder, 'trails.versions'), edited };
}

const bytesOf = (download: ExportDownload) => Buffer.from(download.base64, 'base64');

describe('the redline handlers check their arguments before anything runs', () => {
  it('refuses sides that are not version numbers or "working", other formats, and unknown fields, naming the field', async () => {
    const { call, folder } = await twoVersions();
    const before = (await readdir(folder)).sort();
    const good = { from: '1.0', to: '1.1', format: 'docx' };
    const cases: [string, unknown, RegExp][] = [
      ['version-redline-download', { ...good, from: '../1.0' }, /"from" must be a version number such as 2\.1, or "working"/],
      ['version-redline-download', { ...good, to: 'latest' }, /"to" must be a version number/],
      ['version-redline-download', { ...good, to: 11 }, /"to" must be text/],
      ['version-redline-download', { ...good, from: '1'.repeat(30) }, /"from" must be/],
      ['version-redline-download', { ...good, format: 'pdf' }, /"format" must be "docx" \(Word with tracked changes\) or "html"/],
      ['version-redline-download', { ...good, document: '../privacy-notice' }, /"document" must be a document id/],
      ['version-redline-download', { ...good, path: '/tmp/x.docx' }, /unknown field "path"/],
      ['version-redline-download', { from: '1.0', format: 'docx' }, /"to" is required/],
      ['version-redline-export', { ...good, path: 'relative.docx' }, /"path" must be an absolute file path/],
      ['version-redline-export', { ...good, path: join(folder, 'x.docx'), overwrite: 'yes' }, /"overwrite" must be true or false/],
    ];
    for (const [name, arg, message] of cases) {
      const result = await call(name, arg);
      expect(result, `${name} ${JSON.stringify(arg).slice(0, 80)}`).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      if (!result.ok) expect(result.error.message, JSON.stringify(arg).slice(0, 80)).toMatch(message);
    }
    expect((await readdir(folder)).sort()).toEqual(before);
  });

  it('refuses a version the archive does not list, one side twice, and no open workspace, saying what to do', async () => {
    const { call, archive, session } = await twoVersions();
    const missing = await call('version-redline-download', { from: '1.0', to: '2.0', format: 'docx' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found', file: join(archive, 'versions.json') } });
    if (!missing.ok) {
      expect(missing.error.message).toBe(
        `Nothing was exported: Version 2.0 is not published: ${join(archive, 'versions.json')} lists 1.0, 1.1. Choose one of those.`,
      );
    }
    const twice = await call('version-redline-download', { from: '1.1', to: '1.1.0', format: 'html' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    if (!twice.ok) expect(twice.error.message).toContain('both sides are version 1.1, so there is nothing to compare');
    const working = await call('version-redline-download', { from: 'working', to: 'working', format: 'html' });
    if (!working.ok) expect(working.error.message).toContain('both sides are the working copy');
    expect(working.ok).toBe(false);
    const noDocument = await call('version-redline-download', { from: '1.0', to: '1.1', format: 'html', document: 'no-such-document' });
    expect(noDocument).toMatchObject({ ok: false, error: { code: 'not-found' } });
    if (!noDocument.ok) expect(noDocument.error.message).toContain('no "no-such-document" document to compare');
    await session.close();
    expect(await call('version-redline-download', { from: '1.0', to: '1.1', format: 'docx' })).toMatchObject({
      ok: false,
      error: { code: 'no-workspace', message: 'Nothing was exported: no workspace is open. Open a workspace first.' },
    });
  });
});

describe('the redline between two versions, or a version and the working copy', () => {
  it('downloads Word with real tracked changes and an HTML comparison, named after the document and both sides', async () => {
    const { call } = await twoVersions();
    const word = await call('version-redline-download', { from: '1.0', to: '1.1', format: 'docx' });
    expect(word.ok, JSON.stringify(word).slice(0, 300)).toBe(true);
    const docx = (word as { value: ExportDownload }).value;
    expect(docx.fileName).toBe('privacy-notice-redline-1.0-to-1.1.docx');
    expect(docx.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const files = unzipSync(new Uint8Array(bytesOf(docx)));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    const xml = strFromU8(files['word/document.xml']);
    // 90 days became 180 days: the old words deleted and the new inserted, as revisions by Candor.
    expect(xml).toMatch(/<w:del [^>]*w:author="Candor"[^>]*>(?:(?!<\/w:del>).)*<w:delText[^>]*>[^<]*90[^<]*<\/w:delText>/s);
    expect(xml).toMatch(/<w:ins [^>]*w:author="Candor"[^>]*>(?:(?!<\/w:ins>).)*<w:t[^>]*>[^<]*180[^<]*<\/w:t>/s);
    expect(xml).toContain('Push notification token');

    const page = await call('version-redline-download', { from: '1.0', to: '1.1', format: 'html' });
    expect(page.ok).toBe(true);
    const html = (page as { value: ExportDownload }).value;
    expect(html).toMatchObject({ fileName: 'privacy-notice-redline-1.0-to-1.1.html', mediaType: 'text/html; charset=utf-8' });
    const text = bytesOf(html).toString('utf8');
    expect(text).toMatch(/<del[^>]*>[^<]*90[^<]*<\/del>/);
    expect(text).toMatch(/<ins[^>]*>[^<]*180[^<]*<\/ins>/);
    // Each side is the notice of its own version.
    expect(text).toContain('Version 1.0');
    expect(text).toContain('Version 1.1');
  });

  it('compares a version with the working copy as saved, which is a draft once it changes', async () => {
    const { call, session, edited } = await twoVersions();
    const again = structuredClone(edited);
    again.dataTypes.find((d) => d.id === 'crash-logs')!.retention = { period: { value: 30, unit: 'days' }, after: 'collection' };
    const state = session.state();
    if (state.status !== 'open') throw new Error('not open');
    expect(await session.save(again, state.revision)).toMatchObject({ ok: true });
    const result = await call('version-redline-download', { from: '1.1', to: 'working', format: 'html' });
    expect(result.ok).toBe(true);
    const download = (result as { value: ExportDownload }).value;
    expect(download.fileName).toBe('privacy-notice-redline-1.1-to-working-copy.html');
    const text = bytesOf(download).toString('utf8');
    expect(text).toMatch(/<del[^>]*>[^<]*180[^<]*<\/del>/);
    expect(text).toMatch(/<ins[^>]*>[^<]*30[^<]*<\/ins>/);
    expect(text).toContain('Draft, not yet published');
  });

  it('writes to the chosen path, adding the extension; never over the workspace, into the archive or over a file unless asked', async () => {
    const { call, folder, archive, file } = await twoVersions();
    const arg = { from: '1.0', to: '1.1', format: 'docx' };
    const written = await call('version-redline-export', { ...arg, path: join(folder, 'for-counsel') });
    expect(written).toEqual({ ok: true, value: { path: join(folder, 'for-counsel.docx') } });
    expect(strFromU8(unzipSync(new Uint8Array(await readFile(join(folder, 'for-counsel.docx'))))['word/document.xml'])).toContain(
      '<w:ins ',
    );

    const exists = await call('version-redline-export', { ...arg, path: join(folder, 'for-counsel.docx') });
    expect(exists).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(await call('version-redline-export', { ...arg, path: join(folder, 'for-counsel.docx'), overwrite: true })).toMatchObject({
      ok: true,
    });

    const before = await readFile(file, 'utf8');
    // A name that is the workspace itself, through a link: refused, and the workspace is as it was.
    await symlink(file, join(folder, 'link.docx'));
    const linked = await call('version-redline-export', { ...arg, path: join(folder, 'link.docx'), overwrite: true });
    expect(linked).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!linked.ok) expect(linked.error.message).toContain('is the open workspace, and exporting there would replace it');
    expect(await readFile(file, 'utf8')).toBe(before);

    const archived = await readFile(join(archive, '1.0', 'privacy-notice.html'), 'utf8');
    for (const path of [join(archive, '1.0', 'privacy-notice.html'), join(archive, 'redline.html')]) {
      const refused = await call('version-redline-export', { ...arg, format: 'html', path, overwrite: true });
      expect(refused, path).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      if (!refused.ok) expect(refused.error.message).toContain('is inside the archive of published versions');
    }
    expect(await readFile(join(archive, '1.0', 'privacy-notice.html'), 'utf8')).toBe(archived);
    expect(await readdir(archive)).not.toContain('redline.html');
  });
});

describe('the announcement publishing writes', () => {
  it('is kept beside the snapshot for every version but the first, and read back with the version', async () => {
    const { call, archive } = await twoVersions();
    expect((await readdir(archive)).sort()).toEqual([
      '1.0',
      '1.0.candor.json',
      '1.1',
      '1.1.announcement.md',
      '1.1.candor.json',
      'versions.json',
    ]);
    const first = (await call('version-read', { version: '1.0' })) as { ok: true; value: ArchivedVersion };
    expect(first.value.announcement).toBeUndefined();
    expect(first.value.announcementProblem).toBeUndefined();
    const second = (await call('version-read', { version: '1.1' })) as { ok: true; value: ArchivedVersion };
    expect(second.value.announcement).toBe(await readFile(join(archive, '1.1.announcement.md'), 'utf8'));
    const parsed = parseAnnouncementFile(second.value.announcement ?? '');
    expect(parsed?.subject).toBe('Ridgeline: changes to our privacy notice from 1 March 2027');
    expect(parsed?.email).toContain('- We now keep your crash logs for 180 days after collection, instead of 90 days.');
    expect(parsed?.banner).toBe(
      'Our privacy notice changes on 1 March 2027. We no longer collect your push notification token. See what else changes.',
    );
    // The documents are only the notices: the announcement is not one of them.
    expect(second.value.documents.map((d) => d.id).sort()).toEqual(['notice-at-collection', 'privacy-notice']);
  });
});
