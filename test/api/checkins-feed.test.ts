// Each member's private calendar feed (SPEC S2 "Calendar"): the URL is shown once, fetched without a
// cookie as text/calendar, parsed back with an independent parser (ical.js): a VTIMEZONE, every check-in
// at its local time across a daylight-saving change, UIDs stable between fetches, SEQUENCE bumped by a
// series change, a cancelled meeting kept as STATUS:CANCELLED; regenerating or revoking kills the old URL,
// and a member who left loses theirs.
import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import {
  addMember,
  makeAgendaItem,
  makeFeed,
  makeKeyPlayers,
  makeWorkspace,
  meetingsAround,
  putSeries,
  utcDate,
  type FeedView,
  type SeriesView,
  type TestMember,
  type TestWorkspace,
} from '../factories.js';

const ZONE = 'America/New_York';
const DAY = 86_400_000;

let t: TestApp;
let ws: TestWorkspace;
let salesLead: TestMember;
let marketer: TestMember;
let rep: TestMember;
let series: SeriesView;

/** A New York workspace whose Tuesday 10:00 check-in started 50 weeks ago (a year of meetings, both DST changes). */
beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t, { adminName: 'Ada Admin', timeZone: ZONE });
  salesLead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sam Sales' });
  marketer = await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Mia Marketing' });
  rep = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Rae Rep' });
  await makeKeyPlayers(ws, [salesLead.member.id, marketer.member.id]);
  series = await putSeries(ws.admin, { weekday: 'TU', localTime: '10:00', startDate: utcDate(-350), location: 'Zoom' });
});
afterAll(async () => {
  await t?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

interface ParsedFeed {
  root: ICAL.Component;
  events: ICAL.Event[];
}

function parse(text: string): ParsedFeed {
  const root = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { root, events: root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)) };
}

