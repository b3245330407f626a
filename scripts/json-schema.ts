// The JSON Schema shipped at resources/workspace.schema.json, generated from the zod schema so the
// two can never disagree (a test fails when the file is stale: run `npm run schema`).
import { z } from 'zod';
import { WorkspaceSchema } from '../core/schema';

export function workspaceJsonSchema(): string {
  const schema = z.toJSONSchema(WorkspaceSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const document = {
    $schema: schema.$schema,
    $id: 'https://candor.app/schemas/workspace-v1.schema.json',
    title: 'Candor workspace (format version 1)',
    description:
      'One inventory of the personal data a product collects, from which Candor generates privacy notices, store disclosures and in-app text. See docs/workspace-format.md.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
