// Weekly check-in (SPEC S2), the pure part: the series and its occurrences across DST, validation,
// meeting state and quorum, the agenda and its section providers, action items, compliance and the
// calendar feed. Routes, stores and jobs import from here.
export * from './types.js';
export { weeklyRrule } from './weekly-rrule.js';
export { parseWeeklyRrule, MAX_INTERVAL } from './parse-weekly-rrule.js';
export { validateCheckinSeries, MIN_DURATION_MINUTES, MAX_DURATION_MINUTES, DEFAULT_DURATION_MINUTES } from './validate-checkin-series.js';
export { expandCheckinSeries, nextCheckin, weekdayOf, MAX_OCCURRENCES } from './expand-checkin-series.js';
export { meetingState, markHeldProblem, MISSED_GRACE_HOURS, MARK_HELD_WITHIN_DAYS } from './meeting-state.js';
export { checkQuorum, DEFAULT_QUORUM_RULE } from './check-quorum.js';
export { quorumEligible, quorumGaps, quorumGapMessage, MAX_QUORUM_PER_TEAM, type QuorumGap } from './quorum-reach.js';
export { defaultRequiredAttendees } from './default-required-attendees.js';
export { AGENDA_SECTIONS, agendaSection, type AgendaSectionDefinition } from './agenda-sections.js';
export { agendaWindow, AGENDA_LOOKBACK_DAYS } from './agenda-window.js';
export { collectAgendaSections, PROVIDER_TIMEOUT_MS } from './collect-agenda-sections.js';
export { assembleAgenda } from './assemble-agenda.js';
export { carriedOver } from './carried-over.js';
export { openItemsFor } from './open-items-for.js';
export { validateActionItem, MAX_ACTION_TITLE } from './validate-action-item.js';
export { checkinCompliance, decidedCheckins, COMPLIANCE_WINDOW } from './checkin-compliance.js';
export { weightedCompliance } from './weighted-compliance.js';
export { buildCalendarFeed, feedUid, FEED_UID_DOMAIN } from './build-calendar-feed.js';
