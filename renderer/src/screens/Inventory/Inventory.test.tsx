// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Workspace } from '../../../../core/schema';
import { useEditor } from '../../state/store';
import { current, exampleWorkspace, installBridge, installDomStubs, loadWorkspace, renderScreen } from '../../testing/test-utils';
import { Inventory } from './Inventory';

function bigWorkspace(count: number): Workspace {
  const base = exampleWorkspace();
  const template = base.dataTypes[0];
  return {
    ...base,
    dataTypes: Array.from({ length: count }, (_, i) => ({ ...template, id: `type-${i}`, name: `Type ${String(i).padStart(4, '0')}` })),
  };
}

function rows() {
  return within(screen.getByTestId('inventory-rows')).getAllByRole('row');
}

describe('Inventory', () => {
  beforeAll(() => {
    installDomStubs();
    installBridge();
    // jsdom lays nothing out; give the scrolling table body the size of a typical window.
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
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('lists every data type by name with its purposes, retention and status', () => {
    loadWorkspace();
    renderScreen(<Inventory />);
    expect(screen.getByTestId('inventory-count').textContent).toBe(String(current().dataTypes.length));
    const first = rows()[0];
    expect(within(first).getByText('Email address')).toBeTruthy();
    expect(within(first).getByText('30 days after account closure')).toBeTruthy();
    expect(within(first).getByText('Approved')).toBeTruthy();
  });

  it('renders only the rows in view for 2,000 data types', () => {
    loadWorkspace(bigWorkspace(2000));
    renderScreen(<Inventory />);
    expect(screen.getByTestId('inventory-count').textContent).toBe('2000');
    const rendered = rows().length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
  });

  it('searches across names, purposes and recipients', async () => {
    loadWorkspace();
    renderScreen(<Inventory />);
    fireEvent.change(screen.getByLabelText('Search data types'), { target: { value: 'stripe' } });
    await screen.findByText(/^\d+ of \d+$/);
    const names = rows().map((r) => within(r).getAllByRole('cell')[0].textContent);
    expect(names).toEqual(['Payment card', 'Invoices']);
  });

  it('sorts by name when the column header is clicked, and back', () => {
    loadWorkspace();
    renderScreen(<Inventory />);
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Name' }));
    const sorted = rows().map((r) => within(r).getAllByRole('cell')[0].textContent ?? '');
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b)));
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Name' }));
    const reversed = rows().map((r) => within(r).getAllByRole('cell')[0].textContent ?? '');
    expect(reversed).toEqual([...sorted].reverse());
  });

  it('opens the editor with Enter and deletes with Delete, which Undo brings back', () => {
    loadWorkspace();
    renderScreen(<Inventory />);
    const body = screen.getByTestId('inventory-rows');
    fireEvent.keyDown(body, { key: 'ArrowDown' });
    fireEvent.keyDown(body, { key: 'Enter' });
    expect(window.location.hash).toBe('#/data-types/password');
    const before = current().dataTypes.length;
    fireEvent.keyDown(body, { key: 'Delete' });
    expect(current().dataTypes.map((d) => d.id)).not.toContain('password');
    expect(current().dataTypes).toHaveLength(before - 1);
    act(() => useEditor.getState().undo());
    expect(current().dataTypes[1].id).toBe('password');
  });

  it("opens a row's actions menu on the first click and duplicates from it, then the menu closes", async () => {
    loadWorkspace();
    renderScreen(<Inventory />);
    const name = current().dataTypes[0].name;
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: `Actions for ${name}` }));
    const menu = await screen.findByRole('menu');
    const before = current().dataTypes.length;
    fireEvent.click(within(menu).getByRole('menuitem', { name: /Duplicate/ }));
    expect(current().dataTypes).toHaveLength(before + 1);
    expect(current().dataTypes.filter((d) => d.name.startsWith(name))).toHaveLength(2);
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
  });

  it('shows every purpose on hover where a cell lists only the first two', () => {
    const base = exampleWorkspace();
    const purposes = base.purposes.slice(0, 3).map((p) => p.id);
    expect(purposes, 'the sample has three purposes to list').toHaveLength(3);
    loadWorkspace({ ...base, dataTypes: [{ ...base.dataTypes[0], purposes }] });
    renderScreen(<Inventory />);
    const names = base.purposes.slice(0, 3).map((p) => p.name);
    const cell = within(rows()[0]).getByText('+1').parentElement!;
    expect(cell.getAttribute('title')).toBe(names.join(', '));
  });

  it('invites the first data type when there are none', () => {
    loadWorkspace({ ...exampleWorkspace(), dataTypes: [] });
    renderScreen(<Inventory />);
    expect(screen.getByText('Catalogue the first kind of personal data you collect')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add a data type' })).toBeTruthy();
  });
});
