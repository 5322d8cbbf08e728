// KPIs computed from deals (SPEC S7, issue 11, docs/decisions/033): which catalog kinds the deals can measure
// honestly, the periods a KPI's values fall in, and each period's value from the totals SQL adds up per period.
// Pure: the SQL (recompute.ts) groups the deals by period; these functions turn one period's totals into a value.
// Money in cents, win rate in percent 0–100, cycle length in days.
import { calendarDate, periodOf, type Period, type PeriodKind, type PeriodOptions } from '../../../shared/calendar/index.js';

/** A period's totals over the deals CREATED in it (status any). */
export interface CreatedTotals {
  /** Deals created in the period. */
  count: number;
  /** Sum of their amounts, cents (deals with no amount add nothing). */
  amount: number;
  /** Sum of the amounts of those that are marketing-sourced, cents. */
  marketingAmount: number;
}

/** A period's totals over the deals CLOSED in it (won or lost, by close date). */
export interface ClosedTotals {
  won: number;
  lost: number;
  /** Sum of the won deals' amounts, cents. */
  wonAmount: number;
  /** Won deals that carry an amount (the average's denominator: a won deal with no amount is not a $0 deal). */
  wonWithAmount: number;
  /** Median days from created to closed of the won deals with both dates (created on or before closed); null when none. */
  medianCycleDays: number | null;
}

export interface PeriodTotals {
  created: CreatedTotals;
  closed: ClosedTotals;
}

export type DealKpiKind = 'pipeline_generated' | 'marketing_sourced_pipeline' | 'sqls' | 'win_rate' | 'revenue_closed' | 'average_deal_size' | 'sales_cycle_length';

interface DealKpiRule {
  /** Which date puts a deal in a period. */
  basis: 'created' | 'closed';
  /** A sum is 0 in a period with no deals (true: nothing was created); a rate or mean has no value then. */
  emptyIsZero: boolean;
  /** How it is measured, for the KPI's measurement text and the docs. */
  measuredAs: string;
  value(t: PeriodTotals): number | null;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * The catalog kinds a deal export measures, and how. Not here (left to their other data sources): MQLs and
 * every lead rate (a deal export has no leads), CAC (no spend), pipeline coverage (needs quota), response times.
 * SQLs are the deals created in the period: a deal in the CRM is an opportunity a rep qualified.
 */
export const DEAL_KPI_RULES: Readonly<Record<DealKpiKind, DealKpiRule>> = {
  pipeline_generated: {
    basis: 'created',
    emptyIsZero: true,
    measuredAs: 'Sum of the amounts of deals created in the period, whatever their status now.',
    value: (t) => t.created.amount,
  },
  marketing_sourced_pipeline: {
    basis: 'created',
    emptyIsZero: true,
    measuredAs: "Sum of the amounts of deals created in the period whose source is one of the workspace's marketing sources.",
    value: (t) => t.created.marketingAmount,
  },
  sqls: {
    basis: 'created',
    emptyIsZero: true,
    measuredAs: 'Number of deals (opportunities) created in the period.',
    value: (t) => t.created.count,
  },
  win_rate: {
    basis: 'closed',
    emptyIsZero: false,
    measuredAs: 'Deals won ÷ deals closed (won + lost) with a close date in the period, in percent.',
    value: (t) => (t.closed.won + t.closed.lost === 0 ? null : round1((100 * t.closed.won) / (t.closed.won + t.closed.lost))),
  },
  revenue_closed: {
    basis: 'closed',
    emptyIsZero: true,
    measuredAs: 'Sum of the amounts of deals won with a close date in the period.',
    value: (t) => t.closed.wonAmount,
  },
  average_deal_size: {
    basis: 'closed',
    emptyIsZero: false,
    measuredAs: 'Mean amount of the deals won with a close date in the period (won deals with no amount left out).',
    value: (t) => (t.closed.wonWithAmount === 0 ? null : Math.round(t.closed.wonAmount / t.closed.wonWithAmount)),
  },
  sales_cycle_length: {
    basis: 'closed',
    emptyIsZero: false,
    measuredAs: 'Median days from a deal’s create date to its close date, for deals won with a close date in the period.',
    value: (t) => (t.closed.medianCycleDays === null ? null : round1(t.closed.medianCycleDays)),
  },
};

export function isDealKpiKind(kind: string): kind is DealKpiKind {
  return Object.hasOwn(DEAL_KPI_RULES, kind);
}

export const EMPTY_TOTALS: PeriodTotals = Object.freeze({
  created: Object.freeze({ count: 0, amount: 0, marketingAmount: 0 }),
  closed: Object.freeze({ won: 0, lost: 0, wonAmount: 0, wonWithAmount: 0, medianCycleDays: null }),
});

/** A period's value of one kind, or null when the period has nothing to measure (no deal closed for a win rate). */
export function dealKpiValue(kind: DealKpiKind, totals: PeriodTotals | undefined): number | null {
  const rule = DEAL_KPI_RULES[kind];
  const t = totals ?? EMPTY_TOTALS;
  const hasDeals = rule.basis === 'created' ? t.created.count > 0 : t.closed.won + t.closed.lost > 0;
  if (!hasDeals) return rule.emptyIsZero ? 0 : null;
  return rule.value(t);
}

/** Every period of `kind` from the one containing `from` to the one containing `to` (dates 'YYYY-MM-DD'), oldest first. */
export function periodsBetween(kind: PeriodKind, from: string, to: string, options: PeriodOptions): Period[] {
  if (to < from) return [];
  const out: Period[] = [];
  let p = periodOf(kind, from, options);
  while (p.startDate <= to) {
    out.push(p);
    p = periodOf(kind, p.endDate, options);
  }
  return out;
}

export interface DealKpiPoint {
  /** The period's first day: the date the KPI's value is recorded on, so the goals room reads it as the period's value. */
  date: string;
  value: number;
}

/**
 * One KPI's values, one per period: periods with deals get their value; periods with none get 0 for a sum up to
 * the current period (`today` — nothing was created or won), and nothing for a rate or mean, or in the future.
 * `periods` runs from the first deal's period; `totals` is keyed by period start date.
 */
export function dealKpiSeries(kind: DealKpiKind, periods: readonly Period[], totals: ReadonlyMap<string, PeriodTotals>, today: string): DealKpiPoint[] {
  const out: DealKpiPoint[] = [];
  for (const p of periods) {
    const t = totals.get(p.startDate);
    if (!t && p.startDate > today) continue;
    const value = dealKpiValue(kind, t);
    if (value !== null) out.push({ date: p.startDate, value });
  }
  return out;
}

/** The later of two dates, either possibly null. */
export function laterDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/** A 'YYYY-MM-DD' date is a real calendar day (import writes only those; SQL may still hold junk from elsewhere). */
export function isCalendarDay(date: string | null): date is string {
  if (date === null || !calendarDate.isDate(date)) return false;
  try {
    calendarDate.parse(date);
    return true;
  } catch {
    return false;
  }
}
