// File paths that cross IPC or HTTP are capabilities, never plain strings: a page with the token, or a
// compromised renderer, must not be able to read /etc/passwd through an error message or write
// ~/.bash_aliases through "New workspace". Every handler that takes a path asks its transport's guard:
// the desktop app accepts only what its own dialogs returned (plus the recent list and the open file),
// the web mode only what lies inside its root folder, symbolic links resolved.
import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fail, ok, type Result } from '../../core/api';

/** What a path is wanted for: each use says what may be done with it. */
export type PathUse = 'open-workspace' | 'new-workspace' | 'save-workspace-as' | 'export' | 'import';

export interface PathGuard {
  /** the absolute path to use, or why it may not be used */
  check(path: string, use: PathUse): Promise<Result<string>>;
}

export const WORKSPACE_SUFFIX = '.candor.json';
const REGISTER_SUFFIX = '.incidents.candor.json';

const VERB: Record<PathUse, string> = {
  'open-workspace': 'opened',
  'new-workspace': 'created',
  'save-workspace-as': 'saved',
  export: 'exported',
  import: 'imported',
};

/** Rules that hold whatever the transport: a workspace file is always named *.candor.json. */
function checkName(path: string, use: PathUse): Result<string> {
  const absolute = resolve(path);
  if (
    (use === 'open-workspace' || use === 'new-workspace' || use === 'save-workspace-as') &&
    !basename(absolute).endsWith(WORKSPACE_SUFFIX)
  ) {
    return fail({
      code: 'forbidden',
      file: absolute,
      message: `Nothing was ${VERB[use]}: ${absolute} is not a workspace file. Candor's workspace files are named <name>${WORKSPACE_SUFFIX}; choose or type such a name.`,
    });
  }
  // `<name>.incidents.candor.json` is the incident register beside `<name>.candor.json`: a workspace of that
  // name would be taken for one (and have its own register at `<name>.incidents.incidents.candor.json`).
  if ((use === 'new-workspace' || use === 'save-workspace-as') && basename(absolute).endsWith(REGISTER_SUFFIX)) {
    return fail({
      code: 'forbidden',
      file: absolute,
      message: `Nothing was ${VERB[use]}: names ending in ${REGISTER_SUFFIX} are kept for incident registers, which Candor keeps beside their workspace. Choose a name such as ${basename(absolute).slice(0, -REGISTER_SUFFIX.length)}${WORKSPACE_SUFFIX}.`,
    });
  }
  return ok(absolute);
}

/** The path with every symbolic link in it resolved, as far as it exists (a new file's folder exists). */
async function resolvedPath(absolute: string): Promise<string> {
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return join(await realpath(current), ...missing.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return absolute;
      missing.push(basename(current));
      current = parent;
    }
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** No restriction beyond the naming rule: the command line, where the person typed the path themselves. */
export function unrestrictedPaths(): PathGuard {
  return { check: async (path, use) => checkName(path, use) };
}

/**
 * The web mode: only paths inside `root` (the workspace's folder unless `candor serve --root` says
 * otherwise), checked after resolving symbolic links, so a link inside the root cannot lead out of it.
 */
export function pathsInside(root: string): PathGuard {
  const rootReal = realpath(resolve(root)).catch(() => resolve(root));
  return {
    async check(path, use) {
      const named = checkName(path, use);
      if (!named.ok) return named;
      const realRoot = await rootReal;
      if (!inside(realRoot, await resolvedPath(named.value))) {
        return fail({
          code: 'forbidden',
          file: named.value,
          message: `Nothing was ${VERB[use]}: in the web mode Candor reads and writes only inside ${realRoot}, and ${named.value} is outside it. Choose a file in that folder, or start it again with "candor serve --root <folder>".`,
        });
      }
      return named;
    },
  };
}

/**
 * The desktop app: only paths the main process itself obtained, from its native dialogs (`grant`), the
 * recent list or the file that is open (`known`). The renderer can name a path, but cannot make one usable.
 */
export class GrantedPaths implements PathGuard {
  private readonly granted = new Set<string>();

  constructor(private readonly known: () => Promise<Iterable<string>>) {}

  /** A path a native dialog returned: the person chose it. */
  grant(path: string): void {
    this.granted.add(resolve(path));
  }

  async check(path: string, use: PathUse): Promise<Result<string>> {
    const named = checkName(path, use);
    if (!named.ok) return named;
    if (this.granted.has(named.value)) return named;
    for (const known of await this.known()) {
      if (resolve(known) === named.value) return named;
    }
    return fail({
      code: 'forbidden',
      file: named.value,
      message: `Nothing was ${VERB[use]}: ${named.value} was not chosen in one of Candor's file dialogs. Choose it with the dialog (File › Open…, Save As…, or the export's Save dialog).`,
    });
  }
}

/**
 * An export never replaces a file silently: without `overwrite` (sent once the person agreed, or after a
 * native save dialog that asked), an existing file is refused with `exists`.
 */
export async function existingFileRefusal(target: string, overwrite: boolean | undefined): Promise<Result<never> | undefined> {
  let isFolder: boolean;
  try {
    isFolder = (await lstat(target)).isDirectory();
  } catch {
    return undefined;
  }
  if (isFolder) {
    return fail({ code: 'io', file: target, message: `Nothing was exported: ${target} is a folder, not a file. Choose a file name.` });
  }
  if (overwrite) return undefined;
  return fail({
    code: 'exists',
    file: target,
    message: `${target} already exists. Replace it, or choose another name.`,
  });
}
