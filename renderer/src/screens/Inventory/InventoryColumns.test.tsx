// @vitest-environment jsdom
// The inventory's columns: fitted to the window, resized by dragging or the keyboard, remembered
// across visits, reset by a double-click; cut-off text shows in full on hover.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { resetInventoryColumns, useUi } from '../../state/ui';
import { installBridge, installDomStubs, loadWorkspace, renderScreen } from '../../testing/test-utils';
import { COLUMNS, Inventory, columnLayout } from './Inventory';

const STORAGE_KEY = 'candor-inventory-columns';

function template(): string {
  return screen.getByRole('table', { name: 'Data types' }).style.getPropertyValue('--inventory-columns');
}

function drag(handle: HTMLElement, from: number, to: number) {
  fireEvent.pointerDown(handle, { clientX: from, pointerId: 1 });
  fireEvent.pointerMove(handle, { clientX: (from + to) / 2, pointerId: 1 });
  fireEvent.pointerMove(handle, { clientX: to, pointerId: 1 });
  fireEvent.pointerUp(handle, { clientX: to, pointerId: 1 });
}

describe('Inventory columns', () => {
  beforeAll(() => {
    installDomStubs();
    installBridge();
    // jsdom lays nothing out: every header cell measures 200 pixels wide.
    Element.prototype.getBoundingClientRect = function () {
      return { x: 0, y: 0, top: 0, left: 0, bottom: 40, right: 200, width: 200, height: 40, toJSON: () => ({}) } as DOMRect;
    };
    // ...and the scrolling table body has the size of a typical window, so rows are rendered.
    for (const [key, size] of [
      ['clientHeight', 720],
      ['clientWidth', 1200],
    ] as const) {
      const original = Object.getOwnPropertyDescriptor(Element.prototype, key)!;
      Object.defineProperty(HTMLElement.prototype, key, {
        configurable: true,
        get(this: HTMLElement) {
          return this.dataset.testid === 'inventory-rows' ? size : original.get!.call(this);
        },
      });
    }
  });
  beforeEach(() => resetInventoryColumns());
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('fits every column to the window until one is resized, and scrolls sideways rather than cutting any off', () => {
    const fitted = columnLayout({});
    expect(fitted.template).toBe(
      'minmax(140px, 1.4fr) minmax(110px, 1fr) minmax(130px, 1.4fr) minmax(110px, 1.1fr) minmax(110px, 1.1fr) minmax(120px, 0.6fr) 48px',
    );
    expect(fitted.minWidth).toBe(COLUMNS.reduce((sum, c) => sum + c.min, 48));
    const resized = columnLayout({ name: 320 });
    expect(resized.template.startsWith('320px minmax(110px, 1fr)')).toBe(true);
    expect(resized.minWidth).toBe(fitted.minWidth - 140 + 320);
    // Sized by hand everywhere, the last column takes what is left so the rows still reach the edge.
    const all = columnLayout(Object.fromEntries(COLUMNS.map((c) => [c.key, 150])));
    expect(all.template.endsWith('minmax(48px, 1fr)')).toBe(true);
  });

  it('resizes a column by dragging its header edge and remembers the width', () => {
    loadWorkspace();
    renderScreen(<Inventory />);
    expect(template()).toBe(columnLayout({}).template);
    drag(screen.getByRole('separator', { name: 'Resize the Name column' }), 500, 620);
    expect(useUi.getState().inventoryColumns).toEqual({ name: 320 });
    expect(template().startsWith('320px ')).toBe(true);
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).toEqual({ name: 320 });

    // Shown again (a new visit), the table keeps the width.
    cleanup();
    renderScreen(<Inventory />);
    expect(template().startsWith('320px ')).toBe(true);
  });

  it('never makes a column narrower than its minimum, and a click without moving changes nothing', () => {
    loadWorkspace();
    renderScreen(<Inventory />);
    const handle = screen.getByRole('separator', { name: 'Resize the Category column' });
    drag(handle, 500, 500);
    expect(useUi.getState().inventoryColumns).toEqual({});
    drag(handle, 500, 100);
    expect(useUi.getState().inventoryColumns).toEqual({ category: 110 });
  });

  it('gives the column back to the window on a double-click', () => {
    loadWorkspace();
    renderScreen(<Inventory />);
    const handle = screen.getByRole('separator', { name: 'Resize the Purposes column' });
    drag(handle, 300, 400);
    expect(useUi.getState().inventoryColumns).toEqual({ purposes: 300 });
    fireEvent.doubleClick(handle);
    expect(useUi.getState().inventoryColumns).toEqual({});
    expect(template()).toBe(columnLayout({}).template);
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('resizes from the keyboard: arrows widen and narrow, Enter fits the window again', () => {
    loadWorkspace();
    renderScreen(<Inventory />);
    const handle = screen.getByRole('separator', { name: 'Resize the Retention column' });
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    expect(useUi.getState().inventoryColumns).toEqual({ retention: 216 });
    fireEvent.keyDown(handle, { key: 'ArrowLeft' });
    fireEvent.keyDown(handle, { key: 'ArrowLeft' });
    expect(useUi.getState().inventoryColumns).toEqual({ retention: 184 });
    expect(handle.getAttribute('aria-valuenow')).toBe('184');
    fireEvent.keyDown(handle, { key: 'Enter' });
    expect(useUi.getState().inventoryColumns).toEqual({});
  });

  it('ignores a stored width that is not a positive number', async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ name: 'wide', status: -4, recipients: 240 }));
    // The store reads localStorage once, when the module loads; load a fresh copy to read it again.
    vi.resetModules();
    const fresh = await import('../../state/ui');
    expect(fresh.useUi.getState().inventoryColumns).toEqual({ recipients: 240 });
  });

  it('shows the full text of a cut-off cell on hover, and no title when nothing is cut off', () => {
    loadWorkspace();
    renderScreen(<Inventory />);
    const row = within(screen.getByTestId('inventory-rows')).getAllByRole('row')[0];
    const retention = within(row).getByText('30 days after account closure');
    Object.defineProperty(retention, 'clientWidth', { configurable: true, value: 80 });
    Object.defineProperty(retention, 'scrollWidth', { configurable: true, value: 80 });
    fireEvent.mouseEnter(retention);
    expect(retention.getAttribute('title')).toBeNull();
    Object.defineProperty(retention, 'scrollWidth', { configurable: true, value: 240 });
    fireEvent.mouseEnter(retention);
    expect(retention.getAttribute('title')).toBe('30 days after account closure');
  });
});
