// Published versions of a workspace, on disk: the archive folder beside it (core/versions.ts describes
// it), shared by `candor publish`/`candor versions` and the app's handlers so both publish alike.
// A published version is never replaced: its number must be new and greater than the last, and every
// file is created, never overwritten. The review's errors are the caller's to check first (the command
// line prints them, the app refuses with them), since each says so in its own way.
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fail, ok, type ArchivedVersion, type CandorError, type Result, type VersionList } from '../../core/api';
import { serializeWorkspace } from '../../core/canonical';
import { BUILD_GROUP_IDS, buildGroup, DOCUMENT_FORMATS, type BuildGroup, type DocumentFormat } from '../../core/catalogue';
import { buildOutputs } from '../../core/documents/build';
import { inventoryVersion } from '../../core/documents/context';
import { findingProblems, reviewErrors } from '../../core/publish';
import { count, listInWords } from '../../core/words';
import { announcementFile, announcementFileName } from '../../core/announcement';
import { changeAnnouncement } from '../../core/what-changed';
import type { TemplateError } from '../../core/documents/types';
import type { Workspace } from '../../core/schema';
import {
  archiveFolderName,
  compareVersions,
  EMPTY_INDEX,
  isVersionNumber,
  parseVersionIndex,
  proposeVersion,
  publicationProblems,
  documentHistory,
  releaseOf,
  serializeVersionIndex,
  type DocumentHistory,
  type DocumentRelease,
  type PublishedVersion,
  type VersionIndex,
} from '../../core/versions';
import { writeFileAtomic, writeNewFileAtomic } from './atomic-write';
import { readBoundedFile, WORKSPACE_SIZE_LIMIT } from './bounded-read';
import { writeOutputs } from './build-output';
import { renderExport } from './exports';
import { describeIoError } from './io-error';
import { loadBuiltInTemplates, loadWorkspaceTemplates } from './templates';
import { classifyWorkspaceBytes } from './workspace-file';
import type { WorkspaceSession } from './session';
import type { PreviousVersion } from '../../core/lint';
import { changesSinceLatest, workingCopyHistory } from './version-history';

/** The index file inside the archive folder. */
export const INDEX_FILE = 'versions.json';

