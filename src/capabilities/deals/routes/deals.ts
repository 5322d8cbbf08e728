// The Deals view, the marketing-source rule and exports of deals (SPEC S7, issue 11). Everyone in the workspace reads
// the deals, their facets, the summary and the rule; admins change the rule, which rewrites every deal's
// marketing-sourced flag and recomputes the KPIs computed from deals in the same transaction.
import { Readable } from 'node:stream';
import { z } from 'zod';
import { lockForUpdate, isLostRace } from '../../../db/locks.js';
import { askRooms } from '../../../server/ask-rooms.js';
import { recordAudit } from '../../../server/audit.js';
import { actorOf } from '../../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { csvRow } from '../../../server/csv.js';
import { badRequest, conflict, forbidden, notFound, SAME_MOMENT } from '../../../server/errors.js';
import { nowIso } from '../../../server/ids.js';
import { presentPage } from '../../../server/pagination.js';
import { localDateOf } from '../../../shared/calendar/index.js';
import { DEAL_CITATIONS_PER_DEAL, mergeDealCitations } from '../../../shared/contracts/deal-citations.js';
import { closedRange } from '../domain/closed-range.js';
import { marketingSourceMatcher, sourceKey } from '../domain/marketing-source.js';
import { MARKETING_RULE_EDITORS, canChangeMarketingRule } from '../policies.js';
import { DEAL_CSV_HEADER, WORKSPACE_CURRENCY, dealCsvCells, presentDeal, presentDealDetail } from '../presenters.js';
import { applyMarketingRule, dealKpisLock, marketingRuleOf, recomputeDealKpis } from '../recompute.js';
import {
  DealDetailView,
  DealFacetsView,
  DealFilters,
  DealListQuery,
  DealSettingsChangedView,
  DealSettingsInput,
  DealSettingsView,
  DealSourcesView,
  DealSummaryView,
  DealsPageView,
  IdParams,
} from '../schemas.js';
import { dealFacets, dealSummary, getDeal, loadPeriodOptions, pageDeals, settingsRow, sourceCounts, sourceTotals, type DealQuery } from '../store.js';

const tags = ['deals'];
/** How many deals the CSV export reads at a time while it streams. */
const EXPORT_BATCH = 500;
const SOURCES_LISTED = 500;

/** Each source once, in the order given, the first spelling kept (the rule compares them trimmed, ignoring case). */
export function distinctSources(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const key = sourceKey(v);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(v.trim().replace(/\s+/g, ' '));
  }
  return out;
}

