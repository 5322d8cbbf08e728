// Check-in dates and times as a person reads them: in the series' time zone (where the meeting happens), in the browser's locale.
import { formatLocalDate } from '../shell/format.js';
import type { MeetingState, SeriesView, Weekday } from './types.js';

export const WEEKDAY_LABEL: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
export const WEEKDAY_OPTIONS = (Object.keys(WEEKDAY_LABEL) as Weekday[]).map((w) => ({ value: w, label: WEEKDAY_LABEL[w] }));

/** "America/New_York" → "America/New York". */
export const zoneLabel = (zone: string): string => zone.replaceAll('_', ' ');

/** "10:00" + 30 → "10:30" (wrapping past midnight). */
export function addMinutes(localTime: string, minutes: number): string {
  const [h = 0, m = 0] = localTime.split(':').map(Number);
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** "Tuesdays 10:00–10:30 · America/New York". */
export function scheduleText(s: Pick<SeriesView, 'weekday' | 'localTime' | 'durationMinutes' | 'timeZone' | 'rrule'>): string {
  const every = /INTERVAL=2/i.test(s.rrule) ? `Every other ${WEEKDAY_LABEL[s.weekday]}` : `${WEEKDAY_LABEL[s.weekday]}s`;
  return `${every} ${s.localTime}–${addMinutes(s.localTime, s.durationMinutes)} · ${zoneLabel(s.timeZone)}`;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(timeZone: string, kind: 'day' | 'time' | 'short' | 'zone' | 'dayTime'): Intl.DateTimeFormat {
  const key = `${timeZone}|${kind}`;
  let f = cache.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'day'
        ? { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }
        : kind === 'time'
          ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
          : kind === 'short'
            ? { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }
            : kind === 'dayTime'
              ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
              : { timeZoneName: 'short' };
    f = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

/** "Tuesday, December 1, 2026". */
export const meetingDay = (iso: string, timeZone: string): string => fmt(timeZone, 'day').format(new Date(iso));
/** "Tue, Dec 1, 2026". */
export const meetingDayShort = (iso: string, timeZone: string): string => fmt(timeZone, 'short').format(new Date(iso));
/** "10:00". */
export const meetingTime = (iso: string, timeZone: string): string => fmt(timeZone, 'time').format(new Date(iso));
/** "Dec 1, 10:00". */
export const meetingDayTime = (iso: string, timeZone: string): string => fmt(timeZone, 'dayTime').format(new Date(iso));
/** "EST" for that instant (so daylight saving shows). */
export function zoneAbbreviation(iso: string, timeZone: string): string {
  return fmt(timeZone, 'zone').formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName')?.value ?? zoneLabel(timeZone);
}
/** "10:00–10:30 EST". */
export const meetingTimeRange = (start: string, end: string, timeZone: string): string =>
  `${meetingTime(start, timeZone)}–${meetingTime(end, timeZone)} ${zoneAbbreviation(start, timeZone)}`;

/** A calendar date 'YYYY-MM-DD' as "Dec 1", or "Dec 1, 2027" in another year (no time zone shift: a date, not an instant). */
export const calendarDate = (date: string): string => formatLocalDate(date);

/** Today's date 'YYYY-MM-DD' in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A date 'YYYY-MM-DD' plus n days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

export const STATE_LABEL: Record<MeetingState, string> = {
  upcoming: 'Upcoming',
  in_progress: 'In progress',
  ended: 'Ended — not marked held',
  held: 'Held',
  missed: 'Missed',
  cancelled: 'Cancelled',
};
export const STATE_COLOR: Record<MeetingState, string> = {
  upcoming: 'indigo',
  in_progress: 'cyan',
  ended: 'orange',
  held: 'teal',
  missed: 'red',
  cancelled: 'gray',
};

export const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)}%`);
