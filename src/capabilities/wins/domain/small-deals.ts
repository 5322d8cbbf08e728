// Small deals, batched (issue 13 "to keep the feed meaningful, small deals below a workspace threshold are batched
// into one weekly win instead of one each"): won-deal candidates below the threshold become one proposal per ISO
// week, 'small-deals:<week>', holding every such deal of the week (kept while it is open, as new ones arrive).
import { isoWeekOf } from '../../../shared/calendar/index.js';
import type { WinCandidate } from '../../../shared/contracts/win-candidates.js';
import { wholeDollars } from '../../../shared/money.js';

export interface SmallDeal {
  id: string;
  label: string;
  amountCents: number;
  wonOn: string;
  creditedMemberIds: string[];
}

export interface SmallDealsBatch {
  key: string;
  week: string;
  deals: SmallDeal[];
}

/** A won deal below the threshold (a deal without an amount is not a small one: nothing says it is small). */
export function isSmallDeal(c: WinCandidate, thresholdCents: number): boolean {
  return c.source.kind === 'deal' && typeof c.amountCents === 'number' && c.amountCents < thresholdCents;
}

/** Splits candidates into those proposed one by one and the small deals grouped by ISO week of the day won. */
export function splitSmallDeals(candidates: readonly WinCandidate[], thresholdCents: number): { single: WinCandidate[]; batches: SmallDealsBatch[] } {
  const single: WinCandidate[] = [];
  const byWeek = new Map<string, SmallDeal[]>();
  for (const c of candidates) {
    if (!isSmallDeal(c, thresholdCents)) {
      single.push(c);
      continue;
    }
    const week = isoWeekOf(c.wonOn).key;
    const list = byWeek.get(week) ?? [];
    // Two rooms may offer one deal (deals for its source, messaging for a piece its evidence cites): it counts once,
    // crediting everyone either room named.
    const seen = list.find((d) => d.id === c.source.id);
    if (seen) seen.creditedMemberIds = [...new Set([...seen.creditedMemberIds, ...c.creditedMemberIds])];
    else list.push({ id: c.source.id, label: c.source.label, amountCents: c.amountCents!, wonOn: c.wonOn, creditedMemberIds: c.creditedMemberIds });
    byWeek.set(week, list);
  }
  const batches = [...byWeek.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, deals]) => ({ key: `small-deals:${week}`, week, deals }));
  return { single, batches };
}


/** The proposal a week's small deals make: its words, total, latest day and everyone credited (first seen first). */
export function smallDealsProposal(week: string, deals: readonly SmallDeal[], thresholdCents: number) {
  const sorted = [...deals].sort((a, b) => a.wonOn.localeCompare(b.wonOn) || a.id.localeCompare(b.id));
  const total = sorted.reduce((s, d) => s + d.amountCents, 0);
  const credited = [...new Set(sorted.flatMap((d) => d.creditedMemberIds))];
  const n = sorted.length;
  const listed = sorted.slice(0, 20).map((d) => `${d.label} (${wholeDollars(d.amountCents)})`);
  const more = n > listed.length ? `, and ${n - listed.length} more` : '';
  const weekNo = Number(week.slice(-2));
  return {
    title: `${n} smaller ${n === 1 ? 'deal' : 'deals'} won in week ${weekNo}: ${wholeDollars(total)}`,
    story: `Deals under ${wholeDollars(thresholdCents)} that marketing sourced or a marketing piece helped, won in ${week}, together: ${listed.join(', ')}${more}.`,
    wonOn: sorted[sorted.length - 1]?.wonOn ?? '',
    amountCents: total,
    dealCount: n,
    dealIds: sorted.map((d) => d.id),
    creditedMemberIds: credited.slice(0, 30),
  };
}
