// `candor diff <old> <new> --redline out.docx|out.html`: the new notice with its changes against the old one,
// for lawyers (core/documents/redline.ts). Each side is a workspace file: the working copy, or a published
// version's snapshot in the archive (`ridgeline.versions/2.1.candor.json`), which is rendered as that
// version (its number and effective date), so the redline compares the notices customers read.
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { renderRedlineDocx, renderRedlineHtml } from '../../core/documents/redline';
import type { Workspace } from '../../core/schema';
import { parseVersionIndex, releaseFrom, type DocumentRelease } from '../../core/versions';
import { writeFileAtomic } from '../services/atomic-write';
import { describeIoError } from '../services/io-error';
import { renderRedlineSide, type RenderedSide } from '../services/redline';
import { INDEX_FILE, workingCopyRelease } from '../services/versions';
import type { Output } from './output';
import { EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS } from './workspace-file';

/** The release of a published snapshot (`<name>.versions/<version>.candor.json`), from the archive's index. */
async function snapshotRelease(file: string): Promise<DocumentRelease | undefined> {
  const folder = dirname(file);
  const match = /^(.+)\.candor\.json$/.exec(basename(file));
  if (!folder.endsWith('.versions') || !match) return undefined;
  try {
    const parsed = parseVersionIndex(JSON.parse(await readFile(join(folder, INDEX_FILE), 'utf8')));
    const entry = parsed.ok ? parsed.index.versions.find((v) => v.version === match[1]) : undefined;
    return entry ? releaseFrom(entry) : undefined;
  } catch {
    return undefined;
  }
}

async function renderSide(file: string, workspace: Workspace, documentId: string): Promise<RenderedSide> {
  const release = (await snapshotRelease(file)) ?? (await workingCopyRelease(file, workspace)).release;
  return renderRedlineSide(file, workspace, release, documentId);
}

/** Writes the redline of `documentId` between two loaded workspaces to `out` (.docx or .html). */
export async function writeRedline(
  sides: { old: string; new: string },
  workspaces: { old: Workspace; new: Workspace },
  out: string,
  documentId: string,
  output: Output,
): Promise<number> {
  const kind = extname(out).toLowerCase();
  if (kind !== '.docx' && kind !== '.html') {
    output.err(`--redline ${out}: name a .docx file (tracked changes for Word) or an .html file (a comparison page).`);
    return EXIT_ERROR;
  }
  const before = await renderSide(sides.old, workspaces.old, documentId);
  const after = await renderSide(sides.new, workspaces.new, documentId);
  for (const side of [before, after]) if (!side.ok) output.err(side.line);
  if (!before.ok || !after.ok) return EXIT_PROBLEMS;
  const bytes =
    kind === '.docx' ? await renderRedlineDocx(before.document, after.document) : renderRedlineHtml(before.document, after.document);
  try {
    await writeFileAtomic(out, bytes);
  } catch (error) {
    output.err(`Cannot write ${out}: ${describeIoError(error, out)}.`);
    return EXIT_ERROR;
  }
  output.out(`Wrote the redline of the ${documentId} (${sides.old} → ${sides.new}) to ${out}.`);
  return EXIT_OK;
}