export function registerDealRoutes(app: Server, ctx: AppContext): void {
  const db = ctx.db;
  const k = db.kysely;

  /**
   * What every room says cites these deals (contract: src/shared/contracts/deal-citations.ts), asked at once; a
   * room that throws is named in `unavailable` (and logged), and the others still answer.
   */
  async function citationsOf(workspaceId: string, dealIds: string[]) {
    const { answers, unavailable } = await askRooms(ctx.log, ctx.dealCitations, (p) => p.citations({ workspaceId, dealIds, limit: DEAL_CITATIONS_PER_DEAL }), {
      failed: 'say what cites this deal',
    });
    return { byDeal: mergeDealCitations(answers.map((a) => ({ room: a.room, groups: a.value })), dealIds, DEAL_CITATIONS_PER_DEAL), unavailable };
  }

  /** The query's filters as the store applies them; a 400 in words for a period that is not one or a backwards range. */
  async function resolveFilters(workspaceId: string, f: DealFilters): Promise<DealQuery> {
    const options = await loadPeriodOptions(k, workspaceId);
    const closed = closedRange(f, options);
    if ('error' in closed) throw badRequest(closed.error, [{ path: closed.path, message: closed.error }]);
    if (f.amountMin !== undefined && f.amountMax !== undefined && f.amountMax < f.amountMin) {
      const message = `The amount range ends (${f.amountMax} cents) below where it starts (${f.amountMin} cents).`;
      throw badRequest(message, [{ path: 'querystring.amountMax', message }]);
    }
    const stages = f.stage === undefined ? undefined : [...new Set(typeof f.stage === 'string' ? [f.stage] : f.stage)].sort();
    return {
      q: f.q || undefined,
      stages,
      owner: f.owner,
      source: f.source,
      status: f.status,
      marketingSourced: f.marketingSourced === undefined ? undefined : f.marketingSourced === 'true',
      closed,
      amountMin: f.amountMin,
      amountMax: f.amountMax,
    };
  }

  app.get(
    '/deals',
    {
      schema: {
        tags,
        summary: 'Deals, a page at a time, newest close date first (deals with no close date last): search with q, filter by stage, owner, source, status, marketing-sourced, close date or period, and amount.',
        querystring: DealListQuery,
        response: { 200: DealsPageView, 400: ErrorView },
      },
      config: { readCache: true },
    },
    async (req) => {
      const actor = actorOf(req);
      const { limit, cursor, ...filters } = req.query;
      const page = await pageDeals(k, actor.workspaceId, await resolveFilters(actor.workspaceId, filters), { limit, cursor });
      return presentPage(page, presentDeal);
    },
  );

  app.get(
    '/deals.csv',
    {
      schema: {
        tags,
        summary: 'The whole filtered list of deals as CSV (the same filters as GET /deals, every page), streamed; amounts as amounts (12345.67), not cents; formula-like cells are prefixed with a quote.',
        querystring: DealFilters,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV, UTF-8, a header row then one row a deal'), 400: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const filters = await resolveFilters(actor.workspaceId, req.query);
      const today = localDateOf(new Date(), (await loadPeriodOptions(k, actor.workspaceId)).timeZone);
      async function* lines() {
        yield csvRow(DEAL_CSV_HEADER);
        let cursor: string | undefined;
        do {
          const page = await pageDeals(k, actor.workspaceId, filters, { limit: EXPORT_BATCH, cursor });
          for (const r of page.items) yield csvRow(dealCsvCells(presentDeal(r)));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="deals-${today}.csv"`)
        .send(Readable.from(lines()) as unknown as string);
    },
  );

  app.get(
    '/deals/facets',
    {
      schema: { tags, summary: 'The stages, owners and sources in use, with their deal counts, for the filter selects.', response: { 200: DealFacetsView } },
      config: { readCache: true },
    },
    async (req) => {
      const actor = actorOf(req);
      const facets = await dealFacets(k, actor.workspaceId);
      const isMarketing = marketingSourceMatcher(await marketingRuleOf(k, actor.workspaceId));
      return {
        stages: facets.stages,
        owners: facets.owners.map((o) => ({ memberId: o.member_id, name: o.member_id ? (o.name ?? 'A former member') : 'Unmatched owners', deals: Number(o.n) })),
        sources: facets.sources.map((s) => ({ value: s.source, deals: s.deals, marketing: isMarketing(s.source) })),
        total: facets.total,
      };
    },
  );

  app.get(
    '/deals/summary',
    {
      schema: { tags, summary: "Open pipeline, and this fiscal quarter's revenue closed and win rate, computed by the same formulas as the KPIs computed from deals.", response: { 200: DealSummaryView } },
      config: { readCache: true },
    },
    async (req) => {
      const actor = actorOf(req);
      return { currency: WORKSPACE_CURRENCY, ...(await dealSummary(k, actor.workspaceId, new Date())) };
    },
  );

  app.get(
    '/deals/sources',
    {
      schema: { tags, summary: "The distinct source values of the workspace's deals with their deal counts, and whether the marketing-source rule counts each: to pick the rule from real values.", response: { 200: DealSourcesView } },
      config: { readCache: true },
    },
    async (req) => {
      const actor = actorOf(req);
      const isMarketing = marketingSourceMatcher(await marketingRuleOf(k, actor.workspaceId));
      const items = (await sourceCounts(k, actor.workspaceId, SOURCES_LISTED)).map((s) => ({ ...s, marketing: isMarketing(s.source) }));
      return { items, ...(await sourceTotals(k, actor.workspaceId)) };
    },
  );

  async function presentSettings(workspaceId: string) {
    const row = await settingsRow(k, workspaceId);
    return { marketingSources: await marketingRuleOf(k, workspaceId), isDefault: !row, updatedAt: row?.updated_at ?? null, updatedByName: row?.updated_by_name ?? null };
  }

  app.get(
    '/deals/settings',
    {
      schema: { tags, summary: 'The marketing-source rule: a deal is marketing-sourced when its source is one of these values (everyone in the workspace reads it).', response: { 200: DealSettingsView } },
      config: { readCache: true },
    },
    async (req) => presentSettings(actorOf(req).workspaceId),
  );

  app.put(
    '/deals/settings',
    {
      schema: {
        tags,
        summary: "Change the marketing-source rule (admins): every deal's marketing-sourced flag is rewritten and the KPIs computed from deals are recomputed, all in one transaction, so a failure leaves the old rule and flags.",
        body: DealSettingsInput,
        response: { 200: DealSettingsChangedView, 400: ErrorView, 403: ErrorView, 409: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canChangeMarketingRule(actor)) throw forbidden(MARKETING_RULE_EDITORS);
      const sources = distinctSources(req.body.marketingSources);
      let result: { marketingSourcedDeals: number; kpisRecomputed: number };
      try {
        result = await db.transaction(async (tx) => {
          await lockForUpdate(tx, db.dialect, dealKpisLock(actor.workspaceId));
          const before = await marketingRuleOf(tx, actor.workspaceId);
          const hadRow = (await tx.selectFrom('deal_settings').select('workspace_id').where('workspace_id', '=', actor.workspaceId).executeTakeFirst()) !== undefined;
          const now = nowIso();
          await tx
            .insertInto('deal_settings')
            .values({ workspace_id: actor.workspaceId, marketing_sources: JSON.stringify(sources), updated_by: actor.memberId, updated_at: now })
            .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ marketing_sources: JSON.stringify(sources), updated_by: actor.memberId, updated_at: now }))
            .execute();
          const marketingSourcedDeals = await applyMarketingRule(tx, actor.workspaceId);
          const unchanged = hadRow && before.length === sources.length && before.every((s, i) => s === sources[i]);
          const { kpis } = unchanged ? { kpis: 0 } : await recomputeDealKpis(tx, actor.workspaceId);
          if (!unchanged) {
            await recordAudit(tx, {
              workspaceId: actor.workspaceId,
              actorMemberId: actor.memberId,
              action: 'deal_settings.changed',
              entityType: 'deal_settings',
              entityId: actor.workspaceId,
              before: { marketingSources: before },
              after: { marketingSources: sources },
            });
          }
          return { marketingSourcedDeals, kpisRecomputed: kpis };
        });
      } catch (err) {
        if (isLostRace(err)) throw conflict(SAME_MOMENT);
        throw err;
      }
      return { ...(await presentSettings(actor.workspaceId)), ...result };
    },
  );

  app.get(
    '/deals/:id',
    {
      schema: {
        tags,
        summary: 'One deal with its win or loss reason, its matched owner, the import that last wrote it, and what cites it: the sales evidence naming it (messaging) and, once the wins room is built, its wins — newest first, at most 20, with the count of all and a link to each.',
        params: IdParams,
        response: { 200: DealDetailView, 404: ErrorView },
      },
      config: { readCache: true },
    },
    async (req) => {
      const actor = actorOf(req);
      const row = await getDeal(k, actor.workspaceId, req.params.id);
      if (!row) throw notFound('Deal');
      const cited = await citationsOf(actor.workspaceId, [row.id]);
      return presentDealDetail(row, { ...(cited.byDeal.get(row.id) ?? { items: [], total: 0 }), unavailable: cited.unavailable });
    },
  );
}
