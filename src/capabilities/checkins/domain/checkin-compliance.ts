// Check-in compliance (SPEC S2: "share of the last 12 scheduled check-ins held with quorum").
// Counted are the most recent 12 check-ins whose outcome is decided — held with quorum, or missed
// (meetingState). Upcoming, in-progress and just-ended ones (inside the grace window) are not decided
// yet, and cancelled ones were not scheduled after all, so none of them counts either way.
// Fewer than 12 decided check-ins: the share is over those there are; none: the share is null
// (no data is not 0 %). The streak counts held check-ins back from the most recent decided one.
import { instantMs, type Instant } from '../../../shared/calendar/index.js';
import { meetingState } from './meeting-state.js';
import type { CheckinCompliance, CheckinMeeting } from './types.js';

export const COMPLIANCE_WINDOW = 12;

/** The most recent `window` decided check-ins, most recent first, with whether each was held. */
export function decidedCheckins(
  meetings: readonly CheckinMeeting[],
  now: Instant,
  window = COMPLIANCE_WINDOW,
): { meeting: CheckinMeeting; held: boolean }[] {
  return meetings
    .map((meeting) => ({ meeting, state: meetingState(meeting, now) }))
    .filter((m) => m.state === 'held' || m.state === 'missed')
    .sort((a, b) => instantMs(b.meeting.start) - instantMs(a.meeting.start) || a.meeting.id.localeCompare(b.meeting.id))
    .slice(0, window)
    .map((m) => ({ meeting: m.meeting, held: m.state === 'held' }));
}

export function checkinCompliance(meetings: readonly CheckinMeeting[], now: Instant, window = COMPLIANCE_WINDOW): CheckinCompliance {
  const decided = decidedCheckins(meetings, now, window);
  const held = decided.filter((d) => d.held).length;
  let streak = 0;
  while (streak < decided.length && decided[streak]?.held) streak++;
  const missed = decided.filter((d) => !d.held).map((d) => ({ id: d.meeting.id, start: new Date(instantMs(d.meeting.start)).toISOString() }));
  const share = decided.length === 0 ? null : held / decided.length;

  let summary: string;
  if (share === null) summary = 'No check-in has been held or missed yet.';
  else {
    const scope = decided.length >= window ? `the last ${window} check-ins` : `${decided.length} check-in${decided.length === 1 ? '' : 's'} so far`;
    const tail = streak > 1 ? `the last ${streak} in a row` : streak === 1 ? 'the last one was held' : 'the last one was missed';
    summary = `${held} of ${scope} held with quorum (${Math.round(share * 100)}%); ${tail}.`;
  }
  return { window, counted: decided.length, held, share, streak, missed, summary };
}
