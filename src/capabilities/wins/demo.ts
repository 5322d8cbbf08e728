// The wins part of the demo workspace (SPEC S8: "… shadow days and wins"; issue 13 "a year of wins, a third
// collaborative, reactions and comments"): wins every week of the demo's history — won deals from the demo's own CRM
// deals (the marketing-sourced ones confirmed from proposals, crediting the owner and a marketer), campaigns, content
// that helped sales, KPI targets hit, milestones — about a third credited to sales and marketing together; reactions
// and kudos; those before a held check-in celebrated together in it, most of them; and a few proposals waiting.
import type { Db } from '../../db/database.js';
import { insertInChunks } from '../../db/insert-in-chunks.js';
import type { Insertable } from 'kysely';
import type { WinCreditsTable, WinKind } from '../../db/schema/wins.js';
import { newId } from '../../server/ids.js';
import { calendarDate, isoWeekOf, localDateOf } from '../../shared/calendar/index.js';
import { SCALED_DEMOS, type DemoContext, type DemoPerson } from '../../shared/contracts/demo.js';
import { seededRandom } from '../../shared/seeded-random.js';
import { collaborationOf } from './domain/collaboration.js';
import { DEFAULT_SMALL_DEAL_THRESHOLD_CENTS } from './domain/limits.js';
import { WIN_EMOJIS } from './domain/reactions.js';
import { wonDealTitle } from '../../shared/contracts/win-candidates.js';
import { smallDealsProposal } from './domain/small-deals.js';
import { CAMPAIGNS, CONTENT, DEAL_STORIES, KUDOS, MILESTONES, OTHER } from './demo-content.js';

const DAY = 86_400_000;

interface DemoDeal {
  id: string;
  name: string;
  amount: number | null;
  close_date: string | null;
  owner_member_id: string | null;
  source: string | null;
  marketing_sourced: number;
  win_reason: string | null;
}