/** The archive folder of a workspace file: `ridgeline.versions/` beside `ridgeline.candor.json`. */
export function archiveFolder(workspaceFile: string): string {
  return join(dirname(workspaceFile), archiveFolderName(basename(workspaceFile)));
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export type LoadedIndex = { ok: true; index: VersionIndex } | { ok: false; line: string; path: string };

/** The archive's index; an empty one when nothing was published yet. */
export async function loadVersionIndex(workspaceFile: string): Promise<LoadedIndex> {
  const path = join(archiveFolder(workspaceFile), INDEX_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return { ok: true, index: EMPTY_INDEX };
    return { ok: false, path, line: `Cannot read ${path}: ${describeIoError(error, 'it')}.` };
  }
  let parsed: ReturnType<typeof parseVersionIndex>;
  try {
    parsed = parseVersionIndex(JSON.parse(text));
  } catch {
    parsed = { ok: false, problems: ['it is not JSON'] };
  }
  if (!parsed.ok) {
    return { ok: false, path, line: `${path} cannot be used: ${parsed.problems.join('; ')}. Restore it from version control.` };
  }
  return parsed;
}

/**
 * The release a build of this working copy belongs to: the latest published version when nothing
 * customers see changed since (same build id), else none, and the documents say they are a draft. An
 * archive that cannot be read makes a draft too, with a line saying why.
 */
export async function workingCopyRelease(
  workspaceFile: string,
  workspace: Workspace,
): Promise<{ release?: DocumentRelease; history?: DocumentHistory; previous?: PreviousVersion; warning?: string }> {
  const loaded = await loadVersionIndex(workspaceFile);
  if (!loaded.ok) return { warning: `Warning: ${loaded.line} The documents say they are a draft.` };
  const release = releaseOf(loaded.index, inventoryVersion(workspace));
  // "Changes to this notice" and the material-change review compare with the latest snapshot.
  const since = await changesSinceLatest(workspaceFile, loaded.index, workspace);
  return {
    release,
    history: workingCopyHistory(loaded.index, release, since),
    ...(since.previous ? { previous: since.previous } : {}),
    ...(since.warning ? { warning: since.warning } : {}),
  };
}

const DOCUMENT_GROUPS = BUILD_GROUP_IDS.filter((group) => 'document' in buildGroup(group)) as BuildGroup[];
// Markdown and HTML are text, the same bytes every time they are made, so git shows what changed; Word is
// made again from the snapshot when one is wanted, so it is not even rendered here (laying out its pages
// for the contents' page numbers took most of the time a publish took).
const ARCHIVED_FORMATS: readonly DocumentFormat[] = ['markdown', 'html'];

/** A refusal found only at the last moment (another publish got there first): the user's to resolve. */
class Refused extends Error {}

export interface PublishRequest {
  effective: string;
  /** the number to publish; the next minor (or with `major` the next major) when absent */
  version?: string;
  major?: boolean;
  note?: string;
}

export interface Published {
  entry: PublishedVersion;
  archive: string;
  /** the snapshot, then each document, the announcement, then the index: every file written */
  files: string[];
  /** the announcement to customers (`<version>.announcement.md`); none for the first version, which has nothing earlier to announce changes against */
  announcement?: string;
}

/**
 * Why nothing was published. `refused`: the number or the date (each problem one sentence), or files of
 * that number already there; `raced`: another publish got there first; `templates`: a template could not be rendered; `index`: the index cannot
 * be read; `io`: the disk refused. `lines` are the sentences to show, in order.
 */
export type PublishFailure =
  | { kind: 'refused'; lines: string[] }
  | { kind: 'raced'; line: string }
  | { kind: 'templates'; errors: TemplateError[] }
  | { kind: 'index'; line: string; path: string }
  | { kind: 'io'; line: string; taken: boolean };

/**
 * Publishes `workspace` (the saved file `workspaceFile`) as a version: its canonical snapshot, its documents
 * (Markdown and HTML, printing the version and the dates) and the index entry, in the archive beside it.
 */
export async function publishVersion(
  workspaceFile: string,
  workspace: Workspace,
  request: PublishRequest,
  now: () => Date = () => new Date(),
): Promise<{ ok: true; value: Published } | { ok: false; failure: PublishFailure }> {
  const archive = archiveFolder(workspaceFile);
  const indexed = await loadVersionIndex(workspaceFile);
  if (!indexed.ok) return { ok: false, failure: { kind: 'index', line: indexed.line, path: indexed.path } };
  const version = request.version ?? proposeVersion(indexed.index, request.major ? 'major' : 'minor');
  const problems = publicationProblems(indexed.index, version, request.effective);
  const snapshotPath = join(archive, `${version}.candor.json`);
  const documentsPath = join(archive, version);
  const announcementPath = join(archive, announcementFileName(version));
  if (problems.length === 0) {
    const taken = [];
    for (const path of [snapshotPath, documentsPath, announcementPath]) if (await exists(path)) taken.push(path);
    if (taken.length > 0) {
      problems.push(
        `${listInWords(taken)} already ${taken.length === 1 ? 'exists' : 'exist'}, though the index does not list version ${version}; Candor never replaces ${taken.length === 1 ? 'it' : 'them'}. Remove ${taken.length === 1 ? 'it' : 'them'} or publish another number.`,
      );
    }
  }
  if (problems.length > 0) return { ok: false, failure: { kind: 'refused', lines: problems } };

  const publishedAt = now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  const release: DocumentRelease = { version, effective: request.effective, lastUpdated: publishedAt.slice(0, 10) };
  // What this version changes for customers since the latest one: recorded in the index, and printed in
  // the notice's "Changes to this notice" with the earlier versions' summaries.
  const [builtIn, workspaceTemplates, since] = await Promise.all([
    loadBuiltInTemplates(),
    loadWorkspaceTemplates(workspace, workspaceFile),
    changesSinceLatest(workspaceFile, indexed.index, workspace),
  ]);
  const history = documentHistory(indexed.index, release, since.changes);
  const built = await buildOutputs(
    workspace,
    { builtIn, overrides: workspaceTemplates.sources },
    renderExport,
    DOCUMENT_GROUPS,
    release,
    history,
    ARCHIVED_FORMATS,
  );
  const errors = [...workspaceTemplates.errors, ...built.errors];
  if (errors.length > 0) return { ok: false, failure: { kind: 'templates', errors } };
  const extensions = ARCHIVED_FORMATS.map((format) => DOCUMENT_FORMATS[format].extension);
  const documents = built.files.filter((f) => extensions.some((extension) => f.path.endsWith(extension)));
  const note = request.note?.trim();
  const entry: PublishedVersion = {
    version,
    effective: request.effective,
    publishedAt,
    ...(note ? { note } : {}),
    ...(since.changes ? { changes: since.changes } : {}),
    buildId: inventoryVersion(workspace),
    documents: documents.map((f) => `${version}/${f.path}`).sort(),
  };
  // The email and the banner that tell customers what changed since the version before; the first version
  // has nothing earlier, so nothing to announce.
  const announcement =
    since.previous && since.whatChanged
      ? announcementFile(
          changeAnnouncement(since.whatChanged, workspace, { version, effective: request.effective, locale: workspace.settings.locale }),
          {
            version,
            previous: since.previous.version,
            effective: request.effective,
            nothingChanged: since.whatChanged.empty,
            locale: workspace.settings.locale,
          },
        )
      : undefined;

  // The snapshot is created first and never replaces a file, so two publishes of one number cannot
  // both succeed; the index is written last, and a version counts as published once it lists it.
  let created = false;
  let announcementWritten = false;
  try {
    await mkdir(archive, { recursive: true });
    await writeNewFileAtomic(snapshotPath, serializeWorkspace(workspace));
    created = true;
    if (await exists(documentsPath)) throw Object.assign(new Error(`${documentsPath} already exists`), { code: 'EEXIST' });
    await writeOutputs(documentsPath, documents);
    if (announcement !== undefined) {
      await writeNewFileAtomic(announcementPath, announcement);
      announcementWritten = true;
    }
    // Read again just before writing, so a version another process published meanwhile is kept.
    const latest = await loadVersionIndex(workspaceFile);
    if (!latest.ok) throw new Refused(latest.line);
    const again = publicationProblems(latest.index, version, request.effective);
    if (again.length > 0) throw new Refused(again.join(' '));
    await writeFileAtomic(join(archive, INDEX_FILE), serializeVersionIndex({ format: 1, versions: [...latest.index.versions, entry] }));
  } catch (error) {
    if (created) {
      await rm(snapshotPath, { force: true });
      await rm(documentsPath, { recursive: true, force: true });
      // Only the file this publish wrote: one already there made it fail with EEXIST and is not Candor's to remove.
      if (announcementWritten) await rm(announcementPath, { force: true });
    }
    if (error instanceof Refused) return { ok: false, failure: { kind: 'raced', line: error.message } };
    const taken = (error as { code?: unknown }).code === 'EEXIST';
    const line = taken
      ? `version ${version} already has files in ${archive}, and Candor never replaces them`
      : describeIoError(error, archive);
    return { ok: false, failure: { kind: 'io', line, taken } };
  }
  const files = [
    snapshotPath,
    ...entry.documents.map((document) => join(archive, ...document.split('/'))),
    ...(announcement !== undefined ? [announcementPath] : []),
    join(archive, INDEX_FILE),
  ];
  return { ok: true, value: { entry, archive, files, ...(announcement !== undefined ? { announcement: announcementPath } : {}) } };
}

// ---------------------------------------------------------------------------------------------------
// For the app: the same operations as handler results, each refusal saying what, where and what to do.

/** The failure of `publishVersion` as one error for the app. */
export function publishError(failure: PublishFailure, workspaceFile: string): CandorError {
  const archive = archiveFolder(workspaceFile);
  switch (failure.kind) {
    case 'refused':
      return { code: 'invalid-argument', file: archive, message: `Nothing was published: ${failure.lines.join(' ')}` };
    case 'raced':
      return {
        code: 'changed-on-disk',
        file: archive,
        message: `Nothing was published: ${failure.line} Look at the Versions screen again, then publish.`,
      };
    case 'templates': {
      const lines = failure.errors.map((e) => `${[e.file, e.line, e.column].filter((part) => part !== undefined).join(':')}: ${e.message}`);
      return {
        code: 'invalid-workspace',
        file: failure.errors[0]?.file,
        message: `Nothing was published: a template could not be rendered (${lines.join('; ')}). Fix the template and publish again.`,
      };
    }
    case 'index':
      return { code: 'unreadable', file: failure.path, message: `Nothing was published: ${failure.line}` };
    case 'io':
      return {
        code: failure.taken ? 'exists' : 'io',
        file: archive,
        message: failure.taken
          ? `Nothing was published: ${failure.line}. Choose another version number.`
          : `Nothing was published: ${failure.line}. Check that the folder can be written, then publish again.`,
      };
  }
}

export async function listVersions(workspaceFile: string): Promise<Result<VersionList>> {
  const loaded = await loadVersionIndex(workspaceFile);
  if (!loaded.ok) return fail({ code: 'unreadable', file: loaded.path, message: loaded.line });
  return ok({ archive: archiveFolder(workspaceFile), versions: loaded.index.versions });
}

// The index is a file anyone can edit: a document path is read only when it is one Candor writes,
// `<version>/<name>.md` or `.html`, inside that version's folder.
const DOCUMENT_NAME = /^[a-z0-9]+(-[a-z0-9]+)*\.(md|html)$/;
const DOCUMENT_SIZE_LIMIT = 5 * 1024 * 1024;

export async function readVersion(workspaceFile: string, version: string): Promise<Result<ArchivedVersion>> {
  if (!isVersionNumber(version)) {
    return fail({
      code: 'invalid-argument',
      message: `"${version}" is not a version number: use one to three whole numbers separated by dots, such as 2.1.`,
    });
  }
  const loaded = await loadVersionIndex(workspaceFile);
  if (!loaded.ok) return fail({ code: 'unreadable', file: loaded.path, message: loaded.line });
  const archive = archiveFolder(workspaceFile);
  const entry =
    loaded.index.versions.find((v) => v.version === version) ??
    loaded.index.versions.find((v) => compareVersions(v.version, version) === 0);
  if (!entry) {
    const known = loaded.index.versions.map((v) => v.version).join(', ');
    return fail({
      code: 'not-found',
      file: join(archive, INDEX_FILE),
      message: known
        ? `Version ${version} is not published: ${join(archive, INDEX_FILE)} lists ${known}. Choose one of those.`
        : `Version ${version} is not published: no version of this workspace has been published yet. Publish one first.`,
    });
  }
  // The entry's number comes from the index, which parseVersionIndex checked is a version number.
  const snapshotPath = join(archive, `${entry.version}.candor.json`);
  let bytes: Buffer;
  try {
    bytes = await readBoundedFile(snapshotPath, { maxBytes: WORKSPACE_SIZE_LIMIT });
  } catch (error) {
    return fail({
      code: (error as { code?: unknown }).code === 'ENOENT' ? 'not-found' : 'io',
      file: snapshotPath,
      message: `Version ${entry.version} cannot be shown: ${describeIoError(error, snapshotPath)}. Restore the archive from version control.`,
    });
  }
  const content = classifyWorkspaceBytes(snapshotPath, bytes);
  if (content.kind === 'newer-version') return fail({ code: 'newer-version', file: snapshotPath, message: content.message });
  if (content.kind === 'refused') return fail(content.error);

  const byId = new Map<string, { id: string; markdown?: string; html?: string }>();
  for (const document of entry.documents) {
    const [folder, name, ...rest] = document.split('/');
    if (folder !== entry.version || !name || rest.length > 0 || !DOCUMENT_NAME.test(name)) continue;
    const path = join(archive, folder, name);
    let text: string;
    try {
      text = (await readBoundedFile(path, { maxBytes: DOCUMENT_SIZE_LIMIT })).toString('utf8');
    } catch (error) {
      return fail({
        code: (error as { code?: unknown }).code === 'ENOENT' ? 'not-found' : 'io',
        file: path,
        message: `A document of version ${entry.version} cannot be shown: ${describeIoError(error, path)}. Restore the archive from version control.`,
      });
    }
    const id = name.replace(/\.(md|html)$/, '');
    const slot = byId.get(id) ?? { id };
    if (name.endsWith('.md')) slot.markdown = text;
    else slot.html = text;
    byId.set(id, slot);
  }
  // The announcement is a file of a fixed name beside the snapshot (none for a first version); one that
  // cannot be read leaves the version readable, saying why.
  const announcementPath = join(archive, announcementFileName(entry.version));
  let announcement: { announcement?: string; announcementProblem?: string } = {};
  try {
    announcement = { announcement: (await readBoundedFile(announcementPath, { maxBytes: DOCUMENT_SIZE_LIMIT })).toString('utf8') };
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') {
      announcement = {
        announcementProblem: `The announcement of version ${entry.version} cannot be shown: ${describeIoError(error, announcementPath)}. Restore the archive from version control.`,
      };
    }
  }
  return ok({ entry, workspace: content.workspace, documents: [...byId.values()], ...announcement });
}

