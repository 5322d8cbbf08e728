// The goals section of every check-in agenda (SPEC S2 item 2): both teams' top-three and shared KPIs
// with their change since the last meeting, off-track first. Reached only through AgendaSectionProvider.
import type { Db } from '../../db/database.js';
import { localDateOf, periodOf } from '../../shared/calendar/index.js';
import type { AgendaSectionProvider } from '../../shared/contracts/agenda.js';
import { catalogKind, kpiChangeItems, projectKpiStatus } from './domain/index.js';
import { CURRENCY } from './presenters.js';
import { listKpis, listValues, loadCatalog, loadPeriodOptions } from './store.js';

export function kpiAgendaSection(db: Db): AgendaSectionProvider {
  return {
    key: 'kpis',
    title: 'KPIs of both teams',
    order: 2,
    async build(ctx) {
      const options = await loadPeriodOptions(db, ctx.workspaceId);
      const catalog = await loadCatalog(db, ctx.workspaceId);
      const kpis = (await listKpis(db, ctx.workspaceId)).filter((k) => k.rank !== null || k.shared === 1);
      const now = new Date(ctx.now);
      const since = new Date(ctx.since);
      // Values from the start of the earliest period either status needs: a week can begin before the
      // quarter that holds `since` (a week spanning the quarter's first day), so the quarter alone is not enough.
      const from = kpis.map((k) => periodOf(k.period, since, options).startDate).reduce((a, b) => (b < a ? b : a), periodOf('quarter', since, options).startDate);
      const values = await listValues(db, ctx.workspaceId, kpis.map((k) => k.id), from);
      const sinceDate = localDateOf(since, options.timeZone);
      const nowDate = localDateOf(now, options.timeZone);
      return kpiChangeItems(
        kpis.map((k) => {
          const aggregation = catalogKind(k.kind, catalog)?.aggregation;
          const statusAt = (at: Date, upTo: string) => {
            const period = periodOf(k.period, at, options);
            return projectKpiStatus({
              unit: k.unit,
              direction: k.direction,
              ...(aggregation ? { aggregation } : {}),
              target: k.target,
              values: values.filter((v) => v.kpi_id === k.id && v.date >= period.startDate && v.date < period.endDate && v.date <= upTo).map((v) => ({ date: v.date, value: v.value })),
              period,
              now: at,
              currency: CURRENCY,
            });
          };
          const current = statusAt(now, nowDate);
          const previous = statusAt(since, sinceDate);
          return {
            kpiId: k.id,
            name: k.name,
            team: k.team,
            unit: k.unit,
            direction: k.direction,
            status: current.status,
            value: current.actual,
            previousValue: previous.actual,
            rank: k.rank,
            currency: CURRENCY,
          };
        }),
      ).map((item) => ({ ...item, href: item.ref ? `/goals/kpis/${item.ref.id}` : (item.href ?? null) }));
    },
  };
}
