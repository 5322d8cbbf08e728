// A Date that reads its wall clock in a given IANA zone, for ical-generator (../shared/SPEC.md S2
// calendar feed, S4 shadow-day invites).
// ical-generator writes DTSTART;TZID=… from a native Date's *process-local* getters, which would make
// the feed depend on the server's TZ. It accepts @date-fns/tz's TZDate instead (a Date subclass with
// withTimeZone/tzComponents, see ICalTZDateStub in its typings); this is the small part of that
// contract it uses, so "10:00 America/New_York" is written as 100000 whatever zone the server runs in.
import type { WallClock } from './types.js';
import { wallClockOf } from './wall-clock-of.js';

export class ZonedDate extends Date {
  readonly internal: Date;
  readonly timeZone: string;
  private readonly wall: WallClock;

  constructor(ms: number, timeZone: string) {
    super(ms);
    this.internal = new Date(ms);
    this.timeZone = timeZone;
    this.wall = wallClockOf(ms, timeZone);
  }

  withTimeZone(timeZone?: string | null): ZonedDate {
    return new ZonedDate(this.getTime(), timeZone ?? this.timeZone);
  }

  tzComponents(): WallClock {
    return { ...this.wall };
  }

  override getFullYear(): number {
    return this.wall.year;
  }
  override getMonth(): number {
    return this.wall.month - 1;
  }
  override getDate(): number {
    return this.wall.day;
  }
  override getHours(): number {
    return this.wall.hour;
  }
  override getMinutes(): number {
    return this.wall.minute;
  }
  override getSeconds(): number {
    return this.wall.second;
  }
}
