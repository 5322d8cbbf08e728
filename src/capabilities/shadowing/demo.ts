// The shadowing part of the demo workspace (SPEC S8 "… check-ins, shadow days and wins"; issue 15): the affinity
// table, the past three quarters paired by the real pairing (each avoiding the hosts of the quarters before), every
// day done with its reflection, and the current quarter half done — half the days behind with their reflections
// (one still to write), the rest ahead, one date proposal waiting and one member sitting the quarter out.
import type { Db } from '../../db/database.js';
import { insertInChunks } from '../../db/insert-in-chunks.js';
import { newId } from '../../server/ids.js';
import { calendarDate, localDateOf, periodOf, workdaysIn, type Holiday, type Period } from '../../shared/calendar/index.js';
import type { DemoContext, DemoPerson } from '../../shared/contracts/demo.js';
import { seededRandom } from '../../shared/seeded-random.js';
import { affinityKey, pairGuests, type Direction } from './domain/pairing.js';
import { scheduleDays, type DayRules } from './domain/scheduling.js';
import { SHADOW_DIRECTIONS, SHADOW_LIMITS } from './schemas.js';

/** The demo's check-in meets on Tuesdays (checkins/demo.ts): no shadow day on one. */
const DEMO_CHECKIN_WEEKDAY = 2;

const AFFINITY: Array<[sales: string, marketing: string, bonus: number]> = [
  ['SDR', 'Demand gen', 9],
  ['SDR', 'Marketing ops', 6],
  ['Account executive', 'Product marketing', 8],
  ['Account executive', 'Content', 7],
  ['Solutions engineer', 'Product marketing', 9],
  ['Sales manager', 'Demand gen lead', 7],
  ['VP Sales', 'VP Marketing', 8],
];

const SURPRISED = [
  'How many of the first calls are spent undoing what the prospect read on a competitor comparison page.',
  'The campaign calendar is planned two quarters out — I assumed it was week to week.',
  'Prospects quote our own webinar back to us on discovery calls.',
  'How much of the lead scoring is guesswork that sales could fix with one field.',
  'Reps rewrite our one-pagers before sending them, every time.',
  'Attribution takes longer to argue about than the campaign took to run.',
];
const MISCONCEPTION = [
  'I thought marketing measured success by clicks; they live and die by pipeline too.',
  'I assumed reps ignore MQLs. They ignore the ones with no context attached.',
  'I believed the case studies were written without talking to customers.',
  'I thought sales wanted more leads. They want fewer, better ones.',
  'I assumed the demo script was fixed; every AE tells it differently.',
];
const IDEA = [
  'Add the prospect\'s last three content touches to the lead record sales sees.',
  'A monthly 20-minute call-listening session for the content team.',
  'Put the top objection of the week in the marketing stand-up.',
  'Co-write the next comparison page with two AEs.',
  'Tag lost deals with the pain they came in with, so messaging can answer it.',
  'Let SDRs pick one subject line per campaign.',
];

interface DemoProgramPlan {
  quarter: Period;
  current: boolean;
}

