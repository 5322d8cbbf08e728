// Messaging's side of the win-candidates contract (SPEC S5 "a published piece that sales later cites in evidence",
// "a won deal that … cites a marketing piece"; issue 13, decision 056). Evidence names the piece that helped
// (`evidence.piece_id`); a citation counts when the entry's day is on or after the piece's publication day in the
// workspace's zone (a piece cannot have helped before it was out), and the piece is still published.
//  - A cited piece: one candidate per piece, 'piece:<id>', however often it is cited, dated the first counting
//    citation in the window; credited to the piece's author and the reps who cited it.
//  - A won deal whose evidence cites a piece: 'deal:<id>', the key the deals room uses, so one deal is proposed once.
//    Deals already offers every marketing-sourced won deal; messaging offers the others (the half deals cannot see),
//    so no deal is offered twice in one gathering (a small one would otherwise count twice in its week's batch).
//    Credited to the deal's matched owner and the cited pieces' authors; its amount passed as deals does, so the wins
//    room batches the small ones by week.
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { memberName } from '../../db/member-name.js';
import { localDateOf } from '../../shared/calendar/index.js';
import { wonDealTitle, type WinCandidate, type WinCandidateProvider } from '../../shared/contracts/win-candidates.js';

/** At most this many citing entries are read a gathering (a year's CSV import is not a feed of proposals). */
export const WIN_CANDIDATE_CITATIONS_MAX = 5000;

const quoted = (s: string, max = 140) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

interface Citation {
  evidenceId: string;
  date: string;
  quote: string;
  account: string;
  repId: string | null;
  pieceId: string;
  pieceTitle: string;
  authorId: string | null;
  dealId: string | null;
}

export function messagingWinCandidates(db: Db): WinCandidateProvider {
  return {
    room: 'messaging',
    async candidates({ workspaceId, since, now, timeZone }) {
      const from = localDateOf(new Date(since), timeZone);
      const today = localDateOf(now, timeZone);
      const rows = await db
        .selectFrom('evidence')
        .innerJoin('pieces', (j) => j.onRef('pieces.id', '=', 'evidence.piece_id').onRef('pieces.workspace_id', '=', 'evidence.workspace_id'))
        .select(['evidence.id', 'evidence.date', 'evidence.quote', 'evidence.account', 'evidence.member_id', 'evidence.deal_id', 'pieces.id as piece_id', 'pieces.title', 'pieces.author_member_id', 'pieces.published_at'])
        .where('evidence.workspace_id', '=', workspaceId)
        .where('pieces.status', '=', 'published')
        .where('evidence.date', '<=', today)
        // A won deal's citation may be older than the window: the deal's close day is what must be recent.
        .where((eb) => eb.or([eb('evidence.date', '>=', from), eb('evidence.deal_id', 'is not', null)]))
        .orderBy('evidence.date', 'desc')
        .orderBy('evidence.created_at', 'desc')
        .orderBy('evidence.id', 'desc')
        .limit(WIN_CANDIDATE_CITATIONS_MAX)
        .execute();
      const citations: Citation[] = [];
      // The most recent are read (the cap keeps them); they count oldest first.
      for (const r of rows.reverse()) {
        if (!r.published_at || r.date < localDateOf(new Date(r.published_at), timeZone)) continue;
        citations.push({ evidenceId: r.id, date: r.date, quote: r.quote, account: r.account, repId: r.member_id, pieceId: r.piece_id, pieceTitle: r.title, authorId: r.author_member_id, dealId: r.deal_id });
      }
      if (citations.length === 0) return [];
      const out: WinCandidate[] = [];

      const byPiece = new Map<string, Citation[]>();
      for (const c of citations) if (c.date >= from) byPiece.set(c.pieceId, [...(byPiece.get(c.pieceId) ?? []), c]);
      for (const [pieceId, list] of byPiece) {
        const first = list[0]!;
        const latest = list[list.length - 1]!;
        const accounts = [...new Set(list.map((c) => c.account))];
        out.push({
          key: `piece:${pieceId}`,
          kind: 'content_helped_sales',
          title: `"${quoted(first.pieceTitle, 120)}" helped sales`,
          story:
            `Sales cited "${first.pieceTitle}" in ${list.length === 1 ? 'an evidence entry' : `${list.length} evidence entries`} since ${first.date}` +
            ` (${accounts.slice(0, 5).join(', ')}${accounts.length > 5 ? `, and ${accounts.length - 5} more` : ''}). The latest buyer's words: "${quoted(latest.quote)}"`,
          wonOn: first.date,
          creditedMemberIds: [...new Set([first.authorId, ...list.map((c) => c.repId)].filter((x): x is string => Boolean(x)))],
          source: { kind: 'piece', id: pieceId, label: first.pieceTitle, href: `/messaging/pieces/${pieceId}` },
        });
      }

      const dealIds = [...new Set(citations.map((c) => c.dealId).filter((x): x is string => x !== null))];
      for (let i = 0; i < dealIds.length; i += 500) {
        const deals = await db
          .selectFrom('deals')
          .leftJoin('members', (j) => j.onRef('members.id', '=', 'deals.owner_member_id').onRef('members.workspace_id', '=', 'deals.workspace_id').on('members.active', '=', 1))
          .leftJoin('users', 'users.id', 'members.user_id')
          .select(['deals.id', 'deals.name', 'deals.amount', 'deals.close_date', 'members.id as owner_id', sql<string | null>`case when members.id is null then null else ${memberName} end`.as('owner_name')])
          .where('deals.workspace_id', '=', workspaceId)
          .where('deals.id', 'in', dealIds.slice(i, i + 500))
          .where('deals.status', '=', 'won')
          .where('deals.marketing_sourced', '=', 0)
          .where('deals.close_date', '>=', from)
          .where('deals.close_date', '<=', today)
          .orderBy('deals.close_date', 'desc')
          .orderBy('deals.id')
          .execute();
        for (const d of deals) {
          const cited = citations.filter((c) => c.dealId === d.id);
          const titles = [...new Set(cited.map((c) => c.pieceTitle))];
          const amount = d.amount === null ? null : Number(d.amount);
          out.push({
            key: `deal:${d.id}`,
            kind: 'deal_won',
            title: wonDealTitle(d.name, amount),
            story: `A deal won on ${d.close_date}${d.owner_name ? `, owned by ${d.owner_name}` : ''}, whose evidence cites marketing's ${titles.length === 1 ? 'piece' : 'pieces'} ${titles.map((t) => `"${quoted(t, 80)}"`).join(', ')}.`,
            wonOn: d.close_date!,
            creditedMemberIds: [...new Set([d.owner_id, ...cited.map((c) => c.authorId)].filter((x): x is string => Boolean(x)))],
            amountCents: amount,
            source: { kind: 'deal', id: d.id, label: d.name, href: `/deals?deal=${d.id}` },
          });
        }
      }
      return out;
    },
  };
}
