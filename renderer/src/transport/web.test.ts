import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CandorEvent, Result, SessionState } from '../../../core/api';
import { createWebBridge } from './web';

const ORIGIN = 'http://127.0.0.1:4321';

/** Stands in for the browser's EventSource: records instances and lets the test drive them. */
class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readyState = 0;
  closed = false;
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  emit(data: string) {
    this.onmessage?.({ data });
  }
  /** the browser's view of a failure: CONNECTING means it retries itself, CLOSED means it gave up */
  fail(readyState: 0 | 2) {
    this.readyState = readyState;
    this.onerror?.();
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
}

function jsonResponse(value: unknown, status = 200): Response {
  return new Response(typeof value === 'string' ? value : JSON.stringify(value), {
    status,
    headers: { 'Content-Type': status === 200 ? 'application/json' : 'text/plain' },
  });
}

function bridgeWith(fetchImpl: typeof fetch, reconnectDelay = (n: number) => n * 1000) {
  return createWebBridge({
    origin: ORIGIN,
    fetch: fetchImpl,
    EventSource: FakeEventSource as unknown as new (url: string) => EventSource,
    reconnectDelay,
  });
}

beforeEach(() => {
  FakeEventSource.instances = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('invoke', () => {
  it('posts the argument as JSON to /api/invoke/<name> and returns the Result', async () => {
    const state: SessionState = { status: 'none' };
    const fetchMock = vi.fn(async () => jsonResponse({ ok: true, value: state } satisfies Result<SessionState>));
    const bridge = bridgeWith(fetchMock as unknown as typeof fetch);
    const result = await bridge.invoke('workspace-open', { path: '/tmp/a.candor.json' });
    expect(result).toEqual({ ok: true, value: state });
    expect(fetchMock).toHaveBeenCalledWith(`${ORIGIN}/api/invoke/workspace-open`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/tmp/a.candor.json' }),
      credentials: 'same-origin',
    });
  });

  it('passes handler errors through unchanged', async () => {
    const error = { code: 'not-found', message: 'The workspace file /x does not exist', file: '/x' } as const;
    const bridge = bridgeWith((async () => jsonResponse({ ok: false, error })) as unknown as typeof fetch);
    expect(await bridge.invoke('workspace-open', { path: '/x' })).toEqual({ ok: false, error });
  });

  it('turns a network failure into an io error that names the server', async () => {
    const bridge = bridgeWith((async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch);
    expect(await bridge.invoke('workspace-get', {})).toEqual({
      ok: false,
      error: {
        code: 'io',
        message: `Lost contact with the Candor server at ${ORIGIN} — is \`candor serve\` still running?`,
      },
    });
  });

  it('reports a refused token as forbidden, with the server explanation and what to do', async () => {
    const bridge = bridgeWith((async () =>
      jsonResponse('Candor refused this request: it did not carry the access token.', 401)) as unknown as typeof fetch);
    const result = await bridge.invoke('workspace-get', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('forbidden');
    expect(result.error.message).toContain('refused "workspace-get" (HTTP 401): Candor refused this request');
    expect(result.error.message).toContain('open the new address it printed');
  });

  it('reports a body the server found too large as invalid-argument', async () => {
    const bridge = bridgeWith((async () => jsonResponse('The request body is larger than 50 MB.', 413)) as unknown as typeof fetch);
    const result = await bridge.invoke('workspace-get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('refuses an answer that is not a Result', async () => {
    for (const body of ['<html>proxy error</html>', '{"value": 3}', '{"ok": false, "error": "nope"}']) {
      const bridge = bridgeWith((async () => jsonResponse(body)) as unknown as typeof fetch);
      const result = await bridge.invoke('app-info', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    }
  });
});

describe('events', () => {
  const changed: CandorEvent = { type: 'workspace-changed-on-disk', path: '/tmp/a.candor.json' };

  it('opens one stream for all listeners, delivers events, and closes it when the last leaves', () => {
    const bridge = bridgeWith(vi.fn() as unknown as typeof fetch);
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = bridge.on(first);
    const offSecond = bridge.on(second);
    expect(FakeEventSource.instances.map((s) => s.url)).toEqual([`${ORIGIN}/api/events`]);
    const stream = FakeEventSource.instances[0];
    stream.open();
    stream.emit(JSON.stringify(changed));
    stream.emit('not json');
    stream.emit('"a string"');
    expect(first.mock.calls).toEqual([[changed]]);
    expect(second.mock.calls).toEqual([[changed]]);
    offFirst();
    expect(stream.closed).toBe(false);
    offSecond();
    expect(stream.closed).toBe(true);
  });

  it('leaves reconnection to the browser while it retries on its own', () => {
    vi.useFakeTimers();
    const bridge = bridgeWith(vi.fn() as unknown as typeof fetch);
    bridge.on(() => undefined);
    FakeEventSource.instances[0].fail(0);
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it('reopens a stream the server closed, backing off, and keeps delivering', () => {
    vi.useFakeTimers();
    const bridge = bridgeWith(vi.fn() as unknown as typeof fetch);
    const listener = vi.fn();
    bridge.on(listener);
    FakeEventSource.instances[0].fail(2);
    expect(FakeEventSource.instances[0].closed).toBe(true);
    vi.advanceTimersByTime(999);
    expect(FakeEventSource.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.instances).toHaveLength(2);
    FakeEventSource.instances[1].fail(2);
    vi.advanceTimersByTime(1999);
    expect(FakeEventSource.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.instances).toHaveLength(3);
    const third = FakeEventSource.instances[2];
    third.open();
    third.emit(JSON.stringify(changed));
    expect(listener.mock.calls).toEqual([[changed]]);
    // After a successful open the back-off starts again from the first delay.
    third.fail(2);
    vi.advanceTimersByTime(1000);
    expect(FakeEventSource.instances).toHaveLength(4);
  });

  it('does not reopen once every listener has left', () => {
    vi.useFakeTimers();
    const bridge = bridgeWith(vi.fn() as unknown as typeof fetch);
    const off = bridge.on(() => undefined);
    FakeEventSource.instances[0].fail(2);
    off();
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it('keeps delivering to the others when one listener throws', async () => {
    const bridge = bridgeWith(vi.fn() as unknown as typeof fetch);
    const thrown: unknown[] = [];
    const onError = (error: unknown) => thrown.push(error);
    process.on('uncaughtException', onError);
    try {
      const good = vi.fn();
      bridge.on(() => {
        throw new Error('listener broke');
      });
      bridge.on(good);
      FakeEventSource.instances[0].emit(JSON.stringify(changed));
      expect(good).toHaveBeenCalledWith(changed);
      // The error is rethrown on its own, after the delivery, so it reaches the console.
      await vi.waitFor(() => expect(thrown).toEqual([new Error('listener broke')]));
    } finally {
      process.off('uncaughtException', onError);
    }
  });
});

describe('flushed', () => {
  it('posts to /api/flushed and ignores a failure', () => {
    // A plain function rather than vi.fn: a mock attaches its own handler to the promise it returns,
    // which would hide a rejection the bridge left unhandled. Unhandled, it would fail the Vitest run.
    const calls: [string, RequestInit | undefined][] = [];
    const failingFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      calls.push([String(input), init]);
      throw new TypeError('Failed to fetch');
    };
    const bridge = bridgeWith(failingFetch as typeof fetch);
    expect(() => bridge.flushed()).not.toThrow();
    expect(calls).toEqual([[`${ORIGIN}/api/flushed`, expect.objectContaining({ method: 'POST' })]]);
  });
});