export async function seedWinsDemo(db: Db, demo: DemoContext): Promise<void> {
  const rand = seededRandom(20261207);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const years = demo.size === 'demo' ? 1 : SCALED_DEMOS[demo.size].years;
  const today = localDateOf(demo.now, demo.timeZone);
  const first = calendarDate.addDays(today, -365 * years);
  const doers = demo.people.filter((p) => p.role !== 'viewer');
  const sales = doers.filter((p) => p.team === 'sales');
  const marketing = doers.filter((p) => p.team === 'marketing');
  const leaders = doers.filter((p) => p.team === 'leadership');
  if (sales.length === 0 || marketing.length === 0) return;
  const byMember = new Map(demo.people.map((p) => [p.memberId, p]));
  // The demo's wins a week: about 2.5 for its 15 people; the scaled demos as many per head.
  const perWeek = demo.size === 'demo' ? 2.5 : Math.max(3, demo.people.length / 8);

  const won = (await db
    .selectFrom('deals')
    .select(['id', 'name', 'amount', 'close_date', 'owner_member_id', 'source', 'marketing_sourced', 'win_reason'])
    .where('workspace_id', '=', demo.workspaceId)
    .where('status', '=', 'won')
    .where('close_date', '>=', first)
    .where('close_date', '<=', today)
    .where('amount', '>=', DEFAULT_SMALL_DEAL_THRESHOLD_CENTS * 4)
    .orderBy('close_date', 'desc')
    .limit(5000)
    .execute()) as DemoDeal[];
  const kpis = await db.selectFrom('kpis').select(['id', 'name', 'team', 'owner_member_id']).where('workspace_id', '=', demo.workspaceId).where('archived_at', 'is', null).where('target', 'is not', null).execute();
  const meetings = await db
    .selectFrom('meetings')
    .select(['id', 'starts_at', 'ends_at'])
    .where('workspace_id', '=', demo.workspaceId)
    .where('status', '=', 'held')
    .orderBy('starts_at')
    .execute();

  const wins: Array<Parameters<typeof winRow>[0]> = [];
  const usedDeals = new Set<string>();
  const weeks = Math.floor((365 * years) / 7);
  for (let w = 0; w < weeks; w++) {
    const weekStart = calendarDate.addDays(first, w * 7);
    const count = Math.floor(perWeek) + (rand() < perWeek % 1 ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const wonOn = calendarDate.addDays(weekStart, Math.floor(rand() * 5));
      if (wonOn > today) continue;
      // A third collaborative: the kinds that take both teams lean that way.
      const together = rand() < 0.34;
      const r = rand();
      let kind: WinKind;
      if (r < 0.42) kind = 'deal_won';
      else if (r < 0.58) kind = together ? 'content_helped_sales' : 'campaign_launched';
      else if (r < 0.7) kind = 'campaign_launched';
      else if (r < 0.82) kind = 'kpi_target_hit';
      else if (r < 0.93) kind = 'milestone';
      else kind = 'other';
      const quarter = Math.floor(Number(wonOn.slice(5, 7)) / 3.01) + 1;
      let title: string;
      let story: string;
      let credited: DemoPerson[];
      let source: { kind: 'deal' | 'kpi'; id: string; label: string; href: string } | null = null;
      let dealId: string | null = null;
      if (kind === 'deal_won') {
        const deal = won.find((d) => !usedDeals.has(d.id) && d.close_date !== null && d.close_date <= wonOn && d.close_date >= calendarDate.addDays(wonOn, -10) && (!together || d.marketing_sourced === 1));
        const owner = deal?.owner_member_id ? byMember.get(deal.owner_member_id) : undefined;
        const seller = owner && owner.team === 'sales' ? owner : pick(sales);
        if (deal) {
          usedDeals.add(deal.id);
          dealId = deal.id;
          title = wonDealTitle(deal.name, Number(deal.amount));
          story = pick(DEAL_STORIES)
            .replace('{source}', deal.source ?? 'a referral')
            .replace('{owner}', seller.name)
            .replace('{reason}', deal.win_reason ?? 'Clear ROI case');
          if (deal.marketing_sourced === 1) source = { kind: 'deal', id: deal.id, label: deal.name, href: `/deals?deal=${deal.id}` };
        } else {
          title = `${pick(['Helios Labs', 'Granite Capital', 'Juniper Health', 'Meridian Freight'])} signed the ${pick(['Platform annual', 'Enterprise expansion', 'Team plan'])}`;
          story = `${seller.name} brought it home after a ${2 + Math.floor(rand() * 4)}-month cycle.`;
        }
        credited = together || (deal?.marketing_sourced === 1 && rand() < 0.5) ? [seller, pick(marketing)] : rand() < 0.3 ? [seller, pick(sales.filter((s) => s !== seller))] : [seller];
      } else if (kind === 'kpi_target_hit' && kpis.length > 0) {
        const kpi = pick(kpis);
        const team = kpi.team === 'marketing' ? marketing : sales;
        const owner = kpi.owner_member_id ? byMember.get(kpi.owner_member_id) : undefined;
        const lead = owner ?? pick(team);
        title = `${kpi.name} hit its target for ${calendarDate.monthName(Number(wonOn.slice(5, 7)))}`;
        story = `${kpi.name} reached the target the ${kpi.team} team published in its top three${together ? ', with help from the other team' : ''}.`;
        credited = together ? [lead, pick(kpi.team === 'marketing' ? sales : marketing)] : [lead];
        source = { kind: 'kpi', id: kpi.id, label: kpi.name, href: `/goals/kpis/${kpi.id}` };
      } else {
        const pool = kind === 'content_helped_sales' ? CONTENT : kind === 'campaign_launched' ? CAMPAIGNS : kind === 'milestone' ? MILESTONES : OTHER;
        const [t, s] = pick(pool);
        const account = won.length > 0 ? pick(won).name.split(' — ')[0]! : 'Globex';
        title = t.replace('{q}', String(quarter)).replace('{account}', account);
        story = s;
        const base = kind === 'campaign_launched' || kind === 'content_helped_sales' ? pick(marketing) : pick(rand() < 0.5 ? sales : marketing);
        const other = base.team === 'sales' ? pick(marketing) : pick(sales);
        credited = together || kind === 'content_helped_sales' ? [base, other] : [base];
      }
      if (rand() < 0.08 && leaders.length > 0) credited.push(pick(leaders));
      credited = [...new Map(credited.map((p) => [p.memberId, p])).values()];
      const createdAt = new Date(Date.parse(`${wonOn}T14:00:00Z`) + Math.floor(rand() * 2 * DAY)).toISOString();
      wins.push({ id: newId(), kind, title, story, wonOn, credited, postedBy: credited[0]!, source, dealId, createdAt: createdAt > demo.now.toISOString() ? demo.now.toISOString() : createdAt });
    }
  }

  const winRows = [];
  const creditRows: Array<Insertable<WinCreditsTable>> = [];
  const dealRows = [];
  const proposalRows = [];
  const reactionRows = [];
  const commentRows = [];
  let m = 0;
  for (const w of wins) {
    // Celebrated together at the first held check-in after it was posted, three wins in four.
    while (m < meetings.length && meetings[m]!.starts_at < w.createdAt) m++;
    const meeting = meetings[m];
    const celebrated = meeting && rand() < 0.75 ? meeting : null;
    winRows.push(winRow(w, demo, celebrated ? { at: celebrated.ends_at, meetingId: celebrated.id, by: demo.people.find((p) => p.role === 'admin')?.memberId ?? w.postedBy.memberId } : null));
    w.credited.forEach((p, position) => creditRows.push({ win_id: w.id, workspace_id: demo.workspaceId, member_id: p.memberId, team: p.team, position }));
    if (w.dealId) dealRows.push({ win_id: w.id, workspace_id: demo.workspaceId, deal_id: w.dealId });
    if (w.source?.kind === 'deal') {
      // Confirmed from the proposal the wins job made of it, so the job does not propose the deal again.
      proposalRows.push({
        id: newId(),
        workspace_id: demo.workspaceId,
        key: `deal:${w.source.id}`,
        kind: 'deal_won' as const,
        title: w.title,
        story: w.story,
        won_on: w.wonOn,
        credited_member_ids: JSON.stringify(w.credited.map((p) => p.memberId)),
        amount_cents: null,
        deal_count: null,
        deal_ids: JSON.stringify([w.source.id]),
        source_kind: 'deal' as const,
        source_id: w.source.id,
        source_label: w.source.label,
        source_href: w.source.href,
        status: 'confirmed' as const,
        decided_by: w.postedBy.memberId,
        decided_at: w.createdAt,
        win_id: w.id,
        created_at: w.createdAt,
        updated_at: w.createdAt,
      });
    }
    // A few people react (more to a win of both teams), whatever the size of the workspace.
    const reactors = new Set<DemoPerson>();
    const count = Math.round(rand() * (w.credited.length > 1 ? 6 : 4));
    for (let i = 0; i < count; i++) reactors.add(pick(doers));
    for (const r of reactors) {
      const emojis = new Set([pick(WIN_EMOJIS), ...(rand() < 0.25 ? [pick(WIN_EMOJIS)] : [])]);
      for (const emoji of emojis) reactionRows.push({ win_id: w.id, workspace_id: demo.workspaceId, member_id: r.memberId, emoji, created_at: w.createdAt });
    }
    const comments = rand() < 0.45 ? 1 + Math.floor(rand() * 3) : 0;
    for (let c = 0; c < comments; c++) {
      commentRows.push({ id: newId(), workspace_id: demo.workspaceId, win_id: w.id, member_id: pick(doers).memberId, body: pick(KUDOS), created_at: new Date(Date.parse(w.createdAt) + (c + 1) * 3_600_000).toISOString() });
    }
  }
  await insertInChunks(db, 'wins', winRows);
  await insertInChunks(db, 'win_credits', creditRows);
  await insertInChunks(db, 'win_deals', dealRows);
  await insertInChunks(db, 'win_reactions', reactionRows);
  await insertInChunks(db, 'win_comments', commentRows);

  // A few proposals waiting: this week's and last week's marketing-sourced won deals no win stands for yet, and
  // the smaller ones batched by week as the job batches them.
  const recent = await db
    .selectFrom('deals')
    .select(['id', 'name', 'amount', 'close_date', 'owner_member_id', 'source', 'marketing_sourced', 'win_reason'])
    .where('workspace_id', '=', demo.workspaceId)
    .where('status', '=', 'won')
    .where('marketing_sourced', '=', 1)
    .where('close_date', '>=', calendarDate.addDays(today, -10))
    .where('close_date', '<=', today)
    .orderBy('close_date', 'desc')
    .limit(200)
    .execute();
  const marketingLead = marketing.find((p) => p.role === 'leader') ?? marketing[0]!;
  const at = demo.now.toISOString();
  const open = recent.filter((d) => !usedDeals.has(d.id));
  const big = open.filter((d) => Number(d.amount ?? 0) >= DEFAULT_SMALL_DEAL_THRESHOLD_CENTS).slice(0, 3);
  for (const d of big) {
    const owner = d.owner_member_id ? byMember.get(d.owner_member_id) : undefined;
    const credited = [...new Set([owner?.memberId, marketingLead.memberId].filter((x): x is string => Boolean(x)))];
    proposalRows.push({
      id: newId(),
      workspace_id: demo.workspaceId,
      key: `deal:${d.id}`,
      kind: 'deal_won' as const,
      title: wonDealTitle(d.name, Number(d.amount)),
      story: `A marketing-sourced deal (${d.source ?? 'marketing'}) won on ${d.close_date}${owner ? `, owned by ${owner.name}` : ''}.`,
      won_on: d.close_date!,
      credited_member_ids: JSON.stringify(credited),
      amount_cents: Number(d.amount),
      deal_count: null,
      deal_ids: JSON.stringify([d.id]),
      source_kind: 'deal' as const,
      source_id: d.id,
      source_label: d.name,
      source_href: `/deals?deal=${d.id}`,
      status: 'open' as const,
      decided_by: null,
      decided_at: null,
      win_id: null,
      created_at: at,
      updated_at: at,
    });
  }
  const small = open.filter((d) => d.amount !== null && Number(d.amount) < DEFAULT_SMALL_DEAL_THRESHOLD_CENTS);
  const byWeek = new Map<string, typeof small>();
  for (const d of small) byWeek.set(isoWeekOf(d.close_date!).key, [...(byWeek.get(isoWeekOf(d.close_date!).key) ?? []), d]);
  for (const [week, deals] of byWeek) {
    const p = smallDealsProposal(
      week,
      deals.map((d) => ({ id: d.id, label: d.name, amountCents: Number(d.amount), wonOn: d.close_date!, creditedMemberIds: [d.owner_member_id, marketingLead.memberId].filter((x): x is string => Boolean(x)) })),
      DEFAULT_SMALL_DEAL_THRESHOLD_CENTS,
    );
    proposalRows.push({
      id: newId(),
      workspace_id: demo.workspaceId,
      key: `small-deals:${week}`,
      kind: 'deal_won' as const,
      title: p.title,
      story: p.story,
      won_on: p.wonOn,
      credited_member_ids: JSON.stringify(p.creditedMemberIds),
      amount_cents: p.amountCents,
      deal_count: p.dealCount,
      deal_ids: JSON.stringify(p.dealIds),
      source_kind: 'small_deals' as const,
      source_id: null,
      source_label: `Smaller deals marketing sourced or helped, won in ${week}`,
      source_href: '/deals',
      status: 'open' as const,
      decided_by: null,
      decided_at: null,
      win_id: null,
      created_at: at,
      updated_at: at,
    });
  }
  await insertInChunks(db, 'win_proposals', proposalRows);
}

