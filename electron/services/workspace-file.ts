// The workspace file on disk: reading it with a verdict (ok, newer version, or refused with the
// reason and the path), content revisions, and the lowdb adapter that writes it atomically.
import { isUtf8, transcode } from 'node:buffer';
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { CandorError } from '../../core/api';
import { encodeWorkspace, serializeWorkspace } from '../../core/canonical';
import { readWorkspaceText } from '../../core/read';
import type { Workspace } from '../../core/schema';
import { validateWorkspace, type Problem } from '../../core/validate';
import { lookUpTarget, stageFileAtomic, type StagedFile, type TargetLookup } from './atomic-write';
import { OPEN_FLAGS, readBoundedFile, ReadRefusal, WORKSPACE_SIZE_LIMIT } from './bounded-read';
import { describeIoError } from './io-error';

/** The revision of some bytes: their SHA-256, in hex. Equal bytes, equal revision. */
export function revisionOf(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** How much `revisionWhileWriting` hashes before letting other work run: about a tenth of a millisecond. */
const HASH_SLICE = 256 * 1024;

/**
 * `revisionOf(bytes)`, hashed a slice at a time with the event loop free in between, so a save's
 * file operations go on while its 3 MB are hashed. (WebCrypto's digest would hash on another thread,
 * but copies the bytes first, which costs as much as the hashing.)
 */
async function revisionWhileWriting(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let offset = 0; offset < bytes.byteLength; offset += HASH_SLICE) {
    if (offset > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    hash.update(bytes.subarray(offset, offset + HASH_SLICE));
  }
  return hash.digest('hex');
}

export type WorkspaceFileContent =
  | { kind: 'ok'; workspace: Workspace; revision: string; bytes: Buffer }
  /** written by a newer Candor: kept exactly as read (unknown keys and all), for display only */
  | { kind: 'newer-version'; data: Record<string, unknown>; version: number; message: string; revision: string; bytes: Buffer }
  /** cannot be a workspace, or cannot be read at all; `revision` is set when bytes were read */
  | { kind: 'refused'; error: CandorError; revision?: string; bytes?: Buffer };

/**
 * The text of `bytes` if they are UTF-8 (a byte-order mark stays in it), else undefined; the same
 * verdict and text as a fatal TextDecoder. The text is made through UTF-16: TextDecoder and
 * toString('utf8') build a 3 MB string on V8's heap, in fresh memory on every open (17 ms for the
 * benchmark's workspace on the 2-core test machine), while a UTF-16 buffer becomes a string held outside
 * the heap, in memory the allocator reuses (1.4 ms). JSON.parse reads either as fast.
 */
function utf8Text(bytes: Buffer): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  try {
    return transcode(bytes, 'utf8', 'ucs2').toString('ucs2');
  } catch {
    // A Node built without ICU has no transcode.
    return bytes.toString('utf8');
  }
}

function summarize(problems: Problem[]): string {
  const first = problems[0];
  const where = first.path ? `${first.path} ${first.message}` : first.message;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return `${where}${more}`;
}

/** What `bytes`, read from `path`, are. Never throws. */
export function classifyWorkspaceBytes(path: string, bytes: Buffer): WorkspaceFileContent {
  const revision = revisionOf(bytes);
  const text = utf8Text(bytes);
  if (text === undefined) {
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
  /** the workspace last validated (read or written): the next save's references are checked against what changed since */
  last?: Workspace;
}

export function createWriteMemo(): WriteMemo {
  return { trusted: new WeakSet(), bytes: new WeakMap() };
}

function remember(memo: WriteMemo, workspace: Workspace): void {
  memo.last = workspace;
  for (const list of [workspace.purposes, workspace.recipients, workspace.collectionPoints, workspace.dataTypes]) {
    for (const entry of list) memo.trusted.add(entry);
  }
}

/** Validates and serializes a workspace for writing, without the revision; invalid input is refused with every problem. */
function encodeForWrite(
  input: unknown,
  path: string,
  memo?: WriteMemo,
  allocate?: (length: number) => Uint8Array,
): { ok: true; workspace: Workspace; bytes: Buffer } | { ok: false; error: CandorError } {
  const result = validateWorkspace(input, memo ? { trusted: memo.trusted, previous: memo.last } : {});
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
  const encoded = memo
    ? encodeWorkspace(result.workspace, memo.bytes, allocate)
    : new TextEncoder().encode(serializeWorkspace(result.workspace));
  return { ok: true, workspace: result.workspace, bytes: Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength) };
}

/** Validates and serializes a workspace for writing; invalid input is refused with every problem. */
export function prepareWrite(
  input: unknown,
  path: string,
  memo?: WriteMemo,
): { ok: true; prepared: PreparedWrite } | { ok: false; error: CandorError } {
  const result = encodeForWrite(input, path, memo);
  if (!result.ok) return result;
  return { ok: true, prepared: { workspace: result.workspace, bytes: result.bytes, revision: revisionOf(result.bytes) } };
}

