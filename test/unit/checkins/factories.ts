// Small builders for check-in domain tests.
import type { ActionItem, AttendanceEntry, CheckinMeeting, CheckinSeries } from '../../../src/capabilities/checkins/domain/index.js';
import type { Team } from '../../../src/shared/vocabulary.js';

export function series(overrides: Partial<CheckinSeries> = {}): CheckinSeries {
  return { rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU', startDate: '2026-01-01', localTime: '10:00', timeZone: 'America/New_York', durationMinutes: 30, ...overrides };
}

const HOUR = 3_600_000;

/** A 30-minute meeting starting at `start`; held with quorum when `held` is true. */
export function meeting(id: string, start: string, state: { held?: boolean; quorumMet?: boolean; cancelled?: boolean } = {}): CheckinMeeting {
  const s = Date.parse(start);
  const held = state.held ?? false;
  return {
    id,
    start,
    end: new Date(s + HOUR / 2).toISOString(),
    heldAt: held ? new Date(s + HOUR / 2).toISOString() : null,
    quorumMet: held ? (state.quorumMet ?? true) : false,
    cancelledAt: state.cancelled ? new Date(s - 24 * HOUR).toISOString() : null,
  };
}

/** Weekly meetings on Tuesdays at 15:00Z from 2026-01-06, `pattern` oldest first: 'H' held, 'M' not held. */
export function weeklyMeetings(pattern: string): CheckinMeeting[] {
  return [...pattern].map((c, i) => meeting(`m${i + 1}`, new Date(Date.UTC(2026, 0, 6 + 7 * i, 15)).toISOString(), { held: c === 'H' }));
}

export function present(memberId: string, team: Team, keyPlayer = true, isPresent = true): AttendanceEntry {
  return { memberId, team, keyPlayer, present: isPresent };
}

export function actionItem(overrides: Partial<ActionItem> & Pick<ActionItem, 'id'>): ActionItem {
  return {
    title: `Do ${overrides.id}`,
    ownerId: 'ana',
    dueDate: null,
    status: 'open',
    meetingId: 'm0',
    createdAt: '2026-03-03T15:20:00Z',
    closedAt: null,
    ...overrides,
  };
}
