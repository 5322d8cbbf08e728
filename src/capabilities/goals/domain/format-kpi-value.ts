// Formats a KPI value for people, by unit (SPEC S1 publication diff, status explanations).
// Currency values are integer cents of an ISO 4217 currency: whole amounts, and any amount of 10,000 or
// more (where cents are noise), show no decimals ("$1,250,000", "$3,650,072"); others show cents ("$1,234.56"). Percent values are percentage points (22 → "22%").
// Counts, percents and ratios keep at most one decimal; days and hours say their unit.
import type { KpiUnit } from './types.js';

const LOCALE = 'en-US';

// Building an Intl.NumberFormat costs far more than formatting with one (it was ~12% of a Goals page's CPU):
// each format is built once per process and kept.
const formats = new Map<string, Intl.NumberFormat>();
function formatter(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, options);
    // Currency codes come from KPIs: a bound keeps a workspace of odd codes from growing the map forever.
    if (formats.size > 500) formats.clear();
    formats.set(key, f);
  }
  return f;
}

function plain(value: number, maxDecimals: number): string {
  return formatter(`plain:${maxDecimals}`, { maximumFractionDigits: maxDecimals }).format(value);
}

function money(cents: number, currency: string): string {
  const whole = Math.round(cents) % 100 === 0 || Math.abs(cents) >= 1_000_000;
  const digits = whole ? 0 : 2;
  try {
    return formatter(`money:${currency}:${digits}`, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Math.round(cents) / 100);
  } catch {
    // An unknown code still reads sensibly: "XYZ 1,200".
    return `${currency} ${plain(Math.round(cents) / 100, digits)}`;
  }
}

export function formatKpiValue(value: number | null, unit: KpiUnit, currency = 'USD'): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'currency':
      return money(value, currency);
    case 'percent':
      return `${plain(value, 1)}%`;
    case 'ratio':
      return `${plain(value, 2)}×`;
    case 'days':
      return `${plain(value, 1)} ${value === 1 ? 'day' : 'days'}`;
    case 'hours':
      return `${plain(value, 1)} ${value === 1 ? 'hour' : 'hours'}`;
    case 'count':
      return plain(value, 1);
  }
}
