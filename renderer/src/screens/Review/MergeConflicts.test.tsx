// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { lintWorkspace } from '../../../../core/lint';
import { mergeWorkspaces } from '../../../../core/merge';
import type { Workspace } from '../../../../core/schema';
import { WorkspaceBanner } from '../../components/WorkspaceBanner/WorkspaceBanner';
import { routeForPath } from '../../state/paths';
import { useRoute } from '../../state/route';
import { useEditor } from '../../state/store';
import { current, exampleWorkspace, installBridge, installDomStubs, loadWorkspace, renderScreen, setHash } from '../../testing/test-utils';
import { ReviewScreen } from './Review';
import { deleteEntity } from '../../../../core/ids';

function Routed() {
  const route = useRoute();
  return (
    <>
      <WorkspaceBanner />
      {route.screen === 'review' ? <ReviewScreen tab={route.tab} /> : <div data-testid="elsewhere">{window.location.hash}</div>}
    </>
  );
}

/** The sample merged with two conflicts: the email address's retention, and the DPO's e-mail (which theirs removed). */
function conflicted(): { base: Workspace; ours: Workspace; theirs: Workspace; merged: Workspace } {
  const base = exampleWorkspace();
  const ours = exampleWorkspace();
  const theirs = exampleWorkspace();
  ours.dataTypes[0].retention = { period: { value: 90, unit: 'days' }, after: 'account-closure' };
  theirs.dataTypes[0].retention = { period: { value: 60, unit: 'days' }, after: 'account-closure' };
  ours.organization.dpo = { ...ours.organization.dpo, email: 'dpo@ours.example' };
  delete theirs.organization.dpo!.email;
  const merged = mergeWorkspaces(base, ours, theirs).workspace;
  expect(merged.mergeConflicts?.map((c) => c.path)).toEqual(['/organization/dpo/email', '/dataTypes/email-address/retention']);
  return { base, ours, theirs, merged };
}

beforeAll(() => {
  installDomStubs();
  installBridge();
});

beforeEach(() => setHash('#/data-types'));

afterEach(() => cleanup());

function cards(): HTMLElement[] {
  return screen.queryAllByTestId('merge-conflict');
}

