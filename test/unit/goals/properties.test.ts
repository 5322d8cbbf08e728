// Property tests for the goals domain (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffPublications, matchKpiKind, normalizeKpiText, projectKpiStatus, type KpiStatus, type PublicationSnapshot } from '../../../src/capabilities/goals/domain/index.js';
import { periodOf, type PeriodKind } from '../../../src/shared/calendar/index.js';

const kind = fc.constantFrom<PeriodKind>('week', 'month', 'quarter');

const publishedKpi = fc.record({
  kpiId: fc.string({ minLength: 1, maxLength: 4 }),
  rank: fc.integer({ min: 1, max: 3 }),
  name: fc.string({ minLength: 1, maxLength: 12 }),
  kindId: fc.option(fc.constantFrom('mqls', 'win_rate', 'cac'), { nil: null }),
  unit: fc.constantFrom('count' as const, 'currency' as const, 'percent' as const, 'days' as const, 'hours' as const, 'ratio' as const),
  direction: fc.constantFrom('higher' as const, 'lower' as const),
  measurement: fc.string({ maxLength: 20 }),
  dataSource: fc.constantFrom('manual' as const, 'csv' as const, 'webhook' as const, 'deals' as const),
  target: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  targetPeriod: kind,
  compensated: fc.boolean(),
  compWeight: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  shared: fc.boolean(),
});
const snapshotArb: fc.Arbitrary<PublicationSnapshot> = fc
  .uniqueArray(publishedKpi, { maxLength: 3, selector: (k) => k.kpiId })
  .map((items) => ({ team: 'sales' as const, number: 1, publishedAt: '2026-11-01T00:00:00.000Z', currency: 'USD', items }));

describe('status (properties)', () => {
  const rank: Record<KpiStatus, number> = { off_track: 0, at_risk: 1, on_track: 2, no_data: -1, no_target: -1 };
  const period = periodOf('month', '2026-11-15', { timeZone: 'America/New_York', weekStart: 1, fiscalYearStartMonth: 1 });
  const value = fc.double({ min: 0, max: 1e7, noNaN: true });

  it('is monotone in the value: more is never worse when higher is better, never better when lower is', () => {
    fc.assert(
      fc.property(value, value, fc.integer({ min: 0, max: 1e6 }), fc.constantFrom('count' as const, 'percent' as const), fc.constantFrom('higher' as const, 'lower' as const), fc.date({ min: new Date('2026-11-01T05:00:00Z'), max: new Date('2026-12-05T00:00:00Z'), noInvalidDate: true }), (a, b, target, unit, direction, now) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const judge = (v: number) => projectKpiStatus({ unit, direction, target, period, now, values: [{ date: '2026-11-01', value: v }] }).status;
        const sLo = rank[judge(lo)];
        const sHi = rank[judge(hi)];
        if (direction === 'higher') expect(sHi).toBeGreaterThanOrEqual(sLo);
        else expect(sHi).toBeLessThanOrEqual(sLo);
      }),
      { numRuns: 300 },
    );
  });

  it('never projects a summed KPI below what is already in', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 5 }), fc.date({ min: new Date('2026-10-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true }), (vals, now) => {
        const r = projectKpiStatus({ unit: 'count', direction: 'higher', target: 100, period, now, values: vals.map((v) => ({ date: '2026-11-01', value: v })) });
        expect(r.projected ?? 0).toBeGreaterThanOrEqual((r.actual ?? 0) - 1e-6);
        expect(r.elapsedFraction).toBeGreaterThanOrEqual(0);
        expect(r.elapsedFraction).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('publications (properties)', () => {
  it('diff(a, a) is empty', () => {
    fc.assert(
      fc.property(snapshotArb, (a) => {
        expect(diffPublications(a, a)).toEqual([]);
      }),
    );
  });

  it('diff(null, a) adds exactly the KPIs of a', () => {
    fc.assert(
      fc.property(snapshotArb, (a) => {
        const d = diffPublications(null, a);
        expect(d.every((c) => c.type === 'added')).toBe(true);
        expect(d.map((c) => c.kpiId).sort()).toEqual(a.items.map((k) => k.kpiId).sort());
      }),
    );
  });

  it('every change between two publications is about a KPI in one of them, with a message', () => {
    fc.assert(
      fc.property(snapshotArb, snapshotArb, (a, b) => {
        const ids = new Set([...a.items, ...b.items].map((k) => k.kpiId));
        for (const c of diffPublications(a, b)) {
          expect(ids.has(c.kpiId)).toBe(true);
          expect(c.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('text matching (properties)', () => {
  it('normalising is idempotent and matching ignores case and surrounding punctuation', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        expect(normalizeKpiText(normalizeKpiText(s))).toBe(normalizeKpiText(s));
        expect(matchKpiKind(`  ${s.toUpperCase()}!! `)).toBe(matchKpiKind(s.toUpperCase()));
      }),
    );
  });
});
