// `candor import <file.csv|file.yml> --into <workspace> [--dry-run]`: brings an inventory CSV (create or
// update data types by id) or a fideslang system or dataset (new data types, suggested) into a workspace.
//
// It prints the preview first, one line per row or suggestion in file order, then what it did.
// Decisions, the same as the app's import (core/interchange):
// - A row or suggestion with a problem is left out; the others are imported, so one typo does not hold
//   back a large file. Problems with the file itself (a missing required column, unreadable CSV) block
//   the whole import. Either way the output says which.
// - The exit code is 1 whenever anything was left out, so a script notices; with --dry-run nothing is
//   written and the exit code says whether the import would be clean.
// - The workspace is written through the app's own session: it refuses a workspace another Candor has
//   open (its lock), and one changed on disk since it was read; it keeps the previous version as a
//   backup in Candor's data folder; and it writes the canonical form atomically, only after the result
//   passes validation.
import { readFile, realpath } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Workspace } from '../../core/schema';
import { validateWorkspace } from '../../core/validate';
import { count } from '../../core/words';
import { backupFolderFor } from '../services/backups';
import { describeIoError } from '../services/io-error';
import { defaultDataDir } from '../services/paths';
import { WorkspaceSession } from '../services/session';
import { lockPathFor } from '../services/workspace-lock';
import type { Output } from './output';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, loadWorkspaceFile, newerVersionLine, problemLine, refusal } from './workspace-file';

export interface ImportOptions {
  /** the workspace to import into */
  into: string;
  /** show the preview and write nothing */
  dryRun?: boolean;
}

export interface ImportDependencies {
  /** Candor's data folder, where the session keeps the backup of the version an import replaces */
  dataDir?: string;
}

type Applied = { ok: true; workspace: Workspace; done: string } | { ok: false; lines: string[] };

/** What importing a file would do to one workspace. */
interface Plan {
  /** the preview: one line per row or suggestion, and each problem, in file order */
  lines: string[];
  /** rows, suggestions or parts of the file left out because of a problem */
  leftOut: number;
  /** the same, in words: "2 rows" */
  leftOutText: string;
  /** what to do about what was left out */
  leftOutAdvice: string;
  /** true when a problem with the file itself stops the whole import */
  blocked: boolean;
  /** rows or suggestions that would change the workspace */
  changes: number;
  /** one sentence: what applying does */
  summary: string;
  apply(): Applied;
}

interface Located {
  line?: number;
  column?: number;
  text: string;
}

/** Lines in file order; those without a line (about the whole file) last. */
function inFileOrder(items: Located[]): string[] {
  return items
    .map((item, index) => ({ ...item, index }))
    .sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0) || a.index - b.index)
    .map((item) => item.text);
}

function quoted(name: string): string {
  return JSON.stringify(name);
}

