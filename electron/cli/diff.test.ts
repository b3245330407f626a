import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeWorkspace } from '../../core/canonical';
import type { Workspace } from '../../core/schema';
import { semanticDiff } from '../../core/semantic-diff';
import { diffCommand } from './diff';
import { memoryOutput } from './output';
import { CANDOR_BIN, run, sample, SAMPLE } from './test-support';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'candor-diff-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, content: Workspace | string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : serializeWorkspace(content));
  return file;
}

/** The sample, and the sample with the email address kept 90 days instead of 30 and a purpose added. */
async function versions(): Promise<[Workspace, Workspace]> {
  const before = await sample();
  const after = await sample();
  after.dataTypes[0].retention = { period: { value: 90, unit: 'days' }, after: 'account-closure' };
  after.purposes.push({ id: 'trail-tips', name: 'Suggest trails near you' });
  return [before, after];
}

const RETENTION_LINE = 'Email address: retention 30 days after account closure → 90 days after account closure';

describe('candor diff', () => {
  it('prints the changes grouped by section and entry, and exits 0', async () => {
    const [before, after] = await versions();
    const oldFile = await put('old.candor.json', before);
    const newFile = await put('new.candor.json', after);
    const result = await run('diff', oldFile, newFile);
    expect(result).toEqual({
      code: 0,
      stderr: [],
      stdout: [
        `${oldFile} → ${newFile}: 2 changes`,
        '',
        'Data types',
        `  ${RETENTION_LINE}`,
        '',
        'Purposes',
        '  Purpose added: Suggest trails near you',
      ],
    });
  });

  it('says when there is nothing to tell', async () => {
    const file = await put('same.candor.json', await sample());
    const result = await run('diff', SAMPLE, file);
    expect(result).toEqual({ code: 0, stderr: [], stdout: [`${SAMPLE} → ${file}: no changes.`] });
  });

  it('--json prints the structured diff', async () => {
    const [before, after] = await versions();
    const oldFile = await put('old.candor.json', before);
    const newFile = await put('new.candor.json', after);
    const result = await run('diff', oldFile, newFile, '--json');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout.join('\n'));
    expect(parsed).toEqual({ old: oldFile, new: newFile, same: false, changes: semanticDiff(before, after).changes });
    expect(parsed.changes[0]).toMatchObject({
      kind: 'changed',
      path: '/dataTypes/email-address/retention',
      before: { period: { value: 30 } },
      after: { period: { value: 90 } },
      line: RETENTION_LINE,
    });
  });

  it("takes the seven arguments git passes an external diff, and /dev/null for a file's missing side", async () => {
    const [before, after] = await versions();
    const oldFile = await put('old.candor.json', before);
    const newFile = await put('new.candor.json', after);
    const hex = '0'.repeat(40);
    const result = await run('diff', 'privacy/ridgeline.candor.json', oldFile, hex, '100644', newFile, hex, '100644');
    expect(result.code).toBe(0);
    expect(result.stdout[0]).toBe('privacy/ridgeline.candor.json: 2 changes');
    expect(result.stdout).toContain(`  ${RETENTION_LINE}`);

    const added = await run('diff', 'ridgeline.candor.json', '/dev/null', '.', '.', newFile, hex, '100644');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('  Data type added: Email address');
    expect(added.stdout).toContain('  Organization: name "" → "Ridgeline"');
  });

  it('names the file that is invalid (exit 1) or missing (exit 2), and compares nothing', async () => {
    const broken = await sample();
    broken.dataTypes[0].purposes = ['no-such-purpose'];
    const bad = await put('bad.candor.json', broken);
    const invalid = await run('diff', SAMPLE, bad);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toEqual([]);
    expect(invalid.stderr[0]).toBe(`${bad} is not a valid workspace, so it cannot be compared:`);
    expect(invalid.stderr[1]).toMatch(/^ {2}dataTypes\[0\]\.purposes\[0\]: .*no-such-purpose/);

    const missing = join(dir, 'missing.candor.json');
    const gone = await run('diff', missing, SAMPLE);
    expect(gone.code).toBe(2);
    expect(gone.stdout).toEqual([]);
    expect(gone.stderr).toHaveLength(1);
    expect(gone.stderr[0]).toContain(missing);
  });

  it('refuses any other number of files with exit 2', async () => {
    const result = await run('diff', SAMPLE, SAMPLE, 'extra');
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual([
      'candor diff takes two workspace files (old, then new), or the seven arguments git passes to an external diff; it got 3 arguments. Run "candor diff --help" for usage.',
    ]);
    const one = await run('diff', SAMPLE);
    expect(one.code).toBe(2);
    expect(one.stderr[0]).toMatch(/^candor diff takes two workspace files .* it got 1 argument\./);
  });

  it("answers git's one-argument call for a path a merge left conflicted, without failing the diff", async () => {
    const output = memoryOutput();
    expect(await diffCommand(['ridgeline.candor.json'], { calledByGit: true }, output)).toBe(0);
    expect(output.stdout).toEqual(['ridgeline.candor.json: not merged yet; resolve the merge (see "candor merge"), then compare.']);
  });

  it('--help describes both forms, with examples', async () => {
    const result = await run('diff', '--help');
    expect(result.code).toBe(0);
    const text = result.stdout.join('\n');
    for (const word of ['Usage: candor diff', '<old>', '[new]', '--json', 'seven arguments', '$ candor diff '])
      expect(text).toContain(word);
    expect((await run('--help')).stdout.join('\n')).toMatch(/^ {2}diff\b[\s\S]*^ {2}textconv\b/m);
  });
});

