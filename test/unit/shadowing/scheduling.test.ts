// Choosing shadow days (SPEC S4 "Scheduling") and a quarter's progress (S4 "Progress"): workdays of the quarter only,
// never a holiday, a host's unavailable day, the check-in's weekday or a check-in date, never two days for one person
// on a date, spread across the weeks; expected-by-now pro-rated by workdays elapsed.
import { describe, expect, it } from 'vitest';
import { dateProblem, scheduleDays, type DayRules } from '../../../src/capabilities/shadowing/domain/scheduling.js';
import { elapsedShare, paceScore, pairStatus, quarterProgress, reflectionTally } from '../../../src/capabilities/shadowing/domain/progress.js';
import { weekStartOf, workdaysIn } from '../../../src/shared/calendar/index.js';

// FY2027 Q1 of a workspace whose fiscal year starts in February: Feb–Apr 2026. 2026-02-16 is a holiday (a Monday).
const holidays = [{ date: '2026-02-16', name: "Presidents' Day" }];
const rules = (over: Partial<DayRules> = {}): DayRules => ({
  workdays: workdaysIn('2026-02-01', '2026-05-01', { holidays }),
  startDate: '2026-02-01',
  endDate: '2026-05-01',
  from: '2026-02-02',
  checkinWeekday: 2,
  checkinDates: new Set(['2026-03-05']),
  unavailable: new Map([['host1', new Set(['2026-02-03', '2026-02-04'])]]),
  weekStart: 1,
  ...over,
});
const names = { host: 'Sam', guest: 'Mia' };

describe('dateProblem', () => {
  it('says in words why a day cannot be a shadow day', () => {
    const r = rules();
    expect(dateProblem('2026-05-01', 'g', 'host1', r, names)).toMatch(/within the quarter, from 2026-02-01 to 2026-04-30/);
    expect(dateProblem('2026-01-30', 'g', 'host1', r, names)).toMatch(/within the quarter/);
    expect(dateProblem('2026-02-16', 'g', 'host1', { ...r, from: '2026-02-01' }, names)).toMatch(/not a workday/);
    expect(dateProblem('2026-02-07', 'g', 'host1', r, names)).toMatch(/not a workday/);
    expect(dateProblem('2026-02-10', 'g', 'host1', r, names)).toBe('2026-02-10 is a check-in day (Tuesday): pick another so nobody misses the check-in.');
    expect(dateProblem('2026-03-05', 'g', 'host1', r, names)).toMatch(/check-in day \(Thursday\)/);
    expect(dateProblem('2026-02-04', 'g', 'host1', r, names)).toBe('Sam cannot host on 2026-02-04: they marked it unavailable.');
    expect(dateProblem('2026-02-05', 'g', 'host1', { ...r, from: '2026-02-06' }, names)).toMatch(/from 2026-02-06 on/);
    expect(dateProblem('2026-02-05', 'g', 'host1', r, names)).toBeNull();
  });
});

describe('scheduleDays', () => {
  const pairs = Array.from({ length: 26 }, (_, i) => ({ id: `p${String(i).padStart(2, '0')}`, guestId: `g${i}`, hostId: i % 2 ? 'host1' : `h${i}` }));

  it('keeps every day within the rules and spreads the days across the weeks', () => {
    const r = rules();
    const days = scheduleDays(pairs, [], r);
    const weeks = new Map<string, number>();
    for (const p of pairs) {
      const d = days.get(p.id);
      expect(d, p.id).toBeTruthy();
      expect(dateProblem(d!, p.guestId, p.hostId, r, names), `${p.id} on ${d}`).toBeNull();
      weeks.set(weekStartOf(d!, 1), (weeks.get(weekStartOf(d!, 1)) ?? 0) + 1);
    }
    // 26 days over the quarter's 13 weeks: two a week, not a pile in the first.
    expect(Math.max(...weeks.values()) - Math.min(...weeks.values())).toBeLessThanOrEqual(1);
    expect(weeks.size).toBe(13);
    // Within the weeks the weekdays rotate: not every day on the first workday of its week.
    expect(new Set(pairs.map((p) => new Date(`${days.get(p.id)!}T12:00:00Z`).getUTCDay())).size).toBe(4);
  });

  it('never gives one person two days on the same date, and leaves a pair without a day when none is left', () => {
    const few = rules({ workdays: ['2026-02-05', '2026-02-06'], checkinWeekday: null });
    const days = scheduleDays([{ id: 'a', guestId: 'g1', hostId: 'h' }, { id: 'b', guestId: 'g2', hostId: 'h' }, { id: 'c', guestId: 'g3', hostId: 'h' }], [], few);
    expect([days.get('a'), days.get('b'), days.get('c')]).toEqual(['2026-02-05', '2026-02-06', null]);
    const taken = scheduleDays([{ id: 'a', guestId: 'g1', hostId: 'h' }], [{ id: 'z', guestId: 'h', hostId: 'x', date: '2026-02-05' }], few);
    expect(taken.get('a')).toBe('2026-02-06');
  });

  it('is the same for the same input, whatever order the pairs come in', () => {
    const r = rules();
    expect([...scheduleDays([...pairs].reverse(), [], r)].sort()).toEqual([...scheduleDays(pairs, [], r)].sort());
  });
});

