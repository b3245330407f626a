// A clone of the repository must work on its own: no tracked file may point outside it to the
// development workplace's reading material (a folder next to the clone that users never have).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
// Spelled in two parts so that this file does not match itself.
const OUTSIDE = ['..', '/shared'].join('');

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
}

describe('the repository is self-contained', () => {
  it(`no tracked file mentions ${OUTSIDE}`, () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(100);
    // A tracked file deleted in the working tree (a change not yet committed) has nothing to read.
    const offenders = files.filter((file) => {
      if (!existsSync(resolve(ROOT, file))) return false;
      const bytes = readFileSync(resolve(ROOT, file));
      return bytes.includes(OUTSIDE) || bytes.includes(['/work', '/shared'].join(''));
    });
    expect(offenders).toEqual([]);
  });
});
