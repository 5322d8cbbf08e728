import { describe, expect, it } from 'vitest';
import { expectationGap, expectationGapSummary, type MemberExpectation } from '../../../src/capabilities/goals/domain/index.js';

const marketingTop = [
  { kindId: 'marketing_sourced_pipeline', name: 'Marketing-sourced pipeline' },
  { kindId: 'content_engagement', name: 'Content engagement' },
  { kindId: null, name: 'Event meetings' },
];
const salesTop = [
  { kindId: 'revenue_closed', name: 'Revenue closed' },
  { kindId: 'win_rate', name: 'Win rate' },
  { kindId: 'sqls', name: 'SQLs' },
];

function sales(memberId: string, ...items: ({ kindId: string } | { text: string })[]): MemberExpectation {
  return { memberId, team: 'sales', items: items.map((it, i) => ({ rank: i + 1, ...it })) };
}

describe('expectationGap', () => {
  it('says plainly how many expect something the other team does not work on', () => {
    const expectations = [
      sales('s1', { kindId: 'mqls' }),
      sales('s2', { text: 'MQL volume' }),
      sales('s3', { text: 'lead gen' }),
      sales('s4', { text: 'Leads' }, { kindId: 'marketing_sourced_pipeline' }),
      sales('s5', { text: 'lead volume' }),
      sales('s6', { text: 'more leads' }),
      sales('s7', { text: 'leads!!' }, { text: 'Case studies' }),
    ];
    const r = expectationGap({ expectations, topThree: { marketing: marketingTop, sales: salesTop }, teamSizes: { sales: 9, marketing: 5 } });
    expect(r.rows[0]).toEqual({
      holderTeam: 'sales',
      aboutTeam: 'marketing',
      kindId: 'mqls',
      label: 'MQLs',
      holders: 7,
      teamSize: 9,
      inTopThree: false,
      matched: true,
      sentence: "7 of 9 sales members expect MQLs from marketing — it is not in marketing's top three, so it is not being worked on.",
    });
    expect(r.rows.slice(1).map((row) => [row.label, row.kindId, row.holders, row.inTopThree, row.matched])).toEqual([
      ['Case studies', null, 1, false, false],
      ['Marketing-sourced pipeline', 'marketing_sourced_pipeline', 1, true, true],
    ]);
    // Free text that names no KPI is not a gap: nobody can say whether it is worked on until its KPI is chosen.
    expect(r.rows[1]?.sentence).toBe('1 of 9 sales members expects “Case studies” from marketing — not matched to a KPI yet; choose the KPI it means.');
    expect(r.rows[2]?.sentence).toBe("1 of 9 sales members expects Marketing-sourced pipeline from marketing — it is in marketing's top three.");
    // Held expectations: 7 MQLs (a gap), 1 pipeline (met), 1 case studies (not matched); the share is of the 8 matched.
    expect(r.held).toEqual({ met: 1, gaps: 7, unmatched: 1 });
    expect(r.shareMet).toBeCloseTo(1 / 8);
    expect(expectationGapSummary(r)).toBe("1 of 8 expectations held are in the other team's top three (13%); 1 more is not matched to a KPI yet.");
  });

  it('counts a member once per item, matches free text to a custom top-three KPI by name, and sorts by holders', () => {
    const expectations = [
      sales('s1', { text: 'event meetings' }, { text: 'Event Meetings' }),
      sales('s2', { text: 'Event meetings' }, { text: 'brand awareness' }),
      sales('s3', { text: 'Brand awareness' }),
      sales('s4', { text: 'brand awareness' }),
    ];
    const r = expectationGap({ expectations, topThree: { marketing: marketingTop }, teamSizes: { sales: 4 } });
    expect(r.rows.map((row) => [row.label, row.holders, row.inTopThree, row.matched])).toEqual([
      ['brand awareness', 3, false, false],
      ['event meetings', 2, true, true],
    ]);
    expect(r.held).toEqual({ met: 2, gaps: 0, unmatched: 3 });
    expect(r.shareMet).toBe(1);
  });

  it('looks both ways and ignores leadership unless it says which team it means', () => {
    const expectations: MemberExpectation[] = [
      { memberId: 'm1', team: 'marketing', items: [{ rank: 1, text: 'speed to lead' }, { rank: 2, kindId: 'win_rate' }] },
      { memberId: 'l1', team: 'leadership', items: [{ rank: 1, kindId: 'cac' }] },
      { memberId: 'l2', team: 'leadership', aboutTeam: 'marketing', items: [{ rank: 1, kindId: 'cac' }] },
    ];
    const r = expectationGap({ expectations, topThree: { marketing: marketingTop, sales: salesTop }, teamSizes: { marketing: 1, leadership: 2 } });
    expect(r.rows.map((row) => `${row.holderTeam}→${row.aboutTeam}:${row.kindId}:${row.inTopThree}`)).toEqual([
      'leadership→marketing:cac:false',
      'marketing→sales:lead_response_time:false',
      'marketing→sales:win_rate:true',
    ]);
    expect(r.rows[1]?.sentence).toBe("1 of 1 marketing member expects Lead response time from sales — it is not in sales' top three, so it is not being worked on.");
  });

  it('says so when the other team has not published', () => {
    const r = expectationGap({ expectations: [sales('s1', { kindId: 'mqls' })], topThree: {}, teamSizes: { sales: 3 } });
    expect(r.rows[0]).toMatchObject({ inTopThree: false, sentence: '1 of 3 sales members expects MQLs from marketing — marketing has not published its top three, so nobody knows whether it is being worked on.' });
  });

  it('has no rows and no share without expectations; empty items and unknown kind ids fall back to text', () => {
    const empty = expectationGap({ expectations: [], topThree: {}, teamSizes: {} });
    expect(empty).toEqual({ rows: [], held: { met: 0, gaps: 0, unmatched: 0 }, shareMet: null });
    expect(expectationGapSummary(empty)).toBe('Nobody has said yet what they expect of the other team.');
    const r = expectationGap({
      expectations: [{ memberId: 's1', team: 'sales', items: [{ rank: 1, text: '  ' }, { rank: 2, kindId: 'no_such_kind', text: 'bookings' }] }],
      topThree: { marketing: marketingTop },
      teamSizes: { sales: 0 },
    });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ kindId: 'revenue_closed', teamSize: 1 });
  });

  it('matches realistic free text to the KPI it means, so a KPI in the top three is not reported as ignored', () => {
    const expectations: MemberExpectation[] = [
      { memberId: 'm1', team: 'marketing', items: [{ rank: 1, text: 'Follow-up speed on leads' }] },
      { memberId: 'm2', team: 'marketing', items: [{ rank: 1, text: 'Respond to inbound leads quickly' }] },
      { memberId: 'm3', team: 'marketing', items: [{ rank: 1, text: 'Webinars' }] },
    ];
    const top = [...salesTop.slice(0, 2), { kindId: 'lead_response_time', name: 'Lead response time' }];
    const r = expectationGap({ expectations, topThree: { sales: top }, teamSizes: { marketing: 3 } });
    expect(r.rows.map((row) => [row.label, row.holders, row.inTopThree, row.matched])).toEqual([
      ['Lead response time', 2, true, true],
      ['Webinars', 1, false, false],
    ]);
    expect(expectationGapSummary(r)).toBe("2 of 2 expectations held are in the other team's top three (100%); 1 more is not matched to a KPI yet.");
  });
});
