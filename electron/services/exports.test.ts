// `export-file`, `export-download` and `import-preview` through the handler map (argument schemas included), on a real
// session with a copy of the sample open: every kind is written and parsed back with the library its
// readers use, and files to import are read into a preview without changing anything.
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { parse as parsePlist } from 'plist';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ExportDownload, ImportPreview, SessionState } from '../../core/api';
import { EXPORT_KINDS, EXPORTS, type ExportKind } from '../../core/catalogue';
import { APPLE_DATA_TYPES, APPLE_DATA_TYPE_PREFIX } from '../../core/identifiers';
import { INVENTORY_COLUMNS } from '../../core/interchange/inventory-csv';
import { lintWorkspace } from '../../core/lint';
import { isPublishedExport } from '../../core/publish';
import type { Workspace } from '../../core/schema';
import { PLAY_CSV_HEADER } from '../../core/stores/play';
import { exportPath } from './exports';
import { unrestrictedPaths } from './path-guard';
import { createHandlers, invokeHandler } from './handlers';
import { ROPA_SHEET_NAME } from './ropa-xlsx';
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

function opened(state: SessionState) {
  if (state.status !== 'open') throw new Error(`expected an open workspace, got ${JSON.stringify(state).slice(0, 300)}`);
  return state;
}

