// Template sources from disk: Candor's built-in templates, and a workspace's own folder
// (`settings.templatesDir`, relative to the workspace file) whose templates override them by id.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { TemplateError, TemplateSource } from '../../core/documents/types';
import type { Workspace } from '../../core/schema';
import { shortIoReason } from './io-error';
import { resourcesDir } from './paths';

/** The folder of built-in templates (`templates/` beside `resources/`). */
export function builtInTemplatesDir(): string {
  return join(dirname(resourcesDir()), 'templates');
}

async function readFolder(folder: string, origin: TemplateSource['origin']): Promise<TemplateSource[]> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md').sort();
  return Promise.all(names.map(async (name) => ({ file: join(folder, name), text: await readFile(join(folder, name), 'utf8'), origin })));
}

export async function loadBuiltInTemplates(): Promise<TemplateSource[]> {
  return readFolder(builtInTemplatesDir(), 'built-in');
}

/**
 * The workspace's own templates, if it names a folder. A folder that cannot be read is reported as a
 * template error (with the folder as the file), so documents still build from the built-in ones.
 */
export async function loadWorkspaceTemplates(
  workspace: Workspace,
  workspacePath: string,
): Promise<{ sources: TemplateSource[]; errors: TemplateError[] }> {
  const dir = workspace.settings.templatesDir;
  if (!dir) return { sources: [], errors: [] };
  const folder = isAbsolute(dir) ? dir : resolve(dirname(workspacePath), dir);
  try {
    return { sources: await readFolder(folder, 'workspace'), errors: [] };
  } catch (error) {
    return {
      sources: [],
      errors: [
        {
          file: folder,
          message: `The templates folder named in settings.templatesDir (${shortIoReason(error)}) cannot be read, so the built-in templates were used. Fix the folder under Organization & settings → Documents.`,
        },
      ],
    };
  }
}
