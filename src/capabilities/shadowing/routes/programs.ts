// A quarter's shadow program (SPEC S4, issue 15): open a quarter (every active sales and marketing member takes
// part), read it, change a participant's opt-out, capacity and unavailable dates, generate the optimal pairs with
// their days, and swap two pairs' hosts.
import { recordAudit } from '../../../server/audit.js';
import { changedFields } from '../../../server/audit-change.js';
import { actorOf } from '../../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { badRequest, conflict, forbidden, notFound } from '../../../server/errors.js';
import { newId, nowIso } from '../../../server/ids.js';
import { lockForUpdate } from '../../../db/locks.js';
import { calendarDate } from '../../../shared/calendar/index.js';
import { pairCost } from '../domain/pairing.js';
import { generatePairs } from '../generate.js';
import { CHANGE_PARTICIPANT, MANAGE, canChangeParticipant, canManage } from '../policies.js';
import { GenerateInput, ParticipantInput, ParticipantParams, ParticipantView, ProgramInput, ProgramParams, ProgramsView, ProgramView, SwapInput } from '../schemas.js';
import { getPair, getProgram, pairLock, programLock, quarterByKey, quarterLock, quarterOf, reflectionsOf, shadowCalendar } from '../store.js';
import { programsOf, programView } from '../views.js';
import { addParticipants, checkinDaysOf, leaveProgram, pairingInputs, scheduleUndated } from '../write.js';

const tags = ['shadowing'];

