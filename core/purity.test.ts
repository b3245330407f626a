// core/ is a pure library: it runs in Node, in the renderer and in tests, so it may not reach for
// Node, Electron, the DOM or React. This test reads every core source file and fails on such an import.
// Browser globals are also caught by `npm run typecheck`, which checks core/ without the DOM library
// (core/tsconfig.json); ESLint's no-restricted-imports says the same about imports, as each is written.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('.', import.meta.url));
const FORBIDDEN = /^(node:|fs$|path$|os$|child_process$|crypto$|electron|react|react-dom|@mantine\/)/;
// Test-only code that reads and writes files; no source of the library imports it.
const TEST_ONLY = new Set([join(root, 'testing', 'golden.ts')]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !TEST_ONLY.has(full) ? [full] : [];
  });
}

describe('core/ purity', () => {
  it('imports no Node, Electron, DOM or React module', () => {
    const offenders: string[] = [];
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const specifier = match[1] ?? match[2];
        if (FORBIDDEN.test(specifier) || /(^|\/)testing\/golden$/.test(specifier))
          offenders.push(`${relative(root, file)} imports ${specifier}`);
      }
      // "document" is also an ordinary name here (a rendered document, 'document-export'), so only its DOM
      // members count; the other globals count wherever they are used as values.
      // Words inside quoted text ("your fertile window") are prose, not code.
      const code = text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''")
        .replace(/\/\/.*$/gm, '');
      if (
        /(?<![\w$.'"-])(window|localStorage|sessionStorage|process\.env)\b(?!\s*[:?]|-)/.test(code) ||
        /(?<![\w$.'"-])document\.(body|head|cookie|documentElement|createElement|getElementById|querySelector|querySelectorAll|addEventListener)\b/.test(
          code,
        )
      ) {
        offenders.push(`${relative(root, file)} touches a global of the browser or Node`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
