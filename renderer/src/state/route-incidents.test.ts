import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './route';

describe('the Incidents area in the address', () => {
  it('keeps the incident and its tab through the address', () => {
    const routes: Route[] = [
      { screen: 'incidents', id: 'incident-2026-12-05', tab: 'assessment' },
      { screen: 'incidents', id: 'incident-2026-12-05', tab: 'drafts' },
      { screen: 'incidents', id: 'incident-2026-12-05', tab: 'log' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
    expect(parseRoute(routeHash({ screen: 'incidents', id: 'incident 1/2' }))).toEqual({
      screen: 'incidents',
      id: 'incident 1/2',
      tab: undefined,
    });
  });

  it('writes the facts tab without a suffix and ignores a tab it does not know', () => {
    expect(routeHash({ screen: 'incidents', id: 'a', tab: 'record' })).toBe('#/incidents/a');
    expect(routeHash({ screen: 'incidents', id: 'a', tab: 'log' })).toBe('#/incidents/a/log');
    expect(parseRoute('#/incidents/a/nonsense')).toEqual({ screen: 'incidents', id: 'a', tab: undefined });
    expect(parseRoute('#/incidents')).toEqual({ screen: 'incidents', id: undefined, tab: undefined });
  });
});
