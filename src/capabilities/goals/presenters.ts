// Shapes goals rows into API views, with each KPI's status this period (SPEC S1 "Values").
import { calendarDate, periodOf, type Period, type PeriodKind, type PeriodOptions } from '../../shared/calendar/index.js';
import { catalogKind, formatKpiValue, projectKpiStatus, type KpiKind, type KpiStatusResult } from './domain/index.js';
import type { KpiView } from './schemas.js';
import type { KpiRow, KpiValueRow, PublicationRow } from './store.js';
import { parseDiff, parseSnapshot } from './store.js';

export const CURRENCY = 'USD';

export function presentPeriod(p: Period) {
  return { key: p.key, label: p.label, start: p.start, end: p.end };
}

function presentResult(r: KpiStatusResult, p: Period) {
  return {
    status: r.status,
    actual: r.actual,
    projected: r.projected,
    target: r.target,
    attainment: r.attainment,
    explanation: r.explanation,
    period: presentPeriod(p),
  };
}

/** A period's status, and beside a current period with no value yet, how the last closed period ended (SPEC S1). */
export function presentStatus(r: KpiStatusResult, p: Period, lastClosed: { result: KpiStatusResult; period: Period } | null = null) {
  return { ...presentResult(r, p), lastClosed: lastClosed ? presentResult(lastClosed.result, lastClosed.period) : null };
}

/** The period before the one given: the day before its first day lies in it. */
export const previousPeriod = (kind: PeriodKind, p: Period, options: PeriodOptions): Period => periodOf(kind, calendarDate.addDays(p.startDate, -1), options);

/**
 * The first day any KPI's current period can start, for loading the values every current status needs:
 * months start on or after their quarter's first day, but a week can begin before the quarter does.
 */
export function currentPeriodsStart(now: Date, options: PeriodOptions): string {
  const week = periodOf('week', now, options).startDate;
  const quarter = periodOf('quarter', now, options).startDate;
  return week < quarter ? week : quarter;
}

// A page presents many KPIs from one list of values: it is split by KPI once per list (not filtered whole per KPI,
// which grew as KPIs × values), and forgotten with the list.
const BY_KPI = new WeakMap<readonly KpiValueRow[], Map<string, KpiValueRow[]>>();
function valuesOf(values: readonly KpiValueRow[], kpiId: string): readonly KpiValueRow[] {
  let byKpi = BY_KPI.get(values);
  if (!byKpi) {
    byKpi = new Map();
    for (const v of values) {
      const list = byKpi.get(v.kpi_id);
      if (list) list.push(v);
      else byKpi.set(v.kpi_id, [v]);
    }
    BY_KPI.set(values, byKpi);
  }
  return byKpi.get(kpiId) ?? [];
}

/**
 * A KPI's status this period. On the first days of a period, before a value is in, the last closed period's result
 * stands beside "no value yet", so a card never reads only "no data" while last month had values.
 */
export function currentStatus(k: KpiRow, values: readonly KpiValueRow[], options: PeriodOptions, catalog: readonly KpiKind[], now: Date) {
  const kind = catalogKind(k.kind, catalog);
  const own = valuesOf(values, k.id);
  const statusIn = (period: Period) =>
    projectKpiStatus({
      unit: k.unit,
      direction: k.direction,
      ...(kind ? { aggregation: kind.aggregation } : {}),
      target: k.target,
      values: own.filter((v) => v.date >= period.startDate && v.date < period.endDate),
      period,
      now,
      currency: CURRENCY,
    });
  const period = periodOf(k.period, now, options);
  const result = statusIn(period);
  if (result.valueCount > 0) return presentStatus(result, period);
  const last = previousPeriod(k.period, period, options);
  const closed = statusIn(last);
  if (closed.valueCount === 0) return presentStatus(result, period);
  const at = `${last.label} closed at ${formatKpiValue(closed.actual, k.unit, CURRENCY)}`;
  const ended = closed.status === 'no_target' ? `${at}; no target is set.` : `${at}: ${closed.status.replace('_', ' ')}.`;
  return presentStatus({ ...result, explanation: `No value yet for ${period.label}. ${ended}` }, period, { result: closed, period: last });
}

export function presentKpi(
  k: KpiRow,
  values: readonly KpiValueRow[],
  options: PeriodOptions,
  catalog: readonly KpiKind[],
  now: Date,
): KpiView {
  return {
    id: k.id,
    team: k.team === 'leadership' ? 'sales' : k.team,
    name: k.name,
    kind: k.kind,
    kindName: catalogKind(k.kind, catalog)?.name ?? k.kind,
    unit: k.unit,
    direction: k.direction,
    measurement: k.measurement,
    dataSource: k.data_source,
    period: k.period,
    target: k.target,
    baseline: k.baseline,
    ownerMemberId: k.owner_member_id,
    ownerName: k.owner_name,
    compensated: k.compensated === 1,
    compWeight: k.comp_weight,
    rank: k.rank,
    shared: k.shared === 1,
    sharedProposedByTeam: k.shared === 0 && k.proposer_team && k.proposer_team !== 'leadership' ? k.proposer_team : null,
    current: currentStatus(k, values, options, catalog, now),
    updatedAt: k.updated_at,
  };
}

/** "by Dana Whitfield", or "by Dana Whitfield for Sales" when she published on the team's behalf (SPEC S0). */
export function publicationByline(name: string | null, onBehalfOf: string | null): string {
  const who = `by ${name ?? 'a former member'}`;
  return onBehalfOf === 'sales' ? `${who} for Sales` : onBehalfOf === 'marketing' ? `${who} for Marketing` : who;
}

export function presentPublication(p: PublicationRow) {
  const snapshot = parseSnapshot(p);
  return {
    id: p.id,
    team: p.team === 'leadership' ? ('sales' as const) : p.team,
    number: p.number,
    publishedAt: p.published_at,
    publishedByName: p.published_by_name,
    onBehalfOf: p.on_behalf_of === 'sales' || p.on_behalf_of === 'marketing' ? p.on_behalf_of : null,
    byline: publicationByline(p.published_by_name, p.on_behalf_of),
    note: p.note,
    items: snapshot.items,
    changes: parseDiff(p),
  };
}
