import { readdir, readFile, stat, writeFile, chmod, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../core/schema';
import { canonical, corruptInputs, sampleWorkspace, tempDirs, variant } from './test-support';
import { classifyWorkspaceBytes, readWorkspaceFile, revisionOf, WorkspaceFileAdapter, WorkspaceFileError } from './workspace-file';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

let sample: Workspace;
let sampleText: string;
beforeAll(async () => {
  sample = await sampleWorkspace();
  sampleText = canonical(sample);
});

describe('readWorkspaceFile', () => {
  it('reads a valid workspace with the revision of its bytes', async () => {
    const file = join(await dirs.make(), 'w.candor.json');
    await writeFile(file, sampleText);
    const content = await readWorkspaceFile(file);
    expect(content.kind).toBe('ok');
    if (content.kind !== 'ok') return;
    expect(content.revision).toBe(revisionOf(Buffer.from(sampleText)));
    expect(content.workspace.organization.name).toBe(sample.organization.name);
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const file = join(await dirs.make(), 'bom.candor.json');
    await writeFile(file, `\uFEFF${sampleText}`);
    const content = await readWorkspaceFile(file);
    expect(content.kind).toBe('ok');
    if (content.kind === 'ok') expect(content.workspace.dataTypes).toHaveLength(sample.dataTypes.length);
  });

  it('reads text exactly as a strict UTF-8 decoder does, and refuses what one refuses', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const name = 'Stra\u00dfe \u2014 \u2019quoted\u2019 \ud83e\udd7e \u2028 \uffff';
    const text = sampleText.replace(`"name": ${JSON.stringify(sample.organization.name)}`, `"name": ${JSON.stringify(name)}`);
    for (const bytes of [Buffer.from(text), Buffer.from(`\uFEFF${text}`)]) {
      const content = classifyWorkspaceBytes('w.candor.json', bytes);
      expect(content.kind).toBe('ok');
      if (content.kind === 'ok')
        expect(content.workspace.organization.name).toBe(JSON.parse(strict.decode(bytes).replace(/^\uFEFF/, '')).organization.name);
    }
    // Overlong, a surrogate half, past U+10FFFF, cut short, never in UTF-8.
    for (const bad of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xff]]) {
      const bytes = Buffer.concat([Buffer.from(text.slice(0, 100)), Buffer.from(bad), Buffer.from(text.slice(100))]);
      expect(() => strict.decode(bytes)).toThrow();
      const content = classifyWorkspaceBytes('w.candor.json', bytes);
      expect(content.kind === 'refused' && content.error.message, String(bad)).toMatch(/is not UTF-8 text/);
    }
  });

  it('refuses every kind of damaged or wrong file with the reason and the path', async () => {
    const dir = await dirs.make();
    for (const input of corruptInputs(sampleText)) {
      const file = join(dir, `${input.name.replace(/\W+/g, '-')}.candor.json`);
      await writeFile(file, input.bytes);
      const content = await readWorkspaceFile(file);
      expect(content.kind, input.name).toBe('refused');
      if (content.kind !== 'refused') continue;
      expect(content.error.code, input.name).toBe(input.code);
      expect(content.error.file, input.name).toBe(file);
      expect(content.error.message, input.name).toContain(file);
      expect(content.error.message, input.name).toMatch(input.reason);
      if (input.code === 'invalid-workspace') expect(content.error.problems?.[0].path).toBe('dataTypes[0].purposes[0]');
      expect((await readFile(file)).equals(input.bytes), input.name).toBe(true);
    }
  });

  it('says when the file does not exist', async () => {
    const file = join(await dirs.make(), 'missing.candor.json');
    const content = await readWorkspaceFile(file);
    expect(content).toMatchObject({ kind: 'refused', error: { code: 'not-found', file } });
    if (content.kind === 'refused') expect(content.error.message).toMatch(/does not exist/);
  });

  it('keeps a newer version exactly as read, unknown keys and all, and names both versions', async () => {
    const file = join(await dirs.make(), 'v2.candor.json');
    await writeFile(file, JSON.stringify({ ...sample, version: 2, futureThing: { a: 1 } }));
    const content = await readWorkspaceFile(file);
    expect(content.kind).toBe('newer-version');
    if (content.kind !== 'newer-version') return;
    expect(content.data.futureThing).toEqual({ a: 1 });
    expect(content.message).toContain(file);
    expect(content.message).toMatch(/format version 2/);
    expect(content.message).toMatch(/format version 1/);
  });
});

describe('readWorkspaceFile on what is not a file', () => {
  it.runIf(process.platform !== 'win32')('refuses /dev/zero at once instead of reading forever', async () => {
    const content = await readWorkspaceFile('/dev/zero');
    expect(content).toMatchObject({
      kind: 'refused',
      error: {
        code: 'unreadable',
        message: 'The workspace file /dev/zero is a device, not a file; choose a file. Candor did not change it.',
      },
    });
  });

  it('refuses a file over 50 MB without reading it', async () => {
    const dir = await dirs.make();
    const big = join(dir, 'big.candor.json');
    await writeFile(big, '');
    await truncate(big, 51 * 1024 * 1024);
    const content = await readWorkspaceFile(big);
    expect(content.kind === 'refused' && content.error.message).toMatch(/is 51\.0 MB, more than the 50\.0 MB Candor reads/);
  });
});

describe('WorkspaceFileAdapter with lowdb', () => {
  it('reads through Low and writes canonical text atomically, keeping the mode', async () => {
    const dir = await dirs.make();
    const file = join(dir, 'w.candor.json');
    await writeFile(file, JSON.stringify(sample));
    await chmod(file, 0o640);
    const adapter = new WorkspaceFileAdapter(file);
    const db = new Low<Workspace | null>(adapter, null);
    await db.read();
    expect(db.data?.organization.name).toBe(sample.organization.name);
    expect(adapter.revision).toBe(revisionOf(await readFile(file)));

    db.data = variant(sample, 1);
    await db.write();
    const written = await readFile(file, 'utf8');
    expect(written).toBe(canonical(variant(sample, 1)));
    expect(adapter.revision).toBe(revisionOf(written));
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['w.candor.json']);
  });

  it('throws the verdict for a damaged file instead of handing lowdb data, and never writes an invalid workspace', async () => {
    const file = join(await dirs.make(), 'w.candor.json');
    await writeFile(file, 'null');
    const adapter = new WorkspaceFileAdapter(file);
    const db = new Low<Workspace | null>(adapter, null);
    const error = await db.read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkspaceFileError);
    expect((error as WorkspaceFileError).content).toMatchObject({ kind: 'refused', error: { code: 'unreadable', file } });
    expect(db.data).toBeNull();

    db.data = { ...sample, organization: { ...sample.organization, jurisdictions: ['pipl' as never] } };
    await expect(db.write()).rejects.toThrow(/organization\.jurisdictions/);
    expect(await readFile(file, 'utf8')).toBe('null');
  });

  it('prepare refuses invalid input with every problem and its path', () => {
    const adapter = new WorkspaceFileAdapter('/nowhere/w.candor.json');
    const result = adapter.prepare({ ...sample, purposes: [{ id: 'Bad Id', name: 7 }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-workspace');
    expect(result.error.problems?.map((p) => p.path)).toEqual(expect.arrayContaining(['purposes[0].id', 'purposes[0].name']));
    expect(result.error.message).toContain('/nowhere/w.candor.json');
  });
});
