// The pain library's numbers (issue 12): the Wilson interval against published values, the recency-weighted
// monthly trend, a pain's evidence figures (a deal counted once, the CRM's outcome first) and the why-people-buy
// ranking (reasons normalised, counted and summed).
import { describe, expect, it } from 'vitest';
import {
  evidenceFigures,
  lastMonths,
  monthlyTrend,
  normaliseReason,
  quarterOf,
  quartersBetween,
  rankReasons,
  wilsonInterval,
  type EvidenceFact,
} from '../../../src/capabilities/messaging/pains/domain.js';

describe('wilsonInterval', () => {
  it('puts 2 of 3 at about 21%–94%, not a certain 67%', () => {
    const i = wilsonInterval(2, 3)!;
    expect(i.rate).toBeCloseTo(2 / 3, 10);
    expect(i.low).toBeCloseTo(0.2077, 4);
    expect(i.high).toBeCloseTo(0.9385, 4);
  });

  it('matches the published values for 50 of 100, 0 of 10, 10 of 10 and 1 of 1', () => {
    const half = wilsonInterval(50, 100)!;
    expect(half.low).toBeCloseTo(0.4038, 4);
    expect(half.high).toBeCloseTo(0.5962, 4);
    const none = wilsonInterval(0, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    const all = wilsonInterval(10, 10)!;
    expect(all.low).toBeCloseTo(0.7225, 4);
    expect(all.high).toBe(1);
    const one = wilsonInterval(1, 1)!;
    expect(one.low).toBeCloseTo(0.2065, 4);
  });

  it('narrows as deals add up at the same rate', () => {
    const few = wilsonInterval(2, 3)!;
    const many = wilsonInterval(200, 300)!;
    expect(many.high - many.low).toBeLessThan((few.high - few.low) / 5);
    expect(many.low).toBeLessThan(2 / 3);
    expect(many.high).toBeGreaterThan(2 / 3);
  });

  it('is null with nothing decided, and refuses more wins than deals', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(4, 3)).toThrow(RangeError);
  });
});

describe('monthlyTrend', () => {
  it('lists the last 12 months oldest first, across a year boundary', () => {
    expect(lastMonths('2026-02-14', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    const t = monthlyTrend([], '2026-02-14');
    expect(t.months).toHaveLength(12);
    expect(t.months[0]!.month).toBe('2025-03');
    expect(t.months[11]!.month).toBe('2026-02');
  });

  it('counts evidence per month, leaves out what is older than 12 months or later than today, and weighs recent months more', () => {
    const t = monthlyTrend(['2026-02-01', '2026-02-10', '2025-08-03', '2025-02-28', '2026-03-01'], '2026-02-14');
    const by = new Map(t.months.map((m) => [m.month, m]));
    expect(by.get('2026-02')!.count).toBe(2);
    expect(by.get('2025-08')!.count).toBe(1);
    expect(t.months.reduce((s, m) => s + m.count, 0)).toBe(3);
    expect(by.get('2026-02')!.weight).toBe(1);
    // Six months back counts half (the half-life).
    expect(by.get('2025-08')!.weight).toBeCloseTo(0.5, 10);
    expect(t.weightedCount).toBeCloseTo(2 + 0.5, 10);
  });

  it('says rising when the last three months hold clearly more than the three before, falling for fewer, steady otherwise', () => {
    const today = '2026-06-15';
    expect(monthlyTrend(['2026-06-01', '2026-05-01', '2026-05-02', '2026-04-01', '2026-01-01'], today).direction).toBe('rising');
    expect(monthlyTrend(['2026-06-01', '2026-02-01', '2026-02-02', '2026-01-01', '2026-03-09'], today).direction).toBe('falling');
    expect(monthlyTrend(['2026-06-01', '2026-02-01'], today).direction).toBe('steady');
  });
});

const fact = (f: Partial<EvidenceFact>): EvidenceFact => ({ date: '2026-05-01', outcome: 'open', amount: null, dealId: null, dealExternalId: null, dealStatus: null, dealAmount: null, ...f });

describe('evidenceFigures', () => {
  it('counts each deal once: its CRM status and amount over what the entries said', () => {
    const f = evidenceFigures(
      [
        fact({ outcome: 'open', amount: 1000, dealId: 'd1', dealStatus: 'won', dealAmount: 5000 }),
        fact({ outcome: 'lost', amount: 9000, dealId: 'd1', dealStatus: 'won', dealAmount: 5000 }),
        fact({ outcome: 'lost', amount: 2000, dealExternalId: 'HS-1' }),
        fact({ outcome: 'won', amount: 3000, dealExternalId: ' hs-1 ', date: '2026-05-09' }),
        fact({ outcome: 'won', amount: 700 }),
        fact({ outcome: 'open', amount: null }),
      ],
      '2026-05-20',
    );
    expect(f.count).toBe(6);
    // d1 once (5000 from the CRM), HS-1 once (the larger 3000), the two entries on their own (700, none).
    expect(f.amount).toBe(5000 + 3000 + 700);
    // HS-1 ends won: its latest entry says so.
    expect(f.deals).toEqual({ won: 3, lost: 0, open: 1 });
    expect(f.winRate!.rate).toBe(1);
    expect(f.lastDate).toBe('2026-05-09');
    expect(f.trend.months.at(-1)!.count).toBe(6);
  });

  it('has no win rate while nothing is won or lost', () => {
    const f = evidenceFigures([fact({})], '2026-05-20');
    expect(f.winRate).toBeNull();
    expect(f.deals.open).toBe(1);
  });
});

describe('why people buy', () => {
  it('normalises reasons: trimmed, spaces collapsed, case-folded, a trailing full stop dropped', () => {
    expect(normaliseReason('  Faster   Onboarding. ')).toBe('faster onboarding');
    expect(normaliseReason('PRICE')).toBe(normaliseReason('price'));
  });

  it('puts dates in calendar quarters and lists the quarters between two dates', () => {
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quartersBetween('2025-11-03', '2026-04-01')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
  });

  it('ranks by count, then amount, reads a reason as its most common spelling, and shares within each source', () => {
    const quarters = ['2026-Q1', '2026-Q2'];
    const ranked = rankReasons(
      [
        { key: 'price', label: 'price ', source: 'deal_reason', amount: 100, date: '2026-01-05' },
        { key: 'price', label: 'Price', source: 'deal_reason', amount: 200, date: '2026-04-05', n: 2 },
        { key: 'speed', label: 'Speed', source: 'deal_reason', amount: 900, date: '2026-02-05', n: 3 },
        { key: 'p1', label: 'Leads go cold', source: 'pain', amount: null, date: '2026-05-05', n: 4 },
      ],
      quarters,
    );
    expect(ranked.map((r) => r.label)).toEqual(['Leads go cold', 'Speed', 'Price']);
    const price = ranked.find((r) => r.key === 'price')!;
    expect(price.count).toBe(3);
    expect(price.amount).toBe(300);
    expect(price.byQuarter).toEqual([1, 2]);
    expect(price.share).toBeCloseTo(0.5, 10);
    expect(ranked[0]!.share).toBe(1);
    // Same count: the larger amount first.
    const tie = rankReasons(
      [
        { key: 'a', label: 'A', source: 'deal_reason', amount: 1, date: '2026-01-01' },
        { key: 'b', label: 'B', source: 'deal_reason', amount: 5, date: '2026-01-01' },
      ],
      quarters,
    );
    expect(tie.map((r) => r.key)).toEqual(['b', 'a']);
  });
});
