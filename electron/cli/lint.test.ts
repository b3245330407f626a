import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintWorkspace } from '../../core/lint';
import { cleanWorkspace } from '../../core/lint/fixtures';
import { acceptanceFor } from '../../core/review-acceptance';
import { validateWorkspace } from '../../core/validate';
import { memoryOutput } from './output';
import { runCli, type CliDependencies } from './program';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'resources', 'examples', 'ridgeline.candor.json');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'candor-lint-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const deps: CliDependencies = {
  version: '1.2.3',
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

async function put(name: string, content: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

async function sample(): Promise<Record<string, any>> {
  return JSON.parse(await readFile(SAMPLE, 'utf8'));
}

/** The sample with two errors (no retention, an unnamed legitimate interest) and one more warning. */
async function brokenSample(): Promise<Record<string, any>> {
  const ws = await sample();
  delete ws.dataTypes[2].retention;
  delete ws.purposes[2].legitimateInterest;
  ws.collectionPoints.push({ id: 'kiosk', name: 'Kiosk', platform: 'other' });
  return ws;
}

describe('candor lint', () => {
  it("prints the sample's warnings grouped under their severity with a summary, and exits 0", async () => {
    const file = await put('ridgeline.candor.json', await readFile(SAMPLE, 'utf8'));
    const result = await run('lint', file);
    expect(result.code).toBe(0);
    expect(result.stderr).toEqual([]);
    expect(result.stdout).toEqual([
      'Warnings (2)',
      expect.stringMatching(/^ {2}dataTypes\[0\]\.purposes: "Email address" is required for .* \[consent-on-required-data\]$/),
      expect.stringMatching(
        /^ {2}dataTypes\[3\]\.benefit: The benefit of "Recorded routes" reads at grade \d+(\.\d)?, above grade 10\. .* \[hard-to-read\]$/,
      ),
      '',
      'Info (1)',
      // Support messages come through the website only, so the App Store label rightly leaves them out.
      expect.stringMatching(
        /^ {2}dataTypes\[19\]\.collectedAt: "Support messages" has the Apple data type CustomerSupport .* \[apple-type-not-on-ios\]$/,
      ),
      '',
      `${file}: 0 errors, 2 warnings, 1 info.`,
    ]);
  });

  it('lists errors first, then warnings, one line each with path, message and rule, and exits 1', async () => {
    const ws = await brokenSample();
    const kiosk = ws.collectionPoints.length - 1;
    const file = await put('broken.candor.json', ws);
    const result = await run('lint', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([]);
    const lines = result.stdout;
    expect(lines[0]).toBe('Errors (2)');
    expect(lines[1]).toBe(
      '  purposes[2].legitimateInterest: "Keep accounts and the service secure" relies on legitimate interests but does not say which interest. Describe the interest you pursue and why it is not outweighed by the person\'s rights, in a sentence or two. [legitimate-interest-missing]',
    );
    expect(lines[2]).toMatch(/^ {2}dataTypes\[2\]\.retention: "Display name" has no retention\. .* \[missing-retention\]$/);
    expect(lines[3]).toBe('');
    expect(lines[4]).toBe('Warnings (3)');
    expect(lines[5]).toMatch(
      new RegExp(`^ {2}collectionPoints\\[${kiosk}\\]: No data type is collected at "Kiosk"\\. .* \\[unused-collection-point\\]$`),
    );
    expect(lines.slice(6, 8).map((l) => /\[([a-z-]+)\]$/.exec(l)?.[1])).toEqual(['consent-on-required-data', 'hard-to-read']);
    expect(lines.slice(8, 11)).toEqual(['', 'Info (1)', expect.stringMatching(/\[apple-type-not-on-ios\]$/)]);
    expect(lines.slice(11)).toEqual(['', `${file}: 2 errors, 3 warnings, 1 info.`]);
  });

  it('says so in one line when nothing is found', async () => {
    const file = await put('clean.candor.json', cleanWorkspace());
    expect(await run('lint', file)).toEqual({ code: 0, stdout: [`${file}: no findings (0 errors, 0 warnings, 0 info).`], stderr: [] });
  });

  it('exits 0 for warnings and info alone', async () => {
    const ws = cleanWorkspace();
    delete ws.organization.dpo; // warning
    delete ws.recipients[0].country; // info: a processor without a country
    const file = await put('judgement.candor.json', ws);
    const result = await run('lint', file);
    expect(result.code).toBe(0);
    expect(result.stdout[0]).toBe('Warnings (1)');
    expect(result.stdout).toContain('Info (1)');
    expect(result.stdout.at(-1)).toBe(`${file}: 0 errors, 1 warning, 1 info.`);
  });

  it('keeps a finding on one line when a name holds a line break', async () => {
    const ws = cleanWorkspace();
    ws.purposes.push({ id: 'spare', name: 'Two\nlines', lawfulBasis: 'contract' });
    const file = await put('lines.candor.json', ws);
    const result = await run('lint', file);
    expect(result.stdout).toContain(
      '  purposes[4]: No data type uses "Two lines". Add it to the data types it applies to, or delete the purpose. [unused-purpose]',
    );
  });

  describe('--json', () => {
    it('prints an array of { rule, severity, path, message }, the same findings as the review, and exits 1 on errors', async () => {
      const ws = await brokenSample();
      const file = await put('broken.candor.json', ws);
      const result = await run('lint', file, '--json');
      expect(result.code).toBe(1);
      expect(result.stderr).toEqual([]);
      const parsed = JSON.parse(result.stdout.join('\n')) as Record<string, unknown>[];
      expect(Array.isArray(parsed)).toBe(true);
      for (const record of parsed) expect(Object.keys(record)).toEqual(['rule', 'severity', 'path', 'message']);
      const validated = validateWorkspace(ws);
      if (!validated.ok) throw new Error('broken sample must still be valid');
      expect(parsed).toEqual(lintWorkspace(validated.workspace));
      expect(parsed.map((f) => `${f.severity} ${f.path} ${f.rule}`)).toEqual([
        'error purposes[2].legitimateInterest legitimate-interest-missing',
        `warning collectionPoints[${ws.collectionPoints.length - 1}] unused-collection-point`,
        'warning dataTypes[0].purposes consent-on-required-data',
        'error dataTypes[2].retention missing-retention',
        'warning dataTypes[3].benefit hard-to-read',
        'info dataTypes[19].collectedAt apple-type-not-on-ios',
      ]);
    });

    it('prints [] and exits 0 when nothing is found', async () => {
      const file = await put('clean.candor.json', cleanWorkspace());
      expect(await run('lint', file, '--json')).toEqual({ code: 0, stdout: ['[]'], stderr: [] });
    });

    it('exits 0 for the sample, whose findings are warnings only', async () => {
      const file = await put('ridgeline.candor.json', await readFile(SAMPLE, 'utf8'));
      const result = await run('lint', '--json', file);
      expect(result.code).toBe(0);
      const parsed = JSON.parse(result.stdout.join('\n')) as { severity: string }[];
      expect(parsed.map((f) => f.severity)).toEqual(['warning', 'warning', 'info']);
    });
  });

  describe('a workspace the rules cannot read', () => {
    it('lists the validation problems as validate does, exits 1 and prints no findings', async () => {
      const ws = await sample();
      ws.dataTypes[3].purposes[0] = 'nope';
      const file = await put('invalid.candor.json', ws);
      const validate = await run('validate', file);
      for (const args of [
        ['lint', file],
        ['lint', file, '--json'],
      ]) {
        const result = await run(...args);
        expect(result.code).toBe(1);
        expect(result.stdout).toEqual([]);
        expect(result.stderr).toEqual(validate.stderr);
        expect(result.stderr).toEqual([
          'dataTypes[3].purposes[0]: no purpose has the id "nope"; add it under Purposes or remove the reference',
        ]);
      }
    });

    it('exits 2 with one line for a file that is missing, cut short or from a newer version', async () => {
      const missing = join(dir, 'missing.candor.json');
      const text = await readFile(SAMPLE, 'utf8');
      const cut = await put('cut.candor.json', text.slice(0, 1000));
      const future = await put('future.candor.json', { ...(await sample()), version: 2 });
      for (const file of [missing, cut, future]) {
        const result = await run('lint', file, '--json');
        expect(result.code).toBe(2);
        expect(result.stdout).toEqual([]);
        expect(result.stderr).toHaveLength(1);
        expect(result.stderr[0]).toContain(file);
      }
    });

    it('never writes to the workspace', async () => {
      const file = await put('broken.candor.json', await brokenSample());
      const before = { bytes: await readFile(file), mtime: (await stat(file)).mtimeMs };
      await run('lint', file);
      await run('lint', file, '--json');
      expect({ bytes: await readFile(file), mtime: (await stat(file)).mtimeMs }).toEqual(before);
    });
  });

  it('lists accepted warnings apart with their reason, does not count them, and leaves them out of --json', async () => {
    const ws = await sample();
    const valid = validateWorkspace(structuredClone(ws));
    if (!valid.ok) throw new Error('the sample is not valid');
    const warning = lintWorkspace(valid.workspace).find((f) => f.severity === 'warning')!;
    const before = lintWorkspace(valid.workspace).filter((f) => f.severity === 'warning').length;
    ws.review = { accepted: [acceptanceFor(warning, valid.workspace, { reason: 'Considered with counsel', by: 'Ana', on: '2026-12-05' })] };
    const file = await put('accepted.candor.json', ws);
    const { code, stdout } = await run('lint', file);
    expect(code).toBe(0);
    const at = stdout.indexOf('Accepted, not counted (1)');
    expect(at).toBeGreaterThan(-1);
    expect(stdout[at + 1]).toBe(`  ${warning.path}: ${warning.message} [${warning.rule}]`);
    expect(stdout[at + 2]).toBe('    accepted 2026-12-05 by Ana: Considered with counsel');
    expect(stdout.at(-1)).toContain(`${before - 1} warning`);
    expect(stdout.at(-1)).toContain('; 1 accepted.');
    const json = JSON.parse((await run('lint', file, '--json')).stdout.join('\n')) as { rule: string; path: string }[];
    expect(json.some((f) => f.rule === warning.rule && f.path === warning.path)).toBe(false);
  });

  it('has help with its argument, option and examples, and is listed in the main help', async () => {
    const help = await run('lint', '--help');
    expect(help.code).toBe(0);
    const text = help.stdout.join('\n');
    expect(text).toContain('Usage: candor lint [options] <workspace>');
    expect(text).toContain('--json');
    expect(text).toContain('$ candor lint ridgeline.candor.json');
    const main = (await run('--help')).stdout.join('\n');
    expect(main).toMatch(/^ {2}lint \[options\] <workspace> +review a workspace/m);
    expect(main).toContain('lint: the review found an error');
  });

  it('is a usage error without a workspace', async () => {
    const result = await run('lint');
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual([`error: missing required argument 'workspace' Run "candor --help" for usage.`]);
  });
});

describe('bin/candor.js lint', () => {
  it('runs as a real process: JSON on stdout and exit code 1 on errors', async () => {
    const file = await put('broken.candor.json', await brokenSample());
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'candor.js'), 'lint', file, '--json'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolveExit) => child.on('close', resolveExit));
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as { rule: string }[]).map((f) => f.rule)).toContain('missing-retention');
  });
});
