// How `npm run dist` packages the desktop app with electron-builder: installers for macOS (dmg, zip),
// Windows (NSIS) and Linux (AppImage, deb), the .candor.json file association, and Electron's fuses
// flipped so that the shipped binary cannot be turned into a plain Node runtime or debugger.
// scripts/dist-config.test.ts checks every fact below; .github/workflows/release.yml runs the build.
import type { Configuration } from 'electron-builder';

/**
 * Electron's fuses, flipped by electron-builder through @electron/fuses after packaging and before
 * signing, so the signature covers them.
 */
export const FUSES = {
  // ELECTRON_RUN_AS_NODE=1 would make Candor's signed binary run any script as Node.
  runAsNode: false,
  // Chromium's cookie store is encrypted with the OS keychain (Candor keeps no cookies; this is free).
  enableCookieEncryption: true,
  // NODE_OPTIONS (e.g. --require evil.js) and --inspect would load code into the main process.
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  // The app is read only from app.asar, whose hash is embedded in the binary and checked at start.
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
} as const;

/** Packages only the renderer (bundled into out/renderer) or the command line uses: not shipped in the app. */
export const NOT_SHIPPED_PACKAGES = [
  '@tabler',
  '@mantine',
  '@floating-ui',
  '@tanstack',
  'react',
  'react-dom',
  'zustand',
  'tsx',
  'esbuild',
  '@esbuild',
] as const;

/**
 * The deb package must name a homepage and a maintainer. The release workflow takes them from the
 * repository it runs in; CANDOR_HOMEPAGE and CANDOR_MAINTAINER override that.
 */
export function packageMetadata(env: NodeJS.ProcessEnv): { homepage?: string; maintainer: string } {
  const repository = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : undefined;
  const homepage = env.CANDOR_HOMEPAGE || repository;
  return { ...(homepage ? { homepage } : {}), maintainer: env.CANDOR_MAINTAINER || env.GITHUB_REPOSITORY_OWNER || 'Candor' };
}

export function builderConfig(env: NodeJS.ProcessEnv = process.env): Configuration {
  const metadata = packageMetadata(env);
  return {
    // Identifies the app to the OS (bundle id, Windows uninstall entry): never change it after a release.
    appId: 'app.candor.desktop',
    productName: 'Candor',
    directories: { output: 'dist' },
    // What the app reads at run time: the build, its data (resources/), the built-in templates, and
    // the format guide that Help opens. Sources, tests, e2e/, bench/ and docs/ otherwise stay out.
    files: [
      'out/**/*',
      'resources/**/*',
      'templates/**/*',
      'docs/workspace-format.md',
      'README.md',
      'package.json',
      '!**/*.map',
      '!**/*.test.*',
      '!**/__golden__/**',
      ...NOT_SHIPPED_PACKAGES.map((name) => `!node_modules/${name}/**`),
    ],
    asar: true,
    // No native modules: nothing to rebuild against Electron's headers.
    npmRebuild: false,
    electronFuses: { ...FUSES },
    extraMetadata: metadata.homepage ? { homepage: metadata.homepage } : {},
    fileAssociations: [
      {
        ext: 'candor.json',
        name: 'Candor workspace',
        description: 'Candor workspace',
        role: 'Editor',
        mimeType: 'application/vnd.candor.workspace+json',
      },
    ],
    mac: {
      target: ['dmg', 'zip'],
      category: 'public.app-category.productivity',
      hardenedRuntime: true,
    },
    win: { target: ['nsis'] },
    nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
    linux: {
      target: ['AppImage', 'deb'],
      category: 'Office',
      maintainer: metadata.maintainer,
      synopsis: 'Catalogue personal data and generate privacy notices',
    },
    // Releases are uploaded by the workflow, never by electron-builder on its own.
    publish: null,
  };
}

export default builderConfig();
