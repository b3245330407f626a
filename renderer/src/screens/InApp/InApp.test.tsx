// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { generateInAppText } from '../../../../core/documents/in-app';
import { readWorkspaceText } from '../../../../core/read';
import type { Workspace } from '../../../../core/schema';
import { useEditor } from '../../state/store';
import { useRoute } from '../../state/route';
import { current, installBridge, installDomStubs, loadWorkspace, renderScreen, setHash } from '../../testing/test-utils';
import { InAppScreen } from './InApp';

const RIDGELINE = resolve(process.cwd(), 'resources/examples/ridgeline.candor.json');

function ridgeline(): Workspace {
  const result = readWorkspaceText(readFileSync(RIDGELINE, 'utf8'));
  if (result.kind !== 'ok') throw new Error(`${RIDGELINE} did not read as a valid workspace: ${result.kind}`);
  return result.workspace;
}

function Routed() {
  const route = useRoute();
  if (route.screen !== 'in-app') return <div data-testid="elsewhere">{window.location.hash}</div>;
  return <InAppScreen point={route.point} />;
}

function snippets(): HTMLElement[] {
  return screen.getAllByTestId('snippet');
}

/** The snippets whose text is exactly `text` (the text is its own paragraph inside the snippet). */
function snippetsWithText(text: string): HTMLElement[] {
  return snippets().filter((s) => within(s).queryAllByText(text, { exact: true }).length > 0);
}

function points(): HTMLElement[] {
  return screen.queryAllByTestId('in-app-point');
}

function pointTitles(): string[] {
  return points().map((p) => within(p).getByRole('heading', { level: 4 }).textContent ?? '');
}

const writeText = vi.fn(async (_text: string) => {});

