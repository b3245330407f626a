// @vitest-environment jsdom
// The editor's list of sections: every section in order, the one in view marked, a click (or Enter on
// the focused button) scrolls to the section and moves the focus into it.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installBridge, installDomStubs, loadWorkspace, renderScreen } from '../../testing/test-utils';
import { DataTypeEditor } from './DataTypeEditor';

const SECTIONS = [
  'What it is',
  'Why, and what the customer gets',
  'How long it is kept',
  'Who receives it and where it is collected',
  'Whether people must provide it',
  'Sensitivity and store labels',
  'In-app text',
  'Review',
];

async function nav() {
  // The list reads the sections from the page on the next animation frame; this machine can be slow.
  return screen.findByRole('navigation', { name: 'Parts of this data type' }, { timeout: 15_000 });
}

function current(list: HTMLElement): string | undefined {
  return (
    within(list)
      .getAllByRole('button')
      .find((b) => b.getAttribute('aria-current') === 'location')?.textContent ?? undefined
  );
}

function viewport(): HTMLElement {
  return screen.getByTestId('editor-scroll').querySelector<HTMLElement>('.mantine-ScrollArea-viewport')!;
}

describe('SectionNav', () => {
  beforeAll(() => {
    installDomStubs();
    installBridge();
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('lists every section of the form in order, as buttons, the first one current', async () => {
    loadWorkspace();
    renderScreen(<DataTypeEditor id="email-address" />);
    const list = await nav();
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(SECTIONS);
    // Each entry points at a section of the form with the same name.
    for (const title of SECTIONS) {
      const id = within(list).getByRole('button', { name: title }).getAttribute('aria-controls')!;
      expect(screen.getByRole('region', { name: title }).id).toBe(id);
    }
    expect(current(list)).toBe('What it is');
  });

  it('jumps to a section on click, moving the focus there and marking it current', async () => {
    loadWorkspace();
    renderScreen(<DataTypeEditor id="email-address" />);
    const list = await nav();
    const target = screen.getByRole('region', { name: 'Sensitivity and store labels' });
    const scrolled = vi.spyOn(target, 'scrollIntoView');
    fireEvent.click(within(list).getByRole('button', { name: 'Sensitivity and store labels' }));
    expect(scrolled).toHaveBeenCalledWith(expect.objectContaining({ block: 'start' }));
    expect(document.activeElement).toBe(target);
    expect(current(list)).toBe('Sensitivity and store labels');
  });

  it('marks the section scrolled into view as current', async () => {
    loadWorkspace();
    renderScreen(<DataTypeEditor id="email-address" />);
    const list = await nav();
    // Lay the sections out 600 pixels apart and scroll so the third one is at the top.
    const scrollTop = 1210;
    SECTIONS.forEach((title, i) => {
      const region = screen.getByRole('region', { name: title });
      vi.spyOn(region, 'getBoundingClientRect').mockReturnValue({ top: i * 600 - scrollTop, bottom: i * 600 - scrollTop + 580 } as DOMRect);
    });
    const scroller = viewport();
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: scrollTop });
    Object.defineProperty(scroller, 'clientHeight', { configurable: true, value: 700 });
    Object.defineProperty(scroller, 'scrollHeight', { configurable: true, value: SECTIONS.length * 600 });
    act(() => {
      scroller.dispatchEvent(new Event('scroll'));
    });
    await waitFor(() => expect(current(list)).toBe('How long it is kept'), { timeout: 15_000 });

    // At the very end of the page the last section is current, even though its top cannot reach the top.
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: SECTIONS.length * 600 - 700 });
    act(() => {
      scroller.dispatchEvent(new Event('scroll'));
    });
    await waitFor(() => expect(current(list)).toBe('Review'), { timeout: 15_000 });
  });
});
