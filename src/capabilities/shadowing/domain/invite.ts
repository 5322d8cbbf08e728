// A shadow day's invite (SPEC S4 "each pair gets an invite (ICS) and reminders"): one all-day event as an iCalendar
// file, attached to the email host and guest get when the day is set and each time it moves. The UID is the one
// their calendar feed carries (shadow-day-<pairId>@lockstep), and SEQUENCE grows with each new date, so a calendar
// that imported the first invite moves the event instead of adding a second one.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface ShadowDayInvite {
  uid: string;
  /** The local date, 'YYYY-MM-DD'. */
  date: string;
  sequence: number;
  summary: string;
  description: string;
  url: string;
  cancelled?: boolean;
  /** DTSTAMP: pass it for byte-stable output. */
  stamp: Date;
}

export const shadowDayUid = (pairId: string): string => `shadow-day-${pairId}@lockstep`;

export function shadowDayIcs(invite: ShadowDayInvite): string {
  const calendar = ical({ prodId: { company: 'Lockstep', product: 'Lockstep', language: 'EN' }, method: ICalCalendarMethod.PUBLISH, name: 'Lockstep shadow day' });
  const day = new Date(`${invite.date}T00:00:00Z`);
  calendar.createEvent({
    id: invite.uid,
    sequence: invite.sequence,
    allDay: true,
    start: day,
    end: new Date(day.getTime() + 86_400_000),
    timezone: null,
    stamp: invite.stamp,
    summary: invite.summary,
    description: invite.description,
    url: invite.url,
    status: invite.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString().replace(/(\r\n)?$/, '\r\n');
}
