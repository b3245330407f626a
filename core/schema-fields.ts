// Reading the workspace schema (schema.ts) as a description of its fields, so that what lists the
// fields elsewhere (the canonical key order, the inventory CSV's columns) follows it instead of
// repeating it by hand.
import { z } from 'zod';

/** The object schema a field holds, through optional, default and list wrappers; undefined for a plain value. */
export function objectSchemaOf(schema: z.ZodType): z.ZodObject | undefined {
  let current: unknown = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap();
    else if (current instanceof z.ZodArray) current = current.element;
    else return current instanceof z.ZodObject ? current : undefined;
  }
}

/** Whether a field of an object schema may be left out (a field with a default is always there once read). */
export function isOptionalField(schema: z.ZodType): boolean {
  return schema instanceof z.ZodOptional;
}

/** The fields of an object schema, in the order the schema lists them (the format page's order). */
export function fieldsOf(schema: z.ZodObject): [name: string, schema: z.ZodType][] {
  return Object.entries(schema.shape as Record<string, z.ZodType>);
}

/** Whether a field holds any JSON (a merge conflict's values), where even an empty value says something. */
export function isAnyJsonField(schema: z.ZodType): boolean {
  let current: unknown = schema;
  while (current instanceof z.ZodOptional) current = current.unwrap();
  return current instanceof z.ZodUnknown;
}
