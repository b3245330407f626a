// Exporting one document from the open workspace (to a file, or as a download), and the workspace's own templates, through a real
// session on a copy of the sample.
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState } from '../../core/api';
import { DOCUMENT_FORMAT_IDS, type DocumentFormat } from '../../core/catalogue';
import { lintWorkspace } from '../../core/lint';
import type { Workspace } from '../../core/schema';
import { downloadDocument, exportDocument, workspaceTemplates } from './documents';
import { unrestrictedPaths } from './path-guard';
import { createHandlers, invokeHandler } from './handlers';
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

const BROKEN_AT_LINE_10 = [
  '---',
  'id: privacy-notice',
  'title: Our notice',
  'kind: notice',
  'jurisdictions: [gdpr]',
  'locale: en',
  '---',
  '# Notice',
  '',
  '{{ organization.name | nosuchfilter }}',
  '',
].join('\n');

function opened(state: SessionState) {
  if (state.status !== 'open') throw new Error(`expected an open workspace, got ${JSON.stringify(state).slice(0, 300)}`);
  return state;
}

/** A session with a copy of `workspace` open in its own folder. */
async function openCopy(workspace: Workspace = sample, files: Record<string, string> = {}) {
  const root = await dirs.make('candor-documents-');
  const folder = join(root, 'repo');
  await mkdir(folder);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(folder, name, '..'), { recursive: true });
    await writeFile(join(folder, name), text);
  }
  const file = join(folder, 'w.candor.json');
  await writeFile(file, canonical(workspace));
  const session = new WorkspaceSession({ dataDir: join(root, 'data'), examplePath: SAMPLE_PATH });
  sessions.push(session);
  const state = opened(await session.open(file));
  const out = join(root, 'exports');
  await mkdir(out);
  return { root, folder, file, session, state, out };
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.error.message}`);
  return result.value;
}

describe('exportDocument', () => {
  it('writes the privacy notice as Markdown, HTML and Word from the open workspace', async () => {
    const { session, out } = await openCopy();
    const md = value(await exportDocument(session, { id: 'privacy-notice', format: 'markdown', path: join(out, 'notice.md') }));
    expect(md.path).toBe(join(out, 'notice.md'));
    const markdown = await readFile(md.path, 'utf8');
    expect(markdown).toMatch(/^# Ridgeline privacy notice\n/);
    expect(markdown).toContain(sample.dataTypes[0].benefit!);

    const html = value(await exportDocument(session, { id: 'privacy-notice', format: 'html', path: join(out, 'notice.html') }));
    const page = await readFile(html.path, 'utf8');
    expect(page.slice(0, 15).toLowerCase()).toBe('<!doctype html>');
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy"/);
    expect(page).not.toMatch(/<script/i);

    const docx = value(await exportDocument(session, { id: 'privacy-notice', format: 'docx', path: join(out, 'notice.docx') }));
    const bytes = await readFile(docx.path);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const body = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']);
    expect(body).toContain('Ridgeline privacy notice');
    // No temporary files from the atomic write are left beside the exports.
    expect((await readdir(out)).sort()).toEqual(['notice.docx', 'notice.html', 'notice.md']);
  });

  it('exports the notice at collection of a CCPA workspace', async () => {
    const { session, out } = await openCopy();
    const result = value(await exportDocument(session, { id: 'notice-at-collection', format: 'markdown', path: join(out, 'nac.md') }));
    expect(await readFile(result.path, 'utf8')).toMatch(/^# .*[Nn]otice at collection/);
  });

  it('adds the extension of the format when the path lacks it, and keeps one given in any case', async () => {
    const { session, out } = await openCopy();
    expect(value(await exportDocument(session, { id: 'privacy-notice', format: 'docx', path: join(out, 'for-the-lawyer') })).path).toBe(
      join(out, 'for-the-lawyer.docx'),
    );
    expect(value(await exportDocument(session, { id: 'privacy-notice', format: 'html', path: join(out, 'PAGE.HTML') })).path).toBe(
      join(out, 'PAGE.HTML'),
    );
    // Another format's extension is not this format's: the file still says what it holds.
    expect(value(await exportDocument(session, { id: 'privacy-notice', format: 'markdown', path: join(out, 'notice.html') })).path).toBe(
      join(out, 'notice.html.md'),
    );
    expect((await readdir(out)).sort()).toEqual(['PAGE.HTML', 'for-the-lawyer.docx', 'notice.html.md']);
  });

  it('exports what was saved last', async () => {
    const { session, state, out } = await openCopy();
    const edited = structuredClone(state.workspace);
    edited.dataTypes[0].benefit = 'You can sign in from a mountain hut with a brand-new benefit.';
    value(await session.save(edited, state.revision));
    const result = value(await exportDocument(session, { id: 'privacy-notice', format: 'markdown', path: join(out, 'n.md') }));
    expect(await readFile(result.path, 'utf8')).toContain('You can sign in from a mountain hut with a brand-new benefit.');
  });

  it('refuses a document id that does not exist, plainly, and writes nothing', async () => {
    const { session, out } = await openCopy();
    const result = await exportDocument(session, { id: 'terms-of-service', format: 'markdown', path: join(out, 'x.md') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('not-found');
    expect(result.error.message).toBe(
      'There is no document "terms-of-service" for this workspace (the notice at collection exists only when the workspace includes CCPA).',
    );
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses the notice at collection for a workspace without the CCPA, saying why', async () => {
    const eu = structuredClone(sample);
    eu.organization.jurisdictions = ['gdpr', 'uk-gdpr'];
    const { session, out } = await openCopy(eu);
    const result = await exportDocument(session, { id: 'notice-at-collection', format: 'html', path: join(out, 'x.html') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/notice at collection exists only when the workspace includes CCPA/);
    expect(await readdir(out)).toEqual([]);
    // The privacy notice is still there for it.
    expect((await exportDocument(session, { id: 'privacy-notice', format: 'html', path: join(out, 'x.html') })).ok).toBe(true);
  });

  it('reports a path it cannot write plainly, naming the file', async () => {
    const { session, out } = await openCopy();
    await writeFile(join(out, 'a-file'), 'x');
    const inside = await exportDocument(session, { id: 'privacy-notice', format: 'markdown', path: join(out, 'a-file', 'notice.md') });
    expect(inside).toEqual({
      ok: false,
      error: {
        code: 'io',
        file: join(out, 'a-file', 'notice.md'),
        message: `Nothing was exported: ${join(out, 'a-file', 'notice.md')} is not inside a folder (part of the path is a file).`,
      },
    });
    const missing = await exportDocument(session, {
      id: 'privacy-notice',
      format: 'markdown',
      path: join(out, 'no-such-folder', 'notice.md'),
    });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toMatch(/^Nothing was exported: .*no-such-folder.*notice\.md /);
    await mkdir(join(out, 'folder.md'));
    const folder = await exportDocument(session, { id: 'privacy-notice', format: 'markdown', path: join(out, 'folder.md') });
    expect(folder.ok).toBe(false);
    if (!folder.ok) expect(folder.error.message).toMatch(/folder\.md is a folder, not a file/);
    expect((await readdir(out)).sort()).toEqual(['a-file', 'folder.md']);
  });

  it.skipIf(process.getuid?.() === 0)('reports a folder without write permission plainly', async () => {
    const { session, out } = await openCopy();
    const locked = join(out, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o500);
    const result = await exportDocument(session, { id: 'privacy-notice', format: 'markdown', path: join(locked, 'n.md') });
    await chmod(locked, 0o700);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/permission denied/);
  });

  it('says a workspace must be open first', async () => {
    const root = await dirs.make();
    const session = new WorkspaceSession({ dataDir: join(root, 'data'), examplePath: SAMPLE_PATH });
    sessions.push(session);
    const result = await exportDocument(session, { id: 'privacy-notice', format: 'markdown', path: join(root, 'n.md') });
    expect(result).toEqual({
      ok: false,
      error: { code: 'no-workspace', message: 'Nothing was exported: no workspace is open. Open a workspace first.' },
    });
  });

  it('exports from the workspace override template when there is one', async () => {
    const ws = structuredClone(sample);
    ws.settings.templatesDir = 'templates';
    const { session, out } = await openCopy(ws, {
      'templates/privacy-notice.md':
        '---\nid: privacy-notice\ntitle: Our notice\nkind: notice\njurisdictions: [gdpr]\nlocale: en\n---\n# {{ organization.name }}, briefly\n',
    });
    const result = value(await exportDocument(session, { id: 'privacy-notice', format: 'markdown', path: join(out, 'n.md') }));
    expect(await readFile(result.path, 'utf8')).toBe('# Ridgeline, briefly\n');
  });

  it('refuses to export from a broken override template, naming its file and line', async () => {
    const ws = structuredClone(sample);
    ws.settings.templatesDir = 'templates';
    const { session, folder, out } = await openCopy(ws, { 'templates/privacy-notice.md': BROKEN_AT_LINE_10 });
    const result = await exportDocument(session, { id: 'privacy-notice', format: 'markdown', path: join(out, 'n.md') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(`${join(folder, 'templates', 'privacy-notice.md')}:10: `);
    expect(result.error.message).toMatch(/nosuchfilter/);
    expect(await readdir(out)).toEqual([]);
  });

  it('names the broken override even when its file is not named after the document', async () => {
    const ws = structuredClone(sample);
    ws.settings.templatesDir = 'templates';
    const { session, folder, out } = await openCopy(ws, { 'templates/our-notice.md': BROKEN_AT_LINE_10 });
    const result = await exportDocument(session, { id: 'privacy-notice', format: 'markdown', path: join(out, 'n.md') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(`${join(folder, 'templates', 'our-notice.md')}:10: `);
    expect(await readdir(out)).toEqual([]);
  });
});

describe('workspaceTemplates', () => {
  it('returns the templates of settings.templatesDir, relative to the workspace file, skipping README.md and other files', async () => {
    const ws = structuredClone(sample);
    ws.settings.templatesDir = 'legal/templates';
    const override = '---\nid: privacy-notice\ntitle: Our notice\nkind: notice\njurisdictions: [gdpr]\nlocale: en\n---\n# Ours\n';
    const { session, folder } = await openCopy(ws, {
      'legal/templates/privacy-notice.md': override,
      'legal/templates/README.md': '# How to edit these\n',
      'legal/templates/notes.txt': 'not a template',
    });
    const result = value(await workspaceTemplates(session));
    expect(result.errors).toEqual([]);
    expect(result.sources).toEqual([
      { file: join(folder, 'legal', 'templates', 'privacy-notice.md'), text: override, origin: 'workspace' },
    ]);
  });

  it('returns nothing when the workspace names no folder', async () => {
    const { session } = await openCopy();
    expect(value(await workspaceTemplates(session))).toEqual({ sources: [], errors: [] });
  });

  it('reports a folder that does not exist as a template error naming the folder and the setting', async () => {
    const ws = structuredClone(sample);
    ws.settings.templatesDir = 'missing';
    const { session, folder } = await openCopy(ws);
    const result = value(await workspaceTemplates(session));
    expect(result.sources).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].file).toBe(join(folder, 'missing'));
    expect(result.errors[0].message).toMatch(/settings\.templatesDir \(it does not exist\).*built-in templates were used/);
  });

  it('returns nothing while no workspace is open', async () => {
    const root = await dirs.make();
    const session = new WorkspaceSession({ dataDir: join(root, 'data'), examplePath: SAMPLE_PATH });
    sessions.push(session);
    expect(value(await workspaceTemplates(session))).toEqual({ sources: [], errors: [] });
  });
});

describe('document-export and the review', () => {
  /** The sample without its privacy contact and supervisory authority: valid, but two review errors. */
  function withReviewErrors(): Workspace {
    const ws = structuredClone(sample);
    delete ws.organization.contactEmail;
    delete ws.organization.supervisoryAuthority;
    return ws;
  }

  it('refuses a workspace the review finds errors in, with each error as a problem, and writes nothing', async () => {
    const { session, out } = await openCopy(withReviewErrors());
    const expected = lintWorkspace(withReviewErrors())
      .filter((f) => f.severity === 'error')
      .map(({ path, message }) => ({ path, message }));
    expect(expected.map((p) => p.path)).toEqual(['organization.contactEmail', 'organization.supervisoryAuthority']);
    const result = await exportDocument(session, { id: 'privacy-notice', format: 'markdown', path: join(out, 'n.md') });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'review-errors',
        message:
          'Nothing was exported: the review finds 2 errors in this workspace, so the file would state something wrong. Fix them (the Review screen lists them), or choose to export anyway.',
        problems: expected,
      },
    });
    expect(await readdir(out)).toEqual([]);
  });

  it('exports anyway when asked to, through the handler map', async () => {
    const { session, out } = await openCopy(withReviewErrors());
    const handlers = createHandlers(session, { shell: 'web', version: '0.1.0', platform: 'linux', dataDir: out }, unrestrictedPaths());
    const refused = await invokeHandler(handlers, 'document-export', { id: 'privacy-notice', format: 'html', path: join(out, 'n.html') });
    expect(refused.ok || refused.error.code).toBe('review-errors');
    const written = await invokeHandler(handlers, 'document-export', {
      id: 'privacy-notice',
      format: 'html',
      path: join(out, 'n.html'),
      allowErrors: true,
    });
    expect(written).toEqual({ ok: true, value: { path: join(out, 'n.html') } });
    expect(await readFile(join(out, 'n.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    // allowErrors is a yes or no, nothing else.
    const wrong = await invokeHandler(handlers, 'document-export', {
      id: 'privacy-notice',
      format: 'html',
      path: join(out, 'm.html'),
      allowErrors: 'yes',
    });
    expect(wrong.ok || wrong.error.code).toBe('invalid-argument');
  });

  it('is not stopped by warnings: the sample has some and exports without allowErrors', async () => {
    expect(lintWorkspace(sample).some((f) => f.severity === 'warning')).toBe(true);
    const { session, out } = await openCopy();
    expect((await exportDocument(session, { id: 'privacy-notice', format: 'markdown', path: join(out, 'n.md') })).ok).toBe(true);
  });
});

describe('document-download', () => {
  it('hands back each format with the same content document-export writes, named <id><extension>, writing nothing', async () => {
    const { session, folder, out } = await openCopy();
    const handlers = createHandlers(session, { shell: 'web', version: '0.1.0', platform: 'linux', dataDir: out }, unrestrictedPaths());
    const before = await readdir(folder);
    const expected: Record<DocumentFormat, { fileName: string; mediaType: string }> = {
      markdown: { fileName: 'privacy-notice.md', mediaType: 'text/markdown; charset=utf-8' },
      html: { fileName: 'privacy-notice.html', mediaType: 'text/html; charset=utf-8' },
      docx: {
        fileName: 'privacy-notice.docx',
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
    };
    for (const format of DOCUMENT_FORMAT_IDS) {
      const got = value(await downloadDocument(session, { id: 'privacy-notice', format }));
      expect({ fileName: got.fileName, mediaType: got.mediaType }, format).toEqual(expected[format]);
      const bytes = Buffer.from(got.base64, 'base64');
      // Through the handler map too, with its argument check.
      const viaHandlers = await invokeHandler(handlers, 'document-download', { id: 'privacy-notice', format });
      expect(viaHandlers.ok && (viaHandlers.value as { fileName: string }).fileName).toBe(expected[format].fileName);
      const written = await readFile(value(await exportDocument(session, { id: 'privacy-notice', format, path: join(out, 'n') })).path);
      if (format === 'docx') {
        // Each Word file gets its own time stamps, link and bookmark ids; the text inside is the same.
        const text = (b: Buffer) =>
          [...strFromU8(unzipSync(new Uint8Array(b))['word/document.xml']).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)]
            .map((m) => m[1])
            .join('\n');
        const downloaded = text(bytes);
        expect(downloaded === text(written), 'the same text as the written file').toBe(true);
        expect(downloaded).toContain('Ridgeline privacy notice');
      } else {
        expect(bytes.toString('utf8'), format).toBe(written.toString('utf8'));
      }
    }
    expect(bytes(await downloadDocument(session, { id: 'notice-at-collection', format: 'markdown' }))).toMatch(
      /^# .*[Nn]otice at collection/,
    );
    expect((await readdir(out)).sort()).toEqual(['n.docx', 'n.html', 'n.md']);
    expect(await readdir(folder)).toEqual(before);
  });

  function bytes(result: Awaited<ReturnType<typeof downloadDocument>>): string {
    return Buffer.from(value(result).base64, 'base64').toString('utf8');
  }

  it("refuses what document-export refuses: the review's errors unless allowErrors, no such document, a broken template, no workspace", async () => {
    const errors = structuredClone(sample);
    delete errors.organization.contactEmail;
    const withErrors = await openCopy(errors);
    const refused = await downloadDocument(withErrors.session, { id: 'privacy-notice', format: 'html' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'review-errors' } });
    expect(refused).toEqual(
      await exportDocument(withErrors.session, { id: 'privacy-notice', format: 'html', path: join(withErrors.out, 'n') }),
    );
    expect(bytes(await downloadDocument(withErrors.session, { id: 'privacy-notice', format: 'html', allowErrors: true }))).toMatch(
      /^<!doctype html>/i,
    );

    const { session } = await openCopy();
    expect(await downloadDocument(session, { id: 'terms-of-service', format: 'markdown' })).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message:
          'There is no document "terms-of-service" for this workspace (the notice at collection exists only when the workspace includes CCPA).',
      },
    });

    const ws = structuredClone(sample);
    ws.settings.templatesDir = 'templates';
    const broken = await openCopy(ws, { 'templates/privacy-notice.md': BROKEN_AT_LINE_10 });
    const template = await downloadDocument(broken.session, { id: 'privacy-notice', format: 'markdown' });
    expect(template.ok).toBe(false);
    if (!template.ok) expect(template.error.message).toContain(`${join(broken.folder, 'templates', 'privacy-notice.md')}:10: `);

    const root = await dirs.make();
    const empty = new WorkspaceSession({ dataDir: join(root, 'data'), examplePath: SAMPLE_PATH });
    sessions.push(empty);
    expect(await downloadDocument(empty, { id: 'privacy-notice', format: 'markdown' })).toEqual({
      ok: false,
      error: { code: 'no-workspace', message: 'Nothing was exported: no workspace is open. Open a workspace first.' },
    });
  });

  it('checks its argument: a document id of bounded length, a known format, and no path', async () => {
    const { session, out } = await openCopy();
    const handlers = createHandlers(session, { shell: 'web', version: '0.1.0', platform: 'linux', dataDir: out }, unrestrictedPaths());
    const cases: [unknown, RegExp][] = [
      [{ id: '../../etc/passwd', format: 'markdown' }, /"id" must be a document id/],
      [{ id: 'a'.repeat(201), format: 'markdown' }, /"id" must be at most 200 characters/],
      [{ id: 'privacy-notice', format: 'pdf' }, /"format"/],
      [{ id: 'privacy-notice', format: 'html', allowErrors: 1 }, /"allowErrors" must be true or false/],
      [{ id: 'privacy-notice', format: 'html', path: join(out, 'n.html') }, /unknown field "path"/],
    ];
    for (const [arg, message] of cases) {
      const result = await invokeHandler(handlers, 'document-download', arg);
      expect(result, JSON.stringify(arg).slice(0, 80)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(await readdir(out)).toEqual([]);
  });
});
