import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { HANDLER_NAMES } from '../../core/api';
import { IPC } from './channels';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed: new Map<string, Record<string, unknown>>(),
    listeners,
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' }) as unknown),
      send: vi.fn(),
      on: vi.fn((channel: string, fn: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(fn);
      }),
      removeListener: vi.fn((channel: string, fn: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(fn);
      }),
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => electron.exposed.set(key, api),
  },
  ipcRenderer: electron.ipcRenderer,
}));

interface Bridge {
  invoke(name: unknown, arg: unknown): Promise<unknown>;
  on(listener: (event: unknown) => void): () => void;
  flushed(report?: { saved: boolean; problem?: string }): void;
  choosePath(options: unknown): Promise<unknown>;
}
let bridge: Bridge;

beforeAll(async () => {
  await import('./index');
  bridge = electron.exposed.get('candor') as unknown as Bridge;
});

beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear();
  electron.ipcRenderer.send.mockClear();
});

describe('window.candor', () => {
  it('is the only thing exposed, with exactly four functions and no ipcRenderer', () => {
    expect([...electron.exposed.keys()]).toEqual(['candor']);
    expect(Object.keys(bridge).sort()).toEqual(['choosePath', 'flushed', 'invoke', 'on']);
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
    expect(Object.values(bridge)).not.toContain(electron.ipcRenderer);
  });

  it('sends known handler calls on the one invoke channel', async () => {
    for (const name of HANDLER_NAMES) {
      await expect(bridge.invoke(name, { a: 1 })).resolves.toEqual({ ok: true, value: 'answer' });
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC.invoke, name, { a: 1 });
    }
  });

  it('refuses unknown names before sending anything', async () => {
    for (const name of ['shell-exec', '', 'constructor', '__proto__', 42, null, undefined, { toString: () => 'app-info' }]) {
      await expect(bridge.invoke(name, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-handler' } });
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('passes events to a listener without the IPC event object, until unsubscribed', () => {
    const received: unknown[] = [];
    const stop = bridge.on((event) => received.push(event));
    const deliver = (payload: unknown) => electron.listeners.get(IPC.event)?.forEach((fn) => fn({ sender: 'ipc' }, payload));
    deliver({ type: 'flush-request' });
    stop();
    deliver({ type: 'menu', command: 'undo' });
    expect(received).toEqual([{ type: 'flush-request' }]);
    expect(electron.listeners.get(IPC.event)?.size).toBe(0);
    expect(() => bridge.on('not a function' as never)).toThrow(TypeError);
  });

  it('answers flush requests on the flushed channel, with only the known fields of the report', () => {
    bridge.flushed();
    expect(electron.ipcRenderer.send).toHaveBeenLastCalledWith(IPC.flushed, undefined);
    bridge.flushed({ saved: false, problem: 'The disk is full.', evil: true } as never);
    expect(electron.ipcRenderer.send).toHaveBeenLastCalledWith(IPC.flushed, { saved: false, problem: 'The disk is full.' });
  });

  it('asks for a path with only the two known fields', async () => {
    await bridge.choosePath({ kind: 'save', defaultPath: '/x/a.candor.json', evil: true });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC.choosePath, { kind: 'save', defaultPath: '/x/a.candor.json' });
    await bridge.choosePath({ kind: 'open' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC.choosePath, { kind: 'open' });
  });
});
