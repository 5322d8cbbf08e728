// What a person owes the weekly check-in (SPEC S2), through TodoProvider only: their open action items (overdue
// ones first), and for leaders and admins a check-in that has ended and can still be marked held.
import type { Db } from '../../db/database.js';
import { localDateOf } from '../../shared/calendar/index.js';
import type { Todo, TodoProvider } from '../../shared/contracts/todos.js';
import { MARK_HELD_WITHIN_DAYS, markHeldProblem, meetingState } from './domain/index.js';
import { canManageSeries } from './policies.js';
import { getActiveSeries, listActionItems, listMeetings, toDomainMeeting } from './store.js';

const ROOM = 'checkins';

export function checkinsTodos(db: Db): TodoProvider {
  return {
    room: ROOM,
    async todos({ workspaceId, memberId, role, now }) {
      const ws = await db.selectFrom('workspaces').select('time_zone').where('id', '=', workspaceId).executeTakeFirstOrThrow();
      const today = localDateOf(now, ws.time_zone);
      const todos: Todo[] = (await listActionItems(db, workspaceId, { ownerId: memberId, status: 'open' })).map((a) => {
        const overdue = a.due_date !== null && a.due_date < today;
        return {
          key: `${ROOM}:action-item:${a.id}`,
          room: ROOM,
          title: a.title,
          detail: `${overdue ? 'Overdue: an' : 'An'} action item from the check-in of ${localDateOf(a.meeting_start, ws.time_zone)}.`,
          href: `/checkins/meetings/${a.meeting_id}`,
          due: a.due_date,
          priority: overdue ? 'high' : 'normal',
        };
      });

      if (canManageSeries({ role })) {
        const series = await getActiveSeries(db, workspaceId);
        // Only meetings that may still be marked held: those that started in the last MARK_HELD_WITHIN_DAYS (and a day).
        const from = new Date(now.getTime() - (MARK_HELD_WITHIN_DAYS + 1) * 86_400_000).toISOString();
        const meetings = series ? await listMeetings(db, workspaceId, series.id, { from, until: now.toISOString() }) : [];
        for (const m of meetings) {
          const meeting = toDomainMeeting(m);
          const state = meetingState(meeting, now);
          if ((state !== 'ended' && state !== 'missed') || meeting.heldAt !== null || markHeldProblem(meeting, now) !== null) continue;
          const date = localDateOf(m.starts_at, ws.time_zone);
          todos.push({
            key: `${ROOM}:mark-held:${m.id}`,
            room: ROOM,
            title: `Record attendance and mark the check-in of ${date} held`,
            detail: 'It has ended and is not marked held; until it is, it counts as missed.',
            href: `/checkins/meetings/${m.id}`,
            due: null,
            priority: 'normal',
          });
        }
      }
      return todos;
    },
  };
}
