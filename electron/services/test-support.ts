// Shared by the tests of this folder: temporary folders and sample workspaces.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeWorkspace } from '../../core/canonical';
import type { Workspace } from '../../core/schema';
import { bundledExamplePath } from './paths';

// The bundled sample, the one `npm start` opens.
export const SAMPLE_PATH = bundledExamplePath();

export async function sampleWorkspace(): Promise<Workspace> {
  return JSON.parse(await readFile(SAMPLE_PATH, 'utf8')) as Workspace;
}

/** The sample with its organization renamed: a distinct valid workspace for each `n`. */
export function variant(base: Workspace, n: number): Workspace {
  return { ...base, organization: { ...base.organization, name: `${base.organization.name} ${n}` } };
}

export function canonical(workspace: Workspace): string {
  return serializeWorkspace(workspace);
}

export interface TempDirs {
  make(prefix?: string): Promise<string>;
  cleanup(): Promise<void>;
}

export function tempDirs(): TempDirs {
  const made: string[] = [];
  return {
    async make(prefix = 'candor-test-') {
      const dir = await mkdtemp(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    async cleanup() {
      await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}

/** Resolves with the first value `subscribe` delivers, or rejects after `ms`. */
export function nextValue<T>(subscribe: (deliver: (value: T) => void) => () => void, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no ${what} within ${ms} ms`));
    }, ms);
    const stop = subscribe((value) => {
      clearTimeout(timer);
      stop();
      resolve(value);
    });
  });
}

/** Every way a file can fail to be a workspace, with the words its reason must contain. */
export function corruptInputs(text: string): { name: string; bytes: Buffer; code: string; reason: RegExp }[] {
  const invalid = JSON.parse(text) as Workspace;
  invalid.dataTypes[0].purposes = ['no-such-purpose'];
  return [
    { name: 'empty', bytes: Buffer.alloc(0), code: 'unreadable', reason: /is empty/ },
    { name: 'null', bytes: Buffer.from('null'), code: 'unreadable', reason: /contains null/ },
    { name: 'a list', bytes: Buffer.from('[]'), code: 'unreadable', reason: /contains a list/ },
    { name: 'a number', bytes: Buffer.from('42'), code: 'unreadable', reason: /single number/ },
    { name: 'truncated', bytes: Buffer.from(text.slice(0, Math.floor(text.length / 2))), code: 'unreadable', reason: /not complete JSON/ },
    { name: 'NUL-filled', bytes: Buffer.alloc(4096), code: 'unreadable', reason: /NUL bytes/ },
    { name: 'blank', bytes: Buffer.from('  \n\t\n'), code: 'unreadable', reason: /blank space/ },
    { name: 'not UTF-8', bytes: Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), code: 'unreadable', reason: /not UTF-8/ },
    {
      name: 'invalid workspace',
      bytes: Buffer.from(JSON.stringify(invalid)),
      code: 'invalid-workspace',
      reason: /dataTypes\[0\]\.purposes\[0\]/,
    },
  ];
}
