import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFlushGate, FLUSH_TIMEOUT_MS } from './flush-gate';

describe('createFlushGate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks the UI and resolves when it answers', async () => {
    const send = vi.fn(() => true);
    const gate = createFlushGate({ send });
    const outcome = gate.request();
    expect(send).toHaveBeenCalledTimes(1);
    gate.flushed();
    await expect(outcome).resolves.toBe('flushed');
  });

  it('gives up after 3 seconds when the UI does not answer', async () => {
    const gate = createFlushGate({ send: () => true });
    const outcome = gate.request();
    let settled = false;
    void outcome.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(FLUSH_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(outcome).resolves.toBe('timeout');
    expect(FLUSH_TIMEOUT_MS).toBe(3000);
  });

  it('does not wait when there is no UI to ask', async () => {
    const gate = createFlushGate({ send: () => false });
    await expect(gate.request()).resolves.toBe('no-ui');
  });

  it('shares one request between callers and starts afresh afterwards', async () => {
    const send = vi.fn(() => true);
    const gate = createFlushGate({ send });
    const first = gate.request();
    const second = gate.request();
    expect(send).toHaveBeenCalledTimes(1);
    gate.flushed();
    await expect(Promise.all([first, second])).resolves.toEqual(['flushed', 'flushed']);
    const third = gate.request();
    expect(send).toHaveBeenCalledTimes(2);
    gate.flushed();
    await expect(third).resolves.toBe('flushed');
  });

  it('ignores an answer nobody asked for', async () => {
    const gate = createFlushGate({ send: () => true });
    gate.flushed();
    const outcome = gate.request();
    await vi.advanceTimersByTimeAsync(FLUSH_TIMEOUT_MS);
    await expect(outcome).resolves.toBe('timeout');
  });
  it('answers "unsaved" with the problem when the page says its last edits are not on disk', async () => {
    const gate = createFlushGate({ send: () => true, timeoutMs: 1000 });
    const outcome = gate.request();
    gate.flushed({ saved: false, problem: 'The disk is full.' });
    await expect(outcome).resolves.toBe('unsaved');
    expect(gate.problem()).toBe('The disk is full.');
    const next = gate.request();
    gate.flushed({ saved: true });
    await expect(next).resolves.toBe('flushed');
    expect(gate.problem()).toBeUndefined();
  });
});
