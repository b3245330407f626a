// What is really on disk: the specs check the file, not just the screen, because "Saved" in the
// header is a promise about the file.
import { readFile, writeFile } from 'node:fs/promises';
import type { Workspace } from '../../core/schema';

export async function readWorkspaceFile(path: string): Promise<Workspace> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text) as Workspace;
  } catch (error) {
    throw new Error(`${path} is not JSON after a save (${(error as Error).message}):\n${text.slice(0, 400)}`, { cause: error });
  }
}

/** Changes the file the way git or an editor would: read, change, write the whole file anew. */
export async function editWorkspaceFileOutside(path: string, change: (workspace: Workspace) => void): Promise<Workspace> {
  const workspace = await readWorkspaceFile(path);
  change(workspace);
  await writeFile(path, `${JSON.stringify(workspace, null, 2)}\n`);
  return workspace;
}
