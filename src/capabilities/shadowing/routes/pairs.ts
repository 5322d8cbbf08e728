// One shadow day (SPEC S4): pin it (a leader), propose another date (guest, host or a leader) for the other one to
// accept — the day moves and the invite goes again — or decline, and the guest's reflection on or after the day.
import type { Tx } from '../../../db/database.js';
import { lockForUpdate } from '../../../db/locks.js';
import { recordAudit } from '../../../server/audit.js';
import { actorOf, type Actor } from '../../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { badRequest, conflict, forbidden, notFound } from '../../../server/errors.js';
import { newId, nowIso } from '../../../server/ids.js';
import { spokenDate } from '../../../shared/calendar/index.js';
import { dateProblem } from '../domain/scheduling.js';
import { ANSWER, MANAGE, PROPOSE, REFLECT, canAnswer, canManage, canPropose, canReflect } from '../policies.js';
import { EmptyInput, PairParams, PairView, PinInput, ProposeDateInput, ReflectionInput } from '../schemas.js';
import { getPair, getProgram, membersById, pairLock, shadowCalendar, type PairRow, type ShadowCalendar } from '../store.js';
import { pairViewOf } from '../views.js';
import { announceDay, checkinDaysOf, dayRules, type CheckinDays } from '../write.js';

const tags = ['shadowing'];
const responses = { 200: PairView, 400: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView };

