// The open entity's id can change under the screen: an undo or redo of a rename moves an id that
// followed its name back or forward. The route then follows it (by the entity's place in its list), so
// the editor stays on the same data type instead of saying that no data type has the old id.
import type { Workspace } from '../../../core/schema';
import { navigate, parseRoute, type Route } from './route';
import { useEditor } from './store';

const LIST_OF: Partial<Record<Route['screen'], 'dataTypes' | 'purposes' | 'recipients' | 'collectionPoints'>> = {
  'data-type': 'dataTypes',
  purposes: 'purposes',
  recipients: 'recipients',
  'collection-points': 'collectionPoints',
};

/** The route to show after the workspace went from `before` to `after`, or undefined when it need not change. */
export function followedRoute(route: Route, before: Workspace, after: Workspace): Route | undefined {
  const list = LIST_OF[route.screen];
  const id = 'id' in route ? route.id : undefined;
  if (!list || !id) return undefined;
  const now = after[list] as { id: string }[];
  if (now.some((e) => e.id === id)) return undefined;
  const then = before[list] as { id: string }[];
  const index = then.findIndex((e) => e.id === id);
  // Renamed in place: same place, same length, and its new id was not there before.
  if (index === -1 || then.length !== now.length) return undefined;
  const moved = now[index];
  if (!moved || then.some((e) => e.id === moved.id)) return undefined;
  return { ...route, id: moved.id } as Route;
}

/** Keeps the route on the open entity while its id changes; returns the unsubscribe function. */
export function followIds(): () => void {
  return useEditor.subscribe((state, previous) => {
    if (!state.workspace || !previous.workspace || state.workspace === previous.workspace) return;
    const next = followedRoute(parseRoute(window.location.hash), previous.workspace, state.workspace);
    if (next) navigate(next, { replace: true });
  });
}
