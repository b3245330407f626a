// `candor publish <workspace> --effective <date> [--version <n> | --major] [--note <text>]`: records a
// published version in the archive beside the workspace (core/versions.ts describes the folder): the
// inventory exactly as published, its documents as customers read them, and an entry in the index.
// A published version is never replaced: its number must be new and greater than the last, and every
// file is created, never overwritten. `candor versions` lists the archive and says which version was in
// force on a given day.
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BUILD_GROUP_IDS, buildGroup, type BuildGroup } from '../../core/catalogue';
import { serializeWorkspace } from '../../core/canonical';
import { buildOutputs } from '../../core/documents/build';
import { inventoryVersion } from '../../core/documents/context';
import { isCalendarDate, type Workspace } from '../../core/schema';
import {
  archiveFolderName,
  EMPTY_INDEX,
  latestVersion,
  parseVersionIndex,
  proposeVersion,
  publicationProblems,
  releaseFrom,
  releaseOf,
  serializeVersionIndex,
  versionInForce,
  type DocumentRelease,
  type PublishedVersion,
  type VersionIndex,
} from '../../core/versions';
import { formatDate } from '../../core/dates';
import { writeFileAtomic, writeNewFileAtomic } from '../services/atomic-write';
import { writeOutputs } from '../services/build-output';
import { renderExport } from '../services/exports';
import { describeIoError } from '../services/io-error';
import { loadBuiltInTemplates, loadWorkspaceTemplates } from '../services/templates';
import type { Output } from './output';
import { reviewGate } from './review-gate';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, loadWorkspaceFile } from './workspace-file';

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

export type LoadedIndex = { ok: true; index: VersionIndex } | { ok: false; line: string };

/** The archive's index; an empty one when nothing was published yet. */
export async function loadVersionIndex(workspaceFile: string): Promise<LoadedIndex> {
  const path = join(archiveFolder(workspaceFile), INDEX_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return { ok: true, index: EMPTY_INDEX };
    return { ok: false, line: `Cannot read ${path}: ${describeIoError(error, 'it')}.` };
  }
  let parsed: ReturnType<typeof parseVersionIndex>;
  try {
    parsed = parseVersionIndex(JSON.parse(text));
  } catch {
    parsed = { ok: false, problems: ['it is not JSON'] };
  }
  if (!parsed.ok) return { ok: false, line: `${path} cannot be used: ${parsed.problems.join('; ')}. Restore it from version control.` };
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
): Promise<{ release?: DocumentRelease; warning?: string }> {
  const loaded = await loadVersionIndex(workspaceFile);
  if (!loaded.ok) return { warning: `Warning: ${loaded.line} The documents say they are a draft.` };
  return { release: releaseOf(loaded.index, inventoryVersion(workspace)) };
}

const DOCUMENT_GROUPS = BUILD_GROUP_IDS.filter((group) => 'document' in buildGroup(group)) as BuildGroup[];
// Markdown and HTML are text, the same bytes every time they are made, so git shows what changed; Word is
// made again from the snapshot when one is wanted.
const ARCHIVED_EXTENSIONS = ['.md', '.html'];

/** A refusal found only at the last moment (another publish got there first): the user's to resolve. */
class Refused extends Error {}

export interface PublishOptions {
  effective: string;
  version?: string;
  major?: boolean;
  note?: string;
  allowErrors?: boolean;
}

