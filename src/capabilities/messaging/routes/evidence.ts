// Sales evidence (SPEC S3, issue 12): what buyers say in the field, logged by sales members a minute after a
// call — the date, account, deal (an imported deal or the CRM id), amount, outcome, the buyer's own words and the
// pain it shows (confirmed by the rep, or created in the same request) — and "why people buy", the ranked win and
// loss reasons from the deals' CRM reasons and the won and lost evidence by pain.
import { sql } from 'kysely';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db, Tx } from '../../../db/database.js';
import { lockForUpdate } from '../../../db/locks.js';
import { recordAudit } from '../../../server/audit.js';
import { changedFields } from '../../../server/audit-change.js';
import { CSV_UPLOAD_TYPES, CsvUpload } from '../../../server/csv-upload.js';
import { actorOf, type Actor } from '../../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { AppError, badRequest, forbidden, notFound } from '../../../server/errors.js';
import { newId, nowIso } from '../../../server/ids.js';
import { presentPage } from '../../../server/pagination.js';
import { normaliseReason, quarterOf, quartersBetween, rankReasons, type Outcome, type ReasonFact } from '../pains/domain.js';
import { CHANGE_EVIDENCE, canChangeEvidence, canEditPains, canLogEvidence, EDIT_PAINS, LOG_EVIDENCE } from '../pains/policies.js';
import { presentEvidence } from '../pains/presenters.js';
import { EvidenceInput, EvidencePageView, EvidenceQuery, EvidenceUpdateInput, EvidenceView, IdParams, Ok, WhyQuery, WhyView } from '../pains/schemas.js';
import { citablePiece, evidenceLock, findDeal, getEvidence, getPain, NOT_CITABLE, pageEvidence, painsLock, workspaceToday } from '../pains/store.js';
import { EVIDENCE_CSV_MAX_BYTES, EVIDENCE_CSV_MAX_ROWS, EvidenceImportQuery, EvidenceImportView, importEvidence, readEvidenceCsv } from '../pains/import.js';
import { insertPain } from '../pains/write.js';

const tags = ['messaging'];
const EARLIEST = '2000-01-01';

/** Currency units (42000.5) as cents (4200050). */
const toCents = (amount: number | null | undefined): number | null => (amount === null || amount === undefined ? null : Math.round(amount * 100));

async function refuseBadDate(db: Db, workspaceId: string, date: string): Promise<void> {
  const today = await workspaceToday(db, workspaceId);
  if (date > today) throw badRequest(`The date cannot be in the future: today is ${today} in the workspace's time zone.`, [{ path: 'body.date', message: 'The date cannot be in the future.' }]);
  if (date < EARLIEST) throw badRequest(`The date must be ${EARLIEST} or later.`, [{ path: 'body.date', message: `The date must be ${EARLIEST} or later.` }]);
}

/** An active pain of the workspace to tie evidence to; a 400 in words for an unknown, foreign or retired one. */
async function painToTie(tx: Tx, workspaceId: string, painId: string): Promise<string> {
  const pain = await getPain(tx, workspaceId, painId);
  if (!pain) throw badRequest('The pain is not one of this workspace\'s pains: pick one from the library, or create a new one.', [{ path: 'body.painId', message: 'Unknown pain.' }]);
  if (pain.status !== 'active') throw badRequest(`The pain "${pain.statement}" is retired: pick an active pain, or ask a leader to bring it back.`, [{ path: 'body.painId', message: 'Retired pain.' }]);
  return pain.id;
}

/** A published piece of this workspace to cite; one sentence for an unknown, foreign or unpublished one (it says nothing of other workspaces). */
async function pieceToCite(tx: Tx, workspaceId: string, pieceId: string): Promise<string> {
  const piece = await citablePiece(tx, workspaceId, { id: pieceId });
  if (!piece) throw badRequest(NOT_CITABLE, [{ path: 'body.pieceId', message: 'Not a published piece of this workspace.' }]);
  return piece.id;
}

