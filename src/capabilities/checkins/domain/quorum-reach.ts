// Whether a check-in series' required attendees can make its quorum (SPEC S2: "the key players of both teams as
// required attendees, and a quorum rule"). A rule the attendees cannot reach means no meeting could ever count as
// held, so the series is refused (validateCheckinSeries) and the form says the same sentence before it is sent.
// No calendar, no I/O: the web form imports this file directly.
import type { CheckinMember, QuorumRequirement, QuorumRule } from './types.js';

/** The most people one requirement may ask for: 20 is already more key players than a team sends. */
export const MAX_QUORUM_PER_TEAM = 20;

type Attendee = Pick<CheckinMember, 'team' | 'keyPlayer' | 'active'>;

export interface QuorumGap {
  requirement: QuorumRequirement;
  /** How many of the attendees count toward it. */
  eligible: number;
}

/** The attendees who count toward one requirement: active, of its team, key players when it asks for them. */
export function quorumEligible<M extends Attendee>(attendees: readonly M[], requirement: QuorumRequirement): M[] {
  return attendees.filter((m) => m.active && m.team === requirement.team && (!requirement.keyPlayersOnly || m.keyPlayer));
}

/** The requirements the attendees cannot meet even when all of them come. */
export function quorumGaps(attendees: readonly Attendee[], rule: QuorumRule): QuorumGap[] {
  return rule.requirements
    .map((requirement) => ({ requirement, eligible: quorumEligible(attendees, requirement).length }))
    .filter((g) => g.eligible < g.requirement.min);
}

/** "Quorum needs 1 key player from sales, but the attendees include none: …; add …, or lower the rule." */
export function quorumGapMessage({ requirement: r, eligible }: QuorumGap): string {
  const who = r.keyPlayersOnly ? `key player${r.min === 1 ? '' : 's'}` : `member${r.min === 1 ? '' : 's'}`;
  const fix = r.keyPlayersOnly
    ? `add ${r.team} key players to the attendees, mark ${r.team} attendees as key players, or lower the rule`
    : `add ${r.team} members to the attendees or lower the rule`;
  return `Quorum needs ${r.min} ${who} from ${r.team}, but the attendees include ${eligible === 0 ? 'none' : `only ${eligible}`}: no check-in could count as held; ${fix}.`;
}
