// The JSON Schemas shipped at resources/workspace.schema.json and resources/incidents.schema.json, generated
// from the zod schemas so the two can never disagree (a test fails when a file is stale: run `npm run schema`).
import { z } from 'zod';
import { IncidentRegisterSchema } from '../core/incidents/schema';
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

/** The incident register's JSON Schema, shipped at resources/incidents.schema.json. */
export function incidentsJsonSchema(): string {
  const schema = z.toJSONSchema(IncidentRegisterSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const document = {
    $schema: schema.$schema,
    $id: 'https://candor.app/schemas/incidents-v1.schema.json',
    title: 'Candor incident register (format version 1)',
    description:
      'The personal data breaches of one workspace (GDPR Art 33(5)), kept beside it as <name>.incidents.candor.json, apart from the inventory. See "The incident register" in docs/workspace-format.md.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
