// Turning Node's file errors into sentences a person can act on. Node's own messages
// ("EACCES: permission denied, open '…'") are for programmers.
import { isCode } from './atomic-write';

const WHAT: Record<string, string> = {
  ENOENT: 'does not exist (it may have been moved, renamed or deleted)',
  EACCES: 'cannot be accessed: permission denied; check the permissions of the file and its folder',
  EPERM: 'cannot be changed: the operating system refused (the file may be read-only or in use by another program)',
  EROFS: 'is on a read-only disk',
  ENOSPC: 'could not be written because the disk is full; free some space and try again',
  EDQUOT: 'could not be written because your disk quota is used up; free some space and try again',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'is not inside a folder (part of the path is a file)',
  EBUSY: 'is busy (another program is using it); close that program and try again',
  EMFILE: 'could not be opened because too many files are open; close some programs and try again',
  ENAMETOOLONG: 'has a name that is too long for the file system',
  EEXIST: 'already exists',
  EIO: 'could not be read or written because of a disk error; check the disk',
  ESHORTWRITE: 'was not written completely (the disk may be full); the previous version was kept',
};

/** "<file> <what happened>", e.g. "/home/ana/w.candor.json is on a read-only disk". */
export function describeIoError(error: unknown, file: string): string {
  for (const [code, what] of Object.entries(WHAT)) {
    if (isCode(error, code)) return `${file} ${what}`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `${file} could not be read or written (${detail})`;
}

const SHORT: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOENT: 'it does not exist',
};

/** A few words for why a file operation failed: "permission denied", "the disk is read-only". */
export function shortIoReason(error: unknown): string {
  for (const [code, words] of Object.entries(SHORT)) {
    if (isCode(error, code)) return words;
  }
  return error instanceof Error ? error.message : String(error);
}
