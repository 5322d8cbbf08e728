// The check-in part of the demo workspace (SPEC S8, S2): a Tuesday 10:00 series with a year of history —
// most meetings held with quorum, a few missed, notes, decisions and action items in every state.
import type { Db } from '../../db/database.js';
import { newId } from '../../server/ids.js';
import { localDateOf } from '../../shared/calendar/index.js';
import { SCALED_DEMOS, type DemoContext } from '../../shared/contracts/demo.js';
import { DEFAULT_QUORUM_RULE, weeklyRrule } from './domain/index.js';
import { seedLargeCheckinsDemo } from './demo-large.js';
import { ensureMeetings } from './schedule.js';

const DAY = 86_400_000;
const ATTENDEES = ['dana', 'marcus', 'tom', 'elena', 'priya', 'noah', 'liam'];
/** Meetings missed, counted back from the most recent past one (1 = last week). */
const MISSED_WEEKS_AGO = new Set([5, 14, 23, 31, 44]);

const NOTES = [
  'Pipeline review: marketing-sourced pipeline ahead of plan; sales flagged slow follow-up on webinar leads.',
  'Talked through the enterprise security objection; product marketing to draft a one-pager with the SE team.',
  'Win rate steady. Agreed to look at lost deals in the mid-market segment together next week.',
  'MQL→SAL acceptance dipped: SDRs say event leads are students and vendors. Marketing to tighten the form.',
  'Celebrated the Globex win — the ROI case study was used in the final call.',
  'Lead response time improving since the round-robin change. Keep measuring weekly.',
];
const DECISIONS = [
  'Event leads go through a 48-hour qualification call before they count as MQLs.',
  'Marketing-sourced pipeline is the shared goal for the quarter; both teams report it here weekly.',
  'Case studies get a sales reviewer before they are published.',
  'SDRs follow up on webinar attendees within one business day.',
];
const ACTIONS: Array<[title: string, owner: string]> = [
  ['Draft the security one-pager with the SE team', 'liam'],
  ['Pull the list of lost mid-market deals with reasons', 'tom'],
  ['Add a company-size field to the event form', 'noah'],
  ['Share three customer quotes about reporting pain', 'elena'],
  ['Set up round-robin routing for inbound demo requests', 'marcus'],
  ['Refresh the competitive battlecard', 'liam'],
  ['Review the Q4 webinar topics with sales', 'priya'],
  ['Define SAL acceptance reasons in the CRM', 'tom'],
];

/** The demo's weekly check-in series (Tuesdays 10:00, dana's), for every demo size. */
function demoSeriesRow(demo: DemoContext, at: { id: string; startDate: string; createdAt: string }) {
  return {
    id: at.id,
    workspace_id: demo.workspaceId,
    title: 'Weekly sales & marketing check-in',
    rrule: weeklyRrule({ weekday: 'TU' }),
    time_zone: demo.timeZone,
    start_date: at.startDate,
    local_time: '10:00',
    duration_minutes: 30,
    location: 'Zoom — Revenue room',
    quorum: JSON.stringify(DEFAULT_QUORUM_RULE),
    sequence: 0,
    active: 1,
    created_by: demo.person('dana').memberId,
    created_at: at.createdAt,
    updated_at: at.createdAt,
  };
}
export type DemoSeriesRow = typeof demoSeriesRow;

