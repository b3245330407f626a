import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  archiveFolderName,
  compareVersions,
  documentHistory,
  isVersionNumber,
  latestVersion,
  parseVersionIndex,
  proposeVersion,
  publicationProblems,
  releaseOf,
  serializeVersionIndex,
  versionInForce,
  type PublishedVersion,
  type VersionIndex,
} from './versions';

function entry(version: string, effective: string, buildId = `b${version}`): PublishedVersion {
  return { version, effective, publishedAt: `${effective}T09:00:00Z`, buildId, documents: [`${version}/privacy-notice.md`] };
}

const index = (...versions: PublishedVersion[]): VersionIndex => ({ format: 1, versions });

describe('version numbers', () => {
  it('accepts one to three whole numbers separated by dots, and nothing else', () => {
    for (const good of ['1', '2.1', '1.0.2', '10.20.30', '0.9']) expect(isVersionNumber(good), good).toBe(true);
    for (const bad of ['', 'v2', '2.', '.1', '2.1.0.1', '01.2', '2.-1', '2,1', '1e3', ' 2.1'])
      expect(isVersionNumber(bad), bad).toBe(false);
  });

  it('orders part by part, numerically, a missing part counting as 0', () => {
    expect(compareVersions('2.10', '2.9')).toBeGreaterThan(0);
    expect(compareVersions('2.1', '10.0')).toBeLessThan(0);
    expect(compareVersions('2', '2.0.0')).toBe(0);
    expect(compareVersions('2.0.1', '2')).toBeGreaterThan(0);
  });

  it('orders as a total order that agrees with the numbers', () => {
    const version = fc.array(fc.nat(50), { minLength: 1, maxLength: 3 }).map((p) => p.join('.'));
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        // `|| 0` reads -0 as 0: two equal numbers compare as 0 both ways.
        expect(Math.sign(compareVersions(a, b)) || 0).toBe(-Math.sign(compareVersions(b, a)) || 0);
        if (compareVersions(a, b) <= 0 && compareVersions(b, c) <= 0) expect(compareVersions(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('proposes 1.0 first, then the next minor or major of the greatest published', () => {
    expect(proposeVersion(index())).toBe('1.0');
    const published = index(entry('1.0', '2026-01-01'), entry('2.9', '2026-06-01'), entry('2.10', '2027-01-01'));
    expect(latestVersion(published)?.version).toBe('2.10');
    expect(proposeVersion(published)).toBe('2.11');
    expect(proposeVersion(published, 'major')).toBe('3.0');
    expect(proposeVersion(index(entry('3', '2026-01-01')))).toBe('3.1');
  });
});

describe('publicationProblems', () => {
  const published = index(entry('2.0', '2026-06-01'), entry('2.1', '2027-03-01'));

  it('accepts a greater number effective on or after the latest version', () => {
    expect(publicationProblems(published, '2.2', '2027-03-01')).toEqual([]);
    expect(publicationProblems(published, '3.0', '2028-01-01')).toEqual([]);
    expect(publicationProblems(index(), '1.0', '2020-01-01')).toEqual([]);
  });

  it('refuses a number already published (however it is written), a smaller one, and an earlier date', () => {
    expect(publicationProblems(published, '2.1.0', '2027-04-01')).toEqual([
      'Version 2.1 is already published; a published version is never replaced. Publish a new version number.',
    ]);
    expect(publicationProblems(published, '2.0.5', '2027-04-01')).toEqual([
      'Version 2.0.5 is not greater than the last published version, 2.1.',
    ]);
    expect(publicationProblems(published, '2.2', '2027-02-28')).toEqual([
      'The effective date 2027-02-28 is before 2027-03-01, when version 2.1 took effect.',
    ]);
  });

  it('refuses what is not a version number or a date', () => {
    expect(publicationProblems(published, 'next', '2027-04-01')).toHaveLength(1);
    expect(publicationProblems(published, '2.2', '2027-02-30')).toEqual([
      '"2027-02-30" is not a date: use YYYY-MM-DD, such as 2027-03-01.',
    ]);
  });
});

describe('versionInForce', () => {
  const published = index(entry('1.0', '2026-01-01'), entry('1.1', '2026-06-01'), entry('2.0', '2027-03-01'), entry('2.1', '2027-03-01'));

  it('is the latest version effective on or before the day, the greater number on a shared day', () => {
    expect(versionInForce(published, '2025-12-31')).toBeUndefined();
    expect(versionInForce(published, '2026-01-01')?.version).toBe('1.0');
    expect(versionInForce(published, '2026-05-31')?.version).toBe('1.0');
    expect(versionInForce(published, '2026-06-01')?.version).toBe('1.1');
    expect(versionInForce(published, '2027-02-28')?.version).toBe('1.1');
    expect(versionInForce(published, '2027-03-01')?.version).toBe('2.1');
    expect(versionInForce(published, '2099-01-01')?.version).toBe('2.1');
    expect(versionInForce(index(), '2027-01-01')).toBeUndefined();
  });

  it('does not depend on the order of the index', () => {
    const days = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.shuffledSubarray(published.versions), days, (shuffled, day) => {
        const all = index(...published.versions);
        expect(versionInForce(index(...shuffled.concat(published.versions.filter((v) => !shuffled.includes(v)))), day)).toBe(
          versionInForce(all, day),
        );
        const found = versionInForce(all, day);
        if (found) expect(found.effective <= day).toBe(true);
        // No version effective on or before the day is later than the one found.
        for (const v of all.versions) if (v.effective <= day && found) expect(v.effective <= found.effective).toBe(true);
      }),
    );
  });
});

describe('releaseOf', () => {
  it('is the latest version when the working copy has its build id, and none (a draft) otherwise', () => {
    const published = index(entry('1.0', '2026-01-01', 'aaaa1111'), entry('1.1', '2026-06-01', 'bbbb2222'));
    expect(releaseOf(published, 'bbbb2222')).toEqual({ version: '1.1', effective: '2026-06-01', lastUpdated: '2026-06-01' });
    // Returning to an older version's inventory is a change to publish, not that old version again.
    expect(releaseOf(published, 'aaaa1111')).toBeUndefined();
    expect(releaseOf(index(), 'aaaa1111')).toBeUndefined();
  });
});

describe('the index file', () => {
  it('reads back what it writes, with the note only when there is one', () => {
    const written = index({ ...entry('1.0', '2026-01-01'), note: 'first' }, entry('1.1', '2026-06-01'));
    const text = serializeVersionIndex(written);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toContain('"note": ""');
    expect(parseVersionIndex(JSON.parse(text))).toEqual({ ok: true, index: written });
  });

  it('refuses what is not an index Candor wrote', () => {
    expect(parseVersionIndex([]).ok).toBe(false);
    expect(parseVersionIndex({ format: 2, versions: [] }).ok).toBe(false);
    expect(parseVersionIndex({ format: 1, versions: [{ ...entry('1.0', '2026-01-01'), effective: 'soon' }] })).toEqual({
      ok: false,
      problems: ['versions/0 is not a published version (version, effective, publishedAt, buildId, documents)'],
    });
  });

  it('names the archive folder after the workspace file', () => {
    expect(archiveFolderName('ridgeline.candor.json')).toBe('ridgeline.versions');
    expect(archiveFolderName('Trail App.CANDOR.JSON')).toBe('Trail App.versions');
    expect(archiveFolderName('notes.json')).toBe('notes.versions');
  });
});

describe('the customer summary of each version', () => {
  it('is written after the note and read back; an index without it still reads', () => {
    const summarised = { ...entry('1.1', '2026-06-01'), note: 'Q2', changes: ['We no longer collect your password.'] };
    const text = serializeVersionIndex(index(entry('1.0', '2026-01-01'), summarised));
    expect(Object.keys(JSON.parse(text).versions[1])).toEqual([
      'version',
      'effective',
      'publishedAt',
      'note',
      'changes',
      'buildId',
      'documents',
    ]);
    expect(parseVersionIndex(JSON.parse(text))).toEqual({ ok: true, index: index(entry('1.0', '2026-01-01'), summarised) });
    // An empty summary (nothing customers read changed) is kept, so it is not mistaken for one never recorded.
    const empty = serializeVersionIndex(index({ ...entry('1.0', '2026-01-01'), changes: [] }));
    expect(JSON.parse(empty).versions[0].changes).toEqual([]);
    expect(parseVersionIndex({ format: 1, versions: [{ ...entry('1.0', '2026-01-01'), changes: 'all' }] }).ok).toBe(false);
  });

  it('gives a document the versions before its own, newest first, and what its version changes', () => {
    const published = index(
      entry('1.0', '2026-01-01'),
      { ...entry('1.1', '2026-06-01'), changes: ['We keep your crash logs for 90 days after collection, instead of 30 days.'] },
      entry('1.2', '2026-09-01'),
    );
    const current = ['We no longer collect your password.'];
    // A draft: every published version came before it.
    expect(documentHistory(published, undefined, current)).toEqual({
      since: '1.2',
      changes: current,
      earlier: [
        { version: '1.2', effective: '2026-09-01', first: false },
        { version: '1.1', effective: '2026-06-01', changes: published.versions[1].changes, first: false },
        { version: '1.0', effective: '2026-01-01', first: true },
      ],
    });
    // Version 1.1 as published: only 1.0 came before it.
    expect(documentHistory(published, { version: '1.1' }, published.versions[1].changes!)).toEqual({
      since: '1.0',
      changes: published.versions[1].changes,
      earlier: [{ version: '1.0', effective: '2026-01-01', first: true }],
    });
    // The first version changes nothing, whatever it is given.
    expect(documentHistory(index(), { version: '1.0' }, current)).toEqual({ changes: [], earlier: [] });
  });
});

describe('unknown changes', () => {
  it('are neither listed nor denied: the earlier versions are, without the version they are measured from', () => {
    const history = documentHistory(index(entry('1.0', '2026-01-01')), undefined, undefined);
    expect(history).toEqual({ changes: [], earlier: [{ version: '1.0', effective: '2026-01-01', first: true }] });
  });
});
