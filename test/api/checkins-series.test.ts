// The weekly check-in series through HTTP (SPEC S2 "check-in series"; S0 who may; S9 errors): created with
// the defaults (key players of both teams, quorum of one key player per team, 30 minutes, the workspace's
// zone), every bad input a 400 a person can act on with nothing written, leaders and admins only, and a
// change that bumps the sequence, moves the upcoming meetings and leaves the past alone, with audit entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type ApiResponse } from '../helpers/client.js';
import type { AuditEntryView } from '../helpers/views.js';
import {
  addMember,
  allPages,
  makeAgendaItem,
  makeKeyPlayers,
  makeWeeklySeries,
  makeWorkspace,
  meetingsAround,
  putSeries,
  utcDate,
  weekdayOf,
  type SeriesView,
  type TestMember,
  type TestWorkspace,
} from '../factories.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

interface Teams {
  ws: TestWorkspace;
  salesLead: TestMember;
  marketingKey: TestMember;
  rep: TestMember;
  viewer: TestMember;
}

/** A workspace whose key players are the admin (leadership, from sign-up), a sales lead and a marketer; a rep who is not one. */
async function makeTeams(opts: { timeZone?: string } = {}): Promise<Teams> {
  const ws = await makeWorkspace(t, { adminName: 'Ada Admin', ...opts });
  const teams = {
    ws,
    salesLead: await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sam Sales' }),
    marketingKey: await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Mia Marketing' }),
    rep: await addMember(t, ws, { role: 'member', team: 'sales', name: 'Rae Rep' }),
    viewer: await addMember(t, ws, { role: 'viewer', team: 'sales', name: 'Vic Viewer' }),
  };
  await makeKeyPlayers(ws, [teams.salesLead.member.id, teams.marketingKey.member.id]);
  return teams;
}

const putRaw = (teams: Teams, body: unknown, by = teams.ws.admin): Promise<ApiResponse<{ series: SeriesView | null }>> =>
  by.request<{ series: SeriesView | null }>('PUT', '/api/v1/checkins/series', { body });

async function seriesRows(teams: Teams): Promise<number> {
  const rows = await t.db.kysely.selectFrom('checkin_series').select('id').where('workspace_id', '=', teams.ws.id).execute();
  return rows.length;
}

