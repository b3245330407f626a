import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { incidentsJsonSchema, workspaceJsonSchema } from './json-schema';

for (const [name, text] of [
  ['workspace.schema.json', workspaceJsonSchema()],
  ['incidents.schema.json', incidentsJsonSchema()],
] as const) {
  const target = fileURLToPath(new URL(`../resources/${name}`, import.meta.url));
  writeFileSync(target, text);
  console.log(`Wrote ${target}`);
}
