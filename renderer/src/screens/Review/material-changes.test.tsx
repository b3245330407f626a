// @vitest-environment jsdom
// The app's review compares the working copy with the latest published version, as `candor lint` does,
// and reports material changes since it; with nothing published it reports none.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import type { ArchivedVersion, VersionList } from '../../../../core/api';
import type { Workspace } from '../../../../core/schema';
import type { PublishedVersion } from '../../../../core/versions';
import { useEditor } from '../../state/store';
import { useVersions } from '../../state/versions';
import { recordingBridge } from '../../testing/recording-bridge';
import { exampleWorkspace, installDomStubs, loadWorkspace } from '../../testing/test-utils';
import { useReview } from './review';

const PATH = '/home/ana/moments/moments.candor.json';
let published: PublishedVersion[] = [];
const archived = exampleWorkspace();
const bridge = recordingBridge({
  'versions-list': () => ({
    ok: true,
    value: { archive: '/home/ana/moments/moments.versions', versions: published } satisfies VersionList,
  }),
  'version-read': ({ version }: { version: string }) => {
    const entry = published.find((v) => v.version === version);
    return entry
      ? { ok: true, value: { entry, workspace: archived, documents: [] } satisfies ArchivedVersion }
      : { ok: false, error: { code: 'not-found', message: `no ${version}` } };
  },
});

/** The sample with a new purpose that its first data type now serves. */
function withNewPurpose(): Workspace {
  const ws = exampleWorkspace();
  ws.purposes.push({ id: 'research', name: 'Research new features', use: 'improve.system', lawfulBasis: 'consent' });
  ws.dataTypes[0].purposes.push('research');
  return ws;
}

function open(workspace: Workspace) {
  loadWorkspace(workspace);
  useEditor.setState({ session: { status: 'open', path: PATH, revision: 'r', workspace } });
  useVersions.setState({ path: undefined, list: { status: 'loading' } });
}

beforeAll(() => {
  installDomStubs();
  bridge.install();
});
beforeEach(() => {
  bridge.reset();
  published = [];
});

describe('the review against the latest published version', () => {
  it('reports a new purpose since version 1.0', async () => {
    published = [{ version: '1.0', effective: '2026-11-01', publishedAt: '2026-11-01T09:00:00Z', buildId: 'b', documents: [] }];
    open(withNewPurpose());
    const { result } = renderHook(() => useReview());
    await waitFor(() => expect(result.current?.findings.some((f) => f.rule === 'material-new-purpose')).toBe(true));
    expect(bridge.calls.map((c) => c.name)).toEqual(expect.arrayContaining(['versions-list', 'version-read']));
  });

  it('reports no material change when nothing is published', async () => {
    open(withNewPurpose());
    const { result } = renderHook(() => useReview());
    await waitFor(() => expect(bridge.calls.some((c) => c.name === 'versions-list')).toBe(true));
    await waitFor(() => expect(useVersions.getState().list.status).toBe('ready'));
    expect(result.current?.findings.filter((f) => f.rule.startsWith('material-'))).toEqual([]);
  });
});
