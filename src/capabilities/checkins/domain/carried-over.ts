// The action items a meeting carries over (SPEC S2: "action items (owner, due date) that carry over
// until done"). An item is carried to a meeting when it was agreed before the meeting started (not in
// this meeting) and was still open when it started — so an item done during the meeting still shows
// on that meeting's agenda, and an old agenda reads as it did. Dropped items stop carrying like done
// ones. Overdue (due before the meeting's local date) come first, most overdue first; then by due
// date, items without one last; then oldest first.
import { calendarDate, instantMs, localDateOf, type Instant } from '../../../shared/calendar/index.js';
import type { ActionItem, CarriedOverItem } from './types.js';

export function carriedOver(items: readonly ActionItem[], meeting: { id: string; start: Instant }, timeZone: string): CarriedOverItem[] {
  const start = instantMs(meeting.start);
  const meetingDate = localDateOf(meeting.start, timeZone);
  return items
    .filter((i) => i.meetingId !== meeting.id && instantMs(i.createdAt) < start)
    .filter((i) => i.status === 'open' || (i.closedAt !== null && instantMs(i.closedAt) >= start))
    .map((i) => {
      const daysOverdue = i.dueDate === null ? 0 : Math.max(0, calendarDate.daysBetween(i.dueDate, meetingDate));
      return { ...i, overdue: daysOverdue > 0, daysOverdue };
    })
    .sort(
      (a, b) =>
        b.daysOverdue - a.daysOverdue ||
        (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
        instantMs(a.createdAt) - instantMs(b.createdAt) ||
        a.id.localeCompare(b.id),
    );
}
