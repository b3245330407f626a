import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { withContentSecurityPolicyMeta } from './electron/main/content-security-policy';

// The production page carries a strict Content-Security-Policy. The dev server needs inline
// scripts for hot reload, so the tag is added only to built pages.
function contentSecurityPolicy(): Plugin {
  return {
    name: 'candor-csp',
    apply: 'build',
    transformIndexHtml(html: string) {
      return withContentSecurityPolicyMeta(html);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // core/countries.ts imports the country names as JSON (`with { type: 'json' }`). Left external,
      // the bundle keeps the import but drops the attribute, and Node refuses it at launch
      // (ERR_IMPORT_ASSERTION_TYPE_MISSING); bundled, the JSON is inlined.
      externalizeDeps: { exclude: ['i18n-iso-countries'] },
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // Sandboxed preload scripts must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir: 'out/renderer',
      minify: !process.env.CANDOR_PROFILE_BUILD,
      // Mantine and the editor are one screen's worth of code; a single chunk loads fastest from disk.
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
