// Creating a workspace file: the one path behind the app's New Workspace (WorkspaceSession) and
// `candor new`. Empty, or a copy of the bundled sample; never over an existing file. Each caller words
// a refusal its own way (a CandorError for the app, a line and an exit code for the command line).
import { lstat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CandorError } from '../../core/api';
import { createEmptyWorkspace } from '../../core/new-workspace';
import type { Workspace } from '../../core/schema';
import { isCode, writeNewFileAtomic } from './atomic-write';
import { prepareWrite, readWorkspaceFile } from './workspace-file';

/** The organization name of a new empty workspace when none is given: plainly a placeholder to replace. */
export const DEFAULT_ORGANIZATION_NAME = 'My organization';

export interface NewWorkspaceOptions {
  /** a copy of the sample at `examplePath` rather than an empty workspace */
  example?: boolean;
  /** the organization's name; trimmed, and refused when blank */
  name?: string;
  /** the sample workspace copied with `example` */
  examplePath: string;
}

export type NewWorkspaceRefusal =
  | { reason: 'blank-name' }
  /** `raced`: the file appeared between the check and the write */
  | { reason: 'exists'; raced: boolean }
  | { reason: 'no-folder'; folder: string }
  | { reason: 'example-unusable'; file: string; code: 'not-found' | 'unreadable'; detail: string }
  /** the workspace does not pass validation (a name the schema refuses); `error.problems` lists why */
  | { reason: 'invalid'; error: CandorError }
  | { reason: 'io'; error: unknown };

export type NewWorkspaceResult = { ok: true; workspace: Workspace } | { ok: false; refusal: NewWorkspaceRefusal };

/** Whether something is at `path`, or the error that keeps it from being told. */
async function existsAt(path: string): Promise<boolean | { error: unknown }> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    return isCode(error, 'ENOENT') ? false : { error };
  }
}

async function startingWorkspace(options: NewWorkspaceOptions, name: string | undefined): Promise<NewWorkspaceResult> {
  if (!options.example) return { ok: true, workspace: createEmptyWorkspace(name ?? DEFAULT_ORGANIZATION_NAME) };
  const sample = await readWorkspaceFile(options.examplePath);
  if (sample.kind !== 'ok') {
    return {
      ok: false,
      refusal: {
        reason: 'example-unusable',
        file: options.examplePath,
        code: sample.kind === 'refused' && sample.error.code === 'not-found' ? 'not-found' : 'unreadable',
        detail: sample.kind === 'refused' ? sample.error.message : sample.message,
      },
    };
  }
  const workspace = name ? { ...sample.workspace, organization: { ...sample.workspace.organization, name } } : sample.workspace;
  return { ok: true, workspace };
}

/**
 * Writes a new workspace at `path`: the name is checked, an existing file is never replaced (also when
 * one appears during the call: the write is exclusive), the folder must exist, and what is written
 * passes validation, in canonical form, atomically.
 */
export async function writeNewWorkspace(path: string, options: NewWorkspaceOptions): Promise<NewWorkspaceResult> {
  const name = options.name?.trim();
  if (options.name !== undefined && !name) return { ok: false, refusal: { reason: 'blank-name' } };

  const taken = await existsAt(path);
  if (taken === true) return { ok: false, refusal: { reason: 'exists', raced: false } };
  if (taken !== false) return { ok: false, refusal: { reason: 'io', error: taken.error } };
  const folder = dirname(path);
  // A folder that cannot be looked at is left to the write, which then says why.
  if ((await existsAt(folder)) === false) return { ok: false, refusal: { reason: 'no-folder', folder } };

  const start = await startingWorkspace(options, name);
  if (!start.ok) return start;
  const prepared = prepareWrite(start.workspace, path);
  if (!prepared.ok) return { ok: false, refusal: { reason: 'invalid', error: prepared.error } };

  try {
    await writeNewFileAtomic(path, prepared.prepared.bytes);
  } catch (error) {
    if (isCode(error, 'EEXIST')) return { ok: false, refusal: { reason: 'exists', raced: true } };
    if (isCode(error, 'ENOENT')) return { ok: false, refusal: { reason: 'no-folder', folder } };
    return { ok: false, refusal: { reason: 'io', error } };
  }
  return { ok: true, workspace: prepared.prepared.workspace };
}
