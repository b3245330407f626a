// The order findings are read in: as the fields appear in the file (the schema lists them in the
// format page's order), list entries by index, so a review reads top to bottom like the file.
import { WorkspaceSchema } from '../schema';
import { parsePath } from '../validate';

// Only the parts of zod's schema definitions needed to walk from a path to its field's position.
interface Def {
  type?: string;
  shape?: Record<string, { def: Def }>;
  innerType?: { def: Def };
  element?: { def: Def };
}

function unwrap(def: Def | undefined): Def | undefined {
  let current = def;
  while (current && (current.type === 'optional' || current.type === 'default' || current.type === 'nullable') && current.innerType) {
    current = current.innerType.def;
  }
  return current;
}

const ROOT = (WorkspaceSchema as unknown as { def: Def }).def;
const cache = new Map<string, number[]>();

/**
 * A path as numbers that sort like the file: each field by its position among its siblings in the
 * schema (unknown fields after the known ones), each list entry by its index.
 */
export function pathOrder(path: string): number[] {
  let key = cache.get(path);
  if (key) return key;
  key = [];
  let def: Def | undefined = unwrap(ROOT);
  for (const segment of parsePath(path)) {
    if (typeof segment === 'number') {
      key.push(segment);
      def = unwrap(def?.type === 'array' ? def.element?.def : undefined);
      continue;
    }
    const fields = def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
    const position = fields.indexOf(segment);
    key.push(position === -1 ? fields.length : position);
    def = position === -1 ? undefined : unwrap(def!.shape![segment].def);
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(path, key);
  return key;
}

/** Negative when `a` comes before `b` in the file; 0 only for the same place. */
export function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  const x = pathOrder(a);
  const y = pathOrder(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] - y[i];
  }
  // A field before the fields inside it; two unknown fields by name.
  return x.length - y.length || (a < b ? -1 : 1);
}