export function registerPairRoutes(app: Server, { db, config, calendarEvents }: AppContext): void {
  const k = db.kysely;

  /** The pair under its lock (404 for an unknown or foreign id), then 403 when `allowed` says no. */
  async function lockedPair(tx: Tx, actor: Actor, pairId: string, allowed: (p: PairRow) => boolean, refusal: string): Promise<PairRow> {
    await lockForUpdate(tx, db.dialect, pairLock(pairId));
    const pair = await getPair(tx, actor.workspaceId, pairId);
    if (!pair) throw notFound('Pair');
    if (!allowed(pair)) throw forbidden(refusal);
    return pair;
  }

  /** The check-in days of the pair's quarter, read before the transaction (none for an unknown pair: it is a 404 there). */
  async function checkinsOfPair(actor: Actor, pairId: string, cal: ShadowCalendar, now: Date): Promise<CheckinDays> {
    const pair = await getPair(k, actor.workspaceId, pairId);
    const program = pair ? await getProgram(k, actor.workspaceId, pair.program_id) : undefined;
    return program ? checkinDaysOf(calendarEvents, program, cal, now) : { dates: new Set(), weekday: null };
  }

  const openProposal = (tx: Tx, pairId: string) => tx.selectFrom('shadow_date_proposals').selectAll().where('pair_id', '=', pairId).where('status', '=', 'open').executeTakeFirst();

  app.post(
    '/shadowing/pairs/:pairId/pin',
    { schema: { tags, summary: 'Pin a pair (a generate keeps it) or unpin it. Leaders and admins.', params: PairParams, body: PinInput, response: responses } },
    async (req) => {
      const actor = actorOf(req);
      if (!canManage(actor)) throw forbidden(MANAGE);
      await db.transaction(async (tx) => {
        const pair = await lockedPair(tx, actor, req.params.pairId, () => true, MANAGE);
        const pinned = req.body.pinned ? 1 : 0;
        if (pair.pinned === pinned) return;
        await tx.updateTable('shadow_pairs').set({ pinned, updated_at: nowIso() }).where('id', '=', pair.id).execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: pinned ? 'shadow_pair.pinned' : 'shadow_pair.unpinned', entityType: 'shadow_pair', entityId: pair.id });
      });
      return pairViewOf(k, actor.workspaceId, req.params.pairId, new Date());
    },
  );

  app.post(
    '/shadowing/pairs/:pairId/propose-date',
    {
      schema: {
        tags,
        summary: 'Propose another day for this shadow day: a workday of the quarter, from tomorrow, not a holiday, a check-in day or a day the host cannot. The guest or host (or a leader or admin); the other one answers.',
        params: PairParams,
        body: ProposeDateInput,
        response: responses,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const now = new Date();
      const cal = await shadowCalendar(k, actor.workspaceId, now);
      const checkins = await checkinsOfPair(actor, req.params.pairId, cal, now);
      await db.transaction(async (tx) => {
        const pair = await lockedPair(tx, actor, req.params.pairId, (p) => canPropose(actor, p), PROPOSE);
        const program = (await getProgram(tx, actor.workspaceId, pair.program_id))!;
        const names = await membersById(tx, actor.workspaceId, [pair.guest_id, pair.host_id]);
        const rules = await dayRules(tx, checkins, program, cal);
        const problem = req.body.date === pair.date ? `The shadow day is already on ${req.body.date}: propose another day.` : dateProblem(req.body.date, pair.guest_id, pair.host_id, rules, { host: names.get(pair.host_id)?.name ?? 'The host', guest: names.get(pair.guest_id)?.name ?? 'The guest' });
        if (problem) throw badRequest(problem, [{ path: 'body.date', message: problem }]);
        const at = nowIso();
        // A new proposal replaces one still open.
        await tx.updateTable('shadow_date_proposals').set({ status: 'withdrawn', answered_at: at }).where('pair_id', '=', pair.id).where('status', '=', 'open').execute();
        await tx.insertInto('shadow_date_proposals').values({ id: newId(), workspace_id: actor.workspaceId, pair_id: pair.id, date: req.body.date, proposed_by: actor.memberId, proposed_at: at, status: 'open', answered_by: null, answered_at: null }).execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'shadow_pair.date_proposed', entityType: 'shadow_pair', entityId: pair.id, before: { date: pair.date }, after: { date: req.body.date } });
      });
      return pairViewOf(k, actor.workspaceId, req.params.pairId, now);
    },
  );

  async function answer(actor: Actor, pairId: string, accept: boolean, now: Date): Promise<void> {
    const cal = await shadowCalendar(k, actor.workspaceId, now);
    const checkins = await checkinsOfPair(actor, pairId, cal, now);
    await db.transaction(async (tx) => {
      const pair = await lockedPair(tx, actor, pairId, (p) => actor.role !== 'viewer' && (p.guest_id === actor.memberId || p.host_id === actor.memberId), ANSWER);
      const proposal = await openProposal(tx, pair.id);
      if (!proposal) throw conflict('There is no date proposal to answer: it was withdrawn or already answered. Reload to see the day as it is.');
      if (!canAnswer(actor, pair, proposal.proposed_by)) throw forbidden(ANSWER);
      const at = nowIso();
      await tx.updateTable('shadow_date_proposals').set({ status: accept ? 'accepted' : 'declined', answered_by: actor.memberId, answered_at: at }).where('id', '=', proposal.id).execute();
      await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: accept ? 'shadow_pair.date_accepted' : 'shadow_pair.date_declined', entityType: 'shadow_pair', entityId: pair.id, before: { date: pair.date }, after: { date: accept ? proposal.date : pair.date } });
      if (!accept) return;
      const program = (await getProgram(tx, actor.workspaceId, pair.program_id))!;
      const members = await membersById(tx, actor.workspaceId, [pair.guest_id, pair.host_id]);
      // The day may have stopped fitting since it was proposed (it passed, the host marked it unavailable).
      const problem = dateProblem(proposal.date, pair.guest_id, pair.host_id, await dayRules(tx, checkins, program, cal), { host: members.get(pair.host_id)?.name ?? 'The host', guest: members.get(pair.guest_id)?.name ?? 'The guest' });
      if (problem) throw badRequest(`${spokenDate(proposal.date)} no longer works: ${problem}`);
      const sequence = pair.sequence + 1;
      await tx.updateTable('shadow_pairs').set({ date: proposal.date, sequence, reminder_sent_for: null, updated_at: at }).where('id', '=', pair.id).execute();
      await announceDay(tx, { publicUrl: config.publicUrl, members, now }, { ...pair, date: proposal.date, sequence }, 'invite');
    });
  }

  app.post(
    '/shadowing/pairs/:pairId/accept-date',
    { schema: { tags, summary: 'Accept the proposed day: the shadow day moves to it and the invite goes to both again. The other one of guest and host, not who proposed; 409 when the proposal is gone.', params: PairParams, body: EmptyInput, response: responses } },
    async (req) => {
      const actor = actorOf(req);
      await answer(actor, req.params.pairId, true, new Date());
      return pairViewOf(k, actor.workspaceId, req.params.pairId, new Date());
    },
  );

  app.post(
    '/shadowing/pairs/:pairId/decline-date',
    { schema: { tags, summary: 'Decline the proposed day: the shadow day stays where it was. The other one of guest and host; 409 when the proposal is gone.', params: PairParams, body: EmptyInput, response: responses } },
    async (req) => {
      const actor = actorOf(req);
      await answer(actor, req.params.pairId, false, new Date());
      return pairViewOf(k, actor.workspaceId, req.params.pairId, new Date());
    },
  );

  app.put(
    '/shadowing/pairs/:pairId/reflection',
    {
      schema: {
        tags,
        summary: 'Write (or rewrite) the reflection: what surprised you, a misconception you had, one idea to take back, a rating 1–5. The guest, on or after the day.',
        params: PairParams,
        body: ReflectionInput,
        response: responses,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const now = new Date();
      const cal = await shadowCalendar(k, actor.workspaceId, now);
      const b = req.body;
      await db.transaction(async (tx) => {
        const pair = await lockedPair(tx, actor, req.params.pairId, (p) => canReflect(actor, p), REFLECT);
        if (pair.date === null) throw badRequest('Your shadow day has no date yet: write the reflection on or after the day.');
        if (pair.date > cal.today) throw badRequest(`Write the reflection on or after your shadow day, ${spokenDate(pair.date)}.`);
        const at = nowIso();
        const existing = await tx.selectFrom('shadow_reflections').select('written_at').where('pair_id', '=', pair.id).executeTakeFirst();
        const values = { surprised: b.surprised, misconception: b.misconception, idea: b.idea, rating: b.rating, updated_at: at };
        if (existing) await tx.updateTable('shadow_reflections').set(values).where('pair_id', '=', pair.id).execute();
        else await tx.insertInto('shadow_reflections').values({ ...values, pair_id: pair.id, workspace_id: actor.workspaceId, guest_id: pair.guest_id, written_at: at }).execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: existing ? 'shadow_reflection.changed' : 'shadow_reflection.written', entityType: 'shadow_pair', entityId: pair.id, after: { rating: b.rating } });
      });
      return pairViewOf(k, actor.workspaceId, req.params.pairId, now);
    },
  );
}