describe('Merge conflicts', () => {
  it('shows a banner on a conflicted file that leads to the list, where each conflict shows base, ours and theirs', async () => {
    const { merged } = conflicted();
    loadWorkspace(merged);
    renderScreen(<Routed />);
    const banner = screen.getByTestId('banner-merge-conflicts');
    expect(banner.textContent).toContain('This file has 2 merge conflicts from git.');
    fireEvent.click(within(banner).getByRole('button', { name: 'Choose values' }));
    await waitFor(() => expect(window.location.hash).toBe('#/review/conflicts'));
    expect(screen.getByRole('tab', { name: /Merge conflicts/ }).getAttribute('aria-selected')).toBe('true');

    const [email, retention] = cards();
    expect(within(email).getByRole('heading').textContent).toBe('Organization: DPO email');
    expect(within(email).getByTestId('conflict-base').textContent).toBe(exampleWorkspace().organization.dpo!.email);
    expect(within(email).getByTestId('conflict-ours').textContent).toBe('dpo@ours.example');
    expect(within(email).getByTestId('conflict-theirs').textContent).toBe('not set');
    expect(within(retention).getByRole('heading').textContent).toBe('Email address: retention');
    expect(within(retention).getByTestId('conflict-base').textContent).toBe('30 days after account closure');
    expect(within(retention).getByTestId('conflict-ours').textContent).toBe('90 days after account closure');
    expect(within(retention).getByTestId('conflict-theirs').textContent).toBe('60 days after account closure');
    for (const card of [email, retention]) {
      expect(
        within(card)
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['Use base', 'Keep ours', 'Use theirs']);
    }
  });

  it('makes each choice an edit that undo takes back, and the banner goes once none are left', async () => {
    const { merged, theirs } = conflicted();
    loadWorkspace(merged);
    setHash('#/review/conflicts');
    renderScreen(<Routed />);

    fireEvent.click(within(cards()[1]).getByRole('button', { name: 'Use theirs' }));
    await waitFor(() => expect(cards()).toHaveLength(1));
    expect(current().dataTypes[0].retention).toEqual(theirs.dataTypes[0].retention);
    expect(current().mergeConflicts?.map((c) => c.path)).toEqual(['/organization/dpo/email']);
    expect(useEditor.getState().saveStatus).not.toBe('saved');
    expect(screen.getByTestId('banner-merge-conflicts').textContent).toContain('This file has 1 merge conflict from git.');
    // The focus moved to the next conflict's first button, so the keyboard carries on.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Use base'));
    expect(cards()[0].contains(document.activeElement)).toBe(true);

    act(() => useEditor.getState().undo());
    expect(cards()).toHaveLength(2);
    expect(current().dataTypes[0].retention).toEqual(merged.dataTypes[0].retention);
    act(() => useEditor.getState().redo());
    expect(cards()).toHaveLength(1);

    fireEvent.click(within(cards()[0]).getByRole('button', { name: 'Use theirs' }));
    await waitFor(() => expect(screen.getByTestId('merge-conflicts-none')).toBeTruthy());
    expect(current().organization.dpo).not.toHaveProperty('email');
    expect(current()).not.toHaveProperty('mergeConflicts');
    expect(screen.queryByTestId('banner-merge-conflicts')).toBeNull();
    expect(screen.getByTestId('merge-conflicts-none').textContent).toContain('No merge conflicts left');
  });

  it('lists each conflict as an error finding that opens the list', async () => {
    const { merged } = conflicted();
    loadWorkspace(merged);
    const finding = lintWorkspace(merged).find((f) => f.rule === 'merge-conflict')!;
    expect(routeForPath(merged, finding.path)).toEqual({ screen: 'review', tab: 'conflicts' });
    setHash('#/review');
    renderScreen(<Routed />);
    const rows = (await screen.findAllByTestId('finding')).filter((el) => el.dataset.rule === 'merge-conflict');
    expect(rows).toHaveLength(2);
    expect(rows[0].getAttribute('href')).toBe('#/review/conflicts');
    expect(rows[0].textContent).toContain('Merge conflict › Organization: DPO email');
    fireEvent.click(rows[0]);
    await waitFor(() => expect(cards()).toHaveLength(2));
  });

  it('sums up a side that is a whole workspace, and choosing it replaces the workspace', async () => {
    const ours = exampleWorkspace();
    const theirs = exampleWorkspace();
    theirs.dataTypes = theirs.dataTypes.slice(0, 3);
    for (const d of theirs.dataTypes) d.owner = 'Theirs';
    loadWorkspace({
      ...ours,
      mergeConflicts: [{ path: '', where: 'The two sides could not be combined into a valid workspace; this is ours', ours, theirs }],
    });
    setHash('#/review/conflicts');
    renderScreen(<Routed />);
    const [card] = cards();
    expect(within(card).getByTestId('conflict-theirs').textContent).toBe(
      `The whole workspace as this side has it: 3 data types, ${theirs.purposes.length} purposes, ${theirs.recipients.length} recipients, ${theirs.collectionPoints.length} collection points`,
    );
    fireEvent.click(within(card).getByRole('button', { name: 'Use theirs' }));
    await waitFor(() => expect(screen.getByTestId('merge-conflicts-none')).toBeTruthy());
    expect(current()).toEqual(theirs);
  });

  it('shows why a choice is refused and leaves the file as it was', async () => {
    const base = exampleWorkspace();
    const ours = exampleWorkspace();
    const theirs = exampleWorkspace();
    const purpose = base.purposes.find((p) => !base.dataTypes[0].purposes.includes(p.id))!;
    deleteEntity(ours, 'purposes', purpose.id);
    theirs.dataTypes[0].purposes = [...theirs.dataTypes[0].purposes, purpose.id];
    const merged = loadWorkspace(mergeWorkspaces(base, ours, theirs).workspace);
    setHash('#/review/conflicts');
    renderScreen(<Routed />);
    const card = cards().find((c) => within(c).getByRole('heading').textContent!.includes(purpose.name))!;
    // A whole entry is shown by its fields.
    expect(within(card).getByTestId('conflict-ours').textContent).toBe('removed');
    expect(within(card).getByTestId('conflict-theirs').textContent).toContain(purpose.name);
    fireEvent.click(within(card).getByRole('button', { name: 'Keep ours' }));
    expect(within(card).getByRole('alert').textContent).toMatch(/^Cannot use ours for .*would not be valid/);
    expect(current()).toBe(merged);
  });
});
