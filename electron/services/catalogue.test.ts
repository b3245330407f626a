// The Node side of the catalogue (core/catalogue.ts): every kind renders through the render map to a
// non-empty file of the kind its extension says, and `candor build` writes exactly the files the
// catalogue lists for each group, the exports among them byte for byte as `candor export` writes them.
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { parse as parsePlist } from 'plist';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BUILD_GROUP_IDS, buildGroupExports, buildGroupFiles, EXPORT_KINDS, EXPORTS } from '../../core/catalogue';
import { buildOutputs } from '../../core/documents/build';
import type { Workspace } from '../../core/schema';
import { EXPORT_RENDERERS, exportPath, renderExport } from './exports';
import { loadBuiltInTemplates } from './templates';

const SAMPLE = new URL('../../resources/examples/ridgeline.candor.json', import.meta.url);

let sample: Workspace;
beforeAll(async () => {
  sample = JSON.parse(await readFile(SAMPLE, 'utf8')) as Workspace;
  // Every document applies, so that every group has files: a financial incentive (the notice of
  // financial incentive) and consumer health data under Washington's law (its policy).
  sample.organization.jurisdictions = [...sample.organization.jurisdictions, 'us-wa'];
  sample.dataTypes[0].sensitivity = { ...sample.dataTypes[0].sensitivity, consumerHealth: true };
  sample.financialIncentives = [
    {
      id: 'members-discount',
      name: 'Members discount',
      summary: '10% off trail maps for an email address.',
      dataTypes: [sample.dataTypes[0].id],
    },
  ];
});

function text(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : strFromU8(content);
}

function zipParts(content: string | Uint8Array): string[] {
  expect(content, 'a zip file is bytes').toBeInstanceOf(Uint8Array);
  return Object.keys(unzipSync(content as Uint8Array));
}

/** What a file with each extension must be; a kind with a new extension needs a check here. */
const CHECKS: Record<string, (content: string | Uint8Array) => void> = {
  '.xcprivacy': (content) => {
    const plist = parsePlist(text(content));
    expect(typeof plist === 'object' && plist !== null && !Array.isArray(plist), 'a property list dictionary').toBe(true);
  },
  '.md': (content) => expect(text(content)).toMatch(/^# \S/),
  '.csv': (content) => {
    const parsed = Papa.parse<string[]>(text(content).replace(/\r\n$/, ''), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.length, 'a header and rows').toBeGreaterThan(1);
    for (const row of parsed.data) expect(row).toHaveLength(parsed.data[0].length);
  },
  '.xlsx': (content) => expect(zipParts(content)).toContain('xl/workbook.xml'),
  '.docx': (content) => expect(zipParts(content)).toContain('word/document.xml'),
  '.yml': (content) => {
    const doc = parseYaml(text(content)) as unknown;
    expect(typeof doc === 'object' && doc !== null, 'a YAML mapping').toBe(true);
  },
};

describe('the render map', () => {
  it('has a renderer for every kind of the catalogue and nothing else', () => {
    expect(Object.keys(EXPORT_RENDERERS)).toEqual(EXPORT_KINDS);
  });

  it.each(EXPORT_KINDS)('%s renders the sample to a non-empty file of the kind its extension says', async (kind) => {
    const content = await renderExport(sample, kind);
    expect(content.length, 'not empty').toBeGreaterThan(0);
    const extension = EXPORTS[kind].extensions[0];
    const check = CHECKS[extension];
    expect(check, `a check for ${extension} files in this test`).toBeDefined();
    check(content);
  });

  it('adds the first extension to a bare path and keeps any of the others', () => {
    for (const kind of EXPORT_KINDS) {
      const { extensions, fileName } = EXPORTS[kind];
      expect(exportPath(kind, '/out/file'), kind).toBe(`/out/file${extensions[0]}`);
      for (const extension of extensions)
        expect(exportPath(kind, `/out/file${extension.toUpperCase()}`), kind).toBe(`/out/file${extension.toUpperCase()}`);
      expect(exportPath(kind, `/out/${fileName}`), kind).toBe(`/out/${fileName}`);
    }
  });
});

describe('candor build and the catalogue', () => {
  it('writes exactly the files the catalogue lists for each group, the exports as candor export writes them', async () => {
    const builtIn = await loadBuiltInTemplates();
    for (const group of BUILD_GROUP_IDS) {
      const result = await buildOutputs(sample, { builtIn, overrides: [] }, renderExport, [group]);
      expect(result.errors, group).toEqual([]);
      expect(
        result.files.map((file) => file.path),
        group,
      ).toEqual(buildGroupFiles(group));
      for (const { kind, path } of buildGroupExports(group)) {
        const built = result.files.find((file) => file.path === path)!;
        const exported = await renderExport(sample, kind);
        // Word and Excel files carry the time they were made; the other kinds must match exactly.
        if (typeof exported === 'string') expect(built.content, path).toBe(exported);
        else expect(zipParts(built.content), path).toEqual(zipParts(exported));
      }
    }
  });
});
