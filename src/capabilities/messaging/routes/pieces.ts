// Marketing pieces, their sales review and the publishing gate (SPEC S3; issue 12). Every save of a title or body
// makes a new version, stores its pain score and band, and replaces what the piece matched (piece_pain_matches);
// the status machine and the gate are pure (pieces/domain), checked here under the piece's lock (decision 015).
import { z } from 'zod';
import type { Db, Tx } from '../../../db/database.js';
import { isLostRace, lockForUpdate } from '../../../db/locks.js';
import { recordAudit } from '../../../server/audit.js';
import { actorOf, type Actor } from '../../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { badRequest, conflict, forbidden, notFound } from '../../../server/errors.js';
import { newId, nowIso } from '../../../server/ids.js';
import { notifyMember } from '../../../server/notifications.js';
import { presentPage } from '../../../server/pagination.js';
import { sentencesOf, type Analysis } from '../analyzer/index.js';
import { analyzeInWorkspace } from '../pain-index.js';
import { actionRefusal, allowsAction, mayAct, mayCreatePiece, statusAfterDecisions, statusAfterEdit, statusRefusal, type PieceAction, type PieceActor } from '../pieces/domain/piece-status.js';
import { publishingGate, type GateAnswer } from '../pieces/domain/publishing-gate.js';
import { presentEvidence } from '../pains/presenters.js';
import { pieceCitations } from '../pains/store.js';
import { presentAnalysis, presentComment, presentPiece, presentPieceSummary } from '../pieces/presenters.js';
import { AnalyzeInput } from '../analyzer/schemas.js';
import {
  CommentInput,
  CommentView,
  DecisionInput,
  PieceAnalysisView,
  PieceCreateInput,
  PieceIdParams,
  PieceListQuery,
  PiecesPageView,
  PieceUpdateInput,
  PieceView,
  PublishInput,
  ReviewersQuery,
  ReviewersView,
  ReviewRequestInput,
} from '../pieces/schemas.js';
import { activeMember, findSalesReviewers, getPiece, listComments, listReviews, pagePieces, pageSalesReviewers, painFacts, pieceLock, workspaceThreshold, type PieceRow, type ReviewRow } from '../pieces/store.js';

const tags = ['messaging'];
const CHANGED_MEANWHILE = (read: number, now: number) => `Someone saved a newer version of this piece (version ${now}; you read version ${read}). Reload it and read it again first.`;
const SAME_MOMENT = 'Someone changed this piece at the same moment; reload it and try again.';

const pieceActor = (a: Actor, piece: Pick<PieceRow, 'author_member_id'>): PieceActor => ({ role: a.role, team: a.team, isAuthor: piece.author_member_id === a.memberId });

/** 403 unless the actor may take the action; 409 (in words) unless the piece's status allows it. */
function assertMay(a: Actor, piece: PieceRow, action: PieceAction): void {
  const who = pieceActor(a, piece);
  if (!mayAct(who, action)) throw forbidden(actionRefusal(who, action));
  const refusal = statusRefusal(piece.status, action);
  if (refusal) throw conflict(refusal);
}

function assertVersion(piece: PieceRow, read: number | undefined): void {
  if (read !== undefined && read !== piece.version) throw conflict(CHANGED_MEANWHILE(read, piece.version));
}

/** The piece under its lock, or 404 (also for another workspace's id). */
async function lockedPiece(tx: Tx, db: AppContext['db'], workspaceId: string, id: string): Promise<PieceRow> {
  await lockForUpdate(tx, db.dialect, pieceLock(id));
  const piece = await getPiece(tx, workspaceId, id);
  if (!piece) throw notFound('Piece');
  return piece;
}

const gateFor = (piece: Pick<PieceRow, 'version' | 'score'>, threshold: number, reviews: readonly ReviewRow[]): GateAnswer =>
  publishingGate({ version: piece.version, score: piece.score, threshold, reviews: reviews.map((r) => ({ version: r.version, decision: r.decision, reviewerName: r.reviewer_name })) });

