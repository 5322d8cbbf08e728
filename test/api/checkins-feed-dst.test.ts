// Check-ins in a repeated or skipped local hour, through HTTP (SPEC S2 "correct across DST"): a weekly
// Sunday-night New York series around the fall-back night of 1 Nov 2026 (01:00–02:00 happens twice) and the
// spring-forward night of 14 Mar 2027 (02:00–03:00 never happens). For every meeting of those weeks, the
// feed read by an independent parser (ical.js) starts at the same instant as the API's meeting and ends
// `duration` after it: one unambiguous start, the earlier of a repeated time (RFC 5545 3.3.5), the time
// after a gap shifted by its length.
import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import { instantsAtWallClock } from '../../src/shared/calendar/index.js';
import { addMember, listMeetings, makeFeed, makeKeyPlayers, makeWorkspace, putSeries, type MeetingSummaryView, type TestWorkspace } from '../factories.js';

const ZONE = 'America/New_York';
const MINUTE = 60_000;

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

function feedEvents(text: string): Map<string, ICAL.Event> {
  const root = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return new Map(root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)).map((e) => [e.uid, e]));
}

/** As of `now`: the API's meetings starting in [from, to), and the same meetings as the feed has them. */
async function bothViews(ws: TestWorkspace, feedPath: string, now: string, from: string, to: string) {
  vi.setSystemTime(new Date(now));
  const meetings = (await listMeetings(ws.admin)).filter((m) => m.start >= from && m.start < to);
  const res = await t.client().get(feedPath);
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  const events = feedEvents(res.text);
  return { meetings, events, text: res.text };
}

/** Every local time the feed writes names one instant: a client has nothing to choose (RFC 5545 leaves it to them). */
function expectNoAmbiguousLocalTime(text: string): void {
  for (const m of text.matchAll(/^(DTSTART|DTEND);TZID=([^:]+):(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/gm)) {
    const wall = Date.UTC(Number(m[3]), Number(m[4]) - 1, Number(m[5]), Number(m[6]), Number(m[7]), Number(m[8]));
    expect(instantsAtWallClock(wall, m[2] ?? ''), m[0]).toHaveLength(1);
  }
}

function expectSameInstants(meetings: MeetingSummaryView[], events: Map<string, ICAL.Event>, durationMinutes: number): void {
  for (const m of meetings) {
    const e = events.get(`checkin-${m.id}@lockstep`);
    if (!e) throw new Error(`meeting ${m.start} is not in the feed`);
    const start = e.startDate.toJSDate().getTime();
    const end = e.endDate.toJSDate().getTime();
    expect(new Date(start).toISOString(), `start of the ${m.start} meeting`).toBe(m.start);
    expect(end - start, `length of the ${m.start} meeting`).toBe(durationMinutes * MINUTE);
    expect(Date.parse(m.end) - Date.parse(m.start)).toBe(durationMinutes * MINUTE);
  }
}

describe.each([
  // Starts in the repeated hour on 1 Nov and ends in it, at 01:15 EST, "before" its local start.
  { localTime: '01:30', durationMinutes: 45, fallBack: ['2026-11-01T05:30:00.000Z', '2026-11-01T06:15:00.000Z'], springForward: ['2027-03-14T06:30:00.000Z', '2027-03-14T07:15:00.000Z'] },
  // Skipped on 14 Mar: meets at 03:30 EDT, an hour after 02:30 would have been.
  { localTime: '02:30', durationMinutes: 30, fallBack: ['2026-11-01T07:30:00.000Z', '2026-11-01T08:00:00.000Z'], springForward: ['2027-03-14T07:30:00.000Z', '2027-03-14T08:00:00.000Z'] },
  // Starts before the repeated hour and ends at 01:00, which happens twice: the later one, 90 minutes on.
  { localTime: '00:30', durationMinutes: 90, fallBack: ['2026-11-01T04:30:00.000Z', '2026-11-01T06:00:00.000Z'], springForward: ['2027-03-14T05:30:00.000Z', '2027-03-14T07:00:00.000Z'] },
])('a Sunday $localTime New York check-in of $durationMinutes minutes', ({ localTime, durationMinutes, fallBack, springForward }) => {
  it('has the same start and end in the feed as in the API in the fall-back and spring-forward weeks', { timeout: 60_000 }, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-15T12:00:00Z'));
    const ws = await makeWorkspace(t, { timeZone: ZONE });
    const lead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sam Sales' });
    const marketer = await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Mia Marketing' });
    await makeKeyPlayers(ws, [lead.member.id, marketer.member.id]);
    await putSeries(ws.admin, { weekday: 'SU', localTime, durationMinutes, startDate: '2026-10-04' });
    const feedPath = await makeFeed(ws.admin);

    // A week either side of the fall-back night, as of ten days after it.
    const autumn = await bothViews(ws, feedPath, '2026-11-10T12:00:00Z', '2026-10-24T00:00:00Z', '2026-11-09T00:00:00Z');
    expect(autumn.meetings).toHaveLength(3);
    expectSameInstants(autumn.meetings, autumn.events, durationMinutes);
    expectNoAmbiguousLocalTime(autumn.text);
    expect(autumn.meetings.map((m) => [m.start, m.end])).toContainEqual(fallBack);

    // A week either side of the spring-forward night, as of late January (the session from October has
    // expired by then: sign in again).
    vi.setSystemTime(new Date('2027-01-25T12:00:00Z'));
    expectStatus(await ws.admin.signIn(ws.admin.email ?? '', ws.admin.password ?? ''), 200);
    const spring = await bothViews(ws, feedPath, '2027-01-25T12:00:00Z', '2027-03-06T00:00:00Z', '2027-03-22T00:00:00Z');
    expect(spring.meetings).toHaveLength(3);
    expectSameInstants(spring.meetings, spring.events, durationMinutes);
    expectNoAmbiguousLocalTime(spring.text);
    expect(spring.meetings.map((m) => [m.start, m.end])).toContainEqual(springForward);
  });
});