function winRow(
  w: { id: string; kind: WinKind; title: string; story: string; wonOn: string; credited: DemoPerson[]; postedBy: DemoPerson; source: { kind: 'deal' | 'kpi'; id: string; label: string; href: string } | null; dealId: string | null; createdAt: string },
  demo: DemoContext,
  celebrated: { at: string; meetingId: string; by: string } | null,
) {
  const c = collaborationOf(w.credited.map((p) => p.team));
  return {
    id: w.id,
    workspace_id: demo.workspaceId,
    kind: w.kind,
    title: w.title.slice(0, 160),
    story: w.story,
    won_on: w.wonOn,
    collaborative: c.collaborative ? 1 : 0,
    has_sales: c.teams.includes('sales') ? 1 : 0,
    has_marketing: c.teams.includes('marketing') ? 1 : 0,
    posted_by: w.postedBy.memberId,
    source_kind: w.source?.kind ?? null,
    source_id: w.source?.id ?? null,
    source_label: w.source?.label ?? null,
    source_href: w.source?.href ?? null,
    celebrated_at: celebrated?.at ?? null,
    celebrated_meeting_id: celebrated?.meetingId ?? null,
    celebrated_by: celebrated?.by ?? null,
    created_at: w.createdAt,
    updated_at: w.createdAt,
  };
}