/** Stores the analysis of the current version and what it matched (pains no longer in the workspace are skipped). */
async function storeAnalysis(tx: Tx, workspaceId: string, pieceId: string, version: number, analysis: Analysis, at: string): Promise<void> {
  await tx.updateTable('pieces').set({ score: analysis.score, band: analysis.band, analyzed_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', pieceId).execute();
  await tx.deleteFrom('piece_pain_matches').where('workspace_id', '=', workspaceId).where('piece_id', '=', pieceId).execute();
  const ids = [...new Set(analysis.matchedPains.map((m) => m.painId))];
  if (ids.length === 0) return;
  const known = new Set((await tx.selectFrom('pains').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute()).map((p) => p.id));
  const seen = new Set<string>();
  const rows = analysis.matchedPains.filter((m) => known.has(m.painId) && !seen.has(m.painId) && seen.add(m.painId)).map((m) => ({ workspace_id: workspaceId, piece_id: pieceId, pain_id: m.painId, version, similarity: m.similarity }));
  if (rows.length > 0) await tx.insertInto('piece_pain_matches').values(rows).execute();
}

/** Runs a write on one piece, answering a lost race (a unique index, a deadlock) as a 409 in words, never a 500. */
async function refusingRaces<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (isLostRace(err)) throw conflict(SAME_MOMENT);
    throw err;
  }
}

