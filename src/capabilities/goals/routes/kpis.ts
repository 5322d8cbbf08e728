// The KPI catalog, team KPIs, the top three, values and shared KPIs (SPEC S1).
import { parse as parseCsv, type InfoRecord } from 'csv-parse/sync';
import { z } from 'zod';
import type { Db } from '../../../db/database.js';
import { lockForUpdate } from '../../../db/locks.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { recordAudit } from '../../../server/audit.js';
import { actorOf, type Actor } from '../../../server/auth.js';
import { badRequest, conflict, forbidden, notFound } from '../../../server/errors.js';
import { newId, nowIso } from '../../../server/ids.js';
import { paginateInMemory, presentPage } from '../../../server/pagination.js';
import { PAGE_LIMIT_DEFAULT } from '../../../shared/page.js';
import { lastPeriods, localDateOf, periodOf } from '../../../shared/calendar/index.js';
import {
  catalogKind,
  kpiTrend,
  normalizeKpiText,
  otherTeam,
  validateTopThree,
  type Kpi,
  type KpiKind,
  type Team,
} from '../domain/index.js';
import { recomputeDealKpis } from '../../deals/index.js';
import { computesAfterChange, dealsSourceProblem, typedValueRefusal } from '../computed-kpis.js';
import { refuseBadMeasures, refuseBadValues } from '../kpi-input-checks.js';
import { canAddCatalogKind, canEditTeamGoals, leadsTeam, onBehalfOf } from '../policies.js';
import { CURRENCY, presentKpi, presentPeriod } from '../presenters.js';
import { listStatusValues } from '../status-values.js';
import {
  IdParams,
  KpiCreateInput,
  KpiDetailView,
  KpiKindInput,
  CatalogPageView,
  CatalogQuery,
  KpiKindView,
  KpiListQuery,
  KpisPageView,
  KpiValuesPageView,
  KpiValuesQuery,
  KpiUpdateInput,
  KpiValuesInput,
  KpiValuesPasteInput,
  KpiView,
  TopThreeInput,
  ValuesRecordedView,
} from '../schemas.js';
import { catalogLock, getKpi, goalsLock, listKpis, listValues, loadCatalog, loadPeriodOptions, pageKpis, pageValues, refusingRaces, toDomainKpi, type KpiRow, type KpiValueRow } from '../store.js';

/** The 409 when another lead took the same rank at the same moment (the unique rank index refused the second). */
const rankRace = (team: string) => `Another ${team} lead changed the ${team} top three at the same moment; reload and try again.`;

const tags = ['goals'];

const presentValue = (v: KpiValueRow) => ({ id: v.id, date: v.date, value: v.value, source: v.source, note: v.note });
const presentKind = (k: KpiKind) => ({ id: k.id, name: k.name, unit: k.unit, direction: k.direction, defaultTeam: k.defaultTeam, measuredAs: k.measuredAs, builtIn: k.builtIn });

/** Throws a 400 listing every problem with the team's KPIs as they would be after a change. */
function assertValidTeam(kpis: readonly Kpi[], team: Team): void {
  const check = validateTopThree(kpis.filter((k) => k.team === team), { team });
  if (!check.ok) throw badRequest(check.problems.map((p) => p.message).join(' '), check.problems);
}

/** KPIs with this period's status: settings, catalog and values are read once for all of them. */
async function presentKpis(db: Db, workspaceId: string, rows: readonly KpiRow[]) {
  const options = await loadPeriodOptions(db, workspaceId);
  const catalog = await loadCatalog(db, workspaceId);
  const now = new Date();
  const values = await listStatusValues(db, workspaceId, rows, now, options);
  return rows.map((r) => presentKpi(r, values, options, catalog, now));
}

async function presentOne(db: Db, actor: Actor, id: string) {
  const row = await getKpi(db, actor.workspaceId, id);
  if (!row) throw notFound('KPI');
  const [view] = await presentKpis(db, actor.workspaceId, [row]);
  if (!view) throw notFound('KPI');
  return view;
}

/** Who may change a team's KPIs, for the 403: its leads, admins and leadership leaders. */
const editorsOf = (team: string) => `Only ${team} leads, admins and leadership leaders change ${team} KPIs.`;

