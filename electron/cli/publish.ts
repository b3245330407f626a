// `candor publish <workspace> --effective <date> [--version <n> | --major] [--note <text>]`: records a
// published version in the archive beside the workspace (core/versions.ts describes the folder): the
// inventory exactly as published, its documents as customers read them, and an entry in the index.
// A published version is never replaced: its number must be new and greater than the last, and every
// file is created, never overwritten. `candor versions` lists the archive and says which version was in
// force on a given day.
import { isCalendarDate } from '../../core/schema';
import { latestVersion, releaseFrom, versionInForce } from '../../core/versions';
import { formatDate } from '../../core/dates';
import { archiveFolder, loadVersionIndex, publishVersion, type PublishRequest } from '../services/versions';
import { join } from 'node:path';
import type { Output } from './output';
import { reviewGate } from './review-gate';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, loadWorkspaceFile } from './workspace-file';

// The archive itself is electron/services/versions.ts, shared with the app; `candor build` reads it from here.
export { archiveFolder, INDEX_FILE, loadVersionIndex, workingCopyRelease, type LoadedIndex } from '../services/versions';

export interface PublishOptions extends PublishRequest {
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

  const published = await publishVersion(
    file,
    workspace,
    { version: options.version, major: options.major, effective: options.effective, note: options.note },
    now,
  );
  if (!published.ok) {
    const { failure } = published;
    switch (failure.kind) {
      case 'index':
        output.err(`Nothing was published: ${failure.line}`);
        return EXIT_ERROR;
      case 'refused':
        for (const line of failure.lines) output.err(line);
        output.err('Nothing was published.');
        return EXIT_PROBLEMS;
      case 'raced':
        output.err(`Nothing was published: ${failure.line}`);
        return EXIT_PROBLEMS;
      case 'templates':
        for (const error of failure.errors) {
          const where = [error.file, error.line, error.column].filter((part) => part !== undefined).join(':');
          output.err(`${where}: ${error.message}`);
        }
        output.err('Nothing was published: fix the template problems above and publish again.');
        return EXIT_PROBLEMS;
      case 'io':
        output.err(`Nothing was published: ${failure.line}.`);
        return failure.taken ? EXIT_PROBLEMS : EXIT_ERROR;
    }
  }
  const { entry, files, announcement } = published.value;
  for (const warning of gate.warnings) output.err(warning);
  output.out(`Published version ${entry.version} of ${file}, effective ${formatDate(options.effective)} (build ${entry.buildId}):`);
  for (const path of files) output.out(`  ${path}`);
  if (announcement) {
    output.out(`The email and the in-app banner announcing what changed are in ${announcement}; read them before you send them.`);
  } else {
    // The first version: no earlier one, so no changes to announce, and none are made up.
    output.out(
      `Version ${entry.version} is the first published version, so there are no changes to announce and no announcement was written.`,
    );
  }
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
