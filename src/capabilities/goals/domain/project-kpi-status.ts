// Status of a KPI in one period (SPEC S1 "Status per period"): on track · at risk · off track from a
// straight-line projection of the period-to-date value to the period end, against the target,
// honouring direction.
//
// Period value (see KpiAggregation):
// - `sum` (count and currency flows: MQLs, pipeline, revenue): the sum of the values dated in the
//   period, projected linearly by the elapsed share of the period: projected = actual ÷ elapsed.
// - `latest` / `average` (percent, ratio, days, hours, and per-deal money like CAC): the latest (or mean)
//   reading in the period; a rate does not grow with time, so it is NOT scaled: projected = actual.
// Elapsed share counts whole local days and includes today (values are dated by day, so today's may
//   already be in): on the 1st day of a 30-day month it is 1/30. A closed period's share is 1, so its
//   status is final; a period that has not started projects its values as they are. Counting today
//   whole errs on the cautious side for both directions (it projects a flow lower, never higher).
// Thresholds, with a band of 10 % of the target:
// - higher is better: projected ≥ target → on track; ≥ 90 % of target → at risk; else off track.
// - lower is better (mirrored): projected ≤ target → on track; ≤ 110 % of target → at risk; else off track.
// - A target of 0 leaves no band: higher-is-better is met by any projection ≥ 0; lower-is-better is on
//   track only at ≤ 0 and off track above it.
// - No values in the period → 'no_data' (an empty period is not a zero); no target → 'no_target'.
import { calendarDate, localDateOf } from '../../../shared/calendar/index.js';
import { defaultAggregation } from './kpi-catalog.js';
import { formatKpiValue } from './format-kpi-value.js';
import type { KpiStatus, KpiStatusInput, KpiStatusResult } from './types.js';

/** Width of the at-risk band, as a share of the target. */
export const AT_RISK_BAND = 0.1;

function elapsedFraction(input: KpiStatusInput): number {
  const { period } = input;
  const total = calendarDate.daysBetween(period.startDate, period.endDate);
  const today = localDateOf(input.now, period.timeZone);
  if (today < period.startDate) return 0;
  if (today >= period.endDate) return 1;
  return (calendarDate.daysBetween(period.startDate, today) + 1) / total;
}

function judge(projected: number, target: number, direction: 'higher' | 'lower'): KpiStatus {
  const band = Math.abs(target) * AT_RISK_BAND;
  if (direction === 'higher') {
    if (projected >= target) return 'on_track';
    if (projected >= target - band) return 'at_risk';
    return 'off_track';
  }
  if (projected <= target) return 'on_track';
  if (projected <= target + band) return 'at_risk';
  return 'off_track';
}

const STATUS_WORDS: Record<KpiStatus, string> = {
  on_track: 'on track',
  at_risk: 'at risk',
  off_track: 'off track',
  no_data: 'no data',
  no_target: 'no target',
};

export function projectKpiStatus(input: KpiStatusInput): KpiStatusResult {
  const { period, unit, direction, target } = input;
  const aggregation = input.aggregation ?? defaultAggregation(unit);
  const currency = input.currency ?? 'USD';
  const fraction = elapsedFraction(input);

  const inPeriod = input.values
    .map((v, index) => ({ date: localDateOf(v.date, period.timeZone), value: v.value, index }))
    .filter((v) => Number.isFinite(v.value) && v.date >= period.startDate && v.date < period.endDate);

  const base = { target, elapsedFraction: fraction, valueCount: inPeriod.length };
  if (inPeriod.length === 0) {
    return { ...base, status: 'no_data', actual: null, projected: null, attainment: null, explanation: `No values logged for ${period.label}.` };
  }

  let actual: number;
  let projected: number;
  if (aggregation === 'sum') {
    actual = inPeriod.reduce((s, v) => s + v.value, 0);
    projected = fraction > 0 ? actual / fraction : actual;
  } else if (aggregation === 'average') {
    actual = inPeriod.reduce((s, v) => s + v.value, 0) / inPeriod.length;
    projected = actual;
  } else {
    // Latest by date; among values on the same day, the one given last.
    const latest = inPeriod.reduce((a, b) => (b.date > a.date || (b.date === a.date && b.index > a.index) ? b : a));
    actual = latest.value;
    projected = actual;
  }

  const fmt = (n: number) => formatKpiValue(n, unit, currency);
  if (target === null) {
    return { ...base, status: 'no_target', actual, projected, attainment: null, explanation: `${fmt(actual)} so far in ${period.label}; no target is set.` };
  }
  const status = judge(projected, target, direction);
  // A target of a hair above 0 (1e-320) would make the share Infinity: no share is better than an infinite one.
  const share = target !== 0 ? projected / target : null;
  const attainment = share !== null && Number.isFinite(share) ? share : null;
  const closed = fraction >= 1;
  const what = aggregation === 'sum' && !closed ? `Projected ${fmt(projected)} by the end of ${period.label}` : `${fmt(projected)} in ${period.label}`;
  const goal = direction === 'higher' ? `a target of at least ${fmt(target)}` : `a target of at most ${fmt(target)}`;
  return { ...base, status, actual, projected, attainment, explanation: `${what} against ${goal}: ${STATUS_WORDS[status]}.` };
}
