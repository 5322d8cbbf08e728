// The Shadowing room's writes that more than one route makes, each inside the caller's transaction: bring a program's
// participants up to date, the pairing's inputs, choosing days for the pairs without one, the invite email (an ICS
// through the outbox, to host and guest) and a member leaving a program.
import type { Tx } from '../../db/database.js';
import type { ShadowDirection } from '../../db/schema/shadowing.js';
import { nowIso } from '../../server/ids.js';
import { announce } from '../../server/outbound/announce.js';
import { calendarDate, spokenDate } from '../../shared/calendar/index.js';
import type { CalendarEventProvider } from '../../shared/contracts/calendar-events.js';
import { shadowDayIcs, shadowDayUid } from './domain/invite.js';
import { affinityKey, firstName, type PairingInput } from './domain/pairing.js';
import { scheduleDays, type DayRules } from './domain/scheduling.js';
import { SHADOW_LIMITS } from './schemas.js';
import {
  affinityRules,
  allMembers,
  checkinDays,
  eligibleMembers,
  listPairs,
  quarterOf,
  quartersBefore,
  quarterWorkdays,
  recentHosts,
  unavailableDates,
  type MemberRow,
  type PairRow,
  type ProgramRow,
  type ShadowCalendar,
} from './store.js';

/** Adds every active sales and marketing member who is not a participant yet (capacity 2); returns how many. */
export async function addParticipants(tx: Tx, program: Pick<ProgramRow, 'id' | 'workspace_id'>): Promise<number> {
  const eligible = await eligibleMembers(tx, program.workspace_id);
  const have = new Set((await tx.selectFrom('shadow_participants').select('member_id').where('program_id', '=', program.id).execute()).map((r) => r.member_id));
  const at = nowIso();
  const rows = eligible
    .filter((m) => !have.has(m.id))
    .map((m) => ({ program_id: program.id, workspace_id: program.workspace_id, member_id: m.id, team: m.team as 'sales' | 'marketing', capacity: SHADOW_LIMITS.capacityDefault, opted_out_reason: null, opted_out_at: null, created_at: at, updated_at: at }));
  if (rows.length > 0) await tx.insertInto('shadow_participants').values(rows).execute();
  return rows.length;
}

/** What the pairing's costs read: people, the affinity table, the hosts of the last four quarters, the manager line. */
export async function pairingInputs(tx: Tx, program: ProgramRow, cal: ShadowCalendar): Promise<Pick<PairingInput, 'affinity' | 'recentHosts' | 'managerOf'> & { members: Map<string, MemberRow> }> {
  const members = await allMembers(tx, program.workspace_id);
  const managerOf = new Map([...members.values()].map((m) => [m.id, m.manager_id]));
  const affinity = new Map((await affinityRules(tx, program.workspace_id)).map((r) => [affinityKey(r.sales_function, r.marketing_function), r.bonus]));
  const last4 = quartersBefore(quarterOf(program.start_date, cal), cal, 4).map((q) => q.key);
  return { managerOf, members, affinity, recentHosts: await recentHosts(tx, program.workspace_id, last4) };
}

export type CheckinDays = Awaited<ReturnType<typeof checkinDays>>;

/**
 * The check-in days of the program's quarter, from the other rooms' calendar events. Read BEFORE a transaction opens:
 * a provider reads through the app's database, which on SQLite is the one connection the transaction holds.
 */
export const checkinDaysOf = (providers: readonly CalendarEventProvider[], program: Pick<ProgramRow, 'workspace_id' | 'start_date'>, cal: ShadowCalendar, now: Date): Promise<CheckinDays> =>
  checkinDays(providers, program.workspace_id, quarterOf(program.start_date, cal), cal.timeZone, now);

/** The rules a day of this program is chosen by. */
export async function dayRules(tx: Tx, checkins: CheckinDays, program: ProgramRow, cal: ShadowCalendar): Promise<DayRules> {
  const q = quarterOf(program.start_date, cal);
  return {
    workdays: quarterWorkdays(q, cal),
    startDate: q.startDate,
    endDate: q.endDate,
    from: calendarDate.addDays(cal.today, 1),
    checkinWeekday: checkins.weekday,
    checkinDates: checkins.dates,
    unavailable: await unavailableDates(tx, program.id),
    weekStart: cal.weekStart,
  };
}

export interface InviteContext {
  publicUrl: string;
  members: ReadonlyMap<string, MemberRow>;
  now: Date;
}

