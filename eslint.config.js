// ESLint checks correctness and the boundaries between Candor's layers; Prettier owns formatting, so no
// stylistic rule is enabled here. The type-aware presets of typescript-eslint are left out on purpose:
// they run the type checker a second time, which `npm run typecheck` already does.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Test code: tests, and the helpers only tests import. It may read fixtures from disk, so the rules
// that keep a layer's sources free of Node do not apply to it (the tsconfigs draw the same line).
const TESTS = [
  '**/*.test.ts',
  '**/*.test.tsx',
  '**/testing/**',
  '**/testing.{ts,tsx}',
  'electron/**/test-support.ts',
  'electron/main/fake-electron.ts',
  'electron/services/fixtures/**',
];
const RENDERER_TESTS = TESTS.filter((pattern) => pattern.startsWith('**/')).map((pattern) => `renderer/${pattern}`);

/** Every Node built-in, by bare name (`fs`, `fs/promises`) or with the `node:` prefix. */
function nodeBuiltins(message) {
  return {
    paths: builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message })),
    patterns: [{ group: ['node:*'], message }],
  };
}

/** A relative import that climbs to the repository root and into one of `layers`. */
function layerImport(layers, message) {
  return { regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`, message };
}

/** Option sets for no-restricted-imports, joined into one (a rule's options replace, never merge). */
function restrictions(...sets) {
  return { paths: sets.flatMap((set) => set.paths ?? []), patterns: sets.flatMap((set) => set.patterns ?? []) };
}

const CORE_ONLY = {
  paths: [
    { name: 'electron', message: 'core/ is shared by every layer: Electron APIs belong in electron/main or electron/preload.' },
    { name: 'react', message: 'core/ renders no UI: put components and hooks in renderer/.' },
    { name: 'react-dom', message: 'core/ renders no UI: put components and hooks in renderer/.' },
  ],
  patterns: [
    {
      group: ['electron/*', 'react/*', 'react-dom/*', '@mantine/*'],
      message: 'core/ is a pure library: put UI code in renderer/ and Electron code in electron/.',
    },
    layerImport(
      ['electron', 'renderer', 'e2e', 'scripts', 'bench'],
      'core/ is the bottom layer and imports no other: move what both sides need into core/ (the backend contract lives in core/api.ts).',
    ),
  ],
};

const RENDERER_NOT_ELECTRON = {
  paths: [{ name: 'electron', message: 'The renderer is a web page: reach the backend through getBridge() from renderer/src/transport.' }],
  patterns: [
    layerImport(
      ['electron'],
      'The renderer never imports electron/, not even types: the contract between them lives in core/api.ts (call it through getBridge()).',
    ),
  ],
};

// The type definitions of liquidjs, docx and @types/papaparse reference Node's types, so Node's
// globals type-check in core/ and the renderer even though their tsconfigs leave Node out: these
// rules keep them out of those sources instead.
function nodeGlobals(message) {
  return ['process', 'Buffer', 'global', '__dirname', '__filename', 'require', 'module', 'setImmediate', 'clearImmediate'].map((name) => ({
    name,
    message,
  }));
}

const CORE_RESTRICTIONS = restrictions(
  CORE_ONLY,
  nodeBuiltins('core/ runs in the renderer too: take the data as an argument and leave the I/O to electron/services.'),
);
const RENDERER_TEST_RESTRICTIONS = RENDERER_NOT_ELECTRON;
const RENDERER_SOURCE_RESTRICTIONS = restrictions(
  RENDERER_NOT_ELECTRON,
  nodeBuiltins('The renderer also runs in a browser: ask the backend through getBridge() instead of using Node.'),
);

export default defineConfig([
  globalIgnores(['out/', 'dist/', 'coverage/', 'test-results/', 'playwright-report/', '**/__golden__/']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error', reportUnusedInlineConfigs: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  comments.recommended,
  {
    rules: {
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
      // The same convention as the type-check's noUnusedLocals and noUnusedParameters, for JavaScript
      // files too: a `_` prefix marks a name unused on purpose, and a rest pattern
      // (`const { id, ...rest } = x`) is how an object loses properties.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: TESTS,
    rules: {
      // Tests hand the validators deliberately malformed workspaces (a number where text goes, a missing
      // required field) and read JSON files back; `any` is the honest type for such data. Sources may not use it.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx,js,cjs,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x skips TypeScript modules when it follows imports, and sees no cycle.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.cjs', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        // The root tsconfig.json includes every file; the layers' configs add no path aliases.
        createTypeScriptImportResolver({ project: 'tsconfig.json' }),
      ],
    },
    rules: {
      // Only Candor's own modules can form a cycle worth knowing about; skipping packages keeps this fast.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}', 'bin/**', 'electron/**', 'scripts/**', 'bench/**', 'e2e/**', '*.config.ts', ...TESTS],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['core/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': ['error', CORE_RESTRICTIONS],
      'no-restricted-globals': ['error', ...nodeGlobals('core/ runs in the renderer too: take what you need as an argument.')],
    },
  },
  {
    files: RENDERER_TESTS,
    rules: { 'no-restricted-imports': ['error', RENDERER_TEST_RESTRICTIONS] },
  },
  {
    files: ['renderer/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': ['error', RENDERER_SOURCE_RESTRICTIONS],
      'no-restricted-globals': ['error', ...nodeGlobals('The renderer also runs in a browser, where Node globals do not exist.')],
    },
  },
]);
