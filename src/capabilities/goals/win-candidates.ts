// Goals' side of the win-candidates contract (SPEC S5 "a KPI reaching its period target", issue 13): a KPI whose
// period reached its target, judged by goals' own status (projectKpiStatus, decision 009's period values). A
// higher-is-better KPI counts the day its period's value reaches the target (a flow summed so far, or a reading);
// a lower-is-better one only once its period has closed on target (a cost can still rise before the period ends).
// Credited: the KPI's owner, or else its team's leads. One candidate per KPI and period: 'kpi:<id>:<period key>'.
import type { Db } from '../../db/database.js';
import { calendarDate, localDateOf, periodOf, type Period, type PeriodOptions } from '../../shared/calendar/index.js';
import type { WinCandidate, WinCandidateProvider } from '../../shared/contracts/win-candidates.js';
import { catalogKind, defaultAggregation, formatKpiValue, projectKpiStatus, type KpiKind } from './domain/index.js';
import { CURRENCY, previousPeriod } from './presenters.js';
import { listKpis, listValues, loadCatalog, loadPeriodOptions, type KpiRow } from './store.js';

export interface TargetReached {
  /** The day the period's value reached the target (higher is better), or the period's last day (lower). */
  on: string;
  actual: number;
}

/**
 * Whether one KPI's period reached its target, and when: goals' status must be on track, and for a period still
 * running the value itself (not its projection) must have reached the target.
 */
export function kpiTargetReached(
  k: Pick<KpiRow, 'unit' | 'direction' | 'target'>,
  aggregation: KpiKind['aggregation'] | undefined,
  values: ReadonlyArray<{ date: string; value: number }>,
  period: Period,
  now: Date,
): TargetReached | null {
  if (k.target === null || k.target === 0) return null;
  const inPeriod = values.filter((v) => v.date >= period.startDate && v.date < period.endDate).sort((a, b) => a.date.localeCompare(b.date));
  const status = projectKpiStatus({ unit: k.unit, direction: k.direction, ...(aggregation ? { aggregation } : {}), target: k.target, values: inPeriod, period, now, currency: CURRENCY });
  if (status.status !== 'on_track' || status.actual === null) return null;
  const closed = localDateOf(now, period.timeZone) >= period.endDate;
  const lastDay = calendarDate.addDays(period.endDate, -1);
  if (k.direction === 'lower') return closed ? { on: lastDay, actual: status.actual } : null;
  if (status.actual < k.target) return null;
  // The day it got there: the first day the running value (the sum so far, or the reading) met the target.
  const how = aggregation ?? defaultAggregation(k.unit);
  let running = 0;
  for (let i = 0; i < inPeriod.length; i++) {
    const v = inPeriod[i]!;
    running = how === 'sum' ? running + v.value : aggregationValue(inPeriod.slice(0, i + 1), how);
    if (running >= k.target) return { on: v.date, actual: status.actual };
  }
  return { on: inPeriod.at(-1)?.date ?? lastDay, actual: status.actual };
}

function aggregationValue(values: ReadonlyArray<{ value: number }>, aggregation: KpiKind['aggregation']): number {
  if (aggregation === 'average') return values.reduce((s, v) => s + v.value, 0) / values.length;
  return values.at(-1)!.value;
}

async function teamLeads(db: Db, workspaceId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('members')
    .select(['id', 'team'])
    .where('workspace_id', '=', workspaceId)
    .where('active', '=', 1)
    .where('role', 'in', ['leader', 'admin'])
    .where('team', 'in', ['sales', 'marketing'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.team, [...(out.get(r.team) ?? []), r.id]);
  return out;
}

export function goalsWinCandidates(db: Db): WinCandidateProvider {
  return {
    room: 'goals',
    async candidates({ workspaceId, since, now, timeZone }) {
      const kpis = (await listKpis(db, workspaceId)).filter((k) => k.target !== null);
      if (kpis.length === 0) return [];
      const options: PeriodOptions = await loadPeriodOptions(db, workspaceId);
      const catalog = await loadCatalog(db, workspaceId);
      const sinceDate = localDateOf(new Date(since), timeZone);
      // The periods that may hold a target reached since `since`: the current one and the one before it.
      const periods = new Map<string, Period[]>();
      let from: string | null = null;
      for (const k of kpis) {
        const current = periodOf(k.period, now, options);
        const list = [previousPeriod(k.period, current, options), current].filter((p) => p.endDate > sinceDate);
        periods.set(k.id, list);
        for (const p of list) if (from === null || p.startDate < from) from = p.startDate;
      }
      if (from === null) return [];
      const values = await listValues(db, workspaceId, kpis.map((k) => k.id), from);
      const byKpi = new Map<string, Array<{ date: string; value: number }>>();
      for (const v of values) byKpi.set(v.kpi_id, [...(byKpi.get(v.kpi_id) ?? []), { date: v.date, value: v.value }]);
      const leads = await teamLeads(db, workspaceId);
      const out: WinCandidate[] = [];
      for (const k of kpis) {
        const aggregation = catalogKind(k.kind, catalog)?.aggregation;
        for (const period of periods.get(k.id) ?? []) {
          const reached = kpiTargetReached(k, aggregation, byKpi.get(k.id) ?? [], period, now);
          if (!reached || reached.on < sinceDate) continue;
          const fmt = (n: number) => formatKpiValue(n, k.unit, CURRENCY);
          const team = k.team === 'marketing' ? 'Marketing' : 'Sales';
          out.push({
            key: `kpi:${k.id}:${period.key}`,
            kind: 'kpi_target_hit',
            title: `${k.name} hit its ${period.label} target`,
            story: `${team}'s ${k.name} is at ${fmt(reached.actual)} for ${period.label}, against a target of ${k.direction === 'higher' ? 'at least' : 'at most'} ${fmt(k.target!)}.`,
            wonOn: reached.on,
            creditedMemberIds: k.owner_member_id ? [k.owner_member_id] : (leads.get(k.team) ?? []),
            source: { kind: 'kpi', id: k.id, label: k.name, href: `/goals/kpis/${k.id}` },
          });
        }
      }
      return out;
    },
  };
}