/** The KPI, or 404 (also for another workspace's id); then 403 unless the actor leads its team or acts for it. */
async function kpiForEdit(db: Db, actor: Actor, id: string): Promise<KpiRow> {
  const row = await getKpi(db, actor.workspaceId, id);
  if (!row || row.archived_at) throw notFound('KPI');
  if (!canEditTeamGoals(actor, row.team)) throw forbidden(editorsOf(row.team));
  return row;
}

/** `team` is the KPI's team when the change may be made on its behalf; null for sharing, which each team's own lead does. */
async function auditKpi(db: Db, actor: Actor, team: Team | null, action: string, id: string, before: unknown, after: unknown) {
  await recordAudit(db, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action, entityType: 'kpi', entityId: id, before, after, onBehalfOf: team ? onBehalfOf(actor, team) : null });
}

function auditShape(r: Pick<KpiRow, 'name' | 'kind' | 'measurement' | 'data_source' | 'period' | 'target' | 'baseline' | 'owner_member_id' | 'compensated' | 'comp_weight' | 'rank' | 'shared'>) {
  return {
    name: r.name,
    kind: r.kind,
    measurement: r.measurement,
    dataSource: r.data_source,
    period: r.period,
    target: r.target,
    baseline: r.baseline,
    ownerMemberId: r.owner_member_id,
    compensated: r.compensated === 1,
    compWeight: r.comp_weight,
    rank: r.rank,
    shared: r.shared === 1,
  };
}

