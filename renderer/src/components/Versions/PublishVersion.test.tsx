// @vitest-environment jsdom
// The Publish version dialog: it proposes the next number, lists the review's errors and publishes only
// once the person chose to publish anyway, and shows what changed since the last version.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import type { ArchivedVersion, VersionList } from '../../../../core/api';
import { inventoryVersion } from '../../../../core/documents/context';
import { reviewErrors } from '../../../../core/publish';
import type { Workspace } from '../../../../core/schema';
import type { PublishedVersion } from '../../../../core/versions';
import { changeAnnouncement, whatChanged } from '../../../../core/what-changed';
import { useEditor } from '../../state/store';
import { today } from '../../state/versions';
import { recordingBridge } from '../../testing/recording-bridge';
import { exampleWorkspace, installDomStubs, loadWorkspace, renderScreen } from '../../testing/test-utils';
import { PublishVersionModal } from './PublishVersion';

const PATH = '/home/ana/trails/trails.candor.json';
let published: PublishedVersion[] = [];
let archived: Workspace;
const bridge = recordingBridge({
  'versions-list': () => ({ ok: true, value: { archive: '/home/ana/trails/trails.versions', versions: published } satisfies VersionList }),
  'version-read': ({ version }: { version: string }) => {
    const entry = published.find((v) => v.version === version);
    return entry
      ? { ok: true, value: { entry, workspace: archived, documents: [] } satisfies ArchivedVersion }
      : { ok: false, error: { code: 'not-found', message: `no ${version}` } };
  },
  'version-publish': (arg: { version: string; effective: string }) => ({
    ok: true,
    value: { ...arg, publishedAt: '2026-12-06T10:00:00Z', buildId: 'b', documents: [] } satisfies PublishedVersion,
  }),
});

function open(workspace: Workspace) {
  loadWorkspace(workspace);
  useEditor.setState({ session: { status: 'open', path: PATH, revision: 'r', workspace } });
  return renderScreen(<PublishVersionModal onClose={() => {}} />);
}

beforeAll(() => {
  installDomStubs();
  bridge.install();
});
beforeEach(() => {
  bridge.reset();
  published = [];
});
afterEach(() => {
  cleanup();
  act(() => notifications.clean());
});

const publishCalls = () => bridge.calls.filter((c) => c.name === 'version-publish').map((c) => c.arg);

describe('Publish version', () => {
  it('lists the review errors and publishes only with "Publish anyway", with allowErrors', async () => {
    const broken = exampleWorkspace();
    delete broken.organization.contactEmail;
    delete broken.organization.supervisoryAuthority;
    const errors = reviewErrors(broken);
    expect(errors.length).toBeGreaterThan(0);
    open(broken);
    const dialog = await screen.findByRole('dialog', { name: 'Publish version' });
    expect(within(dialog).getByRole('textbox', { name: 'Version number' })).toHaveProperty('value', '1.0');
    const list = await within(dialog).findByTestId('publish-review-errors');
    expect(within(list).getAllByRole('listitem')).toHaveLength(errors.length);
    const button = within(dialog).getByRole('button', { name: 'Publish version 1.0' });
    expect(button).toHaveProperty('disabled', true);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Publish anyway, with these errors' }));
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    // Nothing was published before: nothing to announce, and no changes are made up.
    expect(within(dialog).getByTestId('publish-no-announcement').textContent).toBe(
      'This is the first version: there is nothing earlier to compare it with, so there are no changes to announce.',
    );
    expect(within(dialog).queryByTestId('publish-announcement')).toBeNull();
    fireEvent.click(button);
    await waitFor(() => expect(publishCalls()).toHaveLength(1));
    expect(publishCalls()[0]).toMatchObject({ version: '1.0', allowErrors: true });
  });

  it('proposes the next minor version, refuses a smaller one and shows what changed since the last', async () => {
    archived = exampleWorkspace();
    published = [
      { version: '1.0', effective: '2026-11-01', publishedAt: '2026-12-01T09:00:00Z', buildId: inventoryVersion(archived), documents: [] },
    ];
    const edited = exampleWorkspace();
    edited.dataTypes[0].retention = { period: { value: 90, unit: 'days' }, after: 'account-closure' };
    open(edited);
    const dialog = await screen.findByRole('dialog', { name: 'Publish version' });
    const number = within(dialog).getByRole('textbox', { name: 'Version number' });
    await waitFor(() => expect(number).toHaveProperty('value', '1.1'));
    const changes = await within(dialog).findByTestId('change-list');
    expect(changes.textContent).toContain('30 days after account closure');
    expect(changes.textContent).toContain('90 days after account closure');
    // The announcement publishing would keep: the email names the version and says what changed.
    const announcement = await within(dialog).findByTestId('publish-announcement');
    const email = within(announcement).getByTestId('announcement-email');
    expect(email.textContent).toContain('We are updating our privacy notice to version 1.1.');
    const [sentence] = whatChanged(archived, edited).sentences;
    expect(sentence).toBe('We now keep your email address for 90 days after you close your account, instead of 30 days.');
    expect(email.textContent).toContain(`- ${sentence}`);
    // The banner is the richest wording within the workspace's budget; here only that the notice changes fits.
    const { banner } = changeAnnouncement(whatChanged(archived, edited), edited, { version: '1.1', effective: today() });
    expect(banner.overBudget).toBe(false);
    expect(within(announcement).getByTestId('announcement-banner').textContent).toBe(banner.text);
    expect(banner.text).toMatch(/^Little Moments is updating its privacy notice on .+\. See what changes and how it affects you\.$/);
    expect(within(announcement).getByText(`${banner.length} / ${banner.budget} characters`)).toBeTruthy();
    fireEvent.change(number, { target: { value: '0.9' } });
    expect((await within(dialog).findByTestId('publish-problems')).textContent).toContain(
      'Version 0.9 is not greater than the last published version, 1.0.',
    );
    expect(within(dialog).getByRole('button', { name: /^Publish version/ })).toHaveProperty('disabled', true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Next major · 2.0' }));
    await waitFor(() => expect(email.textContent).toContain('We are updating our privacy notice to version 2.0.'));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Internal note' }), { target: { value: 'Longer email retention' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publish version 2.0' }));
    // The sample's planned date has passed, so today is proposed.
    await waitFor(() => expect(publishCalls()).toEqual([{ version: '2.0', effective: today(), note: 'Longer email retention' }]));
  });
});
