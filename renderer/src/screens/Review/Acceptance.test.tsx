// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { lintWorkspace } from '../../../../core/lint';
import { readWorkspaceText } from '../../../../core/read';
import type { Workspace } from '../../../../core/schema';
import { useRoute } from '../../state/route';
import { useEditor } from '../../state/store';
import { installBridge, installDomStubs, loadWorkspace, renderScreen, setHash } from '../../testing/test-utils';
import { lastDecider, today } from './Acceptance';
import { ReviewScreen } from './Review';
import { ReviewBadges } from './ReviewBadges';

const RIDGELINE = resolve(process.cwd(), 'resources/examples/ridgeline.candor.json');

function ridgeline(): Workspace {
  const result = readWorkspaceText(readFileSync(RIDGELINE, 'utf8'));
  if (result.kind !== 'ok') throw new Error(`${RIDGELINE} did not read as a valid workspace: ${result.kind}`);
  return result.workspace;
}

function Both() {
  const route = useRoute();
  return (
    <>
      <ReviewBadges />
      <ReviewScreen tab={route.screen === 'review' ? route.tab : undefined} />
    </>
  );
}

beforeAll(() => {
  installDomStubs();
  installBridge();
});

beforeEach(() => setHash('#/review'));

afterEach(() => {
  cleanup();
  act(() => notifications.clean());
});

