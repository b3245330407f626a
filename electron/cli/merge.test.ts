import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeWorkspace } from '../../core/canonical';
import type { Workspace } from '../../core/schema';
import { validateWorkspace } from '../../core/validate';
import { CANDOR_BIN, run, sample, SAMPLE } from './test-support';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'candor-merge-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, content: Workspace | string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : serializeWorkspace(content));
  return file;
}

async function readBack(file: string): Promise<Workspace> {
  const text = await readFile(file, 'utf8');
  const workspace = JSON.parse(text) as Workspace;
  // What Candor writes: canonical and valid.
  expect(text).toBe(serializeWorkspace(workspace));
  expect(validateWorkspace(workspace).ok).toBe(true);
  return workspace;
}

describe('candor merge', () => {
  it('merges edits to different entries and fields, writes the result and exits 0', async () => {
    const base = await sample();
    const ours = await sample();
    const theirs = await sample();
    ours.dataTypes[0].retention = { period: { value: 90, unit: 'days' }, after: 'account-closure' };
    theirs.dataTypes[0].owner = 'Growth team';
    theirs.purposes.push({ id: 'trail-tips', name: 'Suggest trails near you' });
    const out = join(dir, 'merged.candor.json');
    const result = await run(
      'merge',
      await put('base.json', base),
      await put('ours.json', ours),
      await put('theirs.json', theirs),
      '-o',
      out,
    );
    expect(result).toEqual({ code: 0, stderr: [], stdout: [`${out}: merged with no conflicts.`] });
    const merged = await readBack(out);
    expect(merged.dataTypes[0]).toMatchObject({ retention: { period: { value: 90 } }, owner: 'Growth team' });
    expect(merged.purposes.at(-1)!.id).toBe('trail-tips');
  });

  it('prints each conflict with base, ours and theirs, keeps ours in a valid file, and exits 1', async () => {
    const base = await sample();
    const ours = await sample();
    const theirs = await sample();
    ours.dataTypes[0].retention = { period: { value: 90, unit: 'days' }, after: 'account-closure' };
    theirs.dataTypes[0].retention = { period: { value: 60, unit: 'days' }, after: 'account-closure' };
    const out = join(dir, 'merged.candor.json');
    const files = [await put('base.json', base), await put('ours.json', ours), await put('theirs.json', theirs)];
    const result = await run('merge', ...files, '-o', out, '--name', 'privacy/ridgeline.candor.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([]);
    expect(result.stdout).toEqual([
      expect.stringMatching(/^privacy\/ridgeline\.candor\.json: 1 conflict\. Both sides changed the same field; .*git add\)\.$/),
      '  Email address: retention (/dataTypes/email-address/retention)',
      '    base:   30 days after account closure',
      '    ours:   90 days after account closure',
      '    theirs: 60 days after account closure',
    ]);
    const merged = await readBack(out);
    expect(merged.dataTypes[0].retention).toEqual(ours.dataTypes[0].retention);
    // The file remembers the conflict, for the app to show and the review to report.
    expect(merged.mergeConflicts).toEqual([
      {
        path: '/dataTypes/email-address/retention',
        where: 'Email address: retention',
        base: base.dataTypes[0].retention,
        ours: ours.dataTypes[0].retention,
        theirs: theirs.dataTypes[0].retention,
      },
    ]);
    expect(await run('validate', out)).toMatchObject({ code: 0 });
    const lint = await run('lint', out, '--json');
    expect(lint.code).toBe(1);
    const findings = JSON.parse(lint.stdout.join('\n')) as { rule: string; severity: string; path: string; message: string }[];
    expect(findings.filter((f) => f.rule === 'merge-conflict')).toEqual([
      {
        rule: 'merge-conflict',
        severity: 'error',
        path: 'mergeConflicts[0]',
        message: expect.stringMatching(
          /^Merge conflict at Email address: retention: .*90 days after account closure; theirs: 60 days after/,
        ) as string,
      },
    ]);
  });

  it('keeps the conflicts an input carries unresolved, and says so after a clean merge', async () => {
    const base = await sample();
    const conflicted = await sample();
    conflicted.mergeConflicts = [
      { path: '/organization/dpo/email', where: 'Organization: DPO email', ours: conflicted.organization.dpo?.email },
    ];
    const theirs = structuredClone(conflicted);
    theirs.dataTypes[0].owner = 'Growth team';
    const ours = structuredClone(conflicted);
    ours.dataTypes[1].owner = 'Security team';
    const out = join(dir, 'merged.candor.json');
    const result = await run(
      'merge',
      await put('base.json', base),
      await put('ours.json', ours),
      await put('theirs.json', theirs),
      '-o',
      out,
    );
    expect(result).toEqual({
      code: 0,
      stderr: [],
      stdout: [
        `${out}: merged with no conflicts. 1 conflict from an earlier merge is still in the file, unresolved; choose it in Candor's Review screen.`,
      ],
    });
    expect((await readBack(out)).mergeConflicts).toEqual(conflicted.mergeConflicts);
  });

  it('writes nothing when a file cannot be read (exit 2), naming it', async () => {
    const out = join(dir, 'merged.candor.json');
    const missing = join(dir, 'missing.candor.json');
    const result = await run('merge', SAMPLE, missing, SAMPLE, '-o', out);
    expect(result.code).toBe(2);
    expect(result.stdout).toEqual([]);
    expect(result.stderr.join('\n')).toContain(missing);
    await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });

    const broken = await sample();
    broken.dataTypes[0].purposes = ['no-such-purpose'];
    const bad = await put('bad.candor.json', broken);
    const invalid = await run('merge', SAMPLE, SAMPLE, bad, '-o', out);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr[0]).toBe(`${bad} is not a valid workspace, so it cannot be merged:`);
    await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('--help describes the arguments and the git driver', async () => {
    const result = await run('merge', '--help');
    expect(result.code).toBe(0);
    const text = result.stdout.join('\n');
    for (const word of ['Usage: candor merge', '<base>', '<ours>', '<theirs>', '--out <file>', '--name <path>', '%O %A %B']) {
      expect(text).toContain(word);
    }
  });
});

