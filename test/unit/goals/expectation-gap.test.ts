import { describe, expect, it } from 'vitest';
import { expectationGap, type MemberExpectation } from '../../../src/capabilities/goals/domain/index.js';

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
      sentence: "7 of 9 sales members expect MQLs from marketing — it is not in marketing's top three, so it is not being worked on.",
    });
    expect(r.rows.slice(1).map((row) => [row.label, row.kindId, row.holders, row.inTopThree])).toEqual([
      ['Case studies', null, 1, false],
      ['Marketing-sourced pipeline', 'marketing_sourced_pipeline', 1, true],
    ]);
    expect(r.rows[2]?.sentence).toBe("1 of 9 sales members expects Marketing-sourced pipeline from marketing — it is in marketing's top three.");
    // 9 held items, 1 met.
    expect(r.shareMet).toBeCloseTo(1 / 9);
  });

  it('counts a member once per item, matches free text to a custom top-three KPI by name, and sorts by holders', () => {
    const expectations = [
      sales('s1', { text: 'event meetings' }, { text: 'Event Meetings' }),
      sales('s2', { text: 'Event meetings' }, { text: 'brand awareness' }),
      sales('s3', { text: 'Brand awareness' }),
      sales('s4', { text: 'brand awareness' }),
    ];
    const r = expectationGap({ expectations, topThree: { marketing: marketingTop }, teamSizes: { sales: 4 } });
    expect(r.rows.map((row) => [row.label, row.holders, row.inTopThree])).toEqual([
      ['brand awareness', 3, false],
      ['event meetings', 2, true],
    ]);
    expect(r.shareMet).toBeCloseTo(2 / 5);
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
    expect(expectationGap({ expectations: [], topThree: {}, teamSizes: {} })).toEqual({ rows: [], shareMet: null });
    const r = expectationGap({
      expectations: [{ memberId: 's1', team: 'sales', items: [{ rank: 1, text: '  ' }, { rank: 2, kindId: 'no_such_kind', text: 'bookings' }] }],
      topThree: { marketing: marketingTop },
      teamSizes: { sales: 0 },
    });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ kindId: 'revenue_closed', teamSize: 1 });
  });
});
