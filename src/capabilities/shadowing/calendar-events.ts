// Shadow days for the calendar-events contract (SPEC S2 calendar feed "check-ins and shadow days"): all-day events
// on the calendars of the guest and the host, with the same UID and SEQUENCE as the invite email's ICS.
import type { Db } from '../../db/database.js';
import { localDateOf, startOfLocalDay, calendarDate } from '../../shared/calendar/index.js';
import type { CalendarEvent, CalendarEventProvider } from '../../shared/contracts/calendar-events.js';
import { shadowDayUid } from './domain/invite.js';
import { membersById } from './store.js';

export function shadowingCalendarEvents(db: Db, publicUrl: string): CalendarEventProvider {
  return {
    room: 'shadowing',
    async events({ workspaceId, memberId, from, until }): Promise<CalendarEvent[]> {
      const ws = await db.selectFrom('workspaces').select('time_zone').where('id', '=', workspaceId).executeTakeFirstOrThrow();
      let q = db
        .selectFrom('shadow_pairs')
        .select(['id', 'guest_id', 'host_id', 'date', 'sequence', 'updated_at'])
        .where('workspace_id', '=', workspaceId)
        .where('date', '>=', localDateOf(new Date(from), ws.time_zone))
        .where('date', '<=', localDateOf(new Date(until), ws.time_zone));
      if (memberId !== null) q = q.where((eb) => eb.or([eb('guest_id', '=', memberId), eb('host_id', '=', memberId)]));
      const rows = await q.orderBy('date').orderBy('id').execute();
      const names = await membersById(db, workspaceId, rows.flatMap((r) => [r.guest_id, r.host_id]));
      const name = (id: string) => names.get(id)?.name ?? 'a member';
      return rows.map((r) => ({
        uid: shadowDayUid(r.id),
        room: 'shadowing',
        summary: `Shadow day: ${name(r.guest_id)} with ${name(r.host_id)}`,
        description: `${name(r.guest_id)} spends the day with ${name(r.host_id)}. Reflection afterwards in Lockstep: ${publicUrl}/shadowing`,
        start: new Date(startOfLocalDay(r.date!, ws.time_zone)).toISOString(),
        end: new Date(startOfLocalDay(calendarDate.addDays(r.date!, 1), ws.time_zone)).toISOString(),
        date: r.date,
        location: null,
        url: `${publicUrl}/shadowing`,
        sequence: r.sequence,
        status: 'CONFIRMED',
        lastModified: r.updated_at,
      }));
    },
  };
}