export function registerKpiRoutes(app: Server, { db }: AppContext): void {
  const k = db.kysely;

  app.get(
    '/goals/catalog',
    { schema: { tags, summary: "The KPI catalog, a page at a time: the built-in kinds by name, then the workspace's own. Search with q.", querystring: CatalogQuery, response: { 200: CatalogPageView, 400: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      const { limit, cursor, q } = req.query;
      const words = q?.toLowerCase();
      // The catalog is read whole for every KPI anyway (it is the built-in kinds and the few a workspace adds).
      const kinds = (await loadCatalog(k, actor.workspaceId)).filter((c) => !words || [c.name, c.id, ...c.aliases, ...(c.broadAliases ?? [])].some((t) => t.toLowerCase().includes(words)));
      const page = paginateInMemory(kinds, { limit, cursor }, {
        scope: ['catalog', actor.workspaceId, q ?? null],
        order: [
          { dir: 'asc', type: 'number' },
          { dir: 'asc', type: 'string' },
          { dir: 'asc', type: 'string' },
        ],
        key: (c) => [c.builtIn ? 0 : 1, c.name, c.id],
      });
      return presentPage(page, presentKind);
    },
  );

  app.post(
    '/goals/catalog',
    { schema: { tags, summary: 'Add a KPI kind to the workspace catalog (leaders and admins).', body: KpiKindInput, response: { 201: KpiKindView, 400: ErrorView, 403: ErrorView, 409: ErrorView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!canAddCatalogKind(actor)) throw forbidden('Only leaders and admins add KPI kinds.');
      // The key is the normalised name; a name with no Latin letters or digits ("Продажи") normalises
      // to nothing, so it gets a key of its own and is compared by its lower-cased words instead.
      const normalised = normalizeKpiText(req.body.name);
      const id = newId();
      const key = normalised ? `custom:${normalised.replace(/\s+/g, '_')}` : `custom:${id}`;
      const sameName = (name: string) => (normalised ? normalizeKpiText(name) === normalised : name.trim().toLowerCase() === req.body.name.toLowerCase());
      const taken = `The catalog already has a kind named like "${req.body.name}".`;
      await refusingRaces(
        taken,
        db.transaction(async (tx) => {
          // Checked under the lock: a name with no Latin letters gets a key of its own, so the unique
          // key alone would let two people add "Продажи" at the same moment.
          await lockForUpdate(tx, db.dialect, catalogLock(actor.workspaceId));
          const catalog = await loadCatalog(tx, actor.workspaceId);
          if (catalog.some((c) => c.id === key || sameName(c.name))) throw conflict(taken);
          await tx.insertInto('kpi_kinds').values({ id, workspace_id: actor.workspaceId, key, name: req.body.name, unit: req.body.unit, direction: req.body.direction, description: req.body.description, created_at: nowIso() }).execute();
          await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'kpi_kind.created', entityType: 'kpi_kind', entityId: id, after: { key, ...req.body } });
        }),
      );
      const added = (await loadCatalog(k, actor.workspaceId)).find((c) => c.id === key);
      if (!added) throw notFound('KPI kind');
      return reply.code(201).send(presentKind(added));
    },
  );

  app.get(
    '/goals/kpis',
    {
      schema: {
        tags,
        summary: "KPIs of both teams (or one), with this period's status, a page at a time: by team, the top three first, then by name. Search with q.",
        querystring: KpiListQuery,
        response: { 200: KpisPageView, 400: ErrorView },
      },
      config: { readCache: true },
    },
    async (req) => {
      const actor = actorOf(req);
      const { limit, cursor, team, includeArchived, q } = req.query;
      const page = await pageKpis(k, actor.workspaceId, { team, includeArchived: includeArchived === 'true', q }, { limit, cursor });
      return { items: await presentKpis(k, actor.workspaceId, page.items), nextCursor: page.nextCursor, total: page.total };
    },
  );

  app.post(
    '/goals/kpis',
    { schema: { tags, summary: "Create a KPI for a team (that team's leads, or an admin or leadership leader on its behalf). One computed from deals gets its values from the deals already imported at once.", body: KpiCreateInput, response: { 201: KpiView, 400: ErrorView, 403: ErrorView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const b = req.body;
      if (!canEditTeamGoals(actor, b.team)) throw forbidden(`Only ${b.team} leads, admins and leadership leaders create ${b.team} KPIs.`);
      const id = newId();
      const created = await refusingRaces(rankRace(b.team), db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, goalsLock(actor.workspaceId));
        const catalog = await loadCatalog(tx, actor.workspaceId);
        const kind = catalogKind(b.kind, catalog);
        if (!kind) throw badRequest(`Unknown KPI kind "${b.kind}". Pick one from the catalog or add it there first.`);
        refuseBadMeasures({ name: b.name, unit: kind.unit }, b);
        const sourceProblem = dealsSourceProblem({ name: b.name, kind: kind.id, period: b.period, data_source: b.dataSource }, kind, catalog);
        if (sourceProblem) throw badRequest(sourceProblem);
        if (b.ownerMemberId) await assertMember(tx, actor.workspaceId, b.ownerMemberId);
        const existing = (await listKpis(tx, actor.workspaceId, { team: b.team })).map(toDomainKpi);
        const candidate: Kpi = { ...toDomainKpi(rowFrom(id, actor.workspaceId, b, kind)), id };
        assertValidTeam([...existing, candidate], b.team);
        const row = rowFrom(id, actor.workspaceId, b, kind);
        await tx.insertInto('kpis').values(row).execute();
        await auditKpi(tx, actor, b.team, 'kpi.created', id, null, auditShape(row));
        return row;
      }));
      // Computed from the deals already imported, after the commit (decision 039): the recompute waits for a
      // running import's lock, and the goals lock is not held meanwhile.
      if (computesAfterChange(null, created)) await recomputeDealKpis(k, actor.workspaceId);
      return reply.code(201).send(await presentOne(k, actor, id));
    },
  );

  app.get(
    '/goals/kpis/:id',
    { schema: { tags, summary: 'One KPI: its status, the first page of its values (newest first) and the status of the last 12 periods.', params: IdParams, response: { 200: KpiDetailView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await getKpi(k, actor.workspaceId, req.params.id);
      if (!row) throw notFound('KPI');
      const options = await loadPeriodOptions(k, actor.workspaceId);
      const catalog = await loadCatalog(k, actor.workspaceId);
      const now = new Date();
      const first = lastPeriods(12, row.period, now, options)[0];
      // The trend reads the last 12 periods' values (one a day at most: bounded); the list is paged.
      const values = await listValues(k, actor.workspaceId, [row.id], first?.startDate);
      const kind = catalogKind(row.kind, catalog);
      const trend = kpiTrend({
        unit: row.unit,
        direction: row.direction,
        ...(kind ? { aggregation: kind.aggregation } : {}),
        target: row.target,
        targetPeriod: row.period,
        values: values.map((v) => ({ date: v.date, value: v.value })),
        now,
        options,
        currency: CURRENCY,
      });
      return {
        kpi: presentKpi(row, values, options, catalog, now),
        values: presentPage(await pageValues(k, actor.workspaceId, row.id, {}, { limit: PAGE_LIMIT_DEFAULT }), presentValue),
        trend: trend.map((t) => ({ period: presentPeriod(t.period), actual: t.result.actual, target: t.result.target, status: t.result.status })),
      };
    },
  );

  app.get(
    '/goals/kpis/:id/values',
    { schema: { tags, summary: "A KPI's values, newest first, a page at a time; from and to bound the dates.", params: IdParams, querystring: KpiValuesQuery, response: { 200: KpiValuesPageView, 400: ErrorView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await getKpi(k, actor.workspaceId, req.params.id);
      if (!row) throw notFound('KPI');
      const { limit, cursor, from, to } = req.query;
      return presentPage(await pageValues(k, actor.workspaceId, row.id, { from, to }, { limit, cursor }), presentValue);
    },
  );

  app.patch(
    '/goals/kpis/:id',
    { schema: { tags, summary: "Change a KPI (its team's leads, or an admin or leadership leader on its behalf). Made computed from deals (or its kind or period changed while it is), its values are computed from the deals at once, replacing typed ones; one no longer computed keeps its values.", params: IdParams, body: KpiUpdateInput, response: { 200: KpiView, 400: ErrorView, 403: ErrorView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      const computes = await refusingRaces('Another lead changed this team\'s top three at the same moment; reload and try again.', db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, goalsLock(actor.workspaceId));
        const before = await kpiForEdit(tx, actor, req.params.id);
        const b = req.body;
        const catalog = await loadCatalog(tx, actor.workspaceId);
        const kind = b.kind !== undefined ? catalogKind(b.kind, catalog) : catalogKind(before.kind, catalog);
        if (b.kind !== undefined && !kind) throw badRequest(`Unknown KPI kind "${b.kind}".`);
        // A new kind can change the unit, so the target and baseline are checked as they will be after the change.
        if (b.target !== undefined || b.baseline !== undefined || b.kind !== undefined) {
          refuseBadMeasures({ name: b.name ?? before.name, unit: kind?.unit ?? before.unit }, { target: b.target === undefined ? before.target : b.target, baseline: b.baseline === undefined ? before.baseline : b.baseline });
        }
        if (b.ownerMemberId) await assertMember(tx, actor.workspaceId, b.ownerMemberId);
        const patch = {
          ...(b.name !== undefined ? { name: b.name } : {}),
          ...(b.kind !== undefined && kind ? { kind: kind.id, unit: kind.unit, direction: kind.direction } : {}),
          ...(b.measurement !== undefined ? { measurement: b.measurement } : {}),
          ...(b.dataSource !== undefined ? { data_source: b.dataSource } : {}),
          ...(b.period !== undefined ? { period: b.period } : {}),
          ...(b.target !== undefined ? { target: b.target } : {}),
          ...(b.baseline !== undefined ? { baseline: b.baseline } : {}),
          ...(b.ownerMemberId !== undefined ? { owner_member_id: b.ownerMemberId } : {}),
          ...(b.compensated !== undefined ? { compensated: b.compensated ? 1 : 0 } : {}),
          ...(b.compWeight !== undefined ? { comp_weight: b.compWeight } : {}),
          ...(b.rank !== undefined ? { rank: b.rank } : {}),
        };
        const after = { ...before, ...patch };
        if (b.dataSource !== undefined || b.kind !== undefined) {
          const sourceProblem = before.data_source === after.data_source && before.kind === after.kind ? null : dealsSourceProblem(after, kind, catalog);
          if (sourceProblem) throw badRequest(sourceProblem);
        }
        const team = (await listKpis(tx, actor.workspaceId, { team: before.team })).map((r) => (r.id === before.id ? toDomainKpi(after) : toDomainKpi(r)));
        assertValidTeam(team, before.team);
        if (Object.keys(patch).length === 0) return false;
        await tx.updateTable('kpis').set({ ...patch, updated_at: nowIso() }).where('id', '=', before.id).where('workspace_id', '=', actor.workspaceId).execute();
        await auditKpi(tx, actor, before.team, 'kpi.changed', before.id, auditShape(before), auditShape(after));
        return computesAfterChange(before, after);
      }));
      // Became computed, or computes something else now: its values come from the deals at once, replacing what was
      // typed (decision 039). One that stops being computed keeps its values as history.
      if (computes) await recomputeDealKpis(k, actor.workspaceId);
      return presentOne(k, actor, req.params.id);
    },
  );

  app.delete(
    '/goals/kpis/:id',
    { schema: { tags, summary: "Archive a KPI (its team's leads, or an admin or leadership leader on its behalf). Its values and past publications stay.", params: IdParams, response: { 200: KpiView, 403: ErrorView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      await db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, goalsLock(actor.workspaceId));
        const row = await getKpi(tx, actor.workspaceId, req.params.id);
        if (!row) throw notFound('KPI');
        if (!canEditTeamGoals(actor, row.team)) throw forbidden(editorsOf(row.team));
        // Archiving is idempotent: a second click, or a second tab at the same moment, finds it done.
        if (row.archived_at) return;
        const before = row;
        await tx.updateTable('kpis').set({ archived_at: nowIso(), rank: null, shared: 0, shared_proposed_by: null, updated_at: nowIso() }).where('id', '=', before.id).execute();
        await auditKpi(tx, actor, before.team, 'kpi.archived', before.id, auditShape(before), null);
      });
      return presentOne(k, actor, req.params.id);
    },
  );

  app.put(
    '/goals/top-three',
    { schema: { tags, summary: "Set a team's top three in one step, in rank order (that team's leads, or an admin or leadership leader on its behalf).", body: TopThreeInput, response: { 200: z.array(KpiView), 400: ErrorView, 403: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      const { team, kpiIds } = req.body;
      if (!canEditTeamGoals(actor, team)) throw forbidden(`Only ${team} leads, admins and leadership leaders set the ${team} top three.`);
      if (new Set(kpiIds).size !== kpiIds.length) throw badRequest('A KPI can hold only one rank.');
      await refusingRaces(rankRace(team), db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, goalsLock(actor.workspaceId));
        const rows = await listKpis(tx, actor.workspaceId, { team });
        for (const id of kpiIds) if (!rows.some((r) => r.id === id)) throw badRequest(`KPI ${id} is not an active ${team} KPI.`);
        const next = rows.map((r) => {
          const i = kpiIds.indexOf(r.id);
          return { ...toDomainKpi(r), rank: i === -1 ? null : i + 1 };
        });
        assertValidTeam(next, team);
        // Clear ranks first: the unique (team, rank) index would refuse a swap done row by row.
        await tx.updateTable('kpis').set({ rank: null }).where('workspace_id', '=', actor.workspaceId).where('team', '=', team).execute();
        for (const [i, id] of kpiIds.entries()) await tx.updateTable('kpis').set({ rank: i + 1, updated_at: nowIso() }).where('id', '=', id).execute();
        await recordAudit(tx, {
          workspaceId: actor.workspaceId,
          actorMemberId: actor.memberId,
          action: 'top_three.set',
          entityType: 'team',
          entityId: team,
          before: rows.filter((r) => r.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map((r) => r.name),
          after: kpiIds.map((id) => rows.find((r) => r.id === id)?.name ?? id),
          onBehalfOf: onBehalfOf(actor, team),
        });
      }));
      return presentKpis(k, actor.workspaceId, await listKpis(k, actor.workspaceId, { team }));
    },
  );

  async function recordValues(actor: Actor, id: string, values: Array<{ date: string; value: number; note: string | null; line?: number }>) {
    return db.transaction(async (tx) => {
      // The goals lock, so a change of data source to 'deals' is either seen here (and refused) or comes after this
      // write (and its recompute replaces it): a typed value never outlives the switch.
      await lockForUpdate(tx, db.dialect, goalsLock(actor.workspaceId));
      const row = await kpiForEdit(tx, actor, id);
      const refusal = typedValueRefusal(row);
      if (refusal) throw conflict(refusal);
      const options = await loadPeriodOptions(tx, actor.workspaceId);
      // Values may be recorded up to the end of the current period, not for a later one.
      const current = periodOf(row.period, new Date(), options);
      for (const v of values) {
        if (v.date >= current.endDate) {
          throw badRequest(`${v.date} is in a future period; values can be recorded up to ${current.label} (until ${current.endDate}).`);
        }
      }
      refuseBadValues(row, values, localDateOf(new Date(), options.timeZone));
      // One row per KPI and date: a value on a date that has one replaces it. An upsert, so two people
      // recording the same date at the same moment both succeed (the later one wins). Written in date
      // order, the last of a date in the request winning: two requests upserting the same dates then
      // take their row locks in the same order (in request order, on PostgreSQL they deadlocked).
      for (const v of inDateOrder(values)) {
        await tx
          .insertInto('kpi_values')
          .values({ id: newId(), workspace_id: actor.workspaceId, kpi_id: row.id, date: v.date, value: v.value, source: 'manual', note: v.note, recorded_by: actor.memberId, created_at: nowIso() })
          .onConflict((oc) => oc.columns(['kpi_id', 'date']).doUpdateSet({ value: v.value, note: v.note, source: 'manual', recorded_by: actor.memberId }))
          .execute();
      }
      await auditKpi(tx, actor, row.team, 'kpi.values_recorded', row.id, null, { count: values.length, dates: values.slice(0, 20).map((v) => v.date) });
      return values.length;
    });
  }

  app.post(
    '/goals/kpis/:id/values',
    { schema: { tags, summary: "Record values (its team's leads, or an admin or leadership leader on its behalf). A value on a date that has one replaces it. A KPI computed from deals takes none (409).", params: IdParams, body: KpiValuesInput, response: { 200: ValuesRecordedView, 400: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      const recorded = await recordValues(actor, req.params.id, req.body.values);
      return { recorded, kpi: await presentOne(k, actor, req.params.id) };
    },
  );

  app.post(
    '/goals/kpis/:id/values/paste',
    { schema: { tags, summary: 'Record values pasted as `YYYY-MM-DD,value` lines (money in currency units, not cents); all or nothing. A KPI computed from deals takes none (409).', params: IdParams, body: KpiValuesPasteInput, response: { 200: ValuesRecordedView, 400: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await getKpi(k, actor.workspaceId, req.params.id);
      if (!row || row.archived_at) throw notFound('KPI');
      // Authorize before reading the text: someone who may not record values learns nothing from it.
      if (!canEditTeamGoals(actor, row.team)) throw forbidden(editorsOf(row.team));
      const refusal = typedValueRefusal(row);
      if (refusal) throw conflict(refusal);
      // People paste money in currency units (1250.50); the API stores cents.
      const values = parsePastedValues(req.body.text, row.unit === 'currency' ? 100 : 1);
      const recorded = await recordValues(actor, req.params.id, values);
      return { recorded, kpi: await presentOne(k, actor, req.params.id) };
    },
  );

  app.post(
    '/goals/kpis/:id/share',
    { schema: { tags, summary: "Propose a KPI as shared (a lead of its team), or accept the other team's proposal (a lead of the other team).", params: IdParams, response: { 200: KpiView, 400: ErrorView, 403: ErrorView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      await db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, goalsLock(actor.workspaceId));
        const row = await getKpi(tx, actor.workspaceId, req.params.id);
        if (!row || row.archived_at) throw notFound('KPI');
        const other = otherTeam(row.team);
        if (row.shared === 1) {
          // Already agreed: a no-op for the leads of either team, still refused to everyone else.
          if (!leadsTeam(actor, row.team) && !(other && leadsTeam(actor, other))) throw forbidden('Only a lead of sales or marketing changes sharing.');
          return;
        }
        if (row.shared_proposed_by === null) {
          if (!leadsTeam(actor, row.team)) throw forbidden(`A ${row.team} lead proposes sharing a ${row.team} KPI.`);
          await tx.updateTable('kpis').set({ shared_proposed_by: actor.memberId, updated_at: nowIso() }).where('id', '=', row.id).execute();
          await auditKpi(tx, actor, null, 'kpi.share_proposed', row.id, { shared: false }, { shared: false, proposedBy: actor.memberId });
          return;
        }
        // Proposing again is a no-op for the lead who proposed (a second click, a second tab).
        if (row.shared_proposed_by === actor.memberId && leadsTeam(actor, row.team)) return;
        if (!other || !leadsTeam(actor, other)) {
          throw forbidden(`Sharing is proposed; a ${other ?? 'other team'} lead accepts it.`);
        }
        await tx.updateTable('kpis').set({ shared: 1, updated_at: nowIso() }).where('id', '=', row.id).execute();
        await auditKpi(tx, actor, null, 'kpi.share_accepted', row.id, { shared: false }, { shared: true, acceptedBy: actor.memberId });
      });
      return presentOne(k, actor, req.params.id);
    },
  );

  app.delete(
    '/goals/kpis/:id/share',
    { schema: { tags, summary: 'Withdraw a share proposal or stop sharing a KPI (a lead of either team).', params: IdParams, response: { 200: KpiView, 403: ErrorView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      await db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, goalsLock(actor.workspaceId));
        const row = await getKpi(tx, actor.workspaceId, req.params.id);
        if (!row || row.archived_at) throw notFound('KPI');
        const other = otherTeam(row.team);
        if (!leadsTeam(actor, row.team) && !(other && leadsTeam(actor, other))) throw forbidden('Only a lead of sales or marketing changes sharing.');
        if (row.shared === 0 && row.shared_proposed_by === null) return;
        await tx.updateTable('kpis').set({ shared: 0, shared_proposed_by: null, updated_at: nowIso() }).where('id', '=', row.id).execute();
        await auditKpi(tx, actor, null, 'kpi.unshared', row.id, { shared: row.shared === 1 }, { shared: false });
      });
      return presentOne(k, actor, req.params.id);
    },
  );
}

async function assertMember(db: Db, workspaceId: string, memberId: string): Promise<void> {
  const m = await db.selectFrom('members').select('id').where('workspace_id', '=', workspaceId).where('id', '=', memberId).where('active', '=', 1).executeTakeFirst();
  if (!m) throw badRequest('The owner must be an active member of this workspace.');
}

function rowFrom(id: string, workspaceId: string, b: z.infer<typeof KpiCreateInput>, kind: KpiKind) {
  const now = nowIso();
  return {
    id,
    workspace_id: workspaceId,
    team: b.team,
    name: b.name,
    kind: kind.id,
    unit: kind.unit,
    direction: kind.direction,
    measurement: b.measurement,
    data_source: b.dataSource,
    period: b.period,
    target: b.target,
    baseline: b.baseline,
    owner_member_id: b.ownerMemberId,
    compensated: b.compensated ? 1 : 0,
    comp_weight: b.compWeight,
    rank: b.rank,
    shared: 0,
    shared_proposed_by: null,
    archived_at: null,
    created_at: now,
    updated_at: now,
  };
}

/** The values sorted by date, one per date (the last given for a date wins, as it would written in order). */
export function inDateOrder<V extends { date: string }>(values: readonly V[]): V[] {
  const byDate = new Map<string, V>();
  for (const v of values) byDate.set(v.date, v);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A real day as YYYY-MM-DD: Date.parse would roll 2026-02-31 over to 3 March, so the date must round-trip. */
function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === date;
}

/**
 * Parses pasted `date,value` lines (CSV, a header line allowed); every bad line is reported by number. `scale`
 * turns what people paste into stored units (100 for money: they paste 1250.50, Lockstep stores cents).
 */
export function parsePastedValues(text: string, scale = 1): Array<{ date: string; value: number; note: string | null; line: number }> {
  // Line numbers are the person's lines: blank lines count (the parser skips them but reports where
  // each record ends), so the text is not trimmed first.
  let records: Array<{ record: string[]; info: InfoRecord }>;
  try {
    // With `info: true` each record comes wrapped with where it was read; the typings do not model it.
    records = parseCsv(text, { relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as Array<{ record: string[]; info: InfoRecord }>;
  } catch (err) {
    throw badRequest(`The pasted text is not readable as CSV: ${err instanceof Error ? err.message : String(err)}`);
  }
  const out: Array<{ date: string; value: number; note: string | null; line: number }> = [];
  const problems: string[] = [];
  records.forEach(({ record, info }, i) => {
    const [date = '', raw = '', note = ''] = record;
    const line = info.lines;
    if (i === 0 && !/^\d{4}-\d{2}-\d{2}$/.test(date) && Number.isNaN(Number(raw.replace(/[$,%\s]/g, '')))) return; // header
    const value = Number(raw.replace(/[$,%\s]/g, ''));
    if (!isCalendarDate(date)) problems.push(`line ${line}: "${date}" is not a date as YYYY-MM-DD`);
    else if (raw === '' || !Number.isFinite(value)) problems.push(`line ${line}: "${raw}" is not a number`);
    // 1e308 is a number, but not once it is in cents; the unit's domain is checked with the values recorded one by one.
    else if (!Number.isFinite(value * scale)) problems.push(`line ${line}: ${raw} is larger than a KPI value can be`);
    else out.push({ date, value: scale === 1 ? value : Math.round(value * scale), note: note || null, line });
  });
  if (problems.length > 0) throw badRequest(`Nothing was recorded. ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}.`, problems);
  if (out.length === 0) throw badRequest('No values found: paste lines like 2026-11-02,125.');
  if (out.length > 1000) throw badRequest('Paste at most 1,000 lines at a time.');
  return out;
}