export async function seedShadowingDemo(db: Db, demo: DemoContext): Promise<void> {
  const rand = seededRandom(20261209);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const ws = await db.selectFrom('workspaces').select(['week_start', 'fiscal_year_start_month', 'holidays']).where('id', '=', demo.workspaceId).executeTakeFirstOrThrow();
  const holidays = JSON.parse(ws.holidays) as Holiday[];
  const options = { timeZone: demo.timeZone, weekStart: ws.week_start, fiscalYearStartMonth: ws.fiscal_year_start_month };
  const today = localDateOf(demo.now, demo.timeZone);
  const people = demo.people.filter((p) => p.role !== 'viewer' && (p.team === 'sales' || p.team === 'marketing'));
  if (!people.some((p) => p.team === 'sales') || !people.some((p) => p.team === 'marketing')) return;
  const managers = await db.selectFrom('members').select(['id', 'manager_id']).where('workspace_id', '=', demo.workspaceId).execute();
  const managerOf = new Map(managers.map((m) => [m.id, m.manager_id]));

  await insertInChunks(db, 'shadow_affinity_rules', AFFINITY.map(([s, m, bonus]) => ({ workspace_id: demo.workspaceId, sales_function: s, marketing_function: m, bonus })));
  const affinity = new Map(AFFINITY.map(([s, m, b]) => [affinityKey(s, m), b]));

  const current = periodOf('quarter', today, options);
  const plans: DemoProgramPlan[] = [];
  let q = current;
  for (let i = 0; i < 3; i++) plans.unshift({ quarter: (q = periodOf('quarter', calendarDate.addDays(q.startDate, -1), options)), current: false });
  plans.push({ quarter: current, current: true });

  // guest → host → quarter label, growing as the quarters are paired, oldest first.
  const recentHosts = new Map<string, Map<string, string>>();
  const sitsOut: DemoPerson | undefined = people.filter((p) => p.team === 'marketing' && p.role === 'member').at(-1);

  for (const plan of plans) {
    const programId = newId();
    const start = plan.quarter.startDate;
    const generatedAt = new Date(Date.parse(`${start}T15:00:00Z`) - 10 * 86_400_000).toISOString();
    await db
      .insertInto('shadow_programs')
      .values({ id: programId, workspace_id: demo.workspaceId, quarter_key: plan.quarter.key, quarter_label: plan.quarter.label, start_date: start, end_date: plan.quarter.endDate, generated_at: generatedAt, generating_until: null, unplaced: '[]', created_by: null, created_at: generatedAt, updated_at: generatedAt })
      .execute();
    const optedOut = plan.current && sitsOut ? sitsOut.memberId : null;
    await insertInChunks(
      db,
      'shadow_participants',
      people.map((p) => ({
        program_id: programId,
        workspace_id: demo.workspaceId,
        member_id: p.memberId,
        team: p.team as 'sales' | 'marketing',
        capacity: SHADOW_LIMITS.capacityDefault,
        opted_out_reason: p.memberId === optedOut ? 'On parental leave for most of the quarter.' : null,
        opted_out_at: p.memberId === optedOut ? generatedAt : null,
        created_at: generatedAt,
        updated_at: generatedAt,
      })),
    );
    const taking = people.filter((p) => p.memberId !== optedOut);
    const pairs: Array<{ id: string; direction: Direction; guestId: string; hostId: string; cost: number; reasons: string[] }> = [];
    for (const direction of SHADOW_DIRECTIONS) {
      const [guestTeam, hostTeam] = direction === 'marketing_shadows_sales' ? (['marketing', 'sales'] as const) : (['sales', 'marketing'] as const);
      const asPerson = (p: DemoPerson) => ({ id: p.memberId, name: p.name, function: p.function, managerId: managerOf.get(p.memberId) ?? null });
      const result = pairGuests(
        { direction, guests: taking.filter((p) => p.team === guestTeam).map(asPerson), hosts: taking.filter((p) => p.team === hostTeam).map((p) => ({ ...asPerson(p), capacity: SHADOW_LIMITS.capacityDefault })), kept: [], recentHosts, affinity, managerOf },
        { guestTeam, hostTeam },
      );
      for (const r of result.pairs) pairs.push({ id: newId(), direction, guestId: r.guestId, hostId: r.hostId, cost: r.cost, reasons: r.costReasons });
    }
    const rules = (from: string, endDate: string): DayRules => ({
      workdays: workdaysIn(start, plan.quarter.endDate, { holidays }).filter((d) => d < endDate),
      startDate: start,
      endDate: plan.quarter.endDate,
      from,
      checkinWeekday: DEMO_CHECKIN_WEEKDAY,
      checkinDates: new Set(),
      unavailable: new Map(),
      weekStart: ws.week_start,
    });
    const toPlan = pairs.map((p) => ({ id: p.id, guestId: p.guestId, hostId: p.hostId }));
    let days: Map<string, string | null>;
    if (plan.current) {
      // Half the days behind us, half ahead, in both directions alike.
      const behindUs = new Set(SHADOW_DIRECTIONS.flatMap((d) => {
        const mine = pairs.filter((p) => p.direction === d);
        return mine.slice(0, Math.ceil(mine.length / 2)).map((p) => p.id);
      }));
      days = new Map([
        ...scheduleDays(toPlan.filter((p) => behindUs.has(p.id)), [], rules(start, today)),
        ...scheduleDays(toPlan.filter((p) => !behindUs.has(p.id)), [], rules(calendarDate.addDays(today, 1), plan.quarter.endDate)),
      ]);
    } else {
      days = scheduleDays(toPlan, [], rules(start, plan.quarter.endDate));
    }
    const rows = pairs.map((p) => ({
      id: p.id,
      workspace_id: demo.workspaceId,
      program_id: programId,
      direction: p.direction,
      guest_id: p.guestId,
      host_id: p.hostId,
      pinned: 0,
      cost: p.cost,
      cost_reasons: JSON.stringify(p.reasons),
      date: days.get(p.id) ?? null,
      sequence: days.get(p.id) ? 1 : 0,
      reminder_sent_for: null,
      created_at: generatedAt,
      updated_at: generatedAt,
    }));
    await insertInChunks(db, 'shadow_pairs', rows);
    const behind = rows.filter((r) => r.date !== null && r.date < today);
    // In the current quarter the last day behind us is still waiting for its reflection.
    const reflected = plan.current ? behind.slice(0, -1) : behind;
    await insertInChunks(
      db,
      'shadow_reflections',
      reflected.map((r) => {
        const writtenAt = new Date(Date.parse(`${calendarDate.addDays(r.date!, 1)}T16:00:00Z`)).toISOString();
        return { pair_id: r.id, workspace_id: demo.workspaceId, guest_id: r.guest_id, surprised: pick(SURPRISED), misconception: pick(MISCONCEPTION), idea: pick(IDEA), rating: 3 + Math.floor(rand() * 3), written_at: writtenAt, updated_at: writtenAt };
      }),
    );
    const ahead = rows.filter((r) => r.date !== null && r.date > today);
    const asked = ahead[0];
    if (plan.current && asked) {
      const other = workdaysIn(calendarDate.addDays(asked.date!, 1), plan.quarter.endDate, { holidays }).find((d) => calendarDate.dayOfWeek(d) !== DEMO_CHECKIN_WEEKDAY);
      if (other) {
        await db.insertInto('shadow_date_proposals').values({ id: newId(), workspace_id: demo.workspaceId, pair_id: asked.id, date: other, proposed_by: asked.host_id, proposed_at: demo.now.toISOString(), status: 'open', answered_by: null, answered_at: null }).execute();
      }
    }
    for (const p of pairs) {
      let m = recentHosts.get(p.guestId);
      if (!m) recentHosts.set(p.guestId, (m = new Map()));
      m.set(p.hostId, plan.quarter.label);
    }
  }
}