describe('quarterProgress', () => {
  const workdays = ['2026-02-02', '2026-02-03', '2026-02-04', '2026-02-05'];
  it('pro-rates expected-by-now by workdays elapsed and lists who is behind', () => {
    expect(elapsedShare(workdays, '2026-02-03')).toBe(0.5);
    const p = quarterProgress(
      [
        { memberId: 'a', team: 'sales', optedOut: false },
        { memberId: 'b', team: 'sales', optedOut: false },
        { memberId: 'c', team: 'sales', optedOut: true },
        { memberId: 'd', team: 'marketing', optedOut: false },
      ],
      [
        { guestId: 'a', date: '2026-02-02', reflected: true },
        { guestId: 'b', date: '2026-02-02', reflected: false },
      ],
      workdays,
      '2026-02-03',
    );
    expect(p.teams).toEqual([
      { team: 'sales', participants: 2, completed: 1, expectedByNow: 1 },
      { team: 'marketing', participants: 1, completed: 0, expectedByNow: 0.5 },
    ]);
    expect(p.overdue).toEqual([
      { memberId: 'b', why: 'Day passed, no reflection' },
      { memberId: 'd', why: 'No date yet' },
    ]);
  });
  it('scores the pace only once a whole day is expected, so a quarter\'s first days read as no verdict, not 0', () => {
    expect(paceScore(0, 0)).toBeNull();
    expect(paceScore(0, 0.6)).toBeNull();
    expect(paceScore(1, 0.6)).toBeNull();
    expect(paceScore(0, 1)).toBe(0);
    expect(paceScore(3, 4)).toBe(0.75);
    expect(paceScore(5, 4)).toBe(1);
  });
  it('counts a day without a reflection as missing only a week after it, and a written one at once', () => {
    const pairs = [
      { date: '2026-02-02', reflected: false }, // a week and more ago, none: missing
      { date: '2026-02-08', reflected: false }, // yesterday, none yet: not counted
      { date: '2026-02-09', reflected: true }, // today, written: counted
      { date: '2026-02-20', reflected: false }, // to come
      { date: null, reflected: false },
    ];
    expect(reflectionTally(pairs, '2026-02-09', '2026-02-02')).toEqual({ written: 1, counted: 2 });
    expect(reflectionTally([], '2026-02-09', '2026-02-02')).toEqual({ written: 0, counted: 0 });
  });
  it('reads a pair\'s status from its date, proposal and reflection', () => {
    expect(pairStatus({ date: null, reflected: false, proposalOpen: false }, '2026-02-03')).toBe('unscheduled');
    expect(pairStatus({ date: '2026-02-04', reflected: false, proposalOpen: false }, '2026-02-03')).toBe('scheduled');
    expect(pairStatus({ date: '2026-02-04', reflected: false, proposalOpen: true }, '2026-02-03')).toBe('date_proposed');
    expect(pairStatus({ date: '2026-02-03', reflected: false, proposalOpen: false }, '2026-02-03')).toBe('awaiting_reflection');
    expect(pairStatus({ date: '2026-02-02', reflected: true, proposalOpen: false }, '2026-02-03')).toBe('done');
  });
});
