// Where a check-in stands (SPEC S2: "A meeting is held when marked so with quorum present; missed
// when its time passes without that").
// - upcoming: before its start;            in_progress: from its start until its end;
// - ended: after its end, not yet held, within the grace window — someone can still mark it held;
// - missed: the grace window passed and it was not held with quorum;
// - held: marked held with quorum present (whenever that was marked; held wins over everything);
// - cancelled: cancelled and not held. A cancelled check-in is not "scheduled": compliance skips it.
// Boundaries are half-open: at exactly its start it is in progress, at exactly its end it has ended,
// at exactly end + grace it is missed.
// The grace window is 12 hours: people mark the meeting held after it ends, often later that working
// day; 12 hours covers the rest of any working day, so the leader hears about a missed check-in the
// same evening or first thing the next morning, before the week moves on.
import { instantMs, type Instant } from '../../../shared/calendar/index.js';
import type { CheckinMeeting, MeetingState } from './types.js';

export const MISSED_GRACE_HOURS = 12;
/** A check-in can be marked held up to a week after it ended; later than that, the record is not credible. */
export const MARK_HELD_WITHIN_DAYS = 7;

const HOUR_MS = 3_600_000;

export function meetingState(meeting: CheckinMeeting, now: Instant, graceHours = MISSED_GRACE_HOURS): MeetingState {
  if (meeting.heldAt !== null && meeting.quorumMet) return 'held';
  if (meeting.cancelledAt !== null) return 'cancelled';
  const t = instantMs(now);
  const start = instantMs(meeting.start);
  const end = instantMs(meeting.end);
  if (t < start) return 'upcoming';
  if (t < end) return 'in_progress';
  if (t < end + graceHours * HOUR_MS) return 'ended';
  return 'missed';
}

/** Why the meeting cannot be marked held now, or null when it can. */
export function markHeldProblem(meeting: CheckinMeeting, now: Instant): string | null {
  if (meeting.cancelledAt !== null) return 'This check-in was cancelled; it cannot be marked held.';
  const t = instantMs(now);
  if (t < instantMs(meeting.start)) return 'A check-in can be marked held once it has started.';
  if (t > instantMs(meeting.end) + MARK_HELD_WITHIN_DAYS * 24 * HOUR_MS) {
    return `A check-in can be marked held up to ${MARK_HELD_WITHIN_DAYS} days after it ended; this one is older and stays missed.`;
  }
  return null;
}