async function setup(workspace: Workspace = sample) {
  const root = await dirs.make('candor-exports-');
  const folder = join(root, 'repo');
  await mkdir(folder);
  const file = join(folder, 'w.candor.json');
  await writeFile(file, canonical(workspace));
  const session = new WorkspaceSession({ dataDir: join(root, 'data'), examplePath: SAMPLE_PATH });
  sessions.push(session);
  const state = opened(await session.open(file));
  const handlers = createHandlers(
    session,
    { shell: 'web', version: '0.1.0', platform: 'linux', dataDir: join(root, 'data') },
    unrestrictedPaths(),
  );
  const out = join(root, 'exports');
  await mkdir(out);
  return { root, folder, file, session, state, handlers, out };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function exportTo(s: Setup, kind: ExportKind, name: string): Promise<string> {
  const result = await invokeHandler(s.handlers, 'export-file', { kind, path: join(s.out, name) });
  if (!result.ok) throw new Error(`export-file ${kind} failed: ${result.error.message}`);
  return (result.value as { path: string }).path;
}

async function exportToWith(s: Setup, kind: ExportKind, name: string, extra: { allowErrors?: boolean }): Promise<string> {
  const result = await invokeHandler(s.handlers, 'export-file', { kind, path: join(s.out, name), ...extra });
  if (!result.ok) throw new Error(`export-file ${kind} failed: ${result.error.message}`);
  return (result.value as { path: string }).path;
}

async function preview(s: Setup, path: string): Promise<ImportPreview> {
  const result = await invokeHandler(s.handlers, 'import-preview', { path });
  if (!result.ok) throw new Error(`import-preview failed: ${result.error.message}`);
  return result.value as ImportPreview;
}

function csvRows(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(0, -2), { newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('export-file', () => {
  it('writes the Apple privacy manifest as a property list with real identifiers', async () => {
    const s = await setup();
    const path = await exportTo(s, 'apple-privacy-manifest', 'PrivacyInfo.xcprivacy');
    expect(path).toBe(join(s.out, 'PrivacyInfo.xcprivacy'));
    const manifest = parsePlist(await readFile(path, 'utf8')) as Record<string, unknown> & {
      NSPrivacyCollectedDataTypes: { NSPrivacyCollectedDataType: string }[];
    };
    expect(Object.keys(manifest).sort()).toEqual([
      'NSPrivacyAccessedAPITypes',
      'NSPrivacyCollectedDataTypes',
      'NSPrivacyTracking',
      'NSPrivacyTrackingDomains',
    ]);
    const known = new Set(APPLE_DATA_TYPES.map((t) => APPLE_DATA_TYPE_PREFIX + t.id));
    expect(manifest.NSPrivacyCollectedDataTypes.length).toBeGreaterThan(0);
    for (const entry of manifest.NSPrivacyCollectedDataTypes)
      expect(known.has(entry.NSPrivacyCollectedDataType), entry.NSPrivacyCollectedDataType).toBe(true);
  });

  it('writes the App Store answers as Markdown naming the organisation', async () => {
    const s = await setup();
    const text = await readFile(await exportTo(s, 'app-store-answers', 'answers'), 'utf8');
    expect(text.startsWith('# ')).toBe(true);
    expect(text).toContain(sample.organization.name);
    expect(text).toMatch(/- \[x\] /);
  });

  it('writes the Play Data safety CSV with the exact header and five cells a row', async () => {
    const s = await setup();
    const rows = csvRows(await readFile(await exportTo(s, 'play-data-safety', 'data-safety.csv'), 'utf8'));
    expect(rows[0]).toEqual([...PLAY_CSV_HEADER]);
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows.slice(1)) expect(row).toHaveLength(5);
  });

  it('writes the record of processing as CSV (a row per purpose), as an Excel workbook and as a Word file', async () => {
    const s = await setup();
    const rows = csvRows(await readFile(await exportTo(s, 'ropa-csv', 'ropa.csv'), 'utf8'));
    expect(rows).toHaveLength(sample.purposes.length + 1);
    expect(rows.slice(1).map((r) => r.join(' '))).toEqual(sample.purposes.map((p) => expect.stringContaining(p.name)));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await exportTo(s, 'ropa-xlsx', 'ropa.xlsx'))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(ROPA_SHEET_NAME);
    expect(sheet, 'the record sheet').toBeDefined();
    const texts: string[] = [];
    sheet!.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.value))));
    for (const purpose of sample.purposes)
      expect(
        texts.some((t) => t.includes(purpose.name)),
        purpose.name,
      ).toBe(true);

    const docx = await readFile(await exportTo(s, 'ropa-docx', 'ropa'));
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const body = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']);
    expect(body).toContain('<w:tbl>');
    expect((await readdir(s.out)).sort()).toEqual(['ropa.csv', 'ropa.docx', 'ropa.xlsx']);
  });

  it('writes the inventory CSV, which reads back as every data type unchanged', async () => {
    const s = await setup();
    const path = await exportTo(s, 'inventory-csv', 'inventory.csv');
    const rows = csvRows(await readFile(path, 'utf8'));
    expect(rows[0]).toEqual(INVENTORY_COLUMNS.map((c) => c.name));
    expect(rows).toHaveLength(sample.dataTypes.length + 1);
    const back = await preview(s, path);
    expect(back.format).toBe('inventory-csv');
    if (back.format !== 'inventory-csv') return;
    expect(back.preview.counts).toEqual({ create: 0, update: 0, unchanged: sample.dataTypes.length, skipped: 0 });
  });

  it('writes the fideslang system as YAML with a privacy declaration per purpose in use', async () => {
    const s = await setup();
    const path = await exportTo(s, 'fideslang', 'system');
    expect(path).toBe(join(s.out, 'system.yml'));
    const doc = parseYaml(await readFile(path, 'utf8')) as {
      system: { fides_key: string; privacy_declarations: { data_use: string; data_categories: string[] }[] }[];
    };
    expect(doc.system).toHaveLength(1);
    expect(doc.system[0].privacy_declarations.length).toBeGreaterThan(0);
    for (const d of doc.system[0].privacy_declarations) expect(d.data_categories.length).toBeGreaterThan(0);
  });

  it('adds the extension of the kind when the path has none that says what the file holds', () => {
    expect(exportPath('ropa-xlsx', '/x/record')).toBe('/x/record.xlsx');
    expect(exportPath('ropa-xlsx', '/x/RECORD.XLSX')).toBe('/x/RECORD.XLSX');
    expect(exportPath('ropa-docx', '/x/record.xlsx')).toBe('/x/record.xlsx.docx');
    expect(exportPath('apple-privacy-manifest', '/x/PrivacyInfo')).toBe('/x/PrivacyInfo.xcprivacy');
    expect(exportPath('apple-privacy-manifest', '/x/manifest.plist')).toBe('/x/manifest.plist');
    expect(exportPath('fideslang', '/x/system.yaml')).toBe('/x/system.yaml');
    expect(exportPath('app-store-answers', '/x/answers.txt')).toBe('/x/answers.txt.md');
  });

  it('exports what was saved last', async () => {
    const s = await setup();
    const edited = structuredClone(s.state.workspace);
    edited.purposes[0].name = 'Keep your journal safe across every device';
    const saved = await s.session.save(edited, s.state.revision);
    expect(saved.ok).toBe(true);
    const text = await readFile(await exportTo(s, 'ropa-csv', 'ropa.csv'), 'utf8');
    expect(text).toContain('Keep your journal safe across every device');
  });

  it('refuses to write over the open workspace, also through a link, and leaves it as it was', async () => {
    const s = await setup();
    const before = await readFile(s.file, 'utf8');
    // The workspace's own name gets the kind's extension, so it is never the target.
    const direct = await invokeHandler(s.handlers, 'export-file', { kind: 'fideslang', path: s.file });
    expect(direct).toEqual({ ok: true, value: { path: `${s.file}.yml` } });
    await symlink(s.file, join(s.out, 'link.csv'));
    const linked = await invokeHandler(s.handlers, 'export-file', { kind: 'inventory-csv', path: join(s.out, 'link.csv') });
    expect(linked).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!linked.ok)
      expect(linked.error.message).toMatch(/is the open workspace, and exporting there would replace it\. Choose another file name\.$/);
    expect(await readFile(s.file, 'utf8')).toBe(before);
  });

  it('reports a folder that does not exist plainly, naming the file, and writes nothing', async () => {
    const s = await setup();
    const target = join(s.out, 'missing', 'ropa.csv');
    const result = await invokeHandler(s.handlers, 'export-file', { kind: 'ropa-csv', path: target });
    expect(result).toMatchObject({ ok: false, error: { code: 'io', file: target } });
    if (!result.ok) expect(result.error.message).toMatch(/^Nothing was exported: .*missing\/ropa\.csv /);
    expect(await readdir(s.out)).toEqual([]);
  });

  it('checks its argument: a known kind and an absolute path', async () => {
    const s = await setup();
    const unknown = await invokeHandler(s.handlers, 'export-file', { kind: 'ropa-pdf', path: join(s.out, 'x') });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    if (!unknown.ok) expect(unknown.error.message).toContain(`"kind" must be one of ${EXPORT_KINDS.join(', ')}`);
    const relative = await invokeHandler(s.handlers, 'export-file', { kind: 'ropa-csv', path: 'ropa.csv' });
    expect(relative).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    if (!relative.ok) expect(relative.error.message).toMatch(/"path" must be an absolute file path/);
    expect(await readdir(s.out)).toEqual([]);
  });

  it('says so when no workspace is open', async () => {
    const s = await setup();
    await s.session.close();
    const fresh = new WorkspaceSession({ dataDir: join(s.root, 'data2'), examplePath: SAMPLE_PATH });
    sessions.push(fresh);
    const handlers = createHandlers(
      fresh,
      { shell: 'web', version: '0.1.0', platform: 'linux', dataDir: join(s.root, 'data2') },
      unrestrictedPaths(),
    );
    const result = await invokeHandler(handlers, 'export-file', { kind: 'ropa-csv', path: join(s.out, 'ropa.csv') });
    expect(result).toMatchObject({ ok: false, error: { code: 'no-workspace' } });
  });
});