describe('candor textconv', () => {
  it('prints the workspace one field a line', async () => {
    const result = await run('textconv', SAMPLE);
    expect(result.code).toBe(0);
    expect(result.stderr).toEqual([]);
    expect(result.stdout[0]).toBe('Candor workspace, format version 1');
    expect(result.stdout).toContain('Email address: retention: 30 days after account closure');
  });

  it('prints a file it cannot read as a workspace as it is, after saying why, so git diff still shows it', async () => {
    const file = await put('conflict.candor.json', '{\n<<<<<<< ours\n');
    const result = await run('textconv', file);
    expect(result.code).toBe(0);
    expect(result.stdout[0]).toMatch(
      new RegExp(`^\\(Candor cannot read ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} as a workspace: .*\\)$`),
    );
    expect(result.stdout.slice(1)).toEqual(['{', '<<<<<<< ours']);
    const missing = await run('textconv', join(dir, 'none.candor.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr[0]).toContain('none.candor.json');
  });
});

describe('with git', () => {
  const exec = promisify(execFile);
  const git = (cwd: string, ...args: string[]) =>
    exec('git', args, {
      cwd,
      // The test's repository only: no user or system settings.
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_PAGER: 'cat', LC_ALL: 'C.UTF-8' },
    });

  it('git diff shows a retention change as readable lines, through textconv or as an external diff', async () => {
    const [before, after] = await versions();
    await git(dir, 'init', '-q');
    await writeFile(join(dir, '.gitattributes'), '*.candor.json diff=candor\n');
    const file = await put('ridgeline.candor.json', before);
    await git(dir, 'add', '.');
    await git(dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'Version 1');
    await writeFile(file, serializeWorkspace(after));

    const candor = `"${process.execPath}" "${CANDOR_BIN}"`;
    // The settings as README.md ("Using Candor with git") gives them.
    const xfuncname = '^((Data type|Purpose|Recipient|Collection point|Financial incentive) .*|== .* ==)$';
    const textconv = await git(dir, '-c', `diff.candor.textconv=${candor} textconv`, '-c', `diff.candor.xfuncname=${xfuncname}`, 'diff');
    const lines = textconv.stdout.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^@@ .* @@ Data type Email address \(email-address\)$/));
    expect(lines).toContain('-Email address: retention: 30 days after account closure');
    expect(lines).toContain('+Email address: retention: 90 days after account closure');
    expect(lines).toContain('+Purpose Suggest trails near you (trail-tips)');
    // No JSON lines: git compared the texts, not the files.
    expect(textconv.stdout).not.toContain('"unit"');

    const external = await git(dir, '-c', `diff.candor.command=${candor} diff`, 'diff');
    expect(external.stdout.split('\n')).toEqual([
      'ridgeline.candor.json: 2 changes',
      '',
      'Data types',
      `  ${RETENTION_LINE}`,
      '',
      'Purposes',
      '  Purpose added: Suggest trails near you',
      '',
    ]);

    await git(dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-a', '-m', 'Version 2');
    const difftool = await git(
      dir,
      '-c',
      `difftool.candor.cmd=${candor} diff "$LOCAL" "$REMOTE"`,
      'difftool',
      '-y',
      '--tool=candor',
      'HEAD~1',
      'HEAD',
    );
    expect(difftool.stdout).toContain(`  ${RETENTION_LINE}\n`);
  }, 90_000);
});

