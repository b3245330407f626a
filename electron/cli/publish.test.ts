// `candor publish` and `candor versions`: the archive beside the workspace, the version numbers and dates
// it refuses, that nothing published is ever replaced, that a build of an unchanged working copy carries the
// published version, and the version in force on a day.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeWorkspace } from '../../core/canonical';
import { inventoryVersion } from '../../core/documents/context';
import type { Workspace } from '../../core/schema';
import { parseAnnouncementFile } from '../../core/announcement';
import { parseVersionIndex, type VersionIndex } from '../../core/versions';
import { memoryOutput } from './output';
import { publishCommand, type PublishOptions } from './publish';
import { run, sample } from './test-support';

let dir: string;
let file: string;
let archive: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'candor-publish-'));
  file = join(dir, 'ridgeline.candor.json');
  archive = join(dir, 'ridgeline.versions');
  await writeFile(file, serializeWorkspace(await sample()));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const at = (iso: string) => () => new Date(iso);

async function publish(options: PublishOptions, now = at('2026-12-05T10:30:00.123Z')) {
  const output = memoryOutput();
  const code = await publishCommand(file, options, output, now);
  return { code, stdout: output.stdout, stderr: output.stderr };
}

async function index(): Promise<VersionIndex> {
  const parsed = parseVersionIndex(JSON.parse(await readFile(join(archive, 'versions.json'), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.index;
}

async function listArchive(): Promise<string[]> {
  const entries = await readdir(archive, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(archive.length + 1))
    .sort();
}

async function edit(change: (ws: Workspace) => void): Promise<void> {
  const ws = JSON.parse(await readFile(file, 'utf8')) as Workspace;
  change(ws);
  await writeFile(file, serializeWorkspace(ws));
}

describe('candor publish', () => {
  it('archives the inventory as published, its documents and an index entry beside the workspace', async () => {
    const result = await publish({ version: '2.1', effective: '2027-03-01', note: 'Location for trail suggestions' });
    expect(result.stderr).toEqual([]);
    expect(result.code).toBe(0);
    const workspace = JSON.parse(await readFile(file, 'utf8')) as Workspace;
    expect(await listArchive()).toEqual([
      '2.1.candor.json',
      '2.1/notice-at-collection.html',
      '2.1/notice-at-collection.md',
      '2.1/privacy-notice.html',
      '2.1/privacy-notice.md',
      'versions.json',
    ]);
    // The snapshot is the inventory exactly, in canonical form.
    expect(await readFile(join(archive, '2.1.candor.json'), 'utf8')).toBe(serializeWorkspace(workspace));
    expect(await index()).toEqual({
      format: 1,
      versions: [
        {
          version: '2.1',
          effective: '2027-03-01',
          publishedAt: '2026-12-05T10:30:00Z',
          note: 'Location for trail suggestions',
          buildId: inventoryVersion(workspace),
          documents: ['2.1/notice-at-collection.html', '2.1/notice-at-collection.md', '2.1/privacy-notice.html', '2.1/privacy-notice.md'],
        },
      ],
    });
    const notice = await readFile(join(archive, '2.1', 'privacy-notice.md'), 'utf8');
    expect(notice).toContain('\n\nVersion 2.1 · effective 1 March 2027 · last updated 5 December 2026.\n\n');
    expect(notice).not.toContain(inventoryVersion(workspace));
    const page = await readFile(join(archive, '2.1', 'privacy-notice.html'), 'utf8');
    expect(page).toContain('<dt>Version</dt><dd>2.1</dd>');
    expect(page).toContain('<dt>Last updated</dt><dd>5 December 2026</dd>');
    expect(result.stdout[0]).toBe(`Published version 2.1 of ${file}, effective 1 March 2027 (build ${inventoryVersion(workspace)}):`);
    expect(result.stdout).toContain(`  ${join(archive, '2.1', 'privacy-notice.md')}`);
  });

  it('proposes 1.0 first, then the next minor, or with --major the next major', async () => {
    expect((await publish({ effective: '2027-01-01' })).code).toBe(0);
    await edit((ws) => (ws.dataTypes[0].benefit = 'Something new.'));
    expect((await publish({ effective: '2027-02-01' })).code).toBe(0);
    await edit((ws) => (ws.dataTypes[0].benefit = 'Something newer.'));
    expect((await publish({ effective: '2027-03-01', major: true })).code).toBe(0);
    expect((await index()).versions.map((v) => [v.version, v.effective])).toEqual([
      ['1.0', '2027-01-01'],
      ['1.1', '2027-02-01'],
      ['2.0', '2027-03-01'],
    ]);
  });

  it('refuses a version that is not greater than the last, or an effective date before it, and writes nothing', async () => {
    expect((await publish({ version: '2.1', effective: '2027-03-01' })).code).toBe(0);
    const before = await listArchive();
    const indexBefore = await readFile(join(archive, 'versions.json'), 'utf8');

    const older = await publish({ version: '2.0.9', effective: '2027-04-01' });
    expect(older.code).toBe(1);
    expect(older.stderr).toEqual(['Version 2.0.9 is not greater than the last published version, 2.1.', 'Nothing was published.']);

    const earlier = await publish({ version: '2.2', effective: '2027-02-28' });
    expect(earlier.code).toBe(1);
    expect(earlier.stderr).toEqual([
      'The effective date 2027-02-28 is before 2027-03-01, when version 2.1 took effect.',
      'Nothing was published.',
    ]);

    expect(await listArchive()).toEqual(before);
    expect(await readFile(join(archive, 'versions.json'), 'utf8')).toBe(indexBefore);
  });

  it('never replaces a published version, even one "2.1.0" names again', async () => {
    expect((await publish({ version: '2.1', effective: '2027-03-01' })).code).toBe(0);
    const snapshot = await readFile(join(archive, '2.1.candor.json'), 'utf8');
    const noticeBefore = await readFile(join(archive, '2.1', 'privacy-notice.md'), 'utf8');
    await edit((ws) => (ws.dataTypes[0].benefit = 'Changed after publishing.'));
    for (const version of ['2.1', '2.1.0']) {
      const again = await publish({ version, effective: '2027-03-01' });
      expect(again.code).toBe(1);
      expect(again.stderr[0]).toBe(
        'Version 2.1 is already published; a published version is never replaced. Publish a new version number.',
      );
    }
    expect(await readFile(join(archive, '2.1.candor.json'), 'utf8')).toBe(snapshot);
    expect(await readFile(join(archive, '2.1', 'privacy-notice.md'), 'utf8')).toBe(noticeBefore);
    expect((await index()).versions).toHaveLength(1);
  });

  it('refuses a number whose files exist though the index does not list it, and leaves them as they were', async () => {
    await mkdir(archive);
    await writeFile(join(archive, '1.0.candor.json'), 'left here by hand');
    const result = await publish({ effective: '2027-01-01' });
    expect(result.code).toBe(1);
    expect(result.stderr[0]).toContain('already exists, though the index does not list version 1.0; Candor never replaces it.');
    expect(await readFile(join(archive, '1.0.candor.json'), 'utf8')).toBe('left here by hand');
    expect(await listArchive()).toEqual(['1.0.candor.json']);
  });

  it('refuses a workspace the review finds errors in, unless --allow-errors', async () => {
    await edit((ws) => {
      delete ws.organization.contactEmail;
      delete ws.organization.supervisoryAuthority;
    });
    const refused = await publish({ version: '1.0', effective: '2027-01-01' });
    expect(refused.code).toBe(1);
    expect(refused.stderr.at(-1)).toMatch(
      /^Nothing was written: the review finds \d+ errors? \(above\)\..*pass --allow-errors to publish anyway\.$/,
    );
    await expect(readdir(archive)).rejects.toMatchObject({ code: 'ENOENT' });

    const allowed = await publish({ version: '1.0', effective: '2027-01-01', allowErrors: true });
    expect(allowed.code).toBe(0);
    expect(allowed.stderr.length).toBeGreaterThan(0);
    expect(allowed.stderr.every((line) => line.startsWith('Warning: '))).toBe(true);
  });

  it('refuses a number or date it cannot read, and --version with --major', async () => {
    expect((await publish({ version: 'v2', effective: '2027-01-01' })).stderr[0]).toBe(
      '"v2" is not a version number: use one to three whole numbers separated by dots, such as 2.1.',
    );
    expect((await publish({ effective: '2027-02-30' })).code).toBe(2);
    expect((await publish({ version: '2.0', major: true, effective: '2027-01-01' })).code).toBe(2);
    await expect(readdir(archive)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses to publish over an index it cannot read', async () => {
    await mkdir(archive);
    await writeFile(join(archive, 'versions.json'), '{"format": 1, "versions": [{"version": "x"}]}');
    const result = await publish({ effective: '2027-01-01' });
    expect(result.code).toBe(2);
    expect(result.stderr[0]).toMatch(/^Nothing was published: .*versions\.json cannot be used: versions\/0 is not a published version/);
    expect(await listArchive()).toEqual(['versions.json']);
  });
});

describe('candor build after publishing', () => {
  it('prints the published version while the working copy is unchanged, and "Draft, not yet published" once it changes', async () => {
    const out = join(dir, 'out');
    expect((await run('build', file, '--out', out, '--only', 'privacy-notice')).code).toBe(0);
    expect(await readFile(join(out, 'privacy-notice.md'), 'utf8')).toContain('\n\nDraft, not yet published; planned to take effect on');

    expect((await publish({ version: '2.1', effective: '2027-03-01' })).code).toBe(0);
    // Internal notes do not change what customers read, so the documents stay version 2.1.
    await edit((ws) => (ws.dataTypes[0].notes = 'an internal note'));
    expect((await run('build', file, '--out', out, '--only', 'privacy-notice')).code).toBe(0);
    const built = await readFile(join(out, 'privacy-notice.md'), 'utf8');
    expect(built).toBe(await readFile(join(archive, '2.1', 'privacy-notice.md'), 'utf8'));

    await edit((ws) => (ws.dataTypes[0].benefit = 'Something new.'));
    expect((await run('build', file, '--out', out, '--only', 'privacy-notice')).code).toBe(0);
    const draft = await readFile(join(out, 'privacy-notice.md'), 'utf8');
    expect(draft).toContain('Draft, not yet published');
    // The draft names 2.1 only as the version before it, never as its own.
    expect(draft).not.toContain('Version 2.1 ·');
    expect(draft).not.toContain('This is version 2.1');
    expect(draft).toContain('- **Version 2.1**, effective 1 March 2027: The first published version.');
  });
});

describe('what changed between published versions', () => {
  it("records each version's customer summary, prints the history in the notice and reviews material changes since the last version", async () => {
    const first = await publish({ version: '1.0', effective: '2027-01-01' });
    expect(first.code).toBe(0);
    // Nothing earlier: no changes are made up to announce.
    expect(first.stdout.at(-1)).toBe(
      'Version 1.0 is the first published version, so there are no changes to announce and no announcement was written.',
    );
    expect(await listArchive()).not.toContain('1.0.announcement.md');
    await edit((ws) => {
      ws.dataTypes = ws.dataTypes.filter((d) => d.id !== 'push-token');
      const crash = ws.dataTypes.find((d) => d.id === 'crash-logs')!;
      crash.retention = { period: { value: 180, unit: 'days' }, after: 'collection' };
    });
    // Before publishing: the review flags the longer retention, and a draft says what it would change.
    const lint = await run('lint', file, '--json');
    const findings = JSON.parse(lint.stdout.join('\n')) as { rule: string; path: string; message: string }[];
    const longer = findings.filter((f) => f.rule === 'material-longer-retention');
    expect(longer).toHaveLength(1);
    expect(longer[0].message).toContain('longer than version 1.0 said (for 90 days after collection)');
    const out = join(dir, 'out');
    expect((await run('build', file, '--out', out, '--only', 'privacy-notice')).code).toBe(0);
    expect(await readFile(join(out, 'privacy-notice.md'), 'utf8')).toContain(
      'What this draft changes, compared with version 1.0:\n\n- We no longer collect your push notification token.\n- We now keep your crash logs for 180 days after collection, instead of 90 days.\n',
    );

    const second = await publish({ version: '1.1', effective: '2027-03-01' }, at('2027-02-01T09:00:00Z'));
    expect(second.code).toBe(0);
    const announcementPath = join(archive, '1.1.announcement.md');
    expect(second.stdout).toContain(`  ${announcementPath}`);
    expect(second.stdout.at(-1)).toBe(
      `The email and the in-app banner announcing what changed are in ${announcementPath}; read them before you send them.`,
    );
    const announcement = await readFile(announcementPath, 'utf8');
    expect(announcement).toContain('from what changed for customers since version 1.0. Version 1.1 takes effect on 1 March 2027.');
    expect(parseAnnouncementFile(announcement)).toEqual({
      subject: 'Ridgeline: changes to our privacy notice from 1 March 2027',
      email: [
        'Hello,',
        '',
        'We are updating our privacy notice to version 1.1. The new version takes effect on 1 March 2027.',
        '',
        'Here is what changes:',
        '',
        'Data we no longer collect\n- We no longer collect your push notification token.',
        '',
        'How long we keep your data\n- We now keep your crash logs for 180 days after collection, instead of 90 days.',
        '',
        'You can read the full notice at https://ridgeline.example/privacy.',
        '',
        'If you have questions, email us at privacy@ridgeline.example.',
        '',
        'Ridgeline',
      ].join('\n'),
      banner: 'Our privacy notice changes on 1 March 2027. We no longer collect your push notification token. See what else changes.',
      bannerLength: 117,
      bannerBudget: 140,
    });
    const entries = (await index()).versions;
    expect(entries[0].changes).toBeUndefined();
    expect(entries[1].changes).toEqual([
      'We no longer collect your push notification token.',
      'We now keep your crash logs for 180 days after collection, instead of 90 days.',
    ]);
    const notice = await readFile(join(archive, '1.1', 'privacy-notice.md'), 'utf8');
    expect(notice).toContain('This is version 1.1, effective from 1 March 2027 and last updated on 1 February 2027.');
    expect(notice).toContain(
      'What changed in version 1.1, compared with version 1.0:\n\n- We no longer collect your push notification token.',
    );
    expect(notice).toContain('- **Version 1.0**, effective 1 January 2027: The first published version.');
    // Once published, nothing is new since the last version: the review no longer flags it.
    const after = JSON.parse((await run('lint', file, '--json')).stdout.join('\n')) as { rule: string }[];
    expect(after.filter((f) => f.rule.startsWith('material-'))).toEqual([]);
  });
});

describe('candor versions', () => {
  beforeEach(async () => {
    expect((await publish({ version: '1.0', effective: '2027-01-01', note: 'first' }, at('2026-11-01T09:00:00Z'))).code).toBe(0);
    await edit((ws) => (ws.dataTypes[0].benefit = 'Something new.'));
    expect((await publish({ version: '1.1', effective: '2027-03-01' }, at('2027-02-01T09:00:00Z'))).code).toBe(0);
  });

  it('lists the published versions', async () => {
    const result = await run('versions', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toEqual([
      expect.stringMatching(/^1\.0 · effective 1 January 2027 · published 2026-11-01T09:00:00Z · build [0-9a-f]{8} · first$/),
      expect.stringMatching(/^1\.1 \(latest\) · effective 1 March 2027 · published 2027-02-01T09:00:00Z · build [0-9a-f]{8}$/),
    ]);
  });

  it('names the version in force on a day, with the files that reproduce it', async () => {
    const on = await run('versions', file, '--on', '2027-02-28');
    expect(on.code).toBe(0);
    expect(on.stdout[0]).toBe('On 28 February 2027, version 1.0 was in force (effective 1 January 2027, last updated 1 November 2026):');
    expect(on.stdout).toContain(`  ${join(archive, '1.0', 'privacy-notice.md')}`);
    expect((await run('versions', file, '--on', '2027-03-01')).stdout[0]).toMatch(/^On 1 March 2027, version 1\.1 was in force/);
    const before = await run('versions', file, '--on', '2026-12-31');
    expect(before.code).toBe(1);
    expect(before.stdout).toEqual([
      `No published version of ${file} was in force on 31 December 2026. The first version took effect on 1 January 2027.`,
    ]);
    const json = await run('versions', file, '--on', '2027-06-01', '--json');
    expect(JSON.parse(json.stdout.join('\n'))).toMatchObject({ version: '1.1', effective: '2027-03-01' });
  });
});