/** Accepts the finding of `rule` through the modal, with the reason and who given. */
async function accept(rule: string, reason: string, by?: string) {
  const row = (await screen.findAllByTestId('finding')).find((el) => el.dataset.rule === rule)!.closest('li')!;
  fireEvent.click(within(row).getByRole('button', { name: 'Accept…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Accept this finding' });
  fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: reason } });
  if (by !== undefined) fireEvent.change(within(dialog).getByLabelText('Who decided'), { target: { value: by } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Accept' }));
}

describe('Review: accepting findings', () => {
  it('offers Accept on warnings and infos but never on errors', async () => {
    const ws = ridgeline();
    delete ws.dataTypes[2].benefit;
    loadWorkspace(ws);
    renderScreen(<Both />);
    const errors = await screen.findByRole('region', { name: /^Errors/ });
    expect(within(errors).queryByRole('button', { name: 'Accept…' })).toBeNull();
    expect(within(screen.getByRole('region', { name: /^Warnings/ })).getAllByRole('button', { name: 'Accept…' })).toHaveLength(2);
    expect(within(screen.getByRole('region', { name: /^Info/ })).getAllByRole('button', { name: 'Accept…' })).toHaveLength(1);
  });

  it('asks for a reason, records the acceptance as one undoable edit, and stops counting the warning', async () => {
    const ws = loadWorkspace(ridgeline());
    const warnings = lintWorkspace(ws).filter((f) => f.severity === 'warning');
    renderScreen(<Both />);
    expect((await screen.findByTestId('review-warnings')).textContent).toBe(`${warnings.length}${warnings.length} warnings`);

    const row = (await screen.findAllByTestId('finding')).find((el) => el.dataset.rule === 'hard-to-read')!.closest('li')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Accept…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Accept this finding' });
    // The reason is required.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Accept' }));
    expect(await within(dialog).findByText('Say why, so the decision can be checked later')).toBeTruthy();
    expect(useEditor.getState().workspace!.review).toBeUndefined();
    fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: 'Trail jargon our riders know' } });
    fireEvent.change(within(dialog).getByLabelText('Who decided'), { target: { value: 'Ana (DPO)' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Accept' }));

    await waitFor(() =>
      expect(screen.getByTestId('review-warnings').textContent).toBe(`${warnings.length - 1}${warnings.length - 1} warning`),
    );
    const [record] = useEditor.getState().workspace!.review!.accepted!;
    expect(record).toMatchObject({
      rule: 'hard-to-read',
      path: 'dataTypes[3].benefit',
      reason: 'Trail jargon our riders know',
      by: 'Ana (DPO)',
      on: today(),
    });
    expect(useEditor.getState().lastLabel).toBe('Accept finding');
    expect(screen.getByTestId('review-count-warning').textContent).toBe(`${warnings.length - 1}warning`);
    expect(screen.getAllByTestId('finding').some((el) => el.dataset.rule === 'hard-to-read')).toBe(false);

    // The accepted group starts collapsed and shows why, who and when.
    const group = screen.getByTestId('accepted-group');
    expect(within(group).getByRole('heading').textContent).toBe('Accepted 1');
    fireEvent.click(within(group).getByRole('button', { expanded: false }));
    const accepted = await within(group).findByTestId('accepted-finding');
    expect(accepted.textContent).toContain('Trail jargon our riders know');
    expect(accepted.textContent).toContain('by Ana (DPO)');

    act(() => useEditor.getState().undo());
    await waitFor(() => expect(screen.getByTestId('review-warnings').textContent).toBe(`${warnings.length}${warnings.length} warnings`));
    expect(useEditor.getState().workspace!.review).toBeUndefined();
  });

  it('re-opens a finding when what it is about changes, and by "Re-open"', async () => {
    loadWorkspace(ridgeline());
    renderScreen(<Both />);
    await accept('hard-to-read', 'Considered');
    await waitFor(() => expect(screen.getByTestId('accepted-group')).toBeTruthy());

    act(() =>
      useEditor.getState().apply('Edit benefit', (draft) => {
        draft.dataTypes[3].benefit += ' Comprehensive synchronisation functionality.';
      }),
    );
    await waitFor(() => expect(screen.queryByTestId('accepted-group')).toBeNull());
    expect(screen.getAllByTestId('finding').some((el) => el.dataset.rule === 'hard-to-read')).toBe(true);

    await accept('hard-to-read', 'Considered again');
    const group = await screen.findByTestId('accepted-group');
    // Accepting again replaces the stale record rather than adding a second one.
    expect(useEditor.getState().workspace!.review!.accepted).toHaveLength(1);
    fireEvent.click(within(group).getByRole('button', { expanded: false }));
    fireEvent.click(await within(group).findByRole('button', { name: 'Re-open' }));
    await waitFor(() => expect(screen.queryByTestId('accepted-group')).toBeNull());
    expect(useEditor.getState().workspace!.review).toBeUndefined();
    expect(useEditor.getState().lastLabel).toBe('Re-open finding');
  });

  it('offers the last person who decided, and says nothing is open once everything is accepted', async () => {
    loadWorkspace(ridgeline());
    renderScreen(<Both />);
    await accept('hard-to-read', 'Considered', 'Ana');
    await waitFor(() => expect(lastDecider(useEditor.getState().workspace)).toBe('Ana'));
    const row = (await screen.findAllByTestId('finding')).find((el) => el.dataset.rule === 'consent-on-required-data')!.closest('li')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Accept…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Accept this finding' });
    expect((within(dialog).getByLabelText('Who decided') as HTMLInputElement).value).toBe('Ana');
    fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: 'Consent is what we want here' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Accept' }));
    await accept('apple-type-not-on-ios', 'The label covers the website too');
    expect(await screen.findByText('No open findings: nothing blocks your declarations')).toBeTruthy();
    expect(within(screen.getByTestId('accepted-group')).getByRole('heading').textContent).toBe('Accepted 3');
    expect(screen.getByTestId('review-badges').textContent).toBe('no errors or warnings');
  });
});

describe('Review: coverage items not applicable', () => {
  it('marks a missing item not applicable with a reason, shows it so, and undoes it', async () => {
    const ws = ridgeline();
    delete ws.dataTypes[4].retention;
    loadWorkspace(ws);
    setHash('#/review/coverage');
    renderScreen(<Both />);
    const gdpr = await screen.findByTestId('coverage-gdpr');
    const retention = () =>
      within(gdpr)
        .getAllByTestId('requirement')
        .find((r) => r.textContent?.includes('Storage period, or the criteria'))!;
    expect(retention().dataset.status).toBe('missing');
    // With only what is missing shown, marking the last missing item must not leave an empty table behind a disabled switch.
    fireEvent.click(within(gdpr).getByLabelText('Only what is missing'));
    expect(within(gdpr).getAllByTestId('requirement')).toHaveLength(1);
    fireEvent.click(within(retention()).getByRole('button', { name: 'Not applicable…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark as not applicable' });
    fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: 'Nothing is kept: the data is discarded at once' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark not applicable' }));

    await waitFor(() => expect(retention().dataset.status).toBe('not-applicable'));
    expect(within(gdpr).getAllByTestId('requirement').length).toBeGreaterThan(10);
    expect((within(gdpr).getByLabelText('Only what is missing') as HTMLInputElement).checked).toBe(false);
    expect(retention().textContent).toContain('Nothing is kept: the data is discarded at once');
    expect(within(retention()).getByTestId('not-applicable-record').textContent).toContain('Marked not applicable');
    expect(useEditor.getState().workspace!.review!.notApplicable).toEqual([
      { section: 'gdpr', item: expect.any(String), reason: 'Nothing is kept: the data is discarded at once', on: today() },
    ]);
    // Only the matrix changes: the error behind it stays an error.
    expect(screen.getByTestId('review-errors')).toBeTruthy();

    fireEvent.click(within(retention()).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(retention().dataset.status).toBe('missing'));
    expect(useEditor.getState().workspace!.review).toBeUndefined();
  });
});
