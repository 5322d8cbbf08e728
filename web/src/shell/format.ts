// The web app's one date formatter (issue 10, docs/UX.md "Dates"), in the browser's locale: the year is shown whenever
// it is not the current one; instants are shown in the workspace's time zone, named where it differs from the browser's;
// a calendar date ('YYYY-MM-DD': a due date, a holiday) is shown as written, never shifted by a zone.

const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
let workspaceZone = BROWSER_ZONE;

/** Set by the signed-in shell: the zone instants are shown in. */
export function setWorkspaceTimeZone(timeZone: string): void {
  workspaceZone = timeZone;
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** Formatters are costly to build: one per zone and shape (docs/ARCHITECTURE.md "Read paths"). */
function format(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    formats.set(key, f);
  }
  return f;
}

const yearIn = (d: Date, timeZone: string): number => Number(format(timeZone, { year: 'numeric' }).formatToParts(d).find((p) => p.type === 'year')?.value);

/** The month, day and (when not this year) year of an instant in a zone. */
function dayOptions(d: Date, timeZone: string, now: Date): Intl.DateTimeFormatOptions {
  return { month: 'short', day: 'numeric', ...(yearIn(d, timeZone) === yearIn(now, timeZone) ? {} : { year: 'numeric' }) };
}

/** " EST" when the zone is not the browser's, so a time is never read in the wrong zone. */
function zoneSuffix(d: Date, timeZone: string): string {
  if (timeZone === BROWSER_ZONE) return '';
  const name = format(timeZone, { timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value;
  return ` ${name ?? timeZone.replaceAll('_', ' ')}`;
}

/** "Dec 1, 10:00 AM", "Dec 1, 2025, 10:00 AM", "Dec 1, 4:00 PM CET" (workspace zone, named if not the browser's). */
export function formatDateTime(iso: string, timeZone = workspaceZone, now = new Date()): string {
  const d = new Date(iso);
  return `${format(timeZone, { ...dayOptions(d, timeZone, now), hour: 'numeric', minute: '2-digit' }).format(d)}${zoneSuffix(d, timeZone)}`;
}

/** "Dec 1", or "Dec 1, 2025" in another year: the day of an instant in the workspace's zone. */
export function formatDate(iso: string, timeZone = workspaceZone, now = new Date()): string {
  const d = new Date(iso);
  return format(timeZone, dayOptions(d, timeZone, now)).format(d);
}

/** A calendar date 'YYYY-MM-DD' as written: "Tue, Dec 31" this year, "Tue, Dec 31, 2999" in another (weekday optional). */
export function formatLocalDate(date: string, opts: { weekday?: boolean } = {}, now = new Date()): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  const thisYear = y === yearIn(now, workspaceZone);
  return format('UTC', { ...(opts.weekday ? { weekday: 'short' } : {}), month: 'short', day: 'numeric', ...(thisYear ? {} : { year: 'numeric' }) }).format(day);
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "3 hours ago", "in 2 days". */
export function formatRelative(iso: string, now = Date.now()): string {
  let value = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit);
    value /= size;
  }
  return formatDate(iso);
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function initials(name: string): string {
  // Words that start with a letter or digit: "Gustavo (sales)" is G, not G(.
  const parts = name.trim().split(/\s+/).filter((p) => /^[\p{L}\p{N}]/u.test(p));
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => (p ?? '').charAt(0).toUpperCase()).join('') || '?';
}
