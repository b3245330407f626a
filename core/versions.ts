// Published versions of a workspace: the archive's index, the team's version numbers, which version was
// in force on a given day, and what a document says about its version. Pure: the command line
// (electron/cli/publish.ts) reads and writes the archive folder beside the workspace.
//
// The archive of `ridgeline.candor.json` is the folder `ridgeline.versions/` beside it:
//   versions.json            the index: one entry per published version, oldest first
//   2.1.candor.json          the inventory exactly as published (canonical, so git diffs it line by line)
//   2.1/privacy-notice.md    the documents as published (Markdown and HTML), so the notice in force on a
//   2.1/privacy-notice.html  past day can be shown again byte for byte
import { isCalendarDate } from './schema';

/** One published version, as the index records it. */
export interface PublishedVersion {
  /** the team's version number: "2.1", "3", "1.0.2" */
  version: string;
  /** YYYY-MM-DD: the day the version takes effect */
  effective: string;
  /** ISO 8601 timestamp (UTC) of the moment it was published: the documents' "last updated" */
  publishedAt: string;
  /** a short internal note (never printed on customer documents) */
  note?: string;
  /**
   * what this version changed for customers since the version before it, as plain sentences
   * (core/what-changed.ts): the notice's "Changes to this notice" prints it. Absent for the first version
   * and in indexes written before Candor recorded it.
   */
  changes?: string[];
  /** the inventory's fingerprint (core/documents/context.ts inventoryVersion): the documents' internal build id */
  buildId: string;
  /** the archived documents, relative to the archive folder, with forward slashes */
  documents: string[];
}

export interface VersionIndex {
  /** the index format; 1 */
  format: 1;
  /** oldest first */
  versions: PublishedVersion[];
}

export const EMPTY_INDEX: VersionIndex = { format: 1, versions: [] };

/** One earlier version as a notice's "Changes to this notice" lists it. */
export interface VersionSummary {
  version: string;
  /** YYYY-MM-DD */
  effective: string;
  /** what it changed, plain sentences; undefined when the index does not say (the first version, or an older index) */
  changes?: string[];
  /** it is the first version published */
  first: boolean;
}

/**
 * The history a document prints in "Changes to this notice": what its version changes since the last
 * published one and the published versions before it. For a published version, its recorded changes;
 * for a draft, what publishing it would record.
 */
export interface DocumentHistory {
  /** the version these changes are measured from ("2.0"); undefined when nothing was published before, or the changes are unknown */
  since?: string;
  /** plain sentences; empty when nothing customers read changed, or nothing was published before */
  changes: string[];
  /** the published versions before this document's, newest first */
  earlier: VersionSummary[];
}

/**
 * The history of a document made for `release` (a version being published or already published) or,
 * without one, of a draft. `changes` are this version's: the recorded ones of a published version, or
 * what core/what-changed.ts says the working copy changes since the latest version; undefined when unknown.
 */
export function documentHistory(
  index: VersionIndex,
  release: Pick<DocumentRelease, 'version'> | undefined,
  changes: string[] | undefined,
): DocumentHistory {
  const first = index.versions.reduce<PublishedVersion | undefined>(
    (a, b) => (!a || compareVersions(b.version, a.version) < 0 ? b : a),
    undefined,
  );
  const earlier = index.versions
    .filter((entry) => !release || compareVersions(entry.version, release.version) < 0)
    .sort((a, b) => compareVersions(b.version, a.version))
    .map((entry) => ({
      version: entry.version,
      effective: entry.effective,
      ...(entry.changes ? { changes: entry.changes } : {}),
      first: entry === first,
    }));
  // Changes that are not known (a snapshot that cannot be read, an index written before they were recorded) are not
  // stated either way: no `since`, so the notice neither lists changes nor says there were none.
  return { ...(earlier[0] && changes ? { since: earlier[0].version } : {}), changes: earlier.length > 0 ? (changes ?? []) : [], earlier };
}

/** What a document says about the version it belongs to: a published one, or a draft. */
export interface DocumentRelease {
  version: string;
  /** YYYY-MM-DD */
  effective: string;
  /** YYYY-MM-DD, the day it was published */
  lastUpdated: string;
}

const VERSION_PATTERN = /^(0|[1-9]\d{0,5})(\.(0|[1-9]\d{0,5})){0,2}$/;

/** Whether `text` is a version number Candor can order: one to three whole numbers separated by dots. */
export function isVersionNumber(text: string): boolean {
  return VERSION_PATTERN.test(text);
}

function parts(version: string): number[] {
  return version.split('.').map(Number);
}

/**
 * Orders two version numbers part by part, a missing part counting as 0: 2.10 after 2.9, 2 equal to 2.0.
 * Negative when `a` comes first.
 */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The last version published (by version number), or undefined before the first. */
export function latestVersion(index: VersionIndex): PublishedVersion | undefined {
  return index.versions.reduce<PublishedVersion | undefined>(
    (latest, entry) => (!latest || compareVersions(entry.version, latest.version) > 0 ? entry : latest),
    undefined,
  );
}

