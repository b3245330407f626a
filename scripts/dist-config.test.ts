// The packaging configuration, checked without building: this machine has no Electron binary, so the
// installers are built by .github/workflows/release.yml. What can be known here is checked with
// electron-builder's own code: its fuse mapping hands @electron/fuses the values we mean, and its file
// matcher ships only what the app reads. That electron-builder accepts every option is checked by the
// type check (the configuration is typed as its Configuration) rather than here: compiling its JSON
// schema takes seven seconds.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import config, { builderConfig, FUSES, NOT_SHIPPED_PACKAGES, packageMetadata } from '../electron-builder.config';

const ROOT = resolve(__dirname, '..');
const require = createRequire(import.meta.url);

describe('electron-builder configuration', () => {
  it('names the app', () => {
    expect(config.appId).toBe('app.candor.desktop');
    expect(config.productName).toBe('Candor');
  });

  it('builds a dmg and a zip for macOS, an NSIS installer for Windows, an AppImage and a deb for Linux', () => {
    expect(config.mac?.target).toEqual(['dmg', 'zip']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('associates .candor.json files with Candor as their editor', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'candor.json', role: 'Editor', name: 'Candor workspace' })]);
  });

  it('packs the app into an asar archive whose integrity can be checked', () => {
    expect(config.asar).toBe(true);
    // electron-builder embeds the archive's hash in the Windows executable only when it may edit it.
    expect(config.win?.signAndEditExecutable).not.toBe(false);
  });

  it('never publishes on its own: the release workflow uploads', () => {
    expect(config.publish).toBeNull();
  });
});

describe('fuses', () => {
  it('sets each fuse as the hardening asks', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    expect(config.electronFuses).toEqual(FUSES);
  });

  it('reaches @electron/fuses as those values, through electron-builder', async () => {
    const { PlatformPackager } = require('app-builder-lib') as {
      PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<string | number, unknown>> } };
    };
    const flipped = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    expect(flipped).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: undefined,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    });
  });
});

describe('what the app ships', () => {
  function shipped(files: string[]): string[] {
    const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as {
      FileMatcher: new (
        from: string,
        to: string,
        expand: (s: string) => string,
        patterns: unknown,
      ) => { createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean };
    };
    const filter = new FileMatcher(ROOT, '/app', (s) => s, config.files).createFilter();
    const file = { isDirectory: () => false };
    return files.filter((path) => filter(resolve(ROOT, path), file));
  }

  it('ships the build, the data, the templates and the format guide', () => {
    const needed = [
      'out/main/index.js',
      'out/main/chunks/documents-1234.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-1234.js',
      'resources/taxonomy.json',
      'resources/examples/ridgeline.candor.json',
      'templates/privacy-notice.md',
      'docs/workspace-format.md',
      'README.md',
      'package.json',
    ];
    expect(shipped(needed)).toEqual(needed);
  });

  it('leaves out sources, tests, e2e, benchmarks, the other docs and source maps', () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    expect(tracked.length).toBeGreaterThan(100);
    const allowed = /^(resources\/|templates\/|docs\/workspace-format\.md$|README\.md$|package\.json$)/;
    expect(shipped(tracked).filter((path) => !allowed.test(path))).toEqual([]);
    expect(
      shipped(['out/main/index.js.map', 'e2e/app.spec.ts', 'docs/security.md', 'core/lint.test.ts', 'bench/storage.bench.ts']),
    ).toEqual([]);
  });

  it('leaves out the packages only the renderer bundle or the command line uses', () => {
    expect(NOT_SHIPPED_PACKAGES).toEqual(expect.arrayContaining(['react', '@mantine', 'tsx', 'esbuild']));
    for (const name of NOT_SHIPPED_PACKAGES) {
      expect(config.files).toContain(`!node_modules/${name}/**`);
    }
    // The main process imports none of them: they are bundled into the page or used by bin/candor.js.
    const mainSources = execFileSync('git', ['ls-files', '-z', 'electron/main', 'electron/services', 'electron/preload', 'core'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\0')
      .filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path));
    const imported = new Set<string>();
    for (const path of mainSources) {
      for (const match of readFileSync(resolve(ROOT, path), 'utf8').matchAll(/from '((?:@[^/']+\/)?[^./'][^/']*)/g))
        imported.add(match[1]!);
    }
    expect(imported.has('zod')).toBe(true);
    expect([...imported].filter((name) => NOT_SHIPPED_PACKAGES.some((gone) => name === gone || name.startsWith(`${gone}/`)))).toEqual([]);
  });
});

describe('deb metadata', () => {
  it('takes the homepage and maintainer from the repository the workflow runs in', () => {
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/candor', GITHUB_REPOSITORY_OWNER: 'acme' };
    expect(packageMetadata(env)).toEqual({ homepage: 'https://github.com/acme/candor', maintainer: 'acme' });
    const built = builderConfig(env);
    expect(built.extraMetadata).toEqual({ homepage: 'https://github.com/acme/candor' });
    expect(built.linux?.maintainer).toBe('acme');
  });

  it('lets CANDOR_HOMEPAGE and CANDOR_MAINTAINER override, and invents no homepage', () => {
    expect(packageMetadata({ CANDOR_HOMEPAGE: 'https://candor.example', CANDOR_MAINTAINER: 'Jo <jo@candor.example>' })).toEqual({
      homepage: 'https://candor.example',
      maintainer: 'Jo <jo@candor.example>',
    });
    expect(packageMetadata({})).toEqual({ maintainer: 'Candor' });
    expect(builderConfig({}).extraMetadata).toEqual({});
  });
});

describe('npm run dist and the release workflow', () => {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    devDependencies: Record<string, string>;
  };

  it('builds the app, then the installers for the system it runs on, publishing nothing', () => {
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder --publish never');
    expect(pkg.devDependencies['electron-builder']).toBeDefined();
  });

  it('runs on a version tag on macOS, Windows and Linux, tests, builds and uploads the installers', () => {
    const workflow = parse(readFileSync(resolve(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
      on: { push: { tags: string[] } };
      jobs: Record<
        string,
        { strategy: { matrix: { os: string[] } }; steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] }
      >;
    };
    expect(workflow.on.push.tags).toEqual(['v*']);
    const [build] = Object.values(workflow.jobs);
    expect(build!.strategy.matrix.os).toEqual(['macos-latest', 'windows-latest', 'ubuntu-latest']);
    const runs = build!.steps.map((step) => step.run ?? '');
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npm run dist');
    expect(runs.some((run) => run.startsWith('npx vitest run'))).toBe(true);
    const upload = build!.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(String(upload?.with?.path)).toContain('dist/*.dmg');
    for (const kind of ['dmg', 'zip', 'exe', 'AppImage', 'deb']) expect(String(upload?.with?.path)).toContain(`dist/*.${kind}`);
  });
});