describe('creating the series', () => {
  it('with only a weekday and a time: key players of both teams attend, one key player per team is quorum, 30 minutes in the workspace zone', async () => {
    const teams = await makeTeams({ timeZone: 'America/New_York' });
    expect(expectStatus(await teams.rep.client.get<{ series: SeriesView | null }>('/api/v1/checkins/series'), 200).series).toBeNull();

    const series = await putSeries(teams.salesLead.client, { weekday: 'TU', localTime: '10:00' });
    expect(series).toMatchObject({
      title: 'Weekly sales & marketing check-in',
      rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU',
      weekday: 'TU',
      localTime: '10:00',
      timeZone: 'America/New_York',
      durationMinutes: 30,
      location: '',
      sequence: 0,
      quorum: {
        requirements: [
          { team: 'sales', min: 1, keyPlayersOnly: true },
          { team: 'marketing', min: 1, keyPlayersOnly: true },
        ],
      },
    });
    expect(series.quorumText).toBe('At least 1 key player from sales and 1 key player from marketing');
    // Key players only: the rep and the viewer are not; leadership's key player (the admin) is.
    expect(series.attendees.map((a) => a.name).sort()).toEqual(['Ada Admin', 'Mia Marketing', 'Sam Sales']);
    expect(series.attendees.every((a) => a.keyPlayer)).toBe(true);
    expect(new Set(series.attendees.map((a) => a.team))).toEqual(new Set(['sales', 'marketing', 'leadership']));

    // The next meeting exists, on a Tuesday at 10:00 New York time, for 30 minutes.
    expect(series.next?.meetingId).toBeTruthy();
    const start = new Date(series.next!.start);
    const local = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start);
    expect(local).toBe('Tue 10:00');
    expect(Date.parse(series.next!.end) - start.getTime()).toBe(30 * 60_000);
    expect(start.getTime()).toBeGreaterThan(Date.now());

    // Everyone reads it; meetings run twelve weeks ahead.
    const read = expectStatus(await teams.viewer.client.get<{ series: SeriesView | null }>('/api/v1/checkins/series'), 200).series;
    expect(read?.id).toBe(series.id);
    const { upcoming } = await meetingsAround(teams.rep.client);
    expect(upcoming.length).toBeGreaterThanOrEqual(11);
    expect(upcoming[0]?.id).toBe(series.next?.meetingId);
  });

  it('explicit attendees, quorum, duration, location and an RRULE are kept', async () => {
    const teams = await makeTeams();
    const series = await putSeries(teams.ws.admin, {
      title: 'Revenue sync',
      rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
      localTime: '15:30',
      timeZone: 'Europe/Berlin',
      durationMinutes: 45,
      location: 'Room 4',
      attendeeIds: [teams.salesLead.member.id, teams.marketingKey.member.id, teams.rep.member.id],
      quorum: { requirements: [{ team: 'sales', min: 2, keyPlayersOnly: false }] },
    });
    expect(series).toMatchObject({ title: 'Revenue sync', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', weekday: 'TH', timeZone: 'Europe/Berlin', durationMinutes: 45, location: 'Room 4' });
    expect(series.attendees.map((a) => a.name).sort()).toEqual(['Mia Marketing', 'Rae Rep', 'Sam Sales']);
    expect(series.quorumText).toBe('At least 2 members from sales');
    const { upcoming } = await meetingsAround(teams.rep.client);
    // Every other week: two weeks apart.
    expect(Date.parse(upcoming[1]!.start) - Date.parse(upcoming[0]!.start)).toBe(14 * 86_400_000);
  });
});

describe('bad input is refused with a reason and writes nothing', () => {
  let teams: Teams;
  beforeAll(async () => {
    teams = await makeTeams();
  });

  const refused = async (body: unknown, message: RegExp, status = 400) => {
    const res = await putRaw(teams, body);
    expect(res.status, res.text).toBe(status);
    expect(res.error?.message).toMatch(message);
    expect(await seriesRows(teams)).toBe(0);
  };

  it('an RRULE that is not weekly', async () => {
    await refused({ rrule: 'FREQ=DAILY;BYDAY=TU', localTime: '10:00' }, /FREQ must be WEEKLY, not DAILY/);
    await refused({ rrule: 'FREQ=MONTHLY;BYDAY=1TU', localTime: '10:00' }, /FREQ must be WEEKLY/);
    await refused({ rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', localTime: '10:00' }, /once a week/);
    await refused({ rrule: 'FREQ=WEEKLY;INTERVAL=3;BYDAY=TU', localTime: '10:00' }, /INTERVAL must be 1 .* or 2/);
  });

  it('neither a weekday nor an RRULE', async () => {
    await refused({ localTime: '10:00' }, /weekday .* or an RRULE/);
  });

  it('a time zone that does not exist', async () => {
    await refused({ weekday: 'TU', localTime: '10:00', timeZone: 'Mars/Olympus_Mons' }, /IANA time zone/);
  });

  it('a duration out of bounds', async () => {
    await refused({ weekday: 'TU', localTime: '10:00', durationMinutes: 3 }, /5 to 240 whole minutes/);
    await refused({ weekday: 'TU', localTime: '10:00', durationMinutes: 600 }, /5 to 240 whole minutes .*workshop/);
  });

  it('a time of day that is not HH:MM', async () => {
    await refused({ weekday: 'TU', localTime: '25:00' }, /HH:MM/);
  });

  it('an attendee who is not an active member here', async () => {
    await refused({ weekday: 'TU', localTime: '10:00', attendeeIds: [teams.salesLead.member.id, 'no-such-member'] }, /active member of this workspace/);
  });

  it('a quorum no meeting could reach', async () => {
    await refused({ weekday: 'TU', localTime: '10:00', quorum: { requirements: [{ team: 'marketing', min: 3, keyPlayersOnly: true }] } }, /Quorum needs 3 key players from marketing, but the attendees include only 1/);
  });

  it('members and viewers may not set it up: 403', async () => {
    for (const who of [teams.rep, teams.viewer, teams.marketingKey]) {
      const res = await putRaw(teams, { weekday: 'TU', localTime: '10:00' }, who.client);
      expect(res.status).toBe(403);
      expect(res.error?.code).toBe('forbidden');
    }
    expect(await seriesRows(teams)).toBe(0);
  });
});

describe('changing the series', () => {
  it('bumps the sequence, moves the upcoming meetings, cancels a used one, keeps the past, and is audited', async () => {
    const teams = await makeTeams();
    const yesterday = utcDate(-1);
    const oldDay = weekdayOf(yesterday);
    const series = await makeWeeklySeries(teams.ws.admin, { weeksBack: 3 });
    expect(series.weekday).toBe(oldDay);
    const before = await meetingsAround(teams.ws.admin);
    expect(before.past).toHaveLength(4);
    // An attendee puts an item on the agenda of the next-but-one meeting: that one is cancelled, not deleted.
    const used = before.upcoming[1]!;
    await makeAgendaItem(teams.marketingKey.client, used.id, 'Talk about the webinar leads');

    const newDay = weekdayOf(utcDate(2));
    const changed = await putSeries(teams.salesLead.client, { weekday: newDay, localTime: '11:00', startDate: series.startDate, durationMinutes: 45 });
    expect(changed.id).toBe(series.id);
    expect(changed.sequence).toBe(1);
    expect(changed.weekday).toBe(newDay);
    expect(changed.localTime).toBe('11:00');

    const after = await meetingsAround(teams.ws.admin);
    // The past is the past: the same four meetings, nothing back-filled on the new weekday.
    expect(after.past.map((m) => m.id)).toEqual(before.past.map((m) => m.id));
    // Upcoming meetings all follow the new schedule, except the used one, which shows as cancelled.
    const upcomingIds = new Set(after.upcoming.map((m) => m.id));
    for (const m of before.upcoming) if (m.id !== used.id) expect(upcomingIds.has(m.id)).toBe(false);
    const cancelled = after.upcoming.find((m) => m.id === used.id);
    expect(cancelled?.state).toBe('cancelled');
    const live = after.upcoming.filter((m) => m.state !== 'cancelled');
    expect(live.length).toBeGreaterThanOrEqual(11);
    for (const m of live) {
      expect(weekdayOf(m.start.slice(0, 10))).toBe(newDay);
      expect(m.start.slice(11, 16)).toBe('11:00');
      expect(Date.parse(m.end) - Date.parse(m.start)).toBe(45 * 60_000);
    }
    expect(changed.next?.meetingId).toBe(live[0]?.id);
    // The cancelled meeting can no longer be run.
    const notes = await teams.ws.admin.patch(`/api/v1/checkins/meetings/${used.id}`, { notes: 'Too late' });
    expect(notes.status).toBe(400);
    expect(notes.error?.message).toMatch(/cancelled/);

    // A second change bumps it again.
    expect((await putSeries(teams.ws.admin, { weekday: newDay, localTime: '11:00', startDate: series.startDate, durationMinutes: 45, location: 'Room 2' })).sequence).toBe(2);

    const entries = await allPages<AuditEntryView>(teams.ws.admin, '/api/v1/audit?entityType=checkin_series');
    expect(entries.map((e) => e.action)).toEqual(['checkin_series.changed', 'checkin_series.changed', 'checkin_series.created']);
    const change = entries.find((e) => e.action === 'checkin_series.changed' && (e.before as { localTime?: string } | null)?.localTime === '10:00');
    expect(change?.before).toMatchObject({ rrule: `FREQ=WEEKLY;INTERVAL=1;BYDAY=${oldDay}`, localTime: '10:00', durationMinutes: 30 });
    expect(change?.after).toMatchObject({ rrule: `FREQ=WEEKLY;INTERVAL=1;BYDAY=${newDay}`, localTime: '11:00', durationMinutes: 45 });
    expect(change?.actorName).toBe('Sam Sales');
  });

  it('the same schedule again keeps every meeting (only the sequence moves)', async () => {
    const teams = await makeTeams();
    const series = await makeWeeklySeries(teams.ws.admin, { weeksBack: 1 });
    const before = await meetingsAround(teams.ws.admin);
    const again = await putSeries(teams.ws.admin, { weekday: series.weekday, localTime: series.localTime, startDate: series.startDate, title: 'Renamed' });
    expect(again.title).toBe('Renamed');
    expect(again.sequence).toBe(1);
    const after = await meetingsAround(teams.ws.admin);
    expect(after.past.map((m) => m.id)).toEqual(before.past.map((m) => m.id));
    expect(after.upcoming.map((m) => m.id)).toEqual(before.upcoming.map((m) => m.id));
  });
});
