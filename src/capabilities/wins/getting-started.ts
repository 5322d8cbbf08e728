// The wins room's step of Getting started (issue 13): the first win celebrated — posted (or confirmed from a
// proposal), and best of all one that credits sales and marketing together. Read from the wins as they are now.
import type { Db } from '../../db/database.js';
import type { GettingStartedProvider } from '../../shared/contracts/getting-started.js';

const count = new Intl.NumberFormat('en-US');

export function winsGettingStarted(db: Db): GettingStartedProvider {
  return {
    room: 'wins',
    async steps({ workspaceId }) {
      const row = await db
        .selectFrom('wins')
        .select([(eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.sum<number | string | null>('collaborative').as('together')])
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow();
      const proposals = await db.selectFrom('win_proposals').select((eb) => eb.fn.countAll<number | string>().as('n')).where('workspace_id', '=', workspaceId).where('status', '=', 'open').executeTakeFirstOrThrow();
      const n = Number(row.n);
      const together = Number(row.together ?? 0);
      const waiting = Number(proposals.n);
      const detail =
        n > 0
          ? `${count.format(n)} ${n === 1 ? 'win' : 'wins'} posted, ${count.format(together)} by sales and marketing together.`
          : waiting > 0
            ? `None yet, and Lockstep proposes ${count.format(waiting)}: confirm one with a click.`
            : 'None yet: post a win — a deal, a campaign, a KPI target hit — and credit the people of both teams who made it happen.';
      return [{ key: 'wins.first_win', order: 110, title: 'Celebrate a first win', detail, href: '/wins', action: 'Open Wins', done: n > 0 }];
    },
  };
}
