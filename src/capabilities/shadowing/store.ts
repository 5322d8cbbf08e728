// Data access of the Shadowing room (SPEC S4): the workspace calendar a quarter is read in, programs, participants,
// pairs with their proposals and reflections, the affinity table, and the history the pairing avoids repeating.
// Every read is scoped by workspace; one query per list.
import type { Db } from '../../db/database.js';
import { lockKey } from '../../db/locks.js';
import { memberName } from '../../db/member-name.js';
import type { ShadowDirection } from '../../db/schema/shadowing.js';
import { calendarDate, localDateOf, periodOf, workdaysIn, type Holiday, type Period } from '../../shared/calendar/index.js';
import type { CalendarEventProvider } from '../../shared/contracts/calendar-events.js';

export const programLock = (programId: string): string => lockKey('shadowing', 'program', programId);
export const quarterLock = (workspaceId: string, key: string): string => lockKey('shadowing', 'quarter', workspaceId, key);
export const pairLock = (pairId: string): string => lockKey('shadowing', 'pair', pairId);

export interface ShadowCalendar {
  timeZone: string;
  weekStart: number;
  fiscalYearStartMonth: number;
  holidays: Holiday[];
  today: string;
}

export async function shadowCalendar(db: Db, workspaceId: string, now: Date): Promise<ShadowCalendar> {
  const ws = await db.selectFrom('workspaces').select(['time_zone', 'week_start', 'fiscal_year_start_month', 'holidays']).where('id', '=', workspaceId).executeTakeFirstOrThrow();
  let holidays: Holiday[] = [];
  try {
    const v: unknown = JSON.parse(ws.holidays);
    if (Array.isArray(v)) holidays = v.filter((h): h is Holiday => typeof h === 'object' && h !== null && typeof (h as Holiday).date === 'string');
  } catch {
    holidays = [];
  }
  return { timeZone: ws.time_zone, weekStart: ws.week_start, fiscalYearStartMonth: ws.fiscal_year_start_month, holidays, today: localDateOf(now, ws.time_zone) };
}

export const quarterOf = (date: string, cal: ShadowCalendar): Period => periodOf('quarter', date, cal);

/** The quarter a key names ('FY2027-Q1'), found within ten years either side of today; null when none is. */
export function quarterByKey(key: string, cal: ShadowCalendar): Period | null {
  let q = quarterOf(cal.today, cal);
  const step = key > q.key ? 1 : -1;
  for (let i = 0; i < 40 && q.key !== key; i++) q = quarterOf(step > 0 ? q.endDate : calendarDate.addDays(q.startDate, -1), cal);
  return q.key === key ? q : null;
}

/** The quarters before this one, newest first. */
export function quartersBefore(q: Pick<Period, 'startDate'>, cal: ShadowCalendar, count: number): Period[] {
  const out: Period[] = [];
  let at = q.startDate;
  for (let i = 0; i < count; i++) {
    const p = quarterOf(calendarDate.addDays(at, -1), cal);
    out.push(p);
    at = p.startDate;
  }
  return out;
}

export const quarterWorkdays = (q: Pick<Period, 'startDate' | 'endDate'>, cal: ShadowCalendar): string[] => workdaysIn(q.startDate, q.endDate, { holidays: cal.holidays });

export type ProgramRow = Awaited<ReturnType<typeof getProgram>> & object;