async function inventoryPlan(text: string, file: string, workspace: Workspace): Promise<Plan> {
  const { INVENTORY_COLUMNS, applyInventoryImport, formatImportLocation, parseInventoryCsv } =
    await import('../../core/interchange/inventory-csv');
  const preview = parseInventoryCsv(text, workspace);
  const existing = new Map(workspace.dataTypes.map((d) => [d.id, d]));
  const fieldValue = (dataType: unknown, name: string) =>
    JSON.stringify(name.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], dataType));
  const problemText = (p: { line?: number; column?: string; message: string; severity: 'error' | 'warning' }) => {
    const where = formatImportLocation(p) || file;
    return `${where}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
  };

  const items: Located[] = preview.problems.map((p) => ({ line: p.line, text: problemText(p) }));
  for (const row of preview.rows) {
    if (row.problems.length > 0) {
      for (const p of row.problems) items.push({ line: row.line, text: problemText(p) });
    } else if (row.action === 'create') {
      items.push({ line: row.line, text: `line ${row.line}: create ${row.id} ${quoted(row.dataType?.name ?? '')}` });
    } else if (row.action === 'update') {
      const before = existing.get(row.id);
      const changed = INVENTORY_COLUMNS.map((c) => c.name).filter((name) => fieldValue(before, name) !== fieldValue(row.dataType, name));
      items.push({ line: row.line, text: `line ${row.line}: update ${row.id}${changed.length ? ` (${changed.join(', ')})` : ''}` });
    } else {
      items.push({ line: row.line, text: `line ${row.line}: unchanged ${row.id}` });
    }
  }
  const fileErrors = preview.problems.filter((p) => p.severity === 'error').length;
  const blocked = !preview.canApply;
  return {
    lines: inFileOrder(items),
    leftOut: preview.counts.skipped + fileErrors,
    leftOutText: count(preview.counts.skipped, 'row'),
    leftOutAdvice: 'fix them and import the file again (rows already imported then show as unchanged)',
    blocked,
    changes: blocked ? 0 : preview.counts.create + preview.counts.update,
    summary: preview.summary,
    apply() {
      const result = applyInventoryImport(workspace, preview);
      if (!result.ok) return { ok: false, lines: result.problems.map(problemText) };
      const parts = [`${count(result.created.length, 'data type')} added`, `${result.updated.length} updated`];
      return { ok: true, workspace: result.workspace, done: parts.join(', ') };
    },
  };
}

// Suggestions are added with new ids, so importing the same file again would add the others twice.
const LEFT_OUT_ADVICE =
  'add what is missing by hand in Candor, since importing the whole file again would add the other suggestions a second time';

async function fideslangPlan(text: string, file: string, workspace: Workspace): Promise<Plan> {
  const { addFideslangSuggestions, parseFideslang } = await import('../../core/interchange/fideslang');
  const parsed = parseFideslang(text, workspace);
  const where = (p: { line?: number; column?: number; path?: string }) =>
    p.line !== undefined ? `line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}` : p.path || file;
  const problemText = (p: { line?: number; column?: number; path?: string; message: string; severity: 'error' | 'warning' }) =>
    `${where(p)}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;

  // A suggestion with an error is left out. The others are tried together: one that would still make
  // the workspace invalid is left out too, with the reason, so the preview shows exactly what is added.
  const extraProblems = new Map<number, string[]>();
  let chosen = parsed.suggestions.map((s, index) => ({ s, index })).filter(({ s }) => !s.problems.some((p) => p.severity === 'error'));
  let added = addFideslangSuggestions(
    workspace,
    chosen.map((c) => c.s),
    parsed.purposes,
  );
  let wholeFileProblems: string[] = [];
  while (!added.ok) {
    const bySuggestion = added.problems.filter((p) => p.suggestion !== undefined);
    if (bySuggestion.length === 0) {
      wholeFileProblems = added.problems.map((p) => `${file}: ${p.message} Nothing from the file can be added until this is fixed.`);
      break;
    }
    const failing = new Set(bySuggestion.map((p) => chosen[p.suggestion as number].index));
    for (const p of bySuggestion) {
      const index = chosen[p.suggestion as number].index;
      extraProblems.set(index, [...(extraProblems.get(index) ?? []), p.message]);
    }
    chosen = chosen.filter((c) => !failing.has(c.index));
    added = addFideslangSuggestions(
      workspace,
      chosen.map((c) => c.s),
      parsed.purposes,
    );
  }

  const items: Located[] = parsed.problems.map((p) => ({ line: p.line, column: p.column, text: problemText(p) }));
  parsed.suggestions.forEach((s, index) => {
    const errors = s.problems.filter((p) => p.severity === 'error');
    const extra = extraProblems.get(index) ?? [];
    // A suggestion's own problems follow it, wherever in the file they point.
    const { line, column } = s.from;
    if (errors.length > 0 || extra.length > 0) {
      for (const p of s.problems) items.push({ line, column, text: problemText(p) });
      for (const message of extra) items.push({ line, column, text: `${where(s.from)}: ${message} It is not added.` });
      return;
    }
    const like = s.existing.length ? ` (the workspace already has ${s.existing.join(', ')} in ${s.dataType.category})` : '';
    items.push({ line, column, text: `${where(s.from)}: add ${s.dataType.id} ${quoted(s.dataType.name)}${like}` });
    for (const p of s.problems) items.push({ line, column, text: problemText(p) });
  });
  const addedPurposes = added.ok ? parsed.purposes.filter((p) => chosen.some((c) => c.s.dataType.purposes.includes(p.id))) : [];
  for (const purpose of addedPurposes) {
    items.push({ text: `add purpose ${purpose.id} ${quoted(purpose.name)} (data use ${purpose.use}), used by the data types above` });
  }
  items.push(...wholeFileProblems.map((text) => ({ text })));

  const blocked = !added.ok;
  const adding = blocked ? 0 : chosen.length;
  const leftOut = parsed.suggestions.length - adding + parsed.problems.filter((p) => p.severity === 'error').length;
  const skippedSuggestions = parsed.suggestions.length - adding;
  const summary = blocked
    ? 'Nothing will be added until the problems above are fixed.'
    : [
        adding === 0
          ? `The ${parsed.kind === 'none' ? 'file' : `fideslang ${parsed.kind}`} suggests no data type that can be added; nothing will change.`
          : `${count(adding, 'suggested data type')}${addedPurposes.length ? ` and ${count(addedPurposes.length, 'purpose')}` : ''} will be added from the fideslang ${parsed.kind}, each with a new id and a note saying where it came from; review them in Candor.`,
        skippedSuggestions > 0 ? `${count(skippedSuggestions, 'suggestion')} with problems will be left out: ${LEFT_OUT_ADVICE}.` : '',
      ]
        .filter(Boolean)
        .join(' ');
  return {
    lines: inFileOrder(items),
    leftOut,
    leftOutText: `${count(leftOut, 'suggestion or part', 'suggestions or parts')} of the file`,
    leftOutAdvice: LEFT_OUT_ADVICE,
    blocked,
    changes: adding,
    summary,
    apply() {
      if (!added.ok) return { ok: false, lines: wholeFileProblems };
      const done = `${count(added.added.length, 'data type')} added (${added.added.join(', ')})${
        added.purposesAdded.length ? `, ${count(added.purposesAdded.length, 'purpose')} added (${added.purposesAdded.join(', ')})` : ''
      }`;
      return { ok: true, workspace: added.workspace, done };
    },
  };
}