/** The deal link: an imported deal of this workspace by id, or by the CRM id typed (linked when imported, kept as typed otherwise). */
async function dealLink(tx: Tx, workspaceId: string, dealId: string | null | undefined, externalId: string | null | undefined): Promise<{ deal_id: string | null; deal_external_id: string | null }> {
  const ext = externalId ? externalId : null;
  if (dealId) {
    const deal = await findDeal(tx, workspaceId, { id: dealId });
    if (!deal) throw badRequest('The deal is not one of this workspace\'s deals: pick an imported deal, or type its CRM id instead.', [{ path: 'body.dealId', message: 'Unknown deal.' }]);
    if (ext && ext !== deal.external_id) throw badRequest(`The deal "${deal.name}" has the CRM id ${deal.external_id}, not ${ext}: give one or the other.`, [{ path: 'body.dealExternalId', message: 'Another deal.' }]);
    return { deal_id: deal.id, deal_external_id: deal.external_id };
  }
  if (ext) {
    const deal = await findDeal(tx, workspaceId, { externalId: ext });
    return { deal_id: deal?.id ?? null, deal_external_id: ext };
  }
  return { deal_id: null, deal_external_id: null };
}

async function evidenceView(db: Db, actor: Actor, id: string) {
  const row = await getEvidence(db, actor.workspaceId, id);
  if (!row) throw notFound('Evidence');
  return presentEvidence(row, actor);
}

/** The fields an evidence audit entry records. */
type EvidenceShape = { date: string; account: string; dealId: string | null; dealExternalId: string | null; amount: number | null; outcome: Outcome; quote: string; notes: string | null; painId: string | null; pieceId: string | null };

const TEMPLATE =
  'date,account,outcome,amount,deal,pain,piece,quote,notes\r\n2026-11-24,Contoso,won,"$42,000",HS-1042,Inbound leads go cold before anyone calls them,Speed-to-lead playbook,"Our reps call back two days later, and by then the lead has signed elsewhere.",Champion is the VP Sales\r\n2026-11-25,Fabrikam,open,,,,,"We rebuild the same forecast spreadsheet every Monday.",\r\n';

