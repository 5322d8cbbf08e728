// The wins room's side of the deal-citations contract (issue 11, 13): the wins that stand for a deal (win_deals: a
// confirmed won deal's proposal, or a small-deals week holding it), for the deals room's drawer. Only the asked
// workspace's wins. At most `limit` a deal, newest first, with the count of all.
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { memberName } from '../../db/member-name.js';
import { excerptOf, type DealCitationGroup, type DealCitationProvider } from '../../shared/contracts/deal-citations.js';
import { KIND_WORDS } from './domain/announcement.js';

export function winsDealCitations(db: Db): DealCitationProvider {
  return {
    room: 'wins',
    async citations({ workspaceId, dealIds, limit }) {
      const ids = [...new Set(dealIds)];
      if (ids.length === 0 || limit <= 0) return [];
      const counts = await db
        .selectFrom('win_deals')
        .select(['deal_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('workspace_id', '=', workspaceId)
        .where('deal_id', 'in', ids)
        .groupBy('deal_id')
        .execute();
      if (counts.length === 0) return [];
      const ranked = db
        .selectFrom('win_deals')
        .innerJoin('wins', (j) => j.onRef('wins.id', '=', 'win_deals.win_id').onRef('wins.workspace_id', '=', 'win_deals.workspace_id'))
        .leftJoin('members', (j) => j.onRef('members.id', '=', 'wins.posted_by').onRef('members.workspace_id', '=', 'wins.workspace_id'))
        .leftJoin('users', 'users.id', 'members.user_id')
        .select([
          'wins.id',
          'win_deals.deal_id',
          'wins.won_on',
          'wins.title',
          'wins.story',
          'wins.kind',
          'wins.collaborative',
          sql<string | null>`case when members.id is null then null else ${memberName} end`.as('who'),
          sql<number>`row_number() over (partition by win_deals.deal_id order by wins.won_on desc, wins.id asc)`.as('rn'),
        ])
        .where('win_deals.workspace_id', '=', workspaceId)
        .where('win_deals.deal_id', 'in', counts.map((c) => c.deal_id))
        .as('ranked');
      const rows = await db.selectFrom(ranked).selectAll().where('rn', '<=', limit).orderBy('deal_id').orderBy('rn').execute();
      const groups = new Map<string, DealCitationGroup>(counts.map((c) => [c.deal_id, { dealId: c.deal_id, items: [], total: Number(c.n) }]));
      for (const r of rows) {
        groups.get(r.deal_id)?.items.push({
          kind: 'win',
          id: r.id,
          title: r.title,
          excerpt: r.story.trim() === '' ? null : excerptOf(r.story),
          about: `${KIND_WORDS[r.kind]}${Number(r.collaborative) === 1 ? ' — sales and marketing together' : ''}`,
          date: r.won_on,
          who: r.who,
          href: `/wins/${encodeURIComponent(r.id)}`,
        });
      }
      return [...groups.values()];
    },
  };
}
