// The backend of the renderer's component tests: a CandorBridge that records every handler call.
// Saves succeed with a new revision; a handler the test answers gets that answer; any other fails with
// an error naming it, so no test passes on a call it did not expect to be made.
import { vi } from 'vitest';
import type { CandorBridge } from '../../../core/api';
import type { DesktopBridge } from '../transport';

export interface BridgeCall {
  name: string;
  arg: unknown;
}

/**
 * Answers for handlers, by name: each gets the call's argument and returns the Result to send back.
 * (`never` lets each answer name the argument it expects: `(arg: { path: string }) => …`.)
 */
export type BridgeAnswers = Record<string, (arg: never) => unknown>;

export interface RecordingBridge {
  /** every call, oldest first */
  readonly calls: BridgeCall[];
  /** the desktop app's native path dialog; answer it with `mockResolvedValue` */
  readonly choosePath: ReturnType<typeof vi.fn<DesktopBridge['choosePath']>>;
  /** makes this the page's bridge, as in the desktop app (with the native path dialog) */
  install(): void;
  /** forgets the calls and the path dialog's answers; for a beforeEach */
  reset(): void;
  /** takes the native path dialog away, as in the web mode; the returned function gives it back */
  webMode(): () => void;
}

export function recordingBridge(answers: BridgeAnswers = {}): RecordingBridge {
  const calls: BridgeCall[] = [];
  const choosePath = vi.fn<DesktopBridge['choosePath']>();
  const bridge: CandorBridge = {
    invoke: (async (name: string, arg: unknown) => {
      calls.push({ name, arg });
      const answer = answers[name];
      if (answer) return answer(arg as never);
      if (name === 'workspace-save') return { ok: true, value: { revision: `r${calls.length}` } };
      return { ok: false, error: { code: 'io', message: `${name} is not available in this test` } };
    }) as CandorBridge['invoke'],
    on: () => () => {},
    flushed: () => {},
  };
  const desktop: DesktopBridge = { ...bridge, choosePath };
  return {
    calls,
    choosePath,
    install() {
      window.candor = desktop;
    },
    reset() {
      calls.length = 0;
      choosePath.mockReset();
    },
    webMode() {
      window.candor = { ...bridge, choosePath: undefined as unknown as DesktopBridge['choosePath'] };
      return () => {
        window.candor = desktop;
      };
    },
  };
}
