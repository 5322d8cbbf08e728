// Reads and checks the RRULE of a check-in series (SPEC S2: "weekly recurrence (RFC 5545 RRULE)").
// The rrule library parses leniently (INTERVAL=abc or BYDAY=XX pass silently), so the rule is read
// here first, with a message a person can act on for each way it can be wrong:
// - FREQ must be WEEKLY: the check-in is the weekly meeting of the two teams.
// - INTERVAL 1 or 2: every week, or every other week for small teams; three weeks or more between
//   check-ins is no longer the cadence SPEC S2 asks for.
// - BYDAY exactly one weekday, no ordinal (1MO makes sense only monthly): one meeting a week.
// - No BYHOUR/BYMINUTE/BYSECOND: the time of day is the series' local time, kept in the workspace zone.
// - No BYMONTH/BYMONTHDAY/BYYEARDAY/BYWEEKNO/BYSETPOS: they would skip weeks.
// - COUNT (a positive integer) or UNTIL (a date, or a UTC date-time), not both (RFC 5545 3.3.10).
import { WEEKDAY_CODES, type CheckinProblem, type WeekdayCode, type WeeklyRecurrence } from './types.js';

const KNOWN = ['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'UNTIL', 'WKST', 'BYHOUR', 'BYMINUTE', 'BYSECOND', 'BYMONTH', 'BYMONTHDAY', 'BYYEARDAY', 'BYWEEKNO', 'BYSETPOS'];
const TIME_PARTS = ['BYHOUR', 'BYMINUTE', 'BYSECOND'];
const SKIPPING_PARTS = ['BYMONTH', 'BYMONTHDAY', 'BYYEARDAY', 'BYWEEKNO', 'BYSETPOS'];
export const MAX_INTERVAL = 2;
const UNTIL_RE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/;

function isWeekday(code: string): code is WeekdayCode {
  return (WEEKDAY_CODES as readonly string[]).includes(code);
}

function validUntil(value: string): boolean {
  const m = UNTIL_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return false;
  return m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 61);
}

/** The weekly recurrence of a check-in series, or the problems with the rule (field 'rrule'). */
export function parseWeeklyRrule(rrule: string): { recurrence: WeeklyRecurrence; problems: [] } | { recurrence: null; problems: CheckinProblem[] } {
  const problems: string[] = [];
  const text = rrule.trim().replace(/^RRULE:/i, '');
  if (/[\r\n]/.test(text) || /^DTSTART/i.test(text)) {
    return { recurrence: null, problems: [{ field: 'rrule', message: 'Give only the rule (e.g. FREQ=WEEKLY;BYDAY=TU); the start date and time are set on the series.' }] };
  }
  const parts = new Map<string, string>();
  for (const raw of text.split(';').filter((p) => p.trim() !== '')) {
    const eq = raw.indexOf('=');
    const key = (eq < 0 ? raw : raw.slice(0, eq)).trim().toUpperCase();
    const value = eq < 0 ? '' : raw.slice(eq + 1).trim().toUpperCase();
    if (!KNOWN.includes(key)) problems.push(`The rule has a part RRULE does not know: "${raw.trim()}".`);
    else if (parts.has(key)) problems.push(`The rule gives ${key} twice; give it once.`);
    else if (value === '') problems.push(`${key} has no value; write it as ${key}=….`);
    else parts.set(key, value);
  }

  const freq = parts.get('FREQ');
  if (freq === undefined) problems.push('The rule needs FREQ=WEEKLY: a check-in is weekly.');
  else if (freq !== 'WEEKLY') problems.push(`A check-in is weekly: FREQ must be WEEKLY, not ${freq}.`);

  let interval = 1;
  const intervalText = parts.get('INTERVAL');
  if (intervalText !== undefined) {
    interval = /^\d+$/.test(intervalText) ? Number(intervalText) : NaN;
    if (!Number.isInteger(interval) || interval < 1 || interval > MAX_INTERVAL) {
      problems.push(`INTERVAL must be 1 (every week) or 2 (every other week), not ${intervalText}: the teams should not go longer than two weeks without a check-in.`);
    }
  }

  let weekday: WeekdayCode | null = null;
  const byday = parts.get('BYDAY');
  if (byday === undefined) problems.push('Say which weekday the check-in is on, e.g. BYDAY=TU.');
  else {
    const days = byday.split(',').map((d) => d.trim());
    const bad = days.filter((d) => !isWeekday(d));
    if (bad.length > 0) problems.push(`BYDAY takes weekday codes (MO, TU, WE, TH, FR, SA, SU); "${bad.join(', ')}" is not one.`);
    else if (days.length > 1) problems.push(`A check-in meets once a week, but BYDAY lists ${days.length} days (${days.join(', ')}); keep one.`);
    else weekday = days[0] as WeekdayCode;
  }

  for (const key of TIME_PARTS.filter((k) => parts.has(k))) {
    problems.push(`Set the time of day as the series' local time, not with ${key} in the rule.`);
  }
  for (const key of SKIPPING_PARTS.filter((k) => parts.has(k))) {
    problems.push(`${key} would skip weeks; a check-in meets every week (or every other week with INTERVAL=2).`);
  }

  let count: number | null = null;
  const countText = parts.get('COUNT');
  if (countText !== undefined) {
    count = /^\d+$/.test(countText) ? Number(countText) : NaN;
    if (!Number.isInteger(count) || count < 1) problems.push(`COUNT is how many check-ins the series has: a whole number of at least 1, not ${countText}.`);
  }
  const until = parts.get('UNTIL') ?? null;
  if (until !== null && !validUntil(until)) problems.push(`UNTIL must be a date like 20261231 or a UTC time like 20261231T235959Z, not ${until}.`);
  if (countText !== undefined && until !== null) problems.push('Give COUNT or UNTIL, not both (RFC 5545).');

  const wkst = parts.get('WKST') ?? 'MO';
  if (!isWeekday(wkst)) problems.push(`WKST takes a weekday code (MO … SU), not ${wkst}.`);

  if (problems.length > 0 || weekday === null || !isWeekday(wkst)) {
    return { recurrence: null, problems: problems.map((message) => ({ field: 'rrule', message })) };
  }
  return { recurrence: { weekday, interval, count, until, weekStart: wkst }, problems: [] };
}