const directionWords = (d: ShadowDirection) => (d === 'marketing_shadows_sales' ? 'marketing shadows sales' : 'sales shadows marketing');

/** The email with the day's ICS, to host and guest: on a new date ('invite') or the day before ('reminder'). */
export async function announceDay(tx: Tx, ctx: InviteContext, pair: Pick<PairRow, 'id' | 'workspace_id' | 'guest_id' | 'host_id' | 'direction' | 'sequence'> & { date: string }, kind: 'invite' | 'reminder'): Promise<number> {
  const guest = ctx.members.get(pair.guest_id)?.name ?? 'The guest';
  const host = ctx.members.get(pair.host_id)?.name ?? 'the host';
  const when = spokenDate(pair.date);
  const summary = `Shadow day: ${guest} with ${host}`;
  const description = `${guest} spends the day with ${host} (${directionWords(pair.direction)}). Afterwards ${firstName(guest)} writes a short reflection in Lockstep: what surprised them, a misconception they had and one idea to take back.`;
  const link = '/shadowing';
  const ics = shadowDayIcs({ uid: shadowDayUid(pair.id), date: pair.date, sequence: pair.sequence, summary, description, url: `${ctx.publicUrl}${link}`, stamp: ctx.now });
  return announce(tx, { publicUrl: ctx.publicUrl }, pair.workspace_id, {
    kind: 'shadow_days',
    key: kind === 'invite' ? `shadow-day:${pair.id}:${pair.sequence}` : `shadow-day-reminder:${pair.id}:${pair.date}`,
    title: kind === 'invite' ? `${summary}, ${when}` : `Tomorrow: ${summary}`,
    text: kind === 'invite' ? `${description}\n\nThe invite is attached: add it to your calendar.` : `Your shadow day is tomorrow, ${when}. ${description}`,
    fields: [
      { label: 'Guest', value: guest },
      { label: 'Host', value: host },
      { label: 'Day', value: when },
    ],
    link,
    linkLabel: 'Open Shadowing',
    accent: 'info',
    recipientMemberIds: [pair.guest_id, pair.host_id],
    attachments: [{ filename: 'shadow-day.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics }],
  });
}

/** Sets a day for every pair of the program that has none (when a day is left), sending each its invite. */
export async function scheduleUndated(tx: Tx, checkins: CheckinDays, program: ProgramRow, cal: ShadowCalendar, invite: InviteContext, onlyPairIds?: ReadonlySet<string>): Promise<number> {
  const pairs = await listPairs(tx, [program.id]);
  const undated = pairs.filter((p) => p.date === null && (!onlyPairIds || onlyPairIds.has(p.id)));
  if (undated.length === 0) return 0;
  const rules = await dayRules(tx, checkins, program, cal);
  const dated = pairs.filter((p): p is PairRow & { date: string } => p.date !== null).map((p) => ({ id: p.id, guestId: p.guest_id, hostId: p.host_id, date: p.date }));
  const days = scheduleDays(undated.map((p) => ({ id: p.id, guestId: p.guest_id, hostId: p.host_id })), dated, rules);
  let scheduled = 0;
  const at = nowIso();
  for (const p of undated) {
    const date = days.get(p.id);
    if (!date) continue;
    const sequence = p.sequence + 1;
    await tx.updateTable('shadow_pairs').set({ date, sequence, reminder_sent_for: null, updated_at: at }).where('id', '=', p.id).execute();
    await announceDay(tx, invite, { ...p, date, sequence }, 'invite');
    scheduled++;
  }
  return scheduled;
}

/**
 * A member leaves a program (opted out, or deactivated): their shadow days still to come go — as guest and as host —
 * and so do their proposals; days that happened, and reflections, stay as history.
 */
export async function leaveProgram(tx: Tx, programIds: readonly string[], memberId: string, today: string): Promise<number> {
  if (programIds.length === 0) return 0;
  const r = await tx
    .deleteFrom('shadow_pairs')
    .where('program_id', 'in', [...programIds])
    .where((eb) => eb.or([eb('guest_id', '=', memberId), eb('host_id', '=', memberId)]))
    .where((eb) => eb.or([eb('date', 'is', null), eb('date', '>', today)]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('shadow_reflections').select('pair_id').whereRef('shadow_reflections.pair_id', '=', 'shadow_pairs.id'))))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