/** Fetches a feed path as a calendar app does: no cookie, no token. */
async function fetchFeed(path: string): Promise<ParsedFeed> {
  const res = await t.client().get(path);
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  expect(String(res.headers['content-type'])).toMatch(/^text\/calendar/);
  expect(res.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  return parse(res.text);
}

const byUid = (feed: ParsedFeed): Map<string, ICAL.Event> => new Map(feed.events.map((e) => [e.uid, e]));
const status = (e: ICAL.Event | undefined): unknown => e?.component.getFirstPropertyValue('status');

/** The UTC offset of the zone at an instant, in minutes. */
function offsetMinutes(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(ms));
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The latest instant (to the day) at least `minDaysAgo` ago when the zone's UTC offset changed. */
function lastOffsetChange(zone: string, minDaysAgo: number): number {
  for (let day = minDaysAgo; day < 400; day++) {
    const at = Date.now() - day * DAY;
    if (offsetMinutes(at, zone) !== offsetMinutes(at - DAY, zone)) return at;
  }
  throw new Error(`${zone} did not change its offset in the last 400 days`);
}

describe('making and fetching the feed', () => {
  it('POST shows the URL once; GET without cookies answers text/calendar with the check-ins', async () => {
    expect(expectStatus(await salesLead.client.get<FeedView>('/api/v1/checkins/feed'), 200)).toEqual({ active: false, createdAt: null, lastFetchedAt: null, url: null });
    const made = expectStatus(await salesLead.client.post<FeedView>('/api/v1/checkins/feed'), 201);
    expect(made.active).toBe(true);
    expect(made.url).toMatch(/^http:\/\/localhost:3000\/api\/v1\/calendar\/[A-Za-z0-9_-]{20,100}\.ics$/);
    const path = new URL(made.url!).pathname;

    const state = expectStatus(await salesLead.client.get<FeedView>('/api/v1/checkins/feed'), 200);
    expect(state).toMatchObject({ active: true, url: null, lastFetchedAt: null });

    const feed = await fetchFeed(path);
    expect(feed.root.getAllSubcomponents('vtimezone').map((v) => v.getFirstPropertyValue('tzid'))).toEqual([ZONE]);
    expect(feed.events.length).toBeGreaterThanOrEqual(12);
    const { upcoming } = await meetingsAround(salesLead.client);
    const next = byUid(feed).get(`checkin-${upcoming[0]!.id}@lockstep`);
    expect(next?.summary).toBe('Weekly sales & marketing check-in');
    expect(next?.location).toBe('Zoom');
    expect(next?.startDate.toJSDate().toISOString()).toBe(upcoming[0]!.start);
    expect(String(next?.component.getFirstPropertyValue('url'))).toBe(`http://localhost:3000/checkins/meetings/${upcoming[0]!.id}`);
    expect(expectStatus(await salesLead.client.get<FeedView>('/api/v1/checkins/feed'), 200).lastFetchedAt).not.toBeNull();
  });

  it('every check-in is at 10:00 New York time, in EST and in EDT alike', async () => {
    const path = await makeFeed(ws.admin);
    // Fetch as of two weeks after the latest change, so the feed's window (eight weeks back) straddles it.
    const change = lastOffsetChange(ZONE, 21);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(change + 14 * DAY));
    const feed = await fetchFeed(path);
    vi.useRealTimers();

    const confirmed = feed.events.filter((e) => status(e) === 'CONFIRMED');
    expect(confirmed.length).toBeGreaterThan(4);
    for (const e of confirmed) {
      expect(e.startDate.zone?.tzid).toBe(ZONE);
      expect(e.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(ZONE);
      expect([e.startDate.dayOfWeek(), e.startDate.hour, e.startDate.minute]).toEqual([ICAL.Time.TUESDAY, 10, 0]);
      expect([e.endDate.hour, e.endDate.minute]).toEqual([10, 30]);
    }
    // The same 10:00 is 15:00 UTC in winter and 14:00 UTC in summer: both are in the feed.
    const utcHours = new Set(confirmed.map((e) => e.startDate.toJSDate().getUTCHours()));
    expect(utcHours).toEqual(new Set([14, 15]));
    const before = confirmed.filter((e) => e.startDate.toJSDate().getTime() < change);
    const after = confirmed.filter((e) => e.startDate.toJSDate().getTime() > change);
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    expect(new Set(before.map((e) => e.startDate.toJSDate().getUTCHours())).size).toBe(1);
    expect(new Set(after.map((e) => e.startDate.toJSDate().getUTCHours())).size).toBe(1);
  });

  it('UIDs are stable between fetches; a series change bumps SEQUENCE; a cancelled meeting stays as STATUS:CANCELLED', async () => {
    const path = await makeFeed(marketer.client);
    const first = await fetchFeed(path);
    const second = await fetchFeed(path);
    expect(second.events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
    for (const e of first.events) expect(e.uid).toMatch(/^checkin-[^@\s]+@lockstep$/);
    const sequences = new Map(first.events.map((e) => [e.uid, e.sequence]));

    // Rename and relocate: same schedule, every event a calendar holds must update (SEQUENCE + 1).
    const current = expectStatus(await ws.admin.get<{ series: SeriesView }>('/api/v1/checkins/series'), 200).series;
    await putSeries(ws.admin, { title: 'Revenue check-in', weekday: 'TU', localTime: '10:00', startDate: current.startDate, location: 'Room 4' });
    const renamed = await fetchFeed(path);
    expect(renamed.events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
    for (const e of renamed.events) {
      expect(e.sequence).toBe((sequences.get(e.uid) ?? -1) + 1);
      expect(e.summary).toBe('Revenue check-in');
      expect(e.location).toBe('Room 4');
    }

    // Moving the check-in to Wednesdays: the next-but-one Tuesday carries an agenda item, so it is cancelled
    // rather than deleted and calendars see STATUS:CANCELLED; the new Wednesdays appear at 10:00.
    const { upcoming } = await meetingsAround(ws.admin);
    const used = upcoming[1]!;
    await makeAgendaItem(rep.client, used.id, 'Pricing page questions');
    await putSeries(ws.admin, { title: 'Revenue check-in', weekday: 'WE', localTime: '10:00', startDate: current.startDate, location: 'Room 4' });
    const moved = byUid(await fetchFeed(path));
    const cancelled = moved.get(`checkin-${used.id}@lockstep`);
    expect(status(cancelled)).toBe('CANCELLED');
    expect(cancelled?.sequence).toBeGreaterThan(sequences.get(`checkin-${used.id}@lockstep`) ?? 0);
    // The unused old Tuesdays are gone; the new Wednesdays are there.
    expect(moved.has(`checkin-${upcoming[2]!.id}@lockstep`)).toBe(false);
    const wednesdays = [...moved.values()].filter((e) => status(e) === 'CONFIRMED' && e.startDate.toJSDate().getTime() > Date.now());
    expect(wednesdays.length).toBeGreaterThan(8);
    for (const e of wednesdays) expect([e.startDate.dayOfWeek(), e.startDate.hour]).toEqual([ICAL.Time.WEDNESDAY, 10]);
  });
});

describe('who gets a feed and how it stops', () => {
  const fetchStatus = async (path: string): Promise<number> => (await t.client().get(path)).status;

  it('regenerating makes the old URL 404; DELETE makes the new one 404 too', async () => {
    const who: Client = salesLead.client;
    const old = await makeFeed(who);
    expect(await fetchStatus(old)).toBe(200);
    const fresh = await makeFeed(who);
    expect(fresh).not.toBe(old);
    const gone = await t.client().get(old);
    expect(gone.status).toBe(404);
    expect(gone.error?.code).toBe('not_found');
    expect(await fetchStatus(fresh)).toBe(200);

    expectStatus(await who.delete('/api/v1/checkins/feed'), 200);
    expect(await fetchStatus(fresh)).toBe(404);
    expect(expectStatus(await who.get<FeedView>('/api/v1/checkins/feed'), 200).active).toBe(false);
  });

  it('a member who is deactivated loses their feed, and a reactivated one gets a new URL', async () => {
    const leaving = await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Lee Leaving' });
    const path = await makeFeed(leaving.client);
    expect(await fetchStatus(path)).toBe(200);
    expectStatus(await ws.admin.patch(`/api/v1/members/${leaving.member.id}`, { active: false }), 200);
    expect(await fetchStatus(path)).toBe(404);
    // Coming back does not bring the old URL back: the member makes a new one.
    expectStatus(await ws.admin.patch(`/api/v1/members/${leaving.member.id}`, { active: true }), 200);
    expect(await fetchStatus(path)).toBe(404);
    expect(expectStatus(await leaving.client.get<FeedView>('/api/v1/checkins/feed'), 200).active).toBe(false);
    const fresh = await makeFeed(leaving.client);
    expect(fresh).not.toBe(path);
    expect(await fetchStatus(fresh)).toBe(200);
  });

  it('a garbage or unknown file name is refused', async () => {
    for (const bad of ['not-a-token', 'x.ics', `${'a'.repeat(40)}.txt`, `${'a'.repeat(40)}`, '..%2F..%2Fetc%2Fpasswd.ics']) {
      const res = await t.client().get(`/api/v1/calendar/${bad}`);
      expect([400, 404], `${bad}: ${res.status}`).toContain(res.status);
      expect(res.error).not.toBeNull();
    }
    const unknown = await t.client().get(`/api/v1/calendar/${'A'.repeat(43)}.ics`);
    expect(unknown.status).toBe(404);
  });

  it('a member who does not attend gets an empty calendar (with its zone); a leader who does not attend gets the check-ins', async () => {
    const repFeed = await fetchFeed(await makeFeed(rep.client));
    expect(repFeed.events).toEqual([]);
    expect(repFeed.root.getAllSubcomponents('vtimezone').map((v) => v.getFirstPropertyValue('tzid'))).toEqual([ZONE]);
    const lead = await addMember(t, ws, { role: 'leader', team: 'marketing', name: 'Mara Marketing' });
    expect(series.attendees.map((a) => a.memberId)).not.toContain(lead.member.id);
    expect((await fetchFeed(await makeFeed(lead.client))).events.length).toBeGreaterThan(0);
  });
});