/** A write prepared by the adapter: its revision is still being computed while the bytes go to disk. */
export interface PendingWrite {
  workspace: Workspace;
  bytes: Buffer;
  revision: Promise<string>;
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
  /** the write `prepare` made, the buffer its bytes are in, and the look at the file it started */
  private prepared: (PendingWrite & { memory: Buffer | undefined; lookup: Promise<TargetLookup> }) | undefined;
  /** where `holds` reads the file, reused from save to save */
  private scratch: Buffer | undefined;
  /**
   * Memory for the bytes of saves, reused: `own` holds the version on disk (when this adapter wrote
   * it), `spare` the one before, which nothing refers to any more. A fresh 3 MB buffer on every save
   * costs more than validating and encoding the edit.
   */
  private own: Buffer | undefined;
  private spare: Buffer | undefined;
  /** validated entries and their text, kept across saves of this file */
  readonly memo: WriteMemo = createWriteMemo();

  constructor(readonly path: string) {}

  async read(): Promise<Workspace | null> {
    const content = await readWorkspaceFile(this.path);
    if (content.kind !== 'ok') throw new WorkspaceFileError(content);
    this.revision = content.revision;
    this.bytes = content.bytes;
    this.own = undefined;
    remember(this.memo, content.workspace);
    return content.workspace;
  }

  /**
   * Validates and serializes `input` and starts hashing the result; the next write of the returned
   * workspace reuses all of it.
   */
  prepare(input: unknown): { ok: true; prepared: PendingWrite } | { ok: false; error: CandorError } {
    // A write prepared and never made (a save that changed nothing) leaves its memory free.
    if (this.prepared) this.spare ??= this.prepared.memory;
    this.prepared = undefined;
    // Where the file really is and its mode, looked up while the edit is validated and encoded.
    const lookup = lookUpTarget(this.path);
    // A write that is never made (invalid, or nothing changed) leaves its lookup unread.
    lookup.catch(() => undefined);
    let memory: Buffer | undefined;
    const result = encodeForWrite(input, this.path, this.memo, (length) => {
      memory = this.spare && this.spare.length >= length ? this.spare : Buffer.allocUnsafeSlow(length + (length >> 3));
      this.spare = undefined;
      return memory.subarray(0, length);
    });
    if (!result.ok) {
      if (memory) this.spare = memory;
      return result;
    }
    const revision = revisionWhileWriting(result.bytes);
    // A write that fails before awaiting the revision must not leave a rejection nobody handles.
    revision.catch(() => undefined);
    this.prepared = { workspace: result.workspace, bytes: result.bytes, revision, memory, lookup };
    return { ok: true, prepared: this.prepared };
  }

  /**
   * Whether the file holds exactly `expected` now. It is read into a buffer this adapter keeps, since
   * every save compares the whole file and a fresh 3 MB buffer each time costs more than the reading.
   * Throws what opening or reading throws (ENOENT when the file is gone). Not reentrant: the session
   * calls it from one save at a time.
   */
  async holds(expected: Uint8Array): Promise<boolean> {
    const handle = await open(this.path, OPEN_FLAGS);
    try {
      // One byte more than expected, so a longer file shows as one.
      const want = expected.byteLength + 1;
      if (!this.scratch || this.scratch.length < want) this.scratch = Buffer.allocUnsafe(want + (want >> 3));
      let total = 0;
      while (total < want) {
        const { bytesRead } = await handle.read(this.scratch, total, want - total, total);
        if (bytesRead === 0) break;
        total += bytesRead;
      }
      return total === expected.byteLength && this.scratch.compare(expected, 0, expected.byteLength, 0, total) === 0;
    } finally {
      await handle.close();
    }
  }

  async write(data: Workspace | null): Promise<void> {
    if (data === null) throw new Error(`Candor refused to write an empty workspace to ${this.path}`);
    if (this.prepared?.workspace !== data) {
      const result = this.prepare(data);
      if (!result.ok) throw new Error(result.error.message);
    }
    const prepared = this.prepared!;
    this.prepared = undefined;
    let staged: StagedFile;
    let revision: string;
    try {
      staged = await stageFileAtomic(this.path, prepared.bytes, { lookup: prepared.lookup });
    } catch (error) {
      this.spare = prepared.memory;
      throw error;
    }
    try {
      revision = await prepared.revision;
      await this.beforeCommit?.();
    } catch (error) {
      await staged.discard();
      this.spare = prepared.memory;
      throw error;
    }
    this.committing = revision;
    try {
      await staged.commit();
    } finally {
      this.committing = undefined;
      // Replaced even if the folder fsync then failed: the file holds these bytes now.
      if (staged.replaced) {
        this.revision = revision;
        this.bytes = prepared.bytes;
        this.spare = this.own;
        this.own = prepared.memory;
      } else {
        this.spare = prepared.memory;
      }
    }
  }
}
