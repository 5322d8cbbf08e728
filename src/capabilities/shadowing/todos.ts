// What a person owes the Shadowing room this quarter (to-dos contract): a shadow day with no date yet, a date
// proposal to answer, a reflection to write (from the day on; high once the day has passed).
import type { Db } from '../../db/database.js';
import type { Todo, TodoProvider } from '../../shared/contracts/todos.js';
import { spokenDate } from '../../shared/calendar/index.js';
import { currentProgramFacts, membersById, openProposals } from './store.js';

const HREF = '/shadowing';

export function shadowingTodos(db: Db): TodoProvider {
  return {
    room: 'shadowing',
    async todos({ workspaceId, memberId, now }): Promise<Todo[]> {
      const facts = await currentProgramFacts(db, workspaceId, now);
      if (!facts) return [];
      const { cal, quarter, participants, pairs, reflections } = facts;
      const me = participants.find((p) => p.member_id === memberId);
      const mine = pairs.filter((p) => p.guest_id === memberId || p.host_id === memberId);
      const proposals = await openProposals(db, mine.map((p) => p.id));
      const names = await membersById(db, workspaceId, mine.flatMap((p) => [p.guest_id, p.host_id]));
      const name = (id: string) => names.get(id)?.name ?? 'a member';
      const out: Todo[] = [];
      const asGuest = mine.find((p) => p.guest_id === memberId);
      if (me && me.opted_out_at === null && (!asGuest || asGuest.date === null)) {
        out.push({ key: `shadowing:unscheduled:${asGuest?.id ?? quarter.key}`, room: 'shadowing', title: `Get a day for your ${quarter.label} shadow day`, detail: asGuest ? `You shadow ${name(asGuest.host_id)}: propose a day.` : 'You have no pair yet: a leader generates the pairs.', href: HREF, due: null, priority: 'normal' });
      }
      for (const p of mine) {
        const proposal = proposals.get(p.id);
        if (proposal && proposal.proposed_by !== memberId) {
          out.push({ key: `shadowing:proposal:${proposal.id}`, room: 'shadowing', title: `Answer the proposed shadow day on ${spokenDate(proposal.date)}`, detail: `${name(p.guest_id)} with ${name(p.host_id)}: accept or decline.`, href: HREF, due: proposal.date, priority: 'high' });
        }
      }
      if (asGuest && asGuest.date !== null && asGuest.date <= cal.today && !reflections.has(asGuest.id)) {
        out.push({ key: `shadowing:reflection:${asGuest.id}`, room: 'shadowing', title: `Write your reflection on your day with ${name(asGuest.host_id)}`, detail: `Your shadow day was ${spokenDate(asGuest.date)}: what surprised you, a misconception, one idea to take back.`, href: HREF, due: null, priority: asGuest.date < cal.today ? 'high' : 'normal' });
      }
      return out;
    },
  };
}
