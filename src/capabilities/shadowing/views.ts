// The Shadowing room's responses as the contract shapes them (never a raw row): a program with its participants,
// pairs (cost in words, status, proposal, reflection), who could not be placed, progress and what the reader may do.
import type { Db } from '../../db/database.js';
import type { Actor } from '../../server/auth.js';
import { notFound } from '../../server/errors.js';
import type { CalendarEventProvider } from '../../shared/contracts/calendar-events.js';
import { pairStatus, quarterProgress } from './domain/progress.js';
import { canManage } from './policies.js';
import type { MemberRef, PairView, ProgramSummaryView, ProgramView, QuarterView } from './schemas.js';
import {
  checkinDays,
  getProgram,
  listPairs,
  listParticipants,
  listPrograms,
  membersById,
  openProposals,
  quarterWorkdays,
  reflectionsOf,
  shadowCalendar,
  unavailableDates,
  type MemberRow,
  type PairRow,
  type ProgramRow,
  type ShadowCalendar,
} from './store.js';

export const quarterView = (p: { quarter_key: string; quarter_label: string; start_date: string; end_date: string }): QuarterView => ({ key: p.quarter_key, label: p.quarter_label, startDate: p.start_date, endDate: p.end_date });

export function memberRef(id: string, members: ReadonlyMap<string, MemberRow>): MemberRef {
  const m = members.get(id);
  return { id, name: m?.name ?? 'A former member', team: m?.team === 'marketing' ? 'marketing' : 'sales', function: m?.function ?? '' };
}

interface PairExtras {
  proposals: Awaited<ReturnType<typeof openProposals>>;
  reflections: Awaited<ReturnType<typeof reflectionsOf>>;
  members: ReadonlyMap<string, MemberRow>;
  today: string;
}

export function pairView(p: PairRow, x: PairExtras): PairView {
  const proposal = x.proposals.get(p.id);
  const reflection = x.reflections.get(p.id);
  return {
    id: p.id,
    direction: p.direction,
    guest: memberRef(p.guest_id, x.members),
    host: memberRef(p.host_id, x.members),
    pinned: p.pinned === 1,
    cost: p.cost,
    costReasons: JSON.parse(p.cost_reasons) as string[],
    date: p.date,
    proposal: proposal ? { date: proposal.date, by: memberRef(proposal.proposed_by ?? '', x.members), at: proposal.proposed_at } : null,
    status: pairStatus({ date: p.date, reflected: reflection !== undefined, proposalOpen: proposal !== undefined }, x.today),
    reflection: reflection ? { surprised: reflection.surprised, misconception: reflection.misconception, idea: reflection.idea, rating: reflection.rating, writtenAt: reflection.written_at } : null,
  };
}

/** One pair as the contract shows it, read afresh. */
export async function pairViewOf(db: Db, workspaceId: string, pairId: string, now: Date): Promise<PairView> {
  const p = await db.selectFrom('shadow_pairs').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', pairId).executeTakeFirst();
  if (!p) throw notFound('Pair');
  const cal = await shadowCalendar(db, workspaceId, now);
  const proposals = await openProposals(db, [p.id]);
  const ids = [p.guest_id, p.host_id, ...[...proposals.values()].map((x) => x.proposed_by ?? '')];
  return pairView(p, { proposals, reflections: await reflectionsOf(db, [p.id]), members: await membersById(db, workspaceId, ids), today: cal.today });
}