const READERS: Record<string, (text: string, file: string, workspace: Workspace) => Promise<Plan>> = {
  '.csv': inventoryPlan,
  '.yml': fideslangPlan,
  '.yaml': fideslangPlan,
};

async function readText(file: string): Promise<{ ok: true; text: string } | { ok: false; line: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, line: `Cannot read ${describeIoError(error, file)}.` };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      line: `${file} is not UTF-8 text, so its accents and symbols would be read wrong. Save it again as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)"), then import it.`,
    };
  }
}

function printPlan(plan: Plan, output: Output): void {
  for (const line of plan.lines) output.out(line);
  output.out(plan.summary);
}

export async function importCommand(file: string, options: ImportOptions, output: Output, deps: ImportDependencies = {}): Promise<number> {
  const reader = READERS[extname(file).toLowerCase()];
  if (!reader) {
    output.err(
      `${file} is neither an inventory CSV (.csv) nor a fideslang file (.yml, .yaml); candor import reads those. Export the inventory with "candor export inventory-csv" to see the CSV's columns.`,
    );
    return EXIT_ERROR;
  }
  const source = await readText(file);
  if (!source.ok) {
    output.err(source.line);
    return EXIT_ERROR;
  }
  const into = options.into;
  // The same check and the same lines as "candor validate": a workspace with problems is not imported into.
  const loaded = await loadWorkspaceFile(into);
  if (!loaded.ok) {
    for (const line of loaded.lines) output.err(line);
    return loaded.exitCode;
  }

  if (options.dryRun) {
    const plan = await reader(source.text, file, loaded.workspace);
    printPlan(plan, output);
    output.out(`Dry run: nothing was written to ${into}.`);
    return plan.leftOut > 0 ? EXIT_PROBLEMS : EXIT_OK;
  }

  const dataDir = deps.dataDir ?? defaultDataDir();
  const session = new WorkspaceSession({ dataDir });
  try {
    // The session takes the workspace's lock before reading it, so the preview below is of the version
    // that is replaced, and no other Candor can write in between.
    const state = await session.open(into);
    if (state.status === 'error') {
      const refused = refusal(into, state.error);
      for (const line of refused.lines) output.err(line);
      return refused.exitCode;
    }
    if (state.status !== 'open') throw new Error(`the workspace ${into} did not open`);
    if (state.readOnly) {
      const reason = state.readOnly;
      if (reason.kind === 'newer-version') output.err(newerVersionLine(into, Number((state.workspace as { version?: unknown }).version)));
      else if (reason.kind === 'locked') {
        const lockPath = lockPathFor(await realpath(into).catch(() => into));
        output.err(
          `Nothing was imported: ${into} is open in Candor (another window or process holds its lock ${lockPath}). Close it there, or import from the app, then run the import again.`,
        );
      } else output.err(`Nothing was imported: ${reason.message}`);
      return EXIT_ERROR;
    }

    const plan = await reader(source.text, file, state.workspace);
    printPlan(plan, output);
    if (plan.blocked) {
      output.err(`Nothing was imported into ${into}: the problems above concern the whole file. Fix them and import again.`);
      return EXIT_PROBLEMS;
    }
    if (plan.changes === 0) {
      output.out(`Nothing to change in ${into}.`);
      return plan.leftOut > 0 ? EXIT_PROBLEMS : EXIT_OK;
    }
    const applied = plan.apply();
    if (!applied.ok) {
      for (const line of applied.lines) output.err(line);
      output.err(`Nothing was imported into ${into}.`);
      return EXIT_PROBLEMS;
    }
    const checked = validateWorkspace(applied.workspace);
    if (!checked.ok) {
      for (const problem of checked.problems) output.err(problemLine(problem));
      output.err(
        `Nothing was imported into ${into}: the result would not be a valid workspace. Report this as a bug in Candor, with the file you imported.`,
      );
      return EXIT_PROBLEMS;
    }
    const saved = await session.save(checked.workspace, state.revision);
    if (!saved.ok) {
      const { code, message } = saved.error;
      output.err(
        code === 'changed-on-disk'
          ? `Nothing was imported: ${into} was changed on disk by another program while the import ran. Run the import again.`
          : `Nothing was imported: ${message.replace(/^Nothing was saved: /, '')}`,
      );
      return code === 'invalid-workspace' ? EXIT_PROBLEMS : EXIT_ERROR;
    }
    const leftOut = plan.leftOut > 0 ? ` Left out ${plan.leftOutText} with problems (listed above): ${plan.leftOutAdvice}.` : '';
    const backups = backupFolderFor(dataDir, await realpath(into).catch(() => resolve(into)));
    output.out(`Imported ${file} into ${into}: ${applied.done}. The previous version is kept in ${backups}.${leftOut}`);
    return plan.leftOut > 0 ? EXIT_PROBLEMS : EXIT_OK;
  } finally {
    await session.close();
  }
}
