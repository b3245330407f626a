// Reading a file someone named, without trusting it: only a regular file (never a device such as
// /dev/zero, a pipe that never ends, or a folder), never more than a size cap, and never longer than a
// timeout, so one bad path cannot exhaust memory or leave a request (or Ctrl+C) waiting forever.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

export const WORKSPACE_SIZE_LIMIT = 50 * 1024 * 1024;
export const READ_TIMEOUT_MS = 10_000;

/** Why a file was refused before (or while) it was read; `code` is for callers, the message for people. */
export class ReadRefusal extends Error {
  constructor(
    readonly code: 'not-a-file' | 'too-large' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'ReadRefusal';
  }
}

export interface BoundedReadOptions {
  maxBytes: number;
  timeoutMs?: number;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

// O_NONBLOCK: opening a pipe for reading would otherwise wait for a writer before fstat can refuse it.
// Windows has no such flag and no such files.
export const OPEN_FLAGS = constants.O_NONBLOCK === undefined ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NONBLOCK;

async function readAll(handle: FileHandle, path: string, maxBytes: number): Promise<Buffer> {
  const info = await handle.stat();
  if (!info.isFile()) {
    const what = info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a pipe' : info.isSocket() ? 'a socket' : 'a device';
    throw new ReadRefusal('not-a-file', `${path} is ${what}, not a file; choose a file`);
  }
  if (info.size > maxBytes) {
    throw new ReadRefusal(
      'too-large',
      `${path} is ${megabytes(info.size)}, more than the ${megabytes(maxBytes)} Candor reads; check that it is the right file`,
    );
  }
  // Straight into one buffer of the size the file has, plus a byte to notice that it grew while being
  // read (a file still being written); a bigger one only then, never past one byte more than allowed.
  // One buffer rather than chunks joined at the end: a 3 MB workspace is copied once, not twice.
  let buffer = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      if (total > maxBytes) {
        throw new ReadRefusal('too-large', `${path} is more than the ${megabytes(maxBytes)} Candor reads; check that it is the right file`);
      }
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(bigger, 0, 0, total);
      buffer = bigger;
    }
    const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
    if (bytesRead === 0) break;
    total += bytesRead;
  }
  return buffer.subarray(0, total);
}

/**
 * The bytes of the regular file at `path`, at most `maxBytes` of them, within `timeoutMs`. Throws a
 * ReadRefusal for what is not a file, too large or too slow, and Node's own error (ENOENT, EACCES…)
 * otherwise; the file's content never appears in an error.
 */
export async function readBoundedFile(path: string, { maxBytes, timeoutMs = READ_TIMEOUT_MS }: BoundedReadOptions): Promise<Buffer> {
  const handle = await open(path, OPEN_FLAGS);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ReadRefusal(
            'timeout',
            `${path} did not finish reading within ${Math.round(timeoutMs / 1000)} seconds (a network drive that stopped answering?); try again`,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([readAll(handle, path, maxBytes), timeout]);
  } finally {
    clearTimeout(timer);
    // Closing while a read is still pending (after a timeout) is safe: the read then fails, unobserved.
    await handle.close().catch(() => undefined);
  }
}
