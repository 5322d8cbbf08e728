// KPI values as people read them (SPEC S1): money arrives as integer cents, percent as points (25 → 25%).
import type { KpiStatus, KpiUnit, PeriodKind } from './types.js';

import { formatKpiValue as formatExact } from '../../../src/capabilities/goals/domain/format-kpi-value.js';
import { KPI_UNIT_RANGES } from '../../../src/capabilities/goals/domain/kpi-input-rules.js';

const LOCALE = 'en-US';
const compactDollars = (cents: number) =>
  new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 }).format(cents / 100);

/**
 * A value in its unit, worded exactly as the server words explanations and diffs (the same domain function).
 * `compact` shortens big numbers for cards and charts ("$2.4M", "120K").
 */
export function formatKpiValue(value: number | null | undefined, unit: KpiUnit, opts: { compact?: boolean } = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (opts.compact && unit === 'currency' && Math.abs(value) >= 100_000_000) return compactDollars(value);
  if (opts.compact && unit === 'count' && Math.abs(value) >= 100_000) {
    return new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  }
  return formatExact(value, unit);
}

/** "≥ 25% / month", "≤ 4 hours / month", "$2.4M / quarter". */
export function formatTarget(target: number | null, unit: KpiUnit, direction: 'higher' | 'lower', period: PeriodKind): string {
  if (target === null) return 'No target set';
  const sign = direction === 'higher' ? '≥' : '≤';
  return `${sign} ${formatKpiValue(target, unit, { compact: true })} / ${period}`;
}

/** What a target, baseline or value of a unit may be, as the form says it (the sane maximum is left to the check). */
export function rangeHint(unit: KpiUnit): string {
  return unit === 'percent' ? 'a share from 0% to 100%' : `${formatExact(KPI_UNIT_RANGES[unit].min, unit)} or more`;
}

/** Money is entered in dollars and stored in cents. */
export const toApiValue = (entered: number, unit: KpiUnit): number => (unit === 'currency' ? Math.round(entered * 100) : entered);
export const fromApiValue = (stored: number, unit: KpiUnit): number => (unit === 'currency' ? stored / 100 : stored);

export const UNIT_LABEL: Record<KpiUnit, string> = {
  count: 'Count',
  currency: 'Money (USD)',
  percent: 'Percent',
  days: 'Days',
  hours: 'Hours',
  ratio: 'Ratio',
};

export const UNIT_SHORT: Record<KpiUnit, string> = { count: 'count', currency: 'money', percent: '%', days: 'days', hours: 'hours', ratio: 'ratio' };

export const DIRECTION_LABEL = { higher: 'Higher is better', lower: 'Lower is better' } as const;

export const STATUS_META: Record<KpiStatus, { label: string; color: string }> = {
  on_track: { label: 'On track', color: 'green' },
  at_risk: { label: 'At risk', color: 'yellow' },
  off_track: { label: 'Off track', color: 'red' },
  no_data: { label: 'No data', color: 'gray' },
  no_target: { label: 'No target', color: 'gray' },
};

export const DATA_SOURCE_LABEL: Record<string, string> = {
  manual: 'Entered by hand',
  csv: 'CSV import',
  webhook: 'Webhook',
  deals: 'Computed from deals',
};

export const PERIOD_LABEL: Record<PeriodKind, string> = { week: 'Week', month: 'Month', quarter: 'Quarter' };

export const possessive = (team: string) => (team.endsWith('s') ? `${team}'` : `${team}'s`);
export const pct = (share: number | null | undefined) => (share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`);

/** Text in a status color that keeps AA contrast in both schemes (the theme darkens `light-color` in light mode). */
export const tone = (color: string) => ({ color: `var(--mantine-color-${color}-light-color)` });