beforeAll(() => {
  installDomStubs();
  installBridge();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

beforeEach(() => {
  writeText.mockClear();
  setHash('#/in-app');
  loadWorkspace(ridgeline());
});

afterEach(() => {
  cleanup();
  act(() => notifications.clean());
});

describe('InAppScreen', () => {
  it('shows the short and long text of every data type where it is collected, each with its count against its budget and its grade', () => {
    const ws = current();
    const text = generateInAppText(ws);
    renderScreen(<Routed />);
    for (const dataType of ws.dataTypes) {
      const where = ws.collectionPoints.filter((p) => dataType.collectedAt?.includes(p.id)).length || 1;
      for (const kind of ['short', 'long'] as const) {
        const snippet = text.dataTypes[dataType.id][kind];
        // A point's disclosure may say the same as a data type's long text; count the data type's own.
        const label = kind === 'short' ? 'Short' : 'Long';
        const shown = snippetsWithText(snippet.text).filter((s) => within(s).queryByText(label, { exact: true }));
        expect(shown.length, `${dataType.id} ${kind}`).toBe(where);
        for (const element of shown) {
          expect(within(element).getByTestId('snippet-count').textContent).toBe(`${snippet.length} / ${snippet.budget}`);
          expect(within(element).getByTestId('snippet-grade').textContent).toBe(`Grade ${snippet.grade.toFixed(1)}`);
        }
      }
    }
    // The sample's own budgets, not the defaults.
    expect(text.dataTypes['email-address'].short.budget).toBe(140);
    expect(text.dataTypes['email-address'].long.budget).toBe(480);
  });

  it('shows each collection point with its just-in-time disclosure, iOS usage description and Android rationale', () => {
    const ws = current();
    const text = generateInAppText(ws);
    renderScreen(<Routed />);
    expect(pointTitles()).toEqual(ws.collectionPoints.map((p) => p.name));
    const camera = points()[ws.collectionPoints.findIndex((p) => p.id === 'ios-report')];
    const entry = text.collectionPoints['ios-report'];
    expect(within(camera).getByText(entry.disclosure.text)).toBeTruthy();
    expect(within(camera).getByText(entry.ios!.text.text)).toBeTruthy();
    expect(within(camera).getByText(/NSCameraUsageDescription/)).toBeTruthy();
    expect(within(camera).getByText('Permission: camera')).toBeTruthy();
    const androidCamera = points()[ws.collectionPoints.findIndex((p) => p.id === 'android-report')];
    expect(within(androidCamera).getByText(text.collectionPoints['android-report'].android!.rationale.text)).toBeTruthy();
    expect(within(androidCamera).getByText(/Android rationale · .*CAMERA/)).toBeTruthy();
  });

  it('has a Copy button on every snippet that copies its text', async () => {
    const ws = current();
    const text = generateInAppText(ws);
    renderScreen(<Routed />);
    const all = snippets();
    expect(screen.getAllByRole('button', { name: 'Copy this text' })).toHaveLength(all.length);
    const short = text.dataTypes['email-address'].short.text;
    const target = snippetsWithText(short)[0];
    fireEvent.click(within(target).getByRole('button', { name: 'Copy this text' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(short));
    const disclosure = text.collectionPoints['ios-health'].disclosure.text;
    fireEvent.click(within(snippetsWithText(disclosure)[0]).getByRole('button', { name: 'Copy this text' }));
    await waitFor(() => expect(writeText).toHaveBeenLastCalledWith(disclosure));
  });

  it('narrows the list to one collection point with the filter, and back', async () => {
    const ws = current();
    renderScreen(<Routed />);
    const filter = screen.getByRole('combobox', { name: 'Collection point' }) as HTMLInputElement;
    const health = ws.collectionPoints.find((p) => p.id === 'ios-health')!;
    fireEvent.click(filter);
    fireEvent.click(await screen.findByRole('option', { name: health.name }));
    await waitFor(() => expect(window.location.hash).toBe('#/in-app/ios-health'));
    await waitFor(() => expect(pointTitles()).toEqual([health.name]));
    // Only what is collected there; the list of uncollected data types is not shown under a filter.
    const collected = ws.dataTypes.filter((d) => d.collectedAt?.includes('ios-health')).map((d) => d.name);
    expect(collected.length).toBeGreaterThan(0);
    for (const name of collected) expect(within(points()[0]).getByText(name)).toBeTruthy();
    expect(screen.queryByText('Email address')).toBeNull();
    expect(filter.value).toBe(health.name);

    setHash('#/in-app');
    await waitFor(() => expect(points()).toHaveLength(ws.collectionPoints.length));
  });

  it('shows only the collection points of the chosen platform, with only that platform’s permission text', async () => {
    const ws = current();
    renderScreen(<Routed />);
    fireEvent.click(screen.getByLabelText('Android'));
    const android = ws.collectionPoints.filter((p) => p.platform === 'android').map((p) => p.name);
    await waitFor(() => expect(pointTitles()).toEqual(android));
    expect(screen.queryByText(/NS[A-Za-z]+UsageDescription/)).toBeNull();
    expect(screen.getAllByText(/^Android rationale · /).length).toBeGreaterThan(0);

    fireEvent.click(screen.getByLabelText('iOS'));
    await waitFor(() => expect(pointTitles()).toEqual(ws.collectionPoints.filter((p) => p.platform === 'ios').map((p) => p.name)));
    expect(screen.queryByText(/^Android rationale · /)).toBeNull();
    expect(screen.getAllByText(/UsageDescription/).length).toBeGreaterThan(0);

    fireEvent.click(screen.getByLabelText('Web'));
    await waitFor(() => expect(pointTitles()).toEqual(ws.collectionPoints.filter((p) => p.platform === 'web').map((p) => p.name)));
  });

  it('edits an override inline: writes dataTypes[i].inApp.short and shows it as written by you', async () => {
    setHash('#/in-app/ios-sign-up');
    const ws = current();
    const index = ws.dataTypes.findIndex((d) => d.id === 'email-address');
    expect(ws.dataTypes[index].inApp).toBeUndefined();
    const generated = generateInAppText(ws).dataTypes['email-address'].short.text;
    renderScreen(<Routed />);
    const snippet = snippetsWithText(generated)[0];
    expect(within(snippet).queryByText('Written by you')).toBeNull();
    fireEvent.click(within(snippet).getByRole('button', { name: 'Edit this text' }));

    const box = screen.getByLabelText('Short text for Email address') as HTMLTextAreaElement;
    expect(box.value).toBe(generated);
    expect(box.getAttribute('data-path')).toBe(`dataTypes[${index}].inApp.short`);
    const mine = 'Sign in anywhere with your email, and get your receipts there.';
    fireEvent.change(box, { target: { value: mine } });
    expect(current().dataTypes[index].inApp).toEqual({ short: mine });
    expect(useEditor.getState().lastLabel).toBe('Edit short in-app text');
    expect(screen.getByText(`${mine.length} / 140 characters`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));

    const written = await waitFor(() => {
      const found = snippetsWithText(mine);
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(within(written).getByText('Written by you')).toBeTruthy();
    expect(within(written).getByTestId('snippet-count').textContent).toBe(`${mine.length} / 140`);
    // The long text is still Candor's.
    const long = snippets().find((s) => within(s).queryByText('Long'))!;
    expect(within(long).queryByText('Written by you')).toBeNull();
  });

  it('goes back to the generated text and removes the override from the file', async () => {
    setHash('#/in-app/ios-health');
    const ws = current();
    const index = ws.dataTypes.findIndex((d) => d.id === 'heart-rate');
    const own = ws.dataTypes[index].inApp!.short!;
    renderScreen(<Routed />);
    const snippet = snippetsWithText(own)[0];
    expect(within(snippet).getByText('Written by you')).toBeTruthy();
    fireEvent.click(within(snippet).getByRole('button', { name: 'Edit this text' }));
    fireEvent.click(screen.getByRole('button', { name: 'Use the generated text' }));
    expect(current().dataTypes[index].inApp).toEqual({ long: ws.dataTypes[index].inApp!.long });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    const generated = generateInAppText(current()).dataTypes['heart-rate'].short;
    expect(generated.source).toBe('generated');
    await waitFor(() => expect(snippetsWithText(generated.text)).toHaveLength(1));
    expect(within(snippetsWithText(generated.text)[0]).queryByText('Written by you')).toBeNull();
  });

  it('flags an override over its budget', async () => {
    setHash('#/in-app/ios-sign-up');
    renderScreen(<Routed />);
    const generated = generateInAppText(current()).dataTypes['email-address'].short.text;
    fireEvent.click(within(snippetsWithText(generated)[0]).getByRole('button', { name: 'Edit this text' }));
    const long = 'We use your email address to sign you in on every device you own. '.repeat(3).trim();
    fireEvent.change(screen.getByLabelText('Short text for Email address'), { target: { value: long } });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(snippetsWithText(long)).toHaveLength(1));
    const over = snippetsWithText(long)[0];
    expect(
      within(over).getByText(
        `${long.length - 140} characters over the budget: shorten it, or raise the budget under Organization & settings.`,
      ),
    ).toBeTruthy();
  });

  it('shows a generated text that does not fit whole, never cut, and asks for a hand-written one', async () => {
    const ws = ridgeline();
    ws.settings = { ...ws.settings, inAppLimits: { short: 30, long: 60 } };
    loadWorkspace(ws);
    setHash('#/in-app/ios-sign-up');
    renderScreen(<Routed />);
    const text = generateInAppText(current());
    const short = text.dataTypes['email-address'].short;
    expect(short).toMatchObject({ source: 'generated', overBudget: true });
    expect(short.text).not.toContain('…');
    const shown = snippetsWithText(short.text).filter((s) => within(s).queryByText('Short', { exact: true }))[0];
    expect(within(shown).getByTestId('snippet-over').textContent).toBe(
      `No complete text fits 30 characters, so this is the shortest whole one, ${short.length - 30} over. Write your own with the pencil, or raise the budget under Organization & settings.`,
    );
    // A disclosure has no hand-written version in the workspace: the team shortens it where they use it.
    const disclosure = snippetsWithText(text.collectionPoints['ios-sign-up'].disclosure.text)[0];
    expect(within(disclosure).getByTestId('snippet-over').textContent).toMatch(
      /Write a shorter one when you put it into the app, or raise/,
    );
  });

  it('offers no editing in a read-only workspace, but still copying', () => {
    useEditor.setState({ readOnly: { kind: 'locked', message: 'Ana has it open on another computer.' } });
    renderScreen(<Routed />);
    expect(screen.queryAllByRole('button', { name: 'Edit this text' })).toEqual([]);
    expect(screen.getAllByRole('button', { name: 'Copy this text' }).length).toBeGreaterThan(0);
  });
});
