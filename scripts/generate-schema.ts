import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { workspaceJsonSchema } from './json-schema';

const target = fileURLToPath(new URL('../resources/workspace.schema.json', import.meta.url));
writeFileSync(target, workspaceJsonSchema());
console.log(`Wrote ${target}`);
