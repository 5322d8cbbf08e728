// The agenda's KPI section (SPEC S2: "KPIs of both teams with change since last meeting, off-track
// ones first"). One item per KPI, worded to be read out: "Win rate 24% → 26.9% (+2.9 pts), on track".
// Order: off track, at risk, no data (nobody logged a value: also worth raising), on track, no
// target; then sales before marketing, top-three rank, name. The change is the difference of the
// values in the KPI's unit, rounded as the values are shown (percent in percentage points, money in
// whole cents); a difference that rounds to zero reads "no change". Whether it got better or worse
// honours the KPI's direction (a shorter sales cycle is better).
import type { AgendaItem, AgendaTone } from '../../../shared/contracts/agenda.js';
import type { Team } from '../../../shared/vocabulary.js';
import { formatKpiValue } from './format-kpi-value.js';
import type { KpiDirection, KpiStatus, KpiUnit } from './types.js';

/** A KPI for the agenda's KPI section: its status now and its value now and at the last check-in. */
export interface KpiChangeInput {
  kpiId: string;
  name: string;
  team: Team;
  unit: KpiUnit;
  direction: KpiDirection;
  status: KpiStatus;
  /** Current period-to-date value; null when none is logged. */
  value: number | null;
  /** The value as it stood at the last check-in; null when there was none. */
  previousValue: number | null;
  /** 1–3 when in the team's top three. */
  rank?: number | null;
  /** ISO 4217 code for currency KPIs; 'USD' when omitted. */
  currency?: string;
}

/** Percentage points, one decimal: built once (an Intl.NumberFormat is costly to build). */
const POINTS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

const STATUS_ORDER: Record<KpiStatus, number> = { off_track: 0, at_risk: 1, no_data: 2, on_track: 3, no_target: 4 };
const STATUS_WORDS: Record<KpiStatus, string> = { on_track: 'on track', at_risk: 'at risk', off_track: 'off track', no_data: 'no data', no_target: 'no target' };
const STATUS_TONE: Record<KpiStatus, AgendaTone> = { off_track: 'alert', at_risk: 'warning', no_data: 'neutral', on_track: 'good', no_target: 'neutral' };
const TEAM_ORDER: Record<Team, number> = { sales: 0, marketing: 1, leadership: 2 };
const TEAM_NAMES: Record<Team, string> = { sales: 'Sales', marketing: 'Marketing', leadership: 'Leadership' };

/** Decimals a difference keeps, as formatKpiValue shows the values; currency is in cents. */
function roundDelta(delta: number, unit: KpiUnit): number {
  const factor = unit === 'currency' ? 1 : unit === 'ratio' ? 100 : 10;
  return Math.round(delta * factor) / factor;
}

function formatDelta(delta: number, unit: KpiUnit, currency: string): string {
  const sign = delta > 0 ? '+' : '-';
  const size = Math.abs(delta);
  if (unit === 'percent') return `${sign}${POINTS.format(size)} pts`;
  return `${sign}${formatKpiValue(size, unit, currency)}`;
}

function wording(k: KpiChangeInput): { text: string; trend: 'better' | 'worse' | 'same' | null } {
  const currency = k.currency ?? 'USD';
  const status = STATUS_WORDS[k.status];
  const show = (v: number): string => formatKpiValue(v, k.unit, currency);
  if (k.value === null) {
    const was = k.previousValue === null ? '' : ` (${show(k.previousValue)} at the last check-in)`;
    return { text: `${k.name}: no value logged this period${was}, ${status}`, trend: null };
  }
  if (k.previousValue === null) return { text: `${k.name} ${show(k.value)} (no value at the last check-in), ${status}`, trend: null };
  const delta = roundDelta(k.value - k.previousValue, k.unit);
  if (delta === 0) return { text: `${k.name} ${show(k.value)} (no change), ${status}`, trend: 'same' };
  const better = k.direction === 'higher' ? delta > 0 : delta < 0;
  return {
    text: `${k.name} ${show(k.previousValue)} → ${show(k.value)} (${formatDelta(delta, k.unit, currency)}), ${status}`,
    trend: better ? 'better' : 'worse',
  };
}

export function kpiChangeItems(kpis: readonly KpiChangeInput[]): AgendaItem[] {
  return [...kpis]
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        TEAM_ORDER[a.team] - TEAM_ORDER[b.team] ||
        (a.rank ?? 99) - (b.rank ?? 99) ||
        a.name.localeCompare(b.name) ||
        a.kpiId.localeCompare(b.kpiId),
    )
    .map((k) => {
      const { text, trend } = wording(k);
      const detail = [
        TEAM_NAMES[k.team],
        k.rank ? `top three #${k.rank}` : null,
        trend === 'better' ? 'better than at the last check-in' : trend === 'worse' ? 'worse than at the last check-in' : null,
      ]
        .filter((s): s is string => s !== null)
        .join(' · ');
      return { id: `kpi:${k.kpiId}`, text, detail, tone: STATUS_TONE[k.status], ref: { type: 'kpi', id: k.kpiId } };
    });
}
