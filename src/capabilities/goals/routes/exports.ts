// "Download CSV" of the goals room's tables (SPEC S7): the KPIs list and a KPI's values, each exactly as its list
// answers for the same filters (src/server/csv-export.ts). Numbers are amounts in the KPI's unit (money in dollars,
// not cents; percents as 0–100), dates in the workspace's time zone.
import { actorOf } from '../../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import type { z } from 'zod';
import { CsvAnswer, localDateTime, sendListAsCsv, timeZoneOf, yesNo } from '../../../server/csv-export.js';
import { notFound } from '../../../server/errors.js';
import type { KpiUnit } from '../domain/index.js';
import { CURRENCY } from '../presenters.js';
import { CatalogQuery, IdParams, KpiListQuery, KpiValuesQuery, type KpiKindView, type KpiView } from '../schemas.js';
import { getKpi } from '../store.js';

const tags = ['goals'];

const UNIT_WORDS: Record<KpiUnit, string> = { currency: CURRENCY, count: 'count', percent: '%', days: 'days', hours: 'hours', ratio: 'ratio' };
const STATUS_WORDS: Record<KpiView['current']['status'], string> = { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track', no_data: 'No data yet', no_target: 'No target' };
const TEAM_WORDS = { sales: 'Sales', marketing: 'Marketing' } as const;
const SOURCE_WORDS: Record<string, string> = { manual: 'Typed in', csv: 'CSV import', webhook: 'Webhook', deals: 'Computed from deals' };

/** A stored value as an amount in its unit: money in currency units (cents / 100), the rest as stored. */
function amount(value: number | null, unit: KpiUnit): string {
  if (value === null) return '';
  return unit === 'currency' ? (value / 100).toFixed(2) : String(Math.round(value * 10_000) / 10_000);
}

export function registerGoalsExportRoutes(app: Server, { db }: AppContext): void {
  const k = db.kysely;

  app.get(
    '/goals/kpis.csv',
    {
      schema: {
        tags,
        summary: 'The KPIs list with the same filters, as CSV (every page): team, rank, how it is measured, target and this period, in their units.',
        querystring: KpiListQuery.omit({ limit: true, cursor: true }),
        produces: ['text/csv'],
        response: { 200: CsvAnswer, 400: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const tz = await timeZoneOf(k, actor.workspaceId);
      return sendListAsCsv<KpiView>(app, req, reply, {
        sources: [{ list: '/api/v1/goals/kpis', query: req.query }],
        name: req.query.team ? `${req.query.team}-kpis` : 'kpis',
        timeZone: tz,
        columns: [
          { header: 'Team', cell: (x) => TEAM_WORDS[x.team] },
          { header: 'Rank', cell: (x) => (x.rank ? `#${x.rank}` : '') },
          { header: 'KPI', cell: (x) => x.name },
          { header: 'Kind', cell: (x) => x.kindName },
          { header: 'How it is measured', cell: (x) => x.measurement },
          { header: 'Unit', cell: (x) => UNIT_WORDS[x.unit] },
          { header: 'Better when', cell: (x) => (x.direction === 'higher' ? 'Higher' : 'Lower') },
          { header: 'Target period', cell: (x) => x.period },
          { header: 'Target', cell: (x) => amount(x.target, x.unit) },
          { header: 'Baseline', cell: (x) => amount(x.baseline, x.unit) },
          { header: 'This period', cell: (x) => x.current.period.label },
          { header: 'This period so far', cell: (x) => amount(x.current.actual, x.unit) },
          { header: 'Status', cell: (x) => STATUS_WORDS[x.current.status] },
          { header: 'Owner', cell: (x) => x.ownerName ?? '' },
          { header: 'Comp weight (%)', cell: (x) => (x.compensated ? x.compWeight : '') },
          { header: 'Shared', cell: (x) => yesNo(x.shared) },
          { header: 'Data source', cell: (x) => SOURCE_WORDS[x.dataSource] ?? x.dataSource },
          { header: `Last changed (${tz})`, cell: (x) => localDateTime(x.updatedAt, tz) },
        ],
      });
    },
  );

  app.get(
    '/goals/catalog.csv',
    {
      schema: {
        tags,
        summary: 'The KPI catalog with the same search, as CSV: the built-in kinds by name, then the workspace\'s own.',
        querystring: CatalogQuery.omit({ limit: true, cursor: true }),
        produces: ['text/csv'],
        response: { 200: CsvAnswer, 400: ErrorView },
      },
    },
    async (req, reply) => {
      const tz = await timeZoneOf(k, actorOf(req).workspaceId);
      return sendListAsCsv<z.infer<typeof KpiKindView>>(app, req, reply, {
        sources: [{ list: '/api/v1/goals/catalog', query: req.query }],
        name: 'kpi-catalog',
        timeZone: tz,
        columns: [
          { header: 'Kind', cell: (c) => c.name },
          { header: 'Unit', cell: (c) => UNIT_WORDS[c.unit] },
          { header: 'Better when', cell: (c) => (c.direction === 'higher' ? 'Higher' : 'Lower') },
          { header: 'Usually', cell: (c) => TEAM_WORDS[c.defaultTeam as keyof typeof TEAM_WORDS] ?? c.defaultTeam },
          { header: 'How it is measured', cell: (c) => c.measuredAs },
          { header: 'Source', cell: (c) => (c.builtIn ? 'Built in' : 'Custom') },
        ],
      });
    },
  );

  app.get(
    '/goals/kpis/:id/values.csv',
    {
      schema: {
        tags,
        summary: "A KPI's values with the same date bounds, as CSV (every page, newest first), in the KPI's unit.",
        params: IdParams,
        querystring: KpiValuesQuery.omit({ limit: true, cursor: true }),
        produces: ['text/csv'],
        response: { 200: CsvAnswer, 400: ErrorView, 404: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const kpi = await getKpi(k, actor.workspaceId, req.params.id);
      if (!kpi) throw notFound('KPI');
      const tz = await timeZoneOf(k, actor.workspaceId);
      const slug = kpi.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'kpi';
      return sendListAsCsv<{ date: string; value: number; source: string; note: string | null }>(app, req, reply, {
        sources: [{ list: `/api/v1/goals/kpis/${encodeURIComponent(kpi.id)}/values`, query: req.query }],
        name: `${slug}-values`,
        timeZone: tz,
        columns: [
          { header: 'Date', cell: (v) => v.date },
          { header: `${kpi.name} (${UNIT_WORDS[kpi.unit]})`, cell: (v) => amount(v.value, kpi.unit) },
          { header: 'Source', cell: (v) => SOURCE_WORDS[v.source] ?? v.source },
          { header: 'Note', cell: (v) => v.note ?? '' },
        ],
      });
    },
  );
}