/** The summaries of programs (counts in one query each for participants, pairs and completed days). */
export async function programSummaries(db: Db, workspaceId: string, programs: readonly ProgramRow[], cal: ShadowCalendar): Promise<ProgramSummaryView[]> {
  if (programs.length === 0) return [];
  const ids = programs.map((p) => p.id);
  const participants = await db
    .selectFrom('shadow_participants')
    .select(['program_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('program_id', 'in', ids)
    .where('opted_out_at', 'is', null)
    .groupBy('program_id')
    .execute();
  const pairs = await db.selectFrom('shadow_pairs').select(['program_id', (eb) => eb.fn.countAll<number | string>().as('n')]).where('program_id', 'in', ids).groupBy('program_id').execute();
  const completed = await db
    .selectFrom('shadow_pairs')
    .innerJoin('shadow_reflections', 'shadow_reflections.pair_id', 'shadow_pairs.id')
    .select(['shadow_pairs.program_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('shadow_pairs.program_id', 'in', ids)
    .where('shadow_pairs.date', '<=', cal.today)
    .groupBy('shadow_pairs.program_id')
    .execute();
  const count = (rows: Array<{ program_id: string; n: number | string }>, id: string) => Number(rows.find((r) => r.program_id === id)?.n ?? 0);
  return programs.map((p) => ({
    id: p.id,
    quarter: quarterView(p),
    status: cal.today >= p.end_date ? 'closed' : 'open',
    participants: count(participants, p.id),
    completed: count(completed, p.id),
    pairs: count(pairs, p.id),
  }));
}

export async function programsOf(db: Db, workspaceId: string, now: Date) {
  const cal = await shadowCalendar(db, workspaceId, now);
  return { cal, summaries: await programSummaries(db, workspaceId, await listPrograms(db, workspaceId), cal) };
}

/** The whole program as the reader sees it (404 for an id of another workspace). */
export async function programView(db: Db, calendarEvents: readonly CalendarEventProvider[], actor: Pick<Actor, 'workspaceId' | 'memberId' | 'role'>, programId: string, now: Date): Promise<ProgramView> {
  const program = await getProgram(db, actor.workspaceId, programId);
  if (!program) throw notFound('Shadow program');
  const cal = await shadowCalendar(db, actor.workspaceId, now);
  const [summary] = await programSummaries(db, actor.workspaceId, [program], cal);
  const participants = await listParticipants(db, program.id);
  const unavailable = await unavailableDates(db, program.id);
  const pairs = await listPairs(db, [program.id]);
  const proposals = await openProposals(db, pairs.map((p) => p.id));
  const reflections = await reflectionsOf(db, pairs.map((p) => p.id));
  const unplaced = JSON.parse(program.unplaced) as Array<{ memberId: string; direction: PairView['direction']; reason: string }>;
  const ids = [...participants.map((p) => p.member_id), ...pairs.flatMap((p) => [p.guest_id, p.host_id]), ...[...proposals.values()].map((p) => p.proposed_by ?? ''), ...unplaced.map((u) => u.memberId)];
  const members = await membersById(db, actor.workspaceId, ids);
  const x = { proposals, reflections, members, today: cal.today };
  const pairByGuest = new Map(pairs.map((p) => [p.guest_id, p]));
  const hosted = new Map<string, number>();
  for (const p of pairs) hosted.set(p.host_id, (hosted.get(p.host_id) ?? 0) + 1);
  const progress = quarterProgress(
    participants.map((p) => ({ memberId: p.member_id, team: p.team, optedOut: p.opted_out_at !== null })),
    pairs.map((p) => ({ guestId: p.guest_id, date: p.date, reflected: reflections.has(p.id) })),
    quarterWorkdays({ startDate: program.start_date, endDate: program.end_date }, cal),
    cal.today,
  );
  const { weekday } = await checkinDays(calendarEvents, actor.workspaceId, { start: new Date(`${program.start_date}T00:00:00Z`).toISOString(), end: new Date(`${program.end_date}T00:00:00Z`).toISOString() }, cal.timeZone, now);
  return {
    ...summary!,
    pairs: pairs.map((p) => pairView(p, x)),
    participantsList: participants.map((p) => ({
      member: memberRef(p.member_id, members),
      optedOut: p.opted_out_at ? { reason: p.opted_out_reason ?? '', at: p.opted_out_at } : null,
      capacity: p.capacity,
      unavailableDates: [...(unavailable.get(p.member_id) ?? [])].sort(),
      pairAsGuest: pairByGuest.get(p.member_id)?.id ?? null,
      guestsHosted: hosted.get(p.member_id) ?? 0,
    })),
    unplaced: unplaced.map((u) => ({ member: memberRef(u.memberId, members), direction: u.direction, reason: u.reason })),
    progress: { teams: progress.teams, overdue: progress.overdue.map((o) => ({ member: memberRef(o.memberId, members), why: o.why })) },
    generatedAt: program.generated_at,
    checkinWeekday: weekday,
    me: { memberId: actor.memberId, isParticipant: participants.some((p) => p.member_id === actor.memberId), canManage: canManage(actor) },
  };
}
