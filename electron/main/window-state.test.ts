import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SIZE,
  isReachable,
  loadWindowState,
  MIN_SIZE,
  parseWindowState,
  placeWindow,
  saveWindowState,
  trackWindowState,
  type Rect,
  type WindowState,
} from './window-state';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const monitorOnRight: Rect = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('parseWindowState', () => {
  it('reads what saveWindowState writes', () => {
    const state: WindowState = { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true };
    expect(parseWindowState(JSON.stringify(state))).toEqual(state);
  });

  it('refuses damaged or foreign content', () => {
    expect(parseWindowState('')).toBeUndefined();
    expect(parseWindowState('{"bounds":')).toBeUndefined();
    expect(parseWindowState('null')).toBeUndefined();
    expect(parseWindowState('{"bounds":{"x":0,"y":0,"width":-5,"height":10},"maximized":false}')).toBeUndefined();
    expect(parseWindowState('{"bounds":{"x":0,"y":0,"width":"wide","height":10},"maximized":false}')).toBeUndefined();
  });
});

describe('placeWindow', () => {
  it('uses the default size, centred by the OS, when nothing was saved', () => {
    expect(placeWindow(undefined, [monitorOnRight])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('restores position, size and maximised state on a connected display', () => {
    const saved: WindowState = { bounds: { x: 1600, y: 100, width: 1200, height: 900 }, maximized: true };
    expect(placeWindow(saved, [laptop, monitorOnRight])).toEqual({ x: 1600, y: 100, width: 1200, height: 900, maximized: true });
  });

  it('drops the position when that display is gone, keeping a size that fits', () => {
    const saved: WindowState = { bounds: { x: 1600, y: 100, width: 2000, height: 1200 }, maximized: false };
    expect(placeWindow(saved, [laptop])).toEqual({ width: 1440, height: 875, maximized: false });
  });

  it('never makes the window smaller than its minimum', () => {
    const saved: WindowState = { bounds: { x: 0, y: 0, width: 100, height: 80 }, maximized: false };
    const placed = placeWindow(saved, [laptop]);
    expect(placed.width).toBe(MIN_SIZE.width);
    expect(placed.height).toBe(MIN_SIZE.height);
  });
});

describe('isReachable', () => {
  it('needs part of the title bar on a display', () => {
    expect(isReachable({ x: 100, y: 100, width: 800, height: 600 }, [laptop])).toBe(true);
    // Hanging off the right edge with only 40 px of title bar visible.
    expect(isReachable({ x: 1400, y: 100, width: 800, height: 600 }, [laptop])).toBe(false);
    // Title bar above the top of the screen.
    expect(isReachable({ x: 100, y: -200, width: 800, height: 600 }, [laptop])).toBe(false);
    expect(isReachable({ x: 100, y: 100, width: 800, height: 600 }, [])).toBe(false);
  });
});

describe('loadWindowState / saveWindowState', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'candor-window-state-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips through the file', async () => {
    const file = join(dir, 'window-state.json');
    const state: WindowState = { bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: false };
    await saveWindowState(file, state);
    expect(await loadWindowState(file)).toEqual(state);
    expect(await readFile(file, 'utf8')).toMatch(/\n$/);
  });

  it('gives undefined for a missing or damaged file', async () => {
    expect(await loadWindowState(join(dir, 'none.json'))).toBeUndefined();
    await writeFile(join(dir, 'bad.json'), '{"bounds":');
    expect(await loadWindowState(join(dir, 'bad.json'))).toBeUndefined();
  });
});

class FakeWindow extends EventEmitter {
  bounds: Rect = { x: 0, y: 0, width: 800, height: 600 };
  maximized = false;
  destroyed = false;
  isDestroyed() {
    return this.destroyed;
  }
  isMaximized() {
    return this.maximized;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
}

describe('trackWindowState', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes once after moving and resizing stop', async () => {
    const win = new FakeWindow();
    const write = vi.fn(async () => undefined);
    trackWindowState(win, '/data/window-state.json', { delayMs: 500, write });
    win.bounds = { x: 10, y: 10, width: 900, height: 600 };
    win.emit('move');
    await vi.advanceTimersByTimeAsync(200);
    win.bounds = { x: 10, y: 10, width: 1000, height: 700 };
    win.emit('resize');
    await vi.advanceTimersByTimeAsync(499);
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith('/data/window-state.json', {
      bounds: { x: 10, y: 10, width: 1000, height: 700 },
      maximized: false,
    });
  });

  it('writes at once on maximise and on close, with the un-maximised bounds', async () => {
    const win = new FakeWindow();
    const write = vi.fn(async () => undefined);
    const tracker = trackWindowState(win, '/f', { write });
    win.maximized = true;
    win.emit('maximize');
    await vi.advanceTimersByTimeAsync(0);
    expect(write).toHaveBeenLastCalledWith('/f', { bounds: win.bounds, maximized: true });
    win.emit('close');
    await tracker.flush();
    expect(write).toHaveBeenCalledTimes(3);
  });

  it('reports a failed write and keeps going', async () => {
    const win = new FakeWindow();
    const onError = vi.fn();
    const write = vi.fn().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue(undefined);
    const tracker = trackWindowState(win, '/f', { write, onError });
    await tracker.flush();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'disk full' }));
    await tracker.flush();
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('keeps the last known state once the window is destroyed', async () => {
    const win = new FakeWindow();
    const write = vi.fn(async () => undefined);
    const tracker = trackWindowState(win, '/f', { write });
    win.emit('resize');
    win.destroyed = true;
    win.bounds = { x: 999, y: 999, width: 1, height: 1 };
    await tracker.flush();
    expect(write).toHaveBeenLastCalledWith('/f', { bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: false });
  });
});
