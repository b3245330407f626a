import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeWorkspace } from '../../core/canonical';
import { validateWorkspace } from '../../core/validate';
import { DEFAULT_ORGANIZATION_NAME, writeNewWorkspace } from './new-workspace';
import { SAMPLE_PATH, sampleWorkspace, tempDirs } from './test-support';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe('writeNewWorkspace', () => {
  it('writes an empty, valid, canonical workspace with the placeholder name or the trimmed name given', async () => {
    const dir = await dirs.make();
    const plain = join(dir, 'plain.candor.json');
    const result = await writeNewWorkspace(plain, { examplePath: SAMPLE_PATH });
    expect(result.ok && result.workspace.organization.name).toBe(DEFAULT_ORGANIZATION_NAME);
    const text = await readFile(plain, 'utf8');
    expect(validateWorkspace(JSON.parse(text)).ok).toBe(true);
    expect(text).toBe(serializeWorkspace(JSON.parse(text)));

    const named = join(dir, 'named.candor.json');
    await writeNewWorkspace(named, { name: '  Harbor Books ', examplePath: SAMPLE_PATH });
    expect(JSON.parse(await readFile(named, 'utf8')).organization.name).toBe('Harbor Books');
  });

  it('copies the sample, renamed when a name is given', async () => {
    const dir = await dirs.make();
    const sample = await sampleWorkspace();
    const copy = join(dir, 'copy.candor.json');
    const result = await writeNewWorkspace(copy, { example: true, name: 'Acme', examplePath: SAMPLE_PATH });
    expect(result.ok).toBe(true);
    const written = JSON.parse(await readFile(copy, 'utf8'));
    expect(written.organization.name).toBe('Acme');
    expect(written.dataTypes).toEqual(sample.dataTypes);
  });

  it('refuses a blank name, an existing file and a missing folder, and writes nothing', async () => {
    const dir = await dirs.make();
    const taken = join(dir, 'taken.candor.json');
    await writeFile(taken, 'precious');
    expect(await writeNewWorkspace(join(dir, 'a.candor.json'), { name: ' ', examplePath: SAMPLE_PATH })).toEqual({
      ok: false,
      refusal: { reason: 'blank-name' },
    });
    expect(await writeNewWorkspace(taken, { examplePath: SAMPLE_PATH })).toEqual({
      ok: false,
      refusal: { reason: 'exists', raced: false },
    });
    expect(await readFile(taken, 'utf8')).toBe('precious');
    expect(await writeNewWorkspace(join(dir, 'nope', 'b.candor.json'), { examplePath: SAMPLE_PATH })).toEqual({
      ok: false,
      refusal: { reason: 'no-folder', folder: join(dir, 'nope') },
    });
    expect(await readdir(dir)).toEqual(['taken.candor.json']);
  });

  it('says why the sample could not be used: missing, or not a workspace', async () => {
    const dir = await dirs.make();
    const missing = await writeNewWorkspace(join(dir, 'a.candor.json'), { example: true, examplePath: join(dir, 'gone.json') });
    expect(missing).toMatchObject({ ok: false, refusal: { reason: 'example-unusable', code: 'not-found', file: join(dir, 'gone.json') } });
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{"format": "candor/workspace", "vers');
    const unreadable = await writeNewWorkspace(join(dir, 'b.candor.json'), { example: true, examplePath: broken });
    expect(unreadable).toMatchObject({ ok: false, refusal: { reason: 'example-unusable', code: 'unreadable', file: broken } });
    expect((await readdir(dir)).sort()).toEqual(['broken.json']);
  });

  it('reports an error it cannot place as io', async () => {
    const dir = await dirs.make();
    const notAFolder = join(dir, 'file');
    await writeFile(notAFolder, '');
    const result = await writeNewWorkspace(join(notAFolder, 'w.candor.json'), { examplePath: SAMPLE_PATH });
    expect(result).toMatchObject({ ok: false, refusal: { reason: 'io', error: { code: 'ENOTDIR' } } });
  });
});
