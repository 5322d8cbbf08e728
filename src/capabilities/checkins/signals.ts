// What check-ins reports for the alignment score (SPEC S6 "Cadence"), through AlignmentSignalProvider only: the
// weekly check-in held with quorum, and action items done by their due date.
import type { Db } from '../../db/database.js';
import { calendarDate, localDateOf } from '../../shared/calendar/index.js';
import type { AlignmentSignalProvider } from '../../shared/contracts/alignment-signals.js';
import { ACTION_ITEMS_WINDOW_WEEKS, actionItemsSignal } from './domain/action-items-signal.js';
import { cadenceSignal } from './domain/cadence-signal.js';
import { complianceMeetings, getActiveSeries, toDomainMeeting } from './store.js';

export function checkinsSignals(db: Db): AlignmentSignalProvider {
  return {
    room: 'checkins',
    async signals({ workspaceId, now }) {
      const series = await getActiveSeries(db, workspaceId);
      const meetings = series ? (await complianceMeetings(db, workspaceId, series.id, now)).map(toDomainMeeting) : [];
      const { time_zone: timeZone } = await db.selectFrom('workspaces').select('time_zone').where('id', '=', workspaceId).executeTakeFirstOrThrow();
      const today = localDateOf(now, timeZone);
      const due = await db
        .selectFrom('action_items')
        .select(['due_date', 'status', 'closed_at'])
        .where('workspace_id', '=', workspaceId)
        .where('due_date', '>=', calendarDate.addDays(today, -7 * ACTION_ITEMS_WINDOW_WEEKS))
        .where('due_date', '<', today)
        .where('created_at', '<=', now.toISOString())
        .execute();
      // Judged as at `now`: an item closed after it still counted as open then.
      const at = now.toISOString();
      const items = due.map((d) => {
        const closed = d.closed_at !== null && d.closed_at <= at;
        return { dueDate: d.due_date, status: closed ? d.status : ('open' as const), closedOn: closed && d.closed_at ? localDateOf(new Date(d.closed_at), timeZone) : null };
      });
      return [cadenceSignal(series ? { meetings } : null, now), actionItemsSignal(items)];
    },
  };
}
