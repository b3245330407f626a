// The layer boundaries live in eslint.config.js as no-restricted-imports options. Options like those
// fail silently: a glob that no longer matches or a later config object that replaces the rule leaves
// the lint green while nothing is checked. These tests lint small sample texts as if they were files
// of each layer, through ESLint's own API and the repository's real config.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The messages `ruleId` gives for `code` linted as the file `filePath` (relative to the repository). */
async function findings(filePath: string, code: string, ruleId = 'no-restricted-imports'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal, 'the sample parses').toEqual([]);
  return result.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message);
}

describe('layer boundaries (eslint.config.js)', () => {
  it('keeps Node, Electron, React and the other layers out of core/ sources', async () => {
    for (const [file, code] of [
      ['core/lint-sample.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n"],
      ['core/lint-sample.ts', "import { join } from 'path';\nexport const j = join;\n"],
      ['core/lint-sample.ts', "import { paths } from '../electron/services/paths';\nexport const p = paths;\n"],
      ['core/documents/lint-sample.ts', "import type { X } from '../../renderer/src/state/store';\nexport type Y = X;\n"],
      ['core/lint-sample.ts', "import { app } from 'electron';\nexport const a = app;\n"],
      ['core/lint-sample.ts', "import { useState } from 'react';\nexport const u = useState;\n"],
    ]) {
      const messages = await findings(file, code);
      expect(messages, `${file}: ${code}`).toHaveLength(1);
      // Each restriction says what to do instead.
      expect(messages[0], code).toMatch(/core\//);
    }
  });

  it('lets core/ import its own modules and packages, and its tests read files', async () => {
    expect(
      await findings(
        'core/lint-sample.ts',
        "import { z } from 'zod';\nimport { validateWorkspace } from './validate';\nexport const v = [z, validateWorkspace];\n",
      ),
    ).toEqual([]);
    expect(
      await findings('core/lint-sample.test.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n"),
    ).toEqual([]);
    expect(
      await findings('core/testing/lint-sample.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n"),
    ).toEqual([]);
  });

  it('keeps electron/ out of the renderer, type-only imports included, and Node out of its sources', async () => {
    for (const [file, code] of [
      ['renderer/src/lint-sample.ts', "import type { CandorBridge } from '../../electron/preload';\nexport type B = CandorBridge;\n"],
      ['renderer/src/app/lint-sample.tsx', "import { IPC } from '../../../electron/preload/channels';\nexport const i = IPC;\n"],
      ['renderer/src/lint-sample.ts', "import { ipcRenderer } from 'electron';\nexport const r = ipcRenderer;\n"],
      ['renderer/src/lint-sample.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n"],
    ]) {
      expect(await findings(file, code), `${file}: ${code}`).toHaveLength(1);
    }
    const [message] = await findings(
      'renderer/src/lint-sample.ts',
      "import type { X } from '../../electron/preload';\nexport type Y = X;\n",
    );
    expect(message).toContain('core/api.ts');
  });

  it('lets the renderer import core/ and packages, and its tests read files but still not electron/', async () => {
    expect(
      await findings(
        'renderer/src/lint-sample.tsx',
        "import type { CandorBridge } from '../../core/api';\nimport { Button } from '@mantine/core';\nexport const b: [CandorBridge?, unknown?] = [undefined, Button];\n",
      ),
    ).toEqual([]);
    expect(
      await findings('renderer/src/lint-sample.test.tsx', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n"),
    ).toEqual([]);
    expect(
      await findings(
        'renderer/src/lint-sample.test.tsx',
        "import { IPC } from '../../electron/preload/channels';\nexport const i = IPC;\n",
      ),
    ).toHaveLength(1);
  });
});

describe('Node globals (eslint.config.js)', () => {
  // Their types leak in through dependencies' type definitions, so the type-check does not catch them.
  it('keeps them out of core/ and renderer sources, not out of tests', async () => {
    expect(await findings('core/lint-sample.ts', "export const bytes = Buffer.from('x');\n", 'no-restricted-globals')).toHaveLength(1);
    expect(await findings('renderer/src/lint-sample.ts', 'export const home = process.env.HOME;\n', 'no-restricted-globals')).toHaveLength(
      1,
    );
    expect(await findings('renderer/src/lint-sample.test.ts', 'export const home = process.env.HOME;\n', 'no-restricted-globals')).toEqual(
      [],
    );
  });
});

describe('other checks of eslint.config.js', () => {
  it('reports an import cycle', async () => {
    // renderer/src/main.tsx imports the App: App importing main back closes a cycle.
    const messages = await findings('renderer/src/app/App.tsx', "import '../main';\nexport const App = () => null;\n", 'import-x/no-cycle');
    expect(messages).toHaveLength(1);
  });

  it('wants a reason beside every eslint-disable and reports the ones nothing needs', async () => {
    const code =
      '// eslint-disable-next-line no-debugger\ndebugger;\n// eslint-disable-next-line no-debugger -- not needed here\nexport const x = 1;\n';
    const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, 'core/lint-sample.ts') });
    const problems = result.messages.map((m) => `${m.line}: ${m.ruleId ?? 'directive'}`);
    expect(problems).toEqual(['1: @eslint-community/eslint-comments/require-description', '3: directive']);
    expect(result.messages.every((m) => m.severity === 2)).toBe(true);
  });
});
