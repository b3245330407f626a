import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeWorkspace } from '../../core/canonical';
import { BUILD_GROUP_IDS, describeBuildGroup, EXPORT_KINDS, EXPORTS } from '../../core/catalogue';
import { validateWorkspace } from '../../core/validate';
import { memoryOutput } from './output';
import { runCli, type CliDependencies } from './program';

const SAMPLE = resolve(__dirname, '../../resources/examples/little-moments.candor.json');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'candor-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const deps: CliDependencies = {
  version: '9.8.7',
  examplePath: () => SAMPLE,
  serve: () => {
    throw new Error('serve is not run by these tests');
  },
};

async function run(...argv: string[]) {
  const output = memoryOutput();
  const code = await runCli(argv, output, deps);
  return { code, stdout: output.stdout, stderr: output.stderr };
}

async function sample(): Promise<Record<string, any>> {
  return JSON.parse(await readFile(SAMPLE, 'utf8'));
}

async function put(name: string, content: string | Buffer): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

async function snapshot(file: string) {
  return { bytes: await readFile(file), mtime: (await stat(file)).mtimeMs };
}

describe('candor validate', () => {
  it('prints one summary line for a valid workspace and exits 0', async () => {
    const file = await put('little.candor.json', await readFile(SAMPLE));
    expect(await run('validate', file)).toEqual({
      code: 0,
      stdout: [`${file} is valid: 13 data types, 9 purposes, 6 recipients, 11 collection points.`],
      stderr: [],
    });
  });

  it('counts in the singular when there is one of a kind', async () => {
    const ws = await sample();
    ws.purposes = [ws.purposes[0]];
    ws.recipients = [];
    ws.collectionPoints = [ws.collectionPoints[0]];
    ws.dataTypes = [{ id: 'email-address', name: 'Email address', category: 'user.contact.email', purposes: [ws.purposes[0].id] }];
    const file = await put('one.candor.json', JSON.stringify(ws));
    const result = await run('validate', file);
    expect(result.stdout).toEqual([`${file} is valid: 1 data type, 1 purpose, 0 recipients, 1 collection point.`]);
    expect(result.code).toBe(0);
  });

  it('lists one line per problem, in file order, exits 1 and leaves the file alone', async () => {
    const ws = await sample();
    ws.dataTypes[3].purposes[0] = 'nope';
    ws.recipients[1].country = 'XX';
    const file = await put('bad.candor.json', JSON.stringify(ws, null, 2));
    const before = await snapshot(file);
    const result = await run('validate', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toEqual([]);
    expect(result.stderr).toEqual([
      'recipients[1].country: must be a two-letter ISO 3166-1 country code in capitals, such as US, DE or IN',
      'dataTypes[3].purposes[0]: no purpose has the id "nope"; add it under Purposes or remove the reference',
    ]);
    expect(await snapshot(file)).toEqual(before);
  });

  it('exits 2 with one line for a file cut short', async () => {
    const text = await readFile(SAMPLE, 'utf8');
    const file = await put('cut.candor.json', text.slice(0, text.length / 2));
    const result = await run('validate', file);
    expect(result.code).toBe(2);
    expect(result.stdout).toEqual([]);
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toMatch(
      new RegExp(
        `^The workspace file ${escape(file)} is not complete JSON: .*restore a backup or the version from git\\. Candor did not change it\\.$`,
      ),
    );
  });

  it('exits 2 with one line for JSON that is not a workspace object', async () => {
    const file = await put('list.candor.json', '[1, 2]');
    const result = await run('validate', file);
    expect(result).toMatchObject({ code: 2, stdout: [] });
    expect(result.stderr).toEqual([
      `The workspace file ${file} contains a list instead of a workspace object ({ "format": "candor/workspace", … }). Candor did not change it.`,
    ]);
  });

  it('exits 2 for an empty file and for bytes that are not UTF-8', async () => {
    const empty = await put('empty.candor.json', '');
    expect(await run('validate', empty)).toEqual({
      code: 2,
      stdout: [],
      stderr: [`The workspace file ${empty} is empty (0 bytes); restore a backup, or create a new workspace. Candor did not change it.`],
    });
    const latin1 = await put('latin1.candor.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    const result = await run('validate', latin1);
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual([
      `The workspace file ${latin1} is not UTF-8 text (it may be saved in another encoding, or damaged); save it as UTF-8 in a text editor, or restore a backup. Candor did not change it.`,
    ]);
  });

  it('exits 2 naming the file and both versions for a newer format version', async () => {
    const ws = await sample();
    ws.version = 2;
    ws.somethingNew = { kept: true };
    const file = await put('future.candor.json', JSON.stringify(ws));
    const result = await run('validate', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual([
      `${file} was written by a newer version of Candor (workspace format version 2); this version of Candor reads format version 1, so it cannot check or rewrite it. Update Candor.`,
    ]);
  });

  it('exits 2 for a missing file and for a folder', async () => {
    const missing = join(dir, 'missing.candor.json');
    expect(await run('validate', missing)).toEqual({
      code: 2,
      stdout: [],
      stderr: [
        `The workspace file ${missing} does not exist (it may have been moved, renamed or deleted). Check the path, or create a workspace with "candor new ${missing}".`,
      ],
    });
    const folder = join(dir, 'folder.candor.json');
    await mkdir(folder);
    expect(await run('validate', folder)).toEqual({
      code: 2,
      stdout: [],
      stderr: [`The workspace file ${folder} is a folder, not a file; choose a file. Candor did not change it.`],
    });
  });
});

describe('candor format', () => {
  async function untidy(): Promise<string> {
    const ws = await sample();
    // Keys out of order, four-space indent, no final newline, an empty optional written out.
    const { format, version, ...rest } = ws;
    rest.organization.legalName = '';
    return put('untidy.candor.json', JSON.stringify({ ...rest, version, format }, null, 4));
  }

  it('--check exits 1 for a file that is not canonical, and never writes', async () => {
    const file = await untidy();
    const before = await snapshot(file);
    expect(await run('format', '--check', file)).toEqual({
      code: 1,
      stdout: [],
      stderr: [`${file} is not in canonical form; "candor format ${file}" would rewrite it.`],
    });
    expect(await snapshot(file)).toEqual(before);
  });

  it('rewrites the file canonically; afterwards --check passes and a second run changes nothing', async () => {
    const file = await untidy();
    expect(await run('format', file)).toEqual({ code: 0, stdout: [`Rewrote ${file} in canonical form.`], stderr: [] });
    const text = await readFile(file, 'utf8');
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed).slice(0, 2)).toEqual(['format', 'version']);
    expect(parsed.organization).not.toHaveProperty('legalName');
    expect(text).toBe(serializeWorkspace(parsed));
    expect(text.endsWith('}\n')).toBe(true);
    expect(validateWorkspace(parsed).ok).toBe(true);

    const before = await snapshot(file);
    expect(await run('format', '--check', file)).toEqual({
      code: 0,
      stdout: [`${file} is already in canonical form.`],
      stderr: [],
    });
    expect(await run('format', file)).toEqual({ code: 0, stdout: [`${file} is already in canonical form.`], stderr: [] });
    expect(await snapshot(file)).toEqual(before);
  });

  it('leaves a read-only file alone (exit 2), though --check still reports on it', async () => {
    const file = await untidy();
    await chmod(file, 0o444);
    const before = await snapshot(file);
    expect(await run('format', file)).toEqual({
      code: 2,
      stdout: [],
      stderr: [`Cannot rewrite ${file}: the file is read-only. Make it writable first, or check it with "candor format --check ${file}".`],
    });
    expect((await run('format', '--check', file)).code).toBe(1);
    expect(await snapshot(file)).toEqual(before);
  });

  it('keeps unknown keys when it rewrites', async () => {
    const ws = await sample();
    ws.dataTypes[0].fromTheFuture = 'keep me';
    const file = await put('extra.candor.json', JSON.stringify(ws));
    expect((await run('format', file)).code).toBe(0);
    expect(JSON.parse(await readFile(file, 'utf8')).dataTypes[0].fromTheFuture).toBe('keep me');
  });

  it('refuses an invalid file with the same lines and exit code as validate', async () => {
    const ws = await sample();
    ws.dataTypes[0].id = 'Not A Slug';
    const file = await put('bad.candor.json', JSON.stringify(ws, null, 4));
    const before = await snapshot(file);
    const formatted = await run('format', file);
    const validated = await run('validate', file);
    expect(formatted.code).toBe(1);
    expect(formatted.stderr).toEqual(validated.stderr);
    expect(formatted.stderr[0]).toMatch(/^dataTypes\[0\]\.id: must be a lower-case slug/);
    expect(formatted.stdout).toEqual([]);
    expect(await snapshot(file)).toEqual(before);
  });

  it('refuses an unreadable or newer file with exit 2', async () => {
    const cut = await put('cut.candor.json', '{"format": "candor/workspace", "vers');
    const before = await snapshot(cut);
    const result = await run('format', cut);
    expect(result.code).toBe(2);
    expect(result.stderr).toHaveLength(1);
    expect(await snapshot(cut)).toEqual(before);

    const ws = await sample();
    ws.version = 3;
    const newer = await put('newer.candor.json', JSON.stringify(ws, null, 4));
    const newerResult = await run('format', '--check', newer);
    expect(newerResult.code).toBe(2);
    expect(newerResult.stderr[0]).toContain('format version 3');
  });
});

describe('candor new', () => {
  it('writes an empty workspace that validates', async () => {
    const file = join(dir, 'ridgeline.candor.json');
    expect(await run('new', file, '--name', 'Ridgeline')).toEqual({
      code: 0,
      stdout: [`Created ${file}: an empty workspace for "Ridgeline". Open it with: candor serve ${file}`],
      stderr: [],
    });
    const text = await readFile(file, 'utf8');
    const ws = JSON.parse(text);
    expect(ws.organization).toEqual({ name: 'Ridgeline', jurisdictions: ['gdpr'] });
    expect(ws.dataTypes).toEqual([]);
    expect(text).toBe(serializeWorkspace(ws));
    expect((await run('validate', file)).code).toBe(0);
    expect((await run('format', '--check', file)).code).toBe(0);
  });

  it('uses a placeholder organization name when none is given', async () => {
    const file = join(dir, 'w.candor.json');
    expect((await run('new', file)).code).toBe(0);
    expect(JSON.parse(await readFile(file, 'utf8')).organization.name).toBe('My organization');
  });

  it('copies the sample with --example, renamed with --name', async () => {
    const file = join(dir, 'copy.candor.json');
    const result = await run('new', file, '--example', '--name', 'Acme');
    expect(result).toEqual({
      code: 0,
      stdout: [`Created ${file}: a copy of the sample workspace (13 data types). Open it with: candor serve ${file}`],
      stderr: [],
    });
    const ws = JSON.parse(await readFile(file, 'utf8'));
    const original = await sample();
    expect(ws.organization.name).toBe('Acme');
    expect(ws.dataTypes).toEqual(original.dataTypes);
    expect(ws.purposes).toEqual(original.purposes);
  });

  it('refuses to overwrite an existing file (exit 1) and leaves it as it was', async () => {
    const file = await put('taken.candor.json', 'precious, not even JSON');
    expect(await run('new', file, '--example')).toEqual({
      code: 1,
      stdout: [],
      stderr: [`${file} already exists; Candor does not overwrite it. Choose another file name, or delete the file first.`],
    });
    expect(await readFile(file, 'utf8')).toBe('precious, not even JSON');
  });

  it('says so when the folder does not exist, and refuses an empty --name', async () => {
    const file = join(dir, 'no-such-folder', 'w.candor.json');
    expect(await run('new', file)).toEqual({
      code: 2,
      stdout: [],
      stderr: [`Cannot create ${file}: the folder ${join(dir, 'no-such-folder')} does not exist. Create it first, or choose another path.`],
    });
    const named = join(dir, 'w.candor.json');
    const result = await run('new', named, '--name', '  ');
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual([
      '--name must not be empty: give the organization name used in the documents, such as --name "Ridgeline".',
    ]);
    await expect(stat(named)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('help and usage errors', () => {
  it('--help describes every command, with examples', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    const text = result.stdout.join('\n');
    for (const command of ['validate', 'format', 'new', 'serve']) expect(text).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(text).toContain('Examples:');
    expect(text).toContain('$ candor validate ridgeline.candor.json');
    expect(text).toContain('Exit codes:');
  });

  it.each([
    ['validate', ['<file>']],
    ['format', ['<file>', '--check']],
    ['new', ['<file>', '--example', '--name <name>']],
    ['serve', ['[workspace]', '--port <number>', '--example']],
  ])('%s --help describes its arguments and options, with an example', async (command, words) => {
    const result = await run(command, '--help');
    expect(result.code).toBe(0);
    const text = result.stdout.join('\n');
    expect(text).toContain(`Usage: candor ${command}`);
    for (const word of words) expect(text).toContain(word);
    expect(text).toMatch(new RegExp(`\\$ candor ${command} `));
  });

  it('build --help lists every output --only takes, with its files, from the catalogue', async () => {
    const result = await run('build', '--help');
    expect(result.code).toBe(0);
    const text = result.stdout.join('\n');
    // Commander wraps the option's description.
    expect(text.replace(/\s+/g, ' ')).toContain(`comma-separated outputs to build: ${BUILD_GROUP_IDS.join(', ')}`);
    for (const group of BUILD_GROUP_IDS)
      expect(text).toMatch(new RegExp(`^  ${escape(group)} +${escape(describeBuildGroup(group))}$`, 'm'));
  });

  it("build --help says the review's errors stop a build, and shows --allow-errors with an example", async () => {
    const text = (await run('build', '--help')).stdout.join('\n');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('When the review (candor lint) finds an error, nothing is written');
    expect(flat).toContain('--allow-errors write even when the review finds errors, printing each as a warning');
    expect(text).toMatch(/\$ candor build \S+ --out \S+ --allow-errors/);
  });

  it('export --help lists every kind with its line from the catalogue', async () => {
    const result = await run('export', '--help');
    expect(result.code).toBe(0);
    const text = result.stdout.join('\n');
    for (const kind of EXPORT_KINDS) expect(text).toMatch(new RegExp(`^  ${escape(kind)} +${escape(EXPORTS[kind].help)}$`, 'm'));
  });

  it('prints the version', async () => {
    expect(await run('--version')).toEqual({ code: 0, stdout: ['9.8.7'], stderr: [] });
  });

  it("reads publish's --version as the version to publish, not as a request for Candor's own", async () => {
    const file = await put('moments.candor.json', serializeWorkspace(await sample()));
    const result = await run('publish', file, '--version', '2.0', '--effective', '2027-03-01', '--allow-errors');
    expect(result.stdout.join('\n')).not.toContain('9.8.7');
    expect(result.stdout[0]).toMatch(/^Published version 2\.0 of /);
    expect(JSON.parse(await readFile(join(dir, 'moments.versions', 'versions.json'), 'utf8')).versions[0].version).toBe('2.0');
  });

  it.each([
    [['frobnicate'], /^error: unknown command 'frobnicate'/],
    [['validate', '--strict', 'x.json'], /^error: unknown option '--strict'/],
    [['validate'], /^error: missing required argument 'file'/],
    [['validate', 'a.json', 'b.json'], /^error: too many arguments/],
    [['serve', '--port', 'eighty'], /^error: option '-p, --port <number>' argument 'eighty' is invalid\. must be a whole number/],
  ])('candor %j is a usage error: one line, exit 2', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toEqual([]);
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toMatch(message);
    expect(result.stderr[0]).toMatch(/Run "candor --help" for usage\.$/);
  });

  it('without a command, shows the help on stderr and exits 2', async () => {
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stderr.join('\n')).toContain('Usage: candor');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
