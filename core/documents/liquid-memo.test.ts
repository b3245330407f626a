import fc from 'fast-check';
import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { MemoForTag } from './liquid-memo';

// Two engines with the options Candor's templates use: one with the remembering `for`, one with LiquidJS's own.
const options = { strictVariables: true, strictFilters: true, ownPropertyOnly: true, jsTruthy: true, greedy: false };
const memo = new Liquid(options);
memo.registerTag('for', MemoForTag);
const plain = new Liquid(options);

/**
 * Renders `source` with both engines on each scope in turn, the memo engine keeping one parse (and its
 * memory). Each render gets its own copy of the scope, which `increment` writes to.
 */
function renderBoth(source: string, scopes: object[]): { remembered: string[]; fresh: string[] } {
  const compiled = memo.parse(source);
  return {
    remembered: scopes.map((scope) => memo.renderSync(compiled, { ...scope }) as string),
    fresh: scopes.map((scope) => plain.parseAndRenderSync(source, { ...scope }) as string),
  };
}

const item = (name: string, extra: Record<string, unknown> = {}) => Object.freeze({ name, ...extra });

describe('the remembering for tag', () => {
  it('prints what a fresh render prints after an item changes, and re-renders only that item', () => {
    const a = item('A');
    const b = item('B');
    const c = item('C');
    const changed = item('B2');
    const { remembered, fresh } = renderBoth('{% for x in xs %}[{{ x.name }}]{% endfor %}', [{ xs: [a, b, c] }, { xs: [a, changed, c] }]);
    expect(remembered).toEqual(fresh);
    expect(remembered[1]).toBe('[A][B2][C]');
  });

  it('re-renders every item when a variable from outside the loop changes', () => {
    const items = [item('A'), item('B')];
    const source = '{% for x in xs %}{{ x.name }}{% if flags.loud %}!{% endif %} {% endfor %}';
    const { remembered, fresh } = renderBoth(source, [
      { xs: items, flags: { loud: false } },
      { xs: items, flags: { loud: true } },
      { xs: items, flags: { loud: false } },
    ]);
    expect(remembered).toEqual(fresh);
    expect(remembered).toEqual(['A B ', 'A! B! ', 'A B ']);
  });

  it('keys `list.size` on the list, so a longer list with the same items reads its new size', () => {
    const items = [item('A'), item('B')];
    const { remembered, fresh } = renderBoth('{% for x in xs %}{{ x.name }}/{{ all.size }} {% endfor %}', [
      { xs: items, all: [1, 2] },
      { xs: items, all: [1, 2, 3] },
    ]);
    expect(remembered).toEqual(fresh);
    expect(remembered[1]).toBe('A/3 B/3 ');
  });

  it('follows the loop counters when the body reads them, as items are inserted before others', () => {
    const a = item('A');
    const b = item('B');
    const source = '{% for x in xs %}{{ forloop.index }}.{{ x.name }}{% unless forloop.last %}, {% endunless %}{% endfor %}';
    const { remembered, fresh } = renderBoth(source, [{ xs: [a, b] }, { xs: [item('Z'), a, b] }, { xs: [a] }]);
    expect(remembered).toEqual(fresh);
    expect(remembered[1]).toBe('1.Z, 2.A, 3.B');
  });

  it('leaves what assign and capture set inside the loop for the rest of the template, as a full render would', () => {
    const items = [item('Ann'), item('Bob')];
    const source =
      '{% for x in xs %}{% assign last = x.name %}{% capture line %}<{{ x.name }}>{% endcapture %}{{ line }}{% endfor %} last={{ last }} line={{ line }}';
    const { remembered, fresh } = renderBoth(source, [{ xs: items }, { xs: items }, { xs: [items[1], items[0]] }]);
    expect(remembered).toEqual(fresh);
    expect(remembered[1]).toBe('<Ann><Bob> last=Bob line=<Bob>');
    expect(remembered[2]).toBe('<Bob><Ann> last=Ann line=<Ann>');
  });

  it('reads a variable the body uses before assigning it as an input (its value from the item before)', () => {
    const items = [item('A'), item('B'), item('C')];
    const source = '{% assign previous = "-" %}{% for x in xs %}{{ previous }}>{{ x.name }} {% assign previous = x.name %}{% endfor %}';
    const { remembered, fresh } = renderBoth(source, [{ xs: items }, { xs: [items[0], item('Q'), items[2]] }]);
    expect(remembered).toEqual(fresh);
    expect(remembered[1]).toBe('->A A>Q Q>C ');
  });

  it('renders a body with increment, cycle or break afresh every time', () => {
    const items = [item('A'), item('B'), item('C')];
    for (const source of [
      '{% for x in xs %}{% increment n %}{% endfor %}|{% increment n %}',
      '{% for x in xs %}{% cycle "odd", "even" %}{% endfor %}|{% cycle "odd", "even" %}',
      '{% for x in xs %}{{ x.name }}{% if x.name == stop %}{% break %}{% endif %}{% endfor %}',
    ]) {
      const { remembered, fresh } = renderBoth(source, [
        { xs: items, stop: 'B' },
        { xs: items, stop: 'C' },
        { xs: items, stop: 'B' },
      ]);
      expect(remembered, source).toEqual(fresh);
    }
    expect(
      renderBoth('{% for x in xs %}{% increment n %}{% endfor %}|{% increment n %}', [{ xs: items }, { xs: items }]).remembered,
    ).toEqual(['012|3', '012|3']);
  });

  it('remembers nested loops per inner item, and the outer item they belong to', () => {
    const r1 = item('r1');
    const r2 = item('r2');
    const g1 = Object.freeze({ role: 'processor', recipients: Object.freeze([r1, r2]) });
    const g2 = Object.freeze({ role: 'controller', recipients: Object.freeze([r2]) });
    const source = '{% for g in groups %}{{ g.role }}:{% for r in g.recipients %} {{ r.name }}@{{ g.role }}{% endfor %};{% endfor %}';
    const { remembered, fresh } = renderBoth(source, [
      { groups: [g1, g2] },
      { groups: [g2, g1] },
      { groups: [g1, Object.freeze({ ...g2, role: 'other' })] },
    ]);
    expect(remembered).toEqual(fresh);
  });

  it('prints what a fresh render prints for any sequence of lists and edits (property)', () => {
    const source =
      '{% for x in xs %}{% if forloop.first %}[{% endif %}{{ x.name }}{% if x.tags.size > 0 %}({{ x.tags | join: "," }}){% endif %}' +
      '{% if shout %}!{% endif %}{% assign seen = x.name %}{% unless forloop.last %}, {% endunless %}{% if forloop.last %}]{% endif %}{% endfor %} seen={{ seen }}';
    const pool = ['a', 'b', 'c', 'd', 'e'].map((name) => item(name, { tags: Object.freeze([name.toUpperCase()]) }));
    const scope = fc.record({
      picks: fc.array(fc.integer({ min: 0, max: pool.length + 2 }), { maxLength: 8 }),
      shout: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(scope, { minLength: 1, maxLength: 6 }), (steps) => {
        const scopes = steps.map(({ picks, shout }) => ({
          // Indexes past the pool are new objects each time, as an edited item is.
          xs: picks.map((i) => pool[i] ?? item(`new${i}`, { tags: Object.freeze([]) })),
          shout,
          seen: '',
        }));
        const { remembered, fresh } = renderBoth(source, scopes);
        expect(remembered).toEqual(fresh);
      }),
      { numRuns: 150 },
    );
  });

  it('leaves static analysis as it was: the template checks still see the body', () => {
    const compiled = memo.parse('{% for x in xs %}{{ x.name }}{{ outer.value }}{% endfor %}');
    const analysis = memo.analyzeSync(compiled, { partials: false });
    expect(Object.keys(analysis.globals).sort()).toEqual(['outer', 'xs']);
  });

  it('reports a misspelt variable inside a loop on every render, never hiding it behind a remembered output', () => {
    const compiled = memo.parse('{% for x in xs %}{{ x.nmae }}{% endfor %}');
    const xs = [item('A')];
    expect(() => memo.renderSync(compiled, { xs })).toThrow(/nmae/);
    expect(() => memo.renderSync(compiled, { xs })).toThrow(/nmae/);
  });
});
