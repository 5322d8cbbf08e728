// The workspace calendar, the public face of src/shared/calendar (../shared/SPEC.md S0: a workspace's
// time zone, week start, fiscal-quarter start and holidays; used by S1 periods, S2 check-ins and their
// calendar feed, S4 shadow days). Pure functions on temporal-polyfill's zone rules: no I/O, nothing from
// src/capabilities. Rooms import this file only, never the files behind it.
export * from './types.js';
export { calendarDate } from './calendar-date.js';
export { instantMs } from './instant-ms.js';
export { timeZoneOffsetMs } from './time-zone-offset-ms.js';
export { wallClockOf } from './wall-clock-of.js';
export { localDateOf } from './local-date-of.js';
export { startOfLocalDay } from './start-of-local-day.js';
export { parseLocalTime } from './parse-local-time.js';
export { instantAtLocalTime } from './instant-at-local-time.js';
export { instantsAtWallClock } from './instants-at-wall-clock.js';
export { isRepeatedWallTime } from './is-repeated-wall-time.js';
export { zoneTransitions } from './zone-transitions.js';
export { buildVTimezone } from './build-vtimezone.js';
export { ZonedDate } from './zoned-date.js';
export { weekStartOf } from './week-start-of.js';
export { isoWeekOf } from './iso-week-of.js';
export { fiscalQuarterOf } from './fiscal-quarter-of.js';
export { periodOf } from './period-of.js';
export { lastPeriods } from './last-periods.js';
export { isWorkday, DEFAULT_WEEKEND } from './is-workday.js';
export { workdaysIn } from './workdays-in.js';
export { isValidTimeZone } from './is-valid-time-zone.js';
export { recordDateWindow, dueDateWindow, seriesStartWindow, isWithin, spokenDate, type DateWindow } from './date-windows.js';
