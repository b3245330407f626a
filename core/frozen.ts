// Frozen means unchangeable: something made from a deeply frozen object can be kept and reused for as
// long as that very object is in use. The editor's workspaces are frozen (immer freezes every state it
// makes, and the store freezes what it loads), so the document context and the in-app texts reuse what
// an edit did not touch; a workspace that can still change in place is always worked out afresh.

/** Objects known to be frozen all the way down. Frozen objects cannot thaw, so the answer never changes. */
const DEEP_FROZEN = new WeakSet<object>();

/** Whether `value` is frozen, and everything it holds, all the way down. */
export function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || DEEP_FROZEN.has(value)) return true;
  if (!Object.isFrozen(value)) return false;
  for (const child of Object.values(value)) if (!isDeepFrozen(child)) return false;
  DEEP_FROZEN.add(value);
  return true;
}
