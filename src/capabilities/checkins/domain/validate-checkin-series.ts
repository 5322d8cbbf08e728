// Checks a check-in series before it is saved (SPEC S2 "check-in series"). Every problem names its
// field and says what to do. Rules:
// - the RRULE: see parseWeeklyRrule (weekly, one weekday, every week or every other week);
// - the time zone is an IANA name Intl knows (SPEC S0);
// - the local time is 'HH:MM' (24 h) and the start date 'YYYY-MM-DD', when `today` is given from two years
//   back to one year ahead (seriesStartWindow; the date the series already has is always kept);
// - the duration is a whole number of minutes from 5 to 240: under 5 minutes nobody can go through
//   the agenda; over 4 hours it is a workshop, not a weekly check-in;
// - the quorum rule has at least one requirement, one per team, each for 1–20 people (20 is already
//   more key players than a team sends); when the required attendees are given, each requirement must
//   be reachable by them (a team needing a key player must send one), or no meeting could count as held.
import { calendarDate, isValidTimeZone, isWithin, parseLocalTime, seriesStartWindow, spokenDate } from '../../../shared/calendar/index.js';
import { parseWeeklyRrule } from './parse-weekly-rrule.js';
import { MAX_QUORUM_PER_TEAM, quorumGapMessage, quorumGaps } from './quorum-reach.js';
import type { CheckinMember, CheckinProblem, CheckinSeries, CheckinValidationResult, QuorumRule } from './types.js';

export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 240;
export const DEFAULT_DURATION_MINUTES = 30;

export function validateCheckinSeries(
  series: CheckinSeries,
  options: { quorumRule?: QuorumRule; attendees?: readonly CheckinMember[]; today?: string; savedStartDate?: string } = {},
): CheckinValidationResult {
  const problems: CheckinProblem[] = [...parseWeeklyRrule(series.rrule).problems];

  if (!isValidTimeZone(series.timeZone)) {
    problems.push({ field: 'timeZone', message: `"${series.timeZone}" is not a time zone we know; use an IANA name such as "America/New_York" or "Europe/Berlin".` });
  }
  try {
    parseLocalTime(series.localTime);
  } catch {
    problems.push({ field: 'localTime', message: `"${series.localTime}" is not a time of day; write it as HH:MM in 24-hour time, e.g. 10:00 or 15:30.` });
  }
  try {
    calendarDate.parse(series.startDate);
    const window = options.today === undefined ? null : seriesStartWindow(options.today);
    if (window && series.startDate !== options.savedStartDate && !isWithin(series.startDate, window)) {
      const why = series.startDate < window.min ? 'meetings that far back are not kept' : 'set it up nearer the time';
      problems.push({
        field: 'startDate',
        message: `The start date ${spokenDate(series.startDate)} is out of range; a series starts between ${spokenDate(window.min)} and ${spokenDate(window.max)} (${why}).`,
      });
    }
  } catch {
    problems.push({ field: 'startDate', message: `"${series.startDate}" is not a date; write it as YYYY-MM-DD.` });
  }
  const d = series.durationMinutes;
  if (!Number.isInteger(d) || d < MIN_DURATION_MINUTES || d > MAX_DURATION_MINUTES) {
    const why = Number.isInteger(d) && d > MAX_DURATION_MINUTES ? 'longer is a workshop, not a weekly check-in' : 'shorter leaves no time for the agenda';
    problems.push({
      field: 'durationMinutes',
      message: `A check-in lasts ${MIN_DURATION_MINUTES} to ${MAX_DURATION_MINUTES} whole minutes (${DEFAULT_DURATION_MINUTES} by default), not ${String(d)}: ${why}.`,
    });
  }

  const rule = options.quorumRule;
  if (rule) {
    if (rule.requirements.length === 0) {
      problems.push({ field: 'quorum', message: 'The quorum rule needs at least one requirement, e.g. one key player from sales and one from marketing.' });
    }
    const seen = new Set<string>();
    for (const r of rule.requirements) {
      if (seen.has(r.team)) problems.push({ field: 'quorum', message: `The quorum rule lists ${r.team} twice; give each team one requirement.` });
      seen.add(r.team);
      if (!Number.isInteger(r.min) || r.min < 1 || r.min > MAX_QUORUM_PER_TEAM) {
        problems.push({ field: 'quorum', message: `The quorum rule for ${r.team} must ask for 1 to ${MAX_QUORUM_PER_TEAM} people, not ${String(r.min)}.` });
        continue;
      }
      if (options.attendees) {
        for (const gap of quorumGaps(options.attendees, { requirements: [r] })) problems.push({ field: 'quorum', message: quorumGapMessage(gap) });
      }
    }
  }
  return { ok: problems.length === 0, problems };
}
