// Small deals batched into one weekly proposal (issue 13): below the threshold, by ISO week of the day won.
import { describe, expect, it } from 'vitest';
import { isSmallDeal, smallDealsProposal, splitSmallDeals } from '../../../src/capabilities/wins/domain/small-deals.js';
import type { WinCandidate } from '../../../src/shared/contracts/win-candidates.js';

const deal = (id: string, amountCents: number | null, wonOn: string, credited: string[] = ['m1']): WinCandidate => ({
  key: `deal:${id}`,
  kind: 'deal_won',
  title: `Deal ${id}`,
  story: '',
  wonOn,
  creditedMemberIds: credited,
  amountCents,
  source: { kind: 'deal', id, label: `Deal ${id}`, href: null },
});
const kpi: WinCandidate = { key: 'kpi:k:2026-11', kind: 'kpi_target_hit', title: 'MQLs', story: '', wonOn: '2026-11-20', creditedMemberIds: [], amountCents: 1, source: { kind: 'kpi', id: 'k', label: 'MQLs', href: null } };

describe('splitSmallDeals', () => {
  it('keeps deals at or above the threshold, deals without an amount and other candidates on their own', () => {
    expect(isSmallDeal(deal('a', 499_999, '2026-11-30'), 500_000)).toBe(true);
    expect(isSmallDeal(deal('a', 500_000, '2026-11-30'), 500_000)).toBe(false);
    expect(isSmallDeal(deal('a', null, '2026-11-30'), 500_000)).toBe(false);
    expect(isSmallDeal(kpi, 500_000)).toBe(false);
    expect(isSmallDeal(deal('a', 10, '2026-11-30'), 0)).toBe(false);
  });

  it('groups the small ones by ISO week: Sunday belongs to the week before Monday', () => {
    const { single, batches } = splitSmallDeals([deal('big', 900_000, '2026-11-30'), deal('s1', 1000, '2026-11-29'), deal('s2', 2000, '2026-11-30'), deal('s3', 3000, '2026-12-06'), kpi], 500_000);
    expect(single.map((c) => c.key)).toEqual(['deal:big', 'kpi:k:2026-11']);
    expect(batches.map((b) => [b.key, b.deals.map((d) => d.id)])).toEqual([
      ['small-deals:2026-W48', ['s1']],
      ['small-deals:2026-W49', ['s2', 's3']],
    ]);
  });

  it('counts a deal two rooms offer once (deals for its source, messaging for a cited piece), with everyone either credited', () => {
    const { batches } = splitSmallDeals([deal('s1', 1000, '2026-11-30', ['owner', 'lead']), deal('s1', 1000, '2026-11-30', ['owner', 'author']), deal('s2', 2000, '2026-12-01')], 500_000);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.deals.map((d) => [d.id, d.creditedMemberIds])).toEqual([
      ['s1', ['owner', 'lead', 'author']],
      ['s2', ['m1']],
    ]);
  });

  it('reads a week across the new year by the ISO rule (2026-12-31 is in 2026-W53)', () => {
    expect(splitSmallDeals([deal('x', 1, '2026-12-31'), deal('y', 1, '2027-01-03')], 10).batches.map((b) => b.key)).toEqual(['small-deals:2026-W53']);
  });
});

describe('smallDealsProposal', () => {
  it('adds the deals up, dates it on the latest, and credits everyone once', () => {
    const p = smallDealsProposal(
      '2026-W49',
      [
        { id: 'b', label: 'Beta', amountCents: 250_000, wonOn: '2026-12-02', creditedMemberIds: ['m2', 'lead'] },
        { id: 'a', label: 'Alpha', amountCents: 100_000, wonOn: '2026-12-01', creditedMemberIds: ['m1', 'lead'] },
      ],
      500_000,
    );
    expect(p).toEqual({
      title: '2 smaller deals won in week 49: $3,500',
      story: 'Deals under $5,000 that marketing sourced or a marketing piece helped, won in 2026-W49, together: Alpha ($1,000), Beta ($2,500).',
      wonOn: '2026-12-02',
      amountCents: 350_000,
      dealCount: 2,
      dealIds: ['a', 'b'],
      creditedMemberIds: ['m1', 'lead', 'm2'],
    });
  });

  it('lists at most 20 deals by name and counts the rest', () => {
    const deals = Array.from({ length: 23 }, (_, i) => ({ id: `d${String(i).padStart(2, '0')}`, label: `D${i}`, amountCents: 100, wonOn: '2026-12-01', creditedMemberIds: [] }));
    const p = smallDealsProposal('2026-W49', deals, 500_000);
    expect(p.title).toBe('23 smaller deals won in week 49: $23');
    expect(p.story).toMatch(/D19 \(\$1\), and 3 more\.$/);
    expect(p.dealCount).toBe(23);
  });
});
