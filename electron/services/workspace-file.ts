// The workspace file on disk: reading it with a verdict (ok, newer version, or refused with the
// reason and the path), content revisions, and the lowdb adapter that writes it atomically.
import { createHash } from 'node:crypto';
import type { Adapter } from 'lowdb';
import type { CandorError } from '../../core/api';
import { encodeWorkspace, serializeWorkspace } from '../../core/canonical';
import { readWorkspaceText } from '../../core/read';
import type { Workspace } from '../../core/schema';
import { validateWorkspace, type Problem } from '../../core/validate';
import { stageFileAtomic } from './atomic-write';
import { readBoundedFile, ReadRefusal, WORKSPACE_SIZE_LIMIT } from './bounded-read';
import { describeIoError } from './io-error';

/** The revision of some bytes: their SHA-256, in hex. Equal bytes, equal revision. */
export function revisionOf(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type WorkspaceFileContent =
  | { kind: 'ok'; workspace: Workspace; revision: string; bytes: Buffer }
  /** written by a newer Candor: kept exactly as read (unknown keys and all), for display only */
  | { kind: 'newer-version'; data: Record<string, unknown>; version: number; message: string; revision: string; bytes: Buffer }
  /** cannot be a workspace, or cannot be read at all; `revision` is set when bytes were read */
  | { kind: 'refused'; error: CandorError; revision?: string; bytes?: Buffer };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function summarize(problems: Problem[]): string {
  const first = problems[0];
  const where = first.path ? `${first.path} ${first.message}` : first.message;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return `${where}${more}`;
}

/** What `bytes`, read from `path`, are. Never throws. */
export function classifyWorkspaceBytes(path: string, bytes: Buffer): WorkspaceFileContent {
  const revision = revisionOf(bytes);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return {
      kind: 'refused',
      revision,
      bytes,
      error: {
        code: 'unreadable',
        file: path,
        message: `The workspace file ${path} is not UTF-8 text (it may be saved in another encoding, or damaged); save it as UTF-8 in a text editor, or restore a backup. Candor did not change it.`,
      },
    };
  }
  const result = readWorkspaceText(text);
  switch (result.kind) {
    case 'ok':
      return { kind: 'ok', workspace: result.workspace, revision, bytes };
    case 'newer-version':
      return {
        kind: 'newer-version',
        data: result.data,
        version: result.version,
        message: `The workspace file ${path} ${result.reason}.`,
        revision,
        bytes,
      };
    case 'unreadable':
      return {
        kind: 'refused',
        revision,
        bytes,
        error: { code: 'unreadable', file: path, message: `The workspace file ${path} ${result.reason}. Candor did not change it.` },
      };
    case 'invalid':
      return {
        kind: 'refused',
        revision,
        bytes,
        error: {
          code: 'invalid-workspace',
          file: path,
          problems: result.problems,
          message: `The workspace file ${path} is not a valid Candor workspace: ${summarize(result.problems)}. Fix it in a text editor or restore a backup; Candor did not change it.`,
        },
      };
  }
}

/** Reads and classifies the workspace file at `path`. Never throws. */
export async function readWorkspaceFile(path: string): Promise<WorkspaceFileContent> {
  let bytes: Buffer;
  try {
    bytes = await readBoundedFile(path, { maxBytes: WORKSPACE_SIZE_LIMIT });
  } catch (error) {
    if (error instanceof ReadRefusal) {
      return {
        kind: 'refused',
        error: { code: 'unreadable', file: path, message: `The workspace file ${error.message}. Candor did not change it.` },
      };
    }
    const code = (error as { code?: string }).code === 'ENOENT' ? 'not-found' : 'io';
    return { kind: 'refused', error: { code, file: path, message: `The workspace file ${describeIoError(error, path)}.` } };
  }
  return classifyWorkspaceBytes(path, bytes);
}

/** Thrown by the adapter's read when the file is not a workspace Candor may edit. */
export class WorkspaceFileError extends Error {
  constructor(readonly content: Exclude<WorkspaceFileContent, { kind: 'ok' }>) {
    super(content.kind === 'refused' ? content.error.message : content.message);
    this.name = 'WorkspaceFileError';
  }
}

export interface PreparedWrite {
  workspace: Workspace;
  bytes: Buffer;
  revision: string;
}

