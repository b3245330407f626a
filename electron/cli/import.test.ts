// `candor import`: the inventory CSV round trip, the preview and its line and column numbers, what
// --dry-run leaves alone, fideslang suggestions, the lock of a running Candor and the exit codes.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeWorkspace } from '../../core/canonical';
import type { Workspace } from '../../core/schema';
import { validateWorkspace } from '../../core/validate';
import { acquireWorkspaceLock, lockPathFor } from '../services/workspace-lock';
import { CANDOR_BIN, run, sample } from './test-support';

let dir: string;
let dataDir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'candor-import-'));
  // Backups of the replaced version go to Candor's data folder; here, a folder of the test's own.
  dataDir = join(dir, 'data');
  vi.stubEnv('CANDOR_DATA_DIR', dataDir);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, content: string | Buffer | Workspace): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' || Buffer.isBuffer(content) ? content : serializeWorkspace(content));
  return file;
}

async function readWorkspace(file: string): Promise<Workspace> {
  return JSON.parse(await readFile(file, 'utf8')) as Workspace;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function snapshot(file: string) {
  return { bytes: await readFile(file), mtime: (await stat(file)).mtimeMs };
}

/** A copy of the sample and its inventory CSV, parsed into rows of cells. */
async function workspaceAndCsv(workspace?: Workspace) {
  const file = await put('ridgeline.candor.json', workspace ?? (await sample()));
  const csvFile = join(dir, 'inventory.csv');
  expect((await run('export', 'inventory-csv', file, '-o', csvFile)).code).toBe(0);
  const rows = Papa.parse<string[]>((await readFile(csvFile, 'utf8')).trimEnd(), { newline: '\r\n' }).data;
  return { file, csvFile, rows, header: rows[0] };
}

function csv(rows: string[][]): string {
  return `${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}

/** No backups, no lock, no data folder: nothing but the workspace was touched, and it was not. */
async function expectUntouched(file: string, before: { bytes: Buffer; mtime: number }) {
  const after = await snapshot(file);
  expect(after.bytes.equals(before.bytes), `${file} is unchanged`).toBe(true);
  expect(after.mtime).toBe(before.mtime);
  expect(await exists(lockPathFor(file)), 'no lock left behind').toBe(false);
  expect((await readdir(dir)).filter((name) => name.includes('.candor-tmp-'))).toEqual([]);
}

describe('candor import: inventory CSV', () => {
  it('round trip: export, change one benefit, import: only that data type changes, canonically, with a backup', async () => {
    const original = await sample();
    const { file, csvFile, rows, header } = await workspaceAndCsv(original);
    const benefit = header.indexOf('benefit');
    const target = original.dataTypes[2];
    expect(rows[3][0]).toBe(target.id);
    rows[3][benefit] = 'You can find your friends, and they can find you.';
    await writeFile(csvFile, csv(rows));

    const result = await run('import', csvFile, '--into', file);
    expect(result.stderr).toEqual([]);
    expect(result.code).toBe(0);
    // One line per row, in file order, then the summary and what was done.
    const rowLines = result.stdout.slice(0, original.dataTypes.length);
    expect(rowLines).toEqual(
      original.dataTypes.map((d, i) =>
        d.id === target.id ? `line ${i + 2}: update ${d.id} (benefit)` : `line ${i + 2}: unchanged ${d.id}`,
      ),
    );
    expect(result.stdout.at(-1)).toMatch(
      new RegExp(
        `^Imported .*inventory\\.csv into .*: 0 data types added, 1 updated\\. The previous version is kept in ${dataDir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`,
      ),
    );

    const text = await readFile(file, 'utf8');
    const after = JSON.parse(text) as Workspace;
    expect(validateWorkspace(after).ok).toBe(true);
    expect(text).toBe(serializeWorkspace(after));
    const expected = structuredClone(original);
    expected.dataTypes[2].benefit = 'You can find your friends, and they can find you.';
    expect(after).toEqual(expected);
    // The version replaced is in the backups, byte for byte.
    const backupFolders = await readdir(join(dataDir, 'backups'));
    expect(backupFolders).toHaveLength(1);
    // Each backup has a summary beside it (<id>.meta.json) saying what the save changed.
    const backups = (await readdir(join(dataDir, 'backups', backupFolders[0]))).filter((name) => name.endsWith('.candor.json'));
    expect(backups).toHaveLength(1);
    expect(await readFile(join(dataDir, 'backups', backupFolders[0], backups[0]), 'utf8')).toBe(serializeWorkspace(original));
    expect(await exists(lockPathFor(file)), 'the lock is released').toBe(false);
  });

  it('gives back exactly the same data types, hostile cells included, so importing the export changes nothing', async () => {
    const ws = await sample();
    ws.dataTypes[0].benefit = '=HYPERLINK("https://evil.example","x")';
    ws.dataTypes[1].name = "'+1 quoted already";
    ws.dataTypes[2].notes = '@SUM(1;2)\nsecond line';
    const { file, csvFile } = await workspaceAndCsv(ws);
    const before = await snapshot(file);
    const result = await run('import', csvFile, '--into', file);
    expect(result.code).toBe(0);
    expect(result.stdout.filter((l) => l.startsWith('line ')).every((l) => / unchanged /.test(l))).toBe(true);
    expect(result.stdout.at(-1)).toBe(`Nothing to change in ${file}.`);
    await expectUntouched(file, before);
  });

  it('creates a data type from a row with a new id, after the others', async () => {
    const { file, csvFile, rows, header } = await workspaceAndCsv();
    const row = [...rows[1]];
    row[0] = 'shoe-size';
    row[header.indexOf('name')] = 'Shoe size';
    rows.push(row);
    await writeFile(csvFile, csv(rows));
    const result = await run('import', csvFile, '--into', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`line ${rows.length}: create shoe-size "Shoe size"`);
    const after = await readWorkspace(file);
    expect(after.dataTypes.at(-1)).toMatchObject({ id: 'shoe-size', name: 'Shoe size' });
    expect(after.dataTypes).toHaveLength((await sample()).dataTypes.length + 1);
  });

  it('--dry-run prints the same preview and writes nothing: no file change, no backup, no lock (exit 0 when clean)', async () => {
    const { file, csvFile, rows, header } = await workspaceAndCsv();
    rows[2][header.indexOf('benefit')] = 'Changed.';
    await writeFile(csvFile, csv(rows));
    const before = await snapshot(file);
    const result = await run('import', csvFile, '--into', file, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stderr).toEqual([]);
    expect(result.stdout).toContain(`line 3: update ${rows[2][0]} (benefit)`);
    expect(result.stdout.at(-1)).toBe(`Dry run: nothing was written to ${file}.`);
    await expectUntouched(file, before);
    expect(await exists(dataDir)).toBe(false);
  });

  it('reports a bad row by line and column; --dry-run exits 1; the import leaves that row out and brings in the rest (exit 1)', async () => {
    const original = await sample();
    const { file, csvFile, rows, header } = await workspaceAndCsv(original);
    rows[2][header.indexOf('benefit')] = 'Changed.';
    rows[5][header.indexOf('required')] = 'maybe';
    rows[6][header.indexOf('purposes')] = 'account;no-such-purpose';
    await writeFile(csvFile, csv(rows));
    const before = await snapshot(file);

    const dry = await run('import', csvFile, '--into', file, '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('line 6, column required: "maybe" is not true or false; write true, false, or leave the cell empty.');
    expect(dry.stdout.find((l) => l.startsWith('line 7, column purposes: '))).toMatch(/no-such-purpose/);
    expect(
      dry.stdout.some((l) => /^line [67]: /.test(l)),
      'a row with problems gets no create/update line',
    ).toBe(false);
    expect(dry.stdout).toContain(`line 3: update ${rows[2][0]} (benefit)`);
    expect(dry.stdout.join('\n')).toMatch(/2 rows have problems and will be skipped/);
    await expectUntouched(file, before);

    const result = await run('import', csvFile, '--into', file);
    expect(result.code).toBe(1);
    expect(result.stdout.at(-1)).toMatch(
      /: 0 data types added, 1 updated\. .* Left out 2 rows with problems \(listed above\): fix them and import the file again/,
    );
    const after = await readWorkspace(file);
    expect(after.dataTypes[1].benefit).toBe('Changed.');
    expect(after.dataTypes[4]).toEqual(original.dataTypes[4]);
    expect(after.dataTypes[5]).toEqual(original.dataTypes[5]);
    expect(validateWorkspace(after).ok).toBe(true);
  });

  it('imports nothing when the file itself has a problem (a required column missing), and says so (exit 1)', async () => {
    const { file, csvFile, rows, header } = await workspaceAndCsv();
    const purposes = header.indexOf('purposes');
    rows[2][header.indexOf('benefit')] = 'Changed.';
    await writeFile(csvFile, csv(rows.map((row) => row.filter((_, i) => i !== purposes))));
    const before = await snapshot(file);
    const result = await run('import', csvFile, '--into', file);
    expect(result.code).toBe(1);
    expect(result.stdout[0]).toMatch(/^line 1: The file has no "purposes" column/);
    expect(result.stderr).toEqual([
      `Nothing was imported into ${file}: the problems above concern the whole file. Fix them and import again.`,
    ]);
    await expectUntouched(file, before);
  });

  it('refuses a workspace that a running Candor holds (its lock), writing nothing (exit 2)', async () => {
    const { file, csvFile, rows, header } = await workspaceAndCsv();
    rows[2][header.indexOf('benefit')] = 'Changed.';
    await writeFile(csvFile, csv(rows));
    const before = await snapshot(file);
    const held = await acquireWorkspaceLock(file, () => undefined);
    if (!held.ok) throw new Error('the test could not take the lock');
    try {
      const result = await run('import', csvFile, '--into', file);
      expect(result.code).toBe(2);
      expect(result.stderr).toEqual([
        `Nothing was imported: ${file} is open in Candor (another window or process holds its lock ${lockPathFor(file)}). Close it there, or import from the app, then run the import again.`,
      ]);
      const after = await snapshot(file);
      expect(after.bytes.equals(before.bytes)).toBe(true);
    } finally {
      await held.lock.release();
    }
    // Once Candor lets go, the same import goes through.
    expect((await run('import', csvFile, '--into', file)).code).toBe(0);
    expect((await readWorkspace(file)).dataTypes[1].benefit).toBe('Changed.');
  });
});

const FIDESLANG_SYSTEM = `system:
  - fides_key: mobile_app
    name: Mobile app
    system_type: Application
    privacy_declarations:
      - name: Sign in
        data_categories: [user.contact.email, user.authorization.credentials]
        data_use: essential.service.authentication
        data_subjects: [customer]
      - name: Crash reports
        data_categories:
          - user.device.device_id
          - user.made_up_category
        data_use: analytics.reporting.system.performance
`;

const FIDESLANG_DATASET = `dataset:
  - fides_key: app_db
    name: App database
    data_uses: [essential.service]
    collections:
      - name: users
        fields:
          - name: email
            data_categories: [user.contact.email]
          - name: phone
            data_categories: [user.contact.phone_number]
`;

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function position(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe('candor import: fideslang', () => {
  it("previews a system's declarations as suggested data types with their line and column, and reports an unknown category where it is", async () => {
    const file = await put('ridgeline.candor.json', await sample());
    const yml = await put('system.yml', FIDESLANG_SYSTEM);
    const before = await snapshot(file);
    const result = await run('import', yml, '--into', file, '--dry-run');
    expect(result.code).toBe(1);
    const email = position(FIDESLANG_SYSTEM, 'user.contact.email');
    const device = position(FIDESLANG_SYSTEM, 'user.device.device_id');
    const unknown = position(FIDESLANG_SYSTEM, 'user.made_up_category');
    expect(result.stdout[0]).toMatch(
      new RegExp(
        `^line ${email.line}, column ${email.column}: add [a-z0-9-]+ "Email" \\(the workspace already has email-address in user\\.contact\\.email\\)$`,
      ),
    );
    expect(result.stdout.find((l) => l.startsWith(`line ${device.line}, column ${device.column}: add `))).toBeDefined();
    expect(result.stdout.find((l) => l.startsWith(`line ${unknown.line}, column ${unknown.column}: `))).toMatch(
      /"user\.made_up_category" is not a data category/,
    );
    expect(result.stdout).toContain(`Dry run: nothing was written to ${file}.`);
    await expectUntouched(file, before);
  });

  it("adds a system's suggestions with unique ids, leaving out the part with a problem; a second import adds new ids again", async () => {
    const original = await sample();
    const file = await put('ridgeline.candor.json', original);
    const yml = await put('system.yml', FIDESLANG_SYSTEM);
    const first = await run('import', yml, '--into', file);
    expect(first.code).toBe(1); // the unknown category was left out
    expect(first.stdout.at(-1)).toMatch(
      /: 3 data types added \(([a-z0-9-]+, ){2}[a-z0-9-]+\)\. .* Left out 1 suggestion or part of the file with problems/,
    );
    const after = await readWorkspace(file);
    expect(validateWorkspace(after).ok).toBe(true);
    expect(after.dataTypes.slice(0, original.dataTypes.length)).toEqual(original.dataTypes);
    const added = after.dataTypes.slice(original.dataTypes.length);
    expect(added.map((d) => d.category)).toEqual(['user.contact.email', 'user.authorization.credentials', 'user.device.device_id']);
    // The sign-in declaration's data use is the sample's account purpose.
    const signIn = original.purposes.filter((p) => p.use === 'essential.service.authentication').map((p) => p.id);
    expect(signIn.length).toBeGreaterThan(0);
    expect(added[0].purposes).toEqual(signIn);

    const second = await run('import', yml, '--into', file);
    expect(second.code).toBe(1);
    const again = await readWorkspace(file);
    const ids = again.dataTypes.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(again.dataTypes).toHaveLength(original.dataTypes.length + 6);
  });

  it("imports a dataset's fields as data types, with a new purpose for a data use the workspace has none for (exit 0)", async () => {
    const file = join(dir, 'empty.candor.json');
    expect((await run('new', file, '--name', 'Test')).code).toBe(0);
    const yaml = await put('dataset.yaml', FIDESLANG_DATASET);
    const result = await run('import', yaml, '--into', file);
    expect(result.stderr).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'add purpose essential-for-service "Essential for Service" (data use essential.service), used by the data types above',
    );
    const after = await readWorkspace(file);
    expect(after.dataTypes.map((d) => d.category)).toEqual(['user.contact.email', 'user.contact.phone_number']);
    expect(after.purposes).toEqual([expect.objectContaining({ id: 'essential-for-service', use: 'essential.service' })]);
    expect(after.dataTypes.every((d) => d.purposes.includes('essential-for-service'))).toBe(true);
  });

  it('reports YAML that cannot be parsed with its line, and writes nothing (exit 1)', async () => {
    const file = await put('ridgeline.candor.json', await sample());
    const yml = await put('broken.yml', 'system:\n  - name: "unclosed\n    privacy_declarations: []\n');
    const before = await snapshot(file);
    const result = await run('import', yml, '--into', file);
    expect(result.code).toBe(1);
    expect(result.stdout[0]).toMatch(/^line \d+, column \d+: The file is not valid YAML at line \d+/);
    await expectUntouched(file, before);
  });
});

describe('candor import: exit codes and refusals', () => {
  it('refuses an invalid workspace with the lines of candor validate (exit 1), a missing one with exit 2', async () => {
    const ws = await sample();
    ws.dataTypes[0].purposes = ['no-such-purpose'];
    const bad = await put('bad.candor.json', JSON.stringify(ws));
    const csvFile = await put('inventory.csv', 'id,name,category,purposes\r\n');
    const validate = await run('validate', bad);
    const result = await run('import', csvFile, '--into', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual(validate.stderr);
    expect(result.stdout).toEqual([]);

    const missing = await run('import', csvFile, '--into', join(dir, 'nowhere.candor.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr.join('\n')).toMatch(/nowhere\.candor\.json/);
  });

  it('refuses a file it cannot read, one of another kind, and non-UTF-8 text (exit 2)', async () => {
    const file = await put('ridgeline.candor.json', await sample());
    const before = await snapshot(file);
    const missing = await run('import', join(dir, 'nothing.csv'), '--into', file);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toEqual([
      `Cannot read ${join(dir, 'nothing.csv')} does not exist (it may have been moved, renamed or deleted).`,
    ]);

    const json = await put('inventory.json', '[]');
    const other = await run('import', json, '--into', file);
    expect(other.code).toBe(2);
    expect(other.stderr[0]).toMatch(/is neither an inventory CSV \(\.csv\) nor a fideslang file \(\.yml, \.yaml\)/);

    const latin1 = await put('latin1.csv', Buffer.from('id,name,category,purposes\r\nx,Caf\xe9,user.contact.email,account\r\n', 'latin1'));
    const encoded = await run('import', latin1, '--into', file);
    expect(encoded.code).toBe(2);
    expect(encoded.stderr[0]).toMatch(/is not UTF-8 text.*CSV UTF-8/);
    await expectUntouched(file, before);
  });

  it('explains itself in its help: both kinds of file, --dry-run, the exit codes and examples', async () => {
    const help = await run('import', '--help');
    expect(help.code).toBe(0);
    const text = help.stdout.join('\n');
    expect(text).toMatch(/--into <workspace>/);
    expect(text).toMatch(/--dry-run/);
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Rows with problems are left out and the others imported; a problem with the file itself stops the whole import.',
    );
    expect(text).toMatch(/^ {2}1 {2}the workspace is invalid, or rows or parts of the file have problems/m);
    expect(text).toMatch(/\$ candor import inventory\.csv --into \S+ --dry-run/);
    expect(text).toMatch(/\$ candor import \S+\.yml --into \S+/);
  });

  it('requires --into (exit 2)', async () => {
    const result = await run('import', join(dir, 'inventory.csv'));
    expect(result.code).toBe(2);
    expect(result.stderr.join('\n')).toMatch(/--into <workspace>/);
  });

  it('runs through bin/candor.js and ends once the import is written (the lock and the watcher are let go)', async () => {
    const { file, csvFile, rows, header } = await workspaceAndCsv();
    rows[2][header.indexOf('benefit')] = 'Changed by the real command.';
    await writeFile(csvFile, csv(rows));
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CANDOR_BIN, 'import', csvFile, '--into', file], {
      env: { ...process.env, CANDOR_DATA_DIR: dataDir },
      timeout: 30_000,
    });
    expect(stderr).toBe('');
    expect(stdout).toMatch(/: 0 data types added, 1 updated\./);
    expect((await readWorkspace(file)).dataTypes[1].benefit).toBe('Changed by the real command.');
    expect(await exists(lockPathFor(file))).toBe(false);
  });
});