export function registerEvidenceRoutes(app: Server, { db }: AppContext): void {
  const k = db.kysely;

  app.get(
    '/messaging/evidence/template.csv',
    { schema: { tags, summary: 'A template for the evidence CSV: the header row and two example rows.', produces: ['text/csv'], response: { 200: z.string() } } },
    async (_req, reply) => reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="evidence-template.csv"').send(TEMPLATE),
  );

  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // The CSV arrives as a stream and is parsed row by row, never held whole as one string.
    scope.addContentTypeParser(CSV_UPLOAD_TYPES, (_req, payload, done) => done(null, new CsvUpload(payload)));
    scope.post(
      '/messaging/evidence/import',
      {
        schema: {
          tags,
          summary: `Log evidence from a CSV (the body, as text/csv): columns date, account and quote, optionally outcome, amount, deal, pain, piece and notes. Up to ${EVIDENCE_CSV_MAX_BYTES / 1024 / 1024} MB and ${EVIDENCE_CSV_MAX_ROWS.toLocaleString('en-US')} rows. Sales members, leaders and admins.`,
          description:
            "date is YYYY-MM-DD and not in the future; outcome is won, lost or open (open when empty); amount is in currency units ($42,000.50); deal is the CRM id (linked to the imported deal that has it); pain is an active pain's id or its exact statement (any case); piece is the marketing piece that helped, a published piece's id or its exact title (any case). UTF-8 with or without a BOM; commas, semicolons or tabs. mode=all_or_nothing (the default) writes nothing when any row is bad (400 with every row's problem in details); mode=valid_rows writes the good rows and lists the bad ones; dryRun=true only checks.",
          querystring: EvidenceImportQuery,
          response: { 200: EvidenceImportView, 400: ErrorView, 403: ErrorView, 413: ErrorView, 415: ErrorView },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        if (!canLogEvidence(actor)) throw forbidden(LOG_EVIDENCE);
        if (!(req.body instanceof CsvUpload)) throw new AppError('unsupported_media_type', 'Send the file itself as the body, with Content-Type: text/csv.');
        const rows = await readEvidenceCsv(req.body.stream);
        return importEvidence(db, actor, rows, { mode: req.query.mode, dryRun: req.query.dryRun === 'true' });
      },
    );
  });

  app.get(
    '/messaging/evidence',
    {
      schema: {
        tags,
        summary: 'Sales evidence, a page at a time: the most recent first. Filter by pain, the piece cited, outcome and a date range.',
        querystring: EvidenceQuery,
        response: { 200: EvidencePageView, 400: ErrorView },
      },
      config: { readCache: true },
    },
    async (req) => {
      const actor = actorOf(req);
      const { limit, cursor, painId, pieceId, outcome, from, to } = req.query;
      if (from && to && from > to) throw badRequest('The from date is after the to date.');
      const page = await pageEvidence(k, actor.workspaceId, { painId, pieceId, outcome, from, to }, { limit, cursor });
      return presentPage(page, (r) => presentEvidence(r, actor));
    },
  );

  app.get(
    '/messaging/evidence/:id',
    { schema: { tags, summary: 'One evidence entry.', params: IdParams, response: { 200: EvidenceView, 404: ErrorView } }, config: { readCache: true } },
    async (req) => evidenceView(k, actorOf(req), req.params.id),
  );

  app.post(
    '/messaging/evidence',
    {
      schema: {
        tags,
        summary:
          "Log what a buyer said: date (not in the future), account, the deal (an imported deal's id, or its CRM id), amount in currency units, outcome, the buyer's own words, notes, the pain it shows — an active pain's id, or newPain to create it in the same request — and optionally the marketing piece that helped (a published piece of this workspace; anything else is 400 \"Only a published piece of this workspace can be cited: …\"). Sales members, leaders and admins.",
        body: EvidenceInput,
        response: { 201: EvidenceView, 400: ErrorView, 403: ErrorView, 409: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!canLogEvidence(actor)) throw forbidden(LOG_EVIDENCE);
      const b = req.body;
      if (b.newPain && !canEditPains(actor)) throw forbidden(EDIT_PAINS);
      await refuseBadDate(k, actor.workspaceId, b.date);
      const id = newId();
      await db.transaction(async (tx) => {
        // Under the pains lock: a pain being retired is not tied to, and a new pain's statement is checked once.
        await lockForUpdate(tx, db.dialect, painsLock(actor.workspaceId));
        const painId = b.newPain ? await insertPain(tx, actor, b.newPain) : b.painId ? await painToTie(tx, actor.workspaceId, b.painId) : null;
        const link = await dealLink(tx, actor.workspaceId, b.dealId, b.dealExternalId);
        const pieceId = b.pieceId ? await pieceToCite(tx, actor.workspaceId, b.pieceId) : null;
        const at = nowIso();
        const row = {
          id,
          workspace_id: actor.workspaceId,
          pain_id: painId,
          member_id: actor.memberId,
          date: b.date,
          account: b.account,
          ...link,
          amount: toCents(b.amount),
          outcome: b.outcome,
          quote: b.quote,
          notes: b.notes ? b.notes : null,
          piece_id: pieceId,
          created_at: at,
          updated_at: at,
        };
        await tx.insertInto('evidence').values(row).execute();
        const after: EvidenceShape = { date: row.date, account: row.account, dealId: row.deal_id, dealExternalId: row.deal_external_id, amount: row.amount, outcome: row.outcome, quote: row.quote, notes: row.notes, painId, pieceId };
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'evidence.created', entityType: 'evidence', entityId: id, after });
      });
      return reply.code(201).send(await evidenceView(k, actor, id));
    },
  );

  app.patch(
    '/messaging/evidence/:id',
    {
      schema: {
        tags,
        summary: 'Change an evidence entry (its author, leaders and admins): every field may change, the piece that helped too (another published piece of this workspace, or null). Two edits at once apply one after the other.',
        params: IdParams,
        body: EvidenceUpdateInput,
        response: { 200: EvidenceView, 400: ErrorView, 403: ErrorView, 404: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const b = req.body;
      await db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, painsLock(actor.workspaceId), evidenceLock(req.params.id));
        const row = await getEvidence(tx, actor.workspaceId, req.params.id);
        if (!row) throw notFound('Evidence');
        if (!canChangeEvidence(actor, row.member_id)) throw forbidden(CHANGE_EVIDENCE);
        if (b.date !== undefined) await refuseBadDate(tx, actor.workspaceId, b.date);
        const before: EvidenceShape = { date: row.date, account: row.account, dealId: row.deal_id, dealExternalId: row.deal_external_id, amount: row.amount === null ? null : Number(row.amount), outcome: row.outcome, quote: row.quote, notes: row.notes, painId: row.pain_id, pieceId: row.piece_id ?? null };
        const painId = b.painId === undefined ? row.pain_id : b.painId === null ? null : b.painId === row.pain_id ? row.pain_id : await painToTie(tx, actor.workspaceId, b.painId);
        // An unchanged piece stays cited even if it was archived since; a new one must be published now.
        const pieceId = b.pieceId === undefined ? (row.piece_id ?? null) : b.pieceId === null ? null : b.pieceId === row.piece_id ? row.piece_id : await pieceToCite(tx, actor.workspaceId, b.pieceId);
        const dealChanged = b.dealId !== undefined || b.dealExternalId !== undefined;
        // A deal id given alone links that deal (its CRM id with it); a CRM id given alone is looked up afresh.
        const link = dealChanged
          ? await dealLink(tx, actor.workspaceId, b.dealId === undefined ? null : b.dealId, b.dealExternalId === undefined ? null : b.dealExternalId)
          : { deal_id: row.deal_id, deal_external_id: row.deal_external_id };
        const after: EvidenceShape = {
          date: b.date ?? row.date,
          account: b.account ?? row.account,
          dealId: link.deal_id,
          dealExternalId: link.deal_external_id,
          amount: b.amount === undefined ? before.amount : toCents(b.amount),
          outcome: b.outcome ?? row.outcome,
          quote: b.quote ?? row.quote,
          notes: b.notes === undefined ? row.notes : b.notes ? b.notes : null,
          painId,
          pieceId,
        };
        const changed = changedFields(before, after);
        if (Object.keys(changed.after).length === 0) return;
        await tx
          .updateTable('evidence')
          .set({
            date: after.date,
            account: after.account,
            deal_id: after.dealId,
            deal_external_id: after.dealExternalId,
            amount: after.amount,
            outcome: after.outcome,
            quote: after.quote,
            notes: after.notes,
            pain_id: after.painId,
            piece_id: after.pieceId,
            updated_at: nowIso(),
          })
          .where('workspace_id', '=', actor.workspaceId)
          .where('id', '=', row.id)
          .execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'evidence.changed', entityType: 'evidence', entityId: row.id, before: changed.before, after: changed.after });
      });
      return evidenceView(k, actor, req.params.id);
    },
  );

  app.delete(
    '/messaging/evidence/:id',
    { schema: { tags, summary: 'Delete an evidence entry (its author, leaders and admins).', params: IdParams, response: { 200: Ok, 403: ErrorView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      await db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, painsLock(actor.workspaceId), evidenceLock(req.params.id));
        const row = await getEvidence(tx, actor.workspaceId, req.params.id);
        if (!row) throw notFound('Evidence');
        if (!canChangeEvidence(actor, row.member_id)) throw forbidden(CHANGE_EVIDENCE);
        await tx.deleteFrom('evidence').where('workspace_id', '=', actor.workspaceId).where('id', '=', row.id).execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'evidence.deleted', entityType: 'evidence', entityId: row.id, before: { account: row.account, date: row.date, outcome: row.outcome, painId: row.pain_id, pieceId: row.piece_id ?? null, quote: row.quote } });
      });
      return { ok: true as const };
    },
  );

  app.get(
    '/messaging/why',
    {
      schema: {
        tags,
        summary:
          "Why people buy: the win and loss reasons ranked — the deals' CRM reasons (trimmed and case-folded, so 'Price ' and 'price' are one) and the won and lost evidence by pain — each with its count, amount and counts per calendar quarter, and the evidence by the pains' segments.",
        querystring: WhyQuery,
        response: { 200: WhyView, 400: ErrorView },
      },
      config: { readCache: true },
    },
    async (req) => {
      const actor = actorOf(req);
      const today = await workspaceToday(k, actor.workspaceId);
      const to = req.query.to ?? today;
      const toQuarter = quarterOf(to);
      const defaultFrom = (() => {
        // The start of the quarter three before `to`'s: four quarters in all.
        const index = Number(toQuarter.slice(0, 4)) * 4 + Number(toQuarter.slice(6)) - 1 - 3;
        return `${Math.floor(index / 4)}-${String((index % 4) * 3 + 1).padStart(2, '0')}-01`;
      })();
      const from = req.query.from ?? defaultFrom;
      if (from > to) throw badRequest('The from date is after the to date.');
      if (quartersBetween(from, to).length > 40) throw badRequest('The report covers at most ten years: narrow from and to.');
      const segment = req.query.segment ? req.query.segment : null;
      const quarters = quartersBetween(from, to);
      const month = (col: string) => sql<string>`substr(${sql.ref(col)}, 1, 7)`;

      const wins: ReasonFact[] = [];
      const losses: ReasonFact[] = [];
      const totals = { wonDeals: 0, lostDeals: 0, wonWithReason: 0, lostWithReason: 0, wonEvidence: 0, lostEvidence: 0 };
      if (segment === null) {
        const dealRows = await k
          .selectFrom('deals')
          .select(['status', 'win_reason', 'loss_reason', month('close_date').as('month'), sql<number>`count(*)`.as('n'), sql<number | null>`sum(amount)`.as('amount')])
          .where('workspace_id', '=', actor.workspaceId)
          .where('status', 'in', ['won', 'lost'])
          .where('close_date', '>=', from)
          .where('close_date', '<=', to)
          .groupBy(['status', 'win_reason', 'loss_reason', month('close_date')])
          .execute();
        for (const r of dealRows) {
          const n = Number(r.n);
          const won = r.status === 'won';
          if (won) totals.wonDeals += n;
          else totals.lostDeals += n;
          const text = won ? r.win_reason : r.loss_reason;
          const key = text ? normaliseReason(text) : '';
          if (!key) continue;
          if (won) totals.wonWithReason += n;
          else totals.lostWithReason += n;
          (won ? wins : losses).push({ key, label: text!, source: 'deal_reason', amount: r.amount === null ? null : Number(r.amount), date: `${r.month}-01`, n });
        }
      }
      const outcome = sql<Outcome>`coalesce(deals.status, evidence.outcome)`;
      let evidenceQuery = k
        .selectFrom('evidence')
        .innerJoin('pains', (j) => j.onRef('pains.id', '=', 'evidence.pain_id').onRef('pains.workspace_id', '=', 'evidence.workspace_id'))
        .leftJoin('deals', (j) => j.onRef('deals.id', '=', 'evidence.deal_id').onRef('deals.workspace_id', '=', 'evidence.workspace_id'))
        .select([outcome.as('outcome'), 'pains.id as pain_id', 'pains.statement', 'pains.segment', month('evidence.date').as('month'), sql<number>`count(*)`.as('n'), sql<number | null>`sum(evidence.amount)`.as('amount')])
        .where('evidence.workspace_id', '=', actor.workspaceId)
        .where('evidence.date', '>=', from)
        .where('evidence.date', '<=', to)
        .where(outcome, 'in', ['won', 'lost']);
      if (segment !== null) evidenceQuery = evidenceQuery.where(sql<string>`lower(pains.segment)`, '=', segment.toLowerCase());
      const evidenceRows = await evidenceQuery.groupBy([outcome, 'pains.id', 'pains.statement', 'pains.segment', month('evidence.date')]).execute();
      const bySegment = new Map<string, { wins: ReasonFact[]; losses: ReasonFact[] }>();
      for (const r of evidenceRows) {
        const n = Number(r.n);
        const won = r.outcome === 'won';
        if (won) totals.wonEvidence += n;
        else totals.lostEvidence += n;
        const fact: ReasonFact = { key: r.pain_id, label: r.statement, source: 'pain', amount: r.amount === null ? null : Number(r.amount), date: `${r.month}-01`, n };
        (won ? wins : losses).push(fact);
        const seg = r.segment.trim() || 'No segment';
        const group = bySegment.get(seg) ?? { wins: [], losses: [] };
        (won ? group.wins : group.losses).push(fact);
        bySegment.set(seg, group);
      }
      const entries = (g: { wins: ReasonFact[]; losses: ReasonFact[] }) => [...g.wins, ...g.losses].reduce((sum, f) => sum + (f.n ?? 1), 0);
      const segmentRows = await k.selectFrom('pains').select('segment').distinct().where('workspace_id', '=', actor.workspaceId).where('segment', '!=', '').orderBy('segment').execute();
      return {
        from,
        to,
        segment,
        quarters,
        totals,
        wins: rankReasons(wins, quarters),
        losses: rankReasons(losses, quarters),
        // The segments with the most won and lost evidence first.
        segments: [...bySegment.entries()]
          .sort(([a, ga], [b, gb]) => entries(gb) - entries(ga) || a.localeCompare(b))
          .map(([name, g]) => ({ segment: name, wins: rankReasons(g.wins, quarters, 5), losses: rankReasons(g.losses, quarters, 5) })),
        segmentOptions: segmentRows.map((r) => r.segment),
      };
    },
  );
}
