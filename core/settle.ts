// When to act on a run of events (edits to save, saves to compress, edits to review): once they pause,
// but never later than a bound after the first one still waiting, so a steady stream cannot put it off.

/**
 * Milliseconds to wait from `now`: `settleMs` after the latest event, but at most until `maxWaitMs`
 * after `since`, when the oldest event still waiting happened (never negative).
 */
export function settleDelay(now: number, since: number, settleMs: number, maxWaitMs: number): number {
  return Math.max(0, Math.min(settleMs, since + maxWaitMs - now));
}