describe('export-file and the review', () => {
  /** The sample without its privacy contact and supervisory authority: valid, but two review errors. */
  function withReviewErrors(): Workspace {
    const ws = structuredClone(sample);
    delete ws.organization.contactEmail;
    delete ws.organization.supervisoryAuthority;
    return ws;
  }

  it('refuses every store disclosure and record of processing while the review finds errors, listing them, and writes nothing', async () => {
    const s = await setup(withReviewErrors());
    const problems = lintWorkspace(withReviewErrors())
      .filter((f) => f.severity === 'error')
      .map(({ path, message }) => ({ path, message }));
    expect(problems).toHaveLength(2);
    const published = EXPORT_KINDS.filter(isPublishedExport);
    expect(published).toEqual(['apple-privacy-manifest', 'app-store-answers', 'play-data-safety', 'ropa-csv', 'ropa-xlsx', 'ropa-docx']);
    for (const kind of published) {
      const result = await invokeHandler(s.handlers, 'export-file', { kind, path: join(s.out, EXPORTS[kind].fileName) });
      expect(result, kind).toEqual({
        ok: false,
        error: {
          code: 'review-errors',
          message:
            'Nothing was exported: the review finds 2 errors in this workspace, so the file would state something wrong. Fix them (the Review screen lists them), or choose to export anyway.',
          problems,
        },
      });
    }
    expect(await readdir(s.out)).toEqual([]);
  });

  it('exports anyway with allowErrors', async () => {
    const s = await setup(withReviewErrors());
    const path = await exportToWith(s, 'play-data-safety', 'data-safety.csv', { allowErrors: true });
    expect(csvRows(await readFile(path, 'utf8'))[0]).toEqual([...PLAY_CSV_HEADER]);
    const wrong = await invokeHandler(s.handlers, 'export-file', { kind: 'ropa-csv', path: join(s.out, 'r.csv'), allowErrors: 1 });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('writes the interchange files whatever the review says', async () => {
    const s = await setup(withReviewErrors());
    await exportTo(s, 'inventory-csv', 'inventory.csv');
    await exportTo(s, 'fideslang', 'system.yml');
    expect((await readdir(s.out)).sort()).toEqual(['inventory.csv', 'system.yml']);
  });

  it('reads the saved workspace: fixing the error and saving lets the export through', async () => {
    const s = await setup(withReviewErrors());
    expect(await invokeHandler(s.handlers, 'export-file', { kind: 'ropa-csv', path: join(s.out, 'ropa.csv') })).toMatchObject({
      ok: false,
      error: { code: 'review-errors' },
    });
    const saved = await s.session.save(sample, s.state.revision);
    expect(saved.ok).toBe(true);
    await exportTo(s, 'ropa-csv', 'ropa.csv');
  });
});

/**
 * The same file, byte for byte; for a zip (Word, Excel), the same entries, since a zip stamps its entries
 * with the time it was made and docProps/core.xml records it.
 */
function sameContent(a: Buffer, b: Buffer): boolean {
  if (a.subarray(0, 2).toString('latin1') !== 'PK') return a.equals(b);
  const entries = (bytes: Buffer) =>
    Object.entries(unzipSync(new Uint8Array(bytes)))
      .filter(([name]) => name !== 'docProps/core.xml')
      .map(([name, data]) => [name, Buffer.from(data).toString('base64')]);
  return JSON.stringify(entries(a)) === JSON.stringify(entries(b));
}

describe('export-download', () => {
  async function download(s: Setup, kind: ExportKind, extra: { allowErrors?: boolean } = {}) {
    const result = await invokeHandler(s.handlers, 'export-download', { kind, ...extra });
    if (!result.ok) throw new Error(`export-download ${kind} failed: ${result.error.message}`);
    return result.value as ExportDownload;
  }

  it("hands back every kind with the same bytes export-file writes, under the catalogue's file name and media type, writing nothing", async () => {
    const s = await setup();
    const mediaTypes: Record<ExportKind, string> = {
      'apple-privacy-manifest': 'application/x-plist',
      'app-store-answers': 'text/markdown; charset=utf-8',
      'play-data-safety': 'text/csv; charset=utf-8',
      'ropa-csv': 'text/csv; charset=utf-8',
      'ropa-xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'ropa-docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'inventory-csv': 'text/csv; charset=utf-8',
      fideslang: 'application/yaml',
    };
    const before = await readdir(s.folder);
    for (const kind of EXPORT_KINDS) {
      const got = await download(s, kind);
      expect({ fileName: got.fileName, mediaType: got.mediaType }, kind).toEqual({
        fileName: EXPORTS[kind].fileName,
        mediaType: mediaTypes[kind],
      });
      const written = await readFile(await exportTo(s, kind, EXPORTS[kind].fileName));
      expect(sameContent(Buffer.from(got.base64, 'base64'), written), kind).toBe(true);
    }
    // Only export-file wrote, into its own folder; the download touched no file.
    expect((await readdir(s.out)).sort()).toEqual(EXPORT_KINDS.map((k) => EXPORTS[k].fileName).sort());
    expect(await readdir(s.folder)).toEqual(before);
  });

  it('hands back binary files intact: the Word record is a zip, the workbook opens', async () => {
    const s = await setup();
    const docx = Buffer.from((await download(s, 'ropa-docx')).base64, 'base64');
    expect(strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml'])).toContain('<w:tbl>');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await download(s, 'ropa-xlsx')).base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.getWorksheet(ROPA_SHEET_NAME)).toBeDefined();
  });

  it('refuses a published export while the review finds errors, the same way export-file does, unless allowErrors', async () => {
    const ws = structuredClone(sample);
    delete ws.organization.contactEmail;
    const s = await setup(ws);
    for (const kind of EXPORT_KINDS.filter(isPublishedExport)) {
      const refused = await invokeHandler(s.handlers, 'export-download', { kind });
      const byPath = await invokeHandler(s.handlers, 'export-file', { kind, path: join(s.out, EXPORTS[kind].fileName) });
      expect(refused, kind).toMatchObject({ ok: false, error: { code: 'review-errors' } });
      expect(refused, kind).toEqual(byPath);
    }
    const anyway = await download(s, 'play-data-safety', { allowErrors: true });
    expect(csvRows(Buffer.from(anyway.base64, 'base64').toString('utf8'))[0]).toEqual([...PLAY_CSV_HEADER]);
    // The interchange files are not published: no refusal.
    expect((await download(s, 'inventory-csv')).fileName).toBe('inventory.csv');
    expect(await readdir(s.out)).toEqual([]);
  });

  it('says so when no workspace is open', async () => {
    const s = await setup();
    const fresh = new WorkspaceSession({ dataDir: join(s.root, 'data2'), examplePath: SAMPLE_PATH });
    sessions.push(fresh);
    const handlers = createHandlers(
      fresh,
      { shell: 'web', version: '0.1.0', platform: 'linux', dataDir: join(s.root, 'data2') },
      unrestrictedPaths(),
    );
    expect(await invokeHandler(handlers, 'export-download', { kind: 'ropa-csv' })).toEqual({
      ok: false,
      error: { code: 'no-workspace', message: 'Nothing was exported: no workspace is open. Open a workspace first.' },
    });
  });

  it('checks its argument: a known kind, allowErrors a yes or no, and no path', async () => {
    const s = await setup();
    const cases: [unknown, RegExp][] = [
      [{ kind: 'ropa-pdf' }, /"kind" must be one of/],
      [{ kind: 'x'.repeat(100_000) }, /"kind" must be one of/],
      [{}, /"kind"/],
      [{ kind: 'ropa-csv', allowErrors: 'yes' }, /"allowErrors" must be true or false/],
      [{ kind: 'ropa-csv', path: join(s.out, 'ropa.csv') }, /unknown field "path"/],
      [['ropa-csv'], /the argument must be an object/],
    ];
    for (const [arg, message] of cases) {
      const result = await invokeHandler(s.handlers, 'export-download', arg);
      expect(result, JSON.stringify(arg).slice(0, 80)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(await readdir(s.out)).toEqual([]);
  });
});

describe('import-preview', () => {
  it('previews an edited inventory CSV row by row without changing the workspace', async () => {
    const s = await setup();
    const path = await exportTo(s, 'inventory-csv', 'inventory.csv');
    const rows = csvRows(await readFile(path, 'utf8'));
    const header = rows[0];
    const col = (name: string) => header.indexOf(name);
    rows[1][col('name')] = 'Email address (sign-in)';
    const added = [...rows[2]];
    added[col('id')] = 'shoe-size';
    added[col('name')] = 'Shoe size';
    const broken = [...rows[3]];
    broken[col('id')] = 'broken-row';
    broken[col('purposes')] = 'no-such-purpose';
    const text = Papa.unparse([...rows, added, broken], { newline: '\r\n' });
    const edited = join(s.out, 'edited.csv');
    await writeFile(edited, text);
    const before = await readFile(s.file, 'utf8');

    const result = await preview(s, edited);
    expect(result).toMatchObject({ format: 'inventory-csv', path: edited });
    if (result.format !== 'inventory-csv') return;
    const byId = new Map(result.preview.rows.map((r) => [r.id, r]));
    expect(byId.get(sample.dataTypes[0].id)).toMatchObject({ action: 'update', problems: [] });
    expect(byId.get('shoe-size')).toMatchObject({ action: 'create', problems: [] });
    const bad = byId.get('broken-row')!;
    expect(bad.problems.length).toBeGreaterThan(0);
    expect(bad.problems[0]).toMatchObject({ line: rows.length + 2, column: 'purposes' });
    expect(result.preview.counts).toMatchObject({ create: 1, update: 1, skipped: 1 });
    expect(await readFile(s.file, 'utf8')).toBe(before);
  });

  it('previews a fideslang file as suggested data types', async () => {
    const s = await setup();
    const result = await preview(s, join(__dirname, '../../core/interchange/fixtures/system.yml'));
    expect(result.format).toBe('fideslang');
    if (result.format !== 'fideslang') return;
    expect(result.preview.kind).toBe('system');
    expect(result.preview.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of result.preview.suggestions) expect(suggestion.dataType.name).toBeTruthy();
  });

  it('refuses a file that is neither CSV nor YAML, saying which files it takes', async () => {
    const s = await setup();
    const path = join(s.out, 'inventory.xlsx');
    await writeFile(path, 'PK');
    const result = await invokeHandler(s.handlers, 'import-preview', { path });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument', file: path } });
    if (!result.ok) {
      expect(result.error.message).toBe(
        `${path} cannot be imported: Candor imports an inventory CSV (.csv) or a fideslang system or dataset (.yml or .yaml). Choose one of those, or save the file with the right extension.`,
      );
    }
  });

  it('says what to do with a file that is not UTF-8, a folder and a file that is not there', async () => {
    const s = await setup();
    const latin1 = join(s.out, 'latin1.csv');
    await writeFile(
      latin1,
      Buffer.from([0x69, 0x64, 0x2c, 0x6e, 0x61, 0x6d, 0x65, 0x0d, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x2c, 0x43, 0x61, 0x66, 0xe9]),
    );
    const notUtf8 = await invokeHandler(s.handlers, 'import-preview', { path: latin1 });
    expect(notUtf8).toMatchObject({ ok: false, error: { code: 'unreadable', file: latin1 } });
    if (!notUtf8.ok) expect(notUtf8.error.message).toMatch(/is not UTF-8 text\. Save it again as UTF-8/);

    const folder = join(s.out, 'folder.csv');
    await mkdir(folder);
    const isFolder = await invokeHandler(s.handlers, 'import-preview', { path: folder });
    expect(isFolder.ok === false && isFolder.error.message).toBe(`Nothing was imported: ${folder} is a folder, not a file; choose a file.`);

    const missing = join(s.out, 'missing.yml');
    const notThere = await invokeHandler(s.handlers, 'import-preview', { path: missing });
    expect(notThere).toMatchObject({ ok: false, error: { code: 'io', file: missing } });
    if (!notThere.ok)
      expect(notThere.error.message).toBe(`Nothing was imported: ${missing} does not exist (it may have been moved, renamed or deleted).`);
  });
});
