// Small helpers every editor uses to turn an input's value into an edit of the workspace.
import { useEditor } from './store';

type Optional<T> = T | undefined | null | '';

/** Sets a field, or removes it when the value is empty, so the file keeps only what was said. */
export function setOptional<T extends object, K extends keyof T>(target: T, key: K, value: Optional<T[K]>): void {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    delete target[key];
  } else {
    target[key] = value as T[K];
  }
}

/** Removes an object field that has become empty (`dpo: {}` → gone). */
export function pruneEmpty<T extends object, K extends keyof T>(target: T, key: K): void {
  const value = target[key];
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) {
    delete target[key];
  }
}

/** Sets a field of a nested object (`dpo.email`, `inApp.short`), creating the object and dropping it once empty. */
export function setNested<P extends object, K extends keyof P, F extends keyof NonNullable<P[K]>>(
  parent: P,
  key: K,
  field: F,
  value: NonNullable<P[K]>[F] | undefined | null | '',
): void {
  parent[key] ??= {} as P[K];
  setOptional(parent[key] as NonNullable<P[K]>, field, value);
  pruneEmpty(parent, key);
}

/** The validation message for one field, if any. */
export function useFieldError(path: string): string | undefined {
  return useEditor((s) => s.problemsByPath.get(path)?.join('; '));
}

/** Whether the workspace cannot be edited (locked by another Candor, or from a newer version). */
export function useReadOnly(): boolean {
  return useEditor((s) => Boolean(s.readOnly));
}
