// Checks an action item agreed in a check-in (SPEC S2: "action items (owner, due date)"). The title
// says what to do (1–200 characters: a line, not a document); the owner is a member of the
// workspace; the due date is a calendar date on or after the meeting's local date — due before the
// meeting it was agreed in, it would be overdue the moment it is written — and, when it is being set (`today`
// given), at most two years ahead (issue 10: a 2999 due date is a typo, and an action item is for weeks).
import { calendarDate, dueDateWindow, localDateOf, spokenDate as readable, type Instant } from '../../../shared/calendar/index.js';
import type { CheckinProblem, CheckinValidationResult } from './types.js';

export const MAX_ACTION_TITLE = 200;

function isCalendarDate(value: string): boolean {
  try {
    calendarDate.parse(value);
    return true;
  } catch {
    return false;
  }
}

export function validateActionItem(
  item: { title: string; ownerId: string; dueDate: string | null },
  context: { meetingStart: Instant; timeZone: string; memberIds?: readonly string[]; today?: string },
): CheckinValidationResult {
  const problems: CheckinProblem[] = [];
  const title = item.title.trim();
  if (title === '') problems.push({ field: 'title', message: 'Say what needs doing.' });
  else if (title.length > MAX_ACTION_TITLE) problems.push({ field: 'title', message: `Keep the action to ${MAX_ACTION_TITLE} characters; put the detail in the meeting notes.` });
  if (context.memberIds && !context.memberIds.includes(item.ownerId)) {
    problems.push({ field: 'ownerId', message: 'The owner must be a member of this workspace.' });
  }
  if (item.dueDate !== null) {
    if (!isCalendarDate(item.dueDate)) {
      problems.push({ field: 'dueDate', message: `"${item.dueDate}" is not a date; write it as YYYY-MM-DD.` });
    } else {
      const meetingDate = localDateOf(context.meetingStart, context.timeZone);
      if (item.dueDate < meetingDate) {
        problems.push({ field: 'dueDate', message: `The due date ${readable(item.dueDate)} is before the check-in on ${readable(meetingDate)}; pick the meeting day or later.` });
      } else if (context.today !== undefined && item.dueDate > dueDateWindow(context.today, meetingDate).max) {
        const { max } = dueDateWindow(context.today, meetingDate);
        problems.push({ field: 'dueDate', message: `The due date ${readable(item.dueDate)} is more than two years away; pick a date up to ${readable(max)}, or split the work into nearer steps.` });
      }
    }
  }
  return { ok: problems.length === 0, problems };
}
