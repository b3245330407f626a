// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { deleteEntity } from '../../../../core/ids';
import { lintRule, lintWorkspace } from '../../../../core/lint';
import { readWorkspaceText } from '../../../../core/read';
import type { Workspace } from '../../../../core/schema';
import { useEditor } from '../../state/store';
import { routeForPath } from '../../state/paths';
import { routeHash, useRoute } from '../../state/route';
import { installBridge, installDomStubs, loadWorkspace, renderScreen, setHash } from '../../testing/test-utils';
import { PAGE_SIZE } from './Findings';
import { ReviewScreen } from './Review';
import { ReviewBadges } from './ReviewBadges';

const RIDGELINE = resolve(process.cwd(), 'resources/examples/ridgeline.candor.json');

function ridgeline(): Workspace {
  const result = readWorkspaceText(readFileSync(RIDGELINE, 'utf8'));
  if (result.kind !== 'ok') throw new Error(`${RIDGELINE} did not read as a valid workspace: ${result.kind}`);
  return result.workspace;
}

/** Ridgeline with three defects: a data type without a benefit, one without a retention, a transfer without a safeguard. */
function withDefects(): Workspace {
  const ws = ridgeline();
  delete ws.dataTypes[2].benefit;
  delete ws.dataTypes[4].retention;
  ws.recipients[0].country = 'US';
  delete ws.recipients[0].transferSafeguard;
  return ws;
}

/** Ridgeline with nothing for any rule to find. */
function clean(): Workspace {
  const ws = ridgeline();
  // The sample's two warnings: a consent purpose on required data, and a benefit above grade 10.
  deleteEntity(ws, 'purposes', 'newsletter');
  ws.dataTypes[3].benefit = 'You can see where you went. You can share it with friends.';
  // And its one hint: support messages, which come only through the website, have an Apple data type.
  const support = ws.dataTypes.find((d) => d.id === 'support-messages')!;
  support.classification = { ...support.classification, apple: undefined };
  expect(lintWorkspace(ws), 'the clean variant has no findings').toEqual([]);
  return ws;
}