/**
 * What an open workspace remembers between saves: the entries already validated, and their canonical
 * text. Both are keyed by the (never mutated) entry objects, so an edit revalidates and rewrites only
 * the entries it changed.
 */
export interface WriteMemo {
  trusted: WeakSet<object>;
  bytes: WeakMap<object, Uint8Array>;
}

export function createWriteMemo(): WriteMemo {
  return { trusted: new WeakSet(), bytes: new WeakMap() };
}

function remember(memo: WriteMemo, workspace: Workspace): void {
  for (const list of [workspace.purposes, workspace.recipients, workspace.collectionPoints, workspace.dataTypes]) {
    for (const entry of list) memo.trusted.add(entry);
  }
}

/** Validates and serializes a workspace for writing; invalid input is refused with every problem. */
export function prepareWrite(
  input: unknown,
  path: string,
  memo?: WriteMemo,
): { ok: true; prepared: PreparedWrite } | { ok: false; error: CandorError } {
  const result = validateWorkspace(input, memo ? { trusted: memo.trusted } : {});
  if (!result.ok) {
    return {
      ok: false,
      error: {
        code: 'invalid-workspace',
        file: path,
        problems: result.problems,
        message: `The workspace was not saved to ${path} because it is not valid: ${summarize(result.problems)}. Fix the listed fields and save again.`,
      },
    };
  }
  if (memo) remember(memo, result.workspace);
  const encoded = memo ? encodeWorkspace(result.workspace, memo.bytes) : new TextEncoder().encode(serializeWorkspace(result.workspace));
  const bytes = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
  return { ok: true, prepared: { workspace: result.workspace, bytes, revision: revisionOf(bytes) } };
}

/**
 * lowdb adapter for one workspace file. lowdb's own TextFile/JSONFile adapters write through a
 * fixed temp name without fsync and would happily read `null` or `[]` as data; this one refuses
 * anything that is not a valid workspace (read throws WorkspaceFileError; a missing file is an
 * error too, not an empty database) and writes only validated, canonical text, atomically and durably.
 * The `null` in its type is lowdb's "no data yet", which Low never passes to write.
 */
export class WorkspaceFileAdapter implements Adapter<Workspace | null> {
  /** revision of the bytes on disk as last read or written through this adapter */
  revision: string | undefined;
  /** those bytes, so "unchanged on disk" is a byte comparison rather than a hash */
  bytes: Buffer | undefined;
  /** revision of a write between its rename and its return, so a watcher can tell it is ours */
  committing: string | undefined;
  /**
   * Runs after the new content is staged (written and fsynced beside the file) and before it
   * replaces the file; if it throws, nothing is replaced. The session checks the file on disk here.
   */
  beforeCommit: (() => Promise<void>) | undefined;
  private prepared: PreparedWrite | undefined;
  /** validated entries and their text, kept across saves of this file */
  readonly memo: WriteMemo = createWriteMemo();

  constructor(readonly path: string) {}

  async read(): Promise<Workspace | null> {
    const content = await readWorkspaceFile(this.path);
    if (content.kind !== 'ok') throw new WorkspaceFileError(content);
    this.revision = content.revision;
    this.bytes = content.bytes;
    remember(this.memo, content.workspace);
    return content.workspace;
  }

  /** Validates and serializes `input`; the next write of the returned workspace reuses the result. */
  prepare(input: unknown): ReturnType<typeof prepareWrite> {
    const result = prepareWrite(input, this.path, this.memo);
    this.prepared = result.ok ? result.prepared : undefined;
    return result;
  }

  async write(data: Workspace | null): Promise<void> {
    if (data === null) throw new Error(`Candor refused to write an empty workspace to ${this.path}`);
    let prepared = this.prepared?.workspace === data ? this.prepared : undefined;
    if (!prepared) {
      const result = prepareWrite(data, this.path, this.memo);
      if (!result.ok) throw new Error(result.error.message);
      prepared = result.prepared;
    }
    this.prepared = undefined;
    const staged = await stageFileAtomic(this.path, prepared.bytes);
    try {
      await this.beforeCommit?.();
    } catch (error) {
      await staged.discard();
      throw error;
    }
    this.committing = prepared.revision;
    try {
      await staged.commit();
    } finally {
      this.committing = undefined;
      // Replaced even if the folder fsync then failed: the file holds these bytes now.
      if (staged.replaced) {
        this.revision = prepared.revision;
        this.bytes = prepared.bytes;
      }
    }
  }
}
