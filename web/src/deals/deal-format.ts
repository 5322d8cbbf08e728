// How the Deals view words amounts, statuses and periods (SPEC S7). Money arrives as integer cents and is worded by the
// same domain function the goals room uses for KPI values, so a deal's amount reads like a KPI's.
import { formatKpiValue } from '../../../src/capabilities/goals/domain/format-kpi-value.js';
import { periodOf, type PeriodOptions } from '../../../src/shared/calendar/index.js';
import type { DealStatus } from './deals-types.js';

const LOCALE = 'en-US';
const compact = new Map<string, Intl.NumberFormat>();

/** "$48,500", in the deal's currency (the workspace's when the export gave none); "—" for no amount. */
export function formatAmount(cents: number | null, currency: string | null = null): string {
  if (cents === null) return '—';
  return formatKpiValue(cents, 'currency', currency ?? 'USD');
}

/** "$2.4M" for the summary cards. */
export function formatCompactAmount(cents: number, currency = 'USD'): string {
  let f = compact.get(currency);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    compact.set(currency, f);
  }
  return f.format(cents / 100);
}

export const STATUS_META: Record<DealStatus, { label: string; color: string }> = {
  open: { label: 'Open', color: 'blue' },
  won: { label: 'Won', color: 'green' },
  lost: { label: 'Lost', color: 'red' },
};

/** The periods the "Closed in" filter offers: this fiscal quarter and the three before, this month and the last two. */
export function closedInOptions(options: PeriodOptions, now = new Date()): Array<{ group: string; items: Array<{ value: string; label: string }> }> {
  const quarters = [];
  let q = periodOf('quarter', now, options);
  for (let i = 0; i < 4; i++) {
    quarters.push({ value: q.key, label: i === 0 ? `${q.label} (this quarter)` : q.label });
    q = periodOf('quarter', new Date(Date.parse(q.start) - 86_400_000), options);
  }
  const months = [];
  let m = periodOf('month', now, options);
  for (let i = 0; i < 3; i++) {
    months.push({ value: m.key, label: i === 0 ? `${m.label} (this month)` : m.label });
    m = periodOf('month', new Date(Date.parse(m.start) - 86_400_000), options);
  }
  return [
    { group: 'Fiscal quarters', items: quarters },
    { group: 'Months', items: months },
  ];
}