/** Where the app's version handlers read from: the open workspace, or why there is none. */
function openWorkspace(session: WorkspaceSession, doing: string): Result<{ path: string; workspace: Workspace; readOnly?: string }> {
  const state = session.state();
  if (state.status !== 'open') {
    return fail({ code: 'no-workspace', message: `${doing}: no workspace is open. Open a workspace first.` });
  }
  return ok({ path: state.path, workspace: state.workspace, readOnly: state.readOnly?.message });
}

export async function sessionVersions(session: WorkspaceSession): Promise<Result<VersionList>> {
  const open = openWorkspace(session, 'No versions to list');
  return open.ok ? listVersions(open.value.path) : open;
}

export async function sessionVersion(session: WorkspaceSession, version: string): Promise<Result<ArchivedVersion>> {
  const open = openWorkspace(session, `Version ${version} cannot be shown`);
  return open.ok ? readVersion(open.value.path, version) : open;
}

/**
 * Publishes the saved workspace (the UI saves its edits first): refused while it is read-only (another
 * Candor holds it, or a newer Candor wrote it), while the review finds errors unless `allowErrors`, and
 * as `candor publish` refuses a number or a date.
 */
export async function publishSessionVersion(
  session: WorkspaceSession,
  { version, effective, note, allowErrors }: { version: string; effective: string; note?: string; allowErrors?: boolean },
  now: () => Date = () => new Date(),
): Promise<Result<PublishedVersion>> {
  const open = openWorkspace(session, 'Nothing was published');
  if (!open.ok) return open;
  const { path, workspace, readOnly } = open.value;
  if (readOnly) {
    return fail({
      code: 'read-only',
      file: path,
      message: `Nothing was published: ${readOnly.replace(/\.$/, '')}. Publish once it can be edited.`,
    });
  }
  if (!allowErrors) {
    const errors = reviewErrors(workspace);
    if (errors.length > 0) {
      const them = errors.length === 1 ? 'it' : 'them';
      return fail({
        code: 'review-errors',
        file: path,
        message: `Nothing was published: the review finds ${count(errors.length, 'error')} in this workspace, so the notice would state something wrong. Fix ${them} (the Review screen lists ${them}), or choose to publish anyway.`,
        problems: findingProblems(errors),
      });
    }
  }
  const published = await publishVersion(path, workspace, { version, effective, note }, now);
  return published.ok ? ok(published.value.entry) : fail(publishError(published.failure, path));
}
