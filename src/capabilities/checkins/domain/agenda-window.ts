// The window "since last meeting" an agenda covers (SPEC S2 agenda: wins, evidence and reflections
// "since last meeting"). It starts at the end of the last check-in that was held before this one —
// a missed check-in discussed nothing, so its news still is news — and ends at this meeting's start.
// It reaches back at most 28 days: a first check-in, or one after a long gap, gets the last four
// weeks, because older news is no longer news and a month is what a leader can go through in 30 min.
import { instantMs, type Instant } from '../../../shared/calendar/index.js';
import type { CheckinMeeting } from './types.js';

export const AGENDA_LOOKBACK_DAYS = 28;
const DAY_MS = 86_400_000;

export function agendaWindow(
  meeting: { id: string; start: Instant },
  meetings: readonly Pick<CheckinMeeting, 'id' | 'start' | 'end' | 'heldAt'>[],
): { since: string; until: string; lastMeetingId: string | null } {
  const until = instantMs(meeting.start);
  const floor = until - AGENDA_LOOKBACK_DAYS * DAY_MS;
  let last: { id: string; end: number } | null = null;
  for (const m of meetings) {
    if (m.id === meeting.id || m.heldAt === null) continue;
    const start = instantMs(m.start);
    if (start >= until) continue;
    const end = Math.min(instantMs(m.end), until);
    if (!last || end > last.end) last = { id: m.id, end };
  }
  const since = last && last.end > floor ? last.end : floor;
  return { since: new Date(since).toISOString(), until: new Date(until).toISOString(), lastMeetingId: last?.id ?? null };
}
