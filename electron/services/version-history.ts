// What the archive beside a workspace says about its history, for the documents and the review: the last
// published snapshot, what the working copy changes since it for customers (core/what-changed.ts), the
// "Changes to this notice" history a document prints, and the previous version the material-change
// review rules compare with. Shared by `candor build`, `candor lint`, `candor publish` and the app.
import { basename, dirname, join } from 'node:path';
import type { PreviousVersion } from '../../core/lint';
import type { Workspace } from '../../core/schema';
import {
  archiveFolderName,
  documentHistory,
  latestVersion,
  type DocumentHistory,
  type DocumentRelease,
  type VersionIndex,
} from '../../core/versions';
import { whatChanged, type WhatChanged } from '../../core/what-changed';
import { readBoundedFile, WORKSPACE_SIZE_LIMIT } from './bounded-read';
import { describeIoError } from './io-error';
import { classifyWorkspaceBytes } from './workspace-file';

/** A published version's snapshot, or why it cannot be read (one sentence). */
export async function loadSnapshot(
  workspaceFile: string,
  version: string,
): Promise<{ ok: true; workspace: Workspace } | { ok: false; line: string }> {
  const path = join(dirname(workspaceFile), archiveFolderName(basename(workspaceFile)), `${version}.candor.json`);
  let bytes: Buffer;
  try {
    bytes = await readBoundedFile(path, { maxBytes: WORKSPACE_SIZE_LIMIT });
  } catch (error) {
    return { ok: false, line: `The snapshot of version ${version} cannot be read: ${describeIoError(error, path)}.` };
  }
  const content = classifyWorkspaceBytes(path, bytes);
  if (content.kind === 'ok') return { ok: true, workspace: content.workspace };
  return {
    ok: false,
    line: `The snapshot of version ${version} cannot be used: ${content.kind === 'refused' ? content.error.message : content.message}`,
  };
}

export interface ArchiveHistory {
  /** the latest published version and its snapshot, for the material-change review rules; none before the first */
  previous?: PreviousVersion;
  /**
   * what the working copy changes for customers since the latest version, one sentence each; undefined
   * before the first version or when its snapshot cannot be read
   */
  changes?: string[];
  /** the same, grouped by topic, for the announcement of a new version */
  whatChanged?: WhatChanged;
  /** why the snapshot could not be compared, as a warning line */
  warning?: string;
}

/** The latest version of `index` and what `workspace` changes since it. */
export async function changesSinceLatest(workspaceFile: string, index: VersionIndex, workspace: Workspace): Promise<ArchiveHistory> {
  const latest = latestVersion(index);
  if (!latest) return {};
  const snapshot = await loadSnapshot(workspaceFile, latest.version);
  if (!snapshot.ok) return { warning: `Warning: ${snapshot.line} Restore the archive from version control.` };
  const changed = whatChanged(snapshot.workspace, workspace);
  return {
    previous: { version: latest.version, workspace: snapshot.workspace },
    changes: changed.sentences,
    whatChanged: changed,
  };
}

/**
 * The history a working copy's documents print: for the latest version itself (`release`), its recorded
 * changes; for a draft, what it changes since the latest version.
 */
export function workingCopyHistory(index: VersionIndex, release: DocumentRelease | undefined, history: ArchiveHistory): DocumentHistory {
  if (release) return documentHistory(index, release, latestVersion(index)?.changes ?? []);
  return documentHistory(index, undefined, history.changes ?? []);
}
