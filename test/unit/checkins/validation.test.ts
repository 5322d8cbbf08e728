// Validation of a series, its rule and action items: every problem a person can act on (SPEC S2, S9).
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUORUM_RULE, parseWeeklyRrule, quorumGaps, validateActionItem, validateCheckinSeries, type CheckinMember } from '../../../src/capabilities/checkins/domain/index.js';
import { series } from './factories.js';

const messages = (rrule: string) => parseWeeklyRrule(rrule).problems.map((p) => p.message);

describe('parseWeeklyRrule', () => {
  it('reads a weekly rule, with or without the RRULE: prefix', () => {
    expect(parseWeeklyRrule('FREQ=WEEKLY;INTERVAL=1;BYDAY=TU').recurrence).toEqual({ weekday: 'TU', interval: 1, count: null, until: null, weekStart: 'MO' });
    expect(parseWeeklyRrule('RRULE:freq=weekly;byday=fr;interval=2;until=20261231T235959Z').recurrence).toMatchObject({ weekday: 'FR', interval: 2, until: '20261231T235959Z' });
  });

  it('says why a rule is not a weekly check-in', () => {
    expect(messages('FREQ=MONTHLY;BYDAY=TU')).toEqual(['A check-in is weekly: FREQ must be WEEKLY, not MONTHLY.']);
    expect(messages('BYDAY=TU')).toEqual(['The rule needs FREQ=WEEKLY: a check-in is weekly.']);
    expect(messages('FREQ=WEEKLY;INTERVAL=3;BYDAY=TU')[0]).toMatch(/INTERVAL must be 1 \(every week\) or 2 \(every other week\), not 3/);
    expect(messages('FREQ=WEEKLY;INTERVAL=abc;BYDAY=TU')[0]).toMatch(/not ABC/);
    expect(messages('FREQ=WEEKLY')).toEqual(['Say which weekday the check-in is on, e.g. BYDAY=TU.']);
    expect(messages('FREQ=WEEKLY;BYDAY=MO,TH')).toEqual(['A check-in meets once a week, but BYDAY lists 2 days (MO, TH); keep one.']);
    expect(messages('FREQ=WEEKLY;BYDAY=XX')[0]).toMatch(/"XX" is not one/);
    expect(messages('FREQ=WEEKLY;BYDAY=1MO')[0]).toMatch(/"1MO" is not one/);
    expect(messages('FREQ=WEEKLY;BYDAY=TU;BYHOUR=10')).toEqual(["Set the time of day as the series' local time, not with BYHOUR in the rule."]);
    expect(messages('FREQ=WEEKLY;BYDAY=TU;BYMONTH=1')[0]).toMatch(/BYMONTH would skip weeks/);
    expect(messages('FREQ=WEEKLY;BYDAY=TU;COUNT=0')[0]).toMatch(/COUNT is how many check-ins/);
    expect(messages('FREQ=WEEKLY;BYDAY=TU;UNTIL=20261332')[0]).toMatch(/UNTIL must be a date/);
    expect(messages('FREQ=WEEKLY;BYDAY=TU;COUNT=3;UNTIL=20261231')).toEqual(['Give COUNT or UNTIL, not both (RFC 5545).']);
    expect(messages('FREQ=WEEKLY;BYDAY=TU;FOO=1')[0]).toMatch(/does not know: "FOO=1"/);
    expect(messages('FREQ=WEEKLY;FREQ=WEEKLY;BYDAY=TU')[0]).toMatch(/FREQ twice/);
    expect(messages('DTSTART:20260101T100000Z\nRRULE:FREQ=WEEKLY;BYDAY=TU')[0]).toMatch(/Give only the rule/);
    expect(messages('')).toHaveLength(2);
  });
});

