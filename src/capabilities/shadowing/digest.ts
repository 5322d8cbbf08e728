// The Shadowing room's part of a member's weekly digest (digest contract, section 'shadow_days'): their own shadow
// day when it falls in the week or the week after, and how many shadow days the teams had in the week.
import type { Db } from '../../db/database.js';
import { calendarDate, localDateOf, spokenDate } from '../../shared/calendar/index.js';
import type { DigestItem, DigestSectionProvider } from '../../shared/contracts/digest.js';
import { membersById } from './store.js';

export function shadowingDigest(db: Db): DigestSectionProvider {
  return {
    room: 'shadowing',
    key: 'shadow_days',
    async build({ workspaceId, memberId, since, until, timeZone }): Promise<DigestItem[]> {
      const from = localDateOf(new Date(since), timeZone);
      const to = localDateOf(new Date(until), timeZone);
      const rows = await db
        .selectFrom('shadow_pairs')
        .select(['id', 'guest_id', 'host_id', 'date'])
        .where('workspace_id', '=', workspaceId)
        .where('date', '>=', from)
        .where('date', '<', calendarDate.addDays(to, 7))
        .orderBy('date')
        .orderBy('id')
        .execute();
      const mine = rows.filter((r) => r.guest_id === memberId || r.host_id === memberId);
      const names = await membersById(db, workspaceId, mine.flatMap((r) => [r.guest_id, r.host_id]));
      const name = (id: string) => names.get(id)?.name ?? 'a member';
      const items: DigestItem[] = mine.map((r) => ({
        id: `shadow-day:${r.id}`,
        text: r.guest_id === memberId ? `Your shadow day with ${name(r.host_id)}: ${spokenDate(r.date!)}` : `You host ${name(r.guest_id)} for a shadow day: ${spokenDate(r.date!)}`,
        detail: r.date! < to ? (r.guest_id === memberId ? 'Write your reflection while it is fresh.' : null) : 'Coming up next week.',
        href: '/shadowing',
        tone: 'neutral',
      }));
      const week = rows.filter((r) => r.date! < to).length;
      if (week > 0) items.push({ id: 'shadow-days:week', text: `${week} shadow ${week === 1 ? 'day' : 'days'} between sales and marketing this week`, detail: null, href: '/shadowing', tone: 'good' });
      return items;
    },
  };
}
