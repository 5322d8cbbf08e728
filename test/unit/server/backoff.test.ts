// SPEC S7: outbox retries back off exponentially, capped.
import { describe, expect, it } from 'vitest';
import { backoffMs, MAX_ATTEMPTS } from '../../../src/server/outbox.js';

describe('backoffMs', () => {
  it('waits 30 s after the first failure and doubles after each next one', () => {
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(2)).toBe(60_000);
    expect(backoffMs(3)).toBe(120_000);
    expect(backoffMs(4)).toBe(240_000);
  });

  it('treats zero or negative attempts as the first', () => {
    expect(backoffMs(0)).toBe(30_000);
    expect(backoffMs(-3)).toBe(30_000);
  });

  it('is capped at 6 hours', () => {
    expect(backoffMs(10)).toBe(30_000 * 2 ** 9); // 4 h 16 min, still under the cap
    expect(backoffMs(11)).toBe(6 * 3_600_000);
    expect(backoffMs(100)).toBe(6 * 3_600_000);
  });

  it('never shrinks as attempts grow', () => {
    for (let n = 1; n < 40; n++) expect(backoffMs(n + 1)).toBeGreaterThanOrEqual(backoffMs(n));
  });

  it('gives up after a bounded number of attempts whose total wait stays under two days', () => {
    let total = 0;
    for (let n = 1; n < MAX_ATTEMPTS; n++) total += backoffMs(n);
    expect(MAX_ATTEMPTS).toBeGreaterThan(1);
    expect(total).toBeLessThan(2 * 86_400_000);
  });
});