export async function getProgram(db: Db, workspaceId: string, id: string) {
  return db.selectFrom('shadow_programs').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function listPrograms(db: Db, workspaceId: string) {
  return db.selectFrom('shadow_programs').selectAll().where('workspace_id', '=', workspaceId).orderBy('start_date', 'desc').orderBy('id').execute();
}

/** The active, joined sales and marketing members who take part (viewers read only): a program's participants. */
export async function eligibleMembers(db: Db, workspaceId: string) {
  return db
    .selectFrom('members')
    .select(['id', 'team'])
    .where('workspace_id', '=', workspaceId)
    .where('active', '=', 1)
    .where('joined_at', 'is not', null)
    .where('role', '!=', 'viewer')
    .where('team', 'in', ['sales', 'marketing'])
    .orderBy('id')
    .execute();
}

export interface MemberRow {
  id: string;
  name: string;
  team: 'sales' | 'marketing' | 'leadership';
  function: string;
  manager_id: string | null;
}

const memberRows = (db: Db, workspaceId: string) =>
  db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select(['members.id', memberName.as('name'), 'members.team', 'members.function', 'members.manager_id'])
    .where('members.workspace_id', '=', workspaceId);

export async function membersById(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, MemberRow>> {
  if (ids.length === 0) return new Map();
  const rows = await memberRows(db, workspaceId).where('members.id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every member of the workspace (the pairing reads their names, functions and manager line). */
export async function allMembers(db: Db, workspaceId: string): Promise<Map<string, MemberRow>> {
  return new Map((await memberRows(db, workspaceId).execute()).map((r) => [r.id, r]));
}

export async function listParticipants(db: Db, programId: string) {
  return db.selectFrom('shadow_participants').selectAll().where('program_id', '=', programId).orderBy('member_id').execute();
}

export async function unavailableDates(db: Db, programId: string): Promise<Map<string, Set<string>>> {
  const rows = await db.selectFrom('shadow_unavailable_dates').select(['member_id', 'date']).where('program_id', '=', programId).orderBy('date').execute();
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    let s = out.get(r.member_id);
    if (!s) out.set(r.member_id, (s = new Set()));
    s.add(r.date);
  }
  return out;
}

export async function listPairs(db: Db, programIds: readonly string[]) {
  if (programIds.length === 0) return [];
  return db.selectFrom('shadow_pairs').selectAll().where('program_id', 'in', [...programIds]).orderBy('direction').orderBy('id').execute();
}
export type PairRow = Awaited<ReturnType<typeof listPairs>>[number];

export async function getPair(db: Db, workspaceId: string, pairId: string): Promise<PairRow | undefined> {
  return db.selectFrom('shadow_pairs').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', pairId).executeTakeFirst();
}

export async function openProposals(db: Db, pairIds: readonly string[]) {
  if (pairIds.length === 0) return new Map<string, { id: string; date: string; proposed_by: string | null; proposed_at: string }>();
  const rows = await db.selectFrom('shadow_date_proposals').select(['id', 'pair_id', 'date', 'proposed_by', 'proposed_at']).where('pair_id', 'in', [...pairIds]).where('status', '=', 'open').execute();
  return new Map(rows.map((r) => [r.pair_id, r]));
}

export async function reflectionsOf(db: Db, pairIds: readonly string[]) {
  if (pairIds.length === 0) return new Map<string, { surprised: string; misconception: string; idea: string; rating: number; written_at: string }>();
  const rows = await db.selectFrom('shadow_reflections').select(['pair_id', 'surprised', 'misconception', 'idea', 'rating', 'written_at']).where('pair_id', 'in', [...pairIds]).execute();
  return new Map(rows.map((r) => [r.pair_id, r]));
}

export async function affinityRules(db: Db, workspaceId: string) {
  return db.selectFrom('shadow_affinity_rules').select(['sales_function', 'marketing_function', 'bonus']).where('workspace_id', '=', workspaceId).orderBy('sales_function').orderBy('marketing_function').execute();
}

/** guestId → hostId → quarter label: who shadowed whom in the programs of the given quarters. */
export async function recentHosts(db: Db, workspaceId: string, quarterKeys: readonly string[]): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  if (quarterKeys.length === 0) return out;
  const rows = await db
    .selectFrom('shadow_pairs')
    .innerJoin('shadow_programs', 'shadow_programs.id', 'shadow_pairs.program_id')
    .select(['shadow_pairs.guest_id', 'shadow_pairs.host_id', 'shadow_programs.quarter_label', 'shadow_programs.start_date'])
    .where('shadow_pairs.workspace_id', '=', workspaceId)
    .where('shadow_programs.quarter_key', 'in', [...quarterKeys])
    .orderBy('shadow_programs.start_date')
    .execute();
  // The latest quarter wins, so the reason names the most recent time.
  for (const r of rows) {
    let m = out.get(r.guest_id);
    if (!m) out.set(r.guest_id, (m = new Map()));
    m.set(r.host_id, r.quarter_label);
  }
  return out;
}

/** The check-ins' days in a window, from the calendar-events contract, and the weekday they mostly meet on. */
export async function checkinDays(providers: readonly CalendarEventProvider[], workspaceId: string, q: Pick<Period, 'start' | 'end'>, timeZone: string, now: Date): Promise<{ dates: Set<string>; weekday: number | null }> {
  // Eight weeks before the quarter too, so a quarter ahead (meetings not made yet) still knows the weekday.
  const from = new Date(Math.min(Date.parse(q.start), now.getTime()) - 56 * 86_400_000).toISOString();
  const lists = await Promise.all(providers.filter((p) => p.room === 'checkins').map((p) => p.events({ workspaceId, memberId: null, from, until: q.end, now })));
  const dates = new Set<string>();
  const weekdays = new Map<number, number>();
  for (const e of lists.flat()) {
    if (e.status === 'CANCELLED') continue;
    const d = e.date ?? localDateOf(e.start, timeZone);
    dates.add(d);
    const w = calendarDate.dayOfWeek(d);
    weekdays.set(w, (weekdays.get(w) ?? 0) + 1);
  }
  let weekday: number | null = null;
  for (const [w, n] of [...weekdays].sort((a, b) => a[0] - b[0])) if (weekday === null || n > (weekdays.get(weekday) ?? 0)) weekday = w;
  return { dates, weekday };
}

export const directionOfGuest = (team: 'sales' | 'marketing'): ShadowDirection => (team === 'marketing' ? 'marketing_shadows_sales' : 'sales_shadows_marketing');

/** The program of the quarter `now` falls in, with what the contracts read of it; null when the quarter has none. */
export async function currentProgramFacts(db: Db, workspaceId: string, now: Date) {
  const cal = await shadowCalendar(db, workspaceId, now);
  const q = quarterOf(cal.today, cal);
  const program = await db.selectFrom('shadow_programs').selectAll().where('workspace_id', '=', workspaceId).where('quarter_key', '=', q.key).executeTakeFirst();
  if (!program) return null;
  const participants = await listParticipants(db, program.id);
  const pairs = await listPairs(db, [program.id]);
  // Judged at `now`: a reflection written later does not count yet (the alignment room replays past weeks).
  const at = now.toISOString();
  const reflections = new Map([...(await reflectionsOf(db, pairs.map((p) => p.id)))].filter(([, r]) => r.written_at <= at));
  return { cal, quarter: q, program, participants, pairs, reflections, workdays: quarterWorkdays(q, cal) };
}

/** The ids of the programs whose quarter has not ended. */
export async function currentAndComingPrograms(db: Db, workspaceId: string, today: string): Promise<string[]> {
  return (await db.selectFrom('shadow_programs').select('id').where('workspace_id', '=', workspaceId).where('end_date', '>', today).execute()).map((r) => r.id);
}
