import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { incidentsJsonSchema, workspaceJsonSchema } from './json-schema';

describe('resources/workspace.schema.json', () => {
  it('is generated from the zod schema and up to date (run `npm run schema` if this fails)', () => {
    const path = fileURLToPath(new URL('../resources/workspace.schema.json', import.meta.url));
    expect(readFileSync(path, 'utf8')).toBe(workspaceJsonSchema());
  });

  it('describes the format version 1 contract', () => {
    const schema = JSON.parse(workspaceJsonSchema());
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'organization']));
    expect(schema.properties.version.const).toBe(1);
    expect(schema.properties.dataTypes.items.required).toEqual(expect.arrayContaining(['id', 'name', 'category', 'purposes']));
    expect(schema.properties.dataTypes.items.properties.id.pattern).toBe('^[a-z0-9]+(-[a-z0-9]+)*$');
  });
});

describe('resources/incidents.schema.json', () => {
  it('is generated from the zod schema and up to date (run `npm run schema` if this fails)', () => {
    const path = fileURLToPath(new URL('../resources/incidents.schema.json', import.meta.url));
    expect(readFileSync(path, 'utf8')).toBe(incidentsJsonSchema());
  });

  it('describes the incident register, format version 1', () => {
    const schema = JSON.parse(incidentsJsonSchema());
    expect(schema.properties.format.const).toBe('candor/incidents');
    expect(schema.properties.version.const).toBe(1);
    expect(schema.properties.incidents.items.required).toEqual(
      expect.arrayContaining(['id', 'title', 'status', 'discoveredAt', 'summary', 'dataTypes']),
    );
  });
});
