// The check-ins room's steps of Getting started (issue 10): the weekly check-in set up, and the first one held
// with quorum (SPEC S2). Read from the series and meetings as they are now.
import type { Db } from '../../db/database.js';
import type { GettingStartedProvider } from '../../shared/contracts/getting-started.js';

const ROOM = 'checkins';

export function checkinsGettingStarted(db: Db): GettingStartedProvider {
  return {
    room: ROOM,
    async steps({ workspaceId }) {
      const series = await db.selectFrom('checkin_series').select('id').where('workspace_id', '=', workspaceId).where('active', '=', 1).limit(1).executeTakeFirst();
      // Held means marked held with quorum present (meetingState: held wins over everything else).
      const held = await db
        .selectFrom('meetings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('held_at', 'is not', null)
        .where('quorum_met', '=', 1)
        .executeTakeFirstOrThrow();
      const heldCount = Number(held.n);
      return [
        {
          key: `${ROOM}.series`,
          order: 50,
          title: 'Set up the weekly check-in',
          detail: series ? 'The weekly check-in is scheduled.' : 'Pick the day, the time and who attends: the key players of both teams.',
          href: '/checkins',
          action: 'Open Check-ins',
          done: series !== undefined,
        },
        {
          key: `${ROOM}.first_held`,
          order: 60,
          title: 'Hold the first check-in',
          detail: heldCount > 0 ? `${heldCount} check-in${heldCount === 1 ? '' : 's'} held with quorum.` : 'Mark who attended and mark it held once it has started.',
          href: '/checkins',
          action: 'Open Check-ins',
          done: heldCount > 0,
        },
      ];
    },
  };
}
