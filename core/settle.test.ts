import { describe, expect, it } from 'vitest';
import { settleDelay } from './settle';

describe('settleDelay', () => {
  it('waits the settle time after an event while the oldest waiting one is recent', () => {
    expect(settleDelay(1000, 1000, 500, 800)).toBe(500);
    expect(settleDelay(1200, 1000, 500, 800)).toBe(500);
  });

  it('waits only until the bound after the oldest waiting event, and never less than nothing', () => {
    expect(settleDelay(1600, 1000, 500, 800)).toBe(200);
    expect(settleDelay(1800, 1000, 500, 800)).toBe(0);
    expect(settleDelay(5000, 1000, 500, 800)).toBe(0);
  });
});
