// The check-ins' dated events for the calendar-events contract (SPEC S2 calendar feed, S4 "not the check-in day"): the
// active series' meetings in the window asked for, for everyone (memberId null) or for one member when they attend the
// series or run it (a leader or admin). Each member's calendar feed is made of these and the other rooms' events.
import type { Db } from '../../db/database.js';
import type { CalendarEvent, CalendarEventProvider } from '../../shared/contracts/calendar-events.js';
import { feedUid } from './domain/index.js';
import { getActiveSeries, listMeetings } from './store.js';

export function checkinsCalendarEvents(db: Db, publicUrl: string): CalendarEventProvider {
  return {
    room: 'checkins',
    async events({ workspaceId, memberId, from, until }): Promise<CalendarEvent[]> {
      const series = await getActiveSeries(db, workspaceId);
      if (!series) return [];
      if (memberId !== null) {
        const member = await db.selectFrom('members').select('role').where('workspace_id', '=', workspaceId).where('id', '=', memberId).executeTakeFirst();
        const attendee = await db.selectFrom('checkin_attendees').select('member_id').where('series_id', '=', series.id).where('member_id', '=', memberId).executeTakeFirst();
        if (!attendee && member?.role !== 'leader' && member?.role !== 'admin') return [];
      }
      const meetings = await listMeetings(db, workspaceId, series.id, { from, until });
      return meetings.map((m) => ({
        uid: feedUid('checkin', m.id),
        room: 'checkins',
        summary: series.title,
        description: `Agenda, attendance and action items: ${publicUrl}/checkins/meetings/${m.id}`,
        start: m.starts_at,
        end: m.ends_at,
        date: null,
        location: series.location || null,
        url: `${publicUrl}/checkins/meetings/${m.id}`,
        sequence: series.sequence + m.sequence,
        status: m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
        lastModified: m.updated_at > series.updated_at ? m.updated_at : series.updated_at,
      }));
    },
  };
}
