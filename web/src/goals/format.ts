// KPI values as people read them (SPEC S1): money arrives as integer cents, percent as points (25 → 25%).
import type { KpiStatus, KpiUnit, PeriodKind } from './types.js';

const LOCALE = 'en-US';
const plain = (n: number, digits: number) => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits }).format(n);
const dollars = (cents: number, digits: number) =>
  new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD', minimumFractionDigits: 0, maximumFractionDigits: digits }).format(cents / 100);
const compactDollars = (cents: number) =>
  new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 }).format(cents / 100);

/**
 * A value in its unit. `compact` shortens big money ("$2.4M") for cards and charts; otherwise whole dollars
 * ("$1,031,542"), with cents only below $1,000 where they matter.
 */
export function formatKpiValue(value: number | null | undefined, unit: KpiUnit, opts: { compact?: boolean } = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'currency':
      if (opts.compact && Math.abs(value) >= 1_000_000) return compactDollars(value);
      return dollars(value, Math.abs(value) >= 100_000 ? 0 : 2);
    case 'percent':
      return `${plain(value, 1)}%`;
    case 'ratio':
      return `${plain(value, 2)}×`;
    case 'days':
      return `${plain(value, 1)} ${value === 1 ? 'day' : 'days'}`;
    case 'hours':
      return `${plain(value, 1)} ${value === 1 ? 'hour' : 'hours'}`;
    case 'count':
      return opts.compact && Math.abs(value) >= 100_000 ? new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 }).format(value) : plain(value, 1);
  }
}

/** "≥ 25% / month", "≤ 4 hours / month", "$2.4M / quarter". */
export function formatTarget(target: number | null, unit: KpiUnit, direction: 'higher' | 'lower', period: PeriodKind): string {
  if (target === null) return 'No target set';
  const sign = direction === 'higher' ? '≥' : '≤';
  return `${sign} ${formatKpiValue(target, unit, { compact: true })} / ${period}`;
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
