// `npm run electronegativity`: Doyensec's Electronegativity over the Electron code (electron/), failing
// on any HIGH severity finding. The findings it still reports, all judged false positives, and why, are
// in docs/security.md; this script prints them every run so that a new one is seen.
//
// It calls the package's runner directly rather than its command line: the command line needs the
// commander 2 API, and npm hoists this project's commander 14 in its place. The runner gives the same
// findings as the CSV or SARIF output, as objects.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Finding {
  id: string;
  file: string;
  line: number;
  severity: string;
  confidence: string;
  manualReview: boolean;
  description: string;
}

/** Test code, and the fake Electron it runs against, is not shipped: its findings do not count. */
export function isShippedSource(file: string): boolean {
  return !/(\.test\.tsx?$|(^|\/)fake-electron\.ts$|(^|\/)test-support\.ts$|(^|\/)fixtures\/)/.test(file);
}

/** The findings that fail the run: HIGH severity, whatever the confidence. */
export function blocking(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity === 'HIGH');
}

/**
 * Checks left out, each for a reason given in docs/security.md. Only one: it downloads Electron's list
 * of releases to say whether a newer Electron has security fixes, and this check runs offline (a newer
 * Electron is npm's and Dependabot's business).
 */
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'] as const;

interface RawIssue {
  id: string;
  file: string;
  location?: { line?: number };
  severity: { name: string };
  confidence: { name: string };
  manualReview?: boolean;
  description: string;
}

interface RawResult {
  errors: { file: string; message: string; tolerable?: boolean }[];
  issues: RawIssue[];
}

type Runner = (options: Record<string, unknown>) => Promise<RawResult>;

function loadRunner(): Runner {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  // The package fetches updated translations from the network before each run; the English ones it
  // ships are enough, and a check run makes no request of its own.
  const fromPackage = createRequire(resolve(packageDir, 'dist/locales/i18n.js'));
  const gotPath = fromPackage.resolve('got');
  const offline = () => Promise.reject(new Error('Candor runs Electronegativity offline'));
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline } as unknown as NodeJS.Module;
  return require('@doyensec/electronegativity') as Runner;
}

export async function scan(input: string, electronVersion: string): Promise<{ findings: Finding[]; parseErrors: string[] }> {
  const run = loadRunner();
  const result = await run({
    input,
    electronVersionOverride: electronVersion,
    customScan: [],
    excludeFromScan: EXCLUDED_CHECKS.map((check) => check.toLowerCase()),
    parserPlugins: [],
    isRelative: true,
  });
  const parseErrors = result.errors.filter((error) => !error.tolerable).map((error) => `${error.file}: ${error.message}`);
  const findings = result.issues
    .map((issue) => ({
      id: issue.id,
      file: issue.file,
      line: issue.location?.line ?? 0,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      manualReview: Boolean(issue.manualReview),
      description: issue.description,
    }))
    .filter((finding) => isShippedSource(finding.file));
  return { findings, parseErrors };
}

/** A window made the unsafe way, which the scan must flag as HIGH: proof that the gate can fail. */
const CANARY = `const { BrowserWindow } = require('electron');
new BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true } });
`;

async function canaryCaught(electronVersion: string): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'candor-electronegativity-'));
  try {
    writeFileSync(join(dir, 'main.js'), CANARY);
    const { findings } = await scan(dir, electronVersion);
    return blocking(findings).some((finding) => finding.id === 'CONTEXT_ISOLATION_JS_CHECK');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const require = createRequire(import.meta.url);
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  // Another folder may be named (`npm run electronegativity -- DIR`); electron/ is what CI checks.
  const input = resolve(process.argv[2] ?? join(root, 'electron'));
  const started = Date.now();
  if (!(await canaryCaught(electronVersion))) {
    console.error('Electronegativity did not flag a window without context isolation: the check itself is broken.');
    return 2;
  }
  const { findings, parseErrors } = await scan(input, electronVersion);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`Electronegativity over ${relative(root, input)}/ (Electron ${electronVersion}), ${seconds} s:`);
  for (const f of findings) {
    const where = f.file === 'N/A' ? '(whole app)' : `${relative(root, join(input, f.file))}:${f.line}`;
    console.log(`  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id.padEnd(32)} ${where}`);
  }
  if (findings.length === 0) console.log('  no findings');
  // A file the analyser cannot parse is a file it did not check.
  for (const error of parseErrors) console.error(`Not checked (could not parse): ${error}`);
  const high = blocking(findings);
  if (high.length > 0)
    console.error(`${high.length} HIGH severity finding(s): fix them, or explain in docs/security.md why one is a false positive.`);
  return high.length > 0 || parseErrors.length > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.stack : String(error));
      process.exit(2);
    },
  );
}
