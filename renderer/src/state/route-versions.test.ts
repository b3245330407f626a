import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './route';

describe('the Versions screen in the address', () => {
  it('keeps the version shown and the one it is compared with through the address', () => {
    const routes: Route[] = [
      { screen: 'versions', version: undefined, compare: undefined },
      { screen: 'versions', version: '2.1', compare: undefined },
      { screen: 'versions', version: '2.1', compare: '1.0' },
      { screen: 'versions', version: '2.1', compare: 'working' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
    expect(routeHash({ screen: 'versions' })).toBe('#/versions');
    expect(routeHash({ screen: 'versions', version: '1.0', compare: 'working' })).toBe('#/versions/1.0?compare=working');
  });

  it('ignores a comparison without a version to compare', () => {
    expect(parseRoute('#/versions?compare=1.0')).toEqual({ screen: 'versions', version: undefined, compare: undefined });
  });
});
