// The check-in part of the large demo workspace (issue 9, decisions 022 and 024): the small demo's Tuesday
// series run for five years (the 10x workspace: three, SCALED_DEMOS) — the key players attend, a few weeks are
// missed, and every held meeting has notes, most a decision or action items. Meetings are expanded here for
// all those years (ensureMeetings keeps one) and every table is filled with multi-row inserts in chunks.
import type { Db } from '../../db/database.js';
import { seededRandom } from '../../shared/seeded-random.js';
import { insertInChunks } from '../../db/insert-in-chunks.js';
import { newId } from '../../server/ids.js';
import { localDateOf } from '../../shared/calendar/index.js';
import type { DemoContext, ScaledDemo } from '../../shared/contracts/demo.js';
import { expandCheckinSeries } from './domain/index.js';
import { HORIZON_WEEKS, newMeetingRow } from './schedule.js';
import { toDomainSeries } from './store.js';
import type { DemoSeriesRow } from './demo.js';

const DAY = 86_400_000;

const MORE_NOTES = [
  'Regional review: EMEA pipeline behind plan; field marketing to shift budget from trade shows to partner events.',
  'APAC asked for localized case studies; content to scope two for next quarter.',
  'Discussed the new lead-scoring model; SDR managers want a week of side-by-side before the switch.',
  'Quarter close: revenue closed at 96% of target; win rate up a point on last quarter.',
  'Reviewed the stalled deals list together; three need an executive sponsor call.',
  'Paid media spend is moving to intent data; sales to tell us within a month whether the leads are better.',
];
const MORE_ACTIONS = [
  'Send the regional pipeline report before Monday',
  'Book the partner event venue for next quarter',
  'Rewrite the SDR follow-up sequence for webinar leads',
  'Collect win stories from the last quarter for the case-study backlog',
  'Check the lead-scoring thresholds against last month’s closed deals',
  'Invite a customer to the next sales kickoff',
];

export async function seedLargeCheckinsDemo(
  db: Db,
  demo: DemoContext,
  { years }: ScaledDemo,
  small: {
    notes: readonly string[];
    decisions: readonly string[];
    actions: ReadonlyArray<readonly [title: string, owner: string]>;
    seriesRow: DemoSeriesRow;
  },
): Promise<void> {
  const now = demo.now;
  const rand = seededRandom(20261202);
  const ws = demo.workspaceId;
  const dana = demo.person('dana').memberId;
  const startDate = localDateOf(new Date(now.getTime() - (years * 365 + 7) * DAY), demo.timeZone);
  const seriesId = newId();
  const createdAt = new Date(now.getTime() - (years * 365 + 9) * DAY).toISOString();
  await db
    .insertInto('checkin_series')
    .values(small.seriesRow(demo, { id: seriesId, startDate, createdAt }))
    .execute();
  // The key players attend: a realistic room of 10–20, not the whole company.
  const attendees = demo.people.filter((p) => p.keyPlayer);
  await db
    .insertInto('checkin_attendees')
    .values(attendees.map((p) => ({ series_id: seriesId, workspace_id: ws, member_id: p.memberId })))
    .execute();
  const series = await db.selectFrom('checkin_series').selectAll().where('id', '=', seriesId).executeTakeFirstOrThrow();
  const occurrences = expandCheckinSeries(toDomainSeries(series), { from: new Date(Date.parse(`${startDate}T00:00:00Z`) - DAY), to: new Date(now.getTime() + HORIZON_WEEKS * 7 * DAY) });

  const nowIso = now.toISOString();
  const meetings = occurrences.map((o) => newMeetingRow(series, o.start, o.end));
  // Most recent past meeting first, as in the small demo (i = 0 is last week).
  const past = meetings.filter((m) => m.ends_at < nowIso).reverse();
  const notes = [...small.notes, ...MORE_NOTES];
  const actions = [...small.actions, ...MORE_ACTIONS.map((t, i) => [t, attendees[(i * 5) % attendees.length]?.key ?? 'dana'] as const)];
  const attendance = [];
  const decisions = [];
  const items = [];
  const quorumKeys = new Set(['marcus', 'priya']);
  for (const [i, m] of past.entries()) {
    const weeksAgo = i + 1;
    const id = m.id ?? newId();
    // The small demo's missed weeks in the last year, and about one in twenty-five before.
    if ([5, 14, 23, 31, 44].includes(weeksAgo) || (weeksAgo > 52 && rand() < 0.04)) {
      m.status = 'missed';
      m.missed_alerted_at = m.ends_at;
      continue;
    }
    // One to three absentees a week; the two team leads keep quorum.
    const absent = new Set<string>();
    const count = 1 + Math.floor(rand() * 3);
    for (let a = 0; a < count; a++) absent.add(attendees[Math.floor(rand() * attendees.length)]?.key ?? '');
    for (const p of attendees) attendance.push({ meeting_id: id, workspace_id: ws, member_id: p.memberId, present: absent.has(p.key) && !quorumKeys.has(p.key) ? 0 : 1 });
    m.status = 'held';
    m.held_at = m.ends_at;
    m.quorum_met = 1;
    m.notes = notes[i % notes.length] ?? '';
    m.updated_at = m.ends_at;
    if (i % 3 === 0) decisions.push({ id: newId(), workspace_id: ws, meeting_id: id, text: small.decisions[(i / 3) % small.decisions.length] ?? '', created_by: dana, created_at: m.ends_at });
    const n = i % 2 === 0 ? 2 : 1;
    for (let k = 0; k < n; k++) {
      const [title, ownerKey] = actions[(i * 2 + k) % actions.length] ?? ['Follow up', 'dana'];
      const starts = Date.parse(m.starts_at);
      const due = localDateOf(new Date(starts + (7 + (i % 3) * 7) * DAY), demo.timeZone);
      // Recent items are still open, a few older ones are overdue; the rest were done, some dropped.
      const status: 'open' | 'done' | 'dropped' = weeksAgo <= 4 || (weeksAgo <= 12 && rand() < 0.2) ? 'open' : rand() < 0.1 ? 'dropped' : 'done';
      const closedAt = status === 'open' ? null : new Date(starts + (3 + Math.floor(rand() * 10)) * DAY).toISOString();
      items.push({ id: newId(), workspace_id: ws, meeting_id: id, title, owner_member_id: demo.person(ownerKey).memberId, due_date: due, status, closed_at: closedAt, created_by: dana, created_at: m.ends_at, updated_at: closedAt ?? m.ends_at });
    }
  }
  await insertInChunks(db, 'meetings', meetings);
  await insertInChunks(db, 'meeting_attendance', attendance);
  await insertInChunks(db, 'decisions', decisions);
  await insertInChunks(db, 'action_items', items);

  const next = meetings.find((m) => m.starts_at > nowIso);
  if (next?.id) {
    await db
      .insertInto('agenda_items')
      .values({ id: newId(), workspace_id: ws, meeting_id: next.id, member_id: demo.person('elena').memberId, title: 'Enterprise prospects keep asking about SSO — do we have a page for it?', note: 'Came up in three discovery calls this week.', created_at: new Date(now.getTime() - DAY).toISOString() })
      .execute();
  }
}