export async function publishCommand(
  file: string,
  options: PublishOptions,
  output: Output,
  now: () => Date = () => new Date(),
): Promise<number> {
  if (options.version !== undefined && options.major) {
    output.err('Give either --version or --major, not both: --major only chooses the number Candor proposes.');
    return EXIT_ERROR;
  }
  if (!isCalendarDate(options.effective)) {
    output.err(`--effective "${options.effective}" is not a date: use YYYY-MM-DD, such as 2027-03-01.`);
    return EXIT_ERROR;
  }
  const loaded = await loadWorkspaceFile(file);
  if (!loaded.ok) {
    for (const line of loaded.lines) output.err(line);
    return loaded.exitCode;
  }
  const workspace = loaded.workspace;
  const gate = reviewGate(workspace, file, { allowErrors: options.allowErrors, command: 'publish' }, output);
  if (!gate.proceed) return EXIT_PROBLEMS;

  const archive = archiveFolder(file);
  const indexed = await loadVersionIndex(file);
  if (!indexed.ok) {
    output.err(`Nothing was published: ${indexed.line}`);
    return EXIT_ERROR;
  }
  const version = options.version ?? proposeVersion(indexed.index, options.major ? 'major' : 'minor');
  const problems = publicationProblems(indexed.index, version, options.effective);
  const snapshotPath = join(archive, `${version}.candor.json`);
  const documentsPath = join(archive, version);
  if (problems.length === 0 && ((await exists(snapshotPath)) || (await exists(documentsPath)))) {
    problems.push(
      `${snapshotPath} or ${documentsPath} already exists, though the index does not list version ${version}; Candor never replaces it. Remove it or publish another number.`,
    );
  }
  if (problems.length > 0) {
    for (const problem of problems) output.err(problem);
    output.err('Nothing was published.');
    return EXIT_PROBLEMS;
  }

  const publishedAt = now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  const release: DocumentRelease = { version, effective: options.effective, lastUpdated: publishedAt.slice(0, 10) };
  const [builtIn, workspaceTemplates] = await Promise.all([loadBuiltInTemplates(), loadWorkspaceTemplates(workspace, file)]);
  const built = await buildOutputs(workspace, { builtIn, overrides: workspaceTemplates.sources }, renderExport, DOCUMENT_GROUPS, release);
  const errors = [...workspaceTemplates.errors, ...built.errors];
  if (errors.length > 0) {
    for (const error of errors) {
      const where = [error.file, error.line, error.column].filter((part) => part !== undefined).join(':');
      output.err(`${where}: ${error.message}`);
    }
    output.err('Nothing was published: fix the template problems above and publish again.');
    return EXIT_PROBLEMS;
  }
  const documents = built.files.filter((f) => ARCHIVED_EXTENSIONS.some((extension) => f.path.endsWith(extension)));
  const entry: PublishedVersion = {
    version,
    effective: options.effective,
    publishedAt,
    ...(options.note?.trim() ? { note: options.note.trim() } : {}),
    buildId: inventoryVersion(workspace),
    documents: documents.map((f) => `${version}/${f.path}`).sort(),
  };

  // The snapshot is created first and never replaces a file, so two publishes of one number cannot
  // both succeed; the index is written last, and a version counts as published once it lists it.
  let created = false;
  try {
    await mkdir(archive, { recursive: true });
    await writeNewFileAtomic(snapshotPath, serializeWorkspace(workspace));
    created = true;
    if (await exists(documentsPath)) throw Object.assign(new Error(`${documentsPath} already exists`), { code: 'EEXIST' });
    await writeOutputs(documentsPath, documents);
    // Read again just before writing, so a version another process published meanwhile is kept.
    const latest = await loadVersionIndex(file);
    if (!latest.ok) throw new Refused(latest.line);
    const again = publicationProblems(latest.index, version, options.effective);
    if (again.length > 0) throw new Refused(again.join(' '));
    await writeFileAtomic(join(archive, INDEX_FILE), serializeVersionIndex({ format: 1, versions: [...latest.index.versions, entry] }));
  } catch (error) {
    if (created) {
      await rm(snapshotPath, { force: true });
      await rm(documentsPath, { recursive: true, force: true });
    }
    if (error instanceof Refused) {
      output.err(`Nothing was published: ${error.message}`);
      return EXIT_PROBLEMS;
    }
    const taken = (error as { code?: unknown }).code === 'EEXIST';
    output.err(
      `Nothing was published: ${taken ? `version ${version} already has files in ${archive}, and Candor never replaces them` : describeIoError(error, archive)}.`,
    );
    return taken ? EXIT_PROBLEMS : EXIT_ERROR;
  }
  for (const warning of gate.warnings) output.err(warning);
  output.out(`Published version ${version} of ${file}, effective ${formatDate(options.effective)} (build ${entry.buildId}):`);
  output.out(`  ${snapshotPath}`);
  for (const document of entry.documents) output.out(`  ${join(archive, ...document.split('/'))}`);
  output.out(`  ${join(archive, INDEX_FILE)}`);
  return EXIT_OK;
}

/** `candor versions <workspace> [--on <date>]`: the published versions, or the one in force on a day. */
export async function versionsCommand(file: string, options: { on?: string; json?: boolean }, output: Output): Promise<number> {
  if (options.on !== undefined && !isCalendarDate(options.on)) {
    output.err(`--on "${options.on}" is not a date: use YYYY-MM-DD, such as 2027-03-01.`);
    return EXIT_ERROR;
  }
  const loaded = await loadVersionIndex(file);
  if (!loaded.ok) {
    output.err(loaded.line);
    return EXIT_ERROR;
  }
  const archive = archiveFolder(file);
  const { index } = loaded;
  if (options.on !== undefined) {
    const entry = versionInForce(index, options.on);
    if (options.json) {
      output.out(JSON.stringify(entry ?? null, null, 2));
      return EXIT_OK;
    }
    if (!entry) {
      const first =
        index.versions.length > 0
          ? ` The first version took effect on ${formatDate(index.versions.reduce((a, b) => (a.effective <= b.effective ? a : b)).effective)}.`
          : '';
      output.out(`No published version of ${file} was in force on ${formatDate(options.on)}.${first}`);
      return EXIT_PROBLEMS;
    }
    const { lastUpdated } = releaseFrom(entry);
    output.out(
      `On ${formatDate(options.on)}, version ${entry.version} was in force (effective ${formatDate(entry.effective)}, last updated ${formatDate(lastUpdated)}):`,
    );
    output.out(`  ${join(archive, `${entry.version}.candor.json`)}`);
    for (const document of entry.documents) output.out(`  ${join(archive, ...document.split('/'))}`);
    return EXIT_OK;
  }
  if (options.json) {
    output.out(JSON.stringify(index.versions, null, 2));
    return EXIT_OK;
  }
  if (index.versions.length === 0) {
    output.out(
      `No version of ${file} has been published yet (${archive} holds none). Publish one with "candor publish ${file} --effective <date>".`,
    );
    return EXIT_OK;
  }
  const latest = latestVersion(index);
  for (const entry of index.versions) {
    const note = entry.note ? ` · ${entry.note}` : '';
    const mark = entry === latest ? ' (latest)' : '';
    output.out(
      `${entry.version}${mark} · effective ${formatDate(entry.effective)} · published ${entry.publishedAt} · build ${entry.buildId}${note}`,
    );
  }
  return EXIT_OK;
}
