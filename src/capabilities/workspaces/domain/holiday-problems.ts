// The workspace's holidays (SPEC S0; issue 10 "holidays from ten years back to the end of next year"): each date
// lies in the record window (recordDateWindow), or it is refused with the window named. A date already on the
// saved list is kept as it is, so an old list can still be saved after the window moves on.
import { isWithin, recordDateWindow, spokenDate } from '../../../shared/calendar/index.js';

export interface HolidayProblem {
  /** The field path, as the request names it: 'body.holidays.2.date'. */
  path: string;
  message: string;
}

export function holidayProblems(holidays: readonly { date: string; name: string }[], today: string, saved: readonly string[] = []): HolidayProblem[] {
  const window = recordDateWindow(today);
  const kept = new Set(saved);
  return holidays.flatMap((h, i) =>
    isWithin(h.date, window) || kept.has(h.date)
      ? []
      : [
          {
            path: `body.holidays.${i}.date`,
            message: `The date of holiday ${i + 1} (${h.name}), ${spokenDate(h.date)}, is out of range: holidays go from ${spokenDate(window.min)} to ${spokenDate(window.max)}.`,
          },
        ],
  );
}