/** The version Candor proposes next: 1.0 first, then the next minor (2.1 → 2.2) or the next major (2.1 → 3.0). */
export function proposeVersion(index: VersionIndex, step: 'minor' | 'major' = 'minor'): string {
  const latest = latestVersion(index);
  if (!latest) return '1.0';
  const [major, minor = 0] = parts(latest.version);
  return step === 'major' ? `${major + 1}.0` : `${major}.${minor + 1}`;
}

/**
 * Why a version may not be published with this number and effective date, one sentence each; empty when
 * it may. A number must be new and greater than every published one, and the effective date no earlier
 * than the latest version's, so that the version in force on any day is never in doubt.
 */
export function publicationProblems(index: VersionIndex, version: string, effective: string): string[] {
  const problems: string[] = [];
  if (!isVersionNumber(version)) {
    problems.push(`"${version}" is not a version number: use one to three whole numbers separated by dots, such as 2.1.`);
  }
  if (!isCalendarDate(effective)) problems.push(`"${effective}" is not a date: use YYYY-MM-DD, such as 2027-03-01.`);
  if (problems.length > 0) return problems;
  const same = index.versions.find((entry) => compareVersions(entry.version, version) === 0);
  const latest = latestVersion(index);
  if (same) {
    problems.push(`Version ${same.version} is already published; a published version is never replaced. Publish a new version number.`);
  } else if (latest && compareVersions(version, latest.version) < 0) {
    problems.push(`Version ${version} is not greater than the last published version, ${latest.version}.`);
  }
  if (latest && effective < latest.effective) {
    problems.push(`The effective date ${effective} is before ${latest.effective}, when version ${latest.version} took effect.`);
  }
  return problems;
}

/**
 * The version in force on `date` (YYYY-MM-DD): the one with the latest effective date on or before it,
 * the greater number where two take effect the same day; undefined before the first took effect.
 */
export function versionInForce(index: VersionIndex, date: string): PublishedVersion | undefined {
  let best: PublishedVersion | undefined;
  for (const entry of index.versions) {
    if (entry.effective > date) continue;
    if (
      !best ||
      entry.effective > best.effective ||
      (entry.effective === best.effective && compareVersions(entry.version, best.version) > 0)
    ) {
      best = entry;
    }
  }
  return best;
}

/**
 * The release a working copy's documents belong to: the latest published version when the working copy's
 * build id is that version's (nothing customers see has changed since), otherwise none: a draft.
 */
export function releaseOf(index: VersionIndex, buildId: string): DocumentRelease | undefined {
  const latest = latestVersion(index);
  return latest && latest.buildId === buildId ? releaseFrom(latest) : undefined;
}

export function releaseFrom(entry: PublishedVersion): DocumentRelease {
  return { version: entry.version, effective: entry.effective, lastUpdated: entry.publishedAt.slice(0, 10) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an index file's parsed JSON; a list of problems when it is not one Candor wrote. */
export function parseVersionIndex(value: unknown): { ok: true; index: VersionIndex } | { ok: false; problems: string[] } {
  if (!isRecord(value) || value.format !== 1 || !Array.isArray(value.versions)) {
    return { ok: false, problems: ['it is not a Candor versions index (format 1 with a list of versions)'] };
  }
  const problems: string[] = [];
  const versions: PublishedVersion[] = [];
  value.versions.forEach((raw, i) => {
    const ok =
      isRecord(raw) &&
      typeof raw.version === 'string' &&
      isVersionNumber(raw.version) &&
      typeof raw.effective === 'string' &&
      isCalendarDate(raw.effective) &&
      typeof raw.publishedAt === 'string' &&
      typeof raw.buildId === 'string' &&
      (raw.note === undefined || typeof raw.note === 'string') &&
      (raw.changes === undefined || (Array.isArray(raw.changes) && raw.changes.every((c) => typeof c === 'string'))) &&
      Array.isArray(raw.documents) &&
      raw.documents.every((d) => typeof d === 'string');
    if (!ok) problems.push(`versions/${i} is not a published version (version, effective, publishedAt, buildId, documents)`);
    else versions.push(raw as unknown as PublishedVersion);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, index: { format: 1, versions } };
}

/** The index as Candor writes it: two-space JSON, fields in a fixed order, a final newline. */
export function serializeVersionIndex(index: VersionIndex): string {
  const versions = index.versions.map(({ version, effective, publishedAt, note, changes, buildId, documents }) => ({
    version,
    effective,
    publishedAt,
    ...(note ? { note } : {}),
    ...(changes ? { changes } : {}),
    buildId,
    documents,
  }));
  return `${JSON.stringify({ format: 1, versions }, null, 2)}\n`;
}

/** The archive folder's name for a workspace file name: `ridgeline.candor.json` → `ridgeline.versions`. */
export function archiveFolderName(workspaceFileName: string): string {
  return `${workspaceFileName.replace(/\.candor\.json$|\.json$/i, '')}.versions`;
}
