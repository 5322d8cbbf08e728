// Meeting state at its boundaries, and quorum (SPEC S2: held with quorum; missed when its time passes).
import { describe, expect, it } from 'vitest';
import { checkQuorum, defaultRequiredAttendees, markHeldProblem, meetingState, MISSED_GRACE_HOURS, type CheckinMember } from '../../../src/capabilities/checkins/domain/index.js';
import { meeting, present } from './factories.js';

const at = (iso: string, ms = 0) => new Date(Date.parse(iso) + ms);
const HOUR = 3_600_000;

describe('meetingState', () => {
  const m = meeting('m1', '2026-03-10T14:00:00.000Z'); // ends 14:30Z

  it('moves upcoming → in progress → ended → missed at half-open boundaries', () => {
    expect(meetingState(m, at('2026-03-10T14:00:00Z', -1))).toBe('upcoming');
    expect(meetingState(m, at('2026-03-10T14:00:00Z'))).toBe('in_progress');
    expect(meetingState(m, at('2026-03-10T14:30:00Z', -1))).toBe('in_progress');
    expect(meetingState(m, at('2026-03-10T14:30:00Z'))).toBe('ended');
    expect(meetingState(m, at('2026-03-10T14:30:00Z', MISSED_GRACE_HOURS * HOUR - 1))).toBe('ended');
    expect(meetingState(m, at('2026-03-10T14:30:00Z', MISSED_GRACE_HOURS * HOUR))).toBe('missed');
    expect(meetingState(m, at('2026-03-10T14:30:00Z', HOUR), 1)).toBe('missed');
  });

  it('is held once marked held with quorum, whenever that is', () => {
    const held = meeting('m1', '2026-03-10T14:00:00.000Z', { held: true });
    expect(meetingState(held, '2026-03-10T14:30:00Z')).toBe('held');
    expect(meetingState(held, '2026-04-10T00:00:00Z')).toBe('held');
  });

  it('is missed when marked held without quorum, once the grace window has passed', () => {
    const noQuorum = meeting('m1', '2026-03-10T14:00:00.000Z', { held: true, quorumMet: false });
    expect(meetingState(noQuorum, '2026-03-10T14:45:00Z')).toBe('ended');
    expect(meetingState(noQuorum, '2026-03-11T02:30:00Z')).toBe('missed');
  });

  it('is cancelled when cancelled and not held', () => {
    expect(meetingState(meeting('m1', '2026-03-10T14:00:00.000Z', { cancelled: true }), '2026-03-20T00:00:00Z')).toBe('cancelled');
  });
});

describe('markHeldProblem', () => {
  const m = meeting('m1', '2026-03-10T14:00:00.000Z');
  it('allows marking held from the start until a week after the end', () => {
    expect(markHeldProblem(m, '2026-03-10T13:59:59Z')).toBe('A check-in can be marked held once it has started.');
    expect(markHeldProblem(m, '2026-03-10T14:00:00Z')).toBeNull();
    expect(markHeldProblem(m, '2026-03-17T14:30:00Z')).toBeNull();
    expect(markHeldProblem(m, '2026-03-17T14:30:01Z')).toMatch(/up to 7 days after it ended/);
    expect(markHeldProblem(meeting('m2', '2026-03-10T14:00:00.000Z', { cancelled: true }), '2026-03-10T14:10:00Z')).toMatch(/cancelled/);
  });
});

describe('checkQuorum (default rule: a key player from each team)', () => {
  it('is met with one key player from sales and one from marketing', () => {
    const r = checkQuorum([present('a', 'sales'), present('b', 'sales'), present('c', 'marketing'), present('d', 'leadership')]);
    expect(r).toEqual({ met: true, reason: 'Quorum met: two key players from sales and one key player from marketing attended.', shortfalls: [] });
  });

  it('says what is missing', () => {
    expect(checkQuorum([present('a', 'sales'), present('c', 'marketing', false)]).reason).toBe('Needs at least one key player from marketing; none attended.');
    expect(checkQuorum([present('a', 'sales', true, false), present('c', 'marketing', true, false)]).reason).toBe(
      'Needs at least one key player from sales; none attended. Needs at least one key player from marketing; none attended.',
    );
    expect(checkQuorum([]).met).toBe(false);
  });

  it('counts a person once and follows a custom rule', () => {
    const rule = { requirements: [{ team: 'sales' as const, min: 2, keyPlayersOnly: false }] };
    const r = checkQuorum([present('a', 'sales', false), present('a', 'sales', false)], rule);
    expect(r).toMatchObject({ met: false, reason: 'Needs at least two members from sales; only one attended.', shortfalls: [{ team: 'sales', needed: 2, attended: 1 }] });
    expect(checkQuorum([present('a', 'sales', false), present('b', 'sales', false)], rule).met).toBe(true);
    expect(checkQuorum([], { requirements: [] }).met).toBe(true);
  });
});

describe('defaultRequiredAttendees', () => {
  it('is every active key player, sales then marketing then leadership, by name', () => {
    const m = (id: string, name: string, team: CheckinMember['team'], keyPlayer = true, active = true): CheckinMember => ({ id, name, team, keyPlayer, active });
    const members = [m('1', 'Zoe', 'marketing'), m('2', 'Dana', 'leadership'), m('3', 'Bo', 'sales'), m('4', 'Al', 'sales', false), m('5', 'Cy', 'sales', true, false), m('6', 'Ann', 'sales')];
    expect(defaultRequiredAttendees(members).map((x) => x.name)).toEqual(['Ann', 'Bo', 'Zoe', 'Dana']);
  });
});
