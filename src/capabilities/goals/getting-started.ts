// The goals room's steps of Getting started (issue 10): each team's top three, every one with how it is measured,
// and each team's first publication (SPEC S1). Read from the KPIs and publications as they are now.
import type { Db } from '../../db/database.js';
import type { GettingStartedProvider } from '../../shared/contracts/getting-started.js';

const ROOM = 'goals';
const TEAMS = [
  { team: 'sales', name: 'Sales' },
  { team: 'marketing', name: 'Marketing' },
] as const;

export function goalsGettingStarted(db: Db): GettingStartedProvider {
  return {
    room: ROOM,
    async steps({ workspaceId }) {
      const ranked = await db
        .selectFrom('kpis')
        .select(['team', (eb) => eb.fn.countAll<number>().as('n')])
        .where('workspace_id', '=', workspaceId)
        .where('archived_at', 'is', null)
        .where('rank', 'is not', null)
        .where('measurement', '!=', '')
        .groupBy('team')
        .execute();
      const published = await db
        .selectFrom('publications')
        .select(['team', (eb) => eb.fn.max('number').as('latest')])
        .where('workspace_id', '=', workspaceId)
        .groupBy('team')
        .execute();
      const rankedOf = (team: string) => Math.min(3, Number(ranked.find((r) => r.team === team)?.n ?? 0));
      const latestOf = (team: string) => Number(published.find((p) => p.team === team)?.latest ?? 0);
      return [
        {
          key: `${ROOM}.top_three`,
          order: 30,
          title: "Set each team's top three, with how each is measured",
          detail: `Ranked and measured now: ${TEAMS.map((t) => `${t.name} ${rankedOf(t.team)} of 3`).join(', ')}.`,
          href: '/goals/kpis',
          action: 'Open Manage KPIs',
          done: TEAMS.every((t) => rankedOf(t.team) === 3),
        },
        {
          key: `${ROOM}.first_publication`,
          order: 40,
          title: "Publish each team's top three",
          detail: TEAMS.map((t) => (latestOf(t.team) > 0 ? `${t.name} published #${latestOf(t.team)}` : `${t.name} has not published yet`)).join('; ') + '.',
          href: '/goals',
          action: 'Open Goals',
          done: TEAMS.every((t) => latestOf(t.team) > 0),
        },
      ];
    },
  };
}