describe('candor diff --redline', () => {
  /** The text of each tracked insertion and deletion in a Word file's body. */
  async function revisions(file: string): Promise<{ inserted: string[]; deleted: string[]; authors: string[] }> {
    const { strFromU8, unzipSync } = await import('fflate');
    const { readFile } = await import('node:fs/promises');
    const xml = strFromU8(unzipSync(new Uint8Array(await readFile(file)))['word/document.xml']);
    const texts = (tag: 'ins' | 'del', text: 't' | 'delText') =>
      [...xml.matchAll(new RegExp(`<w:${tag} [^>]*>(.*?)</w:${tag}>`, 'g'))]
        .map((m) => [...m[1].matchAll(new RegExp(`<w:${text}[^>]*>([^<]*)</w:${text}>`, 'g'))].map((t) => t[1]).join(''))
        .filter(Boolean);
    return {
      inserted: texts('ins', 't'),
      deleted: texts('del', 'delText'),
      authors: [...new Set([...xml.matchAll(/w:author="([^"]*)"/g)].map((m) => m[1]))],
    };
  }

  it('writes the notice with the changed retention as tracked changes, and still prints the diff', async () => {
    const [before, after] = await versions();
    const oldFile = await put('old.candor.json', before);
    const newFile = await put('new.candor.json', after);
    const out = join(dir, 'changes.docx');
    const result = await run('diff', oldFile, newFile, '--redline', out);
    expect(result.code).toBe(0);
    expect(result.stdout[0]).toBe(`Wrote the redline of the privacy-notice (${oldFile} → ${newFile}) to ${out}.`);
    expect(result.stdout).toContain(`  ${RETENTION_LINE}`);
    const { inserted, deleted, authors } = await revisions(out);
    expect(authors).toEqual(['Candor']);
    expect(deleted).toContain('30');
    expect(inserted).toContain('90');
  });

  it('compares a published version from the archive with the working copy, and writes an HTML page', async () => {
    const [before, after] = await versions();
    const file = await put('ridgeline.candor.json', before);
    expect((await run('publish', file, '--effective', '2026-01-01', '--allow-errors')).code).toBe(0);
    await put('ridgeline.candor.json', after);
    const out = join(dir, 'changes.html');
    const result = await run('diff', join(dir, 'ridgeline.versions', '1.0.candor.json'), file, '--redline', out);
    expect(result.code).toBe(0);
    const html = await (await import('node:fs/promises')).readFile(out, 'utf8');
    // the old side is rendered as the published version 1.0, the new one as the draft it is
    expect(html).toMatch(/<del>[^<]*Version 1\.0[^<]*<\/del>/);
    expect(html).toMatch(/<del>30<\/del><ins>90<\/ins>/);
    expect(html).toContain("default-src 'none'");
  });

  it('refuses an output that is neither .docx nor .html', async () => {
    const [before, after] = await versions();
    const result = await run(
      'diff',
      await put('old.candor.json', before),
      await put('new.candor.json', after),
      '--redline',
      join(dir, 'x.pdf'),
    );
    expect(result.code).toBe(2);
    expect(result.stderr.join('\n')).toMatch(/\.docx file .* or an \.html file/);
  });
});