function Routed() {
  const route = useRoute();
  return (
    <>
      <ReviewBadges />
      {route.screen === 'review' ? <ReviewScreen tab={route.tab} /> : <div data-testid="elsewhere">{window.location.hash}</div>}
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

function section(name: RegExp): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('Review: findings', () => {
  it('groups the findings by severity, each with its rule title, message and where it is', async () => {
    const ws = loadWorkspace(withDefects());
    const findings = lintWorkspace(ws);
    const errors = findings.filter((f) => f.severity === 'error');
    const warnings = findings.filter((f) => f.severity === 'warning');
    expect(errors.map((f) => f.rule).sort()).toEqual(['missing-benefit', 'missing-retention', 'transfer-without-safeguard']);
    renderScreen(<Routed />);

    const errorGroup = await screen.findByRole('region', { name: /^Errors/ });
    const warningGroup = section(/^Warnings/);
    // The sample's one hint (support messages, web-only, with an Apple data type) comes last, as info.
    const infos = findings.filter((f) => f.severity === 'info');
    expect(infos.map((f) => f.rule)).toEqual(['apple-type-not-on-ios']);
    expect(within(section(/^Info/)).getAllByTestId('finding')).toHaveLength(1);
    // Errors come first.
    expect(errorGroup.compareDocumentPosition(warningGroup) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(errorGroup).getAllByTestId('finding')).toHaveLength(errors.length);
    expect(within(warningGroup).getAllByTestId('finding')).toHaveLength(warnings.length);

    const benefit = within(errorGroup)
      .getAllByTestId('finding')
      .find((el) => el.dataset.rule === 'missing-benefit')!;
    expect(benefit.textContent).toContain(lintRule('missing-benefit')!.title);
    expect(benefit.textContent).toContain(`"${ws.dataTypes[2].name}" has no benefit.`);
    expect(benefit.textContent).toContain(`${ws.dataTypes[2].name} › benefit`);
    expect(screen.getByTestId('review-count-error').textContent).toBe(`${errors.length}errors`);
  });

  it('opens the field a finding is about when it is clicked', async () => {
    const ws = loadWorkspace(withDefects());
    renderScreen(<Routed />);
    const finding = (await screen.findAllByTestId('finding')).find((el) => el.dataset.rule === 'missing-benefit')!;
    const expected = routeForPath(ws, 'dataTypes[2].benefit');
    expect(expected).toEqual({ screen: 'data-type', id: ws.dataTypes[2].id, field: 'dataTypes[2].benefit' });
    expect(finding.getAttribute('href')).toBe(routeHash(expected));
    fireEvent.click(finding);
    await waitFor(() => expect(window.location.hash).toBe(routeHash(expected)));
    expect(screen.getByTestId('elsewhere')).toBeTruthy();
  });

  it('moves between findings with the arrow keys', async () => {
    loadWorkspace(withDefects());
    renderScreen(<Routed />);
    const items = await screen.findAllByTestId('finding');
    items[0].focus();
    fireEvent.keyDown(items[0], { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(items[1], { key: 'ArrowUp' });
    expect(document.activeElement).toBe(items[0]);
  });

  it('narrows the list to one rule', async () => {
    loadWorkspace(withDefects());
    renderScreen(<Routed />);
    await screen.findAllByTestId('finding');
    fireEvent.click(screen.getByLabelText('Rule'));
    fireEvent.click(await screen.findByRole('option', { name: `${lintRule('missing-retention')!.title} (1)` }));
    await waitFor(() => expect(screen.getAllByTestId('finding').map((el) => el.dataset.rule)).toEqual(['missing-retention']));
    expect(screen.queryByRole('region', { name: /^Warnings/ })).toBeNull();
  });

  it('shows a page of findings at a time when there are thousands', async () => {
    const ws = ridgeline();
    const template = ws.dataTypes[2];
    const many = Array.from({ length: PAGE_SIZE + 30 }, (_, i) => {
      const copy = structuredClone(template);
      copy.id = `display-name-${i}`;
      copy.name = `Display name ${i}`;
      delete copy.benefit;
      return copy;
    });
    ws.dataTypes.push(...many);
    loadWorkspace(ws);
    renderScreen(<Routed />);
    const errors = await screen.findByRole('region', { name: /^Errors/ });
    // Each copy lacks its benefit; a screen crowded with that many data types may add errors of its own
    // (a collection point's disclosure no longer fits), so the total is the review's own count.
    const total = lintWorkspace(ws).filter((f) => f.severity === 'error').length;
    expect(total).toBeGreaterThanOrEqual(PAGE_SIZE + 30);
    expect(within(errors).getAllByTestId('finding')).toHaveLength(PAGE_SIZE);
    expect(within(errors).getByText(`Showing ${PAGE_SIZE} of ${total}`)).toBeTruthy();
    fireEvent.click(within(errors).getByRole('button', { name: `Show all ${total}` }));
    expect(within(errors).getAllByTestId('finding')).toHaveLength(total);
  });

  it('says so when nothing is found', async () => {
    loadWorkspace(clean());
    renderScreen(<Routed />);
    expect(await screen.findByText('No findings: nothing blocks your declarations')).toBeTruthy();
    expect(screen.queryAllByTestId('finding')).toEqual([]);
    expect(screen.getByTestId('review-badges').textContent).toBe('no errors or warnings');
  });

  it('reviews the last saved version while the workspace has validation problems, and says so', async () => {
    const ws = loadWorkspace(withDefects());
    renderScreen(<Routed />);
    await screen.findAllByTestId('finding');
    act(() =>
      useEditor.getState().apply('Clear name, break a reference', (draft) => {
        draft.dataTypes[0].name = '';
        draft.dataTypes[0].purposes = ['no-such-purpose'];
      }),
    );
    const notice = await screen.findByTestId('review-stale');
    expect(notice.textContent).toContain('Your latest changes have a problem that stops them from being saved');
    expect(notice.textContent).toContain('no purpose has the id "no-such-purpose"');
    // The findings are still those of the saved workspace: the empty name (only incomplete) is not among them yet.
    expect(screen.getAllByTestId('finding').some((el) => el.dataset.rule === 'missing-benefit')).toBe(true);
    expect(screen.getAllByTestId('finding').some((el) => el.dataset.rule === 'name-missing')).toBe(false);
    fireEvent.click(within(notice).getByRole('button', { name: 'dataTypes[0] › purposes' }));
    await waitFor(() => expect(window.location.hash).toBe(routeHash(routeForPath(ws, 'dataTypes[0].purposes[0]'))));
  });
});

describe('Review: badges', () => {
  it('counts errors and warnings, and follows an edit that fixes one', async () => {
    const ws = loadWorkspace(withDefects());
    const counts = { error: 0, warning: 0 };
    for (const f of lintWorkspace(ws)) if (f.severity !== 'info') counts[f.severity]++;
    renderScreen(<Routed />);
    expect((await screen.findByTestId('review-errors')).textContent).toBe(`${counts.error}${counts.error} errors`);
    expect(screen.getByTestId('review-warnings').textContent).toBe(`${counts.warning}${counts.warning} warnings`);
    act(() =>
      useEditor.getState().apply(
        'Edit benefit',
        (draft) => {
          draft.dataTypes[2].benefit = 'Friends see who shared a trail report.';
        },
        { coalesceKey: 'dataTypes[2].benefit' },
      ),
    );
    await waitFor(() => expect(screen.getByTestId('review-errors').textContent).toBe(`${counts.error - 1}${counts.error - 1} errors`));
    expect(screen.getAllByTestId('finding').some((el) => el.dataset.rule === 'missing-benefit')).toBe(false);
  });
});

describe('Review: store labels', () => {
  it('offers no Apple file for a workspace without an iOS collection point, and says why', async () => {
    const ws = clean();
    ws.collectionPoints = ws.collectionPoints.filter((p) => p.platform !== 'ios');
    const kept = new Set(ws.collectionPoints.map((p) => p.id));
    for (const d of ws.dataTypes) d.collectedAt = d.collectedAt?.filter((id) => kept.has(id));
    loadWorkspace(ws);
    setHash('#/review/store-labels');
    renderScreen(<Routed />);
    const apple = await screen.findByRole('region', { name: 'Apple App Store' });
    expect(apple.textContent).toContain('No Apple outputs: no collection point is on iOS, so there is no iOS app to declare to Apple.');
    expect(within(apple).queryByRole('button')).toBeNull();
    const play = screen.getByRole('region', { name: 'Google Play' });
    expect(within(play).getAllByRole('button').length).toBeGreaterThan(0);
  });
});

describe('Review: coverage', () => {
  it('shows each requirement of a law with met, missing or not applicable and why, a missing one linking to its field', async () => {
    const ws = loadWorkspace(withDefects());
    setHash('#/review/coverage');
    renderScreen(<Routed />);
    const gdpr = await screen.findByTestId('coverage-gdpr');
    const rows = within(gdpr).getAllByTestId('requirement');
    expect(rows.length).toBeGreaterThan(10);
    const retention = rows.find((r) => r.textContent?.includes('Storage period, or the criteria that determine it'))!;
    expect(retention.dataset.status).toBe('missing');
    expect(within(retention).getByText('Missing')).toBeTruthy();
    expect(retention.textContent).toContain(ws.dataTypes[4].name);
    expect(rows.some((r) => r.dataset.status === 'met')).toBe(true);

    const link = within(retention).getByRole('link', { name: `${ws.dataTypes[4].name} › retention` });
    fireEvent.click(link);
    await waitFor(() => expect(window.location.hash).toBe(routeHash(routeForPath(ws, 'dataTypes[4].retention'))));
  });

  it('has a tab for each law and store the workspace answers to, with the count of what is missing', async () => {
    loadWorkspace(withDefects());
    setHash('#/review/coverage');
    renderScreen(<Routed />);
    const tabs = within(await screen.findByRole('tablist', { name: 'Laws and stores' })).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual([
      'GDPR2 missing',
      'UK GDPR2 missing',
      'CCPA1 missing',
      'Apple App Store',
      'Google Play',
    ]);
    fireEvent.click(tabs[3]);
    const apple = await screen.findByTestId('coverage-apple');
    expect(
      within(apple)
        .getAllByTestId('requirement')
        .every((r) => r.dataset.status !== 'missing'),
    ).toBe(true);
    fireEvent.click(within(screen.getByRole('tablist', { name: 'Laws and stores' })).getAllByRole('tab')[0]);
    const gdpr = await screen.findByTestId('coverage-gdpr');
    fireEvent.click(within(gdpr).getByLabelText('Only what is missing'));
    expect(
      within(gdpr)
        .getAllByTestId('requirement')
        .map((r) => r.dataset.status),
    ).toEqual(['missing', 'missing']);
  });
});
