// The values every KPI's status this period needs (SPEC S1 "Status per period"), read in one query, and a second
// only for the KPIs that have no value yet this period: their last closed period's values, to show beside "no value
// yet". Reading the last closed period for every KPI would read up to three times the rows on every page.
import type { Db } from '../../db/database.js';
import { periodOf, type PeriodKind, type PeriodOptions } from '../../shared/calendar/index.js';
import { currentPeriodsStart, previousPeriod } from './presenters.js';
import { listValues, type KpiValueRow } from './store.js';

/** `judged`: each KPI with the period it is judged in (a published top three may be judged in its published period). */
export async function listStatusValues(db: Db, workspaceId: string, judged: ReadonlyArray<{ id: string; period: PeriodKind }>, now: Date, options: PeriodOptions): Promise<KpiValueRow[]> {
  const from = currentPeriodsStart(now, options);
  const values = await listValues(db, workspaceId, [...new Set(judged.map((j) => j.id))], from);
  const latest = new Map<string, string>();
  for (const v of values) if ((latest.get(v.kpi_id) ?? '') < v.date) latest.set(v.kpi_id, v.date);
  let earliest: string | null = null;
  const waiting = new Set<string>();
  for (const j of judged) {
    const current = periodOf(j.period, now, options);
    if ((latest.get(j.id) ?? '') >= current.startDate) continue;
    waiting.add(j.id);
    const start = previousPeriod(j.period, current, options).startDate;
    if (earliest === null || start < earliest) earliest = start;
  }
  if (waiting.size === 0 || earliest === null || earliest >= from) return values;
  // Only the days before the first query's: nothing is read twice.
  const before = (await listValues(db, workspaceId, [...waiting], earliest)).filter((v) => v.date < from);
  return [...before, ...values];
}
