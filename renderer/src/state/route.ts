// Where the user is, kept in the URL hash so a reload (or the web mode's back button) returns there.
import { useSyncExternalStore } from 'react';

export type Route =
  | { screen: 'inventory' }
  | { screen: 'data-type'; id: string; field?: string }
  | { screen: 'purposes'; id?: string; field?: string }
  | { screen: 'recipients'; id?: string; field?: string }
  | { screen: 'collection-points'; id?: string; field?: string }
  | { screen: 'organization'; field?: string }
  | { screen: 'documents'; id?: string }
  | { screen: 'in-app'; point?: string }
  | { screen: 'review'; tab?: ReviewTab }
  | { screen: 'incidents'; id?: string; tab?: IncidentTab }
  /** `version`: the published version shown; `compare`: the version (or "working" copy) it is compared with */
  | { screen: 'versions'; version?: string; compare?: string };

/** The Review screen's tabs; the findings are its first. Merge conflicts shows only while a git merge left some. */
export const REVIEW_TABS = ['findings', 'coverage', 'store-labels', 'conflicts'] as const;
export type ReviewTab = (typeof REVIEW_TABS)[number];

/** The incident editor's tabs; the record of what happened is its first. */
export const INCIDENT_TABS = ['record', 'assessment', 'drafts', 'log'] as const;
export type IncidentTab = (typeof INCIDENT_TABS)[number];

export type Screen = Route['screen'];

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const field = new URLSearchParams(query).get('field') ?? undefined;
  const [screen, rawId, rawTab] = path.split('/');
  const id = rawId ? decodeURIComponent(rawId) : undefined;
  switch (screen) {
    case 'data-types':
      return id ? { screen: 'data-type', id, field } : { screen: 'inventory' };
    case 'purposes':
    case 'recipients':
    case 'collection-points':
      return { screen, id, field };
    case 'organization':
      return { screen: 'organization', field };
    case 'documents':
      return { screen: 'documents', id };
    case 'in-app':
      return { screen: 'in-app', point: id };
    case 'review':
      return { screen: 'review', tab: REVIEW_TABS.find((t) => t === id && t !== 'findings') };
    case 'incidents':
      return { screen: 'incidents', id, tab: id ? INCIDENT_TABS.find((t) => t === rawTab && t !== 'record') : undefined };
    case 'versions':
      return { screen: 'versions', version: id, compare: id ? (new URLSearchParams(query).get('compare') ?? undefined) : undefined };
    default:
      return { screen: 'inventory' };
  }
}

export function routeHash(route: Route): string {
  const field = 'field' in route && route.field ? `?field=${encodeURIComponent(route.field)}` : '';
  switch (route.screen) {
    case 'inventory':
      return '#/data-types';
    case 'data-type':
      return `#/data-types/${encodeURIComponent(route.id)}${field}`;
    case 'organization':
      return `#/organization${field}`;
    case 'documents':
      return `#/documents${route.id ? `/${encodeURIComponent(route.id)}` : ''}`;
    case 'in-app':
      return `#/in-app${route.point ? `/${encodeURIComponent(route.point)}` : ''}`;
    case 'review':
      return `#/review${route.tab && route.tab !== 'findings' ? `/${route.tab}` : ''}`;
    case 'incidents':
      return `#/incidents${route.id ? `/${encodeURIComponent(route.id)}${route.tab && route.tab !== 'record' ? `/${route.tab}` : ''}` : ''}`;
    case 'versions':
      return route.version
        ? `#/versions/${encodeURIComponent(route.version)}${route.compare ? `?compare=${encodeURIComponent(route.compare)}` : ''}`
        : '#/versions';
    default:
      return `#/${route.screen}${route.id ? `/${encodeURIComponent(route.id)}` : ''}${field}`;
  }
}

export function navigate(route: Route, { replace = false }: { replace?: boolean } = {}): void {
  const hash = routeHash(route);
  if (window.location.hash === hash) return;
  if (!replace) {
    window.location.hash = hash;
    return;
  }
  // An id that follows a name being typed: no history entry per keystroke, and the route changes in the
  // same render as the workspace, so the screen never looks for the old id.
  window.history.replaceState(window.history.state, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function subscribe(callback: () => void) {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
