// Writes the RRULE of a check-in series (SPEC S2: weekly recurrence, RFC 5545). The series keeps its
// time of day and zone apart (CheckinSeries.localTime / timeZone), so the rule carries only the
// weekday and the interval: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU'.
import type { WeekdayCode } from './types.js';

export function weeklyRrule(input: { weekday: WeekdayCode; interval?: number; count?: number | null; until?: string | null; weekStart?: WeekdayCode }): string {
  const parts = ['FREQ=WEEKLY', `INTERVAL=${input.interval ?? 1}`, `BYDAY=${input.weekday}`];
  if (input.weekStart && input.weekStart !== 'MO') parts.push(`WKST=${input.weekStart}`);
  if (input.count) parts.push(`COUNT=${input.count}`);
  if (input.until) parts.push(`UNTIL=${input.until}`);
  return parts.join(';');
}