export async function seedCheckinsDemo(db: Db, demo: DemoContext): Promise<void> {
  if (demo.size !== 'demo') {
    return seedLargeCheckinsDemo(db, demo, SCALED_DEMOS[demo.size], { notes: NOTES, decisions: DECISIONS, actions: ACTIONS, seriesRow: demoSeriesRow });
  }
  const now = demo.now;
  const startDate = localDateOf(new Date(now.getTime() - 364 * DAY), demo.timeZone);
  const seriesId = newId();
  const createdAt = new Date(now.getTime() - 366 * DAY).toISOString();
  await db
    .insertInto('checkin_series')
    .values(demoSeriesRow(demo, { id: seriesId, startDate, createdAt }))
    .execute();
  await db
    .insertInto('checkin_attendees')
    .values(ATTENDEES.map((key) => ({ series_id: seriesId, workspace_id: demo.workspaceId, member_id: demo.person(key).memberId })))
    .execute();
  const series = await db.selectFrom('checkin_series').selectAll().where('id', '=', seriesId).executeTakeFirstOrThrow();
  await ensureMeetings(db, series, now);

  const past = (await db.selectFrom('meetings').selectAll().where('series_id', '=', seriesId).where('ends_at', '<', now.toISOString()).orderBy('starts_at', 'desc').execute());
  for (const [i, m] of past.entries()) {
    const weeksAgo = i + 1;
    if (MISSED_WEEKS_AGO.has(weeksAgo)) {
      await db.updateTable('meetings').set({ status: 'missed', missed_alerted_at: m.ends_at }).where('id', '=', m.id).execute();
      continue;
    }
    // Everyone but one or two attends; the absentees rotate.
    const absent = new Set([ATTENDEES[(i * 3) % ATTENDEES.length], i % 4 === 0 ? ATTENDEES[(i * 5 + 1) % ATTENDEES.length] : undefined]);
    await db
      .insertInto('meeting_attendance')
      .values(ATTENDEES.map((key) => ({ meeting_id: m.id, workspace_id: demo.workspaceId, member_id: demo.person(key).memberId, present: absent.has(key) && key !== 'marcus' && key !== 'priya' ? 0 : 1 })))
      .execute();
    await db
      .updateTable('meetings')
      .set({ status: 'held', held_at: m.ends_at, quorum_met: 1, notes: NOTES[i % NOTES.length] ?? '', updated_at: m.ends_at })
      .where('id', '=', m.id)
      .execute();
    if (i % 3 === 0) {
      await db.insertInto('decisions').values({ id: newId(), workspace_id: demo.workspaceId, meeting_id: m.id, text: DECISIONS[(i / 3) % DECISIONS.length] ?? '', created_by: demo.person('dana').memberId, created_at: m.ends_at }).execute();
    }
    if (i % 2 === 0 && weeksAgo <= 30) {
      const [title, owner] = ACTIONS[(i / 2) % ACTIONS.length] ?? ['Follow up', 'dana'];
      const due = localDateOf(new Date(Date.parse(m.starts_at) + (7 + (i % 3) * 7) * DAY), demo.timeZone);
      // Recent items are still open (one of them overdue); older ones were done, a few dropped.
      const status = weeksAgo <= 4 ? 'open' : i % 10 === 0 ? 'dropped' : 'done';
      const closedAt = status === 'open' ? null : new Date(Date.parse(m.starts_at) + 6 * DAY).toISOString();
      await db
        .insertInto('action_items')
        .values({ id: newId(), workspace_id: demo.workspaceId, meeting_id: m.id, title, owner_member_id: demo.person(owner).memberId, due_date: due, status, closed_at: closedAt, created_by: demo.person('dana').memberId, created_at: m.ends_at, updated_at: closedAt ?? m.ends_at })
        .execute();
    }
  }
  // An overdue item carried over from a month ago.
  const monthAgo = past[3];
  if (monthAgo) {
    await db
      .insertInto('action_items')
      .values({ id: newId(), workspace_id: demo.workspaceId, meeting_id: monthAgo.id, title: 'Publish the lead-quality definition on the wiki', owner_member_id: demo.person('noah').memberId, due_date: localDateOf(new Date(Date.parse(monthAgo.starts_at) + 7 * DAY), demo.timeZone), status: 'open', closed_at: null, created_by: demo.person('priya').memberId, created_at: monthAgo.ends_at, updated_at: monthAgo.ends_at })
      .execute();
  }
  const next = await db.selectFrom('meetings').select('id').where('series_id', '=', seriesId).where('starts_at', '>', now.toISOString()).orderBy('starts_at').limit(1).executeTakeFirst();
  if (next) {
    await db
      .insertInto('agenda_items')
      .values({ id: newId(), workspace_id: demo.workspaceId, meeting_id: next.id, member_id: demo.person('elena').memberId, title: 'Enterprise prospects keep asking about SSO — do we have a page for it?', note: 'Came up in three discovery calls this week.', created_at: new Date(now.getTime() - DAY).toISOString() })
      .execute();
  }
}
