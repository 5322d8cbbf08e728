// What a KPI's numbers and dates may be (SPEC S1 "KPI", "Values"; S9 "every bad input gets a message a person can
// act on"): the one place the API's schemas and handlers and the web forms take these rules from.
// - Each unit has its domain, for targets, baselines and values alike: money, counts, durations (days, hours) and
//   ratios are ≥ 0; percents are shares (win rate, conversion, acceptance), from 0 to 100.
// - A sane maximum per unit, far above any real KPI (a projection multiplies a value by up to 92, the days of a
//   quarter): money $1 trillion (1e14 cents), counts 1 trillion, days 3,650 and hours 87,600 (ten years), ratios
//   10,000×.
// - Values are dated from 1 January ten years back to 31 December of next year, in the workspace's calendar (a
//   value of 0001-01-01 is a typing slip, and one in 2099 no period can show).
// - A comp weight is a whole percentage of variable pay, 0–100: a weight outside that is refused, never cut.
// Every rule answers a sentence that names the thing and what it was, or null when the input is fine.
import { RECORD_YEARS_BACK, recordDateWindow } from '../../../shared/calendar/date-windows.js';
import { formatKpiValue } from './format-kpi-value.js';
import type { KpiUnit } from './types.js';

export interface KpiUnitRange {
  min: number;
  max: number;
}

export const KPI_UNIT_RANGES: Readonly<Record<KpiUnit, KpiUnitRange>> = {
  currency: { min: 0, max: 1e14 },
  count: { min: 0, max: 1e12 },
  percent: { min: 0, max: 100 },
  days: { min: 0, max: 3_650 },
  hours: { min: 0, max: 87_600 },
  ratio: { min: 0, max: 10_000 },
};

export const COMP_WEIGHT_MIN = 0;
export const COMP_WEIGHT_MAX = 100;

/** How many years back a value may be dated (from 1 January of that year). */
export const VALUE_YEARS_BACK = RECORD_YEARS_BACK;

export type MeasureField = 'target' | 'baseline' | 'value';

/** What the sentence is about: "The target of Revenue closed", "The value of Win rate on 2026-11-02". */
export interface MeasureSubject {
  field: MeasureField;
  kpiName?: string | null | undefined;
  /** For a value: its date. */
  date?: string | null | undefined;
}

const MINUS = '\u2212';
/** A value as people read it, with a real minus sign ("−$500,000"). */
function shown(value: number, unit: KpiUnit, currency: string): string {
  return formatKpiValue(value, unit, currency).replace(/^-/, MINUS);
}

function subjectOf(s: MeasureSubject): string {
  const name = s.kpiName?.trim();
  const of = name ? ` of ${name}` : '';
  if (s.field === 'value') return `The value${of}${s.date ? ` on ${s.date}` : ''}`;
  return `The ${s.field}${of}`;
}

/** The sentence refusing a target, baseline or value outside its unit's domain; null when it is inside. */
export function measureProblem(value: number, unit: KpiUnit, subject: MeasureSubject, currency = 'USD'): string | null {
  const who = subjectOf(subject);
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${who} must be a number.`;
  const range = KPI_UNIT_RANGES[unit];
  if (unit === 'percent' && (value < range.min || value > range.max)) {
    return `${who} is a share, so it is between 0% and 100%; it is ${shown(value, unit, currency)}.`;
  }
  if (value < range.min) return `${who} can't be negative; it is ${shown(value, unit, currency)}.`;
  if (value > range.max) return `${who} can be at most ${shown(range.max, unit, currency)}; it is ${shown(value, unit, currency)}.`;
  return null;
}

/** The first and last day a KPI value may be dated, given today's date in the workspace ('YYYY-MM-DD'). */
export function valueDateWindow(today: string): { first: string; last: string } {
  // The window every date of record shares (holidays too): src/shared/calendar/date-windows.ts.
  const { min, max } = recordDateWindow(today);
  return { first: min, last: max };
}

/** The sentence refusing a value's date outside the window; null when it is inside. Dates are 'YYYY-MM-DD'. */
export function valueDateProblem(date: string, today: string): string | null {
  const { first, last } = valueDateWindow(today);
  if (date >= first && date <= last) return null;
  return `Values can be dated from ${first} to ${last}; ${date} is ${date < first ? 'earlier' : 'later'} than that.`;
}

/** The sentence refusing a comp weight that is not a whole percentage from 0 to 100; null when it is one. */
export function compWeightProblem(weight: unknown, kpiName?: string | null): string | null {
  const of = kpiName?.trim() ? ` of ${kpiName.trim()}` : '';
  if (typeof weight !== 'number' || !Number.isFinite(weight)) return `The comp weight${of} must be a number of percent, from 0 to 100.`;
  if (weight < COMP_WEIGHT_MIN || weight > COMP_WEIGHT_MAX) {
    return `The comp weight${of} is a share of variable pay, from 0% to 100%; it is ${String(weight).replace(/^-/, MINUS)}%.`;
  }
  if (!Number.isInteger(weight)) return `The comp weight${of} is a whole percentage; it is ${weight}%.`;
  return null;
}
