// The messaging room's side of the deal-citations contract (issue 11): the evidence that names a deal
// (evidence.deal_id, set when the rep picked an imported deal or typed a CRM id that an import then matched), for
// the deals room's drawer. Only the asked workspace's evidence, and only its deals: an entry of another workspace
// pointing at this one's deal id never shows. At most `limit` entries a deal, newest first, and the count of all.
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { memberName } from '../../db/member-name.js';
import { DEAL_CITATIONS_MAX_DEALS, excerptOf, type DealCitationGroup, type DealCitationProvider } from '../../shared/contracts/deal-citations.js';

const ROOM = 'messaging';

/** Where an evidence entry is shown: its pain's page (which lists the pain's evidence), or the evidence list while no pain is confirmed. */
export const evidenceHref = (painId: string | null): string => (painId ? `/messaging/pains/${encodeURIComponent(painId)}` : '/messaging/evidence');

export function messagingDealCitations(db: Db): DealCitationProvider {
  /** One batch of at most DEAL_CITATIONS_MAX_DEALS deals: a grouped count, then the newest `limit` of each. */
  async function batch(workspaceId: string, ids: string[], limit: number): Promise<DealCitationGroup[]> {
    const counts = await db
      .selectFrom('evidence')
      .innerJoin('deals', (j) => j.onRef('deals.id', '=', 'evidence.deal_id').onRef('deals.workspace_id', '=', 'evidence.workspace_id'))
      .select(['evidence.deal_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('evidence.workspace_id', '=', workspaceId)
      .where('evidence.deal_id', 'in', ids)
      .groupBy('evidence.deal_id')
      .execute();
    if (counts.length === 0) return [];
    // The newest `limit` of each deal in one query: numbered within each deal, newest first.
    const ranked = db
      .selectFrom('evidence')
      .innerJoin('deals', (j) => j.onRef('deals.id', '=', 'evidence.deal_id').onRef('deals.workspace_id', '=', 'evidence.workspace_id'))
      .leftJoin('pains', (j) => j.onRef('pains.id', '=', 'evidence.pain_id').onRef('pains.workspace_id', '=', 'evidence.workspace_id'))
      .leftJoin('members', (j) => j.onRef('members.id', '=', 'evidence.member_id').onRef('members.workspace_id', '=', 'evidence.workspace_id'))
      .leftJoin('users', 'users.id', 'members.user_id')
      .select([
        'evidence.id',
        'evidence.deal_id',
        'evidence.date',
        'evidence.account',
        'evidence.quote',
        'evidence.pain_id',
        'pains.statement as pain_statement',
        sql<string | null>`case when members.id is null then null else ${memberName} end`.as('member_name'),
        sql<number>`row_number() over (partition by evidence.deal_id order by evidence.date desc, evidence.id asc)`.as('rn'),
      ])
      .where('evidence.workspace_id', '=', workspaceId)
      .where('evidence.deal_id', 'in', counts.map((c) => c.deal_id as string))
      .as('ranked');
    const rows = await db.selectFrom(ranked).selectAll().where('rn', '<=', limit).orderBy('deal_id').orderBy('rn').execute();
    const groups = new Map<string, DealCitationGroup>(counts.map((c) => [c.deal_id as string, { dealId: c.deal_id as string, items: [], total: Number(c.n) }]));
    for (const r of rows) {
      groups.get(r.deal_id as string)?.items.push({
        kind: 'evidence',
        id: r.id,
        title: r.account,
        excerpt: r.quote.trim() === '' ? null : excerptOf(r.quote),
        about: r.pain_statement,
        date: r.date,
        who: r.member_name,
        href: evidenceHref(r.pain_id),
      });
    }
    return [...groups.values()];
  }

  return {
    room: ROOM,
    async citations({ workspaceId, dealIds, limit }) {
      const ids = [...new Set(dealIds)];
      if (ids.length === 0 || limit <= 0) return [];
      // A longer list than the contract bounds is read in batches, so no query grows past DEAL_CITATIONS_MAX_DEALS ids.
      const out: DealCitationGroup[] = [];
      for (let i = 0; i < ids.length; i += DEAL_CITATIONS_MAX_DEALS) out.push(...(await batch(workspaceId, ids.slice(i, i + DEAL_CITATIONS_MAX_DEALS), limit)));
      return out;
    },
  };
}
