// The inventory CSV's columns against the schema: every field of a data type (schema.ts) is a column,
// in the schema's order and of the kind its type calls for, or is left out on purpose with a reason
// (INVENTORY_LEFT_OUT). A field added to the schema and forgotten here fails, naming the field.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DataTypeSchema } from '../schema';
import { fieldsOf, isOptionalField, objectSchemaOf } from '../schema-fields';
import { INVENTORY_COLUMNS, INVENTORY_LEFT_OUT } from './inventory-csv';

interface Leaf {
  path: string;
  schema: z.ZodType;
  /** required at every level, so a row without it cannot be a data type */
  required: boolean;
}

/** Every field that holds a value (not an object of further fields), by its dotted path, in schema order. */
function leaves(schema: z.ZodObject, prefix = '', required = true): Leaf[] {
  return fieldsOf(schema).flatMap(([key, field]) => {
    const path = `${prefix}${key}`;
    const inner = field instanceof z.ZodOptional ? field.unwrap() : field;
    const object = objectSchemaOf(field);
    // A nested object becomes one column per field; a list of objects could not fit in a cell, so it stays a leaf.
    if (object && !(inner instanceof z.ZodArray)) return leaves(object, `${path}.`, required && !isOptionalField(field));
    return [{ path, schema: inner as z.ZodType, required: required && !isOptionalField(field) }];
  });
}

const LEAVES = leaves(DataTypeSchema);
const COLUMN_NAMES = INVENTORY_COLUMNS.map((c) => c.name);

describe('the inventory CSV columns and the data type schema', () => {
  it('has a column for every field of a data type, unless it is left out with a reason', () => {
    const missing = LEAVES.map((leaf) => leaf.path).filter((path) => !COLUMN_NAMES.includes(path) && !(path in INVENTORY_LEFT_OUT));
    expect(missing, 'fields without a column: add one to INVENTORY_COLUMNS, or give the reason in INVENTORY_LEFT_OUT').toEqual([]);
    for (const [path, reason] of Object.entries(INVENTORY_LEFT_OUT)) {
      expect(COLUMN_NAMES, `${path} is left out, so it has no column`).not.toContain(path);
      expect(reason.trim(), `${path}: the reason it is left out`).not.toBe('');
    }
  });

  it('has no column for a field the schema does not have, and lists the columns in the order of the schema', () => {
    const paths = LEAVES.map((leaf) => leaf.path);
    expect(
      COLUMN_NAMES.filter((name) => !paths.includes(name)),
      'columns without a field',
    ).toEqual([]);
    expect(Object.keys(INVENTORY_LEFT_OUT).filter((path) => !paths.includes(path))).toEqual([]);
    expect(COLUMN_NAMES).toEqual(paths.filter((path) => COLUMN_NAMES.includes(path)));
  });

  it('gives every column the kind its field calls for, and requires exactly the required fields', () => {
    for (const leaf of LEAVES) {
      const column = INVENTORY_COLUMNS.find((c) => c.name === leaf.path);
      if (!column) continue;
      const expected =
        leaf.schema instanceof z.ZodBoolean
          ? ['boolean']
          : leaf.schema instanceof z.ZodNumber
            ? ['integer']
            : leaf.schema instanceof z.ZodArray
              ? ['list']
              : leaf.schema instanceof z.ZodRecord
                ? ['map']
                : leaf.schema instanceof z.ZodEnum
                  ? ['token']
                  : ['text', 'token'];
      expect(expected, `${leaf.path} is a ${column.kind} column`).toContain(column.kind);
      expect(column.required ?? false, `${leaf.path}: required`).toBe(leaf.required);
    }
  });
});
