// The workspaces room's steps of Getting started (issue 10): both teams invited, key players marked for the
// weekly check-in, and the workspace calendar confirmed. Read from the members and the audit log as they are now.
import type { Db } from '../../db/database.js';
import type { GettingStartedProvider } from '../../shared/contracts/getting-started.js';

const ROOM = 'workspaces';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function workspacesGettingStarted(db: Db): GettingStartedProvider {
  return {
    room: ROOM,
    async steps({ workspaceId }) {
      const rows = await db
        .selectFrom('members')
        .select(['team', (eb) => eb.fn.countAll<number>().as('members'), (eb) => eb.fn.sum<number>('key_player').as('key_players')])
        .where('workspace_id', '=', workspaceId)
        .where('active', '=', 1)
        .groupBy('team')
        .execute();
      const count = (team: string, what: 'members' | 'key_players') => Number(rows.find((r) => r.team === team)?.[what] ?? 0);
      const ws = await db.selectFrom('workspaces').select(['time_zone', 'fiscal_year_start_month']).where('id', '=', workspaceId).executeTakeFirstOrThrow();
      // Sign-up picks a time zone but not the fiscal year: the calendar is confirmed once an admin has saved the
      // workspace settings (whatever they chose, UTC and January included — a guess from "not the default" could
      // never tell a UTC company from one that has not looked).
      const saved = await db
        .selectFrom('audit_log')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('action', '=', 'workspace.settings_changed')
        .limit(1)
        .executeTakeFirst();
      const [sales, marketing] = [count('sales', 'members'), count('marketing', 'members')];
      const [salesKey, marketingKey] = [count('sales', 'key_players'), count('marketing', 'key_players')];
      return [
        {
          key: `${ROOM}.invite_teams`,
          order: 10,
          title: 'Invite both teams',
          detail: `At least one sales and one marketing member. Now: ${sales} in sales, ${marketing} in marketing.`,
          href: '/settings/members',
          action: 'Add or invite people',
          done: sales > 0 && marketing > 0,
        },
        {
          key: `${ROOM}.key_players`,
          order: 20,
          title: 'Mark key players for the weekly check-in',
          detail: `At least one from each team. Now: ${salesKey} in sales, ${marketingKey} in marketing.`,
          href: '/settings/members',
          action: 'Choose key players',
          done: salesKey > 0 && marketingKey > 0,
        },
        {
          key: `${ROOM}.calendar`,
          order: 25,
          title: 'Confirm the time zone and fiscal year',
          detail: `Time zone ${ws.time_zone.replaceAll('_', ' ')}; the fiscal year starts in ${MONTHS[ws.fiscal_year_start_month - 1] ?? 'January'}.${saved ? '' : ' Save the workspace settings to confirm them.'}`,
          href: '/settings/workspace',
          action: 'Review workspace settings',
          done: saved !== undefined,
        },
      ];
    },
  };
}
