// Deals' side of the win-candidates contract (SPEC S5 "a won deal that marketing sourced", issue 13): deals won since
// the instant asked, whose source the workspace's marketing rule counts as marketing — the `marketing_sourced` flag
// that marketingSourceMatcher decides at write time and a rule change rewrites (decision 038's one rule), so the
// proposals and the Deals view agree. Credited: the owner the import matched, and marketing's lead (the first
// active marketing leader, else a marketing admin). The wins room batches the smaller ones by week.
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { memberName } from '../../db/member-name.js';
import { localDateOf } from '../../shared/calendar/index.js';
import { wonDealTitle, type WinCandidate, type WinCandidateProvider } from '../../shared/contracts/win-candidates.js';

/** At most this many deals a gathering (a large import's first load is not a feed of proposals). */
export const WIN_CANDIDATE_DEALS_MAX = 2000;


export function dealsWinCandidates(db: Db): WinCandidateProvider {
  return {
    room: 'deals',
    async candidates({ workspaceId, since, now, timeZone }) {
      const from = localDateOf(new Date(since), timeZone);
      const today = localDateOf(now, timeZone);
      const deals = await db
        .selectFrom('deals')
        .leftJoin('members', (j) => j.onRef('members.id', '=', 'deals.owner_member_id').onRef('members.workspace_id', '=', 'deals.workspace_id').on('members.active', '=', 1))
        .leftJoin('users', 'users.id', 'members.user_id')
        .select(['deals.id', 'deals.name', 'deals.amount', 'deals.close_date', 'deals.source', 'members.id as owner_id', sql<string | null>`case when members.id is null then null else ${memberName} end`.as('owner_name')])
        .where('deals.workspace_id', '=', workspaceId)
        .where('deals.status', '=', 'won')
        .where('deals.marketing_sourced', '=', 1)
        .where('deals.close_date', '>=', from)
        .where('deals.close_date', '<=', today)
        .orderBy('deals.close_date', 'desc')
        .orderBy('deals.id')
        .limit(WIN_CANDIDATE_DEALS_MAX)
        .execute();
      if (deals.length === 0) return [];
      const lead = await db
        .selectFrom('members')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('active', '=', 1)
        .where('team', '=', 'marketing')
        .where('role', 'in', ['leader', 'admin'])
        .orderBy(sql`case when role = 'leader' then 0 else 1 end`)
        .orderBy('created_at')
        .orderBy('id')
        .executeTakeFirst();
      return deals.map((d): WinCandidate => {
        const amount = d.amount === null ? null : Number(d.amount);
        return {
          key: `deal:${d.id}`,
          kind: 'deal_won',
          title: wonDealTitle(d.name, amount),
          story: `A marketing-sourced deal${d.source ? ` (${d.source})` : ''} won on ${d.close_date}${d.owner_name ? `, owned by ${d.owner_name}` : ''}.`,
          wonOn: d.close_date!,
          creditedMemberIds: [...new Set([d.owner_id, lead?.id].filter((x): x is string => Boolean(x)))],
          amountCents: amount,
          source: { kind: 'deal', id: d.id, label: d.name, href: `/deals?deal=${d.id}` },
        };
      });
    },
  };
}
