// The bridge of the local web mode (`candor serve`): the handler contract over same-origin HTTP.
// The page was opened with the token in its address, traded for an HttpOnly cookie, so requests
// carry it without this code ever seeing it.
import type { CandorBridge, CandorError, CandorEvent, HandlerName, Result } from '../../../core/api';

type EventSourceConstructor = new (url: string) => EventSource;

export interface WebBridgeOptions {
  /** the server's address up to its per-run path (`http://127.0.0.1:PORT/PREFIX`); the page's own folder by default */
  origin?: string;
  fetch?: typeof fetch;
  EventSource?: EventSourceConstructor;
  /** wait before the n-th attempt to reopen an event stream the server closed (n from 1) */
  reconnectDelay?: (attempt: number) => number;
}

const CLOSED = 2;

function defaultReconnectDelay(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** (attempt - 1));
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (record.ok === true) return 'value' in record;
  if (record.ok === false) {
    const error = record.error as Record<string, unknown> | null | undefined;
    return typeof error === 'object' && error !== null && typeof error.code === 'string' && typeof error.message === 'string';
  }
  return false;
}

function codeForStatus(status: number): CandorError['code'] {
  if (status === 401 || status === 403 || status === 421) return 'forbidden';
  if (status === 400 || status === 413 || status === 415) return 'invalid-argument';
  return 'io';
}

export function createWebBridge(options: WebBridgeOptions = {}): CandorBridge {
  // The server keeps everything under a per-run path (the page's own folder): the API is beside the page.
  const origin =
    options.origin ?? (globalThis.location ? `${globalThis.location.origin}${globalThis.location.pathname.replace(/\/[^/]*$/, '')}` : '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const EventSourceImpl = options.EventSource ?? globalThis.EventSource;
  const reconnectDelay = options.reconnectDelay ?? defaultReconnectDelay;
  const serverName = origin || 'this address';

  const lostContact = (): Result<never> => ({
    ok: false,
    error: {
      code: 'io',
      message: `Lost contact with the Candor server at ${serverName} — is \`candor serve\` still running?`,
    },
  });

  async function invoke(name: HandlerName, arg: unknown): Promise<Result<unknown>> {
    let response: Response;
    try {
      response = await doFetch(`${origin}/api/invoke/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(arg ?? {}),
        credentials: 'same-origin',
      });
    } catch {
      return lostContact();
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      return lostContact();
    }
    if (!response.ok) {
      const detail = text.trim() || response.statusText || 'no explanation';
      const advice = response.status === 401 ? ' If `candor serve` was restarted, open the new address it printed.' : '';
      return {
        ok: false,
        error: {
          code: codeForStatus(response.status),
          message: `The Candor server at ${serverName} refused "${name}" (HTTP ${response.status}): ${detail}${advice}`,
        },
      };
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (!isResult(value)) {
      return {
        ok: false,
        error: {
          code: 'io',
          message: `The Candor server at ${serverName} sent an answer to "${name}" that is not a Candor result; reload the page, and restart \`candor serve\` if it happens again.`,
        },
      };
    }
    return value;
  }

  const listeners = new Set<(event: CandorEvent) => void>();
  let source: EventSource | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  function deliver(data: string): void {
    let event: CandorEvent;
    try {
      event = JSON.parse(data) as CandorEvent;
    } catch {
      return;
    }
    if (typeof event !== 'object' || event === null || typeof event.type !== 'string') return;
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One failing listener must not starve the others; the error still reaches the console.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  function connect(): void {
    retryTimer = undefined;
    if (listeners.size === 0 || !EventSourceImpl) return;
    const stream = new EventSourceImpl(`${origin}/api/events`);
    source = stream;
    stream.onopen = () => {
      failures = 0;
    };
    stream.onmessage = (message) => deliver(String(message.data));
    stream.onerror = () => {
      // A dropped connection is retried by the browser itself; a refused one (the server answered
      // with an error, or was replaced) closes the stream for good, so reopen it after a pause.
      if (stream.readyState !== CLOSED || source !== stream) return;
      stream.close();
      source = undefined;
      failures += 1;
      retryTimer = setTimeout(connect, reconnectDelay(failures));
    };
  }

  function disconnect(): void {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
    source?.close();
    source = undefined;
    failures = 0;
  }

  return {
    invoke: invoke as CandorBridge['invoke'],
    on(listener) {
      listeners.add(listener);
      if (!source && retryTimer === undefined) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) disconnect();
      };
    },
    flushed() {
      // Nothing waits for this in the web mode; a failure here has no one to tell.
      doFetch(`${origin}/api/flushed`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
        credentials: 'same-origin',
      }).catch(() => undefined);
    },
  };
}