export function registerPieceRoutes(app: Server, { db }: AppContext): void {
  const k = db.kysely;

  async function analyse(workspaceId: string, text: string) {
    const analysis = await analyzeInWorkspace(k, workspaceId, text);
    return { analysis, view: presentAnalysis(analysis, await painFacts(k, workspaceId, analysis.matchedPains.map((m) => m.painId))) };
  }

  /** How many of the latest citations by sales a piece's answer carries (decision 056). */
  const CITATIONS_SHOWN = 5;

  async function presentOne(db: Db, actor: Actor, id: string): Promise<z.infer<typeof PieceView>> {
    const piece = await getPiece(db, actor.workspaceId, id);
    if (!piece) throw notFound('Piece');
    const [threshold, reviews, comments, { view }, cited] = await Promise.all([
      workspaceThreshold(db, actor.workspaceId),
      listReviews(db, actor.workspaceId, id),
      listComments(db, actor.workspaceId, id),
      analyse(actor.workspaceId, piece.body),
      pieceCitations(db, actor.workspaceId, id, CITATIONS_SHOWN),
    ]);
    const who = pieceActor(actor, piece);
    const can = (action: PieceAction) => mayAct(who, action) && statusRefusal(piece.status, action) === null;
    // The score against the pain library as it is now (evidence logged since the save moves it), as publishing reads it.
    const current = piece.status === 'published' || piece.status === 'archived' ? piece : { ...piece, score: view.score, band: view.band };
    return presentPiece(current, {
      threshold,
      gate: gateFor(current, threshold, reviews),
      analysis: view,
      reviews,
      comments,
      citedBySales: { count: cited.count, latest: cited.latest.map((r) => presentEvidence(r, actor)) },
      // publish: whether they are one who publishes it (the gate, in `gate`, says whether it may be published now).
      can: { edit: can('edit'), requestReview: can('request_review'), decide: can('decide'), publish: mayAct(who, 'publish') && allowsAction(piece.status, 'override'), override: can('override'), archive: can('archive'), comment: can('comment') },
    });
  }

  /** One write to a piece: under its lock, read afresh (404 for another workspace's), a lost race a 409; answers the piece as it is after. */
  async function changePiece(actor: Actor, id: string, write: (tx: Tx, piece: PieceRow) => Promise<void>): Promise<z.infer<typeof PieceView>> {
    await refusingRaces(db.transaction(async (tx) => write(tx, await lockedPiece(tx, db, actor.workspaceId, id))));
    return presentOne(k, actor, id);
  }

  app.get(
    '/messaging/pieces',
    { schema: { tags, summary: 'Marketing pieces, the most recently changed first, a page at a time; filter by status, channel or author, search the title with q.', querystring: PieceListQuery, response: { 200: PiecesPageView, 400: ErrorView } }, config: { readCache: true } },
    async (req) => {
      const { limit, cursor, status, channel, author, q } = req.query;
      return presentPage(await pagePieces(k, actorOf(req).workspaceId, { status, channel, author, q }, { limit, cursor }), presentPieceSummary);
    },
  );

  app.get(
    '/messaging/pieces/reviewers',
    { schema: { tags, summary: 'The sales members who can be asked to review a piece (active, not viewers), by name, a page at a time; q searches name and email.', querystring: ReviewersQuery, response: { 200: ReviewersView, 400: ErrorView } }, config: { readCache: true } },
    async (req) => {
      const { limit, cursor, q } = req.query;
      return presentPage(await pageSalesReviewers(k, actorOf(req).workspaceId, q || undefined, { limit, cursor }), (m) => m);
    },
  );

  app.post(
    '/messaging/pieces/analysis',
    { schema: { tags, summary: "The pain analysis of a text as the editor shows it: POST /messaging/analyze's answer with each matched pain's statement, evidence count and newest buyer quote.", body: AnalyzeInput, response: { 200: PieceAnalysisView, 400: ErrorView } }, config: { readsUnchanged: true } },
    async (req) => (await analyse(actorOf(req).workspaceId, req.body.text)).view,
  );

  app.post(
    '/messaging/pieces',
    { schema: { tags, summary: 'Write a piece (marketing members, leaders and admins): a draft, analysed at once.', body: PieceCreateInput, response: { 201: PieceView, 400: ErrorView, 403: ErrorView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!mayCreatePiece(actor)) throw forbidden('Only marketing members, leaders and admins write pieces.');
      const b = req.body;
      const author = b.authorMemberId ?? actor.memberId;
      if (author !== actor.memberId && !(await activeMember(k, actor.workspaceId, author))) throw badRequest('The author must be an active member of this workspace.', [{ path: 'body.authorMemberId', message: 'The author must be an active member of this workspace.' }]);
      // Analysed before the transaction: the analysis reads the pain index, not the piece, and holds no lock.
      const { analysis } = await analyse(actor.workspaceId, b.body);
      const id = newId();
      await db.transaction(async (tx) => {
        const now = nowIso();
        await tx
          .insertInto('pieces')
          .values({ id, workspace_id: actor.workspaceId, title: b.title, channel: b.channel, body: b.body, author_member_id: author, saved_by: actor.memberId, status: 'draft', version: 1, score: null, band: null, analyzed_at: null, published_at: null, published_by: null, override_reason: null, override_by: null, override_at: null, archived_at: null, created_at: now, updated_at: now })
          .execute();
        await storeAnalysis(tx, actor.workspaceId, id, 1, analysis, now);
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'piece.created', entityType: 'piece', entityId: id, after: { title: b.title, channel: b.channel, version: 1, score: analysis.score, band: analysis.band } });
      });
      return reply.code(201).send(await presentOne(k, actor, id));
    },
  );

  app.get(
    '/messaging/pieces/:id',
    { schema: { tags, summary: 'One piece with the analysis of its current version, the gate, its reviews and comments, how often sales cited it in evidence (citedBySales, with the latest entries), and what you may do with it.', params: PieceIdParams, response: { 200: PieceView, 404: ErrorView } }, config: { readCache: true } },
    async (req) => presentOne(k, actorOf(req), req.params.id),
  );

  app.patch(
    '/messaging/pieces/:id',
    {
      schema: {
        tags,
        summary: 'Edit a piece (its author, marketing leads, leaders). A new title or body is a new version: analysed and stored, and a piece that was approved or in review goes back to review, its reviewers asked again.',
        params: PieceIdParams,
        body: PieceUpdateInput,
        response: { 200: PieceView, 400: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const b = req.body;
      // Read first (404, 403, 409 before any analysis), analysed outside the lock, then checked again under it.
      const existing = await getPiece(k, actor.workspaceId, req.params.id);
      if (!existing) throw notFound('Piece');
      assertMay(actor, existing, 'edit');
      const analysis = b.body !== undefined && b.body !== existing.body ? (await analyse(actor.workspaceId, b.body)).analysis : null;
      return changePiece(actor, req.params.id, async (tx, piece) => {
        assertMay(actor, piece, 'edit');
        assertVersion(piece, b.baseVersion);
        if (b.authorMemberId !== undefined && b.authorMemberId !== piece.author_member_id && !(await activeMember(tx, actor.workspaceId, b.authorMemberId))) {
          throw badRequest('The author must be an active member of this workspace.', [{ path: 'body.authorMemberId', message: 'The author must be an active member of this workspace.' }]);
        }
        const newText = (b.title !== undefined && b.title !== piece.title) || (b.body !== undefined && b.body !== piece.body);
        const now = nowIso();
        const version = newText ? piece.version + 1 : piece.version;
        const status = newText ? statusAfterEdit(piece.status) : piece.status;
        await tx
          .updateTable('pieces')
          .set({
            ...(b.title !== undefined ? { title: b.title } : {}),
            ...(b.channel !== undefined ? { channel: b.channel } : {}),
            ...(b.body !== undefined ? { body: b.body } : {}),
            ...(b.authorMemberId !== undefined ? { author_member_id: b.authorMemberId } : {}),
            ...(newText ? { saved_by: actor.memberId } : {}),
            version,
            status,
            updated_at: now,
          })
          .where('workspace_id', '=', actor.workspaceId)
          .where('id', '=', piece.id)
          .execute();
        if (b.body !== undefined && b.body !== piece.body) {
          // Analysed before the lock; only a body that matched the one read then (changed meanwhile) is analysed here.
          const current = analysis ?? (await analyzeInWorkspace(tx, actor.workspaceId, b.body));
          await storeAnalysis(tx, actor.workspaceId, piece.id, version, current, now);
        } else if (newText) await tx.updateTable('piece_pain_matches').set({ version }).where('workspace_id', '=', actor.workspaceId).where('piece_id', '=', piece.id).execute();
        if (newText && (piece.status === 'approved' || piece.status === 'in_review')) await askAgain(tx, actor, piece, version, now);
        await recordAudit(tx, {
          workspaceId: actor.workspaceId,
          actorMemberId: actor.memberId,
          action: 'piece.edited',
          entityType: 'piece',
          entityId: piece.id,
          before: { title: piece.title, channel: piece.channel, version: piece.version, status: piece.status, score: piece.score },
          after: { ...(b.title !== undefined ? { title: b.title } : {}), ...(b.channel !== undefined ? { channel: b.channel } : {}), version, status, ...(analysis ? { score: analysis.score } : {}) },
        });
      });
    },
  );

  /**
   * A new version of a piece under review: whoever was asked about the last version is asked about this one — an
   * undecided request moves to it, and a reviewer who had decided gets a new request (their decision stays as history).
   */
  async function askAgain(tx: Tx, actor: Actor, piece: PieceRow, version: number, now: string): Promise<void> {
    const last = (await listReviews(tx, actor.workspaceId, piece.id)).filter((r) => r.version === piece.version);
    await tx.updateTable('piece_reviews').set({ version }).where('workspace_id', '=', actor.workspaceId).where('piece_id', '=', piece.id).where('version', '=', piece.version).where('decision', '=', 'pending').execute();
    for (const r of last.filter((x) => x.decision !== 'pending')) {
      await tx.insertInto('piece_reviews').values({ id: newId(), workspace_id: actor.workspaceId, piece_id: piece.id, reviewer_member_id: r.reviewer_member_id, requested_by: actor.memberId, requested_at: now, version, decision: 'pending', comment: null, decided_at: null }).execute();
      await notifyMember(tx, actor.workspaceId, r.reviewer_member_id, { kind: 'piece_review', title: `'${piece.title}' changed: review version ${version}`, body: 'The piece was edited after your review; your decision was for the earlier version.', link: `/messaging/pieces/${piece.id}` });
    }
  }

  app.post(
    '/messaging/pieces/:id/review-requests',
    {
      schema: {
        tags,
        summary: 'Ask sales members of this workspace (by member id or email) to review the current version; the piece goes to in_review. A person who is not an active sales member here is refused by name.',
        params: PieceIdParams,
        body: ReviewRequestInput,
        response: { 200: PieceView, 400: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { reviewerIds, reviewerEmails } = req.body;
      return changePiece(actor, req.params.id, async (tx, piece) => {
        assertMay(actor, piece, 'request_review');
        const found = await findSalesReviewers(tx, actor.workspaceId, reviewerIds, reviewerEmails);
        const foundIds = new Set(found.map((m) => m.id));
        const foundEmails = new Set(found.map((m) => m.email.toLowerCase()));
        // Another workspace's member reads exactly like an unknown one: named back as sent, nothing about them told.
        const missing = [...reviewerIds.filter((i) => !foundIds.has(i)), ...reviewerEmails.filter((e) => !foundEmails.has(e.toLowerCase()))];
        if (missing.length > 0) {
          const message = `${missing.map((m) => `"${m}"`).join(', ')} ${missing.length === 1 ? 'is not a sales member' : 'are not sales members'} of this workspace who can review; choose sales members from the list.`;
          throw badRequest(message, [{ path: 'body', message }]);
        }
        const self = found.find((m) => m.id === piece.author_member_id);
        if (self) throw badRequest(`${self.name} wrote this piece: choose another sales member to review it.`);
        const now = nowIso();
        const existing = new Set((await listReviews(tx, actor.workspaceId, piece.id)).filter((r) => r.version === piece.version).map((r) => r.reviewer_member_id));
        const added = found.filter((m) => !existing.has(m.id));
        for (const m of added) {
          await tx.insertInto('piece_reviews').values({ id: newId(), workspace_id: actor.workspaceId, piece_id: piece.id, reviewer_member_id: m.id, requested_by: actor.memberId, requested_at: now, version: piece.version, decision: 'pending', comment: null, decided_at: null }).execute();
          await notifyMember(tx, actor.workspaceId, m.id, { kind: 'piece_review', title: `Review '${piece.title}'`, body: 'Marketing asks you to approve this piece or ask for changes.', link: `/messaging/pieces/${piece.id}` });
        }
        const decisions = (await listReviews(tx, actor.workspaceId, piece.id)).filter((r) => r.version === piece.version).map((r) => r.decision);
        // From the decisions on this version: a request for changes still holds it back until a new version is asked for.
        const status = statusAfterDecisions(decisions);
        await tx.updateTable('pieces').set({ status, updated_at: now }).where('workspace_id', '=', actor.workspaceId).where('id', '=', piece.id).execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'piece.review_requested', entityType: 'piece', entityId: piece.id, before: { status: piece.status }, after: { status, version: piece.version, reviewers: found.map((m) => m.name) } });
      });
    },
  );

  app.post(
    '/messaging/pieces/:id/decisions',
    {
      schema: {
        tags,
        summary: 'A sales member approves the version they read or asks for changes, with comments anchored to its sentences. Refused (409) when a newer version was saved meanwhile.',
        params: PieceIdParams,
        body: DecisionInput,
        response: { 200: PieceView, 400: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const b = req.body;
      return changePiece(actor, req.params.id, async (tx, piece) => {
        assertMay(actor, piece, 'decide');
        assertVersion(piece, b.version);
        // Sign-off is a second person's: whoever saved this version (wrote it, or last changed its text) does not approve it.
        if (b.decision === 'approved' && piece.saved_by === actor.memberId) {
          throw forbidden('You saved this version of the piece, so another sales member approves it: sign-off is a second person’s.');
        }
        const anchors = anchorsOf(piece.body, b.comments);
        const now = nowIso();
        const reviews = await listReviews(tx, actor.workspaceId, piece.id);
        const mine = reviews.find((r) => r.version === piece.version && r.reviewer_member_id === actor.memberId);
        const reviewId = mine?.id ?? newId();
        if (mine) {
          await tx.updateTable('piece_reviews').set({ decision: b.decision, comment: b.comment ?? null, decided_at: now }).where('id', '=', mine.id).execute();
        } else {
          // A sales member who was not asked may still review: their decision counts like any other.
          await tx.insertInto('piece_reviews').values({ id: reviewId, workspace_id: actor.workspaceId, piece_id: piece.id, reviewer_member_id: actor.memberId, requested_by: null, requested_at: now, version: piece.version, decision: b.decision, comment: b.comment ?? null, decided_at: now }).execute();
        }
        for (const c of anchors) {
          await tx.insertInto('piece_comments').values({ id: newId(), workspace_id: actor.workspaceId, piece_id: piece.id, review_id: reviewId, member_id: actor.memberId, version: piece.version, sentence_index: c.sentenceIndex, sentence_text: c.sentenceText, body: c.body, created_at: now }).execute();
        }
        const decisions = (await listReviews(tx, actor.workspaceId, piece.id)).filter((r) => r.version === piece.version).map((r) => r.decision);
        const status = statusAfterDecisions(decisions);
        await tx.updateTable('pieces').set({ status, updated_at: now }).where('workspace_id', '=', actor.workspaceId).where('id', '=', piece.id).execute();
        await recordAudit(tx, {
          workspaceId: actor.workspaceId,
          actorMemberId: actor.memberId,
          action: b.decision === 'approved' ? 'piece.approved' : 'piece.changes_requested',
          entityType: 'piece',
          entityId: piece.id,
          before: { status: piece.status },
          after: { status, version: piece.version, comment: b.comment ?? null, comments: anchors.length },
        });
        if (piece.author_member_id && piece.author_member_id !== actor.memberId) {
          await notifyMember(tx, actor.workspaceId, piece.author_member_id, {
            kind: 'piece_review',
            title: b.decision === 'approved' ? `'${piece.title}' was approved by sales` : `Sales asked for changes to '${piece.title}'`,
            body: b.comment ?? (anchors.length > 0 ? `${anchors.length} comment${anchors.length === 1 ? '' : 's'} on its sentences.` : ''),
            link: `/messaging/pieces/${piece.id}`,
          });
        }
      });
    },
  );

  app.post(
    '/messaging/pieces/:id/comments',
    { schema: { tags, summary: 'Comment on the current version of a piece, on one of its sentences or on the whole (members; viewers read).', params: PieceIdParams, body: CommentInput, response: { 201: CommentView, 400: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const b = req.body;
      const id = newId();
      await db.transaction(async (tx) => {
        const piece = await lockedPiece(tx, db, actor.workspaceId, req.params.id);
        assertMay(actor, piece, 'comment');
        assertVersion(piece, b.version);
        const [c] = anchorsOf(piece.body, [b]);
        await tx.insertInto('piece_comments').values({ id, workspace_id: actor.workspaceId, piece_id: piece.id, review_id: null, member_id: actor.memberId, version: piece.version, sentence_index: c!.sentenceIndex, sentence_text: c!.sentenceText, body: c!.body, created_at: nowIso() }).execute();
      });
      const comment = (await listComments(k, actor.workspaceId, req.params.id)).find((c) => c.id === id);
      if (!comment) throw notFound('Comment');
      return reply.code(201).send(presentComment(comment));
    },
  );

  app.post(
    '/messaging/pieces/:id/publish',
    {
      schema: {
        tags,
        summary:
          "Publish a piece (its author, marketing leads, leaders). Refused (409, with the reasons in words) unless a sales member approved the current version, nobody asked for changes to it, and its pain score is at or above the workspace's threshold — or a leader publishes past the gate with a written reason, which is logged and shown on the piece.",
        params: PieceIdParams,
        body: PublishInput,
        response: { 200: PieceView, 400: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const b = req.body;
      return changePiece(actor, req.params.id, async (tx, piece) => {
        const who = pieceActor(actor, piece);
        const mayOverride = b.overrideReason !== undefined && mayAct(who, 'override');
        if (!mayAct(who, 'publish') && !mayOverride) throw forbidden(actionRefusal(who, 'publish'));
        assertVersion(piece, b.version);
        if (piece.status === 'published' || piece.status === 'archived') throw conflict(statusRefusal(piece.status, 'publish')!);
        const [threshold, reviews] = await Promise.all([workspaceThreshold(tx, actor.workspaceId), listReviews(tx, actor.workspaceId, piece.id)]);
        // Scored against the pain library as it is now, under the lock, and stored: what the gate read is what the piece keeps.
        const now = nowIso();
        const analysis = await analyzeInWorkspace(tx, actor.workspaceId, piece.body);
        await storeAnalysis(tx, actor.workspaceId, piece.id, piece.version, analysis, now);
        const gate = gateFor({ version: piece.version, score: analysis.score }, threshold, reviews);
        if (!gate.open) {
          if (b.overrideReason === undefined) throw conflict(`Publishing is refused: ${gate.reasons.join(' ')} A leader may publish it past the gate with a written reason.`);
          if (!mayOverride) throw forbidden(actionRefusal(who, 'override'));
        }
        const overridden = !gate.open;
        await tx
          .updateTable('pieces')
          .set({ status: 'published', published_at: now, published_by: actor.memberId, updated_at: now, ...(overridden ? { override_reason: b.overrideReason!, override_by: actor.memberId, override_at: now } : {}) })
          .where('workspace_id', '=', actor.workspaceId)
          .where('id', '=', piece.id)
          .execute();
        await recordAudit(tx, {
          workspaceId: actor.workspaceId,
          actorMemberId: actor.memberId,
          action: overridden ? 'piece.published_past_gate' : 'piece.published',
          entityType: 'piece',
          entityId: piece.id,
          before: { status: piece.status },
          after: { status: 'published', version: piece.version, score: analysis.score, threshold, approvedBy: gate.approvedBy, ...(overridden ? { reason: b.overrideReason, gateReasons: gate.reasons } : {}) },
        });
        if (piece.author_member_id && piece.author_member_id !== actor.memberId) {
          await notifyMember(tx, actor.workspaceId, piece.author_member_id, { kind: 'piece_published', title: `'${piece.title}' was published${overridden ? ' past the gate' : ''}`, body: overridden ? `Reason: ${b.overrideReason!}` : '', link: `/messaging/pieces/${piece.id}` });
        }
      });
    },
  );

  app.post(
    '/messaging/pieces/:id/archive',
    { schema: { tags, summary: 'Archive a piece (its author, marketing leads, leaders): it leaves the coverage of published pieces and is no longer edited.', params: PieceIdParams, response: { 200: PieceView, 403: ErrorView, 404: ErrorView, 409: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      return changePiece(actor, req.params.id, async (tx, piece) => {
        assertMay(actor, piece, 'archive');
        const now = nowIso();
        await tx.updateTable('pieces').set({ status: 'archived', archived_at: now, updated_at: now }).where('workspace_id', '=', actor.workspaceId).where('id', '=', piece.id).execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'piece.archived', entityType: 'piece', entityId: piece.id, before: { status: piece.status }, after: { status: 'archived' } });
      });
    },
  );
}

/** Each comment with the sentence it is anchored to in this body (the analysis' own split); 400 for a sentence that is not there. */
function anchorsOf(body: string, comments: ReadonlyArray<{ sentenceIndex: number | null; body: string }>): Array<{ sentenceIndex: number | null; sentenceText: string | null; body: string }> {
  if (comments.length === 0) return [];
  const sentences = sentencesOf(body);
  return comments.map((c, i) => {
    if (c.sentenceIndex === null) return { sentenceIndex: null, sentenceText: null, body: c.body };
    const s = sentences[c.sentenceIndex];
    if (!s) {
      const message = `Comment ${i + 1} is on sentence ${c.sentenceIndex + 1}, but this version has ${sentences.length} sentence${sentences.length === 1 ? '' : 's'}.`;
      throw badRequest(message, [{ path: `body.comments.${i}.sentenceIndex`, message }]);
    }
    return { sentenceIndex: c.sentenceIndex, sentenceText: s.text, body: c.body };
  });
}
