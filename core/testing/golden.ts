// Golden files: an output compared byte for byte with a reviewed copy kept in `__golden__/` beside the
// test. For the tests of every layer, under Node or jsdom; test-only, so it may use Node's fs (the core/
// purity test lets this one file do so).
//
// To accept a changed output, run the tests with UPDATE_GOLDEN=1, e.g.
//   UPDATE_GOLDEN=1 npx vitest run core/documents
// which rewrites the golden files those tests compare with (and creates missing ones); then read the
// diff as prose before committing it. Without UPDATE_GOLDEN a missing golden file fails and says so.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/**
 * The golden file `name` of the test file at `testUrl` (its `import.meta.url`). A path, not a URL:
 * under jsdom, URL is jsdom's own class, which node:fs does not take.
 */
export function goldenPath(testUrl: string, name: string): string {
  return join(dirname(fileURLToPath(testUrl)), '__golden__', name);
}

/** The reviewed content of a golden file. */
export function readGolden(testUrl: string, name: string): string {
  return readFileSync(goldenPath(testUrl, name), 'utf8');
}

/** Expects `actual` to be exactly the golden file `name` of the test file at `testUrl`. */
export function golden(testUrl: string, name: string, actual: string): void {
  const file = goldenPath(testUrl, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  if (!existsSync(file)) {
    const test = relative(process.cwd(), fileURLToPath(testUrl));
    throw new Error(`${relative(process.cwd(), file)} is missing: run UPDATE_GOLDEN=1 npx vitest run ${test}, then read it`);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
