// What a person owes goals (SPEC S1, S2 "alignment to-dos"), through TodoProvider only: a lead's top three to
// publish (never published, or stale), the expectations and the awareness quiz a member has not answered, and
// the KPIs a person owns whose values have not been recorded for the current or the previous period.
import type { Db } from '../../db/database.js';
import { instantMs, periodOf } from '../../shared/calendar/index.js';
import type { Todo, TodoProvider } from '../../shared/contracts/todos.js';
import { otherTeam, publicationFreshness, STALE_AFTER_DAYS, teamPossessive } from './domain/index.js';
import { canAnswer, canEditTeamGoals } from './policies.js';
import { latestTopThrees } from './alignment-facts.js';
import { listKpis, listValues, loadPeriodOptions } from './store.js';

const ROOM = 'goals';

export function goalsTodos(db: Db): TodoProvider {
  return {
    room: ROOM,
    async todos({ workspaceId, memberId, role, team, now }) {
      const todos: Todo[] = [];
      const { latest } = await latestTopThrees(db, workspaceId);

      if ((team === 'sales' || team === 'marketing') && canEditTeamGoals({ role, team }, team)) {
        const f = publicationFreshness(latest[team]?.published_at ?? null, now);
        if (f.state !== 'fresh') {
          todos.push({
            key: `${ROOM}:publish:${team}`,
            room: ROOM,
            title: `Publish the ${team} top three`,
            detail:
              f.state === 'unpublished'
                ? `The ${team} top three has never been published, so the other team cannot know it.`
                : `The last publication is ${f.ageDays ?? 0} days old; a top three older than ${STALE_AFTER_DAYS} days is stale.`,
            href: '/goals',
            due: null,
            priority: 'high',
          });
        }
      }

      const about = otherTeam(team);
      if (canAnswer({ role, team }) && (about === 'sales' || about === 'marketing')) {
        const said = await db.selectFrom('expectations').select('id').where('workspace_id', '=', workspaceId).where('member_id', '=', memberId).limit(1).executeTakeFirst();
        if (!said) {
          todos.push({
            key: `${ROOM}:expectations:${memberId}`,
            room: ROOM,
            title: `Say what you expect of ${about}`,
            detail: `Rank what you think ${teamPossessive(about)} top priorities should be, so the expectation gap shows what ${about} is not working on.`,
            href: '/goals/expectations',
            due: null,
            priority: 'normal',
          });
        }
        // "This period" is since the other team last published: an answer about an older top three is out of date.
        const publication = latest[about];
        if (publication) {
          const answered = await db
            .selectFrom('quiz_answers')
            .select('id')
            .where('workspace_id', '=', workspaceId)
            .where('member_id', '=', memberId)
            .where('publication_id', '=', publication.id)
            .limit(1)
            .executeTakeFirst();
          if (!answered) {
            todos.push({
              key: `${ROOM}:quiz:${publication.id}`,
              room: ROOM,
              title: `Take the awareness quiz on ${teamPossessive(about)} top three`,
              detail: `${about.charAt(0).toUpperCase()}${about.slice(1)} published publication #${publication.number}; name its top three from memory.`,
              href: '/goals/quiz',
              due: null,
              priority: 'normal',
            });
          }
        }
      }

      // Values recorded by hand are the owner's to keep up; imported ones are not a person's to-do.
      const owned = (await listKpis(db, workspaceId)).filter((k) => k.owner_member_id === memberId && k.data_source === 'manual' && (k.rank !== null || k.shared === 1));
      if (owned.length > 0 && canAnswer({ role, team })) {
        const options = await loadPeriodOptions(db, workspaceId);
        const since = new Map(owned.map((k) => [k.id, periodOf(k.period, new Date(instantMs(periodOf(k.period, now, options).start) - 1), options).startDate]));
        const from = [...since.values()].reduce((a, b) => (b < a ? b : a));
        const values = await listValues(db, workspaceId, owned.map((k) => k.id), from);
        for (const k of owned) {
          const start = since.get(k.id) ?? from;
          if (values.some((v) => v.kpi_id === k.id && v.date >= start)) continue;
          todos.push({
            key: `${ROOM}:kpi-value:${k.id}`,
            room: ROOM,
            title: `Record the latest value of ${k.name}`,
            detail: `No value has been recorded since ${start}, the start of the previous ${k.period}.`,
            href: `/goals/kpis/${k.id}`,
            due: null,
            priority: 'normal',
          });
        }
      }
      return todos;
    },
  };
}
