// `candor export <kind> <workspace> -o <file>`: one store disclosure, record of processing or
// interchange file from a workspace, written atomically. The generators load only for the kind asked
// for, so the catalogue below can feed the command line's help without loading them; the files themselves
// come from the same renderer as the app's exports (services/exports.ts).
import { realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Workspace } from '../../core/schema';
import type { Problem } from '../../core/validate';
import { isCode, writeFileAtomic } from '../services/atomic-write';
import { renderExport } from '../services/exports';
import { describeIoError } from '../services/io-error';
import type { Output } from './output';
import { EXIT_ERROR, EXIT_OK, loadWorkspaceFile, problemLine } from './workspace-file';

export interface ExportKind {
  /** what the file is, as the confirmation line names it */
  what: string;
  /** the file name its destination expects, for the help's examples */
  fileName: string;
  /** one line for the help: where the file goes */
  use: string;
  /** what the generator left out of the file, and why; printed as warnings */
  warnings?(workspace: Workspace): Promise<Problem[]>;
}

const appleWarnings = async (workspace: Workspace) => (await import('../../core/stores/apple')).appleAccessedApiTypes(workspace).problems;

export const EXPORT_KINDS = {
  'apple-privacy-manifest': {
    what: 'the Apple privacy manifest',
    fileName: 'PrivacyInfo.xcprivacy',
    use: 'privacy manifest to add to the iOS app target in Xcode',
    warnings: appleWarnings,
  },
  'app-store-answers': {
    what: 'the App Store Connect "App Privacy" answers',
    fileName: 'app-privacy-answers.md',
    use: 'Markdown checklist for App Store Connect > App Privacy',
    warnings: appleWarnings,
  },
  'play-data-safety': {
    what: 'the Google Play Data safety CSV',
    fileName: 'data-safety.csv',
    use: 'CSV to import in Play Console > App content > Data safety',
  },
  'ropa-csv': {
    what: 'the record of processing activities (CSV)',
    fileName: 'ropa.csv',
    use: 'record of processing (GDPR Art 30), one row per purpose, as CSV',
  },
  'ropa-xlsx': {
    what: 'the record of processing activities (Excel workbook)',
    fileName: 'ropa.xlsx',
    use: 'the same record as an Excel workbook in the UK ICO layout',
  },
  'ropa-docx': {
    what: 'the record of processing activities (Word)',
    fileName: 'ropa.docx',
    use: 'the same record as a Word table',
  },
  'inventory-csv': {
    what: 'the inventory CSV',
    fileName: 'inventory.csv',
    use: 'one row per data type, to edit in a spreadsheet and bring back with "candor import"',
  },
  fideslang: {
    what: 'the fideslang system',
    fileName: 'candor-system.yml',
    use: 'fideslang system with privacy declarations (YAML) for Fides and other fideslang tools',
    warnings: async (ws) =>
      (await import('../../core/interchange/fideslang')).fideslangSystem(ws).skipped.map((skip) => ({
        path: `purposes[${ws.purposes.findIndex((p) => p.id === skip.purposeId)}]`,
        message: `${skip.reason} Until then it has no privacy declaration in the file.`,
      })),
  },
} as const satisfies Record<string, ExportKind>;

export type ExportKindId = keyof typeof EXPORT_KINDS;
export const EXPORT_KIND_IDS = Object.keys(EXPORT_KINDS) as ExportKindId[];

/** The help's list of kinds and one example for each. */
export function exportHelp(): string {
  const width = Math.max(...EXPORT_KIND_IDS.map((id) => id.length));
  return [
    '',
    'Kinds:',
    ...EXPORT_KIND_IDS.map((id) => `  ${id.padEnd(width)}  ${EXPORT_KINDS[id].use}`),
    '',
    'Examples:',
    ...EXPORT_KIND_IDS.map((id) => `  $ candor export ${id} ridgeline.candor.json -o ${EXPORT_KINDS[id].fileName}`),
    '',
  ].join('\n');
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const real = async (path: string) => realpath(path).catch(() => resolve(path));
  return (await real(a)) === (await real(b));
}

export async function exportCommand(kind: ExportKindId, file: string, options: { out: string }, output: Output): Promise<number> {
  const spec: ExportKind = EXPORT_KINDS[kind];
  const loaded = await loadWorkspaceFile(file);
  if (!loaded.ok) {
    for (const line of loaded.lines) output.err(line);
    return loaded.exitCode;
  }
  // A slip such as `-o ridgeline.candor.json` would replace the workspace with a CSV.
  if (await sameFile(file, options.out)) {
    output.err(
      `Nothing was written: ${options.out} is the workspace itself. Give -o the path of the file to create, such as -o ${spec.fileName}.`,
    );
    return EXIT_ERROR;
  }
  const content = await renderExport(loaded.workspace, kind);
  try {
    await writeFileAtomic(options.out, content);
  } catch (error) {
    const reason = isCode(error, 'ENOENT')
      ? `the folder ${dirname(options.out)} does not exist; create it first, or choose another path`
      : describeIoError(error, options.out);
    output.err(`Nothing was written: ${reason}.`);
    return EXIT_ERROR;
  }
  for (const problem of (await spec.warnings?.(loaded.workspace)) ?? []) {
    output.err(`Warning: ${problemLine(problem)}`);
  }
  output.out(`Wrote ${spec.what} of ${file} to ${options.out}.`);
  return EXIT_OK;
}
