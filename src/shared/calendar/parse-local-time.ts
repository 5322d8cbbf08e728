// A local time of day, 'HH:MM' in 24-hour time (../shared/SPEC.md S2: a check-in series meets at a
// local wall-clock time).
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Hours and minutes of 'HH:MM' (24 h); throws on anything else. */
export function parseLocalTime(time: string): { hour: number; minute: number } {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`"${time}" is not a time of day (HH:MM, 24-hour).`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}
