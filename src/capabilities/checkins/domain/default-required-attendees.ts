// Who must attend a check-in unless the leader chooses otherwise (SPEC S2: "the key players of both
// teams as required attendees"). SPEC S0 defines the keyPlayer flag as "attends the weekly check-in",
// so every active key player is required, leadership included (the leader runs the meeting).
// Ordered sales, marketing, leadership, then by name, as the attendance list shows them.
import type { Team } from '../../../shared/vocabulary.js';
import type { CheckinMember } from './types.js';

const TEAM_ORDER: Record<Team, number> = { sales: 0, marketing: 1, leadership: 2 };

export function defaultRequiredAttendees(members: readonly CheckinMember[]): CheckinMember[] {
  return members
    .filter((m) => m.active && m.keyPlayer)
    .sort((a, b) => TEAM_ORDER[a.team] - TEAM_ORDER[b.team] || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
