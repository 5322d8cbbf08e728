// Choosing shadow days (SPEC S4 "Scheduling"): a workday of the quarter that is not a holiday (workdaysIn already
// leaves weekends and holidays out), not a day the host (or the guest) said they cannot, not the check-in's weekday
// nor a day a check-in meets, not a day either person already has a shadow day, not before `from` (tomorrow: a day
// is never put in the past or on today), and spread across the weeks: each pair, in id order, takes the least
// busy week, then its least busy day, then the weekday least used so far (so days do not all fall on Mondays), then
// the earliest.
import { calendarDate, weekStartOf } from '../../../shared/calendar/index.js';

export interface DayRules {
  /** The quarter's workdays, in order (workdaysIn of the quarter with the workspace's holidays). */
  workdays: readonly string[];
  /** The quarter's bounds: startDate, endDate exclusive. */
  startDate: string;
  endDate: string;
  /** The first day that may be chosen (the workspace's tomorrow). */
  from: string;
  /** 0 Sunday … 6 Saturday: the weekday check-ins meet on; null without a series. */
  checkinWeekday: number | null;
  /** Days a check-in meets (a moved meeting may fall off its weekday). */
  checkinDates: ReadonlySet<string>;
  /** memberId → the days they cannot. */
  unavailable: ReadonlyMap<string, ReadonlySet<string>>;
  weekStart: number;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Why a date cannot be a shadow day of this guest and host, as a sentence; null when it can. */
export function dateProblem(date: string, guestId: string, hostId: string, rules: DayRules, words: { host: string; guest: string }): string | null {
  if (date < rules.startDate || date >= rules.endDate) return `The day must be within the quarter, from ${rules.startDate} to ${calendarDate.addDays(rules.endDate, -1)}.`;
  if (date < rules.from) return `Pick a day from ${rules.from} on: a shadow day is planned ahead, never in the past or on today.`;
  if (!rules.workdays.includes(date)) return `${date} is not a workday: it is a weekend day or one of the workspace's holidays.`;
  if (rules.checkinDates.has(date) || calendarDate.dayOfWeek(date) === rules.checkinWeekday) return `${date} is a check-in day (${WEEKDAYS[calendarDate.dayOfWeek(date)]}): pick another so nobody misses the check-in.`;
  if (rules.unavailable.get(hostId)?.has(date)) return `${words.host} cannot host on ${date}: they marked it unavailable.`;
  if (rules.unavailable.get(guestId)?.has(date)) return `${words.guest} marked ${date} unavailable.`;
  return null;
}

export interface PairToSchedule {
  id: string;
  guestId: string;
  hostId: string;
}

const lexLess = (a: readonly number[], b: readonly number[]): boolean => {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? Number.POSITIVE_INFINITY);
  return false;
};

/**
 * A day for each pair (null when no day is left), given the days already taken (`dated`, which count for the
 * spread and keep both people off a second day on the same date).
 */
export function scheduleDays(pairs: readonly PairToSchedule[], dated: ReadonlyArray<PairToSchedule & { date: string }>, rules: DayRules): Map<string, string | null> {
  const perWeek = new Map<string, number>();
  const perDay = new Map<string, number>();
  const perWeekday = new Map<number, number>();
  const busy = new Map<string, Set<string>>();
  const take = (p: PairToSchedule, date: string) => {
    const week = weekStartOf(date, rules.weekStart);
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
    perDay.set(date, (perDay.get(date) ?? 0) + 1);
    const w = calendarDate.dayOfWeek(date);
    perWeekday.set(w, (perWeekday.get(w) ?? 0) + 1);
    for (const m of [p.guestId, p.hostId]) {
      let s = busy.get(m);
      if (!s) busy.set(m, (s = new Set()));
      s.add(date);
    }
  };
  for (const d of dated) take(d, d.date);
  const candidates = rules.workdays.filter((d) => dateProblem(d, '', '', { ...rules, unavailable: new Map() }, { host: '', guest: '' }) === null);
  const out = new Map<string, string | null>();
  for (const p of [...pairs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    let best: string | null = null;
    let bestKey: readonly number[] = [Number.POSITIVE_INFINITY];
    for (const d of candidates) {
      if (rules.unavailable.get(p.hostId)?.has(d) || rules.unavailable.get(p.guestId)?.has(d)) continue;
      if (busy.get(p.guestId)?.has(d) || busy.get(p.hostId)?.has(d)) continue;
      const key = [perWeek.get(weekStartOf(d, rules.weekStart)) ?? 0, perDay.get(d) ?? 0, perWeekday.get(calendarDate.dayOfWeek(d)) ?? 0];
      // Candidates are in date order, so a strictly better key is needed to move off the earliest.
      if (lexLess(key, bestKey)) {
        best = d;
        bestKey = key;
      }
    }
    out.set(p.id, best);
    if (best) take(p, best);
  }
  return out;
}
