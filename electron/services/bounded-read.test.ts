import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBoundedFile, ReadRefusal } from './bounded-read';
import { tempDirs } from './test-support';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());
const posix = process.platform !== 'win32';

describe('readBoundedFile', () => {
  it('reads a regular file whole', async () => {
    const dir = await dirs.make();
    await writeFile(join(dir, 'a.txt'), 'hello');
    expect((await readBoundedFile(join(dir, 'a.txt'), { maxBytes: 5 })).toString()).toBe('hello');
  });

  it('refuses a file over the cap before reading it', async () => {
    const dir = await dirs.make();
    await writeFile(join(dir, 'big.txt'), 'x'.repeat(2048));
    await expect(readBoundedFile(join(dir, 'big.txt'), { maxBytes: 1024 })).rejects.toMatchObject({ code: 'too-large' });
  });

  it('refuses a folder', async () => {
    const dir = await dirs.make();
    await mkdir(join(dir, 'sub'));
    await expect(readBoundedFile(join(dir, 'sub'), { maxBytes: 1024 })).rejects.toMatchObject({
      code: 'not-a-file',
      message: /is a folder/,
    });
  });

  it.runIf(posix)('refuses an endless device at once, without reading it', async () => {
    const refusal = await readBoundedFile('/dev/zero', { maxBytes: 1024 }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ReadRefusal);
    expect(refusal).toMatchObject({ code: 'not-a-file', message: '/dev/zero is a device, not a file; choose a file' });
  });

  it.runIf(posix)('refuses a pipe without waiting for a writer', async () => {
    const dir = await dirs.make();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expect(readBoundedFile(fifo, { maxBytes: 1024, timeoutMs: 60_000 })).rejects.toMatchObject({
      code: 'not-a-file',
      message: /is a pipe/,
    });
  });

  it('passes on what the file system says (a missing file), for the caller to word', async () => {
    const dir = await dirs.make();
    await expect(readBoundedFile(join(dir, 'missing'), { maxBytes: 10 })).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