describe('as git merge driver', () => {
  const exec = promisify(execFile);
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_PAGER: 'cat', LC_ALL: 'C.UTF-8' };
  const git = (...args: string[]) =>
    exec('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, env });
  const driver = `"${process.execPath}" "${CANDOR_BIN}" merge %O %A %B -o %A --name %P`;

  async function branches(edit: (ours: Workspace, theirs: Workspace) => void): Promise<string> {
    await git('init', '-q');
    await writeFile(join(dir, '.gitattributes'), '*.candor.json diff=candor merge=candor\n');
    const file = await put('ridgeline.candor.json', await sample());
    await git('add', '.');
    await git('commit', '-q', '-m', 'Base');
    const ours = await sample();
    const theirs = await sample();
    edit(ours, theirs);
    await git('checkout', '-q', '-b', 'theirs');
    await writeFile(file, serializeWorkspace(theirs));
    await git('commit', '-q', '-a', '-m', 'Theirs');
    await git('checkout', '-q', 'main');
    await writeFile(file, serializeWorkspace(ours));
    await git('commit', '-q', '-a', '-m', 'Ours');
    return file;
  }

  it('merges concurrent edits to one data type cleanly, where a line merge of the JSON conflicts', async () => {
    const file = await branches((ours, theirs) => {
      // Two fields on neighbouring lines of the file.
      ours.dataTypes[0].status = 'in-review';
      theirs.dataTypes[0].owner = 'Growth team';
    });
    // Without the driver, git's line merge sees two edits on neighbouring lines and gives up.
    const plain = await git('merge', '-q', 'theirs', '-m', 'Merge').then(
      () => 'merged',
      () => 'conflict',
    );
    expect(plain).toBe('conflict');
    await git('merge', '--abort');

    await git('-c', `merge.candor.driver=${driver}`, 'merge', '-q', 'theirs', '-m', 'Merge');
    const merged = await readBack(file);
    expect(merged.dataTypes[0]).toMatchObject({ status: 'in-review', owner: 'Growth team' });
    expect((await git('status', '--porcelain')).stdout).toBe('');
  }, 90_000);

  it('leaves a conflict for git to report, with ours in a valid file and both values printed', async () => {
    const file = await branches((ours, theirs) => {
      ours.dataTypes[0].retention = { period: { value: 90, unit: 'days' }, after: 'account-closure' };
      theirs.dataTypes[0].retention = { period: { value: 60, unit: 'days' }, after: 'account-closure' };
    });
    const failure = await git('-c', `merge.candor.driver=${driver}`, 'merge', 'theirs', '-m', 'Merge').then(
      () => undefined,
      (error: { stdout: string; stderr: string }) => error,
    );
    expect(failure).toBeDefined();
    const said = `${failure!.stdout}${failure!.stderr}`;
    expect(said).toContain('ridgeline.candor.json: 1 conflict.');
    expect(said).toContain('ours:   90 days after account closure');
    expect(said).toContain('theirs: 60 days after account closure');
    expect((await git('status', '--porcelain')).stdout).toContain('UU ridgeline.candor.json');
    const merged = await readBack(file);
    expect(merged.dataTypes[0].retention).toEqual({ period: { value: 90, unit: 'days' }, after: 'account-closure' });
  }, 90_000);
});