describe('validateCheckinSeries', () => {
  it('accepts a good series', () => {
    expect(validateCheckinSeries(series(), { quorumRule: DEFAULT_QUORUM_RULE })).toEqual({ ok: true, problems: [] });
  });

  it('names each bad field', () => {
    const r = validateCheckinSeries(series({ rrule: 'FREQ=DAILY;BYDAY=TU', timeZone: 'Mars/Olympus', localTime: '25:00', startDate: '2026-02-30', durationMinutes: 300 }));
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.field)).toEqual(['rrule', 'timeZone', 'localTime', 'startDate', 'durationMinutes']);
    expect(r.problems.find((p) => p.field === 'timeZone')?.message).toMatch(/"Mars\/Olympus" is not a time zone we know/);
    expect(r.problems.find((p) => p.field === 'durationMinutes')?.message).toBe('A check-in lasts 5 to 240 whole minutes (30 by default), not 300: longer is a workshop, not a weekly check-in.');
  });

  it('bounds the duration at 5 and 240 minutes, inclusive', () => {
    for (const d of [5, 30, 240]) expect(validateCheckinSeries(series({ durationMinutes: d })).ok).toBe(true);
    for (const d of [4, 241, 30.5, 0, -5]) expect(validateCheckinSeries(series({ durationMinutes: d })).problems[0]?.field).toBe('durationMinutes');
  });

  it('checks the quorum rule, and that it can be met by the required attendees', () => {
    expect(validateCheckinSeries(series(), { quorumRule: { requirements: [] } }).problems[0]?.message).toMatch(/at least one requirement/);
    expect(
      validateCheckinSeries(series(), { quorumRule: { requirements: [...DEFAULT_QUORUM_RULE.requirements, { team: 'sales', min: 0, keyPlayersOnly: false }] } }).problems.map((p) => p.message),
    ).toEqual(['The quorum rule lists sales twice; give each team one requirement.', 'The quorum rule for sales must ask for 1 to 20 people, not 0.']);
    const members: CheckinMember[] = [
      { id: 'a', name: 'Ana', team: 'sales', keyPlayer: true, active: true },
      { id: 'b', name: 'Ben', team: 'marketing', keyPlayer: false, active: true },
      { id: 'c', name: 'Cy', team: 'marketing', keyPlayer: true, active: false },
    ];
    expect(validateCheckinSeries(series(), { quorumRule: DEFAULT_QUORUM_RULE, attendees: members }).problems).toEqual([
      {
        field: 'quorum',
        message:
          'Quorum needs 1 key player from marketing, but the attendees include none: no check-in could count as held; add marketing key players to the attendees, mark marketing attendees as key players, or lower the rule.',
      },
    ]);
    // Ben counts once the rule asks for any marketing member.
    const anyMarketer = { requirements: [DEFAULT_QUORUM_RULE.requirements[0]!, { team: 'marketing' as const, min: 1, keyPlayersOnly: false }] };
    expect(validateCheckinSeries(series(), { quorumRule: anyMarketer, attendees: members }).ok).toBe(true);
    expect(validateCheckinSeries(series(), { quorumRule: { requirements: [{ team: 'sales', min: 2, keyPlayersOnly: false }] }, attendees: members }).problems[0]?.message).toBe(
      'Quorum needs 2 members from sales, but the attendees include only 1: no check-in could count as held; add sales members to the attendees or lower the rule.',
    );
  });

  it('keeps the start date from two years back to one year ahead, and the date a series already has', () => {
    const today = '2026-12-01';
    for (const startDate of ['2024-12-01', '2026-12-01', '2027-12-01']) expect(validateCheckinSeries(series({ startDate }), { today }).ok).toBe(true);
    expect(validateCheckinSeries(series({ startDate: '2024-11-30' }), { today }).problems).toEqual([
      { field: 'startDate', message: 'The start date 30 Nov 2024 is out of range; a series starts between 1 Dec 2024 and 1 Dec 2027 (meetings that far back are not kept).' },
    ]);
    expect(validateCheckinSeries(series({ startDate: '2999-12-31' }), { today }).problems[0]?.message).toMatch(/^The start date 31 Dec 2999 is out of range; .*\(set it up nearer the time\)\.$/);
    expect(validateCheckinSeries(series({ startDate: '2020-01-07' }), { today, savedStartDate: '2020-01-07' }).ok).toBe(true);
  });
});

describe('quorumGaps', () => {
  const people = [
    { team: 'sales' as const, keyPlayer: true, active: true },
    { team: 'sales' as const, keyPlayer: false, active: true },
    { team: 'marketing' as const, keyPlayer: false, active: true },
  ];
  it('lists the requirements the attendees cannot meet, with how many count', () => {
    expect(quorumGaps(people, DEFAULT_QUORUM_RULE)).toEqual([{ requirement: DEFAULT_QUORUM_RULE.requirements[1], eligible: 0 }]);
    expect(quorumGaps(people, { requirements: [{ team: 'sales', min: 2, keyPlayersOnly: false }] })).toEqual([]);
    expect(quorumGaps([{ ...people[0]!, active: false }], { requirements: [DEFAULT_QUORUM_RULE.requirements[0]!] })).toHaveLength(1);
  });
});

describe('validateActionItem', () => {
  const ctx = { meetingStart: '2026-03-10T14:00:00Z', timeZone: 'America/New_York', memberIds: ['ana', 'ben'] };

  it('accepts a due date on or after the meeting day', () => {
    expect(validateActionItem({ title: 'Send the MQL definition', ownerId: 'ana', dueDate: '2026-03-10' }, ctx).ok).toBe(true);
    expect(validateActionItem({ title: 'Send it', ownerId: 'ben', dueDate: null }, ctx).ok).toBe(true);
  });

  it('refuses a due date before the meeting, in the workspace zone', () => {
    expect(validateActionItem({ title: 'x', ownerId: 'ana', dueDate: '2026-03-09' }, ctx).problems).toEqual([
      { field: 'dueDate', message: 'The due date 9 Mar 2026 is before the check-in on 10 Mar 2026; pick the meeting day or later.' },
    ]);
    // 02:00Z on 11 Mar is still 10 Mar in New York: due 10 Mar is fine.
    expect(validateActionItem({ title: 'x', ownerId: 'ana', dueDate: '2026-03-10' }, { ...ctx, meetingStart: '2026-03-11T02:00:00Z' }).ok).toBe(true);
  });

  it('refuses a due date more than two years after today, when one is being set', () => {
    const today = '2026-03-10';
    expect(validateActionItem({ title: 'x', ownerId: 'ana', dueDate: '2028-03-10' }, { ...ctx, today }).ok).toBe(true);
    expect(validateActionItem({ title: 'x', ownerId: 'ana', dueDate: '2999-12-31' }, { ...ctx, today }).problems).toEqual([
      { field: 'dueDate', message: 'The due date 31 Dec 2999 is more than two years away; pick a date up to 10 Mar 2028, or split the work into nearer steps.' },
    ]);
    // Without today (the due date is not being changed) a saved date stands.
    expect(validateActionItem({ title: 'x', ownerId: 'ana', dueDate: '2999-12-31' }, ctx).ok).toBe(true);
  });

  it('needs a title, a known owner and a real date', () => {
    const r = validateActionItem({ title: '  ', ownerId: 'zed', dueDate: '2026-13-01' }, ctx);
    expect(r.problems.map((p) => p.field)).toEqual(['title', 'ownerId', 'dueDate']);
    expect(validateActionItem({ title: 'x'.repeat(201), ownerId: 'ana', dueDate: null }, ctx).problems[0]?.field).toBe('title');
  });
});
