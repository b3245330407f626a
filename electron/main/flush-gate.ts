// Before the app quits or the session switches to another file, the UI is asked to save what it has
// not saved yet (its autosave waits a moment after each edit). The answer comes back as
// `candor:flushed`, saying whether everything is on disk; a UI that is gone or stuck must not keep the app
// from quitting, hence the timeout.
import type { FlushReport } from '../../core/api';

/** 'unsaved': the UI answered that its last edits could not be written (see `problem()`). */
export type FlushOutcome = 'flushed' | 'unsaved' | 'timeout' | 'no-ui';

export interface FlushGate {
  /** asks the UI to flush and resolves when it answers, or after the timeout */
  request(): Promise<FlushOutcome>;
  /** the UI's answer; without a report (an older page) it counts as flushed */
  flushed(report?: FlushReport): void;
  /** why the last answer was 'unsaved' */
  problem(): string | undefined;
}

export interface FlushGateOptions {
  /** sends `{ type: 'flush-request' }`; returns false when there is no UI to send it to */
  send: () => boolean;
  timeoutMs?: number;
}

export const FLUSH_TIMEOUT_MS = 3000;

export function createFlushGate(options: FlushGateOptions): FlushGate {
  const timeoutMs = options.timeoutMs ?? FLUSH_TIMEOUT_MS;
  let pending: { promise: Promise<FlushOutcome>; finish: (outcome: FlushOutcome) => void } | undefined;
  let problem: string | undefined;

  return {
    request() {
      // One request at a time: a quit during a file switch waits for the same answer.
      if (pending) return pending.promise;
      let resolve!: (outcome: FlushOutcome) => void;
      const promise = new Promise<FlushOutcome>((r) => {
        resolve = r;
      });
      const finish = (outcome: FlushOutcome) => {
        clearTimeout(timer);
        if (pending?.promise === promise) pending = undefined;
        resolve(outcome);
      };
      const timer = setTimeout(() => finish('timeout'), timeoutMs);
      pending = { promise, finish };
      if (!options.send()) finish('no-ui');
      return promise;
    },
    flushed(report) {
      if (!pending) return;
      problem = report?.saved === false ? report.problem || 'Your last changes could not be saved.' : undefined;
      pending.finish(report?.saved === false ? 'unsaved' : 'flushed');
    },
    problem() {
      return problem;
    },
  };
}
