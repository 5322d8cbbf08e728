// A shadow day as iCalendar (SPEC S4 "each pair gets an invite (ICS)"; S2 the feed): the invite attached to the email
// and the event in the calendar feed are the same all-day event — same UID, a DATE start and end a day later, the
// SEQUENCE given — as a calendar library reads them back.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendarFeed } from '../../../src/capabilities/checkins/domain/index.js';
import { shadowDayIcs, shadowDayUid } from '../../../src/capabilities/shadowing/domain/invite.js';

const read = (text: string) => new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;

describe('shadowDayIcs', () => {
  it('is one all-day event on the local date, whatever the zone it is opened in', () => {
    const text = shadowDayIcs({ uid: shadowDayUid('p1'), date: '2027-03-01', sequence: 2, summary: 'Shadow day: Mia with Sam', description: 'A day together.', url: 'http://localhost:3000/shadowing', stamp: new Date('2027-02-01T09:00:00Z') });
    const e = new ICAL.Event(read(text));
    expect(e.uid).toBe('shadow-day-p1@lockstep');
    expect(e.startDate.isDate).toBe(true);
    expect(e.startDate.toString()).toBe('2027-03-01');
    expect(e.endDate.toString()).toBe('2027-03-02');
    expect(e.sequence).toBe(2);
    expect(text).toMatch(/\r\nEND:VCALENDAR\r\n$/);
  });

  it('reads the same in a member\'s calendar feed, beside timed check-ins', () => {
    const feed = buildCalendarFeed({
      calendarName: 'Lockstep — Acme',
      timeZone: 'America/New_York',
      generatedAt: new Date('2027-02-01T09:00:00Z'),
      events: [{ uid: shadowDayUid('p1'), start: '2027-03-01T05:00:00.000Z', end: '2027-03-02T05:00:00.000Z', allDay: '2027-03-01', summary: 'Shadow day', description: '', sequence: 1, status: 'CONFIRMED' }],
    });
    const e = new ICAL.Event(read(feed));
    expect([e.uid, e.startDate.isDate, e.startDate.toString(), e.endDate.toString()]).toEqual(['shadow-day-p1@lockstep', true, '2027-03-01', '2027-03-02']);
  });
});