export function registerProgramRoutes(app: Server, { db, config, calendarEvents }: AppContext): void {
  const k = db.kysely;

  app.get(
    '/shadowing/programs',
    { schema: { tags, summary: 'The current fiscal quarter, its shadow program if one is open, and every program, newest first.', response: { 200: ProgramsView } } },
    async (req) => {
      const actor = actorOf(req);
      const { cal, summaries } = await programsOf(k, actor.workspaceId, new Date());
      const q = quarterOf(cal.today, cal);
      const current = { key: q.key, label: q.label, startDate: q.startDate, endDate: q.endDate };
      return { current, currentProgram: summaries.find((s) => s.quarter.key === q.key) ?? null, programs: summaries };
    },
  );

  app.post(
    '/shadowing/programs',
    {
      schema: {
        tags,
        summary: 'Open a fiscal quarter\'s shadow program (FY2027-Q1): every active sales and marketing member is a participant, hosting up to 2 guests. Leaders and admins; 409 when the quarter has one.',
        body: ProgramInput,
        response: { 201: ProgramView, 400: ErrorView, 403: ErrorView, 409: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!canManage(actor)) throw forbidden(MANAGE);
      const now = new Date();
      const cal = await shadowCalendar(k, actor.workspaceId, now);
      const q = quarterByKey(req.body.quarter, cal);
      if (!q) throw badRequest(`${req.body.quarter} is not a fiscal quarter within ten years of today.`, [{ path: 'body.quarter', message: 'not a quarter within ten years' }]);
      if (q.endDate <= cal.today) throw badRequest(`${q.label} is over: open the current quarter or one ahead.`, [{ path: 'body.quarter', message: 'past quarter' }]);
      const id = await db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, quarterLock(actor.workspaceId, q.key));
        const existing = await tx.selectFrom('shadow_programs').select('id').where('workspace_id', '=', actor.workspaceId).where('quarter_key', '=', q.key).executeTakeFirst();
        if (existing) throw conflict(`${q.label} already has a shadow program: open it instead.`);
        const id = newId();
        const at = nowIso();
        await tx
          .insertInto('shadow_programs')
          .values({ id, workspace_id: actor.workspaceId, quarter_key: q.key, quarter_label: q.label, start_date: q.startDate, end_date: q.endDate, generated_at: null, generating_until: null, unplaced: '[]', created_by: actor.memberId, created_at: at, updated_at: at })
          .execute();
        const participants = await addParticipants(tx, { id, workspace_id: actor.workspaceId });
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'shadow_program.created', entityType: 'shadow_program', entityId: id, after: { quarter: q.key, participants } });
        return id;
      });
      return reply.code(201).send(await programView(k, calendarEvents, actor, id, now));
    },
  );

  app.get(
    '/shadowing/programs/:id',
    { schema: { tags, summary: 'One shadow program: participants, pairs with their cost in words, days and reflections, who could not be placed, progress.', params: ProgramParams, response: { 200: ProgramView, 404: ErrorView } } },
    async (req) => programView(k, calendarEvents, actorOf(req), req.params.id, new Date()),
  );

  app.patch(
    '/shadowing/programs/:id/participants/:participantId',
    {
      schema: {
        tags,
        summary: 'Opt a participant out (with a reason) or back in, set how many guests they host (0–10) and the days within the quarter they cannot. The member themself, or a leader or admin.',
        params: ParticipantParams,
        body: ParticipantInput,
        response: { 200: ParticipantView, 400: ErrorView, 403: ErrorView, 404: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { id, participantId: memberId } = req.params;
      const b = req.body;
      const now = new Date();
      const program = await getProgram(k, actor.workspaceId, id);
      if (!program) throw notFound('Shadow program');
      if (!canChangeParticipant(actor, memberId)) throw forbidden(CHANGE_PARTICIPANT);
      const dates = b.unavailableDates ? [...new Set(b.unavailableDates)].sort() : undefined;
      const outside = dates?.find((d) => d < program.start_date || d >= program.end_date);
      if (outside) {
        const message = `${outside} is outside ${program.quarter_label}: unavailable dates must be from ${program.start_date} to ${calendarDate.addDays(program.end_date, -1)}.`;
        throw badRequest(message, [{ path: 'body.unavailableDates', message }]);
      }
      const cal = await shadowCalendar(k, actor.workspaceId, now);
      await db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, programLock(id));
        const p = await tx.selectFrom('shadow_participants').selectAll().where('program_id', '=', id).where('member_id', '=', memberId).executeTakeFirst();
        if (!p) throw notFound('Participant');
        const before = { optedOut: p.opted_out_reason, capacity: p.capacity, unavailableDates: (await tx.selectFrom('shadow_unavailable_dates').select('date').where('program_id', '=', id).where('member_id', '=', memberId).orderBy('date').execute()).map((r) => r.date) };
        const after = { optedOut: b.optedOut === undefined ? before.optedOut : (b.optedOut?.reason ?? null), capacity: b.capacity ?? before.capacity, unavailableDates: dates ?? before.unavailableDates };
        const changed = changedFields(before, after);
        if (Object.keys(changed.after).length === 0) return;
        const at = nowIso();
        await tx
          .updateTable('shadow_participants')
          .set({ capacity: after.capacity, opted_out_reason: after.optedOut, opted_out_at: after.optedOut === null ? null : b.optedOut !== undefined && before.optedOut === null ? at : p.opted_out_at, updated_at: at })
          .where('program_id', '=', id)
          .where('member_id', '=', memberId)
          .execute();
        if (dates) {
          await tx.deleteFrom('shadow_unavailable_dates').where('program_id', '=', id).where('member_id', '=', memberId).execute();
          if (dates.length > 0) await tx.insertInto('shadow_unavailable_dates').values(dates.map((date) => ({ program_id: id, workspace_id: actor.workspaceId, member_id: memberId, date }))).execute();
        }
        // Opting out gives up the days still to come, as guest and as host; a generate places the others again.
        if (after.optedOut !== null && before.optedOut === null) await leaveProgram(tx, [id], memberId, cal.today);
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'shadow_participant.changed', entityType: 'shadow_participant', entityId: `${id}:${memberId}`, before: changed.before, after: changed.after });
      });
      const view = await programView(k, calendarEvents, actor, id, now);
      return view.participantsList.find((x) => x.member.id === memberId)!;
    },
  );

  app.post(
    '/shadowing/programs/:id/generate',
    {
      schema: {
        tags,
        summary:
          'Pair every guest with a host of the other team, optimally (min-cost assignment: no repeat of the last four quarters, within capacity, functions that match, not the same manager line, load spread), keeping pinned pairs and days that happened, and schedule a day for each new pair (invites by email). Leaders and admins; 409 while another generate runs.',
        params: ProgramParams,
        body: GenerateInput,
        response: { 200: ProgramView, 400: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canManage(actor)) throw forbidden(MANAGE);
      const now = new Date();
      await generatePairs(db, calendarEvents, config.publicUrl, actor, req.params.id, now);
      return programView(k, calendarEvents, actor, req.params.id, now);
    },
  );

  app.post(
    '/shadowing/programs/:id/swap',
    {
      schema: {
        tags,
        summary: "Exchange the hosts of two pairs of the same direction; both are pinned, and days still to come are chosen again (new invites). Leaders and admins.",
        params: ProgramParams,
        body: SwapInput,
        response: { 200: ProgramView, 400: ErrorView, 403: ErrorView, 404: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canManage(actor)) throw forbidden(MANAGE);
      const [aId, bId] = req.body.pairIds;
      const now = new Date();
      const cal = await shadowCalendar(k, actor.workspaceId, now);
      const found = await getProgram(k, actor.workspaceId, req.params.id);
      if (!found) throw notFound('Shadow program');
      const checkins = await checkinDaysOf(calendarEvents, found, cal, now);
      await db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, programLock(req.params.id), pairLock(aId), pairLock(bId));
        const program = await getProgram(tx, actor.workspaceId, req.params.id);
        if (!program) throw notFound('Shadow program');
        const a = await getPair(tx, actor.workspaceId, aId);
        const b = await getPair(tx, actor.workspaceId, bId);
        if (!a || !b || a.program_id !== program.id || b.program_id !== program.id) throw notFound('Pair');
        if (a.direction !== b.direction) throw badRequest('Swap two pairs of the same direction: a marketer shadowing sales with another, or a seller shadowing marketing with another.', [{ path: 'body.pairIds', message: 'different directions' }]);
        const reflected = await reflectionsOf(tx, [a.id, b.id]);
        const happened = [a, b].find((p) => reflected.has(p.id) || (p.date !== null && p.date <= cal.today));
        if (happened) throw badRequest('A shadow day that has happened cannot be swapped: swap two pairs whose days are still to come.', [{ path: 'body.pairIds', message: 'day happened' }]);
        const inputs = await pairingInputs(tx, program, cal);
        const at = nowIso();
        const person = (id: string) => ({ id, name: inputs.members.get(id)?.name ?? 'A member', function: inputs.members.get(id)?.function ?? '', managerId: inputs.members.get(id)?.manager_id ?? null });
        for (const [pair, host] of [[a, b.host_id], [b, a.host_id]] as const) {
          const c = pairCost(pair.direction, person(pair.guest_id), person(host), inputs);
          await tx.updateTable('shadow_pairs').set({ host_id: host, pinned: 1, cost: c.cost, cost_reasons: JSON.stringify([...c.reasons, 'Swapped by a leader']), date: null, updated_at: at }).where('id', '=', pair.id).execute();
          await tx.updateTable('shadow_date_proposals').set({ status: 'withdrawn', answered_at: at }).where('pair_id', '=', pair.id).where('status', '=', 'open').execute();
        }
        await scheduleUndated(tx, checkins, program, cal, { publicUrl: config.publicUrl, members: inputs.members, now }, new Set([a.id, b.id]));
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'shadow_program.swapped', entityType: 'shadow_program', entityId: program.id, before: { pairs: [{ guest: a.guest_id, host: a.host_id }, { guest: b.guest_id, host: b.host_id }] }, after: { pairs: [{ guest: a.guest_id, host: b.host_id }, { guest: b.guest_id, host: a.host_id }] } });
      });
      return programView(k, calendarEvents, actor, req.params.id, now);
    },
  );
}
