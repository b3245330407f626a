// The window comes back where the user left it: size, position and maximised state are kept in
// <dataDir>/window-state.json. A position is reused only while it is on a connected display, so a
// window last seen on an unplugged monitor does not open out of reach.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../services/atomic-write';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface Placement {
  width: number;
  height: number;
  /** absent: let the OS centre the window */
  x?: number;
  y?: number;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 720, height: 500 } as const;
/** how much of the title bar must be on a display for the user to grab it */
const GRAB_WIDTH = 100;
const GRAB_HEIGHT = 30;

const finite = z.number().finite();
const WindowStateSchema = z.object({
  bounds: z.object({ x: finite, y: finite, width: finite.positive(), height: finite.positive() }),
  maximized: z.boolean(),
});

export function parseWindowState(text: string): WindowState | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = WindowStateSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** The saved state, or undefined when there is none or it is unreadable (then defaults apply). */
export async function loadWindowState(file: string): Promise<WindowState | undefined> {
  try {
    return parseWindowState(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`);
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** Whether enough of the window's title bar lies on one of the displays' work areas. */
export function isReachable(bounds: Rect, workAreas: readonly Rect[]): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: GRAB_HEIGHT };
  const needed = Math.min(GRAB_WIDTH, bounds.width);
  return workAreas.some((area) => {
    const o = overlap(titleBar, area);
    return o.width >= needed && o.height >= GRAB_HEIGHT;
  });
}

/** Where to open the window, given what was saved and the displays connected now. */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rect[]): Placement {
  const largest = workAreas.reduce<{ width: number; height: number } | undefined>(
    (max, area) => ({
      width: Math.max(max?.width ?? 0, area.width),
      height: Math.max(max?.height ?? 0, area.height),
    }),
    undefined,
  );
  const fit = (size: number, limit: number | undefined, min: number) =>
    Math.max(min, Math.round(limit === undefined ? size : Math.min(size, limit)));
  if (!saved) {
    return {
      width: fit(DEFAULT_SIZE.width, largest?.width, MIN_SIZE.width),
      height: fit(DEFAULT_SIZE.height, largest?.height, MIN_SIZE.height),
      maximized: false,
    };
  }
  const size = {
    width: fit(saved.bounds.width, largest?.width, MIN_SIZE.width),
    height: fit(saved.bounds.height, largest?.height, MIN_SIZE.height),
  };
  const bounds = { x: Math.round(saved.bounds.x), y: Math.round(saved.bounds.y), ...size };
  return isReachable(bounds, workAreas) ? { ...bounds, maximized: saved.maximized } : { ...size, maximized: saved.maximized };
}

/** The part of a BrowserWindow the tracker uses (a fake stands in for it in tests). */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  isDestroyed(): boolean;
  isMaximized(): boolean;
  /** the bounds the window returns to when un-maximised */
  getNormalBounds(): Rect;
}

export interface WindowStateTracker {
  /** writes the current state now (on close and at quit); resolves when it is on disk */
  flush(): Promise<void>;
}

/**
 * Saves the window's state after it stops moving or resizing (`delayMs`), and at once on close.
 * A failed write is reported through `onError` and never stops the window from closing.
 */
export function trackWindowState(
  win: TrackedWindow,
  file: string,
  options: { delayMs?: number; write?: typeof saveWindowState; onError?: (error: unknown) => void } = {},
): WindowStateTracker {
  const delayMs = options.delayMs ?? 500;
  const write = options.write ?? saveWindowState;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: WindowState | undefined;
  let writing: Promise<void> = Promise.resolve();

  const capture = () => {
    if (!win.isDestroyed()) last = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
  };
  const persist = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    capture();
    const state = last;
    if (!state) return writing;
    // Writes run one after another so an older state never lands after a newer one.
    writing = writing.then(() => write(file, state)).catch((error: unknown) => options.onError?.(error));
    return writing;
  };
  const schedule = () => {
    capture();
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void persist(), delayMs);
  };

  win.on('resize', schedule);
  win.on('move', schedule);
  win.on('maximize', () => void persist());
  win.on('unmaximize', () => void persist());
  win.on('close', () => void persist());
  return { flush: persist };
}
